/*
 * The availability estimate: elements fail independently; a demand is up
 * while some circuit path has no failed circuit. Elements that take down
 * the same circuits of the demand are merged into one group (it fails when
 * any of them does). Up to NSP_AVAIL_EXACT_MAX groups every state is
 * enumerated; beyond, a Monte Carlo run with a fixed seed gives the estimate
 * and a 95% error bound.
 */
#include "avail.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Whether some path survives the dead circuits. */
static bool up(const struct nsp_avail_system *s, const uint64_t *dead)
{
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
			if (!up(s, dead))
				part += pb[j];
		}
		down += pa[i] * part;
	}
	free(ma);
	free(mb);
	free(pa);
	free(pb);
	free(dead);
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
		if (any && !up(s, dead))
			down++;
	}
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
	out->ntop = 0;
	for (size_t g = 0; g < s->n; g++) {
		memcpy(dead, s->masks + g * W, W * sizeof(uint64_t));
		if (!up(s, dead)) {
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
			if (!up(s, dead))
				top_add(out, g, h, 2, s->q[g] * s->q[h]);
		}
	}
	free(dead);
	free(single);
}

void nsp_avail_system(struct nsp_avail *out, const struct nsp_avail_system *s)
{
	memset(out, 0, sizeof(*out));
	out->groups = s->n;
	double down;
	/* exact when the states are few enough to walk in well under 1 s */
	if (s->n <= NSP_AVAIL_EXACT_MAX && ((double)((uint64_t)1 << s->n)) *
	                                           (double)(s->npaths + 1) *
	                                           (double)s->nwords <=
	                                       (double)(1u << 28)) {
		out->exact = true;
		down = exact(s);
	} else {
		uint64_t hits;
		out->samples = NSP_AVAIL_SAMPLES;
		down = sample(s, out->samples, &hits);
		double n = (double)out->samples;
		out->error =
		    hits ? 196.0 * sqrt(down * (1 - down) / n) : 300.0 / n;
	}
	if (down < 0)
		down = 0;
	out->availability = 100.0 * (1 - down);
	dominant(out, s);
}

/*
 * The unavailability of failure element e: its class's assumption, except
 * for a LAG's circuit element, which is down only while fewer than
 * min_links of its members are up, each member failing on its own with
 * the circuit assumption (k of n).
 */
static double elem_unavail(const struct nsp_analysis *a, size_t e)
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

void nsp_avail_demand(struct nsp_avail *out, const struct nsp_analysis *a,
                      size_t d)
{
	const struct nsp_model *m = a->m;
	size_t ne;
	const size_t *el = nsp_demand_elems(a, d, &ne);
	uint64_t *paths = NULL;
	size_t nwords;
	size_t np = nsp_demand_paths(a, d, 4096, &paths, &nwords);
	memset(out, 0, sizeof(*out));
	if (np == SIZE_MAX) {
		/* too many paths to list: treat the demand as never cut */
		out->availability = 100;
		return;
	}
	/* group elements with the same circuits of the demand */
	const struct nsp_demand *dem = &m->demands[d];
	uint64_t *masks = nsp_xcalloc((ne + 1) * nwords, sizeof(uint64_t));
	double *q = nsp_xmalloc((ne + 1) * sizeof(double));
	size_t *leader = nsp_xmalloc((ne + 1) * sizeof(size_t));
	size_t n = 0;
	uint64_t *mk = nsp_xcalloc(nwords, sizeof(uint64_t));
	for (size_t k = 0; k < ne; k++) {
		const size_t *cs;
		size_t nc = nsp_demand_elem_circuits(a, d, el[k], &cs);
		memset(mk, 0, nwords * sizeof(uint64_t));
		for (size_t i = 0; i < nc; i++) {
			size_t lo = 0, hi = dem->ncircuits;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (dem->circuits[mid] < cs[i])
					lo = mid + 1;
				else
					hi = mid;
			}
			mk[lo / 64] |= 1ull << (lo % 64);
		}
		double qk = elem_unavail(a, el[k]);
		size_t g = 0;
		while (g < n && memcmp(masks + g * nwords, mk,
		                       nwords * sizeof(uint64_t)))
			g++;
		if (g == n) {
			memcpy(masks + n * nwords, mk,
			       nwords * sizeof(uint64_t));
			q[n] = qk;
			leader[n++] = el[k];
		} else {
			q[g] = 1 - (1 - q[g]) * (1 - qk);
			if (a->elems[el[k]].cls < a->elems[leader[g]].cls)
				leader[g] = el[k];
		}
	}
	struct nsp_avail_system s = {n, nwords, q, masks, paths, np};
	nsp_avail_system(out, &s);
	for (size_t i = 0; i < out->ntop; i++)
		for (size_t k = 0; k < out->top[i].n; k++)
			out->top[i].elem[k] = leader[out->top[i].elem[k]];
	free(mk);
	free(masks);
	free(q);
	free(leader);
	free(paths);
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
