/*
 * The availability estimate of a demand from the `assumptions`: every
 * failure element fails independently with its class's unavailability.
 * Exact when few element groups matter, else Monte Carlo with a fixed seed.
 */
#ifndef NSP_AVAIL_H
#define NSP_AVAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "failure.h"

/* Exact enumeration up to this many groups of elements. */
#define NSP_AVAIL_EXACT_MAX 24
#define NSP_AVAIL_SAMPLES 1000000u
#define NSP_AVAIL_SEED 0x6e6f73706f66ull /* "nospof" */

/* One minimal cut the estimate names: one or two element groups. */
struct nsp_avail_cut {
	size_t elem[2]; /* element indices (the leader of each group) */
	size_t n;       /* 1 or 2 */
	double unavail; /* probability that the cut fails */
};

struct nsp_avail {
	double availability; /* percent */
	bool exact;
	double error;  /* Monte Carlo: 95% bound on the error, in percent */
	size_t groups; /* element groups that matter (same circuits: merged) */
	uint64_t samples;
	struct nsp_avail_cut top[3]; /* the cuts that dominate, worst first */
	size_t ntop;
};

/*
 * A generic system: n groups, group i fails with probability q[i] and then
 * takes down the circuits of mask i (words of 64 bits, nwords each); the
 * system is up when some path (a circuit mask) has no dead circuit.
 */
struct nsp_avail_system {
	size_t n, nwords;
	const double *q;
	const uint64_t *masks; /* n * nwords */
	const uint64_t *paths; /* npaths * nwords */
	size_t npaths;
};

/* Unavailability of a system; exact when n <= NSP_AVAIL_EXACT_MAX. */
void nsp_avail_system(struct nsp_avail *out, const struct nsp_avail_system *s);

/* The availability of demand d of the analysed design. */
void nsp_avail_demand(struct nsp_avail *out, const struct nsp_analysis *a,
                      size_t d);

/*
 * The group demand d's estimate merges element e into: the elements of the
 * demand that take down the same circuits of it (it fails when any of them
 * does), e first, then in element order. Returns how many (at least 1);
 * *out is freed by the caller.
 */
size_t nsp_avail_group(const struct nsp_analysis *a, size_t d, size_t e,
                       size_t **out);

#endif
