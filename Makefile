# Salesgarden — build, run and test.
#   make run    install what is missing, build, create the demo database, serve
#   make test   the whole suite under AddressSanitizer + UBSan; last line "N passed, N failed"
#   make bench  benchmarks (ratios against a baseline measured in the same run)

CC      ?= cc
PKGS    := libmicrohttpd jansson libsodium sqlite3 libpq libcmark xlsxwriter
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv
WARN    := -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter -Wvla
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

.PHONY: all run test bench deps clean po-update po-check fuzz
all: salesgarden

salesgarden: $(B)/salesgarden
	cp $< $@.tmp && mv -f $@.tmp $@

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

$(B)/assets.c: build/embed $(STATIC) $(MIGRATIONS) $(MO)
	@mkdir -p $(B)
	build/embed $@ $(foreach f,$(wildcard src/static/*),static/$(notdir $(f))=$(f)) \
		static/chart.umd.js=node_modules/chart.js/dist/chart.umd.js \
		$(foreach f,$(MIGRATIONS),migrations/$(notdir $(f))=$(f)) \
		$(foreach l,$(LANGS),po/$(l).mo=build/po/$(l).mo)

$(B)/assets.o: $(B)/assets.c
	$(CC) $(CFLAGS) -Wno-overlength-strings -c -o $@ $<

deps:
	@scripts/install-deps.sh

run: deps salesgarden
	@scripts/run.sh

test: deps
	@$(MAKE) --no-print-directory FLAVOUR=asan build/asan/salesgarden
	@scripts/test.sh

bench: deps salesgarden
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
