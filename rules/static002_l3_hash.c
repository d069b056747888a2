/* STATIC002: a CPE spreads static members with L3 (or unset) hashing. */
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
		size_t n = 0;
		for (size_t k = 0; k < s->n; k++) {
			if (m->circuits[s->c[k]].a.router != r)
				continue;
			first &= k >= i;
			n++;
		}
		if (!first || n < 2 || cpe->role != NSP_ROLE_CPE ||
		    cpe->ecmp_hash == NSP_HASH_L4)
			continue;
		size_t *v = nsp_xmalloc(n * sizeof(*v)), j = 0;
		for (size_t k = 0; k < s->n; k++)
			if (m->circuits[s->c[k]].a.router == r)
				v[j++] = s->c[k];
		struct nsp_members sub = {m, s->d, v, n};
		char *list = nsp_member_list(&sub);
		char *dem = nsp_demand_label(m, s->d);
		struct nsp_finding *f = nsp_report_at(
			ctx, ctx->rule->severity, "routers", r, "ecmp_hash",
			"CPE router '%s' spreads %s over static circuits %s "
			"with %s: the hash covers source and destination "
			"address only, so all flows between two hosts take "
			"one uplink and the load splits unevenly; set "
			"ecmp_hash: l4 (sysctl "
			"net.ipv4.fib_multipath_hash_policy=1)",
			cpe->id, dem, list,
			cpe->ecmp_hash == NSP_HASH_L3 ?
				"L3 hashing (ecmp_hash: l3)" :
				"the Linux default L3 hashing (ecmp_hash "
				"unset)");
		nsp_finding_element(f, cpe->id);
		for (size_t k = 0; k < n; k++)
			nsp_finding_element(f, m->circuits[v[k]].id);
		free(list);
		free(dem);
		free(v);
	}
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_picked_stage(ctx, NSP_PICK_PREFERRED | NSP_PICK_STATIC, 2,
			      stage);
}

static const char *const refs[] = {
	NSP_SRC_LINUX_ECMP " (\"The default hash policy from "
	"kernel 3.6+ uses L3 (IP only). From kernel 4.4+, you can enable L4 "
	"hashing (IP + port) for more even distribution\"; sysctl "
	"net.ipv4.fib_multipath_hash_policy=1)",
	NULL,
};

const struct nsp_rule nsp_rule_static002 = {
	.id = "STATIC002",
	.name = "l3-hash",
	.severity = NSP_WARNING,
	.title = "static ECMP hashes on addresses only",
	.rationale =
		"A router spreading traffic over several static next hops "
		"picks one per flow by hashing packet headers. Linux hashes "
		"only the source and destination addresses by default "
		"(fib_multipath_hash_policy 0): every connection between "
		"two hosts, or from a whole site behind NAT, takes the same "
		"uplink, so one circuit saturates while the other idles. "
		"Hashing on ports too (policy 1, L4) spreads connections. "
		"`ecmp_hash` unset means the Linux default, L3.",
	.remediation =
		"Set `ecmp_hash: l4` on the CPE and configure it (`sysctl -w "
		"net.ipv4.fib_multipath_hash_policy=1`, persisted in "
		"/etc/sysctl.d/).",
	.references = refs,
	.fails = "routers:\n"
		 "  - {id: host, role: cpe, site: srv}   # ecmp_hash unset: "
		 "L3\n",
	.passes = "routers:\n"
		  "  - {id: host, role: cpe, site: srv, ecmp_hash: l4}\n",
	.check = check,
};
