/*
 * SPOF001: the failure of one element of a required class cuts a demand,
 * and no DIV or HA finding already reported that cut.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "providers/sources.h"

/* A cut a DIV/HA finding reported for a demand: the circuits it named. */
struct cut {
	size_t *c; /* global circuit indices */
	size_t n;
	enum nsp_class cls; /* the class of the element the finding names */
};

/*
 * The class a DIV/HA rule reports, or NSP_CLASS_COUNT for one that reports
 * no failure (DIV008, HA002-HA004).
 */
static enum nsp_class rule_class(const char *id)
{
	static const struct {
		const char *id;
		enum nsp_class cls;
	} map[] = {
	    {"HA001", NSP_CLASS_CIRCUIT}, {"DIV003", NSP_CLASS_PORT},
	    {"DIV001", NSP_CLASS_ROUTER}, {"DIV002", NSP_CLASS_ROUTER},
	    {"DIV004", NSP_CLASS_POP},    {"DIV005", NSP_CLASS_FACILITY},
	    {"DIV006", NSP_CLASS_SRLG},   {"DIV007", NSP_CLASS_CARRIER},
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i].id, id))
			return map[i].cls;
	return NSP_CLASS_COUNT;
}

/* The DIV/HA findings of this design, indexed by the circuits they name. */
struct reported {
	struct cut *f;     /* per finding: its circuits and class */
	size_t nf;
	size_t *first;     /* per circuit: start of its findings in list */
	size_t *list;      /* finding indices, grouped by circuit */
	unsigned *stamp;   /* per finding: last demand that looked at it */
	size_t *pos;       /* per circuit: its index in the demand + 1 */
};

/* Collect the DIV/HA errors so far, once per check. */
static void index_reported(struct nsp_ctx *ctx, struct reported *r)
{
	const struct nsp_model *m = ctx->model;
	size_t *count = nsp_xcalloc(m->ncircuits + 1, sizeof(size_t));
	r->f = nsp_xcalloc(ctx->out->n - ctx->first + 1, sizeof(*r->f));
	r->nf = 0;
	for (size_t i = ctx->first; i < ctx->out->n; i++) {
		const struct nsp_finding *f = ctx->out->v[i];
		enum nsp_class cls = rule_class(f->rule_id);
		/* a warning leaves a cut of a required class unreported */
		if (cls == NSP_CLASS_COUNT || f->severity != NSP_ERROR)
			continue;
		struct cut *c = &r->f[r->nf];
		c->c = nsp_xmalloc((f->nelements + 1) * sizeof(size_t));
		c->n = 0;
		c->cls = cls;
		for (size_t k = 0; k < f->nelements; k++) {
			struct nsp_ref ref = nsp_model_lookup(m, f->elements[k]);
			if (ref.kind != NSP_KIND_CIRCUIT)
				continue;
			c->c[c->n++] = ref.index;
			count[ref.index]++;
		}
		r->nf++;
	}
	r->first = nsp_xcalloc(m->ncircuits + 2, sizeof(size_t));
	for (size_t i = 0; i < m->ncircuits; i++)
		r->first[i + 1] = r->first[i] + count[i];
	r->list = nsp_xmalloc((r->first[m->ncircuits] + 1) * sizeof(size_t));
	memset(count, 0, (m->ncircuits + 1) * sizeof(size_t));
	for (size_t i = 0; i < r->nf; i++)
		for (size_t k = 0; k < r->f[i].n; k++) {
			size_t c = r->f[i].c[k];
			r->list[r->first[c] + count[c]++] = i;
		}
	free(count);
	r->stamp = nsp_xcalloc(r->nf + 1, sizeof(unsigned));
	r->pos = nsp_xcalloc(m->ncircuits + 1, sizeof(size_t));
}

static void reported_free(struct reported *r)
{
	for (size_t i = 0; i < r->nf; i++)
		free(r->f[i].c);
	free(r->f);
	free(r->first);
	free(r->list);
	free(r->stamp);
	free(r->pos);
}

/*
 * The cuts of demand d already reported: each DIV or HA finding of this
 * design that names circuits of d whose joint failure cuts it. Only the
 * findings naming a circuit of d are looked at.
 */
static size_t reported_cuts(struct nsp_ctx *ctx, struct reported *r,
			    size_t d, struct cut **out)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_demand *dem = &m->demands[d];
	struct cut *cuts = NULL;
	size_t n = 0, cap = 0;
	bool *dead = nsp_xcalloc(dem->ncircuits + 1, sizeof(bool));
	for (size_t j = 0; j < dem->ncircuits; j++)
		r->pos[dem->circuits[j]] = j + 1;
	for (size_t j = 0; j < dem->ncircuits; j++) {
		size_t c = dem->circuits[j];
		for (size_t h = r->first[c]; h < r->first[c + 1]; h++) {
			size_t i = r->list[h];
			if (r->stamp[i] == d + 1)
				continue;
			r->stamp[i] = (unsigned)(d + 1);
			const struct cut *f = &r->f[i];
			size_t *cs = nsp_xmalloc((f->n + 1) * sizeof(size_t));
			size_t nc = 0;
			memset(dead, 0, dem->ncircuits * sizeof(bool));
			for (size_t k = 0; k < f->n; k++) {
				size_t p = r->pos[f->c[k]];
				if (!p)
					continue;
				dead[p - 1] = true;
				cs[nc++] = f->c[k];
			}
			if (!nc || nsp_demand_connected(ctx->fa, d, dead)) {
				free(cs);
				continue;
			}
			NSP_GROW(cuts, cap, n + 1);
			cuts[n++] = (struct cut){cs, nc, f->cls};
		}
	}
	for (size_t j = 0; j < dem->ncircuits; j++)
		r->pos[dem->circuits[j]] = 0;
	free(dead);
	*out = cuts;
	return n;
}

/*
 * Whether a reported cut covers element e: e takes down every circuit the
 * finding named, and is not of a finer class than the element it reported
 * (an exchange router inside a reported PoP is a more specific cause).
 */
static bool covers(enum nsp_class cls, const size_t *ec, size_t nec,
                   const struct cut *cut)
{
	if (cls < cut->cls)
		return false;
	for (size_t i = 0; i < cut->n; i++) {
		bool found = false;
		for (size_t k = 0; k < nec && !found; k++)
			found = ec[k] == cut->c[i];
		if (!found)
			return false;
	}
	return true;
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	/* per element: the demands it cuts that nothing reported yet */
	size_t *count = nsp_xcalloc(a->nelems + 1, sizeof(size_t));
	size_t *first = nsp_xmalloc((a->nelems + 1) * sizeof(size_t));
	struct reported rep;
	index_reported(ctx, &rep);
	for (size_t d = 0; d < m->ndemands; d++) {
		if (!nsp_demand_base(a, d)->connected)
			continue;
		struct cut *cuts = NULL;
		size_t ncuts = 0;
		bool got = false;
		size_t ne;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		for (size_t k = 0; k < ne; k++) {
			size_t e = el[k];
			if (!nsp_class_required(m, a->elems[e].cls) ||
			    nsp_demand_single(a, d, k)->connected)
				continue;
			if (!got) {
				ncuts = reported_cuts(ctx, &rep, d, &cuts);
				got = true;
			}
			const size_t *ec;
			size_t nec = nsp_demand_elem_circuits(a, d, e, &ec);
			bool known = false;
			for (size_t c = 0; c < ncuts && !known; c++)
				known =
				    covers(a->elems[e].cls, ec, nec, &cuts[c]);
			if (known)
				continue;
			if (!count[e]++)
				first[e] = d;
		}
		for (size_t c = 0; c < ncuts; c++)
			free(cuts[c].c);
		free(cuts);
	}
	reported_free(&rep);
	for (size_t e = 0; e < a->nelems; e++) {
		if (!count[e])
			continue;
		const struct nsp_felem *el = &a->elems[e];
		char *label = nsp_elem_label(el);
		char *dem = nsp_demand_label(m, &m->demands[first[e]]);
		char more[64] = "";
		if (count[e] > 1)
			snprintf(more, sizeof(more), " and %zu other demand%s",
			         count[e] - 1, count[e] > 2 ? "s" : "");
		struct nsp_felem_ptrs ep;
		nsp_felem_ptrs(el, &ep);
		struct nsp_finding *f = nsp_report(
		    ctx, NSP_ERROR, ep.pointer, ep.field,
		    "the failure of %s cuts %s%s: every path of it runs "
		    "through this %s; add a path that avoids it",
		    label, dem, more, nsp_class_names[el->cls]);
		nsp_finding_element(f, el->name);
		free(label);
		free(dem);
	}
	free(count);
	free(first);
}

static const char *const refs[] = {
    NSP_SRC_IBM_ECMP " (a single XCR is "
    "a single point of failure)",
    NSP_SRC_OVH " (avoid a shared "
    "failure point)",
    NSP_SRC_OTC,
    NULL,
};

const struct nsp_rule nsp_rule_spof001 = {
    .id = "SPOF001",
    .name = "single-point-of-failure",
    .severity = NSP_ERROR,
    .title = "one failure of a required class cuts a demand",
    .rationale = "The diversity rules look at the circuits at each end of a "
                 "demand; the failure analysis fails every element of every "
                 "required class (intent.survive) in turn and follows the "
                 "demand across the whole design, so it also finds the cuts "
                 "no single stage shows: an exchange router (a partner cloud "
                 "router) every path crosses, a shared-risk tag on circuits of "
                 "different stages, a PoP that holds one router of each path. "
                 "One root cause gives one finding: a cut that a DIV or HA "
                 "error already reported for the demand is skipped; a DIV or "
                 "HA warning never hides a cut of a required class. nospof "
                 "does this without calling those rules: an element is "
                 "skipped when its failure takes down every circuit that some "
                 "DIV or HA error of the same design names for that demand, "
                 "and it is not of a finer class than the element that finding "
                 "reports (an exchange router inside a PoP that DIV004 "
                 "reported is still reported here). DIV and HA run before "
                 "SPOF in the registry, so their findings are there.",
    .remediation =
        "Add a path that avoids the element: a second exchange router "
        "(a second partner router, in another PoP), a route outside "
        "the shared conduit, a second PoP. Run `nospof scenarios "
        "FILE` to see every failure the design does not survive.",
    .references = refs,
    .fails = "routers:\n"
             "  - {id: mcr1, role: exchange, pop: eq-fr5}\n"
             "circuits:   # both paths cross mcr1\n"
             "  - {id: k1, a: {router: cpe1}, z: {router: mcr1}, ...}\n"
             "  - {id: k2, a: {router: cpe2}, z: {router: mcr1}, ...}\n"
             "  - {id: k3, a: {router: mcr1}, z: {router: e1}, ...}\n"
             "  - {id: k4, a: {router: mcr1}, z: {router: e2}, ...}\n",
    .passes = "routers:\n"
              "  - {id: mcr1, role: exchange, pop: eq-fr5}\n"
              "  - {id: mcr2, role: exchange, pop: eq-am7}\n"
              "circuits:\n"
              "  - {id: k1, a: {router: cpe1}, z: {router: mcr1}, ...}\n"
              "  - {id: k2, a: {router: cpe2}, z: {router: mcr2}, ...}\n"
              "  - {id: k3, a: {router: mcr1}, z: {router: e1}, ...}\n"
              "  - {id: k4, a: {router: mcr2}, z: {router: e2}, ...}\n",
    .check = check,
    .analysis = true,
};
