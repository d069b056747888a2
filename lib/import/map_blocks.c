/*
 * Building blocks the Azure, IBM, Alibaba and Oracle mappings add to
 * map.c's: a resource seen from one of its nested blocks (§2.3), circuits
 * with a PART (§3.1), bandwidths given as numbers or texts with IMP080's
 * rounding (§4.2), and the host addresses of a peering prefix (§5.2).
 */
#include <arpa/inet.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

/* Element i of a marker tree's block (true stays true), or NULL. */
static json_t *sub_marker(json_t *m, const char *block, size_t i)
{
	if (json_is_true(m))
		return m;
	json_t *b = json_object_get(m, block);
	if (json_is_array(b))
		return json_array_get(b, i);
	return b;
}

/* r seen from element i of its nested block (an object or a list). */
struct tf_res imp_sub(struct tf_res *r, const char *block, size_t i)
{
	struct tf_res s = *r;
	json_t *v = json_object_get(r->values, block);
	s.values = json_is_array(v) ? json_array_get(v, i) : i ? NULL : v;
	if (!json_is_object(s.values))
		s.values = NULL;
	s.unknown = sub_marker(r->unknown, block, i);
	s.sensitive = sub_marker(r->sensitive, block, i);
	return s;
}

/* How many elements block of r has (an object counts one). */
size_t imp_block_len(struct tf_res *r, const char *block)
{
	json_t *v = json_object_get(r->values, block);
	return json_is_array(v) ? json_array_size(v) :
	       json_is_object(v) ? 1 : 0;
}

/* The circuit of r with PART part, added to the design (r counts once). */
json_t *imp_circuit_part(struct imp *im, struct tf_res *r, const char *part)
{
	bool added;
	char *id = nsp_imp_address_id(r->address, part);
	json_t *c = imp_elem_add(im->design, "circuits", id, &added);
	free(id);
	json_object_set_new(c, "source", imp_source(r, NULL));
	json_object_set_new(c, "\x01" "at",
			    json_pack("{s:i,s:i}", "l", (json_int_t)r->loc.line,
				      "c", (json_int_t)r->loc.col));
	if (!r->used)
		im->imported++;
	r->used = true;
	return c;
}

/* A known number of r (integer, real or decimal string); false if none. */
bool imp_num(struct imp *im, struct tf_res *r, const char *key, double *out)
{
	json_t *v = imp_val(im, r, key);
	if (json_is_number(v)) {
		*out = json_number_value(v);
		return true;
	}
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		return nsp_parse_decimal(s, strlen(s), out);
	}
	if (v)
		imp_find(im, "IMP001", NSP_IMP_ERROR, r->loc,
			 "%s: %s is not a number; left out", r->address, key);
	return false;
}

/*
 * A bandwidth text in Mbit/s: "<n>[ ]Mbps|Gbps" (any case, §4.2) or an
 * Alibaba port type "<n>Base-…" / "<n>GBase-…"; negative when neither.
 */
double imp_bw_text(const char *s)
{
	char *end;
	double n;
	/* digits, optionally '.' and digits: no signs, exponents or hex */
	size_t d = s ? strspn(s, "0123456789") : 0;
	if (!d || (s[d] == '.' && !strspn(s + d + 1, "0123456789")))
		return -1;
	n = strtod(s, &end);
	if (end != s + d + (s[d] == '.' ? 1 + strspn(s + d + 1,
						       "0123456789") : 0))
		return -1;
	if (*end == ' ')
		end++;
	if (!strcasecmp(end, "mbps"))
		return n;
	if (!strcasecmp(end, "gbps"))
		return n * 1000;
	if (!strncmp(end, "Base-", 5) && end[5])
		return n;
	if (!strncmp(end, "GBase-", 6) && end[6])
		return n * 1000;
	return -1;
}

/*
 * Set bandwidth_mbps of c to mbps, read from attr of r: rounded down,
 * a positive value under 1 rounded up to 1 (IMP080); IMP001 otherwise.
 */
void imp_put_bw(struct imp *im, json_t *c, struct tf_res *r, const char *attr,
		double mbps)
{
	if (!(mbps > 0) || mbps >= 1e12) {
		imp_find(im, "IMP001", NSP_IMP_ERROR, r->loc,
			 "%s: %s is not a bandwidth; left out", r->address,
			 attr);
		return;
	}
	if (mbps < 1) {
		imp_find(im, "IMP080", NSP_IMP_INFO, r->loc,
			 "%s: %s is %g Mbit/s, rounded up to 1 Mbit/s",
			 r->address, attr, mbps);
		mbps = 1;
	}
	json_object_set_new(c, "bandwidth_mbps",
			    json_integer((json_int_t)floor(mbps)));
}

/* Set c's carrier to slug(name). */
void imp_set_carrier(json_t *c, const char *name)
{
	struct nsp_buf b = {0};
	nsp_imp_slug(&b, name);
	json_object_set_new(c, "carrier", json_string(b.s));
	nsp_buf_free(&b);
}

/*
 * The n-th host address of prefix "ADDR/LEN" (n = 1, 2: the network
 * address plus n), with "/LEN" when with_len; NULL when s is no prefix
 * or the prefix is too small.
 */
char *imp_host_of(const char *s, unsigned n, bool with_len)
{
	const char *sl = strchr(s, '/');
	unsigned char a[16];
	char txt[INET6_ADDRSTRLEN], *addr;
	unsigned long len;
	char *end;
	if (!sl || !sl[1])
		return NULL;
	len = strtoul(sl + 1, &end, 10);
	if (*end)
		return NULL;
	addr = nsp_xstrndup(s, (size_t)(sl - s));
	int fam = strchr(addr, ':') ? AF_INET6 : AF_INET;
	size_t bytes = fam == AF_INET6 ? 16 : 4;
	int ok = inet_pton(fam, addr, a);
	free(addr);
	if (ok != 1 || len > bytes * 8 || bytes * 8 - len < 2)
		return NULL;
	/* clear the host bits, then add n */
	for (size_t i = 0; i < bytes; i++) {
		size_t bit = i * 8;
		if (bit >= len)
			a[i] = 0;
		else if (bit + 8 > len)
			a[i] &= (unsigned char)(0xff << (8 - (len - bit)));
	}
	unsigned carry = n;
	for (size_t i = bytes; i-- > 0 && carry;) {
		unsigned v = a[i] + carry;
		a[i] = (unsigned char)(v & 0xff);
		carry = v >> 8;
	}
	if (!inet_ntop(fam, a, txt, sizeof(txt)))
		return NULL;
	return with_len ? nsp_xasprintf("%s/%lu", txt, len) : nsp_xstrdup(txt);
}

/* The prefix length of a dotted IPv4 mask ("255.255.255.252": 30), or -1. */
int imp_mask_len(const char *mask)
{
	struct in_addr a;
	if (inet_pton(AF_INET, mask, &a) != 1)
		return -1;
	uint32_t m = ntohl(a.s_addr);
	int n = 0;
	while (n < 32 && (m & (0x80000000u >> n)))
		n++;
	/* contiguous ones only */
	if (n < 32 && (m << n))
		return -1;
	return n;
}

/*
 * The cloud element of a gateway resource gw (its address id, provider
 * prov); returns the id (borrowed from gw).
 */
const char *imp_gateway_cloud(struct imp *im, struct tf_res *gw,
			      const char *prov)
{
	json_t *e = imp_imported(im, "clouds", gw->id, imp_source(gw, NULL),
				 false);
	json_object_set_new(e, "provider", json_string(prov));
	gw->used = true;
	return gw->id;
}

/*
 * An external gateway's cloud NS/slug(last segment of value), made from
 * attr of r; returns the fresh id.
 */
char *imp_external_cloud(struct imp *im, struct tf_res *r, const char *attr,
			 const char *ns, const char *value, const char *prov)
{
	char *seg = imp_last_seg(value);
	char *id = imp_ns_id(ns, seg);
	free(seg);
	json_t *e = imp_imported(im, "clouds", id, imp_source(r, attr), false);
	json_object_set_new(e, "provider", json_string(prov));
	return id;
}

/* Whether block of r is a non-empty list or an object (a block set). */
bool imp_has_block(struct tf_res *r, const char *block)
{
	json_t *v = json_object_get(r->values, block);
	return (json_is_array(v) && json_array_size(v)) || json_is_object(v);
}
