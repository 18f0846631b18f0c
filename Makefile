# The two commands of the README:
#   make demo   builds everything and runs the quickstarts against the local emulator
#   make test   installs what is missing, then runs every check and test
# Each binding's targets live in mk/*.mk; this file fixes the order.

.PHONY: setup demo test

include mk/*.mk

DEMO_ORDER := demo-rust demo-c demo-go demo-node demo-cli
TEST_ORDER := lint-rust test-rust test-c test-go lint-wasm test-wasm test-npm test-runtimes test-dist test-cli

setup:
	bash scripts/setup.sh

demo: setup
	cargo build --quiet --release -p hms-emulator -p hms-room-codes-cli
	bash scripts/with-emulator.sh $(MAKE) --no-print-directory $(DEMO_ORDER)

test: setup
	$(MAKE) --no-print-directory $(TEST_ORDER)
