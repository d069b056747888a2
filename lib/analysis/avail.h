/*
 * The availability of a demand from the `assumptions`: every failure
 * element fails independently with its class's unavailability. Exact, from
 * a binary decision diagram (BuDDy) of the demand's connectivity; the
 * importance of each element (Birnbaum, Fussell-Vesely) comes from the
 * same diagram. When the diagram cannot be built (its node table full),
 * every state is enumerated up to NSP_AVAIL_EXACT_MAX groups, and beyond
 * that a Monte Carlo run with a fixed seed gives an estimate and its bound.
 */
#ifndef NSP_AVAIL_H
#define NSP_AVAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "failure.h"

/* Exact enumeration (the fallback) up to this many groups of elements. */
#define NSP_AVAIL_EXACT_MAX 24
#define NSP_AVAIL_SAMPLES 1000000u
#define NSP_AVAIL_SEED 0x6e6f73706f66ull /* "nospof" */

/* How the figure was found. */
enum nsp_avail_method {
	NSP_AVAIL_AUTO, /* a request: BDD, else enumeration, else sampling */
	NSP_AVAIL_BDD,  /* exact: a binary decision diagram */
	NSP_AVAIL_ENUM, /* exact: every state enumerated */
	NSP_AVAIL_MC,   /* Monte Carlo with a 95% bound */
};

/* One minimal cut the estimate names: one or two element groups. */
struct nsp_avail_cut {
	size_t elem[2]; /* element indices (the leader of each group) */
	size_t n;       /* 1 or 2 */
	double unavail; /* probability that the cut fails */
};

/* The importance of one element for one demand (from the BDD). */
struct nsp_importance {
	size_t elem;     /* global element index */
	double birnbaum; /* -dA/dq: availability lost per unit of its q */
	double fv;       /* Fussell-Vesely: share of the unavailability
	                    that goes away if it never fails, 0..1 */
	double gain;     /* percentage points gained if it never fails */
};

struct nsp_avail {
	double availability; /* percent */
	double unavail;      /* the same as a fraction down, to full precision */
	bool exact;
	enum nsp_avail_method method;
	double error;  /* Monte Carlo: 95% bound on the error, in percent */
	size_t groups; /* element groups that matter (same circuits: merged) */
	uint64_t samples;
	struct nsp_avail_cut top[3]; /* the cuts that dominate, worst first */
	size_t ntop;
	bool has_best; /* best is set (BDD only) */
	struct nsp_importance best; /* the element whose removal buys most */
};

/*
 * A generic system: n groups, group i fails with probability q[i] and then
 * takes down the circuits of mask i (words of 64 bits, nwords each). It is
 * up when the graph connects (when graph is set: a 'from' router reaches a
 * 'to' router over live circuits through exchange routers), else when some
 * path (a circuit mask of paths) has no dead circuit.
 */
struct nsp_avail_system {
	size_t n, nwords;
	const double *q;
	const uint64_t *masks; /* n * nwords */
	const uint64_t *paths; /* npaths * nwords */
	size_t npaths;
	const struct nsp_demand_graph *graph; /* or NULL: the paths */
	enum nsp_avail_method method;         /* 0: AUTO */
	double *birnbaum; /* out, or NULL: per group, BDD only */
};

/* Unavailability of a system, by s->method (AUTO: the best that works). */
void nsp_avail_system(struct nsp_avail *out, const struct nsp_avail_system *s);

/* The availability of demand d of the analysed design. */
void nsp_avail_demand(struct nsp_avail *out, const struct nsp_analysis *a,
                      size_t d);
/* The same by one method (the tests compare them); AUTO as above. */
void nsp_avail_demand_by(struct nsp_avail *out, const struct nsp_analysis *a,
                         size_t d, enum nsp_avail_method how);
/*
 * The same, and the importance of every element demand d uses, most gain
 * first (then element order), into *imp (freed by the caller; NULL and 0
 * when the BDD could not be built). Returns how many.
 */
size_t nsp_avail_importance(struct nsp_avail *out,
                            const struct nsp_analysis *a, size_t d,
                            struct nsp_importance **imp);

/*
 * The group demand d's estimate merges element e into: the elements of the
 * demand that take down the same circuits of it (it fails when any of them
 * does), e first, then in element order. Returns how many (at least 1);
 * *out is freed by the caller.
 */
size_t nsp_avail_group(const struct nsp_analysis *a, size_t d, size_t e,
                       size_t **out);

/*
 * The unavailability of failure element e of a: its class's assumption,
 * or for a LAG's circuit the chance that fewer than min_links of its
 * members are up (k of n, each member with the circuit assumption).
 */
double nsp_elem_unavail(const struct nsp_analysis *a, size_t e);

#endif
