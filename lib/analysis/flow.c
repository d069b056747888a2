/*
 * The routing model of FORMAT.md ("Routing model") on one demand: the
 * distances to its destination routers, its traffic split hop by hop over
 * the circuits left up (nsp_fa_flow), its outcome judged from the loads of
 * every demand (nsp_fa_judge), and a demand under any set of failures by
 * rerouting in full (nsp_analysis_eval, what the fast ways of singles.c
 * and pairs.c are tested against). It also answers whether a demand stays
 * connected when given circuits fail (nsp_demand_connected).
 */
#include "failure_int.h"

#include <stdlib.h>
#include <string.h>

/* Stamp the demand's circuits as the current demand's. */
static void map_demand(struct scratch *s, const struct nsp_demand *d)
{
	s->now++;
	for (size_t i = 0; i < d->ncircuits; i++)
		s->stamp[d->circuits[i]] = s->now;
}

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
	return nsp_fa_cmp_size(x, y);
}

/*
 * The demand's traffic, hop by hop, with the flagged circuits dead: the
 * signed share of each circuit into frac. Returns whether it gets through.
 */
bool nsp_fa_flow(const struct nsp_analysis *a, size_t di, const bool *dead,
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

/*
 * Demand d's outcome from the loads and its dead circuits: the worst
 * circuit is the one with the highest share, the first in the demand's
 * order among equal ones.
 */
void nsp_fa_judge(struct nsp_outcome *out, const struct nsp_analysis *a,
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
		    !nsp_fa_circuit_share(a, g, load[2 * g], load[2 * g + 1],
		                          &share, &l))
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
void nsp_fa_eval_touched(struct nsp_outcome *out,
                         const struct nsp_analysis *a, size_t d,
                         const size_t *fail, size_t nfail,
                         const size_t *touched, size_t nt)
{
	struct scratch *s = a->scratch;
	bool connected = a->dan[d].base_conn;
	nsp_fa_mark_dead(a, d, fail, nfail, s->dead);
	for (size_t t = 0; t < nt; t++) {
		size_t o = touched[t];
		if (o == d) {
			connected = nsp_fa_flow(a, d, s->dead, s->frac, s);
			nsp_fa_shift_loads(a, s->load, d, s->frac);
		} else if (nsp_fa_demand_mbps(a->m, o)) {
			nsp_fa_mark_dead(a, o, fail, nfail, s->dead2);
			nsp_fa_flow(a, o, s->dead2, s->frac2, s);
			nsp_fa_shift_loads(a, s->load, o, s->frac2);
		}
	}
	nsp_fa_judge(out, a, d, s->dead, s->load, connected);
	for (size_t t = 0; t < nt; t++)
		nsp_fa_reset_loads(a, s->load, touched[t]);
}

/* Whether demand o uses one of the failed elements. */
static bool reached(const struct nsp_analysis *a, size_t o, const size_t *fail,
                    size_t nfail)
{
	const struct nsp_dan *dn = &a->dan[o];
	for (size_t f = 0; f < nfail; f++)
		if (nsp_fa_bsearch(dn->elems, dn->ne, fail[f]) != NSP_NONE)
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
		qsort(s->touched, nt, sizeof(size_t), nsp_fa_cmp_size);
	nsp_fa_eval_touched(out, a, d, fail, nfail, s->touched, nt);
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
