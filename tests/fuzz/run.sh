#!/bin/sh
# Run the fuzz targets for SECONDS in all: half on the design target (the
# loader, every rule, the failure analysis, every reporter), a sixth on the
# graph (DOT, and SVG through Graphviz's child process), a ninth each on
# the config reader, the baseline reader and the escaper. Each working
# corpus lives under the build directory, seeded from the examples, the
# rule fixtures, the hostile inputs and tests/fuzz/seeds; a crash leaves
# its input in BUILD/crash-* and fails the run (minimise it, add it to
# tests/hostile/ or the seeds).
set -eu
build=$1
seconds=$2
corpus=$build/corpus
mkdir -p "$corpus/design" "$corpus/graph" "$corpus/config" \
	"$corpus/baseline" "$corpus/escape" "$corpus/plan" "$corpus/netbox"
for c in design graph; do
	cp examples/*.yaml tests/hostile/*.yaml tests/rules/*/*.yaml \
		tests/schema/good/*.yaml "$corpus/$c/" 2>/dev/null || true
done
cp tests/fuzz/seeds/config/* tests/hostile/alias-*.yaml \
	tests/hostile/deep-*.yaml "$corpus/config/"
cp tests/fuzz/seeds/baseline/* "$corpus/baseline/"
cp tests/golden/*.json "$corpus/baseline/" 2>/dev/null || true
cp tests/hostile/*.yaml "$corpus/escape/"
for f in tests/import/*/*.json; do
	cp "$f" "$corpus/plan/$(echo "$f" | tr / _)"
done
cp tests/fuzz/seeds/netbox/* "$corpus/netbox/"
design=$((seconds / 2))
graph=$((seconds / 6))
rest=$(((seconds - design - graph) / 4))
[ "$graph" -ge 1 ] || graph=1
[ "$rest" -ge 1 ] || rest=1
opts="-timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1"
fail=0
n=0
# run TARGET SECONDS [OPTIONS]: one target, its summary lines
run() {
	t=$1
	s=$2
	shift 2
	n=$((n + 1))
	echo "fuzz: $t target for ${s}s"
	"$build/fuzz_$t" $opts -max_total_time="$s" "$@" \
		-artifact_prefix="$build/" "$corpus/$t" > "$build/$t.log" \
		2>&1 || fail=1
	grep -E '^(#[0-9]+.*(INITED|DONE)|stat::|==|SUMMARY|Done)' \
		"$build/$t.log" | tail -8
}
run design "$design" -dict=tests/fuzz/nospof.dict
run graph "$graph" -dict=tests/fuzz/nospof.dict
run config "$rest" -dict=tests/fuzz/nospof.dict
run baseline "$rest" -dict=tests/fuzz/baseline.dict
run escape "$rest"
run plan "$rest" -dict=tests/fuzz/plan.dict
run netbox "$rest" -dict=tests/fuzz/netbox.dict
if [ $fail -ne 0 ]; then
	echo "fuzz: a target failed; see $build/*.log"
	tail -30 "$build"/design.log "$build"/graph.log "$build"/config.log \
		"$build"/baseline.log "$build"/escape.log "$build"/plan.log \
		"$build"/netbox.log
	exit 1
fi
if ls "$build"/crash-* "$build"/leak-* "$build"/timeout-* \
	"$build"/oom-* >/dev/null 2>&1; then
	echo "fuzz: failures found:"
	ls "$build"/crash-* "$build"/leak-* "$build"/timeout-* \
		"$build"/oom-* 2>/dev/null
	exit 1
fi
echo "fuzz: $n passed, 0 failed"
