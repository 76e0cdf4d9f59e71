# SPDX-License-Identifier: GPL-2.0
# Shared helpers for the kselftest-style scripts run inside the test guest.
# Results are TAP lines prefixed "ND-TAP:" (the host collects them).
T=${T:-$(basename "$0" .sh)}
NDCTL=${NDCTL:-ndctl}
ND_TRAFFIC=${ND_TRAFFIC:-nd-traffic}
ND_RAW=${ND_RAW:-$(dirname "$ND_TRAFFIC")/nd-genl-raw}

ok() { echo "ND-TAP: ok - $T: $*"; }
not_ok() { echo "ND-TAP: not ok - $T: $*"; }
diag() { echo "# $T: $*"; }

# check DESC GOT WANT
check_eq() {
	if [ "$2" = "$3" ]; then ok "$1 ($2)"; else not_ok "$1: got '$2', want '$3'"; fi
}
# check_ge DESC GOT MIN
check_ge() {
	if [ "$2" -ge "$3" ] 2>/dev/null; then ok "$1 ($2 >= $3)"; else not_ok "$1: got '$2', want >= $3"; fi
}
check_le() {
	if [ "$2" -le "$3" ] 2>/dev/null; then ok "$1 ($2 <= $3)"; else not_ok "$1: got '$2', want <= $3"; fi
}
# check_match DESC TEXT REGEX
check_match() {
	if printf '%s' "$2" | grep -Eq -- "$3"; then ok "$1"; else not_ok "$1: /$3/ not in: $(printf '%s' "$2" | head -c 400)"; fi
}

nd_load() {
	lsmod | grep -q '^netdiag ' && return 0
	insmod "$ND_KO" "$@" || { not_ok "insmod $ND_KO"; exit 1; }
}

nd_unload() {
	rmmod netdiag 2>/dev/null
}

# Two namespaces joined by a veth pair: nda/va (10.0.0.1, fd00::1) and
# ndb/vb (10.0.0.2, fd00::2), static neighbours so no ARP/ND is needed.
topo_up() {
	topo_down
	ip netns add nda && ip netns add ndb || return 1
	ip link add va netns nda type veth peer name vb netns ndb || return 1
	ip -n nda link set lo up; ip -n ndb link set lo up
	ip netns exec nda sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.va.accept_dad=0 2>/dev/null
	ip netns exec ndb sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.vb.accept_dad=0 2>/dev/null
	ip -n nda addr add 10.0.0.1/24 dev va
	ip -n ndb addr add 10.0.0.2/24 dev vb
	ip -n nda addr add fd00::1/64 dev va nodad
	ip -n ndb addr add fd00::2/64 dev vb nodad
	ip -n nda link set va up
	ip -n ndb link set vb up
	MAC_A=$(ip -n nda -br link show va | awk '{print $3}')
	MAC_B=$(ip -n ndb -br link show vb | awk '{print $3}')
	ip -n nda neigh replace 10.0.0.2 lladdr "$MAC_B" dev va nud permanent
	ip -n ndb neigh replace 10.0.0.1 lladdr "$MAC_A" dev vb nud permanent
	ip -n nda neigh replace fd00::2 lladdr "$MAC_B" dev va nud permanent
	ip -n ndb neigh replace fd00::1 lladdr "$MAC_A" dev vb nud permanent
	# wait until the link is really up both ways
	for _ in $(seq 50); do
		ip netns exec nda ping -c1 -W1 10.0.0.2 >/dev/null 2>&1 && return 0
		sleep 0.2
	done
	return 1
}

topo_down() {
	ip netns del nda 2>/dev/null
	ip netns del ndb 2>/dev/null
	true
}

# Drop everything IPv4/IPv6 leaving va (tc clsact + matchall drop).
drop_rule_on() {
	ip netns exec nda tc qdisc add dev va clsact 2>/dev/null
	ip netns exec nda tc filter add dev va egress protocol all matchall action drop
}
drop_rule_off() {
	ip netns exec nda tc qdisc del dev va clsact 2>/dev/null
}

ndctl_json() { "$NDCTL" -j "$@"; }

# sum of "total" over drop entries of session $1 matching a jq filter $2
drop_total() {
	"$NDCTL" -j drop stats --session "$1" --once --top 100000 |
		jq "[.entries[] | select($2) | .total] | add // 0"
}
