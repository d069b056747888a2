/* WAIVE001: a waiver past its expiry date, or one that matches nothing. */
#include <stdio.h>
#include <stdlib.h>

#include "rules.h"

/* "DIV003 naming 'ec-1', 'ec-2'" or "DIV003" */
static char *waiver_label(const struct nsp_waiver *w)
{
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, w->rule);
	for (size_t i = 0; i < w->elements.n; i++)
		nsp_buf_printf(&b, "%s'%s'", i ? ", " : " naming ",
			       w->elements.v[i]);
	return nsp_buf_detach(&b);
}

/*
 * The finding about waiver w: expired, or matching no finding. The engine
 * calls it after it applied the waivers (see judge_waiver in engine.h).
 */
static void judge(struct nsp_ctx *ctx, size_t w, bool expired)
{
	const struct nsp_waiver *wv = &ctx->model->waivers[w];
	char *label = waiver_label(wv);
	struct nsp_finding *f;
	if (expired)
		f = nsp_report_at(ctx, NSP_ERROR, "waivers", w, "expires",
				  "the waiver of %s expired on %s: it no longer "
				  "applies, so what it covered is reported "
				  "again; fix the design, or renew the waiver "
				  "with a new date and a reason",
				  label, wv->expires_text);
	else
		f = nsp_report_at(ctx, NSP_WARNING, "waivers", w, NULL,
				  "the waiver of %s matches no finding: remove "
				  "it, or correct its rule or elements",
				  label);
	nsp_finding_element(f, wv->rule);
	for (size_t i = 0; i < wv->elements.n; i++)
		nsp_finding_element(f, wv->elements.v[i]);
	free(label);
}

static const char *const refs[] = {
	"FORMAT.md of the nospof specification: waivers (rule, elements, "
	"reason, ticket, expires)",
	"RULES.md of the nospof specification: WAIVE001",
	NULL,
};

const struct nsp_rule nsp_rule_waive001 = {
	.id = "WAIVE001",
	.name = "waiver-expired",
	.severity = NSP_ERROR,
	.title = "a waiver has expired, or matches no finding",
	.rationale =
		"A waiver records an accepted risk for a while: a second CPE "
		"that arrives next quarter, a carrier contract that is "
		"being renegotiated. Past its expires date the risk is no "
		"longer accepted, and the finding it covered fails the check "
		"again; this finding says why. A waiver that matches no "
		"finding (the design was fixed, or the waiver names the "
		"wrong rule or elements) hides nothing today but would "
		"silently hide a future finding, so it is reported as a "
		"warning. Waivers of rules that did not run (--select, "
		"--ignore) are not judged unused.",
	.remediation =
		"Fix the design and delete the waiver; or, when the risk is "
		"still accepted, set a new expires date and update the "
		"reason and ticket. Delete waivers that match nothing, or "
		"correct their rule and elements (nospof check -f json lists "
		"the elements each finding names).",
	.references = refs,
	.fails = "waivers:\n"
		 "  - rule: DIV003\n"
		 "    elements: [ec-1, ec-2]\n"
		 "    reason: second CPE arrives in Q1\n"
		 "    expires: 2024-03-31\n",
	.passes = "waivers:\n"
		  "  - rule: DIV003\n"
		  "    elements: [ec-1, ec-2]\n"
		  "    reason: second CPE arrives in Q1\n"
		  "    ticket: NET-1234\n"
		  "    expires: 2099-03-31\n",
	.judge_waiver = judge,
};
