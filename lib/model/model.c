/* The model: derived views (circuits per router, demands and their paths), names, ids, locations, freeing. */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The names of the element kinds, indexed by enum nsp_kind. */
const char *const nsp_kind_names[] = {
	"", "site", "cloud", "pop", "router", "circuit",
};

/* The names of the failure classes, as intent and assumptions spell them. */
const char *const nsp_class_names[NSP_CLASS_COUNT] = {
	"circuit", "port",	  "router",  "pop",  "facility",
	"metro",   "edge_domain", "carrier", "srlg",
};

/* The names of the cloud providers, as a cloud's provider spells them. */
const char *const nsp_provider_names[NSP_PROV_COUNT] = {
	"aws", "azure", "gcp", "ibm", "alibaba", "ovhcloud", "otc", "oracle",
	"generic",
};

const char *nsp_endpoint_id(const struct nsp_model *m, struct nsp_endpoint e)
{
	return e.kind == NSP_EP_SITE ? m->sites[e.index].id :
				       m->clouds[e.index].id;
}

bool nsp_router_in_endpoint(const struct nsp_model *m, size_t router,
			    struct nsp_endpoint e)
{
	const struct nsp_router *r = &m->routers[router];
	return e.kind == NSP_EP_SITE ?
		       r->role == NSP_ROLE_CPE && r->site == e.index :
		       r->role == NSP_ROLE_EDGE && r->cloud == e.index;
}

const struct nsp_end *nsp_circuit_end(const struct nsp_circuit *c, size_t r)
{
	return c->a.router == r ? &c->a : &c->z;
}

/* The router at the other end of circuit c from router r. */
static size_t other_end(const struct nsp_circuit *c, size_t r)
{
	return c->a.router == r ? c->z.router : c->a.router;
}

/* Scratch space for path searches, stamped so it is never cleared. */
struct walk {
	unsigned *fwd, *bwd; /* stamp when reached from from / to */
	unsigned *on;        /* circuit stamp: on some path */
	size_t *queue, *fq; /* bwd queue; fwd queue (kept: visited list) */
	unsigned stamp;
	/*
	 * The circuits of each exchange router ordered by what is at their
	 * other end (exchange routers first, then each site, then each
	 * cloud), so a search through an exchange that thousands of sites
	 * use looks only at the circuits towards where it is going.
	 */
	size_t *xoff, *xadj, *xkey;
	size_t *sdeg, *cdeg; /* circuits of each site's and cloud's routers */
};

/* The order key of what router r is: 0 for an exchange router. */
static size_t router_key(const struct nsp_model *m, size_t r)
{
	const struct nsp_router *rr = &m->routers[r];
	return rr->role == NSP_ROLE_EXCHANGE ? 0 :
	       rr->role == NSP_ROLE_CPE	     ? 1 + rr->site :
						1 + m->nsites + rr->cloud;
}

static size_t endpoint_key(const struct nsp_model *m, struct nsp_endpoint e)
{
	return e.kind == NSP_EP_SITE ? 1 + e.index : 1 + m->nsites + e.index;
}

static int cmp_pair(const void *a, const void *b)
{
	const size_t *x = a, *y = b;
	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* Build the ordered circuit lists of the exchange routers. */
static void exchange_index(const struct nsp_model *m, struct walk *w)
{
	w->xoff = nsp_xcalloc(m->nrouters + 1, sizeof(size_t));
	size_t tot = 0;
	for (size_t r = 0; r < m->nrouters; r++) {
		w->xoff[r] = tot;
		if (m->routers[r].role == NSP_ROLE_EXCHANGE)
			tot += m->routers[r].ncircuits;
	}
	w->xoff[m->nrouters] = tot;
	size_t *pairs = nsp_xmalloc((2 * tot + 1) * sizeof(size_t));
	w->xadj = nsp_xmalloc((tot + 1) * sizeof(size_t));
	w->xkey = nsp_xmalloc((tot + 1) * sizeof(size_t));
	for (size_t r = 0; r < m->nrouters; r++) {
		const struct nsp_router *rr = &m->routers[r];
		if (rr->role != NSP_ROLE_EXCHANGE)
			continue;
		for (size_t k = 0; k < rr->ncircuits; k++) {
			size_t c = rr->circuits[k];
			pairs[2 * k] =
				router_key(m, other_end(&m->circuits[c], r));
			pairs[2 * k + 1] = c;
		}
		qsort(pairs, rr->ncircuits, 2 * sizeof(size_t), cmp_pair);
		for (size_t k = 0; k < rr->ncircuits; k++) {
			w->xkey[w->xoff[r] + k] = pairs[2 * k];
			w->xadj[w->xoff[r] + k] = pairs[2 * k + 1];
		}
	}
	free(pairs);
}

/* The circuits of exchange router r whose other end has key, as a range. */
static void exchange_range(const struct walk *w, size_t r, size_t key,
			   size_t *lo, size_t *hi)
{
	size_t a = w->xoff[r], b = w->xoff[r + 1];
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (w->xkey[mid] < key)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = a;
	b = w->xoff[r + 1];
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (w->xkey[mid] <= key)
			a = mid + 1;
		else
			b = mid;
	}
	*hi = a;
}

/*
 * Mark the endpoint's routers and every exchange router reachable from
 * them through exchange routers only (an edge or cpe router ends a path).
 */
static size_t reach(const struct nsp_model *m, struct walk *w, unsigned *mark,
		    size_t *queue, struct nsp_endpoint e)
{
	size_t head = 0, tail = 0;
	const size_t *own = e.kind == NSP_EP_SITE ? m->sites[e.index].routers :
						    m->clouds[e.index].routers;
	size_t nown = e.kind == NSP_EP_SITE ? m->sites[e.index].nrouters :
					      m->clouds[e.index].nrouters;
	for (size_t i = 0; i < nown; i++) {
		mark[own[i]] = w->stamp;
		queue[tail++] = own[i];
	}
	while (head < tail) {
		size_t u = queue[head++];
		const struct nsp_router *ru = &m->routers[u];
		size_t lo = 0, hi = ru->ncircuits;
		if (ru->role == NSP_ROLE_EXCHANGE)
			exchange_range(w, u, 0, &lo, &hi);
		for (size_t k = lo; k < hi; k++) {
			size_t c = ru->role == NSP_ROLE_EXCHANGE ?
					   w->xadj[k] :
					   ru->circuits[k];
			size_t v = other_end(&m->circuits[c], u);
			if (mark[v] == w->stamp ||
			    m->routers[v].role != NSP_ROLE_EXCHANGE)
				continue;
			mark[v] = w->stamp;
			queue[tail++] = v;
		}
	}
	return tail;
}

/* Whether router r may carry a path onwards from the side marked. */
static bool passes(const struct nsp_model *m, const unsigned *mark,
		   unsigned stamp, size_t r, struct nsp_endpoint e)
{
	return nsp_router_in_endpoint(m, r, e) ||
	       (m->routers[r].role == NSP_ROLE_EXCHANGE && mark[r] == stamp);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* How many circuits the routers of each site and each cloud have. */
static void endpoint_degrees(const struct nsp_model *m, struct walk *w)
{
	w->sdeg = nsp_xcalloc(m->nsites + 1, sizeof(size_t));
	w->cdeg = nsp_xcalloc(m->nclouds + 1, sizeof(size_t));
	for (size_t r = 0; r < m->nrouters; r++) {
		const struct nsp_router *rr = &m->routers[r];
		if (rr->role == NSP_ROLE_CPE)
			w->sdeg[rr->site] += rr->ncircuits;
		else if (rr->role == NSP_ROLE_EDGE)
			w->cdeg[rr->cloud] += rr->ncircuits;
	}
}

static size_t endpoint_degree(const struct walk *w, struct nsp_endpoint e)
{
	return e.kind == NSP_EP_SITE ? w->sdeg[e.index] : w->cdeg[e.index];
}

/*
 * The circuits of a demand's paths, and its stages. Paths are undirected, so
 * the search starts from the endpoint with fewer circuits (a site, usually,
 * not the cloud every site connects to): its cost is the degree of that
 * endpoint and of the exchange routers it reaches, not the whole design.
 */
static void demand_paths(const struct nsp_model *m, struct walk *w,
			 struct nsp_demand *d)
{
	struct nsp_endpoint src = d->from, dst = d->to;
	if (endpoint_degree(w, dst) < endpoint_degree(w, src)) {
		src = d->to;
		dst = d->from;
	}
	w->stamp++;
	size_t nf = reach(m, w, w->fwd, w->fq, src);
	/* exchange routers reached from src that lead on to dst */
	size_t nr = 0, dkey = endpoint_key(m, dst), lo, hi;
	for (size_t i = 0; i < nf; i++) {
		size_t x = w->fq[i];
		if (m->routers[x].role != NSP_ROLE_EXCHANGE)
			continue;
		exchange_range(w, x, dkey, &lo, &hi);
		if (lo < hi) {
			w->bwd[x] = w->stamp;
			w->queue[nr++] = x;
		}
	}
	for (size_t h = 0; h < nr; h++) {
		size_t x = w->queue[h];
		exchange_range(w, x, 0, &lo, &hi);
		for (size_t k = lo; k < hi; k++) {
			size_t v = other_end(&m->circuits[w->xadj[k]], x);
			if (w->fwd[v] == w->stamp && w->bwd[v] != w->stamp) {
				w->bwd[v] = w->stamp;
				w->queue[nr++] = v;
			}
		}
	}
	size_t n = 0, cap = 0;
	size_t *list = NULL;
	for (size_t i = 0; i < nf; i++) {
		size_t r = w->fq[i];
		if (!passes(m, w->fwd, w->stamp, r, src))
			continue;
		const struct nsp_router *rr = &m->routers[r];
		/* an exchange router: its circuits to dst, then to exchanges */
		size_t ranges[2][2] = {{0, rr->ncircuits}, {0, 0}};
		bool x = rr->role == NSP_ROLE_EXCHANGE;
		if (x) {
			exchange_range(w, r, dkey, &ranges[0][0],
				       &ranges[0][1]);
			exchange_range(w, r, 0, &ranges[1][0], &ranges[1][1]);
		}
		for (int g = 0; g < 2; g++)
			for (size_t k = ranges[g][0]; k < ranges[g][1]; k++) {
				size_t ci = x ? w->xadj[k] : rr->circuits[k];
				size_t v = other_end(&m->circuits[ci], r);
				bool leads =
					nsp_router_in_endpoint(m, v, dst) ||
					(m->routers[v].role ==
						 NSP_ROLE_EXCHANGE &&
					 w->bwd[v] == w->stamp);
				if (w->on[ci] == w->stamp || !leads)
					continue;
				w->on[ci] = w->stamp;
				NSP_GROW(list, cap, n + 1);
				list[n++] = ci;
			}
	}
	if (n > 1)
		qsort(list, n, sizeof(*list), cmp_size);
	d->circuits = list;
	d->ncircuits = n;
	if (!n)
		return;
	struct nsp_endpoint ends[2] = {d->from, d->to};
	for (int s = 0; s < 2; s++) {
		struct nsp_stage *st = &d->stages[d->nstages];
		st->at = ends[s];
		st->circuits = nsp_xmalloc(n * sizeof(size_t));
		st->n = 0;
		for (size_t i = 0; i < n; i++) {
			const struct nsp_circuit *c = &m->circuits[list[i]];
			if (nsp_router_in_endpoint(m, c->a.router, ends[s]) ||
			    nsp_router_in_endpoint(m, c->z.router, ends[s]))
				st->circuits[st->n++] = list[i];
		}
		/* A single-stage design: both ends give the same circuits. */
		if (s == 1 && st->n == d->stages[0].n &&
		    !memcmp(st->circuits, d->stages[0].circuits,
			    st->n * sizeof(size_t))) {
			free(st->circuits);
			st->circuits = NULL;
			st->n = 0;
			continue;
		}
		d->nstages++;
	}
}

/* Without 'demands': every site-cloud pair joined by a path. */
static void default_demands(struct nsp_model *m, struct walk *w)
{
	size_t cap = 0;
	for (size_t s = 0; s < m->nsites; s++) {
		struct nsp_endpoint from = {NSP_EP_SITE, s};
		w->stamp++;
		size_t nf = reach(m, w, w->fwd, w->fq, from);
		/* the clouds reached, in cloud order */
		size_t nc = 0;
		for (size_t i = 0; i < nf; i++) {
			size_t u = w->fq[i];
			const struct nsp_router *ru = &m->routers[u];
			size_t lo = 0, hi = ru->ncircuits;
			bool x = ru->role == NSP_ROLE_EXCHANGE;
			if (x) {
				exchange_range(w, u, 1 + m->nsites, &lo, &hi);
				hi = w->xoff[u + 1];
			}
			for (size_t k = lo; k < hi; k++) {
				size_t c = x ? w->xadj[k] : ru->circuits[k];
				const struct nsp_router *r =
					&m->routers[other_end(&m->circuits[c],
							      u)];
				if (r->role == NSP_ROLE_EDGE &&
				    w->bwd[r->cloud] != w->stamp) {
					w->bwd[r->cloud] = w->stamp;
					w->queue[nc++] = r->cloud;
				}
			}
		}
		if (nc > 1)
			qsort(w->queue, nc, sizeof(size_t), cmp_size);
		for (size_t k = 0; k < nc; k++) {
			struct nsp_endpoint to = {NSP_EP_CLOUD, w->queue[k]};
			NSP_GROW(m->demands, cap, m->ndemands + 1);
			struct nsp_demand *d = &m->demands[m->ndemands];
			memset(d, 0, sizeof(*d));
			d->from = from;
			d->to = to;
			d->implicit = true;
			d->index = m->ndemands++;
			d->loc = m->sites[s].loc;
		}
	}
}

/* The routers of each site and cloud, in router order. */
static void endpoint_routers(struct nsp_model *m)
{
	for (size_t r = 0; r < m->nrouters; r++) {
		const struct nsp_router *rr = &m->routers[r];
		if (rr->role == NSP_ROLE_CPE)
			m->sites[rr->site].nrouters++;
		else if (rr->role == NSP_ROLE_EDGE)
			m->clouds[rr->cloud].nrouters++;
	}
	for (size_t i = 0; i < m->nsites; i++) {
		m->sites[i].routers = nsp_xmalloc(
			(m->sites[i].nrouters + 1) * sizeof(size_t));
		m->sites[i].nrouters = 0;
	}
	for (size_t i = 0; i < m->nclouds; i++) {
		m->clouds[i].routers = nsp_xmalloc(
			(m->clouds[i].nrouters + 1) * sizeof(size_t));
		m->clouds[i].nrouters = 0;
	}
	for (size_t r = 0; r < m->nrouters; r++) {
		const struct nsp_router *rr = &m->routers[r];
		if (rr->role == NSP_ROLE_CPE) {
			struct nsp_site *s = &m->sites[rr->site];
			s->routers[s->nrouters++] = r;
		} else if (rr->role == NSP_ROLE_EDGE) {
			struct nsp_cloud *c = &m->clouds[rr->cloud];
			c->routers[c->nrouters++] = r;
		}
	}
}

void nsp_model_derive(struct nsp_model *m)
{
	endpoint_routers(m);
	size_t *count = nsp_xcalloc(m->nrouters, sizeof(*count));
	for (size_t i = 0; i < m->ncircuits; i++) {
		count[m->circuits[i].a.router]++;
		count[m->circuits[i].z.router]++;
	}
	for (size_t r = 0; r < m->nrouters; r++) {
		m->routers[r].circuits =
			nsp_xmalloc((count[r] ? count[r] : 1) * sizeof(size_t));
		m->routers[r].ncircuits = 0;
	}
	for (size_t i = 0; i < m->ncircuits; i++) {
		struct nsp_router *a = &m->routers[m->circuits[i].a.router];
		struct nsp_router *z = &m->routers[m->circuits[i].z.router];
		a->circuits[a->ncircuits++] = i;
		z->circuits[z->ncircuits++] = i;
	}
	free(count);

	struct walk w = {0};
	w.fwd = nsp_xcalloc(m->nrouters + 1, sizeof(unsigned));
	w.bwd = nsp_xcalloc(m->nrouters + 1, sizeof(unsigned));
	w.on = nsp_xcalloc(m->ncircuits + 1, sizeof(unsigned));
	size_t qn = (m->nrouters > m->nclouds ? m->nrouters : m->nclouds) + 1;
	w.fwd = nsp_xrealloc(w.fwd, qn * sizeof(unsigned));
	w.bwd = nsp_xrealloc(w.bwd, qn * sizeof(unsigned));
	memset(w.fwd, 0, qn * sizeof(unsigned));
	memset(w.bwd, 0, qn * sizeof(unsigned));
	w.queue = nsp_xmalloc(qn * sizeof(size_t));
	w.fq = nsp_xmalloc(qn * sizeof(size_t));
	exchange_index(m, &w);
	endpoint_degrees(m, &w);
	if (!m->demands_given)
		default_demands(m, &w);
	for (size_t i = 0; i < m->ndemands; i++)
		demand_paths(m, &w, &m->demands[i]);
	free(w.fwd);
	free(w.bwd);
	free(w.on);
	free(w.queue);
	free(w.fq);
	free(w.xoff);
	free(w.xadj);
	free(w.xkey);
	free(w.sdeg);
	free(w.cdeg);
}

/* ---- ids, locations, freeing ------------------------------------------- */

const struct nsp_id_entry *nsp_model_add_id(struct nsp_model *m,
					    const char *id,
					    enum nsp_kind kind, size_t index,
					    struct nsp_loc loc)
{
	struct nsp_id_entry *e = nsp_arena_alloc(&m->arena, sizeof(*e));
	e->kind = kind;
	e->index = index;
	e->loc = loc;
	struct nsp_id_entry *prev = nsp_map_put(&m->ids, id, strlen(id), e);
	if (prev)
		nsp_map_put(&m->ids, id, strlen(id), prev);
	return prev;
}

struct nsp_ref nsp_model_lookup(const struct nsp_model *m, const char *id)
{
	struct nsp_ref r = {0, NSP_NONE};
	const struct nsp_id_entry *e = nsp_map_get(&m->ids, id, strlen(id));
	if (e) {
		r.kind = e->kind;
		r.index = e->index;
	}
	return r;
}

struct nsp_loc nsp_model_loc(const struct nsp_model *m, const char *pointer)
{
	if (!m->where.ops)
		return (struct nsp_loc){0, 0};
	return m->where.ops->loc(m->where.data, pointer);
}

struct nsp_loc nsp_model_end(const struct nsp_model *m, const char *pointer)
{
	if (!m->where.ops)
		return (struct nsp_loc){0, 0};
	return m->where.ops->end(m->where.data, pointer);
}

void nsp_model_note(struct nsp_model *m, const char *rule, int sev,
		    struct nsp_loc loc, const char *msg)
{
	if ((m->nnotes & (m->nnotes - 1)) == 0)
		m->notes = nsp_xrealloc(m->notes, (m->nnotes ? 2 * m->nnotes :
						   1) * sizeof(*m->notes));
	struct nsp_note *n = &m->notes[m->nnotes++];
	memset(n, 0, sizeof(*n));
	snprintf(n->rule, sizeof(n->rule), "%s", rule);
	n->sev = (unsigned char)sev;
	n->loc = loc;
	n->msg = nsp_xstrdup(msg);
}

void nsp_model_free(struct nsp_model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nrouters; i++)
		free(m->routers[i].circuits);
	for (size_t i = 0; i < m->nsites; i++)
		free(m->sites[i].routers);
	for (size_t i = 0; i < m->nclouds; i++)
		free(m->clouds[i].routers);
	for (size_t i = 0; i < m->ndemands; i++) {
		free(m->demands[i].circuits);
		for (size_t k = 0; k < m->demands[i].nstages; k++)
			free(m->demands[i].stages[k].circuits);
	}
	free(m->sites);
	free(m->clouds);
	free(m->pops);
	free(m->routers);
	free(m->circuits);
	free(m->demands);
	free(m->waivers);
	nsp_diags_free(&m->warnings);
	for (size_t i = 0; i < m->nnotes; i++)
		free(m->notes[i].msg);
	free(m->notes);
	nsp_map_free(&m->ids);
	nsp_arena_free(&m->arena);
	if (m->where.ops)
		m->where.ops->free(m->where.data);
	free(m);
}
