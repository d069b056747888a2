/*
 * The failure elements of every class of FORMAT.md: each circuit, each
 * port given on a router, each router and PoP, each facility, metro and
 * edge domain shared by PoPs, each carrier and each shared-risk tag, with
 * the circuits its failure takes down. nsp_fa_build_elements() fills
 * a->elems once per design, class by class, then in file order; nothing
 * here knows about demands or routing.
 */
#include "failure_int.h"

#include <stdlib.h>
#include <string.h>

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

/*
 * Turn the collected circuits into a new element (none: nothing added). The
 * element keeps name, which lives as long as the model or the analysis; its
 * circuits go to the analysis's store.
 */
static void emit(struct nsp_analysis *a, size_t *cap, struct collect *c,
                 enum nsp_class cls, const char *name, const char *list,
                 size_t index, const char *key)
{
	if (!c->n) {
		c->stamp++;
		return;
	}
	NSP_GROW(a->elems, *cap, a->nelems + 1);
	struct nsp_felem *e = &a->elems[a->nelems++];
	e->cls = cls;
	e->name = name;
	e->list = list;
	e->index = index;
	e->key = key;
	if (c->n > 1)
		qsort(c->v, c->n, sizeof(size_t), nsp_fa_cmp_size);
	e->circuits = nsp_arena_alloc(&a->store, c->n * sizeof(size_t));
	memcpy(e->circuits, c->v, c->n * sizeof(size_t));
	e->ncircuits = c->n;
	c->n = 0;
	c->stamp++;
}

/* A distinct value and where it was first seen (as in nsp_felem). */
struct value {
	const char *s;
	const char *list;
	size_t index;
	const char *key;
};

/* Index of s in vals, appending it when new. */
static size_t value_index(struct nsp_map *map, struct value **vals, size_t *n,
                          size_t *cap, const char *s, const char *list,
                          size_t index, const char *key)
{
	void *v = nsp_map_get(map, s, strlen(s));
	if (v)
		return (size_t)(uintptr_t)v - 1;
	NSP_GROW(*vals, *cap, *n + 1);
	(*vals)[*n] = (struct value){s, list, index, key};
	nsp_map_put(map, s, strlen(s), (void *)(uintptr_t)(*n + 1));
	return (*n)++;
}

static int cmp_port(const void *x, const void *y, void *arg)
{
	const char *const *ports = arg;
	const char *a = ports[*(const size_t *)x],
	           *b = ports[*(const size_t *)y];
	int c = strcmp(a, b);
	return c ? c : nsp_fa_cmp_size(x, y);
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
		char *tmp = nsp_xasprintf("%s:%s", rr->id, port);
		const char *name = nsp_arena_strndup(&a->store, tmp,
		                                     strlen(tmp));
		free(tmp);
		emit(a, cap, c, NSP_CLASS_PORT, name, "circuits", first,
		     m->circuits[first].a.router == r ? "a/port" : "z/port");
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
		                        "pops", p, key)
		          : NSP_NONE;
	}
	size_t *off, *it;
	group_by(n, of, NULL, m->npops, &off, &it);
	for (size_t v = 0; v < n; v++) {
		for (size_t k = off[v]; k < off[v + 1]; k++)
			collect_pop(c, m, it[k]);
		emit(a, cap, c, cls, vals[v].s, vals[v].list, vals[v].index,
		     vals[v].key);
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
		                          "circuits", i, "carrier")
		            : NSP_NONE;
	group_by(n, cv, NULL, m->ncircuits, &off, &it);
	for (size_t v = 0; v < n; v++) {
		for (size_t k = off[v]; k < off[v + 1]; k++)
			collect_add(c, it[k]);
		emit(a, cap, c, NSP_CLASS_CARRIER, vals[v].s, vals[v].list,
		     vals[v].index, vals[v].key);
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
			                       "circuits", i, "srlg"),
			           i);
	for (size_t r = 0; r < m->nrouters; r++)
		for (size_t k = 0; k < m->routers[r].srlg.n; k++)
			tagged_add(&t[1],
			           value_index(&map, &vals, &n, &vcap,
			                       m->routers[r].srlg.v[k],
			                       "routers", r, "srlg"),
			           r);
	for (size_t p = 0; p < m->npops; p++)
		for (size_t k = 0; k < m->pops[p].srlg.n; k++)
			tagged_add(&t[2],
			           value_index(&map, &vals, &n, &vcap,
			                       m->pops[p].srlg.v[k],
			                       "pops", p, "srlg"),
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
		emit(a, cap, c, NSP_CLASS_SRLG, vals[v].s, vals[v].list,
		     vals[v].index, vals[v].key);
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
void nsp_fa_build_elements(struct nsp_analysis *a)
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
		     "circuits", i, NULL);
	}
	for (size_t r = 0; r < m->nrouters; r++)
		router_ports(a, &cap, &c, r);
	for (size_t r = 0; r < m->nrouters; r++) {
		collect_router(&c, &m->routers[r]);
		emit(a, &cap, &c, NSP_CLASS_ROUTER, m->routers[r].id,
		     "routers", r, NULL);
	}
	for (size_t p = 0; p < m->npops; p++) {
		collect_pop(&c, m, p);
		emit(a, &cap, &c, NSP_CLASS_POP, m->pops[p].id,
		     "pops", p, NULL);
	}
	pop_values(a, &cap, &c, NSP_CLASS_FACILITY,
	           offsetof(struct nsp_pop, facility), "facility");
	pop_values(a, &cap, &c, NSP_CLASS_METRO,
	           offsetof(struct nsp_pop, metro), "metro");
	pop_values(a, &cap, &c, NSP_CLASS_EDGE_DOMAIN,
	           offsetof(struct nsp_pop, edge_domain), "edge_domain");
	free_values(a, &cap, &c);
	/*
	 * kept as long as the analysis: copied to a block of its exact size,
	 * as a shrinking realloc may keep the whole block it had
	 */
	if (cap > a->nelems + 1) {
		struct nsp_felem *v = nsp_xmalloc((a->nelems + 1) * sizeof(*v));
		if (a->nelems)
			memcpy(v, a->elems, a->nelems * sizeof(*v));
		free(a->elems);
		a->elems = v;
	}
	free(c.seen);
	free(c.v);
	free(c.pop_off);
	free(c.pop_routers);
}

void nsp_felem_ptrs(const struct nsp_felem *e, struct nsp_felem_ptrs *p)
{
	snprintf(p->pointer, sizeof(p->pointer), "/%s/%zu", e->list,
	         e->index);
	p->field = NULL;
	if (e->key) {
		snprintf(p->field_buf, sizeof(p->field_buf), "%s/%s",
		         p->pointer, e->key);
		p->field = p->field_buf;
	}
}
