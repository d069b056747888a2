/* Tests of the loader: every input error class, limits, defaults. */
#include <stdlib.h>
#include <string.h>

#include "analysis/failover.h"
#include "helpers.h"

/* base_design with the first occurrence of from replaced by to. */
static char *with(const char *from, const char *to)
{
	const char *p = strstr(base_design, from);
	ck_assert_msg(p != NULL, "'%s' not in the base design", from);
	return nsp_xasprintf("%.*s%s%s", (int)(p - base_design), base_design,
			     to, p + strlen(from));
}

/* Load yaml and expect an input error on line containing text. */
static void expect_error(const char *yaml, unsigned line, const char *text)
{
	struct loaded l;
	load_string(&l, yaml);
	ck_assert_int_eq(l.rc, -1);
	ck_assert_ptr_null(l.m);
	bool ok = has_diag(&l, line, text);
	if (!ok)
		for (size_t i = 0; i < l.diags.n; i++)
			fprintf(stderr, "  got %u:%u: %s\n",
				(unsigned)l.diags.v[i].loc.line,
				(unsigned)l.diags.v[i].loc.col,
				l.diags.v[i].msg);
	ck_assert_msg(ok, "no error on line %u containing '%s'", line, text);
	loaded_free(&l);
}

static void expect_replaced(const char *from, const char *to, unsigned line,
			    const char *text)
{
	char *y = with(from, to);
	expect_error(y, line, text);
	free(y);
}

START_TEST(base_loads)
{
	struct loaded l;
	load_string(&l, base_design);
	ck_assert_int_eq(l.rc, 0);
	ck_assert_uint_eq(l.diags.n, 0);
	ck_assert_uint_eq(l.m->ncircuits, 2);
	ck_assert_uint_eq(l.m->ndemands, 1); /* the default demand */
	ck_assert(l.m->demands[0].implicit);
	ck_assert_uint_eq(l.m->demands[0].nstages, 1);
	ck_assert_uint_eq(l.m->demands[0].stages[0].n, 2);
	loaded_free(&l);
}
END_TEST

START_TEST(defaults_applied)
{
	char *y = nsp_xasprintf("%s  - {id: c3, a: {router: cpe1}, "
				"z: {router: e2}, bandwidth_mbps: 10, "
				"bgp: {prepend: 2, bfd: {}}}\n",
				base_design);
	struct loaded l;
	load_string(&l, y);
	ck_assert_int_eq(l.rc, 0);
	const struct nsp_circuit *c = &l.m->circuits[2];
	ck_assert_int_eq(c->role, NSP_CROLE_ACTIVE);
	ck_assert_int_eq(c->routing, NSP_ROUTING_BGP);
	ck_assert_uint_eq(c->weight, 1);
	ck_assert_uint_eq(c->bgp.asn, 65001);      /* the a-router's */
	ck_assert_uint_eq(c->bgp.peer_asn, 64512); /* the z-router's */
	ck_assert_uint_eq(c->bgp.as_path_len, 3);  /* asn x (1 + prepend) */
	ck_assert_uint_eq(c->bgp.as_path[2], 65001);
	ck_assert_uint_eq(c->bgp.local_pref, 100);
	ck_assert_uint_eq(c->bgp.keepalive_s, 60);
	ck_assert_uint_eq(c->bgp.hold_s, 180);
	ck_assert(c->bgp.bfd.present && c->bgp.bfd.local && c->bgp.bfd.peer);
	ck_assert_uint_eq(c->bgp.bfd.interval_ms, 300);
	ck_assert_uint_eq(c->bgp.bfd.multiplier, 3);
	ck_assert_uint_eq(c->bgp.advertise.n, 1); /* the site's prefixes */
	ck_assert(!c->bgp.advertise_explicit);
	ck_assert_uint_eq(c->bgp.receive.n, 1); /* the cloud's prefixes */
	ck_assert(!l.m->circuits[0].bgp.bfd.present);
	ck_assert_int_eq(l.m->intent.mode, NSP_MODE_ACTIVE_ACTIVE);
	ck_assert_uint_eq(l.m->intent.survive, 0xf);
	ck_assert(l.m->intent.max_utilization == 100);
	ck_assert(l.m->assumptions[NSP_CLASS_ROUTER] == 99.95);
	loaded_free(&l);
	free(y);
}
END_TEST

START_TEST(failover_times)
{
	char *y = nsp_xasprintf(
		"%s  - {id: c3, a: {router: cpe1}, z: {router: e2}, "
		"bandwidth_mbps: 10, bgp: {bfd: {interval_ms: 50, "
		"multiplier: 4}}}\n"
		"  - {id: c4, a: {router: cpe1}, z: {router: e2}, "
		"bandwidth_mbps: 10, bgp: {hold_s: 90, bfd: {peer: false}}}\n"
		"  - {id: c5, a: {router: cpe1}, z: {router: e2}, "
		"bandwidth_mbps: 10, routing: static, health_check: "
		"{interval_s: 5, timeout_s: 2, count: 3}}\n"
		"  - {id: c6, a: {router: cpe1}, z: {router: e2}, "
		"bandwidth_mbps: 10, routing: static}\n",
		base_design);
	struct loaded l;
	bool never;
	load_string(&l, y);
	ck_assert_int_eq(l.rc, 0);
	/* no BFD: hold_s 180 negotiated down to AWS's 90 s */
	ck_assert_uint_eq(nsp_circuit_failover_ms(l.m, &l.m->circuits[0],
						  &never), 90000);
	ck_assert(!never);
	/* AWS runs BFD at 300 ms at the least: 50 ms is negotiated up */
	ck_assert_uint_eq(nsp_circuit_failover_ms(l.m, &l.m->circuits[2],
						  &never), 1200);
	ck_assert_uint_eq(nsp_circuit_failover_ms(l.m, &l.m->circuits[3],
						  &never), 90000);
	ck_assert_uint_eq(nsp_circuit_failover_ms(l.m, &l.m->circuits[4],
						  &never), 11000);
	nsp_circuit_failover_ms(l.m, &l.m->circuits[5], &never);
	ck_assert(never);
	loaded_free(&l);
	free(y);
}
END_TEST

START_TEST(error_yaml_syntax)
{
	expect_replaced("name: base\n", "name: [base\n", 3, "syntax");
	expect_replaced("name: base\n", "name: 'base\n", 0, "syntax");
}
END_TEST

START_TEST(error_wrong_type)
{
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: [1000]}\n  - {id: c2", 16,
			"expected an integer, got a list");
	expect_replaced("sites:\n  - {id: dc, prefixes: [192.168.0.0/16]}\n",
			"sites: {dc: 1}\n", 3, "expected a list");
	expect_replaced("name: base", "name: {a: 1}", 2, "expected a string");
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: \"1000\"}\n  - {id: c2", 16,
			"quoted string");
}
END_TEST

START_TEST(error_unknown_key)
{
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwith_mbps: 1000}\n  - {id: c2", 16,
			"did you mean 'bandwidth_mbps'");
	expect_replaced("name: base\n", "name: base\ncolour: red\n", 3,
			"unknown key 'colour'");
	expect_replaced("provider: aws", "provider: azrue", 6,
			"did you mean 'azure'");
}
END_TEST

START_TEST(error_missing_required)
{
	expect_replaced("name: base\n", "", 1, "missing required field 'name'");
	expect_replaced(", bandwidth_mbps: 1000}\n  - {id: c2", "}\n  - {id: c2",
			16, "missing required field 'bandwidth_mbps'");
	expect_replaced("nospof: 1\n", "", 1, "'nospof'");
}
END_TEST

START_TEST(error_duplicate_id)
{
	expect_replaced("{id: c2,", "{id: c1,", 17, "duplicate id 'c1'");
	expect_replaced("{id: c2,", "{id: dc,", 17, "already used by the site");
}
END_TEST

START_TEST(error_duplicate_key)
{
	expect_replaced("name: base\n", "name: base\nname: again\n", 3,
			"duplicate key 'name'");
}
END_TEST

START_TEST(error_reference)
{
	expect_replaced("z: {router: e1}", "z: {router: e9}", 16,
			"unknown router 'e9' (did you mean");
	expect_replaced("a: {router: cpe1, port: p1}", "a: {router: dc}", 16,
			"'dc' is a site, not a router");
	expect_replaced("site: dc, asn: 65001}\n  - {id: cpe2",
			"site: vpc, asn: 65001}\n  - {id: cpe2", 11,
			"'vpc' is a cloud, not a site");
	expect_replaced("pop: pop-a", "pop: pop-z", 13, "unknown pop");
}
END_TEST

START_TEST(error_values)
{
	expect_replaced("[192.168.0.0/16]", "[192.168.0.0/33]", 4,
			"invalid CIDR");
	expect_replaced("[192.168.0.0/16]", "[192.168.1.0/16]", 4,
			"did you mean 192.168.0.0/16");
	expect_replaced("[10.0.0.0/16]", "[2001:db8::g/32]", 6,
			"invalid CIDR");
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: 1000, bgp: {peer_ip: 10.1.1.300}}\n"
			"  - {id: c2", 16, "invalid IP address");
	expect_replaced("asn: 65001}\n  - {id: cpe2", "asn: 0}\n  - {id: cpe2",
			11, "out of range");
	expect_replaced("asn: 65001}\n  - {id: cpe2",
			"asn: 4294967296}\n  - {id: cpe2", 11, "out of range");
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: 1000, vlan: 4095}\n  - {id: c2", 16,
			"out of range");
	expect_replaced("name: base\n",
			"name: base\nintent: {availability: 100}\n", 3,
			"percentage 100 is out of range");
	expect_replaced("name: base\n",
			"name: base\nwaivers:\n  - {rule: DIV001, reason: x, "
			"expires: 2027-02-30}\n", 4, "invalid date");
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: 0}\n  - {id: c2", 16, "out of range");
	/* source: 1 to 1,024 characters (IMPORT.md §3.3) */
	expect_replaced("{id: vpc,", "{id: vpc, source: '',", 6,
			"cloud 'vpc': source: 0 characters, expected 1 to 1024");
	char *big = nsp_xcalloc(1026 * 2 + 64, 1);
	strcpy(big, "{id: e1, source: '");
	for (int i = 0; i < 1025; i++)
		strcat(big, "\xc3\xa9"); /* é: one character, two bytes */
	strcat(big, "',");
	expect_replaced("{id: e1,", big, 13, "1025 characters, expected");
	free(big);
	char *ok = nsp_xcalloc(1024 * 2 + 64, 1);
	strcpy(ok, "{id: e1, source: '");
	for (int i = 0; i < 1024; i++)
		strcat(ok, "\xc3\xa9");
	strcat(ok, "',");
	char *y = with("{id: e1,", ok);
	struct loaded l;
	load_string(&l, y);
	ck_assert_msg(l.rc == 0, "%s", l.diags.n ? l.diags.v[0].msg : "");
	loaded_free(&l);
	free(y);
	free(ok);
}
END_TEST

/* LAGs, VPN circuits and failover test dates: values and errors. */
START_TEST(lag_vpn_failover_fields)
{
	struct loaded l;
	char *y = with("bandwidth_mbps: 1000}\n  - {id: c2",
		       "bandwidth_mbps: 1000, lag: {members: 2, member_mbps: "
		       "500, min_links: 2}, last_failover_test: 2026-02-28}\n"
		       "  - {id: c2, kind: vpn");
	load_string(&l, y);
	ck_assert_int_eq(l.rc, 0);
	const struct nsp_circuit *c1 = &l.m->circuits[0], *c2 =
		&l.m->circuits[1];
	ck_assert(c1->lag.present);
	ck_assert_uint_eq(c1->lag.members, 2);
	ck_assert_uint_eq(c1->lag.member_mbps, 500);
	ck_assert_uint_eq(c1->lag.min_links, 2);
	ck_assert(c1->has_failover_test);
	ck_assert_int_eq(c1->failover_test.month, 2);
	ck_assert_int_eq(c1->kind, NSP_CKIND_PRIVATE);
	ck_assert_int_eq(c2->kind, NSP_CKIND_VPN);
	ck_assert(!c2->lag.present);
	ck_assert_uint_eq(l.m->intent.failover_test_max_age_days, 90);
	ck_assert(!l.m->intent.has_failover_test_max_age);
	loaded_free(&l);
	free(y);
	/* min_links defaults to 1 */
	y = with("bandwidth_mbps: 1000}\n  - {id: c2",
		 "bandwidth_mbps: 1000, lag: {members: 4, member_mbps: 250}}\n"
		 "  - {id: c2");
	load_string(&l, y);
	ck_assert_int_eq(l.rc, 0);
	ck_assert_uint_eq(l.m->circuits[0].lag.min_links, 1);
	loaded_free(&l);
	free(y);

	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: 1000, lag: {members: 4, member_mbps: "
			"100}}\n  - {id: c2", 16,
			"not the LAG's members x member_mbps (4 x 100 = 400)");
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: 1000, lag: {members: 2, member_mbps: "
			"500, min_links: 3}}\n  - {id: c2", 16, "out of range");
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: 1000, lag: {members: 0, member_mbps: "
			"500}}\n  - {id: c2", 16, "out of range");
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: 1000, lag: {member_mbps: 500}}\n"
			"  - {id: c2", 16, "members");
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: 1000, kind: vpn, lag: {members: 2, "
			"member_mbps: 500}}\n  - {id: c2", 16,
			"a VPN circuit cannot be a LAG");
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: 1000, kind: mpls}\n  - {id: c2", 16,
			"mpls");
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: 1000, last_failover_test: "
			"2026-02-30}\n  - {id: c2", 16, "invalid date");
	expect_replaced("name: base\n",
			"name: base\nintent: {failover_test_max_age_days: 0}\n",
			3, "out of range");
}
END_TEST

START_TEST(error_non_decimal_integers)
{
	const char *bad[] = {"1e3", "0500", "500Mbps", "0x10", "1_000",
			     "+10", "1000.0"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *to = nsp_xasprintf("bandwidth_mbps: %s}\n  - {id: c2",
					 bad[i]);
		expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2", to, 16,
				"not a plain decimal integer");
		free(to);
	}
}
END_TEST

START_TEST(bgp_communities)
{
	struct loaded l;
	char *y = nsp_xasprintf(
		"%s  - {id: c3, a: {router: cpe1}, z: {router: e2}, "
		"bandwidth_mbps: 10, bgp: {communities: [7224:7100, "
		"\"65535:0\", 0:65535]}}\n",
		base_design);
	load_string(&l, y);
	ck_assert_int_eq(l.rc, 0);
	const struct nsp_bgp *b = &l.m->circuits[2].bgp;
	ck_assert_uint_eq(b->ncommunities, 3);
	ck_assert_uint_eq(b->communities[0], 7224u << 16 | 7100u);
	ck_assert_uint_eq(b->communities[1], 65535u << 16);
	ck_assert_uint_eq(b->communities[2], 65535u);
	ck_assert_uint_eq(l.m->circuits[0].bgp.ncommunities, 0);
	loaded_free(&l);
	free(y);
	const char *bad[] = {"7224-7100", "7224:", ":7100", "70000:1",
			     "7224:07100", "no-export", "1:2:3"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *to = nsp_xasprintf("bandwidth_mbps: 1000, bgp: "
					 "{communities: [\"%s\"]}}\n  - {id: c2",
					 bad[i]);
		expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2", to, 16,
				"invalid BGP community");
		free(to);
	}
}
END_TEST

START_TEST(error_id_pattern)
{
	expect_replaced("{id: c2,", "{id: -c2,", 17, "id pattern");
	expect_replaced("{id: c2,", "{id: \"c 2\",", 17, "id pattern");
}
END_TEST

/*
 * Invisible characters: an error in ids, shown escaped; removed from the
 * compared free text, with a located warning.
 */
START_TEST(invisible_characters)
{
	expect_replaced("{id: c2,", "{id: \"c2\\u200B\",", 17,
			"id 'c2\\u{200B}' contains the invisible character "
			"U+200B (zero width space)");
	expect_replaced("{id: c2,", "{id: \"c\xe2\x81\xa0" "2\",", 17,
			"U+2060 (word joiner)");
	expect_replaced("z: {router: e1}", "z: {router: \"e1\\u200D\"}", 16,
			"unknown router 'e1\\u{200D}': it contains the "
			"invisible character U+200D");
	char *y = with("facility: fb,", "facility: \"f\\uFEFFa\", "
					 "srlg: [\"t\\u200C1\", t1],");
	struct loaded l;
	load_string(&l, y);
	ck_assert_int_eq(l.rc, 0);
	ck_assert_str_eq(l.m->pops[1].facility, "fa");
	ck_assert_str_eq(l.m->pops[1].srlg.v[0], "t1");
	ck_assert_uint_eq(l.m->warnings.n, 2);
	ck_assert_uint_eq(l.m->warnings.v[0].loc.line, 9);
	ck_assert_str_eq(l.m->warnings.v[0].pointer, "/pops/1/facility");
	ck_assert_msg(strstr(l.m->warnings.v[0].msg,
			     "'f\\u{FEFF}a' contains the invisible character "
			     "U+FEFF (zero width no-break space): it is "
			     "compared without it, as 'fa'"),
		      "%s", l.m->warnings.v[0].msg);
	ck_assert_str_eq(l.m->warnings.v[1].pointer, "/pops/1/srlg/0");
	/* the engine reports them as INPUT warnings */
	struct nsp_findings fs = {0};
	run_rules(&fs, l.m);
	size_t n = 0;
	for (size_t i = 0; i < fs.n; i++)
		if (!strcmp(fs.v[i]->rule_id, "INPUT")) {
			ck_assert_int_eq(fs.v[i]->severity, NSP_WARNING);
			n++;
		}
	ck_assert_uint_eq(n, 2);
	nsp_findings_free(&fs);
	loaded_free(&l);
	free(y);
}
END_TEST

START_TEST(error_nul)
{
	expect_replaced("{id: c2,", "{id: \"c2\\0x\",", 17, "NUL");
}
END_TEST

START_TEST(error_semantics)
{
	expect_replaced("z: {router: e1}", "z: {router: cpe1}", 16,
			"same router");
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: 1000, bgp: {as_path: [65001], "
			"prepend: 1}}\n  - {id: c2",
			16, "either 'as_path' or 'prepend'");
	expect_replaced("{id: e1, role: edge, pop: pop-a, cloud: vpc,",
			"{id: e1, role: edge, pop: pop-a,", 13,
			"needs 'cloud'");
	expect_replaced("bandwidth_mbps: 1000}\n  - {id: c2",
			"bandwidth_mbps: 1000, routing: static, bgp: {}}\n"
			"  - {id: c2", 16, "routing is static");
}
END_TEST

START_TEST(error_documents_and_limits)
{
	char *y = nsp_xasprintf("%s---\nnospof: 1\n", base_design);
	expect_error(y, 18, "second YAML document");
	free(y);
	y = nsp_xasprintf("%s---\n[unclosed\n", base_design);
	expect_error(y, 18, "second YAML document");
	free(y);

	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "nospof: 1\nname: x\ndescription: ");
	for (int i = 0; i < 100000; i++)
		nsp_buf_putc(&b, '[');
	expect_error(b.s, 3, "depth limit");
	nsp_buf_free(&b);

	expect_error("nospof: 1\nname: &a x\ndescription: *a\n"
		     "a: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		     "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
		     6, "alias limit");
	expect_error("", 1, "empty");
	expect_error("# nothing\n", 1, "empty");
	expect_error("- a\n- b\n", 1, "top level must be a mapping");
	expect_error("nospof: 1\nname: !!binary eA==\n", 2, "tag");
	expect_error("nospof: 2\nname: x\n", 1, "version");

	/* the size limit */
	static const struct nsp_limits small = {16, 64, 10, NULL, NULL};
	struct loaded l = {0};
	l.rc = nsp_load_buffer(&l.m, "t", base_design, strlen(base_design),
			       &small, &l.diags);
	ck_assert_int_eq(l.rc, -1);
	ck_assert(has_diag(&l, 1, "size limit"));
	loaded_free(&l);
}
END_TEST

START_TEST(many_errors_in_one_run)
{
	char *y1 = with("z: {router: e1}", "z: {router: e9}");
	char *y2 = nsp_xasprintf("%s", y1);
	free(y1);
	y1 = y2;
	const char *p = strstr(y1, "z: {router: e2}");
	y2 = nsp_xasprintf("%.*sz: {router: e8}%s", (int)(p - y1), y1,
			   p + strlen("z: {router: e2}"));
	struct loaded l;
	load_string(&l, y2);
	ck_assert_int_eq(l.rc, -1);
	ck_assert(has_diag(&l, 16, "unknown router 'e9'"));
	ck_assert(has_diag(&l, 17, "unknown router 'e8'"));
	loaded_free(&l);
	free(y1);
	free(y2);
}
END_TEST

START_TEST(aliases_allowed)
{
	char *y = with("bandwidth_mbps: 1000}\n  - {id: c2",
		       "bandwidth_mbps: 1000, bgp: &b {local_pref: 200}}\n"
		       "  - {id: c2, bgp: *b");
	struct loaded l;
	load_string(&l, y);
	ck_assert_int_eq(l.rc, 0);
	ck_assert_uint_eq(l.m->circuits[1].bgp.local_pref, 200);
	loaded_free(&l);
	free(y);
}
END_TEST

/* Every file of tests/hostile/ is rejected with a located message. */
START_TEST(hostile_corpus)
{
	char *expect = read_text("tests/hostile/EXPECT");
	ck_assert_ptr_nonnull(expect);
	size_t files = 0;
	for (char *line = strtok(expect, "\n"); line;
	     line = strtok(NULL, "\n")) {
		char name[256], word[64];
		unsigned ln;
		if (sscanf(line, "%255s\t%u\t%63[^\n]", name, &ln, word) != 3)
			continue;
		char *path = nsp_xasprintf("tests/hostile/%s", name);
		static const struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
		struct loaded l = {0};
		l.rc = nsp_load_file(&l.m, path, &lim, &l.diags);
		ck_assert_msg(l.rc == -1, "%s loaded", name);
		ck_assert_msg(has_diag(&l, ln, word),
			      "%s: no error on line %u with '%s' (first: "
			      "%u: %s)", name, ln, word,
			      l.diags.n ? l.diags.v[0].loc.line : 0,
			      l.diags.n ? l.diags.v[0].msg : "none");
		loaded_free(&l);
		free(path);
		files++;
	}
	ck_assert_uint_ge(files, 50);
	free(expect);
}
END_TEST

Suite *load_suite(void)
{
	Suite *s = suite_create("load");
	TCase *t = tcase_create("load");
	tcase_set_timeout(t, 60);
	tcase_add_test(t, base_loads);
	tcase_add_test(t, defaults_applied);
	tcase_add_test(t, failover_times);
	tcase_add_test(t, error_yaml_syntax);
	tcase_add_test(t, error_wrong_type);
	tcase_add_test(t, error_unknown_key);
	tcase_add_test(t, error_missing_required);
	tcase_add_test(t, error_duplicate_id);
	tcase_add_test(t, error_duplicate_key);
	tcase_add_test(t, error_reference);
	tcase_add_test(t, error_values);
	tcase_add_test(t, lag_vpn_failover_fields);
	tcase_add_test(t, error_non_decimal_integers);
	tcase_add_test(t, error_id_pattern);
	tcase_add_test(t, error_nul);
	tcase_add_test(t, invisible_characters);
	tcase_add_test(t, error_semantics);
	tcase_add_test(t, error_documents_and_limits);
	tcase_add_test(t, many_errors_in_one_run);
	tcase_add_test(t, aliases_allowed);
	tcase_add_test(t, hostile_corpus);
	tcase_add_test(t, bgp_communities);
	suite_add_tcase(s, t);
	return s;
}
