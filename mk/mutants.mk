# Mutation testing of the core's decision files (not part of `make test`):
# cargo-mutants (pinned) changes each function of those files in turn and runs
# the crate's unit tests (`--lib`) against every change; a change no test
# notices is "missed". `make mutants` lists what was not caught and fails below
# MUTANTS_MIN_PERCENT caught. One job and a short timeout, since the machine is
# shared and a mutant that loops must be cut off; the copy of the tree it works
# in is built once, then incrementally per mutant.
#   make mutants MUTANTS_FILES="core/listing core/call/retry"   only those files (paths under src/)
.PHONY: mutants
MUTANTS_VERSION     := 27.1.0
MUTANTS_FILES       ?= core/call/mod core/call/classify core/wire/encode core/link core/listing \
                       core/call/retry core/call/retry_after core/validate
MUTANTS_TIMEOUT     ?= 60
MUTANTS_MIN_PERCENT ?= 98
MUTANTS_OUT         := build/mutants

mutants:
	cargo mutants --version 2>/dev/null | grep -q " $(MUTANTS_VERSION)$$" || \
	  cargo install cargo-mutants --version $(MUTANTS_VERSION) --locked --quiet
	mkdir -p $(MUTANTS_OUT)
	cargo mutants --no-shuffle -j 1 --timeout $(MUTANTS_TIMEOUT) \
	  $(foreach file,$(MUTANTS_FILES),--file src/$(file).rs) --output $(MUTANTS_OUT) -- --lib \
	  >$(MUTANTS_OUT)/run.log 2>&1 || true
	tail -n3 $(MUTANTS_OUT)/run.log
	python3 scripts/mutants-score.py $(MUTANTS_MIN_PERCENT) $(MUTANTS_OUT)
