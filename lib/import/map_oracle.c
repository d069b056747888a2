/*
 * Oracle Cloud FastConnect (IMPORT.md §5.6): each cross-connect mapping
 * of a private virtual circuit is one circuit, landing on its
 * cross-connect or cross-connect group, reaching the DRG it names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

#define T_VC "oci_core_virtual_circuit"
#define T_CC "oci_core_cross_connect"
#define T_CCG "oci_core_cross_connect_group"
#define T_DRG "oci_core_drg"
#define MAPS "cross_connect_mappings"
#define CCID "cross_connect_or_cross_connect_group_id"

/* The cloud of virtual circuit r: its DRG, external, or oracle. */
static char *vc_cloud(struct imp *im, struct tf_res *r, bool *gw)
{
	const char *v = imp_sval(im, r, "gateway_id");
	struct tf_res *drg = NULL;
	*gw = true;
	if (v)
		drg = imp_by_value(im, T_DRG, "id", v, false);
	if (!drg && (imp_unknown(r, "gateway_id") || (v && im->plan)))
		drg = imp_by_config(im, r, "gateway_id", T_DRG);
	if (drg)
		return nsp_xstrdup(imp_gateway_cloud(im, drg, "oracle"));
	if (v)
		return imp_external_cloud(im, r, "gateway_id", "oci-drg", v,
					  "oracle");
	if (imp_unknown(r, "gateway_id"))
		imp_find(im, "IMP010", NSP_IMP_WARNING, r->loc,
			 "%s: gateway_id resolves neither by value nor by "
			 "configuration; cloud 'oracle'", r->address);
	*gw = false;
	imp_fallback_cloud(im, "oracle", imp_source(r, "gateway_id"));
	return nsp_xstrdup("oracle");
}

/* The cross-connect or group mapping m (index i) of r names, or NULL. */
static struct tf_res *vc_landing(struct imp *im, struct tf_res *r,
				 struct tf_res *m, size_t i, bool *named)
{
	const char *v = imp_sval(im, m, CCID);
	struct tf_res *t = NULL;
	*named = v || imp_unknown(m, CCID);
	if (v) {
		t = imp_by_value(im, T_CC, "id", v, false);
		if (!t)
			t = imp_by_value(im, T_CCG, "id", v, false);
	}
	if (!t && (imp_unknown(m, CCID) || (v && im->plan))) {
		t = imp_by_config_at(im, r, MAPS, i, CCID, T_CC);
		if (!t)
			t = imp_by_config_at(im, r, MAPS, i, CCID, T_CCG);
	}
	return t;
}

/* The location of a landing: its own, or a group's first member's. */
static struct tf_res *landing_loc(struct imp *im, struct tf_res *land,
				  const char **loc)
{
	*loc = imp_sval(im, land, "location_name");
	if (*loc || strcmp(land->type, T_CCG))
		return land;
	/* a group's member, found once per group */
	json_t *cache = imp_member(im->indexes, "ocig", false);
	json_t *hit = json_object_get(cache, land->address);
	if (hit) {
		json_int_t j = json_integer_value(hit);
		if (j < 0)
			return land;
		*loc = imp_sval(im, &im->r[j], "location_name");
		return &im->r[j];
	}
	json_object_set_new(cache, land->address, json_integer(-1));
	const char *gid = imp_sval(im, land, "id");
	for (size_t j = 0; j < im->nr; j++) {
		struct tf_res *t = &im->r[j];
		if (t->data || strcmp(t->type, T_CC))
			continue;
		const char *v = imp_sval(im, t, "cross_connect_group_id");
		struct tf_res *g = NULL;
		if (v && gid)
			g = !strcmp(v, gid) ? land : NULL;
		else if (imp_unknown(t, "cross_connect_group_id"))
			g = imp_by_config(im, t, "cross_connect_group_id",
					  T_CCG);
		if (g == land && (*loc = imp_sval(im, t, "location_name"))) {
			t->used = true;
			json_object_set_new(cache, land->address,
					    json_integer((json_int_t)j));
			return t;
		}
	}
	return land;
}

/* One mapping: its device, location and port. */
static void vc_z(struct imp *im, struct tf_res *r, struct tf_res *m,
		 size_t i, json_t *c, const char *cloud, bool gw)
{
	const char *cid = json_string_value(json_object_get(c, "id"));
	bool named;
	struct tf_res *land = vc_landing(im, r, m, i, &named);
	char *src_attr = nsp_xasprintf("%s.%s", MAPS, CCID);
	char *base, *dev, *pop;
	const char *loc = NULL;
	struct tf_res *ls = NULL;
	if (land) {
		land->used = true;
		base = nsp_xstrdup(land->id);
		ls = landing_loc(im, land, &loc);
	} else if (imp_sval(im, m, CCID)) {
		char *seg = imp_last_seg(imp_sval(im, m, CCID));
		base = imp_ns_id("oci-cc", seg);
		free(seg);
	} else {
		/* a provider FastConnect: no cross-connect of ours */
		base = nsp_xstrdup(cid);
		if (named)
			imp_find(im, "IMP010", NSP_IMP_WARNING, r->loc,
				 "%s: %s[%zu].%s resolves neither by value "
				 "nor by configuration; placeholders",
				 r->address, MAPS, i, CCID);
	}
	dev = imp_sub_id(base, "edge");
	if (loc) {
		pop = imp_ns_id("oci-loc", loc);
		imp_imported(im, "pops", pop, imp_source(ls, "location_name"),
			     false);
	} else {
		pop = imp_sub_id(base, "pop");
		imp_imported(im, "pops", pop, land ? imp_source(land,
				"location_name") : imp_source(r, src_attr),
			     true);
	}
	imp_edge_router(im, dev, imp_source(r, src_attr), pop, cloud, true);
	json_t *router = imp_elem(im->design, "routers", dev);
	if (gw)
		json_object_set_new(router, "gateway", json_string(cloud));
	imp_set_z(c, dev, land || strncmp(base, cid, strlen(cid)) ? base : NULL,
		  true);
	free(src_attr);
	free(base);
	free(dev);
	free(pop);
}

/* Oracle FastConnect (§5.6): one virtual circuit, a circuit per mapping. */
static void map_vc(struct imp *im, struct tf_res *r)
{
	const char *type = imp_sval(im, r, "type");
	if (type && strcmp(type, "PRIVATE")) {
		r->used = true; /* reported here, not counted unmapped */
		imp_find(im, "IMP031", NSP_IMP_INFO, r->loc,
			 "%s: left out, a %s virtual circuit reaches Oracle "
			 "services, not a virtual cloud network", r->address,
			 type);
		return;
	}
	bool gw;
	char *cloud = vc_cloud(im, r, &gw);
	size_t n = imp_block_len(r, MAPS);
	double bw = -1;
	const char *shape = imp_sval(im, r, "bandwidth_shape_name");
	if (shape && (bw = imp_bw_text(shape)) < 0)
		imp_find(im, "IMP001", NSP_IMP_ERROR, r->loc,
			 "%s: bandwidth_shape_name '%s' is not a bandwidth; "
			 "left out", r->address, shape);
	long long asn = 0, peer_asn = 0;
	uint64_t mtu = 0;
	const char *m = imp_sval(im, r, "ip_mtu");
	if (m && (strncmp(m, "MTU_", 4) || !nsp_parse_uint(m + 4,
		  strlen(m + 4), 65535, &mtu) || mtu < 68)) {
		imp_find(im, "IMP001", NSP_IMP_ERROR, r->loc,
			 "%s: ip_mtu '%s' is not MTU_<n>; left out",
			 r->address, m);
		mtu = 0;
	}
	if (!imp_ival(im, r, "customer_asn", 1, 4294967295LL, &asn))
		imp_ival(im, r, "customer_bgp_asn", 1, 4294967295LL, &asn);
	imp_ival(im, r, "oracle_bgp_asn", 1, 4294967295LL, &peer_asn);
	json_t *bfd = imp_val(im, r, "is_bfd_enabled");
	const char *admin = imp_sval(im, r, "bgp_admin_state");
	for (size_t i = 0; i < (n ? n : 1); i++) {
		char part[24];
		snprintf(part, sizeof(part), "%zu", i);
		json_t *c = imp_circuit_part(im, r, part);
		struct tf_res mp = imp_sub(r, MAPS, i);
		vc_z(im, r, &mp, i, c, cloud, gw);
		if (bw > 0 || (shape && bw == 0))
			imp_put_bw(im, c, r, "bandwidth_shape_name", bw);
		if (mtu)
			json_object_set_new(c, "mtu",
					    json_integer((json_int_t)mtu));
		long long v;
		/* a VLAN the provider has not assigned yet shows as 0 */
		json_t *vl = mp.values ? imp_val(im, &mp, "vlan") : NULL;
		if (vl && !(json_is_integer(vl) && !json_integer_value(vl)) &&
		    imp_ival(im, &mp, "vlan", 1, 4094, &v))
			json_object_set_new(c, "vlan", json_integer(v));
		if (asn)
			json_object_set_new(imp_bgp_of(c), "asn",
					    json_integer(asn));
		if (peer_asn)
			json_object_set_new(imp_bgp_of(c), "peer_asn",
					    json_integer(peer_asn));
		const char *ip = mp.values ? imp_sval(im, &mp,
			"customer_bgp_peering_ip") : NULL;
		const char *pip = mp.values ? imp_sval(im, &mp,
			"oracle_bgp_peering_ip") : NULL;
		if (ip && imp_cidr_like(ip))
			json_object_set_new(imp_bgp_of(c), "ip",
					    json_string(ip));
		if (pip)
			json_object_set_new(imp_bgp_of(c), "peer_ip",
					    imp_addr_part(pip));
		/* BFD: Oracle's side, when enabled; the customer's unknown */
		if (json_is_true(bfd)) {
			json_object_set_new(imp_bgp_of(c), "bfd", json_pack(
				"{s:b,s:b}", "local", 0, "peer", 1));
			imp_default(c, "bgp.bfd.local");
		}
		if (admin && !strcmp(admin, "DISABLED"))
			imp_find(im, "IMP060", NSP_IMP_WARNING, r->loc,
				 "%s: BGP session administratively down "
				 "(bgp_admin_state: DISABLED): circuit '%s' "
				 "imported as is", r->address,
				 json_string_value(json_object_get(c, "id")));
	}
	free(cloud);
}

/* A cross-connect (group) no virtual circuit uses: IMP031. */
static void unused(struct imp *im, struct tf_res *r)
{
	/* a group's members land through the group */
	if (!strcmp(r->type, T_DRG) ||
	    imp_sval(im, r, "cross_connect_group_id") ||
	    imp_unknown(r, "cross_connect_group_id"))
		return;
	imp_find(im, "IMP031", NSP_IMP_INFO, r->loc,
		 "%s: a cross-connect without virtual circuit; left out",
		 r->address);
}

static const char *const maps[] = {T_VC, NULL};
static const char *const helpers[] = {T_CC, T_CCG, T_DRG, NULL};

const struct imp_provider imp_oracle = {
	.maps = maps, .map = map_vc, .helpers = helpers, .unused = unused};
