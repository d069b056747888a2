/*
 * The normalise pass for circuits: both ends (the a side the customer or
 * exchange side, the z side the provider's), bandwidth, role, weight, MTU,
 * VLAN and routing, the health check of static routing, and the BGP
 * session, whose ASNs and prefixes default to those of the routers, the
 * site and the cloud it joins.
 */
#include "load_int.h"

#include <stdlib.h>
#include <string.h>

/*
 * The BGP session of circuit o (its ends resolved): ASNs, addresses, what
 * is advertised and received, the AS_PATH, attributes, timers, communities
 * and BFD.
 */
static void norm_bgp(struct ctx *c, struct nsp_circuit *o,
		     struct nsp_raw_bgp *s, const char *cp)
{
	struct nsp_model *m = c->m;
	struct nsp_bgp *b = &o->bgp;
	char bp[300], p[300];
	const struct nsp_router *ra = o->a.router != NSP_NONE ?
		&m->routers[o->a.router] : NULL;
	const struct nsp_router *rz = o->z.router != NSP_NONE ?
		&m->routers[o->z.router] : NULL;
	static struct nsp_raw_bgp none;
	PTR(bp, "%s/bgp", cp);
	if (!s)
		s = &none;

	b->asn = nsp_ld_has(c, bp, "asn") ? s->asn :
		 ra && ra->has_asn ? ra->asn : 0;
	b->peer_asn = nsp_ld_has(c, bp, "peer_asn") ? s->peer_asn :
		      rz && rz->has_asn ? rz->asn : 0;
	nsp_ld_range(c, bp, "asn", s->asn, 1, UINT32_MAX);
	nsp_ld_range(c, bp, "peer_asn", s->peer_asn, 1, UINT32_MAX);

	if (s->ip) {
		PTR(p, "%s/ip", bp);
		char *v = nsp_ld_clip(s->ip, strlen(s->ip));
		if (nsp_prefix_parse(&b->ip, s->ip, false) != NSP_NET_OK)
			nsp_ld_err_at(c, p, "invalid interface address '%s': "
					    "expected an address with its "
					    "prefix length, like 10.10.1.5/30",
				      v);
		else
			b->has_ip = true;
		free(v);
	}
	if (s->peer_ip) {
		PTR(p, "%s/peer_ip", bp);
		char *v = nsp_ld_clip(s->peer_ip, strlen(s->peer_ip));
		if (nsp_addr_parse(&b->peer_ip, s->peer_ip) != NSP_NET_OK)
			nsp_ld_err_at(c, p, "invalid IP address '%s': expected "
					    "an address without a prefix "
					    "length, like 10.10.1.6", v);
		else
			b->has_peer_ip = true;
		free(v);
	}

	b->advertise_explicit = nsp_ld_has(c, bp, "advertise");
	if (b->advertise_explicit) {
		PTR(p, "%s/advertise", bp);
		nsp_ld_prefixes(c, &b->advertise, s->advertise,
				s->advertise_count, p);
	} else if (ra && ra->site != NSP_NONE) {
		b->advertise = m->sites[ra->site].prefixes;
	}
	b->receive_explicit = nsp_ld_has(c, bp, "receive");
	if (b->receive_explicit) {
		PTR(p, "%s/receive", bp);
		nsp_ld_prefixes(c, &b->receive, s->receive, s->receive_count,
				p);
	} else if (rz && rz->cloud != NSP_NONE) {
		b->receive = m->clouds[rz->cloud].prefixes;
	}

	b->prepend = s->prepend;
	nsp_ld_range(c, bp, "prepend", s->prepend, 0, 64);
	b->as_path_explicit = nsp_ld_has(c, bp, "as_path");
	if (b->as_path_explicit && nsp_ld_has(c, bp, "prepend")) {
		PTR(p, "%s/prepend", bp);
		nsp_ld_err_at(c, p, "give either 'as_path' or 'prepend', not "
				    "both: as_path already states the path the "
				    "provider receives");
	}
	if (b->as_path_explicit) {
		b->as_path = s->as_path;
		b->as_path_len = s->as_path_count;
		for (uint32_t i = 0; i < s->as_path_count; i++)
			if (!s->as_path[i]) {
				PTR(p, "%s/as_path/%u", bp, i);
				nsp_ld_err_at(c, p,
					      "0 is not a valid ASN (1..%u)",
					      UINT32_MAX);
			}
		if (s->as_path_count > 255) {
			PTR(p, "%s/as_path", bp);
			nsp_ld_err_at(c, p,
				      "AS_PATH of %u ASNs is longer than 255",
				      s->as_path_count);
		}
	} else if (b->asn && b->prepend <= 64) {
		b->as_path_len = 1 + b->prepend;
		b->as_path = nsp_arena_alloc(&m->arena, b->as_path_len *
							       sizeof(uint32_t));
		for (size_t i = 0; i < b->as_path_len; i++)
			b->as_path[i] = b->asn;
	}

	b->has_med = nsp_ld_has(c, bp, "med");
	b->med = s->med;
	b->local_pref = nsp_ld_has(c, bp, "local_pref") ? s->local_pref : 100;
	b->keepalive_s = nsp_ld_has(c, bp, "keepalive_s") ? s->keepalive_s : 60;
	b->hold_s = nsp_ld_has(c, bp, "hold_s") ? s->hold_s : 180;
	nsp_ld_range(c, bp, "keepalive_s", s->keepalive_s, 0, 65535);
	nsp_ld_range(c, bp, "hold_s", s->hold_s, 0, 65535);

	if (s->communities_count) {
		b->communities = nsp_arena_alloc(
			&m->arena, s->communities_count * sizeof(uint32_t));
		for (uint32_t i = 0; i < s->communities_count; i++) {
			const char *v = s->communities[i];
			const char *colon = strchr(v, ':');
			uint64_t hi, lo;
			if (colon &&
			    nsp_parse_uint(v, (size_t)(colon - v), 65535, &hi) &&
			    nsp_parse_uint(colon + 1, strlen(colon + 1), 65535,
					   &lo)) {
				b->communities[b->ncommunities++] =
					(uint32_t)(hi << 16 | lo);
				continue;
			}
			char *t = nsp_ld_clip(v, strlen(v));
			PTR(p, "%s/communities/%u", bp, i);
			nsp_ld_err_at(c, p, "invalid BGP community '%s': "
					    "expected ASN:value, two plain "
					    "numbers up to 65535, like "
					    "7224:7100", t);
			free(t);
		}
	}

	if (s->bfd) {
		char fp[300];
		PTR(fp, "%s/bfd", bp);
		b->bfd.present = true;
		b->bfd.local = nsp_ld_has(c, fp, "local") ?
			s->bfd->local : true;
		b->bfd.peer = nsp_ld_has(c, fp, "peer") ? s->bfd->peer : true;
		b->bfd.interval_ms = nsp_ld_has(c, fp, "interval_ms") ?
			s->bfd->interval_ms : 300;
		b->bfd.multiplier = nsp_ld_has(c, fp, "multiplier") ?
			s->bfd->multiplier : 3;
		nsp_ld_range(c, fp, "interval_ms", s->bfd->interval_ms, 1,
			     3600000);
		nsp_ld_range(c, fp, "multiplier", s->bfd->multiplier, 1, 255);
	}
}

/* One end of a circuit (side "a" or "z" of the circuit at cp). */
static void norm_end(struct ctx *c, struct nsp_end *o, struct nsp_raw_end *s,
		     const char *cp, const char *side)
{
	char p[300];
	enum nsp_kind kind;
	PTR(p, "%s/%s/router", cp, side);
	o->router = nsp_ld_resolve(c, s->router, 1u << NSP_KIND_ROUTER,
				   "router", p, &kind);
	PTR(p, "%s/%s", cp, side);
	nsp_ld_text_field(c, s->port, p, "port");
	o->port = s->port;
	if (o->port && !*o->port) {
		PTR(p, "%s/%s/port", cp, side);
		nsp_ld_err_at(c, p, "port is empty");
	}
}

/*
 * A circuit's kind (private or vpn), its LAG (members x member_mbps must
 * be its bandwidth; min_links from 1 to members, default 1) and the date
 * of its last failover test.
 */
static void norm_kind_lag_test(struct ctx *c, struct nsp_circuit *o,
			       const struct nsp_raw_circuit *s, const char *cp)
{
	char p[300];
	o->kind = nsp_ld_has(c, cp, "kind") ? (enum nsp_circuit_kind)s->kind :
		NSP_CKIND_PRIVATE;
	if (s->lag) {
		const struct nsp_raw_lag *l = s->lag;
		PTR(p, "%s/lag", cp);
		o->lag.present = true;
		o->lag.members = l->members;
		o->lag.member_mbps = l->member_mbps;
		o->lag.min_links = nsp_ld_has(c, p, "min_links") ?
			l->min_links : 1;
		nsp_ld_range(c, p, "members", l->members, 1, 64);
		nsp_ld_range(c, p, "member_mbps", l->member_mbps, 1,
			     1000000);
		if (nsp_ld_has(c, p, "min_links"))
			nsp_ld_range(c, p, "min_links", l->min_links, 1,
				     l->members >= 1 ? l->members : 1);
		if (o->kind == NSP_CKIND_VPN)
			nsp_ld_err_at(c, p, "a VPN circuit cannot be a LAG: "
					    "describe each tunnel as its own "
					    "circuit");
		else if (l->members >= 1 && l->members <= 64 &&
			 l->member_mbps >= 1 && l->member_mbps <= 1000000 &&
			 (uint64_t)l->members * l->member_mbps !=
				 s->bandwidth_mbps) {
			char q[320];
			PTR(q, "%s/bandwidth_mbps", cp);
			nsp_ld_err_at(c, q, "bandwidth_mbps %llu is not the "
					    "LAG's members x member_mbps "
					    "(%u x %llu = %llu)",
				      (unsigned long long)s->bandwidth_mbps,
				      l->members,
				      (unsigned long long)l->member_mbps,
				      (unsigned long long)l->members *
					      l->member_mbps);
		}
	}
	if (s->last_failover_test) {
		o->failover_test_text = s->last_failover_test;
		o->has_failover_test = nsp_date_parse(s->last_failover_test,
						      &o->failover_test);
		if (!o->has_failover_test) {
			PTR(p, "%s/last_failover_test", cp);
			char *v = nsp_ld_clip(s->last_failover_test,
					      strlen(s->last_failover_test));
			nsp_ld_err_at(c, p, "invalid date '%s': expected a "
					    "calendar date YYYY-MM-DD", v);
			free(v);
		}
	}
}

/*
 * Circuits: their ends, what each side may be, their fields, then their
 * routing (BGP, or static with a health check).
 */
void nsp_ld_norm_circuits(struct ctx *c, struct nsp_raw_design *r)
{
	struct nsp_model *m = c->m;
	char cp[300], p[300];
	for (size_t i = 0; i < m->ncircuits; i++) {
		struct nsp_raw_circuit *s = &r->circuits[i];
		struct nsp_circuit *o = &m->circuits[i];
		PTR(cp, "/circuits/%zu", i);
		nsp_ld_text_field(c, s->carrier, cp, "carrier");
		nsp_ld_text_list(c, s->srlg, s->srlg_count, cp, "srlg");
		o->id = s->id;
		o->source = s->source;
		nsp_ld_source(c, s->source, cp);
		o->loc = nsp_model_loc(m, cp);
		norm_end(c, &o->a, &s->a, cp, "a");
		norm_end(c, &o->z, &s->z, cp, "z");
		if (o->a.router != NSP_NONE && o->a.router == o->z.router) {
			PTR(p, "%s/z/router", cp);
			nsp_ld_err_at(c, p, "both ends are the same router "
					    "'%s': a circuit joins two routers",
				      s->z.router);
		}
		if (o->a.router != NSP_NONE &&
		    m->routers[o->a.router].role == NSP_ROLE_EDGE) {
			PTR(p, "%s/a/router", cp);
			nsp_ld_err_at(c, p, "'%s' is an edge router: the a "
					    "side is the customer (cpe) or "
					    "exchange side; swap a and z",
				      s->a.router);
		}
		if (o->z.router != NSP_NONE &&
		    m->routers[o->z.router].role == NSP_ROLE_CPE) {
			PTR(p, "%s/z/router", cp);
			nsp_ld_err_at(c, p, "'%s' is a cpe router: the z side "
					    "is the provider (edge or "
					    "exchange) side", s->z.router);
		}
		o->bandwidth_mbps = s->bandwidth_mbps;
		nsp_ld_range(c, cp, "bandwidth_mbps", s->bandwidth_mbps, 1,
			     1000000000);
		norm_kind_lag_test(c, o, s, cp);
		o->carrier = s->carrier;
		nsp_ld_strs(c, &o->srlg, s->srlg, s->srlg_count);
		o->role = nsp_ld_has(c, cp, "role") ?
			(enum nsp_circuit_role)s->role : NSP_CROLE_ACTIVE;
		o->weight = nsp_ld_has(c, cp, "weight") ? s->weight : 1;
		nsp_ld_range(c, cp, "weight", s->weight, 1, 1000000);
		o->has_mtu = nsp_ld_has(c, cp, "mtu");
		o->mtu = s->mtu;
		nsp_ld_range(c, cp, "mtu", s->mtu, 68, 65535);
		o->has_vlan = nsp_ld_has(c, cp, "vlan");
		o->vlan = s->vlan;
		nsp_ld_range(c, cp, "vlan", s->vlan, 1, 4094);
		o->routing = nsp_ld_has(c, cp, "routing") ?
			(enum nsp_routing)s->routing : NSP_ROUTING_BGP;
		if (o->routing == NSP_ROUTING_STATIC && s->bgp) {
			PTR(p, "%s/bgp", cp);
			nsp_ld_err_at(c, p, "'bgp' is given but routing is "
					    "static: remove it or set "
					    "routing: bgp");
		}
		if (o->routing == NSP_ROUTING_BGP && s->health_check) {
			PTR(p, "%s/health_check", cp);
			nsp_ld_err_at(c, p, "'health_check' applies to static "
					    "routing only (BGP notices a dead "
					    "peer by its hold timer or BFD)");
		}
		if (o->routing == NSP_ROUTING_BGP)
			norm_bgp(c, o, s->bgp, cp);
		if (s->health_check) {
			struct nsp_raw_health *h = s->health_check;
			PTR(p, "%s/health_check", cp);
			o->health_check.present = true;
			o->health_check.interval_s =
				nsp_ld_has(c, p, "interval_s") ?
				h->interval_s : 60;
			o->health_check.timeout_s =
				nsp_ld_has(c, p, "timeout_s") ?
				h->timeout_s : 2;
			o->health_check.count = nsp_ld_has(c, p, "count") ?
				h->count : 3;
			nsp_ld_range(c, p, "interval_s", h->interval_s, 1,
				     86400);
			nsp_ld_range(c, p, "timeout_s", h->timeout_s, 1, 86400);
			nsp_ld_range(c, p, "count", h->count, 1, 1000);
		}
	}
}
