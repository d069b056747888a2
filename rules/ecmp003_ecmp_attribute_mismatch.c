/* ECMP003: preferred members differ in MED or local_pref. */
#include <inttypes.h>
#include <stdlib.h>

#include "routing.h"
#include "providers/sources.h"

/* "(MED 0, local_pref 100)"; a missing MED counts as 0. */
static char *attributes(const struct nsp_model *m, const struct nsp_circuit *c)
{
	(void)m;
	return nsp_xasprintf("(MED %" PRIu32 ", local_pref %" PRIu32 ")",
			     c->bgp.med, c->bgp.local_pref);
}

/* Whether two circuits have the same MED and local_pref. */
static bool same_attributes(const struct nsp_model *m,
			    const struct nsp_circuit *a,
			    const struct nsp_circuit *b)
{
	(void)m;
	return a->bgp.med == b->bgp.med &&
	       a->bgp.local_pref == b->bgp.local_pref;
}

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	char *text, *common;
	if (nsp_group_members(s, same_attributes, attributes, &text, &common) > 1)
		nsp_report_members(
			ctx, s, ctx->rule->severity, "bgp",
			"differ in BGP attributes: %s; local_pref decides "
			"which circuit the CPEs send on and MED which one the "
			"provider returns on, so the circuits are not equal "
			"and will not share traffic; give each the same "
			"values, e.g. %s, or mark the less preferred one "
			"role: backup",
			text, common);
	free(text);
	free(common);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_picked_stage(ctx, NSP_PICK_PREFERRED | NSP_PICK_BGP, 2, stage);
}

static const char *const refs[] = {
	NSP_SRC_ALIBABA_ECMP " (\"The routes advertised from the data center to "
	"both VBRs must have identical attributes. If any attribute "
	"differs, the routing system treats the paths as unequal and ECMP "
	"does not take effect\")",
	"RFC 4271, section 9.1.2.2 (LOCAL_PREF and MULTI_EXIT_DISC in the "
	"decision process)",
	NULL,
};

const struct nsp_rule nsp_rule_ecmp003 = {
	.id = "ECMP003",
	.name = "ecmp-attribute-mismatch",
	.severity = NSP_ERROR,
	.title = "circuits meant to share traffic differ in MED or local_pref",
	.rationale =
		"Local preference is the first thing BGP compares on the "
		"routes a CPE learns, and MED one of the things the provider "
		"compares on the routes it learns from the CPEs. Circuits "
		"that differ in either are not equal-cost: all traffic in one "
		"direction takes the preferred circuit, and the design is "
		"active-standby while its intent and roles say active-active. "
		"A missing MED counts as 0, as most routers treat it.",
	.remediation =
		"Set the same local_pref and MED on every preferred circuit "
		"of the demand. If one circuit is meant as a standby, give it "
		"role: backup, so that the BGP rules check its preference "
		"instead.",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: ec-1, a: {router: cpe1}, z: {router: vbr1}, "
		 "bandwidth_mbps: 1000,\n"
		 "     bgp: {local_pref: 200, bfd: {}}}\n"
		 "  - {id: ec-2, a: {router: cpe2}, z: {router: vbr2}, "
		 "bandwidth_mbps: 1000,\n"
		 "     bgp: {local_pref: 100, bfd: {}}}\n",
	.passes = "circuits:\n"
		  "  - {id: ec-1, a: {router: cpe1}, z: {router: vbr1}, "
		  "bandwidth_mbps: 1000,\n"
		  "     bgp: {local_pref: 200, bfd: {}}}\n"
		  "  - {id: ec-2, a: {router: cpe2}, z: {router: vbr2}, "
		  "bandwidth_mbps: 1000,\n"
		  "     bgp: {local_pref: 200, bfd: {}}}\n",
	.check = check,
};
