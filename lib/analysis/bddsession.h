/*
 * The one BuDDy session of the library. BuDDy keeps its node table in
 * global state; this wrapper lets one user at a time have it, initialises
 * it once, frees it at exit, bounds the node table and turns BuDDy's
 * errors (the table full, above all) into a flag the user checks, where
 * BuDDy would otherwise print and exit.
 */
#ifndef NSP_BDDSESSION_H
#define NSP_BDDSESSION_H

#include <bdd.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * BuDDy's functions, opened by the first nsp_bdd_begin (dlopen of
 * libbdd.so.0; the header is libbdd-dev's): linked, BuDDy and the C++
 * runtime it needs would load into every command, about 2 MiB. Each entry
 * is bdd_<name>; one and zero are bddtrue and bddfalse.
 */
struct nsp_bdd_fns {
	__typeof__(bdd_addref) *addref;
	__typeof__(bdd_delref) *delref;
	__typeof__(bdd_apply) *apply;
	__typeof__(bdd_and) *and;
	__typeof__(bdd_nithvar) *nithvar;
	__typeof__(bdd_low) *low;
	__typeof__(bdd_high) *high;
	__typeof__(bdd_var) *var;
	__typeof__(bdd_getallocnum) *getallocnum;
	BDD one, zero;
};
/* Filled while a session is taken (between begin and end). */
extern struct nsp_bdd_fns nsp_bdd;

/* The node table: its first size, and the most it may grow to. */
#define NSP_BDD_NODES_START 100000
#define NSP_BDD_NODES_MAX 4000000

/*
 * Take the session with at least nvars variables. False when it is taken
 * already or BuDDy cannot start (or is not installed): the caller then
 * does without.
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
