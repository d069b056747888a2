/*
 * Progress of long work on standard error: only when it is a terminal, and
 * only once the work has run for a second, so that short runs, pipes and
 * logs never see it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "model/util.h"
#include "cli.h"

/* Seconds on a monotonic clock. */
static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void nsp_progress_start(struct nsp_progress *p)
{
	memset(p, 0, sizeof(*p));
	p->tty = isatty(STDERR_FILENO);
	p->start = now();
}

void nsp_progress_show(struct nsp_progress *p, const char *fmt, ...)
{
	if (!p->tty)
		return;
	double t = now();
	if (t - p->start < 1 || t - p->last < 0.25)
		return;
	p->last = t;
	va_list ap;
	va_start(ap, fmt);
	char *msg = nsp_xvasprintf(fmt, ap);
	va_end(ap);
	char *safe = nsp_escape(msg, strlen(msg));
	/* back to the start of the line, the text, the rest of it cleared */
	fprintf(stderr, "\rnospof: %s (%.0f s)\033[K", safe, t - p->start);
	fflush(stderr);
	p->shown = true;
	free(safe);
	free(msg);
}

void nsp_progress_end(struct nsp_progress *p)
{
	if (p->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	p->shown = false;
}
