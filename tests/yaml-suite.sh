#!/bin/sh
# Run nospof over a directory of YAML test suite inputs (none is a design):
# each must end with exit status 2, a located message, within a second.
# Usage: tests/yaml-suite.sh DIR [BIN]   (the suite is not part of the repo)
set -u
dir=${1:?usage: tests/yaml-suite.sh DIR [BIN]}
bin=${2:-build/nospof}
n=0 fail=0
for f in "$dir"/*.yaml; do
	n=$((n + 1))
	out=$(timeout 1 "$bin" check "$f" 2>&1)
	st=$?
	if [ $st -ne 2 ] || ! printf '%s\n' "$out" | grep -q ':[0-9]*:[0-9]*: error: '; then
		echo "FAIL $f (exit $st)"
		fail=$((fail + 1))
	fi
done
echo "yaml test suite: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
