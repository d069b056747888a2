/* STATIC003: static members to several edge routers, no policy routing. */
#include <stdio.h>
#include <stdlib.h>

#include "routing.h"
#include "providers/sources.h"

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	for (size_t i = 0; i < s->n; i++) {
		size_t r = m->circuits[s->c[i]].a.router;
		const struct nsp_router *cpe = &m->routers[r];
		bool first = true;
		size_t n = 0, hops = 0;
		for (size_t k = 0; k < s->n; k++) {
			const struct nsp_circuit *c = &m->circuits[s->c[k]];
			if (c->a.router != r)
				continue;
			first &= k >= i;
			n++;
			bool seen = false;
			for (size_t j = 0; j < k && !seen; j++)
				seen = m->circuits[s->c[j]].a.router == r &&
				       m->circuits[s->c[j]].z.router ==
					       c->z.router;
			hops += !seen;
		}
		if (!first || hops < 2 || cpe->role != NSP_ROLE_CPE ||
		    cpe->policy_routing)
			continue;
		const struct nsp_site *site = &m->sites[cpe->site];
		struct nsp_buf b = {0};
		size_t j = 0;
		for (size_t k = 0; k < s->n; k++) {
			const struct nsp_circuit *c = &m->circuits[s->c[k]];
			if (c->a.router != r)
				continue;
			j++;
			if (j > 1)
				nsp_buf_puts(&b, j == n ? " and " : ", ");
			nsp_buf_printf(&b, "'%s' (to '%s')", c->id,
				       m->routers[c->z.router].id);
		}
		char *list = nsp_buf_detach(&b);
		char *dem = nsp_demand_label(m, s->d);
		struct nsp_finding *f = nsp_report_at(
			ctx,
			site->stateful_firewall ? NSP_ERROR :
						  ctx->rule->severity,
			"routers", r, "policy_routing",
			"CPE router '%s' sends %s over static circuits %s "
			"without policy routing: a reply can leave by another "
			"uplink than the one its request came in on%s%s%s; "
			"set policy_routing: true (one routing table per "
			"uplink, `ip rule add from <uplink address> table "
			"<uplink>`)",
			cpe->id, dem, list,
			site->stateful_firewall ? ", and site '" : "",
			site->stateful_firewall ? site->id : "",
			site->stateful_firewall ?
				"' has a stateful firewall that drops such "
				"replies" :
				"");
		nsp_finding_element(f, cpe->id);
		for (size_t k = 0; k < s->n; k++)
			if (m->circuits[s->c[k]].a.router == r)
				nsp_finding_element(f, m->circuits[s->c[k]].id);
		free(list);
		free(dem);
	}
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_picked_stage(ctx, NSP_PICK_PREFERRED | NSP_PICK_STATIC, 2,
			      stage);
}

static const char *const refs[] = {
	NSP_SRC_LINUX_ECMP " (\"Asymmetric routing is the "
	"most common issue with multi-ISP ECMP ... a stateful firewall will "
	"drop those packets ... Fix this with policy routing\")",
	NULL,
};

const struct nsp_rule nsp_rule_static003 = {
	.id = "STATIC003",
	.name = "no-policy-routing",
	.severity = NSP_WARNING,
	.title = "static uplinks to several gateways without policy routing",
	.rationale =
		"A host or router with static routes over uplinks to "
		"different gateways picks the outgoing uplink by its own "
		"hash, not by where a connection came in. A reply to a "
		"request that arrived on one uplink can leave by the other, "
		"with the other uplink's source address or through a "
		"provider that never saw the request: it is dropped by "
		"reverse-path filters and by any stateful firewall on the "
		"way. The finding is an error when the site has "
		"`stateful_firewall: true`.",
	.remediation =
		"Route by source: one routing table per uplink and an `ip "
		"rule` per uplink address (the Linux ECMP guide under "
		"References shows how), then set "
		"`policy_routing: true` on the CPE.",
	.references = refs,
	.fails = "routers:\n"
		 "  - {id: host, role: cpe, site: srv, ecmp_hash: l4}\n",
	.passes = "routers:\n"
		  "  - {id: host, role: cpe, site: srv, ecmp_hash: l4, "
		  "policy_routing: true}\n",
	.check = check,
};
