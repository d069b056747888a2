/* nospof check: load designs, run the rules, write one report. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/load.h"
#include "../lib/report.h"
#include "cli.h"

/* Parse a positive count option. */
static bool count_arg(const char *s, uint64_t max, uint64_t *out)
{
	return nsp_parse_uint(s, strlen(s), max, out) && *out > 0;
}

/* Whether colour goes to this stream, from --color and NO_COLOR. */
static bool want_color(const char *when, FILE *out)
{
	if (!strcmp(when, "always"))
		return true;
	if (!strcmp(when, "never"))
		return false;
	const char *no = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	if ((no && *no) || (term && !strcmp(term, "dumb")))
		return false;
	return isatty(fileno(out));
}

/* Load one design and add its findings (or input errors) to the run. */
static void check_one(struct nsp_run *run, struct nsp_model **keep,
		      const char *path, const char *name,
		      const struct nsp_limits *lim,
		      const struct nsp_selection *sel)
{
	struct nsp_diags diags = {0};
	struct nsp_model *m = NULL;
	if (nsp_load_file(&m, path, lim, &diags) < 0) {
		for (size_t i = 0; i < diags.n; i++)
			nsp_findings_add_input(&run->findings, name,
					       &diags.v[i]);
		if (diags.truncated) {
			char empty[] = "";
			char msg[] = "too many input errors; only the first "
				     "ones are shown";
			struct nsp_diag more = {
				{diags.v[diags.n - 1].loc.line, 1}, empty, msg};
			nsp_findings_add_input(&run->findings, name, &more);
		}
	} else {
		m->file = name;
		nsp_engine_run(&run->findings, m, sel);
	}
	nsp_diags_free(&diags);
	*keep = m;
}

int nsp_cmd_check(int argc, char **argv)
{
	enum { O_FAIL_ON = 256, O_SELECT, O_IGNORE, O_COLOR, O_MAX_MB,
	       O_MAX_DEPTH, O_MAX_ALIAS };
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"quiet", no_argument, NULL, 'q'},
		{"fail-on", required_argument, NULL, O_FAIL_ON},
		{"select", required_argument, NULL, O_SELECT},
		{"ignore", required_argument, NULL, O_IGNORE},
		{"color", required_argument, NULL, O_COLOR},
		{"colour", required_argument, NULL, O_COLOR},
		{"max-input-mb", required_argument, NULL, O_MAX_MB},
		{"max-depth", required_argument, NULL, O_MAX_DEPTH},
		{"max-alias-ratio", required_argument, NULL, O_MAX_ALIAS},
		{NULL, 0, NULL, 0},
	};
	const char *format = "text", *output = NULL, *color = "auto";
	struct nsp_limits lim = NSP_LIMITS_DEFAULT;
	struct nsp_selection sel = {0};
	struct nsp_run run = {0};
	struct nsp_model **models = NULL;
	char **names = NULL;
	FILE *out = stdout;
	uint64_t v;
	int c, ret = NSP_EXIT_USAGE;
	const char *bad;

	run.fail_on = NSP_ERROR;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+f:o:q", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'q':
			run.quiet = true;
			break;
		case O_FAIL_ON:
			if (!strcmp(optarg, "never"))
				run.fail_on = NSP_FAIL_NEVER;
			else if ((run.fail_on = nsp_severity_parse(optarg)) < 0) {
				nsp_usage_error("--fail-on: unknown level '%s' "
						"(error, warning, info or "
						"never)", optarg);
				goto out;
			}
			break;
		case O_SELECT:
		case O_IGNORE:
			bad = c == O_SELECT ?
				nsp_selection_add(&sel.select, &sel.nselect,
						  optarg) :
				nsp_selection_add(&sel.ignore, &sel.nignore,
						  optarg);
			if (bad) {
				nsp_usage_error("--%s: '%s' matches no rule "
						"(see 'nospof rules')",
						c == O_SELECT ? "select" :
								"ignore",
						bad);
				goto out;
			}
			break;
		case O_COLOR:
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
			    strcmp(optarg, "never")) {
				nsp_usage_error("--color: expected auto, always "
						"or never, got '%s'", optarg);
				goto out;
			}
			color = optarg;
			break;
		case O_MAX_MB:
			if (!count_arg(optarg, 1u << 20, &v)) {
				nsp_usage_error("--max-input-mb: expected a "
						"positive number of MiB, got "
						"'%s'", optarg);
				goto out;
			}
			lim.max_bytes = (size_t)v << 20;
			break;
		case O_MAX_DEPTH:
			if (!count_arg(optarg, 10000, &v)) {
				nsp_usage_error("--max-depth: expected 1..10000,"
						" got '%s'", optarg);
				goto out;
			}
			lim.max_depth = (unsigned)v;
			break;
		case O_MAX_ALIAS:
			if (!count_arg(optarg, 1000000, &v)) {
				nsp_usage_error("--max-alias-ratio: expected a "
						"positive number, got '%s'",
						optarg);
				goto out;
			}
			lim.alias_ratio = (unsigned)v;
			break;
		default:
			nsp_usage_error("check: unknown or incomplete option "
					"'%s' (see 'nospof --help')",
					argv[optind - 1]);
			goto out;
		}
	}
	const struct nsp_reporter *rep = nsp_reporter_find(format);
	if (!rep) {
		nsp_usage_error("--format: unknown format '%s' (text or json)",
				format);
		goto out;
	}
	if (optind >= argc) {
		nsp_usage_error("check: no design file given (see 'nospof "
				"--help')");
		goto out;
	}
	if (output && !(out = fopen(output, "w"))) {
		out = stdout;
		nsp_usage_error("cannot write '%s': %s", output,
				strerror(errno));
		goto out;
	}
	run.nfiles = (size_t)(argc - optind);
	names = nsp_xcalloc(run.nfiles, sizeof(*names));
	for (size_t i = 0; i < run.nfiles; i++) {
		const char *p = argv[optind + (int)i];
		names[i] = nsp_escape(p, strlen(p));
	}
	run.files = (const char *const *)names;
	run.color = want_color(color, out);
	models = nsp_xcalloc(run.nfiles, sizeof(*models));
	for (size_t i = 0; i < run.nfiles; i++)
		check_one(&run, &models[i], argv[optind + (int)i], names[i],
			  &lim, &sel);
	nsp_findings_sort(&run.findings);
	if (rep->write(out, &run) < 0 || fflush(out)) {
		nsp_usage_error("cannot write the report: %s", strerror(errno));
		goto out;
	}
	ret = nsp_run_exit_status(&run);
out:
	if (out != stdout && fclose(out) && ret != NSP_EXIT_USAGE)
		ret = nsp_usage_error("cannot write '%s'", output);
	for (size_t i = 0; models && i < run.nfiles; i++)
		nsp_model_free(models[i]);
	free(models);
	for (size_t i = 0; names && i < run.nfiles; i++)
		free(names[i]);
	free(names);
	nsp_findings_free(&run.findings);
	nsp_selection_free(&sel);
	return ret;
}
