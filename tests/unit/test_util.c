/* Tests of lib/util.c: escaping, strict numbers, did-you-mean, the map. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static void expect_escape(const char *in, size_t len, const char *want)
{
	char *got = nsp_escape(in, len);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(escape_controls)
{
	expect_escape("plain-id_1", 10, "plain-id_1");
	expect_escape("a\x1b[31mb", 7, "a\\x1B[31mb");
	expect_escape("tab\there", 8, "tab\\x09here");
	expect_escape("del\x7f", 4, "del\\x7F");
	expect_escape("nul\0x", 5, "nul\\x00x");
	/* C1 control U+0085 (NEL) and U+009B (CSI), UTF-8 encoded */
	expect_escape("\xc2\x85\xc2\x9b", 4, "\\x85\\x9B");
	/* bidirectional override U+202E and isolate U+2066 */
	expect_escape("a\xe2\x80\xae" "b\xe2\x81\xa6", 8,
		      "a\\u{202E}b\\u{2066}");
	/* invalid UTF-8 bytes stay visible */
	expect_escape("\xff\xc3(", 3, "\\xFF\\xC3(");
	/* ordinary non-ASCII text is kept */
	expect_escape("M\xc3\xbcnchen", 8, "M\xc3\xbcnchen");
}
END_TEST

START_TEST(strict_integers)
{
	uint64_t v;
	ck_assert(nsp_parse_uint("1000", 4, UINT64_MAX, &v) && v == 1000);
	ck_assert(nsp_parse_uint("0", 1, 10, &v) && v == 0);
	ck_assert(!nsp_parse_uint("0500", 4, UINT64_MAX, &v));
	ck_assert(!nsp_parse_uint("1e3", 3, UINT64_MAX, &v));
	ck_assert(!nsp_parse_uint("0x10", 4, UINT64_MAX, &v));
	ck_assert(!nsp_parse_uint("10Gbps", 6, UINT64_MAX, &v));
	ck_assert(!nsp_parse_uint("-5", 2, UINT64_MAX, &v));
	ck_assert(!nsp_parse_uint("4294967296", 10, UINT32_MAX, &v));
	ck_assert(nsp_parse_uint("4294967295", 10, UINT32_MAX, &v));
	ck_assert(!nsp_parse_uint("99999999999999999999999", 23, UINT64_MAX,
				  &v));
	ck_assert(!nsp_parse_uint("", 0, UINT64_MAX, &v));
}
END_TEST

START_TEST(strict_decimals)
{
	double d;
	ck_assert(nsp_parse_decimal("99.99", 5, &d) && d == 99.99);
	ck_assert(nsp_parse_decimal("100", 3, &d) && d == 100);
	ck_assert(!nsp_parse_decimal("1e3", 3, &d));
	ck_assert(!nsp_parse_decimal(".5", 2, &d));
	ck_assert(!nsp_parse_decimal("5.", 2, &d));
	ck_assert(!nsp_parse_decimal("-1", 2, &d));
	ck_assert(!nsp_parse_decimal("nan", 3, &d));
}
END_TEST

START_TEST(did_you_mean)
{
	const char *keys[] = {"bandwidth_mbps", "carrier", "vlan"};
	ck_assert_str_eq(nsp_did_you_mean("bandwith_mbps", keys, 3),
			 "bandwidth_mbps");
	ck_assert_str_eq(nsp_did_you_mean("vlna", keys, 3), "vlan");
	ck_assert_ptr_null(nsp_did_you_mean("colour", keys, 3));
	ck_assert_uint_eq(nsp_edit_distance("kitten", "sitting", 5), 3);
}
END_TEST

START_TEST(map_grows)
{
	struct nsp_map m = {0};
	char keys[2000][8];
	for (int i = 0; i < 2000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		ck_assert_ptr_null(nsp_map_put(&m, keys[i], strlen(keys[i]),
					       keys[i]));
	}
	for (int i = 0; i < 2000; i++)
		ck_assert_ptr_eq(nsp_map_get(&m, keys[i], strlen(keys[i])),
				 keys[i]);
	ck_assert_ptr_null(nsp_map_get(&m, "missing", 7));
	nsp_map_free(&m);
}
END_TEST

static void expect_str(char *got, const char *want)
{
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(durations_one_unit)
{
	ck_assert_int_eq(nsp_time_unit_for(9999), NSP_UNIT_MS);
	ck_assert_int_eq(nsp_time_unit_for(10000), NSP_UNIT_S);
	expect_str(nsp_duration_in(900, NSP_UNIT_MS), "900 ms");
	expect_str(nsp_duration_in(90000, NSP_UNIT_MS), "90000 ms");
	expect_str(nsp_duration_in(900, NSP_UNIT_S), "0.9 s");
	expect_str(nsp_duration_in(1250, NSP_UNIT_S), "1.25 s");
	expect_str(nsp_duration_in(1001, NSP_UNIT_S), "1.001 s");
	expect_str(nsp_duration_in(90000, NSP_UNIT_S), "90 s");
	expect_str(nsp_duration_in(0, NSP_UNIT_S), "0 s");
	expect_str(nsp_duration_text(5000), "5000 ms");
	expect_str(nsp_duration_text(10000), "10 s");
	expect_str(nsp_duration_text(66500), "66.5 s");
}
END_TEST

START_TEST(percent_never_rounds_to_a_bound)
{
	expect_str(nsp_percent_text(99.7742), "99.7742");
	expect_str(nsp_percent_text(99.99997), "99.99997");
	expect_str(nsp_percent_text(99.9999999), "99.9999999");
	expect_str(nsp_percent_text(100), "100.0000");
	expect_str(nsp_percent_text(0.00001), "0.00001");
	expect_str(nsp_percent_text(0), "0.0000");
	/* below a target never reads as the target */
	expect_str(nsp_percent_below(99.98996, 99.99), "99.98996");
	expect_str(nsp_percent_below(99.98, 99.99), "99.9800");
	expect_str(nsp_percent_given(99.99), "99.99");
	expect_str(nsp_percent_given(99.99999), "99.99999");
	expect_str(nsp_count(1, "element", "elements"), "1 element");
	expect_str(nsp_count(0, "element", "elements"), "0 elements");
	expect_str(nsp_count(2, "group", "groups"), "2 groups");
}
END_TEST

Suite *util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *t = tcase_create("util");
	tcase_add_test(t, escape_controls);
	tcase_add_test(t, strict_integers);
	tcase_add_test(t, strict_decimals);
	tcase_add_test(t, did_you_mean);
	tcase_add_test(t, map_grows);
	tcase_add_test(t, durations_one_unit);
	tcase_add_test(t, percent_never_rounds_to_a_bound);
	suite_add_tcase(s, t);
	return s;
}
