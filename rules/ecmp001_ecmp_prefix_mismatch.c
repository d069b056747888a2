/* ECMP001: preferred members advertise different prefix sets. */
#include <stdlib.h>

#include "routing.h"
#include "providers/sources.h"

/* The prefixes a circuit advertises, as text. */
static char *advertised(const struct nsp_model *m, const struct nsp_circuit *c)
{
	(void)m;
	return nsp_prefixes_text(&c->bgp.advertise);
}

/* Whether two circuits advertise the same prefixes, in the same order. */
static bool same_advertised(const struct nsp_model *m,
			    const struct nsp_circuit *a,
			    const struct nsp_circuit *b)
{
	(void)m;
	return nsp_same_prefixes(&a->bgp.advertise, &b->bgp.advertise);
}

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	char *text, *common;
	if (nsp_group_members(s, same_advertised, advertised, &text, &common) > 1)
		nsp_report_members(
			ctx, s, ctx->rule->severity, "bgp/advertise",
			"advertise different prefixes to '%s': %s; a route "
			"only some of them carry has no equal-cost path, so "
			"ECMP holds for none of the prefixes that differ; "
			"advertise the same set on each, e.g. advertise: %s",
			nsp_far_end(s->m, &s->m->circuits[s->c[0]]), text,
			common);
	free(text);
	free(common);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_picked_stage(ctx, NSP_PICK_PREFERRED | NSP_PICK_BGP, 2, stage);
}

static const char *const refs[] = {
	NSP_SRC_ALIBABA_ECMP " (BGP attributes: Network must match on both CPEs)",
	NULL,
};

const struct nsp_rule nsp_rule_ecmp001 = {
	.id = "ECMP001",
	.name = "ecmp-prefix-mismatch",
	.severity = NSP_ERROR,
	.title = "circuits meant to share traffic advertise different prefixes",
	.rationale =
		"Equal-cost multi-path routing only spreads traffic over "
		"paths to the same prefix. When the circuits of a demand that "
		"should all carry traffic (role active, or primary in "
		"active-standby) advertise different prefix sets, every "
		"prefix that only some of them carry is reached over those "
		"alone: the provider sees no equal-cost paths, and a failure "
		"of that circuit withdraws the prefix instead of moving the "
		"traffic. Alibaba Cloud's ECMP guide lists the advertised "
		"network among the "
		"attributes that must match on both CPEs (VLAN, ASN and "
		"interface address may differ).",
	.remediation =
		"Advertise the same prefixes on every preferred circuit of "
		"the demand (the message suggests the set most of them "
		"already send). Use a backup role for a circuit that is "
		"meant to carry only some prefixes.",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: ec-1, a: {router: cpe1}, z: {router: vbr1}, "
		 "bandwidth_mbps: 1000,\n"
		 "     bgp: {advertise: [192.168.0.0/16], bfd: {}}}\n"
		 "  - {id: ec-2, a: {router: cpe2}, z: {router: vbr2}, "
		 "bandwidth_mbps: 1000,\n"
		 "     bgp: {advertise: [192.168.0.0/17], bfd: {}}}\n",
	.passes = "circuits:\n"
		  "  - {id: ec-1, a: {router: cpe1}, z: {router: vbr1}, "
		  "bandwidth_mbps: 1000,\n"
		  "     bgp: {advertise: [192.168.0.0/16], bfd: {}}}\n"
		  "  - {id: ec-2, a: {router: cpe2}, z: {router: vbr2}, "
		  "bandwidth_mbps: 1000,\n"
		  "     bgp: {advertise: [192.168.0.0/16], bfd: {}}}\n",
	.check = check,
};
