/* HA004: a standby circuit carries no traffic until a failure. */
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"
#include "providers/sources.h"

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	bool standby = m->intent.mode == NSP_MODE_ACTIVE_STANDBY;
	for (size_t d = 0; d < m->ndemands; d++) {
		const struct nsp_demand *dem = &m->demands[d];
		if (!nsp_demand_base(a, d)->connected)
			continue;
		for (size_t i = 0; i < dem->ncircuits; i++) {
			size_t c = dem->circuits[i];
			const struct nsp_circuit *ci = &m->circuits[c];
			if ((!standby && ci->role != NSP_CROLE_BACKUP) ||
			    nsp_demand_base_share(a, d, c))
				continue;
			char *lab = nsp_demand_label(m, dem);
			struct nsp_finding *f = nsp_report_at(
			    ctx, NSP_INFO, "circuits", c, "role",
			    "circuit '%s' of %s carries no traffic until a "
			    "failure (%s): its faults stay hidden until it "
			    "is needed; test failover regularly, or run the "
			    "circuits active-active",
			    ci->id, lab,
			    ci->role == NSP_CROLE_BACKUP ? "role backup"
			                                 : "active-standby");
			nsp_finding_element(f, ci->id);
			free(lab);
		}
	}
}

static const char *const refs[] = {
    NSP_SRC_ALIBABA_ECMP " (why active-active ECMP)",
    NSP_SRC_OVH " (test failover: "
    "\"this is critical, do not skip failover testing\")",
    NULL,
};

const struct nsp_rule nsp_rule_ha004 = {
    .id = "HA004",
    .name = "standby-untested-path",
    .severity = NSP_INFO,
    .title = "a standby circuit carries no traffic until a failure",
    .rationale = "In active-standby, the backup path carries nothing while the "
                 "primary is up: a wrong route filter, an expired BGP "
                 "password, a mis-patched cross-connect on it stays invisible "
                 "until the primary fails, and then the failover fails too. "
                 "Active-active paths are tested by the traffic they carry.",
    .remediation =
        "Test failover on a schedule (shut the primary's BGP session "
        "and watch the traffic move), monitor the backup's session "
        "and routes, or run the circuits active-active.",
    .references = refs,
    .fails = "intent: {mode: active-standby}\n"
             "circuits:\n"
             "  - {id: c1, ..., role: primary}\n"
             "  - {id: c2, ..., role: backup}\n",
    .passes = "intent: {mode: active-active}\n"
              "circuits:\n"
              "  - {id: c1, ...}\n"
              "  - {id: c2, ...}\n",
    .check = check,
    .analysis = true,
};
