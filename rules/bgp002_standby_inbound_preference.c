/* BGP002: the provider cannot tell a backup from the primaries. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routing.h"
#include "providers/sources.h"

/* Whether circuits b and q hand traffic to clouds in one given region. */
static bool same_home(const struct nsp_model *m, const struct nsp_circuit *b,
		      const struct nsp_circuit *q)
{
	const char *hb = nsp_cloud_region(m, b), *hq = nsp_cloud_region(m, q);
	return hb && hq && !strcmp(hb, hq);
}

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

/* "7224:7300", or "none": circuit c's local-preference community at f. */
static void tag_text(const struct nsp_provider_facts *f,
		     const struct nsp_circuit *c, char *buf, size_t n)
{
	int r = nsp_lp_community_rank(f, c);
	if (r)
		nsp_community_text(f->lp_communities[r - 1], buf, n);
	else
		snprintf(buf, n, "none");
}

/*
 * Backup b is not told from primary q because the provider looks at
 * local-preference communities or at Regions before AS_PATH (AWS): why it
 * is not marked, and the communities that mark it.
 */
static char *community_reason(const struct nsp_model *m,
			      const struct nsp_circuit *b,
			      const struct nsp_circuit *q, enum nsp_pref_by why)
{
	const struct nsp_provider_facts *f =
		nsp_provider_facts(nsp_circuit_provider(m, b));
	char *path = nsp_as_path_text(&b->bgp), *r;
	if (why == NSP_BY_COMMUNITY) {
		char tb[16], tq[16];
		tag_text(f, b, tb, sizeof(tb));
		tag_text(f, q, tq, sizeof(tq));
		bool open = !nsp_lp_community_rank(f, b) !=
			    !nsp_lp_community_rank(f, q) &&
			    (nsp_lp_community_rank(f, b) == 2 ||
			     nsp_lp_community_rank(f, q) == 2);
		r = nsp_xasprintf(
			"it carries local-preference community %s and primary "
			"'%s' %s: %s; %s evaluates these before AS_PATH, so "
			"AS_PATH %s does not make it the backup",
			tb, q->id, tq,
			open ? "an order the provider does not document" :
			       "the backup's is not the lower one",
			f->product, path);
	} else {
		const char *gb = nsp_landing_region(m, b),
			   *gq = nsp_landing_region(m, q),
			   *home = nsp_cloud_region(m, b);
		if (!home || !same_home(m, b, q))
			r = nsp_xasprintf(
				"it lands at a location in Region '%s', "
				"primary '%s' in '%s'; %s prefers a location "
				"homed in the VPC's Region before it compares "
				"AS_PATH, and cloud '%s' gives no region, so "
				"AS_PATH %s does not make it the backup (if "
				"the primary's location is homed in the VPC's "
				"Region, give the cloud its region)",
				gb, q->id, gq, f->product,
				nsp_far_end(m, b), path);
		else
			r = nsp_xasprintf(
				"it lands at a location in the VPC's Region "
				"'%s', primary '%s' in '%s'; %s prefers the "
				"location in the VPC's Region whatever the "
				"AS_PATH, so return traffic comes back over "
				"the backup",
				gb, q->id, gq, f->product);
	}
	free(path);
	return r;
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
		const struct nsp_circuit *b = &m->circuits[s->c[i]], *q = NULL;
		enum nsp_pref_by why = NSP_BY_NOTHING;
		if (b->role != NSP_CROLE_BACKUP ||
		    nsp_return_mark(&p, b, &why, &q) != NSP_MARK_NONE)
			continue;
		const struct nsp_provider_facts *pf =
			nsp_provider_facts(nsp_circuit_provider(m, b));
		char *dem = nsp_demand_label(m, s->d);
		char ptr[64], fptr[96];
		struct nsp_finding *f;
		if (why == NSP_BY_COMMUNITY || why == NSP_BY_REGION) {
			char lo[16], hi[16];
			nsp_community_text(pf->lp_communities[0], lo,
					   sizeof(lo));
			nsp_community_text(pf->lp_communities[2], hi,
					   sizeof(hi));
			char *reason = community_reason(m, b, q, why);
			nsp_circuit_pointers(m, b,
					     b->bgp.ncommunities ?
						     "bgp/communities" :
						     "bgp",
					     ptr, sizeof(ptr), fptr,
					     sizeof(fptr));
			f = nsp_report(
				ctx, ctx->rule->severity, ptr, fptr,
				"backup circuit '%s' of %s is not the backup "
				"for return traffic: %s; tag the routes "
				"advertised on each circuit with a "
				"local-preference community, lower on the "
				"backup: bgp.communities: [%s] on '%s' and "
				"[%s] on the primaries",
				b->id, dem, reason, lo, b->id, hi);
			free(reason);
		} else {
			char *path = nsp_as_path_text(&b->bgp);
			char *fix = advice(b, longest);
			nsp_circuit_pointers(m, b, "bgp", ptr, sizeof(ptr),
					     fptr, sizeof(fptr));
			f = nsp_report(
				ctx, ctx->rule->severity, ptr, fptr,
				"backup circuit '%s' of %s sends AS_PATH %s "
				"(length %zu), not longer than the primaries' "
				"(up to %zu), and MED %" PRIu32
				", not higher than theirs (up to %" PRIu32
				"): %s cannot tell the backup from the primary "
				"and may send return traffic over either; make "
				"the backup's AS_PATH longer, e.g. %s "
				"(OVHcloud's resilient-architecture guide "
				"prepends on the backup)",
				b->id, dem, path, b->bgp.as_path_len, longest,
				b->bgp.med, nsp_highest_med(&p), pf->product,
				fix);
			free(path);
			free(fix);
		}
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
	nsp_provider_facts_print(out, NSP_FACT_MED | NSP_FACT_RETURN);
}

static const char *const refs[] = {
	NSP_SRC_OVH " (\"AS-path "
	"prepending: makes a path look longer (less preferred); influence "
	"OVHcloud's choice of return path\"; route-map BACKUP-OUT set "
	"as-path prepend)",
	"RFC 4271, section 9.1.2.2 (AS_PATH length, then MED)",
	"AWS Direct Connect user guide, Routing policies and BGP "
	"communities, https://docs.aws.amazon.com/directconnect/latest/"
	"UserGuide/routing-and-bgp.html (a Direct Connect location homed in "
	"the VPC's Region is preferred over locations of other Regions; the "
	"local preference communities 7224:7100, 7224:7200 and 7224:7300 "
	"are evaluated before any AS_PATH)",
	"AWS Direct Connect, Private virtual interface routing example, "
	"https://docs.aws.amazon.com/directconnect/latest/UserGuide/"
	"private-transit-vif-example.html",
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
		"provider). AWS Direct Connect looks at two things first: "
		"the local-preference communities the routes carry "
		"(7224:7100 low, 7224:7200 medium, 7224:7300 high; "
		"`bgp.communities`), then whether the Direct Connect location "
		"is homed in the VPC's Region, which it prefers to locations "
		"of other Regions; AS_PATH only decides between locations of "
		"one Region or between locations all outside it. So when the "
		"backup lands in another Region than the primary (the "
		"`region` of the PoPs), prepending does not mark it: the "
		"backup is marked when the primary's location is in the "
		"cloud's `region` and the backup's is not, and otherwise "
		"only by a lower local-preference community.",
	.remediation =
		"Prepend the site's ASN on the backup circuit so that its "
		"AS_PATH is longer than every primary's (`prepend`, or an "
		"explicit `as_path`), as OVHcloud's resilient-architecture "
		"guide does; a higher MED on the "
		"backup helps where the provider honours MED. At AWS across "
		"Regions, tag the routes instead: `bgp.communities: "
		"[7224:7100]` on the backup and `[7224:7300]` on the "
		"primaries.",
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
