/* BFD002: BFD enabled on one side of a circuit only. */
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
		if (!alt[i] || nsp_failover_rule(m, c) != NSP_FO_BFD002)
			continue;
		bool local = c->bgp.bfd.local;
		const char *on =
			m->routers[local ? c->a.router : c->z.router].id;
		const char *off =
			m->routers[local ? c->z.router : c->a.router].id;
		char *how = nsp_failover_text(
			m, c,
			nsp_time_unit_for(nsp_failover_longest_ms(m, c)));
		char ptr[64], fptr[96];
		nsp_circuit_pointers(m, c,
				     local ? "bgp/bfd/peer" : "bgp/bfd/local",
				     ptr, sizeof(ptr), fptr, sizeof(fptr));
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"circuit '%s' runs BFD on '%s' only (bfd.%s: false): "
			"a BFD session needs both sides, so '%s' detects "
			"nothing and a failure is noticed after %s; enable "
			"BFD on '%s' as well",
			c->id, on, local ? "peer" : "local", on, how, off);
		nsp_finding_element(f, c->id);
		free(how);
	}
	free(alt);
}

static const char *const refs[] = {
	NSP_SRC_ALIBABA_ECMP " (\"Enable BFD on both the "
	"VBR side and the CPE side. A one-sided BFD configuration does not "
	"provide fast failure detection\")",
	"AWS knowledge center, https://repost.aws/knowledge-center/"
	"enable-bfd-direct-connect (BFD is on at the AWS side; you must "
	"configure your router)",
	NULL,
};

const struct nsp_rule nsp_rule_bfd002 = {
	.id = "BFD002",
	.name = "bfd-one-sided",
	.severity = NSP_ERROR,
	.title = "BFD is enabled on one side of a circuit only",
	.rationale =
		"BFD is a conversation: a session comes up only when both "
		"routers run it. Enabled on one side only (the provider "
		"side, typically, where AWS, Azure and Alibaba turn it on by "
		"default), it detects nothing, and the design silently falls "
		"back to the BGP hold time while looking protected on paper. "
		"This is reported before any other failover finding for the "
		"circuit.",
	.remediation =
		"Enable BFD on the other side too: on the CPE (e.g. `bfd "
		"interval 300 min_rx 300 multiplier 3` and `neighbor ... "
		"fall-over bfd`) or in the provider's console.",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: ec-2, ..., bgp: {bfd: {local: false, peer: "
		 "true}}}\n",
	.passes = "circuits:\n"
		  "  - {id: ec-2, ..., bgp: {bfd: {local: true, peer: "
		  "true}}}\n",
	.check = check,
};
