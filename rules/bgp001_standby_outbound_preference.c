/* BGP001: a backup's local_pref is not lower than every primary's. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "routing.h"
#include "providers/sources.h"

static void stage(struct nsp_ctx *ctx, const struct nsp_members *s)
{
	const struct nsp_model *m = s->m;
	size_t *buf = nsp_xmalloc(s->n * sizeof(*buf)), np = 0;
	for (size_t i = 0; i < s->n; i++)
		if (nsp_picked(&m->circuits[s->c[i]], NSP_PICK_PREFERRED))
			buf[np++] = s->c[i];
	struct nsp_members p = {m, s->d, buf, np};
	for (size_t i = 0; np && i < s->n; i++) {
		const struct nsp_circuit *b = &m->circuits[s->c[i]];
		if (b->role != NSP_CROLE_BACKUP || nsp_outbound_marked(&p, b))
			continue;
		struct nsp_buf list = {0};
		size_t n = 0;
		for (size_t k = 0; k < np; k++) {
			const struct nsp_circuit *c = &m->circuits[buf[k]];
			if (c->bgp.local_pref > b->bgp.local_pref)
				continue;
			nsp_buf_printf(&list, "%s'%s' (%" PRIu32 ")",
				       n++ ? ", " : "", c->id,
				       c->bgp.local_pref);
		}
		char *l = nsp_buf_detach(&list),
		     *dem = nsp_demand_label(m, s->d);
		char ptr[64], fptr[96];
		nsp_circuit_pointers(m, b, "bgp/local_pref", ptr, sizeof(ptr),
				     fptr, sizeof(fptr));
		struct nsp_finding *f = nsp_report(
			ctx, ctx->rule->severity, ptr, fptr,
			"backup circuit '%s' of %s has local_pref %" PRIu32
			", not lower than primary %s: the CPEs may send "
			"outbound traffic over the backup; give the primaries "
			"a higher local_pref than the backup (OVHcloud's "
			"resilient-architecture guide uses 200 on the primary, "
			"100 on the backup)",
			b->id, dem, b->bgp.local_pref, l);
		nsp_finding_element(f, b->id);
		for (size_t k = 0; k < np; k++) {
			const struct nsp_circuit *c = &m->circuits[buf[k]];
			if (c->bgp.local_pref > b->bgp.local_pref)
				continue;
			nsp_relate_circuit(f, m, c, "bgp/local_pref",
					   "primary circuit");
		}
		free(l);
		free(dem);
	}
	free(buf);
}

static void check(struct nsp_ctx *ctx)
{
	nsp_each_picked_stage(ctx, NSP_PICK_BGP, 2, stage);
}

static const char *const refs[] = {
	NSP_SRC_OVH " (\"Local "
	"Preference: controls outbound path preference (higher = "
	"preferred)\"; primary 200, backup 100)",
	"RFC 4271, section 5.1.5 (LOCAL_PREF)",
	NULL,
};

const struct nsp_rule nsp_rule_bgp001 = {
	.id = "BGP001",
	.name = "standby-outbound-preference",
	.severity = NSP_ERROR,
	.title = "a backup circuit is not less preferred for outbound traffic",
	.rationale =
		"In an active-standby design the CPEs choose the circuit for "
		"outbound traffic by the local preference they set on the "
		"routes they learn from the provider. A backup circuit "
		"(role: backup) whose local_pref is not lower than every "
		"primary's ties with or beats the primary, so traffic leaves "
		"over the standby circuit, or over both, while the return "
		"traffic and the capacity plan assume the primary. The rule "
		"judges every demand stage with both primary (or active) "
		"and backup BGP circuits.",
	.remediation =
		"Set a higher local_pref on the routes learned over the "
		"primary circuits than over the backups, as OVHcloud's "
		"resilient-architecture guide does "
		"(route-map PRIMARY-IN set local-preference 200, BACKUP-IN "
		"100).",
	.references = refs,
	.fails = "intent: {mode: active-standby}\n"
		 "circuits:\n"
		 "  - {id: occ-1, role: primary, ..., bgp: {local_pref: 100}}\n"
		 "  - {id: occ-2, role: backup, ..., bgp: {local_pref: 100, "
		 "prepend: 2}}\n",
	.passes =
		"intent: {mode: active-standby}\n"
		"circuits:\n"
		"  - {id: occ-1, role: primary, ..., bgp: {local_pref: 200}}\n"
		"  - {id: occ-2, role: backup, ..., bgp: {local_pref: 100, "
		"prepend: 2}}\n",
	.check = check,
};
