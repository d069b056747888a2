#!/bin/sh
# The JSON Schemas against the designs and reports: every example and good
# design validates against schemas/nospof.schema.json, every bad design fails
# it, and every JSON report (golden files, input errors) validates against
# schemas/report.schema.json.
set -eu
bin=${1:-build/nospof}
py=/usr/bin/python3
v=tests/schema/validate.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# (the import rules' fixtures are plans and overlays, not designs)
$py $v designs schemas/nospof.schema.json examples/*.yaml \
	tests/schema/good/*.yaml $(ls tests/rules/*/*.yaml | grep -v '/IMP')
$py $v bad schemas/nospof.schema.json tests/schema/bad/*.yaml
# reports: the golden ones, one over several files, and input errors
"$bin" check -f json examples/*.yaml > "$tmp/all.json" || true
"$bin" check -f json tests/hostile/*.yaml > "$tmp/hostile.json" || true
"$bin" check -f json examples/alibaba-two-cpes.yaml > "$tmp/clean.json"
# (the scenarios and cut-set tables are not reports)
$py $v reports schemas/report.schema.json \
	$(ls tests/golden/*.json | grep -v -e '\.scenarios\.json$' -e '\.cuts\.json$') "$tmp"/*.json
