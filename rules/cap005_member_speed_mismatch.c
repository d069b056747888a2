/* CAP005: parallel members of one demand differ in bandwidth. */
#include <stdlib.h>

#include "analysis.h"

/* Members of one class (preferred or backup) with different speeds. */
static void one_class(struct nsp_ctx *ctx, const struct nsp_members *s,
                      bool backup)
{
	const struct nsp_model *m = s->m;
	size_t *v = nsp_xmalloc(s->n * sizeof(size_t));
	struct nsp_members sub = {m, s->d, v, 0};
	uint64_t lo = UINT64_MAX, hi = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct nsp_circuit *c = &m->circuits[s->c[i]];
		if ((c->role == NSP_CROLE_BACKUP) != backup)
			continue;
		v[sub.n++] = s->c[i];
		if (c->bandwidth_mbps < lo)
			lo = c->bandwidth_mbps;
		if (c->bandwidth_mbps > hi)
			hi = c->bandwidth_mbps;
	}
	if (sub.n >= 2 && lo != hi)
		nsp_report_members(
		    ctx, &sub, NSP_WARNING, "bandwidth_mbps",
		    "run in parallel at different speeds (%llu to %llu "
		    "Mbit/s): when a faster one fails, the slower ones "
		    "cannot absorb its share the way they absorb each "
		    "other's; order parallel circuits at one speed",
		    (unsigned long long)lo, (unsigned long long)hi);
	free(v);
}

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	one_class(ctx, s, false);
	one_class(ctx, s, true);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_stage(ctx, 2, stage);
}

static const char *const refs[] = {
    "https://docs.aws.amazon.com/directconnect/latest/UserGuide/"
    "resiliency_toolkit.html (the Resiliency Toolkit orders the "
    "redundant connections of a model at one speed)",
    NULL,
};

const struct nsp_rule nsp_rule_cap005 = {
    .id = "CAP005",
    .name = "member-speed-mismatch",
    .severity = NSP_WARNING,
    .title = "parallel circuits of a demand differ in bandwidth",
    .rationale = "Circuits that carry a demand side by side are meant to stand "
                 "in for each other. When they differ in speed, the failure of "
                 "the faster one puts more on the slower ones than the failure "
                 "of a slower one puts on the faster: the design survives some "
                 "single failures and not others, and the difference is easy "
                 "to miss. Preferred and backup circuits are compared among "
                 "themselves, not with each other.",
    .remediation =
        "Order parallel circuits at one speed, as the AWS Resiliency "
        "Toolkit does for the connections of a resiliency model; "
        "CAP001 says whether the slower ones still carry the load.",
    .references = refs,
    .fails = "circuits:\n"
             "  - {id: c1, ..., bandwidth_mbps: 1000}\n"
             "  - {id: c2, ..., bandwidth_mbps: 500}\n",
    .passes = "circuits:\n"
              "  - {id: c1, ..., bandwidth_mbps: 1000}\n"
              "  - {id: c2, ..., bandwidth_mbps: 1000}\n",
    .check = check,
};
