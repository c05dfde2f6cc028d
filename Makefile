# Salesgarden — build, run and test.
#   make run    install what is missing, build, create the demo database, serve
#   make test   the whole suite under AddressSanitizer + UBSan; last line "N passed, N failed"
#   make bench  benchmarks (ratios against a baseline measured in the same run)

CC      ?= cc
PKGS    := libmicrohttpd jansson libsodium sqlite3 libpq libcmark xlsxwriter
PKG_CONFIG ?= pkg-config
# read when make reads this file: on a fresh machine that is before `deps` has
# installed the libraries, which is why run, test and bench build in a fresh
# make started after deps (tests/build/fresh-make.sh checks that they do)
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lcsv
WARN    := -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter -Wvla -Wformat-security -Wformat-signedness
BASE_CFLAGS := -Isrc -std=c11 -D_GNU_SOURCE -g $(WARN) $(PKG_CFLAGS) -MMD -MP
LIBS    := $(PKG_LIBS) -lpthread -lm

# build flavours: release (make run) and asan (make test)
FLAVOUR ?= release
ifeq ($(FLAVOUR),asan)
  OPT := -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
else
  OPT := -O2
endif
B := build/$(FLAVOUR)
CFLAGS := $(BASE_CFLAGS) $(OPT)

LIB_SRC := $(wildcard src/lib/*.c src/db/*.c src/store/*.c src/service/*.c src/jobs/*.c src/domain/*.c src/http/*.c \
	                  src/web/*.c src/api/*.c src/cmd/*.c src/demo/*.c) src/routes.c
LIB_OBJ := $(patsubst src/%.c,$(B)/%.o,$(LIB_SRC)) $(B)/assets.o
MAIN_OBJ := $(B)/main.o

STATIC  := $(wildcard src/static/*) node_modules/chart.js/dist/chart.umd.js
MIGRATIONS := $(wildcard src/db/migrations/*.sql)
LANGS   := nl nb
MO      := $(patsubst %,build/po/%.mo,$(LANGS))

.PHONY: all binary run test bench deps test-deps clean po-update
all: salesgarden

salesgarden: $(B)/salesgarden
	cp $< $@.tmp && mv -f $@.tmp $@

# the binary of the current FLAVOUR, where it is built (build/asan/salesgarden)
binary: $(B)/salesgarden

$(B)/salesgarden: $(LIB_OBJ) $(MAIN_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

$(B)/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

build/embed: tools/embed.c
	@mkdir -p build
	$(CC) -O2 -o $@ $<

build/po/%.mo: po/%.po
	@mkdir -p build/po
	msgfmt --check -o $@ $<

node_modules/chart.js/dist/chart.umd.js: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(B)/assets.c: build/embed $(STATIC) $(MIGRATIONS) $(MO) src/api/openapi.json
	@mkdir -p $(B)
	build/embed $@ $(foreach f,$(wildcard src/static/*),static/$(notdir $(f))=$(f)) \
		api/openapi.json=src/api/openapi.json \
		static/chart.umd.js=node_modules/chart.js/dist/chart.umd.js \
		$(foreach f,$(MIGRATIONS),migrations/$(notdir $(f))=$(f)) \
		$(foreach l,$(LANGS),po/$(l).mo=build/po/$(l).mo)

$(B)/assets.o: $(B)/assets.c
	$(CC) $(CFLAGS) -Wno-overlength-strings -c -o $@ $<

# what building and running need; test-deps adds what only the tests and the
# benchmarks need (a PostgreSQL server, Chromium, clang for the fuzzers).
# The '+' runs them under `make -n` too, so a dry run shows the real build.
DEPS_SCRIPT ?= scripts/install-deps.sh
deps:
	+@$(DEPS_SCRIPT)

test-deps:
	+@$(DEPS_SCRIPT) --test

run: deps
	@$(MAKE) --no-print-directory salesgarden
	@scripts/run.sh

test: test-deps
	@$(MAKE) --no-print-directory FLAVOUR=asan binary
	@scripts/test.sh

bench: test-deps
	@$(MAKE) --no-print-directory salesgarden
	@scripts/bench.sh

# translations: extract the marked strings and merge them into each catalog
po-update:
	xgettext --from-code=UTF-8 -k -kT -kN_ -ktr:2 -ktrn:2,3 -kT_n:1,2 --add-comments=TRANSLATORS \
		--package-name=salesgarden -o po/salesgarden.pot $(sort $(LIB_SRC) src/main.c)
	for l in $(LANGS); do msgmerge --quiet --update --backup=none po/$$l.po po/salesgarden.pot; done

clean:
	rm -rf build salesgarden

-include $(shell find build -name '*.d' 2>/dev/null)

# test programs (unit, store, fuzz): rules in tests/tests.mk
-include tests/tests.mk
