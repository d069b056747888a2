/* CAP002: with nothing failed, a circuit is over its usable bandwidth. */
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	for (size_t c = 0; c < m->ncircuits; c++) {
		double l = a->base_load[0][c] > a->base_load[1][c]
		               ? a->base_load[0][c]
		               : a->base_load[1][c];
		if (l <= a->usable[c] * (1 + 1e-9))
			continue;
		/* the demands on it */
		struct nsp_buf dems = {0};
		size_t n = 0;
		for (size_t d = 0; d < m->ndemands; d++) {
			if (!m->demands[d].has_mbps ||
			    !nsp_demand_base_share(a, d, c))
				continue;
			if (n++ < 2) {
				char *lab = nsp_demand_label(m, &m->demands[d]);
				nsp_buf_printf(&dems, "%s%s", n > 1 ? ", " : "",
				               lab);
				free(lab);
			}
		}
		if (n > 2)
			nsp_buf_printf(&dems, " and %zu more", n - 2);
		char *load = nsp_mbps(l), *use = nsp_mbps(a->usable[c]);
		struct nsp_finding *f = nsp_report_at(
		    ctx, NSP_ERROR, "circuits", c, "bandwidth_mbps",
		    "with nothing failed, circuit '%s' carries %s Mbit/s "
		    "(%s) but its usable bandwidth is %s Mbit/s (%.0f%%); "
		    "raise its bandwidth, or set ECMP weights in proportion "
		    "to bandwidth",
		    m->circuits[c].id, load, dems.s ? dems.s : "", use,
		    100.0 * l / a->usable[c]);
		nsp_finding_element(f, m->circuits[c].id);
		free(load);
		free(use);
		nsp_buf_free(&dems);
	}
}

static const char *const refs[] = {
    "seed 004: Linux multi-uplink ECMP (weights 1:2 for 100 and 200 "
    "Mbit/s uplinks)",
    NULL,
};

const struct nsp_rule nsp_rule_cap002 = {
    .id = "CAP002",
    .name = "capacity-steady-state",
    .severity = NSP_ERROR,
    .title = "with nothing failed a circuit is over its usable bandwidth",
    .rationale = "Before anything fails, the demands must fit. A common cause "
                 "is equal-split ECMP over circuits of unequal size: with "
                 "weights 1:1, a 100 Mbit/s and a 200 Mbit/s uplink each get "
                 "half of the traffic, so the small one saturates while the "
                 "large one idles. nospof routes every demand hop by hop "
                 "(FORMAT.md, routing model) and adds the demands on each "
                 "circuit, per direction.",
    .remediation =
        "Raise the circuit's bandwidth, lower intent.max_utilization "
        "only if the headroom is really there, or set ECMP weights in "
        "proportion to bandwidth (CAP003 suggests them).",
    .references = refs,
    .fails = "circuits:\n"
             "  - {id: c1, ..., bandwidth_mbps: 100}\n"
             "  - {id: c2, ..., bandwidth_mbps: 200}\n"
             "demands: [{from: dc, to: vpc, mbps: 250}]\n",
    .passes = "circuits:\n"
              "  - {id: c1, ..., bandwidth_mbps: 100, weight: 1}\n"
              "  - {id: c2, ..., bandwidth_mbps: 200, weight: 2}\n"
              "demands: [{from: dc, to: vpc, mbps: 250}]\n",
    .check = check,
    .analysis = true,
};
