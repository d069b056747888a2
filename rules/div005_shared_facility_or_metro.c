/* DIV005: members in different PoPs that share a facility or a metro. */
#include <stddef.h>
#include <stdlib.h>

#include "div.h"
#include "providers/sources.h"

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
		if (nsp_shared_pop(s) != NSP_NONE)
		return; /* one PoP: DIV004 (or DIV001) says it */
	enum nsp_class cls = NSP_CLASS_FACILITY;
	const char *what = "facility", *why = "a building outage";
	const char *v = nsp_shared_pop_field(s, offsetof(struct nsp_pop,
							   facility));
	if (!v) {
		cls = NSP_CLASS_METRO;
		what = "metro";
		why = "a metro-wide event (power grid, flooding, fibre cuts)";
		v = nsp_shared_pop_field(s, offsetof(struct nsp_pop, metro));
	}
	if (!v)
		return;
	struct nsp_share sh = {
		.cls = cls,
		.value = v,
		.element = v,
		.field = "z/router",
		.cut = why,
		.fix = cls == NSP_CLASS_FACILITY ?
			       "choose PoPs in different facilities" :
			       "choose PoPs in different metros",
	};
	nsp_report_cut(ctx, s, &sh, "land in different PoPs that share %s '%s'",
		       what, v);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_cut_stage(ctx, 2, stage);
}

static const char *const refs[] = {
	NSP_SRC_OVH " (\"different "
	"data centres or at minimum different physical paths\")",
	"https://learn.microsoft.com/azure/expressroute/"
	"design-architecture-for-resiliency",
	NULL,
};

const struct nsp_rule nsp_rule_div005 = {
	.id = "DIV005",
	.name = "shared-facility-or-metro",
	.severity = NSP_WARNING,
	.title = "the PoPs of a demand share one facility or one metro",
	.rationale =
		"Two PoPs can be two cages in one building, or two buildings "
		"on one power grid and one set of fibre routes. A building "
		"outage takes both PoPs of one facility; a metro-wide event "
		"(grid failure, flooding, a cut duct bank) takes both PoPs "
		"of one metro. The finding is an error when the design's "
		"intent.survive lists facility or metro, or a class that every "
		"one of those PoPs also shares: a building lies in its metro, "
		"a metro-wide PoP set may all sit in one edge availability "
		"domain or under one shared-risk tag (the message then names "
		"it); a warning otherwise.",
	.remediation =
		"Choose PoPs in different facilities, and for the highest "
		"tiers in different metros (AWS maximum resiliency, Azure "
		"maximum resiliency, Google Cloud 99.99%).",
	.references = refs,
	.fails = "pops:\n"
		 "  - {id: fra-a, facility: FR5, metro: frankfurt}\n"
		 "  - {id: fra-b, facility: FR5, metro: frankfurt}\n",
	.passes = "pops:\n"
		  "  - {id: fra-a, facility: FR5, metro: frankfurt}\n"
		  "  - {id: par-a, facility: TH2, metro: paris}\n",
	.check = check,
};
