/* How long a circuit's failure takes to notice (FORMAT.md, failover time). */
#ifndef NSP_FAILOVER_H
#define NSP_FAILOVER_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

/*
 * Failover time of circuit c in milliseconds: BFD on both sides gives the
 * negotiated interval (at least the provider's minimum) times the multiplier
 * (at least the provider's minimum); one-sided or no BFD gives the BGP hold
 * time; static routing the health check's interval plus count timeouts.
 * *never is set when the failure is never noticed (static without a health
 * check, BGP with a hold time of 0); the result is then UINT64_MAX.
 */
uint64_t nsp_circuit_failover_ms(const struct nsp_model *m,
				 const struct nsp_circuit *c, bool *never);

#endif
