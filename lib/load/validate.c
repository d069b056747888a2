/*
 * Validation of the source tree against the libcyaml schema tables, before
 * libcyaml sees the text: every unknown key (with a did-you-mean), missing
 * required field, wrong kind of node and bad scalar (integer, number,
 * boolean, enumeration) is reported at its line and column, so that the
 * typed load only runs on a tree it accepts.
 */
#include "load_int.h"

#include <stdlib.h>
#include <string.h>

/* What a node is, for a message: "a list", "a quoted string", ... */
const char *nsp_ld_node_kind_name(const struct nsp_node *n)
{
	if (nsp_node_is_null(n))
		return "nothing (null)";
	switch (n->kind) {
	case NSP_NODE_SEQ:
		return "a list";
	case NSP_NODE_MAP:
		return "a mapping";
	default:
		return n->plain ? "a plain value" : "a quoted string";
	}
}

/* Append a JSON Pointer token (escaping ~ and /). */
static void ptr_push(struct nsp_buf *ptr, const char *tok, size_t len)
{
	nsp_buf_putc(ptr, '/');
	if (!memchr(tok, '~', len) && !memchr(tok, '/', len)) {
		nsp_buf_add(ptr, tok, len);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		if (tok[i] == '~')
			nsp_buf_puts(ptr, "~0");
		else if (tok[i] == '/')
			nsp_buf_puts(ptr, "~1");
		else
			nsp_buf_putc(ptr, tok[i]);
	}
}

/*
 * Check a mapping against the fields of its schema: unknown keys, then each
 * value, then the required fields that are missing.
 */
static void validate_mapping(struct ctx *c, const struct nsp_node *n,
			     const cyaml_schema_value_t *s, struct nsp_buf *ptr)
{
	const cyaml_schema_field_t *fields = s->mapping.fields;
	size_t nfields = 0;
	while (fields[nfields].key)
		nfields++;
	/* made only when a key is unknown: the names for a did-you-mean,
	 * and which fields a near miss already suggested */
	const char **names = NULL;
	bool *suggested = NULL;
	size_t base = ptr->len;
	for (size_t i = 0; i + 1 < n->len; i += 2) {
		const struct nsp_node *k = nsp_node_deref(n->u.items[i]);
		const cyaml_schema_field_t *f = NULL;
		for (size_t j = 0; j < nfields && !f; j++)
			if (!strncmp(fields[j].key, k->u.str, k->len) &&
			    !fields[j].key[k->len])
				f = &fields[j];
		if (!f) {
			if (!names) {
				names = nsp_xmalloc(nfields * sizeof(*names));
				for (size_t j = 0; j < nfields; j++)
					names[j] = fields[j].key;
				suggested = nsp_xcalloc(nfields,
							sizeof(*suggested));
			}
			char *key = nsp_ld_clip(k->u.str, k->len);
			const char *dym = nsp_did_you_mean(key, names, nfields);
			char *what = nsp_ld_describe(c,
						     ptr->s ? ptr->s : "");
			char *msg = nsp_xasprintf("unknown key '%s'", key);
			for (size_t j = 0; dym && j < nfields; j++)
				if (names[j] == dym)
					suggested[j] = true;
			if (dym)
				nsp_diags_add(c->diags, k->loc, ptr->s,
					      "%s: %s (did you mean '%s'?)",
					      what, msg, dym);
			else
				nsp_diags_add(c->diags, k->loc, ptr->s,
					      "%s: %s", what, msg);
			free(msg);
			free(what);
			free(key);
			continue;
		}
		ptr_push(ptr, f->key, strlen(f->key));
		nsp_ld_validate(c, n->u.items[i + 1], &f->value, ptr);
		ptr->len = base;
		if (ptr->s)
			ptr->s[base] = '\0';
	}
	for (size_t j = 0; j < nfields; j++) {
		/* a near miss already suggested the key: say it once */
		if ((fields[j].value.flags & CYAML_FLAG_OPTIONAL) ||
		    (suggested && suggested[j]))
			continue;
		if (nsp_node_get(n, fields[j].key))
			continue;
		char *what = nsp_ld_describe(c, ptr->s ? ptr->s : "");
		nsp_diags_add(c->diags, n->loc, ptr->s,
			      "%s: missing required field '%s'", what,
			      fields[j].key);
		free(what);
	}
	free(suggested);
	free(names);
}

/* Whether a plain scalar is one of YAML's spellings of a boolean. */
static bool is_bool(const char *v)
{
	static const char *const words[] = {"true", "false", "True",
					    "False", "TRUE", "FALSE"};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(words[i], v))
			return true;
	return false;
}

/*
 * The unknown value of an enum schema: an error listing the values, with
 * a did-you-mean.
 */
static void bad_enum(struct ctx *c, const cyaml_schema_value_t *s,
		     const char *ptr, const char *v)
{
	const cyaml_strval_t *t = s->enumeration.strings;
	uint32_t cnt = s->enumeration.count;
	struct nsp_buf all = {0};
	const char **names = nsp_xmalloc(cnt * sizeof(*names));
	for (uint32_t i = 0; i < cnt; i++) {
		names[i] = t[i].str;
		nsp_buf_printf(&all, "%s%s", i ? ", " : "", t[i].str);
	}
	const char *dym = nsp_did_you_mean(v, names, cnt);
	if (dym)
		nsp_ld_err_at(c, ptr, "unknown value '%s' (did you "
				      "mean '%s'?); expected one of %s",
			      v, dym, all.s);
	else
		nsp_ld_err_at(c, ptr,
			      "unknown value '%s'; expected one of %s",
			      v, all.s);
	free(names);
	nsp_buf_free(&all);
}

/* What is wrong with a scalar of an integer schema of size bytes. */
enum int_fault { INT_OK, INT_QUOTED, INT_NEGATIVE, INT_NOT_PLAIN, INT_RANGE };

static enum int_fault int_fault(const struct nsp_node *n, uint64_t max)
{
	const char *str = n->u.str;
	uint64_t x;
	bool digits = n->len > 0;
	for (size_t i = 0; i < n->len; i++)
		digits &= str[i] >= '0' && str[i] <= '9';
	if (!n->plain)
		return INT_QUOTED;
	if (n->len > 1 && str[0] == '-' &&
	    strspn(str + 1, "0123456789") == n->len - 1)
		return INT_NEGATIVE;
	if (!digits || (str[0] == '0' && n->len > 1))
		return INT_NOT_PLAIN;
	if (!nsp_parse_uint(str, n->len, max, &x))
		return INT_RANGE;
	return INT_OK;
}

/*
 * Check a scalar against an integer, number, boolean or enum schema; the
 * value is copied for a message only when there is one.
 */
static void validate_scalar(struct ctx *c, const struct nsp_node *n,
			    const cyaml_schema_value_t *s, const char *ptr)
{
	char *v = NULL;
	switch (s->type) {
	case CYAML_UINT: {
		uint64_t max = s->data_size >= 8 ? UINT64_MAX :
			(1ull << (8 * s->data_size)) - 1;
		enum int_fault f = int_fault(n, max);
		if (f == INT_OK)
			return;
		v = nsp_ld_clip(n->u.str, n->len);
		if (f == INT_QUOTED)
			nsp_ld_err_at(c, ptr, "expected an integer, got the "
					      "quoted string \"%s\"", v);
		else if (f == INT_NEGATIVE)
			nsp_ld_err_at(c, ptr, "%s is out of range: negative "
					      "numbers are not allowed here",
				      v);
		else if (f == INT_NOT_PLAIN)
			nsp_ld_err_at(c, ptr, "'%s' is not a plain decimal "
					      "integer (digits only, no unit, "
					      "sign, exponent or leading zero)",
				      v);
		else
			nsp_ld_err_at(c, ptr,
				      "%s is out of range (at most %llu)", v,
				      (unsigned long long)max);
		break;
	}
	case CYAML_FLOAT: {
		double d;
		if (n->plain && nsp_parse_decimal(n->u.str, n->len, &d))
			return;
		v = nsp_ld_clip(n->u.str, n->len);
		if (!n->plain)
			nsp_ld_err_at(c, ptr, "expected a number, got the "
					      "quoted string \"%s\"", v);
		else
			nsp_ld_err_at(c, ptr, "'%s' is not a plain decimal "
					      "number (like 99.99)", v);
		break;
	}
	case CYAML_BOOL:
		/* a scalar holding a NUL never reaches here (the event pass
		 * refuses NUL characters), so its text is the whole value */
		if (n->plain && is_bool(n->u.str))
			return;
		v = nsp_ld_clip(n->u.str, n->len);
		nsp_ld_err_at(c, ptr, "expected true or false, got '%s'", v);
		break;
	case CYAML_ENUM: {
		const cyaml_strval_t *t = s->enumeration.strings;
		for (uint32_t i = 0; i < s->enumeration.count; i++)
			if (!strcmp(t[i].str, n->u.str))
				return;
		v = nsp_ld_clip(n->u.str, n->len);
		bad_enum(c, s, ptr, v);
		break;
	}
	default:
		break;
	}
	free(v);
}

/*
 * Check node n, at the JSON Pointer in ptr, against the schema value s;
 * every problem goes to c->diags. ptr is as it was on return.
 */
void nsp_ld_validate(struct ctx *c, const struct nsp_node *n,
		     const cyaml_schema_value_t *s, struct nsp_buf *ptr)
{
	const char *p = ptr->s ? ptr->s : "";
	const char *want = s->type == CYAML_MAPPING	 ? "a mapping" :
			   s->type == CYAML_SEQUENCE	 ? "a list" :
			   s->type == CYAML_STRING	 ? "a string" :
			   s->type == CYAML_UINT	 ? "an integer" :
			   s->type == CYAML_FLOAT	 ? "a number" :
			   s->type == CYAML_BOOL	 ? "true or false" :
							   "a value";
	n = nsp_node_deref(n);
	if (nsp_node_is_null(n)) {
		nsp_ld_err_at(c, p, "no value given (null); expected %s, or "
				    "leave the key out", want);
		return;
	}
	switch (s->type) {
	case CYAML_MAPPING:
		if (n->kind != NSP_NODE_MAP) {
			nsp_ld_err_at(c, p, "expected %s, got %s", want,
				      nsp_ld_node_kind_name(n));
			return;
		}
		validate_mapping(c, n, s, ptr);
		return;
	case CYAML_SEQUENCE:
		if (n->kind != NSP_NODE_SEQ) {
			nsp_ld_err_at(c, p, "expected %s, got %s", want,
				      nsp_ld_node_kind_name(n));
			return;
		}
		for (size_t i = 0; i < n->len; i++) {
			size_t base = ptr->len;
			char idx[24];
			int k = sizeof(idx);
			size_t v = i;
			do
				idx[--k] = (char)('0' + v % 10);
			while (v /= 10);
			idx[--k] = '/';
			nsp_buf_add(ptr, idx + k, sizeof(idx) - (size_t)k);
			nsp_ld_validate(c, n->u.items[i], s->sequence.entry,
					ptr);
			ptr->len = base;
			ptr->s[base] = '\0';
		}
		return;
	default:
		if (n->kind != NSP_NODE_SCALAR) {
			nsp_ld_err_at(c, p, "expected %s, got %s", want,
				      nsp_ld_node_kind_name(n));
			return;
		}
		validate_scalar(c, n, s, p);
	}
}
