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

/*
 * The first half of nsp_load_buffer: skip a UTF-8 byte order mark (*buf
 * and *len then name the rest), parse into src (to be freed with
 * nsp_source_free, whatever the result) and validate the tree against the
 * schema. Returns 0 when the typed load may build the raw structs from
 * src, -1 with the input errors in diags.
 */
int nsp_load_tree(struct nsp_source *src, const char **buf, size_t *len,
		  const struct nsp_limits *lim, struct nsp_diags *diags);

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
