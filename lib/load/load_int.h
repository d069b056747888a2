/*
 * Private to lib/load: what the pieces of the design loader share (load.c,
 * validate.c, values.c, design.c, circuits.c). The context of one load, the
 * macro that builds JSON Pointers, and the functions that cross files, all
 * prefixed nsp_ld_. Nothing outside lib/load includes this header.
 */
#ifndef NSP_LOAD_INT_H
#define NSP_LOAD_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "load.h"
#include "schema.h"

struct nsp_registry;

/*
 * One load: where the values are, where the errors go, the model being
 * built. The source tree (src) is there for the validation and the build
 * of the raw structs; the normalise pass has only the compact positions
 * (pos, src NULL) and the raw structs (raw), which give a message its
 * element's id. When the positions cannot be made, the tree stays.
 */
struct ctx {
	const struct nsp_source *src;
	const struct nsp_posmap *pos;
	const struct nsp_raw_design *raw;
	struct nsp_diags *diags;
	struct nsp_model *m;
	const struct nsp_intent_defaults *defaults; /* from the config */
	const struct nsp_registry *rules; /* the rules a waiver may name */
};

/* Print a JSON Pointer into the char array buf. */
#define PTR(buf, ...) nsp_ld_ptr(buf, sizeof(buf), __VA_ARGS__)

/*
 * snprintf for the pointers of PTR, without its cost on the formats they
 * use (%s, %zu, %u; anything else goes to vsnprintf): the normalise pass
 * makes one per element and field.
 */
__attribute__((format(printf, 3, 4))) int
nsp_ld_ptr(char *buf, size_t size, const char *fmt, ...);

/* ---- load.c: the element context for messages ------------------------- */

/* Shorten a value echoed in a message (the result is to be freed). */
char *nsp_ld_clip(const char *s, size_t len);

/* Describe a pointer for a message: "circuit 'ec-1': bgp.asn". */
char *nsp_ld_describe(const struct ctx *c, const char *ptr);

/* The position of a pointer, from the tree or the compact positions. */
struct nsp_loc nsp_ld_loc(const struct ctx *c, const char *ptr);

/* Add an error about the node at ptr, prefixed with its description. */
__attribute__((format(printf, 3, 4))) void
nsp_ld_err_at(struct ctx *c, const char *ptr, const char *fmt, ...);

/* ---- validate.c: the source tree against the schema tables ------------ */

/* What a node is, for a message: "a list", "a quoted string", ... */
const char *nsp_ld_node_kind_name(const struct nsp_node *n);

/* Check node n, at the pointer in ptr, against s; errors go to c->diags. */
void nsp_ld_validate(struct ctx *c, const struct nsp_node *n,
		     const cyaml_schema_value_t *s, struct nsp_buf *ptr);

/* ---- values.c: the value helpers of the normalise pass ---------------- */

/* Forget the lookups nsp_ld_has remembers (a new pass, a new source). */
void nsp_ld_forget(void);

/* Whether the map at ptr has the key (null or not). */
bool nsp_ld_has(struct ctx *c, const char *map_ptr, const char *key);

/* Check and register the id of the element at ptr. */
void nsp_ld_register_id(struct ctx *c, const char *id, enum nsp_kind kind,
			size_t index, const char *ptr);

/*
 * Resolve id (at ptr) to an element of one of the kinds in the bit mask;
 * returns its index, or NSP_NONE after an error. *kind_out gets the kind.
 */
size_t nsp_ld_resolve(struct ctx *c, const char *id, unsigned kinds,
		      const char *what, const char *ptr,
		      enum nsp_kind *kind_out);

/* Parse the CIDR prefixes at ptr into out; invalid ones are errors. */
void nsp_ld_prefixes(struct ctx *c, struct nsp_prefixes *out, char **in,
		     uint32_t n, const char *ptr);

/* A list of strings as the model holds it (it borrows libcyaml's). */
void nsp_ld_strs(struct ctx *c, struct nsp_strs *out, char **in, uint32_t n);

/* Remove invisible characters from the field key of the element at base. */
void nsp_ld_text_field(struct ctx *c, char *s, const char *base,
		       const char *key);

/*
 * The `source` of the element at base (IMPORT.md §3.3): 1 to 1,024
 * characters, else an input error at the field.
 */
void nsp_ld_source(struct ctx *c, const char *s, const char *base);

/* The same on every string of the list key of the element at base. */
void nsp_ld_text_list(struct ctx *c, char **v, uint32_t n, const char *base,
		      const char *key);

/* Range check of an integer already known to be a valid number. */
void nsp_ld_range(struct ctx *c, const char *map, const char *key,
		  uint64_t v, uint64_t lo, uint64_t hi);

/* A percentage: 0 < v < 100, or v <= 100 when hundred_ok. */
void nsp_ld_percent(struct ctx *c, const char *map, const char *key,
		    double v, bool hundred_ok);

/* ---- design.c and circuits.c: the normalise pass, in this order ------- */

/* The top level: version, name, intent, assumptions. */
void nsp_ld_norm_top(struct ctx *c, struct nsp_raw_design *r);
/* The ids of every element; sites, clouds and PoPs. */
void nsp_ld_norm_elements(struct ctx *c, struct nsp_raw_design *r);
/* Routers (needs the ids). */
void nsp_ld_norm_routers(struct ctx *c, struct nsp_raw_design *r);
/* Circuits, in circuits.c (needs the routers). */
void nsp_ld_norm_circuits(struct ctx *c, struct nsp_raw_design *r);
/* Demands. */
void nsp_ld_norm_demands(struct ctx *c, struct nsp_raw_design *r);
/* Waivers, checked against c->rules. */
void nsp_ld_norm_waivers(struct ctx *c, struct nsp_raw_design *r);

#endif
