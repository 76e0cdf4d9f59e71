#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The README's demo: install what is missing, build, boot Debian's 6.1 kernel
# in QEMU, make a drop scenario (a tc rule drops UDP leaving a veth in a
# netns) and show what 'ndctl drop stats' and 'ndctl drop watch' print.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
tests/install-deps.sh
make -s
k=$(ls -d /lib/modules/*-amd64 | grep -v rt | sed 's|/lib/modules/||' | sort -V | head -1)
echo "== booting $k under QEMU (software emulation) to run the demo"
tests/vm/run.sh -k "$k" demo >/dev/null || true
sed -n '/ND-DEMO-BEGIN/,/ND-DEMO-END/p' "build/vm/$k.log" | grep -av 'ND-DEMO' | tr -d '\r'
