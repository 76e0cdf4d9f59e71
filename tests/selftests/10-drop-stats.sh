#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# ndctl drop stats: exactly N drops of a known flow at a tc drop rule, with
# the right device and a stack through the dropping function; a second flow
# dropped at the same place is excluded by --src-ip/--dst-port filters.
. ./lib.sh
nd_load
topo_up || { not_ok "topology"; exit 1; }
drop_rule_on

sid=$("$NDCTL" -j drop stats --detach --src-ip 10.0.0.1 --dst-port 5001 | jq -r .session)
all=$("$NDCTL" -j drop stats --detach --group-by all | jq -r .session)
check_match "filtered session created" "$sid" '^[0-9]+$'

ip netns exec nda "$ND_TRAFFIC" udp 10.0.0.1 10.0.0.2 40001 5001 100 >/dev/null
ip netns exec nda "$ND_TRAFFIC" udp 10.0.0.1 10.0.0.2 40002 5002 50 >/dev/null
sleep 0.5

flow='.dev=="va" and .flow.src=="10.0.0.1" and .flow.dst=="10.0.0.2" and .flow.dport==5001 and .flow.proto=="UDP"'
check_eq "100 drops for 10.0.0.1:40001->10.0.0.2:5001 on va" "$(drop_total "$sid" "$flow")" 100
check_eq "filtered session has nothing of the 5002 flow" \
	"$(drop_total "$sid" '.flow.dport==5002 or .flow.sport==5002')" 0
check_eq "filtered session total is exactly the 100" "$(drop_total "$sid" 'true')" 100
check_eq "unfiltered session: 100 for flow 5001" "$(drop_total "$all" "$flow")" 100
check_eq "unfiltered session: 50 for flow 5002" \
	"$(drop_total "$all" '.dev=="va" and .flow.dport==5002 and .flow.sport==40002')" 50

out=$("$NDCTL" -j drop stats --session "$sid" --once)
check_match "stack or location names the tc egress drop" \
	"$(echo "$out" | jq -r '.entries[0] | .location, .stack[]')" 'sch_handle_egress|__dev_queue_xmit|tcf_classify'
reason=$(echo "$out" | jq -r '.entries[0].reason')
diag "drop reason reported: $reason; location $(echo "$out" | jq -r '.entries[0].location')"
case "$(uname -r)" in
6.*) check_match "drop reason is TC_EGRESS" "$reason" 'TC_EGRESS' ;;
esac
check_eq "matched counter equals the drops" "$(echo "$out" | jq .stats.matched)" 100

# the count stops when the traffic stops
sleep 1
check_eq "no drops counted without traffic" "$(drop_total "$sid" "$flow")" 100

# IPv6 flow through the same filter machinery
s6=$("$NDCTL" -j drop stats --detach --src-ip fd00::1 --dst-port 6001 | jq -r .session)
ip netns exec nda "$ND_TRAFFIC" udp fd00::1 fd00::2 40003 6001 25 >/dev/null
sleep 0.5
check_eq "25 IPv6 drops for [fd00::1]:40003->[fd00::2]:6001" \
	"$(drop_total "$s6" '.flow.src=="fd00::1" and .flow.dst=="fd00::2" and .flow.dport==6001 and .dev=="va"')" 25

# interval mode: read-and-reset of the interval counts
"$NDCTL" -j drop stats --session "$all" --interval 0.2 --duration 0.3 > /tmp/iv.json
ip netns exec nda "$ND_TRAFFIC" udp 10.0.0.1 10.0.0.2 40001 5001 10 >/dev/null
sleep 0.3
iv=$("$NDCTL" -j drop stats --session "$all" --interval 0.2 --duration 0.3 | jq -s '.[0].entries | map(select(.flow.dport==5001)) | .[0].count')
check_eq "interval report counts the 10 new drops only" "$iv" 10

# text output a person reads
txt=$("$NDCTL" drop stats --session "$all" --once --top 3)
check_match "text summary shows the flow and device" "$txt" 'device: va.*10\.0\.0\.1:40001 -> 10\.0\.0\.2:5001 UDP'
dbg=$(cat /sys/kernel/debug/netdiag/sessions/$sid/summary)
check_match "debugfs summary shows the count and the stack" "$dbg" 'total 110 .*dev va reason TC_EGRESS'

for s in $sid $all $s6; do "$NDCTL" session stop "$s" >/dev/null; done
check_eq "sessions gone" "$("$NDCTL" -j session list | jq length)" 0
drop_rule_off
topo_down
