# tests.mk: how the C test programs are built (included by the Makefile, which
# provides CC, CFLAGS, LIBS, B and LIB_OBJ for the current FLAVOUR).
#
#   unit-tests   one Check program per tests/unit/test-*.c     -> $(B)/tests/
#   store-tests  the store tests (need SG_TEST_DB at run time)  -> $(B)/tests/test-store{,-pipeline}
#   fuzz-tests   one libFuzzer program per tests/fuzz/fuzz-*.c  -> build/fuzz/
#
# tests/run-c.sh builds these with FLAVOUR=asan and runs them.

CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell pkg-config --libs check 2>/dev/null)

UNIT_SRC := $(wildcard tests/unit/test-*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRC))
# one program per tests/store/test-store*.c; tests/run-c.sh runs each on both databases
STORE_SRC := $(wildcard tests/store/test-store*.c)
STORE_BIN := $(patsubst tests/store/%.c,$(B)/tests/%,$(STORE_SRC))

.PHONY: unit-tests store-tests fuzz-tests
unit-tests: $(UNIT_BIN)
store-tests: $(STORE_BIN)

# LIB_OBJ as an archive, so a test links only the objects it reaches: the
# command table lives in main.o, which cmd/common.o refers to but tests lack.
TEST_LIB := $(B)/tests/libsalesgarden.a
$(TEST_LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $(LIB_OBJ)

# -MMD (in CFLAGS) records the headers each test includes
$(B)/tests/test-%: tests/unit/test-%.c tests/unit/check-util.h tests/unit/access-callers.h $(TEST_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CHECK_CFLAGS) -Itests/unit -o $@ $< $(TEST_LIB) $(LIBS) $(CHECK_LIBS)

# test-store: the first organisation's store; the others (test-store-pipeline:
# stages, deals and steps, ...) make their own organisations; all share
# tests/store/store-harness.h (the database, the run)
$(B)/tests/test-store: tests/store/test-store.c tests/store/store-harness.h tests/unit/check-util.h $(TEST_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CHECK_CFLAGS) -Itests/unit -o $@ $< $(TEST_LIB) $(LIBS) $(CHECK_LIBS)

$(B)/tests/test-store-%: tests/store/test-store-%.c tests/store/store-harness.h tests/unit/check-util.h $(TEST_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CHECK_CFLAGS) -Itests/unit -o $@ $< $(TEST_LIB) $(LIBS) $(CHECK_LIBS)

# libFuzzer harnesses: always clang, always build/fuzz/, and only the sources a
# harness needs, so a fuzzer is quick to build and its coverage stays on the parser.
FUZZ_CC     := clang
FUZZ_CFLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -Isrc -D_GNU_SOURCE -std=c11 -Wall -Wextra -Werror \
	$(shell pkg-config --cflags jansson 2>/dev/null)
FUZZ_SRC  := $(wildcard tests/fuzz/fuzz-*.c)
FUZZ_BIN  := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))

# what each harness links besides itself
FUZZ_DEPS_fuzz-form   := src/lib/kv.c src/lib/arena.c src/lib/xalloc.c
FUZZ_DEPS_fuzz-query  := src/lib/kv.c src/lib/arena.c src/lib/xalloc.c
FUZZ_DEPS_fuzz-cookie := src/lib/kv.c src/lib/arena.c src/lib/xalloc.c
FUZZ_DEPS_fuzz-json   := src/lib/arena.c src/lib/xalloc.c
FUZZ_LIBS_fuzz-json   := $(shell pkg-config --libs jansson 2>/dev/null)
FUZZ_DEPS_fuzz-csv    := src/lib/csv.c src/lib/arena.c src/lib/strbuf.c src/lib/xalloc.c
FUZZ_LIBS_fuzz-csv    := -lcsv

fuzz-tests: $(FUZZ_BIN)

define fuzz_rule
build/fuzz/$(1): tests/fuzz/$(1).c $$(FUZZ_DEPS_$(1)) $$(wildcard src/lib/*.h)
	@mkdir -p build/fuzz
	$$(FUZZ_CC) $$(FUZZ_CFLAGS) -o $$@ $$< $$(FUZZ_DEPS_$(1)) $$(FUZZ_LIBS_$(1))
endef
$(foreach f,$(FUZZ_SRC),$(eval $(call fuzz_rule,$(basename $(notdir $(f))))))
