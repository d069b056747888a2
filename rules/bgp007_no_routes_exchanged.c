/* BGP007: a BGP circuit with an explicitly empty advertise or receive. */
#include <stdio.h>

#include "routing.h"

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->ncircuits; i++) {
		const struct nsp_circuit *c = &m->circuits[i];
		const struct nsp_bgp *b = &c->bgp;
		if (c->routing != NSP_ROUTING_BGP)
			continue;
		bool adv = b->advertise_explicit && !b->advertise.n;
		bool rcv = b->receive_explicit && !b->receive.n;
		if (!adv && !rcv)
			continue;
		char ptr[64], fptr[96];
		nsp_circuit_pointers(m, c,
				     adv ? "bgp/advertise" : "bgp/receive", ptr,
				     sizeof(ptr), fptr, sizeof(fptr));
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"circuit '%s' %s: its BGP session can be up while it "
			"carries no traffic %s, so it is no path for the "
			"demands that count on it; list the prefixes it "
			"%s",
			c->id,
			adv && rcv ? "advertises and learns nothing "
				     "(advertise: [], receive: [])" :
			adv        ? "advertises nothing (advertise: [])" :
				     "learns nothing (receive: [])",
			adv && rcv ? "either way" :
			adv        ? "towards the site" :
				     "towards the cloud",
			adv && rcv ? "must exchange" :
			adv        ? "must advertise" :
				     "must learn");
		nsp_finding_element(f, c->id);
	}
}

static const char *const refs[] = {
	"Forward Networks and IP Fabric treat a BGP session that exchanges "
	"no routes as down when they compute paths",
	NULL,
};

const struct nsp_rule nsp_rule_bgp007 = {
	.id = "BGP007",
	.name = "no-routes-exchanged",
	.severity = NSP_ERROR,
	.title = "a BGP circuit advertises or learns nothing",
	.rationale =
		"A BGP session that is established but exchanges no routes "
		"in one direction forwards nothing that way: the circuit "
		"looks redundant in the drawing and carries nothing when the "
		"other circuit fails. An explicitly empty `advertise` (the "
		"site sends nothing, so return traffic cannot use the "
		"circuit) or `receive` (the site learns nothing, so it cannot "
		"send over it) is such a circuit. Leaving the key out means "
		"the defaults: the site's and the cloud's prefixes.",
	.remediation =
		"List the prefixes the circuit must carry in `advertise` and "
		"`receive`, or leave the keys out to use the site's and the "
		"cloud's prefixes.",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: ec-2, ..., bgp: {advertise: [], bfd: {}}}\n",
	.passes = "circuits:\n"
		  "  - {id: ec-2, ..., bgp: {advertise: [192.168.0.0/16], "
		  "bfd: {}}}\n",
	.check = check,
};
