/* AVAIL001: a demand's estimated availability is below the target. */
#include <stdlib.h>

#include "analysis/avail.h"
#include "analysis.h"
#include "providers/sources.h"

/*
 * Element e and the elements merged with it for demand d (they take down
 * the same circuits): "PoP 'fr5' (with its facility 'FR5' and metro
 * 'fra')".
 */
static char *group_label(const struct nsp_analysis *a, size_t d, size_t e)
{
	size_t *g, n = nsp_avail_group(a, d, e, &g);
	struct nsp_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		char *l = nsp_elem_label(&a->elems[g[i]]);
		nsp_buf_printf(&b, "%s%s",
		               !i ? "" : i == 1 ? " (with its " :
		               i + 1 == n ? " and " : ", ",
		               l);
		free(l);
	}
	if (n > 1)
		nsp_buf_putc(&b, ')');
	free(g);
	return nsp_buf_detach(&b);
}

/*
 * "; the one change that buys most: a path that avoids router 'r1' (without
 * its failures: 99.995%; Birnbaum importance 0.00099, Fussell-Vesely 48%)",
 * or "" when the importance is not known (the BDD could not be built).
 */
static char *best_change(const struct nsp_analysis *a,
                         const struct nsp_avail *av)
{
	if (!av->has_best)
		return nsp_xstrdup("");
	char *l = nsp_elem_label(&a->elems[av->best.elem]);
	double t = av->availability + av->best.gain, f = 100 * av->best.fv;
	/* the element is the whole unavailability: exactly 100 */
	char *to = t >= 100 ? nsp_xstrdup("100") : nsp_percent_text(t);
	char *fv = f < 99.95 ? nsp_xasprintf("%.1f", f)
	           : f >= 100 ? nsp_xstrdup("100")
	                      : nsp_percent_below(f, 100);
	char *r = nsp_xasprintf("; the one change that buys most: a path "
	                        "that avoids %s (without its failures: "
	                        "%s%%; Birnbaum importance %.3g, "
	                        "Fussell-Vesely %s%%)",
	                        l, to, av->best.birnbaum, fv);
	free(l);
	free(to);
	free(fv);
	return r;
}

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
				char *l = group_label(a, d, av.top[i].elem[k]);
				nsp_buf_printf(&top, "%s%s", k ? " and " : "",
				               l);
				free(l);
			}
			char *u = nsp_percent_text(100.0 * av.top[i].unavail);
			nsp_buf_printf(&top, "%s at %s%%",
			               av.top[i].n > 1 ? " together" : "", u);
			free(u);
		}
		char *groups = nsp_count(av.groups, "element group",
		                         "element groups");
		char *err = nsp_percent_text(av.error);
		char *how = av.exact
		                ? nsp_xasprintf("exact over %s", groups)
		                : nsp_xasprintf("Monte Carlo, %llu samples, "
		                                "+/- %s%%",
		                                (unsigned long long)av.samples,
		                                err);
		free(groups);
		free(err);
		char *best = best_change(a, &av);
		char *est = nsp_percent_below(av.availability,
		                              m->intent.availability);
		char *target = nsp_percent_given(m->intent.availability);
		char *dem = nsp_demand_label(m, &m->demands[d]);
		char *ptr = nsp_demand_pointer(m, &m->demands[d]);
		struct nsp_finding *f = nsp_report(
		    ctx, NSP_ERROR, ptr, NULL,
		    "%s: estimated availability %s%% (%s, from the "
		    "assumptions) is below the %s%% target; %s%s%s%s",
		    dem, est, how, target,
		    av.ntop ? "the unavailability is dominated by "
		            : "add diverse paths",
		    top.s ? top.s : "",
		    av.ntop ? ": add a path that avoids them" : "", best);
		nsp_finding_element(f, nsp_endpoint_id(m, m->demands[d].from));
		nsp_finding_element(f, nsp_endpoint_id(m, m->demands[d].to));
		nsp_finding_related(f, m, "/intent", "/intent/availability",
		                    "the availability target");
		free(how);
		free(best);
		free(est);
		free(target);
		free(dem);
		free(ptr);
		nsp_buf_free(&top);
	}
}

static const char *const refs[] = {
    NSP_SRC_OVH " (SLA "
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
                 "that take down the same circuits are merged into one group "
                 "that fails when any of them does, and the message names the "
                 "whole group (a PoP with its facility and metro when the "
                 "demand uses no other PoP there). The figure is exact: a "
                 "binary decision diagram (BuDDy) of the demand's "
                 "connectivity over one variable per group, whatever the "
                 "size of the design (only if its node table of 4 million "
                 "nodes runs out does nospof enumerate every state, up to 24 "
                 "groups, or else run a Monte Carlo estimate with a fixed "
                 "seed and say so with its 95% error bound). The same "
                 "diagram gives each element's Birnbaum importance (how "
                 "much availability a unit of its unavailability costs) and "
                 "Fussell-Vesely importance (the share of the "
                 "unavailability that goes away if it never fails); the "
                 "message names the element whose failures cost the most "
                 "availability, and the figure without them. Figures are printed with as many decimals "
                 "as it takes never to round up to 100% or to the target. "
                 "This estimate is the design's own; the "
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
