/* Input errors: located messages collected while a design is loaded. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void nsp_diags_add(struct nsp_diags *d, struct nsp_loc loc,
		   const char *pointer, const char *fmt, ...)
{
	if (d->n >= NSP_DIAG_MAX) {
		d->truncated = true;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	char *raw = nsp_xvasprintf(fmt, ap);
	va_end(ap);
	/* The same message at the same place (an alias used twice) once. */
	for (size_t i = d->n; i-- > 0 && i + 8 >= d->n;) {
		if (d->v[i].loc.line == loc.line && d->v[i].loc.col == loc.col) {
			char *e = nsp_escape(raw, strlen(raw));
			bool same = !strcmp(e, d->v[i].msg);
			free(e);
			if (same) {
				free(raw);
				return;
			}
		}
	}
	NSP_GROW(d->v, d->cap, d->n + 1);
	struct nsp_diag *g = &d->v[d->n++];
	g->loc = loc;
	if (!g->loc.line)
		g->loc.line = 1;
	if (!g->loc.col)
		g->loc.col = 1;
	g->pointer = nsp_escape(pointer ? pointer : "",
				pointer ? strlen(pointer) : 0);
	g->msg = nsp_escape(raw, strlen(raw));
	free(raw);
}

void nsp_diags_free(struct nsp_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].pointer);
		free(d->v[i].msg);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}
