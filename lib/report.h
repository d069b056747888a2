/* Reporters: one interface, one implementation per output format. */
#ifndef NSP_REPORT_H
#define NSP_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "engine.h"

#define NSP_VERSION "0.1.0"
#define NSP_INFO_URI "https://github.com/nospof/nospof"
#define NSP_FAIL_NEVER (-1)

/* Everything one `nospof check` run reports. */
struct nsp_run {
	const char *const *files; /* the design files checked, in order */
	size_t nfiles;
	struct nsp_findings findings; /* sorted */
	int fail_on; /* enum nsp_severity, or NSP_FAIL_NEVER */
	bool color, quiet;
};

struct nsp_summary {
	size_t files, findings, errors, warnings, infos, waived, input_errors;
	const char *verdict; /* "pass" | "fail" | "input-error" */
};

void nsp_run_summary(const struct nsp_run *run, struct nsp_summary *out);
/* 0 pass, 1 findings at or above fail_on, 2 an input error. */
int nsp_run_exit_status(const struct nsp_run *run);
const char *nsp_fail_on_name(int fail_on);

struct nsp_reporter {
	const char *name;
	/* Write the whole report; returns 0, or -1 on an I/O error. */
	int (*write)(FILE *out, const struct nsp_run *run);
};

extern const struct nsp_reporter nsp_reporter_text;
extern const struct nsp_reporter nsp_reporter_json;

/* Every reporter, NULL-terminated. */
extern const struct nsp_reporter *const nsp_reporters[];

/* A reporter by format name, or NULL. */
const struct nsp_reporter *nsp_reporter_find(const char *name);

#endif
