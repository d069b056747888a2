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

struct nsp_node {
	uint8_t kind;  /* enum nsp_node_kind */
	bool plain;    /* a plain (unquoted) scalar */
	struct nsp_loc loc;
	struct nsp_loc end; /* just past the node's last character */
	size_t len;    /* scalar bytes, or items (a map holds 2 per pair) */
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
};

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
/* The node a JSON Pointer names, or the deepest existing ancestor. */
const struct nsp_node *nsp_source_at(const struct nsp_source *src,
				     const char *pointer);
/* The position of a JSON Pointer, as close as the document allows. */
struct nsp_loc nsp_source_loc(const struct nsp_source *src,
			      const char *pointer);
/* Where the node of nsp_source_loc ends (just past it). */
struct nsp_loc nsp_source_end(const struct nsp_source *src,
			      const char *pointer);

#endif
