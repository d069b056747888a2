/*
 * The value helpers of the normalise pass: ids (their pattern, registration
 * and the resolution of references to them, with a did-you-mean), CIDR
 * prefixes, free text cleaned of invisible characters, the range and
 * percentage checks, and calendar dates. design.c and circuits.c build the
 * model with them.
 */
#include "load_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int nsp_ld_ptr(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	size_t n = 0;
	va_start(ap, fmt);
	for (const char *f = fmt; *f; f++) {
		char num[24];
		const char *s;
		size_t len;
		if (*f != '%') {
			s = f;
			len = 1;
		} else if (f[1] == 's') {
			s = va_arg(ap, const char *);
			len = strlen(s);
			f++;
		} else if (f[1] == 'u' || (f[1] == 'z' && f[2] == 'u')) {
			size_t v = f[1] == 'u' ? va_arg(ap, unsigned)
					       : va_arg(ap, size_t);
			f += f[1] == 'u' ? 1 : 2;
			size_t k = sizeof(num);
			do
				num[--k] = (char)('0' + v % 10);
			while (v /= 10);
			s = num + k;
			len = sizeof(num) - k;
		} else {
			va_end(ap);
			va_start(ap, fmt);
			int r = vsnprintf(buf, size, fmt, ap);
			va_end(ap);
			return r;
		}
		for (size_t i = 0; i < len; i++, n++)
			if (n + 1 < size)
				buf[n] = s[i];
	}
	va_end(ap);
	if (size)
		buf[n < size ? n : size - 1] = '\0';
	return (int)n;
}

/* Whether an id matches [A-Za-z0-9][A-Za-z0-9._:/-]{0,63}. */
static bool valid_id(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		bool alnum = (ch >= 'a' && ch <= 'z') ||
			     (ch >= 'A' && ch <= 'Z') ||
			     (ch >= '0' && ch <= '9');
		if (!alnum && (!i || !strchr("._:/-", ch)))
			return false;
	}
	return true;
}

/* The first invisible character in s (its code point), or 0. */
static uint32_t first_invisible(const char *s)
{
	uint32_t cp = 0;
	for (size_t i = 0, n = strlen(s); i < n; i++)
		/* each of them starts with byte 0xE2 or 0xEF */
		if ((unsigned char)s[i] >= 0xe2 &&
		    nsp_invisible_at(s + i, n - i, &cp))
			return cp;
	return 0;
}

/*
 * The last few maps nsp_ld_has looked up, by pointer: the normalise pass
 * asks about the keys of the same map many times, and each lookup from
 * the root walks the whole path. Per thread; emptied by nsp_ld_forget at
 * the start of each normalise pass, and keyed by where the values are
 * (the tree or the positions) as well.
 */
static _Thread_local struct seen {
	const void *in; /* c->src or c->pos; NULL: unused */
	char ptr[96];
	const struct nsp_node *node; /* in the tree */
	size_t at;                   /* in the positions */
} seen[4];
static _Thread_local unsigned seen_next;

void nsp_ld_forget(void)
{
	memset(seen, 0, sizeof(seen));
	seen_next = 0;
}

/*
 * The map at a pointer (or its deepest existing ancestor), remembered: a
 * node of the tree, or an entry of the positions.
 */
static const struct seen *map_at(struct ctx *c, const char *ptr)
{
	static _Thread_local struct seen one;
	const void *in = c->src ? (const void *)c->src : (const void *)c->pos;
	size_t len = strlen(ptr);
	size_t n = sizeof(seen) / sizeof(seen[0]);
	for (size_t i = 0; i < n; i++)
		if (seen[i].in == in && !memcmp(seen[i].ptr, ptr, len + 1))
			return &seen[i];
	struct seen *s = len < sizeof(one.ptr) ? &seen[seen_next++ % n] : &one;
	s->in = s == &one ? NULL : in;
	if (len < sizeof(s->ptr))
		memcpy(s->ptr, ptr, len + 1);
	if (c->src)
		s->node = nsp_source_at(c->src, ptr);
	else
		s->at = nsp_posmap_find(c->pos, ptr);
	return s;
}

/* Whether the key at ptr is present in the source. */
bool nsp_ld_has(struct ctx *c, const char *map_ptr, const char *key)
{
	const struct seen *s = map_at(c, map_ptr);
	if (c->src)
		return nsp_node_get(s->node, key) != NULL;
	return nsp_posmap_has(c->pos, s->at, key);
}

/*
 * Register the id of the element at ptr, once its pattern is checked; a
 * duplicate is an error that names the first use.
 */
void nsp_ld_register_id(struct ctx *c, const char *id, enum nsp_kind kind,
			size_t index, const char *ptr)
{
	char idp[300];
	PTR(idp, "%s/id", ptr);
	if (!valid_id(id)) {
		char *v = nsp_ld_clip(id, strlen(id));
		uint32_t cp = first_invisible(id);
		if (cp)
			nsp_ld_err_at(c, idp, "id '%s' contains the invisible "
					      "character U+%04X (%s): ids "
					      "match the pattern "
					      "[A-Za-z0-9][A-Za-z0-9._:/-]"
					      "{0,63}", v, (unsigned)cp,
				      nsp_invisible_name(cp));
		else
			nsp_ld_err_at(c, idp, "id '%s' does not match the id "
					      "pattern [A-Za-z0-9]"
					      "[A-Za-z0-9._:/-]{0,63}", v);
		free(v);
		return;
	}
	const struct nsp_id_entry *prev = nsp_model_add_id(
		c->m, id, kind, index, nsp_ld_loc(c, idp));
	if (prev)
		nsp_ld_err_at(c, idp, "duplicate id '%s': already used by the "
				      "%s at line %u", id,
			      nsp_kind_names[prev->kind],
			      (unsigned)prev->loc.line);
}

/* Ids of one kind, for a did-you-mean (only when there are few). */
static const char *suggest(struct ctx *c, const char *id, unsigned kinds)
{
	const struct nsp_map *ids = &c->m->ids;
	if (ids->n > 2000)
		return NULL;
	const char **cands = nsp_xmalloc((ids->n + 1) * sizeof(*cands));
	size_t n = 0;
	for (size_t i = 0; i < ids->cap; i++) {
		const struct nsp_id_entry *e = ids->vals[i];
		if (ids->keys[i] && (kinds & (1u << e->kind)))
			cands[n++] = ids->keys[i];
	}
	const char *best = nsp_did_you_mean(id, cands, n);
	free(cands);
	return best;
}

/*
 * Resolve id (at ptr) to an element of one of the kinds in the bit mask;
 * returns its index, or NSP_NONE after an error. *kind_out gets the kind.
 */
size_t nsp_ld_resolve(struct ctx *c, const char *id, unsigned kinds,
		      const char *what, const char *ptr,
		      enum nsp_kind *kind_out)
{
	const struct nsp_id_entry *e = nsp_map_get(&c->m->ids, id, strlen(id));
	char *v = nsp_ld_clip(id, strlen(id));
	if (!e) {
		const char *dym = suggest(c, id, kinds);
		uint32_t cp = first_invisible(id);
		if (cp)
			nsp_ld_err_at(c, ptr, "unknown %s '%s': it contains "
					      "the invisible character U+%04X "
					      "(%s), which no id may hold",
				      what, v, (unsigned)cp,
				      nsp_invisible_name(cp));
		else if (dym)
			nsp_ld_err_at(c, ptr,
				      "unknown %s '%s' (did you mean '%s'?)",
				      what, v, dym);
		else
			nsp_ld_err_at(c, ptr, "unknown %s '%s'", what, v);
		free(v);
		return NSP_NONE;
	}
	if (!(kinds & (1u << e->kind))) {
		nsp_ld_err_at(c, ptr, "'%s' is a %s, not a %s (wrong kind of "
				      "reference)", v, nsp_kind_names[e->kind],
			      what);
		free(v);
		return NSP_NONE;
	}
	free(v);
	if (kind_out)
		*kind_out = e->kind;
	return e->index;
}

/*
 * Parse the CIDR prefixes at ptr into out, in the model's arena; each
 * invalid one is an error and left out.
 */
void nsp_ld_prefixes(struct ctx *c, struct nsp_prefixes *out, char **in,
		     uint32_t n, const char *ptr)
{
	out->v = nsp_arena_alloc(&c->m->arena, (n ? n : 1) * sizeof(*out->v));
	out->n = 0;
	for (uint32_t i = 0; i < n; i++) {
		char p[300];
		PTR(p, "%s/%u", ptr, i);
		struct nsp_prefix pr;
		enum nsp_net_err e = nsp_prefix_parse(&pr, in[i], true);
		char *v = nsp_ld_clip(in[i], strlen(in[i]));
		if (e == NSP_NET_HOST_BITS) {
			char net[64];
			struct nsp_prefix nw = nsp_prefix_network(&pr);
			nsp_prefix_format(&nw, net, sizeof(net), true);
			nsp_ld_err_at(c, p, "invalid CIDR '%s': bits set "
					    "beyond the prefix length (did you "
					    "mean %s?)", v, net);
		} else if (e != NSP_NET_OK) {
			nsp_ld_err_at(c, p, "invalid CIDR '%s': expected an "
					    "IPv4 or IPv6 prefix like "
					    "10.0.0.0/8 or 2001:db8::/32", v);
		} else {
			out->v[out->n++] = pr;
		}
		free(v);
	}
}

/* A list of strings as the model holds it (it borrows libcyaml's). */
void nsp_ld_strs(struct ctx *c, struct nsp_strs *out, char **in, uint32_t n)
{
	(void)c;
	out->v = (const char **)in;
	out->n = n;
}

/*
 * A free-text value that is compared with others (facility, metro, tag,
 * carrier, port, ...): invisible characters are removed from it, in
 * place, so that two values that look the same are the same, and an
 * input warning at ptr says so.
 */
static void plain_text(struct ctx *c, char *s, const char *ptr)
{
	uint32_t cp = s ? first_invisible(s) : 0;
	if (!cp)
		return;
	char *before = nsp_ld_clip(s, strlen(s));
	size_t w = 0;
	for (size_t i = 0, n = strlen(s); i < n;) {
		uint32_t x;
		size_t k = nsp_invisible_at(s + i, n - i, &x);
		if (k) {
			i += k;
			continue;
		}
		s[w++] = s[i++];
	}
	s[w] = '\0';
	char *after = nsp_ld_clip(s, w);
	char *what = nsp_ld_describe(c, ptr);
	nsp_diags_add(&c->m->warnings, nsp_ld_loc(c, ptr), ptr,
		      "%s: '%s' contains the invisible character U+%04X (%s): "
		      "it is compared without it, as '%s'",
		      what, before, (unsigned)cp, nsp_invisible_name(cp),
		      after);
	free(what);
	free(after);
	free(before);
}

/* plain_text on the field key of the element at base. */
void nsp_ld_text_field(struct ctx *c, char *s, const char *base,
		       const char *key)
{
	char p[300];
	if (!s || !first_invisible(s))
		return;
	PTR(p, "%s/%s", base, key);
	plain_text(c, s, p);
}

void nsp_ld_source(struct ctx *c, const char *s, const char *base)
{
	char p[300];
	size_t chars = 0;
	if (!s)
		return;
	for (const unsigned char *q = (const unsigned char *)s; *q; q++)
		chars += (*q & 0xc0) != 0x80;
	if (chars >= 1 && chars <= 1024)
		return;
	PTR(p, "%s/source", base);
	nsp_ld_err_at(c, p, "%zu characters, expected 1 to 1024",
		      chars);
}

/* plain_text on every string of the list key of the element at base. */
void nsp_ld_text_list(struct ctx *c, char **v, uint32_t n, const char *base,
		      const char *key)
{
	char p[300];
	for (uint32_t i = 0; i < n; i++) {
		if (!v[i] || !first_invisible(v[i]))
			continue;
		PTR(p, "%s/%s/%u", base, key, i);
		plain_text(c, v[i], p);
	}
}

/* Range check of an integer already known to be a valid number. */
void nsp_ld_range(struct ctx *c, const char *map, const char *key,
		  uint64_t v, uint64_t lo, uint64_t hi)
{
	char p[300];
	if ((v >= lo && v <= hi) || !nsp_ld_has(c, map, key))
		return;
	PTR(p, "%s/%s", map, key);
	nsp_ld_err_at(c, p, "%llu is out of range (%llu..%llu)",
		      (unsigned long long)v, (unsigned long long)lo,
		      (unsigned long long)hi);
}

/* A percentage: 0 < v < 100, or v <= 100 when hundred_ok. */
void nsp_ld_percent(struct ctx *c, const char *map, const char *key,
		    double v, bool hundred_ok)
{
	char p[300];
	if ((v > 0 && (v < 100 || (hundred_ok && v == 100))) ||
	    !nsp_ld_has(c, map, key))
		return;
	PTR(p, "%s/%s", map, key);
	nsp_ld_err_at(c, p, "percentage %g is out of range: expected "
			    "more than 0 and %s 100", v,
		      hundred_ok ? "at most" : "less than");
}
