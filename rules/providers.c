/*
 * Provider facts, one row per provider. Every figure set here names the
 * public page it comes from; a figure that could not be sourced stays 0
 * (unset: no limit).
 */
#include "providers.h"

static const struct nsp_provider_facts facts[NSP_PROV_COUNT] = {
	[NSP_PROV_AWS] = {.provider = NSP_PROV_AWS,
			  .product = "AWS Direct Connect"},
	[NSP_PROV_AZURE] = {.provider = NSP_PROV_AZURE,
			    .product = "Azure ExpressRoute"},
	[NSP_PROV_GCP] = {.provider = NSP_PROV_GCP,
			  .product = "Google Cloud Interconnect"},
	[NSP_PROV_IBM] = {.provider = NSP_PROV_IBM,
			  .product = "IBM Cloud Direct Link"},
	[NSP_PROV_ALIBABA] = {.provider = NSP_PROV_ALIBABA,
			      .product = "Alibaba Cloud Express Connect"},
	[NSP_PROV_OVHCLOUD] = {.provider = NSP_PROV_OVHCLOUD,
			       .product = "OVHcloud Connect"},
	[NSP_PROV_OTC] = {.provider = NSP_PROV_OTC,
			  .product = "Open Telekom Cloud Direct Connect"},
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
