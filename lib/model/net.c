/* IPv4 and IPv6 addresses and CIDR prefixes. */
#include "net.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

enum nsp_net_err nsp_addr_parse(struct nsp_prefix *out, const char *s)
{
	memset(out, 0, sizeof(*out));
	if (strlen(s) >= 64)
		return NSP_NET_SYNTAX;
	if (inet_pton(AF_INET, s, out->addr) == 1) {
		out->family = 4;
		out->len = 32;
		return NSP_NET_OK;
	}
	if (strchr(s, ':') && inet_pton(AF_INET6, s, out->addr) == 1) {
		out->family = 6;
		out->len = 128;
		return NSP_NET_OK;
	}
	return NSP_NET_SYNTAX;
}

/* Whether p has any bit set beyond its prefix length. */
static bool has_host_bits(const struct nsp_prefix *p)
{
	unsigned bytes = p->family == 4 ? 4 : 16;
	for (unsigned i = 0; i < bytes; i++) {
		unsigned first = i * 8;
		uint8_t mask;
		if (first + 8 <= p->len)
			continue;
		mask = first >= p->len ? 0xff : (uint8_t)(0xff >> (p->len - first));
		if (p->addr[i] & mask)
			return true;
	}
	return false;
}

enum nsp_net_err nsp_prefix_parse(struct nsp_prefix *out, const char *s,
				  bool strict)
{
	const char *slash = strchr(s, '/');
	char addr[64];
	uint64_t len;
	memset(out, 0, sizeof(*out));
	if (!slash || (size_t)(slash - s) >= sizeof(addr))
		return slash ? NSP_NET_SYNTAX : NSP_NET_LENGTH;
	memcpy(addr, s, (size_t)(slash - s));
	addr[slash - s] = '\0';
	if (nsp_addr_parse(out, addr) != NSP_NET_OK)
		return NSP_NET_SYNTAX;
	if (!nsp_parse_uint(slash + 1, strlen(slash + 1), out->len, &len))
		return NSP_NET_LENGTH;
	out->len = (uint8_t)len;
	if (strict && has_host_bits(out))
		return NSP_NET_HOST_BITS;
	return NSP_NET_OK;
}

struct nsp_prefix nsp_prefix_network(const struct nsp_prefix *p)
{
	struct nsp_prefix r = *p;
	unsigned bytes = p->family == 4 ? 4 : 16;
	for (unsigned i = 0; i < bytes; i++) {
		unsigned first = i * 8;
		if (first + 8 <= p->len)
			continue;
		r.addr[i] &= first >= p->len ?
			0 : (uint8_t)~(0xff >> (p->len - first));
	}
	return r;
}

/* Whether the first len bits of a and b agree. */
static bool same_bits(const uint8_t *a, const uint8_t *b, unsigned len)
{
	unsigned full = len / 8, rest = len % 8;
	if (memcmp(a, b, full))
		return false;
	if (!rest)
		return true;
	uint8_t mask = (uint8_t)(0xff << (8 - rest));
	return (a[full] & mask) == (b[full] & mask);
}

bool nsp_prefix_contains(const struct nsp_prefix *a, const struct nsp_prefix *b)
{
	return a->family == b->family && a->len <= b->len &&
	       same_bits(a->addr, b->addr, a->len);
}

bool nsp_prefix_overlaps(const struct nsp_prefix *a, const struct nsp_prefix *b)
{
	return nsp_prefix_contains(a, b) || nsp_prefix_contains(b, a);
}

bool nsp_prefix_equal(const struct nsp_prefix *a, const struct nsp_prefix *b)
{
	return a->family == b->family && a->len == b->len &&
	       !memcmp(a->addr, b->addr, 16);
}

int nsp_prefix_cmp(const struct nsp_prefix *a, const struct nsp_prefix *b)
{
	if (a->family != b->family)
		return a->family < b->family ? -1 : 1;
	int c = memcmp(a->addr, b->addr, 16);
	if (c)
		return c;
	return (int)a->len - (int)b->len;
}

void nsp_prefix_format(const struct nsp_prefix *p, char *buf, size_t n,
		       bool with_len)
{
	char addr[INET6_ADDRSTRLEN];
	if (!inet_ntop(p->family == 4 ? AF_INET : AF_INET6, p->addr, addr,
		       sizeof(addr)))
		snprintf(addr, sizeof(addr), "?");
	if (with_len)
		snprintf(buf, n, "%s/%u", addr, (unsigned)p->len);
	else
		snprintf(buf, n, "%s", addr);
}
