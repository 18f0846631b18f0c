# Fuzzing (not part of `make test`): `make fuzz FUZZ_SECONDS=60` runs every
# target for that long, starting from the committed seeds in fuzz/seeds/.
# A crash stops the run and leaves its input in fuzz/artifacts/.
.PHONY: fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := responses retry_after requests room_link drives

fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --quiet
	cd fuzz && for target in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$target && \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run -O $$target corpus/$$target seeds/$$target -- \
	    -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 >corpus/$$target.log 2>&1; \
	  status=$$?; echo "$$target: $$(grep -E '^Done' corpus/$$target.log)"; \
	  [ $$status -eq 0 ] || { tail -40 corpus/$$target.log; exit 1; }; \
	done
