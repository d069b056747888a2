/*
 * Tests of the routing helpers: the provider facts table, the failover time
 * of a circuit against the provider's BFD minimums, the failover rule that
 * owns a circuit, and what `nospof explain` shows of the table.
 */
#include <stdlib.h>
#include <string.h>

#include "../../rules/routing.h"
#include "helpers.h"

START_TEST(provider_table_is_sane)
{
	for (int p = 0; p < NSP_PROV_COUNT; p++) {
		const struct nsp_provider_facts *f = nsp_provider_facts(p);
		ck_assert_int_eq(f->provider, p);
		ck_assert_ptr_nonnull(f->product);
		/* prefix and CIDR limits: 1 .. 100,000 when set */
		ck_assert_uint_le(f->prefixes_per_session_v4, 100000);
		ck_assert_uint_le(f->prefixes_per_session_v6, 100000);
		ck_assert_uint_le(f->cidrs_per_gateway, 100000);
		ck_assert_uint_le(f->cidrs_per_interface, 100000);
		ck_assert(!(f->prefixes_per_session_v4 ||
			    f->prefixes_per_session_v6) ||
			  f->src_prefixes);
		ck_assert(!(f->cidrs_per_gateway || f->cidrs_per_interface) ||
			  f->src_cidrs);
		/* BFD: 1 ms .. 10 min, multiplier 1 .. 255, min <= max */
		ck_assert_uint_le(f->bfd_min_interval_ms, 600000);
		ck_assert_uint_le(f->bfd_max_interval_ms, 600000);
		ck_assert_uint_le(f->bfd_max_multiplier, 255);
		if (f->bfd_max_interval_ms)
			ck_assert_uint_le(f->bfd_min_interval_ms,
					  f->bfd_max_interval_ms);
		if (f->bfd_max_multiplier)
			ck_assert_uint_le(f->bfd_min_multiplier,
					  f->bfd_max_multiplier);
		ck_assert(!(f->bfd_min_interval_ms || f->bfd_max_interval_ms ||
			    f->bfd_min_multiplier || f->bfd_max_multiplier) ||
			  f->src_bfd);
		/* MTUs: 576 .. 9216, ascending, sourced */
		for (int i = 0; i < NSP_MAX_MTUS && f->mtus[i]; i++) {
			ck_assert_uint_ge(f->mtus[i], 576);
			ck_assert_uint_le(f->mtus[i], 9216);
			if (i)
				ck_assert_uint_gt(f->mtus[i], f->mtus[i - 1]);
		}
		ck_assert(!f->mtus[0] || f->src_mtus);
		/* hold time: 3 s .. 65535 s when set, sourced */
		ck_assert(!f->bgp_hold_s || f->bgp_hold_s >= 3);
		ck_assert(!f->bgp_hold_s || f->src_hold);
		ck_assert(f->med_honoured == NSP_TRI_UNKNOWN || f->src_med);
		ck_assert(f->ecmp_needs_one_region == NSP_TRI_UNKNOWN ||
			  f->src_region);
	}
	/* generic: nothing known, nothing limited */
	const struct nsp_provider_facts *g =
		nsp_provider_facts(NSP_PROV_GENERIC);
	ck_assert_uint_eq(
		g->prefixes_per_session_v4 + g->prefixes_per_session_v6 +
			g->cidrs_per_gateway + g->cidrs_per_interface +
			g->bfd_min_interval_ms + g->bfd_max_interval_ms +
			g->bfd_min_multiplier + g->bfd_max_multiplier +
			g->mtus[0] + g->bgp_hold_s,
		0);
	ck_assert_int_eq(g->med_honoured, NSP_TRI_UNKNOWN);
	ck_assert_int_eq(g->ecmp_needs_one_region, NSP_TRI_UNKNOWN);
	ck_assert(nsp_provider_offers_mtu(g, 1234));
	/* out of range falls back to generic */
	ck_assert_ptr_eq(nsp_provider_facts(NSP_PROV_COUNT), g);
	/* a few sourced figures */
	const struct nsp_provider_facts *gcp = nsp_provider_facts(NSP_PROV_GCP);
	ck_assert(nsp_provider_offers_mtu(gcp, 1440));
	ck_assert(!nsp_provider_offers_mtu(gcp, 9000));
	char *l = nsp_provider_mtu_list(gcp);
	ck_assert_str_eq(l, "1440, 1460, 1500 or 8896");
	free(l);
	ck_assert_uint_eq(gcp->bfd_min_multiplier, 5);
	ck_assert_uint_eq(nsp_provider_facts(NSP_PROV_OTC)->cidrs_per_interface,
			  50);
	ck_assert_uint_eq(
		nsp_provider_facts(NSP_PROV_AWS)->prefixes_per_session_v4, 100);
}
END_TEST

/* base_design with its cloud's provider replaced and extra circuits. */
static void load_with(struct loaded *l, const char *provider,
		      const char *circuits)
{
	char *y = nsp_xasprintf("%s%s", base_design, circuits);
	char *p = strstr(y, "provider: aws");
	size_t plen = strlen("provider: aws");
	char *out = nsp_xasprintf("%.*sprovider: %s%s", (int)(p - y), y,
				  provider, p + plen);
	load_string(l, out);
	ck_assert_msg(l->rc == 0, "%s", l->diags.n ? l->diags.v[0].msg : "");
	free(out);
	free(y);
}

START_TEST(failover_against_provider)
{
	static const char extra[] =
		"  - {id: c3, a: {router: cpe1}, z: {router: e2}, "
		"bandwidth_mbps: 10, bgp: {bfd: {interval_ms: 50, "
		"multiplier: 4}}}\n";
	struct loaded l;
	bool never;
	/* generic: the design's own 50 ms x 4 */
	load_with(&l, "generic", extra);
	ck_assert_uint_eq(
		nsp_circuit_failover_ms(l.m, &l.m->circuits[2], &never), 200);
	loaded_free(&l);
	/* Google Cloud: at least 1000 ms x 5 */
	load_with(&l, "gcp", extra);
	ck_assert_uint_eq(
		nsp_circuit_failover_ms(l.m, &l.m->circuits[2], &never), 5000);
	char *t = nsp_failover_text(l.m, &l.m->circuits[2], NSP_UNIT_MS);
	ck_assert_str_eq(t, "5000 ms (BFD 1000 ms x 5)");
	free(t);
	/* one unit in a message: the same in seconds */
	t = nsp_failover_text(l.m, &l.m->circuits[2], NSP_UNIT_S);
	ck_assert_str_eq(t, "5 s (BFD 1 s x 5)");
	free(t);
	/* no BFD: hold_s 180 against Cloud Router's 60 s */
	ck_assert_uint_eq(
		nsp_circuit_failover_ms(l.m, &l.m->circuits[0], &never), 60000);
	ck_assert_uint_eq(nsp_failover_longest_ms(l.m, &l.m->circuits[0]),
			  180000);
	t = nsp_failover_text(l.m, &l.m->circuits[0], NSP_UNIT_S);
	ck_assert_str_eq(t, "60 s (the BGP hold time, negotiated: ours 180 s, "
			    "Google Cloud Interconnect's 60 s)");
	free(t);
	loaded_free(&l);
	/* a provider without a known hold time: the design's own */
	load_with(&l, "generic", extra);
	t = nsp_failover_text(l.m, &l.m->circuits[0], NSP_UNIT_S);
	ck_assert_str_eq(t, "180 s (the BGP hold time)");
	free(t);
	loaded_free(&l);
	/* IBM: 300 ms minimum, multiplier 1 allowed */
	load_with(&l, "ibm", extra);
	ck_assert_uint_eq(
		nsp_circuit_failover_ms(l.m, &l.m->circuits[2], &never), 1200);
	loaded_free(&l);
}
END_TEST

START_TEST(hold_time_negotiated)
{
	/* RFC 4271, 4.2: the smaller of the two sides; 0 means never */
	static const struct {
		const char *provider, *bgp;
		uint32_t hold, provider_hold;
		uint64_t ms;
	} cases[] = {
		{"aws", "{}", 90, 90, 90000},
		{"aws", "{hold_s: 30, keepalive_s: 10}", 30, 90, 30000},
		{"azure", "{}", 180, 180, 180000},
		{"azure", "{hold_s: 90, keepalive_s: 30}", 90, 180, 90000},
		{"gcp", "{}", 60, 60, 60000},
		{"ibm", "{}", 180, 0, 180000},
		{"generic", "{hold_s: 45, keepalive_s: 15}", 45, 0, 45000},
		{"aws", "{hold_s: 0}", 0, 90, UINT64_MAX},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *extra = nsp_xasprintf(
			"  - {id: c3, a: {router: cpe1}, z: {router: e2}, "
			"bandwidth_mbps: 10, bgp: %s}\n",
			cases[i].bgp);
		struct loaded l;
		load_with(&l, cases[i].provider, extra);
		const struct nsp_circuit *c = &l.m->circuits[2];
		uint32_t prov;
		bool never;
		ck_assert_uint_eq(nsp_circuit_hold_s(l.m, c, &prov),
				  cases[i].hold);
		ck_assert_uint_eq(prov, cases[i].provider_hold);
		ck_assert_uint_eq(nsp_circuit_failover_ms(l.m, c, &never),
				  cases[i].ms);
		ck_assert(never == (cases[i].ms == UINT64_MAX));
		loaded_free(&l);
		free(extra);
	}
	/* the message names both sides */
	struct loaded l;
	load_with(&l, "aws",
		  "  - {id: c3, a: {router: cpe1}, z: {router: e2}, "
		  "bandwidth_mbps: 10, bgp: {hold_s: 0}}\n");
	char *t = nsp_failover_text(l.m, &l.m->circuits[0], NSP_UNIT_S);
	ck_assert_str_eq(t, "90 s (the BGP hold time, negotiated: ours 180 s, "
			    "AWS Direct Connect's 90 s)");
	free(t);
	t = nsp_failover_text(l.m, &l.m->circuits[2], NSP_UNIT_S);
	ck_assert_str_eq(t, "never (hold_s 0: no keepalives, and no BFD on "
			    "both sides)");
	free(t);
	loaded_free(&l);
}
END_TEST

/*
 * nsp_return_cmp(c1, c2) on a rule fixture with the replacements edits[]
 * (from, to, ..., NULL) made in it: the sign and what decided.
 */
static int return_cmp_in(const char *fixture, const char *const *edits,
			 enum nsp_pref_by *by)
{
	char *path = nsp_xasprintf("tests/rules/%s", fixture);
	char *text = read_text(path);
	ck_assert_ptr_nonnull(text);
	for (size_t i = 0; edits && edits[i]; i += 2) {
		char *at = strstr(text, edits[i]);
		ck_assert_msg(at != NULL, "'%s' not in %s", edits[i], path);
		char *t = nsp_xasprintf("%.*s%s%s", (int)(at - text), text,
					edits[i + 1], at + strlen(edits[i]));
		free(text);
		text = t;
	}
	struct loaded l;
	load_string(&l, text);
	ck_assert_msg(l.rc == 0, "%s does not load", path);
	int r = nsp_return_cmp(l.m, &l.m->circuits[0], &l.m->circuits[1], true,
			       by);
	loaded_free(&l);
	free(text);
	free(path);
	return r > 0 ? 1 : r < 0 ? -1 : 0;
}

/* Expect nsp_return_cmp's sign and reason on a fixture, edited. */
static void expect_cmp(const char *fixture, const char *const *edits,
		       int sign, enum nsp_pref_by why)
{
	enum nsp_pref_by by;
	ck_assert_int_eq(return_cmp_in(fixture, edits, &by), sign);
	ck_assert_int_eq(by, why);
}

START_TEST(return_preference_aws)
{
	static const char *const eu_vpc[] = {"region: us-east-1, prefixes",
					     "region: eu-west-1, prefixes",
					     NULL};
	static const char *const high_none[] = {"communities: [7224:7100], ",
						"", NULL};
	static const char *const medium_none[] = {
		"communities: [7224:7300]", "communities: [7224:7200]",
		"communities: [7224:7100], ", "", NULL};
	static const char *const generic[] = {"provider: aws",
					      "provider: generic", NULL};
	/* Regions differ, the VPC's unknown: nospof cannot tell */
	expect_cmp("BGP002/fail-aws-regions-no-home.yaml", NULL, 0,
		   NSP_BY_REGION);
	/* the location in the VPC's Region first, whatever the AS_PATH */
	expect_cmp("BGP002/fail-aws-backup-in-home-region.yaml", NULL, -1,
		   NSP_BY_REGION);
	expect_cmp("BGP002/pass-aws-primary-in-home-region.yaml", NULL, 1,
		   NSP_BY_REGION);
	/* both in other Regions than the VPC's: AS_PATH between them */
	expect_cmp("BGP002/fail-aws-backup-in-home-region.yaml", eu_vpc, 1,
		   NSP_BY_PATH);
	/* one Region: AS_PATH */
	expect_cmp("BGP002/pass-aws-one-region-prepend.yaml", NULL, 1,
		   NSP_BY_PATH);
	/* communities come first */
	expect_cmp("BGP002/fail-aws-communities-reversed.yaml", NULL, -1,
		   NSP_BY_COMMUNITY);
	expect_cmp("BGP002/pass-aws-communities-across-regions.yaml", NULL, 1,
		   NSP_BY_COMMUNITY);
	/* high against none: high; medium against none: undocumented */
	expect_cmp("BGP002/pass-aws-communities-across-regions.yaml",
		   high_none, 1, NSP_BY_COMMUNITY);
	expect_cmp("BGP002/pass-aws-communities-across-regions.yaml",
		   medium_none, 0, NSP_BY_COMMUNITY);
	/* a provider that documents none of this: AS_PATH, Regions unread */
	expect_cmp("BGP002/fail-aws-regions-no-home.yaml", generic, 1,
		   NSP_BY_PATH);
}
END_TEST

START_TEST(failover_rule_order)
{
	struct loaded l;
	load_with(&l, "generic",
		  "  - {id: c3, a: {router: cpe1}, z: {router: e2}, "
		  "bandwidth_mbps: 10, bgp: {bfd: {peer: false}}}\n"
		  "  - {id: c4, a: {router: cpe1}, z: {router: e2}, "
		  "bandwidth_mbps: 10, routing: static}\n"
		  "  - {id: c5, a: {router: cpe1}, z: {router: e2}, "
		  "bandwidth_mbps: 10, bgp: {bfd: {}}}\n"
		  "  - {id: c6, a: {router: cpe1}, z: {router: e2}, "
		  "bandwidth_mbps: 10, routing: static, health_check: "
		  "{interval_s: 1, timeout_s: 1, count: 1}}\n");
	const struct nsp_circuit *c = l.m->circuits;
	ck_assert_int_eq(nsp_failover_rule(l.m, &c[0]), NSP_FO_BFD001);
	ck_assert_int_eq(nsp_failover_rule(l.m, &c[2]), NSP_FO_BFD002);
	ck_assert_int_eq(nsp_failover_rule(l.m, &c[3]), NSP_FO_STATIC001);
	ck_assert_int_eq(nsp_failover_rule(l.m, &c[4]), NSP_FO_NONE);
	ck_assert_int_eq(nsp_failover_rule(l.m, &c[5]), NSP_FO_NONE);
	loaded_free(&l);
	/* with a target: slow circuits become BGP006, BFD002 stays first */
	char *y = nsp_xasprintf("%sintent: {failover_ms: 1500}\n",
				"  - {id: c3, a: {router: cpe1}, z: {router: "
				"e2}, bandwidth_mbps: 10, bgp: {bfd: {peer: "
				"false}}}\n"
				"  - {id: c4, a: {router: cpe1}, z: {router: "
				"e2}, bandwidth_mbps: 10, routing: static, "
				"health_check: {interval_s: 1, timeout_s: 1, "
				"count: 1}}\n");
	load_with(&l, "generic", y);
	c = l.m->circuits;
	ck_assert_int_eq(nsp_failover_rule(l.m, &c[0]), NSP_FO_BGP006);
	ck_assert_int_eq(nsp_failover_rule(l.m, &c[2]), NSP_FO_BFD002);
	ck_assert_int_eq(nsp_failover_rule(l.m, &c[3]), NSP_FO_BGP006);
	loaded_free(&l);
	free(y);
}
END_TEST

START_TEST(explain_shows_figures)
{
	char *cmd = nsp_xasprintf("%s explain BFD003", nospof_bin());
	char *out = NULL;
	ck_assert_int_eq(run_cmd(cmd, &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "Provider figures:"));
	ck_assert_ptr_nonnull(strstr(out, "gcp (Google Cloud Interconnect): "
					  "BFD interval at least 1000 ms"));
	ck_assert_ptr_nonnull(strstr(out, "RouterBgpPeerBfd"));
	free(out);
	free(cmd);
	cmd = nsp_xasprintf("%s explain BGP006", nospof_bin());
	ck_assert_int_eq(run_cmd(cmd, &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "aws (AWS Direct Connect): BGP hold "
					  "time 90 s"));
	ck_assert_ptr_nonnull(strstr(out, "bgp-specific-settings"));
	ck_assert_ptr_nonnull(strstr(out, "azure (Azure ExpressRoute): BGP "
					  "hold time 180 s"));
	free(out);
	free(cmd);
	cmd = nsp_xasprintf("%s explain ECMP001", nospof_bin());
	ck_assert_int_eq(run_cmd(cmd, &out), 0);
	ck_assert_ptr_null(strstr(out, "Provider figures:"));
	free(out);
	free(cmd);
}
END_TEST

Suite *routing_suite(void)
{
	Suite *s = suite_create("routing");
	TCase *t = tcase_create("routing");
	tcase_set_timeout(t, 60);
	tcase_add_test(t, provider_table_is_sane);
	tcase_add_test(t, failover_against_provider);
	tcase_add_test(t, hold_time_negotiated);
	tcase_add_test(t, return_preference_aws);
	tcase_add_test(t, failover_rule_order);
	tcase_add_test(t, explain_shows_figures);
	suite_add_tcase(s, t);
	return s;
}
