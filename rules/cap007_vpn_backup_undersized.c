/* CAP007: when the private circuits fail, a VPN backup cannot carry the demand. */
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"
#include "providers/providers.h"

/*
 * What the VPN circuits of demand d carry at most, Mbit/s usable: per
 * stage, the sum over its VPN circuits of the smaller of the circuit's
 * bandwidth and the provider's published per-tunnel figure; the smallest
 * stage that has any. *capped is set when a provider figure lowered one.
 */
static double vpn_capacity(const struct nsp_model *m,
			   const struct nsp_demand *dem, bool *capped)
{
	double best = -1;
	for (size_t s = 0; s < dem->nstages; s++) {
		double sum = 0;
		bool any = false;
		for (size_t i = 0; i < dem->stages[s].n; i++) {
			const struct nsp_circuit *ci =
				&m->circuits[dem->stages[s].circuits[i]];
			if (ci->kind != NSP_CKIND_VPN)
				continue;
			const char *sp;
			uint64_t bw = ci->bandwidth_mbps;
			uint64_t t = nsp_vpn_tunnel_mbps(
				nsp_circuit_provider(m, ci), &sp);
			if (t && t < bw) {
				bw = t;
				*capped = true;
			}
			sum += (double)bw;
			any = true;
		}
		if (any && (best < 0 || sum < best))
			best = sum;
	}
	return best < 0 ? 0 : best * m->intent.max_utilization / 100;
}

/*
 * The first element of a required class the demand uses that takes down
 * all its private circuits, or NSP_NONE.
 */
static size_t private_cut(const struct nsp_analysis *a, size_t d,
			  size_t nprivate)
{
	const struct nsp_model *m = a->m;
	size_t ne;
	const size_t *el = nsp_demand_elems(a, d, &ne);
	for (size_t k = 0; k < ne; k++) {
		if (!nsp_class_required(m, a->elems[el[k]].cls))
			continue;
		const size_t *cs;
		size_t n = nsp_demand_elem_circuits(a, d, el[k], &cs), hit = 0;
		for (size_t i = 0; i < n; i++)
			hit += m->circuits[cs[i]].kind == NSP_CKIND_PRIVATE;
		if (hit == nprivate)
			return el[k];
	}
	return NSP_NONE;
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	const struct nsp_analysis *a = ctx->fa;
	for (size_t d = 0; d < m->ndemands; d++) {
		const struct nsp_demand *dem = &m->demands[d];
		if (!dem->has_mbps || !nsp_demand_base(a, d)->connected)
			continue;
		size_t nvpn = 0, npriv = 0, last_vpn = 0;
		bool *dead = nsp_xcalloc(dem->ncircuits + 1, sizeof(bool));
		for (size_t i = 0; i < dem->ncircuits; i++) {
			const struct nsp_circuit *ci =
				&m->circuits[dem->circuits[i]];
			if (ci->kind == NSP_CKIND_VPN) {
				nvpn++;
				last_vpn = dem->circuits[i];
			} else {
				npriv++;
				dead[i] = true;
			}
		}
		bool backup = nvpn && npriv &&
			nsp_demand_connected(a, d, dead);
		free(dead);
		if (!backup)
			continue;
		bool capped = false;
		double cap = vpn_capacity(m, dem, &capped);
		if (cap >= (double)dem->mbps * (1 - 1e-9))
			continue;
		size_t cut = private_cut(a, d, npriv);
		char *lab = nsp_demand_label(m, dem);
		char *cs = nsp_mbps(cap);
		char *after;
		if (cut == NSP_NONE) {
			after = nsp_xstrdup("its private circuits fail");
		} else {
			char *el = nsp_elem_label(&a->elems[cut]);
			after = nsp_xasprintf("%s fails (intent.survive: %s)",
					      el,
					      nsp_class_names[a->elems[cut].cls]);
			free(el);
		}
		struct nsp_finding *f = nsp_report_at(
		    ctx, cut == NSP_NONE ? NSP_WARNING : NSP_ERROR,
		    "circuits", last_vpn, "bandwidth_mbps",
		    "when %s, %s runs on its VPN alone, which carries %s "
		    "Mbit/s usable%s, less than its %llu Mbit/s: add "
		    "tunnels (each its own circuit), size the VPN for the "
		    "demand, or add a private backup circuit",
		    after, lab, cs,
		    capped ? " (the provider's published per-tunnel "
		             "bandwidth caps a tunnel)" : "",
		    (unsigned long long)dem->mbps);
		for (size_t i = 0; i < dem->ncircuits; i++)
			if (m->circuits[dem->circuits[i]].kind == NSP_CKIND_VPN)
				nsp_finding_element(
				    f, m->circuits[dem->circuits[i]].id);
		free(after);
		free(cs);
		free(lab);
	}
}

static const char *const refs[] = {
    "AWS Site-to-Site VPN User Guide, Tunnel options for your AWS "
    "Site-to-Site VPN connection (Standard tunnel bandwidth: up to 1.25 "
    "Gbps per tunnel), https://docs.aws.amazon.com/vpn/latest/s2svpn/"
    "VPNTunnels.html",
    "Google Cloud VPN, Topologies that increase bandwidth (250,000 packets "
    "per second per tunnel, between 1 and 3 Gbps), https://cloud.google."
    "com/network-connectivity/docs/vpn/concepts/topologies-increase-"
    "bandwidth",
    NULL,
};

const struct nsp_rule nsp_rule_cap007 = {
    .id = "CAP007",
    .name = "vpn-backup-undersized",
    .severity = NSP_ERROR,
    .title = "a VPN backup cannot carry the demand when the private circuits fail",
    .rationale =
        "An IPsec VPN over the internet (kind: vpn) shares no PoP with the "
        "private circuits, so it is real diversity, and a cheap backup. "
        "But a tunnel carries little: AWS Site-to-Site VPN publishes 1.25 "
        "Gbit/s per tunnel (Standard), Google Cloud HA VPN up to 3 Gbit/s "
        "per tunnel. When the private circuits of a demand fail and only "
        "VPN circuits are left, they must carry the whole demand. A "
        "tunnel counts with the smaller of its bandwidth_mbps and its "
        "provider's published per-tunnel figure (Azure's depends on the "
        "gateway SKU and is not applied), times intent.max_utilization. "
        "The finding is an error when one element of a required class "
        "(intent.survive) takes down every private circuit of the demand, "
        "else a warning.",
    .remediation =
        "Add tunnels (on AWS and Google with BGP and ECMP over them; each "
        "tunnel its own circuit), size the VPN for the demand, or add a "
        "private backup circuit. Mark the VPN role: backup (HA006): AWS "
        "prefers the Direct Connect route over the Site-to-Site VPN route "
        "for the same prefix.",
    .references = refs,
    .fails = "circuits:\n"
             "  - {id: dx1, ..., bandwidth_mbps: 10000}\n"
             "  - {id: vpn1, ..., kind: vpn, bandwidth_mbps: 1250, "
             "role: backup}\n"
             "demands: [{from: dc, to: vpc, mbps: 4000}]\n",
    .passes = "circuits:\n"
              "  - {id: dx1, ..., bandwidth_mbps: 10000}\n"
              "  - {id: vpn1, ..., kind: vpn, bandwidth_mbps: 1250, "
              "role: backup}\n"
              "demands: [{from: dc, to: vpc, mbps: 1000}]\n",
    .check = check,
    .analysis = true,
};
