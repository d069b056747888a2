/*
 * The failure analysis: failure elements, and per demand its connectivity,
 * hop-by-hop load and failover time with nothing failed, under each single
 * failure and under any set of failures asked for. Everything works on the
 * circuits and elements one demand uses, never on all pairs of the design.
 *
 * This file owns the per-demand structure (routers, adjacency, elements),
 * the whole analysis (built with its steady state and every single
 * failure, then freed) and the accessors of failure.h that read it. The
 * rest is in elements.c (the failure elements), flow.c (the routing
 * model), singles.c (single failures), pairs.c (pairs of failures) and
 * paths.c (circuit paths); failure_int.h is what they share.
 *
 * Three ways keep it linear in the design: single failures of demands that
 * share circuits go element by element (each demand an element reaches is
 * rerouted once for all of them); a demand of its own in one stage finds
 * its single failures from its circuits ordered by share; pairs are
 * evaluated once each, on top of the element that reaches more demands.
 * nsp_analysis_eval() reroutes in full and is what the others are tested
 * against.
 */
#include "failure_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "failover.h"

/* ---- per-demand structure ---- */

/* What build_demand() reuses from one demand to the next. */
struct build_work {
	const size_t *ce_off, *ce; /* circuit -> elements */
	unsigned *rstamp, *estamp; /* per router, per element */
	size_t *rlocal;            /* per router: its local index */
	size_t *routers, *el;      /* the demand's routers (global), elements */
	size_t rcap, elcap;
};

/* n bytes of the analysis's store, zeroed. */
static void *store_zero(struct nsp_analysis *a, size_t n)
{
	void *p = nsp_arena_alloc(&a->store, n);
	memset(p, 0, n);
	return p;
}

/* A copy of n size_t values in the analysis's store. */
static size_t *store_copy(struct nsp_analysis *a, const size_t *v, size_t n)
{
	size_t *p = nsp_arena_alloc(&a->store, n * sizeof(size_t));
	if (n)
		memcpy(p, v, n * sizeof(size_t));
	return p;
}

/*
 * Routers, adjacency and elements of one demand, in the analysis's store at
 * their exact sizes.
 */
static void build_demand(struct nsp_analysis *a, size_t di,
                         struct build_work *w, unsigned stamp)
{
	const struct nsp_model *m = a->m;
	const struct nsp_demand *d = &m->demands[di];
	struct nsp_dan *dn = &a->dan[di];
	const size_t *ce_off = w->ce_off, *ce = w->ce;
	size_t nc = d->ncircuits;
	dn->nc = nc;
	NSP_GROW(w->routers, w->rcap, 2 * nc + 1);
	dn->ca = nsp_arena_alloc(&a->store, nc * sizeof(size_t));
	dn->cz = nsp_arena_alloc(&a->store, nc * sizeof(size_t));
	for (size_t i = 0; i < nc; i++) {
		const struct nsp_circuit *c = &m->circuits[d->circuits[i]];
		size_t ends[2] = {c->a.router, c->z.router};
		size_t *loc[2] = {&dn->ca[i], &dn->cz[i]};
		for (int k = 0; k < 2; k++) {
			if (w->rstamp[ends[k]] != stamp) {
				w->rstamp[ends[k]] = stamp;
				w->rlocal[ends[k]] = dn->nr;
				w->routers[dn->nr++] = ends[k];
			}
			*loc[k] = w->rlocal[ends[k]];
		}
	}
	dn->kind = store_zero(a, dn->nr);
	for (size_t r = 0; r < dn->nr; r++) {
		size_t g = w->routers[r];
		if (nsp_router_in_endpoint(m, g, d->to))
			dn->kind[r] = K_TO;
		else if (nsp_router_in_endpoint(m, g, d->from))
			dn->kind[r] = K_FROM;
		else if (m->routers[g].role == NSP_ROLE_EXCHANGE)
			dn->kind[r] = K_EXCH;
	}
	dn->adj_off = store_zero(a, (dn->nr + 2) * sizeof(uint32_t));
	for (size_t i = 0; i < nc; i++) {
		dn->adj_off[dn->ca[i] + 2]++;
		dn->adj_off[dn->cz[i] + 2]++;
	}
	for (size_t r = 0; r < dn->nr; r++)
		dn->adj_off[r + 2] += dn->adj_off[r + 1];
	dn->adj = nsp_arena_alloc(&a->store, 2 * nc * sizeof(uint32_t));
	for (size_t i = 0; i < nc; i++) {
		dn->adj[dn->adj_off[dn->ca[i] + 1]++] = (uint32_t)i;
		dn->adj[dn->adj_off[dn->cz[i] + 1]++] = (uint32_t)i;
	}
	/* elements: those on any of its circuits */
	size_t n = 0, tot = 0;
	for (size_t i = 0; i < nc; i++) {
		size_t g = d->circuits[i];
		for (size_t k = ce_off[g]; k < ce_off[g + 1]; k++) {
			tot++;
			if (w->estamp[ce[k]] == stamp)
				continue;
			w->estamp[ce[k]] = stamp;
			NSP_GROW(w->el, w->elcap, n + 1);
			w->el[n++] = ce[k];
		}
	}
	if (n > 1)
		qsort(w->el, n, sizeof(size_t), nsp_fa_cmp_size);
	const size_t *el = dn->elems = store_copy(a, w->el, n);
	dn->ne = n;
	dn->ec_off = store_zero(a, (n + 2) * sizeof(uint32_t));
	dn->ec = nsp_arena_alloc(&a->store, tot * sizeof(size_t));
	dn->ecg = nsp_arena_alloc(&a->store, tot * sizeof(size_t));
	for (size_t i = 0; i < nc; i++) {
		size_t g = d->circuits[i];
		for (size_t k = ce_off[g]; k < ce_off[g + 1]; k++)
			dn->ec_off[nsp_fa_bsearch(el, n, ce[k]) + 2]++;
	}
	for (size_t e = 0; e < n; e++)
		dn->ec_off[e + 2] += dn->ec_off[e + 1];
	for (size_t i = 0; i < nc; i++) {
		size_t g = d->circuits[i];
		for (size_t k = ce_off[g]; k < ce_off[g + 1]; k++) {
			size_t pos =
			    dn->ec_off[nsp_fa_bsearch(el, n, ce[k]) + 1]++;
			dn->ec[pos] = i;
			dn->ecg[pos] = g;
		}
	}
}

/* ---- the whole analysis ---- */

/* Circuit -> demands, and which demands share a circuit. */
static void circuit_demands(struct nsp_analysis *a, struct scratch *s)
{
	const struct nsp_model *m = a->m;
	size_t nc = m->ncircuits;
	s->cd_off = nsp_xcalloc(nc + 2, sizeof(size_t));
	for (size_t d = 0; d < m->ndemands; d++)
		for (size_t k = 0; k < m->demands[d].ncircuits; k++)
			s->cd_off[m->demands[d].circuits[k] + 2]++;
	for (size_t i = 0; i < nc; i++)
		s->cd_off[i + 2] += s->cd_off[i + 1];
	s->cd = nsp_xmalloc((s->cd_off[nc + 1] + 1) * sizeof(size_t));
	for (size_t d = 0; d < m->ndemands; d++)
		for (size_t k = 0; k < m->demands[d].ncircuits; k++)
			s->cd[s->cd_off[m->demands[d].circuits[k] + 1]++] = d;
	s->nbcost = nsp_xcalloc(m->ndemands + 1, sizeof(size_t));
	for (size_t d = 0; d < m->ndemands; d++)
		for (size_t k = 0; k < m->demands[d].ncircuits; k++) {
			size_t g = m->demands[d].circuits[k];
			size_t users = s->cd_off[g + 1] - s->cd_off[g];
			s->nbcost[d] += users;
			if (users > 1)
				a->dan[d].shared = true;
		}
}

/* Element -> the demands using it, in demand order, with its position. */
static void element_demands(struct nsp_analysis *a, struct scratch *s)
{
	const struct nsp_model *m = a->m;
	s->ed_off = nsp_xcalloc(a->nelems + 2, sizeof(size_t));
	size_t tot = 0;
	for (size_t d = 0; d < m->ndemands; d++)
		for (size_t k = 0; k < a->dan[d].ne; k++) {
			s->ed_off[a->dan[d].elems[k] + 2]++;
			tot++;
		}
	for (size_t e = 0; e < a->nelems; e++)
		s->ed_off[e + 2] += s->ed_off[e + 1];
	s->ed_dem = nsp_xmalloc((tot + 1) * sizeof(uint32_t));
	s->ed_pos = nsp_xmalloc((tot + 1) * sizeof(uint32_t));
	for (size_t d = 0; d < m->ndemands; d++)
		for (size_t k = 0; k < a->dan[d].ne; k++) {
			size_t j = s->ed_off[a->dan[d].elems[k] + 1]++;
			s->ed_dem[j] = (uint32_t)d;
			s->ed_pos[j] = (uint32_t)k;
		}
}

static struct nsp_analysis *analysis_new(const struct nsp_model *m,
                                         bool reference)
{
	struct nsp_analysis *a = nsp_xcalloc(1, sizeof(*a));
	a->m = m;
	nsp_fa_build_elements(a);
	size_t nc = m->ncircuits;
	a->usable = nsp_xmalloc((nc + 1) * sizeof(double));
	a->failover_ms = nsp_xmalloc((nc + 1) * sizeof(uint64_t));
	a->base_load[0] = nsp_xcalloc(nc + 1, sizeof(double));
	a->base_load[1] = nsp_xcalloc(nc + 1, sizeof(double));
	for (size_t i = 0; i < nc; i++) {
		const struct nsp_circuit *c = &m->circuits[i];
		bool never;
		a->usable[i] = (double)c->bandwidth_mbps *
		               m->intent.max_utilization / 100.0;
		a->failover_ms[i] = nsp_circuit_failover_ms(m, c, &never);
		if (never)
			a->failover_ms[i] = UINT64_MAX;
	}
	/* circuit -> elements */
	size_t *ce_off = nsp_xcalloc(nc + 2, sizeof(size_t));
	for (size_t e = 0; e < a->nelems; e++)
		for (size_t k = 0; k < a->elems[e].ncircuits; k++)
			ce_off[a->elems[e].circuits[k] + 2]++;
	for (size_t i = 0; i < nc; i++)
		ce_off[i + 2] += ce_off[i + 1];
	size_t *ce = nsp_xmalloc((ce_off[nc + 1] + 1) * sizeof(size_t));
	for (size_t e = 0; e < a->nelems; e++)
		for (size_t k = 0; k < a->elems[e].ncircuits; k++)
			ce[ce_off[a->elems[e].circuits[k] + 1]++] = e;

	a->dan = nsp_xcalloc(m->ndemands + 1, sizeof(*a->dan));
	struct build_work w = {.ce_off = ce_off, .ce = ce};
	w.rstamp = nsp_xcalloc(m->nrouters + 1, sizeof(unsigned));
	w.rlocal = nsp_xmalloc((m->nrouters + 1) * sizeof(size_t));
	w.estamp = nsp_xcalloc(a->nelems + 1, sizeof(unsigned));
	size_t maxc = 1, maxr = 1, nsingle = 0;
	for (size_t d = 0; d < m->ndemands; d++) {
		build_demand(a, d, &w, (unsigned)d + 1);
		if (a->dan[d].nc > maxc)
			maxc = a->dan[d].nc;
		if (a->dan[d].nr > maxr)
			maxr = a->dan[d].nr;
		nsingle += a->dan[d].ne;
	}
	free(w.rstamp);
	free(w.rlocal);
	free(w.estamp);
	free(w.routers);
	free(w.el);
	free(ce_off);
	free(ce);
	/* the single failures of every demand, one after the other */
	struct nsp_outcome *single =
	    store_zero(a, nsingle * sizeof(struct nsp_outcome));
	for (size_t d = 0; d < m->ndemands; d++) {
		a->dan[d].single = single;
		single += a->dan[d].ne;
	}

	struct scratch *s = nsp_xcalloc(1, sizeof(*s));
	a->scratch = s;
	s->dead = nsp_xcalloc(maxc, sizeof(bool));
	s->dead2 = nsp_xcalloc(maxc, sizeof(bool));
	s->frac = nsp_xcalloc(maxc, sizeof(double));
	s->frac2 = nsp_xcalloc(maxc, sizeof(double));
	s->dist_p = nsp_xcalloc(maxr, sizeof(int));
	s->dist_a = nsp_xcalloc(maxr, sizeof(int));
	s->inflow = nsp_xcalloc(maxr, sizeof(double));
	s->queue = nsp_xcalloc(maxr, sizeof(size_t));
	s->order = nsp_xcalloc(maxr, sizeof(size_t));
	s->stamp = nsp_xcalloc(nc + 1, sizeof(unsigned));
	s->load = nsp_xcalloc(2 * nc + 1, sizeof(double));
	s->dstamp = nsp_xcalloc(m->ndemands + 1, sizeof(unsigned));
	s->touched = nsp_xcalloc(m->ndemands + 1, sizeof(size_t));
	element_demands(a, s);
	circuit_demands(a, s);

	/* steady state */
	for (size_t d = 0; d < m->ndemands; d++) {
		struct nsp_dan *dn = &a->dan[d];
		dn->base = store_zero(a, dn->nc * sizeof(double));
		dn->base_conn = nsp_fa_flow(a, d, s->dead, dn->base, s);
		double mb = nsp_fa_demand_mbps(m, d);
		for (size_t i = 0; i < dn->nc && mb; i++) {
			size_t g = m->demands[d].circuits[i];
			a->base_load[dn->base[i] < 0][g] +=
			    fabs(dn->base[i]) * mb;
		}
	}
	for (size_t i = 0; i < nc; i++) {
		s->load[2 * i] = a->base_load[0][i];
		s->load[2 * i + 1] = a->base_load[1][i];
	}
	/* nothing failed, then each single failure */
	bool *alone = nsp_xcalloc(m->ndemands + 1, sizeof(bool));
	for (size_t d = 0; d < m->ndemands; d++) {
		struct nsp_dan *dn = &a->dan[d];
		nsp_fa_mark_dead(a, d, NULL, 0, s->dead);
		nsp_fa_judge(&dn->base_out, a, d, s->dead, s->load,
		             dn->base_conn);
		if (reference) {
			for (size_t k = 0; k < dn->ne; k++)
				nsp_analysis_eval(&dn->single[k], a, d,
				                  &dn->elems[k], 1);
		} else if ((alone[d] = nsp_fa_fast_fits(a, d))) {
			nsp_fa_singles_alone(a, d);
		}
	}
	if (!reference)
		nsp_fa_singles_shared(a, alone);
	free(alone);
	return a;
}

struct nsp_analysis *nsp_analysis_new(const struct nsp_model *m)
{
	return analysis_new(m, false);
}

struct nsp_analysis *nsp_analysis_new_reference(const struct nsp_model *m)
{
	return analysis_new(m, true);
}

void nsp_analysis_free(struct nsp_analysis *a)
{
	if (!a)
		return;
	free(a->elems);
	free(a->dan);
	struct scratch *s = a->scratch;
	if (s) {
		free(s->dead);
		free(s->dead2);
		free(s->frac);
		free(s->frac2);
		free(s->dist_p);
		free(s->dist_a);
		free(s->inflow);
		free(s->queue);
		free(s->order);
		free(s->stamp);
		free(s->load);
		free(s->ed_off);
		free(s->ed_dem);
		free(s->ed_pos);
		free(s->cd_off);
		free(s->cd);
		free(s->nbcost);
		free(s->dstamp);
		free(s->touched);
		free(s);
	}
	free(a->usable);
	free(a->failover_ms);
	free(a->base_load[0]);
	free(a->base_load[1]);
	nsp_arena_free(&a->store);
	free(a);
}

const size_t *nsp_demand_elems(const struct nsp_analysis *a, size_t d,
                               size_t *n)
{
	*n = a->dan[d].ne;
	return a->dan[d].elems;
}

size_t nsp_demand_elem_circuits(const struct nsp_analysis *a, size_t d,
                                size_t e, const size_t **out)
{
	const struct nsp_dan *dn = &a->dan[d];
	size_t k = nsp_fa_bsearch(dn->elems, dn->ne, e);
	if (k == NSP_NONE) {
		*out = NULL;
		return 0;
	}
	*out = dn->ecg + dn->ec_off[k];
	return dn->ec_off[k + 1] - dn->ec_off[k];
}

const struct nsp_outcome *nsp_demand_base(const struct nsp_analysis *a,
                                          size_t d)
{
	return &a->dan[d].base_out;
}

const struct nsp_outcome *nsp_demand_single(const struct nsp_analysis *a,
                                            size_t d, size_t k)
{
	return &a->dan[d].single[k];
}

double nsp_demand_base_share(const struct nsp_analysis *a, size_t d, size_t c)
{
	const struct nsp_demand *dem = &a->m->demands[d];
	size_t k = nsp_fa_bsearch(dem->circuits, dem->ncircuits, c);
	return k == NSP_NONE ? 0 : a->dan[d].base[k];
}

size_t nsp_analysis_fail_loads(const struct nsp_analysis *a,
                               const size_t *fail, size_t nfail,
                               nsp_load_fn *fn, void *ctx)
{
	const struct nsp_model *m = a->m;
	struct scratch *s = a->scratch;
	size_t nt = 0, work = 0;
	s->dnow++;
	for (size_t f = 0; f < nfail; f++) {
		if (fail[f] >= a->nelems)
			continue;
		for (size_t j = s->ed_off[fail[f]]; j < s->ed_off[fail[f] + 1];
		     j++) {
			size_t o = s->ed_dem[j];
			if (s->dstamp[o] == s->dnow)
				continue;
			s->dstamp[o] = s->dnow;
			s->touched[nt++] = o;
		}
	}
	if (nt > 1)
		qsort(s->touched, nt, sizeof(size_t), nsp_fa_cmp_size);
	/* reroute in demand order, as nsp_fa_eval_touched(): equal loads */
	for (size_t t = 0; t < nt; t++) {
		size_t o = s->touched[t];
		nsp_fa_mark_dead(a, o, fail, nfail, s->dead);
		nsp_fa_flow(a, o, s->dead, s->frac, s);
		nsp_fa_shift_loads(a, s->load, o, s->frac);
		work += a->dan[o].nc;
	}
	s->now++;
	for (size_t t = 0; t < nt; t++) {
		const struct nsp_demand *dem = &m->demands[s->touched[t]];
		for (size_t i = 0; i < dem->ncircuits; i++) {
			size_t g = dem->circuits[i];
			if (s->stamp[g] == s->now)
				continue;
			s->stamp[g] = s->now;
			fn(ctx, g, &s->load[2 * g]);
		}
	}
	for (size_t t = 0; t < nt; t++)
		nsp_fa_reset_loads(a, s->load, s->touched[t]);
	return work;
}

double nsp_analysis_fail_share(const struct nsp_analysis *a, size_t d,
                               size_t c, const size_t *fail, size_t nfail)
{
	struct scratch *s = a->scratch;
	const struct nsp_demand *dem = &a->m->demands[d];
	size_t k = nsp_fa_bsearch(dem->circuits, dem->ncircuits, c);
	if (k == NSP_NONE)
		return 0;
	nsp_fa_mark_dead(a, d, fail, nfail, s->dead);
	nsp_fa_flow(a, d, s->dead, s->frac, s);
	return s->frac[k];
}

const size_t *nsp_circuit_demands(const struct nsp_analysis *a, size_t c,
                                  size_t *n)
{
	const struct scratch *s = a->scratch;
	*n = s->cd_off[c + 1] - s->cd_off[c];
	return s->cd + s->cd_off[c];
}

/* Demand d's own graph (failure.h). */
void nsp_demand_graph(const struct nsp_analysis *a, size_t d,
                      struct nsp_demand_graph *g)
{
	const struct nsp_dan *dn = &a->dan[d];
	*g = (struct nsp_demand_graph){dn->nr, dn->nc, dn->kind, dn->ca,
	                               dn->cz};
}

/* Element e's circuits in demand d, by position. */
size_t nsp_demand_elem_local(const struct nsp_analysis *a, size_t d, size_t e,
                             const size_t **out)
{
	const struct nsp_dan *dn = &a->dan[d];
	size_t k = nsp_fa_bsearch(dn->elems, dn->ne, e);
	if (k == NSP_NONE) {
		*out = NULL;
		return 0;
	}
	*out = dn->ec + dn->ec_off[k];
	return dn->ec_off[k + 1] - dn->ec_off[k];
}
