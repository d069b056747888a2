/* IP003: more CIDRs than the provider allows per gateway or interface. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routing.h"
#include "providers/sources.h"

/* Per interface: the remote subnets a circuit advertises. */
static void interfaces(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->ncircuits; i++) {
		const struct nsp_circuit *c = &m->circuits[i];
		const struct nsp_provider_facts *f =
			nsp_provider_facts(nsp_circuit_provider(m, c));
		size_t n = c->bgp.advertise.n;
		if (c->routing != NSP_ROUTING_BGP || !f->cidrs_per_interface ||
		    n <= f->cidrs_per_interface)
			continue;
		char ptr[64], fptr[96];
		nsp_circuit_pointers(m, c, "bgp/advertise", ptr, sizeof(ptr),
				     fptr, sizeof(fptr));
		struct nsp_finding *fd = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"circuit '%s' carries %zu remote subnets; %s allows "
			"at most %" PRIu32 " per virtual interface; aggregate "
			"the site's subnets into at most %" PRIu32,
			c->id, n, f->product, f->cidrs_per_interface,
			f->cidrs_per_interface);
		nsp_finding_element(fd, c->id);
	}
}

/* Add the prefixes of set to the union u (by value). */
static void add_all(struct nsp_prefix **u, size_t *n, size_t *cap,
		    const struct nsp_prefixes *set)
{
	for (size_t i = 0; i < set->n; i++) {
		bool seen = false;
		for (size_t k = 0; k < *n && !seen; k++)
			seen = nsp_prefix_equal(&(*u)[k], &set->v[i]);
		if (seen)
			continue;
		NSP_GROW(*u, *cap, *n + 1);
		(*u)[(*n)++] = set->v[i];
	}
}

/* Whether edge routers a and b hand traffic to the same gateway. */
static bool same_gateway(const struct nsp_router *a, const struct nsp_router *b)
{
	if (a == b)
		return true;
	return a->cloud == b->cloud && a->gateway && b->gateway &&
	       !strcmp(a->gateway, b->gateway);
}

/*
 * Per gateway: the cloud CIDRs reachable through it, the union of what
 * its circuits learn (a router without `gateway` counts as its own).
 */
static void gateways(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t r = 0; r < m->nrouters; r++) {
		const struct nsp_router *er = &m->routers[r];
		if (er->role != NSP_ROLE_EDGE || er->cloud == NSP_NONE)
			continue;
		const struct nsp_cloud *cl = &m->clouds[er->cloud];
		const struct nsp_provider_facts *f =
			nsp_provider_facts(cl->provider);
		if (!f->cidrs_per_gateway)
			continue;
		bool first = true;
		for (size_t k = 0; k < r && first; k++)
			first = !same_gateway(&m->routers[k], er);
		if (!first)
			continue;
		struct nsp_prefix *u = NULL;
		size_t n = 0, cap = 0;
		for (size_t i = 0; i < m->ncircuits; i++) {
			const struct nsp_circuit *c = &m->circuits[i];
			if (!same_gateway(&m->routers[c->z.router], er))
				continue;
			add_all(&u, &n, &cap,
				c->routing == NSP_ROUTING_BGP ?
					&c->bgp.receive :
					&cl->prefixes);
		}
		free(u);
		if (n <= f->cidrs_per_gateway)
			continue;
		char ptr[64], fptr[96];
		snprintf(ptr, sizeof(ptr), "/routers/%zu", r);
		snprintf(fptr, sizeof(fptr), "%s/%s", ptr,
			 er->gateway ? "gateway" : "cloud");
		char *gw = er->gateway ?
				   nsp_xasprintf("gateway '%s'", er->gateway) :
				   nsp_xasprintf("the gateway behind edge "
						 "router '%s'",
						 er->id);
		struct nsp_finding *fd = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"%s of cloud '%s' must reach %zu CIDR blocks; %s "
			"allows at most %" PRIu32 " per virtual gateway; "
			"summarise the cloud's prefixes or spread them over "
			"several gateways",
			gw, cl->id, n, f->product, f->cidrs_per_gateway);
		nsp_finding_element(fd, cl->id);
		nsp_finding_element(fd, er->gateway ? er->gateway : er->id);
		free(gw);
	}
}

static void check(struct nsp_ctx *ctx)
{
	interfaces(ctx);
	gateways(ctx);
}

static void facts(FILE *out)
{
	nsp_provider_facts_print(out, NSP_FACT_CIDRS);
}

static const char *const refs[] = {
	NSP_SRC_OTC_LIMITS " (virtual gateway: \"You can add a maximum of 50 CIDR "
	"blocks\"; virtual interface: \"You can enter a maximum of 50 "
	"remote subnets\")",
	NULL,
};

const struct nsp_rule nsp_rule_ip003 = {
	.id = "IP003",
	.name = "too-many-prefixes",
	.severity = NSP_ERROR,
	.title = "more CIDRs than the provider allows on a gateway or "
		 "interface",
	.rationale =
		"Some providers cap the address blocks a gateway or a "
		"virtual interface can carry: Open Telekom Cloud allows 50 "
		"VPC CIDR blocks per virtual gateway and 50 remote subnets "
		"per virtual interface. A design over the cap cannot be "
		"configured as drawn. The remote subnets of a circuit are "
		"its `advertise` list; the blocks of a gateway are what its "
		"circuits learn (`receive`, by default the cloud's "
		"prefixes), and an edge router without `gateway` counts as "
		"a gateway of its own. The figures come from the provider "
		"table; a provider without one is not checked.",
	.remediation =
		"Summarise: advertise a few short prefixes instead of many "
		"long ones, on both the site and the cloud side.",
	.references = refs,
	.fails = "clouds: [{id: vpc-001, provider: otc, ...}]\n"
		 "circuits:\n"
		 "  - {id: dc-1, ..., bgp: {advertise: [10.50.0.0/24, ... "
		 "51 subnets]}}\n",
	.passes = "clouds: [{id: vpc-001, provider: otc, ...}]\n"
		  "circuits:\n"
		  "  - {id: dc-1, ..., bgp: {advertise: [10.50.0.0/16]}}\n",
	.check = check,
	.facts = facts,
};
