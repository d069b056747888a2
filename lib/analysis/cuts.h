/*
 * Minimal cut sets: for one demand, the smallest sets of failure elements
 * (of every class) whose joint failure cuts it, none containing another,
 * up to a given size, each with its probability from the `assumptions`
 * and whether every element is of a required class (intent.survive).
 * Read by `nospof scenarios --cuts K`, by SPOF002, and by any reporter
 * that lists them.
 */
#ifndef NSP_CUTS_H
#define NSP_CUTS_H

#include <stdbool.h>
#include <stddef.h>

#include "failure.h"

/* The largest size `--cuts` takes by default, and the most it ever takes. */
#define NSP_CUTS_DEFAULT_MAX 4
#define NSP_CUTS_LIMIT 8

/* One minimal cut set of one demand. */
struct nsp_cut {
	size_t demand;
	size_t n;                    /* elements, 1..NSP_CUTS_LIMIT */
	size_t elem[NSP_CUTS_LIMIT]; /* global element indices, ascending */
	double prob;   /* product of the elements' unavailabilities */
	bool required; /* every element of a class in intent.survive */
};

/*
 * The minimal cut sets of demand d with at most k elements (k clipped to
 * 1..NSP_CUTS_LIMIT), most probable first, then fewer elements, then
 * element order; none when the demand has no path with nothing failed.
 * Returns how many; *out is freed by the caller (NULL when none).
 */
size_t nsp_demand_cuts(const struct nsp_analysis *a, size_t d, size_t k,
                       struct nsp_cut **out);

/* Whether element set fail (global indices) cuts demand d: a reference. */
bool nsp_cut_cuts(const struct nsp_analysis *a, size_t d, const size_t *fail,
                  size_t n);

#endif
