/*
 * What the two halves of the HTML reporter share: html.c writes the page,
 * its findings and its script; html_tables.c writes the tables of one
 * design (availability, single failures) and the excerpts of the design.
 */
#ifndef NSP_HTML_INT_H
#define NSP_HTML_INT_H

#include <stdio.h>

#include "report.h"

/* Write already escaped text as HTML text or inside a quoted attribute. */
void nsp_html_text(FILE *out, const char *s);
/* Write text from the input: made visible (nsp_escape), then as HTML. */
void nsp_html_raw(FILE *out, const char *s);

/*
 * The lines of one design file, read once for the excerpts; lines stay
 * empty when the file cannot be read again (standard input, removed).
 */
struct nsp_html_src {
	char *buf;
	size_t len;
	size_t *start; /* offset of each line; start[nlines] == len */
	size_t nlines;
};
void nsp_html_src_read(struct nsp_html_src *s, const char *path);
void nsp_html_src_free(struct nsp_html_src *s);
/* The lines around line (1-based) as a <pre>, that line marked. */
void nsp_html_excerpt(FILE *out, const struct nsp_html_src *s, size_t line);

/* Availability per demand beside the target and the provider's tier. */
void nsp_html_availability(FILE *out, const struct nsp_model *m,
			   const struct nsp_analysis *a);
/* Every single failure of an element the demands use: a sortable table. */
void nsp_html_singles(FILE *out, const struct nsp_model *m,
		      const struct nsp_analysis *a, size_t design);

#endif
