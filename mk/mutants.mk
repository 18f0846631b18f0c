# Mutation testing of the core's decision files (not part of `make test`):
# cargo-mutants (pinned) changes each function of those files in turn and runs
# the crate's unit tests (`--lib`) against every change; a change no test
# notices is "missed" (tests/from_env.rs runs too: from_env reads the process
# environment, which unit tests must not change). The files of MUTANTS_SUITE_FILES, which the integration
# tests exercise beyond their unit tests (the native drive loop), run the
# unit tests and the whole `tests/it` suite against each change instead. `make mutants` lists what was not caught and fails below
# MUTANTS_MIN_PERCENT caught. One job and a short timeout, since the machine is
# shared and a mutant that loops must be cut off; the copy of the tree it works
# in starts from a copy of target/ and is built incrementally per mutant.
#   make mutants MUTANTS_FILES="core/listing core/call/retry"   only those files (paths under src/)
.PHONY: mutants
MUTANTS_VERSION     := 27.1.0
MUTANTS_FILES       ?= core/call/mod core/call/classify core/wire/encode core/link core/listing \
                       core/call/retry core/call/retry_after core/validate core/auth/mod \
                       core/auth/jwt core/config/base_url core/wire/timestamp core/wire/responses \
                       core/wire/requests core/config/pem core/config/mod core/json/read
MUTANTS_SUITE_FILES ?= native/bounded_call
MUTANTS_TIMEOUT     ?= 60
MUTANTS_SUITE_TIMEOUT ?= 300
MUTANTS_MIN_PERCENT ?= 98
MUTANTS_OUT         := build/mutants
# Functions compiled only for wasm32 (a native build never sees their mutants),
# and Config::builder, which is ConfigBuilder::default by definition.
MUTANTS_EXCLUDE     := --exclude-re 'Call<.a, T>::parsing' --exclude-re 'ca_certificates_in_js' --exclude-re 'Config::builder -> ConfigBuilder with Default'

mutants:
	cargo mutants --version 2>/dev/null | grep -q " $(MUTANTS_VERSION)$$" || \
	  cargo install cargo-mutants --version $(MUTANTS_VERSION) --locked --quiet
	rm -rf $(MUTANTS_OUT) && mkdir -p $(MUTANTS_OUT)/unit $(MUTANTS_OUT)/suite
	$(if $(strip $(MUTANTS_FILES)),cargo mutants --no-shuffle -j 1 --copy-target=true --timeout $(MUTANTS_TIMEOUT) \
	  $(foreach file,$(MUTANTS_FILES),--file src/$(file).rs) $(MUTANTS_EXCLUDE) --output $(MUTANTS_OUT)/unit -- --lib --test from_env \
	  >$(MUTANTS_OUT)/unit/run.log 2>&1 || true)
	$(if $(strip $(MUTANTS_SUITE_FILES)),cargo mutants --no-shuffle -j 1 --copy-target=true --timeout $(MUTANTS_SUITE_TIMEOUT) \
	  $(foreach file,$(MUTANTS_SUITE_FILES),--file src/$(file).rs) --output $(MUTANTS_OUT)/suite \
	  -- --lib --test it >$(MUTANTS_OUT)/suite/run.log 2>&1 || true)
	tail -q -n3 $(MUTANTS_OUT)/*/run.log 2>/dev/null || true
	python3 scripts/mutants-score.py $(MUTANTS_MIN_PERCENT) $(MUTANTS_OUT)/unit $(MUTANTS_OUT)/suite
