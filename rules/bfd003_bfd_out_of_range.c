/* BFD003: BFD interval or multiplier outside the provider's range. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "routing.h"

/*
 * Append to b why field what = v lies outside [lo, hi] (0: no bound); sets
 * *below or *above. Values are the fields' own numbers, without a unit.
 */
static void range(struct nsp_buf *b, const char *what, uint32_t v, uint32_t lo,
		  uint32_t hi, bool *below, bool *above)
{
	if (lo && v < lo) {
		nsp_buf_printf(b, "%s%s %" PRIu32 " is below the minimum "
				  "%" PRIu32,
			       b->len ? ", " : "", what, v, lo);
		*below = true;
	} else if (hi && v > hi) {
		nsp_buf_printf(b, "%s%s %" PRIu32 " is above the maximum "
				  "%" PRIu32,
			       b->len ? ", " : "", what, v, hi);
		*above = true;
	}
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->ncircuits; i++) {
		const struct nsp_circuit *c = &m->circuits[i];
		const struct nsp_bfd *bfd = &c->bgp.bfd;
		if (c->routing != NSP_ROUTING_BGP || !bfd->present ||
		    (!bfd->local && !bfd->peer))
			continue;
		const struct nsp_provider_facts *f =
			nsp_provider_facts(nsp_circuit_provider(m, c));
		struct nsp_buf b = {0};
		bool below = false, above = false;
		range(&b, "interval_ms", bfd->interval_ms,
		      f->bfd_min_interval_ms, f->bfd_max_interval_ms, &below,
		      &above);
		range(&b, "multiplier", bfd->multiplier, f->bfd_min_multiplier,
		      f->bfd_max_multiplier, &below, &above);
		if (!b.len)
			continue;
		char *what = nsp_buf_detach(&b);
		uint64_t iv, mult;
		nsp_bfd_negotiated(m, c, &iv, &mult);
		enum nsp_time_unit u = nsp_time_unit_for(iv * mult);
		char *ti = nsp_duration_in(iv, u),
		     *td = nsp_duration_in(iv * mult, u);
		char *effect =
			above ? nsp_xstrdup("the provider side will not "
					    "accept the value, so the "
					    "session may not come up") :
				nsp_xasprintf("the session runs at the "
					      "provider's minimum instead, "
					      "%s x %" PRIu64 ", %s to detect "
					      "a failure",
					      ti, mult, td);
		free(ti);
		free(td);
		char ptr[64], fptr[96];
		nsp_circuit_pointers(m, c, "bgp/bfd", ptr, sizeof(ptr), fptr,
				     sizeof(fptr));
		struct nsp_finding *fd = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"circuit '%s' asks for BFD interval_ms %" PRIu32
			", multiplier %" PRIu32 ", outside what %s supports "
			"(%s): %s; use values "
			"within the provider's range",
			c->id, bfd->interval_ms, bfd->multiplier, f->product,
			what, effect);
		free(effect);
		nsp_finding_element(fd, c->id);
		free(what);
	}
}

static void facts(FILE *out)
{
	nsp_provider_facts_print(out, NSP_FACT_BFD);
}

static const char *const refs[] = {
	"Compute Engine API, RouterBgpPeerBfd (Google Cloud: 1000-30000 ms, "
	"multiplier 5-16)",
	"IBM Cloud Direct Link, https://cloud.ibm.com/docs/dl?topic=dl-dl-bfd",
	"Azure ExpressRoute, Configure BFD, https://learn.microsoft.com/"
	"en-us/azure/expressroute/expressroute-bfd",
	NULL,
};

const struct nsp_rule nsp_rule_bfd003 = {
	.id = "BFD003",
	.name = "bfd-out-of-range",
	.severity = NSP_WARNING,
	.title = "BFD timers outside what the provider supports",
	.rationale =
		"Each provider accepts BFD timers in a range: Google Cloud "
		"Router 1000-30000 ms with a multiplier of 5-16, IBM Direct "
		"Link 300-255,000 ms, Alibaba VBRs 200-1000 ms with a "
		"multiplier of 3-10; Azure's and AWS's routers run 300 ms "
		"and will not go faster. BFD negotiates the slower of the "
		"two sides, so a design asking for less than the provider's "
		"minimum detects failures slower than it claims, and a value "
		"above the maximum cannot be configured. The figures come "
		"from the provider table; a provider without one is not "
		"checked.",
	.remediation =
		"Configure interval_ms and multiplier within the provider's "
		"range (listed under Provider figures), and plan "
		"intent.failover_ms with the negotiated values.",
	.references = refs,
	.fails = "clouds: [{id: vpc, provider: gcp, ...}]\n"
		 "circuits:\n"
		 "  - {id: ic-1, ..., bgp: {bfd: {interval_ms: 300, "
		 "multiplier: 3}}}\n",
	.passes = "clouds: [{id: vpc, provider: gcp, ...}]\n"
		  "circuits:\n"
		  "  - {id: ic-1, ..., bgp: {bfd: {interval_ms: 1000, "
		  "multiplier: 5}}}\n",
	.check = check,
	.facts = facts,
};
