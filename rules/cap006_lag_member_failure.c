/* CAP006: one member of a LAG fails, and the bundle is overloaded or down. */
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"

/* "demand 'dc' -> 'vpc'" or "demand 'dc' -> 'vpc' and 2 other demands" */
static char *demands_text(const struct nsp_analysis *a, size_t c)
{
	const struct nsp_model *m = a->m;
	size_t nd;
	const size_t *ds = nsp_circuit_demands(a, c, &nd);
	if (!nd)
		return nsp_xstrdup("no demand");
	char *first = nsp_demand_label(m, &m->demands[ds[0]]);
	if (nd == 1)
		return first;
	char *t = nsp_xasprintf("%s and %zu other demand%s", first, nd - 1,
				nd > 2 ? "s" : "");
	free(first);
	return t;
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	enum nsp_severity over_sev =
		nsp_class_required(m, NSP_CLASS_CIRCUIT) ? NSP_ERROR :
							  NSP_WARNING;
	for (size_t c = 0; c < m->ncircuits; c++) {
		const struct nsp_circuit *ci = &m->circuits[c];
		const struct nsp_lag *l = &ci->lag;
		if (!l->present || l->members < 1)
			continue;
		double load = a->base_load[0][c] > a->base_load[1][c] ?
			a->base_load[0][c] : a->base_load[1][c];
		if (load < 1e-9)
			continue; /* carries nothing, or nothing known */
		char *dems = demands_text(a, c);
		struct nsp_finding *f = NULL;
		if (l->members - 1 < l->min_links) {
			f = nsp_report_at(
			    ctx, NSP_WARNING, "circuits", c, "lag",
			    "one member failure takes LAG '%s' (%u x %llu "
			    "Mbit/s, min_links %u) down as a whole, with "
			    "%s on it: lower lag.min_links below the "
			    "member count, or add a member, so that the "
			    "bundle survives the loss of one link",
			    ci->id, l->members,
			    (unsigned long long)l->member_mbps, l->min_links,
			    dems);
		} else {
			double left = (double)(l->members - 1) *
				(double)l->member_mbps;
			double usable = left * m->intent.max_utilization / 100;
			if (load > usable * (1 + 1e-9)) {
				char *ls = nsp_mbps(load), *us = nsp_mbps(usable);
				f = nsp_report_at(
				    ctx, over_sev, "circuits", c, "lag",
				    "after one member of LAG '%s' fails, %u x "
				    "%llu Mbit/s are left (%s Mbit/s usable) for the "
				    "%s Mbit/s of %s: overloaded by %.0f%%; "
				    "add a member, or move load to another "
				    "circuit",
				    ci->id, l->members - 1,
				    (unsigned long long)l->member_mbps, us, ls,
				    dems, (load / usable - 1) * 100);
				free(ls);
				free(us);
			}
		}
		if (f)
			nsp_finding_element(f, ci->id);
		free(dems);
	}
}

static const char *const refs[] = {
    "AWS Direct Connect User Guide, Link aggregation groups (LAGs): "
    "the minimum number of operational connections for the LAG itself "
    "to be operational, https://docs.aws.amazon.com/directconnect/latest/"
    "UserGuide/lags.html",
    "IEEE 802.1AX, Link Aggregation",
    NULL,
};

const struct nsp_rule nsp_rule_cap006 = {
    .id = "CAP006",
    .name = "lag-member-failure",
    .severity = NSP_ERROR,
    .title = "one member of a LAG fails: the bundle is overloaded, or down",
    .rationale =
        "A link aggregation group (lag: members x member_mbps) loses "
        "member_mbps of bandwidth for each member that fails, and goes "
        "down as a whole when fewer than min_links members are up. A "
        "member fails far more often than a whole bundle (an optic, a "
        "patch, a line card port), so the bundle must carry its load "
        "with one member down: a 4 x 10G LAG carrying 35 Gbit/s is "
        "overloaded after one member fails. The load is the steady "
        "state's, in the busier direction, against the remaining "
        "members times intent.max_utilization. The overload is an error "
        "when the circuit class is required (intent.survive), else a "
        "warning; a min_links equal to the member count is a warning.",
    .remediation =
        "Size the LAG so that members - 1 carry the load, and set "
        "min_links below the member count (or leave it at 1). For "
        "diversity a LAG is still one circuit: all its members share the "
        "device, the port group and the location.",
    .references = refs,
    .fails = "circuits:\n"
             "  - {id: lag1, ..., bandwidth_mbps: 40000, lag: {members: 4, "
             "member_mbps: 10000}}\n"
             "demands: [{from: dc, to: vpc, mbps: 35000}]\n",
    .passes = "circuits:\n"
              "  - {id: lag1, ..., bandwidth_mbps: 40000, lag: {members: 4, "
              "member_mbps: 10000}}\n"
              "demands: [{from: dc, to: vpc, mbps: 25000}]\n",
    .check = check,
    .analysis = true,
};
