/*
 * Alibaba Cloud Express Connect (IMPORT.md §5.5): each virtual border
 * router (VBR) is one circuit and its provider router, landing on a
 * physical connection at an access point; its BGP group and peer give
 * the ASNs and BFD.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

#define T_VBR "alicloud_express_connect_virtual_border_router"
#define T_PC "alicloud_express_connect_physical_connection"
#define T_GROUP "alicloud_vpc_bgp_group"
#define T_PEER "alicloud_vpc_bgp_peer"

/* The resource of type want that attr of r names: by id, else config. */
static struct tf_res *link_of(struct imp *im, struct tf_res *r,
			      const char *attr, const char *want)
{
	const char *v = imp_sval(im, r, attr);
	struct tf_res *t = v ? imp_by_value(im, want, "id", v, false) : NULL;
	if (!t && (!v || imp_unknown(r, attr) || im->plan))
		t = imp_by_config(im, r, attr, want);
	return t;
}

/*
 * The index built once: per VBR address, its BGP groups and, per group
 * address, its BGP peers (indexes into im->r, by address).
 */
static json_t *ali_index(struct imp *im)
{
	json_t *ix = json_object_get(im->indexes, "ali");
	if (ix)
		return ix;
	ix = json_object();
	json_object_set_new(im->indexes, "ali", ix);
	for (size_t j = 0; j < im->nr; j++) {
		struct tf_res *t = &im->r[j], *to = NULL;
		if (t->data)
			continue;
		if (!strcmp(t->type, T_GROUP))
			to = link_of(im, t, "router_id", T_VBR);
		else if (!strcmp(t->type, T_PEER))
			to = link_of(im, t, "bgp_group_id", T_GROUP);
		if (!to)
			continue;
		json_t *l = imp_member(ix, to->address, true);
		json_array_append_new(l, json_integer((json_int_t)j));
	}
	return ix;
}

/*
 * The first of the resources listed for address a; IMP041 for the
 * others (further sessions the design format cannot hold).
 */
static struct tf_res *first_of(struct imp *im, const char *a, const char *what)
{
	json_t *l = json_object_get(ali_index(im), a), *x;
	struct tf_res *first = NULL;
	size_t i;
	json_array_foreach(l, i, x) {
		struct tf_res *t = &im->r[json_integer_value(x)];
		t->used = true;
		if (!first) {
			first = t;
			continue;
		}
		imp_find(im, "IMP041", NSP_IMP_INFO, t->loc,
			 "%s: a further %s of %s, a second session the design "
			 "format cannot hold; only %s is imported", t->address,
			 what, a, first->address);
	}
	return first;
}

/* The landing's bandwidth: bandwidth (Mbit/s), else its port_type. */
static bool landing_bw(struct imp *im, struct tf_res *pc, double *bw,
		       const char **attr)
{
	if (!pc)
		return false;
	*attr = "bandwidth";
	if (imp_num(im, pc, "bandwidth", bw))
		return true;
	const char *pt = imp_sval(im, pc, "port_type");
	*attr = "port_type";
	*bw = pt ? imp_bw_text(pt) : -1;
	if (pt && *bw <= 0)
		imp_find(im, "IMP001", NSP_IMP_ERROR, pc->loc,
			 "%s: port_type '%s' gives no bandwidth; left out",
			 pc->address, pt);
	return *bw > 0;
}

/* BGP of VBR r: addresses, the group's ASNs, the peer's BFD. */
static void vbr_bgp(struct imp *im, struct tf_res *r, json_t *c)
{
	const char *peer = imp_sval(im, r, "peer_gateway_ip");
	const char *mask = imp_sval(im, r, "peering_subnet_mask");
	const char *local = imp_sval(im, r, "local_gateway_ip");
	int len = mask ? imp_mask_len(mask) : -1;
	if (peer && len > 0) {
		char *ip = nsp_xasprintf("%s/%d", peer, len);
		json_object_set_new(imp_bgp_of(c), "ip", json_string(ip));
		free(ip);
	} else if (mask && len <= 0) {
		imp_find(im, "IMP001", NSP_IMP_ERROR, r->loc,
			 "%s: peering_subnet_mask is not a netmask; left out",
			 r->address);
	}
	if (local)
		json_object_set_new(imp_bgp_of(c), "peer_ip",
				    json_string(local));
	struct tf_res *g = first_of(im, r->address, "BGP group");
	if (!g)
		return;
	long long n;
	if (imp_ival(im, g, "peer_asn", 1, 4294967295LL, &n))
		json_object_set_new(imp_bgp_of(c), "asn", json_integer(n));
	if (imp_ival(im, g, "local_asn", 1, 4294967295LL, &n))
		json_object_set_new(imp_bgp_of(c), "peer_asn", json_integer(n));
	struct tf_res *p = first_of(im, g->address, "BGP peer");
	json_t *en = p ? imp_val(im, p, "enable_bfd") : NULL;
	if (!json_is_boolean(en))
		return;
	json_t *bfd = json_object();
	json_object_set_new(bfd, "local", json_false());
	json_object_set_new(bfd, "peer", json_boolean(json_is_true(en)));
	long long tx = 0, rx = 0, mult;
	bool has_tx = imp_ival(im, r, "min_tx_interval", 1, 4294967295LL, &tx);
	bool has_rx = imp_ival(im, r, "min_rx_interval", 1, 4294967295LL, &rx);
	if (has_tx || has_rx)
		json_object_set_new(bfd, "interval_ms",
				    json_integer(tx > rx ? tx : rx));
	if (imp_ival(im, r, "detect_multiplier", 1, 255, &mult))
		json_object_set_new(bfd, "multiplier", json_integer(mult));
	json_object_set_new(imp_bgp_of(c), "bfd", bfd);
	imp_default(c, "bgp.bfd.local");
}

/*
 * A physical connection not in the input but listed by a data source
 * alicloud_express_connect_physical_connections (how Alibaba's own
 * examples name it): that connections[] element, seen through *view.
 */
static struct tf_res *data_connection(struct imp *im, const char *id,
				      struct tf_res *view)
{
	for (size_t j = 0; j < im->nr; j++) {
		struct tf_res *t = &im->r[j];
		if (!t->data || strcmp(t->type,
			"alicloud_express_connect_physical_connections"))
			continue;
		size_t n = imp_block_len(t, "connections");
		for (size_t k = 0; k < n; k++) {
			*view = imp_sub(t, "connections", k);
			json_t *v = json_object_get(view->values, "id");
			if (json_is_string(v) && !strcmp(json_string_value(v),
							 id)) {
				t->used = true;
				return view;
			}
		}
	}
	return NULL;
}

/* Alibaba Express Connect (§5.5): one VBR, its circuit and router. */
static void map_vbr(struct imp *im, struct tf_res *r)
{
	json_t *c = imp_circuit(im, r);
	imp_fallback_cloud(im, "alibaba", imp_source(r, NULL));
	const char *pcv = imp_sval(im, r, "physical_connection_id");
	struct tf_res *pc = NULL;
	if (pcv || imp_unknown(r, "physical_connection_id"))
		pc = link_of(im, r, "physical_connection_id", T_PC);
	char *land = pc ? nsp_xstrdup(pc->id) :
		     pcv ? imp_ns_id("ali-pc", pcv) : NULL;
	if (pc)
		pc->used = true;
	if (!land)
		imp_find(im, "IMP010", NSP_IMP_WARNING, r->loc,
			 "%s: physical_connection_id resolves neither by value "
			 "nor by configuration; placeholder pop", r->address);
	/* what describes the landing: its resource, else a data source */
	struct tf_res view, *info = pc;
	if (!pc && pcv)
		info = data_connection(im, pcv, &view);
	const char *ap = info ? imp_sval(im, info, "access_point_id") : NULL;
	char *pop;
	if (ap) {
		pop = imp_ns_id("ali-ap", ap);
		imp_imported(im, "pops", pop, imp_source(info, info == pc ?
			     "access_point_id" : "connections.access_point_id"),
			     false);
	} else {
		pop = imp_sub_id(r->id, "pop");
		imp_imported(im, "pops", pop, pc ? imp_source(pc,
				"access_point_id") : imp_source(r,
				"physical_connection_id"), true);
	}
	char *dev = nsp_imp_address_id(r->address, "router");
	imp_edge_router(im, dev, imp_source(r, NULL), pop, "alibaba", false);
	if (!ap)
		imp_default(imp_elem(im->design, "routers", dev), "pop");
	imp_set_z(c, dev, land, false);
	/* the smaller of the VBR's and the landing's bandwidth */
	double vb = 0, lb = 0;
	const char *lattr = NULL;
	bool hv = imp_num(im, r, "bandwidth", &vb);
	bool hl = landing_bw(im, info, &lb, &lattr);
	if (hv && (!hl || vb <= lb))
		imp_put_bw(im, c, r, "bandwidth", vb);
	else if (hl)
		imp_put_bw(im, c, info, lattr, lb);
	const char *op = info ? imp_sval(im, info, "line_operator") : NULL;
	if (op)
		imp_set_carrier(c, op);
	long long n;
	json_t *vl = imp_val(im, r, "vlan_id");
	if (vl && !(json_is_integer(vl) && !json_integer_value(vl)) &&
	    imp_ival(im, r, "vlan_id", 1, 4094, &n))
		json_object_set_new(c, "vlan", json_integer(n));
	vbr_bgp(im, r, c);
	const char *st = imp_sval(im, r, "status");
	if (st && !strcmp(st, "terminated"))
		imp_find(im, "IMP060", NSP_IMP_WARNING, r->loc,
			 "%s: administratively down (status: terminated); "
			 "imported as is", r->address);
	free(land);
	free(pop);
	free(dev);
}

/* A physical connection without VBR, or a BGP group of none: IMP031. */
static void unused(struct imp *im, struct tf_res *r)
{
	if (!strcmp(r->type, T_PC))
		imp_find(im, "IMP031", NSP_IMP_INFO, r->loc,
			 "%s: a physical connection without virtual border "
			 "router; left out", r->address);
	else
		imp_find(im, "IMP031", NSP_IMP_INFO, r->loc,
			 "%s: left out, it belongs to no virtual border "
			 "router in the input", r->address);
}

static const char *const maps[] = {T_VBR, NULL};
static const char *const helpers[] = {T_PC, T_GROUP, T_PEER, NULL};

const struct imp_provider imp_alibaba = {
	.maps = maps, .map = map_vbr, .helpers = helpers, .unused = unused};
