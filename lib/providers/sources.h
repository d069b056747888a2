/*
 * The public pages the rules cite. The specification's seed documents
 * 000-004 are copies of these; a user looks them up by these titles and
 * addresses, so references, remediations and messages name the page, never
 * the seed number.
 */
#ifndef NSP_RULES_SOURCES_H
#define NSP_RULES_SOURCES_H

/* seed 000 */
#define NSP_SRC_IBM_ECMP                                                       \
	"IBM Cloud Direct Link, Leveraging ECMP for redundant connections, "   \
	"https://cloud.ibm.com/docs/dl?topic=dl-leverage-ecmp-redundant-"      \
	"connections"
/* seed 001 */
#define NSP_SRC_ALIBABA_ECMP                                                   \
	"Alibaba Cloud Express Connect, Connect a data center to Alibaba "     \
	"Cloud over ECMP circuits using ECR, https://www.alibabacloud.com/"    \
	"help/en/express-connect/use-cases/the-local-idc-can-use-ecr-to-link-" \
	"the-load-to-the-cloud"
/* seed 002 */
#define NSP_SRC_OVH                                                            \
	"OVHcloud Connect, Set up a resilient OVHcloud Connect architecture, " \
	"https://docs.ovhcloud.com/de/guides/network/ovhcloud-connect/"        \
	"resilient-architecture"
/*
 * seed 003, and the edition of it that states the 50-entry limits and
 * that a remote subnet cannot be the VPC CIDR block
 */
#define NSP_SRC_OTC                                                            \
	"Open Telekom Cloud Direct Connect, Configuring Redundant or "         \
	"Active/Standby Connections (formerly Redundant Connection Access), "  \
	"https://docs.otc.t-systems.com/direct-connect/umn/best_practices/"    \
	"configuring_redundant_or_active_standby_connections.html"
#define NSP_SRC_OTC_LIMITS                                                     \
	"Open Telekom Cloud Direct Connect, Redundant Connection Access, as "  \
	"published in the user guide's source, https://github.com/"            \
	"opentelekomcloud-docs/direct-connect/blob/"                           \
	"7de412507dc60d8d4d1d16dccb72b67c909ed355/umn/source/best_practice/"   \
	"redundant_connection_access.rst"
/* seed 004 */
#define NSP_SRC_LINUX_ECMP                                                     \
	"Configuring ECMP Routing on Linux: Distributing Traffic Across "      \
	"Multiple Network Paths with ip route, https://itfromzero.com/en/"     \
	"network-en/configuring-ecmp-routing-on-linux-distributing-traffic-"   \
	"across-multiple-network-paths-with-ip-route.html"

/* provider failover tests (HA005) */
#define NSP_SRC_AWS_FAILOVER_TEST                                              \
	"AWS Direct Connect API Reference, StartBgpFailoverTest (places the "  \
	"BGP peering session in the DOWN state for a set time), https://docs." \
	"aws.amazon.com/directconnect/latest/APIReference/"                    \
	"API_StartBgpFailoverTest.html"
#define NSP_SRC_AZURE_FAILOVER_TEST                                            \
	"Azure PowerShell, Start-AzVirtualNetworkGatewaySiteFailoverTest "     \
	"(ExpressRoute site failover simulation for a peering location), "     \
	"https://learn.microsoft.com/en-us/powershell/module/az.network/"      \
	"start-azvirtualnetworkgatewaysitefailovertest"

#endif
