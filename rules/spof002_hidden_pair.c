/*
 * SPOF002: two elements of different classes that together cut a demand
 * (a minimal cut set of two), where the design is doubly redundant in one
 * of those classes, and no DIV finding names either element.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/avail.h"
#include "analysis/cuts.h"
#include "analysis.h"
#include "providers/sources.h"

/* Whether a DIV finding of this design names element name. */
static bool div_names(const struct nsp_ctx *ctx, const char *name)
{
	for (size_t i = ctx->first; i < ctx->out->n; i++) {
		const struct nsp_finding *f = ctx->out->v[i];
		if (strncmp(f->rule_id, "DIV", 3))
			continue;
		for (size_t k = 0; k < f->nelements; k++)
			if (!strcmp(f->elements[k], name))
				return true;
	}
	return false;
}

/*
 * Per class, how many of its elements it takes to cut demand d, from its
 * cut sets of at most two: 1, 2, or 3 meaning "more than two".
 */
static void widths(const struct nsp_analysis *a, const struct nsp_cut *v,
                   size_t n, int w[NSP_CLASS_COUNT])
{
	for (int c = 0; c < NSP_CLASS_COUNT; c++)
		w[c] = 3;
	for (size_t i = 0; i < n; i++) {
		enum nsp_class c0 = a->elems[v[i].elem[0]].cls;
		if (v[i].n == 1)
			w[c0] = 1;
		else if (a->elems[v[i].elem[1]].cls == c0 && w[c0] > 2)
			w[c0] = 2;
	}
}

/*
 * Whether element e is the one named for its group in demand d: of the
 * elements that take down the same circuits of d (a router, its PoP, the
 * PoP's facility and metro when d uses nothing else there), the finest
 * class, then the first.
 */
static bool group_leader(const struct nsp_analysis *a, size_t d, size_t e)
{
	size_t *g, n = nsp_avail_group(a, d, e, &g);
	bool lead = true;
	for (size_t i = 1; i < n && lead; i++)
		lead = a->elems[g[i]].cls > a->elems[e].cls ||
		       (a->elems[g[i]].cls == a->elems[e].cls && g[i] > e);
	free(g);
	return lead;
}

/* "router 'r1' and circuit 'c3'" for one cut set of two. */
static void report_pair(struct nsp_ctx *ctx, size_t d, const struct nsp_cut *c,
                        enum nsp_class wide)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	const struct nsp_felem *x = &a->elems[c->elem[0]];
	const struct nsp_felem *y = &a->elems[c->elem[1]];
	bool req = nsp_class_required(m, x->cls) &&
	           nsp_class_required(m, y->cls);
	char *lx = nsp_elem_label(x), *ly = nsp_elem_label(y);
	char *dem = nsp_demand_label(m, &m->demands[d]);
	char *ptr = nsp_demand_pointer(m, &m->demands[d]);
	struct nsp_finding *f = nsp_report(
	    ctx, req ? NSP_ERROR : NSP_WARNING, ptr, NULL,
	    "%s: %s and %s together cut it (probability %.2g from the "
	    "assumptions), though it survives any two failures of a %s: a "
	    "hidden pair of different kinds; add a path that avoids both",
	    dem, lx, ly, c->prob, nsp_class_names[wide]);
	nsp_finding_element(f, x->name);
	nsp_finding_element(f, y->name);
	free(lx);
	free(ly);
	free(dem);
	free(ptr);
}

/*
 * The pairs of a demand cost up to its elements times its circuits
 * (a search per candidate pair): a demand past this bound (thousands of
 * circuits on one router) is left to `scenarios --cuts 2`, so that check
 * stays linear.
 */
#define SPOF002_MAX_WORK 4000000u

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	for (size_t d = 0; d < m->ndemands; d++) {
		size_t ne;
		nsp_demand_elems(a, d, &ne);
		if ((double)ne * (double)m->demands[d].ncircuits >
		    SPOF002_MAX_WORK)
			continue;
		struct nsp_cut *v;
		size_t n = nsp_demand_cuts(a, d, 2, &v);
		int w[NSP_CLASS_COUNT];
		widths(a, v, n, w);
		for (size_t i = 0; i < n; i++) {
			if (v[i].n != 2)
				continue;
			const struct nsp_felem *x = &a->elems[v[i].elem[0]];
			const struct nsp_felem *y = &a->elems[v[i].elem[1]];
			if (x->cls == y->cls || (w[x->cls] < 3 && w[y->cls] < 3))
				continue;
			if (div_names(ctx, x->name) || div_names(ctx, y->name) ||
			    !group_leader(a, d, v[i].elem[0]) ||
			    !group_leader(a, d, v[i].elem[1]))
				continue;
			report_pair(ctx, d, &v[i],
			            w[x->cls] == 3 ? x->cls : y->cls);
		}
		free(v);
	}
}

static const char *const refs[] = {
    NSP_SRC_OVH " (avoid a shared failure point)",
    "SCRAM, an open-source probabilistic risk analysis tool: minimal cut "
    "sets and importance measures of fault trees",
    NULL,
};

const struct nsp_rule nsp_rule_spof002 = {
    .id = "SPOF002",
    .name = "hidden-pair",
    .severity = NSP_WARNING,
    .title = "two failures of different kinds cut a demand that looks "
             "doubly redundant",
    .rationale =
        "A design review counts redundancy class by class: three circuits, "
        "two PoPs, two carriers. The failure analysis lists each demand's "
        "minimal cut sets (the smallest sets of elements whose joint "
        "failure cuts it) and finds the pairs of different kinds that such "
        "counting misses: a router in one PoP and the only circuit that "
        "avoids that router, a carrier and the one PoP the other carrier "
        "does not reach. SPOF002 reports a cut set of two elements of "
        "different classes when the demand survives any two failures of one "
        "of those classes (so the design looks doubly redundant in it) and "
        "no DIV finding names either element (that finding is the root "
        "cause). Of the elements that take down the same circuits of the demand (a router, its PoP, the PoP's facility and metro) only the finest is named. A pair cut in a design with just two paths is expected and "
        "not reported: each path fails with any of its elements. A demand "
        "whose elements times circuits exceed 4 million (thousands of "
        "circuits on one router) is not searched, so that check stays "
        "linear; `nospof scenarios FILE --cuts 2` lists its pairs. It is an "
        "error when both classes are required (intent.survive), else a "
        "warning. `nospof scenarios FILE --cuts 2` lists every cut set.",
    .remediation =
        "Add a path that avoids both elements, or spread the paths so that "
        "the redundancy of one class does not hang on one element of "
        "another: land the circuits of the well-covered class on more "
        "routers, PoPs or carriers.",
    .references = refs,
    .fails = "circuits:   # three circuits, but c1 and c2 share router e1\n"
             "  - {id: c1, a: {router: cpe1}, z: {router: e1}, ...}\n"
             "  - {id: c2, a: {router: cpe2}, z: {router: e1}, ...}\n"
             "  - {id: c3, a: {router: cpe2}, z: {router: e2}, ...}\n",
    .passes = "circuits:   # three circuits on three edge routers\n"
              "  - {id: c1, a: {router: cpe1}, z: {router: e1}, ...}\n"
              "  - {id: c2, a: {router: cpe2}, z: {router: e3}, ...}\n"
              "  - {id: c3, a: {router: cpe2}, z: {router: e2}, ...}\n",
    .check = check,
    .analysis = true,
};
