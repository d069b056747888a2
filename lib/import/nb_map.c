/*
 * The NetBox mapping of IMPORT.md §6.4: circuits that pass the filters and
 * statuses of §6.2, each end traced (§6.3), the end reaching a device
 * becoming the CPE side (router, port, site) and the other the provider
 * side (placeholder edge router, PoP at its site or placeholder, cloud of
 * the provider or provider network), with bandwidth, carrier, srlg tags,
 * role from circuit groups, and the import findings IMP001, IMP070,
 * IMP071 and IMP080.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nb_int.h"

/* One circuit being mapped: its terminations, their traces. */
struct nbc {
	json_t *c;
	json_int_t id;
	json_t *term[2];      /* A, Z */
	struct nb_end end[2];
	int dev;              /* the side reaching a device, -1: none */
	json_t *device;       /* that device, or NULL */
};

/* A nested object's string field (o.k), or NULL. */
static const char *sget(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s && *s ? s : NULL;
}

/* A choice field's value: {"value": v, ...} or a bare string. */
static const char *choice(json_t *v)
{
	if (json_is_object(v))
		v = json_object_get(v, "value");
	return json_string_value(v);
}

/* Whether s is one of the n strings of v. */
static bool any_of(const char *s, const char **v, size_t n)
{
	for (size_t i = 0; s && i < n; i++)
		if (!strcmp(s, v[i]))
			return true;
	return false;
}

bool nb_filter_circuit(const struct nsp_nb_filters *f, json_t *c)
{
	if (!f)
		return true;
	if (f->ntenant && !any_of(sget(json_object_get(c, "tenant"), "slug"),
				  f->tenant, f->ntenant))
		return false;
	if (f->nprovider &&
	    !any_of(sget(json_object_get(c, "provider"), "slug"), f->provider,
		    f->nprovider))
		return false;
	if (f->ntag) {
		bool hit = false;
		size_t i;
		json_t *t;
		json_array_foreach(json_object_get(c, "tags"), i, t)
			hit |= any_of(sget(t, "slug"), f->tag, f->ntag);
		if (!hit)
			return false;
	}
	return true;
}

/* The ids of ep in increasing order (n of them). */
static json_int_t *sorted_ids(struct nb_store *s, enum nb_ep ep, size_t *n)
{
	*n = json_object_size(s->objs[ep]);
	json_int_t *v = nsp_xcalloc(*n + 1, sizeof(*v));
	size_t i = 0;
	const char *k;
	json_t *o;
	json_object_foreach(s->objs[ep], k, o)
		v[i++] = nb_id(o);
	for (size_t a = 1; a < *n; a++)
		for (size_t b = a; b > 0 && v[b - 1] > v[b]; b--) {
			json_int_t t = v[b];
			v[b] = v[b - 1];
			v[b - 1] = t;
		}
	return v;
}

/* "netbox:" and the object's url without user information or query. */
static json_t *source(json_t *o, enum nb_ep ep)
{
	const char *u = sget(o, "url");
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "netbox:");
	if (!u) {
		nsp_buf_printf(&b, "%s/%lld", nb_eps[ep].name,
			       (long long)nb_id(o));
	} else {
		const char *sch = strstr(u, "://");
		const char *host = sch ? sch + 3 : u;
		const char *end = host + strcspn(host, "/?#");
		const char *at = memchr(host, '@', (size_t)(end - host));
		nsp_buf_add(&b, u, (size_t)(host - u));
		const char *rest = at ? at + 1 : host;
		nsp_buf_add(&b, rest, strcspn(rest, "?#"));
	}
	if (b.len > 1024)
		b.s[b.len = 1024] = '\0';
	char *s = nsp_buf_detach(&b);
	json_t *j = json_string(s);
	free(s);
	return j;
}

/* The site (nested) a termination is at, or NULL (3.x and 4.2 shapes). */
static json_t *term_site(struct nb_store *s, json_t *t)
{
	json_t *site = json_object_get(t, "site");
	if (json_is_object(site))
		return site;
	const char *type = sget(t, "termination_type");
	json_int_t tid = nb_id(json_object_get(t, "termination_id"));
	if (type && !strcmp(type, "dcim.site"))
		return json_object_get(t, "termination");
	if (type && !strcmp(type, "dcim.location")) {
		json_t *loc = nb_get(s, NB_LOCATIONS, tid);
		return loc ? json_object_get(loc, "site") : NULL;
	}
	return NULL;
}

/* The provider network (nested) a termination is at, or NULL. */
static json_t *term_pnet(json_t *t)
{
	json_t *pn = json_object_get(t, "provider_network");
	if (json_is_object(pn))
		return pn;
	const char *type = sget(t, "termination_type");
	if (type && !strcmp(type, "circuits.providernetwork"))
		return json_object_get(t, "termination");
	return NULL;
}

/* The device an interface belongs to (from devices), or NULL. */
static json_t *device_of(struct nb_store *s, json_t *iface)
{
	return nb_get(s, NB_DEVICES, nb_id(json_object_get(iface, "device")));
}

/* Whether circuit x passes --site: a termination's or device's site. */
static bool site_ok(struct nbi *nb, struct nbc *x)
{
	const struct nsp_nb_filters *f = nb->flt;
	if (!f || !f->nsite)
		return true;
	for (int i = 0; i < 2; i++) {
		if (any_of(sget(term_site(&nb->s, x->term[i]), "slug"),
			   f->site, f->nsite))
			return true;
	}
	return x->device && any_of(sget(json_object_get(x->device, "site"),
					"slug"), f->site, f->nsite);
}

/* The most active priority of circuit c in its groups, or NULL. */
static const char *priority(struct nb_store *s, json_t *c)
{
	static const char *const rank[] = {"primary", "secondary", "tertiary",
					   "inactive"};
	int best = 4;
	json_t *all = json_array(), *g;
	size_t i;
	json_array_extend(all, json_object_get(c, "assignments"));
	const char *k;
	json_object_foreach(s->objs[NB_GROUPS], k, g) {
		const char *mt = sget(g, "member_type");
		json_int_t mid = mt && !strcmp(mt, "circuits.circuit") ?
			nb_id(json_object_get(g, "member_id")) :
			nb_id(json_object_get(g, "circuit"));
		if (mid == nb_id(c) && !json_object_get(c, "assignments"))
			json_array_append(all, g);
	}
	json_array_foreach(all, i, g) {
		const char *p = choice(json_object_get(g, "priority"));
		for (int r = 0; p && r < 4; r++)
			if (!strcmp(p, rank[r]) && r < best)
				best = r;
	}
	json_decref(all);
	return best < 4 ? rank[best] : NULL;
}

/* kbit/s v of field of ep/id as Mbit/s (§4.2); 0 when unusable. */
static json_int_t mbps(struct nbi *nb, enum nb_ep ep, json_int_t id,
		       const char *what, json_t *v)
{
	if (!json_is_integer(v) || json_integer_value(v) <= 0 ||
	    json_integer_value(v) > 4000000000000LL) {
		nb_find(nb, ep, id, "IMP001", NSP_IMP_ERROR, "%s %lld: %s is "
			"not a usable speed (kbit/s); left out", nb_eps[ep].name,
			(long long)id, what);
		return 0;
	}
	json_int_t k = json_integer_value(v);
	if (k < 1000)
		nb_find(nb, ep, id, "IMP080", NSP_IMP_INFO, "%s %lld: %s %lld "
			"kbit/s rounded up to 1 Mbit/s", nb_eps[ep].name,
			(long long)id, what, (long long)k);
	return k < 1000 ? 1 : k / 1000;
}

/* The bandwidth of a circuit: commit rate, else its smallest speed. */
static json_int_t bandwidth(struct nbi *nb, struct nbc *x)
{
	json_t *cr = json_object_get(x->c, "commit_rate");
	if (cr && !json_is_null(cr))
		return mbps(nb, NB_CIRCUITS, x->id, "commit_rate", cr);
	json_int_t best = 0;
	static const char *const f[] = {"port_speed", "upstream_speed"};
	for (int i = 0; i < 2; i++)
		for (int k = 0; x->term[i] && k < 2; k++) {
			json_t *v = json_object_get(x->term[i], f[k]);
			if (!v || json_is_null(v))
				continue;
			json_int_t m = mbps(nb, NB_TERMS, nb_id(x->term[i]),
					    f[k], v);
			if (m && (!best || m < best))
				best = m;
		}
	return best;
}

/* Add "srlg-X" tags of o (X) to the set arr. */
static void srlg_tags(json_t *arr, json_t *o)
{
	size_t i, j;
	json_t *t, *y;
	json_array_foreach(json_object_get(o, "tags"), i, t) {
		const char *s = sget(t, "slug");
		if (!s || strncmp(s, "srlg-", 5) || !s[5])
			continue;
		bool have = false;
		json_array_foreach(arr, j, y)
			have |= !strcmp(json_string_value(y), s + 5);
		if (!have)
			json_array_append_new(arr, json_string(s + 5));
	}
}

/* Get or add element id of list with source src (stolen) and at. */
static json_t *element(struct nbi *nb, const char *list, const char *id,
		       json_t *src, json_t *at, bool ph)
{
	bool added;
	json_t *e = imp_elem_add(nb->im.design, list, id, &added);
	if (!added) {
		json_decref(src);
		json_decref(at);
		return e;
	}
	json_object_set_new(e, "source", src);
	json_object_set_new(e, "\x01" "at", at);
	if (strcmp(list, "sites"))
		json_object_set_new(e, IMP_IMP, json_true());
	if (ph)
		json_object_set_new(e, IMP_PH, json_true());
	return e;
}

/* The router id of device d (§6.4): slug of its name, unique. */
static char *device_id(json_t *dev_slugs, json_t *d)
{
	const char *name = sget(d, "name");
	char num[32];
	snprintf(num, sizeof(num), "%lld", (long long)nb_id(d));
	if (!name) {
		const char *v[] = {num};
		return imp_ns_idv("nb-dev", v, 1);
	}
	char *base = imp_ns_idv("nb-dev", (const char *[]){name}, 1);
	if (json_integer_value(json_object_get(dev_slugs, base)) < 2)
		return base;
	char *id = imp_fit_id(nsp_xasprintf("%s-%s", base, num));
	free(base);
	return id;
}

/* The customer side: router, site, the circuit's a end and mtu. */
static void map_cpe(struct nbi *nb, struct nbc *x, json_t *c, json_t *slugs)
{
	struct nb_store *s = &nb->s;
	json_t *d = x->device, *iface = x->end[x->dev].iface;
	char *rid = device_id(slugs, d);
	json_t *r = element(nb, "routers", rid, source(d, NB_DEVICES),
			    nb_at(nb, NB_DEVICES, nb_id(d)), false);
	json_object_set_new(r, "role", json_string("cpe"));
	json_t *ds = json_object_get(d, "site");
	json_t *site = nb_get(s, NB_SITES, nb_id(ds));
	const char *ss = sget(site ? site : ds, "slug");
	if (ss) {
		char *sid = imp_ns_idv("nb-site", &ss, 1);
		json_t *se = element(nb, "sites", sid, source(site ? site : ds,
							      NB_SITES),
				     nb_at(nb, NB_SITES, nb_id(ds)), false);
		const char *reg = sget(json_object_get(site, "region"), "slug");
		if (reg && !json_object_get(se, "region"))
			json_object_set_new(se, "region", json_string(reg));
		json_object_set_new(r, "site", json_string(sid));
		free(sid);
	}
	json_t *a = json_pack("{s:s}", "router", rid);
	const char *port = sget(iface, "name");
	if (port)
		json_object_set_new(a, "port", json_string(port));
	json_object_set_new(c, "a", a);
	json_t *mtu = json_object_get(iface, "mtu");
	if (json_is_integer(mtu) && json_integer_value(mtu) >= 68 &&
	    json_integer_value(mtu) <= 65535)
		json_object_set(c, "mtu", mtu);
	else if (mtu && !json_is_null(mtu))
		nb_find(nb, NB_IFACES, nb_id(iface), "IMP001", NSP_IMP_ERROR,
			"interface %lld: mtu is not a usable value (expected "
			"68..65535); left out", (long long)nb_id(iface));
	free(rid);
}

/* The provider side: placeholder edge router in its PoP, its cloud. */
static void map_edge(struct nbi *nb, struct nbc *x, json_t *c,
		     const char *cid)
{
	struct nb_store *s = &nb->s;
	int side = x->dev == 0 ? 1 : x->dev == 1 ? 0 : x->term[1] ? 1 : 0;
	json_t *t = x->term[side];
	json_t *prov = json_object_get(x->c, "provider");
	json_t *pfull = nb_get(s, NB_PROVIDERS, nb_id(prov));
	char *eid = nsp_xasprintf("%s/edge", cid);
	eid = imp_fit_id(eid);
	json_t *tsrc = t ? source(t, NB_TERMS) : source(x->c, NB_CIRCUITS);
	json_t *tat = t ? nb_at(nb, NB_TERMS, nb_id(t)) :
			  nb_at(nb, NB_CIRCUITS, x->id);
	json_t *r = element(nb, "routers", eid, json_incref(tsrc),
			    json_incref(tat), true);
	json_object_set_new(r, "role", json_string("edge"));
	/* the PoP: the site (or the location's site), else a placeholder */
	json_t *site = t ? term_site(s, t) : NULL;
	json_t *sfull = site ? nb_get(s, NB_SITES, nb_id(site)) : NULL;
	const char *ss = sget(sfull ? sfull : site, "slug");
	char *pid;
	if (ss) {
		pid = imp_ns_idv("nb-pop", &ss, 1);
		json_t *p = element(nb, "pops", pid, source(sfull ? sfull : site,
							    NB_SITES),
				    nb_at(nb, NB_SITES, nb_id(site)), false);
		const char *fac = sget(sfull, "facility");
		const char *reg = sget(json_object_get(sfull, "region"), "slug");
		if (fac && !json_object_get(p, "facility"))
			json_object_set_new(p, "facility", json_string(fac));
		if (reg && !json_object_get(p, "region"))
			json_object_set_new(p, "region", json_string(reg));
	} else {
		pid = imp_fit_id(nsp_xasprintf("%s/pop", cid));
		element(nb, "pops", pid, json_incref(tsrc), json_incref(tat),
			true);
		imp_default(r, "pop");
	}
	json_object_set_new(r, "pop", json_string(pid));
	/* the cloud: the provider network, else the provider */
	json_t *pn = t ? term_pnet(t) : NULL;
	json_t *pnfull = pn ? nb_get(s, NB_PNETS, nb_id(pn)) : NULL;
	const char *pname = sget(pnfull ? pnfull : pn, "name");
	const char *pslug = sget(prov, "slug");
	char *cl = NULL;
	json_t *csrc = NULL, *cat = NULL;
	if (pname) {
		cl = imp_ns_idv("nb-pn", &pname, 1);
		csrc = source(pnfull ? pnfull : pn, NB_PNETS);
		cat = nb_at(nb, NB_PNETS, nb_id(pn));
	} else if (pslug) {
		cl = imp_ns_idv("nb-prov", &pslug, 1);
		csrc = source(pfull ? pfull : prov, NB_PROVIDERS);
		cat = nb_at(nb, NB_PROVIDERS, nb_id(prov));
	}
	if (cl) {
		json_t *ce = element(nb, "clouds", cl, csrc, cat, false);
		if (!json_object_get(ce, "provider")) {
			json_object_set_new(ce, "provider",
					    json_string("generic"));
			imp_default(ce, "provider");
		}
		json_object_set_new(r, "cloud", json_string(cl));
		imp_default(r, "cloud");
	}
	json_object_set_new(c, "z", json_pack("{s:s}", "router", eid));
	imp_default(c, "z.router");
	json_decref(tsrc);
	json_decref(tat);
	free(pid);
	free(cl);
	free(eid);
}

/* Report an end that reaches no device (IMP070) and a split path. */
static void report_end(struct nbi *nb, struct nbc *x, int i, bool other)
{
	struct nb_end *e = &x->end[i];
	json_t *t = x->term[i];
	const char *cid = sget(x->c, "cid");
	json_int_t tid = nb_id(t);
	if (e->split)
		nb_find(nb, NB_TERMS, tid, "IMP070", NSP_IMP_WARNING,
			"circuit %s side %c: %s", cid ? cid : "?",
			i ? 'Z' : 'A', e->split);
	if (e->kind == NB_CIRCUIT || e->kind == NB_LOST)
		nb_find(nb, NB_TERMS, tid, "IMP070", e->kind == NB_CIRCUIT ?
			NSP_IMP_INFO : NSP_IMP_WARNING, "circuit %s side %c "
			"reaches no device: %s", cid ? cid : "?", i ? 'Z' : 'A',
			e->why);
	else if (e->kind == NB_NOCABLE && !other &&
		 json_is_true(json_object_get(t, "mark_connected")))
		nb_find(nb, NB_TERMS, tid, "IMP070", NSP_IMP_WARNING,
			"circuit %s side %c is marked connected but has no "
			"cable: it reaches no device", cid ? cid : "?",
			i ? 'Z' : 'A');
}

/* Why circuit x is left out (IMP071), or NULL. */
static char *left_out(struct nbi *nb, struct nbc *x)
{
	const char *st = choice(json_object_get(x->c, "status"));
	if (st && strcmp(st, "active") && strcmp(st, "planned") &&
	    strcmp(st, "provisioning"))
		return nsp_xasprintf("status '%s'", st);
	const char *p = priority(&nb->s, x->c);
	if (p && !strcmp(p, "inactive"))
		return nsp_xstrdup("inactive in its circuit group");
	if (x->end[0].kind == NB_REACHED && x->end[1].kind == NB_REACHED)
		return nsp_xstrdup("both ends reach devices (site to site)");
	return NULL;
}

/* Map one circuit that passed the filters. */
static void map_one(struct nbi *nb, struct nbc *x, json_t *slugs)
{
	const char *cid = sget(x->c, "cid");
	const char *pslug = sget(json_object_get(x->c, "provider"), "slug");
	char num[32];
	snprintf(num, sizeof(num), "%lld", (long long)x->id);
	const char *v[] = {pslug ? pslug : "_", cid ? cid : num};
	char *id = imp_ns_idv("nb", v, 2);
	if (imp_elem(nb->im.design, "circuits", id)) {
		char *alt = imp_fit_id(nsp_xasprintf("%s-%s", id, num));
		free(id);
		id = alt;
	}
	bool added;
	json_t *c = imp_elem_add(nb->im.design, "circuits", id, &added);
	json_object_set_new(c, "source", source(x->c, NB_CIRCUITS));
	json_object_set_new(c, "\x01" "at", nb_at(nb, NB_CIRCUITS, x->id));
	nb->circuits_in++;
	if (x->dev >= 0)
		map_cpe(nb, x, c, slugs);
	map_edge(nb, x, c, id);
	json_int_t bw = bandwidth(nb, x);
	if (bw)
		json_object_set_new(c, "bandwidth_mbps", json_integer(bw));
	if (pslug) {
		struct nsp_buf b = {0};
		nsp_imp_slug(&b, pslug);
		json_object_set_new(c, "carrier", json_string(b.s));
		nsp_buf_free(&b);
	}
	json_t *srlg = json_array(), *cab;
	size_t i;
	srlg_tags(srlg, x->c);
	for (int k = 0; k < 2; k++)
		json_array_foreach(x->end[k].cables, i, cab)
			srlg_tags(srlg, cab);
	if (json_array_size(srlg))
		json_object_set(c, "srlg", srlg);
	json_decref(srlg);
	const char *p = priority(&nb->s, x->c);
	if (p && strcmp(p, "inactive"))
		json_object_set_new(c, "role", json_string(
			!strcmp(p, "primary") ? "primary" : "backup"));
	free(id);
}

void nb_map(struct nbi *nb)
{
	struct nb_store *s = &nb->s;
	size_t nc, nt;
	json_int_t *cids = sorted_ids(s, NB_CIRCUITS, &nc);
	json_int_t *tids = sorted_ids(s, NB_TERMS, &nt);
	struct nbc *x = nsp_xcalloc(nc + 1, sizeof(*x));
	json_t *index = json_object(); /* circuit id -> index into x */
	for (size_t i = 0; i < nc; i++) {
		char k[32];
		snprintf(k, sizeof(k), "%lld", (long long)cids[i]);
		x[i].c = nb_get(s, NB_CIRCUITS, cids[i]);
		x[i].id = cids[i];
		x[i].dev = -1;
		json_object_set_new(index, k, json_integer((json_int_t)i));
	}
	for (size_t i = 0; i < nt; i++) {
		json_t *t = nb_get(s, NB_TERMS, tids[i]);
		char k[32];
		snprintf(k, sizeof(k), "%lld",
			 (long long)nb_id(json_object_get(t, "circuit")));
		json_t *ix = json_object_get(index, k);
		const char *side = sget(t, "term_side");
		int sd = side && !strcmp(side, "Z") ? 1 : 0;
		if (ix && side && !x[json_integer_value(ix)].term[sd])
			x[json_integer_value(ix)].term[sd] = t;
	}
	/* trace every end; the slugs of the devices reached */
	json_t *slugs = json_object(), *seen = json_object();
	bool *keep = nsp_xcalloc(nc + 1, sizeof(*keep));
	for (size_t i = 0; i < nc; i++) {
		if (!nb_filter_circuit(nb->flt, x[i].c))
			continue;
		for (int k = 0; k < 2; k++) {
			if (x[i].term[k])
				nb_trace(s, x[i].term[k], &x[i].end[k], NULL);
			else
				x[i].end[k].kind = NB_NOCABLE;
			if (x[i].end[k].kind == NB_REACHED && x[i].dev < 0)
				x[i].dev = k;
		}
		if (x[i].dev >= 0) {
			x[i].device = device_of(s, x[i].end[x[i].dev].iface);
			if (!x[i].device) {
				struct nb_end *e = &x[i].end[x[i].dev];
				e->kind = NB_LOST;
				json_int_t dv = nb_id(json_object_get(e->iface,
								      "device"));
				e->why = nsp_xasprintf("device %lld of "
						       "interface %lld is not "
						       "in the responses "
						       "(devices)",
						       (long long)dv,
						       (long long)nb_id(e->iface));
				x[i].dev = x[i].end[1].kind == NB_REACHED &&
					   x[i].dev == 0 ? 1 : -1;
				if (x[i].dev == 1)
					x[i].device = device_of(s,
						x[i].end[1].iface);
				if (!x[i].device)
					x[i].dev = -1;
			}
		}
		if (!site_ok(nb, &x[i]))
			continue;
		char *why = left_out(nb, &x[i]);
		if (why) {
			nb_find(nb, NB_CIRCUITS, x[i].id, "IMP071", NSP_IMP_INFO,
				"circuit %s left out: %s",
				sget(x[i].c, "cid") ? sget(x[i].c, "cid") : "?",
				why);
			nb->circuits_out++;
			free(why);
			continue;
		}
		keep[i] = true;
		if (x[i].device) {
			char k[32];
			snprintf(k, sizeof(k), "%lld",
				 (long long)nb_id(x[i].device));
			if (json_object_get(seen, k))
				continue;
			json_object_set_new(seen, k, json_true());
			const char *name = sget(x[i].device, "name");
			if (!name)
				continue;
			char *base = imp_ns_idv("nb-dev", &name, 1);
			json_int_t n = json_integer_value(json_object_get(slugs,
									  base));
			json_object_set_new(slugs, base, json_integer(n + 1));
			free(base);
		}
	}
	for (size_t i = 0; i < nc; i++) {
		if (!keep[i])
			continue;
		for (int k = 0; k < 2; k++)
			if (x[i].term[k])
				report_end(nb, &x[i], k, x[i].dev >= 0);
		map_one(nb, &x[i], slugs);
	}
	for (size_t i = 0; i < nc; i++)
		for (int k = 0; k < 2; k++)
			nb_end_free(&x[i].end[k]);
	json_decref(slugs);
	json_decref(seen);
	json_decref(index);
	free(keep);
	free(x);
	free(cids);
	free(tids);
}
