// SPDX-License-Identifier: GPL-2.0
/* Output helpers for ndctl. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include "print.h"
#include "../include/uapi/linux/netdiag.h"

bool nd_json;

#define JW_DEPTH 16
static int jw_depth;
static bool jw_first[JW_DEPTH] = { true };

void json_escape(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = *s;

		switch (c) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\t': fputs("\\t", f); break;
		case '\r': fputs("\\r", f); break;
		default:
			if (c < 0x20)
				fprintf(f, "\\u%04x", c);
			else
				fputc(c, f);
		}
	}
	fputc('"', f);
}

static void jw_key(const char *key)
{
	if (!jw_first[jw_depth])
		fputc(',', stdout);
	jw_first[jw_depth] = false;
	if (key) {
		json_escape(stdout, key);
		fputc(':', stdout);
	}
}

static void jw_push(void)
{
	if (jw_depth < JW_DEPTH - 1)
		jw_depth++;
	jw_first[jw_depth] = true;
}

void jw_start_obj(const char *key) { jw_key(key); fputc('{', stdout); jw_push(); }
void jw_end_obj(void) { fputc('}', stdout); if (jw_depth) jw_depth--; }
void jw_start_arr(const char *key) { jw_key(key); fputc('[', stdout); jw_push(); }
void jw_end_arr(void) { fputc(']', stdout); if (jw_depth) jw_depth--; }
void jw_str(const char *key, const char *v) { jw_key(key); json_escape(stdout, v ? v : ""); }
void jw_u64(const char *key, uint64_t v) { jw_key(key); printf("%llu", (unsigned long long)v); }
void jw_s64(const char *key, int64_t v) { jw_key(key); printf("%lld", (long long)v); }
void jw_bool(const char *key, bool v) { jw_key(key); fputs(v ? "true" : "false", stdout); }
void jw_null(const char *key) { jw_key(key); fputs("null", stdout); }

void jw_flush(void)
{
	if (!jw_depth) {
		fputc('\n', stdout);
		jw_first[0] = true;
	}
	fflush(stdout);
}

const char *fmt_ip(char *buf, size_t len, int family, const void *addr)
{
	if (!inet_ntop(family == AF_INET6 ? AF_INET6 : AF_INET, addr, buf, len))
		snprintf(buf, len, "?");
	return buf;
}

const char *fmt_mac(char *buf, size_t len, const uint8_t *m)
{
	snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x",
		 m[0], m[1], m[2], m[3], m[4], m[5]);
	return buf;
}

const char *proto_name(uint8_t p)
{
	static char buf[8];

	switch (p) {
	case 1: return "ICMP";
	case 6: return "TCP";
	case 17: return "UDP";
	case 58: return "ICMPv6";
	case 132: return "SCTP";
	}
	snprintf(buf, sizeof(buf), "%u", p);
	return buf;
}

const char *ethertype_name(uint16_t t)
{
	static char buf[8];

	switch (t) {
	case 0x0800: return "IPv4";
	case 0x86dd: return "IPv6";
	case 0x0806: return "ARP";
	case 0x8035: return "RARP";
	case 0x88cc: return "LLDP";
	case 0x8808: return "802.3x";
	case 0x8100: return "802.1Q";
	}
	snprintf(buf, sizeof(buf), "0x%04x", t);
	return buf;
}

const char *probe_state_name(uint32_t s)
{
	switch (s) {
	case NETDIAG_PROBE_AVAILABLE: return "available";
	case NETDIAG_PROBE_ATTACHED: return "attached";
	case NETDIAG_PROBE_WAITING: return "waiting";
	case NETDIAG_PROBE_MISSING: return "missing";
	}
	return "unknown";
}

const char *hook_kind_name(uint32_t k)
{
	switch (k) {
	case NETDIAG_HOOK_TRACEPOINT: return "tracepoint";
	case NETDIAG_HOOK_KPROBE: return "kprobe";
	case NETDIAG_HOOK_KRETPROBE: return "kretprobe";
	case NETDIAG_HOOK_FTRACE: return "ftrace";
	}
	return "none";
}

const char *kind_name(uint32_t k)
{
	switch (k) {
	case NETDIAG_KIND_DROP_STATS: return "drop-stats";
	case NETDIAG_KIND_DROP_WATCH: return "drop-watch";
	case NETDIAG_KIND_COUNT: return "count";
	}
	return "unknown";
}
