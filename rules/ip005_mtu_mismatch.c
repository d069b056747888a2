/* IP005: MTUs that disagree along a path, or that the provider lacks. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "routing.h"
#include "providers/sources.h"

/* Report circuits whose MTU the provider does not offer. */
static void offered(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->ncircuits; i++) {
		const struct nsp_circuit *c = &m->circuits[i];
		const struct nsp_provider_facts *f =
			nsp_provider_facts(nsp_circuit_provider(m, c));
		if (!c->has_mtu || nsp_provider_offers_mtu(f, c->mtu))
			continue;
		char *list = nsp_provider_mtu_list(f);
		char ptr[64], fptr[96];
		nsp_circuit_pointers(m, c, "mtu", ptr, sizeof(ptr), fptr,
				     sizeof(fptr));
		struct nsp_finding *fd = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"circuit '%s' has mtu %" PRIu32 ", which %s does not "
			"offer (%s): the attachment cannot be configured so, "
			"and packets sized for %" PRIu32 " are dropped or "
			"fragmented; use one of the offered MTUs",
			c->id, c->mtu, f->product, list, c->mtu);
		nsp_finding_element(fd, c->id);
		free(list);
	}
}

/* Whether circuits x and y both carry some demand. */
static bool share_demand(const struct nsp_model *m, size_t x, size_t y)
{
	for (size_t i = 0; i < m->ndemands; i++) {
		const struct nsp_demand *d = &m->demands[i];
		bool hx = false, hy = false;
		for (size_t k = 0; k < d->ncircuits; k++) {
			hx |= d->circuits[k] == x;
			hy |= d->circuits[k] == y;
		}
		if (hx && hy)
			return true;
	}
	return false;
}

/*
 * Report consecutive circuits of a path (one ending on an exchange router,
 * the next leaving it) with different MTUs.
 */
static void along(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t r = 0; r < m->nrouters; r++) {
		const struct nsp_router *x = &m->routers[r];
		if (x->role != NSP_ROLE_EXCHANGE)
			continue;
		for (size_t i = 0; i < x->ncircuits; i++) {
			const struct nsp_circuit *in =
				&m->circuits[x->circuits[i]];
			if (in->z.router != r || !in->has_mtu)
				continue;
			for (size_t k = 0; k < x->ncircuits; k++) {
				const struct nsp_circuit *out =
					&m->circuits[x->circuits[k]];
				if (out->a.router != r || !out->has_mtu ||
				    out->mtu == in->mtu ||
				    !share_demand(m, x->circuits[i],
						  x->circuits[k]))
					continue;
				const struct nsp_circuit *lo =
					in->mtu < out->mtu ? in : out;
				char ptr[64], fptr[96];
				nsp_circuit_pointers(m, out, "mtu", ptr,
						     sizeof(ptr), fptr,
						     sizeof(fptr));
				struct nsp_finding *f = nsp_report(
					ctx, ctx->rule->severity, ptr, fptr,
					"circuits '%s' (mtu %" PRIu32 ") and "
					"'%s' (mtu %" PRIu32 ") follow each "
					"other through exchange router '%s': "
					"packets that fit the larger MTU are "
					"dropped or fragmented at '%s', and "
					"path MTU discovery often fails "
					"silently; use one MTU along the path "
					"(%" PRIu32 ") or clamp the TCP MSS",
					in->id, in->mtu, out->id, out->mtu,
					x->id, x->id, lo->mtu);
				nsp_finding_element(f, in->id);
				nsp_finding_element(f, out->id);
				nsp_circuit_pointers(m, in, "mtu", ptr,
						     sizeof(ptr), fptr,
						     sizeof(fptr));
				nsp_finding_related(f, m, ptr, fptr,
						    "circuit '%s'", in->id);
			}
		}
	}
}

static void check(struct nsp_ctx *ctx)
{
	offered(ctx);
	along(ctx);
}

static void facts(FILE *out)
{
	nsp_provider_facts_print(out, NSP_FACT_MTUS);
}

static const char *const refs[] = {
	NSP_SRC_OVH " (\"GCP "
	"Interconnect supports 1440 MTU for Partner Interconnect. Ensure "
	"OVHcloud Connect and provider VXCs use matching MTU settings\")",
	"Compute Engine API, InterconnectAttachment.mtu (1440, 1460, 1500 "
	"or 8896)",
	NULL,
};

const struct nsp_rule nsp_rule_ip005 = {
	.id = "IP005",
	.name = "mtu-mismatch",
	.severity = NSP_WARNING,
	.title = "MTUs disagree along a path, or the provider does not offer "
		 "one",
	.rationale =
		"A path is only as large as its smallest MTU. When circuits "
		"chained through an exchange router (a partner's cloud "
		"router, a VXC) use different MTUs, packets sized for the "
		"larger one are dropped or fragmented where they meet, and "
		"path MTU discovery often fails silently behind firewalls "
		"that drop ICMP: small requests work, large transfers hang. "
		"Providers also offer fixed MTUs (Google Cloud VLAN "
		"attachments: 1440, 1460, 1500 or 8896); another value "
		"cannot be configured.",
	.remediation = "Use one MTU along every path, chosen among those each "
		       "provider on the path offers (listed under Provider "
		       "figures), or "
		       "clamp the TCP MSS on the CPE.",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: vxc-1, a: {router: cpe1}, z: {router: mcr1}, mtu: "
		 "1500, ...}\n"
		 "  - {id: att-1, a: {router: mcr1}, z: {router: gcr1}, mtu: "
		 "1440, ...}\n",
	.passes = "circuits:\n"
		  "  - {id: vxc-1, a: {router: cpe1}, z: {router: mcr1}, "
		  "mtu: 1440, ...}\n"
		  "  - {id: att-1, a: {router: mcr1}, z: {router: gcr1}, "
		  "mtu: 1440, ...}\n",
	.check = check,
	.facts = facts,
};
