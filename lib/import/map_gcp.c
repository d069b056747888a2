/*
 * Google Cloud Interconnect (IMPORT.md §5.3): VLAN attachments, the
 * Dedicated Interconnect they use and their Cloud Router.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

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
	const char *name = imp_sval(im, r, "router");
	if (!name)
		return imp_unknown(r, "router") ?
			       imp_by_config(im, r, "router",
					 "google_compute_router") : NULL;
	const char *region = imp_sval(im, r, "region");
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
static void map_attachment(struct imp *im, struct tf_res *r)
{
	const char *type = imp_sval(im, r, "type");
	if (type && !strcmp(type, "PARTNER_PROVIDER")) {
		imp_find(im, "IMP031", NSP_IMP_INFO, r->loc, "%s: left out, "
			 "a PARTNER_PROVIDER attachment is the partner's half",
			 r->address);
		return;
	}
	bool partner = type && !strcmp(type, "PARTNER");
	json_t *c = imp_circuit(im, r);
	/* the Cloud Router: cloud, peer ASN, srlg */
	struct tf_res *cr = gcp_router(im, r);
	char *cloud = NULL;
	const char *net = cr ? imp_sval(im, cr, "network") : NULL;
	if (net) {
		char *seg = imp_last_seg(net);
		cloud = imp_ns_id("gcp-vpc", seg);
		free(seg);
		json_t *e = imp_imported(im, "clouds", cloud, imp_source(cr, "network"),
				     false);
		json_object_set_new(e, "provider", json_string("gcp"));
	} else {
		cloud = nsp_xstrdup("gcp");
		imp_fallback_cloud(im, cloud, cr ? imp_source(cr, "network") :
					  imp_source(r, "router"));
	}
	const char *crname = cr ? imp_sval(im, cr, "name") : imp_sval(im, r, "router");
	const char *crregion = cr ? imp_sval(im, cr, "region") :
				    imp_sval(im, r, "region");
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
			json_object_set_new(imp_bgp_of(c), "peer_asn",
					    json_integer(json_integer_value(asn)));
	}
	/* the device and its location */
	char *dev = NULL, *pop = NULL;
	bool ph = false;
	json_t *dsrc = NULL, *psrc = NULL;
	if (!partner) {
		struct tf_res *ic = NULL;
		const char *icv = imp_sval(im, r, "interconnect");
		if (icv)
			ic = imp_by_value(im, "google_compute_interconnect",
				      "name", icv, true);
		else if (imp_unknown(r, "interconnect"))
			ic = imp_by_config(im, r, "interconnect",
				       "google_compute_interconnect");
		const char *icname = ic ? imp_sval(im, ic, "name") : NULL;
		const char *icloc = ic ? imp_sval(im, ic, "location") : NULL;
		if (ic && icname) {
			ic->used = true;
			dev = imp_ns_id("gcp-icn", icname);
			dsrc = imp_source(ic, NULL);
			if (icloc) {
				char *l = imp_last_seg(icloc);
				pop = imp_ns_id("gcp-loc", l);
				psrc = imp_source(ic, "location");
				json_t *p = imp_imported(im, "pops", pop, psrc,
						     false);
				gcp_pop_fields(p, l);
				free(l);
			} else {
				pop = imp_sub_id(dev, "pop");
				imp_imported(im, "pops", pop, imp_source(ic, "location"),
					 true);
			}
			imp_edge_router(im, dev, dsrc, pop, cloud, false);
			if (!icloc)
				imp_default(imp_elem(im->design, "routers",
						     dev), "pop");
		} else if (icv) {
			char *n = imp_last_seg(icv);
			dev = imp_ns_id("gcp-icn", n);
			free(n);
			pop = imp_sub_id(dev, "pop");
			imp_imported(im, "pops", pop, imp_source(r, "interconnect"),
				 true);
			imp_edge_router(im, dev, imp_source(r, "interconnect"), pop,
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
		const char *ead = imp_sval(im, r, "edge_availability_domain");
		const char *region = imp_sval(im, r, "region");
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
			json_t *p = imp_imported(im, "pops", pop,
					     imp_source(r, "edge_availability_domain"),
					     false);
			json_object_set_new(p, "edge_domain", json_string(d.s));
			nsp_buf_free(&d);
		}
	}
	if (!dev) {
		ph = true;
		dev = imp_sub_id(r->id, "edge");
		if (!pop) {
			pop = imp_sub_id(r->id, "pop");
			imp_imported(im, "pops", pop, imp_source(r, partner ?
				 "edge_availability_domain" : "interconnect"),
				 true);
		}
		imp_edge_router(im, dev, imp_source(r, partner ? "pairing_key" :
					    "interconnect"), pop, cloud, true);
		if (strncmp(pop, "gcp-ead/", 8))
			imp_default(imp_elem(im->design, "routers", dev), "pop");
	}
	imp_set_z(c, dev, NULL, ph);
	imp_set_bw(im, c, r, "bandwidth");
	long long n;
	if (imp_ival(im, r, "mtu", 68, 65535, &n))
		json_object_set_new(c, "mtu", json_integer(n));
	if (imp_ival(im, r, "vlan_tag8021q", 1, 4094, &n))
		json_object_set_new(c, "vlan", json_integer(n));
	const char *ip = imp_sval(im, r, "customer_router_ip_address");
	if (!ip)
		ip = imp_sval(im, r, "candidate_customer_router_ip_address");
	if (ip && imp_cidr_like(ip))
		json_object_set_new(imp_bgp_of(c), "ip", json_string(ip));
	const char *pip = imp_sval(im, r, "cloud_router_ip_address");
	if (!pip)
		pip = imp_sval(im, r, "candidate_cloud_router_ip_address");
	if (pip)
		json_object_set_new(imp_bgp_of(c), "peer_ip", imp_addr_part(pip));
	if (json_is_false(json_object_get(r->values, "admin_enabled")))
		imp_find(im, "IMP060", NSP_IMP_WARNING, r->loc,
			 "%s: administratively down (admin_enabled: false); "
			 "imported as is", r->address);
	free(cloud);
	free(dev);
	free(pop);
}

static const char *const maps[] = {
	"google_compute_interconnect_attachment", NULL};
static const char *const helpers[] = {
	"google_compute_interconnect", "google_compute_router", NULL};

const struct imp_provider imp_gcp = {
	.maps = maps, .map = map_attachment, .helpers = helpers};
