/* ECMP005: preferred members learn different prefix sets. */
#include <stdlib.h>

#include "routing.h"
#include "providers/sources.h"

/* The prefixes a circuit learns, as text. */
static char *received(const struct nsp_model *m, const struct nsp_circuit *c)
{
	(void)m;
	return nsp_prefixes_text(&c->bgp.receive);
}

/* Whether two circuits learn the same prefixes, in the same order. */
static bool same_received(const struct nsp_model *m,
			  const struct nsp_circuit *a,
			  const struct nsp_circuit *b)
{
	(void)m;
	return nsp_same_prefixes(&a->bgp.receive, &b->bgp.receive);
}

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	char *text, *common;
	if (nsp_group_members(s, same_received, received, &text, &common) > 1)
		nsp_report_members(
			ctx, s, ctx->rule->severity, "bgp/receive",
			"learn different prefixes from '%s': %s; outbound "
			"traffic to a prefix only some of them learn takes "
			"those circuits alone, so ECMP holds for some "
			"destinations only; have the provider send the same "
			"set on each, e.g. receive: %s",
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
	NSP_SRC_ALIBABA_ECMP " (\"CPE1 and CPE2 both learn the routes to the VPC "
	"through BGP. With consistent route attributes, the data center "
	"accesses cloud resources through both CPE1 and CPE2 over ECMP\")",
	NULL,
};

const struct nsp_rule nsp_rule_ecmp005 = {
	.id = "ECMP005",
	.name = "ecmp-received-mismatch",
	.severity = NSP_WARNING,
	.title = "circuits meant to share traffic learn different prefixes",
	.rationale =
		"Outbound ECMP (from the site to the cloud) needs every "
		"preferred circuit to carry a route to the destination. When "
		"the provider sends different prefix sets on the circuits "
		"(a route filter on one VBR, a VPC attached to one gateway "
		"only), traffic to the prefixes only some circuits learn "
		"cannot use the others, and a failure of those circuits cuts "
		"the prefix instead of moving its traffic. `receive` defaults "
		"to the cloud's prefixes.",
	.remediation =
		"Make the provider advertise the same prefixes on every "
		"preferred circuit (the same route filters, the same "
		"gateway attachments), or write down in `receive` what each "
		"circuit really learns and mark partial circuits as backups.",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: ec-1, a: {router: cpe1}, z: {router: vbr1}, "
		 "bandwidth_mbps: 1000,\n"
		 "     bgp: {receive: [172.16.0.0/16, 172.17.0.0/16], "
		 "bfd: {}}}\n"
		 "  - {id: ec-2, a: {router: cpe2}, z: {router: vbr2}, "
		 "bandwidth_mbps: 1000,\n"
		 "     bgp: {receive: [172.16.0.0/16], bfd: {}}}\n",
	.passes = "circuits:\n"
		  "  - {id: ec-1, a: {router: cpe1}, z: {router: vbr1}, "
		  "bandwidth_mbps: 1000,\n"
		  "     bgp: {receive: [172.16.0.0/16, 172.17.0.0/16], "
		  "bfd: {}}}\n"
		  "  - {id: ec-2, a: {router: cpe2}, z: {router: vbr2}, "
		  "bandwidth_mbps: 1000,\n"
		  "     bgp: {receive: [172.16.0.0/16, 172.17.0.0/16], "
		  "bfd: {}}}\n",
	.check = check,
};
