#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build a tiny busybox initramfs for kernel KVER that mounts the host's root
# over virtio-9p (read-only) under a tmpfs overlay and switches to it.
# Usage: mkinitrd.sh KVER OUT.cpio.gz
set -eu
kver="$1"
out="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/bin" "$tmp/lib/modules" "$tmp/proc" "$tmp/sys" "$tmp/dev" \
	"$tmp/mnt/lower" "$tmp/mnt/rw" "$tmp/newroot"
cp /bin/busybox "$tmp/bin/busybox"
for a in sh mount umount insmod switch_root mkdir sleep echo cat poweroff; do
	ln -s busybox "$tmp/bin/$a"
done

# the modules the root needs, in dependency order, decompressed
: > "$tmp/lib/modules/order"
for m in virtio_pci 9pnet_virtio 9p overlay; do
	modprobe -S "$kver" --show-depends "$m" 2>/dev/null | awk '$1=="insmod"{print $2}'
done | awk '!seen[$0]++' | while read -r ko; do
	base=$(basename "$ko")
	case "$base" in
	*.ko.xz) xz -dc "$ko" > "$tmp/lib/modules/${base%.xz}"; base=${base%.xz} ;;
	*.ko.zst) zstd -qdc "$ko" > "$tmp/lib/modules/${base%.zst}"; base=${base%.zst} ;;
	*.ko.gz) gzip -dc "$ko" > "$tmp/lib/modules/${base%.gz}"; base=${base%.gz} ;;
	*) cp "$ko" "$tmp/lib/modules/$base" ;;
	esac
	echo "$base" >> "$tmp/lib/modules/order"
done

cat > "$tmp/init" <<'INIT'
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in $(cat /lib/modules/order); do insmod /lib/modules/$m 2>/dev/null; done
if ! mount -t 9p -o trans=virtio,version=9p2000.L,ro,cache=loose,msize=262144 hostroot /mnt/lower; then
	echo "ND-BOOT-FAIL: cannot mount the host root over 9p"; poweroff -f
fi
mount -t tmpfs -o size=1g tmpfs /mnt/rw
mkdir -p /mnt/rw/upper /mnt/rw/work
if ! mount -t overlay -o lowerdir=/mnt/lower,upperdir=/mnt/rw/upper,workdir=/mnt/rw/work overlay /newroot; then
	echo "ND-BOOT-FAIL: overlay mount failed"; poweroff -f
fi
umount /proc /sys 2>/dev/null
mount --move /dev /newroot/dev 2>/dev/null || umount /dev
exec switch_root /newroot /bin/sh -c 'mount -t proc proc /proc; for a in $(cat /proc/cmdline); do case $a in nd.init=*) init=${a#nd.init=};; esac; done; exec /bin/bash "$init"'
INIT
chmod +x "$tmp/init"
(cd "$tmp" && find . | cpio -o -H newc --quiet | gzip -1) > "$out"
