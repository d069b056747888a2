#!/usr/bin/env python3
"""Generate the hostile-input corpus in this directory.

Every file written here must make `nospof check FILE` exit with status 2 and
print a located input error (file:line:col); none may crash or hang it.

This script is the single source of truth: it writes every *.yaml file, the
machine-readable EXPECT file and README.md.  It is deterministic (binary junk
comes from a fixed seed), so running it again must leave `git status` clean.
The generated files are committed; the script only needs to run when a case
is added or changed:

    python3 tests/hostile/generate.py

Most files are the small valid design BASE below with exactly one defect, so
the expected error is specific.  The defect's line is computed from a marker
string, never typed by hand.
"""

import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_SIZE = 64 * 1024
SEED = 20251124

# A valid design (input-wise: it loads; rules may still report findings).
BASE = """\
nospof: 1
name: hostile-base
description: one site, one cloud, one circuit
intent:
  mode: active-active
  availability: 99.9
assumptions:
  circuit: 99.9
sites:
  - id: dc1
    region: eu-west
    prefixes: [192.168.0.0/16]
    stateful_firewall: false
clouds:
  - id: vpc1
    provider: aws
    prefixes: [172.16.0.0/16]
pops:
  - id: pop-a
    metro: dublin
routers:
  - id: cpe1
    role: cpe
    site: dc1
    asn: 65001
  - id: edge1
    role: edge
    pop: pop-a
    cloud: vpc1
    asn: 64512
circuits:
  - id: c1
    a: { router: cpe1, port: ge-0/0/1 }
    z: { router: edge1 }
    bandwidth_mbps: 1000
    vlan: 100
    bgp:
      ip: 10.10.1.5/30
      peer_ip: 10.10.1.6
demands:
  - from: dc1
    to: vpc1
    mbps: 500
waivers:
  - rule: DIV003
    reason: single circuit accepted for the lab
    expires: 2027-01-31
"""

VOCAB = {
    "alias", "depth", "utf-8", "nul", "document", "duplicate", "unknown",
    "integer", "range", "cidr", "address", "date", "prepend", "same router",
    "id", "required", "expected", "syntax", "size", "tag", "key", "mapping",
    "kind", "version", "empty",
}

CASES = []  # (name, data: bytes, line: int, substring, defect)


def line_of(data, mark, nth=1):
    """1-based line of the nth occurrence of mark (LF, CR and CRLF break).
    With nth == 1, every occurrence must be on that one line."""
    if isinstance(mark, str):
        mark = mark.encode()
    idx = -1
    for _ in range(nth):
        idx = data.find(mark, idx + 1)
        if idx < 0:
            sys.exit("marker %r not found (occurrence %d)" % (mark, nth))
    if nth == 1 and lineno(data, data.rfind(mark)) != lineno(data, idx):
        sys.exit("marker %r is not on one line only" % (mark,))
    return lineno(data, idx)


def lineno(data, idx):
    head = data[:idx]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def add(name, data, line, sub, defect):
    if isinstance(data, str):
        data = data.encode()
    assert sub in VOCAB, (name, sub)
    assert len(data) <= MAX_SIZE, (name, len(data))
    assert all(c[0] != name for c in CASES), name
    CASES.append((name, data, line, sub, defect))


def edit(text, old, new):
    """Replace the one occurrence of old in text by new."""
    if text.count(old) != 1:
        sys.exit("edit: %r occurs %d times" % (old, text.count(old)))
    return text.replace(old, new)


def variant(name, old, new, sub, defect, mark=None, nth=1):
    """BASE with old replaced by new; the defect is on the line of mark
    (default: the first line of new)."""
    text = edit(BASE, old, new)
    data = text.encode()
    if mark is None:
        mark = new.strip("\n").split("\n")[0]
    add(name, data, line_of(data, mark, nth), sub, defect)


def multi(name, pairs, sub, defect, mark, nth=1):
    """BASE with several (old, new) edits; the defect is on mark's line."""
    text = BASE
    for old, new in pairs:
        text = edit(text, old, new)
    data = text.encode()
    add(name, data, line_of(data, mark, nth), sub, defect)


def bvariant(name, old, new, sub, defect, mark):
    """Like variant, on bytes (for invalid encodings)."""
    data = BASE.encode()
    assert data.count(old) == 1, old
    data = data.replace(old, new)
    add(name, data, line_of(data, mark), sub, defect)


# --- YAML bombs -----------------------------------------------------------

def bomb_levels(levels=10, width=9):
    out = ["&a [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        out.append("&%s [%s]" % (cur, ", ".join(["*" + prev] * width)))
    return out

# One line, so that whichever alias trips the limit, the line is the same.
add("alias-bomb.yaml",
    BASE + "lol: [" + ", ".join(bomb_levels()) + "]\n",
    BASE.count("\n") + 1, "alias",
    "billion laughs on one line: 9 scalars, then 9 levels of 9 aliases of "
    "the level before (9^10 scalars when expanded)")

# The classic block layout; which alias trips the limit depends on how nodes
# are counted, so the line is not checked.
blk = "".join("lol%d: %s\n" % (i, s) for i, s in enumerate(bomb_levels()))
add("alias-bomb-block.yaml", BASE + blk, 0, "alias",
    "billion laughs in the classic block layout, one level per line")

prefixes = ", ".join("10.%d.%d.0/24" % (i // 256, i % 256) for i in range(60))
fan = "[&s {id: dc1, prefixes: [%s]}, %s]" % (
    prefixes, ", ".join(["*s"] * 2000))
variant("alias-fanout.yaml",
        "sites:\n  - id: dc1\n    region: eu-west\n"
        "    prefixes: [192.168.0.0/16]\n    stateful_firewall: false\n",
        "sites: %s\n" % fan, "alias",
        "one site with 60 prefixes anchored, then aliased 2000 times in the "
        "sites sequence (about 130,000 nodes from a 10 KiB file)")

variant("alias-recursive.yaml", "    metro: dublin\n",
        "    metro: dublin\n    srlg: &loop [power-a, *loop]\n", "alias",
        "an alias inside the node its anchor is on (srlg: &loop [x, *loop])",
        mark="srlg: &loop")

variant("alias-recursive-mapping.yaml",
        "intent:\n  mode: active-active\n",
        "intent: &self\n  mode: active-active\n  survive: *self\n", "alias",
        "a mapping whose value is an alias of the mapping itself",
        mark="survive: *self")

variant("alias-undefined.yaml", "    site: dc1\n", "    site: *dc1\n",
        "alias", "an alias to an anchor that is never defined")

# --- deep nesting (depth = open collections, the root mapping is 1) --------

variant("deep-flow-nesting.yaml",
        "description: one site, one cloud, one circuit\n",
        "description: " + "[" * 10000 + "]" * 10000 + "\n", "depth",
        "10,000 nested flow sequences", mark="description:")

variant("deep-flow-nesting-unclosed.yaml",
        "description: one site, one cloud, one circuit\n",
        "description: " + "[" * 30000 + "\n", "depth",
        "30,000 '[' never closed: the depth limit trips before the end of "
        "input", mark="description:")

variant("deep-flow-mapping.yaml",
        "description: one site, one cloud, one circuit\n",
        "description: " + "{a: " * 5000 + "b" + "}" * 5000 + "\n", "depth",
        "5,000 nested flow mappings", mark="description:")

deep = "nest:\n" + "".join(
    "  " * k + "d%d:\n" % (k + 1) for k in range(1, 200)) + "  " * 200 + "x\n"
text = BASE + deep
add("deep-block-mapping.yaml", text, line_of(text.encode(), "d65:"),
    "depth", "200 nested block mappings; the 65th collection (key d65) is "
    "the first one over the limit")

variant("deep-compact-sequence.yaml",
        "description: one site, one cloud, one circuit\n",
        "description:\n  " + "- " * 100 + "x\n", "depth",
        "100 compact block sequences on one line (- - - - ... x)",
        mark="- - -")

variant("nesting-65-levels.yaml",
        "description: one site, one cloud, one circuit\n",
        "description: " + "[" * 64 + "]" * 64 + "\n", "depth",
        "root mapping + 64 nested empty sequences = 65 levels: one over "
        "the limit", mark="description:")

variant("nesting-64-levels.yaml",
        "description: one site, one cloud, one circuit\n",
        "description: " + "[" * 63 + "]" * 63 + "\n", "expected",
        "root mapping + 63 nested sequences = 64 levels: within the depth "
        "limit, so the error is the type of description (a string)",
        mark="description:")

# --- encodings ------------------------------------------------------------

bvariant("invalid-utf8.yaml", b"description: one site,",
         b"description: caf\xe9 one site,", "utf-8",
         "a Latin-1 byte (0xE9) in a value", b"description:")

bvariant("invalid-utf8-continuation.yaml", b"name: hostile-base",
         b"name: hostile\x80base", "utf-8",
         "a lone UTF-8 continuation byte (0x80)", b"name:")

bvariant("overlong-utf8.yaml", b"description: one site,",
         b"description: one\xc0\xafsite,", "utf-8",
         "overlong 2-byte encoding of '/' (C0 AF)", b"description:")

bvariant("overlong-utf8-nul.yaml", b"name: hostile-base",
         b"name: hostile\xc0\x80base", "utf-8",
         "overlong encoding of NUL (C0 80, 'modified UTF-8')", b"name:")

bvariant("utf8-surrogate.yaml", b"description: one site,",
         b"description: one\xed\xa0\x80site,", "utf-8",
         "a UTF-16 surrogate (U+D800) encoded in UTF-8 (ED A0 80)",
         b"description:")

bvariant("utf8-above-max.yaml", b"name: hostile-base",
         b"name: hostile\xf4\x90\x80\x80base", "utf-8",
         "a code point above U+10FFFF (F4 90 80 80)", b"name:")

data = BASE.encode() + b"# trailing comment \xe2\x82"
add("truncated-utf8-at-eof.yaml", data, line_of(data, b"# trailing"),
    "utf-8", "the file ends inside a 3-byte UTF-8 sequence (E2 82)")

add("utf16-le-bom.yaml", b"\xff\xfe" + BASE.encode("utf-16-le"), 1,
    "utf-8", "the valid base design in UTF-16 LE with a BOM (libyaml "
    "accepts it; the format says UTF-8)")

add("utf16-be-bom.yaml", b"\xfe\xff" + BASE.encode("utf-16-be"), 1,
    "utf-8", "the valid base design in UTF-16 BE with a BOM")

bvariant("nul-byte.yaml", b"name: hostile-base", b"name: hostile\x00base",
         "nul", "a raw NUL byte in the middle of a value", b"name:")

bvariant("raw-control-char.yaml", b"name: hostile-base",
         b"name: hostile\x1b[2Jbase", "nul",
         "a raw ESC control character (ESC [2J) in a value", b"name:")

rng = random.Random(SEED)
junk = bytes(rng.randrange(256) for _ in range(4096))
add("binary-junk.yaml", junk, 0, "utf-8",
    "4 KiB of random bytes (fixed seed %d)" % SEED)

add("empty.yaml", b"", 0, "empty", "an empty file")
add("only-comment.yaml", "# nothing here but a comment\n", 0, "empty",
    "a file with only a comment")
add("only-document-marker.yaml", "---\n", 0, "empty",
    "a file with only '---'")
add("just-tilde.yaml", "~\n", 1, "empty", "the document is a null scalar")
add("top-level-sequence.yaml", "- nospof: 1\n- name: x\n", 1, "mapping",
    "the document is a sequence, not a mapping")
add("top-level-scalar.yaml", "nospof 1 name x\n", 1, "mapping",
    "the document is a plain scalar, not a mapping")

# --- escapes --------------------------------------------------------------

variant("escaped-nul.yaml", "  - id: c1\n", '  - id: "c1\\0x"\n', "nul",
        'a double-quoted circuit id with an escaped NUL ("c1\\0x")')

variant("escaped-nul-unicode.yaml", "name: hostile-base\n",
        'name: "hostile\\u0000base"\n', "nul",
        "a name with an escaped NUL written as \\u0000")

variant("nul-in-key.yaml", "    vlan: 100\n", '    "vlan\\0": 100\n', "nul",
        "a mapping key with an escaped NUL")

multi("ansi-escape-names.yaml",
      [("name: hostile-base\n"
        "description: one site, one cloud, one circuit\n",
        'name: "\\e[31mred\\e[0m \\u202Eesab-elitsoh"\n'
        'description: "\\e]0;pwned\\a\\e[1A\\e[K"\n'),
       ("    z: { router: edge1 }\n",
        '    z: { router: "\\e[2Jedge1" }\n')],
      "unknown",
      "terminal escapes and a bidi override (U+202E) in name/description "
      "(valid), and a circuit whose z.router is \"\\e[2Jedge1\": the "
      "unknown-router message must show the name escaped",
      mark='"\\e[2Jedge1"')

variant("c1-control.yaml", "    z: { router: edge1 }\n",
        '    z: { router: "edge1\\x9b2J\\x85" }\n', "unknown",
        "a reference with C1 controls (\\x9b CSI, \\x85 NEL) naming no "
        "router: the message must show the name escaped")

variant("escape-in-unknown-key.yaml", "    vlan: 100\n",
        '    vlan: 100\n    "\\e]8;;http://x/\\e\\\\mtu\\e]8;;\\e\\\\": 1500\n',
        "key", "an unknown key made of an OSC 8 terminal hyperlink around "
        "'mtu': the unknown-key message must show the key escaped",
        mark="1500")

# --- huge scalars ---------------------------------------------------------

variant("huge-plain-id.yaml", "  - id: c1\n", "  - id: " + "c" * 61440 + "\n",
        "id", "a 60 KiB plain scalar as a circuit id")

variant("huge-number.yaml", "    bandwidth_mbps: 1000\n",
        "    bandwidth_mbps: " + "9" * 61440 + "\n", "range",
        "a 60 KiB run of digits as bandwidth_mbps")

variant("huge-key.yaml", "    vlan: 100\n", "    " + "k" * 2000 + ": 100\n",
        "syntax", "a 2,000-character plain key (libyaml allows 1,024 for a "
        "simple key)", mark="kkkk")

# --- types and numbers ----------------------------------------------------

for name, val, sub, what in [
        ("bandwidth-unit.yaml", "10Gbps", "integer", "a unit suffix"),
        ("bandwidth-exponent.yaml", "1e3", "integer", "an exponent"),
        ("bandwidth-leading-zero.yaml", "0500", "integer",
         "a leading zero (octal to libcyaml)"),
        ("bandwidth-hex.yaml", "0x10", "integer", "hexadecimal"),
        ("bandwidth-underscore.yaml", "1_000", "integer",
         "a YAML 1.1 digit separator"),
        ("bandwidth-plus.yaml", "+1000", "integer", "a plus sign"),
        ("bandwidth-float.yaml", "1000.0", "integer", "a decimal point"),
        ("bandwidth-negative.yaml", "-5", "range",
         "a negative number (well-formed, below the minimum 1)"),
        ("bandwidth-zero.yaml", "0", "range", "zero (must be > 0)"),
        ("bandwidth-overflow.yaml", "99999999999999999999999", "range",
         "a number beyond 64 bits"),
        ("bandwidth-list.yaml", "[1]", "expected",
         "a sequence where an integer is expected"),
]:
    variant(name, "    bandwidth_mbps: 1000\n",
            "    bandwidth_mbps: %s\n" % val, sub,
            "bandwidth_mbps: %s (%s)" % (val, what))

variant("bandwidth-missing.yaml", "    bandwidth_mbps: 1000\n", "",
        "required", "a circuit without bandwidth_mbps (located at the "
        "circuit)", mark="  - id: c1")

variant("asn-overflow.yaml", "    asn: 65001\n", "    asn: 4294967296\n",
        "range", "asn: 4294967296 (2^32)")
variant("asn-zero.yaml", "    asn: 65001\n", "    asn: 0\n", "range",
        "asn: 0")
variant("vlan-zero.yaml", "    vlan: 100\n", "    vlan: 0\n", "range",
        "vlan: 0")
variant("vlan-4095.yaml", "    vlan: 100\n", "    vlan: 4095\n", "range",
        "vlan: 4095")
variant("availability-100.yaml", "  availability: 99.9\n",
        "  availability: 100\n", "range",
        "intent.availability: 100 (must be < 100)")
variant("assumption-zero.yaml", "  circuit: 99.9\n", "  circuit: 0\n",
        "range", "assumptions.circuit: 0 (must be > 0)")
variant("sites-mapping.yaml",
        "sites:\n  - id: dc1\n    region: eu-west\n"
        "    prefixes: [192.168.0.0/16]\n    stateful_firewall: false\n",
        "sites: {}\n", "expected", "sites: {} (a mapping, not a sequence)")
variant("intent-mode-invalid.yaml", "  mode: active-active\n",
        "  mode: active-passive\n", "expected",
        "intent.mode: active-passive (not one of the enum values)")
variant("bool-invalid.yaml", "    stateful_firewall: false\n",
        "    stateful_firewall: maybe\n", "expected",
        "stateful_firewall: maybe (not a boolean)")
variant("version-2.yaml", "nospof: 1\n", "nospof: 2\n", "version",
        "nospof: 2")
variant("missing-nospof.yaml", "nospof: 1\n", "", "required",
        "no nospof key (located at the top-level mapping)",
        mark="name: hostile-base")
variant("missing-name.yaml", "name: hostile-base\n", "", "required",
        "no name key (located at the top-level mapping)", mark="nospof: 1")

# --- references -----------------------------------------------------------

variant("wrong-kind-router.yaml", "    a: { router: cpe1, port: ge-0/0/1 }\n",
        "    a: { router: dc1, port: ge-0/0/1 }\n", "kind",
        "circuit a.router names a site")
variant("wrong-kind-site.yaml", "    site: dc1\n", "    site: vpc1\n",
        "kind", "a cpe router's site names a cloud")
variant("wrong-kind-demand.yaml", "  - from: dc1\n", "  - from: cpe1\n",
        "kind", "a demand from a router (not a site or cloud)")
variant("dangling-router.yaml", "    z: { router: edge1 }\n",
        "    z: { router: edge9 }\n", "unknown",
        "circuit z.router names no router")
variant("unknown-pop.yaml", "    pop: pop-a\n", "    pop: pop-x\n",
        "unknown", "an edge router's pop names nothing")
variant("unknown-demand-endpoint.yaml", "  - from: dc1\n",
        "  - from: dc9\n", "unknown", "a demand from an unknown id")
multi("same-router-both-ends.yaml",
      [("  - id: c1\n    a: { router: cpe1, port: ge-0/0/1 }\n"
        "    z: { router: edge1 }\n    bandwidth_mbps: 1000\n"
        "    vlan: 100\n    bgp:\n      ip: 10.10.1.5/30\n"
        "      peer_ip: 10.10.1.6\n",
        "  - { id: c1, a: { router: cpe1 }, z: { router: cpe1 }, "
        "bandwidth_mbps: 1000 }\n")],
      "same router",
      "a circuit with cpe1 on both ends (the circuit on one flow line)",
      mark="z: { router: cpe1 }")

variant("duplicate-id.yaml", "circuits:\n",
        "  - id: cpe1\n    role: cpe\n    site: dc1\ncircuits:\n",
        "duplicate", "two routers with id cpe1 (located at the second)",
        mark="id: cpe1", nth=2)
variant("duplicate-id-across-kinds.yaml", "  - id: c1\n", "  - id: dc1\n",
        "duplicate", "a circuit with the id of a site", mark="id: dc1", nth=2)
variant("duplicate-key.yaml", "    vlan: 100\n",
        "    vlan: 100\n    bandwidth_mbps: 2000\n", "duplicate",
        "bandwidth_mbps twice in one circuit (located at the second)",
        mark="bandwidth_mbps: 2000")
variant("duplicate-key-quoted.yaml", "    vlan: 100\n",
        "    vlan: 100\n    \"vlan\": 200\n", "duplicate",
        "vlan and \"vlan\": the same key in two presentations",
        mark="200")
variant("duplicate-key-flow.yaml", "    z: { router: edge1 }\n",
        "    z: { router: edge1, router: cpe1 }\n", "duplicate",
        "a key repeated inside a flow mapping")
variant("duplicate-top-level-key.yaml", "demands:\n",
        "sites:\n  - id: dc2\n    prefixes: [10.0.0.0/8]\ndemands:\n",
        "duplicate", "a second top-level sites key", mark="sites:", nth=2)
variant("id-leading-dash.yaml", "  - id: c1\n", "  - id: -bad\n", "id",
        "id -bad (must start with a letter or digit)")
variant("id-with-space.yaml", "  - id: c1\n", "  - id: a b\n", "id",
        "id 'a b'")
variant("id-65-chars.yaml", "  - id: c1\n", "  - id: c" + "1" * 64 + "\n",
        "id", "a 65-character id (at most 64)")
variant("id-zero-width.yaml", "  - id: c1\n", '  - id: "c1\\u200B"\n',
        "id", "an id ending in a zero-width space (U+200B), invisible when "
        "printed: the message shows it escaped")
variant("id-word-joiner.yaml", "  - id: edge1\n", "  - id: edge\u20601\n",
        "id", "a router id with a raw word joiner (U+2060) inside")
variant("reference-zero-width.yaml", "    z: { router: edge1 }\n",
        '    z: { router: "edge1\\uFEFF" }\n', "unknown",
        "a reference with a zero-width no-break space (U+FEFF) after a "
        "valid id: no id may hold one")
variant("id-empty.yaml", "  - id: c1\n", '  - id: ""\n', "id",
        "an empty id")

# --- other ----------------------------------------------------------------

variant("as-path-and-prepend.yaml",
        "    bgp:\n      ip: 10.10.1.5/30\n      peer_ip: 10.10.1.6\n",
        "    bgp: { ip: 10.10.1.5/30, as_path: [65001], prepend: 2 }\n",
        "prepend", "bgp with both as_path and prepend (one flow line)")
variant("cidr-prefix-33.yaml", "[192.168.0.0/16]", "[192.168.0.0/33]",
        "cidr", "prefix length 33 on IPv4", mark="192.168.0.0/33")
variant("cidr-bad-octet.yaml", "[192.168.0.0/16]", "[300.1.1.0/24]",
        "cidr", "an octet of 300", mark="300.1.1.0/24")
variant("cidr-bad-ipv6.yaml", "    prefixes: [172.16.0.0/16]\n",
        "    prefixes:\n      - 2001:db8::g/32\n", "cidr",
        "an IPv6 prefix with a non-hex digit", mark="2001:db8::g/32")
variant("peer-ip-not-ip.yaml", "      peer_ip: 10.10.1.6\n",
        "      peer_ip: not-an-ip\n", "address", "peer_ip: not-an-ip")
variant("bad-date.yaml", "    expires: 2027-01-31\n",
        "    expires: 2027-02-30\n", "date", "expires: 2027-02-30")
variant("bad-date-format.yaml", "    expires: 2027-01-31\n",
        "    expires: 31/01/2027\n", "date", "expires: 31/01/2027")

add("two-documents.yaml", "---\n" + BASE + "---\n" + BASE,
    line_of(("---\n" + BASE + "---\n").encode(), "---", 2), "document",
    "two valid documents (located at the second '---')")
text = BASE + "---\nname: [unclosed\n  : : {\n"
add("second-document-broken.yaml", text, line_of(text.encode(), "---"),
    "document", "a second document that is also broken YAML")
text = BASE + "...\nextra: true\n"
add("document-end-then-content.yaml", text,
    line_of(text.encode(), "extra: true"), "document",
    "'...' then more content (an implicit second document)")

multi("merge-key.yaml",
      [("  - id: cpe1\n", "  - &cpe\n    id: cpe1\n"),
       ("  - id: edge1\n", "  - <<: *cpe\n    id: cpe2\n  - id: edge1\n")],
      "key", "a YAML merge key (<<: *cpe) in a router", mark="<<: *cpe")

variant("tag-binary.yaml", "description: one site, one cloud, one circuit\n",
        "description: !!binary aGVsbG8gd29ybGQ=\n", "tag",
        "a !!binary tag on a string field")
variant("tag-custom.yaml", "name: hostile-base\n",
        "name: !custom hostile-base\n", "tag", "a local !custom tag")
variant("tag-python.yaml", "description: one site, one cloud, one circuit\n",
        'description: !!python/object/apply:os.system ["echo pwned"]\n',
        "tag", "a !!python/object/apply tag")
variant("complex-key.yaml", "demands:\n", "? [a, b]\n: c\ndemands:\n",
        "key", "an explicit complex key (? [a, b]) at the top level")
variant("mapping-as-key.yaml", "    vlan: 100\n",
        "    vlan: 100\n    {bandwidth_mbps: 1}: 2\n", "key",
        "a flow mapping used as a key", mark="{bandwidth_mbps")
multi("alias-mapping-as-key.yaml",
      [("intent:\n", "intent: &i\n"),
       ("demands:\n", "*i : 1\ndemands:\n")],
      "key", "an alias to a mapping used as a key (*i : 1): an error, "
      "never the mapping read as text", mark="*i :")
multi("alias-sequence-as-key.yaml",
      [("    prefixes: [192.168.0.0/16]\n",
        "    prefixes: &p [192.168.0.0/16]\n"),
       ("    vlan: 100\n", "    vlan: 100\n    *p : 2\n")],
      "key", "an alias to a sequence used as a key inside a circuit",
      mark="*p :")
variant("unknown-key-typo.yaml", "    bandwidth_mbps: 1000\n",
        "    bandwith_mbps: 1000\n", "key",
        "bandwith_mbps (a near miss: did-you-mean)")
multi("unused-anchor.yaml",
      [("name: hostile-base\n", "name: &unused hostile-base\n"),
       ("    vlan: 100\n", "    vlan: 5000\n")],
      "range", "an anchor defined and never used (name: &unused, fine), "
      "and vlan: 5000", mark="vlan: 5000")

# YAML syntax: lines are where libyaml's problem mark points.
text = edit(BASE, "    reason: single circuit accepted for the lab\n"
            "    expires: 2027-01-31\n",
            "    expires: 2027-01-31\n"
            '    reason: "single circuit accepted for the lab')
add("unclosed-quote.yaml", text, line_of(text.encode(), 'reason: "'),
    "syntax", "a double quote never closed (last line, no newline)")
variant("unclosed-flow.yaml", "    prefixes: [192.168.0.0/16]\n",
        "    prefixes: [192.168.0.0/16\n", "syntax",
        "a flow sequence never closed (libyaml notices on the next line)",
        mark="    stateful_firewall")
variant("bad-indentation.yaml", "    prefixes: [192.168.0.0/16]\n",
        "   prefixes: [192.168.0.0/16]\n", "syntax",
        "a key indented one column less than its siblings",
        mark="   prefixes: [192")
variant("tab-indentation.yaml", "    vlan: 100\n", "\tvlan: 100\n",
        "syntax", "a tab used for indentation", mark="\tvlan")
variant("yaml-directive-2.yaml", "nospof: 1\n",
        "%YAML 2.0\n---\nnospof: 1\n", "syntax",
        "%YAML 2.0 directive (libyaml: incompatible YAML document)",
        mark="%YAML")

# --- line counting --------------------------------------------------------

bad = edit(BASE, "    z: { router: edge1 }\n", "    z: { router: edge9 }\n")
data = bad.replace("\n", "\r\n").encode()
add("crlf-dangling-router.yaml", data, line_of(data, "edge9"), "unknown",
    "CRLF line endings and an unknown router (line count must match)")
data = bad.replace("\n", "\r").encode()
add("cr-only-dangling-router.yaml", data, line_of(data, "edge9"), "unknown",
    "CR-only line endings and an unknown router")
data = b"\xef\xbb\xbf" + bad.encode()
add("utf8-bom-dangling-router.yaml", data, line_of(data, "edge9"), "unknown",
    "a UTF-8 BOM (allowed) and an unknown router")


README_HEAD = """\
# Hostile inputs

Every `*.yaml` file here must make `nospof check FILE` exit with status 2
and print at least one located input error (`file:line:col: ...`), without a
crash, a hang, a sanitizer report or a leak.  Each file is at most 64 KiB.

Generated by `generate.py` (fixed seed; run it again after changing a case,
and commit what it writes).  Do not edit these files, `EXPECT` or this README
by hand.  Most files are one small valid design with a single defect.

`EXPECT` is the machine-readable form, one line per file:
`FILENAME<TAB>LINE<TAB>SUBSTRING`.  The test passes when the exit status is 2
and some error line of the text output starts with `FILE:LINE:` and contains
SUBSTRING (case-insensitive).  LINE 0 means the line is not checked (only
that some located error contains SUBSTRING).  SUBSTRING is one word of a fixed
vocabulary: alias, depth, utf-8, nul, document, duplicate, unknown, integer,
range, cidr, address, date, prepend, same router, id, required, expected,
syntax, size, tag, key, mapping, kind, version, empty.

What each word stands for (the message may say more; the word must appear):

| word | the error is about |
| --- | --- |
| `alias` | an alias beyond the expansion limit, undefined, or inside its own anchor |
| `depth` | nesting beyond the depth limit |
| `utf-8` | bytes that are not valid UTF-8, or a file in another encoding (UTF-16) |
| `nul` | a NUL, escaped or raw, or another raw control character |
| `document` | a second YAML document |
| `duplicate` | a duplicate mapping key or a duplicate id |
| `unknown` | a reference to an id that does not exist |
| `kind` | a reference to an id of the wrong kind |
| `integer` | a number that is not plain decimal digits |
| `range` | a well-formed value outside its range (ASN, VLAN, percentage, > 0, 64 bits) |
| `cidr` / `address` / `date` | an invalid prefix / IP address / date |
| `prepend` | `as_path` together with `prepend` |
| `same router` | a circuit whose two ends are one router |
| `id` | an id that does not match the id pattern |
| `required` | a missing required key |
| `expected` | a wrong type or a value not in an enumeration ("expected ...") |
| `syntax` | YAML syntax that libyaml rejects |
| `tag` | an explicit YAML tag |
| `key` | an unknown key, a merge key (`<<`) or a non-scalar key |
| `mapping` | a top-level node that is not a mapping |
| `version` | a `nospof:` format version other than 1 |
| `empty` | no document, or a null document |

`size` is in the vocabulary but not used here: a file over the 32 MiB limit
cannot be a 64 KiB fixture; test it with a lowered limit instead.

Conventions the lines rely on:

- Depth counts open collections (mappings and sequences), the root mapping
  being 1; 64 is allowed, 65 is an error located at the start of the 65th
  collection (`nesting-64-levels.yaml` checks the boundary from below: it
  fails with a type error, not a depth error).
- Alias-limit errors are located at an alias; the bombs that are checked by
  line keep every alias on one line.
- Encoding errors (bad UTF-8, control characters, NUL) are located at the
  line of the offending byte (libyaml gives only a byte offset for them).
  Raw control characters use the word `nul`: the message should read like
  "NUL or control character".
- YAML syntax errors are located at libyaml's problem mark.
- Duplicates are located at the second occurrence; a missing required key at
  the mapping that lacks it; a second document at its start.
- Names taken from the input are escaped in messages: in
  `ansi-escape-names.yaml`, `c1-control.yaml` and
  `escape-in-unknown-key.yaml` no raw ESC, CSI (0x9b) or NEL (0x85) byte may
  reach the output.
- A reference is checked by looking it up: one that names no element is
  `unknown` even when it could never match the id pattern.
- The NUL check comes first on every string and key: a C string would end
  at the NUL, and `"c1\\0x"` would pass as the valid id `c1`.
- `-5` is a well-formed integer below the minimum (`range`); `+1000`,
  `1_000`, `1e3`, `0500`, `0x10`, `1000.0`, `10Gbps` are not plain decimal
  integers (`integer`).

| file | defect | expected message must contain |
| --- | --- | --- |
"""


def main():
    keep = {"generate.py", "README.md", "EXPECT"}
    names = {c[0] for c in CASES}
    for f in os.listdir(HERE):
        if f not in keep and f not in names and f.endswith(".yaml"):
            os.remove(os.path.join(HERE, f))
    for name, data, line, sub, defect in CASES:
        with open(os.path.join(HERE, name), "wb") as fh:
            fh.write(data)
    with open(os.path.join(HERE, "EXPECT"), "w") as fh:
        for name, data, line, sub, defect in sorted(CASES):
            fh.write("%s\t%d\t%s\n" % (name, line, sub))
    with open(os.path.join(HERE, "README.md"), "w") as fh:
        fh.write(README_HEAD)
        for name, data, line, sub, defect in sorted(CASES):
            fh.write("| `%s` | %s | `%s` |\n"
                     % (name, defect.replace("|", "\\|"), sub))
    print("%d files" % len(CASES))


if __name__ == "__main__":
    main()
