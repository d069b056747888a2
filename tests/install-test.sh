#!/bin/sh
# `make install DESTDIR=...` puts a working binary, the man page and the
# schemas in place, and the man page renders without warnings.
set -eu
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
make --no-print-directory install DESTDIR="$dest" PREFIX=/usr/local >/dev/null
bin="$dest/usr/local/bin/nospof"
man1="$dest/usr/local/share/man/man1/nospof.1"
"$bin" version | grep -q '^nospof '
"$bin" check --no-config examples/alibaba-two-cpes.yaml >/dev/null
test -s "$dest/usr/local/share/nospof/nospof.schema.json"
test -s "$dest/usr/local/share/nospof/report.schema.json"
warn=$(groff -man -Tutf8 -ww -z "$man1" 2>&1)
if [ -n "$warn" ]; then
	echo "man page warnings: $warn"
	exit 1
fi
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man -l "$man1" 2>/dev/null | grep -q 'nospof *- check'
fi
echo "install: binary, man page and schemas in place"
