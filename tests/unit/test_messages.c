/*
 * What the findings say, on the rule fixtures: advice that can be
 * followed, figures that never round to a bound, one unit of time per
 * message, groups and counts named as they are.
 */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* The message of the nth finding of rule id in a fixture; freed by caller. */
static char *message_of(const char *fixture, const char *id, size_t nth)
{
	char *path = nsp_xasprintf("tests/rules/%s", fixture);
	char *text = read_text(path);
	ck_assert_msg(text != NULL, "cannot read %s", path);
	struct loaded l;
	load_string(&l, text);
	ck_assert_msg(l.rc == 0, "%s does not load", path);
	struct nsp_findings fs = {0};
	run_rules(&fs, l.m);
	char *msg = NULL;
	for (size_t i = 0, k = 0; i < fs.n && !msg; i++)
		if (!strcmp(fs.v[i]->rule_id, id) && k++ == nth)
			msg = nsp_xstrdup(fs.v[i]->message);
	ck_assert_msg(msg != NULL, "%s: no finding %zu of %s", path, nth, id);
	nsp_findings_free(&fs);
	loaded_free(&l);
	free(text);
	free(path);
	return msg;
}

/* Assert that msg contains want (and, when not NULL, not unwanted). */
static void expect_in(char *msg, const char *want, const char *unwanted)
{
	ck_assert_msg(strstr(msg, want), "'%s' not in: %s", want, msg);
	if (unwanted)
		ck_assert_msg(!strstr(msg, unwanted), "'%s' in: %s", unwanted,
			      msg);
	free(msg);
}

START_TEST(hold_time_both_sides)
{
	expect_in(message_of("BGP006/fail-aws-negotiated-hold.yaml", "BGP006",
			     0),
		  "fails over in 90 s (the BGP hold time, negotiated: ours "
		  "180 s, AWS Direct Connect's 90 s), more than the target "
		  "of 60 s",
		  " ms");
	expect_in(message_of("BGP006/fail-hold-zero-never.yaml", "BGP006", 0),
		  "never fails over (hold_s 0: no keepalives", NULL);
	/* one unit: a 1000 ms target next to a 180 s hold time is 1 s */
	expect_in(message_of("BGP006/fail-no-bfd-target.yaml", "BGP006", 0),
		  "in 180 s (the BGP hold time), more than the target of 1 s",
		  " ms");
	expect_in(message_of("BGP006/fail-gcp-bfd-too-slow.yaml", "BGP006", 0),
		  "5000 ms (BFD 1000 ms x 5), more than the target of 1000 ms",
		  " s ");
}
END_TEST

START_TEST(availability_never_rounds_up)
{
	expect_in(message_of("AVAIL001/fail-near-100-not-rounded.yaml",
			     "AVAIL001", 0),
		  "estimated availability 99.999987% (exact over 2 element "
		  "groups, from the assumptions) is below the 99.99999% target",
		  "100.0000");
	expect_in(message_of("AVAIL001/fail-near-100-not-rounded.yaml",
			     "HA002", 0),
		  "the 99.99999% target", "100%");
	expect_in(message_of("AVAIL001/fail-one-circuit.yaml", "AVAIL001", 0),
		  "exact over 1 element group,", NULL);
}
END_TEST

START_TEST(availability_names_the_group)
{
	expect_in(message_of("AVAIL001/fail-pop-group-named.yaml", "AVAIL001",
			     0),
		  "dominated by PoP 'p1' (with its facility 'fac-1' and metro "
		  "'metro-1') at 0.0160%",
		  NULL);
}
END_TEST

START_TEST(sla_tier_that_meets_the_target)
{
	expect_in(message_of("HA003/fail-aws-next-tier-meets-target.yaml",
			     "HA003", 0),
		  "tier 'maximum resiliency' (99.99%) needs", "high resiliency");
	expect_in(message_of("HA003/fail-azure-no-tier-reaches.yaml", "HA003",
			     0),
		  "no tier of Azure ExpressRoute reaches 99.97%", NULL);
}
END_TEST

START_TEST(weights_only_where_a_router_splits)
{
	expect_in(message_of("CAP002/fail-equal-split.yaml", "CAP002", 0),
		  "'cpe1' sends this traffic on no other circuit, so ECMP "
		  "weights cannot move it: raise the bandwidth to at least 125 "
		  "Mbit/s",
		  "set ECMP weights");
	expect_in(message_of("CAP002/fail-one-router-weights.yaml", "CAP002",
			     0),
		  "set ECMP weights on 'cpe1' in proportion to bandwidth", NULL);
	expect_in(message_of("CAP002/fail-two-demands.yaml", "CAP002", 0),
		  "carry 1200 Mbit/s together against 1000 usable, so ECMP "
		  "weights cannot fit it",
		  "set ECMP weights");
}
END_TEST

START_TEST(ecmp_both_mismatches)
{
	char *m = message_of("ECMP004/fail-methods-and-regions.yaml",
			     "ECMP004", 0);
	ck_assert_ptr_nonnull(strstr(m, "mix routing methods: 'c1' bgp"));
	expect_in(m, "and they land in different regions: 'c1' in "
		     "'cn-beijing'; 'c2' in 'cn-shanghai'",
		  NULL);
}
END_TEST

START_TEST(aws_backup_across_regions)
{
	expect_in(message_of("BGP002/fail-aws-regions-no-home.yaml", "BGP002",
			     0),
		  "AWS Direct Connect prefers a location homed in the VPC's "
		  "Region before it compares AS_PATH",
		  "prepend:");
	expect_in(message_of("BGP002/fail-aws-backup-in-home-region.yaml",
			     "BGP002", 0),
		  "bgp.communities: [7224:7100] on 'c2' and [7224:7300] on the "
		  "primaries",
		  NULL);
	expect_in(message_of("BGP003/fail-aws-regions-firewall.yaml", "BGP003",
			     0),
		  "local-preference communities: bgp.communities [7224:7100] "
		  "on the backup",
		  NULL);
}
END_TEST

Suite *messages_suite(void)
{
	Suite *s = suite_create("messages");
	TCase *t = tcase_create("messages");
	tcase_set_timeout(t, 60);
	tcase_add_test(t, hold_time_both_sides);
	tcase_add_test(t, availability_never_rounds_up);
	tcase_add_test(t, availability_names_the_group);
	tcase_add_test(t, sla_tier_that_meets_the_target);
	tcase_add_test(t, weights_only_where_a_router_splits);
	tcase_add_test(t, ecmp_both_mismatches);
	tcase_add_test(t, aws_backup_across_regions);
	suite_add_tcase(s, t);
	return s;
}
