#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Every test: ndctl unit tests, DKMS builds, and the VM selftests on every
# Debian kernel installed (6.1, 6.1-rt, 6.12). The last line is the total:
# "N passed, N failed". Exit status 1 if anything failed.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
pass=0 fail=0
add() { # add "<label>: N passed, N failed" from a log
	local line p f
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
	p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
	f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
	if [ -z "$line" ]; then p=0 f=1; echo "not ok - $2 printed no result"; fi
	if [ "$p" = 0 ] && [ "$f" = 0 ]; then f=1; echo "not ok - $2 ran no test"; fi
	pass=$((pass + p)) fail=$((fail + f))
}
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

echo "# ndctl unit tests"
make -s -C tests/user test_ndctl >/dev/null && ./tests/user/test_ndctl | tee "$log/unit" | grep -v '^ok'
add "$log/unit" "unit tests"
echo "# DKMS"
tests/dkms/test-dkms.sh | tee "$log/dkms" | grep -v '^ok'
add "$log/dkms" "dkms"
echo "# VM selftests"
tests/vm/run.sh "$@" | tee "$log/vm" | grep -v '^ok'
add "$log/vm" "vm"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
