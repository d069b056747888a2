/*
 * The compact positions of a loaded design: once the raw structs are
 * built, the normalise pass and the locator need no value of the source
 * tree, only where each value is and which keys a mapping has. This file owns that form (struct nsp_posmap): 20 bytes a value
 * in breadth-first order, a node's children side by side, mapping values
 * named by interned key numbers, positions as character offsets resolved
 * through the line table of the event pass. The entries are in blocks of
 * 65,520 bytes, which the chunks freed by the load (64 KiB arena chunks)
 * hold: the positions reuse their pages instead of new ones.
 */
#include "source.h"

#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX
#define MAX_KEYS ((1u << 24) - 1)
#define PER_BLOCK (65520 / sizeof(struct nsp_pos_node))

/* Entry i. */
static struct nsp_pos_node *at(const struct nsp_posmap *pm, size_t i)
{
	return &pm->blocks[i / PER_BLOCK][i % PER_BLOCK];
}

/* A new entry at the end. */
static struct nsp_pos_node *append(struct nsp_posmap *pm, size_t *cap)
{
	if (pm->nnodes == pm->nblocks * PER_BLOCK) {
		NSP_GROW(pm->blocks, *cap, pm->nblocks + 1);
		pm->blocks[pm->nblocks++] =
			nsp_xmalloc(PER_BLOCK * sizeof(struct nsp_pos_node));
	}
	return at(pm, pm->nnodes++);
}

/* The character offset of a position of the tree; false when unknown. */
static bool offset_of(const struct nsp_source *src, struct nsp_loc l,
		      uint32_t *out)
{
	if (!l.line || !l.col || l.line > src->nlines ||
	    src->lines[l.line - 1] == NSP_NO_LINE)
		return false;
	uint64_t o = (uint64_t)src->lines[l.line - 1] + l.col - 1;
	if (o >= NSP_NO_LINE)
		return false;
	*out = (uint32_t)o;
	return true;
}

/* Until it is laid out, a node's entry holds the tree node it stands for. */
static void stash(struct nsp_pos_node *v, const struct nsp_node *x,
		  uint32_t key)
{
	uint64_t u = (uint64_t)(uintptr_t)x;
	memset(v, 0, sizeof(*v));
	v->first = (uint32_t)u;
	v->n = (uint32_t)(u >> 32);
	v->key = key;
}

static const struct nsp_node *unstash(const struct nsp_pos_node *v)
{
	return (const struct nsp_node *)(uintptr_t)((uint64_t)v->n << 32 |
						    v->first);
}

/* The number + 1 of a key's text, interned; 0 when there are too many. */
static uint32_t intern(struct nsp_posmap *pm, const struct nsp_node *k)
{
	k = nsp_node_deref(k);
	if (!k || k->kind != NSP_NODE_SCALAR)
		return 0;
	void *have = nsp_map_get(&pm->keys, k->u.str, k->len);
	if (have)
		return (uint32_t)(uintptr_t)have;
	if (pm->keys.n >= MAX_KEYS)
		return 0;
	char *text = nsp_arena_strndup(&pm->arena, k->u.str, k->len);
	uint32_t num = (uint32_t)pm->keys.n + 1;
	nsp_map_put(&pm->keys, text, k->len, (void *)(uintptr_t)num);
	return num;
}

/* An alias to lay out once its target is: where, and what it names. */
struct fixup {
	size_t alias;
	const struct nsp_node *target;
};

static int cmp_target(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct fixup *)a)->target;
	uintptr_t y = (uintptr_t)((const struct fixup *)b)->target;
	return x < y ? -1 : x > y;
}

/*
 * Walk the tree and the positions together from x at i; every alias whose
 * target is x takes x's kind and children.
 */
static void resolve(struct nsp_posmap *pm, const struct nsp_node *x, size_t i,
		    struct fixup *fix, size_t nfix)
{
	struct fixup key = {0, x};
	struct fixup *f = bsearch(&key, fix, nfix, sizeof(*fix), cmp_target);
	while (f && f > fix && f[-1].target == x)
		f--;
	for (; f && f < fix + nfix && f->target == x; f++) {
		struct nsp_pos_node *a = at(pm, f->alias);
		a->kind = at(pm, i)->kind;
		a->first = at(pm, i)->first;
		a->n = at(pm, i)->n;
	}
	if (x->kind != NSP_NODE_MAP && x->kind != NSP_NODE_SEQ)
		return;
	size_t step = x->kind == NSP_NODE_MAP ? 2 : 1;
	for (size_t j = 0; j * step < x->len; j++)
		resolve(pm, x->u.items[j * step + step - 1],
			at(pm, i)->first + j, fix, nfix);
}

int nsp_posmap_build(struct nsp_posmap *pm, const struct nsp_source *src)
{
	memset(pm, 0, sizeof(*pm));
	if (!src->root || src->nodes >= NSP_NO_LINE)
		return -1;
	struct fixup *fix = NULL;
	size_t nfix = 0, capfix = 0, cap = 0;
	bool ok = true;
	stash(append(pm, &cap), src->root, 0);
	for (size_t i = 0; i < pm->nnodes && ok; i++) {
		struct nsp_pos_node *v = at(pm, i);
		const struct nsp_node *x = unstash(v);
		ok = offset_of(src, x->loc, &v->start) &&
		     offset_of(src, x->end, &v->end);
		v->kind = x->kind;
		v->first = (uint32_t)pm->nnodes;
		v->n = 0;
		if (x->kind == NSP_NODE_ALIAS) {
			NSP_GROW(fix, capfix, nfix + 1);
			fix[nfix++] = (struct fixup){i, nsp_node_deref(x)};
		} else if (x->kind == NSP_NODE_MAP) {
			for (size_t j = 0; j + 1 < x->len && ok; j += 2) {
				uint32_t key = intern(pm, x->u.items[j]);
				ok = key != 0 && pm->nnodes <= src->nodes;
				if (ok)
					stash(append(pm, &cap),
					      x->u.items[j + 1], key);
			}
			v->n = (uint32_t)(pm->nnodes - v->first);
		} else if (x->kind == NSP_NODE_SEQ) {
			for (size_t j = 0; j < x->len && ok; j++) {
				ok = pm->nnodes <= src->nodes;
				if (ok)
					stash(append(pm, &cap), x->u.items[j],
					      0);
			}
			v->n = (uint32_t)(pm->nnodes - v->first);
		}
	}
	if (ok && nfix) {
		qsort(fix, nfix, sizeof(*fix), cmp_target);
		resolve(pm, src->root, 0, fix, nfix);
	}
	free(fix);
	if (!ok) {
		nsp_posmap_free(pm);
		return -1;
	}
	pm->lines = nsp_xmalloc((src->nlines ? src->nlines : 1) *
				sizeof(*pm->lines));
	pm->nlines = src->nlines;
	/* a line no node is on takes the next line's start */
	uint32_t next = NSP_NO_LINE;
	for (size_t l = src->nlines; l-- > 0;) {
		uint32_t s = src->lines[l];
		pm->lines[l] = s == NSP_NO_LINE ? next : s;
		next = pm->lines[l];
	}
	return 0;
}

void nsp_posmap_free(struct nsp_posmap *pm)
{
	for (size_t b = 0; b < pm->nblocks; b++)
		free(pm->blocks[b]);
	free(pm->blocks);
	free(pm->lines);
	nsp_map_free(&pm->keys);
	nsp_arena_free(&pm->arena);
	memset(pm, 0, sizeof(*pm));
}

/* The entry of the value of key in mapping entry i, or NONE. */
static size_t value_of(const struct nsp_posmap *pm, size_t i, const char *key)
{
	const struct nsp_pos_node *d = at(pm, i);
	if (d->kind != NSP_NODE_MAP)
		return NONE;
	uint32_t k = (uint32_t)(uintptr_t)nsp_map_get(&pm->keys, key,
						      strlen(key));
	for (size_t j = 0; k && j < d->n; j++)
		if (at(pm, d->first + j)->key == k)
			return d->first + j;
	return NONE;
}

size_t nsp_posmap_find(const struct nsp_posmap *pm, const char *pointer)
{
	size_t i = 0;
	const char *p = pointer;
	if (!pm->nnodes)
		return NONE;
	while (*p == '/') {
		p++;
		char tok[256];
		nsp_pointer_token(&p, tok);
		const struct nsp_pos_node *d = at(pm, i);
		size_t next = NONE;
		if (d->kind == NSP_NODE_MAP) {
			next = value_of(pm, i, tok);
		} else if (d->kind == NSP_NODE_SEQ) {
			char *e;
			unsigned long k = strtoul(tok, &e, 10);
			if (*tok && !*e && k < d->n)
				next = d->first + k;
		}
		if (next == NONE)
			return i;
		i = next;
	}
	return i;
}

bool nsp_posmap_has(const struct nsp_posmap *pm, size_t i, const char *key)
{
	return i != NONE && value_of(pm, i, key) != NONE;
}

/* line:col of a character offset, through the line table. */
static struct nsp_loc offset_loc(const struct nsp_posmap *pm, uint32_t off)
{
	size_t lo = 0, hi = pm->nlines; /* the last line starting <= off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (pm->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (struct nsp_loc){(uint32_t)lo + 1, off - pm->lines[lo] + 1};
}

struct nsp_loc nsp_posmap_loc(const struct nsp_posmap *pm,
			      const char *pointer)
{
	if (!pm->nnodes)
		return (struct nsp_loc){1, 1};
	return offset_loc(pm, at(pm, nsp_posmap_find(pm, pointer))->start);
}

struct nsp_loc nsp_posmap_end(const struct nsp_posmap *pm,
			      const char *pointer)
{
	if (!pm->nnodes)
		return (struct nsp_loc){0, 0};
	return offset_loc(pm, at(pm, nsp_posmap_find(pm, pointer))->end);
}
