/*
 * The mapping pass of IMPORT.md §5: the value rules of §2.3 and §4.2, the
 * building blocks every provider's mapping uses (circuits, imported pops,
 * routers and clouds, ids, sources, bandwidths), and the pass that hands
 * each resource to its provider (map_<provider>.c) and counts the rest.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

/* The marker (unknown or sensitive) of key in r's marker tree m. */
static bool marked(json_t *m, const char *key)
{
	if (json_is_true(m))
		return true;
	return json_is_true(json_object_get(m, key));
}

/* Whether a key names a secret (§8.1) by itself. */
static bool secret_name(const char *k)
{
	size_t n = strlen(k);
	static const char *const ends[] = {"key", "keys", "password", "secret",
					   "token"};
	for (size_t i = 0; i < 5; i++) {
		size_t e = strlen(ends[i]);
		if (n >= e && !strcasecmp(k + n - e, ends[i]))
			return true;
	}
	return false;
}

/* A known, non-secret value of r (NULL otherwise; IMP040 when secret). */
json_t *imp_val(struct imp *im, struct tf_res *r, const char *key)
{
	if (marked(r->unknown, key))
		return NULL;
	json_t *v = json_object_get(r->values, key);
	if (!v || json_is_null(v))
		return NULL;
	if (marked(r->sensitive, key) || secret_name(key)) {
		imp_find(im, "IMP040", NSP_IMP_WARNING, r->loc,
			 "%s: %s is sensitive: <redacted>, left out",
			 r->address, key);
		return NULL;
	}
	return v;
}

/* Whether key of r is unknown at plan time. */
bool imp_unknown(struct tf_res *r, const char *key)
{
	return marked(r->unknown, key);
}

const char *imp_sval(struct imp *im, struct tf_res *r, const char *key)
{
	json_t *v = imp_val(im, r, key);
	return json_is_string(v) && *json_string_value(v) ?
		       json_string_value(v) : NULL;
}

/* The last non-empty '/'-separated segment of s, in a fresh string. */
char *imp_last_seg(const char *s)
{
	const char *e = s + strlen(s);
	while (e > s && e[-1] == '/')
		e--;
	const char *b = e;
	while (b > s && b[-1] != '/')
		b--;
	return nsp_xstrndup(b, (size_t)(e - b));
}

/* Integer value v (§2.3) of key of r in lo..hi; IMP001 when unusable. */
static bool ival_of(struct imp *im, struct tf_res *r, const char *key,
		    json_t *v, long long lo, long long hi, long long *out)
{
	long long n;
	if (!v)
		return false;
	if (json_is_integer(v)) {
		n = json_integer_value(v);
	} else if (json_is_real(v) && json_real_value(v) ==
		   (double)(long long)json_real_value(v) &&
		   json_real_value(v) < 9007199254740992.0 &&
		   json_real_value(v) > -9007199254740992.0) {
		n = (long long)json_real_value(v);
	} else if (json_is_string(v)) {
		const char *s = json_string_value(v), *p = s;
		if (*p == '+' || *p == '-')
			p++;
		if (!*p || strspn(p, "0123456789") != strlen(p) ||
		    strlen(p) > 15)
			goto bad;
		n = strtoll(s, NULL, 10);
	} else {
		goto bad;
	}
	if (n < lo || n > hi)
		goto bad;
	*out = n;
	return true;
bad:
	imp_find(im, "IMP001", NSP_IMP_ERROR, r->loc,
		 "%s: %s is not a usable value (expected an integer %lld..%lld)"
		 "; left out", r->address, key, lo, hi);
	return false;
}

/* An integer value (§2.3) in lo..hi; IMP001 when there but unusable. */
bool imp_ival(struct imp *im, struct tf_res *r, const char *key,
	      long long lo, long long hi, long long *out)
{
	return ival_of(im, r, key, imp_val(im, r, key), lo, hi, out);
}

/* "terraform:ADDRESS" or "terraform:ADDRESS#ATTR" as a JSON string. */
json_t *imp_source(struct tf_res *r, const char *attr)
{
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "terraform:");
	nsp_buf_puts(&b, r->address);
	if (attr) {
		nsp_buf_putc(&b, '#');
		nsp_buf_puts(&b, attr);
	}
	json_t *j = json_stringn(b.s, b.len);
	nsp_buf_free(&b);
	return j;
}

/* NS/slug(v) as a fresh id. */
char *imp_ns_id(const char *ns, const char *v)
{
	struct nsp_buf b = {0};
	nsp_buf_printf(&b, "%s/", ns);
	nsp_imp_slug(&b, v);
	if (b.len > 64) {
		/* the first 55, '-', and the hash of the raw value (§3.2) */
		b.len = 55;
		b.s[55] = '\0';
		nsp_buf_printf(&b, "-%08x", nsp_imp_fnv1a(v, strlen(v)));
	}
	return nsp_buf_detach(&b);
}

/* base + "/" + suffix. */
char *imp_sub_id(const char *base, const char *suffix)
{
	struct nsp_buf b = {0};
	nsp_buf_printf(&b, "%s/%s", base, suffix);
	return imp_fit_id(nsp_buf_detach(&b));
}

/* The index key of id in list. */
static char *idx_key(const char *list, const char *id)
{
	return nsp_xasprintf("%s\x1f%s", list, id);
}

json_t *imp_member(json_t *o, const char *key, bool array)
{
	json_t *m = json_object_get(o, key);
	if (!m) {
		m = array ? json_array() : json_object();
		json_object_set_new(o, key, m);
	}
	return m;
}

json_t *imp_elem(json_t *design, const char *list, const char *id)
{
	char *k = idx_key(list, id);
	json_t *e = json_object_get(json_object_get(design, IMP_IDX), k);
	free(k);
	return e;
}

void imp_elem_forget(json_t *design, const char *list, const char *id)
{
	char *k = idx_key(list, id);
	json_object_del(json_object_get(design, IMP_IDX), k);
	free(k);
}

json_t *imp_elem_add(json_t *design, const char *list, const char *id,
		     bool *added)
{
	json_t *e = imp_elem(design, list, id);
	*added = !e;
	if (e)
		return e;
	json_t *arr = imp_member(design, list, true);
	json_t *idx = imp_member(design, IMP_IDX, false);
	e = json_object();
	json_object_set_new(e, "id", json_string(id));
	json_array_append_new(arr, e);
	char *k = idx_key(list, id);
	json_object_set(idx, k, e);
	free(k);
	return e;
}

void imp_default(json_t *e, const char *path)
{
	json_t *d = imp_member(e, IMP_DEF, true);
	json_array_append_new(d, json_string(path));
}

bool imp_is_default(json_t *e, const char *path)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(e, IMP_DEF), i, v)
		if (!strcmp(json_string_value(v), path))
			return true;
	return false;
}

/* Add an imported element (pop, router, cloud) once; returns it. */
json_t *imp_imported(struct imp *im, const char *list, const char *id,
		     json_t *src, bool placeholder)
{
	bool added;
	json_t *e = imp_elem_add(im->design, list, id, &added);
	if (added) {
		/* located at the resource its source names */
		const char *s = json_string_value(src) + 10;
		char *a = nsp_xstrndup(s, strcspn(s, "#"));
		json_t *ix = json_object_get(im->by_addr, a);
		free(a);
		if (ix) {
			struct tf_res *r = &im->r[json_integer_value(ix)];
			json_object_set_new(e, "\x01" "at", json_pack(
				"{s:i,s:i}", "l", (json_int_t)r->loc.line, "c",
				(json_int_t)r->loc.col));
		}
		json_object_set_new(e, "source", src);
		json_object_set_new(e, IMP_IMP, json_true());
		if (placeholder)
			json_object_set_new(e, IMP_PH, json_true());
	} else {
		json_decref(src);
	}
	return e;
}

/* Parse "<n>Mbps"/"<n>Gbps" or Google's "BPS_<n>M|G"; 0 when not. */
uint64_t imp_parse_bw(const char *s)
{
	double n;
	char unit = 0;
	int used = 0;
	if (!strncmp(s, "BPS_", 4)) {
		if (sscanf(s + 4, "%lf%c%n", &n, &unit, &used) != 2 ||
		    s[4 + used] || n <= 0)
			return 0;
	} else {
		char rest[8] = "";
		if (sscanf(s, "%lf %c%7s", &n, &unit, rest) != 3 ||
		    strcasecmp(rest, "bps") || n <= 0)
			return 0;
	}
	unit = (char)toupper((unsigned char)unit);
	if (unit == 'G')
		n *= 1000;
	else if (unit != 'M')
		return 0;
	return n < 1e12 ? (uint64_t)n : 0;
}

/* Set bandwidth_mbps of circuit c from string attr of r; IMP001 if bad. */
void imp_set_bw(struct imp *im, json_t *c, struct tf_res *r,
		const char *attr)
{
	json_t *v = imp_val(im, r, attr);
	if (!v)
		return;
	uint64_t bw = json_is_string(v) ? imp_parse_bw(json_string_value(v)) : 0;
	if (!bw) {
		imp_find(im, "IMP001", NSP_IMP_ERROR, r->loc,
			 "%s: %s is not a bandwidth; left out", r->address,
			 attr);
		return;
	}
	json_object_set_new(c, "bandwidth_mbps", json_integer((json_int_t)bw));
}

/* Whether s is ADDR/LEN with an IPv4 or IPv6 address. */
bool imp_cidr_like(const char *s)
{
	return strchr(s, '/') && strspn(s, "0123456789abcdefABCDEF.:/") ==
					 strlen(s);
}

/* The address part of s (before '/'). */
json_t *imp_addr_part(const char *s)
{
	const char *sl = strchr(s, '/');
	size_t n = sl ? (size_t)(sl - s) : strlen(s);
	char *a = nsp_xstrndup(s, n);
	json_t *j = json_string(a);
	free(a);
	return j;
}

/* The bgp mapping of circuit c, created on first use. */
json_t *imp_bgp_of(json_t *c)
{
	return imp_member(c, "bgp", false);
}

/* The circuit of resource r (with PART part), added to the design. */
json_t *imp_circuit(struct imp *im, struct tf_res *r)
{
	bool added;
	json_t *c = imp_elem_add(im->design, "circuits", r->id, &added);
	json_object_set_new(c, "source", imp_source(r, NULL));
	json_object_set_new(c, "\x01" "at",
			    json_pack("{s:i,s:i}", "l", (json_int_t)r->loc.line,
				      "c", (json_int_t)r->loc.col));
	r->used = true;
	im->imported++;
	return c;
}

/* Set z of c to router id, with an optional port. */
void imp_set_z(json_t *c, const char *router, const char *port, bool def)
{
	json_t *z = json_object();
	json_object_set_new(z, "router", json_string(router));
	if (port)
		json_object_set_new(z, "port", json_string(port));
	json_object_set_new(c, "z", z);
	if (def)
		imp_default(c, "z.router");
}

/* An edge router id in pop for cloud, placeholder or not. */
void imp_edge_router(struct imp *im, const char *id, json_t *src,
		     const char *pop, const char *cloud, bool ph)
{
	json_t *e = imp_imported(im, "routers", id, src, ph);
	if (!json_object_get(e, "role")) {
		json_object_set_new(e, "role", json_string("edge"));
		json_object_set_new(e, "pop", json_string(pop));
		json_object_set_new(e, "cloud", json_string(cloud));
		if (ph)
			imp_default(e, "pop");
	}
}

/* A fallback cloud (§4.1) of provider prov named id. */
void imp_fallback_cloud(struct imp *im, const char *id, json_t *src)
{
	json_t *e = imp_imported(im, "clouds", id, src, false);
	if (!json_object_get(e, "provider")) {
		json_object_set_new(e, "provider", json_string(id));
		imp_default(e, "provider");
	}
}

json_t *imp_of_type(struct imp *im, const char *type)
{
	char *k = nsp_xasprintf("t\x1f%s", type);
	json_t *l = json_object_get(im->indexes, k);
	if (!l) {
		l = json_array();
		for (size_t i = 0; i < im->nr; i++)
			if (!strcmp(im->r[i].type, type))
				json_array_append_new(l, json_integer(
					(json_int_t)i));
		json_object_set_new(im->indexes, k, l);
	}
	free(k);
	return l;
}

/* Step into s of v: an object's member, through a list's first element. */
static json_t *step(json_t *v, const char *s, size_t n)
{
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (!json_is_object(v))
		return NULL;
	char *k = nsp_xstrndup(s, n);
	json_t *r = json_object_get(v, k);
	free(k);
	return r;
}

/* Whether the marker tree m marks dotted path p (or an ancestor). */
static bool marked_path(json_t *m, const char *p)
{
	while (m) {
		if (json_is_true(m))
			return true;
		if (!*p)
			return false;
		size_t n = strcspn(p, ".");
		m = step(m, p, n);
		p += n + (p[n] == '.');
	}
	return false;
}

json_t *imp_raw(struct tf_res *r, const char *path)
{
	if (marked_path(r->unknown, path))
		return NULL;
	json_t *v = r->values;
	const char *p = path;
	while (v && *p) {
		size_t n = strcspn(p, ".");
		v = step(v, p, n);
		p += n + (p[n] == '.');
	}
	if (json_is_array(v) && json_array_size(v) == 1 &&
	    json_is_object(json_array_get(v, 0)))
		v = json_array_get(v, 0);
	return json_is_null(v) ? NULL : v;
}

bool imp_punknown(struct tf_res *r, const char *path)
{
	return marked_path(r->unknown, path);
}

json_t *imp_pval(struct imp *im, struct tf_res *r, const char *path)
{
	json_t *v = imp_raw(r, path);
	if (!v)
		return NULL;
	bool secret = marked_path(r->sensitive, path);
	char *dup = nsp_xstrdup(path), *save = NULL;
	for (char *t = strtok_r(dup, ".", &save); t && !secret;
	     t = strtok_r(NULL, ".", &save))
		secret = secret_name(t) || !strcasecmp(t, "additional_info");
	free(dup);
	if (secret) {
		imp_find(im, "IMP040", NSP_IMP_WARNING, r->loc,
			 "%s: %s is sensitive: <redacted>, left out",
			 r->address, path);
		return NULL;
	}
	return v;
}

const char *imp_psval(struct imp *im, struct tf_res *r, const char *path)
{
	json_t *v = imp_pval(im, r, path);
	return json_is_string(v) && *json_string_value(v) ?
		       json_string_value(v) : NULL;
}

bool imp_pival(struct imp *im, struct tf_res *r, const char *path,
	       long long lo, long long hi, long long *out)
{
	return ival_of(im, r, path, imp_pval(im, r, path), lo, hi, out);
}

/* Where e was given (its "\x01at"), else 1:1; see imp_int.h. */
struct nsp_loc imp_at_loc(json_t *e)
{
	json_t *at = json_object_get(e, "\x01" "at");
	struct nsp_loc loc = {1, 1};
	if (at) {
		loc.line = (uint32_t)json_integer_value(json_object_get(at, "l"));
		loc.col = (uint32_t)json_integer_value(json_object_get(at, "c"));
	}
	return loc;
}

void imp_z_cloud(json_t *c, const char *cloud)
{
	json_object_set_new(c, "\x01" "cloud", json_string(cloud));
}

/*
 * A device serving circuits of several clouds becomes one router per
 * cloud, `<device id>/<cloud id>` (§4.1, IMP051); a device serving one
 * cloud takes that cloud (a partner port joined to its cloud's circuit).
 */
static void split_clouds(struct imp *im)
{
	json_t *by = json_object(), *c, *v;
	size_t i;
	const char *k;
	json_array_foreach(json_object_get(im->design, "circuits"), i, c) {
		const char *cl = json_string_value(json_object_get(c,
							"\x01" "cloud"));
		const char *zr = json_string_value(json_object_get(
			json_object_get(c, "z"), "router"));
		if (!cl || !zr)
			continue;
		json_t *m = imp_member(by, zr, false);
		json_t *l = imp_member(m, cl, true);
		json_array_append(l, c);
	}
	json_object_foreach(by, k, v) {
		json_t *dev = imp_elem(im->design, "routers", k);
		if (!dev || !json_is_true(json_object_get(dev, IMP_IMP)))
			continue;
		const char *cl;
		json_t *l;
		if (json_object_size(v) == 1) {
			json_object_foreach(v, cl, l)
				json_object_set_new(dev, "cloud", json_string(cl));
			continue;
		}
		struct nsp_buf b = {0};
		json_object_foreach(v, cl, l)
			nsp_buf_printf(&b, "%s%s", b.len ? ", " : "", cl);
		imp_find(im, "IMP051", NSP_IMP_INFO, imp_at_loc(dev),
			 "device '%s' serves %zu clouds (%s): one router per "
			 "cloud", k, json_object_size(v), b.s);
		nsp_buf_free(&b);
		json_t *copy = json_deep_copy(dev);
		json_object_foreach(v, cl, l) {
			char *id = imp_sub_id(k, cl);
			bool added;
			json_t *e = imp_elem_add(im->design, "routers", id, &added);
			if (added) {
				json_object_update(e, copy);
				json_object_set_new(e, "id", json_string(id));
				json_object_set_new(e, "cloud", json_string(cl));
				/* an AWS device hands each cloud to its gateway */
				if (json_object_get(e, "gateway"))
					json_object_set_new(e, "gateway",
							    json_string(cl));
			}
			size_t j;
			json_t *cc;
			json_array_foreach(l, j, cc)
				json_object_set_new(json_object_get(cc, "z"),
						    "router", json_string(id));
			free(id);
		}
		json_decref(copy);
	}
	json_decref(by);
}

void imp_provider_pref(json_t *c, const char *attr, long long v)
{
	json_object_set_new(c, "\x01" "pref", json_pack("{s:s,s:I}", "a", attr,
							"v", (json_int_t)v));
}

/*
 * What the provider sends (Google advertised_route_priority, Megaport
 * med_in) has no FORMAT field: IMP041 where it differs between the
 * circuits of one cloud (§4.3), at the first of them.
 */
static void provider_prefs(struct imp *im)
{
	json_t *by = json_object(), *c, *v;
	size_t i;
	const char *k;
	json_array_foreach(json_object_get(im->design, "circuits"), i, c) {
		const char *cl = json_string_value(json_object_get(c,
							"\x01" "cloud"));
		json_t *p = json_object_get(c, "\x01" "pref");
		if (!cl || !p)
			continue;
		json_t *l = imp_member(by, cl, true);
		json_array_append(l, c);
	}
	json_object_foreach(by, k, v) {
		bool differ = false;
		json_t *first = json_object_get(json_array_get(v, 0), "\x01" "pref");
		json_array_foreach(v, i, c)
			differ |= !json_equal(json_object_get(c, "\x01" "pref"),
					      first);
		if (!differ)
			continue;
		struct nsp_buf b = {0};
		json_array_foreach(v, i, c) {
			json_t *p = json_object_get(c, "\x01" "pref");
			nsp_buf_printf(&b, "%s%s %s %lld", i ? ", " : "",
				       json_string_value(json_object_get(c, "id")),
				       json_string_value(json_object_get(p, "a")),
				       (long long)json_integer_value(
					       json_object_get(p, "v")));
		}
		imp_find(im, "IMP041", NSP_IMP_INFO,
			 imp_at_loc(json_array_get(v, 0)), "the provider ranks "
			 "the circuits of cloud '%s' differently (%s), which the "
			 "design cannot hold; give the intended preference in "
			 "the overlay (local_pref or role)", k, b.s);
		nsp_buf_free(&b);
	}
	json_decref(by);
}

/* The providers of §5 this importer maps. */
static const struct imp_provider *const providers[] = {
	&imp_aws,
	&imp_gcp,
	&imp_azure,
	&imp_ibm,
	&imp_alibaba,
	&imp_oracle,
	&imp_megaport,
	&imp_equinix,
};
#define NPROV (sizeof(providers) / sizeof(providers[0]))

/* Whether t is in the NULL-terminated list l. */
static bool in_list(const char *const *l, const char *t)
{
	for (; l && *l; l++)
		if (!strcmp(*l, t))
			return true;
	return false;
}

/* Order resources by address, so the output depends on content only. */
static int cmp_res(const void *a, const void *b)
{
	return strcmp(((const struct tf_res *)a)->address,
		      ((const struct tf_res *)b)->address);
}

/* Order C strings, for qsort. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void imp_map(struct imp *im)
{
	if (im->nr)
		qsort(im->r, im->nr, sizeof(*im->r), cmp_res);
	im->by_addr = json_object();
	im->indexes = json_object();
	for (size_t i = 0; i < im->nr; i++)
		json_object_set_new(im->by_addr, im->r[i].address,
				    json_integer((json_int_t)i));
	for (size_t i = 0; i < im->nr; i++) {
		struct tf_res *r = &im->r[i];
		if (r->data)
			continue;
		for (size_t p = 0; p < NPROV; p++)
			if (in_list(providers[p]->maps, r->type)) {
				providers[p]->map(im, r);
				break;
			}
	}
	imp_joins(im);
	split_clouds(im);
	provider_prefs(im);
	/* helpers that fed something count as imported; the rest: IMP030/31 */
	json_t *types = json_object();
	for (size_t i = 0; i < im->nr; i++) {
		struct tf_res *r = &im->r[i];
		if (r->data)
			continue;
		const struct imp_provider *hp = NULL;
		bool mapped = false;
		for (size_t p = 0; p < NPROV; p++) {
			if (!hp && in_list(providers[p]->helpers, r->type))
				hp = providers[p];
			mapped = mapped || in_list(providers[p]->maps, r->type);
		}
		if (hp && !mapped) {
			if (r->used)
				im->imported++;
			else if (hp->unused)
				hp->unused(im, r);
			continue;
		}
		/* a mapped type left out said why itself (IMP031) */
		if (r->used || mapped)
			continue;
		json_t *n = json_object_get(types, r->type);
		json_object_set_new(types, r->type,
				    json_integer(n ? json_integer_value(n) + 1
						   : 1));
		im->unmapped++;
	}
	im->unmapped_types = json_object_size(types);
	if (im->unmapped) {
		const char **keys = nsp_xcalloc(im->unmapped_types,
						sizeof(*keys));
		const char *k;
		json_t *v;
		size_t n = 0;
		json_object_foreach(types, k, v)
			keys[n++] = k;
		qsort(keys, n, sizeof(*keys), cmp_str);
		struct nsp_buf b = {0};
		for (size_t i = 0; i < n; i++)
			nsp_buf_printf(&b, "%s%s (%lld)", i ? ", " : "", keys[i],
				       (long long)json_integer_value(
					       json_object_get(types, keys[i])));
		imp_find(im, "IMP030", NSP_IMP_INFO, (struct nsp_loc){1, 1},
			 "%zu resource%s of types not imported: %s",
			 im->unmapped, im->unmapped == 1 ? "" : "s", b.s);
		nsp_buf_free(&b);
		free(keys);
	}
	json_decref(types);
}
