/*
 * Provider SLA tiers: for each provider that publishes them, the tiers of
 * its private interconnect, strongest first, each with its SLA figure and
 * the topology it needs. Every figure names the public page it comes from
 * (sla.c). A provider without rows has no tiers.
 */
#ifndef NSP_PROVIDERS_SLA_H
#define NSP_PROVIDERS_SLA_H

#include <stdbool.h>
#include <stdint.h>

#include "model/model.h"

struct nsp_sla_tier {
	enum nsp_provider provider;
	const char *name; /* "maximum resiliency" */
	bool has_sla;     /* false: the tier carries no SLA */
	double sla;       /* percent */
	/* the topology it needs, counted on the circuits at the cloud */
	uint32_t circuits; /* connections, at least */
	uint32_t groups;   /* locations (PoPs), or metros when by_metro */
	bool by_metro;
	uint32_t per_group; /* connections in each of those groups */
	uint32_t devices;   /* distinct cloud-side routers */
	uint32_t domains;   /* distinct edge availability domains per group */
	const char *needs;  /* the same, in words */
	bool unpublished;   /* the provider publishes no figure for it */
};

/* The tiers of provider p, strongest first; *n is 0 when it has none. */
const struct nsp_sla_tier *nsp_sla_tiers(enum nsp_provider p, size_t *n);

/*
 * The strongest tier of the provider of cloud endpoint e that the circuits
 * of demand d at that cloud reach: its index in nsp_sla_tiers(), or the
 * number of tiers when it reaches none; *ncircuits is set to how many
 * circuits of d touch the cloud. HA003 and the HTML report both use it.
 */
size_t nsp_sla_reached(const struct nsp_model *m, const struct nsp_demand *d,
                       struct nsp_endpoint e, size_t *ncircuits);

#endif
