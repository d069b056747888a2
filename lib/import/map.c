/*
 * The provider mappings of IMPORT.md §5 that this importer implements (AWS
 * Direct Connect §5.1, Google Cloud Interconnect §5.3), with the value
 * rules of §2.3 and §4.2 and the links of §2.4 (by value, then through
 * `configuration` references), building the base design.
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
static json_t *val(struct imp *im, struct tf_res *r, const char *key)
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

static const char *sval(struct imp *im, struct tf_res *r, const char *key)
{
	json_t *v = val(im, r, key);
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

/* An integer value (§2.3) in lo..hi; IMP001 when there but unusable. */
static bool ival(struct imp *im, struct tf_res *r, const char *key,
		 long long lo, long long hi, long long *out)
{
	json_t *v = val(im, r, key);
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

/* "terraform:ADDRESS" or "terraform:ADDRESS#ATTR" as a JSON string. */
static json_t *source(struct tf_res *r, const char *attr)
{
	struct nsp_buf b = {0};
	nsp_buf_printf(&b, "terraform:%s%s%s", r->address, attr ? "#" : "",
		       attr ? attr : "");
	char *s = nsp_buf_detach(&b);
	json_t *j = json_string(s);
	free(s);
	return j;
}

/* NS/slug(v) as a fresh id. */
static char *ns_id(const char *ns, const char *v)
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
static char *sub_id(const char *base, const char *suffix)
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
	json_t *arr = json_object_get(design, list);
	if (!arr) {
		arr = json_array();
		json_object_set_new(design, list, arr);
	}
	json_t *idx = json_object_get(design, IMP_IDX);
	if (!idx) {
		idx = json_object();
		json_object_set_new(design, IMP_IDX, idx);
	}
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
	json_t *d = json_object_get(e, IMP_DEF);
	if (!d) {
		d = json_array();
		json_object_set_new(e, IMP_DEF, d);
	}
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
static json_t *imported(struct imp *im, const char *list, const char *id,
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
static uint64_t parse_bw(const char *s)
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
static void set_bw(struct imp *im, json_t *c, struct tf_res *r,
		   const char *attr)
{
	json_t *v = val(im, r, attr);
	if (!v)
		return;
	uint64_t bw = json_is_string(v) ? parse_bw(json_string_value(v)) : 0;
	if (!bw) {
		imp_find(im, "IMP001", NSP_IMP_ERROR, r->loc,
			 "%s: %s is not a bandwidth; left out", r->address,
			 attr);
		return;
	}
	json_object_set_new(c, "bandwidth_mbps", json_integer((json_int_t)bw));
}

/* Whether s is ADDR/LEN with an IPv4 or IPv6 address. */
static bool cidr_like(const char *s)
{
	return strchr(s, '/') && strspn(s, "0123456789abcdefABCDEF.:/") ==
					 strlen(s);
}

/* The address part of s (before '/'). */
static json_t *addr_part(const char *s)
{
	const char *sl = strchr(s, '/');
	size_t n = sl ? (size_t)(sl - s) : strlen(s);
	char *a = nsp_xstrndup(s, n);
	json_t *j = json_string(a);
	free(a);
	return j;
}

/* The bgp mapping of circuit c, created on first use. */
static json_t *bgp_of(json_t *c)
{
	json_t *b = json_object_get(c, "bgp");
	if (!b) {
		b = json_object();
		json_object_set_new(c, "bgp", b);
	}
	return b;
}

/* The circuit of resource r (with PART part), added to the design. */
static json_t *circuit(struct imp *im, struct tf_res *r)
{
	bool added;
	json_t *c = imp_elem_add(im->design, "circuits", r->id, &added);
	json_object_set_new(c, "source", source(r, NULL));
	json_object_set_new(c, "\x01" "at",
			    json_pack("{s:i,s:i}", "l", (json_int_t)r->loc.line,
				      "c", (json_int_t)r->loc.col));
	r->used = true;
	im->imported++;
	return c;
}

/* Set z of c to router id, with an optional port. */
static void set_z(json_t *c, const char *router, const char *port, bool def)
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
static void edge_router(struct imp *im, const char *id, json_t *src,
			const char *pop, const char *cloud, bool ph)
{
	json_t *e = imported(im, "routers", id, src, ph);
	if (!json_object_get(e, "role")) {
		json_object_set_new(e, "role", json_string("edge"));
		json_object_set_new(e, "pop", json_string(pop));
		json_object_set_new(e, "cloud", json_string(cloud));
		if (ph)
			imp_default(e, "pop");
	}
}

/* A fallback cloud (§4.1) of provider prov named id. */
static void fallback_cloud(struct imp *im, const char *id, json_t *src)
{
	json_t *e = imported(im, "clouds", id, src, false);
	if (!json_object_get(e, "provider")) {
		json_object_set_new(e, "provider", json_string(id));
		imp_default(e, "provider");
	}
}

/* AWS Direct Connect (§5.1): one VIF. */
static void map_aws_vif(struct imp *im, struct tf_res *r)
{
	static const char *const landings[] = {
		"aws_dx_connection", "aws_dx_hosted_connection", "aws_dx_lag"};
	json_t *c = circuit(im, r);
	struct tf_res *land = NULL;
	const char *cid = sval(im, r, "connection_id");
	for (size_t i = 0; cid && !land && i < 3; i++)
		land = imp_by_value(im, landings[i], "id", cid, false);
	for (size_t i = 0; !cid && !land && i < 3; i++)
		land = imp_by_config(im, r, "connection_id", landings[i]);
	char *land_id = land ? nsp_xstrdup(land->id) :
			cid ? ns_id("aws-con", cid) : NULL;
	/* cloud: the DX gateway, else the VGW, else aws */
	char *cloud = NULL;
	json_t *csrc = NULL;
	struct tf_res *gw = NULL;
	const char *g = sval(im, r, "dx_gateway_id");
	if (g)
		gw = imp_by_value(im, "aws_dx_gateway", "id", g, false);
	else if (imp_unknown(r, "dx_gateway_id"))
		gw = imp_by_config(im, r, "dx_gateway_id", "aws_dx_gateway");
	const char *vg = sval(im, r, "vpn_gateway_id");
	if (!gw && vg)
		gw = imp_by_value(im, "aws_vpn_gateway", "id", vg, false);
	else if (!gw && imp_unknown(r, "vpn_gateway_id"))
		gw = imp_by_config(im, r, "vpn_gateway_id", "aws_vpn_gateway");
	if (gw) {
		cloud = nsp_xstrdup(gw->id);
		gw->used = true;
		json_t *e = imported(im, "clouds", cloud, source(gw, NULL),
				     false);
		json_object_set_new(e, "provider", json_string("aws"));
	} else if (g || vg) {
		cloud = ns_id(g ? "aws-dxgw" : "aws-vgw", g ? g : vg);
		csrc = source(r, g ? "dx_gateway_id" : "vpn_gateway_id");
		json_t *e = imported(im, "clouds", cloud, csrc, false);
		json_object_set_new(e, "provider", json_string("aws"));
	} else {
		cloud = nsp_xstrdup("aws");
		fallback_cloud(im, cloud, source(r, "dx_gateway_id"));
	}
	/* device and pop */
	char *dev = NULL, *pop = NULL;
	bool dev_ph = false, pop_ph = false;
	const char *adev = sval(im, r, "aws_device");
	if (!adev && land)
		adev = sval(im, land, "aws_device");
	if (adev) {
		dev = ns_id("aws-dev", adev);
	} else if (land_id) {
		dev = sub_id(land_id, "device");
		dev_ph = true;
	} else {
		dev = sub_id(r->id, "device");
		dev_ph = true;
	}
	const char *loc = land ? sval(im, land, "location") : NULL;
	if (loc) {
		pop = ns_id("aws-loc", loc);
		imported(im, "pops", pop, source(land, "location"), false);
	} else {
		pop = sub_id(land_id ? land_id : r->id, "pop");
		imported(im, "pops", pop, source(land ? land : r, land ?
				 "location" : "connection_id"), true);
		pop_ph = true;
	}
	edge_router(im, dev, source(land && !sval(im, r, "aws_device") ? land :
				    r, "aws_device"), pop, cloud, dev_ph);
	if (pop_ph)
		imp_default(imp_elem(im->design, "routers", dev), "pop");
	if (gw || g || vg)
		json_object_set_new(imp_elem(im->design, "routers", dev),
				    "gateway", json_string(cloud));
	set_z(c, dev, land_id, dev_ph);
	if (!land_id)
		imp_find(im, "IMP010", NSP_IMP_WARNING, r->loc,
			 "%s: connection_id resolves to no connection; "
			 "placeholders %s and %s", r->address, dev, pop);
	if (land) {
		land->used = true;
		set_bw(im, c, land, "bandwidth");
		const char *car = sval(im, land, "provider_name");
		if (!car)
			car = sval(im, land, "partner_name");
		if (car) {
			struct nsp_buf b = {0};
			nsp_imp_slug(&b, car);
			json_object_set_new(c, "carrier", json_string(b.s));
			nsp_buf_free(&b);
		}
	}
	long long n;
	if (ival(im, r, "mtu", 68, 65535, &n))
		json_object_set_new(c, "mtu", json_integer(n));
	if (ival(im, r, "vlan", 1, 4094, &n))
		json_object_set_new(c, "vlan", json_integer(n));
	if (ival(im, r, "bgp_asn", 1, 4294967295LL, &n))
		json_object_set_new(bgp_of(c), "asn", json_integer(n));
	if (ival(im, r, "amazon_side_asn", 1, 4294967295LL, &n) ||
	    (gw && ival(im, gw, "amazon_side_asn", 1, 4294967295LL, &n)))
		json_object_set_new(bgp_of(c), "peer_asn", json_integer(n));
	const char *ca = sval(im, r, "customer_address");
	if (ca && cidr_like(ca))
		json_object_set_new(bgp_of(c), "ip", json_string(ca));
	const char *aa = sval(im, r, "amazon_address");
	if (aa)
		json_object_set_new(bgp_of(c), "peer_ip", addr_part(aa));
	free(land_id);
	free(cloud);
	free(dev);
	free(pop);
}

/* Google's edge domain and metro from a location L = <m>-zone<n>-…. */
static void gcp_pop_fields(json_t *pop, const char *l)
{
	const char *z = strstr(l, "-zone");
	if (!z || z == l)
		return;
	const char *d = z + 5;
	size_t nd = strspn(d, "0123456789");
	if (!nd)
		return;
	char *metro = nsp_xstrndup(l, (size_t)(z - l));
	char *dom = nsp_xstrndup(l, (size_t)(d + nd - l));
	struct nsp_buf m = {0}, e = {0};
	nsp_imp_slug(&m, metro);
	nsp_imp_slug(&e, dom);
	json_object_set_new(pop, "metro", json_string(m.s));
	json_object_set_new(pop, "edge_domain", json_string(e.s));
	nsp_buf_free(&m);
	nsp_buf_free(&e);
	free(metro);
	free(dom);
}

/* The Cloud Router of attachment r: by name and region, else config. */
static struct tf_res *gcp_router(struct imp *im, struct tf_res *r)
{
	const char *name = sval(im, r, "router");
	if (!name)
		return imp_unknown(r, "router") ?
			       imp_by_config(im, r, "router",
					 "google_compute_router") : NULL;
	const char *region = sval(im, r, "region");
	char *n = imp_last_seg(name);
	/* routers by name, then by name and region */
	if (!json_object_get(im->indexes, "gcr")) {
		json_t *idx = json_object();
		json_object_set_new(im->indexes, "gcr", idx);
		for (size_t j = 0; j < im->nr; j++) {
			struct tf_res *t = &im->r[j];
			json_t *tn = json_object_get(t->values, "name");
			json_t *tr = json_object_get(t->values, "region");
			if (strcmp(t->type, "google_compute_router") ||
			    !json_is_string(tn))
				continue;
			char *k1 = nsp_xstrdup(json_string_value(tn));
			char *k2 = nsp_xasprintf("%s\x1f%s", k1,
						 json_is_string(tr) ?
						 json_string_value(tr) : "");
			if (!json_object_get(idx, k1))
				json_object_set_new(idx, k1, json_integer(
					(json_int_t)j));
			if (!json_object_get(idx, k2))
				json_object_set_new(idx, k2, json_integer(
					(json_int_t)j));
			free(k1);
			free(k2);
		}
	}
	json_t *idx = json_object_get(im->indexes, "gcr");
	char *k = region ? nsp_xasprintf("%s\x1f%s", n, region) :
			   nsp_xstrdup(n);
	json_t *hit = json_object_get(idx, k);
	free(k);
	free(n);
	return hit ? &im->r[json_integer_value(hit)] : NULL;
}

/* Google Cloud Interconnect (§5.3): one VLAN attachment. */
static void map_gcp(struct imp *im, struct tf_res *r)
{
	const char *type = sval(im, r, "type");
	if (type && !strcmp(type, "PARTNER_PROVIDER")) {
		imp_find(im, "IMP031", NSP_IMP_INFO, r->loc, "%s: left out, "
			 "a PARTNER_PROVIDER attachment is the partner's half",
			 r->address);
		return;
	}
	bool partner = type && !strcmp(type, "PARTNER");
	json_t *c = circuit(im, r);
	/* the Cloud Router: cloud, peer ASN, srlg */
	struct tf_res *cr = gcp_router(im, r);
	char *cloud = NULL;
	const char *net = cr ? sval(im, cr, "network") : NULL;
	if (net) {
		char *seg = imp_last_seg(net);
		cloud = ns_id("gcp-vpc", seg);
		free(seg);
		json_t *e = imported(im, "clouds", cloud, source(cr, "network"),
				     false);
		json_object_set_new(e, "provider", json_string("gcp"));
	} else {
		cloud = nsp_xstrdup("gcp");
		fallback_cloud(im, cloud, cr ? source(cr, "network") :
					  source(r, "router"));
	}
	const char *crname = cr ? sval(im, cr, "name") : sval(im, r, "router");
	const char *crregion = cr ? sval(im, cr, "region") :
				    sval(im, r, "region");
	if (crname && crregion) {
		char *seg = imp_last_seg(crname);
		struct nsp_buf b = {0};
		nsp_buf_puts(&b, "gcp-cr-");
		nsp_imp_slug(&b, crregion);
		nsp_buf_putc(&b, '-');
		nsp_imp_slug(&b, seg);
		json_t *s = json_array();
		json_array_append_new(s, json_string(b.s));
		json_object_set_new(c, "srlg", s);
		nsp_buf_free(&b);
		free(seg);
	}
	if (cr) {
		cr->used = true;
		json_t *bgp = json_object_get(cr->values, "bgp");
		if (json_is_array(bgp))
			bgp = json_array_get(bgp, 0);
		json_t *asn = json_object_get(bgp, "asn");
		if (json_is_integer(asn) && json_integer_value(asn) > 0 &&
		    json_integer_value(asn) <= 4294967295LL)
			json_object_set_new(bgp_of(c), "peer_asn",
					    json_integer(json_integer_value(asn)));
	}
	/* the device and its location */
	char *dev = NULL, *pop = NULL;
	bool ph = false;
	json_t *dsrc = NULL, *psrc = NULL;
	if (!partner) {
		struct tf_res *ic = NULL;
		const char *icv = sval(im, r, "interconnect");
		if (icv)
			ic = imp_by_value(im, "google_compute_interconnect",
				      "name", icv, true);
		else if (imp_unknown(r, "interconnect"))
			ic = imp_by_config(im, r, "interconnect",
				       "google_compute_interconnect");
		const char *icname = ic ? sval(im, ic, "name") : NULL;
		const char *icloc = ic ? sval(im, ic, "location") : NULL;
		if (ic && icname) {
			ic->used = true;
			dev = ns_id("gcp-icn", icname);
			dsrc = source(ic, NULL);
			if (icloc) {
				char *l = imp_last_seg(icloc);
				pop = ns_id("gcp-loc", l);
				psrc = source(ic, "location");
				json_t *p = imported(im, "pops", pop, psrc,
						     false);
				gcp_pop_fields(p, l);
				free(l);
			} else {
				pop = sub_id(dev, "pop");
				imported(im, "pops", pop, source(ic, "location"),
					 true);
			}
			edge_router(im, dev, dsrc, pop, cloud, false);
			if (!icloc)
				imp_default(imp_elem(im->design, "routers",
						     dev), "pop");
		} else if (icv) {
			char *n = imp_last_seg(icv);
			dev = ns_id("gcp-icn", n);
			free(n);
			pop = sub_id(dev, "pop");
			imported(im, "pops", pop, source(r, "interconnect"),
				 true);
			edge_router(im, dev, source(r, "interconnect"), pop,
				    cloud, false);
			imp_default(imp_elem(im->design, "routers", dev),
				    "pop");
		} else {
			imp_find(im, "IMP010", NSP_IMP_WARNING, r->loc,
				 "%s: interconnect resolves neither by value "
				 "nor by configuration; placeholders",
				 r->address);
		}
	} else {
		const char *ead = sval(im, r, "edge_availability_domain");
		const char *region = sval(im, r, "region");
		if (ead && region &&
		    !strncmp(ead, "AVAILABILITY_DOMAIN_", 20) &&
		    strcmp(ead + 20, "ANY") && ead[20]) {
			struct nsp_buf b = {0}, d = {0};
			nsp_buf_puts(&b, "gcp-ead/");
			nsp_imp_slug(&b, region);
			nsp_buf_printf(&b, "/%s", ead + 20);
			nsp_imp_slug(&d, region);
			nsp_buf_printf(&d, "-ad%s", ead + 20);
			pop = nsp_buf_detach(&b);
			json_t *p = imported(im, "pops", pop,
					     source(r, "edge_availability_domain"),
					     false);
			json_object_set_new(p, "edge_domain", json_string(d.s));
			nsp_buf_free(&d);
		}
	}
	if (!dev) {
		ph = true;
		dev = sub_id(r->id, "edge");
		if (!pop) {
			pop = sub_id(r->id, "pop");
			imported(im, "pops", pop, source(r, partner ?
				 "edge_availability_domain" : "interconnect"),
				 true);
		}
		edge_router(im, dev, source(r, partner ? "pairing_key" :
					    "interconnect"), pop, cloud, true);
		if (strncmp(pop, "gcp-ead/", 8))
			imp_default(imp_elem(im->design, "routers", dev), "pop");
	}
	set_z(c, dev, NULL, ph);
	set_bw(im, c, r, "bandwidth");
	long long n;
	if (ival(im, r, "mtu", 68, 65535, &n))
		json_object_set_new(c, "mtu", json_integer(n));
	if (ival(im, r, "vlan_tag8021q", 1, 4094, &n))
		json_object_set_new(c, "vlan", json_integer(n));
	const char *ip = sval(im, r, "customer_router_ip_address");
	if (!ip)
		ip = sval(im, r, "candidate_customer_router_ip_address");
	if (ip && cidr_like(ip))
		json_object_set_new(bgp_of(c), "ip", json_string(ip));
	const char *pip = sval(im, r, "cloud_router_ip_address");
	if (!pip)
		pip = sval(im, r, "candidate_cloud_router_ip_address");
	if (pip)
		json_object_set_new(bgp_of(c), "peer_ip", addr_part(pip));
	if (json_is_false(json_object_get(r->values, "admin_enabled")))
		imp_find(im, "IMP060", NSP_IMP_WARNING, r->loc,
			 "%s: administratively down (admin_enabled: false); "
			 "imported as is", r->address);
	free(cloud);
	free(dev);
	free(pop);
}

/* Types this importer reads without making elements of their own. */
static bool helper_type(const char *t)
{
	static const char *const h[] = {
		"aws_dx_connection", "aws_dx_hosted_connection", "aws_dx_lag",
		"aws_dx_gateway", "aws_vpn_gateway",
		"google_compute_interconnect", "google_compute_router"};
	for (size_t i = 0; i < sizeof(h) / sizeof(h[0]); i++)
		if (!strcmp(h[i], t))
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
		if (!strcmp(r->type, "aws_dx_private_virtual_interface") ||
		    !strcmp(r->type, "aws_dx_transit_virtual_interface"))
			map_aws_vif(im, r);
		else if (!strcmp(r->type,
				 "google_compute_interconnect_attachment"))
			map_gcp(im, r);
	}
	/* helpers that fed something count as imported; the rest: IMP030/31 */
	json_t *types = json_object();
	for (size_t i = 0; i < im->nr; i++) {
		struct tf_res *r = &im->r[i];
		if (r->data)
			continue;
		if (helper_type(r->type)) {
			if (r->used) {
				im->imported++;
			} else if (!strncmp(r->type, "aws_dx_", 7) &&
				   strstr(r->type, "connection")) {
				imp_find(im, "IMP031", NSP_IMP_INFO, r->loc,
					 "%s: a connection without virtual "
					 "interface; left out", r->address);
			}
			continue;
		}
		if (r->used)
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
