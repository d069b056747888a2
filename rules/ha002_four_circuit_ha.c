/*
 * HA002: a 99.99% target without two pairs of circuits in PoPs with
 * nothing in common (four-circuit HA).
 */
#include <stdlib.h>

#include "analysis.h"
#include "providers/sources.h"

/* The PoPs a circuit lands in through its two routers (up to two). */
static size_t pops_of(const struct nsp_model *m, size_t c, size_t out[2])
{
	size_t n = 0;
	size_t p[2] = {m->routers[m->circuits[c].a.router].pop,
	               m->routers[m->circuits[c].z.router].pop};
	for (int k = 0; k < 2; k++)
		if (p[k] != NSP_NONE && (!n || out[0] != p[k]))
			out[n++] = p[k];
	return n;
}

/* Whether the PoPs of circuits x and y overlap those of u and v. */
static bool share(const struct nsp_model *m, size_t x, size_t y, size_t u,
                  size_t v)
{
	size_t a[4], b[4], na = 0, nb = 0;
	na = pops_of(m, x, a);
	na += pops_of(m, y, a + na);
	nb = pops_of(m, u, b);
	nb += pops_of(m, v, b + nb);
	for (size_t i = 0; i < na; i++)
		for (size_t k = 0; k < nb; k++)
			if (a[i] == b[k])
				return true;
	return false;
}

/* Whether the members hold two disjoint pairs with no PoP in common. */
static bool four_circuit(const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	size_t n = s->n > 48 ? 48 : s->n;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			for (size_t k = i + 1; k < n; k++)
				for (size_t l = k + 1; l < n; l++) {
					if (k == j || l == j)
						continue;
					if (!share(m, s->c[i], s->c[j], s->c[k],
					           s->c[l]))
						return true;
				}
	return false;
}

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	if (four_circuit(s))
		return;
	/* the PoPs the members reach */
	struct nsp_buf pops = {0};
	bool *seen = nsp_xcalloc(m->npops + 1, sizeof(bool));
	size_t np = 0;
	for (size_t i = 0; i < s->n; i++) {
		size_t p[2];
		size_t n = pops_of(m, s->c[i], p);
		for (size_t k = 0; k < n; k++) {
			if (seen[p[k]])
				continue;
			seen[p[k]] = true;
			nsp_buf_printf(&pops, "%s'%s'", np++ ? ", " : "",
			               m->pops[p[k]].id);
		}
	}
	char *target = nsp_percent_given(m->intent.availability);
	nsp_report_members(
	    ctx, s, NSP_ERROR, NULL,
	    "cannot meet the %s%% target: they do not form two pairs in "
	    "PoPs with nothing in common (PoPs %s); build four-circuit HA: "
	    "a pair on each of two diverse edge routers in different PoPs "
	    "(IBM: two XCRs; AWS: two connections at each of two "
	    "locations; Google Cloud: two attachments in each of two "
	    "metros)",
	    target, pops.s ? pops.s : "none");
	free(target);
	nsp_buf_free(&pops);
	free(seen);
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	if (!m->intent.has_availability || m->intent.availability < 99.99)
		return;
	nsp_each_stage(ctx, 2, stage);
}

static const char *const refs[] = {
    NSP_SRC_IBM_ECMP " (use case 2: four "
    "circuits, two of them at diverse XCRs)",
    "https://aws.amazon.com/directconnect/resiliency-recommendation/ "
    "(maximum resiliency: separate connections on separate devices in "
    "more than one location)",
    "https://cloud.google.com/network-connectivity/docs/interconnect/"
    "tutorials/dedicated-creating-9999-availability (four connections, "
    "two in each of two metros)",
    NULL,
};

const struct nsp_rule nsp_rule_ha002 = {
    .id = "HA002",
    .name = "four-circuit-ha",
    .severity = NSP_ERROR,
    .title = "a 99.99% target without two diverse pairs of circuits",
    .rationale = "Two circuits survive one failure, but while one is down (a "
                 "fault, a maintenance window at the PoP) the demand hangs on "
                 "a single circuit. Every provider's 99.99% model therefore "
                 "asks for four: IBM two ECMP pairs on two diverse XCRs, AWS "
                 "two connections at each of two locations, Google Cloud two "
                 "attachments in each of two metros. The rule applies when "
                 "intent.availability is 99.99 or more, to the circuits at "
                 "each end of every demand that has two or more.",
    .remediation = "Add circuits until two pairs land in PoPs with nothing in "
                   "common: a pair on an edge router in one PoP, a pair on an "
                   "edge router in another.",
    .references = refs,
    .fails = "intent: {availability: 99.99}\n"
             "circuits:   # one circuit in each of two PoPs\n"
             "  - {id: dl-1, a: {router: cpe1}, z: {router: xcr1}, ...}\n"
             "  - {id: dl-2, a: {router: cpe2}, z: {router: xcr2}, ...}\n",
    .passes = "intent: {availability: 99.99}\n"
              "circuits:   # a pair in each of two PoPs\n"
              "  - {id: dl-1, a: {router: cpe1}, z: {router: xcr1}, ...}\n"
              "  - {id: dl-2, a: {router: cpe2}, z: {router: xcr1}, ...}\n"
              "  - {id: dl-3, a: {router: cpe1}, z: {router: xcr2}, ...}\n"
              "  - {id: dl-4, a: {router: cpe2}, z: {router: xcr2}, ...}\n",
    .check = check,
};
