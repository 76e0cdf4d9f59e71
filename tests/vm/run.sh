#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot each Debian kernel installed on this machine in QEMU (software
# emulation only: never /dev/kvm) with the host root shared read-only over
# 9p, run the selftests inside, and print their TAP results.
# Usage: tests/vm/run.sh [-k KVER]... [TEST...]
# ND_KERNEL_IMAGE=path boots that image instead of /boot/vmlinuz-KVER (the
# self-built test kernel, whose release is KVER).
# Prints "vm: N passed, N failed" last; exits 1 on any failure.
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
kernels=()
while [ $# -gt 0 ]; do
	case "$1" in
	-k) kernels+=("$2"); shift 2 ;;
	*) break ;;
	esac
done
tests=$(IFS=,; echo "$*")
[ -n "$tests" ] || tests=all
if [ ${#kernels[@]} -eq 0 ]; then
	for v in /boot/vmlinuz-*; do
		k=${v#/boot/vmlinuz-}
		[ -d "/lib/modules/$k/kernel" ] && kernels+=("$k")
	done
fi
mkdir -p "$repo/build/vm"
pass=0 fail=0
for k in "${kernels[@]}"; do
	log="$repo/build/vm/$k.log"
	initrd="$repo/build/vm/$k.cpio.gz"
	if [ ! -f "$repo/build/$k/netdiag.ko" ]; then
		echo "not ok - [$k] netdiag.ko not built (run make)"
		fail=$((fail + 1))
		continue
	fi
	if [ ! -s "$initrd" ] || [ "$repo/tests/vm/mkinitrd.sh" -nt "$initrd" ]; then
		"$repo/tests/vm/mkinitrd.sh" "$k" "$initrd" || { echo "not ok - [$k] initramfs"; fail=$((fail + 1)); continue; }
	fi
	bios=()
	[ -f /usr/share/qemu/qboot.rom ] && bios=(-bios /usr/share/qemu/qboot.rom)
	for attempt in 1 2; do
		start=$(date +%s)
		timeout -k 10 1500 qemu-system-x86_64 -accel tcg,thread=multi \
			-machine q35 -cpu max -smp 2 -m 2G -nographic -no-reboot \
			-nodefaults -serial stdio "${bios[@]}" \
			-kernel "${ND_KERNEL_IMAGE:-/boot/vmlinuz-$k}" -initrd "$initrd" \
			-virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
			-append "console=ttyS0 rdinit=/init panic=-1 oops=panic quiet loglevel=4 mitigations=off nd.init=$repo/tests/vm/guest-init.sh nd.repo=$repo nd.tests=$tests" \
			< /dev/null > "$log" 2>&1
		# one boot in a few dozen stops before the tests start: retry once
		grep -q 'ND-GUEST-UP' "$log" && break
	done
	echo "# [$k] guest ran $(( $(date +%s) - start ))s, log: build/vm/$k.log"
	while IFS= read -r line; do
		line=${line%$'\r'}
		case "$line" in
		*"ND-TAP: ok"*) pass=$((pass + 1)); echo "ok - [$k] ${line#*ND-TAP: ok - }" ;;
		*"ND-TAP: not ok"*) fail=$((fail + 1)); echo "not ok - [$k] ${line#*ND-TAP: not ok - }" ;;
		"# "*) [ -n "${ND_VERBOSE:-}" ] && echo "$line" ;;
		esac
	done < "$log"
	if ! grep -aq 'ND-TAP:' "$log"; then
		fail=$((fail + 1))
		echo "not ok - [$k] the guest ran no test; last lines:"
		tail -20 "$log" | sed 's/^/#   /'
	fi
	if ! grep -q 'ND-DONE' "$log"; then
		fail=$((fail + 1))
		echo "not ok - [$k] guest did not finish (panic or timeout); last lines:"
		tail -40 "$log" | sed 's/^/#   /'
	fi
	grep -a '^# dmesg' "$log" | head -60
done
echo "vm: $pass passed, $fail failed"
[ $fail -eq 0 ]
