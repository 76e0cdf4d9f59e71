#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Install what netdiag's build and tests need on Debian 12, only what is
# missing: toolchain, libmnl, QEMU, busybox, DKMS, jq, and Debian's 6.1,
# 6.1 PREEMPT_RT and 6.12 kernels with their headers (their files are only
# used to boot test guests; nothing is rebooted).
set -e
pkgs="build-essential pkg-config libmnl-dev qemu-system-x86 busybox-static
kmod cpio iproute2 iputils-ping jq dkms util-linux xz-utils gzip procps
linux-image-amd64 linux-headers-amd64 linux-image-rt-amd64
linux-headers-rt-amd64 linux-image-6.12-amd64 linux-headers-6.12-amd64"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
if [ "$(id -u)" != 0 ]; then
	echo "need root to install packages (sudo $0)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
