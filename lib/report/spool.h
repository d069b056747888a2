/*
 * A sorted spool of fixed-size records: records are added in any order
 * and read back sorted, in memory bounded independently of their number.
 * Up to one chunk is sorted in memory; beyond that, each full chunk is
 * sorted and written to a temporary file as a run, and the runs are
 * merged when read back (a few rows of each run in memory at a time).
 * The file is made in TMPDIR (else /tmp) and unlinked at once.
 */
#ifndef NSP_SPOOL_H
#define NSP_SPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef int (*nsp_spool_cmp)(const void *, const void *);

struct nsp_spool_run;

struct nsp_spool {
	size_t size;       /* bytes of one record */
	size_t chunk;      /* records sorted in memory at a time */
	nsp_spool_cmp cmp; /* a total order */
	unsigned char *buf;
	size_t n;     /* records in buf */
	size_t total; /* records added */
	FILE *tmp;    /* the runs, once a chunk has filled */
	size_t nruns;
	struct nsp_spool_run *runs;
	size_t *heap; /* run indexes, smallest head first */
	size_t nheap, next;
	bool failed; /* the temporary file could not be written or read */
	int err;     /* then the errno of the failure */
};

/* An empty spool of records of size bytes, chunk records in memory. */
void nsp_spool_init(struct nsp_spool *s, size_t size, size_t chunk,
                    nsp_spool_cmp cmp);
/* Add one record; 0, or -1 when a full chunk could not be spilled. */
int nsp_spool_add(struct nsp_spool *s, const void *rec);
/* Stop adding and start reading: 0, or -1 (temporary file failed). */
int nsp_spool_sort(struct nsp_spool *s);
/* The next record in order, or NULL at the end (or after a failure). */
const void *nsp_spool_next(struct nsp_spool *s);
void nsp_spool_free(struct nsp_spool *s);

#endif
