/*
 * Pairs of failures (scenarios --depth 2): every pair of elements some
 * demand uses both of, failed together. Each pair is evaluated once, on
 * top of its element that reaches more demands (its base): the base alone
 * is rerouted once for all its partners, then only the demands a partner
 * reaches are rerouted again, so thousands of sites behind one exchange
 * stay linear.
 */
#include "failure_int.h"

#include <stdlib.h>

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
			nsp_fa_mark_dead(a, o, &b, 1, s->dead);
			nsp_fa_flow(a, o, s->dead, f, s);
			nsp_fa_shift_loads(a, s->load, o, f);
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
				nsp_fa_mark_dead(a, o, fail, 2, s->dead);
				conn[j - qlo] =
				    nsp_fa_flow(a, o, s->dead, s->frac, s);
				if (!nsp_fa_demand_mbps(m, o))
					continue;
				NSP_GROW(sv, svcap, nsv + dem->ncircuits);
				for (size_t i = 0; i < dem->ncircuits; i++) {
					size_t g = dem->circuits[i];
					sv[nsv++] = (struct saved){
					    g, {s->load[2 * g], s->load[2 * g + 1]}};
				}
				/* from its shares under the base to the pair's */
				nsp_fa_move_loads(a, s->load, o,
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
					nsp_fa_mark_dead(a, o, fail, 2,
					                 s->dead);
				flags = false;
				nsp_fa_judge(&out, a, o, s->dead, s->load,
				             conn[j - qlo]);
				fn(ctx, o, fail[0], fail[1], &out);
			}
			while (nsv--) {
				s->load[2 * sv[nsv].g] = sv[nsv].l[0];
				s->load[2 * sv[nsv].g + 1] = sv[nsv].l[1];
			}
		}
		for (size_t j = lo; j < hi; j++) {
			inbase[s->ed_dem[j]] = NSP_NONE;
			nsp_fa_reset_loads(a, s->load, s->ed_dem[j]);
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
