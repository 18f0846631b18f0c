# C and C++ (bindings/c): the libraries and header, install, examples and tests.
#   make install-c PREFIX=/usr/local   header, .a, .so, pkg-config and CMake files
#   make c-lib       target/release/libhms_room_codes.{a,so} (the crate with feature
#                    `ffi`); the header cbindgen made is in the file build/c/out-dir names
#   make c-header    copies that header over bindings/c/include/hms_room_codes.h
#   make test-c      header drift + C11/C++ compile, C tests plain / valgrind /
#                    ASan+UBSan, the C++ example (C++11 under valgrind, C++17),
#                    the installed package three ways
#   make demo-c      the C and C++ quickstarts (inside scripts/with-emulator.sh)
.PHONY: c-lib c-header c-header-check c-examples c-tests-build c-install-check c-tests-run \
        install-c install test-c demo-c

C_OUT     := build/c
C_PREFIX  := $(CURDIR)/$(C_OUT)/prefix
C_HEADER  := bindings/c/include/hms_room_codes.h
CXX_HEADER := bindings/c/include/hms_room_codes.hpp
CXX_STRICT := -Wall -Wextra -Werror -pedantic
C_LIB_A   := target/release/libhms_room_codes.a
C_LIB_SO  := target/release/libhms_room_codes.so
C_SYSLIBS := -lm -ldl -lpthread
C_STRICT  := -std=c11 -Wall -Wextra -Werror -pedantic
C_INC     := -Ibindings/c/include
C_TEST    := $(addprefix bindings/c/tests/,test_c.c harness.c vectors.c rule_vectors.c security.c spawn.c emu.c)
C_VECTORS := $(C_OUT)/vectors_data.h
C_SAN     := -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
C_VERSION  = $(shell sed -n 's/^\#define HMS_ROOM_CODES_VERSION "\(.*\)"/\1/p' $(C_HEADER))
C_ROOM     = HMS_ROOM_ID=$$($(CURDIR)/$(C_OUT)/emu_room)
PREFIX    ?= /usr/local
VALGRIND  := valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 \
             --suppressions=bindings/c/tests/valgrind.supp

C_GENERATED = $$(cat $(C_OUT)/out-dir)/hms_room_codes.h

# The static and shared libraries, from the rlib-only crate with the C ABI
# feature on; build.rs generates the header into its OUT_DIR on the way.
# cargo's messages go to a file, not a pipe, so a failed build fails here (and
# every target on top: test-c, test-go never run on an older library).
c-lib: | $(C_OUT)
	cargo rustc --quiet --release -p hms-room-codes --lib --features ffi \
	  --crate-type staticlib --crate-type cdylib --message-format=json-render-diagnostics \
	  >$(C_OUT)/cargo-messages.json
	python3 scripts/cargo-out-dir.py hms-room-codes <$(C_OUT)/cargo-messages.json >$(C_OUT)/out-dir.new
	mv $(C_OUT)/out-dir.new $(C_OUT)/out-dir

$(C_OUT):
	mkdir -p $@

# Refreshes the committed header from the one build.rs generated.
c-header: c-lib
	cp $(C_GENERATED) $(C_HEADER)

# The committed header is exactly what build.rs generates, and compiles as C11 and C++;
# the C++ header compiles as C++11 and C++17.
c-header-check: c-lib | $(C_OUT)
	@cmp -s $(C_GENERATED) $(C_HEADER) || { diff -u $(C_HEADER) $(C_GENERATED) | head -40; \
	  echo "$(C_HEADER) differs from a fresh generation: run make c-header and commit it"; exit 1; }
	printf '#include "hms_room_codes.h"\nint main(void) { return hms_version() == 0; }\n' >$(C_OUT)/header.c
	$(CC) $(C_STRICT) $(C_INC) -c $(C_OUT)/header.c -o $(C_OUT)/header_c.o
	$(CXX) -x c++ -std=c++11 $(CXX_STRICT) $(C_INC) -c $(C_OUT)/header.c -o $(C_OUT)/header_cpp.o
	printf '#include "hms_room_codes.hpp"\nint main() { return hms::Client() ? 1 : 0; }\n' >$(C_OUT)/header.cpp
	for std in c++11 c++17; do $(CXX) -std=$$std $(CXX_STRICT) $(C_INC) -c $(C_OUT)/header.cpp \
	  -o $(C_OUT)/header_hpp.o || exit 1; done

# The quickstarts, linked statically with the documented line, and a room maker for them.
c-examples: c-lib | $(C_OUT)
	$(CC) $(C_STRICT) $(C_INC) bindings/c/examples/quickstart.c $(C_LIB_A) $(C_SYSLIBS) -o $(C_OUT)/quickstart
	$(CXX) -std=c++11 $(CXX_STRICT) -g $(C_INC) bindings/c/examples/quickstart.cpp $(C_LIB_A) $(C_SYSLIBS) \
	  -o $(C_OUT)/quickstart_cpp
	$(CXX) -std=c++17 $(CXX_STRICT) $(C_INC) bindings/c/examples/quickstart.cpp $(C_LIB_A) $(C_SYSLIBS) \
	  -o $(C_OUT)/quickstart_cpp17
	$(CC) $(C_STRICT) bindings/c/tests/emu_room.c bindings/c/tests/emu.c -o $(C_OUT)/emu_room
	for std in c++11 c++17; do $(CXX) -std=$$std $(CXX_STRICT) -g $(C_INC) bindings/c/tests/test_cpp_client.cpp \
	  $(C_LIB_A) $(C_SYSLIBS) -o $(C_OUT)/test_cpp_client_$$std || exit 1; done
	$(CC) $(C_STRICT) -D_POSIX_C_SOURCE=200809L $(C_INC) bindings/c/examples/sans_io_curl.c $(C_LIB_A) \
	  $$(pkg-config --cflags --libs libcurl) $(C_SYSLIBS) -o $(C_OUT)/sans_io_curl

# The shared vectors (tests/vectors/*.json) as C tables, remade whenever they change
# (not committed: a case added to the JSON runs in C too).
$(C_VECTORS): $(wildcard tests/vectors/*.json) $(C_HEADER) bindings/c/tests/gen_vectors.py | $(C_OUT)
	python3 bindings/c/tests/gen_vectors.py tests/vectors $(C_HEADER) $@

c-tests-build: c-lib $(C_VECTORS) | $(C_OUT)
	$(CC) $(C_STRICT) -g $(C_INC) -I$(C_OUT) $(C_TEST) $(C_LIB_A) $(C_SYSLIBS) -o $(C_OUT)/test_c
	$(CC) $(C_STRICT) $(C_SAN) $(C_INC) -I$(C_OUT) $(C_TEST) $(C_LIB_A) $(C_SYSLIBS) -o $(C_OUT)/test_c_asan

# Installs into a scratch prefix and builds the quickstart against it: pkg-config
# (shared), the documented static link line, and CMake's find_package.
c-install-check: c-lib | $(C_OUT)
	rm -rf $(C_PREFIX) $(C_OUT)/cmake
	$(MAKE) --no-print-directory install-c PREFIX=$(C_PREFIX)
	$(CC) $(C_STRICT) bindings/c/examples/quickstart.c \
	  $$(PKG_CONFIG_PATH=$(C_PREFIX)/lib/pkgconfig pkg-config --cflags --libs hms_room_codes) \
	  -Wl,-rpath,$(C_PREFIX)/lib -o $(C_OUT)/quickstart_pkgconfig
	ldd $(C_OUT)/quickstart_pkgconfig | grep -q 'libhms_room_codes\.so'
	$(CC) $(C_STRICT) bindings/c/examples/quickstart.c -I$(C_PREFIX)/include \
	  $(C_PREFIX)/lib/libhms_room_codes.a -lm -ldl -lpthread -o $(C_OUT)/quickstart_static
	! ldd $(C_OUT)/quickstart_static | grep -q hms_room_codes
	cmake -S bindings/c/tests/cmake-consumer -B $(C_OUT)/cmake -DCMAKE_PREFIX_PATH=$(C_PREFIX) \
	  -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(C_OUT)/cmake >/dev/null

# Needs the emulator (test-c starts one). A run's output goes to a file; its last
# line ("N passed, M failed") is shown, or all of it when the run fails.
c-tests-run:
	@echo "== C tests"
	$(C_OUT)/test_c
	@echo "== C tests under valgrind"
	@$(VALGRIND) --log-file=$(C_OUT)/valgrind.log $(C_OUT)/test_c >$(C_OUT)/valgrind.out 2>&1; status=$$?; \
	  [ $$status -eq 0 ] && tail -n1 $(C_OUT)/valgrind.out || cat $(C_OUT)/valgrind.out $(C_OUT)/valgrind.log; \
	  grep -E '(definitely|indirectly|possibly) lost:|ERROR SUMMARY:|All heap blocks' $(C_OUT)/valgrind.log \
	    | cut -d' ' -f2-; exit $$status
	@echo "== C tests with ASan + UBSan"
	@ASAN_OPTIONS=detect_leaks=1 $(C_OUT)/test_c_asan >$(C_OUT)/asan.out 2>&1; status=$$?; \
	  [ $$status -eq 0 ] && tail -n1 $(C_OUT)/asan.out || cat $(C_OUT)/asan.out; exit $$status
	@echo "== the C++ example (C++11 under valgrind, C++17)"
	$(C_ROOM) $(VALGRIND) --log-file=$(C_OUT)/valgrind_cpp.log $(C_OUT)/quickstart_cpp >/dev/null || \
	  { cat $(C_OUT)/valgrind_cpp.log; exit 1; }
	@grep -E 'ERROR SUMMARY:' $(C_OUT)/valgrind_cpp.log | cut -d' ' -f2-
	$(C_ROOM) $(C_OUT)/quickstart_cpp17
	@echo "== hms::RoomCodesClient (C++11 under valgrind, C++17)"
	$(C_ROOM) $(VALGRIND) --log-file=$(C_OUT)/valgrind_cpp_client.log $(C_OUT)/test_cpp_client_c++11 || \
	  { cat $(C_OUT)/valgrind_cpp_client.log; exit 1; }
	$(C_ROOM) $(C_OUT)/test_cpp_client_c++17
	@echo "== the sans-IO C API over libcurl, through a 429 with Retry-After (under valgrind)"
	python3 -c 'import os, urllib.request as u; u.urlopen(u.Request(os.environ["HMS_EMULATOR_URL"] \
	  + "/_emulator/faults", method="POST", \
	  data=b"{\"method\":\"POST\",\"path\":\"/v2/room-codes/room/\",\"status\":429,\"retry_after\":\"1\"}"))'
	$(C_ROOM) $(VALGRIND) --log-file=$(C_OUT)/valgrind_sans_io.log $(C_OUT)/sans_io_curl \
	  >$(C_OUT)/sans_io.out || { cat $(C_OUT)/sans_io.out $(C_OUT)/valgrind_sans_io.log; exit 1; }
	@grep -q 'waiting 1000 ms' $(C_OUT)/sans_io.out || { cat $(C_OUT)/sans_io.out; \
	  echo "the 429's Retry-After was not waited out"; exit 1; }
	@tail -n1 $(C_OUT)/sans_io.out
	@echo "== the installed package: pkg-config, static link line, CMake (shared, static, C++)"
	@for exe in quickstart_pkgconfig quickstart_static cmake/quickstart_shared cmake/quickstart_static \
	  cmake/quickstart_cpp; do $(C_ROOM) $(C_OUT)/$$exe >/dev/null && echo "$$exe ok" || exit 1; done

test-c: c-header-check c-examples c-tests-build c-install-check
	bash scripts/with-emulator.sh bash scripts/with-proxy.sh $(MAKE) --no-print-directory c-tests-run

demo-c: c-examples
	$(C_ROOM) $(C_OUT)/quickstart
	$(C_ROOM) $(C_OUT)/quickstart_cpp

install-c: c-lib
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/lib/cmake/hms_room_codes
	install -m 644 $(C_HEADER) $(CXX_HEADER) $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(C_LIB_A) $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(C_LIB_SO) $(DESTDIR)$(PREFIX)/lib/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(C_VERSION)|' -e 's| @RPATH@||' bindings/c/hms_room_codes.pc.in \
	  >$(DESTDIR)$(PREFIX)/lib/pkgconfig/hms_room_codes.pc
	for f in hms_room_codesConfig hms_room_codesConfigVersion; do \
	  sed 's|@VERSION@|$(C_VERSION)|' bindings/c/cmake/$$f.cmake.in \
	    >$(DESTDIR)$(PREFIX)/lib/cmake/hms_room_codes/$$f.cmake || exit 1; done

install: install-c
