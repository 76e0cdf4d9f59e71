#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# ndctl drop watch: decoded headers of a dropped IPv4 and IPv6 packet, the
# stack, the rate limit with its suppressed count, and seed alias eth_drop.
. ./lib.sh
nd_load
topo_up || { not_ok "topology"; exit 1; }
drop_rule_on

"$NDCTL" -j drop watch --protocol icmp --count 1 --duration 20 > /tmp/w4.json &
w=$!
sleep 1
ip netns exec nda ping -q -c 1 -W 0.1 10.0.0.2 >/dev/null
wait $w
ev=$(head -1 /tmp/w4.json)
check_eq "IPv4 event: source" "$(echo "$ev" | jq -r .flow.src)" 10.0.0.1
check_eq "IPv4 event: destination" "$(echo "$ev" | jq -r .flow.dst)" 10.0.0.2
check_eq "IPv4 event: protocol" "$(echo "$ev" | jq -r .flow.proto)" ICMP
check_eq "IPv4 event: ICMP echo request" "$(echo "$ev" | jq -r .ip.icmp_type)" 8
check_eq "IPv4 event: TTL" "$(echo "$ev" | jq -r .ip.ttl)" 64
check_eq "IPv4 event: device" "$(echo "$ev" | jq -r .dev)" va
check_eq "IPv4 event: Ethernet source is va's MAC" "$(echo "$ev" | jq -r .eth.src)" "$MAC_A"
check_eq "IPv4 event: Ethernet destination is vb's MAC" "$(echo "$ev" | jq -r .eth.dst)" "$MAC_B"
check_ge "IPv4 event: stack has frames" "$(echo "$ev" | jq '.stack | length')" 3

"$NDCTL" -j drop watch --protocol icmpv6 --src-ip fd00::1 --count 1 --duration 20 > /tmp/w6.json &
w=$!
sleep 1
ip netns exec nda ping -q -c 1 -W 0.1 fd00::2 >/dev/null
wait $w
ev=$(head -1 /tmp/w6.json)
check_eq "IPv6 event: source" "$(echo "$ev" | jq -r .flow.src)" fd00::1
check_eq "IPv6 event: destination" "$(echo "$ev" | jq -r .flow.dst)" fd00::2
check_eq "IPv6 event: protocol" "$(echo "$ev" | jq -r .flow.proto)" ICMPv6
check_eq "IPv6 event: ICMPv6 echo request" "$(echo "$ev" | jq -r .ip.icmp_type)" 128
check_eq "IPv6 event: ethertype" "$(echo "$ev" | jq -r .flow.ethertype)" IPv6

# text output, as a person reads it (seed alias eth_drop, seed flag names)
timeout 20 "$NDCTL" tool eth_drop --src-ip 10.0.0.1 --l4-protocol udp --count 1 > /tmp/wt.txt &
w=$!
sleep 1
ip netns exec nda "$ND_TRAFFIC" udp 10.0.0.1 10.0.0.2 41000 9000 1 >/dev/null
wait $w
txt=$(cat /tmp/wt.txt)
check_match "text event: IPv4 block" "$txt" 'IPv4 PACKET: 10\.0\.0\.1 -> 10\.0\.0\.2 proto UDP'
check_match "text event: ports" "$txt" 'ports 41000 -> 9000'
check_match "text event: Ethernet line" "$txt" "Ethernet: $MAC_A -> $MAC_B type IPv4"
check_match "text event: stack" "$txt" 'Stack:'

# rate limit: 200 drops at --rate 20 → the rest are counted as suppressed
"$NDCTL" -j drop watch --src-ip 10.0.0.1 --dst-port 9100 --rate 20 --duration 4 > /tmp/wr.json &
w=$!
sleep 1
ip netns exec nda "$ND_TRAFFIC" udp 10.0.0.1 10.0.0.2 41001 9100 200 >/dev/null
wait $w
sum=$(tail -1 /tmp/wr.json)
recv=$(echo "$sum" | jq .received)
supp=$(echo "$sum" | jq .stats.events_suppressed)
lost=$(echo "$sum" | jq .stats.events_lost)
check_le "rate limit: at most 2 windows of 20 events received" "$recv" 40
check_eq "rate limit: received + suppressed + lost = 200" "$((recv + supp + lost))" 200
check_eq "every received event is in the output" "$(grep -c '"seq"' /tmp/wr.json)" "$recv"

drop_rule_off
topo_down
