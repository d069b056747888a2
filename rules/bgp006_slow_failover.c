/* BGP006: a circuit's failover time exceeds intent.failover_ms. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routing.h"
#include "providers/sources.h"

/* The fastest BFD the provider of circuit c runs, within the target. */
static void fastest_bfd(const struct nsp_model *m, const struct nsp_circuit *c,
			uint64_t *iv, uint64_t *mult)
{
	const struct nsp_provider_facts *f =
		nsp_provider_facts(nsp_circuit_provider(m, c));
	uint64_t target = m->intent.failover_ms;
	*iv = f->bfd_min_interval_ms ? f->bfd_min_interval_ms : 300;
	*mult = f->bfd_min_multiplier ? f->bfd_min_multiplier : 3;
	if (!f->bfd_min_interval_ms && *iv * *mult > target) {
		/* nothing known of the provider: fit the target */
		*iv = target / *mult ? target / *mult : 1;
	}
}

/* What would bring circuit c within the target, durations in unit u. */
static char *advice(const struct nsp_model *m, const struct nsp_circuit *c,
		    uint64_t iv, uint64_t mult, enum nsp_time_unit u)
{
	const struct nsp_provider_facts *f =
		nsp_provider_facts(nsp_circuit_provider(m, c));
	if (c->routing == NSP_ROUTING_STATIC)
		return nsp_xstrdup("shorten the health check (interval_s, "
				   "count x timeout_s), or run BGP with BFD "
				   "on both sides");
	if (c->kind == NSP_CKIND_VPN)
		return nsp_xstrdup(
			"lower the BGP hold time (hold_s) and the tunnel's "
			"dead peer detection timeout (AWS accepts 30 s or "
			"more), or carry the demand on a private circuit "
			"with BFD on both sides");
	const struct nsp_bfd *b = &c->bgp.bfd;
	char *t = nsp_duration_in(iv * mult, u), *r;
	if (iv * mult > m->intent.failover_ms)
		r = nsp_xasprintf(
			"even BFD cannot meet it here: %s runs BFD at "
			"interval_ms %" PRIu64 " and multiplier %" PRIu64
			" at the fastest (%s); raise intent.failover_ms to "
			"%" PRIu64 " or more",
			f->product, iv, mult, t, iv * mult);
	else if (b->present && b->local && b->peer)
		r = nsp_xasprintf("lower the BFD timers, e.g. interval_ms: "
				  "%" PRIu64 ", multiplier: %" PRIu64 " (%s)",
				  iv, mult, t);
	else
		r = nsp_xasprintf("enable BFD on both sides (bfd: "
				  "{interval_ms: %" PRIu64
				  ", multiplier: %" PRIu64 "}: %s)%s",
				  iv, mult, t,
				  c->bgp.hold_s ? ", or lower the hold time" :
						  "");
	free(t);
	return r;
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	bool *alt = nsp_circuits_with_alternative(m);
	for (size_t i = 0; i < m->ncircuits; i++) {
		const struct nsp_circuit *c = &m->circuits[i];
		if (!alt[i] || nsp_failover_rule(m, c) != NSP_FO_BGP006)
			continue;
		/* one unit for the whole message: that of its longest */
		uint64_t iv, mult, target = m->intent.failover_ms;
		fastest_bfd(m, c, &iv, &mult);
		uint64_t longest = nsp_failover_longest_ms(m, c);
		if (target > longest)
			longest = target;
		if (c->routing == NSP_ROUTING_BGP && iv * mult > longest)
			longest = iv * mult;
		enum nsp_time_unit u = nsp_time_unit_for(longest);
		char *how = nsp_failover_text(m, c, u),
		     *fix = advice(m, c, iv, mult, u),
		     *tt = nsp_duration_in(target, u);
		char ptr[64], fptr[96];
		nsp_circuit_pointers(
			m, c,
			c->routing == NSP_ROUTING_BGP ? "bgp" : "health_check",
			ptr, sizeof(ptr), fptr, sizeof(fptr));
		bool never = !strncmp(how, "never ", 6);
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"circuit '%s' %s %s, %s the target of %s "
			"(intent.failover_ms); %s",
			c->id, never ? "never fails over" : "fails over in",
			never ? how + 6 : how, never ? "against" : "more than",
			tt, fix);
		nsp_finding_element(f, c->id);
		nsp_finding_related(f, m, "/intent", "/intent/failover_ms",
				    "the failover target");
		free(how);
		free(fix);
		free(tt);
	}
	free(alt);
}

static void facts(FILE *out)
{
	nsp_provider_facts_print(out, NSP_FACT_BFD | NSP_FACT_HOLD);
}

static const char *const refs[] = {
	NSP_SRC_ALIBABA_ECMP " (\"Without BFD, failure "
	"detection relies on the BGP hold-time\")",
	NSP_SRC_OVH " (\"BGP failover typically completes in "
	"30-90 seconds depending on hold timers and BFD configuration\")",
	"AWS knowledge center, https://repost.aws/knowledge-center/"
	"enable-bfd-direct-connect (without BFD, BGP waits for a 90 s hold "
	"time)",
	"RFC 4271, section 4.2 (the session's hold time is the smaller of "
	"the two sides' hold times; 0 means no keepalives)",
	"Amazon EC2 API Reference, ModifyVpnTunnelOptionsSpecification "
	"(DPDTimeoutSeconds: default 40, at least 30; DPDTimeoutAction "
	"clear: the tunnel goes down and its routes are removed), "
	"https://docs.aws.amazon.com/AWSEC2/latest/APIReference/"
	"API_ModifyVpnTunnelOptionsSpecification.html",
	"lib/providers/providers.c: the provider hold times with their pages "
	"(listed under Provider figures)",
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
		"minimum); with BFD on one side or none, the hold time the "
		"BGP session negotiates: the smaller of hold_s (180 s by "
		"default) and the provider's where the provider table knows "
		"it (RFC 4271, section 4.2: 90 s at AWS, 180 s at Azure, 60 "
		"s at Google Cloud with the default keepalive), never when "
		"hold_s is 0 (no keepalives); for an IPsec VPN tunnel (kind: "
		"vpn) the private product's hold time does not apply, and "
		"the provider's dead peer detection takes a silent tunnel "
		"down with its routes when that comes first (AWS "
		"Site-to-Site VPN: 40 s by default); with static routing, the "
		"health check's interval plus count timeouts. The message "
		"names both sides of the negotiation. The rule "
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
