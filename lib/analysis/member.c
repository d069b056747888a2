/*
 * Member failures of LAG circuits (member.h): the outcome for each demand
 * when one member of a bundle fails, from the analysis already built.
 */
#include "member.h"

#include <stdlib.h>

/* The outcome of demand d when LAG circuit c loses one member. */
static void member_outcome(const struct nsp_analysis *a, size_t c, size_t d,
                           struct nsp_member_failure *mf)
{
	const struct nsp_model *m = a->m;
	const struct nsp_lag *l = &m->circuits[c].lag;
	mf->circuit = c;
	mf->demand = d;
	mf->down = l->members - 1 < l->min_links;
	mf->o = *nsp_demand_base(a, d);
	mf->usable = 0;
	if (mf->down) {
		/* the bundle goes down: the failure of its circuit element */
		size_t ne;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		for (size_t k = 0; k < ne; k++) {
			const struct nsp_felem *e = &a->elems[el[k]];
			if (e->cls == NSP_CLASS_CIRCUIT && e->ncircuits == 1 &&
			    e->circuits[0] == c) {
				mf->o = *nsp_demand_single(a, d, k);
				break;
			}
		}
		return;
	}
	mf->usable = (double)(l->members - 1) * (double)l->member_mbps *
	             m->intent.max_utilization / 100.0;
	double load = a->base_load[0][c] > a->base_load[1][c]
	                  ? a->base_load[0][c]
	                  : a->base_load[1][c];
	if (!mf->o.connected || load < 1e-9 || mf->usable <= 0)
		return;
	double share = load / mf->usable;
	if (mf->o.worst_circuit == NSP_NONE || share > mf->o.worst_share) {
		mf->o.worst_circuit = c;
		mf->o.worst_share = share;
		mf->o.worst_load = load;
	}
}

size_t nsp_member_failures(const struct nsp_analysis *a,
                           struct nsp_member_failure **out)
{
	const struct nsp_model *m = a->m;
	size_t n = 0, cap = 0;
	*out = NULL;
	for (size_t c = 0; c < m->ncircuits; c++) {
		const struct nsp_lag *l = &m->circuits[c].lag;
		if (!l->present || l->members < 1)
			continue;
		size_t nd;
		const size_t *ds = nsp_circuit_demands(a, c, &nd);
		for (size_t i = 0; i < nd; i++) {
			NSP_GROW(*out, cap, n + 1);
			member_outcome(a, c, ds[i], &(*out)[n++]);
		}
	}
	return n;
}
