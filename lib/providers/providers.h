/*
 * Provider facts: one row per provider of FORMAT.md, every figure with the
 * public page it comes from. A figure of 0 (or NSP_TRI_UNKNOWN) is unset:
 * nothing is known, so no limit is applied. SLA tiers live in sla.h.
 */
#ifndef NSP_PROVIDERS_H
#define NSP_PROVIDERS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "model/model.h"

enum nsp_tri { NSP_TRI_UNKNOWN, NSP_TRI_YES, NSP_TRI_NO };

#define NSP_MAX_MTUS 8

struct nsp_provider_facts {
	enum nsp_provider provider;
	const char *product; /* "AWS Direct Connect" */
	/* prefixes the provider accepts from the customer on one session */
	uint32_t prefixes_per_session_v4, prefixes_per_session_v6;
	/* CIDR blocks per gateway and remote subnets per interface */
	uint32_t cidrs_per_gateway, cidrs_per_interface;
	/* BFD: what the provider's side supports */
	uint32_t bfd_min_interval_ms, bfd_max_interval_ms;
	uint32_t bfd_min_multiplier, bfd_max_multiplier;
	/*
	 * The BGP hold time the provider's side offers, in seconds: the
	 * session runs at the smaller of it and the design's hold_s (RFC
	 * 4271, section 4.2)
	 */
	uint32_t bgp_hold_s;
	/* MTUs offered on a circuit (0-terminated), none listed: unknown */
	uint32_t mtus[NSP_MAX_MTUS];
	enum nsp_tri med_honoured;
	enum nsp_tri ecmp_needs_one_region;
	/*
	 * Return traffic: whether the provider prefers a location homed in
	 * the cloud's Region before it compares AS_PATH, and the communities
	 * (asn << 16 | value, 0: none) the customer tags its routes with to
	 * set their local preference, low to high, ahead of both
	 */
	enum nsp_tri home_region_first;
	uint32_t lp_communities[3];
	/* where each group of figures comes from (NULL when none is set) */
	const char *src_prefixes, *src_cidrs, *src_bfd, *src_hold, *src_mtus,
		*src_med, *src_region, *src_return;
};

/* The groups of figures, for nsp_provider_facts_print. */
enum nsp_fact {
	NSP_FACT_PREFIXES = 1 << 0,
	NSP_FACT_CIDRS = 1 << 1,
	NSP_FACT_BFD = 1 << 2,
	NSP_FACT_MTUS = 1 << 3,
	NSP_FACT_MED = 1 << 4,
	NSP_FACT_REGION = 1 << 5,
	NSP_FACT_HOLD = 1 << 6,
	NSP_FACT_RETURN = 1 << 7
};

/* The facts of a provider (generic: nothing known). */
const struct nsp_provider_facts *nsp_provider_facts(enum nsp_provider p);

/* The provider a circuit lands on: its z router's cloud, else generic. */
enum nsp_provider nsp_circuit_provider(const struct nsp_model *m,
				       const struct nsp_circuit *c);

/* Whether provider facts f offer MTU mtu (true when nothing is known). */
bool nsp_provider_offers_mtu(const struct nsp_provider_facts *f, uint32_t mtu);

/*
 * The rank of circuit c's local-preference community at provider f: 1, 2
 * or 3 for the low, medium and high community, 0 when it carries none.
 */
int nsp_lp_community_rank(const struct nsp_provider_facts *f,
			  const struct nsp_circuit *c);

/* "7224:7100" */
void nsp_community_text(uint32_t community, char *buf, size_t n);

/* "1440, 1460, 1500 or 8896" */
char *nsp_provider_mtu_list(const struct nsp_provider_facts *f);

/*
 * Print the figures of the given groups (enum nsp_fact bits) for every
 * provider that has one, each with its source: what `nospof explain` shows
 * under "Provider figures".
 */
void nsp_provider_facts_print(FILE *out, unsigned groups);

/*
 * The bandwidth one IPsec tunnel of the provider carries, Mbit/s, and the
 * page that says so in *src; 0 (and NULL) when the provider publishes none
 * the format can use (vpn.c).
 */
uint64_t nsp_vpn_tunnel_mbps(enum nsp_provider p, const char **src);

/*
 * How long the provider's VPN endpoint waits before it declares a silent
 * peer dead and takes the tunnel down with its routes (dead peer
 * detection, its default), in seconds, with the product's name in
 * *product and the page in *src; 0 (and NULLs) when not published.
 */
uint32_t nsp_vpn_dpd_timeout_s(enum nsp_provider p, const char **product,
			       const char **src);

#endif
