/* DIV008: members end on edge routers with different gateways of a cloud. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "div.h"
#include "providers/sources.h"

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	/*
	 * The first member with a gateway, and the first later member whose
	 * edge router names another gateway of the same cloud. Only the first
	 * gateway of each cloud can start a pair: a later pair has a member
	 * that differs from the first one too.
	 */
	for (size_t i = 0; i < s->n; i++) {
		const struct nsp_router *ri =
			&m->routers[m->circuits[s->c[i]].z.router];
		if (ri->role != NSP_ROLE_EDGE || !ri->gateway)
			continue;
		bool first = true;
		for (size_t j = 0; j < i && first; j++) {
			const struct nsp_router *rj =
				&m->routers[m->circuits[s->c[j]].z.router];
			first = !(rj->role == NSP_ROLE_EDGE && rj->gateway &&
				  rj->cloud == ri->cloud);
		}
		if (!first)
			continue;
		for (size_t k = i + 1; k < s->n; k++) {
			size_t rk = m->circuits[s->c[k]].z.router;
			const struct nsp_router *r2 = &m->routers[rk];
			if (r2->role != NSP_ROLE_EDGE || !r2->gateway ||
			    r2->cloud != ri->cloud ||
			    !strcmp(r2->gateway, ri->gateway))
				continue;
			char *list = nsp_member_list(s);
			char *dem = nsp_demand_label(m, s->d);
			struct nsp_finding *f = nsp_report_at(
				ctx, ctx->rule->severity, "routers", rk,
				"gateway",
				"circuits %s of %s end on edge routers with "
				"different gateways of cloud '%s' ('%s' on "
				"'%s', '%s' on '%s'): after a failover the "
				"traffic reaches a gateway that holds none of "
				"the failed path's routes; attach every edge "
				"router of the demand to one gateway",
				list, dem, m->clouds[ri->cloud].id,
				ri->gateway, ri->id, r2->gateway, r2->id);
			for (size_t j = 0; j < s->n; j++)
				nsp_finding_element(f,
						    m->circuits[s->c[j]].id);
			nsp_finding_element(f, ri->id);
			nsp_finding_element(f, r2->id);
			char ptr[64], fptr[80];
			size_t r1 = (size_t)(ri - m->routers);
			snprintf(ptr, sizeof(ptr), "/routers/%zu", r1);
			snprintf(fptr, sizeof(fptr), "%s/gateway", ptr);
			nsp_finding_related(f, m, ptr, fptr,
					    "gateway '%s' of edge router '%s'",
					    ri->gateway, ri->id);
			free(list);
			free(dem);
			return;
		}
	}
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_stage(ctx, 2, stage);
}

static const char *const refs[] = {
	NSP_SRC_OTC " (both virtual "
	"interfaces on the same virtual gateway)",
	NSP_SRC_OVH " (both links in the same vRack)",
	NULL,
};

const struct nsp_rule nsp_rule_div008 = {
	.id = "DIV008",
	.name = "split-gateway",
	.severity = NSP_ERROR,
	.title = "the circuits of a demand hand traffic to different gateways",
	.rationale =
		"Redundant circuits only back each other up when they deliver "
		"into the same routing domain. Open Telekom Cloud attaches "
		"both virtual interfaces of a redundant access to one virtual "
		"gateway, and OVHcloud Connect both links to one vRack. When "
		"each circuit hands traffic to a different gateway, the "
		"surviving circuit after a failure reaches a gateway that "
		"knows none of the failed path's subnets.",
	.remediation =
		"Attach every edge router (virtual interface) of the demand "
		"to the same gateway, and give the gateway all the remote "
		"subnets.",
	.references = refs,
	.fails = "routers:\n"
		 "  - {id: r1, role: edge, pop: biere, cloud: otc, "
		 "gateway: vgw-1}\n"
		 "  - {id: r2, role: edge, pop: magdeburg, cloud: otc, "
		 "gateway: vgw-2}\n",
	.passes = "routers:\n"
		  "  - {id: r1, role: edge, pop: biere, cloud: otc, "
		  "gateway: vgw-1}\n"
		  "  - {id: r2, role: edge, pop: magdeburg, cloud: otc, "
		  "gateway: vgw-1}\n",
	.check = check,
};
