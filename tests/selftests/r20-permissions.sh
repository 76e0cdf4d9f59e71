#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Permission matrix: every command as root, as a process with only
# CAP_NET_ADMIN, and as an unprivileged user; debugfs unprivileged.
. ./lib.sh
nd_load
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all "$@"; }
netadmin() { setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=+net_admin --ambient-caps=+net_admin --bounding-set=-all,+net_admin "$@"; }
asroot() { "$@"; }

keep=$("$NDCTL" -j drop stats --detach | jq -r .session)
# name | command | root | net_admin | nobody  (0 = succeeds, 1 = EPERM)
while IFS='|' read -r name cmd r a n; do
	[ -n "$name" ] || continue
	for who in asroot:$r netadmin:$a nobody:$n; do
		fn=${who%%:*} want=${who##*:}
		out=$($fn bash -c "$cmd" 2>&1); rc=$?
		if [ "$want" = 0 ]; then
			[ $rc = 0 ] && ok "$name as $fn works" || not_ok "$name as $fn: rc $rc: $out"
		else
			if [ $rc != 0 ] && echo "$out" | grep -q 'Operation not permitted'; then
				ok "$name as $fn: EPERM"
			else
				not_ok "$name as $fn: want EPERM, rc $rc: $out"
			fi
		fi
	done
done <<EOT
info|$NDCTL info|0|0|0
probes|$NDCTL probes|0|0|0
session list|$NDCTL session list|0|0|0
session show|$NDCTL session show $keep|0|0|0
drop stats (create)|$NDCTL drop stats --duration 0.2 --interval 0.1|0|0|1
drop stats (read)|$NDCTL drop stats --session $keep --once|0|0|1
drop watch|$NDCTL drop watch --duration 0.5|0|0|1
count|$NDCTL count --point net:net_dev_xmit --duration 0.2 --interval 0.1|0|0|1
session reset|$NDCTL session reset $keep|0|0|1
EOT
for who in netadmin nobody; do
	out=$($who "$NDCTL" session stop "$keep" 2>&1); rc=$?
	if [ "$who" = netadmin ]; then
		check_eq "session stop as net_admin works" "$rc" 0
		keep=$("$NDCTL" -j drop stats --detach | jq -r .session)
	else
		check_match "session stop as nobody: EPERM" "$out" 'Operation not permitted'
	fi
done
"$NDCTL" session stop "$keep" >/dev/null
for f in version probes; do
	nobody cat /sys/kernel/debug/netdiag/$f >/dev/null 2>&1
	check_eq "debugfs $f unreadable unprivileged" "$?" 1
	netadmin cat /sys/kernel/debug/netdiag/$f >/dev/null 2>&1
	check_eq "debugfs $f unreadable with only CAP_NET_ADMIN" "$?" 1
done
check_eq "debugfs files are 0400 root" "$(stat -c '%a %U' /sys/kernel/debug/netdiag/version)" "400 root"
