# Go (bindings/go, package roomcodes) over the C ABI, linked statically.
#   make go-lib    builds target/release/libhms_room_codes.a, which the #cgo lines
#                  link: run it before `go build` / `go test` in bindings/go
#   make test-go   gofmt, go vet, then `go test -race` against the emulator, and
#                  again with -tags hmsgcdebug (a GC around every C call)
#   make demo-go   the Go quickstart (inside scripts/with-emulator.sh)
.PHONY: go-lib go-tests-run test-go demo-go

# Debian's Go (1.19) as it is: no toolchain download, no external modules.
GO := cd bindings/go && GOTOOLCHAIN=local GOFLAGS=-mod=mod go

go-lib: c-lib

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
