#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# 'dkms build' of the installed source layout against every kernel whose
# headers are installed, in a private DKMS tree (the system's is untouched).
# Prints TAP lines and "dkms: N passed, N failed".
top=$(cd "$(dirname "$0")/../.." && pwd)
ver=$(sed -n 's/^VERSION := //p' "$top/Makefile")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
mkdir -p "$tmp/dkms" "$tmp/inst"
"$top/dkms/dkms-install.sh" "$ver" "$tmp/root" || { echo "not ok - dkms-install.sh"; echo "dkms: 0 passed, 1 failed"; exit 1; }
src="$tmp/root/usr/src"
# the regex must accept the kernels netdiag supports and refuse others
re=$(sed -n 's/^BUILD_EXCLUSIVE_KERNEL="\(.*\)"/\1/p' "$src/netdiag-$ver/dkms.conf")
for k in 3.10.0-1160.el7.x86_64 4.18.0-553.el8_10.x86_64 4.19.90-2112.8.0.0131.oe1.x86_64 5.10.0-60.18.0.50.oe2203.x86_64 6.1.0-56-amd64 6.12.117+deb12-amd64; do
	if echo "$k" | grep -Eq "$re"; then pass=$((pass + 1)); echo "ok - dkms.conf accepts $k"; else fail=$((fail + 1)); echo "not ok - dkms.conf accepts $k"; fi
done
for k in 2.6.32-754.el6.x86_64 4.9.0-19-amd64 6.13.0-rc1; do
	if echo "$k" | grep -Eq "$re"; then fail=$((fail + 1)); echo "not ok - dkms.conf refuses $k"; else pass=$((pass + 1)); echo "ok - dkms.conf refuses $k"; fi
done
for h in /lib/modules/*/build; do
	k=$(basename "$(dirname "$h")")
	[ -f "$h/Makefile" ] || continue
	log="$tmp/$k.log"
	if dkms --dkmstree "$tmp/dkms" --sourcetree "$src" --installtree "$tmp/inst" \
		add -m netdiag -v "$ver" >/dev/null 2>&1 || [ -d "$tmp/dkms/netdiag/$ver" ]; then :; fi
	if dkms --dkmstree "$tmp/dkms" --sourcetree "$src" --installtree "$tmp/inst" \
		build -m netdiag -v "$ver" -k "$k" > "$log" 2>&1 &&
	   ls "$tmp/dkms/netdiag/$ver/$k"/*/module/netdiag.ko* >/dev/null 2>&1; then
		pass=$((pass + 1)); echo "ok - dkms build for $k"
	else
		fail=$((fail + 1)); echo "not ok - dkms build for $k"; tail -20 "$log" | sed 's/^/#   /'
	fi
done
echo "dkms: $pass passed, $fail failed"
[ $fail -eq 0 ]
