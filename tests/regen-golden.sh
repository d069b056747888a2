#!/bin/sh
# Rewrite tests/golden/ from the given nospof binary. Review the diff: the
# golden files are the expected behaviour, not a snapshot to accept blindly.
# NOSPOF_TODAY fixes the date waivers expire against; no config is read.
set -u
bin=${1:-build/nospof}
NOSPOF_TODAY=2026-06-01
export NOSPOF_TODAY
for f in examples/*.yaml; do
	b=$(basename "$f" .yaml)
	o="--no-config --color never"
	"$bin" check $o "$f" > "tests/golden/$b.txt"
	"$bin" check $o -f json "$f" > "tests/golden/$b.json"
	"$bin" check $o -f sarif "$f" > "tests/golden/$b.sarif"
	"$bin" check $o -f junit "$f" > "tests/golden/$b.junit.xml"
	"$bin" check $o -f github "$f" > "tests/golden/$b.github"
	"$bin" check $o -f markdown "$f" > "tests/golden/$b.md"
	"$bin" graph "$f" > "tests/golden/$b.dot"
	"$bin" scenarios "$f" > "tests/golden/$b.scenarios.txt"
	"$bin" scenarios -f json "$f" > "tests/golden/$b.scenarios.json"
	"$bin" scenarios --depth 2 -f markdown "$f" \
		> "tests/golden/$b.scenarios.md"
	"$bin" scenarios --cuts 2 "$f" > "tests/golden/$b.cuts.txt"
	"$bin" scenarios --cuts 2 -f json "$f" > "tests/golden/$b.cuts.json"
	"$bin" scenarios --cuts 3 -f markdown "$f" > "tests/golden/$b.cuts.md"
done
echo "golden files rewritten for $(ls examples/*.yaml | wc -l) examples"
