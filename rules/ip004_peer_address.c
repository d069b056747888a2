/* IP004: peer_ip outside ip's subnet, equal to it, or used twice. */
#include <stdio.h>
#include <stdlib.h>

#include "routing.h"

/* One interface address of the design. */
struct addr {
	struct nsp_prefix a; /* full length */
	size_t circuit;
	bool peer; /* peer_ip, else ip */
};

static int cmp_addr(const void *x, const void *y)
{
	const struct addr *a = x, *b = y;
	int c = nsp_prefix_cmp(&a->a, &b->a);
	if (c)
		return c;
	if (a->circuit != b->circuit)
		return a->circuit < b->circuit ? -1 : 1;
	return (int)a->peer - (int)b->peer;
}

/* Report peer_ip outside or equal to ip, circuit by circuit. */
static void subnets(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->ncircuits; i++) {
		const struct nsp_circuit *c = &m->circuits[i];
		const struct nsp_bgp *b = &c->bgp;
		if (c->routing != NSP_ROUTING_BGP || !b->has_ip ||
		    !b->has_peer_ip)
			continue;
		struct nsp_prefix host = b->ip,
				  net = nsp_prefix_network(&b->ip);
		host.len = host.family == 4 ? 32 : 128;
		bool equal = nsp_prefix_equal(&host, &b->peer_ip);
		bool inside = nsp_prefix_contains(&net, &b->peer_ip);
		if (inside && !equal)
			continue;
		char ip[64], peer[64], sub[64], ptr[64], fptr[96];
		nsp_prefix_format(&b->ip, ip, sizeof(ip), true);
		nsp_prefix_format(&b->peer_ip, peer, sizeof(peer), false);
		nsp_prefix_format(&net, sub, sizeof(sub), true);
		nsp_circuit_pointers(m, c, "bgp/peer_ip", ptr, sizeof(ptr),
				     fptr, sizeof(fptr));
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			equal ? "circuit '%s' gives the peer its own address: "
				"peer_ip %s equals ip %s; the BGP session "
				"cannot come up; use the other address of %s "
				"for the peer" :
				"circuit '%s' has peer_ip %s outside the "
				"subnet of ip %s: the peer is not directly "
				"connected and the BGP session will not come "
				"up; use an address of %s",
			c->id, peer, ip, sub);
		nsp_finding_element(f, c->id);
	}
}

/* Report every address given to two interfaces. */
static void duplicates(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	struct addr *v = nsp_xmalloc((2 * m->ncircuits + 1) * sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < m->ncircuits; i++) {
		const struct nsp_bgp *b = &m->circuits[i].bgp;
		if (m->circuits[i].routing != NSP_ROUTING_BGP)
			continue;
		if (b->has_ip) {
			v[n] = (struct addr){b->ip, i, false};
			v[n++].a.len = b->ip.family == 4 ? 32 : 128;
		}
		if (b->has_peer_ip)
			v[n++] = (struct addr){b->peer_ip, i, true};
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_addr);
	for (size_t i = 1; i < n; i++) {
		const struct addr *x = &v[i - 1], *y = &v[i];
		if (nsp_prefix_cmp(&x->a, &y->a) || x->circuit == y->circuit)
			continue;
		const struct nsp_circuit *cx = &m->circuits[x->circuit];
		const struct nsp_circuit *cy = &m->circuits[y->circuit];
		char a[64], ptr[64], fptr[96];
		nsp_prefix_format(&y->a, a, sizeof(a), false);
		nsp_circuit_pointers(m, cy, y->peer ? "bgp/peer_ip" : "bgp/ip",
				     ptr, sizeof(ptr), fptr, sizeof(fptr));
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"address %s is used twice, as %s of circuit '%s' and "
			"as %s of circuit '%s': two interfaces answering to "
			"one address break both BGP sessions; give each "
			"circuit its own point-to-point subnet",
			a, x->peer ? "peer_ip" : "ip", cx->id,
			y->peer ? "peer_ip" : "ip", cy->id);
		nsp_finding_element(f, cx->id);
		nsp_finding_element(f, cy->id);
		nsp_circuit_pointers(m, cx, x->peer ? "bgp/peer_ip" : "bgp/ip",
				     ptr, sizeof(ptr), fptr, sizeof(fptr));
		nsp_finding_related(f, m, ptr, fptr, "circuit '%s'", cx->id);
	}
	free(v);
}

static void check(struct nsp_ctx *ctx)
{
	subnets(ctx);
	duplicates(ctx);
}

static const char *const refs[] = {
	"RFC 4271, section 8.2.1 (an external BGP peer is directly "
	"connected unless configured otherwise)",
	"Azure ExpressRoute routing requirements (a /30 per link: the "
	"first address for the customer router, the second for Microsoft)",
	NULL,
};

const struct nsp_rule nsp_rule_ip004 = {
	.id = "IP004",
	.name = "peer-address",
	.severity = NSP_ERROR,
	.title = "a BGP peer address is wrong or used twice",
	.rationale =
		"An external BGP session runs between the two addresses of a "
		"point-to-point subnet (a /30 or /31 per circuit, a /126 or "
		"/127 in IPv6). A peer_ip outside the subnet of `ip` is not "
		"directly connected, a peer_ip equal to `ip` is the router "
		"itself, and an address given to two circuits answers on "
		"both: in every case the session does not come up, and the "
		"circuit is no path.",
	.remediation =
		"Give every circuit its own point-to-point subnet, the CPE "
		"one address of it (`ip`, with the prefix length) and the "
		"provider the other (`peer_ip`).",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: ec-1, ..., bgp: {ip: 10.10.1.5/30, peer_ip: "
		 "10.10.2.6}}\n",
	.passes = "circuits:\n"
		  "  - {id: ec-1, ..., bgp: {ip: 10.10.1.5/30, peer_ip: "
		  "10.10.1.6}}\n",
	.check = check,
};
