/* The unit test runner: one check suite per module. */
#include <stdlib.h>

#include "helpers.h"

int main(void)
{
	SRunner *sr = srunner_create(util_suite());
	srunner_add_suite(sr, net_suite());
	srunner_add_suite(sr, load_suite());
	srunner_add_suite(sr, rules_suite());
	srunner_add_suite(sr, report_suite());
	srunner_add_suite(sr, cli_suite());
	srunner_add_suite(sr, avail_suite());
	srunner_add_suite(sr, ci_suite());
	srunner_add_suite(sr, routing_suite());
	srunner_add_suite(sr, invariant_suite());
	srunner_add_suite(sr, messages_suite());
	srunner_add_suite(sr, import_suite());
	srunner_add_suite(sr, import_providers_suite());
	srunner_add_suite(sr, import_exchange_suite());
	srunner_add_suite(sr, cuts_suite());
	srunner_add_suite(sr, netbox_suite());
	srunner_add_suite(sr, build_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
