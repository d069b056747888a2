/*
 * Loading a design: the libyaml event pass (source.c), a validation of the
 * source tree against the libcyaml schema tables (every type error, located),
 * the libcyaml load into raw structs, then the normalise pass that applies
 * defaults, resolves references and checks values into the model.
 */
#include "load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/registry.h"
#include "schema.h"

/* ---- element context for messages ------------------------------------ */

static const struct {
	const char *list, *kind;
} lists[] = {
	{"sites", "site"},     {"clouds", "cloud"},	{"pops", "pop"},
	{"routers", "router"}, {"circuits", "circuit"}, {"demands", "demand"},
	{"waivers", "waiver"},
};

/* Shorten a value echoed in a message. */
static char *clip(const char *s, size_t len)
{
	if (len <= 64)
		return nsp_xstrndup(s, len);
	size_t cut = 60;
	while (cut && ((unsigned char)s[cut] & 0xc0) == 0x80)
		cut--;
	return nsp_xasprintf("%.*s... (%zu bytes)", (int)cut, s, len);
}

/*
 * Describe a pointer for a message: "circuit 'ec-1': bgp.asn" for
 * /circuits/0/bgp/asn, "intent.availability" for /intent/availability.
 */
static char *describe(const struct nsp_source *src, const char *ptr)
{
	struct nsp_buf b = {0};
	const char *p = ptr;
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		size_t l = strlen(lists[i].list);
		if (p[0] != '/' || strncmp(p + 1, lists[i].list, l) ||
		    p[1 + l] != '/')
			continue;
		char *end;
		unsigned long idx = strtoul(p + 2 + l, &end, 10);
		char item[64];
		snprintf(item, sizeof(item), "/%s/%lu", lists[i].list, idx);
		const struct nsp_node *id =
			nsp_node_deref(nsp_node_get(nsp_source_at(src, item),
						    "id"));
		if (id && id->kind == NSP_NODE_SCALAR && id->len) {
			char *c = clip(id->u.str, id->len);
			nsp_buf_printf(&b, "%s '%s'", lists[i].kind, c);
			free(c);
		} else {
			nsp_buf_printf(&b, "%s #%lu", lists[i].kind, idx + 1);
		}
		p = end;
		if (*p)
			nsp_buf_puts(&b, ": ");
		break;
	}
	if (*p == '/')
		p++;
	for (; *p; p++) {
		if (*p == '/') {
			const char *q = p + 1;
			while (*q >= '0' && *q <= '9')
				q++;
			if (q > p + 1 && (*q == '/' || !*q)) {
				nsp_buf_printf(&b, "[%.*s]", (int)(q - p - 1),
					       p + 1);
				p = q - 1;
				continue;
			}
			nsp_buf_putc(&b, '.');
		} else if (*p == '~' && p[1]) {
			nsp_buf_putc(&b, p[1] == '1' ? '/' : '~');
			p++;
		} else {
			nsp_buf_putc(&b, *p);
		}
	}
	if (!b.len)
		nsp_buf_puts(&b, "the top level");
	return nsp_buf_detach(&b);
}

struct ctx {
	const struct nsp_source *src;
	struct nsp_diags *diags;
	struct nsp_model *m;
	const struct nsp_intent_defaults *defaults; /* from the config */
	const struct nsp_registry *rules; /* the rules a waiver may name */
};

/* Add an error about the node at ptr, prefixed with its description. */
__attribute__((format(printf, 3, 4))) static void
err_at(struct ctx *c, const char *ptr, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = nsp_xvasprintf(fmt, ap);
	va_end(ap);
	char *what = describe(c->src, ptr);
	nsp_diags_add(c->diags, nsp_source_loc(c->src, ptr), ptr, "%s: %s",
		      what, msg);
	free(what);
	free(msg);
}

/* ---- validation of the source tree against the schema tables --------- */

static const char *node_kind_name(const struct nsp_node *n)
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

static void validate(struct ctx *c, const struct nsp_node *n,
		     const cyaml_schema_value_t *s, struct nsp_buf *ptr);

/* Append a JSON Pointer token (escaping ~ and /). */
static void ptr_push(struct nsp_buf *ptr, const char *tok, size_t len)
{
	nsp_buf_putc(ptr, '/');
	for (size_t i = 0; i < len; i++) {
		if (tok[i] == '~')
			nsp_buf_puts(ptr, "~0");
		else if (tok[i] == '/')
			nsp_buf_puts(ptr, "~1");
		else
			nsp_buf_putc(ptr, tok[i]);
	}
}

static void validate_mapping(struct ctx *c, const struct nsp_node *n,
			     const cyaml_schema_value_t *s, struct nsp_buf *ptr)
{
	const cyaml_schema_field_t *fields = s->mapping.fields;
	size_t nfields = 0;
	while (fields[nfields].key)
		nfields++;
	const char **names = nsp_xmalloc(nfields * sizeof(*names));
	for (size_t i = 0; i < nfields; i++)
		names[i] = fields[i].key;
	size_t base = ptr->len;
	bool *suggested = nsp_xcalloc(nfields, sizeof(*suggested));
	for (size_t i = 0; i + 1 < n->len; i += 2) {
		const struct nsp_node *k = nsp_node_deref(n->u.items[i]);
		const cyaml_schema_field_t *f = NULL;
		for (size_t j = 0; j < nfields; j++)
			if (strlen(fields[j].key) == k->len &&
			    !memcmp(fields[j].key, k->u.str, k->len))
				f = &fields[j];
		if (!f) {
			char *key = clip(k->u.str, k->len);
			const char *dym = nsp_did_you_mean(key, names, nfields);
			char *what = describe(c->src, ptr->s ? ptr->s : "");
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
		validate(c, n->u.items[i + 1], &f->value, ptr);
		ptr->len = base;
		if (ptr->s)
			ptr->s[base] = '\0';
	}
	for (size_t j = 0; j < nfields; j++) {
		/* a near miss already suggested the key: say it once */
		if ((fields[j].value.flags & CYAML_FLAG_OPTIONAL) ||
		    suggested[j])
			continue;
		if (nsp_node_get(n, fields[j].key))
			continue;
		char *what = describe(c->src, ptr->s ? ptr->s : "");
		nsp_diags_add(c->diags, n->loc, ptr->s,
			      "%s: missing required field '%s'", what,
			      fields[j].key);
		free(what);
	}
	free(suggested);
	free(names);
}

static void validate_scalar(struct ctx *c, const struct nsp_node *n,
			    const cyaml_schema_value_t *s, const char *ptr)
{
	char *v = clip(n->u.str, n->len);
	switch (s->type) {
	case CYAML_UINT: {
		uint64_t max = s->data_size >= 8 ? UINT64_MAX :
			(1ull << (8 * s->data_size)) - 1;
		uint64_t x;
		bool digits = n->len > 0;
		for (size_t i = 0; i < n->len; i++)
			digits &= n->u.str[i] >= '0' && n->u.str[i] <= '9';
		if (!n->plain)
			err_at(c, ptr, "expected an integer, got the quoted "
				       "string \"%s\"", v);
		else if (n->len > 1 && n->u.str[0] == '-' &&
			 strspn(n->u.str + 1, "0123456789") == n->len - 1)
			err_at(c, ptr, "%s is out of range: negative numbers "
				       "are not allowed here", v);
		else if (!digits || (n->u.str[0] == '0' && n->len > 1))
			err_at(c, ptr, "'%s' is not a plain decimal integer "
				       "(digits only, no unit, sign, "
				       "exponent or leading zero)", v);
		else if (!nsp_parse_uint(n->u.str, n->len, max, &x))
			err_at(c, ptr, "%s is out of range (at most %llu)", v,
			       (unsigned long long)max);
		break;
	}
	case CYAML_FLOAT: {
		double d;
		if (!n->plain)
			err_at(c, ptr, "expected a number, got the quoted "
				       "string \"%s\"", v);
		else if (!nsp_parse_decimal(n->u.str, n->len, &d))
			err_at(c, ptr, "'%s' is not a plain decimal number "
				       "(like 99.99)", v);
		break;
	}
	case CYAML_BOOL:
		if (!n->plain || (strcmp(v, "true") && strcmp(v, "false") &&
				  strcmp(v, "True") && strcmp(v, "False") &&
				  strcmp(v, "TRUE") && strcmp(v, "FALSE")))
			err_at(c, ptr, "expected true or false, got '%s'", v);
		break;
	case CYAML_ENUM: {
		const cyaml_strval_t *t = s->enumeration.strings;
		uint32_t cnt = s->enumeration.count;
		bool ok = false;
		for (uint32_t i = 0; i < cnt; i++)
			ok |= !strcmp(t[i].str, v);
		if (ok)
			break;
		struct nsp_buf all = {0};
		const char **names = nsp_xmalloc(cnt * sizeof(*names));
		for (uint32_t i = 0; i < cnt; i++) {
			names[i] = t[i].str;
			nsp_buf_printf(&all, "%s%s", i ? ", " : "", t[i].str);
		}
		const char *dym = nsp_did_you_mean(v, names, cnt);
		if (dym)
			err_at(c, ptr, "unknown value '%s' (did you mean "
				       "'%s'?); expected one of %s", v, dym,
			       all.s);
		else
			err_at(c, ptr, "unknown value '%s'; expected one of %s",
			       v, all.s);
		free(names);
		nsp_buf_free(&all);
		break;
	}
	default:
		break;
	}
	free(v);
}

static void validate(struct ctx *c, const struct nsp_node *n,
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
		err_at(c, p, "no value given (null); expected %s, or leave "
			     "the key out", want);
		return;
	}
	switch (s->type) {
	case CYAML_MAPPING:
		if (n->kind != NSP_NODE_MAP) {
			err_at(c, p, "expected %s, got %s", want,
			       node_kind_name(n));
			return;
		}
		validate_mapping(c, n, s, ptr);
		return;
	case CYAML_SEQUENCE:
		if (n->kind != NSP_NODE_SEQ) {
			err_at(c, p, "expected %s, got %s", want,
			       node_kind_name(n));
			return;
		}
		for (size_t i = 0; i < n->len; i++) {
			size_t base = ptr->len;
			nsp_buf_printf(ptr, "/%zu", i);
			validate(c, n->u.items[i], s->sequence.entry, ptr);
			ptr->len = base;
			ptr->s[base] = '\0';
		}
		return;
	default:
		if (n->kind != NSP_NODE_SCALAR) {
			err_at(c, p, "expected %s, got %s", want,
			       node_kind_name(n));
			return;
		}
		validate_scalar(c, n, s, p);
	}
}

/* ---- libcyaml --------------------------------------------------------- */

/* libcyaml's log goes into a buffer, never to stdout. */
static void cyaml_log_to_buf(cyaml_log_t level, void *ctx, const char *fmt,
			     va_list args)
{
	(void)level;
	struct nsp_buf *b = ctx;
	if (b->len > 4096)
		return;
	char *s = nsp_xvasprintf(fmt, args);
	nsp_buf_puts(b, s);
	free(s);
}

static cyaml_config_t cyaml_config(struct nsp_buf *log)
{
	cyaml_config_t cfg = {
		.log_fn = cyaml_log_to_buf,
		.log_ctx = log,
		.mem_fn = cyaml_mem,
		.log_level = CYAML_LOG_ERROR,
		.flags = CYAML_CFG_DEFAULT,
	};
	return cfg;
}

/* ---- normalise: defaults, references, values --------------------------- */

#define PTR(buf, ...) snprintf(buf, sizeof(buf), __VA_ARGS__)

const char *const nsp_kind_names[] = {
	"", "site", "cloud", "pop", "router", "circuit",
};

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
		if (nsp_invisible_at(s + i, n - i, &cp))
			return cp;
	return 0;
}

/* Whether the key at ptr is present in the source (and not null). */
static bool has(struct ctx *c, const char *map_ptr, const char *key)
{
	const struct nsp_node *n =
		nsp_node_get(nsp_source_at(c->src, map_ptr), key);
	return n != NULL;
}

static void register_id(struct ctx *c, const char *id, enum nsp_kind kind,
			size_t index, const char *ptr)
{
	char idp[300];
	PTR(idp, "%s/id", ptr);
	if (!valid_id(id)) {
		char *v = clip(id, strlen(id));
		uint32_t cp = first_invisible(id);
		if (cp)
			err_at(c, idp, "id '%s' contains the invisible "
				       "character U+%04X (%s): ids match the "
				       "pattern [A-Za-z0-9][A-Za-z0-9._:/-]"
				       "{0,63}", v, (unsigned)cp,
			       nsp_invisible_name(cp));
		else
			err_at(c, idp, "id '%s' does not match the id pattern "
				       "[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}", v);
		free(v);
		return;
	}
	const struct nsp_id_entry *prev = nsp_model_add_id(
		c->m, id, kind, index, nsp_source_loc(c->src, idp));
	if (prev)
		err_at(c, idp, "duplicate id '%s': already used by the %s at "
			       "line %u", id, nsp_kind_names[prev->kind],
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
static size_t resolve(struct ctx *c, const char *id, unsigned kinds,
		      const char *what, const char *ptr,
		      enum nsp_kind *kind_out)
{
	const struct nsp_id_entry *e = nsp_map_get(&c->m->ids, id, strlen(id));
	char *v = clip(id, strlen(id));
	if (!e) {
		const char *dym = suggest(c, id, kinds);
		uint32_t cp = first_invisible(id);
		if (cp)
			err_at(c, ptr, "unknown %s '%s': it contains the "
				       "invisible character U+%04X (%s), which "
				       "no id may hold", what, v, (unsigned)cp,
			       nsp_invisible_name(cp));
		else if (dym)
			err_at(c, ptr, "unknown %s '%s' (did you mean '%s'?)",
			       what, v, dym);
		else
			err_at(c, ptr, "unknown %s '%s'", what, v);
		free(v);
		return NSP_NONE;
	}
	if (!(kinds & (1u << e->kind))) {
		err_at(c, ptr, "'%s' is a %s, not a %s (wrong kind of "
			       "reference)", v, nsp_kind_names[e->kind], what);
		free(v);
		return NSP_NONE;
	}
	free(v);
	if (kind_out)
		*kind_out = e->kind;
	return e->index;
}

static void prefixes(struct ctx *c, struct nsp_prefixes *out, char **in,
		     uint32_t n, const char *ptr)
{
	out->v = nsp_arena_alloc(&c->m->arena, (n ? n : 1) * sizeof(*out->v));
	out->n = 0;
	for (uint32_t i = 0; i < n; i++) {
		char p[300];
		PTR(p, "%s/%u", ptr, i);
		struct nsp_prefix pr;
		enum nsp_net_err e = nsp_prefix_parse(&pr, in[i], true);
		char *v = clip(in[i], strlen(in[i]));
		if (e == NSP_NET_HOST_BITS) {
			char net[64];
			struct nsp_prefix nw = nsp_prefix_network(&pr);
			nsp_prefix_format(&nw, net, sizeof(net), true);
			err_at(c, p, "invalid CIDR '%s': bits set beyond the "
				     "prefix length (did you mean %s?)", v, net);
		} else if (e != NSP_NET_OK) {
			err_at(c, p, "invalid CIDR '%s': expected an IPv4 or "
				     "IPv6 prefix like 10.0.0.0/8 or "
				     "2001:db8::/32", v);
		} else {
			out->v[out->n++] = pr;
		}
		free(v);
	}
}

static void strs(struct ctx *c, struct nsp_strs *out, char **in, uint32_t n)
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
	char *before = clip(s, strlen(s));
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
	char *after = clip(s, w);
	char *what = describe(c->src, ptr);
	nsp_diags_add(&c->m->warnings, nsp_source_loc(c->src, ptr), ptr,
		      "%s: '%s' contains the invisible character U+%04X (%s): "
		      "it is compared without it, as '%s'",
		      what, before, (unsigned)cp, nsp_invisible_name(cp),
		      after);
	free(what);
	free(after);
	free(before);
}

/* plain_text on the field key of the element at base. */
static void text_field(struct ctx *c, char *s, const char *base,
		       const char *key)
{
	char p[300];
	if (!s)
		return;
	PTR(p, "%s/%s", base, key);
	plain_text(c, s, p);
}

/* plain_text on every string of the list key of the element at base. */
static void text_list(struct ctx *c, char **v, uint32_t n, const char *base,
		      const char *key)
{
	char p[300];
	for (uint32_t i = 0; i < n; i++) {
		PTR(p, "%s/%s/%u", base, key, i);
		plain_text(c, v[i], p);
	}
}

/* Range check of an integer already known to be a valid number. */
static void range(struct ctx *c, const char *map, const char *key,
		  uint64_t v, uint64_t lo, uint64_t hi)
{
	char p[300];
	if (!has(c, map, key) || (v >= lo && v <= hi))
		return;
	PTR(p, "%s/%s", map, key);
	err_at(c, p, "%llu is out of range (%llu..%llu)", (unsigned long long)v,
	       (unsigned long long)lo, (unsigned long long)hi);
}

/* A percentage: lo < v < 100, or v <= 100 when hundred_ok. */
static void percent(struct ctx *c, const char *map, const char *key,
		    double v, bool hundred_ok)
{
	char p[300];
	if (!has(c, map, key))
		return;
	if (v > 0 && (v < 100 || (hundred_ok && v == 100)))
		return;
	PTR(p, "%s/%s", map, key);
	err_at(c, p, "percentage %g is out of range: expected more than 0 "
		     "and %s 100", v, hundred_ok ? "at most" : "less than");
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100) || y % 400 == 0;
}

bool nsp_date_parse(const char *s, struct nsp_date *d)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	d->year = atoi(s);
	d->month = atoi(s + 5);
	d->day = atoi(s + 8);
	if (d->month < 1 || d->month > 12 || d->day < 1)
		return false;
	int dm = days[d->month - 1] + (d->month == 2 && leap(d->year));
	return d->day <= dm;
}

const char *const nsp_class_names[NSP_CLASS_COUNT] = {
	"circuit", "port",	  "router",  "pop",  "facility",
	"metro",   "edge_domain", "carrier", "srlg",
};

const char *const nsp_provider_names[NSP_PROV_COUNT] = {
	"aws", "azure", "gcp", "ibm", "alibaba", "ovhcloud", "otc", "oracle",
	"generic",
};

static void norm_top(struct ctx *c, struct nsp_raw_design *r)
{
	struct nsp_model *m = c->m;
	if (r->nospof != 1)
		err_at(c, "/nospof", "unsupported format version %u: this "
				     "nospof reads version 1",
		       (unsigned)r->nospof);
	m->name = r->name;
	m->description = r->description;
	if (!*r->name)
		err_at(c, "/name", "name is empty");

	m->intent.mode = NSP_MODE_ACTIVE_ACTIVE;
	m->intent.survive = 1u << NSP_CLASS_CIRCUIT | 1u << NSP_CLASS_PORT |
			    1u << NSP_CLASS_ROUTER | 1u << NSP_CLASS_POP;
	m->intent.max_utilization = 100;
	const struct nsp_intent_defaults *d = c->defaults;
	if (d && d->mode)
		m->intent.mode = d->v.mode;
	if (d && d->availability) {
		m->intent.has_availability = true;
		m->intent.availability = d->v.availability;
	}
	if (d && d->failover_ms) {
		m->intent.has_failover_ms = true;
		m->intent.failover_ms = d->v.failover_ms;
	}
	if (d && d->survive)
		m->intent.survive = d->v.survive;
	if (d && d->max_utilization)
		m->intent.max_utilization = d->v.max_utilization;
	if (r->intent) {
		struct nsp_raw_intent *i = r->intent;
		if (has(c, "/intent", "mode"))
			m->intent.mode = (enum nsp_mode)i->mode;
		if (has(c, "/intent", "availability")) {
			m->intent.has_availability = true;
			m->intent.availability = i->availability;
			percent(c, "/intent", "availability", i->availability,
				false);
		}
		if (has(c, "/intent", "failover_ms")) {
			m->intent.has_failover_ms = true;
			m->intent.failover_ms = i->failover_ms;
			range(c, "/intent", "failover_ms", i->failover_ms, 1,
			      86400000);
		}
		if (has(c, "/intent", "survive")) {
			m->intent.survive = 0;
			for (uint32_t k = 0; k < i->survive_count; k++)
				m->intent.survive |= 1u << i->survive[k];
		}
		if (has(c, "/intent", "max_utilization")) {
			m->intent.max_utilization = i->max_utilization;
			percent(c, "/intent", "max_utilization",
				i->max_utilization, true);
		}
	}

	static const double defaults[NSP_CLASS_COUNT] = {
		99.9, 99.99, 99.95, 99.99, 99.995, 99.999, 99.99, 99.99, 99.99,
	};
	memcpy(m->assumptions, defaults, sizeof(defaults));
	if (r->assumptions) {
		const double *vals = &r->assumptions->circuit;
		for (int k = 0; k < NSP_CLASS_COUNT; k++) {
			if (!has(c, "/assumptions", nsp_class_names[k]))
				continue;
			m->assumptions[k] = vals[k];
			percent(c, "/assumptions", nsp_class_names[k], vals[k],
				true);
		}
	}
}

static void norm_elements(struct ctx *c, struct nsp_raw_design *r)
{
	struct nsp_model *m = c->m;
	char p[300];

	m->nsites = r->sites_count;
	m->sites = nsp_xcalloc(m->nsites, sizeof(*m->sites));
	for (size_t i = 0; i < m->nsites; i++) {
		struct nsp_raw_site *s = &r->sites[i];
		PTR(p, "/sites/%zu", i);
		register_id(c, s->id, NSP_KIND_SITE, i, p);
	}
	m->nclouds = r->clouds_count;
	m->clouds = nsp_xcalloc(m->nclouds, sizeof(*m->clouds));
	for (size_t i = 0; i < m->nclouds; i++) {
		PTR(p, "/clouds/%zu", i);
		register_id(c, r->clouds[i].id, NSP_KIND_CLOUD, i, p);
	}
	m->npops = r->pops_count;
	m->pops = nsp_xcalloc(m->npops, sizeof(*m->pops));
	for (size_t i = 0; i < m->npops; i++) {
		PTR(p, "/pops/%zu", i);
		register_id(c, r->pops[i].id, NSP_KIND_POP, i, p);
	}
	m->nrouters = r->routers_count;
	m->routers = nsp_xcalloc(m->nrouters, sizeof(*m->routers));
	for (size_t i = 0; i < m->nrouters; i++) {
		PTR(p, "/routers/%zu", i);
		register_id(c, r->routers[i].id, NSP_KIND_ROUTER, i, p);
	}
	m->ncircuits = r->circuits_count;
	m->circuits = nsp_xcalloc(m->ncircuits, sizeof(*m->circuits));
	for (size_t i = 0; i < m->ncircuits; i++) {
		PTR(p, "/circuits/%zu", i);
		register_id(c, r->circuits[i].id, NSP_KIND_CIRCUIT, i, p);
	}

	for (size_t i = 0; i < m->nsites; i++) {
		struct nsp_raw_site *s = &r->sites[i];
		struct nsp_site *o = &m->sites[i];
		PTR(p, "/sites/%zu", i);
		text_field(c, s->region, p, "region");
		o->id = s->id;
		o->region = s->region;
		o->stateful_firewall = s->stateful_firewall;
		o->loc = nsp_model_loc(m, p);
		PTR(p, "/sites/%zu/prefixes", i);
		prefixes(c, &o->prefixes, s->prefixes, s->prefixes_count, p);
	}
	for (size_t i = 0; i < m->nclouds; i++) {
		struct nsp_raw_cloud *s = &r->clouds[i];
		struct nsp_cloud *o = &m->clouds[i];
		PTR(p, "/clouds/%zu", i);
		text_field(c, s->region, p, "region");
		o->id = s->id;
		o->region = s->region;
		o->provider = (enum nsp_provider)s->provider;
		o->loc = nsp_model_loc(m, p);
		PTR(p, "/clouds/%zu/prefixes", i);
		prefixes(c, &o->prefixes, s->prefixes, s->prefixes_count, p);
	}
	for (size_t i = 0; i < m->npops; i++) {
		struct nsp_raw_pop *s = &r->pops[i];
		struct nsp_pop *o = &m->pops[i];
		PTR(p, "/pops/%zu", i);
		text_field(c, s->region, p, "region");
		text_field(c, s->metro, p, "metro");
		text_field(c, s->facility, p, "facility");
		text_field(c, s->edge_domain, p, "edge_domain");
		text_list(c, s->srlg, s->srlg_count, p, "srlg");
		o->id = s->id;
		o->region = s->region;
		o->metro = s->metro;
		o->facility = s->facility;
		o->edge_domain = s->edge_domain;
		strs(c, &o->srlg, s->srlg, s->srlg_count);
		o->loc = nsp_model_loc(m, p);
	}
}

/* The router fields that only some roles may carry. */
static void role_field(struct ctx *c, const char *rp, const char *key,
		       bool allowed, const char *why)
{
	char p[300];
	if (allowed || !has(c, rp, key))
		return;
	PTR(p, "%s/%s", rp, key);
	err_at(c, p, "'%s' is not allowed here: %s", key, why);
}

static void norm_routers(struct ctx *c, struct nsp_raw_design *r)
{
	struct nsp_model *m = c->m;
	char rp[300], p[300];
	for (size_t i = 0; i < m->nrouters; i++) {
		struct nsp_raw_router *s = &r->routers[i];
		struct nsp_router *o = &m->routers[i];
		PTR(rp, "/routers/%zu", i);
		text_field(c, s->gateway, rp, "gateway");
		text_list(c, s->srlg, s->srlg_count, rp, "srlg");
		o->id = s->id;
		o->role = (enum nsp_router_role)s->role;
		o->site = o->pop = o->cloud = NSP_NONE;
		o->gateway = s->gateway;
		o->has_asn = has(c, rp, "asn");
		o->asn = s->asn;
		range(c, rp, "asn", s->asn, 1, UINT32_MAX);
		o->ecmp_hash = has(c, rp, "ecmp_hash") ?
			(enum nsp_hash)s->ecmp_hash : NSP_HASH_UNSET;
		o->policy_routing = s->policy_routing;
		strs(c, &o->srlg, s->srlg, s->srlg_count);
		o->loc = nsp_model_loc(m, rp);

		bool cpe = o->role == NSP_ROLE_CPE;
		bool edge = o->role == NSP_ROLE_EDGE;
		role_field(c, rp, "site", cpe, "only a cpe router belongs to "
					       "a site");
		role_field(c, rp, "pop", !cpe, "a cpe router sits at its "
					       "site, not in a provider PoP");
		role_field(c, rp, "cloud", edge, edge ? "" :
			   cpe ? "a cpe router belongs to a site" :
				 "an exchange router joins circuits and "
				 "belongs to no cloud");
		role_field(c, rp, "gateway", edge, "only an edge router hands "
						   "traffic to a gateway");
		role_field(c, rp, "ecmp_hash", cpe, "only a cpe router's "
						    "hashing is modelled");
		role_field(c, rp, "policy_routing", cpe, "only a cpe router's "
							 "policy routing is "
							 "modelled");
		if (cpe) {
			if (!s->site)
				err_at(c, rp, "a cpe router needs 'site'");
			else
				o->site = resolve(c, s->site,
						  1u << NSP_KIND_SITE, "site",
						  (PTR(p, "%s/site", rp), p),
						  NULL);
		} else {
			if (!s->pop)
				err_at(c, rp, "an %s router needs 'pop'",
				       edge ? "edge" : "exchange");
			else
				o->pop = resolve(c, s->pop, 1u << NSP_KIND_POP,
						 "pop",
						 (PTR(p, "%s/pop", rp), p),
						 NULL);
		}
		if (edge) {
			if (!s->cloud)
				err_at(c, rp, "an edge router needs 'cloud'");
			else
				o->cloud = resolve(c, s->cloud,
						   1u << NSP_KIND_CLOUD,
						   "cloud",
						   (PTR(p, "%s/cloud", rp), p),
						   NULL);
		}
	}
}

static void norm_bgp(struct ctx *c, struct nsp_circuit *o,
		     struct nsp_raw_bgp *s, const char *cp)
{
	struct nsp_model *m = c->m;
	struct nsp_bgp *b = &o->bgp;
	char bp[300], p[300];
	const struct nsp_router *ra = o->a.router != NSP_NONE ?
		&m->routers[o->a.router] : NULL;
	const struct nsp_router *rz = o->z.router != NSP_NONE ?
		&m->routers[o->z.router] : NULL;
	static struct nsp_raw_bgp none;
	PTR(bp, "%s/bgp", cp);
	if (!s)
		s = &none;

	b->asn = has(c, bp, "asn") ? s->asn : ra && ra->has_asn ? ra->asn : 0;
	b->peer_asn = has(c, bp, "peer_asn") ? s->peer_asn :
		      rz && rz->has_asn	     ? rz->asn :
						       0;
	range(c, bp, "asn", s->asn, 1, UINT32_MAX);
	range(c, bp, "peer_asn", s->peer_asn, 1, UINT32_MAX);

	if (s->ip) {
		PTR(p, "%s/ip", bp);
		char *v = clip(s->ip, strlen(s->ip));
		if (nsp_prefix_parse(&b->ip, s->ip, false) != NSP_NET_OK)
			err_at(c, p, "invalid interface address '%s': expected "
				     "an address with its prefix length, like "
				     "10.10.1.5/30", v);
		else
			b->has_ip = true;
		free(v);
	}
	if (s->peer_ip) {
		PTR(p, "%s/peer_ip", bp);
		char *v = clip(s->peer_ip, strlen(s->peer_ip));
		if (nsp_addr_parse(&b->peer_ip, s->peer_ip) != NSP_NET_OK)
			err_at(c, p, "invalid IP address '%s': expected an "
				     "address without a prefix length, like "
				     "10.10.1.6", v);
		else
			b->has_peer_ip = true;
		free(v);
	}

	b->advertise_explicit = has(c, bp, "advertise");
	if (b->advertise_explicit) {
		PTR(p, "%s/advertise", bp);
		prefixes(c, &b->advertise, s->advertise, s->advertise_count,
			 p);
	} else if (ra && ra->site != NSP_NONE) {
		b->advertise = m->sites[ra->site].prefixes;
	}
	b->receive_explicit = has(c, bp, "receive");
	if (b->receive_explicit) {
		PTR(p, "%s/receive", bp);
		prefixes(c, &b->receive, s->receive, s->receive_count, p);
	} else if (rz && rz->cloud != NSP_NONE) {
		b->receive = m->clouds[rz->cloud].prefixes;
	}

	b->prepend = s->prepend;
	range(c, bp, "prepend", s->prepend, 0, 64);
	b->as_path_explicit = has(c, bp, "as_path");
	if (b->as_path_explicit && has(c, bp, "prepend")) {
		PTR(p, "%s/prepend", bp);
		err_at(c, p, "give either 'as_path' or 'prepend', not both: "
			     "as_path already states the path the provider "
			     "receives");
	}
	if (b->as_path_explicit) {
		b->as_path = s->as_path;
		b->as_path_len = s->as_path_count;
		for (uint32_t i = 0; i < s->as_path_count; i++)
			if (!s->as_path[i]) {
				PTR(p, "%s/as_path/%u", bp, i);
				err_at(c, p, "0 is not a valid ASN (1..%u)",
				       UINT32_MAX);
			}
		if (s->as_path_count > 255) {
			PTR(p, "%s/as_path", bp);
			err_at(c, p, "AS_PATH of %u ASNs is longer than 255",
			       s->as_path_count);
		}
	} else if (b->asn && b->prepend <= 64) {
		b->as_path_len = 1 + b->prepend;
		b->as_path = nsp_arena_alloc(&m->arena, b->as_path_len *
							       sizeof(uint32_t));
		for (size_t i = 0; i < b->as_path_len; i++)
			b->as_path[i] = b->asn;
	}

	b->has_med = has(c, bp, "med");
	b->med = s->med;
	b->local_pref = has(c, bp, "local_pref") ? s->local_pref : 100;
	b->keepalive_s = has(c, bp, "keepalive_s") ? s->keepalive_s : 60;
	b->hold_s = has(c, bp, "hold_s") ? s->hold_s : 180;
	range(c, bp, "keepalive_s", s->keepalive_s, 0, 65535);
	range(c, bp, "hold_s", s->hold_s, 0, 65535);

	if (s->communities_count) {
		b->communities = nsp_arena_alloc(
			&m->arena, s->communities_count * sizeof(uint32_t));
		for (uint32_t i = 0; i < s->communities_count; i++) {
			const char *v = s->communities[i];
			const char *colon = strchr(v, ':');
			uint64_t hi, lo;
			if (colon &&
			    nsp_parse_uint(v, (size_t)(colon - v), 65535, &hi) &&
			    nsp_parse_uint(colon + 1, strlen(colon + 1), 65535,
					   &lo)) {
				b->communities[b->ncommunities++] =
					(uint32_t)(hi << 16 | lo);
				continue;
			}
			char *t = clip(v, strlen(v));
			PTR(p, "%s/communities/%u", bp, i);
			err_at(c, p, "invalid BGP community '%s': expected "
				     "ASN:value, two plain numbers up to 65535, "
				     "like 7224:7100", t);
			free(t);
		}
	}

	if (s->bfd) {
		char fp[300];
		PTR(fp, "%s/bfd", bp);
		b->bfd.present = true;
		b->bfd.local = has(c, fp, "local") ? s->bfd->local : true;
		b->bfd.peer = has(c, fp, "peer") ? s->bfd->peer : true;
		b->bfd.interval_ms = has(c, fp, "interval_ms") ?
			s->bfd->interval_ms : 300;
		b->bfd.multiplier = has(c, fp, "multiplier") ?
			s->bfd->multiplier : 3;
		range(c, fp, "interval_ms", s->bfd->interval_ms, 1, 3600000);
		range(c, fp, "multiplier", s->bfd->multiplier, 1, 255);
	}
}

static void norm_end(struct ctx *c, struct nsp_end *o, struct nsp_raw_end *s,
		     const char *cp, const char *side)
{
	char p[300];
	enum nsp_kind kind;
	PTR(p, "%s/%s/router", cp, side);
	o->router = resolve(c, s->router, 1u << NSP_KIND_ROUTER, "router", p,
			    &kind);
	PTR(p, "%s/%s", cp, side);
	text_field(c, s->port, p, "port");
	o->port = s->port;
	if (o->port && !*o->port) {
		PTR(p, "%s/%s/port", cp, side);
		err_at(c, p, "port is empty");
	}
}

static void norm_circuits(struct ctx *c, struct nsp_raw_design *r)
{
	struct nsp_model *m = c->m;
	char cp[300], p[300];
	for (size_t i = 0; i < m->ncircuits; i++) {
		struct nsp_raw_circuit *s = &r->circuits[i];
		struct nsp_circuit *o = &m->circuits[i];
		PTR(cp, "/circuits/%zu", i);
		text_field(c, s->carrier, cp, "carrier");
		text_list(c, s->srlg, s->srlg_count, cp, "srlg");
		o->id = s->id;
		o->loc = nsp_model_loc(m, cp);
		norm_end(c, &o->a, &s->a, cp, "a");
		norm_end(c, &o->z, &s->z, cp, "z");
		if (o->a.router != NSP_NONE && o->a.router == o->z.router) {
			PTR(p, "%s/z/router", cp);
			err_at(c, p, "both ends are the same router '%s': a "
				     "circuit joins two routers", s->z.router);
		}
		if (o->a.router != NSP_NONE &&
		    m->routers[o->a.router].role == NSP_ROLE_EDGE) {
			PTR(p, "%s/a/router", cp);
			err_at(c, p, "'%s' is an edge router: the a side is "
				     "the customer (cpe) or exchange side; "
				     "swap a and z", s->a.router);
		}
		if (o->z.router != NSP_NONE &&
		    m->routers[o->z.router].role == NSP_ROLE_CPE) {
			PTR(p, "%s/z/router", cp);
			err_at(c, p, "'%s' is a cpe router: the z side is the "
				     "provider (edge or exchange) side",
			       s->z.router);
		}
		o->bandwidth_mbps = s->bandwidth_mbps;
		range(c, cp, "bandwidth_mbps", s->bandwidth_mbps, 1,
		      1000000000);
		o->carrier = s->carrier;
		strs(c, &o->srlg, s->srlg, s->srlg_count);
		o->role = has(c, cp, "role") ? (enum nsp_circuit_role)s->role :
					       NSP_CROLE_ACTIVE;
		o->weight = has(c, cp, "weight") ? s->weight : 1;
		range(c, cp, "weight", s->weight, 1, 1000000);
		o->has_mtu = has(c, cp, "mtu");
		o->mtu = s->mtu;
		range(c, cp, "mtu", s->mtu, 68, 65535);
		o->has_vlan = has(c, cp, "vlan");
		o->vlan = s->vlan;
		range(c, cp, "vlan", s->vlan, 1, 4094);
		o->routing = has(c, cp, "routing") ? (enum nsp_routing)s->routing :
						     NSP_ROUTING_BGP;
		if (o->routing == NSP_ROUTING_STATIC && s->bgp) {
			PTR(p, "%s/bgp", cp);
			err_at(c, p, "'bgp' is given but routing is static: "
				     "remove it or set routing: bgp");
		}
		if (o->routing == NSP_ROUTING_BGP && s->health_check) {
			PTR(p, "%s/health_check", cp);
			err_at(c, p, "'health_check' applies to static routing "
				     "only (BGP notices a dead peer by its "
				     "hold timer or BFD)");
		}
		if (o->routing == NSP_ROUTING_BGP)
			norm_bgp(c, o, s->bgp, cp);
		if (s->health_check) {
			struct nsp_raw_health *h = s->health_check;
			PTR(p, "%s/health_check", cp);
			o->health_check.present = true;
			o->health_check.interval_s = has(c, p, "interval_s") ?
				h->interval_s : 60;
			o->health_check.timeout_s = has(c, p, "timeout_s") ?
				h->timeout_s : 2;
			o->health_check.count = has(c, p, "count") ? h->count :
								     3;
			range(c, p, "interval_s", h->interval_s, 1, 86400);
			range(c, p, "timeout_s", h->timeout_s, 1, 86400);
			range(c, p, "count", h->count, 1, 1000);
		}
	}
}

static void norm_demands(struct ctx *c, struct nsp_raw_design *r)
{
	struct nsp_model *m = c->m;
	char dp[300], p[300];
	m->demands_given = has(c, "", "demands");
	if (!m->demands_given)
		return;
	m->ndemands = r->demands_count;
	m->demands = nsp_xcalloc(m->ndemands, sizeof(*m->demands));
	unsigned eps = 1u << NSP_KIND_SITE | 1u << NSP_KIND_CLOUD;
	for (size_t i = 0; i < m->ndemands; i++) {
		struct nsp_raw_demand *s = &r->demands[i];
		struct nsp_demand *o = &m->demands[i];
		enum nsp_kind kf = 0, kt = 0;
		PTR(dp, "/demands/%zu", i);
		o->index = i;
		o->loc = nsp_model_loc(m, dp);
		PTR(p, "%s/from", dp);
		o->from.index = resolve(c, s->from, eps, "site or cloud", p,
					&kf);
		o->from.kind = kf == NSP_KIND_CLOUD ? NSP_EP_CLOUD : NSP_EP_SITE;
		PTR(p, "%s/to", dp);
		o->to.index = resolve(c, s->to, eps, "site or cloud", p, &kt);
		o->to.kind = kt == NSP_KIND_CLOUD ? NSP_EP_CLOUD : NSP_EP_SITE;
		if (!strcmp(s->from, s->to))
			err_at(c, p, "a demand from '%s' to itself", s->to);
		o->has_mbps = has(c, dp, "mbps");
		o->mbps = s->mbps;
		range(c, dp, "mbps", s->mbps, 0, 1000000000);
	}
}

static void norm_waivers(struct ctx *c, struct nsp_raw_design *r)
{
	struct nsp_model *m = c->m;
	char wp[300], p[300];
	m->nwaivers = r->waivers_count;
	m->waivers = nsp_xcalloc(m->nwaivers, sizeof(*m->waivers));
	for (size_t i = 0; i < m->nwaivers; i++) {
		struct nsp_raw_waiver *s = &r->waivers[i];
		struct nsp_waiver *o = &m->waivers[i];
		PTR(wp, "/waivers/%zu", i);
		o->loc = nsp_model_loc(m, wp);
		const struct nsp_rule *rule = nsp_registry_find(c->rules, s->rule);
		/* a rule named by its name matches findings by its id */
		o->rule = rule ? rule->id : s->rule;
		o->reason = s->reason;
		o->ticket = s->ticket;
		o->expires_text = s->expires;
		if (!rule) {
			PTR(p, "%s/rule", wp);
			char *v = clip(s->rule, strlen(s->rule));
			const char *dym = nsp_registry_suggest(c->rules, s->rule);
			if (dym)
				err_at(c, p, "unknown rule '%s' (did you mean "
					     "'%s'?)", v, dym);
			else
				err_at(c, p, "unknown rule '%s' (see 'nospof "
					     "rules')", v);
			free(v);
		}
		if (!*s->reason) {
			PTR(p, "%s/reason", wp);
			err_at(c, p, "reason is empty: say why the risk is "
				     "accepted");
		}
		/* free strings: findings also name carriers, tags, metros */
		text_list(c, s->elements, s->elements_count, wp, "elements");
		strs(c, &o->elements, s->elements, s->elements_count);
		if (s->expires) {
			o->has_expires = nsp_date_parse(s->expires, &o->expires);
			if (!o->has_expires) {
				PTR(p, "%s/expires", wp);
				char *v = clip(s->expires, strlen(s->expires));
				err_at(c, p, "invalid date '%s': expected a "
					     "calendar date YYYY-MM-DD", v);
				free(v);
			}
		}
	}
}

/* ---- the YAML locator: pointers to line:col in the design file ------- */

/* What the YAML loader keeps alive for a model: its tree and raw structs. */
struct yaml_origin {
	struct nsp_source src;
	void *raw; /* libcyaml's structs; the model borrows their strings */
};

static struct nsp_loc yaml_loc(const void *data, const char *pointer)
{
	return nsp_source_loc(&((const struct yaml_origin *)data)->src,
			      pointer);
}

static struct nsp_loc yaml_end(const void *data, const char *pointer)
{
	return nsp_source_end(&((const struct yaml_origin *)data)->src,
			      pointer);
}

static void yaml_free(void *data)
{
	struct yaml_origin *o = data;
	if (o->raw) {
		struct nsp_buf log = {0};
		cyaml_config_t cfg = cyaml_config(&log);
		cyaml_free(&cfg, &nsp_design_schema, o->raw, 0);
		nsp_buf_free(&log);
	}
	nsp_source_free(&o->src);
	free(o);
}

static const struct nsp_locator_ops yaml_locator = {yaml_loc, yaml_end,
						    yaml_free};

int nsp_load_buffer(struct nsp_model **out, const char *name, const char *buf,
		    size_t len, const struct nsp_limits *lim,
		    struct nsp_diags *diags)
{
	struct nsp_model *m = nsp_xcalloc(1, sizeof(*m));
	struct yaml_origin *origin = nsp_xcalloc(1, sizeof(*origin));
	m->where = (struct nsp_locator){&yaml_locator, origin};
	struct ctx c = {&origin->src, diags, m, lim->intent, lim->rules};
	struct nsp_buf ptr = {0}, log = {0};
	size_t before = diags->n;
	int ret = -1;

	*out = NULL;
	m->file = name;
	/* A UTF-8 byte order mark is allowed and skipped; UTF-16 is not. */
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3;
		len -= 3;
	} else if (len >= 2 && (!memcmp(buf, "\xFF\xFE", 2) ||
				!memcmp(buf, "\xFE\xFF", 2))) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, "",
			      "the file is UTF-16 (it starts with a UTF-16 byte "
			      "order mark): save the design as UTF-8");
		goto out;
	}
	if (nsp_source_parse(&origin->src, buf, len, lim, diags) < 0)
		goto out;
	const struct nsp_node *root = nsp_node_deref(origin->src.root);
	if (nsp_node_is_null(root)) {
		nsp_diags_add(diags, root->loc, "", "the document is empty: a "
			      "design needs at least 'nospof: 1' and a 'name'");
		goto out;
	}
	if (root->kind != NSP_NODE_MAP) {
		nsp_diags_add(diags, root->loc, "", "the top level must be a "
			      "mapping with 'nospof: 1' and 'name', got %s",
			      node_kind_name(root));
		goto out;
	}
	validate(&c, root, &nsp_design_schema, &ptr);
	if (diags->n > before)
		goto out;

	cyaml_config_t cfg = cyaml_config(&log);
	struct nsp_raw_design *raw = NULL;
	cyaml_err_t e = cyaml_load_data((const uint8_t *)buf, len, &cfg,
					&nsp_design_schema,
					(cyaml_data_t **)&raw, NULL);
	if (e != CYAML_OK) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, "",
			      "cannot load the design: %s%s%s",
			      cyaml_strerror(e), log.len ? ": " : "",
			      log.len ? log.s : "");
		goto out;
	}
	origin->raw = raw;
	norm_top(&c, raw);
	norm_elements(&c, raw);
	norm_routers(&c, raw);
	norm_circuits(&c, raw);
	norm_demands(&c, raw);
	norm_waivers(&c, raw);
	if (diags->n > before)
		goto out;
	nsp_model_derive(m);
	*out = m;
	m = NULL;
	ret = 0;
out:
	nsp_buf_free(&ptr);
	nsp_buf_free(&log);
	nsp_model_free(m);
	return ret;
}

bool nsp_buffer_is_design(const char *buf, size_t len,
			  const struct nsp_limits *lim)
{
	struct nsp_source src;
	struct nsp_diags diags = {0};
	bool yes = false;
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3;
		len -= 3;
	}
	if (nsp_source_parse(&src, buf, len, lim, &diags) == 0) {
		yes = nsp_node_get(src.root, "nospof") != NULL;
	} else {
		for (size_t i = 0; i < len && !yes; i++)
			yes = (i == 0 || buf[i - 1] == '\n') &&
			      len - i >= 7 && !memcmp(buf + i, "nospof:", 7);
	}
	nsp_source_free(&src);
	nsp_diags_free(&diags);
	return yes;
}

int nsp_read_file(char **out, size_t *len, const char *path, size_t max)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	struct nsp_buf b = {0};
	char chunk[65536];
	size_t n;
	int ret = 0;

	*out = NULL;
	*len = 0;
	if (!f)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b.len + n > max) {
			ret = -2;
			break;
		}
		nsp_buf_add(&b, chunk, n);
	}
	if (!ret && ferror(f))
		ret = -1;
	if (f != stdin)
		fclose(f);
	*len = b.len;
	*out = nsp_buf_detach(&b);
	if (ret) {
		free(*out);
		*out = NULL;
	}
	return ret;
}

int nsp_load_file(struct nsp_model **out, const char *path,
		  const struct nsp_limits *lim, struct nsp_diags *diags)
{
	char *buf;
	size_t len;
	int r = nsp_read_file(&buf, &len, path, lim->max_bytes);
	*out = NULL;
	if (r == -1) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, "",
			      "cannot read the file: %s", strerror(errno));
		return -1;
	}
	if (r == -2) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, "",
			      "file is over the size limit of %zu MiB (raise "
			      "it with --max-input-mb)", lim->max_bytes >> 20);
		return -1;
	}
	/* nothing keeps pointers into the text: strings are copied */
	r = nsp_load_buffer(out, path, buf, len, lim, diags);
	free(buf);
	return r;
}
