/* DIV003: every member of a demand leaves through one CPE port. */
#include <stdlib.h>

#include "div.h"
#include "providers/sources.h"

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	size_t r = nsp_shared_router(s, NSP_ROLE_CPE);
	const char *port = r == NSP_NONE ? NULL : nsp_shared_port(s, r);
	if (!port || nsp_lone_stage_router(s, r))
		return;
	struct nsp_share sh = {
		.cls = NSP_CLASS_PORT,
		.router = r,
		.port = port,
		.element = m->routers[r].id,
		.field = "a/port",
		.cut = "one port, optic or cable fault",
		.fix = "give each circuit its own port, better its own CPE "
		       "router",
	};
	nsp_report_cut(ctx, s, &sh, "all leave CPE router '%s' through port '%s'",
		       m->routers[r].id, port);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_cut_stage(ctx, 2, stage);
}

static const char *const refs[] = {
	NSP_SRC_ALIBABA_ECMP " ("
	"two circuits on the same port of a single CPE)",
	NULL,
};

const struct nsp_rule nsp_rule_div003 = {
	.id = "DIV003",
	.name = "same-cpe-port",
	.severity = NSP_ERROR,
	.title = "every circuit of a demand leaves through one CPE port",
	.rationale =
		"Circuits delivered as VLANs on one physical port share its "
		"optic, its patch cable and its line card: one fault there "
		"takes every path down, and so does the CPE router behind it. "
		"The finding is an error when intent.survive lists port, or "
		"router (the port lies in its router), or srlg and the router "
		"carries a shared-risk tag; a warning otherwise.",
	.remediation =
		"Give each circuit its own physical port, and better its own "
		"CPE router (see DIV002).",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: ec-1, a: {router: cpe1, port: xe-0/0/0}, "
		 "z: {router: vbr1}, vlan: 1308, bandwidth_mbps: 1000}\n"
		 "  - {id: ec-2, a: {router: cpe1, port: xe-0/0/0}, "
		 "z: {router: vbr2}, vlan: 1309, bandwidth_mbps: 1000}\n",
	.passes = "circuits:\n"
		  "  - {id: ec-1, a: {router: cpe1, port: xe-0/0/0}, "
		  "z: {router: vbr1}, bandwidth_mbps: 1000}\n"
		  "  - {id: ec-2, a: {router: cpe2, port: xe-0/0/0}, "
		  "z: {router: vbr2}, bandwidth_mbps: 1000}\n",
	.check = check,
};
