/* Tests of the reporters: golden outputs of every example, escaping. */
#include <ctype.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

/* The report of one format over the given files, as a string. */
static char *report(const char *format, const char *const *files, size_t n,
		    int *status)
{
	static const struct nsp_limits lim = NSP_LIMITS_DEFAULT;
	struct nsp_run run = {.files = files, .nfiles = n,
			      .fail_on = NSP_ERROR};
	struct nsp_model **models = nsp_xcalloc(n, sizeof(*models));
	for (size_t i = 0; i < n; i++) {
		struct nsp_diags d = {0};
		if (nsp_load_file(&models[i], files[i], &lim, &d) < 0)
			for (size_t k = 0; k < d.n; k++)
				nsp_findings_add_input(&run.findings, files[i],
						       &d.v[k]);
		else
			nsp_engine_run(&run.findings, models[i], NULL);
		nsp_diags_free(&d);
	}
	nsp_findings_sort(&run.findings);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_int_eq(nsp_reporter_find(format)->write(f, &run), 0);
	fclose(f);
	if (status)
		*status = nsp_run_exit_status(&run);
	for (size_t i = 0; i < n; i++)
		nsp_model_free(models[i]);
	free(models);
	nsp_findings_free(&run.findings);
	return buf;
}

static void compare_golden(const char *example, const char *format,
			   const char *ext)
{
	char *copy = nsp_xstrdup(example);
	char *base = basename(copy);
	base[strlen(base) - 5] = '\0'; /* .yaml */
	char *golden = nsp_xasprintf("tests/golden/%s.%s", base, ext);
	char *want = read_text(golden);
	ck_assert_msg(want != NULL, "missing golden file %s", golden);
	const char *files[] = {example};
	char *got = report(format, files, 1, NULL);
	ck_assert_msg(!strcmp(got, want), "%s differs from %s:\n%s", example,
		      golden, got);
	free(got);
	free(want);
	free(golden);
	free(copy);
}

START_TEST(golden_examples)
{
	char **ex = list_files("examples", "", ".yaml");
	size_t n = 0;
	for (char **p = ex; *p; p++, n++) {
		compare_golden(*p, "text", "txt");
		compare_golden(*p, "json", "json");
	}
	ck_assert_uint_ge(n, 10);
	free_list(ex);
}
END_TEST

/* The verdict each example's README row promises. */
START_TEST(example_verdicts)
{
	char *readme = read_text("examples/README.md");
	ck_assert_ptr_nonnull(readme);
	char **ex = list_files("examples", "", ".yaml");
	for (char **p = ex; *p; p++) {
		const char *name = *p + strlen("examples/");
		char *row = strstr(readme, name);
		ck_assert_msg(row != NULL, "%s has no README row", name);
		size_t len = strcspn(row, "\n");
		char *line = nsp_xstrndup(row, len);
		int status;
		const char *files[] = {*p};
		char *out = report("text", files, 1, &status);
		bool pass = strstr(line, "| pass") != NULL;
		ck_assert_msg(pass == (status == 0), "%s: README says '%s', "
			      "exit status %d", name, line, status);
		/* every rule id ([A-Z]+[0-9]{3}) the row names is output */
		for (const char *q = line; *q; q++) {
			if (!isupper((unsigned char)*q) ||
			    (q > line && (isalnum((unsigned char)q[-1]) ||
					  q[-1] == '-' || q[-1] == '_')))
				continue;
			size_t letters = 0;
			while (isupper((unsigned char)q[letters]))
				letters++;
			size_t digits = strspn(q + letters, "0123456789");
			if (digits != 3 ||
			    isalnum((unsigned char)q[letters + 3]))
				continue;
			char id[32];
			snprintf(id, sizeof(id), "%.*s", (int)(letters + 3), q);
			char *tag = nsp_xasprintf("[%s]", id);
			ck_assert_msg(strstr(out, tag), "%s: no %s", name, id);
			free(tag);
		}
		free(out);
		free(line);
	}
	free_list(ex);
	free(readme);
}
END_TEST

/* base_design with every "bandwidth_mbps: 1000}" given a hostile carrier. */
static char *hostile_carriers(void)
{
	struct nsp_buf b = {0};
	const char *from = "bandwidth_mbps: 1000}", *p = base_design, *q;
	while ((q = strstr(p, from))) {
		nsp_buf_add(&b, p, (size_t)(q - p));
		nsp_buf_puts(&b, "bandwidth_mbps: 1000, carrier: "
				 "\"x\\e[2J\\u202Ey\"}");
		p = q + strlen(from);
	}
	nsp_buf_puts(&b, p);
	return nsp_buf_detach(&b);
}

START_TEST(escaped_everywhere)
{
	/* carriers are free text: a hostile one reaches a DIV007 message */
	char *y = hostile_carriers();
	char tmp[] = "/tmp/nospof-esc-XXXXXX";
	int fd = mkstemp(tmp);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	fputs(y, f);
	fclose(f);
	const char *files[] = {tmp};
	char *text = report("text", files, 1, NULL);
	char *json = report("json", files, 1, NULL);
	ck_assert_msg(strstr(text, "[DIV007]"), "%s", text);
	ck_assert_ptr_null(strchr(text, '\x1b'));
	ck_assert_ptr_null(strstr(text, "\xe2\x80\xae"));
	ck_assert_ptr_nonnull(strstr(text, "x\\x1B[2J\\u{202E}y"));
	ck_assert_ptr_null(strchr(json, '\x1b'));
	ck_assert_ptr_null(strstr(json, "\\u001b"));
	ck_assert_ptr_nonnull(strstr(json, "x\\\\x1B[2J\\\\u{202E}y"));
	unlink(tmp);
	free(text);
	free(json);
	free(y);
}
END_TEST

START_TEST(input_errors_in_json)
{
	const char *files[] = {"tests/hostile/dangling-router.yaml",
			       "examples/alibaba-two-cpes.yaml"};
	int status;
	char *json = report("json", files, 2, &status);
	ck_assert_int_eq(status, 2);
	ck_assert_ptr_nonnull(strstr(json, "\"verdict\": \"input-error\""));
	ck_assert_ptr_nonnull(strstr(json, "\"rule\": \"INPUT\""));
	ck_assert_ptr_nonnull(strstr(json, "\"files\": 2"));
	free(json);
	char *text = report("text", files, 2, NULL);
	ck_assert_ptr_nonnull(strstr(text, "2 files checked"));
	free(text);
}
END_TEST

Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *t = tcase_create("report");
	tcase_set_timeout(t, 60);
	tcase_add_test(t, golden_examples);
	tcase_add_test(t, example_verdicts);
	tcase_add_test(t, escaped_everywhere);
	tcase_add_test(t, input_errors_in_json);
	suite_add_tcase(s, t);
	return s;
}
