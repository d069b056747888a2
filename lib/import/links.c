/*
 * Links of IMPORT.md §2.4: an attribute naming another resource, resolved
 * by a key attribute's value (step 1) or, when the value is unknown before
 * apply, through the `configuration` references (step 2: the same module
 * instance, a literal key, the only instance, the referrer's own key;
 * `var.` followed into the module call), with their lookup indexes.
 */
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

/* The configuration module of dotted module names (following module_calls). */
static json_t *config_module(struct imp *im, const char *mod_names)
{
	json_t *m = im->config;
	char *names = nsp_xstrdup(mod_names);
	for (char *save = NULL, *n = strtok_r(names, ".", &save); n && m;
	     n = strtok_r(NULL, ".", &save))
		m = json_object_get(json_object_get(json_object_get(m,
				    "module_calls"), n), "module");
	free(names);
	return m;
}

/* Cut the last segment of a dotted module path (names or instances). */
static char *parent_of(const char *mod, bool instances)
{
	/* instance paths: "module.a[\"x\"].module.b"; names: "a.b" */
	const char *cut = NULL;
	if (instances) {
		for (const char *p = strstr(mod, "module."); p;
		     p = strstr(p + 1, ".module."))
			cut = p;
		if (cut && cut != mod && *cut == '.')
			return nsp_xstrndup(mod, (size_t)(cut - mod));
		return nsp_xstrdup("");
	}
	cut = strrchr(mod, '.');
	return cut ? nsp_xstrndup(mod, (size_t)(cut - mod)) : nsp_xstrdup("");
}

/* The last module name of a dotted path of names. */
static const char *last_name(const char *mod)
{
	const char *d = strrchr(mod, '.');
	return d ? d + 1 : mod;
}

/* The managed resources TYPE.NAME in module instance inst, by address. */
static json_t *instances(struct imp *im, const char *type, const char *name,
			 const char *inst)
{
	json_t *idx = json_object_get(im->indexes, "tn");
	if (!idx) {
		idx = json_object();
		json_object_set_new(im->indexes, "tn", idx);
		for (size_t j = 0; j < im->nr; j++) {
			struct tf_res *t = &im->r[j];
			/* data sources under "data.TYPE", as referenced */
			char *k = nsp_xasprintf("%s%s\x1f%s\x1f%s",
						t->data ? "data." : "", t->type,
						t->name, t->module);
			json_t *arr = imp_member(idx, k, true);
			json_array_append_new(arr, json_integer((json_int_t)j));
			free(k);
		}
	}
	char *k = nsp_xasprintf("%s\x1f%s\x1f%s", type, name, inst);
	json_t *arr = json_object_get(idx, k);
	free(k);
	return arr;
}

/*
 * Walk references refs, seen from module names/instance inst (§2.4 step
 * 2), to a resource of type want; r is the referring resource (its key
 * picks among instances). NULL when none.
 */
static struct tf_res *walk(struct imp *im, struct tf_res *r, json_t *refs,
			   const char *names, const char *inst,
			   const char *want, const char *attr, int steps)
{
	size_t k, tl = strlen(want);
	json_t *ref;
	if (steps > 16)
		return NULL;
	json_array_foreach(refs, k, ref) {
		const char *s = json_string_value(ref);
		if (s && !strncmp(s, "var.", 4) && *names) {
			/* the module call's argument, in the parent */
			char *v = nsp_xstrndup(s + 4, strcspn(s + 4, ".["));
			char *pn = parent_of(names, false);
			char *pi = parent_of(inst, true);
			json_t *call = json_object_get(json_object_get(
				config_module(im, pn), "module_calls"),
				last_name(names));
			json_t *next = json_object_get(json_object_get(
				json_object_get(call, "expressions"), v),
				"references");
			struct tf_res *t = walk(im, r, next, pn, pi, want,
						attr, steps + 1);
			free(v);
			free(pn);
			free(pi);
			if (t)
				return t;
			continue;
		}
		if (!s || strncmp(s, want, tl) || s[tl] != '.')
			continue;
		const char *p = s + tl + 1, *e = p;
		while (*e && *e != '.' && *e != '[')
			e++;
		char *name = nsp_xstrndup(p, (size_t)(e - p));
		char *key = NULL;
		if (*e == '[') {
			const char *q = strchr(e, ']');
			if (q)
				key = nsp_xstrndup(e + 1, (size_t)(q - e - 1));
		}
		struct tf_res *only = NULL, *same = NULL, *lit = NULL;
		size_t count = 0, jj;
		json_t *ji;
		json_array_foreach(instances(im, want, name, inst), jj, ji) {
			struct tf_res *t = &im->r[json_integer_value(ji)];
			count++;
			if (!only)
				only = t;
			if (key && t->key && !strcmp(t->key, key))
				lit = t;
			if (r->key && t->key && !strcmp(t->key, r->key))
				same = t;
		}
		free(name);
		free(key);
		if (lit)
			return lit;
		if (count == 1)
			return only;
		if (same)
			return same;
		if (only) {
			imp_find(im, "IMP011", NSP_IMP_WARNING, r->loc,
				 "%s: %s has %zu candidates; took %s",
				 r->address, attr, count, only->address);
			return only;
		}
	}
	return NULL;
}

/*
 * r's resource in the configuration of its module, or NULL when the
 * configuration does not hold it.
 */
static json_t *config_resource(struct imp *im, struct tf_res *r)
{
	json_t *m = config_module(im, r->mod_nokeys), *res, *found = NULL;
	size_t i;
	char *a = nsp_xasprintf("%s.%s", r->type, r->name);
	json_array_foreach(json_object_get(m, "resources"), i, res) {
		json_t *ad = json_object_get(res, "address");
		if (json_is_string(ad) && !strcmp(json_string_value(ad), a))
			found = res;
	}
	free(a);
	return found;
}

/*
 * The expression of dotted attribute path attr in expressions e: through
 * a nested block, its first element; through an object-typed attribute
 * (Megaport `a_end`), that attribute's own expression (§2.4 step 2).
 */
static json_t *config_expr(json_t *e, const char *attr)
{
	const char *p = attr;
	while (e && *p) {
		if (json_object_get(e, "references"))
			return e;
		size_t n = strcspn(p, ".");
		char *k = nsp_xstrndup(p, n);
		e = json_object_get(e, k);
		free(k);
		if (json_is_array(e))
			e = json_array_get(e, 0);
		p += n + (p[n] == '.');
	}
	return e;
}

/* Order C strings, for qsort. */
static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/*
 * A dynamic block is not in the configuration (§2.4 step 2): start at the
 * argument of the module call that created r's module instance named like
 * attr's last segment (or ending `_<segment>`) whose walk reaches want;
 * several: the first by name, IMP011.
 */
static struct tf_res *by_module_argument(struct imp *im, struct tf_res *r,
					 const char *attr, const char *want)
{
	const char *seg = strrchr(attr, '.');
	seg = seg ? seg + 1 : attr;
	size_t sl = strlen(seg);
	char *pn = parent_of(r->mod_nokeys, false);
	char *pi = parent_of(r->module, true);
	json_t *ex = json_object_get(json_object_get(json_object_get(
		config_module(im, pn), "module_calls"), last_name(
		r->mod_nokeys)), "expressions");
	const char **names = nsp_xcalloc(json_object_size(ex) + 1,
					 sizeof(*names));
	size_t n = 0;
	const char *k;
	json_t *v;
	json_object_foreach(ex, k, v) {
		size_t kl = strlen(k);
		if (!strcmp(k, seg) || (kl > sl + 1 && k[kl - sl - 1] == '_' &&
					!strcmp(k + kl - sl, seg)))
			names[n++] = k;
	}
	qsort(names, n, sizeof(*names), cmp_str);
	struct tf_res *first = NULL;
	size_t hits = 0;
	for (size_t i = 0; i < n; i++) {
		struct tf_res *t = walk(im, r, json_object_get(json_object_get(
			ex, names[i]), "references"), pn, pi, want, attr, 1);
		if (t && !first)
			first = t;
		hits += t != NULL;
	}
	if (hits > 1)
		imp_find(im, "IMP011", NSP_IMP_WARNING, r->loc,
			 "%s: %s (a dynamic block) matches %zu module "
			 "arguments; took %s", r->address, attr, hits,
			 first->address);
	free(names);
	free(pn);
	free(pi);
	return first;
}

/*
 * Resolve attribute attr of r to a resource of type want through the
 * configuration's references (§2.4 step 2); NULL when none.
 */
struct tf_res *imp_by_config(struct imp *im, struct tf_res *r,
				const char *attr, const char *want)
{
	json_t *res = config_resource(im, r);
	json_t *ex = json_object_get(res, "expressions");
	json_t *refs = json_object_get(config_expr(ex, attr), "references");
	bool dynamic = false;
	size_t blk = strcspn(attr, ".");
	if (res && attr[blk]) {
		char *b = nsp_xstrndup(attr, blk);
		dynamic = !json_object_get(ex, b);
		free(b);
	}
	if (dynamic && *r->mod_nokeys)
		return by_module_argument(im, r, attr, want);
	return walk(im, r, refs, r->mod_nokeys, r->module, want, attr, 0);
}

/* The resource of type want whose key attribute equals v, or NULL. */
struct tf_res *imp_by_value(struct imp *im, const char *want,
			       const char *keyattr, const char *v,
			       bool last_segment)
{
	/* one index per type and key attribute, built on first use */
	char *ik = nsp_xasprintf("%s\x1f%s", want, keyattr);
	json_t *idx = json_object_get(im->indexes, ik);
	if (!idx) {
		idx = json_object();
		json_object_set_new(im->indexes, ik, idx);
		for (size_t j = 0; j < im->nr; j++) {
			struct tf_res *t = &im->r[j];
			json_t *kv = json_object_get(t->values, keyattr);
			if (strcmp(t->type, want) || !json_is_string(kv) ||
			    imp_unknown(t, keyattr))
				continue;
			char *k = last_segment ?
					  imp_last_seg(json_string_value(kv)) :
					  nsp_xstrdup(json_string_value(kv));
			if (!json_object_get(idx, k))
				json_object_set_new(idx, k,
						    json_integer((json_int_t)j));
			free(k);
		}
	}
	free(ik);
	char *k = last_segment ? imp_last_seg(v) : nsp_xstrdup(v);
	json_t *hit = json_object_get(idx, k);
	free(k);
	return hit ? &im->r[json_integer_value(hit)] : NULL;
}


/*
 * Resolve attribute attr of element idx of r's nested block through the
 * configuration (§2.4 step 2: the element of the block list with the
 * same index, or the block object itself); NULL when none.
 */
struct tf_res *imp_by_config_at(struct imp *im, struct tf_res *r,
				const char *block, size_t idx,
				const char *attr, const char *want)
{
	json_t *b = json_object_get(json_object_get(config_resource(im, r),
						    "expressions"), block);
	if (json_is_array(b))
		b = json_array_get(b, idx);
	else if (idx)
		b = NULL;
	json_t *refs = json_object_get(json_object_get(b, attr), "references");
	return walk(im, r, refs, r->mod_nokeys, r->module, want, attr, 0);
}
