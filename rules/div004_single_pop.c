/* DIV004: every member of a demand lands in one PoP. */
#include <stdlib.h>

#include "div.h"
#include "providers/sources.h"

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	size_t p = nsp_shared_pop(s);
	if (p == NSP_NONE || nsp_lone_stage_pop(s, p))
		return;
	/* both ends of a chained demand in one PoP: one finding, at the first */
	if (s->d->nstages > 1 && s->c == s->d->stages[1].circuits) {
		struct nsp_members first = {s->m, s->d, s->d->stages[0].circuits,
					    s->d->stages[0].n};
		if (first.n >= 2 && nsp_shared_pop(&first) == p)
			return;
	}
	size_t r = nsp_shared_router(s, NSP_ROLE_EDGE);
	if (r != NSP_NONE && m->routers[r].pop == p)
		return; /* one edge router: DIV001 says it */
	const struct nsp_circuit *last = &m->circuits[s->c[s->n - 1]];
	const char *field = m->routers[last->z.router].pop == p ? "z/router" :
								  "a/router";
	struct nsp_share sh = {
		.cls = NSP_CLASS_POP,
		.pop = p,
		.element = m->pops[p].id,
		.field = field,
		.cut = "an outage of that location",
		.fix = "order at least one circuit at another PoP",
	};
	nsp_report_cut(ctx, s, &sh, "all land in PoP '%s'", m->pops[p].id);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_cut_stage(ctx, 2, stage);
}

static const char *const refs[] = {
	NSP_SRC_OVH " (links in "
	"different PoPs)",
	NSP_SRC_OTC " (the two access "
	"locations must differ)",
	"https://docs.aws.amazon.com/directconnect/latest/UserGuide/"
	"resiliency_toolkit.html",
	NULL,
};

const struct nsp_rule nsp_rule_div004 = {
	.id = "DIV004",
	.name = "single-pop",
	.severity = NSP_ERROR,
	.title = "every circuit of a demand lands in one PoP",
	.rationale =
		"A provider location (PoP, Direct Connect location, peering "
		"location, access location) fails as a whole: power, cooling, "
		"a fire, the building's meet-me room, the provider's "
		"maintenance. Two circuits into one location survive a circuit "
		"failure but not the loss of the location. OVHcloud, Open "
		"Telekom Cloud, AWS and Azure all ask for a second location "
		"for a resilient design. The finding is an error when "
		"intent.survive lists pop, or a class the PoP lies in: its "
		"facility, metro, edge domain or a shared-risk tag on it (the "
		"message then names that element); a warning otherwise.",
	.remediation =
		"Order at least one circuit at a second PoP, preferably in "
		"another facility and metro (see DIV005).",
	.references = refs,
	.fails = "pops:\n  - {id: biere}\n"
		 "routers:\n"
		 "  - {id: r1, role: edge, pop: biere, cloud: otc}\n"
		 "  - {id: r2, role: edge, pop: biere, cloud: otc}\n",
	.passes = "pops:\n  - {id: biere}\n  - {id: magdeburg}\n"
		  "routers:\n"
		  "  - {id: r1, role: edge, pop: biere, cloud: otc}\n"
		  "  - {id: r2, role: edge, pop: magdeburg, cloud: otc}\n",
	.check = check,
};
