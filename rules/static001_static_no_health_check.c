/* STATIC001: static routing without a health check. */
#include <stdio.h>
#include <stdlib.h>

#include "routing.h"
#include "providers/sources.h"

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	bool *alt = nsp_circuits_with_alternative(m);
	for (size_t i = 0; i < m->ncircuits; i++) {
		const struct nsp_circuit *c = &m->circuits[i];
		if (!alt[i] || nsp_failover_rule(m, c) != NSP_FO_STATIC001)
			continue;
		char ptr[64], fptr[96];
		nsp_circuit_pointers(m, c, "routing", ptr, sizeof(ptr), fptr,
				     sizeof(fptr));
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"circuit '%s' is routed statically with no health "
			"check: when its next hop '%s' dies, '%s' keeps "
			"sending it its share of the traffic, which is lost "
			"until someone removes the route; add a health_check "
			"(e.g. interval_s: 10, timeout_s: 2, count: 3, which "
			"removes the route within 16 s) or run BGP with BFD",
			c->id, m->routers[c->z.router].id,
			m->routers[c->a.router].id);
		nsp_finding_element(f, c->id);
	}
	free(alt);
}

static const char *const refs[] = {
	NSP_SRC_LINUX_ECMP " (\"ECMP has no built-in health "
	"check. If a gateway goes down, the kernel will continue sending "
	"traffic to it\")",
	NULL,
};

const struct nsp_rule nsp_rule_static001 = {
	.id = "STATIC001",
	.name = "static-no-health-check",
	.severity = NSP_ERROR,
	.title = "a static circuit has no health check",
	.rationale =
		"A static route stays in the table as long as its interface "
		"is up. When the next hop behind a healthy-looking interface "
		"dies (a gateway, a provider router, anything past a switch), "
		"the router keeps sending that circuit its share of the "
		"traffic: with ECMP, every flow hashed to it is lost, and "
		"the redundant path never takes over. The rule judges static "
		"circuits that carry a demand next to another circuit.",
	.remediation =
		"Add a health check that removes the route when the next hop "
		"stops answering (the Linux ECMP guide under References: ping "
		"every minute, 3 tries with a "
		"2 s timeout; shorter is better), write it down as "
		"`health_check`, or run BGP with BFD instead.",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: up-a, ..., routing: static}\n"
		 "  - {id: up-b, ..., routing: static}\n",
	.passes = "circuits:\n"
		  "  - {id: up-a, ..., routing: static,\n"
		  "     health_check: {interval_s: 10, timeout_s: 2, count: "
		  "3}}\n"
		  "  - {id: up-b, ..., routing: static,\n"
		  "     health_check: {interval_s: 10, timeout_s: 2, count: "
		  "3}}\n",
	.check = check,
};
