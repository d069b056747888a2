/*
 * The plan of the import benchmark (IMPORT.md §10), written to standard
 * output: 10,000 managed resources in three module levels with count and
 * for_each keys; 2,000 each of Google VLAN attachments, router interfaces
 * and router peers, 1,000 each of AWS connections and private VIFs and of
 * ExpressRoute circuits and peerings. Half the links (the odd ones) are
 * unknown in the plan and resolve through `configuration` references.
 * Deterministic: no randomness, the same bytes every run.
 */
#include <stdio.h>

/* The module path of item i: three levels, for_each, count, for_each. */
static void module(char *buf, size_t n, int i)
{
	snprintf(buf, n, "module.region[\\\"r%d\\\"].module.pod[%d]."
		 "module.edge[\\\"e%d\\\"].", i % 5, (i / 5) % 4, (i / 20) % 10);
}

/* One resource object of planned_values. */
static void res(int *first, const char *mod, const char *type,
		const char *name, int key, const char *values)
{
	printf("%s\n{\"address\":\"%s%s.%s[%d]\",\"mode\":\"managed\","
	       "\"type\":\"%s\",\"name\":\"%s\",\"index\":%d,\"values\":{%s},"
	       "\"sensitive_values\":{}}", *first ? "" : ",", mod, type, name,
	       key, type, name, key, values);
	*first = 0;
}

int main(void)
{
	char mod[128], v[512];
	int first = 1;
	printf("{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.5\","
	       "\"planned_values\":{\"root_module\":{\"resources\":[");
	for (int i = 0; i < 2000; i++) {
		module(mod, sizeof(mod), i);
		snprintf(v, sizeof(v), "\"name\":\"va-%d\",\"type\":\"DEDICATED\","
			 "\"region\":\"us-east4\",\"router\":\"cr-%d\","
			 "\"bandwidth\":\"BPS_10G\",\"mtu\":\"1500\","
			 "\"vlan_tag8021q\":%d,\"interconnect\":\"https://www."
			 "googleapis.com/compute/v1/projects/p/global/"
			 "interconnects/ic-%d\"", i, i % 50, 100 + i % 3900,
			 i % 40);
		res(&first, mod, "google_compute_interconnect_attachment", "va",
		    i, v);
		snprintf(v, sizeof(v), "\"name\":\"if-%d\",\"router\":\"cr-%d\","
			 "\"region\":\"us-east4\",\"interconnect_attachment\":"
			 "\"va-%d\",\"ip_range\":\"169.254.%d.%d/29\"", i, i % 50,
			 i, i / 32 % 256, i % 32 * 8 + 1);
		res(&first, mod, "google_compute_router_interface", "if", i, v);
		snprintf(v, sizeof(v), "\"name\":\"peer-%d\",\"router\":"
			 "\"cr-%d\",\"region\":\"us-east4\",\"interface\":"
			 "\"if-%d\",\"peer_asn\":65001,\"peer_ip_address\":"
			 "\"169.254.%d.%d\"", i, i % 50, i, i / 32 % 256,
			 i % 32 * 8 + 2);
		res(&first, mod, "google_compute_router_peer", "peer", i, v);
	}
	for (int i = 0; i < 1000; i++) {
		module(mod, sizeof(mod), i);
		snprintf(v, sizeof(v), "\"id\":\"dxcon-%d\",\"name\":\"dx-%d\","
			 "\"bandwidth\":\"10Gbps\",\"location\":\"EqDC%d\","
			 "\"provider_name\":\"Equinix\"", i, i, i % 7);
		res(&first, mod, "aws_dx_connection", "dx", i, v);
		if (i % 2)
			snprintf(v, sizeof(v), "\"name\":\"vif-%d\",\"vlan\":%d,"
				 "\"bgp_asn\":65010,\"address_family\":\"ipv4\"",
				 i, 100 + i % 3900);
		else
			snprintf(v, sizeof(v), "\"name\":\"vif-%d\",\"vlan\":%d,"
				 "\"bgp_asn\":65010,\"address_family\":\"ipv4\","
				 "\"connection_id\":\"dxcon-%d\"", i,
				 100 + i % 3900, i);
		res(&first, mod, "aws_dx_private_virtual_interface", "vif", i,
		    v);
		snprintf(v, sizeof(v), "\"name\":\"er-%d\",\"resource_group_name"
			 "\":\"rg\",\"service_provider_name\":\"Equinix\","
			 "\"peering_location\":\"Washington DC\","
			 "\"bandwidth_in_mbps\":1000", i);
		res(&first, mod, "azurerm_express_route_circuit", "er", i, v);
		snprintf(v, sizeof(v), "\"peering_type\":\"AzurePrivatePeering\","
			 "\"express_route_circuit_name\":\"er-%d\","
			 "\"resource_group_name\":\"rg\",\"peer_asn\":65020,"
			 "\"vlan_id\":%d,\"primary_peer_address_prefix\":"
			 "\"10.%d.%d.0/30\"", i, 100 + i, i / 256, i % 256);
		res(&first, mod, "azurerm_express_route_circuit_peering", "pe",
		    i, v);
	}
	printf("]}},\n\"resource_changes\":[");
	for (int i = 1; i < 1000; i += 2) {
		module(mod, sizeof(mod), i);
		printf("%s\n{\"address\":\"%saws_dx_private_virtual_interface."
		       "vif[%d]\",\"change\":{\"actions\":[\"create\"],"
		       "\"after_unknown\":{\"connection_id\":true,\"id\":true}}}",
		       i > 1 ? "," : "", mod, i);
	}
	printf("],\n\"configuration\":{\"root_module\":{\"module_calls\":{"
	       "\"region\":{\"module\":{\"module_calls\":{\"pod\":{\"module\":"
	       "{\"module_calls\":{\"edge\":{\"module\":{\"resources\":["
	       "{\"address\":\"aws_dx_private_virtual_interface.vif\","
	       "\"expressions\":{\"connection_id\":{\"references\":["
	       "\"aws_dx_connection.dx\",\"count.index\"]}}}"
	       "]}}}}}}}}}}}}\n");
	return 0;
}
