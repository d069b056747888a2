/*
 * Reading NetBox list responses (IMPORT.md §6.1): the endpoints, each page
 * checked (size, depth, JSON, the list shape, ids once, the runs of pages
 * adding up to their count), the store of objects with the page, line and
 * column of each, the --from directory, and the NetBox importer's entry
 * and end (mapping, overlays, gaps, the written design, the summary).
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nb_int.h"
#include "load/load.h"

const struct nb_ep_info nb_eps[NB_NEP] = {
	[NB_CIRCUITS] = {"circuits", "circuits", true},
	[NB_TERMS] = {"circuit-terminations", "circuits", true},
	[NB_PROVIDERS] = {"providers", "circuits", true},
	[NB_PNETS] = {"provider-networks", "circuits", false},
	[NB_GROUPS] = {"circuit-group-assignments", "circuits", false},
	[NB_CABLES] = {"cables", "dcim", true},
	[NB_IFACES] = {"interfaces", "dcim", true},
	[NB_DEVICES] = {"devices", "dcim", true},
	[NB_SITES] = {"sites", "dcim", true},
	[NB_FRONT] = {"front-ports", "dcim", false},
	[NB_REAR] = {"rear-ports", "dcim", false},
	[NB_LOCATIONS] = {"locations", "dcim", false},
};

/* Keep a page name in out->files; returns its index. */
size_t nb_add_file(struct nbi *nb, const char *name)
{
	struct nsp_import *o = nb->im.out;
	o->files = nsp_xrealloc(o->files, (o->nfiles + 1) * sizeof(*o->files));
	o->files[o->nfiles] = nsp_xstrdup(name);
	return o->nfiles++;
}

/* The end of the string starting at p ('"'). */
static const char *skip_str(const char *p, const char *e)
{
	for (p++; p < e && *p != '"'; p++)
		if (*p == '\\')
			p++;
	return p < e ? p + 1 : e;
}

static const char *skip_ws(const char *p, const char *e)
{
	while (p < e && strchr(" \t\r\n", *p))
		p++;
	return p;
}

/* The end of the JSON value at p (the text is valid JSON). */
static const char *skip_val(const char *p, const char *e)
{
	if (p < e && *p == '"')
		return skip_str(p, e);
	if (p < e && (*p == '{' || *p == '[')) {
		size_t d = 0;
		while (p < e) {
			if (*p == '"') {
				p = skip_str(p, e);
				continue;
			}
			if (*p == '{' || *p == '[')
				d++;
			else if ((*p == '}' || *p == ']') && --d == 0)
				return p + 1;
			p++;
		}
		return e;
	}
	while (p < e && !strchr(",]} \t\r\n", *p))
		p++;
	return p;
}

/*
 * The byte offsets of the elements of the top-level "results" array of a
 * valid JSON object; n of them at most.
 */
static size_t result_offsets(const char *buf, size_t len, size_t *off,
			     size_t n)
{
	const char *p = skip_ws(buf, buf + len), *e = buf + len;
	size_t k = 0;
	if (p >= e || *p != '{')
		return 0;
	p++;
	while (p < e) {
		p = skip_ws(p, e);
		if (p >= e || *p != '"')
			return k;
		const char *ks = p;
		p = skip_str(p, e);
		bool results = p - ks == 9 && !memcmp(ks, "\"results\"", 9);
		p = skip_ws(p, e);
		if (p < e && *p == ':')
			p = skip_ws(p + 1, e);
		if (results && p < e && *p == '[') {
			p = skip_ws(p + 1, e);
			while (p < e && *p != ']' && k < n) {
				off[k++] = (size_t)(p - buf);
				p = skip_ws(skip_val(p, e), e);
				if (p < e && *p == ',')
					p = skip_ws(p + 1, e);
			}
			return k;
		}
		p = skip_ws(skip_val(p, e), e);
		if (p < e && *p == ',')
			p++;
		else
			return k;
	}
	return k;
}

/* Add an input error in page file. */
static void page_error(struct nbi *nb, size_t file, struct nsp_loc l,
		       const char *msg)
{
	imp_error(&nb->im, nb->im.out->files[file], l, "%s", msg);
}

/* Close the open run of ep: its results must add up to its count. */
static void close_run(struct nbi *nb, enum nb_ep ep)
{
	struct nb_store *s = &nb->s;
	if (!s->run_open[ep])
		return;
	s->run_open[ep] = false;
	if (s->run_seen[ep] == s->run_count[ep])
		return;
	char *m = nsp_xasprintf("the pages of %s from here hold %lld results, "
				"but its count says %lld: a page is missing "
				"or was saved twice", nb_eps[ep].name,
				(long long)s->run_seen[ep],
				(long long)s->run_count[ep]);
	page_error(nb, s->run_page[ep], (struct nsp_loc){1, 1}, m);
	free(m);
}

void nb_close_runs(struct nbi *nb)
{
	for (int ep = 0; ep < NB_NEP; ep++)
		close_run(nb, (enum nb_ep)ep);
}

/* Whether v is a string or null. */
static bool str_or_null(json_t *v)
{
	return v && (json_is_string(v) || json_is_null(v));
}

/* Store the results of a parsed page; 0, or -1 after an input error. */
static int store_results(struct nbi *nb, enum nb_ep ep, size_t file,
			 const char *buf, size_t len, json_t *results)
{
	struct nb_store *s = &nb->s;
	size_t n = json_array_size(results), i;
	size_t *off = nsp_xcalloc(n + 1, sizeof(*off));
	size_t got = result_offsets(buf, len, off, n);
	size_t pos = 0;
	struct nsp_loc at = {1, 1};
	json_t *o;
	int rc = 0;
	if (!s->objs[ep]) {
		s->objs[ep] = json_object();
		s->at[ep] = json_object();
	}
	json_array_foreach(results, i, o) {
		/* advance the running position to this object's '{' */
		size_t to = i < got ? off[i] : 0;
		for (; pos < to; pos++) {
			if (buf[pos] == '\n') {
				at.line++;
				at.col = 1;
			} else if (((unsigned char)buf[pos] & 0xc0) != 0x80) {
				at.col++;
			}
		}
		json_t *id = json_object_get(o, "id");
		if (!json_is_object(o) || !json_is_integer(id) ||
		    json_integer_value(id) <= 0) {
			page_error(nb, file, at, "a result without a positive "
				   "integer id: not a NetBox object");
			rc = -1;
			continue;
		}
		if (ep == NB_CABLES && (json_object_get(o, "termination_a_type")
					|| !json_object_get(o, "a_terminations"))) {
			page_error(nb, file, at, "a cable in the shape of "
				   "NetBox before 3.3 (termination_a_type, no "
				   "a_terminations): save the responses of "
				   "NetBox 3.3 or later");
			rc = -1;
			continue;
		}
		char key[32];
		snprintf(key, sizeof(key), "%lld",
			 (long long)json_integer_value(id));
		if (json_object_get(s->objs[ep], key)) {
			char *m = nsp_xasprintf("%s: id %s appears twice",
						nb_eps[ep].name, key);
			page_error(nb, file, at, m);
			free(m);
			rc = -1;
			continue;
		}
		json_object_set(s->objs[ep], key, o);
		json_object_set_new(s->at[ep], key,
				    json_pack("[iii]", (json_int_t)file,
					      (json_int_t)at.line,
					      (json_int_t)at.col));
	}
	free(off);
	return rc;
}

int nb_add_page(struct nbi *nb, enum nb_ep ep, const char *name,
		const char *buf, size_t len)
{
	size_t file = nb_add_file(nb, name), at;
	const struct nsp_limits *lim = nb->opts.lim;
	struct nsp_loc one = {1, 1};
	struct nb_store *s = &nb->s;
	s->npages[ep]++;
	if (len > lim->max_bytes) {
		page_error(nb, file, one, "page over the size limit "
			   "(--max-input-mb)");
		return -1;
	}
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) {
		buf += 3;
		len -= 3;
	}
	if (imp_too_deep(buf, len, lim->max_depth, &at)) {
		char *m = nsp_xasprintf("nesting deeper than %u levels "
					"(--max-depth)", lim->max_depth);
		page_error(nb, file, imp_loc_of(buf, at), m);
		free(m);
		return -1;
	}
	json_error_t err;
	json_t *doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
	if (!doc) {
		imp_strip_near(err.text);
		char *m = nsp_xasprintf("not valid JSON: %s", err.text);
		page_error(nb, file, (struct nsp_loc){
			err.line > 0 ? (uint32_t)err.line : 1,
			err.column > 0 ? (uint32_t)err.column : 1}, m);
		free(m);
		return -1;
	}
	json_t *count = json_object_get(doc, "count");
	json_t *results = json_object_get(doc, "results");
	json_t *prev = json_object_get(doc, "previous");
	if (!json_is_object(doc) || !json_is_integer(count) ||
	    json_integer_value(count) < 0 || !json_is_array(results) ||
	    !str_or_null(json_object_get(doc, "next")) ||
	    !str_or_null(prev)) {
		bool detail = json_is_object(doc) &&
			      json_object_get(doc, "detail");
		char *m = nsp_xasprintf("not a NetBox list response of %s "
					"(count, next, previous, results)%s",
					nb_eps[ep].name, detail ? "; it holds "
					"an error ('detail')" : "");
		page_error(nb, file, one, m);
		free(m);
		json_decref(doc);
		return -1;
	}
	if (json_is_null(prev)) {
		close_run(nb, ep);
		s->run_open[ep] = true;
		s->run_page[ep] = file;
		s->run_count[ep] = json_integer_value(count);
		s->run_seen[ep] = 0;
	} else if (!s->run_open[ep]) {
		page_error(nb, file, one, "a page that follows no first page "
			   "('previous' is not null): save every page from "
			   "the first");
		json_decref(doc);
		return -1;
	}
	s->run_seen[ep] += (json_int_t)json_array_size(results);
	int rc = store_results(nb, ep, file, buf, len, results);
	json_decref(doc);
	return rc;
}

json_t *nb_get(struct nb_store *s, enum nb_ep ep, json_int_t id)
{
	char key[32];
	snprintf(key, sizeof(key), "%lld", (long long)id);
	return json_object_get(s->objs[ep], key);
}

json_int_t nb_id(json_t *o)
{
	json_t *id = json_is_object(o) ? json_object_get(o, "id") : o;
	return json_is_integer(id) ? json_integer_value(id) : -1;
}

/* The [page, line, col] of object id of ep, or NULL. */
static json_t *where(struct nbi *nb, enum nb_ep ep, json_int_t id)
{
	char key[32];
	snprintf(key, sizeof(key), "%lld", (long long)id);
	return json_object_get(nb->s.at[ep], key);
}

json_t *nb_at(struct nbi *nb, enum nb_ep ep, json_int_t id)
{
	json_t *w = where(nb, ep, id);
	if (!w)
		return json_pack("{s:i,s:i}", "l", (json_int_t)1, "c",
				 (json_int_t)1);
	/* pages follow the overlays in the origins' file index (nb_finish) */
	json_int_t fi = (json_int_t)nb->nov + 1 +
			json_integer_value(json_array_get(w, 0));
	return json_pack("{s:I,s:O,s:O}", "fi", fi, "l", json_array_get(w, 1),
			 "c", json_array_get(w, 2));
}

void nb_find(struct nbi *nb, enum nb_ep ep, json_int_t id, const char *code,
	     enum nsp_imp_sev sev, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = nsp_xvasprintf(fmt, ap);
	va_end(ap);
	json_t *w = where(nb, ep, id);
	struct nsp_loc l = {1, 1};
	if (w) {
		l.line = (uint32_t)json_integer_value(json_array_get(w, 1));
		l.col = (uint32_t)json_integer_value(json_array_get(w, 2));
	}
	imp_find(&nb->im, code, sev, l, "%s", m);
	struct nsp_import *o = nb->im.out;
	o->f[o->nf - 1].file = w ? o->files[json_integer_value(
					   json_array_get(w, 0))] : NULL;
	free(m);
}

void nb_init(struct nbi *nb, const char *dir,
	     const struct nsp_nb_filters *flt,
	     const struct nsp_import_opts *opts, struct nsp_import *out)
{
	memset(nb, 0, sizeof(*nb));
	nb->opts = *opts;
	nb->opts.name = dir;
	nb->nov = opts->noverlays;
	nb->im.opts = &nb->opts;
	nb->im.out = out;
	nb->flt = flt;
	nb->dir = dir;
	nb->s.front_by_rear = json_object();
}

void nb_free(struct nbi *nb)
{
	for (int i = 0; i < NB_NEP; i++) {
		json_decref(nb->s.objs[i]);
		json_decref(nb->s.at[i]);
	}
	json_decref(nb->s.front_by_rear);
	json_decref(nb->im.design);
}

/* The circuit id a gap finding names ('<id>' first in its message). */
static json_t *gap_circuit(struct nbi *nb, const char *msg)
{
	const char *q = strchr(msg, '\''), *e = q ? strchr(q + 1, '\'') : NULL;
	if (!e)
		return NULL;
	char *id = nsp_xstrndup(q + 1, (size_t)(e - q - 1));
	size_t n = strlen(id);
	if (n > 5 && (!strcmp(id + n - 5, "/edge") ||
		      !strcmp(id + n - 4, "/pop")))
		id[!strcmp(id + n - 5, "/edge") ? n - 5 : n - 4] = '\0';
	json_t *c = imp_elem(nb->im.design, "circuits", id);
	free(id);
	return c;
}

/* Locate the gap findings (IMP020-023) at their circuit's object. */
static void locate_gaps(struct nbi *nb, size_t from)
{
	struct nsp_import *o = nb->im.out;
	for (size_t i = from; i < o->nf; i++) {
		json_t *c = gap_circuit(nb, o->f[i].msg);
		json_t *at = json_object_get(c, "\x01" "at");
		json_int_t pf = json_integer_value(json_object_get(at, "fi")) -
				(json_int_t)nb->nov - 1;
		if (pf < 0 || (size_t)pf >= o->nfiles)
			continue;
		o->f[i].file = o->files[pf];
		o->f[i].loc = imp_at_loc(c);
	}
}

/* The summary line (§1.2), in NetBox's words. */
static void summary(struct nbi *nb)
{
	struct nsp_buf b = {0};
	imp_summary_start(&b, nb->im.design, nb->dir, nb->circuits_in,
			  "circuit", "netbox:");
	if (nb->circuits_out)
		nsp_buf_printf(&b, "; %zu circuit%s not imported",
			       nb->circuits_out,
			       nb->circuits_out == 1 ? "" : "s");
	imp_summary_end(&b, nb->im.out);
}

int nb_finish(struct nbi *nb)
{
	struct imp *im = &nb->im;
	struct nsp_import *out = im->out;
	int ret = -1;
	nb_close_runs(nb);
	if (out->errors.n)
		goto out;
	im->design = json_object();
	nb_map(nb);
	/* the design's name is "netbox" unless an overlay names it */
	nb->opts.name = "netbox";
	int orc = imp_overlays(im);
	nb->opts.name = nb->dir;
	if (orc < 0 || out->errors.n)
		goto out;
	size_t from = out->nf;
	imp_gaps(im);
	locate_gaps(nb, from);
	if (json_array_size(json_object_get(im->design, "circuits")) == 0) {
		imp_error(im, nb->dir, (struct nsp_loc){1, 1},
			  "no circuit in the design: %zu circuit%s read, none "
			  "imported (statuses, filters, site to site)",
			  json_object_size(nb->s.objs[NB_CIRCUITS]),
			  json_object_size(nb->s.objs[NB_CIRCUITS]) == 1 ?
				  "" : "s");
		goto out;
	}
	bool json = out->json;
	/* the origins name overlays, then pages: one list for the emitter */
	const char **all = nsp_xcalloc(nb->nov + out->nfiles + 1,
				       sizeof(*all));
	for (size_t i = 0; i < nb->nov; i++)
		all[i] = nb->opts.overlays[i];
	for (size_t i = 0; i < out->nfiles; i++)
		all[nb->nov + i] = out->files[i];
	struct nsp_import_opts eo = nb->opts;
	eo.overlays = all;
	eo.noverlays = nb->nov + out->nfiles;
	out->yaml = imp_emit(im->design, nb->opts.header, false, &out->len,
			     &eo, out);
	char *nm = nsp_escape(nb->opts.name, strlen(nb->opts.name));
	out->skeleton = imp_skeleton(im->design, nm);
	free(nm);
	if (imp_validate(im) < 0) {
		free(out->yaml);
		out->yaml = NULL;
		free(all);
		goto out;
	}
	if (json) {
		free(out->yaml);
		out->yaml = imp_emit(im->design, NULL, true, &out->len, &eo,
				     out);
	}
	free(all);
	ret = 0;
out:
	imp_sort_findings(out);
	if (im->design)
		summary(nb);
	return ret;
}

/* Whether name is "<ep>.json" or "<ep>.<n>.json"; *n is 0 for the first. */
static int page_of(const char *name, unsigned long *n)
{
	for (int ep = 0; ep < NB_NEP; ep++) {
		size_t k = strlen(nb_eps[ep].name);
		if (strncmp(name, nb_eps[ep].name, k) || name[k] != '.')
			continue;
		const char *r = name + k + 1;
		if (!strcmp(r, "json")) {
			*n = 0;
			return ep;
		}
		char *end;
		if (*r < '1' || *r > '9')
			continue;
		*n = strtoul(r, &end, 10);
		if (!strcmp(end, ".json") && *n < 1000000)
			return ep;
	}
	return -1;
}

struct dir_page {
	int ep;
	unsigned long n;
	char *name;
};

/* Order pages by endpoint, then number. */
static int cmp_page(const void *a, const void *b)
{
	const struct dir_page *x = a, *y = b;
	if (x->ep != y->ep)
		return x->ep < y->ep ? -1 : 1;
	return x->n < y->n ? -1 : x->n > y->n;
}

int nsp_import_netbox_dir(const char *dir, const struct nsp_nb_filters *flt,
			  const struct nsp_import_opts *opts,
			  struct nsp_import *out)
{
	DIR *d = opendir(dir);
	if (!d)
		return -2;
	struct nbi nb;
	nb_init(&nb, dir, flt, opts, out);
	struct dir_page *pg = NULL;
	size_t np = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		unsigned long n;
		int ep = page_of(de->d_name, &n);
		if (ep < 0)
			continue;
		pg = nsp_xrealloc(pg, (np + 1) * sizeof(*pg));
		pg[np++] = (struct dir_page){ep, n,
					     nsp_xasprintf("%s/%s", dir,
							   de->d_name)};
	}
	closedir(d);
	if (np)
		qsort(pg, np, sizeof(*pg), cmp_page);
	bool have[NB_NEP] = {false}, plain[NB_NEP] = {false};
	struct nsp_loc one = {1, 1};
	for (size_t i = 0; i < np; i++) {
		if (plain[pg[i].ep]) {
			if (pg[i - 1].n == 0)
				imp_error(&nb.im, dir, one, "both %s.json and "
					  "numbered pages of it: keep one",
					  nb_eps[pg[i].ep].name);
			continue;
		}
		plain[pg[i].ep] = pg[i].n == 0;
		have[pg[i].ep] = true;
		char *buf = NULL;
		size_t len = 0;
		int rc = nsp_read_file(&buf, &len, pg[i].name, opts->lim->max_bytes);
		if (rc == -2) {
			nb_add_page(&nb, (enum nb_ep)pg[i].ep, pg[i].name, "",
				    opts->lim->max_bytes + 1);
		} else if (rc < 0) {
			size_t f = nb_add_file(&nb, pg[i].name);
			imp_error(&nb.im, out->files[f], one, "cannot read the "
				  "page");
		} else {
			nb_add_page(&nb, (enum nb_ep)pg[i].ep, pg[i].name, buf,
				    len);
		}
		free(buf);
	}
	for (int ep = 0; ep < NB_NEP; ep++)
		if (nb_eps[ep].required && !have[ep])
			imp_error(&nb.im, dir, one, "no %s: save /api/%s/%s/ as "
				  "%s.json (or %s.1.json, %s.2.json, ...)",
				  nb_eps[ep].name, nb_eps[ep].app,
				  nb_eps[ep].name, nb_eps[ep].name,
				  nb_eps[ep].name, nb_eps[ep].name);
	for (size_t i = 0; i < np; i++)
		free(pg[i].name);
	free(pg);
	int rc = nb_finish(&nb);
	nb_free(&nb);
	return rc;
}
