/* BGP005: a circuit advertises more prefixes than the provider accepts. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "routing.h"

/* Report one address family's count against its limit. */
static void family(struct nsp_ctx *ctx, const struct nsp_circuit *c,
		   const struct nsp_provider_facts *f, int fam, uint32_t limit)
{
	size_t n = 0;
	for (size_t i = 0; i < c->bgp.advertise.n; i++)
		n += c->bgp.advertise.v[i].family == fam;
	if (!limit || n * 5 < (size_t)limit * 4)
		return;
	bool over = n > limit;
	char ptr[64], fptr[96];
	nsp_circuit_pointers(ctx->model, c, "bgp/advertise", ptr, sizeof(ptr),
			     fptr, sizeof(fptr));
	struct nsp_finding *fd = nsp_report(
		ctx, over ? NSP_ERROR : NSP_WARNING, ptr, fptr,
		"circuit '%s' advertises %zu IPv%d prefixes to '%s'; %s "
		"accepts %" PRIu32 " per BGP session%s; aggregate them into "
		"fewer, shorter prefixes",
		c->id, n, fam, nsp_far_end(ctx->model, c), f->product, limit,
		over ? ", and above it the session is torn down or the "
		       "excess routes dropped" :
		       ", and 80% of that is reached: a few more subnets "
		       "will break the session");
	nsp_finding_element(fd, c->id);
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->ncircuits; i++) {
		const struct nsp_circuit *c = &m->circuits[i];
		if (c->routing != NSP_ROUTING_BGP)
			continue;
		const struct nsp_provider_facts *f =
			nsp_provider_facts(nsp_circuit_provider(m, c));
		family(ctx, c, f, 4, f->prefixes_per_session_v4);
		family(ctx, c, f, 6, f->prefixes_per_session_v6);
	}
}

static void facts(FILE *out)
{
	nsp_provider_facts_print(out, NSP_FACT_PREFIXES);
}

static const char *const refs[] = {
	"AWS Direct Connect quotas, https://docs.aws.amazon.com/"
	"directconnect/latest/UserGuide/limits.html",
	"Azure subscription limits, ExpressRoute, https://learn.microsoft.com/"
	"en-us/azure/azure-resource-manager/management/"
	"azure-subscription-service-limits",
	"Alibaba Cloud Express Connect, Virtual border router, "
	"https://www.alibabacloud.com/help/en/express-connect/user-guide/"
	"what-is-a-virtual-border-router",
	NULL,
};

const struct nsp_rule nsp_rule_bgp005 = {
	.id = "BGP005",
	.name = "prefix-limit",
	.severity = NSP_ERROR,
	.title = "a circuit advertises more prefixes than the provider accepts",
	.rationale =
		"Providers cap the routes they accept from a customer on one "
		"BGP session. AWS Direct Connect puts a private or transit "
		"virtual interface's session into idle above 100 routes per "
		"address family (by default); Alibaba Cloud discards routes "
		"beyond 110 per BGP peer; Azure ExpressRoute private peering "
		"accepts 4,000 IPv4 routes (10,000 with Premium) and 100 "
		"IPv6. Growing a site by a few subnets can then take a "
		"circuit down. The finding is an error above the limit and a "
		"warning from 80% of it. The figures come from the provider "
		"table, listed under Provider figures with their sources; a "
		"provider without a figure is not checked.",
	.remediation =
		"Aggregate the advertised prefixes (one /16 instead of many "
		"/24s), or advertise a default-free summary per site; at AWS, "
		"raise the allocation with prefix controls where available.",
	.references = refs,
	.fails = "clouds: [{id: vpc, provider: aws, ...}]\n"
		 "circuits:\n"
		 "  - {id: dx-1, ..., bgp: {advertise: [10.0.0.0/24, "
		 "10.0.1.0/24, ... 120 prefixes]}}\n",
	.passes = "clouds: [{id: vpc, provider: aws, ...}]\n"
		  "circuits:\n"
		  "  - {id: dx-1, ..., bgp: {advertise: [10.0.0.0/16]}}\n",
	.check = check,
	.facts = facts,
};
