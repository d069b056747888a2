/* DIV006: every member of a demand carries one shared-risk tag. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "div.h"
#include "providers/sources.h"

static bool in(const struct nsp_strs *t, const char *tag)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i], tag))
			return true;
	return false;
}

/* Whether router r carries tag, itself or through its PoP. */
static bool router_has(const struct nsp_model *m, size_t r, const char *tag)
{
	const struct nsp_router *rr = &m->routers[r];
	return in(&rr->srlg, tag) ||
	       (rr->pop != NSP_NONE && in(&m->pops[rr->pop].srlg, tag));
}

static bool circuit_has(const struct nsp_model *m, const struct nsp_circuit *c,
			const char *tag)
{
	return in(&c->srlg, tag) || router_has(m, c->a.router, tag) ||
	       router_has(m, c->z.router, tag);
}

/* Report tag once per stage unless a shared router or PoP already did. */
static void tag(struct nsp_ctx *ctx, const struct nsp_members *s,
		const char *t)
{
	const struct nsp_model *m = s->m;
	for (size_t i = 0; i < s->n; i++)
		if (!circuit_has(m, &m->circuits[s->c[i]], t))
			return;
	/*
	 * A tag that some member carries only through a shared router or PoP
	 * (reported by DIV001/DIV002/DIV004) is that element's risk, not a
	 * separate one; a tag every member also carries elsewhere is.
	 */
	size_t shared[2] = {nsp_shared_router(s, NSP_ROLE_CPE),
			    nsp_shared_router(s, NSP_ROLE_EDGE)};
	size_t p = nsp_shared_pop(s);
	for (size_t i = 0; i < s->n; i++) {
		const struct nsp_circuit *c = &m->circuits[s->c[i]];
		bool own = in(&c->srlg, t);
		size_t ends[2] = {c->a.router, c->z.router};
		for (int e = 0; e < 2 && !own; e++) {
			size_t r = ends[e];
			const struct nsp_router *rr = &m->routers[r];
			if (r != shared[0] && r != shared[1] && in(&rr->srlg, t))
				own = true;
			if (rr->pop != NSP_NONE && rr->pop != p &&
			    in(&m->pops[rr->pop].srlg, t))
				own = true;
		}
		if (!own)
			return;
	}
	const struct nsp_circuit *last = &m->circuits[s->c[s->n - 1]];
	const char *field = in(&last->srlg, t)		      ? "srlg" :
			    router_has(m, last->a.router, t) ? "a/router" :
								"z/router";
	struct nsp_share sh = {
		.cls = NSP_CLASS_SRLG,
		.value = t,
		.element = t,
		.field = field,
		.cut = "one event on it",
		.fix = "route at least one circuit away from it",
		.per_demand = true,
	};
	nsp_report_cut(ctx, s, &sh, "all carry shared-risk tag '%s'", t);
}

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	const struct nsp_circuit *c = &m->circuits[s->c[0]];
	const struct nsp_strs *lists[] = {
		&c->srlg,
		&m->routers[c->a.router].srlg,
		&m->routers[c->z.router].srlg,
		m->routers[c->a.router].pop != NSP_NONE ?
			&m->pops[m->routers[c->a.router].pop].srlg : NULL,
		m->routers[c->z.router].pop != NSP_NONE ?
			&m->pops[m->routers[c->z.router].pop].srlg : NULL,
	};
	for (size_t l = 0; l < 5; l++)
		for (size_t i = 0; lists[l] && i < lists[l]->n; i++)
			tag(ctx, s, lists[l]->v[i]);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_cut_stage(ctx, 2, stage);
}

static const char *const refs[] = {
	NSP_SRC_OVH " (avoid a shared "
	"point of failure between the links)",
	"RFC 4202 section 2.3 (shared risk link groups)",
	NULL,
};

const struct nsp_rule nsp_rule_div006 = {
	.id = "DIV006",
	.name = "shared-srlg",
	.severity = NSP_WARNING,
	.title = "every circuit of a demand carries one shared-risk tag",
	.rationale =
		"Diverse PoPs and routers do not help when every circuit runs "
		"through one conduit, one cable system, one building riser or "
		"one power feed: a backhoe or a blown breaker takes them all. "
		"Shared-risk tags (srlg) on circuits, routers and PoPs name "
		"those hidden common elements; a tag every member carries is "
		"a single point of failure. The finding is an error when "
		"intent.survive lists srlg.",
	.remediation =
		"Ask the carriers for route diversity (a different conduit "
		"or cable system) on one circuit, or move a router to another "
		"power feed, until no tag is carried by every member.",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: c1, ..., srlg: [duct-north]}\n"
		 "  - {id: c2, ..., srlg: [duct-north]}\n",
	.passes = "circuits:\n"
		  "  - {id: c1, ..., srlg: [duct-north]}\n"
		  "  - {id: c2, ..., srlg: [duct-south]}\n",
	.check = check,
};
