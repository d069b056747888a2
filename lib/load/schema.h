/*
 * The raw design as libcyaml loads it, and the libcyaml schema that fills it.
 * Presence of optional fields is read from the source tree, not from these
 * structs, so optional scalars are plain values here.
 */
#ifndef NSP_SCHEMA_H
#define NSP_SCHEMA_H

#include <cyaml/cyaml.h>
#include <stdbool.h>
#include <stdint.h>

struct nsp_raw_intent {
	int mode;
	double availability;
	uint64_t failover_ms;
	int *survive;
	uint32_t survive_count;
	double max_utilization;
	uint32_t failover_test_max_age_days;
};

struct nsp_raw_assumptions {
	double circuit, port, router, pop, facility, metro, edge_domain,
		carrier, srlg;
};

struct nsp_raw_site {
	char *source; /* IMPORT.md §3.3: where it came from */
	char *id, *region;
	char **prefixes;
	uint32_t prefixes_count;
	bool stateful_firewall;
};

struct nsp_raw_cloud {
	char *source; /* IMPORT.md §3.3: where it came from */
	char *id, *region;
	int provider;
	char **prefixes;
	uint32_t prefixes_count;
};

struct nsp_raw_pop {
	char *source; /* IMPORT.md §3.3: where it came from */
	char *id, *region, *metro, *facility, *edge_domain;
	char **srlg;
	uint32_t srlg_count;
};

struct nsp_raw_router {
	char *source; /* IMPORT.md §3.3: where it came from */
	char *id, *site, *pop, *cloud, *gateway;
	int role;
	uint32_t asn;
	int ecmp_hash;
	bool policy_routing;
	char **srlg;
	uint32_t srlg_count;
};

struct nsp_raw_end {
	char *router, *port;
};

struct nsp_raw_bfd {
	bool local, peer;
	uint32_t interval_ms, multiplier;
};

struct nsp_raw_bgp {
	uint32_t asn, peer_asn;
	char *ip, *peer_ip;
	char **advertise;
	uint32_t advertise_count;
	uint32_t *as_path;
	uint32_t as_path_count;
	uint32_t prepend;
	uint32_t med, local_pref;
	char **receive;
	uint32_t receive_count;
	uint32_t keepalive_s, hold_s;
	struct nsp_raw_bfd *bfd;
	char **communities;
	uint32_t communities_count;
};

struct nsp_raw_health {
	uint32_t interval_s, timeout_s, count;
};

struct nsp_raw_lag {
	uint32_t members, min_links;
	uint64_t member_mbps;
};

struct nsp_raw_circuit {
	char *source; /* IMPORT.md §3.3: where it came from */
	char *id;
	struct nsp_raw_end a, z;
	uint64_t bandwidth_mbps;
	char *carrier;
	char **srlg;
	uint32_t srlg_count;
	int role;
	uint32_t weight, mtu, vlan;
	int routing;
	struct nsp_raw_bgp *bgp;
	struct nsp_raw_health *health_check;
	int kind;
	struct nsp_raw_lag *lag;
	char *last_failover_test;
};

struct nsp_raw_demand {
	char *from, *to;
	uint64_t mbps;
};

struct nsp_raw_waiver {
	char *rule;
	char **elements;
	uint32_t elements_count;
	char *reason, *ticket, *expires;
};

struct nsp_raw_design {
	uint32_t nospof;
	char *name, *description;
	struct nsp_raw_intent *intent;
	struct nsp_raw_assumptions *assumptions;
	struct nsp_raw_site *sites;
	uint32_t sites_count;
	struct nsp_raw_cloud *clouds;
	uint32_t clouds_count;
	struct nsp_raw_pop *pops;
	uint32_t pops_count;
	struct nsp_raw_router *routers;
	uint32_t routers_count;
	struct nsp_raw_circuit *circuits;
	uint32_t circuits_count;
	struct nsp_raw_demand *demands;
	uint32_t demands_count;
	struct nsp_raw_waiver *waivers;
	uint32_t waivers_count;
};

/* The top-level libcyaml schema of a design file. */
extern const cyaml_schema_value_t nsp_design_schema;

#endif
