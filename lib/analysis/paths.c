/*
 * The circuit paths of a demand, from its 'from' routers to its 'to'
 * routers through exchange routers, each a bit mask over its circuits:
 * what the availability estimate (avail.c) enumerates failures against.
 */
#include "failure_int.h"

#include <stdlib.h>
#include <string.h>

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
