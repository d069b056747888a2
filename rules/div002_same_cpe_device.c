/* DIV002: every member of a demand starts on one CPE router. */
#include <stdlib.h>

#include "div.h"
#include "providers/sources.h"

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	size_t r = nsp_shared_router(s, NSP_ROLE_CPE);
	if (r == NSP_NONE || nsp_shared_port(s, r) ||
	    nsp_lone_stage_router(s, r))
		return; /* a shared port is DIV003's */
	struct nsp_share sh = {
		.cls = NSP_CLASS_ROUTER,
		.router = r,
		.element = m->routers[r].id,
		.field = "a/router",
		.cut = "its failure",
		.fix = "terminate the circuits on two CPE routers",
	};
	nsp_report_cut(ctx, s, &sh, "all start on CPE router '%s'",
		       m->routers[r].id);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_cut_stage(ctx, 2, stage);
}

static const char *const refs[] = {
	NSP_SRC_ALIBABA_ECMP " ("
	"\"do not terminate both circuits on the same CPE\")",
	NULL,
};

const struct nsp_rule nsp_rule_div002 = {
	.id = "DIV002",
	.name = "same-cpe-device",
	.severity = NSP_ERROR,
	.title = "every circuit of a demand starts on one CPE router",
	.rationale =
		"Two circuits into one customer router protect against a "
		"circuit failure only. A power supply, line card, software "
		"crash or a reload for an upgrade of that router cuts every "
		"path at once. Alibaba's Express Connect guidance asks for "
		"the two circuits to end on different CPE devices. The "
		"finding is an error when intent.survive lists router, or "
		"srlg and the router carries a shared-risk tag (the message "
		"then names the tag); a warning otherwise.",
	.remediation =
		"Terminate each circuit on its own CPE router, ideally in "
		"different racks fed by different power; run iBGP or a first "
		"hop redundancy protocol between the CPEs.",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: ec-1, a: {router: cpe1, port: ge-0/0/1}, "
		 "z: {router: vbr1}, bandwidth_mbps: 1000}\n"
		 "  - {id: ec-2, a: {router: cpe1, port: ge-0/0/2}, "
		 "z: {router: vbr2}, bandwidth_mbps: 1000}\n",
	.passes = "circuits:\n"
		  "  - {id: ec-1, a: {router: cpe1, port: ge-0/0/1}, "
		  "z: {router: vbr1}, bandwidth_mbps: 1000}\n"
		  "  - {id: ec-2, a: {router: cpe2, port: ge-0/0/1}, "
		  "z: {router: vbr2}, bandwidth_mbps: 1000}\n",
	.check = check,
};
