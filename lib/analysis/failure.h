/*
 * The failure analysis: the failure elements of every class of FORMAT.md,
 * and per demand its connectivity, the hop-by-hop load of every circuit
 * (FORMAT.md, "Routing model") and the failover time, with nothing failed,
 * under every single failure and, on request, under every pair of failures
 * of the elements the demand uses. Computed once per design; rules and the
 * scenarios command only read it. It is implemented by failure.c,
 * elements.c, flow.c, singles.c, pairs.c and paths.c (README.md says which
 * holds what), which share the private failure_int.h; everything else
 * includes only this header.
 */
#ifndef NSP_FAILURE_H
#define NSP_FAILURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/model.h"

/* One failure element: what fails together, by class. */
struct nsp_felem {
	enum nsp_class cls;
	/* display name: the id, "router:port", or the value */
	const char *name;
	/* where it is given: the element (or its first bearer) is item index
	 * of the list ("circuits", "routers", "pops"), the field that gives
	 * it is key below it (NULL: the item itself); pointers are made by
	 * nsp_felem_ptrs only for a finding */
	const char *list;
	size_t index;
	const char *key;
	size_t *circuits; /* the circuits its failure takes down, sorted */
	size_t ncircuits;
};

/* The JSON Pointers of an element, for a finding. */
struct nsp_felem_ptrs {
	char pointer[48];  /* of the element, or of its first bearer */
	char field_buf[80];
	const char *field; /* of the field that gives it, or NULL */
};
void nsp_felem_ptrs(const struct nsp_felem *e, struct nsp_felem_ptrs *p);

/* What happens to one demand in one scenario. */
struct nsp_outcome {
	double worst_share;   /* load / usable bandwidth of the worst circuit */
	double worst_load;    /* its load, Mbit/s (every demand on it) */
	size_t worst_circuit; /* NSP_NONE when no circuit carries traffic */
	uint64_t failover_ms; /* 0 when no circuit carrying traffic failed */
	/* the flags last, so that the outcome has no padding but its tail */
	bool connected;
	bool sized;          /* the demand has a size: the load is known */
	bool failover_never; /* some failed circuit is never noticed */
};

/* The analysis of one demand (private layout, read through the API). */
struct nsp_dan;

struct nsp_analysis {
	const struct nsp_model *m;
	struct nsp_felem *elems; /* every element, by class, then file order */
	size_t nelems;
	double *usable;        /* per circuit: bandwidth * max_utilization */
	double *base_load[2];  /* per circuit, Mbit/s a->z and z->a */
	uint64_t *failover_ms; /* per circuit; UINT64_MAX: never noticed */
	struct nsp_dan *dan;   /* per demand */
	size_t fast_singles;   /* single failures found without rerouting */
	void *scratch;
	/* what the elements and the per-demand analyses point into */
	struct nsp_arena store;
};

/* Build the analysis of a model: elements, steady state, single failures. */
struct nsp_analysis *nsp_analysis_new(const struct nsp_model *m);
/*
 * The same, with every single failure evaluated by nsp_analysis_eval():
 * slower, kept so the tests can check the fast way against it.
 */
struct nsp_analysis *nsp_analysis_new_reference(const struct nsp_model *m);
void nsp_analysis_free(struct nsp_analysis *a);

/* The elements demand d uses (global element indices, sorted). */
const size_t *nsp_demand_elems(const struct nsp_analysis *a, size_t d,
                               size_t *n);
/* The circuits of element e that demand d uses (global indices). */
size_t nsp_demand_elem_circuits(const struct nsp_analysis *a, size_t d,
                                size_t e, const size_t **out);
/* Demand d with nothing failed. */
const struct nsp_outcome *nsp_demand_base(const struct nsp_analysis *a,
                                          size_t d);
/* Demand d when its k-th element (of nsp_demand_elems) fails alone. */
const struct nsp_outcome *nsp_demand_single(const struct nsp_analysis *a,
                                            size_t d, size_t k);
/*
 * Demand d when the given elements (global indices) fail together; loads
 * count every demand that shares a circuit with d under the same failure.
 */
void nsp_analysis_eval(struct nsp_outcome *out, const struct nsp_analysis *a,
                       size_t d, const size_t *fail, size_t nfail);
/*
 * Every pair of elements some demand uses both of, failed together: fn is
 * called with the pair (e1 < e2, global indices) and the outcome for each
 * demand that uses both. Each pair is evaluated once on top of its element
 * that reaches more demands, so thousands of sites behind one exchange
 * stay linear; loads can differ from nsp_analysis_eval() in the last bits.
 */
typedef void nsp_pair_fn(void *ctx, size_t d, size_t e1, size_t e2,
                         const struct nsp_outcome *o);
void nsp_analysis_pairs(const struct nsp_analysis *a, nsp_pair_fn *fn,
                        void *ctx);
/*
 * The loads when the given elements fail together, on the circuits of the
 * demands they reach (the only loads that change): fn is called once for
 * each such circuit with its load from a to z and from z to a, Mbit/s,
 * every demand on it counted. Returns the work done (circuits visited),
 * so a caller can bound what it asks for.
 */
typedef void nsp_load_fn(void *ctx, size_t c, const double load[2]);
size_t nsp_analysis_fail_loads(const struct nsp_analysis *a,
                               const size_t *fail, size_t nfail,
                               nsp_load_fn *fn, void *ctx);
/*
 * The share of demand d that circuit c carries when the given elements
 * fail together: 0 when none, positive from a to z, negative from z to a.
 */
double nsp_analysis_fail_share(const struct nsp_analysis *a, size_t d,
                               size_t c, const size_t *fail, size_t nfail);
/* The demands whose paths use circuit c, ascending. */
const size_t *nsp_circuit_demands(const struct nsp_analysis *a, size_t c,
                                  size_t *n);
/*
 * The share of demand d that circuit c carries with nothing failed: 0 when
 * none, positive from a to z, negative from z to a.
 */
double nsp_demand_base_share(const struct nsp_analysis *a, size_t d, size_t c);
/*
 * Whether demand d stays connected when the circuits flagged in dead (by
 * position in d->circuits) fail: used by SPOF001.
 */
bool nsp_demand_connected(const struct nsp_analysis *a, size_t d,
                          const bool *dead);
/*
 * The circuit paths of demand d (from its 'from' routers to its 'to'
 * routers through exchange routers), each a bit mask over d->circuits of
 * nwords 64-bit words. Returns the number of paths, or SIZE_MAX when there
 * are more than max (then *out is NULL). The caller frees *out.
 */
size_t nsp_demand_paths(const struct nsp_analysis *a, size_t d, size_t max,
                        uint64_t **out, size_t *nwords);

/*
 * Demand d's own graph, read by the cut sets (cuts.c) and the exact
 * availability (avail.c): its routers, each of kind 1 (a 'from' router),
 * 2 (a 'to' router) or 4 (an exchange router), and the two end routers
 * (local indices) of each of its circuits, by position in d->circuits. The
 * demand is connected while some 'from' router reaches a 'to' router over
 * live circuits through exchange routers only.
 */
struct nsp_demand_graph {
	size_t nr, nc;
	const uint8_t *kind;
	const size_t *ca, *cz;
};
void nsp_demand_graph(const struct nsp_analysis *a, size_t d,
                      struct nsp_demand_graph *g);
/* The circuits of element e that demand d uses, as positions in d->circuits. */
size_t nsp_demand_elem_local(const struct nsp_analysis *a, size_t d, size_t e,
                             const size_t **out);

#endif
