/* IP001: the two endpoints of a demand have overlapping prefixes. */
#include <stdio.h>
#include <stdlib.h>

#include "routing.h"
#include "providers/sources.h"

/* The prefixes of an endpoint and the JSON Pointer of its entry. */
static const struct nsp_prefixes *
prefixes(const struct nsp_model *m, struct nsp_endpoint e, char *ptr, size_t n)
{
	bool site = e.kind == NSP_EP_SITE;
	snprintf(ptr, n, "/%s/%zu", site ? "sites" : "clouds", e.index);
	return site ? &m->sites[e.index].prefixes :
		      &m->clouds[e.index].prefixes;
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->ndemands; i++) {
		const struct nsp_demand *d = &m->demands[i];
		char pa[64], pb[64];
		const struct nsp_prefixes *a =
			prefixes(m, d->from, pa, sizeof(pa));
		const struct nsp_prefixes *b =
			prefixes(m, d->to, pb, sizeof(pb));
		struct nsp_buf list = {0};
		size_t first_a = SIZE_MAX, first_b = 0;
		for (size_t x = 0; x < a->n; x++) {
			if (!a->v[x].len)
				continue; /* a default route overlaps nothing */
			for (size_t y = 0; y < b->n; y++) {
				if (!b->v[y].len ||
				    !nsp_prefix_overlaps(&a->v[x], &b->v[y]))
					continue;
				char ta[64], tb[64];
				nsp_prefix_format(&a->v[x], ta, sizeof(ta),
						  true);
				nsp_prefix_format(&b->v[y], tb, sizeof(tb),
						  true);
				nsp_buf_printf(&list, "%s%s and %s",
					       list.len ? ", " : "", ta, tb);
				if (first_a == SIZE_MAX) {
					first_a = x;
					first_b = y;
				}
			}
		}
		if (first_a == SIZE_MAX) {
			nsp_buf_free(&list);
			continue;
		}
		const char *ida = nsp_endpoint_id(m, d->from);
		const char *idb = nsp_endpoint_id(m, d->to);
		char *text = nsp_buf_detach(&list);
		char fa[96], fb[96];
		snprintf(fa, sizeof(fa), "%s/prefixes/%zu", pa, first_a);
		snprintf(fb, sizeof(fb), "%s/prefixes/%zu", pb, first_b);
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, pa, fa,
			"'%s' and '%s', joined by a demand, have overlapping "
			"prefixes (%s): each side routes those addresses to "
			"itself, so traffic for them never crosses the "
			"circuits; renumber one side or translate addresses "
			"(NAT) at the edge",
			ida, idb, text);
		nsp_finding_element(f, ida);
		nsp_finding_element(f, idb);
		nsp_finding_related(f, m, pb, fb, "prefixes of '%s'", idb);
		free(text);
	}
}

static const char *const refs[] = {
	NSP_SRC_OVH " (prerequisite: "
	"\"Non-overlapping IP ranges between AWS VPC and OVHcloud "
	"subnets\", likewise for Azure and GCP)",
	"Azure ExpressRoute routing requirements (\"The address range used "
	"for configuring routes can't overlap with address ranges used for "
	"virtual networks in Azure\")",
	NULL,
};

const struct nsp_rule nsp_rule_ip001 = {
	.id = "IP001",
	.name = "prefix-overlap",
	.severity = NSP_ERROR,
	.title = "the two ends of a demand use overlapping address ranges",
	.rationale =
		"A site and a cloud (or two clouds) joined by a demand must "
		"use disjoint address ranges: an address both sides claim is "
		"routed locally on each side and never crosses the "
		"interconnect, and the provider may reject a route that "
		"covers its own network. A default route (0.0.0.0/0, ::/0) "
		"overlaps nothing: a site may well send everything it does "
		"not know to the cloud.",
	.remediation =
		"Renumber one side, or translate addresses (NAT) on the CPE "
		"so that the ranges exchanged over the circuits are "
		"disjoint.",
	.references = refs,
	.fails = "sites:  [{id: dc, prefixes: [10.0.0.0/8]}]\n"
		 "clouds: [{id: vpc, provider: aws, prefixes: "
		 "[10.20.0.0/16]}]\n",
	.passes = "sites:  [{id: dc, prefixes: [10.0.0.0/12]}]\n"
		  "clouds: [{id: vpc, provider: aws, prefixes: "
		  "[10.20.0.0/16]}]\n",
	.check = check,
};
