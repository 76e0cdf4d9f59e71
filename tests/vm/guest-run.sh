#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Runs inside the guest: each selftest script prints TAP lines through
# tests/selftests/lib.sh; the host reads "ND-TAP:" lines off the console.
repo="$1"
shift
tests="$*"
kver=$(uname -r)
export ND_REPO="$repo"
export ND_KO="$repo/build/$kver/netdiag.ko"
export NDCTL="$repo/user/ndctl"
export ND_TRAFFIC="$repo/tests/drivers/nd-traffic"
cd "$repo/tests/selftests" || exit 1
dmesg -n 1
[ -f "$ND_KO" ] || echo "ND-TAP: not ok - netdiag.ko missing for $kver ($ND_KO)"
if [ -z "$tests" ] || [ "$tests" = all ]; then
	tests=$(ls [0-9]*.sh | sort)
elif [ "$tests" = reliability ]; then
	tests=$(ls r[0-9]*.sh | sort)
fi
for t in $tests; do
	[ -f "$t" ] || t=$(ls ${t}*.sh 2>/dev/null | head -1)
	[ -f "$t" ] || { echo "ND-TAP: not ok - no test $t"; continue; }
	echo "# --- $t"
	start=$(date +%s)
	limit=300
	case "$t" in r[0-9]*) limit=1500 ;; esac
	timeout -k 5 $limit bash "./$t"
	rc=$?
	[ $rc -eq 124 ] && echo "ND-TAP: not ok - $t timed out"
	echo "# --- $t done in $(( $(date +%s) - start ))s (rc $rc)"
done
# the guest's kernel log must be clean after everything above
if dmesg | grep -E 'BUG:|WARNING:|Oops:|Call Trace:|KASAN|sleeping function called' > /tmp/bad.txt; then
	echo "ND-TAP: not ok - dmesg clean ($(wc -l < /tmp/bad.txt) bad lines)"
	sed 's/^/# dmesg: /' /tmp/bad.txt | head -40
	dmesg | tail -80 | sed 's/^/# dmesg: /'
else
	echo "ND-TAP: ok - dmesg has no BUG/WARNING/Oops/Call Trace"
fi
