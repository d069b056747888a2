/*
 * The import findings of IMPORT.md §9 as rules IMPnnn. The importer makes
 * them while it builds the design (lib/import) and hands them over as the
 * model's notes; each rule here reports the notes of its id, so that
 * --select, --ignore, severity overrides, --fail-on, waivers and baselines
 * treat them like any other finding. One file for all of them: they share
 * the one check, and differ only in their words.
 */
#include "rules.h"

#include <string.h>

/* Report the notes of the running rule, where the importer put them. */
static void report_notes(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->nnotes; i++)
		if (!strcmp(m->notes[i].rule, ctx->rule->id))
			nsp_report_note(ctx, &m->notes[i]);
}

static const char *const tf_refs[] = {
	"Terraform, JSON Output Format, "
	"https://developer.hashicorp.com/terraform/internals/json-format",
	"nospof README, \"Importing Terraform\"",
	NULL};

/* One rule: its references, id, name, default severity, and its words. */
#define IMPORT_RULE(REFS, lower, ID, NAME, SEV, TITLE, WHY, FIX, FAILS,       \
		    PASSES)                                                    \
	const struct nsp_rule nsp_rule_##lower = {                             \
		.id = ID,                                                      \
		.name = NAME,                                                  \
		.severity = SEV,                                               \
		.title = TITLE,                                                \
		.rationale = WHY,                                              \
		.remediation = FIX,                                            \
		.references = REFS,                                            \
		.fails = FAILS,                                                \
		.passes = PASSES,                                              \
		.check = report_notes,                                         \
	}
/* A rule of both importers (the Terraform format's references). */
#define IMP_RULE(...) IMPORT_RULE(tf_refs, __VA_ARGS__)

IMP_RULE(imp001, "IMP001", "import-value-unusable", NSP_ERROR,
	 "an imported value is out of range or cannot be read",
	 "A value in the plan that the design format cannot hold (a VLAN "
	 "of 12345, a bandwidth of \"fast\", ASN 0) is left out of the "
	 "written design rather than guessed, so the checks that need it "
	 "run without it. Usually the Terraform configuration itself is "
	 "wrong, and the provider would refuse it at apply time.",
	 "Correct the value in the Terraform configuration, or give the "
	 "field in the overlay.",
	 "{\"address\": \"google_compute_interconnect_attachment.va\",\n"
	 " \"values\": {\"vlan_tag8021q\": 12345}}\n",
	 "{\"address\": \"google_compute_interconnect_attachment.va\",\n"
	 " \"values\": {\"vlan_tag8021q\": 1101}}\n");

IMP_RULE(imp010, "IMP010", "import-link-unresolved", NSP_WARNING,
	 "a link between resources resolves neither by value nor by "
	 "configuration",
	 "A circuit's landing (connection, interconnect, port) is found by "
	 "the value of its attribute, else through the references of the "
	 "plan's configuration. When neither names a resource of the plan, "
	 "the importer puts placeholders where the device and location "
	 "would be, and diversity cannot be judged on them.",
	 "Import the module that holds the landing resource too, or place "
	 "the placeholder router and PoP in the overlay.",
	 "{\"address\": \"google_compute_interconnect_attachment.va\",\n"
	 " \"change\": {\"after_unknown\": {\"interconnect\": true}}}\n"
	 "# and no reference in configuration\n",
	 "{\"address\": \"google_compute_interconnect_attachment.va\",\n"
	 " \"values\": {\"interconnect\": \"ic-iad-1\"}}\n");

IMP_RULE(imp011, "IMP011", "import-link-ambiguous", NSP_WARNING,
	 "a link between resources has several candidates",
	 "A reference to a resource with count or for_each names every "
	 "instance; when the value is unknown at plan time the importer "
	 "cannot tell which instance a circuit lands on, takes the first "
	 "by address and says so. Two circuits may then appear to share a "
	 "connection they do not share, or the reverse.",
	 "Reference one instance (aws_dx_connection.c[0].id), or give the "
	 "circuit's z end in the overlay.",
	 "\"connection_id\": {\"references\": [\"aws_dx_connection.c\"]}\n"
	 "# aws_dx_connection.c[0] and c[1] in the plan\n",
	 "\"connection_id\": {\"references\": "
	 "[\"aws_dx_connection.c[0].id\"]}\n");

IMP_RULE(imp012, "IMP012", "import-plan-incomplete", NSP_WARNING,
	 "the plan is incomplete",
	 "Terraform marks a plan incomplete (complete: false) when it "
	 "deferred some changes; resources may be missing, and the design "
	 "checked is then not the one that will be built.",
	 "Run terraform plan until it completes, then check that plan.",
	 "{\"format_version\": \"1.2\", \"complete\": false, ...}\n",
	 "{\"format_version\": \"1.2\", \"complete\": true, ...}\n");

IMP_RULE(imp020, "IMP020", "import-no-customer-end", NSP_WARNING,
	 "an imported circuit has no customer end",
	 "Terraform holds the cloud side of a circuit, not which CPE router "
	 "and port it lands on. Until the overlay says so, every such "
	 "circuit starts on one shared placeholder router, unassigned-cpe, "
	 "and DIV002 reports the customer side as the single point of "
	 "failure it may be, rather than assuming it away.",
	 "Add the circuit's a end to the overlay: circuits: [{id: ID, a: "
	 "{router: ROUTER, port: PORT}}] (the finding names the entry).",
	 "# overlay without the circuit's a end\n"
	 "nospof_overlay: 1\n",
	 "nospof_overlay: 1\n"
	 "circuits:\n"
	 "  - {id: gva.va, a: {router: cpe-iad-1, port: xe-0/0/0}}\n");

IMP_RULE(imp021, "IMP021", "import-no-bandwidth", NSP_WARNING,
	 "an imported circuit has no bandwidth",
	 "A circuit whose bandwidth is not in the plan is written with 1 "
	 "Mbit/s, so that CAP001 and CAP002 report any sized demand over "
	 "it instead of assuming it fits.",
	 "Set the bandwidth in Terraform (it is usually known at plan "
	 "time), or give bandwidth_mbps in the overlay.",
	 "{\"values\": {\"interconnect\": \"ic\"}}\n",
	 "{\"values\": {\"interconnect\": \"ic\", \"bandwidth\": "
	 "\"BPS_10G\"}}\n");

IMP_RULE(imp022, "IMP022", "import-device-placeholder", NSP_INFO,
	 "a provider device is unknown, its placeholder is in the design",
	 "The provider's device (AWS Direct Connect endpoint, Google "
	 "interconnect) is often known only after apply. Its placeholder "
	 "router stands in for it; two circuits on two placeholders are "
	 "assumed to be on different devices.",
	 "Check the state after apply, or place the router in the overlay.",
	 "{\"change\": {\"after_unknown\": {\"aws_device\": true}}}\n",
	 "{\"values\": {\"aws_device\": \"EqDC2-123h49s71dabc\"}}\n");

IMP_RULE(imp023, "IMP023", "import-location-placeholder", NSP_WARNING,
	 "a provider location is unknown and not placed",
	 "A placeholder PoP that the overlay does not place has no "
	 "facility, metro or edge domain, so DIV004 and DIV005 cannot "
	 "judge the circuits in it.",
	 "Give the PoP's facility, metro and edge_domain in the overlay "
	 "(pops: [{id: ID, facility: ..., metro: ...}]).",
	 "# a placeholder PoP the overlay does not place\n"
	 "nospof_overlay: 1\n",
	 "nospof_overlay: 1\n"
	 "pops:\n"
	 "  - {id: gcp-icn/ic/pop, facility: eq-dc2, metro: iad}\n");

IMP_RULE(imp030, "IMP030", "import-types-not-mapped", NSP_INFO,
	 "the input holds resources of types nospof does not import",
	 "Most of a plan is not interconnect (VPCs, subnets, IAM). They are "
	 "counted by type in one finding, so that a resource type that "
	 "should have been read (a provider nospof does not know yet) is "
	 "visible.",
	 "Nothing, when the types listed are not part of the "
	 "interconnect; else describe those circuits in the overlay.",
	 "{\"address\": \"aws_vpc.main\", \"values\": {...}}\n",
	 "# only interconnect resources in the plan\n");

IMP_RULE(imp031, "IMP031", "import-resource-left-out", NSP_INFO,
	 "a resource of an imported type is left out",
	 "Some resources of the types nospof reads are not circuits of the "
	 "design: a resource the plan deletes or forgets, a public virtual "
	 "interface, a Microsoft peering, the partner's half of a Partner "
	 "Interconnect, a connection without virtual interface. Each is "
	 "named, so that a circuit missing from the design can be traced.",
	 "Nothing, when it is meant; else correct the configuration.",
	 "{\"address\": \"aws_dx_hosted_connection.old\",\n"
	 " \"change\": {\"actions\": [\"delete\"]}}\n",
	 "{\"address\": \"aws_dx_hosted_connection.new\",\n"
	 " \"change\": {\"actions\": [\"create\"]}}\n");

IMP_RULE(imp040, "IMP040", "import-sensitive-value", NSP_WARNING,
	 "a value the importer would map is sensitive",
	 "Values Terraform marks sensitive, and attributes named like a "
	 "key, password, secret or token, never reach any output of "
	 "nospof: they are left out and named <redacted>.",
	 "Nothing to do for secrets; a value that is not secret but "
	 "marked sensitive can be given in the overlay.",
	 "{\"values\": {\"shared_key\": \"...\"}}\n",
	 "{\"values\": {}}\n");

IMP_RULE(imp041, "IMP041", "import-session-not-held", NSP_INFO,
	 "a routing preference or BGP session the design format cannot hold",
	 "The design format holds one BGP session per circuit with its "
	 "preference as role, weight, MED or prepending. A second session "
	 "on the same circuit (an aws_dx_bgp_peer beside the interface's "
	 "own, an ExpressRoute IPv6 peering beside the IPv4 one) or a "
	 "provider-specific ranking of the circuits is not imported; the "
	 "checks then judge the first session alone.",
	 "Nothing, when the first session is the one that matters; else "
	 "describe the preference in the overlay (role, bgp.med, "
	 "bgp.as_path_prepend).",
	 "{\"address\": \"aws_dx_bgp_peer.v6\",\n"
	 " \"values\": {\"address_family\": \"ipv6\", ...}}\n",
	 "# one BGP session per virtual interface\n");


IMP_RULE(imp042, "IMP042", "import-edge-domain-name", NSP_WARNING,
	 "a name suggests another edge domain than the attribute says",
	 "Partner ports and interconnects often carry Google's edge "
	 "availability domain in their name (…-zone1-…); when the name and "
	 "the attribute disagree, one of them is wrong, and diversity "
	 "judged on the wrong one passes two circuits in one domain. The "
	 "attribute is used.",
	 "Check which domain the port really is in, and correct the name "
	 "or the attribute.",
	 "{\"values\": {\"name\": \"iad-zone1-ic\",\n"
	 "  \"edge_availability_domain\": \"AVAILABILITY_DOMAIN_2\"}}\n",
	 "{\"values\": {\"name\": \"iad-zone2-ic\",\n"
	 "  \"edge_availability_domain\": \"AVAILABILITY_DOMAIN_2\"}}\n");



IMP_RULE(imp043, "IMP043", "import-edge-domain-disagrees", NSP_WARNING,
	 "the exchange and the cloud disagree on a circuit's edge domain",
	 "A connection ordered through an exchange (Megaport, Equinix) to "
	 "a cloud appears twice in one plan: as the exchange's connection "
	 "and as the cloud's attachment. When the two name different edge "
	 "domains, the circuits may not be diverse as designed; the "
	 "exchange side, where the port is chosen, is used.",
	 "Order the connection into the domain the cloud side expects, or "
	 "correct the cloud side.",
	 "# Megaport VXC to zone 1, Google attachment in domain 2\n",
	 "# both sides in domain 1\n");



IMP_RULE(imp050, "IMP050", "import-several-gateways", NSP_WARNING,
	 "a circuit is connected to several gateways",
	 "The design gives a circuit one cloud at its far end. A circuit "
	 "connected to several gateways (an ExpressRoute circuit linked to "
	 "two virtual network gateways) is imported towards the smallest "
	 "cloud id, and demands to the others do not see it.",
	 "Describe the other clouds' demands against the cloud imported, "
	 "or split the circuit's use in the overlay.",
	 "# two azurerm_virtual_network_gateway_connection to one circuit\n",
	 "# one connection per circuit\n");


IMP_RULE(imp051, "IMP051", "import-device-several-clouds", NSP_INFO,
	 "a provider device serves several clouds",
	 "A router of the design belongs to one cloud. A provider device "
	 "that serves several (one Direct Connect device under two "
	 "gateways) becomes one router per cloud; their shared failure is "
	 "then not visible to the diversity rules, so the finding names "
	 "the device.",
	 "Tag the circuits on that device with a shared srlg in the "
	 "overlay, so that its failure is counted once.",
	 "# two VIFs on one aws_device, to two Direct Connect gateways\n",
	 "# each device under one gateway\n");


IMP_RULE(imp060, "IMP060", "import-admin-down", NSP_WARNING,
	 "an imported attachment or link is administratively down",
	 "An attachment, session or link that is configured but disabled "
	 "carries nothing; it is imported as is, so the design may count "
	 "on a circuit that is switched off.",
	 "Enable it (admin_enabled: true), or remove it from the design.",
	 "{\"values\": {\"admin_enabled\": false}}\n",
	 "{\"values\": {\"admin_enabled\": true}}\n");

static const char *const nb_refs[] = {
	"NetBox REST API, circuits and dcim serializers, "
	"https://github.com/netbox-community/netbox",
	"nospof README, \"Importing NetBox\"",
	NULL};

/* A NetBox rule: as IMP_RULE, with NetBox's references. */
#define NB_RULE(...) IMPORT_RULE(nb_refs, __VA_ARGS__)

NB_RULE(imp070, "IMP070", "import-end-untraced", NSP_WARNING,
	 "a NetBox circuit end is not traceable to a device",
	 "The importer follows each circuit termination's cable, through "
	 "the front and rear ports of patch panels, to a router interface: "
	 "that router and port are the customer side of the circuit. A path "
	 "that ends on another kind of port, an object missing from the "
	 "responses, a rear port without the front port at the position "
	 "carried, a loop, a cable that splits, or a termination marked "
	 "connected without a cable leaves the circuit's customer side "
	 "unknown (an info when the path reaches another circuit).",
	 "Complete the cabling in NetBox (or save every page of the "
	 "endpoints), or give the circuit's a end in the overlay.",
	 "cable 6: a_terminations [dcim.rearport 1], b_terminations []\n",
	 "cable 6: a_terminations [dcim.rearport 1], b_terminations "
	 "[dcim.rearport 2]\n");

NB_RULE(imp071, "IMP071", "import-circuit-left-out", NSP_INFO,
	 "a NetBox circuit is left out",
	 "Circuits whose status is not active, planned or provisioning, "
	 "circuits inactive in their circuit group, and circuits whose both "
	 "ends reach devices (site to site, not a provider circuit) are not "
	 "imported; each is named so that a missing circuit can be traced.",
	 "Nothing, when it is meant; else correct the status or the "
	 "cabling in NetBox.",
	 "{\"cid\": \"KKDG3310\", \"status\": {\"value\": "
	 "\"decommissioned\"}}\n",
	 "{\"cid\": \"KKDG3310\", \"status\": {\"value\": \"active\"}}\n");

IMP_RULE(imp080, "IMP080", "import-bandwidth-rounded", NSP_INFO,
	 "a bandwidth below 1 Mbit/s is rounded up",
	 "The design format counts bandwidth in whole Mbit/s; a smaller "
	 "circuit (a 500 kbit/s hosted connection) becomes 1 Mbit/s, a "
	 "little more than it carries.",
	 "Nothing, unless the demands over the circuit are sized that "
	 "finely.",
	 "{\"values\": {\"bandwidth\": \"500Kbps\"}}\n",
	 "{\"values\": {\"bandwidth\": \"50Mbps\"}}\n");
