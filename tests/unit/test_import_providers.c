/*
 * Tests of the Terraform importer's Azure ExpressRoute, IBM Direct Link,
 * Alibaba Express Connect and Oracle FastConnect mappings (IMPORT.md
 * §5.2, §5.4-5.6): each provider's fixture (the design written and
 * check's findings, passing and failing diversity), the import findings
 * these providers raise, and the values their circuits are made of.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "helpers.h"
#include "model/util.h"

/* Import plan text with nospof; output with standard error. */
static int import_text(const char *plan, char **out)
{
	char *p = nsp_xasprintf("%s/plan.json", tmpdir);
	FILE *f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(plan, f);
	fclose(f);
	char *cmd = nsp_xasprintf("%s import terraform %s 2>&1", nospof_bin(),
				  p);
	int rc = run_cmd(cmd, out);
	free(cmd);
	free(p);
	return rc;
}

/* "CODE", "CODE:w" or "CODE:i" of one finding. */
static char *token(const char *code, const char *sev)
{
	return nsp_xasprintf("%s%s", code, !strcmp(sev, "error") ? "" :
			     !strcmp(sev, "warning") ? ":w" : ":i");
}

static int cmp_tok(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * check's findings on an imported design, as an expect line: the JSON
 * report's rules and the IMP findings on standard error, sorted.
 */
static char *check_line(const char *bin, const char *dir, const char *file,
			int *rc)
{
	char *out = NULL;
	char *cmd = nsp_xasprintf("cd %s && %s check --no-config -f json "
				  "--import terraform:%s --overlay overlay.yaml "
				  "2>%s/err", dir, bin, file, tmpdir);
	*rc = run_cmd(cmd, &out);
	free(cmd);
	char *errp = nsp_xasprintf("%s/err", tmpdir);
	char *err = read_text(errp);
	free(errp);
	char **v = NULL;
	size_t n = 0;
	json_t *doc = json_loads(out, 0, NULL), *f;
	size_t i;
	ck_assert_msg(doc != NULL, "%s/%s: no JSON report", dir, file);
	json_array_foreach(json_object_get(doc, "findings"), i, f) {
		v = nsp_xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = token(json_string_value(json_object_get(f, "rule")),
			       json_string_value(json_object_get(f,
								 "severity")));
	}
	json_decref(doc);
	for (char *l = err, *e; l && *l; l = e + 1) {
		e = strchr(l, '\n');
		if (!e)
			break;
		*e = '\0';
		const char *c = strstr(l, " [IMP");
		static const char *const sevs[] = {"error", "warning", "info"};
		for (int k = 0; c && k < 3; k++) {
			char *pat = nsp_xasprintf(": %s: ", sevs[k]);
			if (strstr(l, pat)) {
				char code[8] = {0};
				memcpy(code, c + 2, 6);
				v = nsp_xrealloc(v, (n + 1) * sizeof(*v));
				v[n++] = token(code, sevs[k]);
			}
			free(pat);
		}
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_tok);
	struct nsp_buf b = {0};
	nsp_buf_printf(&b, "%s: %d", file, *rc);
	for (size_t k = 0; k < n; k++) {
		nsp_buf_printf(&b, " %s", v[k]);
		free(v[k]);
	}
	free(v);
	free(out);
	free(err);
	return nsp_buf_detach(&b);
}

/*
 * Each provider's fixture: the design written byte for byte
 * (expected.yaml), and for every plan or state the exit status and
 * findings of check its expect file lists, passing and failing
 * diversity.
 */
START_TEST(provider_fixtures)
{
	static const char *const dirs[] = {"azure-er", "ibm-dl", "alibaba-vbr",
					   "oci-fastconnect"};
	char *bin = realpath(nospof_bin(), NULL);
	ck_assert_ptr_nonnull(bin);
	for (size_t d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++) {
		char *dir = nsp_xasprintf("tests/import/%s", dirs[d]);
		char *out = NULL;
		char *cmd = nsp_xasprintf("cd %s && %s import terraform plan.json "
					  "--overlay overlay.yaml 2>/dev/null",
					  dir, bin);
		ck_assert_int_eq(run_cmd(cmd, &out), 0);
		char *path = nsp_xasprintf("%s/expected.yaml", dir);
		char *want = read_text(path);
		ck_assert_msg(!strcmp(out, want), "%s differs", path);
		free(want);
		free(path);
		free(out);
		free(cmd);
		path = nsp_xasprintf("%s/expect", dir);
		char *exp = read_text(path), *e;
		size_t lines = 0, fail = 0;
		for (char *l = exp; *l; l = e + 1) {
			e = strchr(l, '\n');
			*e = '\0';
			if (*l == '#')
				continue;
			char *file = nsp_xstrndup(l, strcspn(l, ":"));
			int rc;
			char *got = check_line(bin, dir, file, &rc);
			ck_assert_msg(!strcmp(got, l), "%s: expected [%s], got "
				      "[%s]", path, l, got);
			lines++;
			fail += rc == 1;
			free(got);
			free(file);
		}
		/* every plan of the fixture is listed */
		char **plans = list_files(dir, "", ".json");
		size_t np = 0;
		while (plans[np])
			np++;
		free_list(plans);
		ck_assert_uint_eq(lines, np);
		/* every provider has a plan that passes and one that fails */
		ck_assert_uint_ge(lines, 2);
		ck_assert_uint_ge(fail, 1);
		ck_assert_uint_lt(fail, lines);
		free(exp);
		free(path);
		free(dir);
	}
	free(bin);
}
END_TEST

/* One resource of a state, for the provider cases below. */
#define STATE(res)                                                             \
	"{\"format_version\": \"1.0\", \"values\": {\"root_module\": "        \
	"{\"resources\": [" res "]}}}"
#define SUBX "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network"

/* The import findings of IMPORT.md §9 the providers of §5.2-5.6 raise. */
START_TEST(provider_diagnostics)
{
	static const char *const cases[][2] = {
		/* IMP031: a Microsoft peering, a PUBLIC virtual circuit */
		{STATE("{\"address\": \"azurerm_express_route_circuit.c\", "
		       "\"values\": {\"name\": \"c\", \"peering_location\": "
		       "\"London\", \"service_provider_name\": \"BT\", "
		       "\"bandwidth_in_mbps\": 200}}, {\"address\": "
		       "\"azurerm_express_route_circuit_peering.m\", \"values\": "
		       "{\"peering_type\": \"MicrosoftPeering\", "
		       "\"express_route_circuit_name\": \"c\"}}"),
		 "peering.m: left out, a MicrosoftPeering|IMP031"},
		{STATE("{\"address\": \"oci_core_virtual_circuit.p\", \"values\":"
		       " {\"type\": \"PUBLIC\"}}, {\"address\": \"oci_core_"
		       "virtual_circuit.v\", \"values\": {\"type\": \"PRIVATE\", "
		       "\"bandwidth_shape_name\": \"1 Gbps\"}}"),
		 "a PUBLIC virtual circuit reaches Oracle services|IMP031"},
		{STATE("{\"address\": \"alicloud_express_connect_physical_"
		       "connection.pc\", \"values\": {\"id\": \"pc-1\"}}, "
		       "{\"address\": \"ibm_dl_gateway.g\", \"values\": "
		       "{\"speed_mbps\": 1000}}"),
		 "a physical connection without virtual border router|IMP031"},
		/* IMP041: an ipv6 session, IBM's export prepend, a 2nd group */
		{STATE("{\"address\": \"azurerm_express_route_circuit.c\", "
		       "\"values\": {\"name\": \"c\", \"peering_location\": "
		       "\"London\", \"service_provider_name\": \"BT\"}}, "
		       "{\"address\": \"azurerm_express_route_circuit_peering."
		       "p\", \"values\": {\"peering_type\": "
		       "\"AzurePrivatePeering\", \"express_route_circuit_name\":"
		       " \"c\", \"ipv6\": [{\"primary_peer_address_prefix\": "
		       "\"2001:db8::/126\"}]}}"),
		 "its ipv6 block is a second BGP session|IMP041"},
		{STATE("{\"address\": \"ibm_dl_gateway.g\", \"values\": "
		       "{\"speed_mbps\": 1000, \"as_prepends\": [{\"length\": 3, "
		       "\"policy\": \"export\"}]}}"),
		 "as_prepends[0] (policy export) is a routing preference|IMP041"},
		{STATE("{\"address\": \"alicloud_express_connect_virtual_border_"
		       "router.v\", \"values\": {\"id\": \"vbr-1\", \"bandwidth\":"
		       " 100}}, {\"address\": \"alicloud_vpc_bgp_group.a\", "
		       "\"values\": {\"router_id\": \"vbr-1\", \"peer_asn\": "
		       "65001}}, {\"address\": \"alicloud_vpc_bgp_group.b\", "
		       "\"values\": {\"router_id\": \"vbr-1\", \"ip_version\": "
		       "\"IPV6\"}}"),
		 "alicloud_vpc_bgp_group.b: a further BGP group|IMP041"},
		{STATE("{\"address\": \"azurerm_express_route_circuit.a\", "
		       "\"values\": {\"id\": \"" SUBX "/expressRouteCircuits/a\","
		       " \"peering_location\": \"London\", \"service_provider_"
		       "name\": \"BT\"}}, {\"address\": \"azurerm_express_route_"
		       "circuit.b\", \"values\": {\"id\": \"" SUBX "/express"
		       "RouteCircuits/b\", \"peering_location\": \"Paris\", "
		       "\"service_provider_name\": \"BT\"}}, {\"address\": "
		       "\"azurerm_virtual_network_gateway_connection.a\", "
		       "\"values\": {\"type\": \"ExpressRoute\", "
		       "\"routing_weight\": 10, \"express_route_circuit_id\": \""
		       SUBX "/expressRouteCircuits/a\", \"virtual_network_"
		       "gateway_id\": \"" SUBX "/virtualNetworkGateways/hub\"}},"
		       " {\"address\": \"azurerm_virtual_network_gateway_"
		       "connection.b\", \"values\": {\"type\": \"ExpressRoute\", "
		       "\"routing_weight\": 0, \"express_route_circuit_id\": \""
		       SUBX "/expressRouteCircuits/b\", \"virtual_network_"
		       "gateway_id\": \"" SUBX "/virtualNetworkGateways/hub\"}}"),
		 "routing_weight 10 ranks its circuit|IMP041"},
		/* IMP050: one circuit, two gateways: the smaller cloud id */
		{STATE("{\"address\": \"azurerm_express_route_circuit.c\", "
		       "\"values\": {\"id\": \"" SUBX "/expressRouteCircuits/c\","
		       " \"name\": \"c\", \"peering_location\": \"Amsterdam\", "
		       "\"service_provider_name\": \"Equinix\"}}, {\"address\": "
		       "\"azurerm_express_route_circuit_peering.p\", \"values\": "
		       "{\"id\": \"" SUBX "/expressRouteCircuits/c/peerings/"
		       "AzurePrivatePeering\", \"peering_type\": "
		       "\"AzurePrivatePeering\", \"express_route_circuit_name\":"
		       " \"c\"}}, {\"address\": \"azurerm_virtual_network_"
		       "gateway_connection.b\", \"values\": {\"type\": "
		       "\"ExpressRoute\", \"express_route_circuit_id\": \"" SUBX
		       "/expressRouteCircuits/c\", \"virtual_network_gateway_"
		       "id\": \"" SUBX "/virtualNetworkGateways/gw-b\"}}, "
		       "{\"address\": \"azurerm_express_route_connection.a\", "
		       "\"values\": {\"express_route_circuit_peering_id\": \""
		       SUBX "/expressRouteCircuits/c/peerings/"
		       "AzurePrivatePeering\", \"express_route_gateway_id\": \""
		       SUBX "/expressRouteGateways/gw-a\"}}"),
		 "connected to 2 gateways ('az-gw/gw-a', 'az-gw/gw-b'); the "
		 "design format gives a circuit one cloud: took 'az-gw/gw-a'|"
		 "IMP050"},
		/* IMP051: one MSEE pair, two clouds: a router per cloud */
		{STATE("{\"address\": \"azurerm_express_route_circuit.prod\", "
		       "\"values\": {\"id\": \"/s/erc/prod\", \"name\": \"prod\", "
		       "\"peering_location\": \"Seattle\", \"service_provider_"
		       "name\": \"Equinix\"}}, {\"address\": \"azurerm_express_"
		       "route_circuit.dev\", \"values\": {\"id\": \"/s/erc/dev\", "
		       "\"name\": \"dev\", \"peering_location\": \"Seattle\", "
		       "\"service_provider_name\": \"Equinix\"}}, {\"address\": "
		       "\"azurerm_virtual_network_gateway_connection.prod\", "
		       "\"values\": {\"type\": \"ExpressRoute\", "
		       "\"express_route_circuit_id\": \"/s/erc/prod\", "
		       "\"virtual_network_gateway_id\": \"/s/vng/vng-prod\"}}, "
		       "{\"address\": \"azurerm_virtual_network_gateway_"
		       "connection.dev\", \"values\": {\"type\": "
		       "\"ExpressRoute\", \"express_route_circuit_id\": "
		       "\"/s/erc/dev\", \"virtual_network_gateway_id\": "
		       "\"/s/vng/vng-dev\"}}"),
		 "its MSEE pair serves circuits of 2 clouds: one router per "
		 "cloud|IMP051"},
		{STATE("{\"address\": \"azurerm_express_route_circuit.prod\", "
		       "\"values\": {\"id\": \"/s/erc/prod\", \"name\": \"prod\", "
		       "\"peering_location\": \"Seattle\", \"service_provider_"
		       "name\": \"Equinix\"}}, {\"address\": \"azurerm_express_"
		       "route_circuit.dev\", \"values\": {\"id\": \"/s/erc/dev\", "
		       "\"name\": \"dev\", \"peering_location\": \"Seattle\", "
		       "\"service_provider_name\": \"Equinix\"}}, {\"address\": "
		       "\"azurerm_virtual_network_gateway_connection.dev\", "
		       "\"values\": {\"type\": \"ExpressRoute\", "
		       "\"express_route_circuit_id\": \"/s/erc/dev\", "
		       "\"virtual_network_gateway_id\": \"/s/vng/vng-dev\"}}"),
		 "z: {router: az-msee/seattle/equinix/secondary/az-gw/vng-dev}"
		 "  # default|IMP051"},
		/* IMP060: an ExpressRoute Direct link, a session, a VBR */
		{STATE("{\"address\": \"azurerm_express_route_port.erd\", "
		       "\"values\": {\"id\": \"" SUBX "/expressRoutePorts/erd\", "
		       "\"peering_location\": \"Equinix-Amsterdam-AM5\", "
		       "\"link1\": [{\"admin_enabled\": false, \"router_name\": "
		       "\"exr01.ams\", \"interface_name\": \"HundredGigE0/0/0/1\"}"
		       "], \"link2\": [{\"admin_enabled\": true, \"router_name\":"
		       " \"exr02.ams\", \"interface_name\": "
		       "\"HundredGigE0/0/0/1\"}]}}, {\"address\": "
		       "\"azurerm_express_route_circuit.d\", \"values\": "
		       "{\"express_route_port_id\": \"" SUBX "/expressRoutePorts/"
		       "erd\", \"bandwidth_in_gbps\": 10}}"),
		 "link1 administratively down (admin_enabled: false): circuit "
		 "'er.d/primary' of azurerm_express_route_circuit.d imported "
		 "as is|IMP060"},
		{STATE("{\"address\": \"oci_core_virtual_circuit.v\", \"values\":"
		       " {\"type\": \"PRIVATE\", \"bgp_admin_state\": "
		       "\"DISABLED\", \"bandwidth_shape_name\": \"1 Gbps\"}}"),
		 "BGP session administratively down|IMP060"},
		{STATE("{\"address\": \"alicloud_express_connect_virtual_border_"
		       "router.v\", \"values\": {\"status\": \"terminated\", "
		       "\"bandwidth\": 100}}"),
		 "administratively down (status: terminated)|IMP060"},
		/* IMP080: under 1 Mbit/s */
		{STATE("{\"address\": \"oci_core_virtual_circuit.v\", \"values\":"
		       " {\"type\": \"PRIVATE\", \"bandwidth_shape_name\": "
		       "\"0.5 Mbps\"}}"),
		 "bandwidth_shape_name is 0.5 Mbit/s, rounded up to 1 Mbit/s|"
		 "IMP080"},
		{STATE("{\"address\": \"azurerm_express_route_circuit.c\", "
		       "\"values\": {\"peering_location\": \"London\", "
		       "\"service_provider_name\": \"BT\", \"bandwidth_in_gbps\":"
		       " 0.0005}}"),
		 "bandwidth_in_gbps is 0.5 Mbit/s, rounded up|IMP080"},
		/* IMP001, IMP010 and IMP022 of these providers */
		{STATE("{\"address\": \"oci_core_virtual_circuit.v\", \"values\":"
		       " {\"type\": \"PRIVATE\", \"ip_mtu\": \"MTU_JUMBO\"}}"),
		 "ip_mtu 'MTU_JUMBO' is not MTU_<n>|IMP001"},
		{STATE("{\"address\": \"alicloud_express_connect_virtual_border_"
		       "router.v\", \"values\": {\"peering_subnet_mask\": "
		       "\"255.0.255.0\", \"bandwidth\": 100}}"),
		 "peering_subnet_mask is not a netmask|IMP001"},
		{"{\"format_version\": \"1.2\", \"planned_values\": {\"root_"
		 "module\": {\"resources\": [{\"address\": \"alicloud_express_"
		 "connect_virtual_border_router.v\", \"values\": {\"bandwidth\":"
		 " 100}}]}}, \"resource_changes\": [{\"address\": \"alicloud_"
		 "express_connect_virtual_border_router.v\", \"change\": "
		 "{\"actions\": [\"create\"], \"after_unknown\": "
		 "{\"physical_connection_id\": true}}}]}",
		 "physical_connection_id resolves neither|IMP010"},
		{STATE("{\"address\": \"ibm_dl_gateway.g\", \"values\": "
		       "{\"type\": \"connect\", \"speed_mbps\": 1000}}"),
		 "placeholder router 'dl.g/edge'|IMP022"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = NULL, *want = nsp_xstrdup(cases[i][1]);
		char *bar = strchr(want, '|');
		*bar = '\0';
		int rc = import_text(cases[i][0], &out);
		ck_assert_msg(rc == 0, "case %zu: exit %d: %s", i, rc, out);
		ck_assert_msg(strstr(out, want), "case %zu: %s", i, out);
		char *code = nsp_xasprintf("[%s]", bar + 1);
		ck_assert_msg(strstr(out, code), "case %zu: no %s", i, code);
		free(code);
		free(want);
		free(out);
	}
}
END_TEST

/* What ExpressRoute Direct, Oracle and Alibaba circuits are made of. */
START_TEST(provider_values)
{
	char *out = NULL;
	/* Direct: the links' routers and interfaces, no carrier */
	ck_assert_int_eq(import_text(STATE(
		"{\"address\": \"azurerm_express_route_port.erd\", \"values\": "
		"{\"id\": \"" SUBX "/expressRoutePorts/erd\", "
		"\"peering_location\": \"Equinix-Amsterdam-AM5\", \"link1\": "
		"[{\"router_name\": \"exr01.ams\", \"interface_name\": \"Hu0/1\"}"
		"], \"link2\": [{\"interface_name\": \"Hu0/2\"}]}}, {\"address\":"
		" \"azurerm_express_route_circuit.d\", \"values\": "
		"{\"name\": \"d\", \"express_route_port_id\": \"" SUBX
		"/expressRoutePorts/erd\", \"bandwidth_in_gbps\": 10}}, "
		"{\"address\": \"azurerm_express_"
		"route_circuit_peering.p\", \"values\": {\"peering_type\": "
		"\"AzurePrivatePeering\", \"express_route_circuit_name\": \"d\","
		" \"peer_asn\": 65001, \"azure_asn\": 12076, \"vlan_id\": 10, "
		"\"primary_peer_address_prefix\": \"10.1.0.0/30\", "
		"\"secondary_peer_address_prefix\": \"2001:db8::4/126\", "
		"\"shared_key\": \"DO-NOT-PRINT-x\"}}"), &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "z: {router: az-erd/exr01.ams, port: "
				     "Hu0/1}\n"));
	ck_assert_ptr_nonnull(strstr(out, "z: {router: erport.erd/link2, port: "
				     "Hu0/2}  # default\n"));
	ck_assert_ptr_nonnull(strstr(out, "{id: az-loc/equinix-amsterdam-am5, "
				     "source: 'terraform:azurerm_express_route_"
				     "port.erd#peering_location'}"));
	ck_assert_ptr_nonnull(strstr(out, "bandwidth_mbps: 10000\n"));
	ck_assert_ptr_null(strstr(out, "carrier"));
	ck_assert_ptr_null(strstr(out, "DO-NOT-PRINT"));
	/* the peering's name link, its /30 and /126 host addresses */
	ck_assert_ptr_nonnull(strstr(out, "bgp: {asn: 65001, peer_asn: 12076, "
				     "ip: 10.1.0.1/30, peer_ip: '10.1.0.2'}"));
	ck_assert_ptr_nonnull(strstr(out, "ip: 2001:db8::5/126, peer_ip: "
				     "2001:db8::6}"));
	ck_assert_ptr_nonnull(strstr(out, "{id: azure, source: terraform:"
				     "azurerm_express_route_circuit.d, "
				     "provider: azure}  # default"));
	free(out);
	/* a provider FastConnect: no cross-connect, placeholders; a group */
	ck_assert_int_eq(import_text(STATE(
		"{\"address\": \"oci_core_virtual_circuit.p\", \"values\": "
		"{\"type\": \"PRIVATE\", \"gateway_id\": \"ocid1.drg.oc1.iad."
		"aaaa\", \"provider_service_id\": \"ocid1.providerservice.oc1."
		"iad.bbbb\", \"customer_asn\": \"65030\", \"oracle_bgp_asn\": "
		"31898, \"cross_connect_mappings\": [{\"customer_bgp_peering_ip\""
		": \"10.0.0.18/31\", \"oracle_bgp_peering_ip\": \"10.0.0.19/31\","
		" \"vlan\": 0}]}}, {\"address\": \"oci_core_cross_connect_group."
		"g\", \"values\": {\"id\": \"ocid1.ccg.1\"}}, {\"address\": "
		"\"oci_core_cross_connect.m\", \"values\": {\"id\": "
		"\"ocid1.cc.1\", \"cross_connect_group_id\": \"ocid1.ccg.1\", "
		"\"location_name\": \"Equinix DC2\"}}, {\"address\": "
		"\"oci_core_virtual_circuit.v\", \"values\": {\"type\": "
		"\"PRIVATE\", \"cross_connect_mappings\": [{\"cross_connect_or_"
		"cross_connect_group_id\": \"ocid1.ccg.1\", \"vlan\": 300}, "
		"{\"cross_connect_or_cross_connect_group_id\": \"ocid1.ccg.9\"}"
		"]}}"), &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "z: {router: fcvc.p/0/edge}  # default"));
	ck_assert_ptr_nonnull(strstr(out, "{id: oci-drg/ocid1.drg.oc1.iad.aaaa, "
				     "source: 'terraform:oci_core_virtual_"
				     "circuit.p#gateway_id', provider: "
				     "oracle}"));
	ck_assert_ptr_nonnull(strstr(out, "bgp: {asn: 65030, peer_asn: 31898, "
				     "ip: 10.0.0.18/31, peer_ip: '10.0.0.19'}"));
	ck_assert_ptr_null(strstr(out, "[IMP001]"));
	ck_assert_ptr_nonnull(strstr(out, "    vlan: 300\n"));
	ck_assert_ptr_nonnull(strstr(out, "z: {router: occg.g/edge, port: "
				     "occg.g}  # default"));
	ck_assert_ptr_nonnull(strstr(out, "{id: occg.g/edge, source: 'terraform:"
				     "oci_core_virtual_circuit.v#cross_connect_"
				     "mappings.cross_connect_or_cross_connect_"
				     "group_id', role: edge, pop: oci-loc/"
				     "equinix-dc2"));
	ck_assert_ptr_nonnull(strstr(out, "z: {router: oci-cc/ocid1.ccg.9/edge, "
				     "port: oci-cc/ocid1.ccg.9}  # default"));
	free(out);
	/* Alibaba: the landing's port type caps the VBR's bandwidth */
	ck_assert_int_eq(import_text(STATE(
		"{\"address\": \"alicloud_express_connect_physical_connection."
		"pc\", \"values\": {\"id\": \"pc-1\", \"access_point_id\": "
		"\"ap-cn-beijing-ft-A\", \"port_type\": \"1000Base-LX\", "
		"\"line_operator\": \"CM\"}}, {\"address\": \"alicloud_express_"
		"connect_virtual_border_router.v\", \"values\": {\"physical_"
		"connection_id\": \"pc-1\", \"bandwidth\": 5000, \"vlan_id\": 0}}"),
		&out), 0);
	ck_assert_ptr_nonnull(strstr(out, "bandwidth_mbps: 1000\n    carrier: "
				     "cm\n"));
	ck_assert_ptr_null(strstr(out, "vlan:"));
	ck_assert_ptr_nonnull(strstr(out, "z: {router: vbr.v/router, port: "
				     "ecpc.pc}\n"));
	free(out);
	/* a physical connection named through the data source listing it */
	ck_assert_int_eq(import_text(
		"{\"format_version\": \"1.2\", \"planned_values\": {\"root_"
		"module\": {\"resources\": [{\"address\": \"alicloud_express_"
		"connect_virtual_border_router.example\", \"mode\": \"managed\", "
		"\"values\": {\"physical_connection_id\": \"pc-bp1ciz7ekd2g\", "
		"\"vlan_id\": 1, \"bandwidth\": 200}}]}}, \"prior_state\": "
		"{\"values\": {\"root_module\": {\"resources\": [{\"address\": "
		"\"data.alicloud_express_connect_physical_connections.nameRegex\","
		" \"mode\": \"data\", \"values\": {\"connections\": [{\"id\": "
		"\"pc-other\"}, {\"id\": \"pc-bp1ciz7ekd2g\", "
		"\"access_point_id\": \"ap-cn-hangzhou-yh-B\", \"line_operator"
		"\": \"CT\", \"port_type\": \"100Base-T\"}]}}]}}}}", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "{id: ali-ap/ap-cn-hangzhou-yh-b, "
				     "source: 'terraform:data.alicloud_express_"
				     "connect_physical_connections.nameRegex#"
				     "connections.access_point_id'}"));
	ck_assert_ptr_nonnull(strstr(out, "z: {router: vbr.example/router, port: "
				     "ali-pc/pc-bp1ciz7ekd2g}\n    bandwidth_"
				     "mbps: 100\n    carrier: ct\n"));
	ck_assert_ptr_null(strstr(out, "[IMP023]"));
	free(out);
}
END_TEST

Suite *import_providers_suite(void)
{
	Suite *s = suite_create("import_providers");
	TCase *t = tcase_create("import_providers");
	tcase_set_timeout(t, 120);
	tcase_add_checked_fixture(t, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(t, provider_fixtures);
	tcase_add_test(t, provider_diagnostics);
	tcase_add_test(t, provider_values);
	suite_add_tcase(s, t);
	return s;
}
