/* DIV001: every member of a demand ends on one edge router. */
#include <stdlib.h>

#include "div.h"
#include "providers/sources.h"

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	size_t r = nsp_shared_router(s, NSP_ROLE_EDGE);
	if (r == NSP_NONE || nsp_lone_stage_router(s, r))
		return;
	const struct nsp_router *er = &m->routers[r];
	struct nsp_share sh = {
		.cls = NSP_CLASS_ROUTER,
		.router = r,
		.element = er->id,
		.field = "z/router",
		.cut = "its failure",
		.fix = "land the circuits on at least two edge routers, in "
		       "different PoPs",
	};
	nsp_report_cut(ctx, s, &sh, "all end on edge router '%s' (PoP '%s')",
		       er->id, m->pops[er->pop].id);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_cut_stage(ctx, 2, stage);
}

static const char *const refs[] = {
	NSP_SRC_IBM_ECMP " ("
	"\"both connections must terminate to the same XCR, "
	"which makes it a single point of failure\")",
	NSP_SRC_ALIBABA_ECMP,
	NULL,
};

const struct nsp_rule nsp_rule_div001 = {
	.id = "DIV001",
	.name = "ecmp-same-edge-router",
	.severity = NSP_ERROR,
	.title = "every circuit of a demand ends on one edge router",
	.rationale =
		"Load balancing over two circuits (ECMP) is not redundancy. "
		"Some providers can only build an ECMP pair on one edge router "
		"(IBM's cross-connect router, XCR): both BGP sessions then "
		"terminate on the same box, and its failure, maintenance or "
		"software upgrade takes every path down at once. The same "
		"holds for an Alibaba VBR, an Azure MSEE or an AWS Direct "
		"Connect endpoint that all circuits share. The finding is an "
		"error when intent.survive lists router, or a class the "
		"router lies in: its PoP, the PoP's facility, metro or edge "
		"domain, or a shared-risk tag on the router or its PoP "
		"(the message then names that element); a warning otherwise.",
	.remediation =
		"Land the circuits on at least two edge routers in different "
		"PoPs. To keep ECMP and gain redundancy, build IBM's "
		"four-circuit layout: an ECMP pair on each of two diverse "
		"XCRs.",
	.references = refs,
	.fails = "routers:\n"
		 "  - {id: xcr1, role: edge, pop: dal10, cloud: vpc}\n"
		 "circuits:\n"
		 "  - {id: dl-1, a: {router: cpe1}, z: {router: xcr1}, "
		 "bandwidth_mbps: 1000}\n"
		 "  - {id: dl-2, a: {router: cpe2}, z: {router: xcr1}, "
		 "bandwidth_mbps: 1000}\n",
	.passes = "routers:\n"
		  "  - {id: xcr1, role: edge, pop: dal10, cloud: vpc}\n"
		  "  - {id: xcr2, role: edge, pop: dal12, cloud: vpc}\n"
		  "circuits:\n"
		  "  - {id: dl-1, a: {router: cpe1}, z: {router: xcr1}, "
		  "bandwidth_mbps: 1000}\n"
		  "  - {id: dl-2, a: {router: cpe2}, z: {router: xcr2}, "
		  "bandwidth_mbps: 1000}\n",
	.check = check,
};
