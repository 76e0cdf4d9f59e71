#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The probe layer: catalog states, a point in a module that loads later
# (module notifier), ftrace and kretprobe hooks, exact hit counts.
. ./lib.sh
nd_unload
modprobe -r tun 2>/dev/null
nd_load
probes=$("$NDCTL" -j probes)
check_eq "skb:kfree_skb available as a tracepoint" \
	"$(echo "$probes" | jq -r '.[] | select(.name=="skb:kfree_skb") | .hook')" tracepoint
check_eq "tun:tun_net_xmit waits for module tun" \
	"$(echo "$probes" | jq -r '.[] | select(.name=="tun:tun_net_xmit") | .state')" waiting
check_match "debugfs probes lists the catalog" "$(cat /sys/kernel/debug/netdiag/probes)" 'skb:kfree_skb +vmlinux +tracepoint'

# a session on a point of a module that is not loaded yet
id=$("$NDCTL" -j count --detach --point tun:tun_net_xmit --point net:net_dev_xmit | jq -r .session)
st() { "$NDCTL" -j session show "$id" | jq -r ".points[] | select(.name==\"$1\") | .state"; }
check_eq "tun point waiting before modprobe" "$(st tun:tun_net_xmit)" waiting
check_eq "net_dev_xmit attached" "$(st net:net_dev_xmit)" attached
modprobe tun
check_eq "tun point attached after modprobe tun" "$(st tun:tun_net_xmit)" attached
modprobe -r tun
check_eq "tun point waiting again after rmmod tun" "$(st tun:tun_net_xmit)" waiting
modprobe tun
check_eq "tun point re-attached after a second modprobe" "$(st tun:tun_net_xmit)" attached
"$NDCTL" session stop "$id" >/dev/null

# a tracepoint that lives in a module (found through the tracepoint
# module notifier), before and after the module loads
modprobe -r openvswitch 2>/dev/null
id=$("$NDCTL" -j count --detach --point openvswitch:ovs_dp_upcall | jq -r .session)
check_eq "ovs_dp_upcall waits for openvswitch" "$(st openvswitch:ovs_dp_upcall)" waiting
if modprobe openvswitch 2>/dev/null; then
	check_eq "ovs_dp_upcall attached after modprobe openvswitch" "$(st openvswitch:ovs_dp_upcall)" attached
	check_eq "it is hooked as a tracepoint" \
		"$("$NDCTL" -j session show "$id" | jq -r '.points[0].hook')" tracepoint
	modprobe -r openvswitch
	check_eq "ovs_dp_upcall waiting after rmmod openvswitch" "$(st openvswitch:ovs_dp_upcall)" waiting
else
	not_ok "modprobe openvswitch failed"
fi
"$NDCTL" session stop "$id" >/dev/null

# exact counts through the ftrace hook and the tracepoints
topo_up || { not_ok "topology"; exit 1; }
id=$("$NDCTL" -j count --detach --src-ip 10.0.0.1 --protocol icmp \
	--point veth:veth_xmit --point net:net_dev_xmit --point net:netif_receive_skb | jq -r .session)
ip netns exec nda ping -q -c 25 -i 0.01 10.0.0.2 >/dev/null
sleep 0.3
s=$("$NDCTL" -j session show "$id")
hits() { echo "$s" | jq ".points[] | select(.name==\"$1\") | .hits"; }
check_eq "veth_xmit hook is ftrace" "$(echo "$s" | jq -r '.points[] | select(.name=="veth:veth_xmit") | .hook')" ftrace
check_eq "25 echo requests through veth_xmit" "$(hits veth:veth_xmit)" 25
check_eq "25 echo requests through net_dev_xmit" "$(hits net:net_dev_xmit)" 25
check_eq "25 echo requests through netif_receive_skb" "$(hits net:netif_receive_skb)" 25
"$NDCTL" session stop "$id" >/dev/null

# kretprobe (no packet filter possible at return: counts every return)
id=$("$NDCTL" -j count --detach --point veth:veth_xmit:ret | jq -r .session)
before=$("$NDCTL" -j session show "$id" | jq '.points[0].hits')
ip netns exec nda "$ND_TRAFFIC" udp 10.0.0.1 10.0.0.2 43000 9300 40 >/dev/null
sleep 0.3
after=$("$NDCTL" -j session show "$id" | jq '.points[0].hits')
check_eq "kretprobe hook" "$("$NDCTL" -j session show "$id" | jq -r '.points[0].hook')" kretprobe
check_ge "kretprobe counted the 40 transmits" "$((after - before))" 40
check_le "kretprobe counted no more than 40 + background" "$((after - before))" 48
"$NDCTL" session stop "$id" >/dev/null
topo_down
modprobe -r tun 2>/dev/null
true
