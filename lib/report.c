/* What every reporter shares: the summary, the verdict, the format table. */
#include "report.h"

#include <string.h>

void nsp_run_summary(const struct nsp_run *run, struct nsp_summary *out)
{
	memset(out, 0, sizeof(*out));
	out->files = run->nfiles;
	bool failing = false;
	for (size_t i = 0; i < run->findings.n; i++) {
		const struct nsp_finding *f = run->findings.v[i];
		if (!strcmp(f->rule_id, "INPUT"))
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

const struct nsp_reporter *const nsp_reporters[] = {
	&nsp_reporter_text,
	&nsp_reporter_json,
	NULL,
};

const struct nsp_reporter *nsp_reporter_find(const char *name)
{
	for (size_t i = 0; nsp_reporters[i]; i++)
		if (!strcmp(nsp_reporters[i]->name, name))
			return nsp_reporters[i];
	return NULL;
}
