/* CAP004: a demand without a size, so capacity was not checked. */
#include <stdlib.h>

#include "analysis.h"

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->ndemands; i++) {
		const struct nsp_demand *d = &m->demands[i];
		if (d->has_mbps)
			continue;
		char *dem = nsp_demand_label(m, d);
		char *ptr = nsp_demand_pointer(m, d);
		struct nsp_finding *f = nsp_report(
		    ctx, NSP_INFO, ptr, NULL,
		    d->implicit
		        ? "%s is a default demand (the file has no "
		          "'demands'), of unknown size: capacity was not "
		          "checked; list the demands with their mbps"
		        : "%s has no mbps: capacity was not checked; "
		          "give its size in Mbit/s",
		    dem);
		nsp_finding_element(f, nsp_endpoint_id(m, d->from));
		nsp_finding_element(f, nsp_endpoint_id(m, d->to));
		free(dem);
		free(ptr);
	}
}

static const char *const refs[] = {
    "FORMAT.md, default demands: connectivity and diversity are "
    "checked, capacity is not",
    NULL,
};

const struct nsp_rule nsp_rule_cap004 = {
    .id = "CAP004",
    .name = "demand-size-unknown",
    .severity = NSP_INFO,
    .title = "a demand has no size, so capacity was not checked",
    .rationale = "The capacity rules (CAP001, CAP002) need to know how much "
                 "traffic a demand carries. A demand without mbps, and every "
                 "default demand of a file without 'demands', is checked for "
                 "connectivity and diversity only; this note says so, so that "
                 "a clean report is not read as a capacity sign-off.",
    .remediation = "Add a 'demands' list with from, to and mbps (the peak rate "
                   "the demand must keep through a failure).",
    .references = refs,
    .fails = "demands:\n  - {from: dc, to: vpc}\n",
    .passes = "demands:\n  - {from: dc, to: vpc, mbps: 800}\n",
    .check = check,
};
