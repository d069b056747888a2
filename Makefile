# nospof: build, test, demo, install. See README.md.
#
#   make          build build/nospof and build/libnospof.a
#   make test     install missing packages, then the whole suite (unit tests,
#                 golden outputs, hostile inputs, schemas, sanitizers, valgrind)
#   make demo     install missing packages, build, check every example
#   make san      the unit tests under AddressSanitizer + UBSan
#   make fuzz     libFuzzer targets for FUZZ_SECONDS (default 600)
#   make bench    the 10,000-circuit benchmark and pathological sizes
#                 (not part of make test)
#   make install  PREFIX=/usr/local DESTDIR=

CC ?= cc
PREFIX ?= /usr/local
BUILD ?= build
PKGS := yaml-0.1 libcyaml jansson
# Headers only: lib/import/nb_curl.c opens libcurl when a live NetBox fetch
# starts, lib/report/svg.c opens libgvc in the child that lays out SVG, so
# that no other command loads them and their dependencies.
HDR_PKGS := libcurl libgvc
WARN := -Wall -Wextra -Werror -pedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings -Wformat=2 \
	-Wno-format-truncation
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -Ilib $(WARN) $(CFLAGS) -MMD -MP \
	$(shell pkg-config --cflags $(PKGS) $(HDR_PKGS) 2>/dev/null)
# BuDDy (libbdd-dev), the BDD library of the exact availability, ships no
# pkg-config file on Debian: its header is in /usr/include, and
# lib/analysis/bddsession.c opens libbdd.so.0 at the first exact figure.
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -ldl -lm
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

# Debian packages the build and the tests need.
DEB_PKGS := gcc make pkg-config libyaml-dev libcyaml-dev libjansson-dev \
	check libsubunit-dev valgrind python3 python3-yaml python3-jsonschema \
	clang libclang-rt-14-dev libgraphviz-dev graphviz libxml2-utils \
	groff-base man-db
DEB_PKGS += chromium
DEB_PKGS += libbdd-dev
DEB_PKGS += libcurl4-openssl-dev openssl

LIB_SRC := $(wildcard lib/*/*.c) $(wildcard rules/*.c)
CMD_SRC := $(wildcard cmd/*.c)
TEST_SRC := $(wildcard tests/unit/*.c)

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CMD_OBJ := $(CMD_SRC:%.c=$(BUILD)/%.o) $(BUILD)/schema_data.o
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)

# The fuzz targets: clang, libFuzzer, ASan and UBSan on the project's code.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 600
FUZZ_BUILD := $(BUILD)/fuzz
FUZZ_FLAGS := -std=c11 -D_GNU_SOURCE -Ilib -g -O1 -fno-omit-frame-pointer -MMD -MP \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	$(shell pkg-config --cflags $(PKGS) $(HDR_PKGS) 2>/dev/null)
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=$(FUZZ_BUILD)/%.o)

.SECONDARY:

.PHONY: all deps test unit golden hostile schema-test cli-test san valgrind \
	demo install install-test clean regen-golden fuzz fuzz-short bench

all: $(BUILD)/nospof $(BUILD)/libnospof.a

# Make sure the packages are there; install them when root, else say how.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing:$$missing"; \
			apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				$$missing >/dev/null || exit 1; \
		else \
			echo "missing packages:$$missing"; \
			echo "run: sudo apt-get install -y$$missing"; \
			exit 1; \
		fi; \
	fi

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/schema_data.c: schemas/nospof.schema.json
	@mkdir -p $(BUILD)
	{ echo '/* generated from schemas/nospof.schema.json */'; \
	  echo 'const char nsp_schema_json[] = {'; \
	  od -An -v -tx1 $< | sed -e 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0x00};'; } > $@

$(BUILD)/schema_data.o: $(BUILD)/schema_data.c
	$(CC) -std=c11 -c $< -o $@

$(BUILD)/libnospof.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/nospof: $(CMD_OBJ) $(BUILD)/libnospof.a
	$(CC) $(CFLAGS) -o $@ $(CMD_OBJ) $(BUILD)/libnospof.a $(LIBS)

$(BUILD)/test_nospof: $(TEST_OBJ) $(BUILD)/libnospof.a
	$(CC) $(CFLAGS) -o $@ $(TEST_OBJ) $(BUILD)/libnospof.a $(LIBS) \
		$(CHECK_LIBS)

# The sanitizer build lives in its own tree.
$(BUILD)/san/nospof $(BUILD)/san/test_nospof: $(LIB_SRC) $(CMD_SRC) \
		$(TEST_SRC) $(BUILD)/schema_data.c
	$(MAKE) --no-print-directory BUILD=$(BUILD)/san \
		CFLAGS="-O1 -g $(SAN_FLAGS)" $(BUILD)/san/nospof \
		$(BUILD)/san/test_nospof

$(FUZZ_BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJ) \
		$(LIBS)

# Fuzz the loader, rules and reporters, the graph (DOT and SVG), the config
# and baseline readers, and the escaper, for FUZZ_SECONDS in all, from
# corpora seeded with the examples, fixtures, hostile files and
# tests/fuzz/seeds.
FUZZ_TARGETS := design graph config baseline escape plan
FUZZ_TARGETS += netbox
fuzz: deps
	$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
	tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

# The short run make test includes.
fuzz-short:
	$(MAKE) --no-print-directory FUZZ_SECONDS=60 fuzz

unit: $(BUILD)/test_nospof $(BUILD)/nospof
	NOSPOF_BIN=$(BUILD)/nospof $(BUILD)/test_nospof

san: deps
	$(MAKE) --no-print-directory $(BUILD)/san/test_nospof
	ASAN_OPTIONS=detect_leaks=1 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		NOSPOF_BIN=$(BUILD)/san/nospof \
		CK_FORK=no $(BUILD)/san/test_nospof

# Every example and every hostile input through the CLI under valgrind.
valgrind: $(BUILD)/nospof
	tests/valgrind.sh $(BUILD)/nospof

schema-test: $(BUILD)/nospof
	tests/schema-test.sh $(BUILD)/nospof

test: deps
	$(MAKE) --no-print-directory all $(BUILD)/test_nospof
	$(MAKE) --no-print-directory unit
	$(MAKE) --no-print-directory schema-test
	$(MAKE) --no-print-directory san
	$(MAKE) --no-print-directory valgrind
	$(MAKE) --no-print-directory install-test
	$(MAKE) --no-print-directory fuzz-short
	@if command -v chromium >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory browser-test; \
	else echo "browser-test skipped: chromium is not installed"; fi

# The HTML report in headless Chromium: every page renders without a
# console error, clicks highlight, nothing injected runs (screenshots in
# $(BUILD)/browser/).
.PHONY: browser-test
browser-test: $(BUILD)/nospof
	python3 tests/browser-test.py $(BUILD)/nospof $(BUILD)/browser

demo: deps
	$(MAKE) --no-print-directory all
	@for f in examples/*.yaml; do \
		echo "== $$f"; \
		$(BUILD)/nospof check --color always $$f; \
		echo "   (exit status $$?)"; \
	done

# Rewrite the golden outputs from the current binary (review the diff!).
regen-golden: $(BUILD)/nospof
	tests/regen-golden.sh $(BUILD)/nospof

# The benchmark: a generated design, the check against a bare libyaml scan.
$(BUILD)/bench/gen: tests/bench/gen.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 -o $@ $<

$(BUILD)/bench/scan: tests/bench/scan.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 $(shell pkg-config --cflags yaml-0.1) \
		-o $@ $< $(shell pkg-config --libs yaml-0.1)

$(BUILD)/bench/gen_plan: tests/bench/gen_plan.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 -o $@ $<

$(BUILD)/bench/jparse: tests/bench/jparse.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 $(shell pkg-config --cflags jansson) \
		-o $@ $< $(shell pkg-config --libs jansson)

bench: $(BUILD)/nospof $(BUILD)/bench/gen $(BUILD)/bench/scan \
		$(BUILD)/bench/gen_plan $(BUILD)/bench/jparse
	tests/bench/bench.sh $(BUILD)/nospof $(BUILD)/bench
	tests/bench/bench_import.sh $(BUILD)/nospof $(BUILD)/bench
	tests/bench/pathological.py $(BUILD)/nospof

install: $(BUILD)/nospof
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/nospof \
		$(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/nospof $(DESTDIR)$(PREFIX)/bin/nospof
	install -m 644 cmd/nospof.1 $(DESTDIR)$(PREFIX)/share/man/man1/nospof.1
	install -m 644 schemas/nospof.schema.json schemas/report.schema.json \
		$(DESTDIR)$(PREFIX)/share/nospof/

# Install into a scratch DESTDIR; the installed binary and man page work.
install-test: $(BUILD)/nospof
	tests/install-test.sh

clean:
	rm -rf $(BUILD)

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d) $(TEST_OBJ:.o=.d) \
	$(FUZZ_LIB_OBJ:.o=.d)
