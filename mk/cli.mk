# The command-line tool (cli/) and the emulator (emulator/) as users get them: static
# binaries in dist/, and the tests run from those archives only.
#   make dist-bins   dist/hms-emulator-<version>-<target>.tar.gz and
#                    dist/hms-room-codes-cli-<version>-<target>.tar.gz (.zip on Windows) for
#                    each of BIN_TARGETS (Linux static, musl; macOS; Windows; cross-built
#                    with cargo-zigbuild); part of `make dist`
#   make test-cli    tests/cli/run.sh: every command of the CLI from dist/ against the
#                    emulator from dist/, the exit statuses, bulk runs over 20 rooms;
#                    tests/cli/other-platforms.sh: the Windows binaries under wine64, the
#                    macOS ones checked as Mach-O
#   make test-testing-c  the C SDK's Testing-your-code example against the shipped emulator
#   make demo-cli    the CLI against the running emulator (part of `make demo`)
.PHONY: dist-bins test-cli test-testing-c demo-cli

# x86_64 Linux first: the others' archives take their shell completions from it.
BIN_TARGETS := x86_64-unknown-linux-musl aarch64-unknown-linux-musl aarch64-apple-darwin \
               x86_64-apple-darwin x86_64-pc-windows-gnu

dist-artifacts: dist-bins

dist-bins:
	for t in $(BIN_TARGETS); do \
	  $(DIST_ZIGBUILD) bash scripts/dist/bins.sh $$t $(DIST_VERSION) $(DIST) || exit 1; done

test-cli: dist-bins test-testing-c
	bash tests/cli/run.sh $(DIST) $(DIST_VERSION)
	$(DIST_ZIGBUILD) bash tests/cli/other-platforms.sh $(DIST) $(DIST_VERSION)

demo-cli:
	cargo build --quiet --release -p hms-room-codes-cli
	bash examples/cli-demo.sh target/release/hms-room-codes

# The C SDK's "Testing your code" example (bindings/c/examples/testing_your_code.c): it
# starts the shipped emulator binary itself.
test-testing-c: c-lib dist-bins | $(C_OUT)
	$(CC) $(C_STRICT) $(C_INC) bindings/c/examples/testing_your_code.c $(C_LIB_A) $(C_SYSLIBS) \
	  -o $(C_OUT)/testing_your_code
	HMS_EMULATOR=target/x86_64-unknown-linux-musl/dist-bin/hms-emulator $(C_OUT)/testing_your_code
