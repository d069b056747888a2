/* Shared helpers of the unit tests. */
#ifndef NSP_TEST_HELPERS_H
#define NSP_TEST_HELPERS_H

#include <check.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine/engine.h"
#include "load/load.h"
#include "report/report.h"
#include "../../rules/rules.h"

/* A design loaded from a string, with its input errors. */
struct loaded {
	struct nsp_model *m;
	struct nsp_diags diags;
	int rc;
};
void load_string(struct loaded *l, const char *yaml);
void loaded_free(struct loaded *l);
/* Whether some input error is on line (0: any) and contains text. */
bool has_diag(const struct loaded *l, unsigned line, const char *text);

/* Run every rule on a loaded design. */
void run_rules(struct nsp_findings *out, const struct nsp_model *m);
/* How many findings of a rule (NULL: all). */
size_t count_rule(const struct nsp_findings *fs, const char *id);

char *read_text(const char *path);
/* Run a shell command; returns its exit status, output in *out. */
int run_cmd(const char *cmd, char **out);
/* The CLI under test. */
const char *nospof_bin(void);
/* Sorted list of files in dir matching a suffix; NULL-terminated. */
char **list_files(const char *dir, const char *prefix, const char *suffix);
/* A fresh directory for one test's files (a checked fixture), and its end. */
extern char tmpdir[64];
void test_tmp_setup(void);
void test_tmp_teardown(void);
void free_list(char **list);

/* A random valid-looking design from a seed (the caller frees it). */
char *gen_design(uint64_t seed);

/* A small valid design (site, cloud, two PoPs, two CPEs, two edges). */
extern const char base_design[];

Suite *util_suite(void);
Suite *net_suite(void);
Suite *load_suite(void);
Suite *rules_suite(void);
Suite *report_suite(void);
Suite *cli_suite(void);
Suite *avail_suite(void);
Suite *ci_suite(void);
Suite *routing_suite(void);
Suite *invariant_suite(void);
Suite *messages_suite(void);
Suite *import_suite(void);
Suite *import_providers_suite(void);
Suite *import_exchange_suite(void);
Suite *cuts_suite(void);
Suite *netbox_suite(void);
Suite *build_suite(void);

#endif
