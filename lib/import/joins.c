/*
 * The exchange-to-cloud joins of IMPORT.md §5.9: a Megaport VXC or Equinix
 * connection whose far end resolved to a cloud resource of the same plan
 * (marked "\x01join" by its mapping) becomes part of that resource's
 * circuit, which keeps its id and fields and takes the exchange side's
 * a-end, tags, BGP, bandwidth and, for a Megaport partner port, its device.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

/* Drop path from element e's defaults. */
static void undefault(json_t *e, const char *path)
{
	json_t *d = json_object_get(e, IMP_DEF), *v;
	size_t i;
	json_array_foreach(d, i, v)
		if (!strcmp(json_string_value(v), path)) {
			json_array_remove(d, i);
			return;
		}
}

/* Fill the fields of mapping to that it lacks from from. */
static void fill(json_t *to, json_t *from)
{
	const char *k;
	json_t *v;
	json_object_foreach(from, k, v) {
		json_t *o = json_object_get(to, k);
		if (k[0] == '\x01')
			continue;
		if (!o)
			json_object_set(to, k, v);
		else if (json_is_object(o) && json_is_object(v))
			fill(o, v);
	}
}

/* The edge domain number of a circuit ("\x01edn"), or 0. */
static int edn_of(json_t *c)
{
	return (int)json_integer_value(json_object_get(c, "\x01" "edn"));
}

/*
 * The exchange side's edge domain ex on the cloud side's own device: a
 * Google availability-domain PoP `gcp-ead/<region>/<n>` becomes the one of
 * domain ex, so both sides' circuits meet in one PoP. Whether done.
 */
static bool repoint(struct imp *im, json_t *c, int ex)
{
	const char *zr = json_string_value(json_object_get(
		json_object_get(c, "z"), "router"));
	json_t *dev = zr ? imp_elem(im->design, "routers", zr) : NULL;
	const char *pop = json_string_value(json_object_get(dev, "pop"));
	json_t *old = pop ? imp_elem(im->design, "pops", pop) : NULL;
	const char *ed = json_string_value(json_object_get(old, "edge_domain"));
	const char *sl = pop ? strrchr(pop, '/') : NULL;
	if (!old || !ed || strncmp(pop, "gcp-ead/", 8) || !sl)
		return false;
	char *id = nsp_xasprintf("%.*s/%d", (int)(sl - pop), pop, ex);
	size_t n = strlen(ed);
	while (n && ed[n - 1] >= '0' && ed[n - 1] <= '9')
		n--;
	char *dom = nsp_xasprintf("%.*s%d", (int)n, ed, ex);
	json_t *p = imp_imported(im, "pops", id, json_copy(json_object_get(
		old, "source")), false);
	json_object_set_new(p, "edge_domain", json_string(dom));
	json_object_set_new(dev, "pop", json_string(id));
	free(id);
	free(dom);
	return true;
}

/*
 * The resource of type want whose attribute key equals r's value at path
 * (compared in memory: keys are secrets), else the one path references;
 * NULL when none.
 */
struct tf_res *imp_join_by(struct imp *im, struct tf_res *r,
			   const char *path, const char *want, const char *key)
{
	json_t *k = imp_raw(r, path), *ix;
	size_t i;
	json_array_foreach(imp_of_type(im, want), i, ix) {
		struct tf_res *t = &im->r[json_integer_value(ix)];
		json_t *v = imp_raw(t, key);
		if (json_is_string(k) && json_is_string(v) && json_equal(v, k))
			return t;
	}
	return k ? NULL : imp_by_config(im, r, path, want);
}

/* Join exchange circuit x into cloud circuit c (§5.9). */
static void join(struct imp *im, json_t *x, json_t *c, struct tf_res *xr,
		 struct tf_res *cr)
{
	json_t *a = json_object_get(x, "a");
	if (a) {
		json_object_set(c, "a", a);
		if (!json_object_get(a, "router") &&
		    json_object_get(x, "vlan"))
			json_object_set(c, "vlan", json_object_get(x, "vlan"));
	}
	size_t i;
	json_t *t;
	json_array_foreach(json_object_get(x, "srlg"), i, t) {
		json_t *s = json_object_get(c, "srlg");
		if (!s)
			json_object_set_new(c, "srlg", s = json_array());
		size_t j;
		json_t *u;
		bool have = false;
		json_array_foreach(s, j, u)
			have |= json_equal(t, u);
		if (!have)
			json_array_append(s, t);
	}
	json_t *xb = json_object_get(x, "bgp");
	if (xb)
		fill(imp_bgp_of(c), xb);
	if (!json_object_get(c, "\x01" "pref") &&
	    json_object_get(x, "\x01" "pref"))
		json_object_set(c, "\x01" "pref", json_object_get(x, "\x01" "pref"));
	if (!json_object_get(c, "carrier") && json_object_get(x, "carrier"))
		json_object_set(c, "carrier", json_object_get(x, "carrier"));
	json_t *bx = json_object_get(x, "bandwidth_mbps");
	json_t *bc = json_object_get(c, "bandwidth_mbps");
	if (bx && (!bc || json_integer_value(bx) < json_integer_value(bc)))
		json_object_set(c, "bandwidth_mbps", bx);
	/* the exchange side's device: a partner port, or where they disagree */
	int ex = edn_of(x), cl = edn_of(c);
	bool differ = ex && cl && ex != cl;
	if (differ)
		imp_find(im, "IMP043", NSP_IMP_WARNING, xr->loc,
			 "%s: exchange side and cloud side disagree on the edge "
			 "domain (zone %d at the exchange, %d at %s); the "
			 "exchange side is used", xr->address, ex, cl,
			 cr->address);
	bool xz = json_is_true(json_object_get(x, "\x01" "xz"));
	if (differ && !xz && repoint(im, c, ex))
		return;
	if ((xz && imp_is_default(c, "z.router")) || differ) {
		json_object_set(c, "z", json_object_get(x, "z"));
		if (!imp_is_default(x, "z.router"))
			undefault(c, "z.router");
		else if (!imp_is_default(c, "z.router"))
			imp_default(c, "z.router");
	}
}

void imp_joins(struct imp *im)
{
	json_t *arr = json_object_get(im->design, "circuits"), *x;
	for (size_t i = json_array_size(arr); i-- > 0;) {
		x = json_array_get(arr, i);
		const char *to = json_string_value(json_object_get(x,
							"\x01" "join"));
		if (!to)
			continue;
		json_t *ix = json_object_get(im->by_addr, to);
		struct tf_res *cr = ix ? &im->r[json_integer_value(ix)] : NULL;
		/* a part: an ExpressRoute link, an OCI mapping (§3.1 PART) */
		const char *part = json_string_value(json_object_get(x,
							"\x01" "jpart"));
		char *cid = !cr ? NULL : part ? nsp_imp_address_id(cr->address,
			part) : nsp_xstrdup(cr->id);
		json_t *c = cid ? imp_elem(im->design, "circuits", cid) : NULL;
		free(cid);
		const char *src = json_string_value(json_object_get(x, "source"));
		json_t *xi = src ? json_object_get(im->by_addr, src + 10) : NULL;
		if (!c || !xi || c == x)
			continue;
		join(im, x, c, &im->r[json_integer_value(xi)], cr);
		imp_elem_forget(im->design, "circuits", json_string_value(
			json_object_get(x, "id")));
		json_array_remove(arr, i);
	}
}
