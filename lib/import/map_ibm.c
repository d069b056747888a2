/*
 * IBM Cloud Direct Link (IMPORT.md §5.4): each Direct Link gateway,
 * Dedicated or Connect, is one circuit on its cross-connect router.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp_int.h"

/* Whether as_prepends entry e applies to every prefix. */
static bool all_prefixes(json_t *e)
{
	json_t *p = json_object_get(e, "prefix");
	json_t *sp = json_object_get(e, "specific_prefixes");
	return (!p || json_is_null(p) || (json_is_string(p) &&
					  !*json_string_value(p))) &&
	       (!sp || json_is_null(sp) || (json_is_array(sp) &&
					    !json_array_size(sp)));
}

/*
 * bgp.prepend from the import AS prepend for all prefixes (what IBM
 * applies to the customer's routes it learns); IMP041 for the rest.
 */
static void ibm_prepends(struct imp *im, struct tf_res *r, json_t *c)
{
	size_t n = imp_block_len(r, "as_prepends");
	bool set = false;
	for (size_t i = 0; i < n; i++) {
		struct tf_res e = imp_sub(r, "as_prepends", i);
		const char *pol = imp_sval(im, &e, "policy");
		long long len;
		if (!pol)
			continue;
		if (!strcmp(pol, "import") && !set && all_prefixes(e.values) &&
		    imp_ival(im, &e, "length", 0, 64, &len)) {
			if (len)
				json_object_set_new(imp_bgp_of(c), "prepend",
						    json_integer(len));
			set = true;
			continue;
		}
		imp_find(im, "IMP041", NSP_IMP_INFO, r->loc,
			 "%s: as_prepends[%zu] (policy %s%s) is a routing "
			 "preference the design format cannot hold; give "
			 "local_pref, role or as_path in the overlay",
			 r->address, i, pol, all_prefixes(e.values) ? "" :
			 ", some prefixes only");
	}
}

/* IBM Cloud Direct Link (§5.4): one gateway. */
static void map_dl(struct imp *im, struct tf_res *r)
{
	json_t *c = imp_circuit(im, r);
	imp_fallback_cloud(im, "ibm", imp_source(r, NULL));
	const char *loc = imp_sval(im, r, "location_name");
	const char *xcr = imp_sval(im, r, "cross_connect_router");
	char *pop, *dev;
	if (loc) {
		pop = imp_ns_id("ibm-loc", loc);
		imp_imported(im, "pops", pop, imp_source(r, "location_name"),
			     false);
	} else {
		pop = imp_sub_id(r->id, "pop");
		imp_imported(im, "pops", pop, imp_source(r, "location_name"),
			     true);
	}
	dev = xcr ? imp_ns_id("ibm-xcr", xcr) : imp_sub_id(r->id, "edge");
	imp_edge_router(im, dev, imp_source(r, "cross_connect_router"), pop,
			"ibm", !xcr);
	json_t *router = imp_elem(im->design, "routers", dev);
	if (!loc && !imp_is_default(router, "pop"))
		imp_default(router, "pop");
	imp_set_z(c, dev, NULL, !xcr);
	double bw;
	if (imp_num(im, r, "speed_mbps", &bw))
		imp_put_bw(im, c, r, "speed_mbps", bw);
	const char *car = imp_sval(im, r, "carrier_name");
	if (car)
		imp_set_carrier(c, car);
	long long n;
	/* IBM shows an allocated VLAN it did not set as 0: absent */
	json_t *vl = imp_val(im, r, "vlan");
	if (vl && !(json_is_integer(vl) && !json_integer_value(vl)) &&
	    !(json_is_string(vl) && !strcmp(json_string_value(vl), "0")) &&
	    imp_ival(im, r, "vlan", 1, 4094, &n))
		json_object_set_new(c, "vlan", json_integer(n));
	if (imp_ival(im, r, "bgp_asn", 1, 4294967295LL, &n))
		json_object_set_new(imp_bgp_of(c), "asn", json_integer(n));
	if (imp_ival(im, r, "bgp_ibm_asn", 1, 4294967295LL, &n))
		json_object_set_new(imp_bgp_of(c), "peer_asn",
				    json_integer(n));
	const char *cer = imp_sval(im, r, "bgp_cer_cidr");
	if (cer && imp_cidr_like(cer))
		json_object_set_new(imp_bgp_of(c), "ip", json_string(cer));
	const char *ibm = imp_sval(im, r, "bgp_ibm_cidr");
	if (ibm)
		json_object_set_new(imp_bgp_of(c), "peer_ip",
				    imp_addr_part(ibm));
	ibm_prepends(im, r, c);
	/* BFD: IBM's side is known; the customer's is the overlay's */
	long long iv, mult;
	if (!imp_unknown(r, "bfd_interval") &&
	    !imp_unknown(r, "bfd_multiplier")) {
		json_t *bfd = json_object();
		json_object_set_new(bfd, "local", json_false());
		if (imp_ival(im, r, "bfd_interval", 1, 4294967295LL, &iv) &&
		    imp_ival(im, r, "bfd_multiplier", 1, 255, &mult)) {
			json_object_set_new(bfd, "peer", json_true());
			json_object_set_new(bfd, "interval_ms",
					    json_integer(iv));
			json_object_set_new(bfd, "multiplier",
					    json_integer(mult));
		} else {
			json_object_set_new(bfd, "peer", json_false());
		}
		json_object_set_new(imp_bgp_of(c), "bfd", bfd);
		imp_default(c, "bgp.bfd.local");
	}
	free(pop);
	free(dev);
}

static const char *const maps[] = {"ibm_dl_gateway", NULL};

const struct imp_provider imp_ibm = {.maps = maps, .map = map_dl};
