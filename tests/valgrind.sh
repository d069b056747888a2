#!/bin/sh
# The CLI under valgrind over every example and every hostile input: no
# memory error and no leak, whatever the input. Two files at a time.
set -u
bin=${1:-build/nospof}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
ls examples/*.yaml tests/hostile/*.yaml | xargs -P 2 -I{} sh -c '
	f="$1"; log="$2/$(echo "$f" | tr / _).log"
	valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect,possible \
		--show-leak-kinds=definite,indirect,possible \
		"$3" check -f json "$f" > /dev/null 2> "$log"
	st=$?
	if [ $st -ge 3 ] || [ -s "$log" ]; then
		echo "exit $st" >> "$log"
		mv "$log" "$log.fail"
	fi
	rm -f "$log"
' sh {} "$out" "$bin"
# the DOT graph of every example too (SVG rendering is Graphviz's code)
for f in examples/*.yaml; do
	log="$out/graph_$(basename "$f").log"
	valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect,possible \
		--show-leak-kinds=definite,indirect,possible \
		"$bin" graph "$f" --fail \
		"$(sed -n 's/^ *- *{* *id: *\([^ ,}]*\).*/\1/p' "$f" | tail -1)" \
		> /dev/null 2> "$log"
	st=$?
	if [ $st -ne 0 ] || [ -s "$log" ]; then
		echo "exit $st" >> "$log"
		mv "$log" "$log.fail"
	fi
	rm -f "$log"
done
# every format, directory scanning, a config (and a broken one) and a
# baseline, once each
cfg="$out/cfg.yaml"
printf 'severity: {DIV00: warning}\nintent: {survive: [circuit]}\n' > "$cfg"
badcfg="$out/badcfg.yaml"
printf 'intent: &m {mode: active-active}\n*m : 1\n' > "$badcfg"
for args in "-f sarif --no-config" "-f junit --no-config" \
	"-f github --no-config" "-f markdown --no-config" "-f text --no-config" \
	"-f json --config $cfg" "-f text --config $badcfg" \
	"-f json --no-config --write-baseline $out/base.json" \
	"-f json --no-config --baseline $out/base.json"; do
	log="$out/run-$(echo "$args" | tr ' /' '__').log"
	NOSPOF_TODAY=2026-06-01 valgrind -q --error-exitcode=99 \
		--leak-check=full \
		--errors-for-leak-kinds=definite,indirect,possible \
		--show-leak-kinds=definite,indirect,possible \
		"$bin" check $args examples tests/rules/WAIVE001 \
		> /dev/null 2> "$log"
	st=$?
	if [ $st -ge 3 ] || [ -s "$log" ]; then
		echo "exit $st" >> "$log"
		mv "$log" "$log.fail"
	fi
	rm -f "$log"
done
# the HTML report of every example and the HTML-hostile design; the
# Graphviz child that lays the pictures out is not ours to check
log="$out/run-html.log"
NOSPOF_TODAY=2026-06-01 valgrind -q --error-exitcode=99 --leak-check=full \
	--child-silent-after-fork=yes \
	--errors-for-leak-kinds=definite,indirect,possible \
	--show-leak-kinds=definite,indirect,possible \
	"$bin" check -f html --no-config examples tests/browser \
	tests/hostile/ansi-escape-names.yaml tests/hostile/binary-junk.yaml \
	> /dev/null 2> "$log"
st=$?
if [ $st -ge 3 ] || [ -s "$log" ]; then
	echo "exit $st" >> "$log"
	mv "$log" "$log.fail"
fi
rm -f "$log"
# the Terraform importer: every fixture, imported and checked; its
# diagnostics go to standard error, so only valgrind's own lines count
ni=0
for d in tests/import/*/; do
	for f in "$d"*.json; do
		for cmd in "import terraform $f --overlay ${d}overlay.yaml" \
			"import terraform $f -f json" \
			"check -f sarif --no-config --import terraform:$f --overlay ${d}overlay.yaml"; do
			ni=$((ni + 1))
			log="$out/imp-$ni.log"
			valgrind -q --error-exitcode=99 --leak-check=full \
				--errors-for-leak-kinds=definite,indirect,possible \
				--show-leak-kinds=definite,indirect,possible \
				--log-file="$log" $bin $cmd > /dev/null 2>&1
			st=$?
			if [ $st -ge 3 ] || [ -s "$log" ]; then
				echo "$cmd: exit $st" >> "$log"
				mv "$log" "$log.fail"
			fi
			rm -f "$log"
		done
	done
done
# the NetBox importer: both fixture shapes, check --import, hostile
# pages, and a live import from the local stand-in (its own process)
python3 tests/netbox/mutate.py tests/netbox/demo "$out/nbbad" \
	"get('cables', 6)['b_terminations'] = []" >/dev/null
printf 'not json' > "$out/nbbad/sites.json"
python3 tests/netbox/server.py tests/netbox/demo vg-token > "$out/nbport" \
	2>/dev/null &
nbpid=$!
i=0
while [ ! -s "$out/nbport" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
for cmd in "import netbox --from tests/netbox/demo --overlay tests/netbox/demo/overlay.yaml" \
	"import netbox --from tests/netbox/demo-37 -f json --site dmi01-akron" \
	"check -f sarif --no-config --import netbox:tests/netbox/demo --overlay tests/netbox/demo/overlay.yaml" \
	"import netbox --from $out/nbbad" \
	"import netbox --url http://127.0.0.1:$(cat "$out/nbport") --save $out/nbsave"; do
	ni=$((ni + 1))
	log="$out/imp-$ni.log"
	NETBOX_TOKEN=vg-token valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect,possible \
		--show-leak-kinds=definite,indirect,possible \
		--log-file="$log" $bin $cmd > /dev/null 2>&1
	st=$?
	if [ $st -ge 3 ] || [ -s "$log" ]; then
		echo "$cmd: exit $st" >> "$log"
		mv "$log" "$log.fail"
	fi
	rm -f "$log"
done
kill $nbpid
n=$(( $(ls examples/*.yaml tests/hostile/*.yaml | wc -l) + \
	$(ls examples/*.yaml | wc -l) + 10 + ni ))
fail=0
for f in "$out"/*.fail; do
	[ -e "$f" ] || continue
	fail=$((fail + 1))
	echo "FAIL $(basename "$f" .log.fail)"
	cat "$f"
done
echo "valgrind: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
