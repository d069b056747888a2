/* Loading a design file into the typed model, with every input error. */
#ifndef NSP_LOAD_H
#define NSP_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "model/diag.h"
#include "model/model.h"
#include "source.h"

/*
 * Load buf (named name in messages) into *out. Returns 0, or -1 with the
 * input errors in diags and *out NULL. buf need not be NUL-terminated.
 */
int nsp_load_buffer(struct nsp_model **out, const char *name, const char *buf,
		    size_t len, const struct nsp_limits *lim,
		    struct nsp_diags *diags);

/* Read path ("-" for standard input) and load it like nsp_load_buffer. */
int nsp_load_file(struct nsp_model **out, const char *path,
		  const struct nsp_limits *lim, struct nsp_diags *diags);

/*
 * Whether a YAML buffer is a nospof design: its top level has a 'nospof'
 * key (or, when it is not valid YAML, a line starts with "nospof:", so that
 * a broken design is still reported).
 */
bool nsp_buffer_is_design(const char *buf, size_t len,
			  const struct nsp_limits *lim);

/* Read a whole file up to max bytes; returns 0, -1 on I/O error, -2 if over. */
int nsp_read_file(char **out, size_t *len, const char *path, size_t max);

#endif
