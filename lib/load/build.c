/*
 * The typed load from the source tree: the libcyaml schema tables walked
 * over the nodes the event pass already holds, so that the text is parsed
 * once. What it builds is what cyaml_load_data (libcyaml 1.3.1) builds from
 * the same text: the same scalar readers (strtoull, strtod, ...), pointers
 * allocated and zeroed the same way, empty sequences left NULL, and the same
 * error codes for what it refuses. Every block is allocated once, at its
 * final size, in an arena (libcyaml grows a sequence one entry per
 * realloc): what the model may borrow in one, the structs in another that
 * goes once the model is made.
 * Also the field-by-field comparison the equivalence test uses.
 */
#include "build.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Write the low size bytes of v at p, in host order (libcyaml's way). */
static cyaml_err_t put_uint(uint8_t *p, uint64_t v, size_t size)
{
	const union {
		uint16_t u;
		uint8_t b[2];
	} probe = {1};
	const uint8_t *bytes = (const uint8_t *)&v;
	if (!size || size > sizeof(v))
		return CYAML_ERR_INVALID_DATA_SIZE;
	if (!probe.b[0])
		bytes += sizeof(v) - size;
	memcpy(p, bytes, size);
	return CYAML_OK;
}

/* Read back what put_uint wrote. */
static uint64_t get_uint(const uint8_t *p, size_t size)
{
	const union {
		uint16_t u;
		uint8_t b[2];
	} probe = {1};
	uint64_t v = 0;
	uint8_t *bytes = (uint8_t *)&v;
	if (!size || size > sizeof(v))
		return 0;
	if (!probe.b[0])
		bytes += sizeof(v) - size;
	memcpy(bytes, p, size);
	return v;
}

/* Store a pointer at p, as libcyaml does. */
static void put_ptr(uint8_t *p, const void *ptr)
{
	memcpy(p, &ptr, sizeof(ptr));
}

/* The pointer stored at p. */
static const uint8_t *get_ptr(const uint8_t *p)
{
	const uint8_t *ptr;
	memcpy(&ptr, p, sizeof(ptr));
	return ptr;
}

/*
 * Where blocks go: what the model may borrow (strings, lists of values) in
 * keep, the structs (mappings, lists of mappings) in scratch.
 */
struct arenas {
	struct nsp_arena *keep, *scratch;
};

/* Zeroed memory from an arena. */
static uint8_t *zalloc(struct nsp_arena *a, size_t n)
{
	uint8_t *p = nsp_arena_alloc(a, n ? n : 1);
	memset(p, 0, n ? n : 1);
	return p;
}

/* libcyaml's string compare: case-blind when the schema asks for it. */
static int cmp(const cyaml_schema_value_t *s, const char *x, const char *y)
{
	return (s->flags & CYAML_FLAG_CASE_INSENSITIVE) ? strcasecmp(x, y) :
							   strcmp(x, y);
}

/* A signed integer (CYAML_INT, and the fallback of a loose enum). */
static cyaml_err_t read_int(const cyaml_schema_value_t *s, const char *v,
			    uint8_t *data)
{
	if (!s->data_size || s->data_size > sizeof(uint64_t))
		return CYAML_ERR_INVALID_DATA_SIZE;
	int64_t max = (int64_t)((UINT64_MAX >> ((8 - s->data_size) * 8)) / 2);
	int64_t min = -max - 1;
	char *end = NULL;
	errno = 0;
	long long x = strtoll(v, &end, 0);
	if (end == v || errno == ERANGE || x < min || x > max)
		return CYAML_ERR_INVALID_VALUE;
	return put_uint(data, (uint64_t)x, s->data_size);
}

/* An unsigned integer. */
static cyaml_err_t read_uint(const cyaml_schema_value_t *s, const char *v,
			     uint8_t *data)
{
	if (!s->data_size)
		return CYAML_ERR_INVALID_DATA_SIZE;
	char *end = NULL;
	errno = 0;
	unsigned long long x = strtoull(v, &end, 0);
	if (end == v || errno == ERANGE)
		return CYAML_ERR_INVALID_VALUE;
	if (s->data_size < 8 &&
	    x > (~(uint64_t)0) >> ((8 - s->data_size) * 8))
		return CYAML_ERR_INVALID_VALUE;
	return put_uint(data, x, s->data_size);
}

/* A boolean: false for false, no, off, disable and 0 in any case. */
static cyaml_err_t read_bool(const cyaml_schema_value_t *s, const char *v,
			     uint8_t *data)
{
	static const char *const no[] = {"false", "no", "off", "disable", "0"};
	bool x = true;
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (!strcasecmp(v, no[i]))
			x = false;
	return put_uint(data, x, s->data_size);
}

/* An enumeration: a name of the table, or a number when not strict. */
static cyaml_err_t read_enum(const cyaml_schema_value_t *s, const char *v,
			     uint8_t *data)
{
	const cyaml_strval_t *t = s->enumeration.strings;
	for (uint32_t i = 0; i < s->enumeration.count; i++)
		if (!cmp(s, v, t[i].str))
			return put_uint(data, (uint32_t)t[i].val, s->data_size);
	if (s->flags & CYAML_FLAG_STRICT)
		return CYAML_ERR_INVALID_VALUE;
	return read_int(s, v, data);
}

/* A float or double; out of range is an error only when strict. */
static cyaml_err_t read_float(const cyaml_schema_value_t *s, const char *v,
			      uint8_t *data)
{
	char *end = NULL;
	errno = 0;
	if (s->data_size == sizeof(float)) {
		float x = strtof(v, &end);
		if (end == v ||
		    (errno == ERANGE && (s->flags & CYAML_FLAG_STRICT)))
			return CYAML_ERR_INVALID_VALUE;
		memcpy(data, &x, sizeof(x));
	} else if (s->data_size == sizeof(double)) {
		double x = strtod(v, &end);
		if (end == v ||
		    (errno == ERANGE && (s->flags & CYAML_FLAG_STRICT)))
			return CYAML_ERR_INVALID_VALUE;
		memcpy(data, &x, sizeof(x));
	} else {
		return CYAML_ERR_INVALID_DATA_SIZE;
	}
	return CYAML_OK;
}

/* Whether a scalar stands for a NULL pointer under the schema's flags. */
static bool null_ptr(const cyaml_schema_value_t *s, const char *v)
{
	/* both flags include CYAML_FLAG_POINTER: all their bits must be set */
	if ((s->flags & CYAML_FLAG_POINTER_NULL) == CYAML_FLAG_POINTER_NULL &&
	    !*v)
		return true;
	if ((s->flags & CYAML_FLAG_POINTER_NULL_STR) !=
	    CYAML_FLAG_POINTER_NULL_STR)
		return false;
	return !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") ||
	       !strcmp(v, "NULL");
}

static cyaml_err_t build_value(const struct arenas *a, const struct nsp_node *n,
			       const cyaml_schema_value_t *s, uint8_t *data,
			       uint8_t *count, size_t count_size);

/* The fields of a mapping, each once, the required ones all there. */
static cyaml_err_t build_mapping(const struct arenas *a,
				 const struct nsp_node *n,
				 const cyaml_schema_value_t *s, uint8_t *data)
{
	const cyaml_schema_field_t *fields = s->mapping.fields;
	size_t nf = 0;
	while (fields[nf].key)
		nf++;
	bool local[64] = {0};
	bool *seen = nf <= 64 ? local : nsp_xcalloc(nf, sizeof(*seen));
	cyaml_err_t e = CYAML_OK;
	for (size_t i = 0; i + 1 < n->len && e == CYAML_OK; i += 2) {
		const struct nsp_node *k = nsp_node_deref(n->u.items[i]);
		if (k->kind != NSP_NODE_SCALAR) {
			e = CYAML_ERR_UNEXPECTED_EVENT;
			break;
		}
		size_t j = 0;
		while (j < nf && cmp(s, k->u.str, fields[j].key))
			j++;
		if (j == nf) {
			e = CYAML_ERR_INVALID_KEY;
			break;
		}
		const cyaml_schema_field_t *f = &fields[j];
		if (seen[j] && f->value.type != CYAML_IGNORE) {
			e = CYAML_ERR_UNEXPECTED_EVENT;
			break;
		}
		seen[j] = true;
		e = build_value(a, n->u.items[i + 1], &f->value,
				data + f->data_offset, data + f->count_offset,
				f->count_size);
	}
	for (size_t j = 0; j < nf && e == CYAML_OK; j++)
		if (!(fields[j].value.flags & CYAML_FLAG_OPTIONAL) && !seen[j])
			e = CYAML_ERR_MAPPING_FIELD_MISSING;
	if (seen != local)
		free(seen);
	return e;
}

/* A sequence: one block of exactly its entries, and its count. */
static cyaml_err_t build_sequence(const struct arenas *a,
				  const struct nsp_node *n,
				  const cyaml_schema_value_t *s, uint8_t *data,
				  uint8_t *count, size_t count_size)
{
	if (!count)
		return CYAML_ERR_BAD_TYPE_IN_SCHEMA; /* a top-level sequence */
	if (n->len > s->sequence.max)
		return CYAML_ERR_SEQUENCE_ENTRIES_MAX;
	uint8_t *base = data;
	if (n->len && (s->flags & CYAML_FLAG_POINTER)) {
		base = zalloc(s->sequence.entry->type == CYAML_MAPPING ?
				      a->scratch : a->keep,
			      n->len * s->data_size);
		put_ptr(data, base);
	}
	if (n->len) {
		cyaml_err_t e = put_uint(count, n->len, count_size);
		if (e != CYAML_OK)
			return e;
	}
	for (size_t i = 0; i < n->len; i++) {
		const cyaml_schema_value_t *entry = s->sequence.entry;
		if (entry->type == CYAML_SEQUENCE)
			return CYAML_ERR_SEQUENCE_IN_SEQUENCE;
		cyaml_err_t e = build_value(a, n->u.items[i], entry,
					    base + i * s->data_size, NULL, 0);
		if (e != CYAML_OK)
			return e;
	}
	if (n->len < s->sequence.min)
		return CYAML_ERR_SEQUENCE_ENTRIES_MIN;
	return CYAML_OK;
}

/*
 * The value of node n under schema s at data (for a sequence, its count
 * goes to count); a pointer schema allocates the value first.
 */
static cyaml_err_t build_value(const struct arenas *a, const struct nsp_node *n,
			       const cyaml_schema_value_t *s, uint8_t *data,
			       uint8_t *count, size_t count_size)
{
	n = nsp_node_deref(n);
	if (n->kind == NSP_NODE_SCALAR && null_ptr(s, n->u.str))
		return CYAML_OK;
	enum nsp_node_kind want;
	switch (s->type) {
	case CYAML_INT:
	case CYAML_UINT:
	case CYAML_BOOL:
	case CYAML_ENUM:
	case CYAML_FLOAT:
	case CYAML_STRING:
		want = NSP_NODE_SCALAR;
		break;
	case CYAML_MAPPING:
		want = NSP_NODE_MAP;
		break;
	case CYAML_SEQUENCE:
		want = NSP_NODE_SEQ;
		break;
	default:
		return CYAML_ERR_BAD_TYPE_IN_SCHEMA;
	}
	if (n->kind != want)
		return CYAML_ERR_INVALID_VALUE;
	if (s->type == CYAML_SEQUENCE)
		return build_sequence(a, n, s, data, count, count_size);
	size_t slen = s->type == CYAML_STRING ? strlen(n->u.str) : 0;
	if (s->flags & CYAML_FLAG_POINTER) {
		/* a string takes its length and a NUL, unaligned */
		uint8_t *p = s->type == CYAML_STRING ?
			(uint8_t *)nsp_arena_strndup(a->keep, n->u.str, slen) :
			zalloc(s->type == CYAML_MAPPING ? a->scratch : a->keep,
			       s->data_size);
		put_ptr(data, p);
		data = p;
	}
	switch (s->type) {
	case CYAML_INT:
		return read_int(s, n->u.str, data);
	case CYAML_UINT:
		return read_uint(s, n->u.str, data);
	case CYAML_BOOL:
		return read_bool(s, n->u.str, data);
	case CYAML_ENUM:
		return read_enum(s, n->u.str, data);
	case CYAML_FLOAT:
		return read_float(s, n->u.str, data);
	case CYAML_STRING:
		if (s->string.min > s->string.max)
			return CYAML_ERR_BAD_MIN_MAX_SCHEMA;
		if (slen < s->string.min)
			return CYAML_ERR_STRING_LENGTH_MIN;
		if (slen > s->string.max)
			return CYAML_ERR_STRING_LENGTH_MAX;
		if (!(s->flags & CYAML_FLAG_POINTER))
			memcpy(data, n->u.str, slen + 1);
		return CYAML_OK;
	default:
		return build_mapping(a, n, s, data);
	}
}

cyaml_err_t nsp_build(struct nsp_arena *keep, struct nsp_arena *scratch,
		      const struct nsp_node *n, const cyaml_schema_value_t *s,
		      void **out)
{
	const struct arenas a = {keep, scratch};
	*out = NULL;
	if (!n)
		return CYAML_ERR_INVALID_VALUE;
	return build_value(&a, n, s, (uint8_t *)out, NULL, 0);
}

/* ---- the comparison ---------------------------------------------------- */

static bool differ(const cyaml_schema_value_t *s, const uint8_t *a,
		   const uint8_t *b, const uint8_t *ca, const uint8_t *cb,
		   size_t count_size, struct nsp_buf *path);

/* Every field of two mappings; true at the first difference. */
static bool differ_mapping(const cyaml_schema_value_t *s, const uint8_t *a,
			   const uint8_t *b, struct nsp_buf *path)
{
	size_t base = path->len;
	for (const cyaml_schema_field_t *f = s->mapping.fields; f->key; f++) {
		nsp_buf_printf(path, "/%s", f->key);
		if (differ(&f->value, a + f->data_offset, b + f->data_offset,
			   a + f->count_offset, b + f->count_offset,
			   f->count_size, path))
			return true;
		path->len = base;
		path->s[base] = '\0';
	}
	return false;
}

/*
 * Whether the values at a and b differ (for a sequence, with its counts at
 * ca and cb); path gets where, and is as it was when they do not.
 */
static bool differ(const cyaml_schema_value_t *s, const uint8_t *a,
		   const uint8_t *b, const uint8_t *ca, const uint8_t *cb,
		   size_t count_size, struct nsp_buf *path)
{
	bool ptr = s->flags & CYAML_FLAG_POINTER;
	if (s->type == CYAML_SEQUENCE) {
		uint64_t na = ca ? get_uint(ca, count_size) : 0;
		uint64_t nb = cb ? get_uint(cb, count_size) : 0;
		if (na != nb)
			return true;
		if (ptr) {
			a = get_ptr(a);
			b = get_ptr(b);
			if (!a || !b)
				return a != b || na;
		}
		size_t base = path->len;
		for (uint64_t i = 0; i < na; i++) {
			nsp_buf_printf(path, "/%llu", (unsigned long long)i);
			if (differ(s->sequence.entry, a + i * s->data_size,
				   b + i * s->data_size, NULL, NULL, 0, path))
				return true;
			path->len = base;
			path->s[base] = '\0';
		}
		return false;
	}
	if (ptr) {
		a = get_ptr(a);
		b = get_ptr(b);
		if (!a || !b)
			return a != b;
	}
	switch (s->type) {
	case CYAML_STRING:
		return strcmp((const char *)a, (const char *)b) != 0;
	case CYAML_MAPPING:
		return differ_mapping(s, a, b, path);
	default:
		return memcmp(a, b, s->data_size) != 0;
	}
}

char *nsp_build_diff(const cyaml_schema_value_t *s, const void *a,
		     const void *b)
{
	struct nsp_buf path = {0};
	nsp_buf_puts(&path, "");
	if (differ(s, a, b, NULL, NULL, 0, &path)) {
		if (!path.len)
			nsp_buf_puts(&path, "/");
		return nsp_buf_detach(&path);
	}
	nsp_buf_free(&path);
	return NULL;
}
