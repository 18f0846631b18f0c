# Release artifacts (dist/, git-ignored) and the tests of them as a user gets them.
#   make dist       dist/hms-room-codes-<version>-<target>.tar.gz   C SDK, x86_64 and aarch64 Linux (glibc 2.17+
#                                                                  and musl), macOS (x86_64, aarch64)
#                   dist/hms-room-codes-<version>-x86_64-pc-windows-gnu.zip   C SDK, Windows
#                   dist/go-proxy/                                 the Go module with its prebuilt libraries
#                                                                  (linux glibc and musl, darwin: amd64, arm64;
#                                                                  windows: amd64), as a file-based module proxy
#                                                                  (GOPROXY=file://…)
#                   dist/hms-room-codes-<version>.crate            the crate (cargo package)
#                   dist/hms-room-codes-<version>.tgz              the npm package (make npm-package)
#   make test-dist  builds the quickstarts against dist/ only (scripts/dist/test-*.sh) and reports
#                   sizes, the glibc floor and the exported symbols
# Cross builds use zig and cargo-zigbuild, installed pinned by scripts/dist/tools.sh into ~/.cache.
.PHONY: dist dist-artifacts dist-libs-x86_64 dist-libs-aarch64 dist-c dist-c-more dist-go dist-crate dist-npm \
        dist-tests-run test-dist

DIST          := dist
DIST_BUILD    := build/dist
DIST_VERSION  := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
DIST_TARGETS  := x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu
# The glibc floor: Rust's own for these targets.
DIST_GLIBC    := 2.17
DIST_ZIGBUILD := PATH="$$(bash scripts/dist/tools.sh):$$PATH"

# The wall time of the whole build goes to $(DIST_BUILD)/seconds for the report.
dist:
	@mkdir -p $(DIST_BUILD); start=$$(date +%s); \
	  $(MAKE) --no-print-directory dist-artifacts && echo $$(( $$(date +%s) - start )) >$(DIST_BUILD)/seconds

dist-artifacts: dist-c dist-c-more dist-go dist-crate dist-npm

# x86_64: the archive `make c-lib` built (same target; the C compiler's glibc
# does not reach into a static library) re-linked by zig against glibc 2.17.
dist-libs-x86_64: c-lib
	$(DIST_ZIGBUILD) bash scripts/dist/c-libs.sh $(C_LIB_A) x86_64-linux-gnu.$(DIST_GLIBC) $(DIST_VERSION) \
	  $(DIST_BUILD)/x86_64-unknown-linux-gnu

dist-libs-aarch64:
	rustup target list --installed | grep -qx aarch64-unknown-linux-gnu || rustup target add aarch64-unknown-linux-gnu
	$(DIST_ZIGBUILD) nice cargo-zigbuild rustc --quiet --release --lib -p hms-room-codes --features ffi \
	  --target aarch64-unknown-linux-gnu.$(DIST_GLIBC) --crate-type staticlib
	$(DIST_ZIGBUILD) bash scripts/dist/c-libs.sh target/aarch64-unknown-linux-gnu/release/libhms_room_codes.a \
	  aarch64-linux-gnu.$(DIST_GLIBC) $(DIST_VERSION) $(DIST_BUILD)/aarch64-unknown-linux-gnu

dist-c: dist-libs-x86_64 dist-libs-aarch64
	rm -f $(DIST)/hms-room-codes-[0-9]*.tar.gz
	for t in $(DIST_TARGETS); do \
	  bash scripts/dist/c-archive.sh $(DIST_VERSION) $$t $(DIST_BUILD)/$$t $(DIST) || exit 1; done

# The Go module's libraries: the sans-IO C API alone, built by plain cargo for
# every target (no C compiler: Go does the I/O with net/http).
DIST_GO_TARGETS := x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-unknown-linux-musl \
                   aarch64-unknown-linux-musl x86_64-apple-darwin aarch64-apple-darwin x86_64-pc-windows-gnu

# The C SDK for musl, macOS and Windows (c-libs-more.sh: the crate cross-built by
# cargo-zigbuild, one target at a time).
DIST_MORE_TARGETS := x86_64-unknown-linux-musl aarch64-unknown-linux-musl x86_64-apple-darwin \
                     aarch64-apple-darwin x86_64-pc-windows-gnu

dist-c-more: dist-c
	rm -f $(DIST)/hms-room-codes-[0-9]*.zip
	for t in $(DIST_MORE_TARGETS); do \
	  $(DIST_ZIGBUILD) bash scripts/dist/c-libs-more.sh $$t $(DIST_VERSION) $(DIST_BUILD)/$$t && \
	  bash scripts/dist/c-archive.sh $(DIST_VERSION) $$t $(DIST_BUILD)/$$t $(DIST) || exit 1; done

dist-go:
	bash scripts/dist/go-libs.sh $(DIST_BUILD)/go-libs $(DIST_GO_TARGETS)
	rm -rf $(DIST)/go-proxy
	python3 scripts/dist/go_module.py v$(DIST_VERSION) $(DIST)/go-proxy \
	  $$(for p in $(DIST_BUILD)/go-libs/*; do echo "$${p##*/}=$$p/libhms_room_codes.a"; done)

dist-crate:
	cargo package --quiet --no-verify --allow-dirty -p hms-room-codes
	mkdir -p $(DIST) && cp target/package/hms-room-codes-$(DIST_VERSION).crate $(DIST)/

dist-npm: npm-package
	mkdir -p $(DIST) && cp target/npm/hms-room-codes-$(DIST_VERSION).tgz $(DIST)/

# Needs the emulator (test-dist starts one).
dist-tests-run:
	$(DIST_ZIGBUILD) bash scripts/dist/test-c.sh $(DIST) $(DIST_VERSION) $(CURDIR)/$(C_OUT)/emu_room
	$(DIST_ZIGBUILD) bash scripts/dist/test-c-more.sh $(DIST) $(DIST_VERSION) $(CURDIR)/$(C_OUT)/emu_room
	GO_CURRENT=$$(bash scripts/dist/go-toolchain.sh $(GO_CURRENT_VERSION)) $(DIST_ZIGBUILD) \
	  bash scripts/dist/test-go.sh $(DIST) $(DIST_VERSION) $(CURDIR)/$(C_OUT)/emu_room

test-dist: dist c-examples
	bash scripts/with-emulator.sh $(MAKE) --no-print-directory dist-tests-run
	bash scripts/dist/report.sh $(DIST) $(DIST_VERSION) $(DIST_GLIBC) $(DIST_BUILD)/seconds
