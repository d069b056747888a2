/*
 * Megaport (IMPORT.md §5.7): VXCs between customer ports, LAG ports, MCRs
 * and MVEs, and the partner ports of the clouds behind them; the ports'
 * diversity zones as srlg tags; the join of a VXC with its cloud's
 * resource (§5.9) is prepared here and done in joins.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

static const char *const ports[] = {"megaport_port", "megaport_lag_port"};
static const char *const routers[] = {"megaport_mcr", "megaport_mve"};

/* A string or integer value as a fresh string (location ids), or NULL. */
static char *text_of(json_t *v)
{
	if (json_is_string(v) && *json_string_value(v))
		return nsp_xstrdup(json_string_value(v));
	if (json_is_integer(v))
		return nsp_xasprintf("%lld", (long long)json_integer_value(v));
	return NULL;
}

/* The data megaport_location whose id is loc, or NULL. */
static struct tf_res *location(struct imp *im, const char *loc)
{
	size_t i;
	json_t *ix;
	json_array_foreach(imp_of_type(im, "megaport_location"), i, ix) {
		struct tf_res *t = &im->r[json_integer_value(ix)];
		if (!t->data)
			continue;
		char *id = text_of(imp_raw(t, "id"));
		bool hit = id && !strcmp(id, loc);
		free(id);
		if (hit)
			return t;
	}
	return NULL;
}

/* facility (and metro on an mp-loc PoP) from data megaport_location. */
static void location_fields(struct imp *im, json_t *pop, const char *loc,
			    bool metro)
{
	struct tf_res *l = location(im, loc);
	const char *n = l ? imp_sval(im, l, "name") : NULL;
	const char *m = l ? imp_sval(im, l, "metro") : NULL;
	if (!l)
		return;
	l->used = true;
	if (n && !json_object_get(pop, "facility"))
		json_object_set_new(pop, "facility", json_string(n));
	if (m && metro && !json_object_get(pop, "metro")) {
		struct nsp_buf b = {0};
		nsp_imp_slug(&b, m);
		json_object_set_new(pop, "metro", json_string(b.s));
		nsp_buf_free(&b);
	}
}

/* The PoP mp-loc/<loc>, with src (taken), and its location's fields. */
static char *mp_pop(struct imp *im, const char *loc, json_t *src)
{
	char *id = imp_ns_id("mp-loc", loc);
	json_t *p = imp_imported(im, "pops", id, src, false);
	location_fields(im, p, loc, true);
	return id;
}

/* The Google location `<m>-zone<n>-<k>` in a port name's parentheses. */
static char *google_loc(const char *name)
{
	for (const char *o = strchr(name, '('); o; o = strchr(o + 1, '(')) {
		const char *c = strchr(o, ')');
		if (!c)
			return NULL;
		char *in = nsp_xstrndup(o + 1, (size_t)(c - o - 1));
		const char *z = strstr(in, "-zone");
		if (z && z != in && isdigit((unsigned char)z[5]) &&
		    strspn(in, "abcdefghijklmnopqrstuvwxyz0123456789-") ==
			    strlen(in))
			return in;
		free(in);
	}
	return NULL;
}

/* The edge domain number a name suggests ("zone 2", "zone-1"), or 0. */
int imp_name_zone(const char *name)
{
	for (const char *p = name; p && *p; p++) {
		if (strncasecmp(p, "zone", 4))
			continue;
		const char *d = p + 4;
		while (*d == ' ' || *d == '-' || *d == '_')
			d++;
		if (*d >= '1' && *d <= '9' && !isdigit((unsigned char)d[1]))
			return *d - '0';
	}
	return 0;
}

/* The zone number of a Google location `<m>-zone<n>-…`, or 0. */
static int loc_zone(const char *l)
{
	const char *z = strstr(l, "-zone");
	return z ? atoi(z + 5) : 0;
}

/*
 * The product at end ("a_end", "b_end") of VXC r: current_product_uid,
 * else requested_product_uid, else the end's references (§5.7). *uid is
 * the known uid (borrowed), NULL when unknown.
 */
static struct tf_res *product(struct imp *im, struct tf_res *r,
			      const char *end, const char **uid)
{
	static const char *const types[] = {
		"megaport_port", "megaport_lag_port", "megaport_mcr",
		"megaport_mve", "megaport_partner"};
	char *p = nsp_xasprintf("%s.current_product_uid", end);
	json_t *v = imp_raw(r, p);
	free(p);
	if (!json_is_string(v) || !*json_string_value(v)) {
		p = nsp_xasprintf("%s.requested_product_uid", end);
		v = imp_raw(r, p);
		free(p);
	}
	*uid = json_is_string(v) && *json_string_value(v) ?
		       json_string_value(v) : NULL;
	for (size_t i = 0; i < 5; i++) {
		struct tf_res *t;
		if (*uid) {
			t = imp_by_value(im, types[i], "product_uid", *uid,
					 false);
		} else {
			char *w = nsp_xasprintf("%s%s", i == 4 ? "data." : "",
						types[i]);
			t = imp_by_config(im, r, end, w);
			free(w);
		}
		if (t)
			return t;
	}
	return NULL;
}

/* Whether t is of one of the n types in l. */
static bool is_a(struct tf_res *t, const char *const *l, size_t n)
{
	for (size_t i = 0; t && i < n; i++)
		if (!strcmp(t->type, l[i]))
			return true;
	return false;
}

/* Add srlg tag s to circuit or router e once. */
static void add_srlg(json_t *e, const char *s)
{
	json_t *a = json_object_get(e, "srlg");
	size_t i;
	json_t *v;
	if (!a) {
		a = json_array();
		json_object_set_new(e, "srlg", a);
	}
	json_array_foreach(a, i, v)
		if (!strcmp(json_string_value(v), s))
			return;
	json_array_append_new(a, json_string(s));
}

/* The tag mp-zone-<loc>-<zone> of product t, fresh, or NULL. */
static char *zone_tag(struct imp *im, struct tf_res *t)
{
	char *loc = text_of(imp_raw(t, "location_id"));
	const char *z = imp_sval(im, t, "diversity_zone");
	char *tag = NULL;
	if (loc && z) {
		struct nsp_buf b = {0};
		nsp_buf_printf(&b, "mp-zone-");
		nsp_imp_slug(&b, loc);
		nsp_buf_putc(&b, '-');
		nsp_imp_slug(&b, z);
		tag = nsp_buf_detach(&b);
	}
	free(loc);
	return tag;
}

/* The exchange router of an MCR or MVE t (§5.7); returns its id. */
static const char *exchange(struct imp *im, struct tf_res *t)
{
	json_t *e = imp_imported(im, "routers", t->id, imp_source(t, NULL),
				 false);
	t->used = true;
	if (json_object_get(e, "role"))
		return t->id;
	json_object_set_new(e, "role", json_string("exchange"));
	char *loc = text_of(imp_raw(t, "location_id"));
	char *pop;
	if (loc) {
		pop = mp_pop(im, loc, imp_source(t, "location_id"));
	} else {
		pop = imp_sub_id(t->id, "pop");
		imp_imported(im, "pops", pop, imp_source(t, "location_id"),
			     true);
		imp_default(e, "pop");
	}
	json_object_set_new(e, "pop", json_string(pop));
	long long n;
	if (imp_ival(im, t, "asn", 1, 4294967295LL, &n))
		json_object_set_new(e, "asn", json_integer(n));
	char *tag = zone_tag(im, t);
	if (tag)
		add_srlg(e, tag);
	free(tag);
	free(loc);
	free(pop);
	return t->id;
}

/* The a-end: a customer port (a.port, srlg tags) or an exchange router. */
static void a_end(struct imp *im, json_t *c, struct tf_res *t,
		  const char *uid)
{
	json_t *a = json_object();
	json_object_set_new(c, "a", a);
	if (is_a(t, routers, 2)) {
		json_object_set_new(a, "router", json_string(exchange(im, t)));
		return;
	}
	if (!t) {
		char *id = imp_ns_id("mp-product", uid);
		json_object_set_new(a, "port", json_string(id));
		free(id);
		return;
	}
	t->used = true;
	json_object_set_new(a, "port", json_string(t->id));
	char *loc = text_of(imp_raw(t, "location_id"));
	if (loc) {
		struct nsp_buf b = {0};
		nsp_buf_puts(&b, "mp-loc-");
		nsp_imp_slug(&b, loc);
		add_srlg(c, b.s);
		nsp_buf_free(&b);
	}
	char *tag = zone_tag(im, t);
	if (tag)
		add_srlg(c, tag);
	free(tag);
	free(loc);
}

/* The partner port router of data megaport_partner p; *edn its zone. */
static char *partner_port(struct imp *im, struct tf_res *p, const char *cloud,
			  int *edn)
{
	char *loc = text_of(imp_raw(p, "location_id"));
	const char *z = imp_sval(im, p, "diversity_zone");
	const char *name = imp_sval(im, p, "product_name");
	struct nsp_buf b = {0}, raw = {0};
	nsp_buf_puts(&b, "mp-pp/");
	nsp_imp_slug(&b, loc ? loc : "");
	nsp_buf_putc(&b, '-');
	nsp_imp_slug(&b, z ? z : "any");
	nsp_buf_putc(&b, '/');
	nsp_imp_slug(&b, name ? name : "");
	nsp_buf_printf(&raw, "%s-%s/%s", loc ? loc : "", z ? z : "any",
		       name ? name : "");
	if (b.len > 64) {
		b.len = 55;
		b.s[55] = '\0';
		nsp_buf_printf(&b, "-%08x", nsp_imp_fnv1a(raw.s, raw.len));
	}
	nsp_buf_free(&raw);
	char *id = nsp_buf_detach(&b);
	p->used = true;
	char *g = name ? google_loc(name) : NULL;
	char *pop;
	if (g) {
		pop = imp_ns_id("gcp-loc", g);
		json_t *e = imp_imported(im, "pops", pop,
					 imp_source(p, "product_name"), false);
		imp_gcp_pop_fields(e, g);
		if (loc)
			location_fields(im, e, loc, false);
		*edn = loc_zone(g);
	} else if (loc) {
		pop = mp_pop(im, loc, imp_source(p, "location_id"));
	} else {
		pop = imp_sub_id(id, "pop");
		imp_imported(im, "pops", pop, imp_source(p, "location_id"),
			     true);
	}
	imp_edge_router(im, id, imp_source(p, NULL), pop, cloud, false);
	free(g);
	free(pop);
	free(loc);
	return id;
}

/* The fallback cloud of a partner name (`google` is `gcp`). */
static const char *partner_cloud(const char *partner)
{
	static const char *const m[][2] = {
		{"aws", "aws"}, {"azure", "azure"}, {"google", "gcp"},
		{"oracle", "oracle"}, {"ibm", "ibm"}};
	for (size_t i = 0; partner && i < 5; i++)
		if (!strcasecmp(partner, m[i][0]))
			return m[i][1];
	return NULL;
}

/* BGP of an MCR end (§5.7): a-end (z false) or z-end (z true). */
static void vrouter_bgp(struct imp *im, struct tf_res *r, json_t *c, bool z)
{
	const char *base = z ? "b_end_partner_config.vrouter_config.interfaces"
			     : "a_end_partner_config.vrouter_config.interfaces";
	char *p = nsp_xasprintf("%s.ip_addresses", base);
	json_t *ips = imp_pval(im, r, p);
	free(p);
	p = nsp_xasprintf("%s.bgp_connections", base);
	json_t *bcs = imp_raw(r, p);
	free(p);
	json_t *bc = json_is_array(bcs) ? json_array_get(bcs, 0) : bcs;
	const char *ip = json_string_value(json_is_array(ips) ?
					   json_array_get(ips, 0) : ips);
	json_t *bgp = NULL;
	if (ip && imp_cidr_like(ip)) {
		bgp = imp_bgp_of(c);
		if (!z) {
			json_object_set_new(bgp, "ip", json_string(ip));
		} else {
			json_object_set_new(bgp, "peer_ip", imp_addr_part(ip));
		}
	}
	if (!json_is_object(bc))
		return;
	bgp = imp_bgp_of(c);
	json_t *v = json_object_get(bc, "peer_ip_address");
	if (json_is_string(v) && !z) {
		json_object_set_new(bgp, "peer_ip", imp_addr_part(
			json_string_value(v)));
	} else if (json_is_string(v) && ip && strchr(ip, '/')) {
		json_t *a = imp_addr_part(json_string_value(v));
		char *s = nsp_xasprintf("%s%s", json_string_value(a),
					strchr(ip, '/'));
		json_object_set_new(bgp, "ip", json_string(s));
		free(s);
		json_decref(a);
	}
	/* the a side's ASN is the MCR's local one, or the peer of a z MCR */
	static const char *const keys[][3] = {
		{"local_asn", "asn", "peer_asn"}, {"peer_asn", "peer_asn", "asn"}};
	for (size_t i = 0; i < 2; i++) {
		v = json_object_get(bc, keys[i][0]);
		if (json_is_integer(v) && json_integer_value(v) > 0 &&
		    json_integer_value(v) <= 4294967295LL)
			json_object_set_new(bgp, keys[i][z ? 2 : 1],
					    json_integer(json_integer_value(v)));
	}
	if (!z) {
		v = json_object_get(bc, "med_in");
		if (json_is_integer(v))
			imp_provider_pref(c, "med_in", json_integer_value(v));
		v = json_object_get(bc, "med_out");
		if (json_is_integer(v) && json_integer_value(v) >= 0)
			json_object_set_new(bgp, "med", json_integer(
				json_integer_value(v)));
		v = json_object_get(bc, "as_path_prepend_count");
		if (json_is_integer(v) && json_integer_value(v) > 0 &&
		    json_integer_value(v) <= 10)
			json_object_set_new(bgp, "prepend", json_integer(
				json_integer_value(v)));
	}
	v = json_object_get(bc, "bfd_enabled");
	if (json_is_boolean(v)) {
		json_t *bfd = json_object();
		json_object_set_new(bfd, z ? "peer" : "local",
				    json_boolean(json_is_true(v)));
		if (z) {
			/* the customer side's BFD is the overlay's (§4.3) */
			json_object_set_new(bfd, "local", json_false());
			imp_default(c, "bgp.bfd.local");
		}
		p = nsp_xasprintf("%s.bfd", base);
		json_t *t = imp_raw(r, p);
		free(p);
		json_t *tx = json_object_get(t, "tx_interval");
		json_t *rx = json_object_get(t, "rx_interval");
		json_t *mu = json_object_get(t, "multiplier");
		json_int_t iv = 0;
		if (json_is_integer(tx))
			iv = json_integer_value(tx);
		if (json_is_integer(rx) && json_integer_value(rx) > iv)
			iv = json_integer_value(rx);
		if (json_is_true(v) && iv > 0)
			json_object_set_new(bfd, "interval_ms", json_integer(iv));
		if (json_is_true(v) && json_is_integer(mu) &&
		    json_integer_value(mu) > 0)
			json_object_set_new(bfd, "multiplier", json_integer(
				json_integer_value(mu)));
		json_object_set_new(bgp, "bfd", bfd);
	}
	if (json_is_true(json_object_get(bc, "shutdown")))
		imp_find(im, "IMP060", NSP_IMP_WARNING, r->loc,
			 "%s: BGP session shut down (shutdown: true); imported "
			 "as is", r->address);
	if (json_array_size(bcs) > 1)
		imp_find(im, "IMP041", NSP_IMP_INFO, r->loc,
			 "%s: %zu BGP connections on the interface; the first "
			 "is imported", r->address, json_array_size(bcs));
}

/* The VIF on this VXC's hosted connection (§5.9), or NULL. */
static struct tf_res *aws_join(struct imp *im, struct tf_res *r)
{
	json_t *csp = imp_raw(r, "csp_connections"), *e, *ix;
	json_t *vifs = json_array();
	size_t i;
	json_array_extend(vifs, imp_of_type(im, "aws_dx_private_virtual_"
					    "interface"));
	json_array_extend(vifs, imp_of_type(im, "aws_dx_transit_virtual_"
					    "interface"));
	json_array_foreach(vifs, i, ix) {
		struct tf_res *t = &im->r[json_integer_value(ix)];
		json_t *cid = imp_raw(t, "connection_id");
		size_t j;
		if (json_is_string(cid))
			json_array_foreach(csp, j, e)
				if (json_equal(json_object_get(e,
					       "connection_id"), cid)) {
					json_decref(vifs);
					return t;
				}
		if (!cid && imp_by_config(im, t, "connection_id",
					  "megaport_vxc") == r) {
			json_decref(vifs);
			return t;
		}
	}
	json_decref(vifs);
	return NULL;
}

/* Megaport (§5.7): one VXC. */
static void map_vxc(struct imp *im, struct tf_res *r)
{
	const char *auid = NULL, *buid = NULL;
	struct tf_res *a = product(im, r, "a_end", &auid);
	struct tf_res *b = product(im, r, "b_end", &buid);
	if (is_a(b, ports, 2)) {
		imp_find(im, "IMP031", NSP_IMP_INFO, r->loc, "%s: left out, a "
			 "port-to-port VXC (%s to %s) joins no cloud",
			 r->address, a ? a->address : "a port", b->address);
		return;
	}
	json_t *c = imp_circuit(im, r);
	if (a || auid)
		a_end(im, c, a, auid);
	else
		imp_find(im, "IMP010", NSP_IMP_WARNING, r->loc,
			 "%s: a_end resolves neither by value nor by "
			 "configuration", r->address);
	const char *partner = imp_psval(im, r, "b_end_partner_config.partner");
	const char *fb = partner_cloud(partner);
	char *dev = NULL, *pop = NULL;
	int edn = 0;
	bool ph = false;
	if (is_a(b, routers, 2)) {
		imp_set_z(c, exchange(im, b), NULL, false);
		vrouter_bgp(im, r, c, true);
	} else {
		const char *cloud = fb ? fb : "generic";
		imp_fallback_cloud(im, cloud, imp_source(r,
				   "b_end_partner_config.partner"));
		if (b) {
			dev = partner_port(im, b, cloud, &edn);
		} else if (buid) {
			dev = imp_ns_id("mp-product", buid);
			const char *pn = imp_psval(im, r, "b_end.product_name");
			char *g = pn ? google_loc(pn) : NULL;
			char *loc = text_of(imp_raw(r, "b_end.location_id"));
			if (g) {
				pop = imp_ns_id("gcp-loc", g);
				json_t *e = imp_imported(im, "pops", pop,
					imp_source(r, "b_end.product_name"), false);
				imp_gcp_pop_fields(e, g);
				edn = loc_zone(g);
			} else if (loc) {
				pop = mp_pop(im, loc, imp_source(r,
					     "b_end.location_id"));
			} else {
				pop = imp_sub_id(r->id, "pop");
				imp_imported(im, "pops", pop, imp_source(r,
					     "b_end.location_id"), true);
			}
			imp_edge_router(im, dev, imp_source(r,
					"b_end.current_product_uid"), pop,
					cloud, false);
			free(g);
			free(loc);
		} else {
			/* unknown before apply: a placeholder device */
			ph = true;
			dev = imp_sub_id(r->id, "edge");
			char *loc = text_of(imp_raw(r, "b_end.location_id"));
			if (loc) {
				pop = mp_pop(im, loc, imp_source(r,
					     "b_end.location_id"));
			} else {
				pop = imp_sub_id(r->id, "pop");
				imp_imported(im, "pops", pop, imp_source(r,
					     "b_end.location_id"), true);
			}
			free(loc);
			imp_edge_router(im, dev, imp_source(r,
					"b_end.requested_product_uid"), pop,
					cloud, true);
			imp_default(imp_elem(im->design, "routers", dev), "pop");
			if (!partner || strcasecmp(partner, "azure"))
				imp_find(im, "IMP010", NSP_IMP_WARNING, r->loc,
					 "%s: b_end resolves neither by value "
					 "nor by configuration; placeholders",
					 r->address);
		}
		imp_set_z(c, dev, NULL, ph);
		imp_z_cloud(c, cloud);
	}
	if (is_a(a, routers, 2))
		vrouter_bgp(im, r, c, false);
	long long n;
	if (imp_ival(im, r, "rate_limit", 1, 100000000, &n))
		json_object_set_new(c, "bandwidth_mbps", json_integer(n));
	json_object_set_new(c, "carrier", json_string("megaport"));
	json_t *v = imp_raw(r, "a_end.vlan");
	const char *vp = "a_end.vlan";
	if (!json_is_integer(v) || json_integer_value(v) <= 0) {
		v = imp_raw(r, "a_end.ordered_vlan");
		vp = "a_end.ordered_vlan";
	}
	if (v && !(json_is_integer(v) && (json_integer_value(v) == -1 ||
					   json_integer_value(v) == 0)) &&
	    imp_pival(im, r, vp, 1, 4094, &n))
		json_object_set_new(c, "vlan", json_integer(n));
	/* AWS BGP from the partner config of a port-to-AWS VXC */
	static const char *const aws[][2] = {
		{"asn", "asn"}, {"amazon_asn", "peer_asn"}};
	for (size_t i = 0; partner && !strcasecmp(partner, "aws") && i < 2;
	     i++) {
		char *p = nsp_xasprintf("b_end_partner_config.aws_config.%s",
					aws[i][0]);
		if (imp_pival(im, r, p, 1, 4294967295LL, &n))
			json_object_set_new(imp_bgp_of(c), aws[i][1],
					    json_integer(n));
		free(p);
	}
	const char *ip = imp_psval(im, r,
		"b_end_partner_config.aws_config.customer_ip_address");
	if (ip && imp_cidr_like(ip))
		json_object_set_new(imp_bgp_of(c), "ip", json_string(ip));
	ip = imp_psval(im, r, "b_end_partner_config.aws_config."
		       "amazon_ip_address");
	if (ip)
		json_object_set_new(imp_bgp_of(c), "peer_ip", imp_addr_part(ip));
	/* a name saying another zone than the partner port (IMP042) */
	const char *nm = imp_sval(im, r, "product_name");
	int nz = nm ? imp_name_zone(nm) : 0;
	if (nz && edn && nz != edn)
		imp_find(im, "IMP042", NSP_IMP_WARNING, r->loc,
			 "%s: the name '%s' suggests zone %d, but the partner "
			 "port is in zone %d; the port's zone is used",
			 r->address, nm, nz, edn);
	/* the cloud resource this VXC is the exchange side of (§5.9) */
	struct tf_res *j = NULL;
	if (partner && !strcasecmp(partner, "google"))
		j = imp_join_by(im, r, "b_end_partner_config.google_config."
				"pairing_key", "google_compute_interconnect_"
				"attachment", "pairing_key");
	else if (partner && !strcasecmp(partner, "aws"))
		j = aws_join(im, r);
	const char *part = NULL;
	if (partner && !strcasecmp(partner, "azure")) {
		/* the ExpressRoute link port_choice names (§5.9) */
		j = imp_join_by(im, r, "b_end_partner_config.azure_config."
			    "service_key", "azurerm_express_route_circuit",
			    "service_key");
		const char *pc = imp_psval(im, r, "b_end_partner_config."
					   "azure_config.port_choice");
		part = pc && !strcasecmp(pc, "secondary") ? "secondary" :
							    "primary";
	} else if (partner && !strcasecmp(partner, "oracle")) {
		j = imp_join_by(im, r, "b_end_partner_config.oracle_config."
			    "virtual_circuit_id", "oci_core_virtual_circuit",
			    "id");
		part = "0";
	}
	if (j && part)
		json_object_set_new(c, "\x01" "jpart", json_string(part));
	if (j) {
		json_object_set_new(c, "\x01" "join", json_string(j->address));
		json_object_set_new(c, "\x01" "xz", json_boolean(!ph && dev));
	}
	if (edn)
		json_object_set_new(c, "\x01" "edn", json_integer(edn));
	free(dev);
	free(pop);
}

/* Ports, LAG ports, MCRs and MVEs are read for the VXCs using them. */
static const char *const maps[] = {"megaport_vxc", NULL};
static const char *const helpers[] = {
	"megaport_port", "megaport_lag_port", "megaport_mcr", "megaport_mve",
	NULL};

const struct imp_provider imp_megaport = {
	.maps = maps, .map = map_vxc, .helpers = helpers};
