/* CAP001: after one failure of a required class, a circuit is overloaded. */
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"

/* Whether circuit c is already over its usable bandwidth with nothing
 * failed (CAP002 reports that). */
static bool over_at_rest(const struct nsp_analysis *a, size_t c)
{
	double l = a->base_load[0][c] > a->base_load[1][c] ? a->base_load[0][c]
	                                                   : a->base_load[1][c];
	return l > a->usable[c] * (1 + 1e-9);
}

/* The worst failure for one overloaded circuit of a demand. */
struct over {
	size_t circuit, k, count;
	double load;
};

/* Report one overloaded circuit, under the failure that loads it most. */
static void report(struct nsp_ctx *ctx, size_t d, const struct over *ov)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	size_t ne;
	const size_t *el = nsp_demand_elems(a, d, &ne);
	const struct nsp_felem *e = &a->elems[el[ov->k]];
	const struct nsp_outcome *o = nsp_demand_single(a, d, ov->k);
	const struct nsp_circuit *c = &m->circuits[ov->circuit];
	char *label = nsp_elem_label(e);
	char *dem = nsp_demand_label(m, &m->demands[d]);
	char *load = nsp_mbps(o->worst_load);
	char *use = nsp_mbps(a->usable[ov->circuit]);
	char more[64] = "";
	if (ov->count > 1)
		snprintf(more, sizeof(more), " (and %zu other failure%s)",
		         ov->count - 1, ov->count > 2 ? "s" : "");
	struct nsp_finding *f = nsp_report_at(
	    ctx, NSP_ERROR, "circuits", ov->circuit, "bandwidth_mbps",
	    "after the failure of %s%s, circuit '%s' must carry %s Mbit/s "
	    "(%s and any demand sharing it) but its usable bandwidth is "
	    "%s Mbit/s (%.0f%%): each surviving path must carry the whole "
	    "load alone; raise its bandwidth or add a path",
	    label, more, c->id, load, dem, use, 100.0 * o->worst_share);
	nsp_finding_element(f, c->id);
	nsp_finding_related(f, m, e->pointer, e->field, "the failed %s", label);
	free(label);
	free(dem);
	free(load);
	free(use);
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	for (size_t d = 0; d < m->ndemands; d++) {
		if (!m->demands[d].has_mbps)
			continue;
		size_t ne, nov = 0;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		struct over *ov = nsp_xcalloc(ne + 1, sizeof(*ov));
		for (size_t k = 0; k < ne; k++) {
			const struct nsp_felem *e = &a->elems[el[k]];
			const struct nsp_outcome *o =
			    nsp_demand_single(a, d, k);
			if (!nsp_class_required(m, e->cls) || !o->connected ||
			    o->worst_circuit == NSP_NONE ||
			    o->worst_share <= 1 + 1e-9 ||
			    over_at_rest(a, o->worst_circuit))
				continue;
			size_t i = 0;
			while (i < nov && ov[i].circuit != o->worst_circuit)
				i++;
			if (i == nov)
				ov[nov++] = (struct over){o->worst_circuit, k,
				                          0, o->worst_load};
			ov[i].count++;
			if (o->worst_load > ov[i].load + 1e-9) {
				ov[i].k = k;
				ov[i].load = o->worst_load;
			}
		}
		for (size_t i = 0; i < nov; i++)
			report(ctx, d, &ov[i]);
		free(ov);
	}
}

static const char *const refs[] = {
    "seed 002: OVHcloud Connect, resilient architecture (\"each link "
    "must be able to handle the full traffic load alone during a "
    "failure\")",
    "seed 004: Linux multi-uplink ECMP (bandwidth is limited to the "
    "surviving path)",
    "https://aws.amazon.com/directconnect/resiliency-recommendation/ "
    "(provision sufficient capacity so that one failure does not "
    "overwhelm the redundant connections)",
    NULL,
};

const struct nsp_rule nsp_rule_cap001 = {
    .id = "CAP001",
    .name = "capacity-after-failure",
    .severity = NSP_ERROR,
    .title = "after one failure a surviving circuit is overloaded",
    .rationale = "Redundancy that cannot carry the load is an outage with "
                 "extra steps: when one circuit, port, router or PoP fails, "
                 "its traffic moves to the survivors, and if they are too "
                 "small the demand degrades exactly when it is needed. nospof "
                 "fails every element of a required class (intent.survive) in "
                 "turn, routes each demand hop by hop over the surviving "
                 "paths (preferred before backup, fewest circuits, weights at "
                 "each router) and compares each circuit's load, all demands "
                 "in one direction together, with bandwidth_mbps * "
                 "max_utilization / 100. A circuit already over it with "
                 "nothing failed is CAP002's, not reported again here.",
    .remediation =
        "Give every surviving path the bandwidth to carry the whole "
        "demand alone (two 1 Gbit/s circuits for 800 Mbit/s, not two "
        "500 Mbit/s ones), or add a further diverse path; `nospof "
        "scenarios FILE` shows the load of every circuit under every "
        "failure.",
    .references = refs,
    .fails = "circuits:\n"
             "  - {id: c1, a: {router: cpe1}, z: {router: e1}, "
             "bandwidth_mbps: 500}\n"
             "  - {id: c2, a: {router: cpe2}, z: {router: e2}, "
             "bandwidth_mbps: 500}\n"
             "demands:\n"
             "  - {from: dc, to: vpc, mbps: 800}\n",
    .passes = "circuits:\n"
              "  - {id: c1, a: {router: cpe1}, z: {router: e1}, "
              "bandwidth_mbps: 1000}\n"
              "  - {id: c2, a: {router: cpe2}, z: {router: e2}, "
              "bandwidth_mbps: 1000}\n"
              "demands:\n"
              "  - {from: dc, to: vpc, mbps: 800}\n",
    .check = check,
    .analysis = true,
};
