/*
 * The typed load without a second parse: the raw structs built from the
 * source tree by walking the libcyaml schema tables, and a field-by-field
 * comparison of two such structs (for the test that holds the result to
 * what cyaml_load_data gives).
 */
#ifndef NSP_BUILD_H
#define NSP_BUILD_H

#include <cyaml/cyaml.h>

#include "model/util.h"
#include "source.h"

/*
 * Fill *out (the address a libcyaml load writes to) from node n as
 * cyaml_load_data would from the same text with schema s; every block is
 * allocated exactly once: strings and lists of values (what a model may
 * borrow) in keep, mappings and lists of mappings in scratch (which may be
 * keep too). Returns CYAML_OK or the error libcyaml would report; what is
 * built before an error stays in the arenas.
 * The schema may use integers, enumerations, booleans, numbers, strings,
 * mappings and sequences (not fixed sequences, flags, bit fields or
 * ignored fields, which return CYAML_ERR_BAD_TYPE_IN_SCHEMA).
 */
cyaml_err_t nsp_build(struct nsp_arena *keep, struct nsp_arena *scratch,
		      const struct nsp_node *n, const cyaml_schema_value_t *s,
		      void **out);

/*
 * Compare the values a and b of schema s (as held at the address a load
 * writes to) field by field; returns NULL when equal, else where they first
 * differ as a path such as "/circuits/3/bgp/asn" (to be freed).
 */
char *nsp_build_diff(const cyaml_schema_value_t *s, const void *a,
		     const void *b);

#endif
