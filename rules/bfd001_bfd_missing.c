/* BFD001: a BGP circuit without BFD. */
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
		if (!alt[i] || nsp_failover_rule(m, c) != NSP_FO_BFD001)
			continue;
		if (c->kind == NSP_CKIND_VPN)
			continue; /* IKE dead-peer detection watches a tunnel */
		char *how = nsp_failover_text(
			m, c,
			nsp_time_unit_for(nsp_failover_longest_ms(m, c)));
		char ptr[64], fptr[96];
		nsp_circuit_pointers(m, c, "bgp", ptr, sizeof(ptr), fptr,
				     sizeof(fptr));
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"circuit '%s' runs BGP without BFD%s: a failure the "
			"link itself does not signal is noticed after %s; "
			"enable BFD on both sides (bfd: {})",
			c->id, c->bgp.bfd.present ? " on either side" : "",
			how);
		nsp_finding_element(f, c->id);
		free(how);
	}
	free(alt);
}

static const char *const refs[] = {
	NSP_SRC_ALIBABA_ECMP " (\"Why BFD matters: "
	"without BFD, failure detection relies on the BGP hold-time\")",
	"AWS knowledge center, https://repost.aws/knowledge-center/"
	"enable-bfd-direct-connect",
	"Azure ExpressRoute, Configure BFD, https://learn.microsoft.com/"
	"en-us/azure/expressroute/expressroute-bfd",
	NULL,
};

const struct nsp_rule nsp_rule_bfd001 = {
	.id = "BFD001",
	.name = "bfd-missing",
	.severity = NSP_WARNING,
	.title = "a BGP circuit runs without BFD",
	.rationale =
		"Without BFD, a BGP session only notices a dead path when "
		"its hold timer expires: three minutes with the usual "
		"defaults, 90 s at AWS. A provider-side fault, a failed "
		"layer-2 device in between or a blackholing carrier leaves "
		"the interface up, and traffic keeps flowing into the dead "
		"circuit for that long. The finding is a warning when the "
		"failover time still meets intent.failover_ms or no target "
		"is set; BGP006 reports it otherwise. Circuits that carry a "
		"demand alone (HA001) are not judged, nor VPN circuits "
		"(kind: vpn), whose failure IKE dead-peer detection and "
		"the BGP hold timer notice.",
	.remediation =
		"Enable BFD on both the CPE and the provider side (`bfd: {}` "
		"for 300 ms x 3; most providers run BFD on their side by "
		"default).",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: ec-1, a: {router: cpe1}, z: {router: vbr1}, "
		 "bandwidth_mbps: 1000}\n"
		 "  - {id: ec-2, a: {router: cpe2}, z: {router: vbr2}, "
		 "bandwidth_mbps: 1000}\n",
	.passes = "circuits:\n"
		  "  - {id: ec-1, a: {router: cpe1}, z: {router: vbr1}, "
		  "bandwidth_mbps: 1000, bgp: {bfd: {}}}\n"
		  "  - {id: ec-2, a: {router: cpe2}, z: {router: vbr2}, "
		  "bandwidth_mbps: 1000, bgp: {bfd: {}}}\n",
	.check = check,
};
