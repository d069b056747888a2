/*
 * Reading `terraform show -json` (IMPORT.md §2): the document checks with
 * their limits, plan or state, the resources with their unknown and
 * sensitive markers, the positions of resources in the input, and the
 * importer's entry point. The ids made from addresses are in ids.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"
#include "load/load.h"

/* line:col (columns in code points) of byte offset off of the input. */
static struct nsp_loc loc_of(const char *buf, size_t off)
{
	struct nsp_loc l = {1, 1};
	for (size_t i = 0; i < off; i++) {
		if (buf[i] == '\n') {
			l.line++;
			l.col = 1;
		} else if (((unsigned char)buf[i] & 0xc0) != 0x80) {
			l.col++;
		}
	}
	return l;
}

/*
 * The JSON string from the '"' at v to the one at q: addresses escape
 * little more than the quotes of their keys, so those are undone here and
 * only anything else goes through jansson's decoder.
 */
static json_t *address_string(const char *v, const char *q)
{
	char small[256];
	size_t n = 0;
	for (const char *c = v + 1; c < q; c++) {
		if (*c == '\\' && (c[1] == '"' || c[1] == '\\' || c[1] == '/'))
			c++;
		else if (*c == '\\' || n + 1 >= sizeof(small))
			return json_loadb(v, (size_t)(q + 1 - v),
					  JSON_DECODE_ANY, NULL);
		small[n++] = *c;
	}
	return json_stringn(small, n);
}

/*
 * Index where each resource object starts: one forward pass over the input
 * finds every "address" key whose value is a string and records the '{'
 * before it (the first occurrence wins: planned_values come first).
 */
static void index_locs(struct imp *im)
{
	const char *buf = im->buf, *end = im->buf + im->len, *p = buf;
	const char *last = buf;
	struct nsp_loc at = {1, 1};
	im->locs = json_object();
	while ((p = memmem(p, (size_t)(end - p), "\"address\"", 9))) {
		const char *v = p + 9;
		while (v < end && strchr(" \t\r\n", *v))
			v++;
		if (v >= end || *v != ':') {
			p += 9;
			continue;
		}
		v++;
		while (v < end && strchr(" \t\r\n", *v))
			v++;
		const char *q = v + 1;
		while (q < end && *q != '"')
			q += *q == '\\' ? 2 : 1;
		if (v >= end || *v != '"' || q >= end) {
			p += 9;
			continue;
		}
		json_t *s = address_string(v, q);
		const char *o = p;
		while (o > buf && *o != '{')
			o--;
		/* advance the running position to o (positions only grow) */
		if (o >= last) {
			for (; last < o; last++) {
				if (*last == '\n') {
					at.line++;
					at.col = 1;
				} else if (((unsigned char)*last & 0xc0) != 0x80) {
					at.col++;
				}
			}
			if (json_is_string(s) &&
			    !json_object_get(im->locs, json_string_value(s)))
				json_object_set_new(im->locs,
						    json_string_value(s),
						    json_pack("[ii]",
							      (json_int_t)at.line,
							      (json_int_t)at.col));
		}
		json_decref(s);
		p = q;
	}
}

/* Where the object of the resource with address starts, else 1:1. */
static struct nsp_loc resource_loc(struct imp *im, const char *address)
{
	if (!im->locs)
		index_locs(im);
	json_t *l = json_object_get(im->locs, address);
	if (!l)
		return (struct nsp_loc){1, 1};
	return (struct nsp_loc){
		(uint32_t)json_integer_value(json_array_get(l, 0)),
		(uint32_t)json_integer_value(json_array_get(l, 1))};
}

/* The '{' of the second resource object with address, else 1:1. */
static struct nsp_loc second_loc(struct imp *im, const char *address)
{
	json_t *s = json_string(address);
	char *enc = json_dumps(s, JSON_ENCODE_ANY);
	json_decref(s);
	struct nsp_loc l = {1, 1};
	size_t n = enc ? strlen(enc) : 0, hits = 0;
	for (const char *p = im->buf; enc && p + n <= im->buf + im->len;) {
		const char *hit = memmem(p, (size_t)(im->buf + im->len - p),
					 enc, n);
		if (!hit)
			break;
		if (++hits == 2) {
			const char *o = hit;
			while (o > im->buf && *o != '{')
				o--;
			l = loc_of(im->buf, (size_t)(o - im->buf));
			break;
		}
		p = hit + 1;
	}
	free(enc);
	return l;
}

/* Order C strings, for qsort. */
static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct resource types of im, sorted, for a message ("none"). */
static char *types_read(const struct imp *im)
{
	const char **v = nsp_xcalloc(im->nr + 1, sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < im->nr; i++)
		v[n++] = im->r[i].type;
	qsort(v, n, sizeof(*v), cmp_cstr);
	struct nsp_buf b = {0};
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && !strcmp(v[i], v[i - 1]))
			continue;
		if (shown++ == 20) {
			nsp_buf_puts(&b, ", ...");
			break;
		}
		nsp_buf_printf(&b, "%s%s", b.len ? ", " : "", v[i]);
	}
	free(v);
	if (!b.len)
		nsp_buf_puts(&b, "none");
	char *e = nsp_escape(b.s, b.len);
	nsp_buf_free(&b);
	return e;
}

/* Add a finding at loc. */
void imp_find(struct imp *im, const char *code, enum nsp_imp_sev sev,
	      struct nsp_loc loc, const char *fmt, ...)
{
	struct nsp_import *o = im->out;
	va_list ap;
	char *raw;
	va_start(ap, fmt);
	if (vasprintf(&raw, fmt, ap) < 0)
		abort();
	va_end(ap);
	o->f = nsp_xrealloc(o->f, (o->nf + 1) * sizeof(*o->f));
	struct nsp_imp_finding *f = &o->f[o->nf++];
	snprintf(f->code, sizeof(f->code), "%s", code);
	f->sev = sev;
	f->loc = loc;
	f->file = NULL;
	f->msg = nsp_escape(raw, strlen(raw));
	free(raw);
	if (sev == NSP_IMP_ERROR)
		o->nerror++;
	else if (sev == NSP_IMP_WARNING)
		o->nwarning++;
	else
		o->ninfo++;
}

/* Add an input error of file at loc. */
void imp_error(struct imp *im, const char *file, struct nsp_loc loc,
	       const char *fmt, ...)
{
	struct nsp_import *o = im->out;
	va_list ap;
	char *raw;
	va_start(ap, fmt);
	if (vasprintf(&raw, fmt, ap) < 0)
		abort();
	va_end(ap);
	size_t before = o->errors.n;
	nsp_diags_add(&o->errors, loc, "", "%s", raw);
	free(raw);
	if (o->errors.n > before) {
		o->error_files = nsp_xrealloc(o->error_files, o->errors.n *
					      sizeof(*o->error_files));
		o->error_files[o->errors.n - 1] = file;
	}
}

/* The deepest nesting of [ and { in buf, and where it first passes max. */
static bool too_deep(const char *buf, size_t len, unsigned max, size_t *at)
{
	unsigned depth = 0;
	bool str = false;
	for (size_t i = 0; i < len; i++) {
		char c = buf[i];
		if (str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				str = false;
		} else if (c == '"') {
			str = true;
		} else if (c == '[' || c == '{') {
			if (++depth > max) {
				*at = i;
				return true;
			}
		} else if (c == ']' || c == '}') {
			if (depth)
				depth--;
		}
	}
	return false;
}

/* jansson's message without its " near '…'" (which could echo a secret). */
static void strip_near(char *text)
{
	char *n = strstr(text, " near '");
	if (n)
		*n = '\0';
}

/*
 * The document checks of §2.1: returns the parsed document, or NULL with
 * the input error added.
 */
static json_t *read_doc(struct imp *im)
{
	const char *name = im->opts->name;
	const char *buf = im->buf;
	size_t len = im->len, at;
	struct nsp_loc one = {1, 1};
	if (len > im->opts->lim->max_bytes) {
		imp_error(im, name, one, "input is over the size limit of %zu "
			  "MiB (--max-input-mb)", im->opts->lim->max_bytes >> 20);
		return NULL;
	}
	if (len >= 4 && !memcmp(buf, "PK\x03\x04", 4)) {
		imp_error(im, name, one, "a binary plan file: run 'terraform "
			  "show -json PLANFILE' and import its output");
		return NULL;
	}
	if (len >= 2 && ((unsigned char)buf[0] == 0xff ||
			 (unsigned char)buf[0] == 0xfe || !buf[0] || !buf[1])) {
		imp_error(im, name, one, "UTF-16 input: re-encode it as UTF-8 "
			  "(PowerShell's '>' writes UTF-16)");
		return NULL;
	}
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) {
		buf += 3;
		len -= 3;
	}
	if (too_deep(buf, len, im->opts->lim->max_depth, &at)) {
		imp_error(im, name, loc_of(buf, at), "nesting deeper than %u "
			  "levels (--max-depth)", im->opts->lim->max_depth);
		return NULL;
	}
	json_error_t err;
	json_t *doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
	if (!doc) {
		json_t *first = json_loadb(buf, len, JSON_DISABLE_EOF_CHECK |
					   JSON_REJECT_DUPLICATES, NULL);
		if (json_is_object(first) && json_object_get(first, "@level")) {
			imp_error(im, name, one, "'terraform plan -json' UI "
				  "output, not 'terraform show -json'");
		} else {
			strip_near(err.text);
			struct nsp_loc l = {err.line > 0 ? (uint32_t)err.line : 1,
					    err.column > 0 ? (uint32_t)err.column
							   : 1};
			imp_error(im, name, l, "not valid JSON: %s", err.text);
		}
		json_decref(first);
		return NULL;
	}
	json_t *fv = json_object_get(doc, "format_version");
	if (!json_is_object(doc) || !json_is_string(fv)) {
		bool raw = json_is_object(doc) &&
			   json_object_get(doc, "version") &&
			   json_object_get(doc, "resources");
		imp_error(im, name, one, "not 'terraform show -json' output (no "
			  "format_version)%s", raw ? "; this looks like a raw "
			  "state: run 'terraform show -json' on it" : "");
		json_decref(doc);
		return NULL;
	}
	const char *v = json_string_value(fv);
	unsigned major, minor;
	int used = 0;
	if (sscanf(v, "%u.%u%n", &major, &minor, &used) != 2 ||
	    (size_t)used != strlen(v) || v[0] < '0' || v[0] > '9' ||
	    major > 1) {
		imp_error(im, name, one, "format_version '%s' is not supported "
			  "(expected 0.x or 1.x)", v);
		json_decref(doc);
		return NULL;
	}
	return doc;
}

/* Add one resource object (from planned_values or state values). */
static void add_resource(struct imp *im, json_t *res, json_t *changes,
			 json_t *sens_default)
{
	json_t *a = json_object_get(res, "address");
	if (!json_is_string(a))
		return;
	const char *address = json_string_value(a);
	if (!im->seen)
		im->seen = json_object();
	if (json_object_get(im->seen, address)) {
		/* located at the second object with the address */
		imp_error(im, im->opts->name, second_loc(im, address),
			  "resource address '%s' appears twice", address);
		return;
	}
	json_object_set_new(im->seen, address, json_true());
	struct tf_res r = {0};
	if (imp_parse_address(&r, address) < 0) {
		free(r.type);
		free(r.name);
		free(r.module);
		free(r.mod_nokeys);
		free(r.key);
		imp_error(im, im->opts->name, resource_loc(im, address),
			  "'%s' is not a resource address", address);
		return;
	}
	r.address = address;
	r.values = json_object_get(res, "values");
	r.sensitive = json_object_get(res, "sensitive_values");
	if (!r.sensitive)
		r.sensitive = sens_default;
	json_t *ch = changes ? json_object_get(changes, address) : NULL;
	if (ch) {
		json_t *c = json_object_get(ch, "change");
		r.unknown = json_object_get(c, "after_unknown");
		json_t *as = json_object_get(c, "after_sensitive");
		if (as && !json_object_get(res, "sensitive_values"))
			r.sensitive = as;
		json_t *acts = json_object_get(c, "actions");
		size_t n = json_array_size(acts);
		r.replaced = n == 2;
	}
	r.loc = resource_loc(im, address);
	r.id = nsp_imp_address_id(address, NULL);
	im->r = nsp_xrealloc(im->r, (im->nr + 1) * sizeof(*im->r));
	im->r[im->nr++] = r;
}

/* Add the resources of a module and its child modules, recursively. */
static void add_module(struct imp *im, json_t *mod, json_t *changes,
		       bool data_only, unsigned depth)
{
	size_t i;
	json_t *res, *child;
	if (!json_is_object(mod) || depth > 64)
		return;
	json_array_foreach(json_object_get(mod, "resources"), i, res) {
		json_t *mode = json_object_get(res, "mode");
		bool data = json_is_string(mode) &&
			    !strcmp(json_string_value(mode), "data");
		json_t *a = json_object_get(res, "address");
		if (!data_only || data ||
		    (json_is_string(a) &&
		     strstr(json_string_value(a), "data.")))
			add_resource(im, res, changes, NULL);
	}
	json_array_foreach(json_object_get(mod, "child_modules"), i, child)
		add_module(im, child, changes, data_only, depth + 1);
}

/*
 * The resources of the document (§2.2): a plan's planned values, its
 * data sources from prior_state, deletions as IMP031; a state's values.
 */
static void read_resources(struct imp *im)
{
	json_t *doc = im->doc, *pv = json_object_get(doc, "planned_values");
	json_t *rc = json_object_get(doc, "resource_changes");
	im->plan = pv || rc;
	if (!im->plan) {
		add_module(im, json_object_get(json_object_get(doc, "values"),
					       "root_module"), NULL, false, 0);
		return;
	}
	json_t *changes = json_object(), *c;
	size_t i;
	json_array_foreach(rc, i, c) {
		json_t *a = json_object_get(c, "address");
		if (!json_is_string(a) || json_object_get(c, "deposed"))
			continue;
		json_object_set(changes, json_string_value(a), c);
	}
	add_module(im, json_object_get(pv, "root_module"), changes, false, 0);
	/* data sources the plan read before: prior_state, unless planned */
	json_t *ps = json_object_get(json_object_get(doc, "prior_state"),
				     "values");
	size_t before = im->nr;
	json_t *mod = json_object_get(ps, "root_module");
	(void)before;
	if (mod) {
		/* only data resources not already there */
		size_t n0 = im->out->errors.n;
		struct tf_res *save = im->r;
		(void)save;
		json_t *res;
		json_array_foreach(json_object_get(mod, "resources"), i, res) {
			json_t *a = json_object_get(res, "address");
			json_t *mode = json_object_get(res, "mode");
			if (!json_is_string(a) || !json_is_string(mode) ||
			    strcmp(json_string_value(mode), "data"))
				continue;
			bool have = false;
			for (size_t k = 0; k < im->nr; k++)
				have |= !strcmp(im->r[k].address,
						json_string_value(a));
			if (!have)
				add_resource(im, res, changes, NULL);
		}
		(void)n0;
	}
	/* deleted or forgotten: IMP031 */
	json_array_foreach(rc, i, c) {
		json_t *a = json_object_get(c, "address");
		json_t *acts = json_object_get(json_object_get(c, "change"),
					       "actions");
		json_t *act = json_array_get(acts, 0);
		if (!json_is_string(a) || json_array_size(acts) != 1 ||
		    !json_is_string(act) || json_object_get(c, "deposed"))
			continue;
		const char *s = json_string_value(act);
		const char *mode = json_string_value(json_object_get(c,
								     "mode"));
		if ((!strcmp(s, "delete") || !strcmp(s, "forget")) &&
		    (!mode || strcmp(mode, "data")))
			imp_find(im, "IMP031", NSP_IMP_INFO,
				 resource_loc(im, json_string_value(a)),
				 "%s: left out, the plan %s it",
				 json_string_value(a),
				 !strcmp(s, "delete") ? "deletes" : "forgets");
	}
	json_decref(changes);
	if (json_is_true(json_object_get(doc, "errored")))
		imp_error(im, im->opts->name, (struct nsp_loc){1, 1},
			  "the plan errored ('errored': true): fix the plan "
			  "first");
	if (json_is_false(json_object_get(doc, "complete")))
		imp_find(im, "IMP012", NSP_IMP_WARNING, (struct nsp_loc){1, 1},
			 "the plan is incomplete ('complete': false, deferred "
			 "changes): the design may miss resources");
}

/* Order findings by file (the input's first), place, then code. */
static int cmp_finding(const void *a, const void *b)
{
	const struct nsp_imp_finding *x = a, *y = b;
	int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
	if (c)
		return c;
	if (x->loc.line != y->loc.line)
		return x->loc.line < y->loc.line ? -1 : 1;
	if (x->loc.col != y->loc.col)
		return x->loc.col < y->loc.col ? -1 : 1;
	c = strcmp(x->code, y->code);
	return c ? c : strcmp(x->msg, y->msg);
}

void imp_sort_findings(struct nsp_import *out)
{
	if (out->nf)
		qsort(out->f, out->nf, sizeof(*out->f), cmp_finding);
}

/* The summary line of §1.2. */
static void summary(struct imp *im)
{
	struct nsp_buf b = {0};
	imp_summary_start(&b, im->design, im->opts->name, im->imported,
			  "resource", "terraform:");
	if (im->unmapped)
		nsp_buf_printf(&b, "; %zu resource%s of %zu type%s not imported",
			       im->unmapped, im->unmapped == 1 ? "" : "s",
			       im->unmapped_types,
			       im->unmapped_types == 1 ? "" : "s");
	imp_summary_end(&b, im->out);
}

/*
 * Validate the written design as a design (§7.2): each FORMAT error is an
 * input error where its value came from. Returns 0 or -1.
 */
static int validate(struct imp *im)
{
	struct nsp_import *o = im->out;
	struct nsp_model *m = NULL;
	struct nsp_diags d = {0};
	int rc = nsp_load_buffer(&m, im->opts->name, o->yaml, o->len,
				 im->opts->lim, &d);
	for (size_t i = 0; rc < 0 && i < d.n; i++) {
		uint32_t line = d.v[i].loc.line;
		struct nsp_imp_origin at = {NULL, 1, 1};
		if (line >= 1 && line <= o->norigins &&
		    o->origins[line - 1].line)
			at = o->origins[line - 1];
		imp_error(im, at.file ? at.file : im->opts->name,
			  (struct nsp_loc){at.line, at.col},
			  "in the merged design: %s", d.v[i].msg);
	}
	nsp_diags_free(&d);
	nsp_model_free(m);
	return rc;
}

int nsp_import_terraform(const char *buf, size_t len,
			 const struct nsp_import_opts *opts,
			 struct nsp_import *out)
{
	struct imp im = {.opts = opts, .buf = buf, .len = len, .out = out};
	int ret = -1;
	im.doc = read_doc(&im);
	if (!im.doc)
		goto out;
	im.config = json_object_get(json_object_get(im.doc, "configuration"),
				    "root_module");
	read_resources(&im);
	if (out->errors.n)
		goto out;
	im.design = json_object();
	imp_map(&im);
	if (imp_overlays(&im) < 0 || out->errors.n)
		goto out;
	imp_gaps(&im);
	if (json_array_size(json_object_get(im.design, "circuits")) == 0) {
		char *types = types_read(&im);
		imp_error(&im, opts->name, (struct nsp_loc){1, 1},
			  "no circuit in the design: no resource of the "
			  "providers nospof imports makes one; "
			  "resource types read: %s", types);
		free(types);
		goto out;
	}
	out->yaml = imp_emit(im.design, opts->header, false, &out->len,
			     opts, out);
	char *nm = nsp_escape(opts->name, strlen(opts->name));
	out->skeleton = imp_skeleton(im.design, nm);
	free(nm);
	if (validate(&im) < 0) {
		free(out->yaml);
		out->yaml = NULL;
		goto out;
	}
	if (out->json) {
		free(out->yaml);
		out->yaml = imp_emit(im.design, NULL, true, &out->len, opts,
				     out);
	}
	ret = 0;
out:
	imp_sort_findings(out);
	if (im.design)
		summary(&im);
	for (size_t i = 0; i < im.nr; i++) {
		free(im.r[i].type);
		free(im.r[i].name);
		free(im.r[i].module);
		free(im.r[i].mod_nokeys);
		free(im.r[i].key);
		free(im.r[i].id);
	}
	free(im.r);
	json_decref(im.design);
	json_decref(im.doc);
	json_decref(im.locs);
	json_decref(im.seen);
	json_decref(im.by_addr);
	json_decref(im.indexes);
	return ret;
}

/* For the NetBox importer: line:col of byte off of buf. */
struct nsp_loc imp_loc_of(const char *buf, size_t off)
{
	return loc_of(buf, off);
}

/* For the NetBox importer: the nesting check of §9. */
bool imp_too_deep(const char *buf, size_t len, unsigned max, size_t *at)
{
	return too_deep(buf, len, max, at);
}

/* For the NetBox importer: jansson's message without " near '…'". */
void imp_strip_near(char *text)
{
	strip_near(text);
}

/* For the NetBox importer: the written design validated (§7.2). */
int imp_validate(struct imp *im)
{
	return validate(im);
}

void nsp_import_free(struct nsp_import *out)
{
	for (size_t i = 0; i < out->nf; i++)
		free(out->f[i].msg);
	free(out->f);
	free(out->yaml);
	free(out->summary);
	free(out->skeleton);
	free(out->error_files);
	free(out->origins);
	for (size_t i = 0; i < out->nfiles; i++)
		free(out->files[i]);
	free(out->files);
	nsp_diags_free(&out->errors);
	memset(out, 0, sizeof(*out));
}
