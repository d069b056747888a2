/* BGP002: the provider cannot tell a backup from the primaries. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "routing.h"
#include "sources.h"

/* The advice that makes backup b's AS_PATH longer than longest. */
static char *advice(const struct nsp_circuit *b, size_t longest)
{
	size_t extra = longest + 1 - b->bgp.as_path_len;
	if (!b->bgp.as_path_explicit)
		return nsp_xasprintf("prepend: %zu",
				     (size_t)b->bgp.prepend + extra);
	struct nsp_buf buf = {0};
	uint32_t asn = b->bgp.as_path_len ? b->bgp.as_path[0] : b->bgp.asn;
	nsp_buf_puts(&buf, "as_path: [");
	for (size_t i = 0; i < longest + 1; i++)
		nsp_buf_printf(&buf, "%s%" PRIu32, i ? ", " : "",
			       i < extra ? asn : b->bgp.as_path[i - extra]);
	nsp_buf_putc(&buf, ']');
	return nsp_buf_detach(&buf);
}

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	size_t *buf = nsp_xmalloc(s->n * sizeof(*buf)), np = 0;
	for (size_t i = 0; i < s->n; i++)
		if (nsp_picked(&m->circuits[s->c[i]], NSP_PICK_PREFERRED))
			buf[np++] = s->c[i];
	struct nsp_members p = {m, s->d, buf, np};
	size_t longest = nsp_longest_as_path(&p);
	for (size_t i = 0; np && i < s->n; i++) {
		const struct nsp_circuit *b = &m->circuits[s->c[i]];
		if (b->role != NSP_CROLE_BACKUP ||
		    nsp_return_mark(&p, b) != NSP_MARK_NONE)
			continue;
		const struct nsp_provider_facts *pf =
			nsp_provider_facts(nsp_circuit_provider(m, b));
		char *path = nsp_as_path_text(&b->bgp);
		char *fix = advice(b, longest);
		char *dem = nsp_demand_label(m, s->d);
		char ptr[64], fptr[96];
		nsp_circuit_pointers(m, b, "bgp", ptr, sizeof(ptr), fptr,
				     sizeof(fptr));
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"backup circuit '%s' of %s sends AS_PATH %s (length "
			"%zu), not longer than the primaries' (up to %zu), and "
			"MED %" PRIu32
			", not higher than theirs (up to %" PRIu32
			"): %s cannot tell the backup from the primary and may "
			"send return traffic over either; make the backup's "
			"AS_PATH longer, e.g. %s (OVHcloud's "
			"resilient-architecture guide prepends on the backup)",
			b->id, dem, path, b->bgp.as_path_len, longest,
			b->bgp.med, nsp_highest_med(&p), pf->product, fix);
		nsp_finding_element(f, b->id);
		for (size_t k = 0; k < np; k++)
			nsp_relate_circuit(f, m, &m->circuits[buf[k]], "bgp",
					   "primary circuit");
		free(path);
		free(fix);
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
	NSP_SRC_OVH " (\"AS-path "
	"prepending: makes a path look longer (less preferred); influence "
	"OVHcloud's choice of return path\"; route-map BACKUP-OUT set "
	"as-path prepend)",
	"RFC 4271, section 9.1.2.2 (AS_PATH length, then MED)",
	NULL,
};

const struct nsp_rule nsp_rule_bgp002 = {
	.id = "BGP002",
	.name = "standby-inbound-preference",
	.severity = NSP_ERROR,
	.title = "the provider cannot tell a backup circuit from the primary",
	.rationale =
		"Local preference only steers the traffic a site sends. The "
		"provider picks the circuit for the return traffic from the "
		"routes the site advertises: shortest AS_PATH first, then "
		"lowest MED. A backup circuit whose AS_PATH is not longer "
		"than every primary's, and whose MED is not higher, looks "
		"just as good as the primary to the provider, which then "
		"returns traffic over either one. A higher MED only counts "
		"where the provider is not known to ignore it (BGP004 "
		"reports a backup marked by MED alone towards such a "
		"provider).",
	.remediation =
		"Prepend the site's ASN on the backup circuit so that its "
		"AS_PATH is longer than every primary's (`prepend`, or an "
		"explicit `as_path`), as OVHcloud's resilient-architecture "
		"guide does; a higher MED on the "
		"backup helps where the provider honours MED.",
	.references = refs,
	.fails = "circuits:\n"
		 "  - {id: occ-1, role: primary, ..., bgp: {local_pref: 200}}\n"
		 "  - {id: occ-2, role: backup, ..., bgp: {local_pref: 100}}\n",
	.passes =
		"circuits:\n"
		"  - {id: occ-1, role: primary, ..., bgp: {local_pref: 200}}\n"
		"  - {id: occ-2, role: backup, ..., bgp: {local_pref: 100, "
		"prepend: 2}}\n",
	.check = check,
	.facts = facts,
};
