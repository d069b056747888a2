/*
 * Member failures of link aggregation groups: one member of a LAG circuit
 * fails. The bundle keeps (members - 1) x member_mbps, or goes down as a
 * whole when that leaves fewer than min_links members. Nothing reroutes
 * while the bundle stays up (the routing model splits by weight, not by
 * bandwidth), so the outcome is the steady state judged against the
 * smaller bundle; a bundle that goes down is its circuit's failure.
 */
#ifndef NSP_MEMBER_H
#define NSP_MEMBER_H

#include "failure.h"

/* One member failure of LAG circuit 'circuit', for one demand using it. */
struct nsp_member_failure {
	size_t circuit, demand;
	bool down;     /* the bundle goes down as a whole */
	double usable; /* what the bundle may carry then, Mbit/s (0: down) */
	struct nsp_outcome o;
};

/*
 * Every member failure: for each LAG circuit, in file order, and each
 * demand whose paths use it, ascending. Returns the count; *out is the
 * caller's to free (NULL when none).
 */
size_t nsp_member_failures(const struct nsp_analysis *a,
                           struct nsp_member_failure **out);

#endif
