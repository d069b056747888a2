/*
 * Private to lib/analysis: what the pieces of the failure analysis share.
 * Only the files that implement failure.h include it (failure.c,
 * elements.c, flow.c, singles.c, pairs.c, paths.c); avail.c, failover.c
 * and everything outside lib/analysis use failure.h alone. It holds the
 * per-demand layout behind struct nsp_dan, the reusable work space, the
 * small helpers of the hot loops as static inline (so they stay inlined
 * wherever they are used), and the functions one piece calls in another,
 * all prefixed nsp_fa_.
 */
#ifndef NSP_FAILURE_INT_H
#define NSP_FAILURE_INT_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "failure.h"

/* What a demand's local router is: one of its ends, or an exchange. */
enum { K_FROM = 1, K_TO = 2, K_EXCH = 4 };

/*
 * The analysis of one demand: the layout failure.h keeps private. The
 * arrays only this directory reads hold 32-bit offsets and local indices,
 * which count the demand's circuits and their elements: far below 2^32.
 */
struct nsp_dan {
	size_t nc;               /* the demand's circuits: d->circuits */
	size_t nr;               /* its routers */
	uint8_t *kind;           /* K_* per local router */
	size_t *ca, *cz;         /* local routers at the ends of each circuit */
	uint32_t *adj_off, *adj; /* local circuits on each local router */
	size_t *elems;           /* elements it uses, sorted */
	size_t ne;
	uint32_t *ec_off; /* where each of its elements' circuits start */
	size_t *ec;       /* local circuits of each of its elements */
	size_t *ecg;      /* the same, as global circuit indices */
	bool shared;      /* another demand uses one of its circuits */
	bool base_conn;   /* it gets through with nothing failed */
	double *base;     /* steady-state share per local circuit, signed */
	struct nsp_outcome base_out;
	struct nsp_outcome *single; /* per element */
};

/* Reusable work space, sized for the largest demand. */
struct scratch {
	bool *dead, *dead2;
	int *dist_p, *dist_a;
	double *inflow, *frac, *frac2;
	size_t *queue, *order;
	unsigned *stamp; /* per circuit: one of the current demand's */
	unsigned now;
	/*
	 * Per circuit, the load a->z at 2c and z->a at 2c+1: the steady
	 * state, with the changes of the demands a failure reroutes added
	 * while one failure is evaluated, then reset.
	 */
	double *load;
	/*
	 * per element, the demands using it and its position in theirs: 32
	 * bits, as 2^32 demands or elements would not fit in memory (each
	 * takes tens of bytes in the model and the analysis)
	 */
	size_t *ed_off;
	uint32_t *ed_dem, *ed_pos;
	/* per circuit, the demands using it; per demand, the sum of those */
	size_t *cd_off, *cd, *nbcost;
	unsigned *dstamp; /* per demand */
	unsigned dnow;
	size_t *touched; /* demands a failure reroutes */
};

/* ---- small helpers, inlined where they are used ---- */

/* qsort order of size_t values, ascending. */
static inline int nsp_fa_cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return a < b ? -1 : a > b;
}

/* Position of x in the sorted array v of n, or NSP_NONE. */
static inline size_t nsp_fa_bsearch(const size_t *v, size_t n, size_t x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == x ? lo : NSP_NONE;
}

/* The demand's size for loads: 0 when unknown. */
static inline double nsp_fa_demand_mbps(const struct nsp_model *m, size_t di)
{
	return m->demands[di].has_mbps ? (double)m->demands[di].mbps : 0;
}

/* The busier direction of a circuit, over its usable bandwidth. */
static inline bool nsp_fa_circuit_share(const struct nsp_analysis *a,
                                        size_t g, double l0, double l1,
                                        double *share, double *load)
{
	double l = l0 > l1 ? l0 : l1;
	if (l < 1e-9)
		return false;
	*load = l;
	*share = l / a->usable[g];
	return true;
}

/* Flag the circuits of demand di that the given elements take down. */
static inline bool nsp_fa_mark_dead(const struct nsp_analysis *a, size_t di,
                                    const size_t *fail, size_t nfail,
                                    bool *dead)
{
	const struct nsp_dan *dn = &a->dan[di];
	bool any = false;
	for (size_t i = 0; i < dn->nc; i++)
		dead[i] = false;
	for (size_t f = 0; f < nfail; f++) {
		size_t k = nsp_fa_bsearch(dn->elems, dn->ne, fail[f]);
		if (k == NSP_NONE)
			continue;
		for (size_t j = dn->ec_off[k]; j < dn->ec_off[k + 1]; j++)
			dead[dn->ec[j]] = any = true;
	}
	return any;
}

/* Move demand o's traffic in the per-circuit loads from shares to to. */
static inline void nsp_fa_move_loads(const struct nsp_analysis *a,
                                     double *load, size_t o,
                                     const double *from, const double *to)
{
	double mb = nsp_fa_demand_mbps(a->m, o);
	if (!mb)
		return;
	const struct nsp_demand *dem = &a->m->demands[o];
	for (size_t i = 0; i < dem->ncircuits; i++) {
		size_t g = dem->circuits[i];
		if (from[i])
			load[2 * g + (from[i] < 0)] += fabs(from[i]) * -mb;
		if (to[i])
			load[2 * g + (to[i] < 0)] += fabs(to[i]) * mb;
	}
}

/*
 * Move demand o's traffic from its steady-state shares to frac. Every path
 * that computes a load adds the same terms in the same order (steady
 * state, then each rerouted demand by index, its old share before its new
 * one), so equal loads are equal to the bit.
 */
static inline void nsp_fa_shift_loads(const struct nsp_analysis *a,
                                      double *load, size_t o,
                                      const double *frac)
{
	nsp_fa_move_loads(a, load, o, a->dan[o].base, frac);
}

/* Put the steady state back on demand o's circuits. */
static inline void nsp_fa_reset_loads(const struct nsp_analysis *a,
                                      double *load, size_t o)
{
	const struct nsp_demand *dem = &a->m->demands[o];
	for (size_t i = 0; i < dem->ncircuits; i++) {
		size_t g = dem->circuits[i];
		load[2 * g] = a->base_load[0][g];
		load[2 * g + 1] = a->base_load[1][g];
	}
}

/* ---- defined in one file, used in another ---- */

/* elements.c: every failure element of the design, class by class. */
void nsp_fa_build_elements(struct nsp_analysis *a);

/*
 * flow.c: demand di's traffic hop by hop with the flagged circuits dead,
 * its signed share of each circuit into frac; whether it gets through.
 */
bool nsp_fa_flow(const struct nsp_analysis *a, size_t di, const bool *dead,
                 double *frac, struct scratch *s);
/* flow.c: demand d's outcome from the loads and its dead circuits. */
void nsp_fa_judge(struct nsp_outcome *out, const struct nsp_analysis *a,
                  size_t d, const bool *dead, const double *load,
                  bool connected);
/* flow.c: demand d under a failure, the demands in touched rerouted. */
void nsp_fa_eval_touched(struct nsp_outcome *out,
                         const struct nsp_analysis *a, size_t d,
                         const size_t *fail, size_t nfail,
                         const size_t *touched, size_t nt);

/* singles.c: whether demand d's single failures can take the fast way. */
bool nsp_fa_fast_fits(const struct nsp_analysis *a, size_t d);
/* singles.c: the single failures of demand d, a demand of its own. */
void nsp_fa_singles_alone(struct nsp_analysis *a, size_t d);
/* singles.c: the single failures of the demands not flagged alone. */
void nsp_fa_singles_shared(struct nsp_analysis *a, const bool *alone);

#endif
