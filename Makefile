# nospof: build, test, demo, install. See README.md.
#
#   make          build build/nospof and build/libnospof.a
#   make test     install missing packages, then the whole suite (unit tests,
#                 golden outputs, hostile inputs, schemas, sanitizers, valgrind)
#   make demo     install missing packages, build, check every example
#   make san      the unit tests under AddressSanitizer + UBSan
#   make install  PREFIX=/usr/local DESTDIR=

CC ?= cc
PREFIX ?= /usr/local
BUILD ?= build
PKGS := yaml-0.1 libcyaml jansson
WARN := -Wall -Wextra -Werror -pedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings -Wformat=2 \
	-Wno-format-truncation
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -MMD -MP \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

# Debian packages the build and the tests need.
DEB_PKGS := gcc make pkg-config libyaml-dev libcyaml-dev libjansson-dev \
	check libsubunit-dev valgrind python3 python3-yaml python3-jsonschema \
	libxml2-utils groff-base man-db

LIB_SRC := $(wildcard lib/*.c) $(wildcard rules/*.c)
CMD_SRC := $(wildcard cmd/*.c)
TEST_SRC := $(wildcard tests/unit/*.c)

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CMD_OBJ := $(CMD_SRC:%.c=$(BUILD)/%.o) $(BUILD)/schema_data.o
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)

.PHONY: all deps test unit golden hostile schema-test cli-test san valgrind \
	demo install install-test clean regen-golden

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

unit: $(BUILD)/test_nospof $(BUILD)/nospof
	NOSPOF_BIN=$(BUILD)/nospof $(BUILD)/test_nospof

san: deps
	$(MAKE) --no-print-directory $(BUILD)/san/test_nospof
	ASAN_OPTIONS=detect_leaks=1 NOSPOF_BIN=$(BUILD)/san/nospof \
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

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
