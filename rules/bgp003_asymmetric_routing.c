/* BGP003: outbound and return traffic prefer different circuits. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routing.h"
#include "providers/sources.h"

/* The members the CPEs send on: the highest local_pref. */
static size_t outbound(const struct nsp_members *s, bool *in)
{
	uint32_t best = 0;
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) {
		uint32_t lp = s->m->circuits[s->c[i]].bgp.local_pref;
		if (lp > best)
			best = lp;
	}
	for (size_t i = 0; i < s->n; i++) {
		in[i] = s->m->circuits[s->c[i]].bgp.local_pref == best;
		n += in[i];
	}
	return n;
}

/*
 * The members the provider returns on: those no other member beats
 * (nsp_return_cmp: communities and Regions where the provider looks at
 * them, then the shortest AS_PATH, then the lowest MED unless some
 * member's provider may ignore MED). *decided collects (1 << by) of what
 * ranked a returned member above another, *open (1 << by) of what leaves
 * two returned members in an order nospof cannot know.
 */
static size_t inbound(const struct nsp_members *s, bool *in, bool *med_used,
		      unsigned *decided, unsigned *open)
{
	size_t n = 0;
	*med_used = true;
	*decided = *open = 0;
	for (size_t i = 0; i < s->n; i++)
		if (nsp_provider_facts(
			    nsp_circuit_provider(s->m, &s->m->circuits[s->c[i]]))
			    ->med_honoured == NSP_TRI_NO)
			*med_used = false;
	for (size_t i = 0; i < s->n; i++) {
		const struct nsp_circuit *x = &s->m->circuits[s->c[i]];
		in[i] = true;
		for (size_t k = 0; k < s->n && in[i]; k++) {
			enum nsp_pref_by by;
			if (k != i &&
			    nsp_return_cmp(s->m, &s->m->circuits[s->c[k]], x,
					   *med_used, &by) > 0)
				in[i] = false;
		}
		n += in[i];
	}
	for (size_t i = 0; i < s->n; i++) {
		for (size_t k = 0; in[i] && k < s->n; k++) {
			enum nsp_pref_by by;
			int r = nsp_return_cmp(s->m, &s->m->circuits[s->c[i]],
					       &s->m->circuits[s->c[k]],
					       *med_used, &by);
			if (k == i)
				continue;
			if (r > 0)
				*decided |= 1u << by;
			else if (in[k] && by != NSP_BY_NOTHING)
				*open |= 1u << by;
		}
	}
	return n;
}

/* What made the provider's choice, in words. */
static char *inbound_why(const struct nsp_members *s, size_t nin,
			 bool med_used, unsigned decided, unsigned open)
{
	const struct nsp_circuit *c0 = &s->m->circuits[s->c[0]];
	const struct nsp_provider_facts *f =
		nsp_provider_facts(nsp_circuit_provider(s->m, c0));
	if (open & (1u << NSP_BY_REGION))
		return nsp_xasprintf(
			"a tie nospof cannot break: %s prefers a location "
			"homed in the VPC's Region before it compares AS_PATH, "
			"and the cloud gives no region",
			f->product);
	if (open & (1u << NSP_BY_COMMUNITY))
		return nsp_xasprintf("a tie nospof cannot break: the medium "
				     "local-preference community against "
				     "none, an order %s does not document",
				     f->product);
	if (decided & (1u << NSP_BY_COMMUNITY))
		return nsp_xstrdup("the higher local-preference community, "
				   "which comes before AS_PATH");
	if (decided & (1u << NSP_BY_REGION))
		return nsp_xasprintf("the location in the VPC's Region '%s', "
				     "which %s prefers before AS_PATH",
				     nsp_cloud_region(s->m, c0), f->product);
	return nsp_xasprintf(
		"%s AS_PATH%s", nin > 1 ? "a tie on the shortest" :
					  "the shortest",
		med_used ? " and lowest MED" : ", MED not relied on");
}

/* "'a'", "'a' or 'b'": the members flagged in set, joined by conj. */
static char *names(const struct nsp_members *s, const bool *set, size_t n,
		   const char *conj)
{
	struct nsp_buf b = {0};
	for (size_t i = 0, k = 0; i < s->n; i++) {
		if (!set[i])
			continue;
		k++;
		if (k > 1)
			nsp_buf_puts(&b, k == n ? conj : ", ");
		nsp_buf_printf(&b, "'%s'", s->m->circuits[s->c[i]].id);
	}
	return nsp_buf_detach(&b);
}

/* The site endpoint of the demand with a stateful firewall, or NULL. */
static const struct nsp_site *firewall(const struct nsp_members *s)
{
	const struct nsp_endpoint e[2] = {s->d->from, s->d->to};
	for (int k = 0; k < 2; k++)
		if (e[k].kind == NSP_EP_SITE &&
		    s->m->sites[e[k].index].stateful_firewall)
			return &s->m->sites[e[k].index];
	return NULL;
}

/* Whether BGP001, BGP002 or BGP004 already names a backup's preference. */
static bool reported_elsewhere(const struct nsp_members *s)
{
	size_t *buf = nsp_xmalloc(s->n * sizeof(*buf)), np = 0;
	for (size_t i = 0; i < s->n; i++)
		if (nsp_picked(&s->m->circuits[s->c[i]], NSP_PICK_PREFERRED))
			buf[np++] = s->c[i];
	struct nsp_members p = {s->m, s->d, buf, np};
	bool any = false;
	for (size_t i = 0; i < s->n && !any; i++) {
		const struct nsp_circuit *b = &s->m->circuits[s->c[i]];
		if (b->role != NSP_CROLE_BACKUP)
			continue;
		enum nsp_mark mark = nsp_return_mark(&p, b, NULL, NULL);
		any = !nsp_outbound_marked(&p, b) ||
		      mark == NSP_MARK_NONE ||
		      mark == NSP_MARK_MED_UNRELIABLE;
	}
	free(buf);
	return any;
}

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	size_t nb = 0;
	for (size_t i = 0; i < s->n; i++)
		nb += m->circuits[s->c[i]].role == NSP_CROLE_BACKUP;
	if (!nb || nb == s->n)
		return;
	bool *out = nsp_xcalloc(s->n, sizeof(*out));
	bool *in = nsp_xcalloc(s->n, sizeof(*in));
	bool med_used;
	unsigned decided, open;
	size_t nout = outbound(s, out),
	       nin = inbound(s, in, &med_used, &decided, &open);
	size_t first = SIZE_MAX;
	for (size_t i = 0; i < s->n && first == SIZE_MAX; i++)
		if (out[i] != in[i])
			first = i;
	const struct nsp_site *fw = firewall(s);
	if (first == SIZE_MAX || (!fw && reported_elsewhere(s)))
		goto out;
	char *o = names(s, out, nout, " and ");
	char *r = names(s, in, nin, " or ");
	char *dem = nsp_demand_label(m, s->d);
	const struct nsp_circuit *c0 = &m->circuits[s->c[0]];
	uint32_t lp = 0;
	for (size_t i = 0; i < s->n; i++)
		if (out[i])
			lp = m->circuits[s->c[i]].bgp.local_pref;
	char *why = inbound_why(s, nin, med_used, decided, open);
	const struct nsp_provider_facts *pf =
		nsp_provider_facts(nsp_circuit_provider(m, c0));
	char lo[16], hi[16];
	nsp_community_text(pf->lp_communities[0], lo, sizeof(lo));
	nsp_community_text(pf->lp_communities[2], hi, sizeof(hi));
	char *fix = (decided | open) & (1u << NSP_BY_COMMUNITY |
					1u << NSP_BY_REGION) ?
			    nsp_xasprintf("a lower local_pref on the backup, "
					  "and local-preference communities: "
					  "bgp.communities [%s] on the backup, "
					  "[%s] on the primaries",
					  lo, hi) :
			    nsp_xstrdup("a lower local_pref and a longer "
					"AS_PATH on the backup");
	char *tail =
		fw ? nsp_xasprintf("site '%s' has a stateful firewall, which "
				   "drops replies that arrive on a circuit "
				   "its connection did not leave by",
				   fw->id) :
		     nsp_xstrdup("replies take another circuit than "
				 "requests, which breaks stateful devices on "
				 "the way and hides a failed path");
	char ptr[64], fptr[96];
	nsp_circuit_pointers(m, &m->circuits[s->c[first]], "bgp", ptr,
			     sizeof(ptr), fptr, sizeof(fptr));
	struct nsp_finding *f = nsp_report(
		ctx, fw ? NSP_ERROR : NSP_WARNING, ptr, fptr,
		"%s sends outbound traffic over %s (local_pref %" PRIu32
		") but '%s' returns it over %s (%s): %s; make both "
		"directions prefer the same circuits (%s)",
		dem, o, lp, nsp_far_end(m, c0), r, why, tail, fix);
	for (size_t i = 0; i < s->n; i++)
		if (out[i] || in[i])
			nsp_finding_element(f, m->circuits[s->c[i]].id);
	if (fw) {
		nsp_finding_element(f, fw->id);
		snprintf(ptr, sizeof(ptr), "/sites/%zu",
			 (size_t)(fw - m->sites));
		snprintf(fptr, sizeof(fptr), "%s/stateful_firewall", ptr);
		nsp_finding_related(f, m, ptr, fptr,
				    "stateful firewall of site '%s'", fw->id);
	}
	free(o);
	free(r);
	free(dem);
	free(why);
	free(fix);
	free(tail);
out:
	free(out);
	free(in);
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
	NSP_SRC_LINUX_ECMP " (\"a stateful firewall will drop "
	"those packets because it never saw the initial SYN\")",
	NSP_SRC_OVH " (local "
	"preference for outbound, AS-path prepending for return traffic)",
	"AWS Direct Connect user guide, Routing policies and BGP "
	"communities, https://docs.aws.amazon.com/directconnect/latest/"
	"UserGuide/routing-and-bgp.html (home Region before AS_PATH; local "
	"preference communities before both)",
	NULL,
};

const struct nsp_rule nsp_rule_bgp003 = {
	.id = "BGP003",
	.name = "asymmetric-routing",
	.severity = NSP_ERROR,
	.title = "outbound and return traffic prefer different circuits",
	.rationale =
		"In an active-standby design the site chooses the outbound "
		"circuit (highest local_pref) and the provider the return "
		"circuit (shortest AS_PATH, then lowest MED where the "
		"provider honours it; at AWS, local-preference communities "
		"and then the location in the VPC's Region come first, see "
		"BGP002). When the two choices differ, or the "
		"provider's choice is a tie it may break either way, a "
		"connection leaves on one circuit and its replies come back "
		"on another. A stateful firewall at the site drops those "
		"replies, having never seen the connection leave that way: "
		"the finding is an error when a site of the demand has "
		"`stateful_firewall: true`, a warning otherwise (and then "
		"only when BGP001, BGP002 or BGP004 does not already name "
		"the missing preference).",
	.remediation =
		"Make both directions prefer the same circuit: a lower "
		"local_pref on the backup for outbound traffic and a longer "
		"AS_PATH (prepending) on the backup for return traffic (at "
		"AWS across Regions, local-preference communities), or "
		"let the firewall see both paths (a firewall cluster with "
		"state sync across the circuits).",
	.references = refs,
	.fails = "sites: [{id: dc, stateful_firewall: true, ...}]\n"
		 "clouds: [{id: vrack, provider: ovhcloud, ...}]\n"
		 "circuits:\n"
		 "  - {id: occ-1, role: primary, ..., bgp: {local_pref: 200}}\n"
		 "  - {id: occ-2, role: backup, ..., bgp: {local_pref: 100, "
		 "med: 200}}\n",
	.passes =
		"sites: [{id: dc, stateful_firewall: true, ...}]\n"
		"clouds: [{id: vrack, provider: ovhcloud, ...}]\n"
		"circuits:\n"
		"  - {id: occ-1, role: primary, ..., bgp: {local_pref: 200}}\n"
		"  - {id: occ-2, role: backup, ..., bgp: {local_pref: 100, "
		"prepend: 1}}\n",
	.check = check,
	.facts = facts,
};
