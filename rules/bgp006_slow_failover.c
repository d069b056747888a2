/* BGP006: a circuit's failover time exceeds intent.failover_ms. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "routing.h"

/* What would bring circuit c within the target. */
static char *advice(const struct nsp_model *m, const struct nsp_circuit *c)
{
	const struct nsp_provider_facts *f =
		nsp_provider_facts(nsp_circuit_provider(m, c));
	uint64_t target = m->intent.failover_ms;
	if (c->routing == NSP_ROUTING_STATIC)
		return nsp_xstrdup("shorten the health check (interval_s, "
				   "count x timeout_s), or run BGP with BFD "
				   "on both sides");
	const struct nsp_bfd *b = &c->bgp.bfd;
	uint64_t iv = f->bfd_min_interval_ms ? f->bfd_min_interval_ms : 300;
	uint64_t mult = f->bfd_min_multiplier ? f->bfd_min_multiplier : 3;
	if (!f->bfd_min_interval_ms && iv * mult > target) {
		/* nothing known of the provider: fit the target */
		iv = target / mult ? target / mult : 1;
	}
	if (iv * mult > target)
		return nsp_xasprintf(
			"even BFD cannot meet it here: %s detects no faster "
			"than %" PRIu64 " ms x %" PRIu64 "; raise "
			"intent.failover_ms to %" PRIu64 " or more",
			f->product, iv, mult, iv * mult);
	if (b->present && b->local && b->peer)
		return nsp_xasprintf("lower the BFD timers, e.g. interval_ms: "
				     "%" PRIu64 ", multiplier: %" PRIu64
				     " (%" PRIu64 " ms)",
				     iv, mult, iv * mult);
	return nsp_xasprintf("enable BFD on both sides (bfd: {}, %" PRIu64
			     " ms x %" PRIu64 " = %" PRIu64 " ms), or lower "
			     "its hold timer",
			     iv, mult, iv * mult);
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	bool *alt = nsp_circuits_with_alternative(m);
	for (size_t i = 0; i < m->ncircuits; i++) {
		const struct nsp_circuit *c = &m->circuits[i];
		if (!alt[i] || nsp_failover_rule(m, c) != NSP_FO_BGP006)
			continue;
		char *how = nsp_failover_text(m, c), *fix = advice(m, c);
		char ptr[64], fptr[96];
		nsp_circuit_pointers(
			m, c,
			c->routing == NSP_ROUTING_BGP ? "bgp" : "health_check",
			ptr, sizeof(ptr), fptr, sizeof(fptr));
		struct nsp_finding *f =
			nsp_report(ctx, ctx->rule->severity, ptr, fptr,
				   "circuit '%s' fails over in %s, more than "
				   "intent.failover_ms %" PRIu64 " ms; %s",
				   c->id, how, m->intent.failover_ms, fix);
		nsp_finding_element(f, c->id);
		nsp_finding_related(f, m, "/intent", "/intent/failover_ms",
				    "the failover target");
		free(how);
		free(fix);
	}
	free(alt);
}

static void facts(FILE *out)
{
	nsp_provider_facts_print(out, NSP_FACT_BFD);
}

static const char *const refs[] = {
	"seed 001: Alibaba Cloud Express Connect (\"Without BFD, failure "
	"detection relies on the BGP hold-time\")",
	"seed 002: OVHcloud Connect (\"BGP failover typically completes in "
	"30-90 seconds depending on hold timers and BFD configuration\")",
	"AWS knowledge center, https://repost.aws/knowledge-center/"
	"enable-bfd-direct-connect (without BFD, BGP waits for a 90 s hold "
	"time)",
	NULL,
};

const struct nsp_rule nsp_rule_bgp006 = {
	.id = "BGP006",
	.name = "slow-failover",
	.severity = NSP_ERROR,
	.title = "a circuit fails over slower than intent.failover_ms",
	.rationale =
		"A redundant circuit only helps as fast as its failure is "
		"noticed. With BFD on both sides that takes the negotiated "
		"interval (the larger of interval_ms and the provider's "
		"minimum) times the multiplier (at least the provider's "
		"minimum); with BFD on one side or none, the BGP hold time "
		"(180 s by default, 90 s at AWS); with static routing, the "
		"health check's interval plus count timeouts. The rule "
		"judges circuits that carry a demand next to another one, "
		"and reports what BFD002 (one-sided BFD) and STATIC001 (no "
		"health check) do not already report.",
	.remediation =
		"Enable BFD on both sides of the circuit, within the "
		"provider's range (`nospof explain BFD003`); where even the "
		"provider's fastest BFD is too slow (Google Cloud: 1000 ms x "
		"5), raise the target.",
	.references = refs,
	.fails = "intent: {failover_ms: 1000}\n"
		 "circuits:\n"
		 "  - {id: ec-1, ..., bgp: {hold_s: 90}}   # 90 s\n",
	.passes = "intent: {failover_ms: 1000}\n"
		  "circuits:\n"
		  "  - {id: ec-1, ..., bgp: {bfd: {interval_ms: 300, "
		  "multiplier: 3}}}   # 900 ms\n",
	.check = check,
	.facts = facts,
};
