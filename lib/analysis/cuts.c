/*
 * The minimal cut sets of a demand (cuts.h). The demand's elements are
 * tried in element order, one set at a time, growing a set only while it
 * does not cut the demand (a set that contains a cut is not minimal). A
 * set that cuts is minimal when no set with one element fewer cuts; its
 * prefix does not by construction, so only the others are tested. Two
 * things keep it fast: an element whose circuits are all down already
 * adds nothing, and the last element of a set must hit the path that
 * still connects the demand without it (found by the search that showed
 * the set is not a cut), so only those elements are tried there.
 */
#include "cuts.h"

#include "avail.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The work of one demand. */
struct work {
	const struct nsp_analysis *a;
	size_t d, k, ne;
	const size_t *el;
	struct nsp_demand_graph g;
	size_t *off, *adj;  /* circuits on each local router */
	unsigned *down;     /* per local circuit: how many set elements */
	size_t *parent;     /* per router: circuit it was reached by */
	size_t *stack;
	uint8_t *seen;
	size_t *set;        /* positions in el */
	double *q;          /* per position: unavailability */
	const size_t **lc;  /* per position: its local circuits */
	size_t *nlc;        /* and how many */
	struct nsp_cut *v;
	size_t n, cap;
	uint8_t **onpath;   /* per level: circuits of a live path */
};

/*
 * Whether the demand is up with the circuits of the current set down;
 * when it is, the circuits of one live path are flagged in onpath.
 */
static bool up(struct work *w, uint8_t *onpath)
{
	const struct nsp_demand_graph *g = &w->g;
	size_t top = 0;
	for (size_t r = 0; r < g->nr; r++) {
		w->seen[r] = g->kind[r] == 2;
		if (w->seen[r])
			w->stack[top++] = r;
	}
	while (top) {
		size_t u = w->stack[--top];
		for (size_t i = w->off[u]; i < w->off[u + 1]; i++) {
			size_t c = w->adj[i];
			if (w->down[c])
				continue;
			size_t v = g->ca[c] == u ? g->cz[c] : g->ca[c];
			if (w->seen[v] || !(g->kind[v] & (1 | 4)))
				continue;
			w->seen[v] = 1;
			w->parent[v] = c;
			if (g->kind[v] == 1) {
				if (onpath) {
					memset(onpath, 0, g->nc + 1);
					/* back to a 'to' router */
					for (size_t x = v; g->kind[x] != 2;) {
						size_t pc = w->parent[x];
						onpath[pc] = 1;
						x = g->ca[pc] == x ? g->cz[pc]
						                   : g->ca[pc];
					}
				}
				return true;
			}
			w->stack[top++] = v;
		}
	}
	return false;
}

/* Put element at position k of el down (by +1) or back up (by -1). */
static void toggle(struct work *w, size_t k, int by)
{
	const size_t *lc = w->lc[k];
	for (size_t i = 0, n = w->nlc[k]; i < n; i++)
		w->down[lc[i]] += (unsigned)by;
}

/* Whether element k adds a circuit not yet down. */
static bool adds(struct work *w, size_t k)
{
	const size_t *lc = w->lc[k];
	for (size_t i = 0, n = w->nlc[k]; i < n; i++)
		if (!w->down[lc[i]])
			return true;
	return false;
}

/* Whether element k takes down a circuit flagged in onpath. */
static bool hits(struct work *w, size_t k, const uint8_t *onpath)
{
	const size_t *lc = w->lc[k];
	for (size_t i = 0, n = w->nlc[k]; i < n; i++)
		if (onpath[lc[i]])
			return true;
	return false;
}

/* The current set of n cuts: keep it if no set one smaller does. */
static void found(struct work *w, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		toggle(w, w->set[i], -1);
		bool still = !up(w, NULL);
		toggle(w, w->set[i], +1);
		if (still)
			return;
	}
	const struct nsp_model *m = w->a->m;
	struct nsp_cut c = {w->d, n, {0}, 1, true};
	for (size_t i = 0; i < n; i++) {
		size_t e = w->el[w->set[i]];
		c.elem[i] = e;
		c.prob *= w->q[w->set[i]];
		c.required &= !!(m->intent.survive & (1u << w->a->elems[e].cls));
	}
	NSP_GROW(w->v, w->cap, w->n + 1);
	w->v[w->n++] = c;
}

/*
 * Grow the set of n elements (not a cut; onpath[n] a live path of it)
 * with each element after position from.
 */
static void grow(struct work *w, size_t n, size_t from)
{
	bool last = n + 1 == w->k;
	for (size_t k = from; k < w->ne; k++) {
		if (!adds(w, k) || (n && last && !hits(w, k, w->onpath[n])))
			continue;
		w->set[n] = k;
		toggle(w, k, +1);
		if (!up(w, last ? NULL : w->onpath[n + 1]))
			found(w, n + 1);
		else if (!last)
			grow(w, n + 1, k + 1);
		toggle(w, k, -1);
	}
}

/* Most probable first, then fewer elements, then element order. */
static int cmp_cut(const void *x, const void *y)
{
	const struct nsp_cut *a = x, *b = y;
	if (a->prob != b->prob)
		return a->prob > b->prob ? -1 : 1;
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (size_t i = 0; i < a->n; i++)
		if (a->elem[i] != b->elem[i])
			return a->elem[i] < b->elem[i] ? -1 : 1;
	return 0;
}

size_t nsp_demand_cuts(const struct nsp_analysis *a, size_t d, size_t k,
                       struct nsp_cut **out)
{
	struct work w = {.a = a, .d = d};
	w.k = k < 1 ? 1 : k > NSP_CUTS_LIMIT ? NSP_CUTS_LIMIT : k;
	w.el = nsp_demand_elems(a, d, &w.ne);
	nsp_demand_graph(a, d, &w.g);
	size_t nr = w.g.nr, nc = w.g.nc;
	w.off = nsp_xcalloc(nr + 2, sizeof(size_t));
	w.adj = nsp_xmalloc((2 * nc + 1) * sizeof(size_t));
	for (size_t c = 0; c < nc; c++) {
		w.off[w.g.ca[c] + 2]++;
		w.off[w.g.cz[c] + 2]++;
	}
	for (size_t r = 0; r < nr; r++)
		w.off[r + 2] += w.off[r + 1];
	for (size_t c = 0; c < nc; c++) {
		w.adj[w.off[w.g.ca[c] + 1]++] = c;
		w.adj[w.off[w.g.cz[c] + 1]++] = c;
	}
	w.down = nsp_xcalloc(nc + 1, sizeof(unsigned));
	w.parent = nsp_xcalloc(nr + 1, sizeof(size_t));
	w.stack = nsp_xmalloc((nr + 1) * sizeof(size_t));
	w.seen = nsp_xmalloc(nr + 1);
	w.set = nsp_xmalloc((w.k + 1) * sizeof(size_t));
	w.q = nsp_xmalloc((w.ne + 1) * sizeof(double));
	w.lc = nsp_xmalloc((w.ne + 1) * sizeof(*w.lc));
	w.nlc = nsp_xmalloc((w.ne + 1) * sizeof(size_t));
	for (size_t i = 0; i < w.ne; i++) {
		w.q[i] = nsp_elem_unavail(a, w.el[i]);
		w.nlc[i] = nsp_demand_elem_local(a, d, w.el[i], &w.lc[i]);
	}
	w.onpath = nsp_xmalloc((w.k + 1) * sizeof(uint8_t *));
	for (size_t i = 0; i <= w.k; i++)
		w.onpath[i] = nsp_xcalloc(nc + 1, 1);
	if (up(&w, w.onpath[0]))
		grow(&w, 0, 0);
	for (size_t i = 0; i <= w.k; i++)
		free(w.onpath[i]);
	free(w.onpath);
	free(w.off);
	free(w.adj);
	free(w.down);
	free(w.parent);
	free(w.stack);
	free(w.seen);
	free(w.set);
	free(w.q);
	free(w.lc);
	free(w.nlc);
	if (w.n > 1)
		qsort(w.v, w.n, sizeof(*w.v), cmp_cut);
	*out = w.v;
	return w.n;
}

bool nsp_cut_cuts(const struct nsp_analysis *a, size_t d, const size_t *fail,
                  size_t n)
{
	size_t nc = a->m->demands[d].ncircuits;
	bool *dead = nsp_xcalloc(nc + 1, sizeof(bool));
	for (size_t i = 0; i < n; i++) {
		const size_t *lc;
		size_t m = nsp_demand_elem_local(a, d, fail[i], &lc);
		for (size_t j = 0; j < m; j++)
			dead[lc[j]] = true;
	}
	bool cut = !nsp_demand_connected(a, d, dead);
	free(dead);
	return cut;
}
