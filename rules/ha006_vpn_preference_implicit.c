/* HA006: a VPN beside private circuits is not marked as the backup. */
#include <stdio.h>
#include <stdlib.h>

#include "div.h"
#include "providers/providers.h"

/* Whether demand d has a private circuit. */
static bool has_private(const struct nsp_model *m, const struct nsp_demand *d)
{
	for (size_t i = 0; i < d->ncircuits; i++)
		if (m->circuits[d->circuits[i]].kind == NSP_CKIND_PRIVATE)
			return true;
	return false;
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t c = 0; c < m->ncircuits; c++) {
		const struct nsp_circuit *ci = &m->circuits[c];
		if (ci->kind != NSP_CKIND_VPN || ci->role == NSP_CROLE_BACKUP)
			continue;
		size_t d = 0;
		while (d < m->ndemands) {
			const struct nsp_demand *dem = &m->demands[d];
			bool on = false;
			for (size_t i = 0; i < dem->ncircuits; i++)
				on |= dem->circuits[i] == c;
			if (on && has_private(m, dem))
				break;
			d++;
		}
		if (d == m->ndemands)
			continue;
		bool aws = nsp_circuit_provider(m, ci) == NSP_PROV_AWS;
		char *lab = nsp_demand_label(m, &m->demands[d]);
		struct nsp_finding *f = nsp_report_at(
		    ctx, NSP_WARNING, "circuits", c,
		    ci->role == NSP_CROLE_PRIMARY ? "role" : NULL,
		    "VPN circuit '%s' of %s is role %s beside private "
		    "circuits: %s, so the design's load sharing is not what "
		    "the network does; set role: backup on the VPN and make "
		    "the preference explicit (local_pref, prepend)",
		    ci->id, lab,
		    ci->role == NSP_CROLE_PRIMARY ? "primary" : "active",
		    aws ? "AWS prefers a Direct Connect route over a "
		          "Site-to-Site VPN route for the same prefix, so "
		          "the VPN carries nothing while Direct Connect is up"
		        : "for the same prefix the provider picks by its "
		          "own route priority, not by this design");
		nsp_finding_element(f, ci->id);
		free(lab);
	}
}

static const char *const refs[] = {
    "AWS Site-to-Site VPN User Guide, Route tables and AWS Site-to-Site "
    "VPN route priority (for the same prefix: BGP routes propagated from "
    "Direct Connect, then static VPN routes, then BGP routes from the "
    "VPN), https://docs.aws.amazon.com/vpn/latest/s2svpn/"
    "vpn-route-priority.html",
    NULL,
};

const struct nsp_rule nsp_rule_ha006 = {
    .id = "HA006",
    .name = "vpn-preference-implicit",
    .severity = NSP_WARNING,
    .title = "a VPN beside private circuits is not marked as the backup",
    .rationale =
        "When a demand has both private circuits and an IPsec VPN "
        "(kind: vpn), the provider does not share the load between them: "
        "AWS prefers a route learned over Direct Connect to the same "
        "prefix learned over Site-to-Site VPN, and other providers choose "
        "by their own route priority. A VPN left active (the default role) "
        "or primary makes nospof's routing model, and the reader, assume "
        "a load sharing the network will not do; the capacity after a "
        "failure is then judged on the wrong paths.",
    .remediation =
        "Set role: backup on the VPN circuits and make the preference "
        "explicit on the routers (a lower local_pref and an AS_PATH "
        "prepend on the VPN), so that the design says what the network "
        "does.",
    .references = refs,
    .fails = "circuits:\n"
             "  - {id: dx1, ...}\n"
             "  - {id: vpn1, ..., kind: vpn}\n",
    .passes = "circuits:\n"
              "  - {id: dx1, ..., role: primary}\n"
              "  - {id: vpn1, ..., kind: vpn, role: backup}\n",
    .check = check,
};
