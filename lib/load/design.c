/*
 * The normalise pass for the design as a whole: the top level (format
 * version, name, the intent over the config's defaults, the availability
 * assumptions), the ids of every element and the fields of sites, clouds
 * and PoPs, routers (what each role may carry, their site, PoP or cloud),
 * demands, and waivers (their rule checked against the rules handed in).
 * It also holds the names of the failure classes and providers. Circuits
 * are in circuits.c.
 */
#include "load_int.h"

#include <stdlib.h>
#include <string.h>

#include "engine/registry.h"

/*
 * The top level: format version, name, the intent (the config's defaults,
 * then the design's own) and the availability assumptions.
 */
void nsp_ld_norm_top(struct ctx *c, struct nsp_raw_design *r)
{
	struct nsp_model *m = c->m;
	nsp_ld_forget();
	if (r->nospof != 1)
		nsp_ld_err_at(c, "/nospof", "unsupported format version %u: "
					    "this nospof reads version 1",
			      (unsigned)r->nospof);
	m->name = r->name;
	m->description = r->description;
	if (!*r->name)
		nsp_ld_err_at(c, "/name", "name is empty");

	m->intent.mode = NSP_MODE_ACTIVE_ACTIVE;
	m->intent.survive = 1u << NSP_CLASS_CIRCUIT | 1u << NSP_CLASS_PORT |
			    1u << NSP_CLASS_ROUTER | 1u << NSP_CLASS_POP;
	m->intent.max_utilization = 100;
	m->intent.failover_test_max_age_days = 90;
	const struct nsp_intent_defaults *d = c->defaults;
	if (d && d->mode)
		m->intent.mode = d->v.mode;
	if (d && d->availability) {
		m->intent.has_availability = true;
		m->intent.availability = d->v.availability;
	}
	if (d && d->failover_ms) {
		m->intent.has_failover_ms = true;
		m->intent.failover_ms = d->v.failover_ms;
	}
	if (d && d->survive)
		m->intent.survive = d->v.survive;
	if (d && d->max_utilization)
		m->intent.max_utilization = d->v.max_utilization;
	if (r->intent) {
		struct nsp_raw_intent *i = r->intent;
		if (nsp_ld_has(c, "/intent", "mode"))
			m->intent.mode = (enum nsp_mode)i->mode;
		if (nsp_ld_has(c, "/intent", "availability")) {
			m->intent.has_availability = true;
			m->intent.availability = i->availability;
			nsp_ld_percent(c, "/intent", "availability",
				       i->availability, false);
		}
		if (nsp_ld_has(c, "/intent", "failover_ms")) {
			m->intent.has_failover_ms = true;
			m->intent.failover_ms = i->failover_ms;
			nsp_ld_range(c, "/intent", "failover_ms",
				     i->failover_ms, 1, 86400000);
		}
		if (nsp_ld_has(c, "/intent", "survive")) {
			m->intent.survive = 0;
			for (uint32_t k = 0; k < i->survive_count; k++)
				m->intent.survive |= 1u << i->survive[k];
		}
		if (nsp_ld_has(c, "/intent", "max_utilization")) {
			m->intent.max_utilization = i->max_utilization;
			nsp_ld_percent(c, "/intent", "max_utilization",
				       i->max_utilization, true);
		}
		if (nsp_ld_has(c, "/intent", "failover_test_max_age_days")) {
			m->intent.has_failover_test_max_age = true;
			m->intent.failover_test_max_age_days =
				i->failover_test_max_age_days;
			nsp_ld_range(c, "/intent", "failover_test_max_age_days",
				     i->failover_test_max_age_days, 1, 3660);
		}
	}

	static const double defaults[NSP_CLASS_COUNT] = {
		99.9, 99.99, 99.95, 99.99, 99.995, 99.999, 99.99, 99.99, 99.99,
	};
	memcpy(m->assumptions, defaults, sizeof(defaults));
	if (r->assumptions) {
		const double *vals = &r->assumptions->circuit;
		for (int k = 0; k < NSP_CLASS_COUNT; k++) {
			if (!nsp_ld_has(c, "/assumptions", nsp_class_names[k]))
				continue;
			m->assumptions[k] = vals[k];
			nsp_ld_percent(c, "/assumptions", nsp_class_names[k],
				       vals[k], true);
		}
	}
}

/*
 * Register the ids of every element (so that references resolve in any
 * order), then fill sites, clouds and PoPs.
 */
void nsp_ld_norm_elements(struct ctx *c, struct nsp_raw_design *r)
{
	struct nsp_model *m = c->m;
	char p[300];

	m->nsites = r->sites_count;
	m->sites = nsp_xcalloc(m->nsites, sizeof(*m->sites));
	for (size_t i = 0; i < m->nsites; i++) {
		struct nsp_raw_site *s = &r->sites[i];
		PTR(p, "/sites/%zu", i);
		nsp_ld_register_id(c, s->id, NSP_KIND_SITE, i, p);
	}
	m->nclouds = r->clouds_count;
	m->clouds = nsp_xcalloc(m->nclouds, sizeof(*m->clouds));
	for (size_t i = 0; i < m->nclouds; i++) {
		PTR(p, "/clouds/%zu", i);
		nsp_ld_register_id(c, r->clouds[i].id, NSP_KIND_CLOUD, i, p);
	}
	m->npops = r->pops_count;
	m->pops = nsp_xcalloc(m->npops, sizeof(*m->pops));
	for (size_t i = 0; i < m->npops; i++) {
		PTR(p, "/pops/%zu", i);
		nsp_ld_register_id(c, r->pops[i].id, NSP_KIND_POP, i, p);
	}
	m->nrouters = r->routers_count;
	m->routers = nsp_xcalloc(m->nrouters, sizeof(*m->routers));
	for (size_t i = 0; i < m->nrouters; i++) {
		PTR(p, "/routers/%zu", i);
		nsp_ld_register_id(c, r->routers[i].id, NSP_KIND_ROUTER, i, p);
	}
	m->ncircuits = r->circuits_count;
	m->circuits = nsp_xcalloc(m->ncircuits, sizeof(*m->circuits));
	for (size_t i = 0; i < m->ncircuits; i++) {
		PTR(p, "/circuits/%zu", i);
		nsp_ld_register_id(c, r->circuits[i].id, NSP_KIND_CIRCUIT, i,
				   p);
	}

	for (size_t i = 0; i < m->nsites; i++) {
		struct nsp_raw_site *s = &r->sites[i];
		struct nsp_site *o = &m->sites[i];
		PTR(p, "/sites/%zu", i);
		nsp_ld_text_field(c, s->region, p, "region");
		o->id = s->id;
		o->source = s->source;
		nsp_ld_source(c, s->source, p);
		o->region = s->region;
		o->stateful_firewall = s->stateful_firewall;
		o->loc = nsp_model_loc(m, p);
		PTR(p, "/sites/%zu/prefixes", i);
		nsp_ld_prefixes(c, &o->prefixes, s->prefixes, s->prefixes_count,
				p);
	}
	for (size_t i = 0; i < m->nclouds; i++) {
		struct nsp_raw_cloud *s = &r->clouds[i];
		struct nsp_cloud *o = &m->clouds[i];
		PTR(p, "/clouds/%zu", i);
		nsp_ld_text_field(c, s->region, p, "region");
		o->id = s->id;
		o->source = s->source;
		nsp_ld_source(c, s->source, p);
		o->region = s->region;
		o->provider = (enum nsp_provider)s->provider;
		o->loc = nsp_model_loc(m, p);
		PTR(p, "/clouds/%zu/prefixes", i);
		nsp_ld_prefixes(c, &o->prefixes, s->prefixes, s->prefixes_count,
				p);
	}
	for (size_t i = 0; i < m->npops; i++) {
		struct nsp_raw_pop *s = &r->pops[i];
		struct nsp_pop *o = &m->pops[i];
		PTR(p, "/pops/%zu", i);
		nsp_ld_text_field(c, s->region, p, "region");
		nsp_ld_text_field(c, s->metro, p, "metro");
		nsp_ld_text_field(c, s->facility, p, "facility");
		nsp_ld_text_field(c, s->edge_domain, p, "edge_domain");
		nsp_ld_text_list(c, s->srlg, s->srlg_count, p, "srlg");
		o->id = s->id;
		o->source = s->source;
		nsp_ld_source(c, s->source, p);
		o->region = s->region;
		o->metro = s->metro;
		o->facility = s->facility;
		o->edge_domain = s->edge_domain;
		nsp_ld_strs(c, &o->srlg, s->srlg, s->srlg_count);
		o->loc = nsp_model_loc(m, p);
	}
}

/* The router fields that only some roles may carry. */
static void role_field(struct ctx *c, const char *rp, const char *key,
		       bool allowed, const char *why)
{
	char p[300];
	if (allowed || !nsp_ld_has(c, rp, key))
		return;
	PTR(p, "%s/%s", rp, key);
	nsp_ld_err_at(c, p, "'%s' is not allowed here: %s", key, why);
}

/*
 * Routers: their fields, what their role allows, and the site (cpe), PoP
 * (edge, exchange) and cloud (edge) they belong to.
 */
void nsp_ld_norm_routers(struct ctx *c, struct nsp_raw_design *r)
{
	struct nsp_model *m = c->m;
	char rp[300], p[300];
	for (size_t i = 0; i < m->nrouters; i++) {
		struct nsp_raw_router *s = &r->routers[i];
		struct nsp_router *o = &m->routers[i];
		PTR(rp, "/routers/%zu", i);
		nsp_ld_text_field(c, s->gateway, rp, "gateway");
		nsp_ld_text_list(c, s->srlg, s->srlg_count, rp, "srlg");
		o->id = s->id;
		o->source = s->source;
		nsp_ld_source(c, s->source, rp);
		o->role = (enum nsp_router_role)s->role;
		o->site = o->pop = o->cloud = NSP_NONE;
		o->gateway = s->gateway;
		o->has_asn = nsp_ld_has(c, rp, "asn");
		o->asn = s->asn;
		nsp_ld_range(c, rp, "asn", s->asn, 1, UINT32_MAX);
		o->ecmp_hash = nsp_ld_has(c, rp, "ecmp_hash") ?
			(enum nsp_hash)s->ecmp_hash : NSP_HASH_UNSET;
		o->policy_routing = s->policy_routing;
		nsp_ld_strs(c, &o->srlg, s->srlg, s->srlg_count);
		o->loc = nsp_model_loc(m, rp);

		bool cpe = o->role == NSP_ROLE_CPE;
		bool edge = o->role == NSP_ROLE_EDGE;
		role_field(c, rp, "site", cpe, "only a cpe router belongs to "
					       "a site");
		role_field(c, rp, "pop", !cpe, "a cpe router sits at its "
					       "site, not in a provider PoP");
		role_field(c, rp, "cloud", edge, edge ? "" :
			   cpe ? "a cpe router belongs to a site" :
				 "an exchange router joins circuits and "
				 "belongs to no cloud");
		role_field(c, rp, "gateway", edge, "only an edge router hands "
						   "traffic to a gateway");
		role_field(c, rp, "ecmp_hash", cpe, "only a cpe router's "
						    "hashing is modelled");
		role_field(c, rp, "policy_routing", cpe, "only a cpe router's "
							 "policy routing is "
							 "modelled");
		if (cpe) {
			if (!s->site)
				nsp_ld_err_at(c, rp,
					      "a cpe router needs 'site'");
			else
				o->site = nsp_ld_resolve(
					c, s->site, 1u << NSP_KIND_SITE, "site",
					(PTR(p, "%s/site", rp), p), NULL);
		} else {
			if (!s->pop)
				nsp_ld_err_at(c, rp, "an %s router needs 'pop'",
					      edge ? "edge" : "exchange");
			else
				o->pop = nsp_ld_resolve(
					c, s->pop, 1u << NSP_KIND_POP, "pop",
					(PTR(p, "%s/pop", rp), p), NULL);
		}
		if (edge) {
			if (!s->cloud)
				nsp_ld_err_at(c, rp,
					      "an edge router needs 'cloud'");
			else
				o->cloud = nsp_ld_resolve(
					c, s->cloud, 1u << NSP_KIND_CLOUD,
					"cloud", (PTR(p, "%s/cloud", rp), p),
					NULL);
		}
	}
}

/* Demands: their ends (a site or a cloud) and their size. */
void nsp_ld_norm_demands(struct ctx *c, struct nsp_raw_design *r)
{
	struct nsp_model *m = c->m;
	char dp[300], p[300];
	m->demands_given = nsp_ld_has(c, "", "demands");
	if (!m->demands_given)
		return;
	m->ndemands = r->demands_count;
	m->demands = nsp_xcalloc(m->ndemands, sizeof(*m->demands));
	unsigned eps = 1u << NSP_KIND_SITE | 1u << NSP_KIND_CLOUD;
	for (size_t i = 0; i < m->ndemands; i++) {
		struct nsp_raw_demand *s = &r->demands[i];
		struct nsp_demand *o = &m->demands[i];
		enum nsp_kind kf = 0, kt = 0;
		PTR(dp, "/demands/%zu", i);
		o->index = i;
		o->loc = nsp_model_loc(m, dp);
		PTR(p, "%s/from", dp);
		o->from.index = nsp_ld_resolve(c, s->from, eps,
					       "site or cloud", p, &kf);
		o->from.kind = kf == NSP_KIND_CLOUD ? NSP_EP_CLOUD : NSP_EP_SITE;
		PTR(p, "%s/to", dp);
		o->to.index = nsp_ld_resolve(c, s->to, eps,
					     "site or cloud", p, &kt);
		o->to.kind = kt == NSP_KIND_CLOUD ? NSP_EP_CLOUD : NSP_EP_SITE;
		if (!strcmp(s->from, s->to))
			nsp_ld_err_at(c, p, "a demand from '%s' to itself",
				      s->to);
		o->has_mbps = nsp_ld_has(c, dp, "mbps");
		o->mbps = s->mbps;
		nsp_ld_range(c, dp, "mbps", s->mbps, 0, 1000000000);
	}
}

/*
 * Waivers: the rule they name (by id or name, checked against the rules
 * handed in), their reason, the elements they cover and their expiry.
 */
void nsp_ld_norm_waivers(struct ctx *c, struct nsp_raw_design *r)
{
	struct nsp_model *m = c->m;
	char wp[300], p[300];
	m->nwaivers = r->waivers_count;
	m->waivers = nsp_xcalloc(m->nwaivers, sizeof(*m->waivers));
	for (size_t i = 0; i < m->nwaivers; i++) {
		struct nsp_raw_waiver *s = &r->waivers[i];
		struct nsp_waiver *o = &m->waivers[i];
		PTR(wp, "/waivers/%zu", i);
		o->loc = nsp_model_loc(m, wp);
		const struct nsp_rule *rule = nsp_registry_find(c->rules, s->rule);
		/* a rule named by its name matches findings by its id */
		o->rule = rule ? rule->id : s->rule;
		o->reason = s->reason;
		o->ticket = s->ticket;
		o->expires_text = s->expires;
		if (!rule) {
			PTR(p, "%s/rule", wp);
			char *v = nsp_ld_clip(s->rule, strlen(s->rule));
			const char *dym = nsp_registry_suggest(c->rules, s->rule);
			if (dym)
				nsp_ld_err_at(c, p, "unknown rule '%s' (did "
						    "you mean '%s'?)", v, dym);
			else
				nsp_ld_err_at(c, p, "unknown rule '%s' (see "
						    "'nospof rules')", v);
			free(v);
		}
		if (!*s->reason) {
			PTR(p, "%s/reason", wp);
			nsp_ld_err_at(c, p, "reason is empty: say why the risk "
					    "is accepted");
		}
		/* free strings: findings also name carriers, tags, metros */
		nsp_ld_text_list(c, s->elements, s->elements_count, wp,
				 "elements");
		nsp_ld_strs(c, &o->elements, s->elements, s->elements_count);
		if (s->expires) {
			o->has_expires = nsp_date_parse(s->expires, &o->expires);
			if (!o->has_expires) {
				PTR(p, "%s/expires", wp);
				char *v = nsp_ld_clip(s->expires,
						      strlen(s->expires));
				nsp_ld_err_at(c, p, "invalid date '%s': "
						    "expected a calendar date "
						    "YYYY-MM-DD", v);
				free(v);
			}
		}
	}
}
