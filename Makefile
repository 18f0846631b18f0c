# The two commands of the README:
#   make demo   builds everything and runs the quickstarts against the local emulator
#   make test   installs what is missing, then runs every check and test
# Each binding adds its targets in mk/*.mk (DEMO_STEPS and TEST_STEPS).

.PHONY: setup demo test
DEMO_STEPS :=
TEST_STEPS :=

include mk/*.mk

setup:
	bash scripts/setup.sh

demo: setup
	cargo build --quiet --release -p hms-emulator
	bash scripts/with-emulator.sh $(MAKE) --no-print-directory $(DEMO_STEPS)

test: setup
	$(MAKE) --no-print-directory $(TEST_STEPS)
