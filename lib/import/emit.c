/*
 * Writing the imported design (IMPORT.md §1.2 "Layout"): FORMAT.md's keys
 * in its order, elements sorted by id, one flow mapping per line but for
 * circuits, the quoting rules, and `# default` / `# placeholder` marks;
 * or the same keys as JSON.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

static const char *const top_order[] = {
	"nospof", "name", "description", "intent", "assumptions", "sites",
	"clouds", "pops", "routers", "circuits", "demands", "waivers", NULL};
static const char *const field_order[] = {
	/* every element kind's fields, in FORMAT.md's order */
	"id", "source", "from", "to", "rule", "elements", "mbps", "reason",
	"ticket", "expires", "role", "provider", "region", "metro",
	"facility", "edge_domain", "site", "pop", "cloud", "gateway", "a", "z",
	"router", "port", "bandwidth_mbps", "carrier", "prefixes",
	"stateful_firewall", "srlg", "asn", "ecmp_hash", "policy_routing",
	"weight", "mtu", "vlan", "routing", "bgp", "peer_asn", "ip",
	"peer_ip", "advertise", "as_path", "prepend", "med", "local_pref",
	"receive", "keepalive_s", "hold_s", "bfd", "local", "peer",
	"interval_ms", "multiplier", "communities", "health_check",
	"interval_s", "timeout_s", "count", "mode", "availability",
	"failover_ms", "survive", "max_utilization", NULL};

/* The rank of key k in order (unknown keys after, by name). */
static int rank(const char *const *order, const char *k)
{
	for (int i = 0; order[i]; i++)
		if (!strcmp(order[i], k))
			return i;
	return 1000;
}

/* The visible keys of o, in order. */
static size_t keys_of(json_t *o, const char *const *order, const char **out,
		      size_t max)
{
	size_t n = 0;
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v)
		if (k[0] != '\x01' && n < max)
			out[n++] = k;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0; j--) {
			int a = rank(order, out[j - 1]), b = rank(order, out[j]);
			if (a < b || (a == b && strcmp(out[j - 1], out[j]) <= 0))
				break;
			const char *t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return n;
}

/* Whether s may be written plain (§1.2). */
static bool plain_ok(const char *s)
{
	static const char *const words[] = {"null", "true", "false", "yes",
					    "no", "on", "off", "y", "n"};
	if (!*s || !(isalnum((unsigned char)*s) || strchr("_./", *s)))
		return false;
	for (const char *p = s; *p; p++)
		if (!(isalnum((unsigned char)*p) || strchr("_./:+-", *p)))
			return false;
	for (size_t i = 0; i < 9; i++)
		if (!strcasecmp(s, words[i]))
			return false;
	/* number-like: ^[-+]?[0-9._:]+([eE][-+]?[0-9]+)?$ */
	const char *p = s;
	if (*p == '-' || *p == '+')
		p++;
	size_t n = strspn(p, "0123456789._:");
	if (n) {
		const char *q = p + n;
		if (!*q)
			return false;
		if (*q == 'e' || *q == 'E') {
			q++;
			if (*q == '-' || *q == '+')
				q++;
			if (*q && strspn(q, "0123456789") == strlen(q))
				return false;
		}
	}
	return true;
}

/* Write string s with the quoting rules of §1.2. */
static void put_str(struct nsp_buf *b, const char *s)
{
	if (plain_ok(s)) {
		nsp_buf_puts(b, s);
		return;
	}
	bool single = !strchr(s, '\'');
	for (const unsigned char *p = (const unsigned char *)s; *p && single;
	     p++)
		if (*p < 0x20 || *p == 0x7f ||
		    (p[0] == 0xe2 && p[1] == 0x80 &&
		     (p[2] == 0x8e || p[2] == 0x8f ||
		      (p[2] >= 0xaa && p[2] <= 0xae))) ||
		    (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 &&
		     p[2] <= 0xa9))
			single = false;
	if (single) {
		nsp_buf_printf(b, "'%s'", s);
		return;
	}
	json_t *j = json_string(s);
	char *e = json_dumps(j, JSON_ENCODE_ANY);
	nsp_buf_puts(b, e ? e : "\"\"");
	free(e);
	json_decref(j);
}

/* Write a scalar. */
static void put_scalar(struct nsp_buf *b, json_t *v)
{
	if (json_is_string(v))
		put_str(b, json_string_value(v));
	else if (json_is_integer(v))
		nsp_buf_printf(b, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		nsp_buf_printf(b, "%.15g", json_real_value(v));
	else if (json_is_true(v))
		nsp_buf_puts(b, "true");
	else
		nsp_buf_puts(b, "false");
}

/* Write v in flow style. */
static void put_flow(struct nsp_buf *b, json_t *v)
{
	if (json_is_object(v)) {
		const char *keys[64];
		size_t n = keys_of(v, field_order, keys, 64);
		nsp_buf_putc(b, '{');
		for (size_t i = 0; i < n; i++) {
			nsp_buf_printf(b, "%s%s: ", i ? ", " : "", keys[i]);
			put_flow(b, json_object_get(v, keys[i]));
		}
		nsp_buf_putc(b, '}');
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		nsp_buf_putc(b, '[');
		json_array_foreach(v, i, x) {
			if (i)
				nsp_buf_puts(b, ", ");
			put_flow(b, x);
		}
		nsp_buf_putc(b, ']');
	} else {
		put_scalar(b, v);
	}
}

/* The comment of a line: defaults under prefix, placeholder. */
static void mark(struct nsp_buf *b, json_t *e, const char *prefix, bool ph)
{
	bool def = false;
	size_t i, n = strlen(prefix);
	json_t *v;
	json_array_foreach(json_object_get(e, IMP_DEF), i, v) {
		const char *s = json_string_value(v);
		if (!n || (!strncmp(s, prefix, n) && (!s[n] || s[n] == '.')))
			def = true;
	}
	if (ph && def)
		nsp_buf_puts(b, "  # placeholder, default");
	else if (ph)
		nsp_buf_puts(b, "  # placeholder");
	else if (def)
		nsp_buf_puts(b, "  # default");
}

/* Order elements by id. */
static int cmp_id(const void *a, const void *b)
{
	const char *x = json_string_value(json_object_get(*(json_t *const *)a,
							  "id"));
	const char *y = json_string_value(json_object_get(*(json_t *const *)b,
							  "id"));
	return strcmp(x ? x : "", y ? y : "");
}

/* The elements of list, sorted by id (demands, waivers as given). */
static json_t **sorted(json_t *arr, bool sort, size_t *n)
{
	*n = json_array_size(arr);
	json_t **v = nsp_xcalloc(*n + 1, sizeof(*v));
	for (size_t i = 0; i < *n; i++)
		v[i] = json_array_get(arr, i);
	if (sort && *n)
		qsort(v, *n, sizeof(*v), cmp_id);
	return v;
}

/* A copy of v in layout order without hidden keys (for -f json). */
static json_t *ordered(json_t *v, const char *const *order)
{
	if (json_is_array(v)) {
		json_t *a = json_array();
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x)
			json_array_append_new(a, ordered(x, field_order));
		return a;
	}
	if (!json_is_object(v))
		return json_incref(v);
	const char *keys[64];
	size_t n = keys_of(v, order, keys, 64);
	json_t *o = json_object();
	for (size_t i = 0; i < n; i++)
		json_object_set_new(o, keys[i],
				    ordered(json_object_get(v, keys[i]),
					    field_order));
	return o;
}

/* The origin an "\x01at" object names (none when at is NULL). */
static struct nsp_imp_origin origin(json_t *at,
				    const struct nsp_import_opts *opts)
{
	struct nsp_imp_origin o = {NULL, 0, 0};
	if (!at)
		return o;
	json_int_t fi = json_integer_value(json_object_get(at, "fi"));
	if (fi > 0 && (size_t)fi <= opts->noverlays)
		o.file = opts->overlays[fi - 1];
	o.line = (uint32_t)json_integer_value(json_object_get(at, "l"));
	o.col = (uint32_t)json_integer_value(json_object_get(at, "c"));
	return o;
}

/* End a line of the design: its newline and where it came from. */
static void eol(struct nsp_buf *b, struct nsp_import *out,
		struct nsp_imp_origin o)
{
	nsp_buf_putc(b, '\n');
	out->origins = nsp_xrealloc(out->origins, (out->norigins + 1) *
				    sizeof(*out->origins));
	out->origins[out->norigins++] = o;
}

/* Where field k of element e came from: the overlay's, else e's. */
static struct nsp_imp_origin field_origin(json_t *e, const char *k,
					  const struct nsp_import_opts *opts)
{
	json_t *f = json_object_get(json_object_get(e, "\x01" "from"), k);
	return origin(f ? f : json_object_get(e, "\x01" "at"), opts);
}

char *imp_emit(json_t *design, const char *header, bool json, size_t *len,
	       const struct nsp_import_opts *opts, struct nsp_import *out)
{
	struct nsp_imp_origin none = {NULL, 0, 0};
	struct nsp_buf b = {0};
	json_t *idx = json_incref(json_object_get(design, IMP_IDX));
	json_object_del(design, IMP_IDX);
	json_t *d = json_deep_copy(design);
	if (idx)
		json_object_set_new(design, IMP_IDX, idx);
	json_object_set_new(d, "nospof", json_integer(1));
	for (int l = 0; top_order[l]; l++) {
		const char *k = top_order[l];
		bool sort = strcmp(k, "demands") && strcmp(k, "waivers");
		json_t *arr = json_object_get(d, k);
		if (json_is_array(arr)) {
			size_t n;
			json_t **v = sorted(arr, sort, &n);
			json_t *s = json_array();
			for (size_t i = 0; i < n; i++)
				json_array_append(s, v[i]);
			json_object_set_new(d, k, s);
			free(v);
		}
	}
	if (json) {
		json_t *o = ordered(d, top_order);
		char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
				     JSON_REAL_PRECISION(15));
		json_decref(o);
		json_decref(d);
		nsp_buf_puts(&b, s);
		nsp_buf_putc(&b, '\n');
		free(s);
		*len = b.len;
		return nsp_buf_detach(&b);
	}
	if (header) {
		nsp_buf_printf(&b, "# %s", header);
		eol(&b, out, none);
	}
	for (int l = 0; top_order[l]; l++) {
		const char *k = top_order[l];
		json_t *v = json_object_get(d, k);
		if (!v)
			continue;
		if (json_is_object(v)) {
			const char *keys[64];
			size_t n = keys_of(v, field_order, keys, 64);
			nsp_buf_printf(&b, "%s:", k);
			eol(&b, out, field_origin(d, k, opts));
			for (size_t i = 0; i < n; i++) {
				nsp_buf_printf(&b, "  %s: ", keys[i]);
				put_flow(&b, json_object_get(v, keys[i]));
				eol(&b, out, field_origin(d, k, opts));
			}
			continue;
		}
		if (!json_is_array(v)) {
			nsp_buf_printf(&b, "%s: ", k);
			put_scalar(&b, v);
			eol(&b, out, field_origin(d, k, opts));
			continue;
		}
		nsp_buf_printf(&b, "%s:", k);
		eol(&b, out, none);
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			bool ph = json_is_true(json_object_get(e, IMP_PH));
			if (strcmp(k, "circuits")) {
				nsp_buf_puts(&b, "  - ");
				put_flow(&b, e);
				mark(&b, e, "", ph);
				eol(&b, out, origin(json_object_get(e, "\x01" "at"),
						    opts));
				continue;
			}
			const char *keys[64];
			size_t n = keys_of(e, field_order, keys, 64);
			for (size_t j = 0; j < n; j++) {
				nsp_buf_printf(&b, "%s%s: ", j ? "    " : "  - ",
					       keys[j]);
				put_flow(&b, json_object_get(e, keys[j]));
				if (!strcmp(keys[j], "a") ||
				    !strcmp(keys[j], "z") ||
				    !strcmp(keys[j], "bgp") ||
				    !strcmp(keys[j], "bandwidth_mbps"))
					mark(&b, e, keys[j], false);
				eol(&b, out, field_origin(e, keys[j], opts));
			}
		}
	}
	json_decref(d);
	*len = b.len;
	return nsp_buf_detach(&b);
}

/* One commented-out overlay entry: "#   - {id: ID, REST}  # NOTE". */
static void skel_entry(struct nsp_buf *b, bool *head, const char *list,
		       const char *id, const char *rest, const char *note)
{
	if (!*head) {
		nsp_buf_printf(b, "# %s:\n", list);
		*head = true;
	}
	nsp_buf_puts(b, "#   - {id: ");
	put_str(b, id);
	nsp_buf_printf(b, "%s%s}  # %s\n", *rest ? ", " : "", rest, note);
}

char *imp_skeleton(json_t *design, const char *header)
{
	struct nsp_buf b = {0};
	if (header)
		nsp_buf_printf(&b, "# overlay skeleton of %s: uncomment and fill "
			       "in what you know\n", header);
	nsp_buf_puts(&b, "nospof_overlay: 1\n");
	static const char *const lists[] = {"circuits", "routers", "pops",
					    "clouds"};
	for (size_t l = 0; l < 4; l++) {
		size_t n;
		json_t **v = sorted(json_object_get(design, lists[l]), true, &n);
		bool head = false;
		for (size_t i = 0; i < n; i++) {
			json_t *e = v[i];
			const char *id = json_string_value(json_object_get(e,
									   "id"));
			bool ph = json_is_true(json_object_get(e, IMP_PH));
			if (!id || !strncmp(id, "unassigned-", 11))
				continue;
			if (l == 0) {
				const char *a = json_string_value(json_object_get(
					json_object_get(e, "a"), "router"));
				if (a && !strcmp(a, "unassigned-cpe"))
					skel_entry(&b, &head, lists[l], id,
						   "a: {router: ROUTER, port: "
						   "PORT}", "IMP020");
				if (imp_is_default(e, "bandwidth_mbps"))
					skel_entry(&b, &head, lists[l], id,
						   "bandwidth_mbps: MBPS",
						   "IMP021");
				if (imp_is_default(e, "z.router"))
					skel_entry(&b, &head, lists[l], id,
						   "z: {router: ROUTER}",
						   "default");
			} else if (l == 1) {
				if (ph)
					skel_entry(&b, &head, lists[l], id,
						   "pop: POP", "IMP022");
				else if (imp_is_default(e, "pop"))
					skel_entry(&b, &head, lists[l], id,
						   "pop: POP", "default");
			} else if (l == 2) {
				if (ph)
					skel_entry(&b, &head, lists[l], id,
						   "facility: FACILITY, metro: "
						   "METRO, edge_domain: "
						   "EDGE_DOMAIN", "IMP023");
			} else if (imp_is_default(e, "provider")) {
				skel_entry(&b, &head, lists[l], id,
					   "provider: PROVIDER", "default");
			}
		}
		free(v);
	}
	return nsp_buf_detach(&b);
}

/* "1 thing" or "2 things". */
static void count_of(struct nsp_buf *b, size_t n, const char *what)
{
	nsp_buf_printf(b, "%zu %s%s", n, what, n == 1 ? "" : "s");
}

void imp_summary_start(struct nsp_buf *b, json_t *design, const char *name,
		       size_t in, const char *unit, const char *prefix)
{
	static const char *const lists[] = {"sites", "clouds", "pops",
					    "routers", "circuits"};
	static const char *const words[] = {"site", "cloud", "pop", "router",
					    "circuit"};
	size_t n[5], total = 0, len = strlen(prefix);
	for (int i = 0; i < 5; i++) {
		size_t k;
		json_t *e;
		n[i] = 0;
		json_array_foreach(json_object_get(design, lists[i]), k, e) {
			const char *s = json_string_value(json_object_get(
				e, "source"));
			n[i] += s && !strncmp(s, prefix, len);
		}
		total += n[i];
	}
	char *nm = nsp_escape(name, strlen(name));
	nsp_buf_printf(b, "%s: ", nm);
	free(nm);
	count_of(b, in, unit);
	nsp_buf_puts(b, " imported into ");
	count_of(b, total, "element");
	for (int i = 0; i < 5; i++) {
		nsp_buf_puts(b, i ? ", " : " (");
		count_of(b, n[i], words[i]);
	}
	nsp_buf_putc(b, ')');
}

void imp_summary_end(struct nsp_buf *b, struct nsp_import *o)
{
	nsp_buf_puts(b, "; ");
	count_of(b, o->nerror, "error");
	nsp_buf_puts(b, ", ");
	count_of(b, o->nwarning, "warning");
	nsp_buf_puts(b, ", ");
	count_of(b, o->ninfo, "info");
	o->summary = nsp_buf_detach(b);
}
