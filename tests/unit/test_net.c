/* Tests of lib/net.c: CIDR parsing, containment, overlap. */
#include "helpers.h"

static struct nsp_prefix P(const char *s)
{
	struct nsp_prefix p;
	ck_assert_int_eq(nsp_prefix_parse(&p, s, true), NSP_NET_OK);
	return p;
}

START_TEST(parse_prefixes)
{
	struct nsp_prefix p;
	ck_assert_int_eq(nsp_prefix_parse(&p, "10.0.0.0/8", true), NSP_NET_OK);
	ck_assert_int_eq(p.family, 4);
	ck_assert_int_eq(p.len, 8);
	ck_assert_int_eq(nsp_prefix_parse(&p, "2001:db8::/32", true),
			 NSP_NET_OK);
	ck_assert_int_eq(p.family, 6);
	ck_assert_int_eq(nsp_prefix_parse(&p, "10.0.0.0/33", true),
			 NSP_NET_LENGTH);
	ck_assert_int_eq(nsp_prefix_parse(&p, "300.1.1.1/24", true),
			 NSP_NET_SYNTAX);
	ck_assert_int_eq(nsp_prefix_parse(&p, "2001:db8::g/32", true),
			 NSP_NET_SYNTAX);
	ck_assert_int_eq(nsp_prefix_parse(&p, "10.0.0.0", true),
			 NSP_NET_LENGTH);
	ck_assert_int_eq(nsp_prefix_parse(&p, "10.0.0.0/08", true),
			 NSP_NET_LENGTH);
	ck_assert_int_eq(nsp_prefix_parse(&p, "10.1.2.3/8", true),
			 NSP_NET_HOST_BITS);
	ck_assert_int_eq(nsp_prefix_parse(&p, "10.10.1.5/30", false),
			 NSP_NET_OK);
	ck_assert_int_eq(nsp_addr_parse(&p, "10.10.1.6"), NSP_NET_OK);
	ck_assert_int_eq(nsp_addr_parse(&p, "10.10.1.6/30"), NSP_NET_SYNTAX);
}
END_TEST

START_TEST(contain_overlap)
{
	struct nsp_prefix a = P("10.0.0.0/8"), b = P("10.1.0.0/16"),
			  c = P("192.168.0.0/16"), d = P("0.0.0.0/0"),
			  e = P("2001:db8::/32");
	ck_assert(nsp_prefix_contains(&a, &b));
	ck_assert(!nsp_prefix_contains(&b, &a));
	ck_assert(nsp_prefix_overlaps(&b, &a));
	ck_assert(!nsp_prefix_overlaps(&a, &c));
	ck_assert(nsp_prefix_contains(&d, &c));
	ck_assert(!nsp_prefix_overlaps(&a, &e));
	char buf[64];
	nsp_prefix_format(&e, buf, sizeof(buf), true);
	ck_assert_str_eq(buf, "2001:db8::/32");
}
END_TEST

Suite *net_suite(void)
{
	Suite *s = suite_create("net");
	TCase *t = tcase_create("net");
	tcase_add_test(t, parse_prefixes);
	tcase_add_test(t, contain_overlap);
	suite_add_tcase(s, t);
	return s;
}
