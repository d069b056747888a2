/*
 * IPsec VPN figures of the providers that publish them: the bandwidth one
 * tunnel carries, with the page it comes from. Azure's depends on the
 * gateway SKU, which the format does not describe, so it is left unset.
 */
#include "providers.h"

#include <stddef.h>

#define SRC_AWS_VPN                                                            \
	"AWS Site-to-Site VPN User Guide, Tunnel options for your AWS "        \
	"Site-to-Site VPN connection (Tunnel bandwidth options: Standard, "    \
	"up to 1.25 Gbps per tunnel, the default), https://docs.aws.amazon."   \
	"com/vpn/latest/s2svpn/VPNTunnels.html"
#define SRC_GCP_VPN                                                            \
	"Google Cloud VPN, Topologies that increase bandwidth (each tunnel "   \
	"handles up to 250,000 packets per second, between 1 Gbps and 3 "      \
	"Gbps), https://cloud.google.com/network-connectivity/docs/vpn/"       \
	"concepts/topologies-increase-bandwidth"

#define SRC_AWS_DPD                                                            \
	"Amazon EC2 API Reference, ModifyVpnTunnelOptionsSpecification "     \
	"(DPDTimeoutSeconds: the number of seconds after which a DPD "       \
	"timeout occurs, default 40; DPDTimeoutAction default clear: the "   \
	"IKE session ends, the tunnel goes down and its routes are "         \
	"removed), https://docs.aws.amazon.com/AWSEC2/latest/APIReference/"  \
	"API_ModifyVpnTunnelOptionsSpecification.html"

/* The published per-tunnel bandwidth of provider p (see providers.h). */
uint64_t nsp_vpn_tunnel_mbps(enum nsp_provider p, const char **src)
{
	switch (p) {
	case NSP_PROV_AWS:
		*src = SRC_AWS_VPN;
		return 1250;
	case NSP_PROV_GCP:
		*src = SRC_GCP_VPN;
		return 3000;
	default:
		*src = NULL;
		return 0;
	}
}

/* The provider's default dead peer detection timeout (see providers.h). */
uint32_t nsp_vpn_dpd_timeout_s(enum nsp_provider p, const char **product,
			       const char **src)
{
	switch (p) {
	case NSP_PROV_AWS:
		*product = "AWS Site-to-Site VPN";
		*src = SRC_AWS_DPD;
		return 40;
	default:
		*product = NULL;
		*src = NULL;
		return 0;
	}
}
