/*
 * The benchmark design: thousands of sites, each dual-homed over four
 * circuits (two CPEs, two PoPs, an edge router pair in each), BGP with BFD
 * on every circuit; 2,500 sites give 10,000 circuits. A fixed seed makes
 * the same file every time. Usage: gen [SITES] > design.yaml
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define NPOPS 40

/* xorshift64: small and deterministic. */
static uint64_t rnd(void)
{
	static uint64_t s = 0x6e6f73706f66ull;
	s ^= s << 13;
	s ^= s >> 7;
	s ^= s << 17;
	return s;
}

int main(int argc, char **argv)
{
	long sites = argc > 1 ? strtol(argv[1], NULL, 10) : 2500;
	static const char *const carriers[] = {"telekom", "colt", "orange",
	                                       "zayo"};
	printf("nospof: 1\nname: bench-%ld-sites\n", sites);
	printf("intent:\n  mode: active-active\n  failover_ms: 1000\n");
	printf("clouds:\n  - {id: vpc, provider: aws, prefixes: "
	       "[10.0.0.0/8]}\n");
	printf("pops:\n");
	for (int p = 0; p < NPOPS; p++)
		printf("  - {id: pop-%02d, metro: metro-%02d, facility: "
		       "fac-%02d}\n",
		       p, p, p);
	printf("sites:\n");
	for (long s = 0; s < sites; s++)
		printf("  - {id: site-%05ld, prefixes: [172.%ld.%ld.0/24]}\n",
		       s, 16 + s / 256 % 16, s % 256);
	printf("routers:\n");
	for (int p = 0; p < NPOPS; p++)
		for (int k = 1; k <= 2; k++)
			printf(
			    "  - {id: edge-%02d-%d, role: edge, pop: pop-%02d, "
			    "cloud: vpc, asn: 64512}\n",
			    p, k, p);
	for (long s = 0; s < sites; s++)
		for (int k = 1; k <= 2; k++)
			printf("  - {id: cpe-%05ld-%d, role: cpe, site: "
			       "site-%05ld, asn: %ld}\n",
			       s, k, s, 65000 + s % 500);
	printf("circuits:\n");
	for (long s = 0; s < sites; s++) {
		int p1 = (int)(rnd() % NPOPS), p2 = (int)(rnd() % (NPOPS - 1));
		if (p2 >= p1)
			p2++;
		int pops[2] = {p1, p2};
		for (int i = 0; i < 4; i++) {
			int cpe = i % 2 + 1, pop = pops[i / 2];
			long n = s * 4 + i;
			printf(
			    "  - id: c-%05ld-%d\n"
			    "    a: {router: cpe-%05ld-%d, port: xe-0/0/%d}\n"
			    "    z: {router: edge-%02d-%d, port: \"et-%ld\"}\n"
			    "    bandwidth_mbps: 1000\n"
			    "    carrier: %s\n"
			    "    bgp:\n"
			    "      ip: 100.%ld.%ld.%ld/30\n"
			    "      peer_ip: 100.%ld.%ld.%ld\n"
			    "      bfd: {interval_ms: 300, multiplier: 3}\n",
			    s, i, s, cpe, i / 2, pop, cpe, n,
			    carriers[rnd() % 4], 64 + n / 16384 % 64,
			    n / 64 % 256, n % 64 * 4 + 1, 64 + n / 16384 % 64,
			    n / 64 % 256, n % 64 * 4 + 2);
		}
	}
	printf("demands:\n");
	for (long s = 0; s < sites; s++)
		printf("  - {from: site-%05ld, to: vpc, mbps: 500}\n", s);
	return 0;
}
