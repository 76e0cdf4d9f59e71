#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Bad input gets a clear error; creating a session needs CAP_NET_ADMIN.
. ./lib.sh
nd_load
raw() { "$ND_RAW" "$1"; }

r=$(raw unknown-attr); check_match "unknown attribute rejected (EINVAL)" "$r" '^errno=22 msg=.*[Uu]nknown'
r=$(raw wrong-type); check_match "wrong attribute type rejected (ERANGE/EINVAL)" "$r" '^errno=(22|34) msg=.+'
r=$(raw nine-ifaces); check_match "9 interfaces rejected" "$r" '^errno=7 msg=at most 8 interfaces'
r=$(raw unknown-session); check_match "unknown session id" "$r" '^errno=2 msg=no session with id 999999'
r=$(raw no-kind); check_match "missing kind" "$r" '^errno=22 msg=(netdiag: )?session kind is required'
r=$(raw bad-kind); check_match "unknown kind" "$r" '^errno=22 msg=unknown session kind'
r=$(raw bad-flags); check_match "unknown flags" "$r" '^errno=22 msg=unknown session flags'
r=$(raw short-ip); check_match "3-byte address" "$r" '^errno=22 msg=an address is 4 \(IPv4\) or 16 \(IPv6\) bytes'

out=$("$NDCTL" session show 424242 2>&1); rc=$?
check_match "ndctl: unknown session id says so" "$out" 'no session with id 424242'
check_eq "ndctl: exit status 1 on kernel error" "$rc" 1
out=$("$NDCTL" drop stats --src-ip 10.0.0.999 2>&1); rc=$?
check_match "ndctl: bad address named" "$out" "invalid --src-ip '10.0.0.999'"
check_eq "ndctl: exit status 2 on bad arguments" "$rc" 2
out=$("$NDCTL" drop stats --interface a,b,c,d,e,f,g,h,i 2>&1)
check_match "ndctl: 9 interfaces refused before the kernel" "$out" 'at most 8 interfaces'
out=$("$NDCTL" count --point no:such:point 2>&1)
check_match "ndctl: unknown probe point named" "$out" "unknown probe point 'no:such:point'"

# unprivileged: reads work, creating a session is EPERM with a clear message
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all "$@"; }
out=$(nobody "$NDCTL" drop stats --duration 1 2>&1); rc=$?
check_match "unprivileged create: EPERM" "$out" 'Operation not permitted'
check_match "unprivileged create: says CAP_NET_ADMIN" "$out" 'CAP_NET_ADMIN'
check_eq "unprivileged create: exit 1" "$rc" 1
r=$(nobody "$ND_RAW" create-ok); check_match "unprivileged raw create: errno EPERM" "$r" '^errno=1 '
out=$(nobody "$NDCTL" -j info 2>&1)
check_match "unprivileged info works" "$out" '"module_version":"0\.1\.0"'
out=$(nobody cat /sys/kernel/debug/netdiag/version 2>&1); rc=$?
check_eq "unprivileged debugfs read refused" "$rc" 1
check_eq "no session leaked" "$("$NDCTL" -j session list | jq length)" 0
