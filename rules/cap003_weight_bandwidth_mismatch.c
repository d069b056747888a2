/* CAP003: ECMP weights not in proportion to the members' bandwidth. */
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"
#include "providers/sources.h"

static uint64_t gcd(uint64_t x, uint64_t y)
{
	while (y) {
		uint64_t t = x % y;
		x = y;
		y = t;
	}
	return x;
}

/* A circuit and the router that sends the demand over it. */
struct hop {
	size_t router, circuit;
};

static int cmp_hop(const void *x, const void *y)
{
	const struct hop *a = x, *b = y;
	if (a->router != b->router)
		return a->router < b->router ? -1 : 1;
	return a->circuit < b->circuit ? -1 : a->circuit > b->circuit;
}

static void router_split(struct nsp_ctx *ctx, size_t d, size_t r,
                         const size_t *cs, size_t n)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_circuit *c0 = &m->circuits[cs[0]];
	bool ok = true;
	uint64_t g = 0;
	for (size_t i = 0; i < n; i++) {
		const struct nsp_circuit *c = &m->circuits[cs[i]];
		/* w_i / bw_i == w_0 / bw_0 */
		ok &= (uint64_t)c->weight * c0->bandwidth_mbps ==
		      (uint64_t)c0->weight * c->bandwidth_mbps;
		g = gcd(g, c->bandwidth_mbps);
	}
	if (ok)
		return;
	struct nsp_buf now = {0}, want = {0};
	for (size_t i = 0; i < n; i++) {
		const struct nsp_circuit *c = &m->circuits[cs[i]];
		const char *sep = !i ? "" : i + 1 == n ? " and " : ", ";
		nsp_buf_printf(&now, "%s'%s' (%llu Mbit/s, weight %u)", sep,
		               c->id, (unsigned long long)c->bandwidth_mbps,
		               (unsigned)c->weight);
		nsp_buf_printf(&want, "%s%llu", !i ? "" : ":",
		               (unsigned long long)(c->bandwidth_mbps / g));
	}
	char *dem = nsp_demand_label(m, &m->demands[d]);
	struct nsp_finding *f = nsp_report_at(
	    ctx, NSP_WARNING, "circuits", cs[n - 1], "weight",
	    "router '%s' splits %s over circuits %s: the weights are not "
	    "in proportion to bandwidth, so the smaller circuit fills "
	    "first; set weights %s",
	    m->routers[r].id, dem, now.s, want.s);
	nsp_finding_element(f, m->routers[r].id);
	for (size_t i = 0; i < n; i++)
		nsp_finding_element(f, m->circuits[cs[i]].id);
	free(dem);
	nsp_buf_free(&now);
	nsp_buf_free(&want);
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	for (size_t d = 0; d < m->ndemands; d++) {
		const struct nsp_demand *dem = &m->demands[d];
		struct hop *h = nsp_xmalloc((dem->ncircuits + 1) * sizeof(*h));
		size_t *cs = nsp_xmalloc((dem->ncircuits + 1) * sizeof(size_t));
		size_t nh = 0;
		/* the circuits each router sends the demand over, at rest */
		for (size_t i = 0; i < dem->ncircuits; i++) {
			size_t c = dem->circuits[i];
			double s = nsp_demand_base_share(a, d, c);
			if (!s)
				continue;
			h[nh].router = s > 0 ? m->circuits[c].a.router :
					       m->circuits[c].z.router;
			h[nh++].circuit = c;
		}
		if (nh > 1)
			qsort(h, nh, sizeof(*h), cmp_hop);
		for (size_t i = 0; i < nh;) {
			size_t n = 0, r = h[i].router;
			while (i < nh && h[i].router == r)
				cs[n++] = h[i++].circuit;
			if (n >= 2)
				router_split(ctx, d, r, cs, n);
		}
		free(h);
		free(cs);
	}
}

static const char *const refs[] = {
    NSP_SRC_LINUX_ECMP " (\"if ISP A has 100Mbps and ISP "
    "B has 200Mbps, use a 1:2 weight ratio\")",
    NULL,
};

const struct nsp_rule nsp_rule_cap003 = {
    .id = "CAP003",
    .name = "weight-bandwidth-mismatch",
    .severity = NSP_WARNING,
    .title = "ECMP weights are not in proportion to bandwidth",
    .rationale = "A router that load-balances over several circuits gives each "
                 "a share in proportion to its weight. With equal weights over "
                 "a 100 and a 200 Mbit/s circuit, the smaller one carries half "
                 "of the traffic and saturates at 200 Mbit/s total, while a "
                 "third of the capacity sits idle. The check looks at every "
                 "router that splits a demand with nothing failed.",
    .remediation = "Set each circuit's weight in proportion to its bandwidth "
                   "(the message gives the ratio, e.g. 1:2 for 100 and 200 "
                   "Mbit/s), or order the circuits at one speed.",
    .references = refs,
    .fails = "circuits:\n"
             "  - {id: c1, a: {router: host}, z: {router: gw1}, "
             "bandwidth_mbps: 100, weight: 1}\n"
             "  - {id: c2, a: {router: host}, z: {router: gw2}, "
             "bandwidth_mbps: 200, weight: 1}\n",
    .passes = "circuits:\n"
              "  - {id: c1, a: {router: host}, z: {router: gw1}, "
              "bandwidth_mbps: 100, weight: 1}\n"
              "  - {id: c2, a: {router: host}, z: {router: gw2}, "
              "bandwidth_mbps: 200, weight: 2}\n",
    .check = check,
    .analysis = true,
};
