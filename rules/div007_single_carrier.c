/* DIV007: every member of a demand is delivered by one carrier. */
#include <stdlib.h>
#include <string.h>

#include "div.h"
#include "providers/sources.h"

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
		const char *carrier = m->circuits[s->c[0]].carrier;
	for (size_t i = 1; i < s->n && carrier; i++) {
		const char *c = m->circuits[s->c[i]].carrier;
		if (!c || strcmp(c, carrier))
			carrier = NULL;
	}
	if (!carrier)
		return;
	struct nsp_share sh = {
		.cls = NSP_CLASS_CARRIER,
		.value = carrier,
		.element = carrier,
		.field = "carrier",
		.cut = "an outage or a routing error of that carrier",
		.fix = "order at least one circuit from another carrier",
		.per_demand = true,
	};
	nsp_report_cut(ctx, s, &sh, "are all delivered by carrier '%s'", carrier);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_cut_stage(ctx, 2, stage);
}

static const char *const refs[] = {
	NSP_SRC_OVH " (separate "
	"providers for the links)",
	NULL,
};

const struct nsp_rule nsp_rule_div007 = {
	.id = "DIV007",
	.name = "single-carrier",
	.severity = NSP_WARNING,
	.title = "every circuit of a demand comes from one carrier",
	.rationale =
		"Circuits from one carrier share its backbone, its "
		"provisioning and its operations: a carrier-wide outage, a "
		"botched maintenance or a billing dispute takes them all. "
		"Circuits from one carrier also often share conduits the "
		"carrier does not disclose. The finding is an error when "
		"intent.survive lists carrier.",
	.remediation =
		"Order at least one circuit from another carrier, and ask "
		"both for their routes to check that they do not share a "
		"conduit (tag shared segments with srlg, see DIV006).",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: c1, ..., carrier: cmcc}\n"
		 "  - {id: c2, ..., carrier: cmcc}\n",
	.passes = "circuits:\n"
		  "  - {id: c1, ..., carrier: cmcc}\n"
		  "  - {id: c2, ..., carrier: china-unicom}\n",
	.check = check,
};
