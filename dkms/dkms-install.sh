#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Copy the module source to /usr/src/netdiag-VERSION and register it with
# DKMS (which then builds it for every installed kernel with headers).
# Usage: dkms/dkms-install.sh VERSION [DESTROOT]
set -eu
ver="$1"
root="${2:-}"
top=$(cd "$(dirname "$0")/.." && pwd)
dst="$root/usr/src/netdiag-$ver"
rm -rf "$dst"
mkdir -p "$dst/kmod/compat" "$dst/include/uapi/linux"
cp "$top"/kmod/*.c "$top"/kmod/*.h "$top"/kmod/Kbuild "$top"/kmod/Makefile "$dst/kmod/"
cp "$top"/kmod/compat/compat.h "$top"/kmod/compat/gen-features.sh "$dst/kmod/compat/"
cp "$top"/include/uapi/linux/netdiag.h "$dst/include/uapi/linux/"
sed "s/@VERSION@/$ver/" "$top/dkms/dkms.conf" > "$dst/dkms.conf"
if [ -z "$root" ]; then
	dkms add -m netdiag -v "$ver" 2>/dev/null || true
	dkms autoinstall -k "$(uname -r)" 2>/dev/null || true
	echo "netdiag $ver registered with DKMS ($dst)"
fi
