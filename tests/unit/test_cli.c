/* Tests of the command line: exit codes, options, subcommands. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

/* Run nospof with args (a shell fragment); returns the exit status. */
static int nospof(const char *args, char **out)
{
	char *cmd = nsp_xasprintf("%s %s", nospof_bin(), args);
	int st = run_cmd(cmd, out);
	free(cmd);
	return st;
}

START_TEST(exit_codes)
{
	ck_assert_int_eq(nospof("check examples/alibaba-two-cpes.yaml", NULL),
			 0);
	ck_assert_int_eq(nospof("check examples/alibaba-one-cpe.yaml", NULL),
			 1);
	ck_assert_int_eq(nospof("check tests/hostile/alias-bomb.yaml "
				"2>/dev/null", NULL), 2);
	ck_assert_int_eq(nospof("check examples/alibaba-one-cpe.yaml "
				"tests/hostile/alias-bomb.yaml", NULL), 2);
	ck_assert_int_eq(nospof("check does-not-exist.yaml", NULL), 2);
	ck_assert_int_eq(nospof("check 2>/dev/null", NULL), 3);
	ck_assert_int_eq(nospof("frobnicate 2>/dev/null", NULL), 3);
	ck_assert_int_eq(nospof("check --format xml examples/alibaba-two-cpes"
				".yaml 2>/dev/null", NULL), 3);
	ck_assert_int_eq(nospof("check --bogus x.yaml 2>/dev/null", NULL), 3);
	ck_assert_int_eq(nospof("check --select NOPE examples/alibaba-two-cpes"
				".yaml 2>/dev/null", NULL), 3);
	ck_assert_int_eq(nospof("check -o /nonexistent/dir/out examples/"
				"alibaba-two-cpes.yaml 2>/dev/null", NULL), 3);
}
END_TEST

START_TEST(fail_on_select_ignore)
{
	const char *f = "examples/alibaba-one-cpe.yaml";
	char *a;
	char *args = nsp_xasprintf("check --fail-on never %s", f);
	ck_assert_int_eq(nospof(args, NULL), 0);
	free(args);
	ck_assert_int_eq(nospof("check --ignore DIV002 "
				"examples/alibaba-one-cpe.yaml", &a), 1);
	ck_assert_ptr_null(strstr(a, "DIV002"));
	/* nothing else reported the shared CPE: SPOF001 does */
	ck_assert_ptr_nonnull(strstr(a, "[SPOF001]"));
	free(a);
	ck_assert_int_eq(nospof("check --ignore DIV002,SPOF001 "
				"examples/alibaba-one-cpe.yaml", &a), 0);
	free(a);
	ck_assert_int_eq(nospof("check --select DIV00 "
				"examples/alibaba-one-cpe.yaml", NULL), 1);
	ck_assert_int_eq(nospof("check --select HA "
				"examples/alibaba-one-cpe.yaml", NULL), 0);
	/* a warning fails only with --fail-on warning */
	ck_assert_int_eq(nospof("check tests/rules/DIV007/fail-one-carrier"
				".yaml", NULL), 0);
	ck_assert_int_eq(nospof("check --fail-on warning tests/rules/DIV007/"
				"fail-one-carrier.yaml", NULL), 1);
	ck_assert_int_eq(nospof("check --fail-on info tests/rules/DIV007/"
				"fail-one-carrier.yaml", NULL), 1);
}
END_TEST

START_TEST(text_output)
{
	char *out, *golden = read_text("tests/golden/alibaba-one-cpe.txt");
	ck_assert_int_eq(nospof("check examples/alibaba-one-cpe.yaml", &out),
			 1);
	ck_assert_str_eq(out, golden);
	free(out);
	/* colour only when asked, NO_COLOR honoured in auto */
	nospof("check --color always examples/alibaba-one-cpe.yaml", &out);
	ck_assert_ptr_nonnull(strstr(out, "\033[1;31merror"));
	free(out);
	char *cmd = nsp_xasprintf("NO_COLOR=1 %s check --color auto "
				  "examples/alibaba-one-cpe.yaml", nospof_bin());
	run_cmd(cmd, &out);
	ck_assert_ptr_null(strchr(out, '\033'));
	free(out);
	free(cmd);
	nospof("check -q examples/alibaba-one-cpe.yaml", &out);
	ck_assert_ptr_null(strstr(out, "[DIV002]"));
	ck_assert_ptr_nonnull(strstr(out, "verdict: fail"));
	free(out);
	free(golden);
}
END_TEST

START_TEST(stdin_and_output_file)
{
	char *out;
	ck_assert_int_eq(nospof("check - < examples/alibaba-one-cpe.yaml",
				&out), 1);
	ck_assert_ptr_nonnull(strstr(out, "-:"));
	free(out);
	char tmp[] = "/tmp/nospof-out-XXXXXX";
	int fd = mkstemp(tmp);
	close(fd);
	char *args = nsp_xasprintf("check -f json -o %s "
				   "examples/alibaba-one-cpe.yaml", tmp);
	ck_assert_int_eq(nospof(args, &out), 1);
	ck_assert_str_eq(out, "");
	free(out);
	char *json = read_text(tmp), *golden =
		read_text("tests/golden/alibaba-one-cpe.json");
	ck_assert_str_eq(json, golden);
	free(json);
	free(golden);
	free(args);
	unlink(tmp);
}
END_TEST

START_TEST(subcommands)
{
	char *out;
	ck_assert_int_eq(nospof("version", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "nospof 0."));
	free(out);
	ck_assert_int_eq(nospof("--help", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "exit status"));
	free(out);
	ck_assert_int_eq(nospof("rules", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "DIV008"));
	ck_assert_ptr_nonnull(strstr(out, "HA001"));
	free(out);
	ck_assert_int_eq(nospof("rules -f json", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "\"id\": \"DIV001\""));
	free(out);
	ck_assert_int_eq(nospof("explain DIV003", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "same-cpe-port"));
	ck_assert_ptr_nonnull(strstr(out, "How to fix it"));
	ck_assert_ptr_nonnull(strstr(out, "seed 001"));
	free(out);
	ck_assert_int_eq(nospof("explain single-pop", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "DIV004"));
	free(out);
	ck_assert_int_eq(nospof("explain DIV01 2>&1", &out), 3);
	ck_assert_ptr_nonnull(strstr(out, "did you mean 'DIV001'"));
	free(out);
	ck_assert_int_eq(nospof("schema", &out), 0);
	char *schema = read_text("schemas/nospof.schema.json");
	ck_assert_str_eq(out, schema);
	free(schema);
	free(out);
}
END_TEST

START_TEST(stderr_escaped)
{
	char *out;
	ck_assert_int_eq(nospof("\"$(printf 'bad\\033[2Jcmd')\" 2>&1", &out),
			 3);
	ck_assert_ptr_null(strchr(out, '\033'));
	ck_assert_ptr_nonnull(strstr(out, "\\x1B[2J"));
	free(out);
}
END_TEST

Suite *cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *t = tcase_create("cli");
	tcase_set_timeout(t, 120);
	tcase_add_test(t, exit_codes);
	tcase_add_test(t, fail_on_select_ignore);
	tcase_add_test(t, text_output);
	tcase_add_test(t, stdin_and_output_file);
	tcase_add_test(t, subcommands);
	tcase_add_test(t, stderr_escaped);
	suite_add_tcase(s, t);
	return s;
}
