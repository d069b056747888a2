/*
 * HA003: the topology qualifies for a lower SLA tier of the cloud's
 * provider than intent.availability asks for.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/avail.h"
#include "analysis.h"
#include "providers/sla.h"
#include "providers/providers.h"
#include "providers/sources.h"

static void demand(struct nsp_ctx *ctx, size_t di, struct nsp_endpoint e)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_demand *d = &m->demands[di];
	enum nsp_provider prov = m->clouds[e.index].provider;
	size_t nt;
	const struct nsp_sla_tier *t = nsp_sla_tiers(prov, &nt);
	if (!nt || !d->ncircuits)
		return;
	size_t n, reached = nsp_sla_reached(m, d, e, &n);
	double target = m->intent.availability;
	bool low =
	    reached == nt || !t[reached].has_sla || t[reached].sla < target;
	if (reached < nt && t[reached].unpublished)
		low = false;
	if (!low || !n)
		return;
	/*
	 * What to build: the weakest stronger tier whose figure meets the
	 * target; when none does, the provider's best figure says so.
	 */
	const struct nsp_sla_tier *next = NULL, *best = NULL;
	double now = reached < nt && t[reached].has_sla ? t[reached].sla : 0;
	for (size_t k = reached; k-- > 0;) {
		if (!t[k].has_sla || t[k].unpublished)
			continue;
		if (!best || t[k].sla > best->sla)
			best = &t[k];
		if (!next && t[k].sla >= target)
			next = &t[k];
	}
	const char *product = nsp_provider_facts(prov)->product;
	char *tgt = nsp_percent_given(target);
	char *tier = reached == nt
	                 ? nsp_xasprintf("no %s tier (no SLA)", product)
	             : t[reached].has_sla
	                 ? nsp_xasprintf("%s tier '%s' (%g%% SLA)", product,
	                                 t[reached].name,
	                                 t[reached].sla)
	                 : nsp_xasprintf("%s tier '%s' (no SLA)", product,
	                                 t[reached].name);
	char *need =
	    next ? nsp_xasprintf("tier '%s' (%g%%) needs %s", next->name,
	                         next->sla, next->needs)
	    : best && best->sla > now
	        ? nsp_xasprintf("no tier of %s reaches %s%%: its best, '%s' "
	                        "(%g%%), needs %s; or lower the target to "
	                        "%g",
	                        product, tgt, best->name, best->sla,
	                        best->needs, best->sla)
	        : nsp_xasprintf("no tier of %s reaches %s%%: the best is "
	                        "%g%%, which the topology has; lower the "
	                        "target to %g",
	                        product, tgt, now, now);
	struct nsp_avail av;
	nsp_avail_demand(&av, ctx->fa, di);
	char *est = nsp_percent_text(av.availability);
	char *dem = nsp_demand_label(m, d);
	char *ptr = nsp_demand_pointer(m, d);
	struct nsp_finding *f = nsp_report(
	    ctx, NSP_WARNING, ptr, NULL,
	    "%s: its %zu circuit%s at '%s' reach %s, below the %s%% "
	    "target; %s (this is the provider's contractual tier; the "
	    "estimate from the design's own assumptions, which AVAIL001 "
	    "judges, is %s%%)",
	    dem, n, n == 1 ? "" : "s", m->clouds[e.index].id, tier, tgt,
	    need, est);
	nsp_finding_element(f, nsp_endpoint_id(m, d->from));
	nsp_finding_element(f, nsp_endpoint_id(m, d->to));
	nsp_finding_related(f, m, "/intent", "/intent/availability",
	                    "the availability target");
	free(tier);
	free(need);
	free(tgt);
	free(est);
	free(dem);
	free(ptr);
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	if (!m->intent.has_availability)
		return;
	for (size_t d = 0; d < m->ndemands; d++) {
		const struct nsp_demand *dm = &m->demands[d];
		if (dm->to.kind == NSP_EP_CLOUD)
			demand(ctx, d, dm->to);
		if (dm->from.kind == NSP_EP_CLOUD)
			demand(ctx, d, dm->from);
	}
}

static const char *const refs[] = {
    NSP_SRC_OVH " (GCP SLA tiers: "
    "one attachment no SLA, two in one metro 99.9%, four in two metros "
    "99.99%)",
    "https://cloud.google.com/network-connectivity/docs/interconnect/"
    "tutorials/dedicated-creating-9999-availability",
    "https://aws.amazon.com/directconnect/resiliency-recommendation/",
    "lib/providers/sla.c: every tier with the page it comes from",
    NULL,
};

const struct nsp_rule nsp_rule_ha003 = {
    .id = "HA003",
    .name = "provider-sla-tier",
    .severity = NSP_WARNING,
    .title = "the topology reaches a lower provider SLA tier than the "
             "target",
    .rationale = "Providers tie their interconnect SLA to a topology: Google "
                 "Cloud gives 99.9% for two attachments in one metro and "
                 "99.99% only for four in two metros; AWS gives 99.99% for "
                 "maximum resiliency (two connections at each of two "
                 "locations) and 99.9% for one at each of two. A design that "
                 "promises more than the tier its topology reaches has no "
                 "contract behind the promise. The message names the tier the "
                 "circuits at the cloud reach and what the next tier needs, "
                 "and shows nospof's own estimate (AVAIL001) beside it: the "
                 "contractual tier and the estimate are different things and "
                 "are never blended. Providers that publish no figure per "
                 "topology (IBM Cloud Direct Link) are not compared.",
    .remediation = "Build the topology of the tier the target needs (the "
                   "message says what it takes), or lower intent.availability "
                   "to what the contract covers.",
    .references = refs,
    .fails = "intent: {availability: 99.99}\n"
             "clouds: [{id: vpc, provider: gcp, prefixes: [10.0.0.0/16]}]\n"
             "pops:   # one metro, two edge availability domains: 99.9%\n"
             "  - {id: ic-1, metro: fra, edge_domain: zone1}\n"
             "  - {id: ic-2, metro: fra, edge_domain: zone2}\n",
    .passes = "intent: {availability: 99.99}\n"
              "pops:   # two metros, two domains each, four attachments\n"
              "  - {id: ic-1, metro: fra, edge_domain: zone1}\n"
              "  - {id: ic-2, metro: fra, edge_domain: zone2}\n"
              "  - {id: ic-3, metro: ams, edge_domain: zone1}\n"
              "  - {id: ic-4, metro: ams, edge_domain: zone2}\n",
    .check = check,
    .analysis = true,
};
