/* CAP002: with nothing failed, a circuit is over its usable bandwidth. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"
#include "providers/sources.h"

/*
 * The circuits router r sends, in the direction circuit c carries them
 * (dir 0: a to z), the demands c carries that way: c first. Sets *use and
 * *load to their usable bandwidth and load in that direction, summed.
 */
static size_t router_split(const struct nsp_model *m,
                           const struct nsp_analysis *a, size_t c, int dir,
                           size_t r, double *use, double *load)
{
	bool *in = nsp_xcalloc(m->ncircuits + 1, sizeof(*in));
	size_t n = 1;
	in[c] = true;
	*use = a->usable[c];
	*load = a->base_load[dir][c];
	for (size_t d = 0; d < m->ndemands; d++) {
		double sh = nsp_demand_base_share(a, d, c);
		if (!(dir ? sh < 0 : sh > 0))
			continue;
		const struct nsp_demand *dm = &m->demands[d];
		for (size_t i = 0; i < dm->ncircuits; i++) {
			size_t o = dm->circuits[i];
			const struct nsp_circuit *oc = &m->circuits[o];
			double so = nsp_demand_base_share(a, d, o);
			int od = oc->a.router == r && so > 0   ? 0
			         : oc->z.router == r && so < 0 ? 1
			                                       : -1;
			if (in[o] || od < 0)
				continue;
			in[o] = true;
			n++;
			*use += a->usable[o];
			*load += a->base_load[od][o];
		}
	}
	free(in);
	return n;
}

/* The advice for circuit c carrying load l in direction dir. */
static char *advice(const struct nsp_model *m, const struct nsp_analysis *a,
                    size_t c, double l, int dir)
{
	const struct nsp_circuit *cc = &m->circuits[c];
	size_t r = dir ? cc->z.router : cc->a.router;
	const char *rid = m->routers[r].id;
	double use, load;
	size_t n = router_split(m, a, c, dir, r, &use, &load);
	if (n > 1 && load <= use * (1 + 1e-9))
		return nsp_xasprintf("raise its bandwidth, or set ECMP weights "
		                     "on '%s' in proportion to bandwidth",
		                     rid);
	/* the bandwidth that makes l fit at intent.max_utilization */
	char *need = nsp_mbps(
	    ceil((double)cc->bandwidth_mbps * l / a->usable[c] - 1e-9));
	char *t;
	if (n > 1) {
		char *lt = nsp_mbps(load), *ut = nsp_mbps(use);
		t = nsp_xasprintf("the %zu circuits '%s' sends this traffic on "
		                  "carry %s Mbit/s together against %s usable, "
		                  "so ECMP weights cannot fit it: raise the "
		                  "bandwidth (this circuit to at least %s "
		                  "Mbit/s), or add a circuit from '%s'",
		                  n, rid, lt, ut, need, rid);
		free(lt);
		free(ut);
	} else {
		t = nsp_xasprintf("'%s' sends this traffic on no other "
		                  "circuit, so ECMP weights cannot move it: "
		                  "raise the bandwidth to at least %s Mbit/s, "
		                  "or add a circuit from '%s' on another path",
		                  rid, need, rid);
	}
	free(need);
	return t;
}

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
		int dir = a->base_load[1][c] > a->base_load[0][c];
		char *fix = advice(m, a, c, l, dir);
		struct nsp_finding *f = nsp_report_at(
		    ctx, NSP_ERROR, "circuits", c, "bandwidth_mbps",
		    "with nothing failed, circuit '%s' carries %s Mbit/s "
		    "(%s) but its usable bandwidth is %s Mbit/s (%.0f%%); %s",
		    m->circuits[c].id, load, dems.s ? dems.s : "", use,
		    100.0 * l / a->usable[c], fix);
		free(fix);
		nsp_finding_element(f, m->circuits[c].id);
		free(load);
		free(use);
		nsp_buf_free(&dems);
	}
}

static const char *const refs[] = {
    NSP_SRC_LINUX_ECMP " (weights 1:2 for 100 and 200 "
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
        "only if the headroom is really there, or, where the router "
        "that sends on the circuit splits the traffic over several "
        "circuits, set ECMP weights in proportion to bandwidth (CAP003 "
        "suggests them). Weights cannot help a circuit that is the only "
        "one its router sends the traffic on (the site splits a demand "
        "equally over its routers): the message then asks for "
        "bandwidth or another circuit from that router.",
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
