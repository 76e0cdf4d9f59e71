#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Bounded tables count what they evict; memory is fixed and capped; Ctrl-C
# prints the summary and ends the session; the family autoloads the module.
. ./lib.sh
nd_load
topo_up || { not_ok "topology"; exit 1; }
drop_rule_on

# 1000 flows into a 64-entry table
id=$("$NDCTL" -j drop stats --detach --max-entries 64 --group-by flow --dst-port 9400 | jq -r .session)
ip netns exec nda "$ND_TRAFFIC" flows 10.0.0.1 10.0.0.2 20000 1000 9400 >/dev/null
sleep 0.5
s=$("$NDCTL" -j session show "$id")
entries=$(echo "$s" | jq .stats.entries)
evicted=$(echo "$s" | jq .stats.evicted)
held=$(echo "$s" | jq .stats.evicted_drops)
check_le "64-entry table holds at most 64 entries" "$entries" 64
check_ge "evictions counted" "$evicted" 936
check_eq "drops in the table + drops held by evicted entries = 1000" \
	"$(( $(drop_total "$id" true) + held ))" 1000
check_eq "matched counter = 1000" "$(echo "$s" | jq .stats.matched)" 1000
"$NDCTL" session stop "$id" >/dev/null

# memory is fixed at creation and capped by mem_limit_kb
echo 1024 > /sys/module/netdiag/parameters/mem_limit_kb
out=$("$NDCTL" drop stats --max-entries 1048576 --duration 1 2>&1)
check_match "a session over the memory cap is refused with the numbers" "$out" 'session needs [0-9]+ KiB, only [0-9]+ KiB left under mem_limit_kb=1024'
echo 262144 > /sys/module/netdiag/parameters/mem_limit_kb
mem=$("$NDCTL" -j drop stats --detach --max-entries 1024 | jq -r .session)
check_ge "session shows its memory" "$("$NDCTL" -j session show "$mem" | jq .memory_bytes)" 1024
"$NDCTL" session stop "$mem" >/dev/null

# Ctrl-C: the final summary is printed and the session is gone
"$NDCTL" drop stats --dst-port 9500 --interval 100 > /tmp/int.txt 2>&1 &
p=$!
sleep 1
ip netns exec nda "$ND_TRAFFIC" udp 10.0.0.1 10.0.0.2 44000 9500 7 >/dev/null
sleep 0.3
kill -INT $p; wait $p
check_eq "ndctl exits 0 on Ctrl-C" "$?" 0
check_match "Ctrl-C prints the summary with the 7 drops" "$(cat /tmp/int.txt)" 'Summary: 7 drops'
check_eq "Ctrl-C stops the session" "$("$NDCTL" -j session list | jq length)" 0

drop_rule_off
topo_down

# genl family autoload: install the module where modprobe finds it
nd_unload
mkdir -p "/lib/modules/$(uname -r)/updates"
cp "$ND_KO" "/lib/modules/$(uname -r)/updates/netdiag.ko"
depmod -a
out=$("$NDCTL" -j info 2>&1)
check_match "looking up the family loads the module" "$out" '"module_version":"0\.1\.0"'
check_eq "module loaded by autoload" "$(lsmod | grep -c '^netdiag ')" 1
rm -f "/lib/modules/$(uname -r)/updates/netdiag.ko"
depmod -a
