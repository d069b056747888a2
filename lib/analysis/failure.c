/*
 * The failure analysis: failure elements, and per demand its connectivity,
 * hop-by-hop load and failover time with nothing failed, under each single
 * failure and under any set of failures asked for. Everything works on the
 * circuits and elements one demand uses, never on all pairs of the design.
 *
 * Three ways keep it linear in the design: single failures of demands that
 * share circuits go element by element (each demand an element reaches is
 * rerouted once for all of them); a demand of its own in one stage finds
 * its single failures from its circuits ordered by share; pairs are
 * evaluated once each, on top of the element that reaches more demands.
 * nsp_analysis_eval() reroutes in full and is what the others are tested
 * against.
 */
#include "failure.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "failover.h"

enum { K_FROM = 1, K_TO = 2, K_EXCH = 4 };

struct nsp_dan {
	size_t nc;             /* the demand's circuits: d->circuits */
	size_t nr;             /* its routers */
	size_t *routers;       /* global index of each local router */
	uint8_t *kind;         /* K_* per local router */
	size_t *ca, *cz;       /* local routers at each local circuit's ends */
	size_t *adj_off, *adj; /* local circuits on each local router */
	size_t *elems;         /* elements it uses, sorted */
	size_t ne;
	size_t *ec_off, *ec; /* local circuits of each of its elements */
	size_t *ecg;         /* the same, as global circuit indices */
	bool shared;         /* another demand uses one of its circuits */
	bool base_conn;      /* it gets through with nothing failed */
	double *base; /* steady-state share per local circuit, signed */
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
	/* per element, the demands using it and its position in theirs */
	size_t *ed_off, *ed_dem, *ed_pos;
	/* per circuit, the demands using it; per demand, the sum of those */
	size_t *cd_off, *cd, *nbcost;
	unsigned *dstamp; /* per demand */
	unsigned dnow;
	size_t *touched; /* demands a failure reroutes */
};

/* ---- failure elements ---- */

/* Collects circuit lists without duplicates, one element at a time. */
struct collect {
	unsigned *seen; /* per circuit: stamp of the element being built */
	unsigned stamp;
	size_t *v;
	size_t n, cap;
	size_t *pop_off, *pop_routers; /* the routers of each PoP */
};

/*
 * Group items by value: of the np pairs (val[i], item[i], or i without
 * item), the items of value k end up in (*it)[(*off)[k]] to
 * (*it)[(*off)[k + 1]], in pair order; values NSP_NONE are left out.
 */
static void group_by(size_t nv, const size_t *val, const size_t *item,
                     size_t np, size_t **off, size_t **it)
{
	size_t *o = nsp_xcalloc(nv + 2, sizeof(size_t));
	for (size_t i = 0; i < np; i++)
		if (val[i] != NSP_NONE)
			o[val[i] + 2]++;
	for (size_t k = 0; k < nv; k++)
		o[k + 2] += o[k + 1];
	size_t *t = nsp_xmalloc((o[nv + 1] + 1) * sizeof(size_t));
	for (size_t i = 0; i < np; i++)
		if (val[i] != NSP_NONE)
			t[o[val[i] + 1]++] = item ? item[i] : i;
	*off = o;
	*it = t;
}

static void collect_add(struct collect *c, size_t circuit)
{
	if (c->seen[circuit] == c->stamp)
		return;
	c->seen[circuit] = c->stamp;
	NSP_GROW(c->v, c->cap, c->n + 1);
	c->v[c->n++] = circuit;
}

static void collect_router(struct collect *c, const struct nsp_router *r)
{
	for (size_t i = 0; i < r->ncircuits; i++)
		collect_add(c, r->circuits[i]);
}

static void collect_pop(struct collect *c, const struct nsp_model *m, size_t p)
{
	for (size_t k = c->pop_off[p]; k < c->pop_off[p + 1]; k++)
		collect_router(c, &m->routers[c->pop_routers[k]]);
}

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return a < b ? -1 : a > b;
}

/* Turn the collected circuits into a new element (none: nothing added). */
static void emit(struct nsp_analysis *a, size_t *cap, struct collect *c,
                 enum nsp_class cls, const char *name, char *pointer,
                 char *field)
{
	if (!c->n) {
		free(pointer);
		free(field);
		c->stamp++;
		return;
	}
	NSP_GROW(a->elems, *cap, a->nelems + 1);
	struct nsp_felem *e = &a->elems[a->nelems++];
	e->cls = cls;
	e->name = nsp_xstrdup(name);
	e->pointer = pointer;
	e->field = field;
	if (c->n > 1)
		qsort(c->v, c->n, sizeof(size_t), cmp_size);
	e->circuits = nsp_xmalloc(c->n * sizeof(size_t));
	memcpy(e->circuits, c->v, c->n * sizeof(size_t));
	e->ncircuits = c->n;
	c->n = 0;
	c->stamp++;
}

/* A distinct value and where it was first seen. */
struct value {
	const char *s;
	char *pointer, *field;
};

/* Index of s in vals, appending it when new. */
static size_t value_index(struct nsp_map *map, struct value **vals, size_t *n,
                          size_t *cap, const char *s, char *pointer,
                          char *field)
{
	void *v = nsp_map_get(map, s, strlen(s));
	if (v) {
		free(pointer);
		free(field);
		return (size_t)(uintptr_t)v - 1;
	}
	NSP_GROW(*vals, *cap, *n + 1);
	(*vals)[*n] = (struct value){s, pointer, field};
	nsp_map_put(map, s, strlen(s), (void *)(uintptr_t)(*n + 1));
	return (*n)++;
}

static int cmp_port(const void *x, const void *y, void *arg)
{
	const char *const *ports = arg;
	const char *a = ports[*(const size_t *)x],
	           *b = ports[*(const size_t *)y];
	int c = strcmp(a, b);
	return c ? c : cmp_size(x, y);
}

/* The port elements of router r: one per distinct port given on it. */
static void router_ports(struct nsp_analysis *a, size_t *cap, struct collect *c,
                         size_t r)
{
	const struct nsp_model *m = a->m;
	const struct nsp_router *rr = &m->routers[r];
	size_t n = 0;
	size_t *idx = nsp_xmalloc((rr->ncircuits + 1) * sizeof(size_t));
	const char **ports =
	    nsp_xmalloc((rr->ncircuits + 1) * sizeof(const char *));
	for (size_t i = 0; i < rr->ncircuits; i++) {
		const struct nsp_circuit *ci = &m->circuits[rr->circuits[i]];
		ports[i] = nsp_circuit_end(ci, r)->port;
		if (ports[i])
			idx[n++] = i;
	}
	if (n > 1)
		qsort_r(idx, n, sizeof(size_t), cmp_port, ports);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		const char *port = ports[idx[i]];
		size_t first = rr->circuits[idx[i]];
		while (j < n && !strcmp(ports[idx[j]], port)) {
			collect_add(c, rr->circuits[idx[j]]);
			if (rr->circuits[idx[j]] < first)
				first = rr->circuits[idx[j]];
			j++;
		}
		char *name = nsp_xasprintf("%s:%s", rr->id, port);
		emit(a, cap, c, NSP_CLASS_PORT, name,
		     nsp_xasprintf("/circuits/%zu", first),
		     nsp_xasprintf("/circuits/%zu/%s/port", first,
		                   m->circuits[first].a.router == r ? "a"
		                                                    : "z"));
		free(name);
		i = j;
	}
	free(idx);
	free(ports);
}

/* Facility, metro or edge domain: every PoP sharing the value. */
static void pop_values(struct nsp_analysis *a, size_t *cap, struct collect *c,
                       enum nsp_class cls, size_t offset, const char *key)
{
	const struct nsp_model *m = a->m;
	struct nsp_map map = {0};
	struct value *vals = NULL;
	size_t n = 0, vcap = 0;
	size_t *of = nsp_xmalloc((m->npops + 1) * sizeof(size_t));
	for (size_t p = 0; p < m->npops; p++) {
		const char *s =
		    *(const char *const *)((const char *)&m->pops[p] + offset);
		of[p] = s ? value_index(&map, &vals, &n, &vcap, s,
		                        nsp_xasprintf("/pops/%zu", p),
		                        nsp_xasprintf("/pops/%zu/%s", p, key))
		          : NSP_NONE;
	}
	size_t *off, *it;
	group_by(n, of, NULL, m->npops, &off, &it);
	for (size_t v = 0; v < n; v++) {
		for (size_t k = off[v]; k < off[v + 1]; k++)
			collect_pop(c, m, it[k]);
		emit(a, cap, c, cls, vals[v].s, vals[v].pointer, vals[v].field);
	}
	free(off);
	free(it);
	free(of);
	free(vals);
	nsp_map_free(&map);
}

/* (tag, item) pairs of one kind of bearer of shared-risk tags. */
struct tagged {
	size_t *tag, *item;
	size_t n, tcap, icap;
};

static void tagged_add(struct tagged *t, size_t tag, size_t item)
{
	NSP_GROW(t->tag, t->tcap, t->n + 1);
	NSP_GROW(t->item, t->icap, t->n + 1);
	t->tag[t->n] = tag;
	t->item[t->n++] = item;
}

/* Carriers and shared-risk tags. */
static void free_values(struct nsp_analysis *a, size_t *cap, struct collect *c)
{
	const struct nsp_model *m = a->m;
	struct nsp_map map = {0};
	struct value *vals = NULL;
	size_t n = 0, vcap = 0, *off, *it;
	size_t *cv = nsp_xmalloc((m->ncircuits + 1) * sizeof(size_t));
	for (size_t i = 0; i < m->ncircuits; i++)
		cv[i] = m->circuits[i].carrier
		            ? value_index(&map, &vals, &n, &vcap,
		                          m->circuits[i].carrier,
		                          nsp_xasprintf("/circuits/%zu", i),
		                          nsp_xasprintf("/circuits/%zu/carrier",
		                                        i))
		            : NSP_NONE;
	group_by(n, cv, NULL, m->ncircuits, &off, &it);
	for (size_t v = 0; v < n; v++) {
		for (size_t k = off[v]; k < off[v + 1]; k++)
			collect_add(c, it[k]);
		emit(a, cap, c, NSP_CLASS_CARRIER, vals[v].s, vals[v].pointer,
		     vals[v].field);
	}
	free(off);
	free(it);
	free(cv);
	nsp_map_free(&map);
	memset(&map, 0, sizeof(map));
	n = 0;
	struct tagged t[3] = {{0}, {0}, {0}}; /* circuits, routers, PoPs */
	for (size_t i = 0; i < m->ncircuits; i++)
		for (size_t k = 0; k < m->circuits[i].srlg.n; k++)
			tagged_add(&t[0],
			           value_index(&map, &vals, &n, &vcap,
			                       m->circuits[i].srlg.v[k],
			                       nsp_xasprintf("/circuits/%zu", i),
			                       nsp_xasprintf("/circuits/%zu/srlg",
			                                     i)),
			           i);
	for (size_t r = 0; r < m->nrouters; r++)
		for (size_t k = 0; k < m->routers[r].srlg.n; k++)
			tagged_add(&t[1],
			           value_index(&map, &vals, &n, &vcap,
			                       m->routers[r].srlg.v[k],
			                       nsp_xasprintf("/routers/%zu", r),
			                       nsp_xasprintf("/routers/%zu/srlg",
			                                     r)),
			           r);
	for (size_t p = 0; p < m->npops; p++)
		for (size_t k = 0; k < m->pops[p].srlg.n; k++)
			tagged_add(&t[2],
			           value_index(&map, &vals, &n, &vcap,
			                       m->pops[p].srlg.v[k],
			                       nsp_xasprintf("/pops/%zu", p),
			                       nsp_xasprintf("/pops/%zu/srlg", p)),
			           p);
	size_t *toff[3], *tit[3];
	for (int b = 0; b < 3; b++)
		group_by(n, t[b].tag, t[b].item, t[b].n, &toff[b], &tit[b]);
	for (size_t v = 0; v < n; v++) {
		for (size_t k = toff[0][v]; k < toff[0][v + 1]; k++)
			collect_add(c, tit[0][k]);
		for (size_t k = toff[1][v]; k < toff[1][v + 1]; k++)
			collect_router(c, &m->routers[tit[1][k]]);
		for (size_t k = toff[2][v]; k < toff[2][v + 1]; k++)
			collect_pop(c, m, tit[2][k]);
		emit(a, cap, c, NSP_CLASS_SRLG, vals[v].s, vals[v].pointer,
		     vals[v].field);
	}
	for (int b = 0; b < 3; b++) {
		free(t[b].tag);
		free(t[b].item);
		free(toff[b]);
		free(tit[b]);
	}
	free(vals);
	nsp_map_free(&map);
}

/* Every failure element of the design, class by class. */
static void build_elements(struct nsp_analysis *a)
{
	const struct nsp_model *m = a->m;
	size_t cap = 0;
	struct collect c = {0};
	c.seen = nsp_xcalloc(m->ncircuits + 1, sizeof(unsigned));
	c.stamp = 1;
	size_t *rpop = nsp_xmalloc((m->nrouters + 1) * sizeof(size_t));
	for (size_t r = 0; r < m->nrouters; r++)
		rpop[r] = m->routers[r].pop;
	group_by(m->npops, rpop, NULL, m->nrouters, &c.pop_off,
	         &c.pop_routers);
	free(rpop);
	for (size_t i = 0; i < m->ncircuits; i++) {
		collect_add(&c, i);
		emit(a, &cap, &c, NSP_CLASS_CIRCUIT, m->circuits[i].id,
		     nsp_xasprintf("/circuits/%zu", i), NULL);
	}
	for (size_t r = 0; r < m->nrouters; r++)
		router_ports(a, &cap, &c, r);
	for (size_t r = 0; r < m->nrouters; r++) {
		collect_router(&c, &m->routers[r]);
		emit(a, &cap, &c, NSP_CLASS_ROUTER, m->routers[r].id,
		     nsp_xasprintf("/routers/%zu", r), NULL);
	}
	for (size_t p = 0; p < m->npops; p++) {
		collect_pop(&c, m, p);
		emit(a, &cap, &c, NSP_CLASS_POP, m->pops[p].id,
		     nsp_xasprintf("/pops/%zu", p), NULL);
	}
	pop_values(a, &cap, &c, NSP_CLASS_FACILITY,
	           offsetof(struct nsp_pop, facility), "facility");
	pop_values(a, &cap, &c, NSP_CLASS_METRO,
	           offsetof(struct nsp_pop, metro), "metro");
	pop_values(a, &cap, &c, NSP_CLASS_EDGE_DOMAIN,
	           offsetof(struct nsp_pop, edge_domain), "edge_domain");
	free_values(a, &cap, &c);
	free(c.seen);
	free(c.v);
	free(c.pop_off);
	free(c.pop_routers);
}

/* ---- per-demand structure ---- */

/* Position of x in the sorted array v of n, or NSP_NONE. */
static size_t bsearch_index(const size_t *v, size_t n, size_t x)
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

/* Stamp the demand's circuits as the current demand's. */
static void map_demand(struct scratch *s, const struct nsp_demand *d)
{
	s->now++;
	for (size_t i = 0; i < d->ncircuits; i++)
		s->stamp[d->circuits[i]] = s->now;
}

/* Routers, adjacency and elements of one demand. */
static void build_demand(struct nsp_analysis *a, size_t di,
                         const size_t *ce_off, const size_t *ce,
                         unsigned *rstamp, size_t *rlocal, unsigned *estamp,
                         unsigned stamp)
{
	const struct nsp_model *m = a->m;
	const struct nsp_demand *d = &m->demands[di];
	struct nsp_dan *dn = &a->dan[di];
	size_t nc = d->ncircuits;
	dn->nc = nc;
	dn->routers = nsp_xmalloc((2 * nc + 1) * sizeof(size_t));
	dn->ca = nsp_xmalloc((nc + 1) * sizeof(size_t));
	dn->cz = nsp_xmalloc((nc + 1) * sizeof(size_t));
	for (size_t i = 0; i < nc; i++) {
		const struct nsp_circuit *c = &m->circuits[d->circuits[i]];
		size_t ends[2] = {c->a.router, c->z.router};
		size_t *loc[2] = {&dn->ca[i], &dn->cz[i]};
		for (int k = 0; k < 2; k++) {
			if (rstamp[ends[k]] != stamp) {
				rstamp[ends[k]] = stamp;
				rlocal[ends[k]] = dn->nr;
				dn->routers[dn->nr++] = ends[k];
			}
			*loc[k] = rlocal[ends[k]];
		}
	}
	dn->kind = nsp_xcalloc(dn->nr + 1, 1);
	for (size_t r = 0; r < dn->nr; r++) {
		size_t g = dn->routers[r];
		if (nsp_router_in_endpoint(m, g, d->to))
			dn->kind[r] = K_TO;
		else if (nsp_router_in_endpoint(m, g, d->from))
			dn->kind[r] = K_FROM;
		else if (m->routers[g].role == NSP_ROLE_EXCHANGE)
			dn->kind[r] = K_EXCH;
	}
	dn->adj_off = nsp_xcalloc(dn->nr + 2, sizeof(size_t));
	for (size_t i = 0; i < nc; i++) {
		dn->adj_off[dn->ca[i] + 2]++;
		dn->adj_off[dn->cz[i] + 2]++;
	}
	for (size_t r = 0; r < dn->nr; r++)
		dn->adj_off[r + 2] += dn->adj_off[r + 1];
	dn->adj = nsp_xmalloc((2 * nc + 1) * sizeof(size_t));
	for (size_t i = 0; i < nc; i++) {
		dn->adj[dn->adj_off[dn->ca[i] + 1]++] = i;
		dn->adj[dn->adj_off[dn->cz[i] + 1]++] = i;
	}
	/* elements: those on any of its circuits */
	size_t n = 0, cap = 0, tot = 0;
	size_t *el = NULL;
	for (size_t i = 0; i < nc; i++) {
		size_t g = d->circuits[i];
		for (size_t k = ce_off[g]; k < ce_off[g + 1]; k++) {
			tot++;
			if (estamp[ce[k]] == stamp)
				continue;
			estamp[ce[k]] = stamp;
			NSP_GROW(el, cap, n + 1);
			el[n++] = ce[k];
		}
	}
	if (n > 1)
		qsort(el, n, sizeof(size_t), cmp_size);
	dn->elems = el;
	dn->ne = n;
	dn->ec_off = nsp_xcalloc(n + 2, sizeof(size_t));
	dn->ec = nsp_xmalloc((tot + 1) * sizeof(size_t));
	dn->ecg = nsp_xmalloc((tot + 1) * sizeof(size_t));
	for (size_t i = 0; i < nc; i++) {
		size_t g = d->circuits[i];
		for (size_t k = ce_off[g]; k < ce_off[g + 1]; k++)
			dn->ec_off[bsearch_index(el, n, ce[k]) + 2]++;
	}
	for (size_t e = 0; e < n; e++)
		dn->ec_off[e + 2] += dn->ec_off[e + 1];
	for (size_t i = 0; i < nc; i++) {
		size_t g = d->circuits[i];
		for (size_t k = ce_off[g]; k < ce_off[g + 1]; k++) {
			size_t pos =
			    dn->ec_off[bsearch_index(el, n, ce[k]) + 1]++;
			dn->ec[pos] = i;
			dn->ecg[pos] = g;
		}
	}
}

/* ---- routing model ---- */

/* Shortest distances to the 'to' routers, over preferred or all circuits. */
static void distances(const struct nsp_analysis *a, const struct nsp_dan *dn,
                      const size_t *gc, const bool *dead, bool preferred,
                      int *dist, size_t *queue)
{
	size_t head = 0, tail = 0;
	for (size_t r = 0; r < dn->nr; r++) {
		dist[r] = -1;
		if (dn->kind[r] == K_TO) {
			dist[r] = 0;
			queue[tail++] = r;
		}
	}
	while (head < tail) {
		size_t u = queue[head++];
		if (dn->kind[u] == K_FROM || !dn->kind[u])
			continue;
		for (size_t k = dn->adj_off[u]; k < dn->adj_off[u + 1]; k++) {
			size_t c = dn->adj[k];
			if (dead[c] ||
			    (preferred &&
			     a->m->circuits[gc[c]].role == NSP_CROLE_BACKUP))
				continue;
			size_t v = dn->ca[c] == u ? dn->cz[c] : dn->ca[c];
			if (dist[v] >= 0 || !(dn->kind[v] & (K_FROM | K_EXCH)))
				continue;
			dist[v] = dist[u] + 1;
			queue[tail++] = v;
		}
	}
}

/* Sort key of a router: backup-class routers first, farthest first. */
static long route_key(const struct scratch *s, size_t r)
{
	return s->dist_p[r] >= 0 ? 1000000L - s->dist_p[r]
	                         : -(long)s->dist_a[r];
}

static int cmp_route(const void *x, const void *y, void *arg)
{
	long a = route_key(arg, *(const size_t *)x);
	long b = route_key(arg, *(const size_t *)y);
	if (a != b)
		return a < b ? -1 : 1;
	return cmp_size(x, y);
}

/*
 * The demand's traffic, hop by hop, with the flagged circuits dead: the
 * signed share of each circuit into frac. Returns whether it gets through.
 */
static bool flow(const struct nsp_analysis *a, size_t di, const bool *dead,
                 double *frac, struct scratch *s)
{
	const struct nsp_model *m = a->m;
	const struct nsp_dan *dn = &a->dan[di];
	const size_t *gc = m->demands[di].circuits;
	for (size_t i = 0; i < dn->nc; i++)
		frac[i] = 0;
	distances(a, dn, gc, dead, true, s->dist_p, s->queue);
	distances(a, dn, gc, dead, false, s->dist_a, s->queue);
	int best = -1;
	bool pref = false;
	for (size_t r = 0; r < dn->nr; r++)
		if (dn->kind[r] == K_FROM && s->dist_p[r] > 0 &&
		    (!pref || s->dist_p[r] < best)) {
			best = s->dist_p[r];
			pref = true;
		}
	for (size_t r = 0; r < dn->nr && !pref; r++)
		if (dn->kind[r] == K_FROM && s->dist_a[r] > 0 &&
		    (best < 0 || s->dist_a[r] < best))
			best = s->dist_a[r];
	if (best < 0)
		return false;
	/*
	 * The order routers pass traffic on: the starting routers first (no
	 * traffic flows into them), then the exchange routers farthest first,
	 * so each has all its inflow before it splits it. Only the exchange
	 * routers are sorted: a demand over thousands of CPEs stays linear.
	 */
	size_t nstart = 0, norder = 0, nfrom;
	for (size_t r = 0; r < dn->nr; r++) {
		s->inflow[r] = 0;
		int dr = pref ? s->dist_p[r] : s->dist_a[r];
		if (dn->kind[r] == K_FROM && dr == best) {
			nstart++;
			s->order[norder++] = r;
		}
	}
	nfrom = norder;
	for (size_t r = 0; r < dn->nr; r++)
		if (dn->kind[r] == K_EXCH && s->dist_a[r] > 0)
			s->order[norder++] = r;
	for (size_t i = 0; i < nfrom; i++)
		s->inflow[s->order[i]] = 1.0 / (double)nstart;
	if (norder - nfrom > 1)
		qsort_r(s->order + nfrom, norder - nfrom, sizeof(size_t),
			cmp_route, s);
	for (size_t i = 0; i < norder; i++) {
		size_t u = s->order[i];
		double f = s->inflow[u];
		if (f <= 0)
			continue;
		bool p = s->dist_p[u] >= 0;
		int du = p ? s->dist_p[u] : s->dist_a[u];
		const int *dist = p ? s->dist_p : s->dist_a;
		double wsum = 0;
		for (int pass = 0; pass < 2; pass++) {
			for (size_t k = dn->adj_off[u]; k < dn->adj_off[u + 1];
			     k++) {
				size_t c = dn->adj[k];
				const struct nsp_circuit *ci =
				    &m->circuits[gc[c]];
				if (dead[c] ||
				    (p && ci->role == NSP_CROLE_BACKUP))
					continue;
				size_t v =
				    dn->ca[c] == u ? dn->cz[c] : dn->ca[c];
				bool next = (dn->kind[v] == K_TO && du == 1) ||
				            (dn->kind[v] == K_EXCH &&
				             dist[v] == du - 1);
				if (!next)
					continue;
				if (!pass) {
					wsum += ci->weight;
					continue;
				}
				double share = f * ci->weight / wsum;
				frac[c] += dn->ca[c] == u ? share : -share;
				if (dn->kind[v] == K_EXCH)
					s->inflow[v] += share;
			}
		}
	}
	return true;
}

/* Flag the circuits of demand di that the given elements take down. */
static bool mark_dead(const struct nsp_analysis *a, size_t di,
                      const size_t *fail, size_t nfail, bool *dead)
{
	const struct nsp_dan *dn = &a->dan[di];
	bool any = false;
	for (size_t i = 0; i < dn->nc; i++)
		dead[i] = false;
	for (size_t f = 0; f < nfail; f++) {
		size_t k = bsearch_index(dn->elems, dn->ne, fail[f]);
		if (k == NSP_NONE)
			continue;
		for (size_t j = dn->ec_off[k]; j < dn->ec_off[k + 1]; j++)
			dead[dn->ec[j]] = any = true;
	}
	return any;
}

/* The demand's size for loads: 0 when unknown. */
static double demand_mbps(const struct nsp_model *m, size_t di)
{
	return m->demands[di].has_mbps ? (double)m->demands[di].mbps : 0;
}

/* Move demand o's traffic in the per-circuit loads from shares to to. */
static void move_loads(const struct nsp_analysis *a, double *load, size_t o,
                       const double *from, const double *to)
{
	double mb = demand_mbps(a->m, o);
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
static void shift_loads(const struct nsp_analysis *a, double *load, size_t o,
                        const double *frac)
{
	move_loads(a, load, o, a->dan[o].base, frac);
}

/* Put the steady state back on demand o's circuits. */
static void reset_loads(const struct nsp_analysis *a, double *load, size_t o)
{
	const struct nsp_demand *dem = &a->m->demands[o];
	for (size_t i = 0; i < dem->ncircuits; i++) {
		size_t g = dem->circuits[i];
		load[2 * g] = a->base_load[0][g];
		load[2 * g + 1] = a->base_load[1][g];
	}
}

/* The busier direction of a circuit, over its usable bandwidth. */
static bool circuit_share(const struct nsp_analysis *a, size_t g, double l0,
                          double l1, double *share, double *load)
{
	double l = l0 > l1 ? l0 : l1;
	if (l < 1e-9)
		return false;
	*load = l;
	*share = l / a->usable[g];
	return true;
}

/*
 * Demand d's outcome from the loads and its dead circuits: the worst
 * circuit is the one with the highest share, the first in the demand's
 * order among equal ones.
 */
static void judge(struct nsp_outcome *out, const struct nsp_analysis *a,
                  size_t d, const bool *dead, const double *load,
                  bool connected)
{
	const struct nsp_dan *dn = &a->dan[d];
	const struct nsp_demand *dem = &a->m->demands[d];
	memset(out, 0, sizeof(*out));
	out->worst_circuit = NSP_NONE;
	out->sized = dem->has_mbps;
	out->connected = connected;
	for (size_t i = 0; i < dn->nc; i++) {
		size_t g = dem->circuits[i];
		double share, l;
		if (dead[i] ||
		    !circuit_share(a, g, load[2 * g], load[2 * g + 1], &share,
		                   &l))
			continue;
		if (out->worst_circuit == NSP_NONE ||
		    share > out->worst_share) {
			out->worst_share = share;
			out->worst_load = l;
			out->worst_circuit = g;
		}
	}
	for (size_t i = 0; i < dn->nc && connected; i++) {
		if (!dead[i] || !dn->base[i])
			continue;
		uint64_t t = a->failover_ms[dem->circuits[i]];
		if (t == UINT64_MAX)
			out->failover_never = true;
		else if (t > out->failover_ms)
			out->failover_ms = t;
	}
}

/* Whether demand o uses a circuit mapped into the current demand. */
static bool shares(const struct nsp_analysis *a, const struct scratch *s,
                   size_t o)
{
	const struct nsp_demand *dem = &a->m->demands[o];
	for (size_t i = 0; i < dem->ncircuits; i++)
		if (s->stamp[dem->circuits[i]] == s->now)
			return true;
	return false;
}

/*
 * Demand d under a failure, with only the demands in touched (sorted)
 * rerouted: those a failed element reaches that share a circuit with d.
 */
static void eval_touched(struct nsp_outcome *out, const struct nsp_analysis *a,
                         size_t d, const size_t *fail, size_t nfail,
                         const size_t *touched, size_t nt)
{
	struct scratch *s = a->scratch;
	bool connected = a->dan[d].base_conn;
	mark_dead(a, d, fail, nfail, s->dead);
	for (size_t t = 0; t < nt; t++) {
		size_t o = touched[t];
		if (o == d) {
			connected = flow(a, d, s->dead, s->frac, s);
			shift_loads(a, s->load, d, s->frac);
		} else if (demand_mbps(a->m, o)) {
			mark_dead(a, o, fail, nfail, s->dead2);
			flow(a, o, s->dead2, s->frac2, s);
			shift_loads(a, s->load, o, s->frac2);
		}
	}
	judge(out, a, d, s->dead, s->load, connected);
	for (size_t t = 0; t < nt; t++)
		reset_loads(a, s->load, touched[t]);
}

/* Whether demand o uses one of the failed elements. */
static bool reached(const struct nsp_analysis *a, size_t o, const size_t *fail,
                    size_t nfail)
{
	const struct nsp_dan *dn = &a->dan[o];
	for (size_t f = 0; f < nfail; f++)
		if (bsearch_index(dn->elems, dn->ne, fail[f]) != NSP_NONE)
			return true;
	return false;
}

void nsp_analysis_eval(struct nsp_outcome *out, const struct nsp_analysis *a,
                       size_t d, const size_t *fail, size_t nfail)
{
	struct scratch *s = a->scratch;
	const struct nsp_demand *dem = &a->m->demands[d];
	size_t nt = 0, reach = 0;
	map_demand(s, dem);
	s->dnow++;
	for (size_t f = 0; f < nfail; f++)
		if (fail[f] < a->nelems)
			reach += s->ed_off[fail[f] + 1] - s->ed_off[fail[f]];
	/*
	 * The demands to reroute: those the failure reaches that share a
	 * circuit with d, found from d's circuits or from the failed
	 * elements, whichever has fewer demands to look at.
	 */
	if (s->nbcost[d] <= reach) {
		for (size_t i = 0; i < dem->ncircuits; i++) {
			size_t g = dem->circuits[i];
			for (size_t j = s->cd_off[g]; j < s->cd_off[g + 1]; j++) {
				size_t o = s->cd[j];
				if (s->dstamp[o] == s->dnow)
					continue;
				s->dstamp[o] = s->dnow;
				if (reached(a, o, fail, nfail))
					s->touched[nt++] = o;
			}
		}
	} else {
		for (size_t f = 0; f < nfail; f++) {
			if (fail[f] >= a->nelems)
				continue;
			for (size_t j = s->ed_off[fail[f]];
			     j < s->ed_off[fail[f] + 1]; j++) {
				size_t o = s->ed_dem[j];
				if (s->dstamp[o] == s->dnow)
					continue;
				s->dstamp[o] = s->dnow;
				if (o == d || shares(a, s, o))
					s->touched[nt++] = o;
			}
		}
	}
	if (nt > 1)
		qsort(s->touched, nt, sizeof(size_t), cmp_size);
	eval_touched(out, a, d, fail, nfail, s->touched, nt);
}

/* ---- single failures of a demand of its own ---- */

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
 * Every share is computed by the same expression as in flow() and
 * shift_loads(), so the outcome is the same to the bit; the unit tests
 * compare the two on every design they have.
 */

/* Circuits by share, highest first, then by position in the demand. */
struct order {
	uint64_t key[3];
	size_t n;
	size_t *idx; /* local circuit */
	size_t *grp; /* its group (the order of groups only) */
	double *share, *load;
};

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

static bool fast_circuit(const struct nsp_analysis *a, size_t d,
                         const struct fast *fs, size_t i, double f,
                         double wsum, double *share, double *load)
{
	const struct nsp_dan *dn = &a->dan[d];
	size_t g = a->m->demands[d].circuits[i];
	double l[2] = {a->base_load[0][g], a->base_load[1][g]};
	double mb = demand_mbps(a->m, d);
	if (mb && fs->grp[i] != NSP_NONE) {
		double sh = f * a->m->circuits[g].weight / wsum;
		double fr = dn->ca[i] == fs->g_r[fs->grp[i]] ? sh : -sh;
		double b = dn->base[i];
		if (b)
			l[b < 0] += fabs(b) * -mb;
		l[fr < 0] += fabs(fr) * mb;
	}
	return circuit_share(a, g, l[0], l[1], share, load);
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
 * different weight) is then scanned circuit by circuit, as flow() would.
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
 * circuits or is cut), which flow() works out instead.
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
static bool fast_fits(const struct nsp_analysis *a, size_t d)
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
static void singles_alone(struct nsp_analysis *a, size_t d)
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
		eval_touched(&dn->single[k], a, d, &dn->elems[k], 1, &d, 1);
		mark_dead(a, d, NULL, 0, s->dead);
	}
	fast_free(&fs);
}

/*
 * The single failures of the demands that share circuits, element by
 * element: every demand the element reaches is rerouted once, and each
 * of them is judged on the loads of all of them together.
 */
static void singles_shared(struct nsp_analysis *a, const bool *alone)
{
	struct scratch *s = a->scratch;
	for (size_t e = 0; e < a->nelems; e++) {
		size_t lo = s->ed_off[e], hi = s->ed_off[e + 1];
		for (size_t j = lo; j < hi; j++) {
			size_t d = s->ed_dem[j];
			if (alone[d])
				continue;
			mark_dead(a, d, &e, 1, s->dead);
			a->dan[d].single[s->ed_pos[j]].connected =
			    flow(a, d, s->dead, s->frac, s);
			shift_loads(a, s->load, d, s->frac);
		}
		for (size_t j = lo; j < hi; j++) {
			size_t d = s->ed_dem[j];
			if (alone[d])
				continue;
			struct nsp_outcome *o = &a->dan[d].single[s->ed_pos[j]];
			mark_dead(a, d, &e, 1, s->dead);
			judge(o, a, d, s->dead, s->load, o->connected);
		}
		for (size_t j = lo; j < hi; j++)
			if (!alone[s->ed_dem[j]])
				reset_loads(a, s->load, s->ed_dem[j]);
	}
}

/* ---- pairs of failures ---- */

/*
 * The distinct pairs of elements some demand uses both of, grouped by the
 * element of each pair that reaches more demands (its base): the partners
 * of base b are partner[off[b]] to partner[off[b + 1]].
 */
static void element_pairs(const struct nsp_analysis *a, size_t **off,
                          size_t **partner)
{
	const struct scratch *s = a->scratch;
	size_t ne = a->nelems;
	size_t *o = nsp_xcalloc(ne + 2, sizeof(size_t));
	for (int pass = 0; pass < 2; pass++) {
		for (size_t d = 0; d < a->m->ndemands; d++) {
			const struct nsp_dan *dn = &a->dan[d];
			for (size_t i = 0; i < dn->ne; i++)
				for (size_t j = i + 1; j < dn->ne; j++) {
					size_t x = dn->elems[i], y = dn->elems[j];
					size_t rx = s->ed_off[x + 1] - s->ed_off[x];
					size_t ry = s->ed_off[y + 1] - s->ed_off[y];
					size_t b = ry > rx ? y : x;
					if (!pass)
						o[b + 2]++;
					else
						(*partner)[o[b + 1]++] = b == x ? y : x;
				}
		}
		if (pass)
			break;
		for (size_t e = 0; e < ne; e++)
			o[e + 2] += o[e + 1];
		*partner = nsp_xmalloc((o[ne + 1] + 1) * sizeof(size_t));
	}
	/* each pair once: keep the first of each partner of a base */
	size_t *seen = nsp_xmalloc((ne + 1) * sizeof(size_t));
	for (size_t e = 0; e < ne; e++)
		seen[e] = NSP_NONE;
	size_t u = 0;
	for (size_t b = 0; b < ne; b++) {
		size_t lo = o[b], hi = o[b + 1];
		o[b] = u;
		for (size_t k = lo; k < hi; k++) {
			size_t q = (*partner)[k];
			if (seen[q] == b)
				continue;
			seen[q] = b;
			(*partner)[u++] = q;
		}
	}
	o[ne] = u;
	free(seen);
	*off = o;
}

/* A circuit's loads before a pair changed them. */
struct saved {
	size_t g;
	double l[2];
};

void nsp_analysis_pairs(const struct nsp_analysis *a, nsp_pair_fn *fn,
                        void *ctx)
{
	const struct nsp_model *m = a->m;
	struct scratch *s = a->scratch;
	size_t *poff, *partner;
	element_pairs(a, &poff, &partner);
	size_t maxr = 1;
	for (size_t e = 0; e < a->nelems; e++)
		if (s->ed_off[e + 1] - s->ed_off[e] > maxr)
			maxr = s->ed_off[e + 1] - s->ed_off[e];
	/* per demand: position in the base's list; its shares there */
	size_t *inbase = nsp_xmalloc((m->ndemands + 1) * sizeof(size_t));
	for (size_t d = 0; d < m->ndemands; d++)
		inbase[d] = NSP_NONE;
	size_t *boff = nsp_xmalloc((maxr + 1) * sizeof(size_t));
	double *bfrac = NULL;
	size_t bcap = 0;
	bool *conn = nsp_xmalloc((maxr + 1) * sizeof(bool));
	struct saved *sv = NULL;
	size_t svcap = 0;
	for (size_t b = 0; b < a->nelems; b++) {
		if (poff[b] == poff[b + 1])
			continue;
		size_t lo = s->ed_off[b], hi = s->ed_off[b + 1];
		/* the base alone, every demand it reaches rerouted */
		size_t tot = 0;
		for (size_t j = lo; j < hi; j++) {
			boff[j - lo] = tot;
			tot += a->dan[s->ed_dem[j]].nc;
		}
		NSP_GROW(bfrac, bcap, tot + 1);
		for (size_t j = lo; j < hi; j++) {
			size_t o = s->ed_dem[j];
			double *f = bfrac + boff[j - lo];
			inbase[o] = j - lo;
			mark_dead(a, o, &b, 1, s->dead);
			flow(a, o, s->dead, f, s);
			shift_loads(a, s->load, o, f);
		}
		/* then each partner on top of it */
		for (size_t p = poff[b]; p < poff[b + 1]; p++) {
			size_t q = partner[p];
			size_t fail[2] = {b < q ? b : q, b < q ? q : b};
			size_t qlo = s->ed_off[q], qhi = s->ed_off[q + 1], nsv = 0;
			for (size_t j = qlo; j < qhi; j++) {
				size_t o = s->ed_dem[j];
				const struct nsp_demand *dem = &m->demands[o];
				/*
				 * A demand that uses only the partner matters
				 * only through circuits it shares.
				 */
				if (inbase[o] == NSP_NONE && !a->dan[o].shared)
					continue;
				mark_dead(a, o, fail, 2, s->dead);
				conn[j - qlo] = flow(a, o, s->dead, s->frac, s);
				if (!demand_mbps(m, o))
					continue;
				NSP_GROW(sv, svcap, nsv + dem->ncircuits);
				for (size_t i = 0; i < dem->ncircuits; i++) {
					size_t g = dem->circuits[i];
					sv[nsv++] = (struct saved){
					    g, {s->load[2 * g], s->load[2 * g + 1]}};
				}
				/* from its shares under the base to the pair's */
				move_loads(a, s->load, o,
				           inbase[o] == NSP_NONE
				               ? a->dan[o].base
				               : bfrac + boff[inbase[o]],
				           s->frac);
			}
			bool flags = true; /* s->dead: the last one rerouted */
			for (size_t j = qhi; j-- > qlo;) {
				size_t o = s->ed_dem[j];
				if (inbase[o] == NSP_NONE) {
					flags = false;
					continue;
				}
				struct nsp_outcome out;
				if (!flags)
					mark_dead(a, o, fail, 2, s->dead);
				flags = false;
				judge(&out, a, o, s->dead, s->load, conn[j - qlo]);
				fn(ctx, o, fail[0], fail[1], &out);
			}
			while (nsv--) {
				s->load[2 * sv[nsv].g] = sv[nsv].l[0];
				s->load[2 * sv[nsv].g + 1] = sv[nsv].l[1];
			}
		}
		for (size_t j = lo; j < hi; j++) {
			inbase[s->ed_dem[j]] = NSP_NONE;
			reset_loads(a, s->load, s->ed_dem[j]);
		}
	}
	free(poff);
	free(partner);
	free(inbase);
	free(boff);
	free(bfrac);
	free(conn);
	free(sv);
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
	s->ed_dem = nsp_xmalloc((tot + 1) * sizeof(size_t));
	s->ed_pos = nsp_xmalloc((tot + 1) * sizeof(size_t));
	for (size_t d = 0; d < m->ndemands; d++)
		for (size_t k = 0; k < a->dan[d].ne; k++) {
			size_t j = s->ed_off[a->dan[d].elems[k] + 1]++;
			s->ed_dem[j] = d;
			s->ed_pos[j] = k;
		}
}

static struct nsp_analysis *analysis_new(const struct nsp_model *m,
                                         bool reference)
{
	struct nsp_analysis *a = nsp_xcalloc(1, sizeof(*a));
	a->m = m;
	build_elements(a);
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
	unsigned *rstamp = nsp_xcalloc(m->nrouters + 1, sizeof(unsigned));
	size_t *rlocal = nsp_xmalloc((m->nrouters + 1) * sizeof(size_t));
	unsigned *estamp = nsp_xcalloc(a->nelems + 1, sizeof(unsigned));
	size_t maxc = 1, maxr = 1;
	for (size_t d = 0; d < m->ndemands; d++) {
		build_demand(a, d, ce_off, ce, rstamp, rlocal, estamp,
		             (unsigned)d + 1);
		if (a->dan[d].nc > maxc)
			maxc = a->dan[d].nc;
		if (a->dan[d].nr > maxr)
			maxr = a->dan[d].nr;
	}
	free(rstamp);
	free(rlocal);
	free(estamp);
	free(ce_off);
	free(ce);

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
		dn->base = nsp_xcalloc(dn->nc + 1, sizeof(double));
		dn->base_conn = flow(a, d, s->dead, dn->base, s);
		double mb = demand_mbps(m, d);
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
		mark_dead(a, d, NULL, 0, s->dead);
		judge(&dn->base_out, a, d, s->dead, s->load, dn->base_conn);
		dn->single = nsp_xcalloc(dn->ne + 1, sizeof(*dn->single));
		if (reference) {
			for (size_t k = 0; k < dn->ne; k++)
				nsp_analysis_eval(&dn->single[k], a, d,
				                  &dn->elems[k], 1);
		} else if ((alone[d] = fast_fits(a, d))) {
			singles_alone(a, d);
		}
	}
	if (!reference)
		singles_shared(a, alone);
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
	for (size_t e = 0; e < a->nelems; e++) {
		free(a->elems[e].name);
		free(a->elems[e].pointer);
		free(a->elems[e].field);
		free(a->elems[e].circuits);
	}
	free(a->elems);
	for (size_t d = 0; a->dan && d < a->m->ndemands; d++) {
		struct nsp_dan *dn = &a->dan[d];
		free(dn->routers);
		free(dn->kind);
		free(dn->ca);
		free(dn->cz);
		free(dn->adj_off);
		free(dn->adj);
		free(dn->elems);
		free(dn->ec_off);
		free(dn->ec);
		free(dn->ecg);
		free(dn->base);
		free(dn->single);
	}
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
	size_t k = bsearch_index(dn->elems, dn->ne, e);
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
	size_t k = bsearch_index(dem->circuits, dem->ncircuits, c);
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
		qsort(s->touched, nt, sizeof(size_t), cmp_size);
	/* rerouted in demand order, as eval_touched() does: equal loads */
	for (size_t t = 0; t < nt; t++) {
		size_t o = s->touched[t];
		mark_dead(a, o, fail, nfail, s->dead);
		flow(a, o, s->dead, s->frac, s);
		shift_loads(a, s->load, o, s->frac);
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
		reset_loads(a, s->load, s->touched[t]);
	return work;
}

double nsp_analysis_fail_share(const struct nsp_analysis *a, size_t d,
                               size_t c, const size_t *fail, size_t nfail)
{
	struct scratch *s = a->scratch;
	const struct nsp_demand *dem = &a->m->demands[d];
	size_t k = bsearch_index(dem->circuits, dem->ncircuits, c);
	if (k == NSP_NONE)
		return 0;
	mark_dead(a, d, fail, nfail, s->dead);
	flow(a, d, s->dead, s->frac, s);
	return s->frac[k];
}

const size_t *nsp_circuit_demands(const struct nsp_analysis *a, size_t c,
                                  size_t *n)
{
	const struct scratch *s = a->scratch;
	*n = s->cd_off[c + 1] - s->cd_off[c];
	return s->cd + s->cd_off[c];
}

bool nsp_demand_connected(const struct nsp_analysis *a, size_t d,
                          const bool *dead)
{
	struct scratch *s = a->scratch;
	const struct nsp_dan *dn = &a->dan[d];
	distances(a, dn, a->m->demands[d].circuits, dead, false, s->dist_a,
	          s->queue);
	for (size_t r = 0; r < dn->nr; r++)
		if (dn->kind[r] == K_FROM && s->dist_a[r] > 0)
			return true;
	return false;
}

/* Depth-first walk of the simple paths from local router u. */
struct paths {
	const struct nsp_dan *dn;
	size_t nwords, max, n, cap;
	uint64_t *cur, *v;
	bool *on; /* router on the current path */
	bool over;
};

static void walk(struct paths *p, size_t u)
{
	const struct nsp_dan *dn = p->dn;
	p->on[u] = true;
	for (size_t k = dn->adj_off[u]; k < dn->adj_off[u + 1] && !p->over;
	     k++) {
		size_t c = dn->adj[k];
		size_t v = dn->ca[c] == u ? dn->cz[c] : dn->ca[c];
		if (p->on[v] || !(dn->kind[v] & (K_TO | K_EXCH)))
			continue;
		p->cur[c / 64] |= 1ull << (c % 64);
		if (dn->kind[v] == K_TO) {
			if (p->n == p->max) {
				p->over = true;
			} else {
				NSP_GROW(p->v, p->cap, (p->n + 1) * p->nwords);
				memcpy(p->v + p->n * p->nwords, p->cur,
				       p->nwords * sizeof(uint64_t));
				p->n++;
			}
		} else {
			walk(p, v);
		}
		p->cur[c / 64] &= ~(1ull << (c % 64));
	}
	p->on[u] = false;
}

size_t nsp_demand_paths(const struct nsp_analysis *a, size_t d, size_t max,
                        uint64_t **out, size_t *nwords)
{
	const struct nsp_dan *dn = &a->dan[d];
	struct paths p = {dn,   dn->nc / 64 + 1, max, 0, 0, NULL, NULL, NULL,
	                  false};
	p.cur = nsp_xcalloc(p.nwords, sizeof(uint64_t));
	p.on = nsp_xcalloc(dn->nr + 1, sizeof(bool));
	for (size_t r = 0; r < dn->nr && !p.over; r++)
		if (dn->kind[r] == K_FROM)
			walk(&p, r);
	free(p.cur);
	free(p.on);
	*nwords = p.nwords;
	if (p.over) {
		free(p.v);
		*out = NULL;
		return SIZE_MAX;
	}
	*out = p.v;
	return p.n;
}
