/* How long a circuit's failure takes to notice (FORMAT.md, failover time). */
#include "failover.h"

#include "providers/providers.h"

uint64_t nsp_circuit_failover_ms(const struct nsp_model *m,
				 const struct nsp_circuit *c, bool *never)
{
	*never = false;
	if (c->routing == NSP_ROUTING_STATIC) {
		const struct nsp_health_check *h = &c->health_check;
		if (!h->present) {
			*never = true;
			return UINT64_MAX;
		}
		return (uint64_t)h->interval_s * 1000 +
		       (uint64_t)h->count * h->timeout_s * 1000;
	}
	const struct nsp_bfd *b = &c->bgp.bfd;
	if (b->present && b->local && b->peer) {
		const struct nsp_provider_facts *f =
			nsp_provider_facts(nsp_circuit_provider(m, c));
		uint64_t interval = b->interval_ms, mult = b->multiplier;
		if (f->bfd_min_interval_ms > interval)
			interval = f->bfd_min_interval_ms;
		if (f->bfd_min_multiplier > mult)
			mult = f->bfd_min_multiplier;
		return interval * mult;
	}
	uint32_t provider_s, hold = nsp_circuit_hold_s(m, c, &provider_s);
	uint32_t dpd = nsp_circuit_dpd_s(m, c);
	if (dpd && (!hold || dpd < hold))
		return (uint64_t)dpd * 1000;
	if (!hold) {
		*never = true;
		return UINT64_MAX;
	}
	return (uint64_t)hold * 1000;
}

uint32_t nsp_circuit_dpd_s(const struct nsp_model *m,
			   const struct nsp_circuit *c)
{
	const char *product, *src;
	if (c->kind != NSP_CKIND_VPN)
		return 0;
	return nsp_vpn_dpd_timeout_s(nsp_circuit_provider(m, c), &product,
				     &src);
}

uint32_t nsp_circuit_hold_s(const struct nsp_model *m,
			    const struct nsp_circuit *c, uint32_t *provider_s)
{
	const struct nsp_provider_facts *f =
		nsp_provider_facts(nsp_circuit_provider(m, c));
	/* the provider's hold time is its private product's, not its VPN's */
	*provider_s = c->kind == NSP_CKIND_VPN ? 0 : f->bgp_hold_s;
	if (!c->bgp.hold_s || !*provider_s)
		return c->bgp.hold_s;
	return c->bgp.hold_s < *provider_s ? c->bgp.hold_s : *provider_s;
}
