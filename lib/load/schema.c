/*
 * The libcyaml schema of a design file (FORMAT.md), built inside out.
 * The loader also walks these tables to validate the source tree first, so
 * that every type error is reported with its position.
 */
#include "schema.h"

#include "model/model.h"

#define OPT CYAML_FLAG_OPTIONAL
#define PTR CYAML_FLAG_POINTER

static const cyaml_strval_t mode_strings[] = {
	{"active-active", NSP_MODE_ACTIVE_ACTIVE},
	{"active-standby", NSP_MODE_ACTIVE_STANDBY},
};

static const cyaml_strval_t class_strings[] = {
	{"circuit", NSP_CLASS_CIRCUIT},	    {"port", NSP_CLASS_PORT},
	{"router", NSP_CLASS_ROUTER},	    {"pop", NSP_CLASS_POP},
	{"facility", NSP_CLASS_FACILITY},   {"metro", NSP_CLASS_METRO},
	{"edge_domain", NSP_CLASS_EDGE_DOMAIN}, {"carrier", NSP_CLASS_CARRIER},
	{"srlg", NSP_CLASS_SRLG},
};

static const cyaml_strval_t provider_strings[] = {
	{"aws", NSP_PROV_AWS},	       {"azure", NSP_PROV_AZURE},
	{"gcp", NSP_PROV_GCP},	       {"ibm", NSP_PROV_IBM},
	{"alibaba", NSP_PROV_ALIBABA}, {"ovhcloud", NSP_PROV_OVHCLOUD},
	{"otc", NSP_PROV_OTC},	       {"oracle", NSP_PROV_ORACLE},
	{"generic", NSP_PROV_GENERIC},
};

static const cyaml_strval_t router_role_strings[] = {
	{"cpe", NSP_ROLE_CPE},
	{"edge", NSP_ROLE_EDGE},
	{"exchange", NSP_ROLE_EXCHANGE},
};

static const cyaml_strval_t hash_strings[] = {
	{"l3", NSP_HASH_L3},
	{"l4", NSP_HASH_L4},
};

static const cyaml_strval_t circuit_role_strings[] = {
	{"active", NSP_CROLE_ACTIVE},
	{"primary", NSP_CROLE_PRIMARY},
	{"backup", NSP_CROLE_BACKUP},
};

static const cyaml_strval_t kind_strings[] = {
	{"private", NSP_CKIND_PRIVATE},
	{"vpn", NSP_CKIND_VPN},
};

static const cyaml_strval_t routing_strings[] = {
	{"bgp", NSP_ROUTING_BGP},
	{"static", NSP_ROUTING_STATIC},
};

static const cyaml_schema_value_t string_entry = {
	CYAML_VALUE_STRING(PTR, char, 0, CYAML_UNLIMITED),
};

static const cyaml_schema_value_t asn_entry = {
	CYAML_VALUE_UINT(CYAML_FLAG_DEFAULT, uint32_t),
};

static const cyaml_schema_value_t class_entry = {
	CYAML_VALUE_ENUM(CYAML_FLAG_STRICT, int, class_strings,
			 CYAML_ARRAY_LEN(class_strings)),
};

#define STR(key, flags, type, member)                                          \
	CYAML_FIELD_STRING_PTR(key, (flags) | PTR, type, member, 0,            \
			       CYAML_UNLIMITED)
#define STRS(key, type, member)                                                \
	CYAML_FIELD_SEQUENCE(key, PTR | OPT, type, member, &string_entry, 0,   \
			     CYAML_UNLIMITED)
#define ENUM(key, flags, type, member, table)                                  \
	CYAML_FIELD_ENUM(key, (flags) | CYAML_FLAG_STRICT, type, member,       \
			 table, CYAML_ARRAY_LEN(table))

static const cyaml_schema_field_t intent_fields[] = {
	ENUM("mode", OPT, struct nsp_raw_intent, mode, mode_strings),
	CYAML_FIELD_FLOAT("availability", OPT, struct nsp_raw_intent,
			  availability),
	CYAML_FIELD_UINT("failover_ms", OPT, struct nsp_raw_intent,
			 failover_ms),
	CYAML_FIELD_SEQUENCE("survive", PTR | OPT, struct nsp_raw_intent,
			     survive, &class_entry, 0, CYAML_UNLIMITED),
	CYAML_FIELD_FLOAT("max_utilization", OPT, struct nsp_raw_intent,
			  max_utilization),
	CYAML_FIELD_UINT("failover_test_max_age_days", OPT,
			 struct nsp_raw_intent, failover_test_max_age_days),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t assumption_fields[] = {
	CYAML_FIELD_FLOAT("circuit", OPT, struct nsp_raw_assumptions, circuit),
	CYAML_FIELD_FLOAT("port", OPT, struct nsp_raw_assumptions, port),
	CYAML_FIELD_FLOAT("router", OPT, struct nsp_raw_assumptions, router),
	CYAML_FIELD_FLOAT("pop", OPT, struct nsp_raw_assumptions, pop),
	CYAML_FIELD_FLOAT("facility", OPT, struct nsp_raw_assumptions,
			  facility),
	CYAML_FIELD_FLOAT("metro", OPT, struct nsp_raw_assumptions, metro),
	CYAML_FIELD_FLOAT("edge_domain", OPT, struct nsp_raw_assumptions,
			  edge_domain),
	CYAML_FIELD_FLOAT("carrier", OPT, struct nsp_raw_assumptions, carrier),
	CYAML_FIELD_FLOAT("srlg", OPT, struct nsp_raw_assumptions, srlg),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t site_fields[] = {
	STR("id", CYAML_FLAG_DEFAULT, struct nsp_raw_site, id),
	STR("source", OPT, struct nsp_raw_site, source),
	STR("region", OPT, struct nsp_raw_site, region),
	STRS("prefixes", struct nsp_raw_site, prefixes),
	CYAML_FIELD_BOOL("stateful_firewall", OPT, struct nsp_raw_site,
			 stateful_firewall),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t cloud_fields[] = {
	STR("id", CYAML_FLAG_DEFAULT, struct nsp_raw_cloud, id),
	STR("source", OPT, struct nsp_raw_cloud, source),
	ENUM("provider", CYAML_FLAG_DEFAULT, struct nsp_raw_cloud, provider,
	     provider_strings),
	STR("region", OPT, struct nsp_raw_cloud, region),
	STRS("prefixes", struct nsp_raw_cloud, prefixes),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t pop_fields[] = {
	STR("id", CYAML_FLAG_DEFAULT, struct nsp_raw_pop, id),
	STR("source", OPT, struct nsp_raw_pop, source),
	STR("region", OPT, struct nsp_raw_pop, region),
	STR("metro", OPT, struct nsp_raw_pop, metro),
	STR("facility", OPT, struct nsp_raw_pop, facility),
	STR("edge_domain", OPT, struct nsp_raw_pop, edge_domain),
	STRS("srlg", struct nsp_raw_pop, srlg),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t router_fields[] = {
	STR("id", CYAML_FLAG_DEFAULT, struct nsp_raw_router, id),
	STR("source", OPT, struct nsp_raw_router, source),
	ENUM("role", CYAML_FLAG_DEFAULT, struct nsp_raw_router, role,
	     router_role_strings),
	STR("site", OPT, struct nsp_raw_router, site),
	STR("pop", OPT, struct nsp_raw_router, pop),
	STR("cloud", OPT, struct nsp_raw_router, cloud),
	STR("gateway", OPT, struct nsp_raw_router, gateway),
	CYAML_FIELD_UINT("asn", OPT, struct nsp_raw_router, asn),
	ENUM("ecmp_hash", OPT, struct nsp_raw_router, ecmp_hash, hash_strings),
	CYAML_FIELD_BOOL("policy_routing", OPT, struct nsp_raw_router,
			 policy_routing),
	STRS("srlg", struct nsp_raw_router, srlg),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t end_fields[] = {
	STR("router", CYAML_FLAG_DEFAULT, struct nsp_raw_end, router),
	STR("port", OPT, struct nsp_raw_end, port),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t bfd_fields[] = {
	CYAML_FIELD_BOOL("local", OPT, struct nsp_raw_bfd, local),
	CYAML_FIELD_BOOL("peer", OPT, struct nsp_raw_bfd, peer),
	CYAML_FIELD_UINT("interval_ms", OPT, struct nsp_raw_bfd, interval_ms),
	CYAML_FIELD_UINT("multiplier", OPT, struct nsp_raw_bfd, multiplier),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t bgp_fields[] = {
	CYAML_FIELD_UINT("asn", OPT, struct nsp_raw_bgp, asn),
	CYAML_FIELD_UINT("peer_asn", OPT, struct nsp_raw_bgp, peer_asn),
	STR("ip", OPT, struct nsp_raw_bgp, ip),
	STR("peer_ip", OPT, struct nsp_raw_bgp, peer_ip),
	STRS("advertise", struct nsp_raw_bgp, advertise),
	CYAML_FIELD_SEQUENCE("as_path", PTR | OPT, struct nsp_raw_bgp, as_path,
			     &asn_entry, 0, CYAML_UNLIMITED),
	CYAML_FIELD_UINT("prepend", OPT, struct nsp_raw_bgp, prepend),
	CYAML_FIELD_UINT("med", OPT, struct nsp_raw_bgp, med),
	CYAML_FIELD_UINT("local_pref", OPT, struct nsp_raw_bgp, local_pref),
	STRS("receive", struct nsp_raw_bgp, receive),
	CYAML_FIELD_UINT("keepalive_s", OPT, struct nsp_raw_bgp, keepalive_s),
	CYAML_FIELD_UINT("hold_s", OPT, struct nsp_raw_bgp, hold_s),
	CYAML_FIELD_MAPPING_PTR("bfd", OPT, struct nsp_raw_bgp, bfd,
				bfd_fields),
	STRS("communities", struct nsp_raw_bgp, communities),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t health_fields[] = {
	CYAML_FIELD_UINT("interval_s", OPT, struct nsp_raw_health, interval_s),
	CYAML_FIELD_UINT("timeout_s", OPT, struct nsp_raw_health, timeout_s),
	CYAML_FIELD_UINT("count", OPT, struct nsp_raw_health, count),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t lag_fields[] = {
	CYAML_FIELD_UINT("members", CYAML_FLAG_DEFAULT, struct nsp_raw_lag,
			 members),
	CYAML_FIELD_UINT("member_mbps", CYAML_FLAG_DEFAULT, struct nsp_raw_lag,
			 member_mbps),
	CYAML_FIELD_UINT("min_links", OPT, struct nsp_raw_lag, min_links),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t circuit_fields[] = {
	STR("id", CYAML_FLAG_DEFAULT, struct nsp_raw_circuit, id),
	STR("source", OPT, struct nsp_raw_circuit, source),
	CYAML_FIELD_MAPPING("a", CYAML_FLAG_DEFAULT, struct nsp_raw_circuit, a,
			    end_fields),
	CYAML_FIELD_MAPPING("z", CYAML_FLAG_DEFAULT, struct nsp_raw_circuit, z,
			    end_fields),
	CYAML_FIELD_UINT("bandwidth_mbps", CYAML_FLAG_DEFAULT,
			 struct nsp_raw_circuit, bandwidth_mbps),
	STR("carrier", OPT, struct nsp_raw_circuit, carrier),
	STRS("srlg", struct nsp_raw_circuit, srlg),
	ENUM("role", OPT, struct nsp_raw_circuit, role, circuit_role_strings),
	CYAML_FIELD_UINT("weight", OPT, struct nsp_raw_circuit, weight),
	CYAML_FIELD_UINT("mtu", OPT, struct nsp_raw_circuit, mtu),
	CYAML_FIELD_UINT("vlan", OPT, struct nsp_raw_circuit, vlan),
	ENUM("routing", OPT, struct nsp_raw_circuit, routing, routing_strings),
	CYAML_FIELD_MAPPING_PTR("bgp", OPT, struct nsp_raw_circuit, bgp,
				bgp_fields),
	CYAML_FIELD_MAPPING_PTR("health_check", OPT, struct nsp_raw_circuit,
				health_check, health_fields),
	ENUM("kind", OPT, struct nsp_raw_circuit, kind, kind_strings),
	CYAML_FIELD_MAPPING_PTR("lag", OPT, struct nsp_raw_circuit, lag,
				lag_fields),
	STR("last_failover_test", OPT, struct nsp_raw_circuit,
	    last_failover_test),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t demand_fields[] = {
	STR("from", CYAML_FLAG_DEFAULT, struct nsp_raw_demand, from),
	STR("to", CYAML_FLAG_DEFAULT, struct nsp_raw_demand, to),
	CYAML_FIELD_UINT("mbps", OPT, struct nsp_raw_demand, mbps),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t waiver_fields[] = {
	STR("rule", CYAML_FLAG_DEFAULT, struct nsp_raw_waiver, rule),
	STRS("elements", struct nsp_raw_waiver, elements),
	STR("reason", CYAML_FLAG_DEFAULT, struct nsp_raw_waiver, reason),
	STR("ticket", OPT, struct nsp_raw_waiver, ticket),
	STR("expires", OPT, struct nsp_raw_waiver, expires),
	CYAML_FIELD_END,
};

#define ENTRY(name, type, fields)                                              \
	static const cyaml_schema_value_t name = {                             \
		CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, type, fields),         \
	}
ENTRY(site_entry, struct nsp_raw_site, site_fields);
ENTRY(cloud_entry, struct nsp_raw_cloud, cloud_fields);
ENTRY(pop_entry, struct nsp_raw_pop, pop_fields);
ENTRY(router_entry, struct nsp_raw_router, router_fields);
ENTRY(circuit_entry, struct nsp_raw_circuit, circuit_fields);
ENTRY(demand_entry, struct nsp_raw_demand, demand_fields);
ENTRY(waiver_entry, struct nsp_raw_waiver, waiver_fields);

#define LIST(key, member, entry)                                               \
	CYAML_FIELD_SEQUENCE(key, PTR | OPT, struct nsp_raw_design, member,    \
			     &entry, 0, CYAML_UNLIMITED)

static const cyaml_schema_field_t design_fields[] = {
	CYAML_FIELD_UINT("nospof", CYAML_FLAG_DEFAULT, struct nsp_raw_design,
			 nospof),
	STR("name", CYAML_FLAG_DEFAULT, struct nsp_raw_design, name),
	STR("description", OPT, struct nsp_raw_design, description),
	CYAML_FIELD_MAPPING_PTR("intent", OPT, struct nsp_raw_design, intent,
				intent_fields),
	CYAML_FIELD_MAPPING_PTR("assumptions", OPT, struct nsp_raw_design,
				assumptions, assumption_fields),
	LIST("sites", sites, site_entry),
	LIST("clouds", clouds, cloud_entry),
	LIST("pops", pops, pop_entry),
	LIST("routers", routers, router_entry),
	LIST("circuits", circuits, circuit_entry),
	LIST("demands", demands, demand_entry),
	LIST("waivers", waivers, waiver_entry),
	CYAML_FIELD_END,
};

const cyaml_schema_value_t nsp_design_schema = {
	CYAML_VALUE_MAPPING(PTR, struct nsp_raw_design, design_fields),
};
