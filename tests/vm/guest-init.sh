#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# PID 1 of the test guest (after switch_root onto the host root overlay).
# Mounts what tests need, runs tests/vm/guest-run.sh, powers off.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root LANG=C
mount -t sysfs sysfs /sys 2>/dev/null
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
repo= tests=
for a in $(cat /proc/cmdline); do
	case "$a" in
	nd.repo=*) repo=${a#nd.repo=} ;;
	nd.tests=*) tests=${a#nd.tests=} ;;
	esac
done
# The root is an overlay with a tmpfs upper layer: /run and /tmp are
# already private and writable. A fresh tmpfs on them would hide a
# repository that lives there (a CI clone under /tmp).
for d in /run /tmp; do
	case "$repo/" in
	"$d"/*) ;;
	*) mount -t tmpfs tmpfs "$d" ;;
	esac
done
mkdir -p /dev/pts /dev/shm /run/netns
[ -e /dev/fd ] || ln -s /proc/self/fd /dev/fd
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
hostname nd-guest
ip link set lo up
echo "ND-GUEST-UP $(uname -r)"
bash "$repo/tests/vm/guest-run.sh" "$repo" "${tests//,/ }" 2>&1
echo "ND-DONE"
sync
echo o > /proc/sysrq-trigger
sleep 5
