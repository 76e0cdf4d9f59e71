#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Safe at any moment: 50 session start/stop cycles under traffic on both
# CPUs, rmmod with live sessions under traffic, sessions owned by a socket
# die with it, a detached one survives.
. ./lib.sh
nd_load
topo_up || { not_ok "topology"; exit 1; }
drop_rule_on
flood() {
	ip netns exec nda taskset -c "$1" "$ND_TRAFFIC" flood 10.0.0.1 10.0.0.2 9999 "$2" >/dev/null &
}
flood 0 120; f0=$!
flood 1 120; f1=$!

fails=0
for i in $(seq 50); do
	id=$("$NDCTL" -j drop stats --detach --group-by all | jq -r .session) || fails=$((fails + 1))
	w=$("$NDCTL" -j drop stats --detach --dst-port 9999 | jq -r .session) || fails=$((fails + 1))
	"$NDCTL" session stop "$id" >/dev/null || fails=$((fails + 1))
	"$NDCTL" session stop "$w" >/dev/null || fails=$((fails + 1))
done
check_eq "50 start/stop cycles of 2 sessions under traffic" "$fails" 0
check_eq "no session left" "$("$NDCTL" -j session list | jq length)" 0

# a non-detached session dies with ndctl's socket (even on SIGKILL)
"$NDCTL" drop stats --interval 100 >/dev/null &
p=$!
sleep 1
check_eq "session alive while ndctl runs" "$("$NDCTL" -j session list | jq length)" 1
kill -9 $p; wait $p 2>/dev/null
sleep 0.5
check_eq "session destroyed when ndctl was killed" "$("$NDCTL" -j session list | jq length)" 0

# a detached session survives its ndctl and keeps counting
id=$("$NDCTL" -j drop stats --detach --dst-port 9998 | jq -r .session)
ip netns exec nda "$ND_TRAFFIC" udp 10.0.0.1 10.0.0.2 43001 9998 30 >/dev/null
sleep 0.3
check_eq "detached session counted 30 drops after ndctl exited" "$(drop_total "$id" true)" 30

# unload with sessions active under traffic, then load again
w=$("$NDCTL" -j drop stats --detach --group-by stack | jq -r .session)
"$NDCTL" drop watch --duration 30 >/dev/null 2>&1 &
wp=$!
sleep 0.5
if rmmod netdiag 2>/dev/null; then
	ok "rmmod with live sessions under traffic"
else
	# the watcher holds no module reference; rmmod must succeed
	not_ok "rmmod with live sessions under traffic: $(lsmod | grep netdiag)"
fi
wait $wp 2>/dev/null
check_eq "module gone" "$(lsmod | grep -c '^netdiag ')" 0
for i in $(seq 10); do
	insmod "$ND_KO" || break
	"$NDCTL" -j drop stats --detach >/dev/null
	rmmod netdiag || break
done
check_eq "10 load/session/unload cycles under traffic" "$i" 10
nd_load
check_eq "fresh module has no sessions" "$("$NDCTL" -j session list | jq length)" 0
kill $f0 $f1 2>/dev/null; wait 2>/dev/null
drop_rule_off
topo_down
