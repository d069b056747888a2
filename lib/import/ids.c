/*
 * Ids made from Terraform resource addresses (IMPORT.md §3): parsing an
 * address into module, type, name and key, the FNV-1a hash and slugs of
 * the hashed forms, and the id rule itself.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

/* FNV-1a, 32 bits, of n bytes of s (§3.1). */
uint32_t nsp_imp_fnv1a(const char *s, size_t n)
{
	uint32_t h = 0x811c9dc5u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x01000193u;
	}
	return h;
}

/* slug(v) of §3.2, appended to b. */
void nsp_imp_slug(struct nsp_buf *b, const char *v)
{
	size_t start = b->len;
	bool dash = false;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		int c = *p;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '-') {
			if (dash)
				nsp_buf_putc(b, '-');
			dash = false;
			nsp_buf_putc(b, (char)c);
		} else {
			dash = b->len > start;
		}
	}
	/* leading and trailing '-', '.', '_' go */
	size_t s = start;
	while (s < b->len && strchr("-._", b->s[s]))
		s++;
	size_t e = b->len;
	while (e > s && strchr("-._", b->s[e - 1]))
		e--;
	memmove(b->s + start, b->s + s, e - s);
	b->len = start + (e - s);
	if (b->len == start)
		nsp_buf_putc(b, '_');
	b->s[b->len] = '\0';
}

/* Whether id matches FORMAT's id pattern. */
static bool id_ok(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = id[i];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			     (c >= '0' && c <= '9');
		if (!alnum && (i == 0 || !strchr("._:/-", c)))
			return false;
	}
	return true;
}

/* The H/T form of a long id (§3.1): hashed from made, tail of long_id. */
static char *hashed(const char *made, const char *long_id)
{
	char h[9];
	snprintf(h, sizeof(h), "%08x", nsp_imp_fnv1a(made, strlen(made)));
	size_t n = strlen(long_id);
	const char *t = NULL;
	for (const char *p = long_id; *p; p++)
		if (*p == '/' && (size_t)(long_id + n - (p + 1)) <= 55 &&
		    p[1]) {
			t = p + 1;
			break;
		}
	if (!t)
		t = n > 55 ? long_id + n - 55 : long_id;
	struct nsp_buf b = {0};
	nsp_buf_printf(&b, "%s/%s", h, t);
	return nsp_buf_detach(&b);
}

/* An id built on another id: kept when valid, else its H/T form. */
char *imp_fit_id(char *id)
{
	if (id_ok(id))
		return id;
	char *h = hashed(id, id);
	free(id);
	return h;
}

/* k(KEY): a key as written ("\"Eq DC2\"" or "0") made id-safe, to b. */
static void key_part(struct nsp_buf *b, const char *key)
{
	if (key[0] != '"') {
		nsp_buf_puts(b, key);
		return;
	}
	/* without escapes the key is what lies between its quotes */
	size_t len = strlen(key);
	json_t *s = NULL;
	const char *v = key + 1, *end = key + len - 1;
	if (len < 2 || key[len - 1] != '"' || memchr(key, '\\', len)) {
		s = json_loads(key, JSON_DECODE_ANY, NULL);
		v = json_is_string(s) ? json_string_value(s) : "";
		end = v + strlen(v);
	}
	if (v == end)
		nsp_buf_putc(b, '_');
	for (const char *p = v; p < end; p++) {
		char c = *p;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || c == '_' || c == '-';
		nsp_buf_putc(b, ok ? c : '-');
	}
	json_decref(s);
}

/* Read "[KEY]" at *p into a fresh string (as written); NULL if malformed. */
static char *read_key(const char **p)
{
	const char *s = *p + 1, *e = s;
	if (*s == '"') {
		for (e = s + 1; *e && *e != '"'; e++)
			if (*e == '\\' && e[1])
				e++;
		if (*e != '"')
			return NULL;
		e++;
	} else {
		while (*e >= '0' && *e <= '9')
			e++;
		if (e == s)
			return NULL;
	}
	if (*e != ']')
		return NULL;
	*p = e + 1;
	return nsp_xstrndup(s, (size_t)(e - s));
}

/* Take one name (up to '.', '[' or the end) at *p. */
static char *read_name(const char **p)
{
	const char *s = *p;
	while (**p && **p != '.' && **p != '[')
		(*p)++;
	return *p > s ? nsp_xstrndup(s, (size_t)(*p - s)) : NULL;
}

/*
 * Parse address into r's module, type, name, key and data. Returns 0, or
 * -1 when it is not a resource address.
 */
int imp_parse_address(struct tf_res *r, const char *address)
{
	const char *p = address;
	struct nsp_buf mod = {0}, names = {0}, ids = {0};
	int ret = -1;
	while (!strncmp(p, "module.", 7)) {
		const char *start = p;
		p += 7;
		char *n = read_name(&p);
		if (!n)
			goto out;
		if (names.len)
			nsp_buf_putc(&names, '.');
		nsp_buf_puts(&names, n);
		nsp_buf_puts(&ids, n);
		free(n);
		if (*p == '[') {
			char *k = read_key(&p);
			if (!k)
				goto out;
			nsp_buf_putc(&ids, '.');
			key_part(&ids, k);
			free(k);
		}
		if (*p != '.')
			goto out;
		nsp_buf_putc(&ids, '/');
		if (mod.len)
			nsp_buf_putc(&mod, '.');
		nsp_buf_add(&mod, start, (size_t)(p - start));
		p++;
	}
	if (!strncmp(p, "data.", 5)) {
		r->data = true;
		p += 5;
	}
	r->type = read_name(&p);
	if (!r->type || *p != '.')
		goto out;
	p++;
	r->name = read_name(&p);
	if (!r->name)
		goto out;
	if (*p == '[') {
		r->key = read_key(&p);
		if (!r->key)
			goto out;
	}
	if (*p)
		goto out;
	ret = 0;
out:
	nsp_buf_puts(&mod, "");
	nsp_buf_puts(&names, "");
	r->module = nsp_buf_detach(&mod);
	r->mod_nokeys = nsp_buf_detach(&names);
	nsp_buf_free(&ids);
	return ret;
}

/* The code of §5 for a type, or NULL (the type is written whole). */
static const char *type_code(const char *type)
{
	static const char *const codes[][2] = {
		{"aws_dx_private_virtual_interface", "dxvif"},
		{"aws_dx_transit_virtual_interface", "dxtvif"},
		{"aws_dx_connection", "dxcon"},
		{"aws_dx_hosted_connection", "dxhcon"},
		{"aws_dx_lag", "dxlag"},
		{"aws_dx_gateway", "dxgw"},
		{"aws_vpn_gateway", "vgw"},
		{"azurerm_express_route_circuit", "er"},
		{"azurerm_express_route_port", "erport"},
		{"azurerm_virtual_network_gateway", "vng"},
		{"azurerm_express_route_gateway", "ergw"},
		{"google_compute_interconnect_attachment", "gva"},
		{"google_compute_interconnect", "gic"},
		{"google_compute_router", "gcr"},
		{"ibm_dl_gateway", "dl"},
		{"alicloud_express_connect_virtual_border_router", "vbr"},
		{"alicloud_express_connect_physical_connection", "ecpc"},
		{"oci_core_virtual_circuit", "fcvc"},
		{"oci_core_cross_connect", "occ"},
		{"oci_core_cross_connect_group", "occg"},
		{"oci_core_drg", "drg"},
		{"megaport_vxc", "vxc"},
		{"megaport_port", "mpport"},
		{"megaport_lag_port", "mplag"},
		{"megaport_mcr", "mcr"},
		{"megaport_mve", "mve"},
		{"equinix_fabric_connection", "efc"},
		{"equinix_fabric_cloud_router", "fcr"},
	};
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (!strcmp(codes[i][0], type))
			return codes[i][1];
	return NULL;
}

/* The id of a resource address with an optional PART (§3.1). */
char *nsp_imp_address_id(const char *address, const char *part)
{
	struct tf_res r = {0};
	struct nsp_buf b = {0};
	char *id = NULL;
	if (imp_parse_address(&r, address) == 0) {
		const char *p = r.module;
		while (!strncmp(p, "module.", 7)) {
			p += 7;
			char *n = read_name(&p);
			nsp_buf_puts(&b, n);
			free(n);
			if (*p == '[') {
				char *k = read_key(&p);
				nsp_buf_putc(&b, '.');
				key_part(&b, k);
				free(k);
			}
			nsp_buf_putc(&b, '/');
			if (*p == '.')
				p++;
		}
		const char *code = type_code(r.type);
		nsp_buf_printf(&b, "%s%s.%s", r.data ? "data." : "",
			       code ? code : r.type, r.name);
		if (r.key) {
			nsp_buf_putc(&b, '.');
			key_part(&b, r.key);
		}
		if (part)
			nsp_buf_printf(&b, "/%s", part);
		id = nsp_buf_detach(&b);
		if (!id_ok(id)) {
			struct nsp_buf made = {0};
			nsp_buf_puts(&made, address);
			if (part)
				nsp_buf_printf(&made, "/%s", part);
			char *h = hashed(made.s, id);
			nsp_buf_free(&made);
			free(id);
			id = h;
		}
	}
	nsp_buf_free(&b);
	free(r.type);
	free(r.name);
	free(r.module);
	free(r.mod_nokeys);
	free(r.key);
	return id;
}

/*
 * NS "/" slug(v1) [ "/" slug(v2) ...] (§3.2); over 64 characters: the
 * first 55, '-', and the FNV-1a hash of the raw values joined by '/'.
 */
char *imp_ns_idv(const char *ns, const char *const *v, size_t n)
{
	struct nsp_buf b = {0}, raw = {0};
	nsp_buf_puts(&b, ns);
	for (size_t i = 0; i < n; i++) {
		nsp_buf_putc(&b, '/');
		nsp_imp_slug(&b, v[i]);
		nsp_buf_printf(&raw, "%s%s", i ? "/" : "", v[i]);
	}
	if (b.len > 64) {
		b.len = 55;
		b.s[55] = '\0';
		nsp_buf_printf(&b, "-%08x", nsp_imp_fnv1a(raw.s ? raw.s : "",
							 raw.len));
	}
	nsp_buf_free(&raw);
	return nsp_buf_detach(&b);
}
