# SPDX-License-Identifier: GPL-2.0
# netdiag: top-level build.
#   make                  ndctl, test drivers, and netdiag.ko for the running
#                         kernel, or KDIR=..., or (when the running kernel has no
#                         headers) every kernel under /lib/modules with headers
#   make check            every test (unit, DKMS, VM); ends "N passed, N failed"
#   make demo             a drop scenario in a VM, with ndctl output
#   make reliability      cycles under traffic, genl fuzzing, permission matrix
#   make kunit            build the debug test kernel (cached) and run KUnit on it
#   make deps             install the Debian packages the build and tests need
#   make dkms-install     register the module source with DKMS
#   make compat-check KDIR=<prepared tree>   compile check against any tree
VERSION := 0.1.0
KERNELS := $(if $(KDIR),custom,$(if $(wildcard /lib/modules/$(shell uname -r)/build/Makefile),$(shell uname -r),$(patsubst /lib/modules/%/build/Makefile,%,$(wildcard /lib/modules/*/build/Makefile))))

all: user drivers modules

user:
	$(MAKE) -C user

drivers:
	$(MAKE) -C tests/drivers

# Kbuild writes next to the sources: one copy per kernel under build/.
modules:
	@set -e; for k in $(KERNELS); do \
		kdir=$${KDIR:-/lib/modules/$$k/build}; \
		[ "$$k" = custom ] && k=$$(make --no-print-directory -s -C $$kdir kernelrelease 2>/dev/null || echo custom); \
		out=build/$$k; mkdir -p $$out/src; \
		rm -rf $$out/src/include; cp -r include $$out/src/; \
		mkdir -p $$out/src/kmod; cp -r kmod/. $$out/src/kmod/; \
		echo "  KMOD    $$k"; \
		$(MAKE) -s -C $$kdir M=$(CURDIR)/$$out/src/kmod modules W=$(W) || exit 1; \
		cp $$out/src/kmod/netdiag.ko $$out/netdiag.ko; \
	done

compat-check:
	@test -n "$(KDIR)" || { echo "usage: make compat-check KDIR=<prepared kernel tree>"; exit 2; }
	$(MAKE) modules KDIR=$(KDIR)

# deps first, then a fresh make: the kernel list is read after installing
check:
	tests/install-deps.sh
	$(MAKE) all
	tests/run-all.sh

demo:
	tests/demo.sh

# the self-built test kernel (KUnit, KASAN, lockdep, kmemleak) and the
# KUnit suites on it; the kernel is cached outside the repository
kunit:
	@set -e; K=$$(tests/kernel/build.sh | tail -1); \
	rel=$$(cat $$K/obj/include/config/kernel.release); \
	$(MAKE) modules KDIR=$$K/obj; \
	$(MAKE) -C tests/kunit KDIR=$$K/obj; \
	cp tests/kunit/netdiag_kunit.ko build/$$rel/; \
	ND_KERNEL_IMAGE=$$K/bzImage tests/vm/run.sh -k $$rel k10

# load/unload and session cycles under traffic, genl fuzzing, permissions
reliability:
	tests/install-deps.sh
	$(MAKE) all
	tests/vm/run.sh reliability

deps:
	tests/install-deps.sh

dkms-install:
	dkms/dkms-install.sh $(VERSION)

clean:
	$(MAKE) -C user clean
	$(MAKE) -C tests/drivers clean
	$(MAKE) -C tests/user clean 2>/dev/null || true
	rm -rf build

.PHONY: all user drivers modules compat-check check demo kunit reliability deps dkms-install clean
