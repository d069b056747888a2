/*
 * The libyaml event pass: enforces the input limits, finds syntax errors,
 * duplicate keys, tags and NUL characters, and keeps a light node tree with
 * the position of every node (the path -> line:col source map).
 */
#include "source.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define WEIGHT_CAP (UINT64_MAX / 4)

struct frame {
	struct nsp_node *node;
	struct nsp_node **items;
	size_t n, cap;
	uint64_t weight; /* nodes so far, aliases expanded, saturating */
	char *anchor;
	bool flow; /* a flow collection ends at its closing bracket */
	yaml_mark_t end_mark;
};

/* A finished anchored node and its weight (nodes, aliases expanded). */
struct anchor {
	struct nsp_node *node;
	uint64_t weight;
};

struct pass {
	struct nsp_source *src;
	struct nsp_diags *diags;
	const struct nsp_limits *lim;
	const char *buf;
	size_t len;
	struct frame *stack;
	size_t depth, cap;
	struct nsp_map anchors; /* anchor name (arena) -> struct anchor */
	struct nsp_map keys;    /* short mapping keys, each kept once */
	const struct nsp_node *heaviest_alias;
	uint64_t heaviest, root_weight;
	bool failed;
};

/* 1-based position of a libyaml mark. */
static struct nsp_loc mark_loc(yaml_mark_t m)
{
	struct nsp_loc l = {(uint32_t)m.line + 1, (uint32_t)m.column + 1};
	return l;
}

/* Position of a byte offset, counting columns in code points. */
static struct nsp_loc offset_loc(const char *buf, size_t len, size_t off)
{
	struct nsp_loc l = {1, 1};
	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (c == '\n') {
			l.line++;
			l.col = 1;
		} else if ((c & 0xc0) != 0x80) {
			l.col++;
		}
	}
	return l;
}

/*
 * The position of a mark of a node, its line's start noted in the line
 * table: every mark of a line has the same index less column.
 */
static struct nsp_loc node_loc(struct pass *p, yaml_mark_t m)
{
	struct nsp_source *src = p->src;
	if (m.line >= src->nlines) {
		NSP_GROW(src->lines, src->lines_cap, m.line + 1);
		while (src->nlines <= m.line)
			src->lines[src->nlines++] = NSP_NO_LINE;
	}
	src->lines[m.line] = (uint32_t)(m.index - m.column);
	return mark_loc(m);
}

static uint64_t sat_add(uint64_t a, uint64_t b)
{
	return a > WEIGHT_CAP - b ? WEIGHT_CAP : a + b;
}

static struct nsp_node *new_node(struct pass *p, enum nsp_node_kind kind,
				 yaml_mark_t m)
{
	struct nsp_node *n = nsp_arena_alloc(&p->src->arena, sizeof(*n));
	memset(n, 0, sizeof(*n));
	n->kind = (uint8_t)kind;
	n->loc = node_loc(p, m);
	p->src->nodes++;
	return n;
}

/*
 * Append a finished node of weight w to the collection being built, or make
 * it root.
 */
static void attach(struct pass *p, struct nsp_node *n, uint64_t w)
{
	if (!p->depth) {
		p->src->root = n;
		p->root_weight = w;
		return;
	}
	struct frame *f = &p->stack[p->depth - 1];
	NSP_GROW(f->items, f->cap, f->n + 1);
	f->items[f->n++] = n;
	f->weight = sat_add(f->weight, w);
}

static void set_anchor(struct pass *p, const yaml_char_t *anchor,
		       struct nsp_node *n, uint64_t w)
{
	if (!anchor)
		return;
	size_t len = strlen((const char *)anchor);
	char *name = nsp_arena_strndup(&p->src->arena, (const char *)anchor,
				       len);
	struct anchor *a = nsp_arena_alloc(&p->src->arena, sizeof(*a));
	a->node = n;
	a->weight = w;
	nsp_map_put(&p->anchors, name, len, a);
}

static int cmp_key(const void *a, const void *b)
{
	const struct nsp_node *x = *(const struct nsp_node *const *)a;
	const struct nsp_node *y = *(const struct nsp_node *const *)b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->u.str, y->u.str, n);
	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	/* equal keys: document order, so the later one is reported */
	if (x->loc.line != y->loc.line)
		return x->loc.line < y->loc.line ? -1 : 1;
	return x->loc.col < y->loc.col ? -1 : x->loc.col > y->loc.col;
}

/* Report every key that appears twice in one mapping. */
static void check_duplicate_keys(struct pass *p, struct frame *f)
{
	size_t pairs = f->n / 2;
	if (pairs < 2)
		return;
	struct nsp_node **keys = nsp_xmalloc(pairs * sizeof(*keys));
	size_t k = 0;
	for (size_t i = 0; i < pairs; i++) {
		const struct nsp_node *key = nsp_node_deref(f->items[2 * i]);
		if (key->kind == NSP_NODE_SCALAR)
			keys[k++] = (struct nsp_node *)key;
	}
	qsort(keys, k, sizeof(*keys), cmp_key);
	for (size_t i = 1; i < k; i++) {
		if (keys[i]->len == keys[i - 1]->len &&
		    !memcmp(keys[i]->u.str, keys[i - 1]->u.str, keys[i]->len))
			nsp_diags_add(p->diags, keys[i]->loc, NULL,
				      "duplicate key '%s' (first at line %u)",
				      keys[i]->u.str,
				      (unsigned)keys[i - 1]->loc.line);
	}
	free(keys);
}

static void push(struct pass *p, struct nsp_node *n, const yaml_char_t *anchor)
{
	NSP_GROW(p->stack, p->cap, p->depth + 1);
	struct frame *f = &p->stack[p->depth++];
	memset(f, 0, sizeof(*f));
	f->node = n;
	f->weight = 1;
	if (anchor)
		f->anchor = nsp_xstrdup((const char *)anchor);
}

static void pop(struct pass *p)
{
	struct frame *f = &p->stack[--p->depth];
	struct nsp_node *n = f->node;
	if (n->kind == NSP_NODE_MAP)
		check_duplicate_keys(p, f);
	n->len = (uint32_t)f->n;
	if (f->n && !f->flow)
		n->end = f->items[f->n - 1]->end;
	else
		node_loc(p, f->end_mark);
	n->u.items = nsp_arena_alloc(&p->src->arena,
				     (f->n ? f->n : 1) * sizeof(*n->u.items));
	if (f->n)
		memcpy(n->u.items, f->items, f->n * sizeof(*f->items));
	free(f->items);
	/* Registered only now: an alias inside its own anchor is unknown. */
	set_anchor(p, (const yaml_char_t *)f->anchor, n, f->weight);
	free(f->anchor);
	attach(p, n, f->weight);
}

static void error(struct pass *p, struct nsp_loc loc, const char *msg)
{
	nsp_diags_add(p->diags, loc, NULL, "%s", msg);
	p->failed = true;
}

/* Translate a libyaml failure into one located message. */
static void parser_error(struct pass *p, yaml_parser_t *y)
{
	struct nsp_loc loc;
	const char *problem = y->problem ? y->problem : "unknown problem";
	if (y->error == YAML_READER_ERROR) {
		loc = offset_loc(p->buf, p->len, y->problem_offset);
		if (strstr(problem, "control characters")) {
			unsigned char c = y->problem_offset < p->len ?
				(unsigned char)p->buf[y->problem_offset] : 0;
			nsp_diags_add(p->diags, loc, NULL,
				      c ? "control character 0x%02X is not "
					  "allowed raw in YAML (only tab, LF "
					  "and CR are; write others, and NUL, "
					  "as escapes in double quotes)" :
					  "NUL byte in the input: the file is "
					  "not a text file",
				      c);
		} else if (strstr(problem, "UTF") || strstr(problem, "Unicode")) {
			nsp_diags_add(p->diags, loc, NULL,
				      "invalid UTF-8: %s", problem);
		} else {
			nsp_diags_add(p->diags, loc, NULL, "cannot read "
				      "input: %s", problem);
		}
	} else if (y->error == YAML_MEMORY_ERROR) {
		loc = (struct nsp_loc){1, 1};
		nsp_diags_add(p->diags, loc, NULL, "out of memory parsing YAML");
	} else {
		loc = mark_loc(y->problem_mark);
		if (y->context)
			nsp_diags_add(p->diags, loc, NULL,
				      "YAML syntax error: %s %s (line %u)",
				      problem, y->context,
				      (unsigned)y->context_mark.line + 1);
		else
			nsp_diags_add(p->diags, loc, NULL,
				      "YAML syntax error: %s", problem);
	}
	p->failed = true;
}

/* Explicit tags change a value's type behind the schema's back. */
static bool reject_tag(struct pass *p, const yaml_char_t *tag, yaml_mark_t m)
{
	if (!tag)
		return false;
	nsp_diags_add(p->diags, mark_loc(m), NULL,
		      "YAML tag '%s' is not supported: write the value plainly",
		      (const char *)tag);
	p->failed = true;
	return true;
}

/* Whether the next node is the key of a mapping being built. */
static bool key_position(const struct pass *p)
{
	return p->depth && p->stack[p->depth - 1].node->kind == NSP_NODE_MAP &&
	       !(p->stack[p->depth - 1].n & 1);
}

/*
 * The text of a scalar, in the arena. A mapping key is kept once however
 * often it appears (a design repeats a few dozen keys 10,000s of times);
 * only short ones, and a bounded number of them.
 */
static const char *scalar_text(struct pass *p, const char *s, size_t len)
{
	if (!key_position(p) || len > 32 || p->keys.n >= 4096)
		return nsp_arena_strndup(&p->src->arena, s, len);
	char *t = nsp_map_get(&p->keys, s, len);
	if (!t) {
		t = nsp_arena_strndup(&p->src->arena, s, len);
		nsp_map_put(&p->keys, t, len, t);
	}
	return t;
}

/* Handle one event; returns false when the pass must stop. */
static bool on_event(struct pass *p, yaml_event_t *e, int *docs)
{
	struct nsp_node *n;
	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1) {
			error(p, mark_loc(e->start_mark),
			      "a second YAML document starts here: a design "
			      "file holds exactly one document");
			return false;
		}
		return true;
	case YAML_SCALAR_EVENT:
		reject_tag(p, e->data.scalar.plain_implicit ||
				      e->data.scalar.quoted_implicit ?
				      NULL :
				      e->data.scalar.tag,
			   e->start_mark);
		n = new_node(p, NSP_NODE_SCALAR, e->start_mark);
		n->end = node_loc(p, e->end_mark);
		n->len = (uint32_t)e->data.scalar.length;
		n->u.str = scalar_text(p, (const char *)e->data.scalar.value,
				       n->len);
		n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (memchr(n->u.str, '\0', n->len))
			error(p, n->loc, "string contains a NUL character "
					 "(\\0)");
		set_anchor(p, e->data.scalar.anchor, n, 1);
		attach(p, n, 1);
		return true;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool seq = e->type == YAML_SEQUENCE_START_EVENT;
		const yaml_char_t *tag = seq ? e->data.sequence_start.tag :
					       e->data.mapping_start.tag;
		int implicit = seq ? e->data.sequence_start.implicit :
				     e->data.mapping_start.implicit;
		if (!implicit)
			reject_tag(p, tag, e->start_mark);
		if (p->depth >= p->lim->max_depth) {
			char msg[128];
			snprintf(msg, sizeof(msg),
				 "nesting deeper than %u levels (depth limit)",
				 p->lim->max_depth);
			error(p, mark_loc(e->start_mark), msg);
			return false;
		}
		if (key_position(p)) {
			error(p, mark_loc(e->start_mark),
			      "a mapping key must be a plain value, not a "
			      "sequence or mapping");
			return false;
		}
		n = new_node(p, seq ? NSP_NODE_SEQ : NSP_NODE_MAP,
			     e->start_mark);
		push(p, n, seq ? e->data.sequence_start.anchor :
				 e->data.mapping_start.anchor);
		p->stack[p->depth - 1].flow =
			seq ? e->data.sequence_start.style ==
				      YAML_FLOW_SEQUENCE_STYLE :
			      e->data.mapping_start.style ==
				      YAML_FLOW_MAPPING_STYLE;
		return true;
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (p->depth) {
			/*
			 * Only noted in the line table when kept (pop): at
			 * the end of the text, libyaml puts the end of a
			 * block collection on a line of its own without
			 * moving its index.
			 */
			p->stack[p->depth - 1].node->end =
				mark_loc(e->end_mark);
			p->stack[p->depth - 1].end_mark = e->end_mark;
			pop(p);
		}
		return true;
	case YAML_ALIAS_EVENT: {
		const char *name = (const char *)e->data.alias.anchor;
		const struct anchor *t = nsp_map_get(&p->anchors, name,
						     strlen(name));
		if (!t) {
			char *msg = nsp_xasprintf("alias '*%s' refers to no "
						  "anchor defined before it",
						  name);
			error(p, mark_loc(e->start_mark), msg);
			free(msg);
			return true;
		}
		if (t->node->kind != NSP_NODE_SCALAR && key_position(p)) {
			error(p, mark_loc(e->start_mark),
			      "a mapping key must be a plain value, not an "
			      "alias to a sequence or mapping");
			return false;
		}
		n = new_node(p, NSP_NODE_ALIAS, e->start_mark);
		n->end = node_loc(p, e->end_mark);
		n->u.target = t->node;
		if (!p->heaviest_alias || t->weight > p->heaviest) {
			p->heaviest_alias = n;
			p->heaviest = t->weight;
		}
		attach(p, n, t->weight);
		return true;
	}
	default:
		return true;
	}
}

int nsp_source_parse(struct nsp_source *out, const char *buf, size_t len,
		     const struct nsp_limits *lim, struct nsp_diags *diags)
{
	struct pass p = {0};
	yaml_parser_t y;
	int docs = 0;
	bool done = false;

	memset(out, 0, sizeof(*out));
	p.src = out;
	p.diags = diags;
	p.lim = lim;
	p.buf = buf;
	p.len = len;
	if (len > lim->max_bytes) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, NULL,
			      "file is %zu bytes, over the size limit of %zu "
			      "bytes (raise it with --max-input-mb)",
			      len, lim->max_bytes);
		return -1;
	}
	/* lengths, counts and offsets of the tree are 32-bit */
	if (len >= UINT32_MAX) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, NULL,
			      "file is %zu bytes: a design file must be "
			      "under 4 GiB", len);
		return -1;
	}
	if (!yaml_parser_initialize(&y)) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, NULL,
			      "cannot initialise the YAML parser");
		return -1;
	}
	yaml_parser_set_encoding(&y, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&y, (const unsigned char *)buf, len);
	while (!done) {
		yaml_event_t e;
		if (!yaml_parser_parse(&y, &e)) {
			parser_error(&p, &y);
			break;
		}
		done = e.type == YAML_STREAM_END_EVENT;
		bool go = on_event(&p, &e, &docs);
		yaml_event_delete(&e);
		if (!go)
			break;
	}
	yaml_parser_delete(&y);
	while (p.depth) {
		struct frame *f = &p.stack[--p.depth];
		free(f->items);
		free(f->anchor);
	}
	free(p.stack);
	nsp_map_free(&p.anchors);
	nsp_map_free(&p.keys);

	if (!p.failed && !out->root) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, NULL,
			      "the file is empty: a design needs at least "
			      "'nospof: 1' and a 'name'");
		p.failed = true;
	}
	if (!p.failed && out->root &&
	    p.root_weight > (uint64_t)lim->alias_ratio * out->nodes) {
		nsp_diags_add(diags, p.heaviest_alias ? p.heaviest_alias->loc :
							(struct nsp_loc){1, 1},
			      NULL,
			      "aliases expand the document to more than %u "
			      "times its %llu nodes (alias limit)",
			      lim->alias_ratio,
			      (unsigned long long)out->nodes);
		p.failed = true;
	}
	if (!p.failed && diags->n)
		p.failed = true;
	return p.failed ? -1 : 0;
}

void nsp_source_free(struct nsp_source *src)
{
	nsp_arena_free(&src->arena);
	free(src->lines);
	src->lines = NULL;
	src->nlines = src->lines_cap = 0;
	src->root = NULL;
}

const struct nsp_node *nsp_node_deref(const struct nsp_node *n)
{
	while (n && n->kind == NSP_NODE_ALIAS)
		n = n->u.target;
	return n;
}

const struct nsp_node *nsp_node_get(const struct nsp_node *map,
				    const char *key)
{
	map = nsp_node_deref(map);
	if (!map || map->kind != NSP_NODE_MAP)
		return NULL;
	size_t len = strlen(key);
	for (size_t i = 0; i + 1 < map->len; i += 2) {
		const struct nsp_node *k = nsp_node_deref(map->u.items[i]);
		if (k->kind == NSP_NODE_SCALAR && k->len == len &&
		    !memcmp(k->u.str, key, len))
			return map->u.items[i + 1];
	}
	return NULL;
}

bool nsp_node_is_null(const struct nsp_node *n)
{
	n = nsp_node_deref(n);
	if (!n || n->kind != NSP_NODE_SCALAR || !n->plain)
		return false;
	return !n->len || !strcmp(n->u.str, "~") || !strcmp(n->u.str, "null") ||
	       !strcmp(n->u.str, "Null") || !strcmp(n->u.str, "NULL");
}

void nsp_pointer_token(const char **p, char tok[256])
{
	const char *s = *p;
	const char *end = strchr(s, '/');
	size_t len = end ? (size_t)(end - s) : strlen(s);
	size_t t = 0;
	for (size_t i = 0; i < len && t + 1 < 256; i++) {
		if (s[i] == '~' && i + 1 < len) {
			tok[t++] = s[i + 1] == '1' ? '/' : '~';
			i++;
		} else {
			tok[t++] = s[i];
		}
	}
	tok[t] = '\0';
	*p = s + len;
}

const struct nsp_node *nsp_source_at(const struct nsp_source *src,
				     const char *pointer)
{
	const struct nsp_node *n = src->root;
	const char *p = pointer;
	while (n && *p == '/') {
		p++;
		char tok[256];
		nsp_pointer_token(&p, tok);
		const struct nsp_node *d = nsp_node_deref(n);
		const struct nsp_node *next = NULL;
		if (d->kind == NSP_NODE_MAP) {
			next = nsp_node_get(d, tok);
		} else if (d->kind == NSP_NODE_SEQ) {
			char *e;
			unsigned long i = strtoul(tok, &e, 10);
			if (*tok && !*e && i < d->len)
				next = d->u.items[i];
		}
		if (!next)
			return n;
		n = next;
	}
	return n;
}

struct nsp_loc nsp_source_loc(const struct nsp_source *src,
			      const char *pointer)
{
	const struct nsp_node *n = src && src->root ?
		nsp_source_at(src, pointer) : NULL;
	return n ? n->loc : (struct nsp_loc){1, 1};
}

struct nsp_loc nsp_source_end(const struct nsp_source *src,
			      const char *pointer)
{
	const struct nsp_node *n = src && src->root ?
		nsp_source_at(src, pointer) : NULL;
	return n ? n->end : (struct nsp_loc){0, 0};
}
