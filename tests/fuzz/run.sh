#!/bin/sh
# Run both fuzz targets for SECONDS in all (five sixths on the design target):
# the working corpus lives under the build directory, seeded from the
# examples, the rule fixtures and the hostile inputs; a crash leaves its input
# in BUILD/crash-* and fails the run (minimise it, add it to tests/hostile/).
set -eu
build=$1
seconds=$2
corpus=$build/corpus
mkdir -p "$corpus/design" "$corpus/escape"
cp examples/*.yaml tests/hostile/*.yaml tests/rules/*/*.yaml \
	tests/schema/good/*.yaml "$corpus/design/" 2>/dev/null || true
cp tests/hostile/*.yaml "$corpus/escape/"
design=$((seconds * 5 / 6))
escape=$((seconds - design))
[ "$escape" -ge 1 ] || escape=1
opts="-timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1"
fail=0
echo "fuzz: design target for ${design}s"
"$build/fuzz_design" $opts -max_total_time="$design" \
	-dict=tests/fuzz/nospof.dict -artifact_prefix="$build/" \
	"$corpus/design" > "$build/design.log" 2>&1 || fail=1
grep -E '^(#[0-9]+.*(INITED|DONE)|stat::|==|SUMMARY|Done)' \
	"$build/design.log" | tail -8
echo "fuzz: escape target for ${escape}s"
"$build/fuzz_escape" $opts -max_total_time="$escape" \
	-artifact_prefix="$build/" "$corpus/escape" > "$build/escape.log" \
	2>&1 || fail=1
grep -E '^(#[0-9]+.*(INITED|DONE)|stat::|==|SUMMARY|Done)' \
	"$build/escape.log" | tail -4
if [ $fail -ne 0 ]; then
	echo "fuzz: a target failed; see $build/design.log, $build/escape.log"
	tail -30 "$build/design.log" "$build/escape.log"
	exit 1
fi
if ls "$build"/crash-* "$build"/leak-* "$build"/timeout-* \
	"$build"/oom-* >/dev/null 2>&1; then
	echo "fuzz: failures found:"
	ls "$build"/crash-* "$build"/leak-* "$build"/timeout-* \
		"$build"/oom-* 2>/dev/null
	exit 1
fi
echo "fuzz: 2 passed, 0 failed"
