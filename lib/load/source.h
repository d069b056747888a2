/*
 * The libyaml event pass: enforces the input limits, finds syntax errors,
 * duplicate keys, tags and NUL characters, and keeps a light node tree with
 * the position of every node (the path -> line:col source map).
 */
#ifndef NSP_SOURCE_H
#define NSP_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/diag.h"
#include "model/util.h"

enum nsp_node_kind { NSP_NODE_SCALAR, NSP_NODE_SEQ, NSP_NODE_MAP, NSP_NODE_ALIAS };

/* 32 bytes: a design of 10,000 circuits has about 400,000 of them. */
struct nsp_node {
	uint8_t kind;  /* enum nsp_node_kind */
	bool plain;    /* a plain (unquoted) scalar */
	uint32_t len;  /* scalar bytes, or items (a map holds 2 per pair) */
	struct nsp_loc loc;
	struct nsp_loc end; /* just past the node's last character */
	union {
		const char *str;          /* scalar, NUL-terminated */
		struct nsp_node **items;  /* seq; map: key, value, key, ... */
		struct nsp_node *target;  /* alias */
	} u;
};

struct nsp_intent_defaults;
struct nsp_registry;

/*
 * How a file is read: the limits, and (for designs) the intent defaults of
 * the repository config, which ride along so that every loader call sees
 * them without a new parameter.
 */
struct nsp_limits {
	size_t max_bytes;     /* default 32 MiB */
	unsigned max_depth;   /* default 64 */
	unsigned alias_ratio; /* expanded nodes / own nodes, default 10 */
	const struct nsp_intent_defaults *intent; /* NULL: none */
	/*
	 * The rules a waiver or the config may name, handed in by the caller
	 * (the loaders know no rule); NULL: every rule name is unknown.
	 */
	const struct nsp_registry *rules;
};

/* The default limits, with the rules a waiver or config may name. */
#define NSP_LIMITS_WITH(rules) {32u << 20, 64, 10, NULL, (rules)}
#define NSP_LIMITS_DEFAULT NSP_LIMITS_WITH(NULL)

struct nsp_source {
	struct nsp_arena arena;
	struct nsp_node *root;
	uint64_t nodes; /* own nodes, aliases counted once */
	/*
	 * Where each line starts, in characters from the start of the text
	 * (libyaml's mark index less its column), for the lines a node
	 * starts or ends on; NSP_NO_LINE for the others.
	 */
	uint32_t *lines;
	size_t nlines, lines_cap;
};
#define NSP_NO_LINE UINT32_MAX

/* Parse buf into out; returns 0, or -1 with the reasons added to diags. */
int nsp_source_parse(struct nsp_source *out, const char *buf, size_t len,
		     const struct nsp_limits *lim, struct nsp_diags *diags);
void nsp_source_free(struct nsp_source *src);

/* The node an alias stands for (the node itself otherwise). */
const struct nsp_node *nsp_node_deref(const struct nsp_node *n);
/* The value of key in a map node, or NULL. */
const struct nsp_node *nsp_node_get(const struct nsp_node *map,
				    const char *key);
/* Whether a scalar is a YAML null (~, null, empty and plain). */
bool nsp_node_is_null(const struct nsp_node *n);
/*
 * The next token of a JSON Pointer at *p (just past a '/'), unescaped into
 * tok (cut at 255 bytes); *p moves past it.
 */
void nsp_pointer_token(const char **p, char tok[256]);
/* The node a JSON Pointer names, or the deepest existing ancestor. */
const struct nsp_node *nsp_source_at(const struct nsp_source *src,
				     const char *pointer);
/* The position of a JSON Pointer, as close as the document allows. */
struct nsp_loc nsp_source_loc(const struct nsp_source *src,
			      const char *pointer);
/* Where the node of nsp_source_loc ends (just past it). */
struct nsp_loc nsp_source_end(const struct nsp_source *src,
			      const char *pointer);

/*
 * The positions of a tree without its values: what the locator of a loaded
 * model needs (a JSON Pointer to line:col), in about a sixth of the tree's
 * memory. A node holds character offsets, resolved to line:col through the
 * line table; the values of a mapping are named by key numbers.
 */
struct nsp_pos_node {
	uint32_t start, end; /* character offsets of loc and end */
	uint32_t first, n;   /* children: nodes[first .. first + n) */
	uint32_t key : 24;   /* a mapping's value: its key's number + 1 */
	uint32_t kind : 8;   /* an alias: its target's kind and children */
};

struct nsp_posmap {
	/*
	 * In blocks just under 64 KiB, so that they fit in the chunks the
	 * tree and the raw structs free (malloc hands those pages on).
	 */
	struct nsp_pos_node **blocks;
	size_t nnodes, nblocks;
	uint32_t *lines; /* start of each line; a gap holds the next start */
	size_t nlines;
	struct nsp_map keys; /* key text (in arena) -> its number + 1 */
	struct nsp_arena arena;
};

/*
 * The positions of src's tree into pm (src is left as it is); returns 0,
 * or -1 when they do not fit (then pm is empty).
 */
int nsp_posmap_build(struct nsp_posmap *pm, const struct nsp_source *src);
void nsp_posmap_free(struct nsp_posmap *pm);
/* The entry a JSON Pointer names, or its deepest existing ancestor. */
size_t nsp_posmap_find(const struct nsp_posmap *pm, const char *pointer);
/* Whether entry at is a mapping with the key (as nsp_node_get finds). */
bool nsp_posmap_has(const struct nsp_posmap *pm, size_t at, const char *key);
/* nsp_source_loc and nsp_source_end, from the positions alone. */
struct nsp_loc nsp_posmap_loc(const struct nsp_posmap *pm,
			      const char *pointer);
struct nsp_loc nsp_posmap_end(const struct nsp_posmap *pm,
			      const char *pointer);

#endif
