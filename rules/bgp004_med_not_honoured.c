/* BGP004: only MED marks a backup, for a provider that may ignore MED. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "routing.h"
#include "providers/sources.h"

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	size_t *buf = nsp_xmalloc(s->n * sizeof(*buf)), np = 0;
	for (size_t i = 0; i < s->n; i++)
		if (nsp_picked(&m->circuits[s->c[i]], NSP_PICK_PREFERRED))
			buf[np++] = s->c[i];
	struct nsp_members p = {m, s->d, buf, np};
	for (size_t i = 0; np && i < s->n; i++) {
		const struct nsp_circuit *b = &m->circuits[s->c[i]];
		if (b->role != NSP_CROLE_BACKUP ||
		    nsp_return_mark(&p, b, NULL, NULL) !=
			    NSP_MARK_MED_UNRELIABLE)
			continue;
		const struct nsp_provider_facts *pf =
			nsp_provider_facts(nsp_circuit_provider(m, b));
		size_t longest = nsp_longest_as_path(&p);
		char *dem = nsp_demand_label(m, s->d);
		char ptr[64], fptr[96];
		nsp_circuit_pointers(m, b, "bgp/med", ptr, sizeof(ptr), fptr,
				     sizeof(fptr));
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"backup circuit '%s' of %s is marked for return "
			"traffic only by its MED %" PRIu32 " (primaries up to "
			"%" PRIu32 "), and %s may not honour MED: return "
			"traffic may arrive over the backup; prepend on the "
			"backup as well, so that its AS_PATH is longer than "
			"%zu",
			b->id, dem, b->bgp.med, nsp_highest_med(&p),
			pf->product, longest);
		nsp_finding_element(f, b->id);
		for (size_t k = 0; k < np; k++)
			nsp_relate_circuit(f, m, &m->circuits[buf[k]], "bgp",
					   "primary circuit");
		free(dem);
	}
	free(buf);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_picked_stage(ctx, NSP_PICK_BGP, 2, stage);
}

static void facts(FILE *out)
{
	nsp_provider_facts_print(out, NSP_FACT_MED);
}

static const char *const refs[] = {
	NSP_SRC_OVH " (\"MED: "
	"suggests preference to the remote side; may not be honoured in "
	"all OVHcloud configurations\")",
	"https://docs.ovhcloud.com/de/guides/network/ovhcloud-connect/"
	"resilient-architecture",
	NULL,
};

const struct nsp_rule nsp_rule_bgp004 = {
	.id = "BGP004",
	.name = "med-not-honoured",
	.severity = NSP_WARNING,
	.title = "only MED marks the backup, for a provider that may ignore it",
	.rationale =
		"MED is a suggestion to the neighbouring network, and not "
		"every provider acts on it (OVHcloud says MED may not be "
		"honoured in all its configurations). When a backup circuit "
		"differs from the primary only by a higher MED, such a "
		"provider sees two equal paths and may return traffic over "
		"the backup. AS_PATH prepending is the attribute every "
		"provider compares.",
	.remediation = "Prepend on the backup circuit (OVHcloud's "
		       "resilient-architecture guide: set as-path prepend on "
		       "BACKUP-OUT), keeping the MED if you like.",
	.references = refs,
	.fails = "clouds: [{id: vrack, provider: ovhcloud, ...}]\n"
		 "circuits:\n"
		 "  - {id: occ-1, role: primary, ..., bgp: {local_pref: 200}}\n"
		 "  - {id: occ-2, role: backup, ..., bgp: {local_pref: 100, "
		 "med: 200}}\n",
	.passes =
		"clouds: [{id: vrack, provider: ovhcloud, ...}]\n"
		"circuits:\n"
		"  - {id: occ-1, role: primary, ..., bgp: {local_pref: 200}}\n"
		"  - {id: occ-2, role: backup, ..., bgp: {local_pref: 100, "
		"med: 200, prepend: 1}}\n",
	.check = check,
	.facts = facts,
};
