/* IP002: a circuit advertises a prefix inside the cloud's own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routing.h"
#include "providers/sources.h"

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->ncircuits; i++) {
		const struct nsp_circuit *c = &m->circuits[i];
		const struct nsp_router *z = &m->routers[c->z.router];
		if (c->routing != NSP_ROUTING_BGP ||
		    !c->bgp.advertise_explicit || z->role != NSP_ROLE_EDGE ||
		    z->cloud == NSP_NONE)
			continue;
		const struct nsp_cloud *cl = &m->clouds[z->cloud];
		struct nsp_buf list = {0};
		size_t first = SIZE_MAX;
		for (size_t k = 0; k < c->bgp.advertise.n; k++) {
			const struct nsp_prefix *p = &c->bgp.advertise.v[k];
			for (size_t j = 0; j < cl->prefixes.n; j++) {
				const struct nsp_prefix *q = &cl->prefixes.v[j];
				if (!q->len || !nsp_prefix_contains(q, p))
					continue;
				char tp[64], tq[64];
				nsp_prefix_format(p, tp, sizeof(tp), true);
				nsp_prefix_format(q, tq, sizeof(tq), true);
				nsp_buf_printf(&list, "%s%s %s %s",
					       list.len ? ", " : "", tp,
					       nsp_prefix_equal(p, q) ?
						       "equals" :
						       "lies inside",
					       tq);
				if (first == SIZE_MAX)
					first = k;
				break;
			}
		}
		if (first == SIZE_MAX) {
			nsp_buf_free(&list);
			continue;
		}
		char *text = nsp_buf_detach(&list);
		char ptr[64], fptr[96];
		nsp_circuit_pointers(m, c, "bgp/advertise", ptr, sizeof(ptr),
				     fptr, sizeof(fptr));
		snprintf(fptr + strlen(fptr), sizeof(fptr) - strlen(fptr),
			 "/%zu", first);
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"circuit '%s' advertises the cloud's own addresses as "
			"a remote subnet (%s of cloud '%s'): the gateway "
			"rejects the route or sends the cloud's own traffic "
			"back to the site; advertise only the site's subnets",
			c->id, text, cl->id);
		nsp_finding_element(f, c->id);
		nsp_finding_element(f, cl->id);
		free(text);
	}
}

static const char *const refs[] = {
	NSP_SRC_OTC_LIMITS " (\"The remote subnet of the virtual interface cannot be the "
	"same as the VPC CIDR block of the virtual gateway\")",
	NULL,
};

const struct nsp_rule nsp_rule_ip002 = {
	.id = "IP002",
	.name = "remote-subnet-is-vpc",
	.severity = NSP_ERROR,
	.title = "a circuit advertises the cloud's own addresses",
	.rationale =
		"The prefixes a circuit advertises are the remote subnets "
		"the cloud sends to the site. One equal to, or inside, the "
		"cloud's own address range turns the cloud's local traffic "
		"towards the circuit: Open Telekom Cloud refuses a remote "
		"subnet equal to the VPC CIDR outright, others install a "
		"more specific route that steals local traffic. The rule "
		"checks explicit `advertise` lists; a site whose own "
		"prefixes overlap the cloud's is IP001.",
	.remediation =
		"Advertise only the site's own subnets over the circuit, "
		"never the VPC's.",
	.references = refs,
	.fails = "clouds: [{id: vpc-001, provider: otc, prefixes: "
		 "[192.168.0.0/16]}]\n"
		 "circuits:\n"
		 "  - {id: dc-1, ..., bgp: {advertise: [192.168.0.0/16]}}\n",
	.passes = "clouds: [{id: vpc-001, provider: otc, prefixes: "
		  "[192.168.0.0/16]}]\n"
		  "circuits:\n"
		  "  - {id: dc-1, ..., bgp: {advertise: [10.50.0.0/16]}}\n",
	.check = check,
};
