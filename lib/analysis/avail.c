/*
 * The availability of a demand: elements fail independently; the demand is
 * up while its graph connects (or, for a system given by paths, while some
 * path has no failed circuit). Elements that take down the same circuits
 * of the demand are merged into one group (it fails when any of them
 * does). The figure is exact, from a BDD built with BuDDy over one
 * variable per group; its backward pass gives each group's Birnbaum
 * importance. Fallbacks when the BDD node table runs out: every state
 * enumerated up to NSP_AVAIL_EXACT_MAX groups, beyond that a Monte Carlo
 * run with a fixed seed and a 95% error bound.
 */
#include "avail.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bddsession.h"

/* Work space of the graph search of up(): the circuits on each router. */
struct upbuf {
	size_t *stack;
	uint8_t *seen;
	size_t *off, *adj;
};

/* Work space for the system's graph (nothing much for paths). */
static void upbuf_init(struct upbuf *b, const struct nsp_avail_system *s)
{
	const struct nsp_demand_graph *g = s->graph;
	size_t nr = g ? g->nr : 0, nc = g ? g->nc : 0;
	b->stack = nsp_xmalloc((nr + 1) * sizeof(size_t));
	b->seen = nsp_xmalloc(nr + 1);
	b->off = nsp_xcalloc(nr + 2, sizeof(size_t));
	b->adj = nsp_xmalloc((2 * nc + 1) * sizeof(size_t));
	for (size_t c = 0; c < nc; c++) {
		b->off[g->ca[c] + 2]++;
		b->off[g->cz[c] + 2]++;
	}
	for (size_t r = 0; r < nr; r++)
		b->off[r + 2] += b->off[r + 1];
	for (size_t c = 0; c < nc; c++) {
		b->adj[b->off[g->ca[c] + 1]++] = c;
		b->adj[b->off[g->cz[c] + 1]++] = c;
	}
}

/* Free the work space. */
static void upbuf_free(struct upbuf *b)
{
	free(b->stack);
	free(b->seen);
	free(b->off);
	free(b->adj);
}

/* Whether circuit c is not in dead. */
static inline bool live(const uint64_t *dead, size_t c)
{
	return !(dead[c / 64] >> (c % 64) & 1);
}

/*
 * Whether the system is up with the dead circuits: over the graph, a
 * search from the 'to' routers through exchange routers reaches a 'from'
 * router (as flow.c's distances()); over the paths, one has no dead
 * circuit.
 */
static bool up(const struct nsp_avail_system *s, const uint64_t *dead,
               struct upbuf *b)
{
	const struct nsp_demand_graph *g = s->graph;
	if (g) {
		size_t top = 0;
		for (size_t r = 0; r < g->nr; r++) {
			b->seen[r] = g->kind[r] == 2;
			if (b->seen[r])
				b->stack[top++] = r;
		}
		while (top) {
			size_t u = b->stack[--top];
			for (size_t k = b->off[u]; k < b->off[u + 1]; k++) {
				size_t c = b->adj[k];
				if (!live(dead, c))
					continue;
				size_t v = g->ca[c] == u ? g->cz[c] : g->ca[c];
				if (b->seen[v] || !(g->kind[v] & (1 | 4)))
					continue;
				if (g->kind[v] == 1)
					return true;
				b->seen[v] = 1;
				b->stack[top++] = v;
			}
		}
		return false;
	}
	for (size_t p = 0; p < s->npaths; p++) {
		const uint64_t *path = s->paths + p * s->nwords;
		bool ok = true;
		for (size_t w = 0; w < s->nwords && ok; w++)
			ok = !(path[w] & dead[w]);
		if (ok)
			return true;
	}
	return false;
}

/* OR the masks of groups first..first+count-1 set in bits into dead. */
static void subset_mask(const struct nsp_avail_system *s, size_t first,
                        size_t count, uint64_t bits, uint64_t *dead,
                        double *prob)
{
	double p = 1;
	memset(dead, 0, s->nwords * sizeof(uint64_t));
	for (size_t i = 0; i < count; i++) {
		size_t g = first + i;
		if (bits >> i & 1) {
			p *= s->q[g];
			for (size_t w = 0; w < s->nwords; w++)
				dead[w] |= s->masks[g * s->nwords + w];
		} else {
			p *= 1 - s->q[g];
		}
	}
	*prob = p;
}

/* Every state, split in two halves whose subsets are tabulated. */
static double exact(const struct nsp_avail_system *s)
{
	size_t h = s->n / 2, nb = s->n - h;
	size_t na = (size_t)1 << h, nbs = (size_t)1 << nb, W = s->nwords;
	uint64_t *ma = nsp_xmalloc(na * W * sizeof(uint64_t));
	uint64_t *mb = nsp_xmalloc(nbs * W * sizeof(uint64_t));
	double *pa = nsp_xmalloc(na * sizeof(double));
	double *pb = nsp_xmalloc(nbs * sizeof(double));
	uint64_t *dead = nsp_xmalloc(W * sizeof(uint64_t));
	struct upbuf b;
	upbuf_init(&b, s);
	for (size_t i = 0; i < na; i++)
		subset_mask(s, 0, h, i, ma + i * W, &pa[i]);
	for (size_t i = 0; i < nbs; i++)
		subset_mask(s, h, nb, i, mb + i * W, &pb[i]);
	double down = 0;
	for (size_t i = 0; i < na; i++) {
		double part = 0;
		for (size_t j = 0; j < nbs; j++) {
			for (size_t w = 0; w < W; w++)
				dead[w] = ma[i * W + w] | mb[j * W + w];
			if (!up(s, dead, &b))
				part += pb[j];
		}
		down += pa[i] * part;
	}
	free(ma);
	free(mb);
	free(pa);
	free(pb);
	free(dead);
	upbuf_free(&b);
	return down;
}

/* splitmix64: a small, well-mixed generator with a fixed seed. */
static uint64_t next_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Monte Carlo: the share of sampled states in which the system is down. */
static double sample(const struct nsp_avail_system *s, uint64_t n,
                     uint64_t *hits)
{
	uint64_t state = NSP_AVAIL_SEED, down = 0;
	uint64_t *dead = nsp_xmalloc(s->nwords * sizeof(uint64_t));
	uint64_t *thr = nsp_xmalloc((s->n + 1) * sizeof(uint64_t));
	struct upbuf b;
	upbuf_init(&b, s);
	for (size_t g = 0; g < s->n; g++)
		thr[g] = (uint64_t)(s->q[g] * 18446744073709551615.0);
	for (uint64_t k = 0; k < n; k++) {
		bool any = false;
		for (size_t g = 0; g < s->n; g++) {
			if (next_rand(&state) >= thr[g])
				continue;
			if (!any)
				memset(dead, 0, s->nwords * sizeof(uint64_t));
			any = true;
			for (size_t w = 0; w < s->nwords; w++)
				dead[w] |= s->masks[g * s->nwords + w];
		}
		if (any && !up(s, dead, &b))
			down++;
	}
	upbuf_free(&b);
	free(dead);
	free(thr);
	*hits = down;
	return (double)down / (double)n;
}

/* Insert a cut into the top list, worst first. */
static void top_add(struct nsp_avail *out, size_t a, size_t b, size_t n,
                    double u)
{
	size_t k = out->ntop < 3 ? out->ntop++ : 3;
	if (k == 3 && u <= out->top[2].unavail)
		return;
	if (k == 3)
		k = 2;
	while (k > 0 && out->top[k - 1].unavail < u) {
		out->top[k] = out->top[k - 1];
		k--;
	}
	out->top[k] = (struct nsp_avail_cut){{a, b}, n, u};
}

/* The single and double cuts with the largest probability (group ids). */
static void dominant(struct nsp_avail *out, const struct nsp_avail_system *s)
{
	size_t W = s->nwords;
	uint64_t *dead = nsp_xmalloc(W * sizeof(uint64_t));
	bool *single = nsp_xcalloc(s->n + 1, sizeof(bool));
	struct upbuf b;
	upbuf_init(&b, s);
	out->ntop = 0;
	for (size_t g = 0; g < s->n; g++) {
		memcpy(dead, s->masks + g * W, W * sizeof(uint64_t));
		if (!up(s, dead, &b)) {
			single[g] = true;
			top_add(out, g, 0, 1, s->q[g]);
		}
	}
	for (size_t g = 0; g < s->n && s->n <= 256; g++) {
		if (single[g])
			continue;
		for (size_t h = g + 1; h < s->n; h++) {
			if (single[h])
				continue;
			for (size_t w = 0; w < W; w++)
				dead[w] =
				    s->masks[g * W + w] | s->masks[h * W + w];
			if (!up(s, dead, &b))
				top_add(out, g, h, 2, s->q[g] * s->q[h]);
		}
	}
	upbuf_free(&b);
	free(dead);
	free(single);
}

/* ---- the exact figure: a BDD of the system's connectivity ---- */

/* *acc = *acc op g, the reference counts kept right. */
static void acc_op(BDD *acc, BDD g, int op)
{
	BDD r = nsp_bdd.addref(nsp_bdd.apply(*acc, g, op));
	nsp_bdd.delref(*acc);
	*acc = r;
}

/*
 * Whether circuit c is up: no group that takes it down has failed
 * (variable g true: group g failed). An element that fails only when k of
 * its n members fail would add its k-of-n term here, as a threshold over
 * its members' variables, in place of one variable.
 */
static BDD circuit_up(const struct nsp_avail_system *s, size_t c,
                      const int *var)
{
	BDD r = nsp_bdd.addref(nsp_bdd.one);
	for (size_t g = 0; g < s->n; g++)
		if (s->masks[g * s->nwords + c / 64] >> (c % 64) & 1)
			acc_op(&r, nsp_bdd.nithvar(var[g]), bddop_and);
	return r;
}

/* Groups by key, then index. */
static const size_t *order_key;
static int cmp_group(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	if (order_key[a] != order_key[b])
		return order_key[a] < order_key[b] ? -1 : 1;
	return a < b ? -1 : a > b;
}

/*
 * The variable of each group. The order decides the size of the BDD:
 * groups in element order (every circuit, then every router) make a mesh
 * exponential, since every circuit must be remembered until the routers
 * are read. Here the circuits are ranked by a breadth-first walk from the
 * 'to' routers, and each group comes at the rank of its first circuit, so
 * a router's variable sits next to its circuits'.
 */
static void var_order(const struct nsp_avail_system *s, int *var)
{
	const struct nsp_demand_graph *g = s->graph;
	size_t nc = g ? g->nc : s->nwords * 64;
	size_t *rank = nsp_xmalloc((nc + 1) * sizeof(size_t));
	size_t *key = nsp_xmalloc((s->n + 1) * sizeof(size_t));
	size_t *idx = nsp_xmalloc((s->n + 1) * sizeof(size_t));
	for (size_t c = 0; c < nc; c++)
		rank[c] = g ? SIZE_MAX : c;
	if (g) {
		struct upbuf b;
		upbuf_init(&b, s);
		size_t head = 0, tail = 0, next = 0;
		for (size_t r = 0; r < g->nr; r++) {
			b.seen[r] = g->kind[r] == 2;
			if (b.seen[r])
				b.stack[tail++] = r;
		}
		while (head < tail) {
			size_t u = b.stack[head++];
			for (size_t k = b.off[u]; k < b.off[u + 1]; k++) {
				size_t c = b.adj[k];
				if (rank[c] == SIZE_MAX)
					rank[c] = next++;
				size_t v = g->ca[c] == u ? g->cz[c] : g->ca[c];
				if (!b.seen[v]) {
					b.seen[v] = 1;
					b.stack[tail++] = v;
				}
			}
		}
		for (size_t c = 0; c < nc; c++)
			if (rank[c] == SIZE_MAX)
				rank[c] = next++;
		upbuf_free(&b);
	}
	for (size_t gi = 0; gi < s->n; gi++) {
		key[gi] = SIZE_MAX;
		idx[gi] = gi;
		for (size_t c = 0; c < nc; c++)
			if (s->masks[gi * s->nwords + c / 64] >> (c % 64) & 1 &&
			    rank[c] < key[gi])
				key[gi] = rank[c];
	}
	order_key = key;
	if (s->n > 1)
		qsort(idx, s->n, sizeof(*idx), cmp_group);
	order_key = NULL;
	for (size_t i = 0; i < s->n; i++)
		var[idx[i]] = (int)i;
	free(rank);
	free(key);
	free(idx);
}

/*
 * The system's up function. Over a graph: reach[r] (r connects to a 'to'
 * router) grows to its fixpoint, reach[v] |= reach[u] & up(c) over each
 * circuit c from u (a 'to' or exchange router) to v (a 'from' or exchange
 * router), and the system is up when a 'from' router is reached. Over
 * paths: some path has every circuit up.
 */
static BDD up_bdd(const struct nsp_avail_system *s, const int *var)
{
	const struct nsp_demand_graph *g = s->graph;
	size_t nc = g ? g->nc : s->nwords * 64;
	BDD *cu = nsp_xmalloc((nc + 1) * sizeof(BDD));
	for (size_t c = 0; c < nc; c++)
		cu[c] = circuit_up(s, c, var);
	BDD f = nsp_bdd.addref(nsp_bdd.zero);
	if (!g) {
		for (size_t p = 0; p < s->npaths; p++) {
			BDD t = nsp_bdd.addref(nsp_bdd.one);
			for (size_t c = 0; c < nc; c++)
				if (s->paths[p * s->nwords + c / 64] >> (c % 64) &
				    1)
					acc_op(&t, cu[c], bddop_and);
			acc_op(&f, t, bddop_or);
			nsp_bdd.delref(t);
		}
	} else {
		BDD *reach = nsp_xmalloc((g->nr + 1) * sizeof(BDD));
		for (size_t r = 0; r < g->nr; r++)
			reach[r] = nsp_bdd.addref(g->kind[r] == 2 ? nsp_bdd.one
			                                          : nsp_bdd.zero);
		for (bool changed = true; changed && !nsp_bdd_failed();) {
			changed = false;
			for (size_t c = 0; c < nc; c++) {
				for (int dir = 0; dir < 2; dir++) {
					size_t u = dir ? g->cz[c] : g->ca[c];
					size_t v = dir ? g->ca[c] : g->cz[c];
					if (!(g->kind[u] & (2 | 4)) ||
					    !(g->kind[v] & (1 | 4)))
						continue;
					BDD t = nsp_bdd.addref(
					    nsp_bdd.and(reach[u], cu[c]));
					BDD old = reach[v];
					acc_op(&reach[v], t, bddop_or);
					nsp_bdd.delref(t);
					changed |= reach[v] != old;
				}
			}
		}
		for (size_t r = 0; r < g->nr; r++) {
			if (g->kind[r] == 1)
				acc_op(&f, reach[r], bddop_or);
			nsp_bdd.delref(reach[r]);
		}
		free(reach);
	}
	for (size_t c = 0; c < nc; c++)
		nsp_bdd.delref(cu[c]);
	free(cu);
	return f;
}

/*
 * A BDD copied out of BuDDy: node k tests variable var[k] and goes to
 * hi[k] when it is true (the group failed), else lo[k]; nodes 0 and 1 are
 * false and true, every node after its children, the root last.
 */
struct flat {
	size_t n, cap;
	int *var;
	size_t *lo, *hi;
};

/* Copy node f and what is under it; its index. map: node -> index + 1. */
static size_t flatten(struct flat *fl, size_t *map, BDD f)
{
	if (f == 0 || f == 1)
		return (size_t)f;
	if (map[f])
		return map[f] - 1;
	size_t lo = flatten(fl, map, nsp_bdd.low(f));
	size_t hi = flatten(fl, map, nsp_bdd.high(f));
	if (fl->n == fl->cap) {
		fl->cap = fl->cap ? 2 * fl->cap : 64;
		fl->var = nsp_xrealloc(fl->var, fl->cap * sizeof(int));
		fl->lo = nsp_xrealloc(fl->lo, fl->cap * sizeof(size_t));
		fl->hi = nsp_xrealloc(fl->hi, fl->cap * sizeof(size_t));
	}
	fl->var[fl->n] = nsp_bdd.var(f);
	fl->lo[fl->n] = lo;
	fl->hi[fl->n] = hi;
	map[f] = ++fl->n;
	return fl->n - 1;
}

/*
 * P(down) over the flat BDD, and in one backward pass the Birnbaum
 * importance of every group: -dP/dq[g], the difference between the
 * availability with group g never failing and with it always failed.
 */
static double flat_eval(const struct flat *fl, const double *q, size_t n,
                        double *birnbaum)
{
	double *val = nsp_xmalloc((fl->n + 1) * sizeof(double));
	double *adj = nsp_xcalloc(fl->n + 1, sizeof(double));
	val[0] = 1; /* the unavailability: false (down) is 1, so that a */
	val[1] = 0; /* figure near 100% keeps its digits */
	for (size_t k = 2; k < fl->n; k++) {
		double p = q[fl->var[k]];
		val[k] = p * val[fl->hi[k]] + (1 - p) * val[fl->lo[k]];
	}
	double r = val[fl->n - 1];
	if (birnbaum) {
		for (size_t g = 0; g < n; g++)
			birnbaum[g] = 0;
		adj[fl->n - 1] = 1;
		for (size_t k = fl->n - 1; k >= 2; k--) {
			double p = q[fl->var[k]];
			birnbaum[fl->var[k]] +=
			    adj[k] * (val[fl->hi[k]] - val[fl->lo[k]]);
			adj[fl->hi[k]] += adj[k] * p;
			adj[fl->lo[k]] += adj[k] * (1 - p);
		}
	}
	free(val);
	free(adj);
	return r;
}

/*
 * The exact unavailability of the system (a fraction, into *avail) through BuDDy, and
 * the Birnbaum importance of each group; false when the BDD session is
 * taken or its node table runs out (then the caller falls back).
 */
static bool by_bdd(const struct nsp_avail_system *s, double *avail)
{
	if (s->n > (size_t)INT32_MAX / 2 || !nsp_bdd_begin((int)s->n))
		return false;
	int *var = nsp_xmalloc((s->n + 1) * sizeof(int));
	int *group = nsp_xmalloc((s->n + 1) * sizeof(int));
	var_order(s, var);
	for (size_t gi = 0; gi < s->n; gi++)
		group[var[gi]] = (int)gi;
	BDD f = up_bdd(s, var);
	bool ok = !nsp_bdd_failed();
	struct flat fl = {2, 2 + 62, NULL, NULL, NULL};
	if (ok) {
		fl.var = nsp_xcalloc(fl.cap, sizeof(int));
		fl.lo = nsp_xcalloc(fl.cap, sizeof(size_t));
		fl.hi = nsp_xcalloc(fl.cap, sizeof(size_t));
		size_t *map = nsp_xcalloc((size_t)nsp_bdd.getallocnum() + 2,
		                          sizeof(size_t));
		size_t root = flatten(&fl, map, f);
		free(map);
		if (root < 2) { /* constant: make it the last node */
			fl.n = 3;
			fl.var[2] = 0;
			fl.lo[2] = fl.hi[2] = root;
		}
	}
	nsp_bdd.delref(f);
	nsp_bdd_end();
	for (size_t k = 2; ok && k < fl.n; k++)
		fl.var[k] = group[fl.var[k]]; /* variables back to groups */
	free(var);
	free(group);
	if (ok)
		*avail = flat_eval(&fl, s->q, s->n, s->birnbaum);
	free(fl.var);
	free(fl.lo);
	free(fl.hi);
	return ok;
}

void nsp_avail_system(struct nsp_avail *out, const struct nsp_avail_system *s)
{
	memset(out, 0, sizeof(*out));
	out->groups = s->n;
	double down;
	double avail;
	enum nsp_avail_method how = s->method;
	/* enumeration only when the states are few enough for well under 1 s */
	bool few = s->n <= NSP_AVAIL_EXACT_MAX &&
	           ((double)((uint64_t)1 << s->n)) *
	                   (double)(s->npaths + 1 + (s->graph ? s->graph->nc : 0)) *
	                   (double)s->nwords <=
	               (double)(1u << 28);
	if ((how == NSP_AVAIL_AUTO || how == NSP_AVAIL_BDD) &&
	    by_bdd(s, &avail)) {
		out->method = NSP_AVAIL_BDD;
		out->exact = true;
		down = avail;
	} else if (how == NSP_AVAIL_ENUM || (how != NSP_AVAIL_MC && few)) {
		out->method = NSP_AVAIL_ENUM;
		out->exact = true;
		down = exact(s);
	} else {
		uint64_t hits;
		out->method = NSP_AVAIL_MC;
		out->samples = NSP_AVAIL_SAMPLES;
		down = sample(s, out->samples, &hits);
		double n = (double)out->samples;
		out->error =
		    hits ? 196.0 * sqrt(down * (1 - down) / n) : 300.0 / n;
	}
	if (down < 0)
		down = 0;
	out->unavail = down;
	out->availability = 100.0 * (1 - down);
	dominant(out, s);
}

/*
 * The unavailability of failure element e (see avail.h): its class's
 * assumption, except for a LAG's circuit element, which is down only while
 * fewer than min_links of its members are up, each member failing on its
 * own with the circuit assumption (k of n).
 */
double nsp_elem_unavail(const struct nsp_analysis *a, size_t e)
{
	const struct nsp_model *m = a->m;
	const struct nsp_felem *fe = &a->elems[e];
	double q = 1 - m->assumptions[fe->cls] / 100.0;
	if (fe->cls != NSP_CLASS_CIRCUIT || fe->ncircuits != 1 ||
	    !m->circuits[fe->circuits[0]].lag.present)
		return q;
	const struct nsp_lag *l = &m->circuits[fe->circuits[0]].lag;
	/* down: fewer than min_links up; summed directly, no 1 - (1 - x) */
	double down = 0, choose = 1; /* C(n, j), j from 0 */
	for (uint32_t j = 0; j < l->min_links && j <= l->members; j++) {
		if (j)
			choose = choose * (l->members - j + 1) / j;
		down += choose * pow(1 - q, j) * pow(q, l->members - j);
	}
	return down;
}

/* The groups of demand d: elements with the same circuits of it merged. */
struct groups {
	size_t n, nwords;
	uint64_t *masks;
	double *q;
	size_t *leader;
	size_t *of; /* per element of the demand (by position): its group */
};

static void build_groups(struct groups *gr, const struct nsp_analysis *a,
                         size_t d)
{
	const struct nsp_model *m = a->m;
	size_t ne;
	const size_t *el = nsp_demand_elems(a, d, &ne);
	size_t nw = m->demands[d].ncircuits / 64 + 1;
	gr->nwords = nw;
	gr->masks = nsp_xcalloc((ne + 1) * nw, sizeof(uint64_t));
	gr->q = nsp_xmalloc((ne + 1) * sizeof(double));
	gr->leader = nsp_xmalloc((ne + 1) * sizeof(size_t));
	gr->of = nsp_xmalloc((ne + 1) * sizeof(size_t));
	gr->n = 0;
	uint64_t *mk = nsp_xcalloc(nw, sizeof(uint64_t));
	for (size_t k = 0; k < ne; k++) {
		const size_t *lc;
		size_t nc = nsp_demand_elem_local(a, d, el[k], &lc);
		memset(mk, 0, nw * sizeof(uint64_t));
		for (size_t i = 0; i < nc; i++)
			mk[lc[i] / 64] |= 1ull << (lc[i] % 64);
		double qk = nsp_elem_unavail(a, el[k]);
		size_t g = 0;
		while (g < gr->n &&
		       memcmp(gr->masks + g * nw, mk, nw * sizeof(uint64_t)))
			g++;
		if (g == gr->n) {
			memcpy(gr->masks + g * nw, mk, nw * sizeof(uint64_t));
			gr->q[g] = qk;
			gr->leader[gr->n++] = el[k];
		} else {
			gr->q[g] = 1 - (1 - gr->q[g]) * (1 - qk);
			if (a->elems[el[k]].cls < a->elems[gr->leader[g]].cls)
				gr->leader[g] = el[k];
		}
		gr->of[k] = g;
	}
	free(mk);
}

static void groups_free(struct groups *gr)
{
	free(gr->masks);
	free(gr->q);
	free(gr->leader);
	free(gr->of);
}

/* Most gain first, then element order. */
static int cmp_importance(const void *x, const void *y)
{
	const struct nsp_importance *a = x, *b = y;
	if (a->gain != b->gain)
		return a->gain > b->gain ? -1 : 1;
	return a->elem < b->elem ? -1 : a->elem > b->elem;
}

/* Demand d's availability by the given method, and its importance. */
static size_t demand_avail(struct nsp_avail *out, const struct nsp_analysis *a,
                           size_t d, enum nsp_avail_method how,
                           struct nsp_importance **imp)
{
	struct groups gr;
	struct nsp_demand_graph g;
	build_groups(&gr, a, d);
	nsp_demand_graph(a, d, &g);
	double *ib = nsp_xcalloc(gr.n + 1, sizeof(double));
	struct nsp_avail_system s = {gr.n,  gr.nwords, gr.q,           gr.masks,
	                             NULL,  0,         &g,             how,
	                             ib};
	nsp_avail_system(out, &s);
	for (size_t i = 0; i < out->ntop; i++)
		for (size_t k = 0; k < out->top[i].n; k++)
			out->top[i].elem[k] = gr.leader[out->top[i].elem[k]];
	size_t ne, n = 0;
	const size_t *el = nsp_demand_elems(a, d, &ne);
	struct nsp_importance *v = NULL;
	double u = out->unavail;
	if (out->method == NSP_AVAIL_BDD && ne) {
		v = nsp_xcalloc(ne, sizeof(*v));
		for (size_t k = 0; k < ne; k++) {
			size_t gi = gr.of[k];
			double qe = nsp_elem_unavail(a, el[k]);
			double qg = gr.q[gi];
			/* the group without this element: 1 - (1-qg)/(1-qe) */
			double rest = qe < 1 ? 1 - (1 - qg) / (1 - qe) : 0;
			double gain = (qg - rest) * ib[gi];
			v[n++] = (struct nsp_importance){
			    el[k], qe < 1 ? ib[gi] * (1 - qg) / (1 - qe) : ib[gi],
			    u > 0 ? fmin(gain / u, 1) : 0, 100 * gain};
		}
		qsort(v, n, sizeof(*v), cmp_importance);
		out->has_best = v[0].gain > 0;
		out->best = v[0];
	}
	free(ib);
	groups_free(&gr);
	if (imp)
		*imp = v;
	else
		free(v);
	return n;
}

size_t nsp_avail_importance(struct nsp_avail *out,
                            const struct nsp_analysis *a, size_t d,
                            struct nsp_importance **imp)
{
	return demand_avail(out, a, d, NSP_AVAIL_AUTO, imp);
}

void nsp_avail_demand(struct nsp_avail *out, const struct nsp_analysis *a,
                      size_t d)
{
	demand_avail(out, a, d, NSP_AVAIL_AUTO, NULL);
}

void nsp_avail_demand_by(struct nsp_avail *out, const struct nsp_analysis *a,
                         size_t d, enum nsp_avail_method how)
{
	demand_avail(out, a, d, how, NULL);
}

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return a < b ? -1 : a > b;
}

/* A sorted copy of n circuit indices. */
static size_t *sorted_copy(const size_t *v, size_t n)
{
	size_t *c = nsp_xmalloc((n + 1) * sizeof(*c));
	if (n) {
		memcpy(c, v, n * sizeof(*c));
		qsort(c, n, sizeof(*c), cmp_size);
	}
	return c;
}

size_t nsp_avail_group(const struct nsp_analysis *a, size_t d, size_t e,
                       size_t **out)
{
	size_t ne;
	const size_t *el = nsp_demand_elems(a, d, &ne);
	const size_t *ce;
	size_t nce = nsp_demand_elem_circuits(a, d, e, &ce);
	size_t *se = sorted_copy(ce, nce);
	size_t *v = nsp_xmalloc((ne + 1) * sizeof(*v)), n = 0;
	v[n++] = e;
	for (size_t k = 0; k < ne; k++) {
		const size_t *ck;
		if (el[k] == e ||
		    nsp_demand_elem_circuits(a, d, el[k], &ck) != nce)
			continue;
		size_t *sk = sorted_copy(ck, nce);
		if (!nce || !memcmp(se, sk, nce * sizeof(*sk)))
			v[n++] = el[k];
		free(sk);
	}
	free(se);
	*out = v;
	return n;
}
