/*
 * The one BuDDy session of the library. BuDDy keeps its node table in
 * global state; this wrapper lets one user at a time have it, initialises
 * it once, frees it at exit, bounds the node table and turns BuDDy's
 * errors (the table full, above all) into a flag the user checks, where
 * BuDDy would otherwise print and exit.
 */
#ifndef NSP_BDDSESSION_H
#define NSP_BDDSESSION_H

#include <stdbool.h>
#include <stddef.h>

/* The node table: its first size, and the most it may grow to. */
#define NSP_BDD_NODES_START 100000
#define NSP_BDD_NODES_MAX 4000000

/*
 * Take the session with at least nvars variables. False when it is taken
 * already or BuDDy cannot start: the caller then does without.
 */
bool nsp_bdd_begin(int nvars);
/* Whether BuDDy reported an error (the node table full) since begin. */
bool nsp_bdd_failed(void);
/* Give the session back; after an error its table is freed and rebuilt. */
void nsp_bdd_end(void);
/*
 * Bound the node table to max nodes (0: NSP_BDD_NODES_MAX) from the next
 * begin on; the tests use it to exercise the fallback.
 */
void nsp_bdd_set_max_nodes(int max);

#endif
