/* SPDX-License-Identifier: GPL-2.0 */
/* Output: a small JSON writer and text helpers shared by commands (print.c). */
#ifndef NDCTL_PRINT_H
#define NDCTL_PRINT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

extern bool nd_json;			/* -j/--json */

/* JSON writer: commas and nesting are tracked for the caller. */
void jw_start_obj(const char *key);	/* key NULL inside arrays / top */
void jw_end_obj(void);
void jw_start_arr(const char *key);
void jw_end_arr(void);
void jw_str(const char *key, const char *v);
void jw_u64(const char *key, uint64_t v);
void jw_s64(const char *key, int64_t v);
void jw_bool(const char *key, bool v);
void jw_null(const char *key);
void jw_flush(void);			/* newline at the top level */

/* Escape s as a JSON string into f (with quotes). */
void json_escape(FILE *f, const char *s);

/* Addresses and names. */
const char *fmt_ip(char *buf, size_t len, int family, const void *addr);
const char *fmt_mac(char *buf, size_t len, const uint8_t *mac);
const char *proto_name(uint8_t proto);	/* "TCP", "UDP", "ICMP" or "17" */
const char *ethertype_name(uint16_t t);
const char *probe_state_name(uint32_t s);
const char *hook_kind_name(uint32_t k);
const char *kind_name(uint32_t k);

#endif
