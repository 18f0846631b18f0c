# Go (bindings/go, package roomcodes) over the C ABI, linked statically.
#   make go-lib    builds the library and links it where the #cgo lines look,
#                  bindings/go/lib/linux_<GOARCH>/ (git-ignored; a release ships
#                  the prebuilt ones there): run it before `go build` / `go test`
#   make test-go   gofmt, go vet, then `go test -race` against the emulator, and
#                  again with -tags hmsgcdebug (a GC around every C call)
#   make demo-go   the Go quickstart (inside scripts/with-emulator.sh)
.PHONY: go-lib go-tests-run test-go demo-go

# Debian's Go (1.19) as it is: no toolchain download, no external modules.
GO := cd bindings/go && GOTOOLCHAIN=local GOFLAGS=-mod=mod go

GO_LIB_DIR = bindings/go/lib/linux_$(shell GOTOOLCHAIN=local go env GOARCH)

go-lib: c-lib
	mkdir -p $(GO_LIB_DIR)
	ln -sfn $(CURDIR)/$(C_LIB_A) $(GO_LIB_DIR)/libhms_room_codes.a

# Needs the emulator (test-go starts one).
go-tests-run:
	$(GO) test -race -count=1 ./...
	$(GO) test -race -count=1 -short -tags hmsgcdebug ./...

test-go: go-lib
	@unformatted=$$(cd bindings/go && gofmt -l .); [ -z "$$unformatted" ] || \
	  { echo "gofmt: $$unformatted"; exit 1; }
	$(GO) vet ./...
	bash scripts/with-emulator.sh $(MAKE) --no-print-directory go-tests-run

demo-go: go-lib c-examples
	$(GO) build -o $(CURDIR)/build/go/quickstart ./examples/quickstart
	$(C_ROOM) build/go/quickstart
