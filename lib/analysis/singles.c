/*
 * The single failures of every demand, computed once when the analysis is
 * built: those of the demands that share circuits element by element
 * (nsp_fa_singles_shared), those of a demand of its own by the fast way
 * (nsp_fa_singles_alone), falling back to rerouting when it cannot.
 */
#include "failure_int.h"

#include <stdlib.h>
#include <string.h>

/*
 * A demand that shares no circuit and passes no exchange router goes
 * straight from its starting routers to its destination routers: each
 * starting router gets an equal part of the traffic and splits it by
 * weight over its circuits. A single failure that leaves some starting
 * router up only takes routers out of the start (every other one's part
 * grows alike) and circuits out of their router's split. The outcome is
 * then found from circuits ordered once by share for each such state,
 * in time proportional to what failed, instead of rerouting the whole
 * demand: a demand over thousands of parallel circuits stays linear.
 * Every share is computed by the same expression as in nsp_fa_flow()
 * and nsp_fa_shift_loads(), so the outcome is the same to the bit; the
 * unit tests compare the two on every design they have.
 */

/* Circuits by share, highest first, then by position in the demand. */
struct order {
	uint64_t key[3];
	size_t n;
	size_t *idx; /* local circuit */
	size_t *grp; /* its group (the order of groups only) */
	double *share, *load;
};

/* Demand d's starting routers (groups) and what the fast way keeps. */
struct fast {
	size_t ngrp;     /* starting routers with nothing failed */
	size_t *grp;     /* per local circuit: its group, or NSP_NONE */
	size_t *g_off;   /* circuits of each group, ascending */
	size_t *g_c;
	size_t *g_r;     /* local router of each group */
	double *wsum;    /* weight of each group's circuits */
	size_t *gstamp;  /* per group: touched by the current failure */
	unsigned gnow;
	double *gdeadw;  /* weight of its failed circuits */
	size_t *gdeadn;  /* how many failed */
	size_t *gtouched;
	struct order statics; /* the circuits in no group: load unchanged */
	struct nsp_map cache; /* key -> struct order */
	struct order **orders;
	size_t norders, ocap;
	size_t budget; /* entries the orders may still hold */
};

/* A group's circuits at most this many are scanned, more are ordered. */
enum { FAST_SCAN = 32 };

/*
 * Circuit i's share and load, its busier direction, when each starting
 * router gets part f and the live circuits of its group weigh wsum; false
 * when it carries nothing.
 */
static bool fast_circuit(const struct nsp_analysis *a, size_t d,
                         const struct fast *fs, size_t i, double f,
                         double wsum, double *share, double *load)
{
	const struct nsp_dan *dn = &a->dan[d];
	size_t g = a->m->demands[d].circuits[i];
	double l[2] = {a->base_load[0][g], a->base_load[1][g]};
	double mb = nsp_fa_demand_mbps(a->m, d);
	if (mb && fs->grp[i] != NSP_NONE) {
		double sh = f * a->m->circuits[g].weight / wsum;
		double fr = dn->ca[i] == fs->g_r[fs->grp[i]] ? sh : -sh;
		double b = dn->base[i];
		if (b)
			l[b < 0] += fabs(b) * -mb;
		l[fr < 0] += fabs(fr) * mb;
	}
	return nsp_fa_circuit_share(a, g, l[0], l[1], share, load);
}

/* Whether (share, i) ranks before the best so far. */
static bool better(double share, size_t i, double best, size_t bi)
{
	return bi == NSP_NONE || share > best || (share == best && i < bi);
}

static int cmp_rank(const void *x, const void *y, void *arg)
{
	const struct order *o = arg;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	if (o->share[i] != o->share[j])
		return o->share[i] > o->share[j] ? -1 : 1;
	return o->idx[i] < o->idx[j] ? -1 : o->idx[i] > o->idx[j];
}

/* Sort the n entries of o by rank. */
static void order_sort(struct order *o)
{
	size_t *p = nsp_xmalloc((o->n + 1) * sizeof(size_t));
	for (size_t i = 0; i < o->n; i++)
		p[i] = i;
	qsort_r(p, o->n, sizeof(size_t), cmp_rank, o);
	size_t *idx = nsp_xmalloc((o->n + 1) * sizeof(size_t));
	size_t *grp = nsp_xmalloc((o->n + 1) * sizeof(size_t));
	double *sh = nsp_xmalloc((o->n + 1) * sizeof(double));
	double *ld = nsp_xmalloc((o->n + 1) * sizeof(double));
	for (size_t i = 0; i < o->n; i++) {
		idx[i] = o->idx[p[i]];
		grp[i] = o->grp[p[i]];
		sh[i] = o->share[p[i]];
		ld[i] = o->load[p[i]];
	}
	free(o->idx);
	free(o->grp);
	free(o->share);
	free(o->load);
	free(p);
	o->idx = idx;
	o->grp = grp;
	o->share = sh;
	o->load = ld;
}

static void order_init(struct order *o, size_t cap)
{
	o->n = 0;
	o->idx = nsp_xmalloc((cap + 1) * sizeof(size_t));
	o->grp = nsp_xmalloc((cap + 1) * sizeof(size_t));
	o->share = nsp_xmalloc((cap + 1) * sizeof(double));
	o->load = nsp_xmalloc((cap + 1) * sizeof(double));
}

static void order_add(struct order *o, size_t i, size_t grp, double share,
                      double load)
{
	o->idx[o->n] = i;
	o->grp[o->n] = grp;
	o->share[o->n] = share;
	o->load[o->n] = load;
	o->n++;
}

static void order_free(struct order *o)
{
	free(o->idx);
	free(o->grp);
	free(o->share);
	free(o->load);
}

/*
 * The cached order for key; a new one (*fresh) of up to n entries is to be
 * filled. NULL when the orders would outgrow their budget: a pathological
 * design with a new state at every failure (every circuit of a router a
 * different weight) is then scanned circuit by circuit, as nsp_fa_flow()
 * would.
 */
static struct order *cached(struct fast *fs, uint64_t k0, uint64_t k1,
                            uint64_t k2, size_t n, bool *fresh)
{
	uint64_t key[3] = {k0, k1, k2};
	struct order *o = nsp_map_get(&fs->cache, (const char *)key,
	                              sizeof(key));
	*fresh = !o;
	if (o)
		return o;
	if (n > fs->budget)
		return NULL;
	fs->budget -= n;
	o = nsp_xcalloc(1, sizeof(*o));
	memcpy(o->key, key, sizeof(key));
	nsp_map_put(&fs->cache, (const char *)o->key, sizeof(o->key), o);
	NSP_GROW(fs->orders, fs->ocap, fs->norders + 1);
	fs->orders[fs->norders++] = o;
	order_init(o, n);
	return o;
}

/* Group u's best circuit, not dead (if given), at part f and weight wsum. */
static void scan_group(const struct nsp_analysis *a, size_t d,
                       const struct fast *fs, size_t u, double f,
                       double wsum, const bool *dead, double *best,
                       double *bl, size_t *bi)
{
	for (size_t j = fs->g_off[u]; j < fs->g_off[u + 1]; j++) {
		double sh, l;
		size_t i = fs->g_c[j];
		if (!(dead && dead[i]) &&
		    fast_circuit(a, d, fs, i, f, wsum, &sh, &l) &&
		    better(sh, i, *best, *bi)) {
			*best = sh;
			*bl = l;
			*bi = i;
		}
	}
}

/* The groups by their best circuit when nst routers start, or NULL. */
static const struct order *group_order(const struct nsp_analysis *a, size_t d,
                                       struct fast *fs, size_t nst)
{
	bool fresh;
	struct order *o = cached(fs, UINT64_MAX, nst, 0, fs->ngrp, &fresh);
	if (!o || !fresh)
		return o;
	double f = 1.0 / (double)nst;
	for (size_t u = 0; u < fs->ngrp; u++) {
		size_t bi = NSP_NONE;
		double best = 0, bl = 0;
		scan_group(a, d, fs, u, f, fs->wsum[u], NULL, &best, &bl, &bi);
		if (bi != NSP_NONE)
			order_add(o, bi, u, best, bl);
	}
	order_sort(o);
	return o;
}

/* Group u's circuits by share at nst starting and weight wsum, or NULL. */
static const struct order *member_order(const struct nsp_analysis *a,
                                        size_t d, struct fast *fs, size_t u,
                                        size_t nst, double wsum)
{
	bool fresh;
	struct order *o = cached(fs, u, nst, (uint64_t)wsum,
	                         fs->g_off[u + 1] - fs->g_off[u], &fresh);
	if (!o || !fresh)
		return o;
	double f = 1.0 / (double)nst;
	for (size_t j = fs->g_off[u]; j < fs->g_off[u + 1]; j++) {
		double sh, l;
		size_t i = fs->g_c[j];
		if (fast_circuit(a, d, fs, i, f, wsum, &sh, &l))
			order_add(o, i, u, sh, l);
	}
	order_sort(o);
	return o;
}

/* Demand d's groups and the circuits that belong to none. */
static void fast_init(const struct nsp_analysis *a, size_t d, struct fast *fs)
{
	const struct nsp_model *m = a->m;
	const struct nsp_dan *dn = &a->dan[d];
	const size_t *gc = m->demands[d].circuits;
	memset(fs, 0, sizeof(*fs));
	/* whether a preferred circuit reaches the destination */
	bool pref = false;
	for (size_t i = 0; i < dn->nc; i++) {
		uint8_t ka = dn->kind[dn->ca[i]], kz = dn->kind[dn->cz[i]];
		if ((ka | kz) == (K_FROM | K_TO) &&
		    m->circuits[gc[i]].role != NSP_CROLE_BACKUP)
			pref = true;
	}
	size_t *rgrp = nsp_xmalloc((dn->nr + 1) * sizeof(size_t));
	for (size_t r = 0; r < dn->nr; r++)
		rgrp[r] = NSP_NONE;
	fs->grp = nsp_xmalloc((dn->nc + 1) * sizeof(size_t));
	fs->g_r = nsp_xmalloc((dn->nr + 1) * sizeof(size_t));
	for (size_t i = 0; i < dn->nc; i++) {
		uint8_t ka = dn->kind[dn->ca[i]], kz = dn->kind[dn->cz[i]];
		fs->grp[i] = NSP_NONE;
		if ((ka | kz) != (K_FROM | K_TO) ||
		    (pref && m->circuits[gc[i]].role == NSP_CROLE_BACKUP))
			continue;
		size_t r = ka == K_FROM ? dn->ca[i] : dn->cz[i];
		if (rgrp[r] == NSP_NONE) {
			rgrp[r] = fs->ngrp;
			fs->g_r[fs->ngrp++] = r;
		}
		fs->grp[i] = rgrp[r];
	}
	free(rgrp);
	fs->g_off = nsp_xcalloc(fs->ngrp + 2, sizeof(size_t));
	fs->g_c = nsp_xmalloc((dn->nc + 1) * sizeof(size_t));
	fs->wsum = nsp_xcalloc(fs->ngrp + 1, sizeof(double));
	for (size_t i = 0; i < dn->nc; i++)
		if (fs->grp[i] != NSP_NONE)
			fs->g_off[fs->grp[i] + 2]++;
	for (size_t u = 0; u < fs->ngrp; u++)
		fs->g_off[u + 2] += fs->g_off[u + 1];
	for (size_t i = 0; i < dn->nc; i++) {
		size_t u = fs->grp[i];
		if (u == NSP_NONE)
			continue;
		fs->g_c[fs->g_off[u + 1]++] = i;
		fs->wsum[u] += m->circuits[gc[i]].weight;
	}
	fs->gstamp = nsp_xcalloc(fs->ngrp + 1, sizeof(size_t));
	fs->gdeadw = nsp_xcalloc(fs->ngrp + 1, sizeof(double));
	fs->gdeadn = nsp_xcalloc(fs->ngrp + 1, sizeof(size_t));
	fs->gtouched = nsp_xmalloc((fs->ngrp + 1) * sizeof(size_t));
	order_init(&fs->statics, dn->nc);
	for (size_t i = 0; i < dn->nc; i++) {
		double sh, l;
		if (fs->grp[i] == NSP_NONE &&
		    fast_circuit(a, d, fs, i, 1, 1, &sh, &l))
			order_add(&fs->statics, i, NSP_NONE, sh, l);
	}
	order_sort(&fs->statics);
	fs->budget = 8 * dn->nc + 256;
}

static void fast_free(struct fast *fs)
{
	for (size_t k = 0; k < fs->norders; k++) {
		order_free(fs->orders[k]);
		free(fs->orders[k]);
	}
	free(fs->orders);
	nsp_map_free(&fs->cache);
	order_free(&fs->statics);
	free(fs->grp);
	free(fs->g_off);
	free(fs->g_c);
	free(fs->g_r);
	free(fs->wsum);
	free(fs->gstamp);
	free(fs->gdeadw);
	free(fs->gdeadn);
	free(fs->gtouched);
}

/* The first entry of o whose circuit is alive, as a candidate. */
static void first_alive(const struct order *o, const bool *dead,
                        const size_t *gstamp, unsigned gnow, double *best,
                        double *bl, size_t *bi)
{
	for (size_t j = 0; j < o->n; j++) {
		if (dead[o->idx[j]] ||
		    (gstamp && o->grp[j] != NSP_NONE &&
		     gstamp[o->grp[j]] == gnow))
			continue;
		if (better(o->share[j], o->idx[j], *best, *bi)) {
			*best = o->share[j];
			*bl = o->load[j];
			*bi = o->idx[j];
		}
		return;
	}
}

/*
 * Demand d when its k-th element fails, by the orders; false when the
 * failure stops every starting router (the demand falls back to backup
 * circuits or is cut), which nsp_fa_flow() works out instead.
 */
static bool fast_single(struct nsp_outcome *out, const struct nsp_analysis *a,
                        size_t d, struct fast *fs, size_t k, bool *dead)
{
	const struct nsp_dan *dn = &a->dan[d];
	const struct nsp_demand *dem = &a->m->demands[d];
	const size_t *D = dn->ec + dn->ec_off[k];
	size_t nd = dn->ec_off[k + 1] - dn->ec_off[k], nt = 0, leaving = 0;
	fs->gnow++;
	for (size_t j = 0; j < nd; j++) {
		size_t u = fs->grp[D[j]];
		if (u == NSP_NONE)
			continue;
		if (fs->gstamp[u] != fs->gnow) {
			fs->gstamp[u] = fs->gnow;
			fs->gdeadw[u] = 0;
			fs->gdeadn[u] = 0;
			fs->gtouched[nt++] = u;
		}
		fs->gdeadw[u] += a->m->circuits[dem->circuits[D[j]]].weight;
		if (++fs->gdeadn[u] == fs->g_off[u + 1] - fs->g_off[u])
			leaving++;
	}
	if (fs->ngrp && leaving == fs->ngrp)
		return false;
	for (size_t j = 0; j < nd; j++)
		dead[D[j]] = true;
	size_t nst = fs->ngrp - leaving;
	double best = 0, bl = 0;
	size_t bi = NSP_NONE;
	first_alive(&fs->statics, dead, NULL, 0, &best, &bl, &bi);
	double f = nst ? 1.0 / (double)nst : 0;
	const struct order *go = nst ? group_order(a, d, fs, nst) : NULL;
	if (go)
		first_alive(go, dead, fs->gstamp, fs->gnow, &best, &bl, &bi);
	for (size_t u = 0; nst && !go && u < fs->ngrp; u++)
		if (fs->gstamp[u] != fs->gnow)
			scan_group(a, d, fs, u, f, fs->wsum[u], dead, &best,
			           &bl, &bi);
	for (size_t t = 0; t < nt; t++) {
		size_t u = fs->gtouched[t];
		size_t size = fs->g_off[u + 1] - fs->g_off[u];
		if (fs->gdeadn[u] == size)
			continue;
		double wsum = fs->wsum[u] - fs->gdeadw[u];
		const struct order *mo =
		    size > FAST_SCAN ? member_order(a, d, fs, u, nst, wsum)
		                     : NULL;
		if (mo)
			first_alive(mo, dead, NULL, 0, &best, &bl, &bi);
		else
			scan_group(a, d, fs, u, f, wsum, dead, &best, &bl,
			           &bi);
	}
	memset(out, 0, sizeof(*out));
	out->sized = dem->has_mbps;
	out->connected = nst > 0;
	out->worst_circuit = bi == NSP_NONE ? NSP_NONE : dem->circuits[bi];
	if (bi != NSP_NONE) {
		out->worst_share = best;
		out->worst_load = bl;
	}
	for (size_t j = 0; j < nd && out->connected; j++) {
		if (!dn->base[D[j]])
			continue;
		uint64_t t = a->failover_ms[dem->circuits[D[j]]];
		if (t == UINT64_MAX)
			out->failover_never = true;
		else if (t > out->failover_ms)
			out->failover_ms = t;
	}
	for (size_t j = 0; j < nd; j++)
		dead[D[j]] = false;
	return true;
}

/* Whether demand d can take the fast way: on its own, in one stage. */
bool nsp_fa_fast_fits(const struct nsp_analysis *a, size_t d)
{
	const struct nsp_dan *dn = &a->dan[d];
	if (dn->shared)
		return false;
	for (size_t r = 0; r < dn->nr; r++)
		if (dn->kind[r] == K_EXCH)
			return false;
	return true;
}

/* The single failures of a demand of its own. */
void nsp_fa_singles_alone(struct nsp_analysis *a, size_t d)
{
	struct nsp_dan *dn = &a->dan[d];
	struct scratch *s = a->scratch;
	struct fast fs;
	fast_init(a, d, &fs);
	for (size_t k = 0; k < dn->ne; k++) {
		if (fast_single(&dn->single[k], a, d, &fs, k, s->dead)) {
			a->fast_singles++;
			continue;
		}
		nsp_fa_eval_touched(&dn->single[k], a, d, &dn->elems[k], 1, &d,
		                    1);
		nsp_fa_mark_dead(a, d, NULL, 0, s->dead);
	}
	fast_free(&fs);
}

/*
 * The single failures of the demands that share circuits, element by
 * element: every demand the element reaches is rerouted once, and each
 * of them is judged on the loads of all of them together.
 */
void nsp_fa_singles_shared(struct nsp_analysis *a, const bool *alone)
{
	struct scratch *s = a->scratch;
	for (size_t e = 0; e < a->nelems; e++) {
		size_t lo = s->ed_off[e], hi = s->ed_off[e + 1];
		for (size_t j = lo; j < hi; j++) {
			size_t d = s->ed_dem[j];
			if (alone[d])
				continue;
			nsp_fa_mark_dead(a, d, &e, 1, s->dead);
			a->dan[d].single[s->ed_pos[j]].connected =
			    nsp_fa_flow(a, d, s->dead, s->frac, s);
			nsp_fa_shift_loads(a, s->load, d, s->frac);
		}
		for (size_t j = lo; j < hi; j++) {
			size_t d = s->ed_dem[j];
			if (alone[d])
				continue;
			struct nsp_outcome *o = &a->dan[d].single[s->ed_pos[j]];
			nsp_fa_mark_dead(a, d, &e, 1, s->dead);
			nsp_fa_judge(o, a, d, s->dead, s->load, o->connected);
		}
		for (size_t j = lo; j < hi; j++)
			if (!alone[s->ed_dem[j]])
				nsp_fa_reset_loads(a, s->load, s->ed_dem[j]);
	}
}
