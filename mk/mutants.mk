# Mutation testing of the core's decision files (not part of `make test`):
# cargo-mutants (pinned) changes each function of those files in turn and runs
# tests against every change; a change no test notices is "missed". Three groups,
# each with the narrowest tests that judge it (a smaller test build per mutant):
#   MUTANTS_FILES        the crate's unit tests (`--lib`);
#   MUTANTS_ENV_FILES    the unit tests and tests/from_env.rs (from_env reads the
#                        process environment, which unit tests must not change);
#   MUTANTS_SUITE_FILES  the unit tests and the whole `tests/it` suite, for a file
#                        only the integration tests reach (none today: the native
#                        bounded call's own unit tests catch its mutants).
# `make mutants` lists the missed and timed-out mutants and fails below
# MUTANTS_MIN_PERCENT detected over the three (caught, or timed out: the tests hung). One job and a short timeout, since
# the machine is shared and a mutant that loops must be cut off; each group's
# copy of the tree starts from a copy of target/ and builds incrementally.
#   make mutants MUTANTS_FILES="core/listing" MUTANTS_ENV_FILES= MUTANTS_SUITE_FILES=   one file
.PHONY: mutants
MUTANTS_VERSION       := 27.1.0
MUTANTS_FILES         ?= core/call/mod core/call/classify core/wire/encode core/link core/listing \
                         core/call/retry core/call/retry_after core/validate core/auth/mod \
                         core/auth/jwt core/config/base_url core/wire/timestamp core/wire/responses \
                         core/wire/requests core/config/pem core/json/read native/bounded_call
MUTANTS_ENV_FILES     ?= core/config/mod
MUTANTS_SUITE_FILES   ?=
MUTANTS_TIMEOUT       ?= 30
MUTANTS_SUITE_TIMEOUT ?= 300
MUTANTS_MIN_PERCENT   ?= 98
MUTANTS_OUT           := build/mutants
# Functions compiled only for wasm32 (a native build never sees their mutants),
# and Config::builder, which is ConfigBuilder::default by definition.
MUTANTS_EXCLUDE       := --exclude-re 'Call<.a, T>::parsing' --exclude-re 'ca_certificates_in_js' --exclude-re 'Listing::stop' \
                         --exclude-re 'Config::builder -> ConfigBuilder with Default'

# $(call mutants-group,NAME,FILES,TIMEOUT,TEST ARGS): one cargo-mutants run into build/mutants/NAME.
mutants-group = $(if $(strip $(2)),mkdir -p $(MUTANTS_OUT)/$(1) && \
  cargo mutants --no-shuffle -j 1 --copy-target=true --timeout $(3) \
  $(foreach file,$(2),--file src/$(file).rs) $(MUTANTS_EXCLUDE) --output $(MUTANTS_OUT)/$(1) \
  -- $(4) >$(MUTANTS_OUT)/$(1)/run.log 2>&1 || true)

mutants:
	cargo mutants --version 2>/dev/null | grep -q " $(MUTANTS_VERSION)$$" || \
	  cargo install cargo-mutants --version $(MUTANTS_VERSION) --locked --quiet
	rm -rf $(MUTANTS_OUT)
	$(call mutants-group,unit,$(MUTANTS_FILES),$(MUTANTS_TIMEOUT),--lib)
	$(call mutants-group,env,$(MUTANTS_ENV_FILES),$(MUTANTS_TIMEOUT),--lib --test from_env)
	$(call mutants-group,suite,$(MUTANTS_SUITE_FILES),$(MUTANTS_SUITE_TIMEOUT),--lib --test it)
	tail -q -n3 $(MUTANTS_OUT)/*/run.log 2>/dev/null || true
	python3 scripts/mutants-score.py $(MUTANTS_MIN_PERCENT) $(MUTANTS_OUT)/*/
