#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Reliability: 1000 session create/destroy cycles and 100 module load/unload
# cycles under traffic on both CPUs; 100 000 fuzzed genl messages as root and
# 20 000 as an unprivileged user; no memory left held afterwards.
. ./lib.sh
ND_FUZZ=$(dirname "$ND_TRAFFIC")/nd-fuzz
nd_load
topo_up || { not_ok "topology"; exit 1; }
drop_rule_on
ip netns exec nda taskset -c 0 "$ND_TRAFFIC" flood 10.0.0.1 10.0.0.2 9999 900 >/dev/null &
f0=$!
ip netns exec nda taskset -c 1 "$ND_TRAFFIC" flood 10.0.0.1 10.0.0.2 9998 900 >/dev/null &
f1=$!
slab0=$(awk '/^Slab:/{print $2}' /proc/meminfo)

start=$(date +%s)
out=$("$ND_RAW" cycles 1000)
check_eq "1000 session create/destroy cycles under traffic" "$out" "cycles=1000 failed=0"
diag "1000 cycles took $(( $(date +%s) - start ))s"
check_eq "no session left" "$("$NDCTL" -j session list | jq length)" 0
check_eq "module memory back to 0" "$("$NDCTL" -j info | jq .memory_bytes)" 0

start=$(date +%s)
bad=0
for i in $(seq 100); do
	rmmod netdiag 2>/dev/null || { bad=$((bad + 1)); break; }
	insmod "$ND_KO" || { bad=$((bad + 1)); break; }
	"$NDCTL" drop stats --detach >/dev/null || bad=$((bad + 1))
	"$NDCTL" count --detach --point veth:veth_xmit --point net:net_dev_xmit >/dev/null || bad=$((bad + 1))
done
check_eq "100 load/unload cycles with live sessions under traffic" "$bad" 0
diag "100 load/unload cycles took $(( $(date +%s) - start ))s"
nd_unload
nd_load

echo 16384 > /sys/module/netdiag/parameters/mem_limit_kb
start=$(date +%s)
out=$("$ND_FUZZ" 100000 12345)
check_match "100000 fuzzed messages as root, all answered" "$out" 'fuzz: sent 100000 answered 100000 .*timeouts 0'
echo "$out" | sed 's/^/# /'
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all "$ND_FUZZ" 20000 777)
check_match "20000 fuzzed messages unprivileged, all answered" "$out" 'fuzz: sent 20000 answered 20000 .*timeouts 0'
echo "$out" | sed 's/^/# /'
diag "fuzzing took $(( $(date +%s) - start ))s"
echo 262144 > /sys/module/netdiag/parameters/mem_limit_kb
# detached sessions the fuzzer made are still accounted; remove them
for id in $("$NDCTL" -j session list | jq -r '.[].id'); do "$NDCTL" session stop "$id" >/dev/null; done
check_eq "module memory back to 0 after fuzzing" "$("$NDCTL" -j info | jq .memory_bytes)" 0
check_eq "module still answers" "$("$NDCTL" -j info | jq -r .module_version)" 0.1.0

kill $f0 $f1 2>/dev/null; wait 2>/dev/null
slab1=$(awk '/^Slab:/{print $2}' /proc/meminfo)
diag "Slab before $slab0 kB, after $slab1 kB"
rmmod netdiag
check_eq "rmmod after everything" "$(lsmod | grep -c '^netdiag ')" 0
drop_rule_off
topo_down
