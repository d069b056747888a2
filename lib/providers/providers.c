/*
 * Provider facts, one row per provider. Every figure set here names the
 * public page it comes from; a figure that could not be sourced stays 0
 * (unset: no limit).
 */
#include "providers.h"

#include <stdlib.h>
#include <string.h>

#include "model/util.h"
#include "sources.h"

#define AWS_QUOTAS                                                             \
	"AWS Direct Connect quotas, "                                          \
	"https://docs.aws.amazon.com/directconnect/latest/UserGuide/"          \
	"limits.html (routes per BGP session on a private or transit "         \
	"virtual interface from on-premises: 100 each for IPv4 and IPv6 by "   \
	"default; above it the session goes idle)"
#define AWS_BFD                                                                \
	"AWS knowledge center, https://repost.aws/knowledge-center/"           \
	"enable-bfd-direct-connect (asynchronous BFD is on at the AWS side "   \
	"with a 300 ms minimum interval and multiplier 3)"
#define AWS_HOLD                                                               \
	"AWS Direct Connect user guide, BGP-specific settings, "               \
	"https://docs.aws.amazon.com/directconnect/latest/UserGuide/"          \
	"bgp-specific-settings.html (AWS side: hold timer 90 s by default, "   \
	"at least 3 s; the timers negotiate down to the lower of the two "     \
	"peers'); AWS knowledge center, https://repost.aws/knowledge-center/"  \
	"enable-bfd-direct-connect (without BFD, BGP waits for the 90 s hold " \
	"time)"
#define AWS_RETURN                                                             \
	"AWS Direct Connect user guide, Routing policies and BGP communities, " \
	"https://docs.aws.amazon.com/directconnect/latest/UserGuide/"          \
	"routing-and-bgp.html (private and transit virtual interfaces: AWS "   \
	"prefers Direct Connect locations homed in the VPC's Region over "     \
	"those of other Regions, and compares AS_PATH between locations on "   \
	"the same side of that line; the local preference communities "        \
	"7224:7100 low, "                                                      \
	"7224:7200 medium and 7224:7300 high are evaluated before any "        \
	"AS_PATH, and without them the local preference follows the distance " \
	"to the location); AWS Direct Connect private virtual interface "      \
	"routing example, https://docs.aws.amazon.com/directconnect/latest/"   \
	"UserGuide/private-transit-vif-example.html (two interfaces in the "   \
	"VPC's Region are preferred to a third with a shorter AS_PATH in "     \
	"another Region)"
#define AWS_MTU                                                                \
	"AWS Direct Connect API reference, CreatePrivateVirtualInterface "     \
	"(1500 or jumbo 9001, 8500 on newer pages) and "                       \
	"https://docs.aws.amazon.com/directconnect/latest/APIReference/"       \
	"API_CreateTransitVirtualInterface.html (1500 or 8500)"
#define AZURE_LIMITS                                                           \
	"Azure subscription limits, ExpressRoute route advertisement "         \
	"limits, https://learn.microsoft.com/en-us/azure/"                     \
	"azure-resource-manager/management/azure-subscription-service-limits " \
	"(private peering from on-premises: 4,000 IPv4 routes with Standard, " \
	"10,000 with Premium; 100 IPv6)"
#define AZURE_BFD                                                              \
	"Azure ExpressRoute, Configure BFD, https://learn.microsoft.com/"      \
	"en-us/azure/expressroute/expressroute-bfd (the MSEEs run 300 ms, in " \
	"some cases 750 ms; longer intervals can be forced, shorter cannot)"
#define AZURE_HOLD                                                             \
	"Azure ExpressRoute, Configure BFD, https://learn.microsoft.com/"      \
	"en-us/azure/expressroute/expressroute-bfd (the MSEEs typically run "  \
	"BGP keepalive 60 s and hold time 180 s; with different timers the "   \
	"session comes up with the lower value)"
#define AZURE_MTU                                                              \
	"Azure ExpressRoute FAQ, https://learn.microsoft.com/en-us/azure/"     \
	"expressroute/expressroute-faqs (maximum MTU supported: 1,500 bytes)"
#define GCP_BFD                                                                \
	"Compute Engine API, RouterBgpPeerBfd, https://cloud.google.com/"      \
	"compute/docs/reference/rest/v1/routers (min receive and transmit "    \
	"interval 1000-30000 ms, multiplier 5-16)"
#define GCP_HOLD                                                               \
	"Google Cloud Router, Manage BGP timers, https://cloud.google.com/"    \
	"network-connectivity/docs/router/how-to/managing-bgp-timers "         \
	"(keepalive 20 s by default, hold timer three times the keepalive: "   \
	"60 s; the session negotiates the lower of the two hold timers. A "    \
	"keepalive raised up to 60 s makes it up to 180 s, which a design "    \
	"does not say: nospof assumes the default)"
#define GCP_MTU                                                                \
	"Compute Engine API, InterconnectAttachment.mtu, "                     \
	"https://cloud.google.com/compute/docs/reference/rest/v1/"             \
	"interconnectAttachments (1440, the default, 1460, 1500 or 8896)"
#define IBM_BFD                                                                \
	"IBM Cloud Direct Link, Setting up BFD, "                              \
	"https://cloud.ibm.com/docs/dl?topic=dl-dl-bfd (interval 300-255,000 " \
	"ms, multiplier 1-255)"
#define ALIBABA_VBR                                                            \
	"Alibaba Cloud Express Connect, Virtual border router, "               \
	"https://www.alibabacloud.com/help/en/express-connect/user-guide/"     \
	"what-is-a-virtual-border-router (each BGP peer supports at most 110 " \
	"dynamic routes; routes beyond it are discarded)"
#define ALIBABA_BFD                                                            \
	"Alibaba Cloud Express Connect API, "                                  \
	"ModifyVirtualBorderRouterAttribute, https://www.alibabacloud.com/"    \
	"help/en/express-connect/developer-reference/"                         \
	"api-vpc-2016-04-28-modifyvirtualborderrouterattribute-"               \
	"express-connect"                                                      \
	" (MinTxInterval and MinRxInterval 200-1000 ms, DetectMultiplier "     \
	"3-10)"
#define ALIBABA_ECMP                                                           \
	NSP_SRC_ALIBABA_ECMP " (ECMP takes effect when both VBRs are in the "  \
	"same region and use the same routing method)"
#define OVH_MED                                                                \
	NSP_SRC_OVH " (MED may not be honoured in all OVHcloud "               \
	"configurations)"
#define OTC_CIDRS                                                              \
	NSP_SRC_OTC_LIMITS " (at most 50 CIDR blocks per virtual gateway and " \
	"50 remote subnets per virtual interface)"

static const struct nsp_provider_facts facts[NSP_PROV_COUNT] = {
	[NSP_PROV_AWS] = {
		.provider = NSP_PROV_AWS,
		.product = "AWS Direct Connect",
		/* AWS Direct Connect quotas page (AWS_QUOTAS) */
		.prefixes_per_session_v4 = 100,
		.prefixes_per_session_v6 = 100,
		.src_prefixes = AWS_QUOTAS,
		/* AWS knowledge center, BFD for Direct Connect (AWS_BFD) */
		.bfd_min_interval_ms = 300,
		.bfd_min_multiplier = 3,
		.src_bfd = AWS_BFD,
		/* Direct Connect BGP-specific settings (AWS_HOLD) */
		.bgp_hold_s = 90,
		.src_hold = AWS_HOLD,
		/* Direct Connect routing policies and BGP communities
		 * (AWS_RETURN) */
		.home_region_first = NSP_TRI_YES,
		.lp_communities = {7224u << 16 | 7100, 7224u << 16 | 7200,
				   7224u << 16 | 7300},
		.src_return = AWS_RETURN,
		/* Direct Connect API reference, virtual interfaces (AWS_MTU) */
		.mtus = {1500, 8500, 9001},
		.src_mtus = AWS_MTU,
	},
	[NSP_PROV_AZURE] = {
		.provider = NSP_PROV_AZURE,
		.product = "Azure ExpressRoute",
		/* Azure subscription limits, ExpressRoute (AZURE_LIMITS):
		 * the Standard figure; Premium raises IPv4 to 10,000 */
		.prefixes_per_session_v4 = 4000,
		.prefixes_per_session_v6 = 100,
		.src_prefixes = AZURE_LIMITS,
		/* Azure ExpressRoute, Configure BFD (AZURE_BFD) */
		.bfd_min_interval_ms = 300,
		.src_bfd = AZURE_BFD,
		/* Azure ExpressRoute, Configure BFD (AZURE_HOLD) */
		.bgp_hold_s = 180,
		.src_hold = AZURE_HOLD,
		/* Azure ExpressRoute FAQ (AZURE_MTU) */
		.mtus = {1500},
		.src_mtus = AZURE_MTU,
	},
	[NSP_PROV_GCP] = {
		.provider = NSP_PROV_GCP,
		.product = "Google Cloud Interconnect",
		/* Compute API, RouterBgpPeerBfd (GCP_BFD) */
		.bfd_min_interval_ms = 1000,
		.bfd_max_interval_ms = 30000,
		.bfd_min_multiplier = 5,
		.bfd_max_multiplier = 16,
		.src_bfd = GCP_BFD,
		/* Cloud Router, Manage BGP timers (GCP_HOLD): the default */
		.bgp_hold_s = 60,
		.src_hold = GCP_HOLD,
		/* Compute API, InterconnectAttachment.mtu (GCP_MTU) */
		.mtus = {1440, 1460, 1500, 8896},
		.src_mtus = GCP_MTU,
	},
	[NSP_PROV_IBM] = {
		.provider = NSP_PROV_IBM,
		.product = "IBM Cloud Direct Link",
		/* IBM Cloud Direct Link, Setting up BFD (IBM_BFD) */
		.bfd_min_interval_ms = 300,
		.bfd_max_interval_ms = 255000,
		.bfd_min_multiplier = 1,
		.bfd_max_multiplier = 255,
		.src_bfd = IBM_BFD,
	},
	[NSP_PROV_ALIBABA] = {
		.provider = NSP_PROV_ALIBABA,
		.product = "Alibaba Cloud Express Connect",
		/* Express Connect, Virtual border router (ALIBABA_VBR): 110
		 * per BGP peer, and IPv4 and IPv6 run separate peers */
		.prefixes_per_session_v4 = 110,
		.prefixes_per_session_v6 = 110,
		.src_prefixes = ALIBABA_VBR,
		/* Express Connect API, ModifyVirtualBorderRouterAttribute
		 * (ALIBABA_BFD) */
		.bfd_min_interval_ms = 200,
		.bfd_max_interval_ms = 1000,
		.bfd_min_multiplier = 3,
		.bfd_max_multiplier = 10,
		.src_bfd = ALIBABA_BFD,
		/* Alibaba Cloud ECMP use case (ALIBABA_ECMP) */
		.ecmp_needs_one_region = NSP_TRI_YES,
		.src_region = ALIBABA_ECMP,
	},
	[NSP_PROV_OVHCLOUD] = {
		.provider = NSP_PROV_OVHCLOUD,
		.product = "OVHcloud Connect",
		/* OVHcloud Connect resilient architecture (OVH_MED) */
		.med_honoured = NSP_TRI_NO,
		.src_med = OVH_MED,
	},
	[NSP_PROV_OTC] = {
		.provider = NSP_PROV_OTC,
		.product = "Open Telekom Cloud Direct Connect",
		/* OTC Direct Connect, redundant access (OTC_CIDRS) */
		.cidrs_per_gateway = 50,
		.cidrs_per_interface = 50,
		.src_cidrs = OTC_CIDRS,
	},
	[NSP_PROV_ORACLE] = {.provider = NSP_PROV_ORACLE,
			     .product = "Oracle Cloud FastConnect"},
	[NSP_PROV_GENERIC] = {.provider = NSP_PROV_GENERIC,
			      .product = "a generic provider"},
};

const struct nsp_provider_facts *nsp_provider_facts(enum nsp_provider p)
{
	return &facts[p < NSP_PROV_COUNT ? p : NSP_PROV_GENERIC];
}

enum nsp_provider nsp_circuit_provider(const struct nsp_model *m,
				       const struct nsp_circuit *c)
{
	const struct nsp_router *z = &m->routers[c->z.router];
	if (z->role == NSP_ROLE_EDGE && z->cloud != NSP_NONE)
		return m->clouds[z->cloud].provider;
	return NSP_PROV_GENERIC;
}

int nsp_lp_community_rank(const struct nsp_provider_facts *f,
			  const struct nsp_circuit *c)
{
	if (!f->lp_communities[0])
		return 0;
	for (size_t i = 0; i < c->bgp.ncommunities; i++)
		for (int k = 0; k < 3; k++)
			if (c->bgp.communities[i] == f->lp_communities[k])
				return k + 1;
	return 0;
}

void nsp_community_text(uint32_t community, char *buf, size_t n)
{
	snprintf(buf, n, "%u:%u", community >> 16, community & 0xffff);
}

bool nsp_provider_offers_mtu(const struct nsp_provider_facts *f,
			     uint32_t mtu)
{
	if (!f->mtus[0])
		return true;
	for (size_t i = 0; i < NSP_MAX_MTUS && f->mtus[i]; i++)
		if (f->mtus[i] == mtu)
			return true;
	return false;
}

char *nsp_provider_mtu_list(const struct nsp_provider_facts *f)
{
	struct nsp_buf b = {0};
	size_t n = 0;
	while (n < NSP_MAX_MTUS && f->mtus[n])
		n++;
	for (size_t i = 0; i < n; i++)
		nsp_buf_printf(&b, "%s%u",
			       !i ? "" : i + 1 == n ? " or " : ", ",
			       f->mtus[i]);
	return nsp_buf_detach(&b);
}

/* Print one figure line and its source, indented. */
static void line(FILE *out, const struct nsp_provider_facts *f,
		 const char *figure, const char *src)
{
	char *head = nsp_xasprintf("%s (%s): %s",
				   nsp_provider_names[f->provider], f->product,
				   figure);
	fputs("  - ", out);
	nsp_print_wrapped(out, head, 4, 4);
	char *s = nsp_xasprintf("source: %s", src);
	fputs("    ", out);
	nsp_print_wrapped(out, s, 4, 6);
	free(head);
	free(s);
}

void nsp_provider_facts_print(FILE *out, unsigned groups)
{
	for (int p = 0; p < NSP_PROV_COUNT; p++) {
		const struct nsp_provider_facts *f = &facts[p];
		char buf[256];
		if ((groups & NSP_FACT_PREFIXES) &&
		    (f->prefixes_per_session_v4 ||
		     f->prefixes_per_session_v6)) {
			snprintf(buf, sizeof(buf),
				 "%u IPv4 and %u IPv6 prefixes per BGP session",
				 f->prefixes_per_session_v4,
				 f->prefixes_per_session_v6);
			line(out, f, buf, f->src_prefixes);
		}
		if ((groups & NSP_FACT_CIDRS) &&
		    (f->cidrs_per_gateway || f->cidrs_per_interface)) {
			snprintf(buf, sizeof(buf),
				 "%u CIDR blocks per gateway, %u remote "
				 "subnets per interface",
				 f->cidrs_per_gateway, f->cidrs_per_interface);
			line(out, f, buf, f->src_cidrs);
		}
		if ((groups & NSP_FACT_BFD) && f->src_bfd) {
			char max_i[32] = "no maximum", max_m[32] = "no maximum";
			if (f->bfd_max_interval_ms)
				snprintf(max_i, sizeof(max_i), "at most %u",
					 f->bfd_max_interval_ms);
			if (f->bfd_max_multiplier)
				snprintf(max_m, sizeof(max_m), "at most %u",
					 f->bfd_max_multiplier);
			snprintf(buf, sizeof(buf),
				 "BFD interval at least %u ms (%s), multiplier "
				 "at least %u (%s)",
				 f->bfd_min_interval_ms, max_i,
				 f->bfd_min_multiplier ? f->bfd_min_multiplier :
							 1,
				 max_m);
			line(out, f, buf, f->src_bfd);
		}
		if ((groups & NSP_FACT_HOLD) && f->bgp_hold_s) {
			snprintf(buf, sizeof(buf),
				 "BGP hold time %u s on the provider's side "
				 "(the session runs at the smaller of it and "
				 "hold_s)",
				 f->bgp_hold_s);
			line(out, f, buf, f->src_hold);
		}
		if ((groups & NSP_FACT_MTUS) && f->mtus[0]) {
			char *l = nsp_provider_mtu_list(f);
			snprintf(buf, sizeof(buf), "MTU %s", l);
			free(l);
			line(out, f, buf, f->src_mtus);
		}
		if ((groups & NSP_FACT_MED) &&
		    f->med_honoured != NSP_TRI_UNKNOWN)
			line(out, f,
			     f->med_honoured == NSP_TRI_YES ?
				     "MED honoured" :
				     "MED may not be honoured",
			     f->src_med);
		if ((groups & NSP_FACT_RETURN) &&
		    f->home_region_first == NSP_TRI_YES) {
			char lo[16], me[16], hi[16];
			nsp_community_text(f->lp_communities[0], lo,
					   sizeof(lo));
			nsp_community_text(f->lp_communities[1], me,
					   sizeof(me));
			nsp_community_text(f->lp_communities[2], hi,
					   sizeof(hi));
			snprintf(buf, sizeof(buf),
				 "return traffic prefers a location in the "
				 "cloud's Region before AS_PATH; "
				 "local-preference communities %s (low), %s "
				 "(medium), %s (high) come first",
				 lo, me, hi);
			line(out, f, buf, f->src_return);
		}
		if ((groups & NSP_FACT_REGION) &&
		    f->ecmp_needs_one_region == NSP_TRI_YES)
			line(out, f, "ECMP only between edge routers of one "
				     "region", f->src_region);
	}
	fprintf(out, "  - every other provider: no figure known, so no limit "
		     "is applied\n");
}
