# Benchmarks and the soak (neither is part of `make test`); every benchmark
# program lives in bench/ (rust: criterion on the core; c, go, js: the clients).
#   make bench   release builds, then every benchmark against one emulator, and
#                the soak; prints the tables and writes BENCHMARKS.md and
#                benchmarks.png (takes minutes)
#   make soak    100k calls through C, Go and Node with faults mixed in, their
#                RSS at 10k and 100k calls, and valgrind on 10k C calls
.PHONY: bench soak bench-deps bench-build bench-run soak-run
BENCH_OUT    := build/bench
BENCH_JS     := bench/js/node_modules/.package-lock.json
BENCH_VENV   := $(BENCH_OUT)/venv
BENCH_ROUNDS ?= 5
SOAK_CALLS   ?= 100000
BENCH_CC      = $(CC) -std=c11 -Wall -Wextra -Werror -pedantic -O2 -g $(C_INC)
BENCH_GO     = cd bench/go && $(GO_ENV) go
# The C baseline a C user would write: libcurl + cJSON (Debian packages).
BENCH_C_DEPS  = $(shell pkg-config --cflags --libs libcurl libcjson)

$(BENCH_JS): bench/js/package.json bench/js/package-lock.json
	cd bench/js && npm ci --no-audit --no-fund --loglevel=error

$(BENCH_VENV)/bin/python:
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet matplotlib==3.11.2

# libcurl and cJSON headers, for the C baseline only.
bench-deps:
	bash scripts/setup.sh bench

# The fetch rows run the pinned Deno, Bun and esbuild of tests/runtimes,
# installed by mk/npm.mk (read after this file: hence the path, not $(RUNTIME_TOOLS)).
bench-build: bench-deps setup c-lib go-lib npm-package $(BENCH_JS) tests/runtimes/node_modules/.package-lock.json
	mkdir -p $(BENCH_OUT)
	cargo build --quiet --release -p hms-emulator
	$(BENCH_CC) bench/c/throughput.c bench/c/raw_http.c bench/c/curl_json.c bindings/c/tests/emu.c \
	  $(C_LIB_A) $(C_SYSLIBS) $(BENCH_C_DEPS) -o $(BENCH_OUT)/c_throughput
	$(BENCH_CC) bench/c/soak.c bindings/c/tests/emu.c $(C_LIB_A) $(C_SYSLIBS) -o $(BENCH_OUT)/c_soak
	$(BENCH_GO) build -o $(CURDIR)/$(BENCH_OUT)/go_bench .

# Needs the emulator (bench starts one).
bench-run:
	node bench/js/throughput.mjs $(BENCH_OUT)/node.json $(BENCH_ROUNDS)
	node bench/js/coldstart.mjs $(BENCH_OUT)/cold.json
	node bench/js/fetch/rows.mjs $(BENCH_OUT)/fetch.json 3
	$(BENCH_OUT)/c_throughput $(BENCH_ROUNDS) | tee $(BENCH_OUT)/c.jsonl
	$(BENCH_OUT)/go_bench $(BENCH_ROUNDS) | tee $(BENCH_OUT)/go.jsonl

# Needs the emulator (soak starts one).
soak-run:
	$(BENCH_OUT)/c_soak $(SOAK_CALLS) | tee $(BENCH_OUT)/soak-c.json
	$(BENCH_OUT)/go_bench soak $(SOAK_CALLS) | tee $(BENCH_OUT)/soak-go.json
	node --expose-gc bench/js/soak.mjs $(SOAK_CALLS) | tee $(BENCH_OUT)/soak-node.json
	$(VALGRIND) --log-file=$(BENCH_OUT)/valgrind.log $(BENCH_OUT)/c_soak 10000 >/dev/null
	grep -E 'definitely lost:|ERROR SUMMARY:|All heap blocks' $(BENCH_OUT)/valgrind.log | cut -d' ' -f2- \
	  | paste -sd';' | tee $(BENCH_OUT)/valgrind.txt

soak: bench-build
	bash scripts/with-emulator.sh $(MAKE) --no-print-directory soak-run

bench: bench-build $(BENCH_VENV)/bin/python
	cat /proc/loadavg | cut -d' ' -f1-3 >$(BENCH_OUT)/load.txt
	cargo bench --quiet --bench core -- --warm-up-time 1 --measurement-time 3 >$(BENCH_OUT)/core.txt
	bash scripts/with-emulator.sh $(MAKE) --no-print-directory bench-run
	bash scripts/with-emulator.sh $(MAKE) --no-print-directory soak-run
	cat /proc/loadavg | cut -d' ' -f1-3 >>$(BENCH_OUT)/load.txt
	$(BENCH_VENV)/bin/python bench/report.py $(BENCH_OUT)
