/* Reporters: one interface, one implementation per output format. */
#ifndef NSP_REPORT_H
#define NSP_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/engine.h"

#define NSP_VERSION "0.1.0"
#define NSP_INFO_URI "https://github.com/nospof/nospof"

/* Everything one `nospof check` run reports. */
struct nsp_run {
	const char *const *files; /* the design files checked, in order */
	size_t nfiles;
	struct nsp_findings findings; /* sorted */
	int fail_on; /* enum nsp_severity, or NSP_FAIL_NEVER */
	bool color, quiet;
	size_t baselined; /* findings left out because a baseline has them */
	/* the loaded designs, parallel to files (NULL: not loaded); optional */
	const struct nsp_model *const *models;
	/*
	 * their failure analyses, parallel to models (NULL: none), for the
	 * reporters that read them (nsp_reporter.analysis); optional
	 */
	const struct nsp_analysis *const *analyses;
	/* the rules the run knew (SARIF lists them all); optional */
	const struct nsp_registry *rules;
};

struct nsp_summary {
	size_t files, findings, errors, warnings, infos, waived, input_errors;
	size_t baselined;
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
	/* reads run->analyses: the caller keeps the engine's (engine.h) */
	bool analysis;
};

extern const struct nsp_reporter nsp_reporter_text;
extern const struct nsp_reporter nsp_reporter_json;
extern const struct nsp_reporter nsp_reporter_sarif;
extern const struct nsp_reporter nsp_reporter_junit;
extern const struct nsp_reporter nsp_reporter_github;
extern const struct nsp_reporter nsp_reporter_markdown;
extern const struct nsp_reporter nsp_reporter_html;

/*
 * "2 files checked: 1 error, 0 warnings, 0 infos (1 waived, 3 baselined);
 * verdict: fail", the summary line every format with a summary shows.
 */
char *nsp_summary_line(const struct nsp_run *run);

/*
 * Write already escaped text so that Markdown (a table cell too) shows it as
 * it is.
 */
void nsp_markdown_text(FILE *out, const char *s);

/* The format names, for usage messages: "text, json, ..., markdown". */
extern const char nsp_report_formats[];

/*
 * A report file name as CI tools want it: relative to the working
 * directory, without a leading "./" (absolute when outside it; "-" stays).
 */
char *nsp_path_relative(const char *file);

/* Every reporter, NULL-terminated. */
extern const struct nsp_reporter *const nsp_reporters[];

/* A reporter by format name, or NULL. */
const struct nsp_reporter *nsp_reporter_find(const char *name);

#endif
