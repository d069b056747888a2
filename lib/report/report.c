/* What every reporter shares: the summary, the verdict, the format table. */
#include "report.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void nsp_run_summary(const struct nsp_run *run, struct nsp_summary *out)
{
	memset(out, 0, sizeof(*out));
	out->files = run->nfiles;
	out->baselined = run->baselined;
	bool failing = false;
	for (size_t i = 0; i < run->findings.n; i++) {
		const struct nsp_finding *f = run->findings.v[i];
		if (!strcmp(f->rule_id, "INPUT") && f->severity == NSP_ERROR)
			out->input_errors++;
		if (f->waived) {
			out->waived++;
			continue;
		}
		out->findings++;
		if (f->severity == NSP_ERROR)
			out->errors++;
		else if (f->severity == NSP_WARNING)
			out->warnings++;
		else
			out->infos++;
		if (run->fail_on != NSP_FAIL_NEVER &&
		    (int)f->severity >= run->fail_on)
			failing = true;
	}
	out->verdict = out->input_errors ? "input-error" :
		       failing		 ? "fail" :
					   "pass";
}

int nsp_run_exit_status(const struct nsp_run *run)
{
	struct nsp_summary s;
	nsp_run_summary(run, &s);
	return s.input_errors ? 2 : !strcmp(s.verdict, "fail") ? 1 : 0;
}

const char *nsp_fail_on_name(int fail_on)
{
	return fail_on == NSP_FAIL_NEVER ? "never" :
					   nsp_severity_names[fail_on];
}

/* "1 error", "2 errors" */
static void count(struct nsp_buf *b, size_t n, const char *what,
		  const char *sep)
{
	nsp_buf_printf(b, "%zu %s%s%s", n, what, n == 1 ? "" : "s", sep);
}

char *nsp_summary_line(const struct nsp_run *run)
{
	struct nsp_summary s;
	struct nsp_buf b = {0};
	nsp_run_summary(run, &s);
	count(&b, s.files, "file", " checked: ");
	count(&b, s.errors, "error", ", ");
	count(&b, s.warnings, "warning", ", ");
	count(&b, s.infos, "info", "");
	if (s.waived && s.baselined)
		nsp_buf_printf(&b, " (%zu waived, %zu baselined)", s.waived,
			       s.baselined);
	else if (s.waived)
		nsp_buf_printf(&b, " (%zu waived)", s.waived);
	else if (s.baselined)
		nsp_buf_printf(&b, " (%zu baselined)", s.baselined);
	if (s.input_errors)
		nsp_buf_printf(&b, "; %zu input error%s", s.input_errors,
			       s.input_errors == 1 ? "" : "s");
	nsp_buf_printf(&b, "; verdict: %s", s.verdict);
	return nsp_buf_detach(&b);
}

const char nsp_report_formats[] =
	"text, json, sarif, junit, github, markdown or html";

char *nsp_path_relative(const char *file)
{
	char cwd[PATH_MAX];
	if (file[0] == '/' && getcwd(cwd, sizeof(cwd))) {
		size_t n = strlen(cwd);
		if (n > 1 && !strncmp(file, cwd, n) && file[n] == '/')
			file += n + 1;
	}
	while (file[0] == '.' && file[1] == '/') {
		file += 2;
		while (*file == '/')
			file++;
	}
	return nsp_xstrdup(*file ? file : ".");
}

const struct nsp_reporter *const nsp_reporters[] = {
	&nsp_reporter_text,  &nsp_reporter_json,   &nsp_reporter_sarif,
	&nsp_reporter_junit, &nsp_reporter_github, &nsp_reporter_markdown,
	&nsp_reporter_html,
	NULL,
};

const struct nsp_reporter *nsp_reporter_find(const char *name)
{
	for (size_t i = 0; nsp_reporters[i]; i++)
		if (!strcmp(nsp_reporters[i]->name, name))
			return nsp_reporters[i];
	return NULL;
}
