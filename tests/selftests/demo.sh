#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Not a test: the scenario 'make demo' shows (run by name only).
. ./lib.sh
nd_load
topo_up
drop_rule_on
echo ND-DEMO-BEGIN
echo "\$ ndctl info"; "$NDCTL" info
echo; echo "\$ ndctl drop watch --protocol udp --count 2 &   # then 2 UDP datagrams are dropped"
"$NDCTL" drop watch --protocol udp --count 2 --duration 10 &
w=$!
sleep 1
ip netns exec nda "$ND_TRAFFIC" udp 10.0.0.1 10.0.0.2 40001 5001 2 >/dev/null
wait $w
echo; echo "\$ ndctl drop stats --group-by all --interval 2 --duration 2 &   # 300 UDP + 20 IPv6 dropped meanwhile"
"$NDCTL" drop stats --group-by all --interval 2 --duration 2 --top 3 &
s=$!
sleep 0.5
ip netns exec nda "$ND_TRAFFIC" udp 10.0.0.1 10.0.0.2 40001 5001 300 >/dev/null
ip netns exec nda "$ND_TRAFFIC" udp fd00::1 fd00::2 40002 6001 20 >/dev/null
wait $s
echo; echo "\$ cat /sys/kernel/debug/netdiag/probes"; cat /sys/kernel/debug/netdiag/probes
echo ND-DEMO-END
drop_rule_off
topo_down
