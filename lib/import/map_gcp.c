/*
 * Google Cloud Interconnect (IMPORT.md §5.3): VLAN attachments, the
 * Dedicated Interconnect they use and their Cloud Router.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

/* Google's edge domain and metro from a location L = <m>-zone<n>-…. */
void imp_gcp_pop_fields(json_t *pop, const char *l)
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

/*
 * The edge domain number of attachment r (PARTNER: its availability
 * domain, else the pairing key's last digit, compared in memory; else its
 * PoP's `-zone<n>`) kept for the joins of §5.9, and IMP042 when its name
 * says another zone.
 */
static void edge_domain_checks(struct imp *im, struct tf_res *r, json_t *c,
			       bool partner, const char *pop)
{
	int n = 0;
	if (partner) {
		json_t *ad = imp_raw(r, "edge_availability_domain");
		json_t *pk = imp_raw(r, "pairing_key");
		const char *s = json_string_value(ad);
		if (s && !strncmp(s, "AVAILABILITY_DOMAIN_", 20) &&
		    s[20] >= '1' && s[20] <= '9' && !s[21])
			n = s[20] - '0';
		else if (json_is_string(pk) && *json_string_value(pk)) {
			const char *k = json_string_value(pk);
			char last = k[strlen(k) - 1];
			if (last >= '1' && last <= '9')
				n = last - '0';
		}
	} else if (pop) {
		const char *z = strstr(pop, "-zone");
		if (z && z[5] >= '1' && z[5] <= '9')
			n = z[5] - '0';
	}
	if (!n)
		return;
	json_object_set_new(c, "\x01" "edn", json_integer(n));
	const char *nm = imp_sval(im, r, "name");
	int nz = nm ? imp_name_zone(nm) : 0;
	if (nz && nz != n)
		imp_find(im, "IMP042", NSP_IMP_WARNING, r->loc,
			 "%s: the name '%s' suggests zone %d, but %s says %d; "
			 "%s is used", r->address, nm, nz, partner ?
			 "edge_availability_domain" : "the interconnect's "
			 "location", n, partner ? "edge_availability_domain" :
			 "the location");
}

/* The last segment of string value key of t, fresh, or NULL. */
static char *seg_of(struct tf_res *t, const char *key)
{
	json_t *v = imp_raw(t, key);
	return json_is_string(v) && *json_string_value(v) ?
		       imp_last_seg(json_string_value(v)) : NULL;
}

/* Append index j to the list under key k of index idx. */
static void index_add(json_t *idx, const char *k, size_t j)
{
	json_t *l = imp_member(idx, k, true);
	json_array_append_new(l, json_integer((json_int_t)j));
}

/*
 * The indexes of router interfaces by the attachment they join ("gif":
 * attachment address -> interfaces) and of peers by their interface
 * ("gpeer": interface address -> peers), built on first use (§5.3 links:
 * interface `interconnect_attachment` -> attachment `name`; peer
 * `interface` -> interface `name` on the same `router` and `region`).
 */
static void router_indexes(struct imp *im)
{
	if (json_object_get(im->indexes, "gif"))
		return;
	json_t *gif = json_object(), *gpeer = json_object(), *ix;
	json_t *byname = json_object();
	size_t i;
	json_array_foreach(imp_of_type(im, "google_compute_router_interface"),
			   i, ix) {
		size_t j = (size_t)json_integer_value(ix);
		struct tf_res *t = &im->r[j];
		char *n = seg_of(t, "name"), *ro = seg_of(t, "router");
		json_t *rg = imp_raw(t, "region");
		if (n) {
			char *k = nsp_xasprintf("%s\x1f%s\x1f%s", n, ro ? ro : "",
						json_is_string(rg) ?
						json_string_value(rg) : "");
			json_object_set_new(byname, k, json_integer((json_int_t)j));
			free(k);
		}
		free(n);
		free(ro);
		char *a = seg_of(t, "interconnect_attachment");
		struct tf_res *at = a ? imp_by_value(im,
			"google_compute_interconnect_attachment", "name", a, true) :
			imp_unknown(t, "interconnect_attachment") ?
			imp_by_config(im, t, "interconnect_attachment",
				      "google_compute_interconnect_attachment") :
			NULL;
		free(a);
		if (at)
			index_add(gif, at->address, j);
	}
	json_array_foreach(imp_of_type(im, "google_compute_router_peer"), i, ix) {
		size_t j = (size_t)json_integer_value(ix);
		struct tf_res *t = &im->r[j];
		char *n = seg_of(t, "interface"), *ro = seg_of(t, "router");
		json_t *rg = imp_raw(t, "region");
		struct tf_res *itf = NULL;
		if (n) {
			char *k = nsp_xasprintf("%s\x1f%s\x1f%s", n, ro ? ro : "",
						json_is_string(rg) ?
						json_string_value(rg) : "");
			json_t *hit = json_object_get(byname, k);
			free(k);
			if (hit)
				itf = &im->r[json_integer_value(hit)];
		} else if (imp_unknown(t, "interface")) {
			itf = imp_by_config(im, t, "interface",
					    "google_compute_router_interface");
		}
		free(n);
		free(ro);
		if (itf)
			index_add(gpeer, itf->address, j);
	}
	json_decref(byname);
	json_object_set_new(im->indexes, "gif", gif);
	json_object_set_new(im->indexes, "gpeer", gpeer);
}

/* The peers of interface t, ordered by name (the first is imported). */
static json_t *peers_of(struct imp *im, struct tf_res *t)
{
	router_indexes(im);
	return json_object_get(json_object_get(im->indexes, "gpeer"),
			       t->address);
}

/* The peer of l whose name sorts first. */
static struct tf_res *first_peer(struct imp *im, json_t *l)
{
	struct tf_res *best = NULL;
	const char *bn = NULL;
	size_t i;
	json_t *ix;
	json_array_foreach(l, i, ix) {
		struct tf_res *t = &im->r[json_integer_value(ix)];
		json_t *n = imp_raw(t, "name");
		const char *s = json_is_string(n) ? json_string_value(n) : "";
		if (!best || strcmp(s, bn) < 0) {
			best = t;
			bn = s;
		}
	}
	return best;
}

/* bgp.receive from advertised_ip_ranges when advertise_mode is CUSTOM. */
static bool receive_of(json_t *bgp, json_t *c)
{
	json_t *mode = json_object_get(bgp, "advertise_mode");
	json_t *groups = json_object_get(bgp, "advertised_groups");
	json_t *ranges = json_object_get(bgp, "advertised_ip_ranges"), *e;
	if (!json_is_string(mode) || strcmp(json_string_value(mode), "CUSTOM") ||
	    json_array_size(groups) || !json_array_size(ranges))
		return false;
	json_t *rcv = json_array();
	size_t i;
	json_array_foreach(ranges, i, e) {
		json_t *r = json_object_get(e, "range");
		if (json_is_string(r) && imp_cidr_like(json_string_value(r)))
			json_array_append(rcv, r);
	}
	if (json_array_size(rcv))
		json_object_set_new(imp_bgp_of(c), "receive", rcv);
	else
		json_decref(rcv);
	return true;
}

/*
 * The router interface and BGP peer of attachment r (§5.3): bgp.asn,
 * the addresses the attachment lacks, bfd, receive; several peers: the
 * first by name, IMP041; a disabled peer: IMP060.
 */
static void router_parts(struct imp *im, struct tf_res *r, json_t *c,
			 struct tf_res *cr)
{
	router_indexes(im);
	json_t *l = json_object_get(json_object_get(im->indexes, "gif"),
				    r->address);
	struct tf_res *itf = l ? &im->r[json_integer_value(
		json_array_get(l, 0))] : NULL;
	json_t *peers = itf ? peers_of(im, itf) : NULL;
	struct tf_res *p = first_peer(im, peers);
	bool recv = false;
	if (itf)
		itf->used = true;
	const char *range = itf ? imp_sval(im, itf, "ip_range") : NULL;
	json_t *bgp = imp_bgp_of(c);
	if (p) {
		p->used = true;
		long long n;
		if (imp_ival(im, p, "peer_asn", 1, 4294967295LL, &n))
			json_object_set_new(bgp, "asn", json_integer(n));
		const char *pip = imp_sval(im, p, "peer_ip_address");
		/* the length: the interface's range, else the candidate subnet */
		json_t *cs = imp_raw(r, "candidate_subnets");
		const char *len = range ? range : json_string_value(
			json_is_array(cs) ? json_array_get(cs, 0) : cs);
		if (!json_object_get(bgp, "ip") && pip && len &&
		    strchr(len, '/')) {
			json_t *a = imp_addr_part(pip);
			char *s = nsp_xasprintf("%s%s", json_string_value(a),
						strchr(len, '/'));
			json_object_set_new(bgp, "ip", json_string(s));
			free(s);
			json_decref(a);
		}
		const char *ip = imp_sval(im, p, "ip_address");
		if (!json_object_get(bgp, "peer_ip") && ip)
			json_object_set_new(bgp, "peer_ip", imp_addr_part(ip));
		/* BFD: the provider side's, the customer side a default */
		json_t *bfd = json_object();
		json_object_set_new(bfd, "local", json_false());
		imp_default(c, "bgp.bfd.local");
		json_t *b = imp_raw(p, "bfd");
		const char *mode = json_string_value(json_object_get(b,
			"session_initialization_mode"));
		if (imp_punknown(p, "bfd")) {
			json_object_set_new(bfd, "peer", json_false());
			imp_default(c, "bgp.bfd.peer");
		} else if (mode && (!strcmp(mode, "ACTIVE") ||
				    !strcmp(mode, "PASSIVE"))) {
			json_object_set_new(bfd, "peer", json_true());
			json_t *tx = json_object_get(b, "min_transmit_interval");
			json_t *rx = json_object_get(b, "min_receive_interval");
			json_t *mu = json_object_get(b, "multiplier");
			json_int_t iv = json_is_integer(tx) ?
				json_integer_value(tx) : 0;
			if (json_is_integer(rx) && json_integer_value(rx) > iv)
				iv = json_integer_value(rx);
			if (iv > 0)
				json_object_set_new(bfd, "interval_ms",
						    json_integer(iv));
			if (json_is_integer(mu) && json_integer_value(mu) > 0)
				json_object_set_new(bfd, "multiplier",
					json_integer(json_integer_value(mu)));
		} else {
			json_object_set_new(bfd, "peer", json_false());
		}
		json_object_set_new(bgp, "bfd", bfd);
		recv = receive_of(p->values, c);
		json_t *prio = imp_raw(p, "advertised_route_priority");
		if (json_is_integer(prio))
			imp_provider_pref(c, "advertised_route_priority",
					  json_integer_value(prio));
		if (json_is_false(imp_raw(p, "enable")))
			imp_find(im, "IMP060", NSP_IMP_WARNING, p->loc,
				 "%s: BGP peer administratively down (enable: "
				 "false); imported as is", p->address);
		if (json_array_size(peers) > 1)
			imp_find(im, "IMP041", NSP_IMP_INFO, p->loc,
				 "%s: %zu BGP peers on interface %s; %s is "
				 "imported", r->address, json_array_size(peers),
				 itf->address, p->address);
	}
	if (!json_object_get(bgp, "peer_ip") && range)
		json_object_set_new(bgp, "peer_ip", imp_addr_part(range));
	if (!recv && cr) {
		json_t *rb = json_object_get(cr->values, "bgp");
		receive_of(json_is_array(rb) ? json_array_get(rb, 0) : rb, c);
	}
	if (!json_object_size(bgp))
		json_object_del(c, "bgp");
}

/* A VPN router interface: one IMP031 naming its BGP peers (§5.3). */
static void unused(struct imp *im, struct tf_res *r)
{
	if (strcmp(r->type, "google_compute_router_interface") ||
	    (!imp_raw(r, "vpn_tunnel") && !imp_unknown(r, "vpn_tunnel")))
		return;
	json_t *l = peers_of(im, r), *ix;
	struct nsp_buf b = {0};
	size_t i;
	json_array_foreach(l, i, ix)
		nsp_buf_printf(&b, "%s%s", i ? ", " : "",
			       im->r[json_integer_value(ix)].address);
	imp_find(im, "IMP031", NSP_IMP_INFO, r->loc, "%s: left out, an HA VPN "
		 "interface (vpn_tunnel) with BGP peer%s %s; VPN tunnels are "
		 "not circuits yet", r->address, json_array_size(l) == 1 ? "" :
		 "s", b.len ? b.s : "(none)");
	nsp_buf_free(&b);
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
				imp_gcp_pop_fields(p, l);
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
	imp_z_cloud(c, cloud);
	edge_domain_checks(im, r, c, partner, pop);
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
	router_parts(im, r, c, cr);
	if (json_is_false(json_object_get(r->values, "admin_enabled")))
		imp_find(im, "IMP060", NSP_IMP_WARNING, r->loc,
			 "%s: administratively down (admin_enabled: false); "
			 "imported as is", r->address);
	free(cloud);
	free(dev);
	free(pop);
}

/*
 * An attachment group (§5.3): its `intent.availability_sla` as the
 * design's intent.availability (PRODUCTION_CRITICAL 99.99,
 * PRODUCTION_NON_CRITICAL 99.9), the highest over all groups.
 */
static void map_group(struct imp *im, struct tf_res *r)
{
	const char *sla = imp_psval(im, r, "intent.availability_sla");
	double a = !sla ? 0 : !strcmp(sla, "PRODUCTION_CRITICAL") ? 99.99 :
		   !strcmp(sla, "PRODUCTION_NON_CRITICAL") ? 99.9 : 0;
	if (!a)
		return;
	r->used = true;
	im->imported++;
	json_t *in = imp_member(im->design, "intent", false);
	json_t *cur = json_object_get(in, "availability");
	if (!cur || json_real_value(cur) < a)
		json_object_set_new(in, "availability", json_real(a));
}

/* One resource of a type that makes elements. */
static void map_gcp(struct imp *im, struct tf_res *r)
{
	if (!strcmp(r->type, "google_compute_interconnect_attachment_group"))
		map_group(im, r);
	else
		map_attachment(im, r);
}

static const char *const maps[] = {
	"google_compute_interconnect_attachment",
	"google_compute_interconnect_attachment_group", NULL};
static const char *const helpers[] = {
	"google_compute_interconnect", "google_compute_router",
	"google_compute_router_interface", "google_compute_router_peer", NULL};

const struct imp_provider imp_gcp = {
	.maps = maps, .map = map_gcp, .helpers = helpers,
	.unused = unused};
