/*
 * What the two halves of `nospof scenarios` share: the compact row of the
 * failure table, the table being built (rows in a sorted spool, the
 * summary's tallies), and the writers of scenarios_out.c. Private to
 * cmd/scenarios*.c.
 */
#ifndef NSP_CMD_SCENARIOS_H
#define NSP_CMD_SCENARIOS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "analysis/failure.h"
#include "cli.h"
#include "report/spool.h"

/*
 * One row: a scenario (no, one or two failed elements) and a demand,
 * compact, since a depth-2 table has millions of them.
 */
struct row {
	double share;         /* load / usable bandwidth of the worst circuit */
	double load;          /* its load, Mbit/s */
	double usable;        /* a member failure: the LAG's rest */
	uint64_t failover_ms; /* 0 when no circuit carrying traffic failed */
	uint32_t fail[2];     /* elements; a member failure: the circuit */
	uint32_t demand;
	uint32_t worst; /* the worst circuit, NO_CIRCUIT when none */
	uint8_t nfail, connected, never, member;
	uint8_t spare[4]; /* no padding: rows are written to a file whole */
};
#define NO_CIRCUIT UINT32_MAX

/* What the design survives, by class (and pairs at depth 2). */
struct tally {
	size_t elements, survived, overloaded, cut;
};

/*
 * The table being built: its rows in a sorted spool, and what the summary
 * needs, kept as they come (per element, per LAG circuit, pairs).
 */
struct table {
	const struct nsp_analysis *a;
	struct nsp_spool rows;
	int *state;  /* per element: worst state of its single rows */
	bool *used;  /* per element: it has a single row */
	int *mstate; /* per LAG circuit: 1 + worst state of its member rows */
	struct tally pairs;
	size_t pairs_done, npairs; /* pair rows so far, and in all */
	struct nsp_progress progress;
};

/* 0 survived, 1 overloaded, 2 cut. */
int nsp_scn_row_state(const struct row *r);
/* The summary from the table's tallies (classes, pairs, LAG members). */
void nsp_scn_summarise(const struct table *tb,
                       struct tally t[NSP_CLASS_COUNT + 2]);
/* The class names of the summary, by failure class. */
extern const char *const nsp_scn_class_title[NSP_CLASS_COUNT];

/*
 * Write the table as it comes out of the spool (scenarios_out.c): text or
 * Markdown, or JSON; 0, or -1 when it cannot be written or read back.
 */
int nsp_scn_write_text(FILE *out, struct table *tb, int depth,
                       const char *file, bool markdown);
int nsp_scn_write_json(FILE *out, struct table *tb, int depth,
                       const char *file);

#endif
