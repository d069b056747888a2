#!/bin/sh
# Rewrite tests/golden/ from the given nospof binary. Review the diff: the
# golden files are the expected behaviour, not a snapshot to accept blindly.
set -u
bin=${1:-build/nospof}
for f in examples/*.yaml; do
	b=$(basename "$f" .yaml)
	"$bin" check --color never "$f" > "tests/golden/$b.txt"
	"$bin" check -f json "$f" > "tests/golden/$b.json"
	"$bin" graph "$f" > "tests/golden/$b.dot"
	"$bin" scenarios "$f" > "tests/golden/$b.scenarios.txt"
	"$bin" scenarios -f json "$f" > "tests/golden/$b.scenarios.json"
	"$bin" scenarios --depth 2 -f markdown "$f" \
		> "tests/golden/$b.scenarios.md"
done
echo "golden files rewritten for $(ls examples/*.yaml | wc -l) examples"
