/* HA001: a demand carried by one circuit, or by none. */
#include <stdio.h>
#include <stdlib.h>

#include "div.h"

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	enum nsp_severity sev = nsp_class_severity(m, NSP_CLASS_CIRCUIT);
	for (size_t i = 0; i < m->ndemands; i++) {
		const struct nsp_demand *d = &m->demands[i];
		char *dem = nsp_demand_label(m, d);
		char ptr[64];
		if (!d->nstages) {
			/* only explicit demands can lack a path */
			snprintf(ptr, sizeof(ptr), "/demands/%zu", d->index);
			struct nsp_finding *f = nsp_report(
				ctx, sev, ptr, NULL,
				"%s has no circuit path at all: no circuit "
				"joins the routers of '%s' to those of '%s'",
				dem, nsp_endpoint_id(m, d->from),
				nsp_endpoint_id(m, d->to));
			nsp_finding_element(f, nsp_endpoint_id(m, d->from));
			nsp_finding_element(f, nsp_endpoint_id(m, d->to));
		}
		for (size_t k = 0; k < d->nstages; k++) {
			if (d->stages[k].n != 1)
				continue;
			size_t c = d->stages[k].circuits[0];
			snprintf(ptr, sizeof(ptr), "/circuits/%zu", c);
			struct nsp_finding *f = nsp_report(
				ctx, sev, ptr, NULL,
				"%s is carried by circuit '%s' alone%s%s%s: "
				"its failure cuts the demand; add a second "
				"circuit on a diverse path",
				dem, m->circuits[c].id,
				d->nstages > 1 ? " at its '" : "",
				d->nstages > 1 ?
					nsp_endpoint_id(m, d->stages[k].at) :
					"",
				d->nstages > 1 ? "' end" : "");
			nsp_finding_element(f, m->circuits[c].id);
			if (!d->implicit) {
				snprintf(ptr, sizeof(ptr), "/demands/%zu",
					 d->index);
				nsp_finding_related(f, m, ptr, NULL,
						    "the demand");
			}
		}
		free(dem);
	}
}

static const char *const refs[] = {
	"seed 000: IBM Cloud Direct Link, Leveraging ECMP for redundant "
	"connections",
	"seed 002: OVHcloud Connect, resilient architecture",
	"seed 003: Open Telekom Cloud Direct Connect, redundant access",
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
		"finding is a warning when intent.survive leaves out circuit.",
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
