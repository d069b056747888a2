/* BGP008: a hold time below 3 s or below three keepalives. */
#include <inttypes.h>
#include <stdio.h>

#include "routing.h"

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->ncircuits; i++) {
		const struct nsp_circuit *c = &m->circuits[i];
		const struct nsp_bgp *b = &c->bgp;
		if (c->routing != NSP_ROUTING_BGP || !b->hold_s)
			continue;
		bool low = b->hold_s < 3;
		bool ratio = (uint64_t)b->hold_s < 3ull * b->keepalive_s;
		if (!low && !ratio)
			continue;
		char ptr[64], fptr[96];
		nsp_circuit_pointers(m, c, "bgp/hold_s", ptr, sizeof(ptr), fptr,
				     sizeof(fptr));
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"circuit '%s' has hold_s %" PRIu32 " with keepalive_s "
			"%" PRIu32 ": %s; set hold_s to at least 3 and to "
			"three keepalives or more (e.g. keepalive_s %" PRIu32
			", hold_s %" PRIu32 "), and use BFD for fast failure "
			"detection",
			c->id, b->hold_s, b->keepalive_s,
			low ? "RFC 4271 allows a hold time of 0 or at least "
			      "3 seconds, and the session will not come up "
			      "with most peers" :
			      "one lost keepalive brings the session down, so "
			      "it flaps on a little packet loss",
			low || b->hold_s / 3 == 0 ? 1 : b->hold_s / 3,
			low ? 3 : b->hold_s);
		nsp_finding_element(f, c->id);
	}
}

static const char *const refs[] = {
	"RFC 4271, section 4.2 (Hold Time: zero or at least three seconds) "
	"and section 10 (suggested keepalive: one third of the hold time)",
	NULL,
};

const struct nsp_rule nsp_rule_bgp008 = {
	.id = "BGP008",
	.name = "hold-timer-sanity",
	.severity = NSP_WARNING,
	.title = "the BGP hold time is below 3 s or below three keepalives",
	.rationale =
		"RFC 4271 allows a hold time of 0 (no keepalives) or of at "
		"least three seconds, and suggests a keepalive of a third of "
		"the hold time, so that two lost keepalives are survived. A "
		"shorter hold time is rejected by peers or makes the session "
		"flap on a little loss, and every flap withdraws the "
		"circuit's routes. Fast failure detection is BFD's job, not "
		"the hold timer's.",
	.remediation =
		"Keep hold_s at three keepalives or more (60/180 s is the "
		"usual default; Azure allows 3/10 s at the least) and enable "
		"BFD on both sides for fast detection.",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: ec-1, ..., bgp: {keepalive_s: 10, hold_s: 15}}\n",
	.passes = "circuits:\n"
		  "  - {id: ec-1, ..., bgp: {keepalive_s: 10, hold_s: 30}}\n",
	.check = check,
};
