#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run netdiag's KUnit suites (test kernel only: Debian's has no KUnit) and
# report every case as a TAP line.
. ./lib.sh
ko="$ND_REPO/build/$(uname -r)/netdiag_kunit.ko"
if [ ! -d /sys/kernel/debug/kunit ]; then
	diag "this kernel has no KUnit; skipped"
	exit 0
fi
insmod "$ko" || { not_ok "insmod $ko"; exit 1; }
for r in /sys/kernel/debug/kunit/netdiag_*/results; do
	suite=$(basename "$(dirname "$r")")
	sed 's/^[[:space:]]*//' "$r" | grep -E '^(not )?ok [0-9]+ ' | grep -v "$suite\$" |
	while read -r line; do
		case "$line" in
		"ok "*) ok "$suite: ${line#ok [0-9]* }" ;;
		"not ok "*) not_ok "$suite: ${line#not ok [0-9]* }" ;;
		esac
	done
	grep -q . "$r" || not_ok "$suite: no results"
	sed 's/^/# /' "$r" | head -40
done
dmesg | grep -q 'BUG: KASAN' && not_ok "KASAN report during KUnit" || ok "no KASAN report during KUnit"
rmmod netdiag_kunit
