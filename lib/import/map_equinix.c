/*
 * Equinix Fabric (IMPORT.md §5.8): connections from a colocation port, a
 * Fabric Cloud Router or a virtual device to a service profile, with the
 * port names and service profile names of the data sources; the join of
 * a connection with its cloud's resource (§5.9) is prepared here and done
 * in joins.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

/* The element of data[] whose uuid is uuid in any data source of type. */
static json_t *data_elem(struct imp *im, const char *type, const char *uuid,
			 struct tf_res **from)
{
	size_t i;
	json_t *ix;
	json_array_foreach(imp_of_type(im, type), i, ix) {
		struct tf_res *t = &im->r[json_integer_value(ix)];
		if (!t->data)
			continue;
		size_t j;
		json_t *e;
		json_array_foreach(imp_raw(t, "data"), j, e) {
			json_t *u = json_object_get(e, "uuid");
			if (json_is_string(u) && !strcmp(json_string_value(u),
							 uuid)) {
				*from = t;
				return e;
			}
		}
		/* one element: a list read through imp_raw's unwrapping */
		json_t *u = json_object_get(imp_raw(t, "data"), "uuid");
		if (json_is_string(u) && !strcmp(json_string_value(u), uuid)) {
			*from = t;
			return imp_raw(t, "data");
		}
	}
	return NULL;
}

/* The first string of key in o, through a list's first element. */
static const char *first_str(json_t *o, const char *key)
{
	if (json_is_array(o))
		o = json_array_get(o, 0);
	json_t *v = json_object_get(o, key);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	return json_is_string(v) && *json_string_value(v) ?
		       json_string_value(v) : NULL;
}

/*
 * The PoP of router id: eqx-metro/<metro> made from attribute attr of r,
 * or without a metro the placeholder <id>/pop; fresh id.
 */
static char *metro_pop(struct imp *im, struct tf_res *r, const char *attr,
		       const char *metro, const char *id)
{
	char *pop = metro ? imp_ns_id("eqx-metro", metro) :
			    imp_sub_id(id, "pop");
	imp_imported(im, "pops", pop, imp_source(r, attr), !metro);
	return pop;
}

/* An exchange router id in pop (taken), source src; *added is new. */
static void exchange(struct imp *im, const char *id, json_t *src,
		     char *pop, bool pop_ph)
{
	json_t *e = imp_imported(im, "routers", id, src, false);
	if (!json_object_get(e, "role")) {
		json_object_set_new(e, "role", json_string("exchange"));
		json_object_set_new(e, "pop", json_string(pop));
		if (pop_ph)
			imp_default(e, "pop");
	}
	free(pop);
}

/* The a-side (§5.8): a port name and IBX tag, or an exchange router. */
static void a_side(struct imp *im, struct tf_res *r, json_t *c)
{
	const char *type = imp_psval(im, r, "a_side.access_point.type");
	json_t *a = json_object();
	json_object_set_new(c, "a", a);
	static const char *const mc = "a_side.access_point.location.metro_code";
	const char *metro = imp_psval(im, r, mc);
	if (type && !strcmp(type, "COLO")) {
		const char *u = imp_psval(im, r, "a_side.access_point.port.uuid");
		struct tf_res *from = NULL;
		json_t *p = u ? data_elem(im, "equinix_fabric_ports", u, &from)
			      : NULL;
		const char *name = first_str(p, "name");
		const char *ibx = first_str(json_object_get(p, "location"),
					    "ibx");
		if (name) {
			from->used = true;
			json_object_set_new(a, "port", json_string(name));
		} else if (u) {
			char *id = imp_ns_id("eqx-port", u);
			json_object_set_new(a, "port", json_string(id));
			free(id);
		}
		if (ibx) {
			struct nsp_buf b = {0};
			nsp_buf_puts(&b, "eqx-ibx-");
			nsp_imp_slug(&b, ibx);
			json_object_set_new(c, "srlg", json_pack("[s]", b.s));
			nsp_buf_free(&b);
		}
		return;
	}
	if (type && !strcmp(type, "CLOUD_ROUTER")) {
		static const char *const ru = "a_side.access_point.router.uuid";
		static const char *const fcr = "equinix_fabric_cloud_router";
		const char *u = imp_psval(im, r, ru);
		struct tf_res *f = u ? imp_by_value(im, fcr, "id", u, false) :
				       imp_by_config(im, r, ru, fcr);
		if (f) {
			f->used = true;
			const char *m = imp_psval(im, f, "location.metro_code");
			char *pop = metro_pop(im, f, "location.metro_code", m,
					      f->id);
			exchange(im, f->id, imp_source(f, NULL), pop, !m);
			long long n;
			if (imp_ival(im, f, "equinix_asn", 1, 4294967295LL, &n))
				json_object_set_new(imp_elem(im->design,
					"routers", f->id), "asn", json_integer(n));
			json_object_set_new(a, "router", json_string(f->id));
			return;
		}
		if (!u) {
			imp_find(im, "IMP010", NSP_IMP_WARNING, r->loc,
				 "%s: a_side.access_point.router.uuid resolves "
				 "neither by value nor by configuration",
				 r->address);
			return;
		}
		char *id = imp_ns_id("eqx-fcr", u);
		char *pop = metro_pop(im, r, mc, metro, id);
		exchange(im, id, imp_source(r, "a_side.access_point.router.uuid"),
			 pop, !metro);
		json_object_set_new(a, "router", json_string(id));
		free(id);
		return;
	}
	const char *vd = imp_psval(im, r,
				   "a_side.access_point.virtual_device.uuid");
	if (type && !strcmp(type, "VD") && vd) {
		char *id = imp_ns_id("eqx-vd", vd);
		char *pop = metro_pop(im, r, mc, metro, id);
		exchange(im, id, imp_source(r, "a_side.access_point."
					    "virtual_device.uuid"), pop, !metro);
		json_object_set_new(a, "router", json_string(id));
		free(id);
	}
}

/* The cloud a service profile's name names (§5.8). */
static const char *profile_cloud(const char *name)
{
	static const char *const m[][2] = {
		{"AWS", "aws"}, {"Amazon", "aws"}, {"Azure", "azure"},
		{"Microsoft", "azure"}, {"Google", "gcp"}, {"Oracle", "oracle"},
		{"IBM", "ibm"}, {"Alibaba", "alibaba"}};
	for (size_t i = 0; name && i < sizeof(m) / sizeof(m[0]); i++)
		if (strstr(name, m[i][0]))
			return m[i][1];
	return "generic";
}

/* Equinix Fabric (§5.8): one connection. */
static void map_connection(struct imp *im, struct tf_res *r)
{
	const char *zt = imp_psval(im, r, "z_side.access_point.type");
	if (zt && strcmp(zt, "SP")) {
		imp_find(im, "IMP031", NSP_IMP_INFO, r->loc, "%s: left out, "
			 "its z-side is %s, not a service profile",
			 r->address, zt);
		return;
	}
	json_t *c = imp_circuit(im, r);
	a_side(im, r, c);
	/* the service profile's name: on the connection or a data source */
	const char *pname = imp_psval(im, r, "z_side.access_point.profile.name");
	struct tf_res *from = NULL;
	if (!pname) {
		const char *u = imp_psval(im, r,
					  "z_side.access_point.profile.uuid");
		json_t *e = u ? data_elem(im, "equinix_fabric_service_profiles",
					  u, &from) : NULL;
		pname = first_str(e, "name");
		if (pname)
			from->used = true;
	}
	const char *cloud = profile_cloud(pname);
	imp_fallback_cloud(im, cloud, imp_source(r, "z_side.access_point."
						 "profile.name"));
	const char *metro = imp_psval(im, r,
				      "z_side.access_point.location.metro_code");
	int zone = !strcmp(cloud, "gcp") && pname ? imp_name_zone(pname) : 0;
	char *pop;
	if (metro && zone) {
		struct nsp_buf b = {0}, d = {0};
		nsp_buf_puts(&b, "eqx-metro/");
		nsp_imp_slug(&b, metro);
		nsp_buf_printf(&b, "/zone%d", zone);
		nsp_buf_puts(&d, "eqx-");
		nsp_imp_slug(&d, metro);
		nsp_buf_printf(&d, "-zone%d", zone);
		pop = nsp_buf_detach(&b);
		json_t *p = imp_imported(im, "pops", pop, imp_source(r,
			"z_side.access_point.location.metro_code"), false);
		json_object_set_new(p, "edge_domain", json_string(d.s));
		nsp_buf_free(&d);
	} else {
		pop = metro_pop(im, r, "z_side.access_point.location.metro_code",
				metro, r->id);
	}
	char *dev = imp_sub_id(r->id, "edge");
	imp_edge_router(im, dev, imp_source(r, "z_side.access_point.profile"),
			pop, cloud, true);
	if (!metro)
		imp_default(imp_elem(im->design, "routers", dev), "pop");
	imp_set_z(c, dev, NULL, true);
	imp_z_cloud(c, cloud);
	long long n;
	if (imp_ival(im, r, "bandwidth", 1, 100000000, &n))
		json_object_set_new(c, "bandwidth_mbps", json_integer(n));
	json_object_set_new(c, "carrier", json_string("equinix"));
	const char *lp = imp_psval(im, r,
				   "a_side.access_point.link_protocol.type");
	const char *vp = lp && !strcmp(lp, "QINQ") ?
		"a_side.access_point.link_protocol.vlan_s_tag" :
		"a_side.access_point.link_protocol.vlan_tag";
	if (imp_raw(r, vp) && imp_pival(im, r, vp, 1, 4094, &n))
		json_object_set_new(c, "vlan", json_integer(n));
	/* a name saying another zone than the profile (IMP042) */
	const char *nm = imp_sval(im, r, "name");
	int nz = nm ? imp_name_zone(nm) : 0;
	if (nz && zone && nz != zone)
		imp_find(im, "IMP042", NSP_IMP_WARNING, r->loc,
			 "%s: the name '%s' suggests zone %d, but the service "
			 "profile is Zone %d; the profile's zone is used",
			 r->address, nm, nz, zone);
	/* the cloud resource whose key the authentication key is (§5.9) */
	static const char *const auth = "z_side.access_point.authentication_key";
	struct tf_res *j = NULL;
	if (!strcmp(cloud, "gcp"))
		j = imp_join_by(im, r, auth,
				"google_compute_interconnect_attachment",
				"pairing_key");
	if (!strcmp(cloud, "azure")) {
		/* an ExpressRoute link, by redundancy.priority (§5.9) */
		j = imp_join_by(im, r, auth, "azurerm_express_route_circuit",
				"service_key");
		const char *pr = imp_psval(im, r, "redundancy.priority");
		json_object_set_new(c, "\x01" "jpart", json_string(
			pr && !strcmp(pr, "SECONDARY") ? "secondary" : "primary"));
	}
	if (j) {
		json_object_set_new(c, "\x01" "join", json_string(j->address));
		json_object_set_new(c, "\x01" "xz", json_false());
	}
	if (zone)
		json_object_set_new(c, "\x01" "edn", json_integer(zone));
	free(dev);
	free(pop);
}

static const char *const maps[] = {"equinix_fabric_connection", NULL};
static const char *const helpers[] = {"equinix_fabric_cloud_router", NULL};

const struct imp_provider imp_equinix = {
	.maps = maps, .map = map_connection, .helpers = helpers};
