#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build (once) the netdiag test kernel from Debian's linux-source-6.1:
# x86_64_defconfig + kvm_guest.config + tests/kernel/debug.config
# (KUnit, KASAN, lockdep, kmemleak). The result is cached outside the
# repository, keyed by the fragment and the source version:
#   $ND_KERNEL_CACHE/<key>/bzImage, .../obj (clean build dir for modules)
# Prints the cache directory on its last line.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${ND_KERNEL_CACHE:-/var/cache/netdiag/kernel}
if ! ls /usr/src/linux-source-6.1.tar.* >/dev/null 2>&1; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		linux-source-6.1 bc bison flex libelf-dev libssl-dev >&2
fi
for p in bc bison flex libelf-dev libssl-dev; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$p" >&2
done
tarball=$(ls /usr/src/linux-source-6.1.tar.* | head -1)
srcver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
key=$( (echo "$srcver"; cat "$top/tests/kernel/debug.config") | sha256sum | cut -c1-16)
dir="$cache/$key"
if [ -f "$dir/bzImage" ] && [ -f "$dir/obj/Module.symvers" ]; then
	echo "$dir"
	exit 0
fi
mkdir -p "$dir"
if [ ! -f "$dir/src/Makefile" ]; then
	rm -rf "$dir/src"
	mkdir -p "$dir/src"
	tar -xf "$tarball" -C "$dir/src" --strip-components=1
fi
mkdir -p "$dir/obj"
cd "$dir/src"
make -s O="$dir/obj" x86_64_defconfig >&2
(cd "$dir/obj" && "$dir/src/scripts/kconfig/merge_config.sh" -m -O "$dir/obj" .config \
	"$dir/src/kernel/configs/kvm_guest.config" "$top/tests/kernel/debug.config" >&2)
make -s O="$dir/obj" olddefconfig >&2
start=$(date +%s)
make -s O="$dir/obj" -j"$(nproc)" bzImage modules >&2
echo "kernel built in $(( $(date +%s) - start ))s" >&2
cp "$dir/obj/arch/x86/boot/bzImage" "$dir/bzImage.tmp"
# keep what out-of-tree modules need; drop the objects
make -s O="$dir/obj" modules_prepare >&2
find "$dir/obj" -name '*.o' -delete
mv "$dir/bzImage.tmp" "$dir/bzImage"
echo "$dir"
