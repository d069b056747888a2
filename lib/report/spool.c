/*
 * The sorted spool of spool.h: chunks sorted in memory, spilled as runs to
 * one temporary file when there is more than one chunk, merged through a
 * heap of the runs' heads on the way out.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/util.h"
#include "spool.h"

/* Records of one run read back at a time. */
#define RUN_BUF 256

/* One sorted run in the temporary file, and the part of it in memory. */
struct nsp_spool_run {
	off_t off;          /* where it starts in the file */
	size_t n, read;     /* its records, and how many were read */
	unsigned char *buf; /* RUN_BUF records */
	size_t bn, bi;      /* records in buf, and the next one */
};

void nsp_spool_init(struct nsp_spool *s, size_t size, size_t chunk,
                    nsp_spool_cmp cmp)
{
	*s = (struct nsp_spool){.size = size, .chunk = chunk, .cmp = cmp};
}

/*
 * A new temporary file in TMPDIR (else /tmp), already unlinked, so that
 * nothing is left behind however the program ends; NULL with errno set.
 */
static FILE *temp_file(void)
{
	const char *dir = getenv("TMPDIR");
	char *path = nsp_xasprintf("%s/nospof-rows-XXXXXX",
	                           dir && *dir ? dir : "/tmp");
	FILE *f = NULL;
	int fd = mkstemp(path);
	if (fd >= 0) {
		unlink(path);
		f = fdopen(fd, "w+b");
		if (!f) {
			int e = errno;
			close(fd);
			errno = e;
		}
	}
	free(path);
	return f;
}

/* Sort the chunk in memory and append it to the file as a run. */
static int spill(struct nsp_spool *s)
{
	if (!s->tmp && !(s->tmp = temp_file()))
		return -1;
	qsort(s->buf, s->n, s->size, s->cmp);
	off_t off = s->nruns ? s->runs[s->nruns - 1].off +
	                           (off_t)(s->runs[s->nruns - 1].n * s->size)
	                     : 0;
	if (fwrite(s->buf, s->size, s->n, s->tmp) != s->n)
		return -1;
	s->runs = nsp_xrealloc(s->runs, (s->nruns + 1) * sizeof(*s->runs));
	s->runs[s->nruns++] = (struct nsp_spool_run){.off = off, .n = s->n};
	s->n = 0;
	return 0;
}

int nsp_spool_add(struct nsp_spool *s, const void *rec)
{
	if (s->failed)
		return -1;
	if (!s->buf)
		s->buf = nsp_xmalloc(s->chunk * s->size);
	if (s->n == s->chunk && spill(s) < 0) {
		s->failed = true;
		s->err = errno;
		return -1;
	}
	memcpy(s->buf + s->n * s->size, rec, s->size);
	s->n++;
	s->total++;
	return 0;
}

/* Read the next records of run r into its buffer: 0, or -1. */
static int refill(struct nsp_spool *s, struct nsp_spool_run *r)
{
	size_t want = r->n - r->read < RUN_BUF ? r->n - r->read : RUN_BUF;
	size_t bytes = want * s->size, got = 0;
	off_t at = r->off + (off_t)(r->read * s->size);
	while (got < bytes) {
		ssize_t k = pread(fileno(s->tmp), r->buf + got, bytes - got,
		                  at + (off_t)got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		got += (size_t)k;
	}
	r->read += want;
	r->bn = want;
	r->bi = 0;
	return 0;
}

/* The record at the head of run r. */
static const void *head(const struct nsp_spool *s, size_t r)
{
	const struct nsp_spool_run *run = &s->runs[r];
	return run->buf + run->bi * s->size;
}

/* Move the heap entry at i down to its place. */
static void sift_down(struct nsp_spool *s, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < s->nheap &&
		    s->cmp(head(s, s->heap[l]), head(s, s->heap[m])) < 0)
			m = l;
		if (l + 1 < s->nheap &&
		    s->cmp(head(s, s->heap[l + 1]), head(s, s->heap[m])) < 0)
			m = l + 1;
		if (m == i)
			return;
		size_t t = s->heap[i];
		s->heap[i] = s->heap[m];
		s->heap[m] = t;
		i = m;
	}
}

int nsp_spool_sort(struct nsp_spool *s)
{
	if (s->failed)
		return -1;
	if (!s->tmp) {
		if (s->n > 1)
			qsort(s->buf, s->n, s->size, s->cmp);
		return 0;
	}
	if ((s->n && spill(s) < 0) || fflush(s->tmp)) {
		s->failed = true;
		s->err = errno;
		return -1;
	}
	free(s->buf);
	s->buf = NULL;
	s->heap = nsp_xmalloc(s->nruns * sizeof(*s->heap));
	for (size_t r = 0; r < s->nruns; r++) {
		s->runs[r].buf = nsp_xmalloc(RUN_BUF * s->size);
		if (refill(s, &s->runs[r]) < 0) {
			s->failed = true;
			s->err = errno ? errno : EIO;
			return -1;
		}
		s->heap[s->nheap++] = r;
	}
	for (size_t i = s->nheap / 2; i-- > 0;)
		sift_down(s, i);
	return 0;
}

const void *nsp_spool_next(struct nsp_spool *s)
{
	if (s->failed)
		return NULL;
	if (!s->tmp)
		return s->next < s->n ? s->buf + s->size * s->next++ : NULL;
	/* the previous record stays readable until the next call: advance
	 * the run it came from only now */
	if (s->next && s->nheap) {
		struct nsp_spool_run *r = &s->runs[s->heap[0]];
		if (++r->bi == r->bn) {
			if (r->read == r->n)
				s->heap[0] = s->heap[--s->nheap];
			else if (refill(s, r) < 0) {
				s->failed = true;
				s->err = errno ? errno : EIO;
				return NULL;
			}
		}
		if (s->nheap)
			sift_down(s, 0);
	}
	if (!s->nheap)
		return NULL;
	s->next = 1;
	return head(s, s->heap[0]);
}

void nsp_spool_free(struct nsp_spool *s)
{
	for (size_t r = 0; r < s->nruns; r++)
		free(s->runs[r].buf);
	free(s->runs);
	free(s->heap);
	free(s->buf);
	if (s->tmp)
		fclose(s->tmp);
	*s = (struct nsp_spool){0};
}
