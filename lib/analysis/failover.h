/* How long a circuit's failure takes to notice (FORMAT.md, failover time). */
#ifndef NSP_FAILOVER_H
#define NSP_FAILOVER_H

#include <stdbool.h>
#include <stdint.h>

#include "model/model.h"

/*
 * Failover time of circuit c in milliseconds: BFD on both sides gives the
 * negotiated interval (at least the provider's minimum) times the multiplier
 * (at least the provider's minimum); one-sided or no BFD gives the
 * negotiated BGP hold time (nsp_circuit_hold_s), or for a VPN tunnel the
 * provider's dead peer detection timeout when that is shorter
 * (nsp_circuit_dpd_s); static routing the health
 * check's interval plus count timeouts. *never is set when the failure is
 * never noticed (static without a health check, BGP with a hold time of
 * 0); the result is then UINT64_MAX.
 */
uint64_t nsp_circuit_failover_ms(const struct nsp_model *m,
				 const struct nsp_circuit *c, bool *never);

/*
 * The hold time, in seconds, circuit c's BGP session runs at (RFC 4271,
 * section 4.2): the smaller of hold_s and the provider's hold time (that of
 * its private product: none for a VPN tunnel) where
 * the provider table knows it; 0 (no keepalives, nothing is ever noticed)
 * when hold_s is 0. *provider_s is the provider's figure, 0 when unknown.
 */
uint32_t nsp_circuit_hold_s(const struct nsp_model *m,
			    const struct nsp_circuit *c, uint32_t *provider_s);

/*
 * The dead peer detection timeout, in seconds, after which the provider
 * takes VPN tunnel c down with its routes (nsp_vpn_dpd_timeout_s); 0 for a
 * private circuit or when the provider publishes none.
 */
uint32_t nsp_circuit_dpd_s(const struct nsp_model *m,
			   const struct nsp_circuit *c);

#endif
