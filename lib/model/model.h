/*
 * The typed, resolved design: defaults applied, references turned into
 * indices, and derived views (the circuits that carry each demand).
 * Immutable after nsp_load(); rules only read it.
 */
#ifndef NSP_MODEL_H
#define NSP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "net.h"
#include "locator.h"
#include "util.h"

#define NSP_NONE ((size_t)-1)

enum nsp_provider {
	NSP_PROV_AWS,
	NSP_PROV_AZURE,
	NSP_PROV_GCP,
	NSP_PROV_IBM,
	NSP_PROV_ALIBABA,
	NSP_PROV_OVHCLOUD,
	NSP_PROV_OTC,
	NSP_PROV_ORACLE,
	NSP_PROV_GENERIC,
	NSP_PROV_COUNT
};

enum nsp_router_role { NSP_ROLE_CPE, NSP_ROLE_EDGE, NSP_ROLE_EXCHANGE };
enum nsp_circuit_role { NSP_CROLE_ACTIVE, NSP_CROLE_PRIMARY, NSP_CROLE_BACKUP };
enum nsp_routing { NSP_ROUTING_BGP, NSP_ROUTING_STATIC };
/* What carries a circuit: a private circuit, or an IPsec VPN over the internet. */
enum nsp_circuit_kind { NSP_CKIND_PRIVATE, NSP_CKIND_VPN };
enum nsp_mode { NSP_MODE_ACTIVE_ACTIVE, NSP_MODE_ACTIVE_STANDBY };
enum nsp_hash { NSP_HASH_UNSET, NSP_HASH_L3, NSP_HASH_L4 };

/* Failure classes, in the order FORMAT.md lists them. */
enum nsp_class {
	NSP_CLASS_CIRCUIT,
	NSP_CLASS_PORT,
	NSP_CLASS_ROUTER,
	NSP_CLASS_POP,
	NSP_CLASS_FACILITY,
	NSP_CLASS_METRO,
	NSP_CLASS_EDGE_DOMAIN,
	NSP_CLASS_CARRIER,
	NSP_CLASS_SRLG,
	NSP_CLASS_COUNT
};

extern const char *const nsp_class_names[NSP_CLASS_COUNT];
extern const char *const nsp_provider_names[NSP_PROV_COUNT];

struct nsp_strs {
	const char **v;
	size_t n;
};

struct nsp_prefixes {
	struct nsp_prefix *v;
	size_t n;
};

struct nsp_intent {
	enum nsp_mode mode;
	bool has_availability, has_failover_ms;
	double availability;
	uint64_t failover_ms;
	unsigned survive; /* bit (1 << enum nsp_class) per required class */
	double max_utilization;
	/* intent.failover_test_max_age_days; default 90 when not given */
	bool has_failover_test_max_age;
	uint32_t failover_test_max_age_days;
};

/*
 * Intent defaults from the repository config (.nospof.yaml): each field the
 * config sets applies to designs whose intent leaves that field out.
 */
struct nsp_intent_defaults {
	bool mode, availability, failover_ms, survive, max_utilization;
	struct nsp_intent v;
};

struct nsp_site {
	const char *id, *region;
	const char *source; /* IMPORT.md §3.3, NULL when not given */
	struct nsp_prefixes prefixes;
	bool stateful_firewall;
	struct nsp_loc loc;
	size_t *routers; /* derived: its cpe routers */
	size_t nrouters;
};

struct nsp_cloud {
	const char *id, *region;
	const char *source; /* IMPORT.md §3.3, NULL when not given */
	enum nsp_provider provider;
	struct nsp_prefixes prefixes;
	struct nsp_loc loc;
	size_t *routers; /* derived: its edge routers */
	size_t nrouters;
};

struct nsp_pop {
	const char *id, *region, *metro, *facility, *edge_domain;
	const char *source; /* IMPORT.md §3.3, NULL when not given */
	struct nsp_strs srlg;
	struct nsp_loc loc;
};

struct nsp_router {
	const char *id, *gateway;
	const char *source; /* IMPORT.md §3.3, NULL when not given */
	enum nsp_router_role role;
	size_t site, pop, cloud; /* indices or NSP_NONE */
	bool has_asn;
	uint32_t asn;
	enum nsp_hash ecmp_hash;
	bool policy_routing;
	struct nsp_strs srlg;
	size_t *circuits; /* indices of the circuits on this router */
	size_t ncircuits;
	struct nsp_loc loc;
};

struct nsp_end {
	size_t router;
	const char *port; /* NULL when not given */
};

struct nsp_bfd {
	bool present;
	bool local, peer;
	uint32_t interval_ms, multiplier;
};

struct nsp_bgp {
	uint32_t asn, peer_asn; /* 0 when unknown */
	bool has_ip, has_peer_ip, has_med;
	struct nsp_prefix ip;      /* interface address with prefix length */
	struct nsp_prefix peer_ip; /* host address, full length */
	struct nsp_prefixes advertise, receive;
	bool advertise_explicit, receive_explicit;
	uint32_t *as_path; /* effective AS_PATH */
	size_t as_path_len;
	bool as_path_explicit;
	uint32_t prepend, med, local_pref, keepalive_s, hold_s;
	struct nsp_bfd bfd;
	/*
	 * BGP communities (RFC 1997) the a-side attaches to the routes it
	 * advertises here, each as asn << 16 | value ("7224:7100")
	 */
	uint32_t *communities;
	size_t ncommunities;
};

struct nsp_health_check {
	bool present;
	uint32_t interval_s, timeout_s, count;
};

/* A link aggregation group: members x member_mbps, up while min_links are. */
struct nsp_lag {
	bool present;
	uint32_t members, min_links;
	uint64_t member_mbps;
};

struct nsp_circuit {
	const char *id, *carrier;
	const char *source; /* IMPORT.md §3.3, NULL when not given */
	struct nsp_end a, z;
	uint64_t bandwidth_mbps;
	enum nsp_circuit_kind kind;
	struct nsp_lag lag;
	/* last_failover_test: the date, and the text as written */
	bool has_failover_test;
	struct nsp_date failover_test;
	const char *failover_test_text;
	struct nsp_strs srlg;
	enum nsp_circuit_role role;
	uint32_t weight;
	bool has_mtu, has_vlan;
	uint32_t mtu, vlan;
	enum nsp_routing routing;
	struct nsp_bgp bgp;
	struct nsp_health_check health_check;
	struct nsp_loc loc;
};

enum nsp_endpoint_kind { NSP_EP_SITE, NSP_EP_CLOUD };

struct nsp_endpoint {
	enum nsp_endpoint_kind kind;
	size_t index;
};

/*
 * A stage: the circuits of a demand's paths that touch the routers of one of
 * its endpoints. A single-stage design has one stage; a design chained through
 * exchange routers has one at each end.
 */
struct nsp_stage {
	struct nsp_endpoint at; /* the endpoint whose routers the stage touches */
	size_t *circuits;       /* sorted circuit indices */
	size_t n;
};

struct nsp_demand {
	struct nsp_endpoint from, to;
	bool has_mbps;
	uint64_t mbps;
	bool implicit;  /* a default demand: the file has no 'demands' */
	size_t index;   /* index in 'demands', when explicit */
	struct nsp_loc loc;
	/* derived */
	size_t *circuits; /* every circuit on some path, sorted */
	size_t ncircuits;
	struct nsp_stage stages[2];
	size_t nstages; /* 0 when no path joins the endpoints */
};

struct nsp_waiver {
	const char *rule;
	struct nsp_strs elements;
	const char *reason, *ticket, *expires_text;
	bool has_expires;
	struct nsp_date expires;
	struct nsp_loc loc;
};

/*
 * A finding made while the design was built rather than by a rule (an
 * importer's IMPnnn, IMPORT.md §9). The rule of that id reports it when a
 * run selects it, so selection, severities, waivers and baselines apply.
 */
struct nsp_note {
	char rule[8];       /* "IMP020" */
	unsigned char sev;  /* an enum nsp_severity: 0 info, 1 warning, 2 error */
	struct nsp_loc loc; /* in the model's file */
	char *msg;          /* escaped */
};

struct nsp_model {
	const char *file;
	const char *name, *description;
	struct nsp_intent intent;
	double assumptions[NSP_CLASS_COUNT];
	struct nsp_site *sites;
	size_t nsites;
	struct nsp_cloud *clouds;
	size_t nclouds;
	struct nsp_pop *pops;
	size_t npops;
	struct nsp_router *routers;
	size_t nrouters;
	struct nsp_circuit *circuits;
	size_t ncircuits;
	struct nsp_demand *demands;
	size_t ndemands;
	bool demands_given;
	struct nsp_waiver *waivers;
	size_t nwaivers;
	/* input warnings: text the loader normalised (check reports them) */
	struct nsp_diags warnings;
	/* findings made while the design was built (nsp_model_note) */
	struct nsp_note *notes;
	size_t nnotes;

	/* where each element comes from, and what its source keeps alive */
	struct nsp_locator where;
	/* the model's own storage, and its id index (nsp_model_add_id) */
	struct nsp_arena arena;
	struct nsp_map ids;
};

enum nsp_kind {
	NSP_KIND_SITE = 1,
	NSP_KIND_CLOUD,
	NSP_KIND_POP,
	NSP_KIND_ROUTER,
	NSP_KIND_CIRCUIT
};
extern const char *const nsp_kind_names[];

/* What an id names: its kind and index, or kind 0 when unknown. */
struct nsp_ref {
	enum nsp_kind kind;
	size_t index;
};
struct nsp_ref nsp_model_lookup(const struct nsp_model *m, const char *id);
/*
 * Index id as the element index of kind, declared at loc. Returns NULL, or
 * the entry of the element that already has the id (the index keeps it).
 */
struct nsp_id_entry {
	enum nsp_kind kind;
	size_t index;
	struct nsp_loc loc;
};
const struct nsp_id_entry *nsp_model_add_id(struct nsp_model *m,
					    const char *id,
					    enum nsp_kind kind, size_t index,
					    struct nsp_loc loc);

/* Add a note (a finding made while building m) of rule at loc; copies msg. */
void nsp_model_note(struct nsp_model *m, const char *rule, int sev,
		    struct nsp_loc loc, const char *msg);

/* Where a JSON Pointer of the design is, from its locator ({0, 0}: unknown). */
struct nsp_loc nsp_model_loc(const struct nsp_model *m, const char *pointer);
/* Just past the element at pointer; {0, 0} when unknown. */
struct nsp_loc nsp_model_end(const struct nsp_model *m, const char *pointer);
/* The id of an endpoint, its routers' role and whether a router is its own. */
const char *nsp_endpoint_id(const struct nsp_model *m, struct nsp_endpoint e);
bool nsp_router_in_endpoint(const struct nsp_model *m, size_t router,
			    struct nsp_endpoint e);
/* The end of circuit c on router r (a when both). */
const struct nsp_end *nsp_circuit_end(const struct nsp_circuit *c, size_t r);
/* Build the derived views; called by the loader. */
void nsp_model_derive(struct nsp_model *m);
void nsp_model_free(struct nsp_model *m);

#endif
