/* AVAIL001: a demand's estimated availability is below the target. */
#include <stdlib.h>

#include "../lib/avail.h"
#include "analysis.h"

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	if (!m->intent.has_availability)
		return;
	for (size_t d = 0; d < m->ndemands; d++) {
		if (!nsp_demand_base(a, d)->connected)
			continue; /* no path at all: HA001 */
		struct nsp_avail av;
		nsp_avail_demand(&av, a, d);
		if (av.availability >= m->intent.availability)
			continue;
		struct nsp_buf top = {0};
		for (size_t i = 0; i < av.ntop; i++) {
			nsp_buf_puts(&top, i ? "; " : "");
			for (size_t k = 0; k < av.top[i].n; k++) {
				char *l = nsp_elem_label(
				    &a->elems[av.top[i].elem[k]]);
				nsp_buf_printf(&top, "%s%s", k ? " with " : "",
				               l);
				free(l);
			}
			nsp_buf_printf(&top, " (%.4f%%)",
			               100.0 * av.top[i].unavail);
		}
		char *how = av.exact
		                ? nsp_xasprintf("exact over %zu element "
		                                "groups",
		                                av.groups)
		                : nsp_xasprintf("Monte Carlo, %llu samples, "
		                                "+/- %.4f%%",
		                                (unsigned long long)av.samples,
		                                av.error);
		char *dem = nsp_demand_label(m, &m->demands[d]);
		char *ptr = nsp_demand_pointer(m, &m->demands[d]);
		struct nsp_finding *f = nsp_report(
		    ctx, NSP_ERROR, ptr, NULL,
		    "%s: estimated availability %.4f%% (%s, from the "
		    "assumptions) is below the %g%% target; %s%s%s",
		    dem, av.availability, how, m->intent.availability,
		    av.ntop ? "the unavailability is dominated by "
		            : "add diverse paths",
		    top.s ? top.s : "",
		    av.ntop ? ": add a path that avoids them" : "");
		nsp_finding_element(f, nsp_endpoint_id(m, m->demands[d].from));
		nsp_finding_element(f, nsp_endpoint_id(m, m->demands[d].to));
		nsp_finding_related(f, m, "/intent", "/intent/availability",
		                    "the availability target");
		free(how);
		free(dem);
		free(ptr);
		nsp_buf_free(&top);
	}
}

static const char *const refs[] = {
    "seed 002: OVHcloud Connect, resilient architecture (SLA "
    "requirements of 99.99% need a multi-path architecture)",
    "FORMAT.md, assumptions: the availability of one element of each "
    "failure class",
    NULL,
};

const struct nsp_rule nsp_rule_avail001 = {
    .id = "AVAIL001",
    .name = "availability-below-target",
    .severity = NSP_ERROR,
    .title = "a demand's estimated availability is below the target",
    .rationale = "intent.availability is a promise; the design has to be able "
                 "to keep it. nospof estimates each demand's availability from "
                 "the assumptions (the availability of one circuit, port, "
                 "router, PoP, facility, metro, edge domain, carrier and "
                 "shared-risk tag), every element failing independently: the "
                 "demand is up while some path has no failed circuit. Elements "
                 "that take down the same circuits are merged; with up to 24 "
                 "such groups every state is enumerated exactly, beyond that a "
                 "Monte Carlo run with a fixed seed gives the estimate and a "
                 "95% error bound. This estimate is the design's own; the "
                 "provider's contractual SLA tier is HA003's, and the two are "
                 "reported side by side, never blended.",
    .remediation =
        "Remove the single and double cuts the message names (they "
        "dominate the unavailability): a second CPE, a second PoP, a "
        "second carrier; or correct the assumptions if they are too "
        "pessimistic for the equipment you buy.",
    .references = refs,
    .fails = "intent: {availability: 99.99}\n"
             "circuits:   # one circuit: 99.9% at best\n"
             "  - {id: c1, a: {router: cpe1}, z: {router: e1}, "
             "bandwidth_mbps: 1000}\n",
    .passes = "intent: {availability: 99.99}\n"
              "circuits:   # two diverse paths\n"
              "  - {id: c1, a: {router: cpe1}, z: {router: e1}, "
              "bandwidth_mbps: 1000}\n"
              "  - {id: c2, a: {router: cpe2}, z: {router: e2}, "
              "bandwidth_mbps: 1000}\n",
    .check = check,
    .analysis = true,
};
