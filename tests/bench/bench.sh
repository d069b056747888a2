#!/bin/sh
# make bench: generate the 10,000-circuit design and print the figures of
# DESIGN.md's performance bar: check vs a bare libyaml scan (median of 5),
# peak memory vs file size, and the time of `scenarios --depth 2` (text,
# and JSON with its peak memory).
set -eu
bin=${1:-build/nospof}
dir=${2:-build/bench}
"$dir/gen" 2500 > "$dir/design.yaml"
size=$(stat -c %s "$dir/design.yaml")
circuits=$(grep -c '^  - id: c-' "$dir/design.yaml")

# median wall time of a command over 5 runs, in seconds
median() {
	for i in 1 2 3 4 5; do
		s=$(date +%s.%N)
		"$@" > /dev/null 2>&1 || true
		e=$(date +%s.%N)
		echo "$e - $s" | bc -l
	done | sort -g | sed -n 3p
}
tc=$(median "$bin" check "$dir/design.yaml")
ts=$(median "$dir/scan" "$dir/design.yaml")
rss=$(/usr/bin/time -f %M "$bin" check "$dir/design.yaml" 2>&1 >/dev/null | tail -1)
s=$(date +%s.%N)
"$bin" scenarios --depth 2 "$dir/design.yaml" > /dev/null
e=$(date +%s.%N)
t2=$(echo "$e - $s" | bc -l)
rows=$("$bin" scenarios --depth 2 -f json "$dir/design.yaml" | grep -c '"survives"')
# the JSON table is written a row at a time: time and peak memory
json=$(/usr/bin/time -f '%e %M' "$bin" scenarios --depth 2 -f json \
	"$dir/design.yaml" 2>&1 >/dev/null | tail -1)
tj=${json% *}
rj=${json#* }
printf 'design: %s circuits, %s bytes\n' "$circuits" "$size"
printf 'check (single failures included): %.3f s; libyaml scan: %.3f s; ratio %.2f (goal <= 3)\n' \
	"$tc" "$ts" "$(echo "$tc / $ts" | bc -l)"
printf 'peak memory of check: %s KiB = %.1f x the file (goal <= 20)\n' \
	"$rss" "$(echo "$rss * 1024 / $size" | bc -l)"
printf 'scenarios --depth 2: %.3f s for %s rows (goal < 10 s)\n' "$t2" "$rows"
printf 'scenarios --depth 2 -f json: %.3f s = %.2f x the text (goal <= 1.5), peak %s KiB (goal < 50 MB)\n' \
	"$tj" "$(echo "$tj / $t2" | bc -l)" "$rj"
