/* CAP003: ECMP weights not in proportion to the members' bandwidth. */
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"

static uint64_t gcd(uint64_t x, uint64_t y)
{
	while (y) {
		uint64_t t = x % y;
		x = y;
		y = t;
	}
	return x;
}

/* The circuits router r sends demand d over, with nothing failed. */
static size_t split_at(const struct nsp_analysis *a, size_t d, size_t r,
                       size_t *out)
{
	const struct nsp_model *m = a->m;
	const struct nsp_demand *dem = &m->demands[d];
	size_t n = 0;
	for (size_t i = 0; i < dem->ncircuits; i++) {
		size_t c = dem->circuits[i];
		double s = nsp_demand_base_share(a, d, c);
		if ((s > 0 && m->circuits[c].a.router == r) ||
		    (s < 0 && m->circuits[c].z.router == r))
			out[n++] = c;
	}
	return n;
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
	char ptr[64], fptr[96];
	size_t last = cs[n - 1];
	snprintf(ptr, sizeof(ptr), "/circuits/%zu", last);
	snprintf(fptr, sizeof(fptr), "%s/weight", ptr);
	struct nsp_finding *f = nsp_report(
	    ctx, NSP_WARNING, ptr, fptr,
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
	size_t *cs = NULL;
	for (size_t d = 0; d < m->ndemands; d++) {
		const struct nsp_demand *dem = &m->demands[d];
		cs = nsp_xrealloc(cs, (dem->ncircuits + 1) * sizeof(size_t));
		/* each router that sends the demand on, once */
		for (size_t i = 0; i < dem->ncircuits; i++) {
			const struct nsp_circuit *c =
			    &m->circuits[dem->circuits[i]];
			double s =
			    nsp_demand_base_share(a, d, dem->circuits[i]);
			if (!s)
				continue;
			size_t r = s > 0 ? c->a.router : c->z.router;
			size_t n = split_at(a, d, r, cs);
			if (n >= 2 && cs[0] == dem->circuits[i])
				router_split(ctx, d, r, cs, n);
		}
	}
	free(cs);
}

static const char *const refs[] = {
    "seed 004: Linux multi-uplink ECMP (\"if ISP A has 100Mbps and ISP "
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
