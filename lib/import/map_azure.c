/*
 * Azure ExpressRoute (IMPORT.md §5.2): each circuit becomes two circuits,
 * its primary and secondary links, on the MSEE pair of its peering
 * location or on the links of its ExpressRoute Direct port; the private
 * peering gives both links their BGP, the connections their cloud.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

#define T_CIRCUIT "azurerm_express_route_circuit"
#define T_PEERING "azurerm_express_route_circuit_peering"
#define T_PORT "azurerm_express_route_port"
#define T_VNGC "azurerm_virtual_network_gateway_connection"
#define T_ERC "azurerm_express_route_connection"
#define T_VNG "azurerm_virtual_network_gateway"
#define T_ERGW "azurerm_express_route_gateway"

/* Whether peering p is the private peering §5.2 maps. */
static bool private_peering(struct imp *im, struct tf_res *p)
{
	const char *t = imp_sval(im, p, "peering_type");
	return t && !strcmp(t, "AzurePrivatePeering");
}

/*
 * The circuit a peering belongs to: express_route_circuit_name and
 * resource_group_name compared by value, else the configuration.
 */
static struct tf_res *peering_circuit(struct imp *im, struct tf_res *p)
{
	const char *name = imp_sval(im, p, "express_route_circuit_name");
	const char *rg = imp_sval(im, p, "resource_group_name");
	if (!name)
		return imp_by_config(im, p, "express_route_circuit_name",
				     T_CIRCUIT);
	struct tf_res *hit = NULL;
	size_t n = 0, k;
	bool rg_skipped = false;
	json_t *idx = json_object_get(im->indexes, "azname"), *x;
	if (!idx) {
		/* circuits by name, built once */
		idx = json_object();
		json_object_set_new(im->indexes, "azname", idx);
		for (size_t j = 0; j < im->nr; j++) {
			struct tf_res *t = &im->r[j];
			json_t *tn = json_object_get(t->values, "name");
			if (t->data || strcmp(t->type, T_CIRCUIT) ||
			    !json_is_string(tn) || imp_unknown(t, "name"))
				continue;
			json_t *l = json_object_get(idx, json_string_value(tn));
			if (!l) {
				l = json_array();
				json_object_set_new(idx, json_string_value(tn),
						    l);
			}
			json_array_append_new(l, json_integer((json_int_t)j));
		}
	}
	json_array_foreach(json_object_get(idx, name), k, x) {
		struct tf_res *t = &im->r[json_integer_value(x)];
		json_t *tr = json_object_get(t->values, "resource_group_name");
		if (rg && json_is_string(tr) &&
		    !imp_unknown(t, "resource_group_name")) {
			if (strcmp(json_string_value(tr), rg))
				continue;
		} else {
			rg_skipped = true;
		}
		if (!hit)
			hit = t;
		if (++n == 2)
			break; /* several: enough to know */
	}
	if (n > 1 && rg_skipped) {
		struct tf_res *c = imp_by_config(im, p,
				"express_route_circuit_name", T_CIRCUIT);
		if (c)
			return c;
	}
	if (n > 1)
		imp_find(im, "IMP011", NSP_IMP_WARNING, p->loc,
			 "%s: express_route_circuit_name has several "
			 "candidates; took %s", p->address, hit->address);
	return hit;
}

/* The entry of circuit address a in the index ix, created on first use. */
static json_t *entry(json_t *ix, const char *a)
{
	json_t *e = json_object_get(ix, a);
	if (!e) {
		e = json_pack("{s:[],s:[]}", "peer", "gw");
		json_object_set_new(ix, a, e);
	}
	return e;
}

/*
 * The gateway a connection names in attr (of type want): its resource
 * index, or -1 and the external cloud id in *ext; false when unresolved.
 */
static bool conn_gateway(struct imp *im, struct tf_res *c, const char *attr,
			 const char *want, json_int_t *gi, char **ext)
{
	const char *v = imp_sval(im, c, attr);
	struct tf_res *gw = NULL;
	*gi = -1;
	*ext = NULL;
	if (v)
		gw = imp_by_value(im, want, "id", v, false);
	else if (imp_unknown(c, attr))
		gw = imp_by_config(im, c, attr, want);
	if (gw) {
		*gi = (json_int_t)(gw - im->r);
		return true;
	}
	if (v) {
		char *seg = imp_last_seg(v);
		*ext = imp_ns_id("az-gw", seg);
		free(seg);
		return true;
	}
	if (imp_unknown(c, attr))
		imp_find(im, "IMP010", NSP_IMP_WARNING, c->loc,
			 "%s: %s resolves neither by value nor by "
			 "configuration; the circuit gets no cloud from it",
			 c->address, attr);
	return false;
}

/* Record connection c (index ci) to circuit circ through gateway attr. */
static void add_conn(struct imp *im, json_t *ix, struct tf_res *circ,
		     struct tf_res *c, const char *attr, const char *want)
{
	json_int_t gi;
	char *ext;
	if (!circ)
		return;
	if (!conn_gateway(im, c, attr, want, &gi, &ext)) {
		c->used = true; /* its circuit is known: IMP010 said the rest */
		return;
	}
	const char *cloud = gi >= 0 ? im->r[gi].id : ext;
	json_array_append_new(json_object_get(entry(ix, circ->address), "gw"),
			      json_pack("{s:s,s:I,s:I,s:s}", "cloud", cloud,
					"gw", gi, "conn",
					(json_int_t)(c - im->r), "attr", attr));
	free(ext);
}

/*
 * IMP041 where the connections' routing_weight differs between circuits
 * of one cloud: it ranks them for traffic to the customer, which FORMAT
 * cannot hold.
 */
static void weights(struct imp *im, json_t *ix)
{
	json_t *by_cloud = json_object(), *e, *g;
	const char *a;
	size_t i;
	json_object_foreach(ix, a, e) {
		json_array_foreach(json_object_get(e, "gw"), i, g) {
			struct tf_res *c = &im->r[json_integer_value(
				json_object_get(g, "conn"))];
			json_t *w = json_object_get(c->values, "routing_weight");
			if (!json_is_integer(w))
				continue;
			const char *cl = json_string_value(json_object_get(g,
								   "cloud"));
			json_t *l = imp_member(by_cloud, cl, true);
			json_array_append_new(l, json_integer((json_int_t)(
				c - im->r)));
		}
	}
	json_object_foreach(by_cloud, a, e) {
		bool differ = false;
		json_int_t first = -1;
		json_array_foreach(e, i, g) {
			json_int_t w = json_integer_value(json_object_get(
				im->r[json_integer_value(g)].values,
				"routing_weight"));
			if (first < 0)
				first = w;
			differ |= w != first;
		}
		json_array_foreach(e, i, g) {
			struct tf_res *c = &im->r[json_integer_value(g)];
			if (!differ)
				break;
			imp_find(im, "IMP041", NSP_IMP_INFO, c->loc,
				 "%s: routing_weight %lld ranks its circuit "
				 "for traffic to the customer (the weights of "
				 "cloud '%s' differ), which the design format "
				 "cannot hold: give local_pref or role in the "
				 "overlay", c->address, (long long)
				 json_integer_value(json_object_get(c->values,
					 "routing_weight")), a);
		}
	}
	json_decref(by_cloud);
}

/* The MSEE of a peering location and provider (§5.2), fresh. */
static char *msee_id(const char *loc, const char *spn, const char *side)
{
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "az-msee/");
	nsp_imp_slug(&b, loc);
	nsp_buf_putc(&b, '/');
	nsp_imp_slug(&b, spn);
	nsp_buf_printf(&b, "/%s", side);
	if (b.len > 64) {
		char *raw = nsp_xasprintf("%s/%s/%s", loc, spn, side);
		b.len = 55;
		b.s[55] = '\0';
		nsp_buf_printf(&b, "-%08x", nsp_imp_fnv1a(raw, strlen(raw)));
		free(raw);
	}
	return nsp_buf_detach(&b);
}

/* The smallest cloud id among a circuit's gateways, else "azure". */
static const char *cloud_of(json_t *gws)
{
	json_t *g;
	size_t i;
	const char *best = NULL;
	json_array_foreach(gws, i, g) {
		const char *cl = json_string_value(json_object_get(g,
								   "cloud"));
		if (!best || strcmp(cl, best) < 0)
			best = cl;
	}
	return best ? best : "azure";
}

/*
 * What identifies the devices a circuit lands on: its Direct port, else
 * its MSEE pair (location and provider); fresh, NULL when unknown.
 */
static char *device_key(struct imp *im, struct tf_res *r)
{
	const char *pv = imp_sval(im, r, "express_route_port_id");
	if (pv || imp_unknown(r, "express_route_port_id")) {
		struct tf_res *port = pv ? imp_by_value(im, T_PORT, "id", pv,
							false) : NULL;
		if (!port && (!pv || im->plan))
			port = imp_by_config(im, r, "express_route_port_id",
					     T_PORT);
		if (port)
			return nsp_xasprintf("P\x1f%s", port->address);
		return pv ? nsp_xasprintf("V\x1f%s", pv) : NULL;
	}
	const char *loc = imp_sval(im, r, "peering_location");
	const char *spn = imp_sval(im, r, "service_provider_name");
	return loc && spn ? msee_id(loc, spn, "") : NULL;
}

/*
 * Per device key, the clouds of the circuits landing there: a device
 * serving several becomes one router per cloud (§4.1, IMP051).
 */
static void device_clouds(struct imp *im, json_t *ix)
{
	json_t *dev = json_object();
	json_object_set_new(im->indexes, "azdev", dev);
	for (size_t j = 0; j < im->nr; j++) {
		struct tf_res *t = &im->r[j];
		if (t->data || strcmp(t->type, T_CIRCUIT))
			continue;
		char *key = device_key(im, t);
		if (!key)
			continue;
		json_t *set = imp_member(dev, key, false);
		json_object_set_new(set, cloud_of(json_object_get(
			json_object_get(ix, t->address), "gw")), json_true());
		free(key);
	}
}

/*
 * The index of §5.2's links, built once: per circuit address, its
 * peerings and the gateways its connections name.
 */
static json_t *az_index(struct imp *im)
{
	json_t *ix = json_object_get(im->indexes, "az");
	if (ix)
		return ix;
	ix = json_object();
	json_object_set_new(im->indexes, "az", ix);
	json_t *peer_circ = json_object(); /* peering address -> circuit */
	for (size_t j = 0; j < im->nr; j++) {
		struct tf_res *p = &im->r[j];
		if (p->data || strcmp(p->type, T_PEERING))
			continue;
		struct tf_res *c = peering_circuit(im, p);
		if (!c)
			continue;
		json_array_append_new(json_object_get(entry(ix, c->address),
						      "peer"),
				      json_integer((json_int_t)j));
		json_object_set_new(peer_circ, p->address, json_integer(
			(json_int_t)(c - im->r)));
	}
	for (size_t j = 0; j < im->nr; j++) {
		struct tf_res *c = &im->r[j], *circ = NULL;
		if (c->data)
			continue;
		if (!strcmp(c->type, T_VNGC)) {
			const char *t = imp_sval(im, c, "type");
			if (!t || strcmp(t, "ExpressRoute"))
				continue;
			const char *v = imp_sval(im, c,
						 "express_route_circuit_id");
			if (v)
				circ = imp_by_value(im, T_CIRCUIT, "id", v,
						    false);
			else if (imp_unknown(c, "express_route_circuit_id"))
				circ = imp_by_config(im, c,
					"express_route_circuit_id", T_CIRCUIT);
			add_conn(im, ix, circ, c, "virtual_network_gateway_id",
				 T_VNG);
		} else if (!strcmp(c->type, T_ERC)) {
			const char *v = imp_sval(im, c,
				"express_route_circuit_peering_id");
			struct tf_res *p = NULL;
			if (v)
				p = imp_by_value(im, T_PEERING, "id", v, false);
			/* unknown, or the peerings' ids are (a plan) */
			if (!p)
				p = imp_by_config(im, c,
					"express_route_circuit_peering_id",
					T_PEERING);
			json_t *pc = p ? json_object_get(peer_circ, p->address)
				       : NULL;
			if (pc)
				circ = &im->r[json_integer_value(pc)];
			add_conn(im, ix, circ, c, "express_route_gateway_id",
				 T_ERGW);
		}
	}
	json_decref(peer_circ);
	weights(im, ix);
	device_clouds(im, ix);
	return ix;
}

/*
 * The circuit's cloud: the gateway its connections name, the smallest
 * cloud id when several (IMP050), else the fallback; fresh id, *gw set
 * when it is a gateway (the edge routers' `gateway`).
 */
static char *er_cloud(struct imp *im, struct tf_res *r, json_t *gws,
		      bool *gw)
{
	json_t *g, *best = NULL;
	size_t i, distinct = 0;
	const char *bid = NULL;
	struct nsp_buf names = {0};
	json_array_foreach(gws, i, g) {
		const char *cl = json_string_value(json_object_get(g,
								   "cloud"));
		struct tf_res *c = &im->r[json_integer_value(json_object_get(
			g, "conn"))];
		c->used = true;
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			seen |= !strcmp(cl, json_string_value(json_object_get(
				json_array_get(gws, k), "cloud")));
		if (seen)
			continue;
		distinct++;
		nsp_buf_printf(&names, "%s'%s'", distinct > 1 ? ", " : "", cl);
		if (!bid || strcmp(cl, bid) < 0) {
			bid = cl;
			best = g;
		}
	}
	*gw = best != NULL;
	if (distinct > 1)
		imp_find(im, "IMP050", NSP_IMP_WARNING, r->loc,
			 "%s: connected to %zu gateways (%s); the design "
			 "format gives a circuit one cloud: took '%s'",
			 r->address, distinct, names.s, bid);
	nsp_buf_free(&names);
	if (!best) {
		imp_fallback_cloud(im, "azure", imp_source(r, NULL));
		return nsp_xstrdup("azure");
	}
	json_int_t gi = json_integer_value(json_object_get(best, "gw"));
	if (gi >= 0)
		return nsp_xstrdup(imp_gateway_cloud(im, &im->r[gi], "azure"));
	struct tf_res *c = &im->r[json_integer_value(json_object_get(best,
								     "conn"))];
	json_t *e = imp_imported(im, "clouds", bid, imp_source(c,
			json_string_value(json_object_get(best, "attr"))),
				 false);
	json_object_set_new(e, "provider", json_string("azure"));
	return nsp_xstrdup(bid);
}

/* The BGP of a link from the private peering p (side 0 primary). */
static void er_bgp(struct imp *im, json_t *c, struct tf_res *p, int side,
		   long long asn, long long peer_asn)
{
	if (asn)
		json_object_set_new(imp_bgp_of(c), "asn", json_integer(asn));
	if (peer_asn)
		json_object_set_new(imp_bgp_of(c), "peer_asn",
				    json_integer(peer_asn));
	const char *pfx = p ? imp_sval(im, p, side ?
				       "secondary_peer_address_prefix" :
				       "primary_peer_address_prefix") : NULL;
	char *ip = pfx ? imp_host_of(pfx, 1, true) : NULL;
	char *pip = pfx ? imp_host_of(pfx, 2, false) : NULL;
	if (ip && pip) {
		json_object_set_new(imp_bgp_of(c), "ip", json_string(ip));
		json_object_set_new(imp_bgp_of(c), "peer_ip", json_string(pip));
	} else if (pfx) {
		imp_find(im, "IMP001", NSP_IMP_ERROR, p->loc,
			 "%s: %s_peer_address_prefix is not a prefix with two "
			 "host addresses; left out", p->address,
			 side ? "secondary" : "primary");
	}
	free(ip);
	free(pip);
}

/* The ExpressRoute Direct port of circuit r, if it names one. */
static struct tf_res *er_port(struct imp *im, struct tf_res *r, bool *direct,
			      char **port_id)
{
	const char *pv = imp_sval(im, r, "express_route_port_id");
	struct tf_res *port = NULL;
	*direct = pv || imp_unknown(r, "express_route_port_id");
	*port_id = NULL;
	if (pv)
		port = imp_by_value(im, T_PORT, "id", pv, false);
	/* in a plan the port's id may be unknown while the value is not */
	if (!port && *direct && (!pv || im->plan))
		port = imp_by_config(im, r, "express_route_port_id", T_PORT);
	if (port) {
		port->used = true;
		*port_id = nsp_xstrdup(port->id);
	} else if (pv) {
		char *seg = imp_last_seg(pv);
		*port_id = imp_ns_id("az-erport", seg);
		free(seg);
	} else if (*direct) {
		imp_find(im, "IMP010", NSP_IMP_WARNING, r->loc,
			 "%s: express_route_port_id resolves neither by value "
			 "nor by configuration; placeholders", r->address);
	}
	return port;
}

/* Azure ExpressRoute (§5.2): one circuit, two links. */
static void map_er(struct imp *im, struct tf_res *r)
{
	json_t *mine = json_object_get(az_index(im), r->address);
	bool direct, gw;
	char *port_id;
	struct tf_res *port = er_port(im, r, &direct, &port_id);
	/* the private peering: the first by address */
	struct tf_res *peer = NULL;
	json_t *pi;
	size_t i;
	json_array_foreach(json_object_get(mine, "peer"), i, pi) {
		struct tf_res *p = &im->r[json_integer_value(pi)];
		if (peer || !private_peering(im, p))
			continue;
		peer = p;
		peer->used = true;
		struct tf_res v6 = imp_sub(p, "ipv6", 0);
		if (imp_has_block(p, "ipv6") &&
		    !json_is_false(json_object_get(v6.values, "enabled")))
			imp_find(im, "IMP041", NSP_IMP_INFO, p->loc,
				 "%s: its ipv6 block is a second BGP session "
				 "on each link, which the design format cannot "
				 "hold; only the IPv4 session is imported",
				 p->address);
	}
	char *cloud = er_cloud(im, r, json_object_get(mine, "gw"), &gw);
	/* devices serving several clouds: a router per cloud (IMP051) */
	char *dkey = device_key(im, r);
	json_t *dclouds = dkey ? json_object_get(json_object_get(im->indexes,
						 "azdev"), dkey) : NULL;
	bool per_cloud = json_object_size(dclouds) > 1;
	if (per_cloud && !json_is_true(json_object_get(dclouds, "\x01told"))) {
		imp_find(im, "IMP051", NSP_IMP_INFO, r->loc,
			 "%s: its %s serves circuits of %zu clouds: one "
			 "router per cloud, '<device>/<cloud>'",
			 r->address, direct ? "ExpressRoute Direct port" :
			 "MSEE pair", json_object_size(dclouds));
		json_object_set_new(dclouds, "\x01told", json_true());
	}
	free(dkey);
	/* the location, of the circuit or its port */
	struct tf_res *lsrc = r;
	const char *loc = imp_sval(im, r, "peering_location");
	if (!loc && port) {
		lsrc = port;
		loc = imp_sval(im, port, "peering_location");
	}
	char *pop;
	bool pop_ph = !loc;
	if (loc) {
		pop = imp_ns_id("az-loc", loc);
		imp_imported(im, "pops", pop, imp_source(lsrc,
				"peering_location"), false);
	} else {
		pop = imp_sub_id(port_id ? port_id : r->id, "pop");
		imp_imported(im, "pops", pop, imp_source(port ? port : r,
				"peering_location"), true);
	}
	const char *spn = direct ? NULL : imp_sval(im, r,
						   "service_provider_name");
	/* what both links share */
	double bw = 0;
	const char *bwattr = "bandwidth_in_mbps";
	bool has_bw = imp_num(im, r, bwattr, &bw);
	if (!has_bw && imp_num(im, r, "bandwidth_in_gbps", &bw)) {
		bwattr = "bandwidth_in_gbps";
		bw *= 1000;
		has_bw = true;
	}
	long long vlan = 0, asn = 0, peer_asn = 0;
	if (peer) {
		imp_ival(im, peer, "vlan_id", 1, 4094, &vlan);
		imp_ival(im, peer, "peer_asn", 1, 4294967295LL, &asn);
		imp_ival(im, peer, "azure_asn", 1, 4294967295LL, &peer_asn);
	}
	for (int side = 0; side < 2; side++) {
		const char *part = side ? "secondary" : "primary";
		const char *link = side ? "link2" : "link1";
		json_t *c = imp_circuit_part(im, r, part);
		const char *cid = json_string_value(json_object_get(c, "id"));
		char *dev;
		bool ph = false, def = false;
		json_t *dsrc;
		const char *zport = NULL;
		struct tf_res lk = {0};
		if (direct && port) {
			lk = imp_sub(port, link, 0);
			zport = imp_sval(im, &lk, "interface_name");
		} else if (peer) {
			zport = imp_sval(im, peer, side ? "secondary_azure_port"
						      : "primary_azure_port");
		}
		const char *rn = direct && port ? imp_sval(im, &lk,
							   "router_name") : NULL;
		char *attr = nsp_xasprintf("%s.router_name", link);
		if (rn) {
			dev = imp_ns_id("az-erd", rn);
			dsrc = imp_source(port, attr);
		} else if (direct) {
			dev = imp_sub_id(port_id ? port_id : r->id, link);
			dsrc = port ? imp_source(port, attr) :
				      imp_source(r, "express_route_port_id");
			ph = true;
		} else if (loc && spn) {
			dev = msee_id(loc, spn, part);
			dsrc = imp_source(r, "peering_location");
			def = true;
		} else {
			dev = imp_sub_id(cid, "edge");
			dsrc = imp_source(r, "service_provider_name");
			ph = true;
		}
		free(attr);
		if (per_cloud) {
			char *d = imp_sub_id(dev, cloud);
			free(dev);
			dev = d;
		}
		imp_edge_router(im, dev, dsrc, pop, cloud, ph);
		json_t *router = imp_elem(im->design, "routers", dev);
		if (pop_ph && !imp_is_default(router, "pop"))
			imp_default(router, "pop");
		if (gw)
			json_object_set_new(router, "gateway",
					    json_string(cloud));
		imp_set_z(c, dev, zport, ph || def);
		if (has_bw)
			imp_put_bw(im, c, r, bwattr, bw);
		if (spn)
			imp_set_carrier(c, spn);
		if (vlan)
			json_object_set_new(c, "vlan", json_integer(vlan));
		er_bgp(im, c, peer, side, asn, peer_asn);
		if (direct && port && json_is_false(json_object_get(lk.values,
							"admin_enabled")))
			imp_find(im, "IMP060", NSP_IMP_WARNING, port->loc,
				 "%s: %s administratively down (admin_enabled: "
				 "false): circuit '%s' of %s imported as is",
				 port->address, link, cid, r->address);
		free(dev);
	}
	free(cloud);
	free(pop);
	free(port_id);
}

/* A peering or connection that fed no circuit: IMP031. */
static void unused(struct imp *im, struct tf_res *r)
{
	if (!strcmp(r->type, T_PEERING)) {
		const char *t = imp_sval(im, r, "peering_type");
		if (t && strcmp(t, "AzurePrivatePeering"))
			imp_find(im, "IMP031", NSP_IMP_INFO, r->loc,
				 "%s: left out, a %s (only AzurePrivatePeering "
				 "reaches a virtual network)", r->address, t);
		else
			imp_find(im, "IMP031", NSP_IMP_INFO, r->loc,
				 "%s: left out, a peering of no ExpressRoute "
				 "circuit in the input", r->address);
	} else if (!strcmp(r->type, T_ERC) || !strcmp(r->type, T_VNGC)) {
		const char *t = imp_sval(im, r, "type");
		if (!strcmp(r->type, T_ERC) || (t && !strcmp(t,
							   "ExpressRoute")))
			imp_find(im, "IMP031", NSP_IMP_INFO, r->loc,
				 "%s: left out, a connection of no "
				 "ExpressRoute circuit in the input",
				 r->address);
	}
}

static const char *const maps[] = {T_CIRCUIT, NULL};
static const char *const helpers[] = {
	T_PEERING, T_PORT, T_VNGC, T_ERC, T_VNG, T_ERGW, NULL};

const struct imp_provider imp_azure = {
	.maps = maps, .map = map_er, .helpers = helpers, .unused = unused};
