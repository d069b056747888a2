/* CAP001: after one failure of a required class, a circuit is overloaded. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"
#include "providers/sources.h"

/* Whether circuit c is already over its usable bandwidth with nothing
 * failed (CAP002 reports that). */
static bool over_at_rest(const struct nsp_analysis *a, size_t c)
{
	double l = a->base_load[0][c] > a->base_load[1][c] ? a->base_load[0][c]
	                                                   : a->base_load[1][c];
	return l > a->usable[c] * (1 + 1e-9);
}

/* At most this many other failures are named per finding. */
enum { MAX_ALSO = 3 };

/* What the failures of the required classes do to one circuit. */
struct over {
	size_t worst; /* the element whose failure loads it most */
	double load;  /* its load then, in the busier direction */
	int dir;      /* 0: from a to z, 1: from z to a */
	size_t count; /* how many failures overload it */
	size_t *also; /* the others, in element order, the first few */
	size_t nalso;
};

struct scan {
	const struct nsp_analysis *a;
	struct over *over; /* per circuit */
	size_t e;          /* the element failing now */
	/*
	 * Circuits a design may have rerouted for this rule: past it (a
	 * design where thousands of failures each overload thousands of
	 * circuits), the remaining failures are judged by their most loaded
	 * circuit alone, and the messages name demands without their shares.
	 */
	size_t budget;
};

/* Record that circuit c carries l in direction dir after sc->e fails. */
static void record(struct scan *sc, size_t c, double l, int dir)
{
	const struct nsp_analysis *a = sc->a;
	if (l <= a->usable[c] * (1 + 1e-9) || over_at_rest(a, c))
		return;
	struct over *o = &sc->over[c];
	if (!o->count++) {
		o->worst = sc->e;
		o->load = l;
		o->dir = dir;
		return;
	}
	size_t other = sc->e;
	if (l > o->load + 1e-9) {
		other = o->worst;
		o->worst = sc->e;
		o->load = l;
		o->dir = dir;
	}
	if (o->nalso < NSP_MAX_RELATED) {
		if (!o->also)
			o->also = nsp_xmalloc(NSP_MAX_RELATED * sizeof(size_t));
		o->also[o->nalso++] = other;
	}
}

/* A circuit's load under the current failure: record it when newly over. */
static void seen(void *ctx, size_t c, const double load[2])
{
	int dir = load[1] > load[0];
	record(ctx, c, load[dir], dir);
}

/* A demand's part of a circuit's load, for the message. */
struct part {
	size_t d;
	double mbps, frac; /* Mbit/s, and that share of the demand */
};

static int cmp_part(const void *x, const void *y)
{
	const struct part *a = x, *b = y;
	if (a->mbps != b->mbps)
		return a->mbps > b->mbps ? -1 : 1;
	return a->d < b->d ? -1 : a->d > b->d;
}

/*
 * "800 Mbit/s of demand 'dc' -> 'vpc' (all of it), 300 of demand ... (50%
 * of it)": the demands that load circuit c in direction dir after e fails.
 */
static char *parts_text(struct scan *sc, size_t c, int dir, size_t e)
{
	const struct nsp_analysis *a = sc->a;
	const struct nsp_model *m = a->m;
	size_t nd;
	const size_t *ds = nsp_circuit_demands(a, c, &nd);
	size_t cost = 0;
	for (size_t i = 0; i < nd; i++)
		cost += m->demands[ds[i]].ncircuits;
	if (cost > sc->budget) {
		char *dem = nsp_demand_label(m, &m->demands[ds[0]]);
		char *t = nd > 1 ? nsp_xasprintf("%s and %zu other demands use "
		                                 "it", dem, nd - 1)
		                 : nsp_xasprintf("%s uses it", dem);
		free(dem);
		return t;
	}
	sc->budget -= cost;
	struct part *p = nsp_xmalloc((nd + 1) * sizeof(*p));
	size_t np = 0;
	for (size_t i = 0; i < nd; i++) {
		const struct nsp_demand *d = &m->demands[ds[i]];
		if (!d->has_mbps)
			continue;
		double f = nsp_analysis_fail_share(a, ds[i], c, &e, 1);
		if (!f || (f < 0) != dir)
			continue;
		p[np++] = (struct part){ds[i], fabs(f) * (double)d->mbps,
		                        fabs(f)};
	}
	qsort(p, np, sizeof(*p), cmp_part);
	struct nsp_buf b = {0};
	for (size_t i = 0; i < np && i < 3; i++) {
		char *mb = nsp_mbps(p[i].mbps);
		char *dem = nsp_demand_label(m, &m->demands[p[i].d]);
		if (i)
			nsp_buf_puts(&b, i + 1 == np ? " and " : ", ");
		if (p[i].frac > 1 - 1e-9)
			nsp_buf_printf(&b, "%s Mbit/s of %s (all of it)", mb,
			               dem);
		else if (p[i].frac >= 0.01)
			nsp_buf_printf(&b, "%s Mbit/s of %s (%.0f%% of it)", mb,
			               dem, 100 * p[i].frac);
		else
			nsp_buf_printf(&b, "%s Mbit/s of %s (%.2g%% of it)", mb,
			               dem, 100 * p[i].frac);
		free(mb);
		free(dem);
	}
	if (np > 3)
		nsp_buf_printf(&b, " and %zu more demands", np - 3);
	free(p);
	return nsp_buf_detach(&b);
}

/* Report circuit c, overloaded after the failures recorded in o. */
static void report(struct nsp_ctx *ctx, struct scan *sc, size_t c,
                   const struct over *o)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	const struct nsp_felem *e = &a->elems[o->worst];
	const struct nsp_circuit *ci = &m->circuits[c];
	const char *from = m->routers[o->dir ? ci->z.router : ci->a.router].id;
	const char *to = m->routers[o->dir ? ci->a.router : ci->z.router].id;
	char *label = nsp_elem_label(e);
	char *load = nsp_mbps(o->load), *use = nsp_mbps(a->usable[c]);
	char *parts = parts_text(sc, c, o->dir, o->worst);
	/* the bandwidth that carries the load within max_utilization */
	double need = ceil(o->load * 100.0 / m->intent.max_utilization - 1e-9);
	/* a percentage over 100 never shows as 100 */
	double share = 100.0 * o->load / a->usable[c];
	char pct[32];
	snprintf(pct, sizeof(pct), share < 100.5 ? "%.2f" : "%.0f", share);
	struct nsp_buf also = {0};
	for (size_t i = 0; i < o->nalso && i < MAX_ALSO; i++) {
		char *l = nsp_elem_label(&a->elems[o->also[i]]);
		nsp_buf_printf(&also, "%s%s", i ? ", " : "; also after the "
		                                          "failure of ",
		               l);
		free(l);
	}
	if (o->count - 1 > MAX_ALSO)
		nsp_buf_printf(&also, " and %zu more", o->count - 1 - MAX_ALSO);
	struct nsp_finding *f = nsp_report_at(
	    ctx, NSP_ERROR, "circuits", c, "bandwidth_mbps",
	    "after the failure of %s, circuit '%s' must carry %s Mbit/s from "
	    "'%s' to '%s' but its usable bandwidth is %s Mbit/s (%s%%): %s; "
	    "raise its bandwidth to at least %.0f Mbit/s or add a path%s",
	    label, ci->id, load, from, to, use, pct, parts, need,
	    also.s ? also.s : "");
	nsp_finding_element(f, ci->id);
	struct nsp_felem_ptrs ep;
	nsp_felem_ptrs(e, &ep);
	nsp_finding_related(f, m, ep.pointer, ep.field, "the failed %s", label);
	for (size_t i = 0; i < o->nalso; i++) {
		const struct nsp_felem *x = &a->elems[o->also[i]];
		char *l = nsp_elem_label(x);
		nsp_felem_ptrs(x, &ep);
		nsp_finding_related(f, m, ep.pointer, ep.field,
		                    "also overloaded after the failure of %s", l);
		free(l);
	}
	nsp_buf_free(&also);
	free(label);
	free(load);
	free(use);
	free(parts);
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	/* the failures of required classes that overload some circuit */
	bool *trig = nsp_xcalloc(a->nelems + 1, sizeof(bool));
	bool any = false;
	for (size_t d = 0; d < m->ndemands; d++) {
		if (!m->demands[d].has_mbps)
			continue;
		size_t ne;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		for (size_t k = 0; k < ne; k++) {
			const struct nsp_outcome *o = nsp_demand_single(a, d, k);
			if (nsp_class_required(m, a->elems[el[k]].cls) &&
			    o->worst_circuit != NSP_NONE &&
			    o->worst_share > 1 + 1e-9)
				trig[el[k]] = any = true;
		}
	}
	struct scan sc = {a, NULL, 0, 1u << 20};
	for (size_t d = 0; d < m->ndemands; d++)
		sc.budget += 32 * m->demands[d].ncircuits;
	sc.over = nsp_xcalloc(m->ncircuits + 1, sizeof(*sc.over));
	for (size_t e = 0; any && e < a->nelems; e++) {
		if (!trig[e] || !sc.budget)
			continue;
		sc.e = e;
		size_t work = nsp_analysis_fail_loads(a, &e, 1, seen, &sc);
		sc.budget -= work < sc.budget ? work : sc.budget;
		trig[e] = false;
	}
	/* past the budget: the most loaded circuit of each failure */
	for (size_t d = 0; any && !sc.budget && d < m->ndemands; d++) {
		size_t ne;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		for (size_t k = 0; k < ne; k++) {
			const struct nsp_outcome *o = nsp_demand_single(a, d, k);
			if (!trig[el[k]] || o->worst_circuit == NSP_NONE)
				continue;
			sc.e = el[k];
			record(&sc, o->worst_circuit, o->worst_load,
			       nsp_demand_base_share(a, d, o->worst_circuit) <
			           0);
		}
	}
	for (size_t c = 0; c < m->ncircuits; c++)
		if (sc.over[c].count)
			report(ctx, &sc, c, &sc.over[c]);
	for (size_t c = 0; c < m->ncircuits; c++)
		free(sc.over[c].also);
	free(sc.over);
	free(trig);
}

static const char *const refs[] = {
    NSP_SRC_OVH " (\"each link "
    "must be able to handle the full traffic load alone during a "
    "failure\")",
    NSP_SRC_LINUX_ECMP " (bandwidth is limited to the "
    "surviving path)",
    "https://aws.amazon.com/directconnect/resiliency-recommendation/ "
    "(provision sufficient capacity so that one failure does not "
    "overwhelm the redundant connections)",
    NULL,
};

const struct nsp_rule nsp_rule_cap001 = {
    .id = "CAP001",
    .name = "capacity-after-failure",
    .severity = NSP_ERROR,
    .title = "after one failure a surviving circuit is overloaded",
    .rationale = "Redundancy that cannot carry the load is an outage with "
                 "extra steps: when one circuit, port, router or PoP fails, "
                 "its traffic moves to the survivors, and if they are too "
                 "small the demand degrades exactly when it is needed. nospof "
                 "fails every element of a required class (intent.survive) in "
                 "turn, routes each demand hop by hop over the surviving "
                 "paths (preferred before backup, fewest circuits, weights at "
                 "each router) and compares each circuit's load, all demands "
                 "in one direction together, with bandwidth_mbps * "
                 "max_utilization / 100. Every circuit that a failure newly "
                 "overloads gets one finding: the failure that loads it most "
                 "in the message, with the load's direction, the demands "
                 "that bring it and the share of each that it carries (with "
                 "three paths left, each may need half the demand, not all "
                 "of it), the bandwidth that would carry it, and the other "
                 "failures that overload it (\"also after\", and as related "
                 "locations). A circuit already over it with nothing failed "
                 "is CAP002's, not reported again here. In a design where "
                 "thousands of failures each overload thousands of "
                 "circuits, rerouting is bounded (about 32 times the "
                 "circuits of all demands); past it, each remaining failure "
                 "is judged by its most loaded circuit.",
    .remediation =
        "Give every surviving circuit the bandwidth for the share it "
        "carries after the failure (two 1 Gbit/s circuits for 800 "
        "Mbit/s, not two 500 Mbit/s ones; the message gives the "
        "figure), or add a further diverse path; `nospof scenarios "
        "FILE` shows the load of every circuit under every failure.",
    .references = refs,
    .fails = "circuits:\n"
             "  - {id: c1, a: {router: cpe1}, z: {router: e1}, "
             "bandwidth_mbps: 500}\n"
             "  - {id: c2, a: {router: cpe2}, z: {router: e2}, "
             "bandwidth_mbps: 500}\n"
             "demands:\n"
             "  - {from: dc, to: vpc, mbps: 800}\n",
    .passes = "circuits:\n"
              "  - {id: c1, a: {router: cpe1}, z: {router: e1}, "
              "bandwidth_mbps: 1000}\n"
              "  - {id: c2, a: {router: cpe2}, z: {router: e2}, "
              "bandwidth_mbps: 1000}\n"
              "demands:\n"
              "  - {from: dc, to: vpc, mbps: 800}\n",
    .check = check,
    .analysis = true,
};
