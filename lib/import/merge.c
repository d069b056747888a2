/*
 * The overlay (IMPORT.md §7): reading one with the design's limits, merging
 * it into the imported design by id, filling the gaps left after the last
 * overlay (§7.4), dropping imported elements nothing references, and
 * writing the result in the layout of §1.2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"
#include "load/load.h"

static const char *const lists[] = {"sites", "clouds", "pops", "routers",
				    "circuits"};
static const char *const kinds[] = {"site", "cloud", "pop", "router",
				    "circuit"};

/* Whether a plain scalar is an integer (decimal) or a real. */
static json_t *scalar(const struct nsp_node *n)
{
	const char *s = n->u.str;
	if (!n->plain)
		return json_string(s);
	if (!strcmp(s, "true"))
		return json_true();
	if (!strcmp(s, "false"))
		return json_false();
	char *end;
	long long i = strtoll(s, &end, 10);
	if (*s && !*end && strspn(s, "+-0123456789") == strlen(s))
		return json_integer(i);
	double d = strtod(s, &end);
	if (*s && !*end && strspn(s, "+-0123456789.eE") == strlen(s))
		return json_real(d);
	return json_string(s);
}

/* A YAML node as JSON; NULL (with an input error) for a null or alias. */
static json_t *to_json(struct imp *im, const char *file, size_t fi,
		       const struct nsp_node *n)
{
	if (n->kind == NSP_NODE_ALIAS) {
		imp_error(im, file, n->loc, "aliases are not allowed in an "
			  "overlay");
		return NULL;
	}
	if (n->kind == NSP_NODE_SCALAR) {
		if (nsp_node_is_null(n)) {
			imp_error(im, file, n->loc, "null is not allowed; "
				  "leave the key out");
			return NULL;
		}
		return scalar(n);
	}
	json_t *j = n->kind == NSP_NODE_SEQ ? json_array() : json_object();
	for (size_t i = 0; i < n->len; i++) {
		if (n->kind == NSP_NODE_MAP) {
			const struct nsp_node *k = n->u.items[i];
			const struct nsp_node *v = n->u.items[++i];
			json_t *jv = to_json(im, file, fi, v);
			if (k->kind == NSP_NODE_SCALAR && jv)
				json_object_set_new(j, k->u.str, jv);
			else
				json_decref(jv);
		} else {
			json_t *jv = to_json(im, file, fi, n->u.items[i]);
			if (jv)
				json_array_append_new(j, jv);
		}
	}
	if (n->kind == NSP_NODE_MAP && json_is_object(j)) {
		json_t *at = json_pack("{s:i,s:i,s:i}", "fi", (json_int_t)fi,
				       "l", (json_int_t)n->loc.line,
				       "c", (json_int_t)n->loc.col);
		json_object_set_new(j, "\x01" "at", at);
	}
	return j;
}

/* Whether path p (dotted) is listed in the element's override. */
static bool overridden(json_t *ov, const char *p)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(ov, "override"), i, v) {
		const char *s = json_string_value(v);
		if (s && (!strcmp(s, "*") || !strcmp(s, p)))
			return true;
		size_t n = s ? strlen(s) : 0;
		if (n && !strncmp(s, p, n) && p[n] == '.')
			return true;
	}
	return false;
}

static bool set_like(const char *k)
{
	return !strcmp(k, "prefixes") || !strcmp(k, "srlg") ||
	       !strcmp(k, "advertise") || !strcmp(k, "receive") ||
	       !strcmp(k, "survive");
}

/* A scalar as text for a message. */
static char *show(json_t *v)
{
	if (json_is_string(v))
		return nsp_xstrdup(json_string_value(v));
	char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	return s ? s : nsp_xstrdup("?");
}

/* Record that field k of element e is the overlay element ovel's. */
static void from(json_t *e, const char *k, json_t *ovel)
{
	json_t *f = json_object_get(e, "\x01" "from");
	json_t *at = json_object_get(ovel, "\x01" "at");
	if (!at)
		return;
	if (!f) {
		f = json_object();
		json_object_set_new(e, "\x01" "from", f);
	}
	json_object_set(f, k, at);
}

/* Drop path p from element e's defaults: the overlay gave the value. */
static void undefault(json_t *e, const char *p)
{
	json_t *d = json_object_get(e, IMP_DEF), *v;
	for (size_t i = json_array_size(d); i-- > 0;) {
		v = json_array_get(d, i);
		if (!strcmp(json_string_value(v), p))
			json_array_remove(d, i);
	}
}

/*
 * Merge overlay mapping ov into base mapping b (§7.2): path is the dotted
 * path so far, top the base element (its defaults), ovel the overlay
 * element (its override), what names the element for messages.
 */
static void merge_map(struct imp *im, const char *file, json_t *b, json_t *ov,
		      const char *path, json_t *top, json_t *ovel,
		      const char *what)
{
	const char *k;
	json_t *v;
	json_object_foreach(ov, k, v) {
		if (k[0] == '\x01' || (!*path && (!strcmp(k, "id") ||
			       !strcmp(k, "override") || !strcmp(k, "remove"))))
			continue;
		char p[256];
		snprintf(p, sizeof(p), "%s%s%s", path, *path ? "." : "", k);
		json_t *old = json_object_get(b, k);
		if (!*path)
			from(b, k, ovel);
		if (!old || overridden(ovel, p)) {
			json_object_set(b, k, v);
		} else if (json_is_object(old) && json_is_object(v)) {
			merge_map(im, file, old, v, p, top, ovel, what);
		} else if (set_like(k) && json_is_array(old) &&
			   json_is_array(v)) {
			size_t i;
			json_t *x;
			json_array_foreach(v, i, x) {
				size_t j;
				json_t *y;
				bool have = false;
				json_array_foreach(old, j, y)
					have |= json_equal(x, y);
				if (!have)
					json_array_append(old, x);
			}
		} else if (json_equal(old, v)) {
			continue;
		} else if (imp_is_default(top, p)) {
			json_object_set(b, k, v);
			undefault(top, p);
		} else {
			char *a = show(v), *o = show(old);
			json_t *src = json_object_get(top, "source");
			imp_error(im, file, imp_at_loc(ovel),
				  "%s: %s %s differs from %s (%s); list %s in "
				  "override to replace it", what, p, a, o,
				  json_is_string(src) ? json_string_value(src)
						      : "the imported design",
				  p);
			free(a);
			free(o);
		}
	}
}

/* Delete the overridden paths the overlay element leaves out. */
static void drop_overridden(json_t *b, json_t *ovel)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(ovel, "override"), i, v) {
		const char *s = json_string_value(v);
		if (!s || !strcmp(s, "*"))
			continue;
		json_t *bo = b, *oo = ovel;
		char *dup = nsp_xstrdup(s), *save = NULL, *next;
		char *part = strtok_r(dup, ".", &save);
		while (part && (next = strtok_r(NULL, ".", &save))) {
			bo = json_object_get(bo, part);
			oo = json_object_get(oo, part);
			part = next;
		}
		if (part && json_is_object(bo) && !json_object_get(oo, part))
			json_object_del(bo, part);
		free(dup);
	}
}

/* Which list holds id (index into lists), or -1. */
static int list_of(json_t *design, const char *id)
{
	for (int i = 0; i < 5; i++)
		if (imp_elem(design, lists[i], id))
			return i;
	return -1;
}

/* Remove element id from list. */
static void remove_elem(json_t *design, const char *list, const char *id)
{
	json_t *arr = json_object_get(design, list), *e;
	size_t i;
	json_array_foreach(arr, i, e)
		if (!strcmp(json_string_value(json_object_get(e, "id")), id)) {
			imp_elem_forget(design, list, id);
			json_array_remove(arr, i);
			return;
		}
}

/* Merge one overlay document (its root mapping as JSON) into the design. */
static void merge_overlay(struct imp *im, const char *file, json_t *ov)
{
	json_t *d = im->design;
	const char *k;
	json_t *v;
	json_object_foreach(ov, k, v) {
		if (k[0] == '\x01' || !strcmp(k, "nospof_overlay") ||
		    !strcmp(k, "override"))
			continue;
		int li = -1;
		for (int i = 0; i < 5; i++)
			if (!strcmp(k, lists[i]))
				li = i;
		if (li >= 0) {
			size_t i;
			json_t *e;
			json_array_foreach(v, i, e) {
				struct nsp_loc at = imp_at_loc(e);
				json_t *jid = json_object_get(e, "id");
				if (!json_is_string(jid)) {
					imp_error(im, file, at, "%s: an "
						  "element needs an id", k);
					continue;
				}
				const char *id = json_string_value(jid);
				if (!strncmp(id, "unassigned-", 11)) {
					imp_error(im, file, at, "'%s': "
						  "ids starting 'unassigned-' "
						  "are reserved", id);
					continue;
				}
				int where = list_of(d, id);
				if (where >= 0 && where != li) {
					imp_error(im, file, at, "'%s' is "
						  "a %s, not a %s", id,
						  kinds[where], kinds[li]);
					continue;
				}
				if (json_is_true(json_object_get(e, "remove"))) {
					if (where < 0)
						imp_error(im, file, at,
							  "remove: no %s '%s' "
							  "to remove", kinds[li],
							  id);
					else if (json_object_size(e) > 3)
						imp_error(im, file, at,
							  "remove: only 'id' "
							  "may stand beside it");
					else
						remove_elem(d, lists[li], id);
					continue;
				}
				if (where < 0) {
					bool added;
					json_t *n = imp_elem_add(d, lists[li],
								 id, &added);
					json_object_update(n, e);
					json_object_del(n, "override");
					continue;
				}
				json_t *b = imp_elem(d, lists[li], id);
				char what[160];
				snprintf(what, sizeof(what), "%s '%s'",
					 kinds[li], id);
				merge_map(im, file, b, e, "", b, e, what);
				drop_overridden(b, e);
				/* the overlay places the element now */
				json_object_del(b, IMP_PH);
			}
		} else if (!strcmp(k, "demands") || !strcmp(k, "waivers")) {
			json_t *arr = imp_member(d, k, true);
			json_array_extend(arr, v);
		} else if (!strcmp(k, "name") || !json_object_get(d, k) ||
			   overridden(ov, k)) {
			json_object_set(d, k, v);
			from(d, k, ov);
		} else if (json_is_object(v)) {
			merge_map(im, file, json_object_get(d, k), v, "", d, ov,
				  k);
		} else if (!json_equal(v, json_object_get(d, k))) {
			imp_error(im, file, imp_at_loc(ov), "%s differs from "
				  "an earlier overlay; list it in override", k);
		}
	}
}

int imp_overlays(struct imp *im)
{
	/* the design's name: FILE's base name without .json (§1) */
	const char *nm = im->opts->name, *slash = strrchr(nm, '/');
	char *base = nsp_xstrdup(!strcmp(nm, "-") ? "stdin" :
				 slash ? slash + 1 : nm);
	size_t bl = strlen(base);
	if (bl > 5 && !strcmp(base + bl - 5, ".json"))
		base[bl - 5] = '\0';
	json_object_set_new(im->design, "name", json_string(base));
	free(base);
	for (size_t i = 0; i < im->opts->noverlays; i++) {
		const char *file = im->opts->overlays[i];
		char *buf;
		size_t len;
		struct nsp_loc one = {1, 1};
		int rc = nsp_read_file(&buf, &len, file, im->opts->lim->max_bytes);
		if (rc < 0) {
			imp_error(im, file, one, rc == -2 ? "overlay over the "
				  "size limit (--max-input-mb)" :
				  "cannot read the overlay");
			continue;
		}
		struct nsp_source src = {0};
		struct nsp_diags diags = {0};
		if (nsp_source_parse(&src, buf, len, im->opts->lim, &diags) < 0) {
			for (size_t k = 0; k < diags.n; k++)
				imp_error(im, file, diags.v[k].loc, "%s",
					  diags.v[k].msg);
		} else if (!src.root || src.root->kind != NSP_NODE_MAP ||
			   !src.root->len) {
			imp_error(im, file, one, "an overlay is a mapping that "
				  "starts with 'nospof_overlay: 1'");
		} else if (!strcmp(src.root->u.items[0]->u.str ?
				   src.root->u.items[0]->u.str : "", "nospof")) {
			imp_error(im, file, one, "a design, not an overlay: "
				  "an overlay starts with 'nospof_overlay: 1'");
		} else if (strcmp(src.root->u.items[0]->u.str ?
				  src.root->u.items[0]->u.str : "",
				  "nospof_overlay") ||
			   strcmp(src.root->u.items[1]->u.str ?
				  src.root->u.items[1]->u.str : "", "1")) {
			imp_error(im, file, src.root->u.items[0]->loc,
				  "an overlay starts with 'nospof_overlay: 1'");
		} else {
			size_t before = im->out->errors.n;
			json_t *ov = to_json(im, file, i + 1, src.root);
			if (ov && im->out->errors.n == before)
				merge_overlay(im, file, ov);
			json_decref(ov);
		}
		nsp_diags_free(&diags);
		nsp_source_free(&src);
		free(buf);
	}
	return im->out->errors.n ? -1 : 0;
}

/* The ids the design references from list's users, as a set. */
static json_t *references(json_t *d, const char *list)
{
	json_t *set = json_object(), *e;
	size_t i;
	if (!strcmp(list, "routers")) {
		json_array_foreach(json_object_get(d, "circuits"), i, e) {
			const char *a = json_string_value(json_object_get(
				json_object_get(e, "a"), "router"));
			const char *z = json_string_value(json_object_get(
				json_object_get(e, "z"), "router"));
			if (a)
				json_object_set_new(set, a, json_true());
			if (z)
				json_object_set_new(set, z, json_true());
		}
		return set;
	}
	const char *f = !strcmp(list, "pops") ? "pop" : "cloud";
	json_array_foreach(json_object_get(d, "routers"), i, e) {
		const char *v = json_string_value(json_object_get(e, f));
		if (v)
			json_object_set_new(set, v, json_true());
	}
	if (!strcmp(list, "clouds")) {
		json_array_foreach(json_object_get(d, "demands"), i, e) {
			const char *a = json_string_value(json_object_get(e,
									  "from"));
			const char *b = json_string_value(json_object_get(e, "to"));
			if (a)
				json_object_set_new(set, a, json_true());
			if (b)
				json_object_set_new(set, b, json_true());
		}
	}
	return set;
}

/* Each router id a circuit's z names -> that first circuit. */
static json_t *z_index(json_t *d)
{
	json_t *idx = json_object(), *e;
	size_t i;
	json_array_foreach(json_object_get(d, "circuits"), i, e) {
		const char *z = json_string_value(json_object_get(
			json_object_get(e, "z"), "router"));
		if (z && !json_object_get(idx, z))
			json_object_set(idx, z, e);
	}
	return idx;
}

void imp_gaps(struct imp *im)
{
	json_t *d = im->design, *e;
	size_t i;
	bool cpe = false;
	json_array_foreach(json_object_get(d, "circuits"), i, e) {
		const char *id = json_string_value(json_object_get(e, "id"));
		json_t *a = json_object_get(e, "a");
		if (!json_object_get(a, "router")) {
			/* an exchange's customer port may give a.port alone */
			if (!a)
				json_object_set_new(e, "a", a = json_object());
			json_object_set_new(a, "router",
					    json_string("unassigned-cpe"));
			cpe = true;
			imp_find(im, "IMP020", NSP_IMP_WARNING, imp_at_loc(e),
				 "circuit '%s' has no customer end: add it to "
				 "the overlay: circuits: [{id: %s, a: {router: "
				 "ROUTER, port: PORT}}]", id, id);
		}
		if (!json_object_get(e, "bandwidth_mbps")) {
			json_object_set_new(e, "bandwidth_mbps", json_integer(1));
			imp_default(e, "bandwidth_mbps");
			imp_find(im, "IMP021", NSP_IMP_WARNING, imp_at_loc(e),
				 "circuit '%s' has no bandwidth: 1 Mbit/s "
				 "until the overlay gives bandwidth_mbps", id);
		}
	}
	if (cpe) {
		bool added;
		json_t *s = imp_elem_add(d, "sites", "unassigned-site", &added);
		json_object_set_new(s, "source",
				    json_string("nospof:placeholder"));
		json_t *r = imp_elem_add(d, "routers", "unassigned-cpe", &added);
		json_object_set_new(r, "source",
				    json_string("nospof:placeholder"));
		json_object_set_new(r, "role", json_string("cpe"));
		json_object_set_new(r, "site", json_string("unassigned-site"));
		json_object_set_new(r, IMP_PH, json_true());
	}
	/* drop what nothing references: routers, then pops and clouds */
	static const char *const order[] = {"routers", "pops", "clouds"};
	for (int l = 0; l < 3; l++) {
		json_t *arr = json_object_get(d, order[l]);
		json_t *refs = references(d, order[l]);
		for (i = json_array_size(arr); i-- > 0;) {
			e = json_array_get(arr, i);
			const char *id = json_string_value(json_object_get(e,
									   "id"));
			if (json_is_true(json_object_get(e, IMP_IMP)) &&
			    !json_object_get(refs, id)) {
				imp_elem_forget(d, order[l], id);
				json_array_remove(arr, i);
			}
		}
		json_decref(refs);
	}
	json_t *zs = z_index(d);
	json_array_foreach(json_object_get(d, "routers"), i, e) {
		const char *id = json_string_value(json_object_get(e, "id"));
		if (!json_is_true(json_object_get(e, IMP_PH)) ||
		    !strcmp(id, "unassigned-cpe"))
			continue;
		imp_find(im, "IMP022", NSP_IMP_INFO,
			 imp_at_loc(json_object_get(zs, id)),
			 "provider device unknown before apply: placeholder "
			 "router '%s'", id);
	}
	json_decref(zs);
	json_array_foreach(json_object_get(d, "pops"), i, e) {
		const char *id = json_string_value(json_object_get(e, "id"));
		if (!json_is_true(json_object_get(e, IMP_PH)))
			continue;
		imp_find(im, "IMP023", NSP_IMP_WARNING, (struct nsp_loc){1, 1},
			 "provider location unknown: placeholder pop '%s'; "
			 "place it in the overlay (facility, metro or "
			 "edge_domain) or re-point its router's pop", id);
	}
}
