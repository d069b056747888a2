/* IPv4 and IPv6 addresses and CIDR prefixes. */
#ifndef NSP_NET_H
#define NSP_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nsp_prefix {
	uint8_t family; /* 4 or 6 */
	uint8_t len;    /* prefix length */
	uint8_t addr[16];
};

enum nsp_net_err {
	NSP_NET_OK,
	NSP_NET_SYNTAX,    /* not an address at all */
	NSP_NET_LENGTH,    /* missing or bad /len */
	NSP_NET_HOST_BITS  /* address has bits set beyond the prefix length */
};

/* Parse "addr/len"; host bits must be zero when strict. */
enum nsp_net_err nsp_prefix_parse(struct nsp_prefix *out, const char *s,
				  bool strict);
/* Parse a bare address as a full-length prefix. */
enum nsp_net_err nsp_addr_parse(struct nsp_prefix *out, const char *s);
/* Whether a contains b (same family, a shorter or equal and b inside). */
bool nsp_prefix_contains(const struct nsp_prefix *a, const struct nsp_prefix *b);
bool nsp_prefix_overlaps(const struct nsp_prefix *a, const struct nsp_prefix *b);
bool nsp_prefix_equal(const struct nsp_prefix *a, const struct nsp_prefix *b);
/* The prefix with host bits cleared. */
struct nsp_prefix nsp_prefix_network(const struct nsp_prefix *p);
/* Canonical text form into buf (at least 64 bytes). */
void nsp_prefix_format(const struct nsp_prefix *p, char *buf, size_t n,
		       bool with_len);
int nsp_prefix_cmp(const struct nsp_prefix *a, const struct nsp_prefix *b);

#endif
