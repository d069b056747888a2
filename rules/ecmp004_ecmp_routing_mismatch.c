/* ECMP004: preferred members mix routing methods or regions. */
#include <stdlib.h>
#include <string.h>

#include "routing.h"
#include "providers/sources.h"

/* "bgp" or "static". */
static char *method(const struct nsp_model *m, const struct nsp_circuit *c)
{
	(void)m;
	return nsp_xstrdup(c->routing == NSP_ROUTING_BGP ? "bgp" : "static");
}

/* "in 'cn-beijing'": the region of the PoP the z router is in. */
static char *region(const struct nsp_model *m, const struct nsp_circuit *c)
{
	const struct nsp_router *z = &m->routers[c->z.router];
	return nsp_xasprintf("in '%s'", m->pops[z->pop].region);
}

/* Whether c lands, in a known region, on a provider needing one region. */
static bool region_bound(const struct nsp_model *m, const struct nsp_circuit *c)
{
	const struct nsp_router *z = &m->routers[c->z.router];
	if (z->pop == NSP_NONE || !m->pops[z->pop].region)
		return false;
	return nsp_provider_facts(nsp_circuit_provider(m, c))
		       ->ecmp_needs_one_region == NSP_TRI_YES;
}

/*
 * One finding for both mismatches of a stage: the routing methods and,
 * where the provider needs one region, the regions (neither hides the
 * other).
 */
/* Whether two circuits use the same routing method. */
static bool same_method(const struct nsp_model *m,
			const struct nsp_circuit *a,
			const struct nsp_circuit *b)
{
	(void)m;
	return a->routing == b->routing;
}

/* Whether two region-bound circuits land in the same region. */
static bool same_region(const struct nsp_model *m,
			const struct nsp_circuit *a,
			const struct nsp_circuit *b)
{
	return !strcmp(m->pops[m->routers[a->z.router].pop].region,
		       m->pops[m->routers[b->z.router].pop].region);
}

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	struct nsp_buf msg = {0};
	char *text, *common;
	bool methods = nsp_group_members(s, same_method, method, &text, &common) > 1;
	if (methods)
		nsp_buf_printf(
			&msg,
			"mix routing methods: %s; a static route and a BGP "
			"route to the same prefix are never equal (they differ "
			"in administrative distance), so only one method's "
			"circuits carry traffic; use one routing method on "
			"every circuit meant to share the load, e.g. routing: "
			"%s",
			text, common);
	free(text);
	free(common);
	size_t *v = nsp_xmalloc(s->n * sizeof(*v)), n = 0;
	for (size_t i = 0; i < s->n; i++)
		if (region_bound(s->m, &s->m->circuits[s->c[i]]))
			v[n++] = s->c[i];
	struct nsp_members sub = {s->m, s->d, v, n};
	if (n >= 2 && nsp_group_members(&sub, same_region, region, &text, &common) > 1) {
		const struct nsp_circuit *c = &s->m->circuits[v[0]];
		const struct nsp_provider_facts *f =
			nsp_provider_facts(nsp_circuit_provider(s->m, c));
		nsp_buf_printf(
			&msg,
			"%sland in different regions: %s; %s forms ECMP only "
			"between edge routers of one region, so traffic "
			"takes one circuit and the other idles; land them all "
			"in one region, e.g. %s",
			methods ? "; and they " : "", text, f->product,
			common);
		free(text);
		free(common);
	} else if (n >= 2) {
		free(text);
		free(common);
	}
	if (msg.s)
		nsp_report_members(ctx, s, ctx->rule->severity,
				   methods ? "routing" : "z/router", "%s",
				   msg.s);
	nsp_buf_free(&msg);
	free(v);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_picked_stage(ctx, NSP_PICK_PREFERRED, 2, stage);
}

static void facts(FILE *out)
{
	nsp_provider_facts_print(out, NSP_FACT_REGION);
}

static const char *const refs[] = {
	NSP_SRC_ALIBABA_ECMP " (\"ECMP takes effect automatically when both VBRs "
	"are in the same region and use the same routing method\")",
	NULL,
};

const struct nsp_rule nsp_rule_ecmp004 = {
	.id = "ECMP004",
	.name = "ecmp-routing-mismatch",
	.severity = NSP_ERROR,
	.title = "circuits meant to share traffic mix routing methods or "
		 "regions",
	.rationale =
		"A router only load-balances over routes of the same source: "
		"a static route and a BGP-learned route to one prefix differ "
		"in administrative distance, so one of them always wins. "
		"Some providers also build ECMP only between edge routers of "
		"one region (Alibaba Cloud: both VBRs in one region). The "
		"region of an edge router is the `region` of its PoP; the "
		"check applies where the provider table says ECMP needs one "
		"region.",
	.remediation =
		"Run every preferred circuit of a demand with the same "
		"routing method (BGP, with BFD, is the usual choice) and, "
		"where the provider requires it, land them on edge routers "
		"of one region. When both differ, the one finding names "
		"both.",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: ec-1, a: {router: cpe1}, z: {router: vbr1}, "
		 "bandwidth_mbps: 1000, bgp: {bfd: {}}}\n"
		 "  - {id: ec-2, a: {router: cpe2}, z: {router: vbr2}, "
		 "bandwidth_mbps: 1000,\n"
		 "     routing: static, health_check: {interval_s: 1}}\n",
	.passes = "circuits:\n"
		  "  - {id: ec-1, a: {router: cpe1}, z: {router: vbr1}, "
		  "bandwidth_mbps: 1000, bgp: {bfd: {}}}\n"
		  "  - {id: ec-2, a: {router: cpe2}, z: {router: vbr2}, "
		  "bandwidth_mbps: 1000, bgp: {bfd: {}}}\n",
	.check = check,
	.facts = facts,
};
