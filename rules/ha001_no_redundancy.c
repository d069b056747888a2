/* HA001: a demand carried by one circuit, or by none. */
#include <stdio.h>
#include <stdlib.h>

#include "div.h"
#include "providers/sources.h"

/* A stage of one circuit: the demand depends on it alone. */
static void lone(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	const struct nsp_demand *d = s->d;
		if (s->n != 1)
		return;
	struct nsp_share sh = {
		.cls = NSP_CLASS_CIRCUIT,
		.circuit = s->c[0],
		.cut = "its failure",
		.fix = "add a second circuit on a diverse path",
		.lone = true,
	};
	if (d->nstages > 1)
		nsp_report_cut(ctx, s, &sh, " at its '%s' end",
			       nsp_endpoint_id(m, s->c == d->stages[0].circuits ?
							 d->stages[0].at :
							 d->stages[1].at));
	else
		nsp_report_cut(ctx, s, &sh, "%s", "");
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->ndemands; i++) {
		const struct nsp_demand *d = &m->demands[i];
		if (d->nstages)
			continue;
		/* only explicit demands can lack a path; no failure needed */
		char *dem = nsp_demand_label(m, d);
		char ptr[64];
		snprintf(ptr, sizeof(ptr), "/demands/%zu", d->index);
		struct nsp_finding *f = nsp_report(
			ctx, NSP_ERROR, ptr, NULL,
			"%s has no circuit path at all: no circuit joins the "
			"routers of '%s' to those of '%s'",
			dem, nsp_endpoint_id(m, d->from),
			nsp_endpoint_id(m, d->to));
		nsp_finding_element(f, nsp_endpoint_id(m, d->from));
		nsp_finding_element(f, nsp_endpoint_id(m, d->to));
		free(dem);
	}
	nsp_each_cut_stage(ctx, 1, lone);
}

static const char *const refs[] = {
	NSP_SRC_IBM_ECMP,
	NSP_SRC_OVH,
	NSP_SRC_OTC,
	"https://docs.aws.amazon.com/directconnect/latest/UserGuide/"
	"resiliency_toolkit.html",
	NULL,
};

const struct nsp_rule nsp_rule_ha001 = {
	.id = "HA001",
	.name = "no-redundancy",
	.severity = NSP_ERROR,
	.title = "a demand is carried by one circuit only",
	.rationale =
		"A single circuit fails with its optic, its cross-connect, "
		"its carrier's maintenance and the routers at both ends. "
		"Every provider's resiliency model starts at two circuits; "
		"without a second one the design survives no failure at all. "
		"In a design chained through exchange routers, the check "
		"applies to the circuits at each end of the demand. The "
		"finding is an error when intent.survive lists any class the "
		"circuit lies in: circuit itself, its ports, its routers, their "
		"PoPs and those PoPs' facilities, metros and edge domains, its "
		"carrier or a shared-risk tag on the way (the message then "
		"names the most specific one); a warning only when none is "
		"required. A demand with no circuit path at all is always an "
		"error.",
	.remediation =
		"Add a second circuit on a diverse path: another CPE router, "
		"another edge router, another PoP (the DIV rules then check "
		"how diverse it is).",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: dx-1, a: {router: cpe1}, z: {router: dx-ep1}, "
		 "bandwidth_mbps: 1000}\n",
	.passes = "circuits:\n"
		  "  - {id: dx-1, a: {router: cpe1}, z: {router: dx-ep1}, "
		  "bandwidth_mbps: 1000}\n"
		  "  - {id: dx-2, a: {router: cpe2}, z: {router: dx-ep2}, "
		  "bandwidth_mbps: 1000}\n",
	.check = check,
};
