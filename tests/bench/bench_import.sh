#!/bin/sh
# make bench, import part (IMPORT.md §10): generate the 10,000-resource
# plan, and print the median of five runs of `nospof import terraform`
# over a bare jansson parse of the same file, and the importer's peak
# memory over the file's size.
set -eu
bin=${1:-build/nospof}
dir=${2:-build/bench}
"$dir/gen_plan" > "$dir/plan.json"
size=$(stat -c %s "$dir/plan.json")

# median wall time of a command over 5 runs, in seconds
median() {
	for i in 1 2 3 4 5; do
		s=$(date +%s.%N)
		"$@" > /dev/null 2>&1 || true
		e=$(date +%s.%N)
		echo "$e - $s" | bc -l
	done | sort -g | sed -n 3p
}
ti=$(median "$bin" import terraform "$dir/plan.json" -o /dev/null \
	--max-input-mb 256)
tp=$(median "$dir/jparse" "$dir/plan.json")
rss=$(/usr/bin/time -f %M "$bin" import terraform "$dir/plan.json" \
	-o /dev/null --max-input-mb 256 2>&1 >/dev/null | tail -1)
printf 'plan: 10000 resources, %s bytes\n' "$size"
printf 'import terraform: %.3f s; jansson parse: %.3f s; ratio %.2f (bar <= 2.0)\n' \
	"$ti" "$tp" "$(echo "$ti / $tp" | bc -l)"
printf 'peak memory of import: %s KiB = %.1f x the file\n' \
	"$rss" "$(echo "$rss * 1024 / $size" | bc -l)"
