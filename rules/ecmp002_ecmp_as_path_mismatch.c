/* ECMP002: preferred members send different effective AS_PATHs. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "routing.h"
#include "providers/sources.h"

/* The effective AS_PATH of a circuit, as text. */
static char *as_path(const struct nsp_model *m, const struct nsp_circuit *c)
{
	(void)m;
	return nsp_as_path_text(&c->bgp);
}

/* "[65003 65003]" as YAML: "[65003, 65003]" */
static char *yaml_path(const char *text)
{
	struct nsp_buf b = {0};
	for (const char *p = text; *p; p++) {
		if (*p == ' ')
			nsp_buf_puts(&b, ", ");
		else
			nsp_buf_putc(&b, *p);
	}
	return nsp_buf_detach(&b);
}

/* "65003, 65004" when the members' own ASNs differ, else NULL. */
static char *distinct_asns(const struct nsp_members *s)
{
	struct nsp_buf b = {0};
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) {
		uint32_t asn = s->m->circuits[s->c[i]].bgp.asn;
		bool seen = !asn;
		for (size_t k = 0; k < i && !seen; k++)
			seen = s->m->circuits[s->c[k]].bgp.asn == asn;
		if (seen)
			continue;
		nsp_buf_printf(&b, "%s%" PRIu32, n++ ? ", " : "", asn);
	}
	char *r = nsp_buf_detach(&b);
	if (n < 2) {
		free(r);
		return NULL;
	}
	return r;
}

/* Whether two circuits send the same effective AS_PATH. */
static bool same_as_path(const struct nsp_model *m,
			 const struct nsp_circuit *a,
			 const struct nsp_circuit *b)
{
	(void)m;
	return a->bgp.as_path_len == b->bgp.as_path_len &&
	       (!a->bgp.as_path_len ||
		!memcmp(a->bgp.as_path, b->bgp.as_path,
			a->bgp.as_path_len * sizeof(*a->bgp.as_path)));
}

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	char *text, *common;
	if (nsp_group_members(s, same_as_path, as_path, &text, &common) < 2) {
		free(text);
		free(common);
		return;
	}
	char *asns = distinct_asns(s), *fix = yaml_path(common);
	char *advice =
		asns ? nsp_xasprintf("the CPE sides use different ASNs (%s): "
				     "normalise the path with an explicit "
				     "as_path: %s on each (local-as with "
				     "no-prepend replace-as on the routers)",
				     asns, fix) :
		       nsp_xasprintf("give each the same path, e.g. as_path: "
				     "%s on each, or the same prepend",
				     fix);
	nsp_report_members(ctx, s, ctx->rule->severity, "bgp",
			   "send different AS_PATHs to '%s': %s; the edge "
			   "routers see paths of unequal length or content and "
			   "will not form ECMP, so one circuit carries the "
			   "traffic while the other idles; %s",
			   nsp_far_end(s->m, &s->m->circuits[s->c[0]]), text,
			   advice);
	free(advice);
	free(asns);
	free(fix);
	free(text);
	free(common);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_picked_stage(ctx, NSP_PICK_PREFERRED | NSP_PICK_BGP, 2, stage);
}

static const char *const refs[] = {
	NSP_SRC_ALIBABA_ECMP " (\"The AS-Path values for CPE1 and CPE2 must be "
	"identical. If they differ, the VBRs receive routes with different "
	"AS-Path lengths and cannot form an ECMP pair. Normalize the AS-Path "
	"on both CPE devices\")",
	"RFC 4271, section 9.1.2.2 (AS_PATH length in the decision process)",
	NULL,
};

const struct nsp_rule nsp_rule_ecmp002 = {
	.id = "ECMP002",
	.name = "ecmp-as-path-mismatch",
	.severity = NSP_ERROR,
	.title = "circuits meant to share traffic send different AS_PATHs",
	.rationale =
		"A BGP router installs several paths to a prefix as ECMP only "
		"when they tie on every step of the decision process before "
		"the tie-break, and AS_PATH length comes early; most "
		"implementations also require the paths to be identical, not "
		"only equally long. Two CPEs with different ASNs, or a "
		"prepend on one circuit, therefore make the provider's edge "
		"routers (VBRs, MSEEs, Direct Connect endpoints) prefer one "
		"circuit: the other carries nothing until a failure, which is "
		"active-standby by accident. The effective AS_PATH is "
		"`as_path` when given, else the circuit's ASN repeated 1 + "
		"`prepend` times.",
	.remediation =
		"Make the AS_PATH the provider receives identical on every "
		"preferred circuit: when the CPEs run different ASNs, present "
		"one ASN towards the provider (e.g. `local-as 65010 "
		"no-prepend replace-as`) and write it as an explicit "
		"`as_path`; otherwise remove the stray prepend.",
	.references = refs,
	.fails = "routers:\n"
		 "  - {id: cpe1, role: cpe, site: dc, asn: 65003}\n"
		 "  - {id: cpe2, role: cpe, site: dc, asn: 65004}\n"
		 "circuits:   # AS_PATHs [65003] and [65004]\n"
		 "  - {id: ec-1, a: {router: cpe1}, z: {router: vbr1}, "
		 "bandwidth_mbps: 1000}\n"
		 "  - {id: ec-2, a: {router: cpe2}, z: {router: vbr2}, "
		 "bandwidth_mbps: 1000}\n",
	.passes = "circuits:   # both present AS 65010\n"
		  "  - {id: ec-1, a: {router: cpe1}, z: {router: vbr1}, "
		  "bandwidth_mbps: 1000,\n"
		  "     bgp: {asn: 65010, as_path: [65010]}}\n"
		  "  - {id: ec-2, a: {router: cpe2}, z: {router: vbr2}, "
		  "bandwidth_mbps: 1000,\n"
		  "     bgp: {asn: 65010, as_path: [65010]}}\n",
	.check = check,
};
