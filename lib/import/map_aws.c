/*
 * AWS Direct Connect (IMPORT.md §5.1): private and transit virtual
 * interfaces, the connection, hosted connection or LAG they land on, and
 * the Direct Connect or virtual private gateway they reach.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

/* AWS Direct Connect (§5.1): one VIF. */
static void map_vif(struct imp *im, struct tf_res *r)
{
	static const char *const landings[] = {
		"aws_dx_connection", "aws_dx_hosted_connection", "aws_dx_lag"};
	json_t *c = imp_circuit(im, r);
	struct tf_res *land = NULL;
	const char *cid = imp_sval(im, r, "connection_id");
	for (size_t i = 0; cid && !land && i < 3; i++)
		land = imp_by_value(im, landings[i], "id", cid, false);
	for (size_t i = 0; !cid && !land && i < 3; i++)
		land = imp_by_config(im, r, "connection_id", landings[i]);
	char *land_id = land ? nsp_xstrdup(land->id) :
			cid ? imp_ns_id("aws-con", cid) : NULL;
	/* cloud: the DX gateway, else the VGW, else aws */
	char *cloud = NULL;
	json_t *csrc = NULL;
	struct tf_res *gw = NULL;
	const char *g = imp_sval(im, r, "dx_gateway_id");
	if (g)
		gw = imp_by_value(im, "aws_dx_gateway", "id", g, false);
	else if (imp_unknown(r, "dx_gateway_id"))
		gw = imp_by_config(im, r, "dx_gateway_id", "aws_dx_gateway");
	const char *vg = imp_sval(im, r, "vpn_gateway_id");
	if (!gw && vg)
		gw = imp_by_value(im, "aws_vpn_gateway", "id", vg, false);
	else if (!gw && imp_unknown(r, "vpn_gateway_id"))
		gw = imp_by_config(im, r, "vpn_gateway_id", "aws_vpn_gateway");
	if (gw) {
		cloud = nsp_xstrdup(gw->id);
		gw->used = true;
		json_t *e = imp_imported(im, "clouds", cloud, imp_source(gw, NULL),
				     false);
		json_object_set_new(e, "provider", json_string("aws"));
	} else if (g || vg) {
		cloud = imp_ns_id(g ? "aws-dxgw" : "aws-vgw", g ? g : vg);
		csrc = imp_source(r, g ? "dx_gateway_id" : "vpn_gateway_id");
		json_t *e = imp_imported(im, "clouds", cloud, csrc, false);
		json_object_set_new(e, "provider", json_string("aws"));
	} else {
		cloud = nsp_xstrdup("aws");
		imp_fallback_cloud(im, cloud, imp_source(r, "dx_gateway_id"));
	}
	/* device and pop */
	char *dev = NULL, *pop = NULL;
	bool dev_ph = false, pop_ph = false;
	const char *adev = imp_sval(im, r, "aws_device");
	if (!adev && land)
		adev = imp_sval(im, land, "aws_device");
	if (adev) {
		dev = imp_ns_id("aws-dev", adev);
	} else if (land_id) {
		dev = imp_sub_id(land_id, "device");
		dev_ph = true;
	} else {
		dev = imp_sub_id(r->id, "device");
		dev_ph = true;
	}
	const char *loc = land ? imp_sval(im, land, "location") : NULL;
	if (loc) {
		pop = imp_ns_id("aws-loc", loc);
		imp_imported(im, "pops", pop, imp_source(land, "location"), false);
	} else {
		pop = imp_sub_id(land_id ? land_id : r->id, "pop");
		imp_imported(im, "pops", pop, imp_source(land ? land : r, land ?
				 "location" : "connection_id"), true);
		pop_ph = true;
	}
	imp_edge_router(im, dev, imp_source(land && !imp_sval(im, r, "aws_device") ? land :
				    r, "aws_device"), pop, cloud, dev_ph);
	if (pop_ph)
		imp_default(imp_elem(im->design, "routers", dev), "pop");
	if (gw || g || vg)
		json_object_set_new(imp_elem(im->design, "routers", dev),
				    "gateway", json_string(cloud));
	imp_set_z(c, dev, land_id, dev_ph);
	if (!land_id)
		imp_find(im, "IMP010", NSP_IMP_WARNING, r->loc,
			 "%s: connection_id resolves to no connection; "
			 "placeholders %s and %s", r->address, dev, pop);
	if (land) {
		land->used = true;
		imp_set_bw(im, c, land, "bandwidth");
		const char *car = imp_sval(im, land, "provider_name");
		if (!car)
			car = imp_sval(im, land, "partner_name");
		if (car) {
			struct nsp_buf b = {0};
			nsp_imp_slug(&b, car);
			json_object_set_new(c, "carrier", json_string(b.s));
			nsp_buf_free(&b);
		}
	}
	long long n;
	if (imp_ival(im, r, "mtu", 68, 65535, &n))
		json_object_set_new(c, "mtu", json_integer(n));
	if (imp_ival(im, r, "vlan", 1, 4094, &n))
		json_object_set_new(c, "vlan", json_integer(n));
	if (imp_ival(im, r, "bgp_asn", 1, 4294967295LL, &n))
		json_object_set_new(imp_bgp_of(c), "asn", json_integer(n));
	if (imp_ival(im, r, "amazon_side_asn", 1, 4294967295LL, &n) ||
	    (gw && imp_ival(im, gw, "amazon_side_asn", 1, 4294967295LL, &n)))
		json_object_set_new(imp_bgp_of(c), "peer_asn", json_integer(n));
	const char *ca = imp_sval(im, r, "customer_address");
	if (ca && imp_cidr_like(ca))
		json_object_set_new(imp_bgp_of(c), "ip", json_string(ca));
	const char *aa = imp_sval(im, r, "amazon_address");
	if (aa)
		json_object_set_new(imp_bgp_of(c), "peer_ip", imp_addr_part(aa));
	free(land_id);
	free(cloud);
	free(dev);
	free(pop);
}

/* A connection that no virtual interface used: IMP031. */
static void unused(struct imp *im, struct tf_res *r)
{
	if (strstr(r->type, "connection"))
		imp_find(im, "IMP031", NSP_IMP_INFO, r->loc,
			 "%s: a connection without virtual interface; left out",
			 r->address);
}

static const char *const maps[] = {
	"aws_dx_private_virtual_interface", "aws_dx_transit_virtual_interface",
	NULL};
static const char *const helpers[] = {
	"aws_dx_connection", "aws_dx_hosted_connection", "aws_dx_lag",
	"aws_dx_gateway", "aws_vpn_gateway", NULL};

const struct imp_provider imp_aws = {
	.maps = maps, .map = map_vif, .helpers = helpers, .unused = unused};
