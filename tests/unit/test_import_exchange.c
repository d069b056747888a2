/*
 * Tests of the Terraform importer's exchanges and router parts (IMPORT.md
 * §5.1, §5.3, §5.7-§5.9): the Megaport, Equinix and Google BGP fixtures
 * byte for byte with their check findings, each passing and failing
 * diversity; the joins of a VXC or connection with its cloud's resource;
 * IMP031, IMP041, IMP042, IMP043, IMP051, IMP060; AWS LAGs; secrets.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

/* Run `nospof ARGS` in the test directory; returns the exit status. */
static int in_tmp(const char *args, char **out)
{
	char *bin = realpath(nospof_bin(), NULL);
	ck_assert_ptr_nonnull(bin);
	char *cmd = nsp_xasprintf("cd %s && %s %s", tmpdir, bin, args);
	int st = run_cmd(cmd, out);
	free(cmd);
	free(bin);
	return st;
}

/* Import plan.json of the test directory into design.yaml; check it. */
static int check_written(void)
{
	char *bin = realpath(nospof_bin(), NULL);
	char *cmd = nsp_xasprintf("cd %s && %s import terraform plan.json "
				  "-o design.yaml 2>/dev/null && %s check "
				  "--no-config design.yaml >/dev/null 2>&1",
				  tmpdir, bin, bin);
	int st = run_cmd(cmd, NULL);
	free(cmd);
	free(bin);
	return st;
}

/* Import plan text written to the test directory (stderr too). */
static int import_plan(const char *plan, char **out)
{
	char *path = nsp_xasprintf("%s/plan.json", tmpdir);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(plan, f);
	fclose(f);
	free(path);
	return in_tmp("import terraform plan.json 2>&1", out);
}

/* The check findings of out as "FILE:LINE:COL severity RULE" lines. */
static char *findings(const char *out)
{
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "");
	for (const char *l = out; *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) : strlen(l);
		char *line = nsp_xstrndup(l, n);
		char *sev = strstr(line, ": warning: ");
		if (!sev)
			sev = strstr(line, ": error: ");
		if (!sev)
			sev = strstr(line, ": info: ");
		char *rule = strrchr(line, '[');
		if (sev && rule && line[n - 1] == ']') {
			char *s = sev + 2, *se = strchr(s, ':');
			nsp_buf_printf(&b, "%.*s %.*s %.*s\n", (int)(sev - line),
				       line, (int)(se - s), s,
				       (int)(strlen(rule) - 2), rule + 1);
		}
		free(line);
		l += n + (e != NULL);
	}
	return nsp_buf_detach(&b);
}

static const char *const fixtures[] = {"megaport-gcp", "equinix-gcp",
				       "gcp-dedicated-bgp"};

/* Each fixture: the golden design and its check findings, exit 0. */
START_TEST(fixtures_pass)
{
	for (size_t i = 0; i < 3; i++) {
		char *out = NULL, *cmd, *p;
		cmd = nsp_xasprintf("cd tests/import/%s && ../../../build/"
				    "nospof import terraform plan.json "
				    "--overlay overlay.yaml 2>/dev/null",
				    fixtures[i]);
		ck_assert_int_eq(run_cmd(cmd, &out), 0);
		p = nsp_xasprintf("tests/import/%s/expected.yaml", fixtures[i]);
		char *want = read_text(p);
		ck_assert_str_eq(out, want);
		free(want);
		free(p);
		free(out);
		free(cmd);
		/* the import findings on standard error */
		cmd = nsp_xasprintf("cd tests/import/%s && ../../../build/"
				    "nospof import terraform plan.json "
				    "--overlay overlay.yaml 2>&1 >/dev/null",
				    fixtures[i]);
		ck_assert_int_eq(run_cmd(cmd, &out), 0);
		ck_assert_ptr_null(strstr(out, "IMP010"));
		if (i == 2) {
			ck_assert_ptr_nonnull(strstr(out, "plan.json:16:9: info: "
				"the provider ranks the circuits of cloud "
				"'gcp-vpc/prod' differently (va.fra-1/gva.default "
				"advertised_route_priority 100, va.fra-2/gva."
				"default advertised_route_priority 200)"));
			ck_assert_ptr_nonnull(strstr(out, "google_compute_router_"
				"interface.vpn[\"0\"]: left out, an HA VPN "
				"interface (vpn_tunnel) with BGP peer google_"
				"compute_router_peer.vpn[\"0\"]; VPN tunnels are "
				"not circuits yet [IMP031]"));
		}
		free(out);
		free(cmd);
		cmd = nsp_xasprintf("cd tests/import/%s && ../../../build/"
				    "nospof check --no-config --import "
				    "terraform:plan.json --overlay overlay.yaml "
				    "2>/dev/null", fixtures[i]);
		ck_assert_int_eq(run_cmd(cmd, &out), 0);
		ck_assert_ptr_nonnull(strstr(out, "verdict: pass"));
		char *got = findings(out);
		p = nsp_xasprintf("tests/import/%s/expected-check.txt",
				  fixtures[i]);
		want = read_text(p);
		ck_assert_str_eq(got, want);
		free(want);
		free(got);
		free(p);
		free(out);
		free(cmd);
	}
}
END_TEST

/* Megaport after apply: the VXCs join by pairing key, compared in memory. */
START_TEST(megaport_state)
{
	char *out = NULL;
	char *want = read_text("tests/import/megaport-gcp/expected-state.yaml");
	ck_assert_int_eq(run_cmd("cd tests/import/megaport-gcp && ../../../"
				 "build/nospof import terraform state.json "
				 "--overlay overlay.yaml 2>/dev/null", &out), 0);
	ck_assert_str_eq(out, want);
	ck_assert_ptr_null(strstr(out, "DO-NOT-PRINT"));
	ck_assert_ptr_null(strstr(out, "id: megaport/vxc.google"));
	free(out);
	free(want);
	ck_assert_int_eq(run_cmd("cd tests/import/megaport-gcp && ../../../"
				 "build/nospof check --no-config --import "
				 "terraform:state.json --overlay overlay.yaml "
				 "-f sarif 2>&1", &out), 0);
	ck_assert_ptr_null(strstr(out, "DO-NOT-PRINT"));
	ck_assert_ptr_nonnull(strstr(out, "state.json"));
	free(out);
}
END_TEST

/*
 * The same fixtures failing diversity: both Google VXCs on one partner
 * port (DIV001; the name says zone 2: IMP042; the attachment is in
 * domain 2: IMP043), both Equinix connections to the Zone 1 profile
 * (DIV004, IMP043), both attachments on one interconnect (DIV001).
 */
START_TEST(fixtures_fail)
{
	static const char *const cases[][4] = {
		{"megaport-gcp", "s/0c8b5f7d-1e64-4d7b-9a57-61d2e0f3a4b8\"}/"
		 "9f3e3c1a-5c39-4a0e-8a0c-2b6f0c1d7e21\"}/",
		 "all end on edge router 'mp-pp/65-any/singapore-sin-zone1-"
		 "2260'", "[DIV001]"},
		{"equinix-gcp", "s/\"uuid\": \"769a9fa2-ab6c-4dc3-8d2b-"
		 "1c4b6c8e3a0f\"}], \"location\"/\"uuid\": \"bd4570e2-d792-"
		 "4a00-87f5-3bde040cdcd7\"}], \"location\"/",
		 "all land in PoP 'gcp-ead/asia-southeast1/1'", "[DIV004]"},
		{"gcp-dedicated-bgp", "s#interconnects/ic-fra-2\"#"
		 "interconnects/ic-fra-1\"#",
		 "all end on edge router 'gcp-icn/ic-fra-1'", "[DIV001]"},
	};
	for (size_t i = 0; i < 3; i++) {
		char *out = NULL;
		char *cmd = nsp_xasprintf("sed '%s' tests/import/%s/plan.json "
					  "> %s/plan.json && cp tests/import/"
					  "%s/overlay.yaml %s/", cases[i][1],
					  cases[i][0], tmpdir, cases[i][0],
					  tmpdir);
		ck_assert_int_eq(run_cmd(cmd, NULL), 0);
		free(cmd);
		ck_assert_int_eq(in_tmp("check --no-config --import terraform:"
					"plan.json --overlay overlay.yaml 2>&1",
					&out), 1);
		ck_assert_msg(strstr(out, cases[i][2]), "%s: %s", cases[i][0],
			      out);
		ck_assert_ptr_nonnull(strstr(out, cases[i][3]));
		if (i < 2)
			ck_assert_ptr_nonnull(strstr(out, "exchange side and "
				"cloud side disagree on the edge domain "
				"(zone 1 at the exchange, 2 at google_compute_"
				"interconnect_attachment."));
		if (i == 0)
			ck_assert_ptr_nonnull(strstr(out, "the name 'Google VXC "
				"Zone 2' suggests zone 2, but the partner port "
				"is in zone 1; the port's zone is used "
				"[IMP042]"));
		free(out);
	}
}
END_TEST

/* The MCR of a VXC to AWS, joined with the VIF on its hosted connection. */
static const char mcr_aws[] =
	"{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": "
	"{\"resources\": [\n"
	"{\"address\": \"megaport_mcr.m\", \"values\": {\"product_name\": "
	"\"MCR\", \"location_id\": 65, \"diversity_zone\": \"red\", \"asn\": "
	"133937}},\n"
	"{\"address\": \"megaport_port.p1\", \"values\": {\"location_id\": 65, "
	"\"diversity_zone\": \"red\"}},\n"
	"{\"address\": \"megaport_port.p2\", \"values\": {\"location_id\": 3, "
	"\"diversity_zone\": \"blue\"}},\n"
	"{\"address\": \"megaport_vxc.p2p\", \"values\": {\"rate_limit\": 100, "
	"\"a_end\": {}, \"b_end\": {}}},\n"
	"{\"address\": \"data.megaport_partner.aws\", \"mode\": \"data\", "
	"\"values\": {\"product_uid\": \"aws-uid-1\", \"product_name\": "
	"\"Asia Pacific (Singapore) (ap-southeast-1)\", \"location_id\": 66, "
	"\"diversity_zone\": \"red\", \"connect_type\": \"AWSHC\"}},\n"
	"{\"address\": \"megaport_vxc.aws\", \"values\": {\"product_name\": "
	"\"AWS VXC\", \"rate_limit\": 500, \"a_end\": {\"ordered_vlan\": 0}, "
	"\"b_end\": {\"requested_product_uid\": \"aws-uid-1\"}, "
	"\"a_end_partner_config\": {\"partner\": \"vrouter\", "
	"\"vrouter_config\": {\"interfaces\": [{\"ip_addresses\": "
	"[\"169.254.30.1/30\"], \"bgp_connections\": [{\"local_asn\": 133937, "
	"\"peer_asn\": 64512, \"peer_ip_address\": \"169.254.30.2\", "
	"\"med_out\": 50, \"as_path_prepend_count\": 2, \"bfd_enabled\": false, "
	"\"password\": \"pw-TOPSECRET\"}, {\"local_asn\": 133937, "
	"\"peer_asn\": 64512}]}]}}, \"b_end_partner_config\": {\"partner\": "
	"\"aws\", \"aws_config\": {\"type\": \"private\", \"connect_type\": "
	"\"AWSHC\", \"owner_account\": \"123456789012\", \"auth_key\": "
	"\"auth-TOPSECRET\"}}}},\n"
	"{\"address\": \"aws_dx_private_virtual_interface.v\", \"values\": "
	"{\"vlan\": 301, \"bgp_asn\": 133937, \"dx_gateway_id\": \"dxgw-1\", "
	"\"bgp_auth_key\": \"vif-TOPSECRET\"}}\n"
	"]}}, \"resource_changes\": [\n"
	"{\"address\": \"megaport_vxc.p2p\", \"change\": {\"actions\": "
	"[\"create\"], \"after_unknown\": {\"a_end\": {\"requested_product_"
	"uid\": true}, \"b_end\": {\"requested_product_uid\": true}}}},\n"
	"{\"address\": \"megaport_vxc.aws\", \"change\": {\"actions\": "
	"[\"create\"], \"after_unknown\": {\"a_end\": {\"requested_product_"
	"uid\": true}, \"csp_connections\": true}}},\n"
	"{\"address\": \"aws_dx_private_virtual_interface.v\", \"change\": "
	"{\"actions\": [\"create\"], \"after_unknown\": {\"connection_id\": "
	"true}}}\n"
	"], \"configuration\": {\"root_module\": {\"resources\": [\n"
	"{\"address\": \"megaport_vxc.p2p\", \"expressions\": {\"a_end\": "
	"{\"references\": [\"megaport_port.p1.product_uid\", "
	"\"megaport_port.p1\"]}, \"b_end\": {\"references\": "
	"[\"megaport_port.p2.product_uid\", \"megaport_port.p2\"]}}},\n"
	"{\"address\": \"megaport_vxc.aws\", \"expressions\": {\"a_end\": "
	"{\"references\": [\"megaport_mcr.m.product_uid\", "
	"\"megaport_mcr.m\"]}}},\n"
	"{\"address\": \"aws_dx_private_virtual_interface.v\", "
	"\"expressions\": {\"connection_id\": {\"references\": "
	"[\"megaport_vxc.aws.csp_connections[0].connection_id\", "
	"\"megaport_vxc.aws\"]}}}\n"
	"]}}}\n";

/* MCR to AWS: the VIF keeps its id and takes the exchange side. */
START_TEST(megaport_aws)
{
	char *out = NULL;
	ck_assert_int_eq(import_plan(mcr_aws, &out), 0);
	ck_assert_ptr_null(strstr(out, "TOPSECRET"));
	ck_assert_ptr_null(strstr(out, "IMP010"));
	ck_assert_ptr_null(strstr(out, "IMP030"));
	ck_assert_ptr_null(strstr(out, "id: vxc.aws"));
	ck_assert_ptr_nonnull(strstr(out, "megaport_vxc.p2p: left out, a "
				     "port-to-port VXC (megaport_port.p1 to "
				     "megaport_port.p2) joins no cloud "
				     "[IMP031]"));
	ck_assert_ptr_nonnull(strstr(out, "2 BGP connections on the "
				     "interface; the first is imported "
				     "[IMP041]"));
	ck_assert_ptr_nonnull(strstr(out, "  - id: dxvif.v\n"
		"    source: terraform:aws_dx_private_virtual_interface.v\n"
		"    a: {router: mcr.m}\n"
		"    z: {router: mp-pp/66-red/asia-pacific-singapore-ap-"
		"southeast-1}\n"
		"    bandwidth_mbps: 500\n"
		"    carrier: megaport\n"
		"    vlan: 301\n"
		"    bgp: {asn: 133937, peer_asn: 64512, ip: 169.254.30.1/30, "
		"peer_ip: '169.254.30.2', prepend: 2, med: 50, bfd: {local: "
		"false}}\n"));
	ck_assert_ptr_nonnull(strstr(out, "{id: mcr.m, source: terraform:"
		"megaport_mcr.m, role: exchange, pop: mp-loc/65, srlg: "
		"[mp-zone-65-red], asn: 133937}"));
	ck_assert_ptr_nonnull(strstr(out, "{id: mp-pp/66-red/asia-pacific-"
		"singapore-ap-southeast-1, source: terraform:data.megaport_"
		"partner.aws, role: edge, pop: mp-loc/66, cloud: "
		"aws-dxgw/dxgw-1}"));
	free(out);
	/* the design it writes is one check reads */
	ck_assert_int_lt(check_written(), 2);
}
END_TEST

/* One interconnect serving attachments of two VPCs: a router per cloud. */
START_TEST(device_per_cloud)
{
	char *out = NULL;
	ck_assert_int_eq(import_plan(
		"{\"format_version\": \"1.0\", \"values\": {\"root_module\": "
		"{\"resources\": [\n"
		"{\"address\": \"google_compute_router.a\", \"values\": {\"name\": "
		"\"cr-a\", \"region\": \"us-east4\", \"network\": \"vpc-a\"}},\n"
		"{\"address\": \"google_compute_router.b\", \"values\": {\"name\": "
		"\"cr-b\", \"region\": \"us-east4\", \"network\": \"vpc-b\"}},\n"
		"{\"address\": \"google_compute_interconnect.ic\", \"values\": "
		"{\"name\": \"ic-1\", \"location\": \"iad-zone1-1\"}},\n"
		"{\"address\": \"google_compute_interconnect_attachment.a\", "
		"\"values\": {\"name\": \"va-a\", \"type\": \"DEDICATED\", "
		"\"router\": \"cr-a\", \"region\": \"us-east4\", \"interconnect\": "
		"\"ic-1\", \"bandwidth\": \"BPS_1G\"}},\n"
		"{\"address\": \"google_compute_interconnect_attachment.b\", "
		"\"values\": {\"name\": \"va-b-zone2\", \"type\": \"DEDICATED\", "
		"\"router\": \"cr-b\", \"region\": \"us-east4\", \"interconnect\": "
		"\"ic-1\", \"bandwidth\": \"BPS_1G\"}}\n"
		"]}}}\n", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "device 'gcp-icn/ic-1' serves 2 "
				     "clouds (gcp-vpc/vpc-a, gcp-vpc/vpc-b): "
				     "one router per cloud [IMP051]"));
	ck_assert_ptr_nonnull(strstr(out, "{id: gcp-icn/ic-1/gcp-vpc/vpc-a, "
				     "source: terraform:google_compute_"
				     "interconnect.ic, role: edge, pop: "
				     "gcp-loc/iad-zone1-1, cloud: gcp-vpc/vpc-a}"));
	ck_assert_ptr_nonnull(strstr(out, "z: {router: gcp-icn/ic-1/gcp-vpc/"
				     "vpc-b}"));
	ck_assert_ptr_null(strstr(out, "{id: gcp-icn/ic-1,"));
	/* a name against its domain */
	ck_assert_ptr_nonnull(strstr(out, "the name 'va-b-zone2' suggests "
				     "zone 2, but the interconnect's location "
				     "says 1; the location is used [IMP042]"));
	free(out);
	ck_assert_int_lt(check_written(), 2);
	/* an AWS device: each copy hands its cloud to its own gateway */
	ck_assert_int_eq(import_plan(
		"{\"format_version\": \"1.0\", \"values\": {\"root_module\": "
		"{\"resources\": [\n"
		"{\"address\": \"aws_dx_gateway.a\", \"values\": {\"id\": "
		"\"gw-a\"}},\n"
		"{\"address\": \"aws_dx_gateway.b\", \"values\": {\"id\": "
		"\"gw-b\"}},\n"
		"{\"address\": \"aws_dx_connection.c\", \"values\": {\"id\": "
		"\"dxcon-1\", \"bandwidth\": \"10Gbps\", \"location\": "
		"\"EqDC2\", \"aws_device\": \"EqDC2-abc\"}},\n"
		"{\"address\": \"aws_dx_private_virtual_interface.a\", "
		"\"values\": {\"connection_id\": \"dxcon-1\", "
		"\"dx_gateway_id\": \"gw-a\"}},\n"
		"{\"address\": \"aws_dx_private_virtual_interface.b\", "
		"\"values\": {\"connection_id\": \"dxcon-1\", "
		"\"dx_gateway_id\": \"gw-b\"}}\n"
		"]}}}\n", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "plan.json:4:1: info: device "
				     "'aws-dev/eqdc2-abc' serves 2 clouds "
				     "(dxgw.a, dxgw.b): one router per cloud "
				     "[IMP051]"));
	ck_assert_ptr_nonnull(strstr(out, "{id: aws-dev/eqdc2-abc/dxgw.b, "
				     "source: 'terraform:aws_dx_connection.c"
				     "#aws_device', role: edge, pop: aws-loc/"
				     "eqdc2, cloud: dxgw.b, gateway: dxgw.b}"));
	ck_assert_ptr_nonnull(strstr(out, "z: {router: aws-dev/eqdc2-abc/"
				     "dxgw.a, port: dxcon.c}"));
	free(out);
	ck_assert_int_lt(check_written(), 2);
}
END_TEST

/* Router interfaces and peers: several peers (IMP041), a peer down. */
START_TEST(gcp_peers)
{
	char *out = NULL;
	ck_assert_int_eq(import_plan(
		"{\"format_version\": \"1.0\", \"values\": {\"root_module\": "
		"{\"resources\": [\n"
		"{\"address\": \"google_compute_router.cr\", \"values\": {\"name\": "
		"\"cr\", \"region\": \"r1\", \"network\": \"n\", \"bgp\": "
		"[{\"asn\": 16550, \"advertise_mode\": \"CUSTOM\", "
		"\"advertised_groups\": [], \"advertised_ip_ranges\": "
		"[{\"range\": \"10.9.0.0/16\"}]}]}},\n"
		"{\"address\": \"google_compute_interconnect_attachment.va\", "
		"\"values\": {\"name\": \"va\", \"type\": \"PARTNER\", \"router\": "
		"\"cr\", \"region\": \"r1\", \"edge_availability_domain\": "
		"\"AVAILABILITY_DOMAIN_1\"}},\n"
		"{\"address\": \"google_compute_router_interface.i\", \"values\": "
		"{\"name\": \"if-1\", \"router\": \"cr\", \"region\": \"r1\", "
		"\"ip_range\": \"169.254.7.1/29\", \"interconnect_attachment\": "
		"\"https://x/regions/r1/interconnectAttachments/va\"}},\n"
		"{\"address\": \"google_compute_router_peer.b\", \"values\": "
		"{\"name\": \"peer-b\", \"router\": \"cr\", \"region\": \"r1\", "
		"\"interface\": \"if-1\", \"peer_asn\": 65002}},\n"
		"{\"address\": \"google_compute_router_peer.a\", \"values\": "
		"{\"name\": \"peer-a\", \"router\": \"cr\", \"region\": \"r1\", "
		"\"interface\": \"if-1\", \"peer_asn\": 65001, \"peer_ip_address\": "
		"\"169.254.7.2\", \"enable\": false, \"bfd\": [{\"session_"
		"initialization_mode\": \"PASSIVE\", \"min_transmit_interval\": "
		"300, \"min_receive_interval\": 500, \"multiplier\": 3}], "
		"\"md5_authentication_key\": [{\"key\": \"md5-TOPSECRET\"}]}},\n"
		"{\"address\": \"google_compute_interconnect_attachment_group."
		"g1\", \"values\": {\"intent\": [{\"availability_sla\": "
		"\"PRODUCTION_NON_CRITICAL\"}]}},\n"
		"{\"address\": \"google_compute_interconnect_attachment_group."
		"g2\", \"values\": {\"intent\": [{\"availability_sla\": "
		"\"PRODUCTION_CRITICAL\"}]}}\n"
		"]}}}\n", &out), 0);
	ck_assert_ptr_null(strstr(out, "TOPSECRET"));
	ck_assert_ptr_nonnull(strstr(out, "2 BGP peers on interface "
				     "google_compute_router_interface.i; "
				     "google_compute_router_peer.a is imported "
				     "[IMP041]"));
	ck_assert_ptr_nonnull(strstr(out, "google_compute_router_peer.a: BGP "
				     "peer administratively down (enable: "
				     "false); imported as is [IMP060]"));
	ck_assert_ptr_nonnull(strstr(out, "\nintent:\n  availability: 99.99\n"
				     "sites:"));
	ck_assert_ptr_nonnull(strstr(out, "bgp: {asn: 65001, peer_asn: 16550, "
				     "ip: 169.254.7.2/29, peer_ip: "
				     "'169.254.7.1', receive: [10.9.0.0/16], "
				     "bfd: {local: false, peer: true, "
				     "interval_ms: 500, multiplier: 3}}  "
				     "# default"));
	free(out);
	ck_assert_int_lt(check_written(), 2);
}
END_TEST

/* An AWS LAG of two member connections; a second BGP session. */
START_TEST(aws_lag)
{
	char *out = NULL;
	ck_assert_int_eq(import_plan(
		"{\"format_version\": \"1.0\", \"values\": {\"root_module\": "
		"{\"resources\": [\n"
		"{\"address\": \"aws_dx_lag.l\", \"values\": {\"id\": \"dxlag-1\", "
		"\"name\": \"lag\", \"connections_bandwidth\": \"10Gbps\", "
		"\"location\": \"EqDC2\", \"provider_name\": \"Equinix\"}},\n"
		"{\"address\": \"aws_dx_connection.m[0]\", \"values\": {\"id\": "
		"\"dxcon-1\", \"bandwidth\": \"10Gbps\", \"location\": \"EqDC2\"}},\n"
		"{\"address\": \"aws_dx_connection.m[1]\", \"values\": {\"id\": "
		"\"dxcon-2\", \"bandwidth\": \"10Gbps\", \"location\": \"EqDC2\"}},\n"
		"{\"address\": \"aws_dx_connection_association.a[0]\", \"values\": "
		"{\"connection_id\": \"dxcon-1\", \"lag_id\": \"dxlag-1\"}},\n"
		"{\"address\": \"aws_dx_connection_association.a[1]\", \"values\": "
		"{\"connection_id\": \"dxcon-2\", \"lag_id\": \"dxlag-1\"}},\n"
		"{\"address\": \"aws_dx_private_virtual_interface.v\", \"values\": "
		"{\"id\": \"dxvif-1\", \"connection_id\": \"dxcon-1\", \"vlan\": 7, "
		"\"bgp_asn\": 65000}},\n"
		"{\"address\": \"aws_dx_bgp_peer.v6\", \"values\": "
		"{\"virtual_interface_id\": \"dxvif-1\", \"address_family\": "
		"\"ipv6\", \"bgp_asn\": 65000}}\n"
		"]}}}\n", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "z: {router: dxlag.l/device, port: "
				     "dxlag.l}"));
	ck_assert_ptr_nonnull(strstr(out, "bandwidth_mbps: 20000\n"));
	ck_assert_ptr_nonnull(strstr(out, "lag: {member_mbps: 10000, "
				     "members: 2}"));
	ck_assert_ptr_nonnull(strstr(out, "aws_dx_bgp_peer.v6: a second BGP "
				     "session for ipv6 on aws_dx_private_"
				     "virtual_interface.v; the circuit holds "
				     "one session, this one is not imported "
				     "[IMP041]"));
	ck_assert_ptr_null(strstr(out, "IMP030"));
	ck_assert_ptr_null(strstr(out, "IMP031"));
	free(out);
	ck_assert_int_lt(check_written(), 2);
}
END_TEST

/*
 * Secrets: the fixtures' keys, passwords and additional_info in no output,
 * and pairing keys compared in memory: a matching key joins, another not.
 */
START_TEST(secrets)
{
	static const char *const runs[] = {
		"import terraform plan.json --overlay overlay.yaml",
		"import terraform plan.json -f json",
		"check --import terraform:plan.json --overlay overlay.yaml",
		"check --import terraform:plan.json --overlay overlay.yaml "
		"-f json",
		"check --import terraform:plan.json --overlay overlay.yaml "
		"-f sarif",
		"check --import terraform:plan.json --overlay overlay.yaml "
		"-f junit",
		"check --import terraform:plan.json --overlay overlay.yaml "
		"-f github",
		"check --import terraform:plan.json --overlay overlay.yaml "
		"-f markdown",
	};
	for (size_t f = 0; f < 3; f++)
		for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
			char *out = NULL;
			char *cmd = nsp_xasprintf("cd tests/import/%s && ../../"
						  "../build/nospof %s 2>&1",
						  fixtures[f], runs[i]);
			run_cmd(cmd, &out);
			ck_assert_msg(!strstr(out, "DO-NOT-PRINT"),
				      "secret in %s '%s'", fixtures[f], runs[i]);
			ck_assert_msg(strstr(out, "gva."), "%s '%s' printed "
				      "nothing useful", fixtures[f], runs[i]);
			free(out);
			free(cmd);
		}
	/* a state: the same pairing key joins, compared in memory */
	static const char state[] =
		"{\"format_version\": \"1.0\", \"values\": {\"root_module\": "
		"{\"resources\": [\n"
		"{\"address\": \"google_compute_interconnect_attachment.va\", "
		"\"values\": {\"name\": \"va\", \"type\": \"PARTNER\", "
		"\"region\": \"us-east4\", \"edge_availability_domain\": "
		"\"AVAILABILITY_DOMAIN_1\", \"pairing_key\": "
		"\"pk-TOPSECRET/us-east4/1\"}},\n"
		"{\"address\": \"data.megaport_partner.g\", \"mode\": \"data\", "
		"\"values\": {\"product_uid\": \"g-1\", \"product_name\": "
		"\"Ashburn (iad-zone1-1)\", \"location_id\": 5}},\n"
		"{\"address\": \"megaport_vxc.g\", \"values\": {\"rate_limit\": "
		"200, \"a_end\": {\"requested_product_uid\": \"ext-port-1\", "
		"\"vlan\": 120}, \"b_end\": {\"current_product_uid\": \"g-1\"}, "
		"\"b_end_partner_config\": {\"partner\": \"google\", "
		"\"google_config\": {\"pairing_key\": \"KEY\"}}}}\n"
		"]}}}\n";
	char *out = NULL, *p = nsp_xstrdup(state);
	memcpy(strstr(p, "\"KEY\"") + 1, "pk-", 3);
	char *joined = nsp_xasprintf("%.*s\"pk-TOPSECRET/us-east4/1\"%s",
				     (int)(strstr(p, "\"pk-\"") - p), p,
				     strstr(p, "\"pk-\"") + 5);
	ck_assert_int_eq(import_plan(joined, &out), 0);
	ck_assert_ptr_null(strstr(out, "TOPSECRET"));
	ck_assert_ptr_null(strstr(out, "id: vxc.g"));
	ck_assert_ptr_nonnull(strstr(out, "  - id: gva.va\n"
		"    source: terraform:google_compute_interconnect_attachment."
		"va\n"
		"    a: {router: unassigned-cpe, port: mp-product/ext-port-1}\n"
		"    z: {router: mp-pp/5-any/ashburn-iad-zone1-1}\n"
		"    bandwidth_mbps: 200\n"
		"    carrier: megaport\n"
		"    vlan: 120\n"));
	free(out);
	free(joined);
	ck_assert_int_eq(import_plan(p, &out), 0);
	ck_assert_ptr_null(strstr(out, "TOPSECRET"));
	ck_assert_ptr_nonnull(strstr(out, "id: vxc.g\n"));
	ck_assert_ptr_nonnull(strstr(out, "id: gva.va\n"));
	free(out);
	free(p);
}
END_TEST

/* A VXC to Azure orders no port: its unknown b-end is no IMP010. */
START_TEST(azure_no_port)
{
	char *out = NULL;
	ck_assert_int_eq(import_plan(
		"{\"format_version\": \"1.0\", \"values\": {\"root_module\": "
		"{\"resources\": [\n"
		"{\"address\": \"megaport_vxc.az\", \"values\": {\"rate_limit\": "
		"1000, \"a_end\": {\"requested_product_uid\": \"p-1\", "
		"\"ordered_vlan\": -1}, \"b_end\": {}, \"b_end_partner_config\": "
		"{\"partner\": \"azure\", \"azure_config\": {\"port_choice\": "
		"\"primary\", \"service_key\": \"sk-TOPSECRET\"}}}}\n"
		"]}}}\n", &out), 0);
	ck_assert_ptr_null(strstr(out, "TOPSECRET"));
	ck_assert_ptr_null(strstr(out, "IMP010"));
	ck_assert_ptr_null(strstr(out, "vlan:"));
	ck_assert_ptr_nonnull(strstr(out, "placeholder router 'vxc.az/edge' "
				     "[IMP022]"));
	ck_assert_ptr_nonnull(strstr(out, "{id: azure, source: 'terraform:"
				     "megaport_vxc.az#b_end_partner_config."
				     "partner', provider: azure}  # default"));
	free(out);
}
END_TEST

/* Equinix: a Fabric Cloud Router a-side, an external one, port to port. */
START_TEST(equinix_fcr)
{
	char *out = NULL;
	ck_assert_int_eq(import_plan(
		"{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": [\n"
		"{\"address\": \"equinix_fabric_cloud_router.fcr\", \"values\": {\"id\": \"fcr-uuid-1\", \"name\": \"fcr-dc\", \"equinix_asn\": 30000, \"location\": [{\"metro_code\": \"DC\"}]}},\n"
		"{\"address\": \"equinix_fabric_connection.gcp[0]\", \"values\": {\"name\": \"fcr-gcp-1\", \"bandwidth\": 50, \"a_side\": [{\"access_point\": [{\"type\": \"CLOUD_ROUTER\", \"router\": [{\"uuid\": \"fcr-uuid-1\"}]}]}], \"z_side\": [{\"access_point\": [{\"type\": \"SP\", \"profile\": [{\"uuid\": \"p1\", \"name\": \"Google Cloud Partner Interconnect Zone 1\"}], \"location\": [{\"metro_code\": \"DC\"}], \"authentication_key\": \"ak-TOPSECRET/us-east4/1\"}]}]}},\n"
		"{\"address\": \"equinix_fabric_connection.gcp[1]\", \"values\": {\"name\": \"fcr-gcp-2\", \"bandwidth\": 50, \"a_side\": [{\"access_point\": [{\"type\": \"CLOUD_ROUTER\", \"router\": [{\"uuid\": \"fcr-uuid-1\"}]}]}], \"z_side\": [{\"access_point\": [{\"type\": \"SP\", \"profile\": [{\"uuid\": \"p2\", \"name\": \"Google Cloud Partner Interconnect Zone 2\"}], \"location\": [{\"metro_code\": \"DC\"}]}]}]}},\n"
		"{\"address\": \"equinix_fabric_connection.ext\", \"values\": {\"name\": \"ext\", \"bandwidth\": 100, \"a_side\": [{\"access_point\": [{\"type\": \"CLOUD_ROUTER\", \"router\": [{\"uuid\": \"other-fcr\"}]}]}], \"z_side\": [{\"access_point\": [{\"type\": \"SP\", \"profile\": [{\"uuid\": \"p3\", \"name\": \"AWS Direct Connect\"}]}]}]}},\n"
		"{\"address\": \"equinix_fabric_connection.p2p\", \"values\": {\"name\": \"p2p\", \"bandwidth\": 100, \"a_side\": [{\"access_point\": [{\"type\": \"COLO\", \"port\": [{\"uuid\": \"x\"}]}]}], \"z_side\": [{\"access_point\": [{\"type\": \"COLO\", \"port\": [{\"uuid\": \"y\"}]}]}]}}\n"
		"]}}}\n", &out), 0);
	ck_assert_ptr_null(strstr(out, "TOPSECRET"));
	ck_assert_ptr_nonnull(strstr(out, "{id: fcr.fcr, source: terraform:"
				     "equinix_fabric_cloud_router.fcr, role: "
				     "exchange, pop: eqx-metro/dc, asn: 30000}"));
	ck_assert_ptr_nonnull(strstr(out, "{id: eqx-metro/dc/zone2, source: "
				     "'terraform:equinix_fabric_connection."
				     "gcp[1]#z_side.access_point.location."
				     "metro_code', edge_domain: eqx-dc-zone2}"));
	ck_assert_ptr_nonnull(strstr(out, "placeholder pop 'eqx-fcr/other-fcr/"
				     "pop'"));
	ck_assert_ptr_nonnull(strstr(out, "{id: aws, source: 'terraform:"
				     "equinix_fabric_connection.ext#z_side."
				     "access_point.profile.name', provider: "
				     "aws}  # default"));
	ck_assert_ptr_nonnull(strstr(out, "equinix_fabric_connection.p2p: left "
				     "out, its z-side is COLO, not a service "
				     "profile [IMP031]"));
	ck_assert_ptr_nonnull(strstr(out, "    a: {router: fcr.fcr}\n"));
	free(out);
	ck_assert_int_lt(check_written(), 2);
}
END_TEST

Suite *import_exchange_suite(void)
{
	Suite *s = suite_create("import_exchange");
	TCase *t = tcase_create("exchanges");
	tcase_set_timeout(t, 120);
	tcase_add_checked_fixture(t, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(t, fixtures_pass);
	tcase_add_test(t, fixtures_fail);
	tcase_add_test(t, megaport_state);
	tcase_add_test(t, megaport_aws);
	tcase_add_test(t, device_per_cloud);
	tcase_add_test(t, gcp_peers);
	tcase_add_test(t, aws_lag);
	tcase_add_test(t, secrets);
	tcase_add_test(t, azure_no_port);
	tcase_add_test(t, equinix_fcr);
	suite_add_tcase(s, t);
	return s;
}
