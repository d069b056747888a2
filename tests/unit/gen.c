/*
 * Random designs for the property tests: small, varied, and likely to share
 * things (a few PoPs, facilities, metros, edge domains, carriers and tags
 * drawn from short lists), from a seed, the same on every machine.
 */
#include <stdio.h>
#include <string.h>

#include "helpers.h"

/* xorshift64*: a small generator with the same sequence everywhere. */
static uint64_t next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ull;
}

/* A number in [0, n). */
static unsigned pick(uint64_t *s, unsigned n)
{
	return (unsigned)(next(s) >> 33) % n;
}

/* Whether an event of probability percent/100 happens. */
static bool chance(uint64_t *s, unsigned percent)
{
	return pick(s, 100) < percent;
}

/* "[t1, t3]" or nothing: a few shared-risk tags from a short list. */
static void tags(struct nsp_buf *b, uint64_t *s, unsigned percent)
{
	if (!chance(s, percent))
		return;
	unsigned n = 1 + pick(s, 2), first = pick(s, 4);
	nsp_buf_puts(b, ", srlg: [");
	for (unsigned i = 0; i < n; i++)
		nsp_buf_printf(b, "%st%u", i ? ", " : "", (first + i) % 4);
	nsp_buf_puts(b, "]");
}

static const char *const classes[] = {
	"circuit", "port",    "router",      "pop",  "facility",
	"metro",   "edge_domain", "carrier", "srlg",
};

char *gen_design(uint64_t seed)
{
	uint64_t s = seed * 0x9e3779b97f4a7c15ull + 1;
	struct nsp_buf b = {0};
	unsigned nsites = 1 + pick(&s, 2), nclouds = 1 + pick(&s, 2);
	unsigned npops = 1 + pick(&s, 4);
	nsp_buf_printf(&b, "nospof: 1\nname: gen-%llu\n",
		       (unsigned long long)seed);
	if (chance(&s, 80)) {
		nsp_buf_puts(&b, "intent:\n  survive: [");
		unsigned mask = 0;
		while (!mask)
			mask = (unsigned)next(&s) & 0x1ff;
		for (unsigned c = 0, n = 0; c < 9; c++)
			if (mask & (1u << c))
				nsp_buf_printf(&b, "%s%s", n++ ? ", " : "",
					       classes[c]);
		nsp_buf_puts(&b, "]\n");
		if (chance(&s, 30))
			nsp_buf_puts(&b, "  mode: active-standby\n");
	}
	nsp_buf_puts(&b, "sites:\n");
	for (unsigned i = 0; i < nsites; i++)
		nsp_buf_printf(&b, "  - {id: dc%u, prefixes: [10.%u.0.0/16]}\n",
			       i, i + 1);
	nsp_buf_puts(&b, "clouds:\n");
	for (unsigned i = 0; i < nclouds; i++)
		nsp_buf_printf(&b,
			       "  - {id: vpc%u, provider: generic, "
			       "prefixes: [172.%u.0.0/16]}\n",
			       i, 16 + i);
	nsp_buf_puts(&b, "pops:\n");
	for (unsigned p = 0; p < npops; p++) {
		nsp_buf_printf(&b, "  - {id: p%u", p);
		if (chance(&s, 60))
			nsp_buf_printf(&b, ", facility: f%u", pick(&s, 3));
		if (chance(&s, 60))
			nsp_buf_printf(&b, ", metro: m%u", pick(&s, 2));
		if (chance(&s, 40))
			nsp_buf_printf(&b, ", edge_domain: d%u", pick(&s, 2));
		tags(&b, &s, 25);
		nsp_buf_puts(&b, "}\n");
	}
	/* routers: CPEs per site, edges per cloud, a few exchanges */
	unsigned ncpe = 0, nedge = 0, nexch = pick(&s, 3) == 0 ? 1 + pick(&s, 2)
							       : 0;
	nsp_buf_puts(&b, "routers:\n");
	for (unsigned i = 0; i < nsites; i++)
		for (unsigned k = 0, n = 1 + pick(&s, 2); k < n; k++) {
			nsp_buf_printf(&b, "  - {id: c%u, role: cpe, site: dc%u",
				       ncpe++, i);
			tags(&b, &s, 15);
			nsp_buf_puts(&b, "}\n");
		}
	for (unsigned i = 0; i < nclouds; i++)
		for (unsigned k = 0, n = 1 + pick(&s, 2); k < n; k++) {
			nsp_buf_printf(&b,
				       "  - {id: e%u, role: edge, pop: p%u, "
				       "cloud: vpc%u",
				       nedge++, pick(&s, npops), i);
			tags(&b, &s, 15);
			nsp_buf_puts(&b, "}\n");
		}
	for (unsigned i = 0; i < nexch; i++)
		nsp_buf_printf(&b, "  - {id: x%u, role: exchange, pop: p%u}\n",
			       i, pick(&s, npops));
	/* circuits: a from a CPE or exchange, z to an edge or exchange */
	unsigned ncirc = 1 + pick(&s, 6) + (nexch ? 2 : 0);
	nsp_buf_puts(&b, "circuits:\n");
	for (unsigned i = 0; i < ncirc; i++) {
		char a[16], z[16];
		unsigned from_x = nexch && chance(&s, 30);
		unsigned to_x = nexch && !from_x && chance(&s, 40);
		if (from_x)
			snprintf(a, sizeof(a), "x%u", pick(&s, nexch));
		else
			snprintf(a, sizeof(a), "c%u", pick(&s, ncpe));
		if (to_x)
			snprintf(z, sizeof(z), "x%u", pick(&s, nexch));
		else
			snprintf(z, sizeof(z), "e%u", pick(&s, nedge));
		nsp_buf_printf(&b, "  - {id: k%u, a: {router: %s", i, a);
		if (chance(&s, 50))
			nsp_buf_printf(&b, ", port: a%u", pick(&s, 2));
		nsp_buf_printf(&b, "}, z: {router: %s", z);
		if (chance(&s, 30))
			nsp_buf_printf(&b, ", port: z%u", pick(&s, 2));
		nsp_buf_printf(&b, "}, bandwidth_mbps: %u",
			       100 * (1 + pick(&s, 10)));
		if (chance(&s, 50))
			nsp_buf_printf(&b, ", carrier: k%u", pick(&s, 2));
		if (chance(&s, 15))
			nsp_buf_puts(&b, ", role: backup");
		if (chance(&s, 20))
			nsp_buf_printf(&b, ", weight: %u", 1 + pick(&s, 3));
		tags(&b, &s, 20);
		nsp_buf_puts(&b, "}\n");
	}
	if (chance(&s, 60)) {
		nsp_buf_puts(&b, "demands:\n");
		for (unsigned i = 0, n = 1 + pick(&s, 3); i < n; i++) {
			unsigned site = pick(&s, nsites),
				 cloud = pick(&s, nclouds);
			bool up = chance(&s, 70);
			nsp_buf_printf(&b, "  - {from: %s%u, to: %s%u",
				       up ? "dc" : "vpc", up ? site : cloud,
				       up ? "vpc" : "dc", up ? cloud : site);
			if (chance(&s, 80))
				nsp_buf_printf(&b, ", mbps: %u",
					       100 * (1 + pick(&s, 12)));
			nsp_buf_puts(&b, "}\n");
		}
	}
	return nsp_buf_detach(&b);
}
