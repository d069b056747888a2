/*
 * nospof check: find the designs (files, directories, standard input), read
 * the repository config, load and check every design, apply a baseline,
 * write one report.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import/import.h"
#include "report/baseline.h"
#include "load/config.h"
#include "load/load.h"
#include "report/report.h"
#include "../rules/rules.h"
#include "cli.h"

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

/*
 * The design files of one run: the paths to read, the names shown, and
 * for a directory that could not be read, why (NULL for a file to load).
 */
struct inputs {
	char **paths, **names, **unread;
	size_t n, cap;
};

/* Add a design file to read (path) and its escaped name. */
static void inputs_add(struct inputs *in, const char *path)
{
	NSP_GROW(in->paths, in->cap, in->n + 1);
	in->names = nsp_xrealloc(in->names, in->cap * sizeof(*in->names));
	in->unread = nsp_xrealloc(in->unread, in->cap * sizeof(*in->unread));
	in->paths[in->n] = nsp_xstrdup(path);
	in->unread[in->n] = NULL;
	in->names[in->n++] = nsp_escape(path, strlen(path));
}

/* Add a path that could not be read (errno err): an input error. */
static void inputs_add_unread(struct inputs *in, const char *path,
			      const char *what, int err)
{
	inputs_add(in, path);
	in->unread[in->n - 1] = nsp_xasprintf("cannot read the %s: %s", what,
					      strerror(err));
}

/* Free the list of design files. */
static void inputs_free(struct inputs *in)
{
	for (size_t i = 0; i < in->n; i++) {
		free(in->paths[i]);
		free(in->names[i]);
		free(in->unread[i]);
	}
	free(in->paths);
	free(in->names);
	free(in->unread);
}

/* Whether a file at path is a nospof design (read errors: say yes). */
static bool is_design(const char *path, const struct nsp_limits *lim)
{
	char *buf;
	size_t len;
	if (nsp_read_file(&buf, &len, path, lim->max_bytes))
		return true; /* the loader reports why it cannot be read */
	bool yes = nsp_buffer_is_design(buf, len, lim);
	free(buf);
	return yes;
}

/* Whether a file name ends in .yaml or .yml. */
static bool yaml_name(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(name + n - 4, ".yml"));
}

/* qsort order of strings. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Add the designs under dir, in sorted order: *.yaml and *.yml files whose
 * top level has a nospof key. Dotfiles and dot-directories are skipped, and
 * symbolic links to directories are not followed (no loops).
 */
static void scan(struct inputs *in, const char *dir,
		 const struct nsp_limits *lim)
{
	DIR *d = opendir(dir);
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	int err;
	if (!d) {
		inputs_add_unread(in, dir, "directory", errno);
		return;
	}
	for (;;) {
		errno = 0;
		if (!(e = readdir(d)))
			break;
		if (e->d_name[0] == '.')
			continue;
		NSP_GROW(names, cap, n + 1);
		names[n++] = nsp_xstrdup(e->d_name);
	}
	err = errno;
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n && !err; i++) {
		char *p = !strcmp(dir, ".") ?
			nsp_xstrdup(names[i]) :
			nsp_xasprintf("%s%s%s", dir,
				      dir[strlen(dir) - 1] == '/' ? "" : "/",
				      names[i]);
		struct stat st;
		if (lstat(p, &st) != 0)
			/* listed but out of reach: no search permission */
			err = errno == ENOENT ? 0 : errno;
		else if (S_ISDIR(st.st_mode))
			scan(in, p, lim);
		else if (stat(p, &st) == 0 && S_ISREG(st.st_mode) &&
			 yaml_name(names[i]) && is_design(p, lim))
			inputs_add(in, p);
		free(p);
	}
	if (err)
		inputs_add_unread(in, dir, "directory", err);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/*
 * Turn the command-line paths into design files: - is standard input, a
 * directory is scanned, a named file is a design (with designs_only, only
 * when it looks like one).
 */
static void find_inputs(struct inputs *in, char **argv, int argc,
			const struct nsp_limits *lim, bool designs_only)
{
	for (int i = 0; i < argc; i++) {
		struct stat st;
		size_t before = in->n;
		if (strcmp(argv[i], "-") && stat(argv[i], &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			scan(in, argv[i], lim);
			if (in->n == before)
				nsp_usage_error("note: no design (a *.yaml or "
						"*.yml file with a top-level "
						"'nospof' key) under '%s'",
						argv[i]);
		} else if (!designs_only || !strcmp(argv[i], "-") ||
			   is_design(argv[i], lim)) {
			inputs_add(in, argv[i]);
		}
	}
}

/*
 * Load one design and add its findings (or input errors) to the run; a
 * path that could not be read (unread says why) is an input error.
 */
static void check_one(struct nsp_run *run, struct nsp_model **keep,
		      struct nsp_analysis **fa, const char *path,
		      const char *name, const char *unread,
		      const struct nsp_limits *lim,
		      const struct nsp_selection *sel, bool analysis)
{
	struct nsp_diags diags = {0};
	struct nsp_model *m = NULL;
	if (unread) {
		char empty[] = "";
		struct nsp_diag d = {{1, 1}, empty, (char *)unread};
		nsp_findings_add_input(&run->findings, name, &d);
	} else if (nsp_load_file(&m, path, lim, &diags) < 0) {
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
		/* a reporter that reads the analysis gets the engine's */
		nsp_engine_run(&run->findings, m, &nsp_builtin_rules, sel,
			       analysis ? fa : NULL);
		if (analysis && !*fa)
			*fa = nsp_analysis_new(m);
	}
	nsp_diags_free(&diags);
	*keep = m;
}

/* Write a baseline of the run's findings to path; 0 or NSP_EXIT_USAGE. */
static int write_baseline(const char *path, const struct nsp_findings *fs)
{
	struct nsp_output o;
	if (nsp_output_open(&o, "--write-baseline", path))
		return NSP_EXIT_USAGE;
	if (nsp_baseline_write(o.f, fs)) {
		nsp_output_abort(&o);
		return nsp_usage_error("--write-baseline: cannot write '%s'",
				       path);
	}
	return nsp_output_commit(&o);
}

/* Leave out the findings the baseline at path records. */
static int apply_baseline(struct nsp_run *run, const char *path,
			  const struct nsp_limits *lim)
{
	struct nsp_baseline b;
	char *err = NULL;
	if (nsp_baseline_read(&b, path, lim, &err) < 0) {
		nsp_usage_error("--baseline: %s", err);
		free(err);
		return NSP_EXIT_USAGE;
	}
	run->baselined += nsp_baseline_apply(&b, &run->findings);
	nsp_baseline_free(&b);
	return 0;
}

/* The config's problems as INPUT findings of the config file. */
static void config_errors(struct nsp_run *run, const char *name,
			  const struct nsp_diags *diags)
{
	for (size_t i = 0; i < diags->n; i++)
		nsp_findings_add_input(&run->findings, name, &diags->v[i]);
}

/*
 * Refuse to write an output over one of the run's inputs (the designs,
 * the config, the baseline read) or over the other output: a usage error,
 * NSP_EXIT_USAGE, or 0.
 */
static int refuse_inputs(const char *what, const char *path,
			 const struct inputs *in, const char *cfg,
			 const char *baseline)
{
	for (size_t i = 0; i < in->n; i++)
		if (nsp_same_file(path, in->paths[i]))
			return nsp_usage_error("%s: '%s' is the design file "
					       "'%s': refusing to overwrite an "
					       "input",
					       what, path, in->paths[i]);
	if (cfg && nsp_same_file(path, cfg))
		return nsp_usage_error("%s: '%s' is the config file: "
				       "refusing to overwrite an input",
				       what, path);
	if (baseline && nsp_same_file(path, baseline))
		return nsp_usage_error("%s: '%s' is the baseline given with "
				       "--baseline: refusing to overwrite an "
				       "input",
				       what, path);
	return 0;
}

/* The options of one check run. */
struct opts {
	const char *format, *output, *color, *config, *baseline,
		*write_baseline;
	bool no_config, designs_only, fail_on_given;
	struct nsp_selection cli; /* --select and --ignore */
	const char *import;       /* --import terraform:FILE: FILE */
	bool import_netbox;       /* --import netbox:DIR: import is DIR */
	const char **overlays;    /* --overlay, in order */
	size_t noverlays;
};

/* Add input error d of an import, naming its file when not the input. */
static void import_error(struct nsp_run *run, const char *name,
			 const char *input, const char *file,
			 const struct nsp_diag *d)
{
	struct nsp_diag e = *d;
	char empty[] = "";
	char *msg = NULL;
	e.pointer = empty;
	if (strcmp(file, input)) {
		char *f = nsp_escape(file, strlen(file));
		size_t n = strlen(input);
		/* a NetBox page lies in the --import directory */
		bool page = !strncmp(file, input, n) && file[n] == '/';
		msg = nsp_xasprintf("in %s %s:%u:%u: %s", page ? "page" :
				    "overlay", f, d->loc.line, d->loc.col,
				    d->msg);
		free(f);
		e.msg = msg;
		e.loc = (struct nsp_loc){1, 1};
	}
	nsp_findings_add_input(&run->findings, name, &e);
	free(msg);
}

/*
 * Import --import's file with the overlays (IMPORT.md §1.1), and check the
 * design nospof import would write, reported under the file's name; the
 * import findings are findings of the IMPnnn rules, the summary line goes
 * to standard error.
 */
static void check_import(struct nsp_run *run, struct nsp_model **keep,
			 struct nsp_analysis **fa, const struct opts *o,
			 const char *name, const struct nsp_limits *lim,
			 const struct nsp_selection *sel, bool analysis)
{
	struct nsp_import r;
	struct nsp_diags diags = {0};
	struct nsp_model *m = NULL;
	int rc = o->import_netbox ?
		nsp_import_netbox_run(o->import, NULL, o->overlays,
				      o->noverlays, lim, NULL, false, &r) :
		nsp_import_run(o->import, o->overlays, o->noverlays, lim,
			       NULL, false, &r);
	/* the findings are the IMPnnn rules' (notes); the summary stays */
	if (r.summary)
		fprintf(stderr, "%s\n", r.summary);
	if (r.read_errno) {
		/* as a design file that cannot be read */
		char empty[] = "";
		char *msg = nsp_xasprintf("cannot read the %s: %s",
					  o->import_netbox ? "directory" :
							     "file",
					  strerror(r.read_errno));
		struct nsp_diag d = {{1, 1}, empty, msg};
		nsp_findings_add_input(&run->findings, name, &d);
		free(msg);
	} else if (rc) {
		for (size_t i = 0; i < r.errors.n; i++)
			import_error(run, name, o->import, r.error_files[i],
				     &r.errors.v[i]);
	} else if (nsp_load_buffer(&m, o->import, r.yaml, r.len, lim,
				   &diags) < 0) {
		for (size_t i = 0; i < diags.n; i++)
			nsp_findings_add_input(&run->findings, name,
					       &diags.v[i]);
	} else {
		m->file = name;
		nsp_import_locate(m, &r, o->import);
		nsp_engine_run(&run->findings, m, &nsp_builtin_rules, sel,
			       analysis ? fa : NULL);
		if (analysis && !*fa)
			*fa = nsp_analysis_new(m);
	}
	nsp_diags_free(&diags);
	nsp_import_free(&r);
	*keep = m;
}

/* Parse the options; returns the index of the first path, or -1. */
static int parse_opts(struct opts *o, struct nsp_run *run,
		      struct nsp_limits *lim, int argc, char **argv)
{
	enum { O_FAIL_ON = 256, O_SELECT, O_IGNORE, O_COLOR, O_MAX_MB,
	       O_MAX_DEPTH, O_MAX_ALIAS, O_CONFIG, O_NO_CONFIG, O_BASELINE,
	       O_WRITE_BASELINE, O_DESIGNS_ONLY, O_IMPORT, O_OVERLAY };
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
		{"config", required_argument, NULL, O_CONFIG},
		{"no-config", no_argument, NULL, O_NO_CONFIG},
		{"baseline", required_argument, NULL, O_BASELINE},
		{"write-baseline", required_argument, NULL, O_WRITE_BASELINE},
		{"designs-only", no_argument, NULL, O_DESIGNS_ONLY},
		{"import", required_argument, NULL, O_IMPORT},
		{"overlay", required_argument, NULL, O_OVERLAY},
		{NULL, 0, NULL, 0},
	};
	int c;
	const char *bad;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "f:o:q", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			o->format = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'q':
			run->quiet = true;
			break;
		case O_FAIL_ON:
			o->fail_on_given = true;
			if (!strcmp(optarg, "never"))
				run->fail_on = NSP_FAIL_NEVER;
			else if ((run->fail_on = nsp_severity_parse(optarg)) <
				 0) {
				nsp_usage_error("--fail-on: unknown level '%s' "
						"(error, warning, info or "
						"never)", optarg);
				return -1;
			}
			break;
		case O_SELECT:
		case O_IGNORE:
			bad = c == O_SELECT ?
				nsp_selection_add(&nsp_builtin_rules,
						  &o->cli.select,
						  &o->cli.nselect, optarg) :
				nsp_selection_add(&nsp_builtin_rules,
						  &o->cli.ignore,
						  &o->cli.nignore, optarg);
			if (bad) {
				const char *dym = nsp_rule_suggest(bad);
				const char *opt = c == O_SELECT ? "select" :
								  "ignore";
				if (dym)
					nsp_usage_error("--%s: '%s' matches no "
							"rule (did you mean "
							"'%s'?)",
							opt, bad, dym);
				else
					nsp_usage_error("--%s: '%s' matches no "
							"rule (see 'nospof "
							"rules')",
							opt, bad);
				return -1;
			}
			break;
		case O_COLOR:
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
			    strcmp(optarg, "never")) {
				nsp_usage_error("--color: expected auto, always "
						"or never, got '%s'", optarg);
				return -1;
			}
			o->color = optarg;
			break;
		case O_MAX_MB:
			if (nsp_limit_option("--max-input-mb", optarg, lim))
				return -1;
			break;
		case O_MAX_DEPTH:
			if (nsp_limit_option("--max-depth", optarg, lim))
				return -1;
			break;
		case O_MAX_ALIAS:
			if (nsp_limit_option("--max-alias-ratio", optarg, lim))
				return -1;
			break;
		case O_CONFIG:
			o->config = optarg;
			break;
		case O_NO_CONFIG:
			o->no_config = true;
			break;
		case O_BASELINE:
			o->baseline = optarg;
			break;
		case O_WRITE_BASELINE:
			o->write_baseline = optarg;
			break;
		case O_DESIGNS_ONLY:
			o->designs_only = true;
			break;
		case O_IMPORT:
			if (o->import) {
				nsp_usage_error("--import: one per run");
				return -1;
			}
			o->import_netbox = !strncmp(optarg, "netbox:", 7) &&
					   optarg[7];
			if (!o->import_netbox &&
			    (strncmp(optarg, "terraform:", 10) || !optarg[10])) {
				nsp_usage_error("--import: expected "
						"terraform:FILE or netbox:DIR, "
						"not '%s'", optarg);
				return -1;
			}
			o->import = optarg + (o->import_netbox ? 7 : 10);
			break;
		case O_OVERLAY:
			o->overlays = nsp_xrealloc(o->overlays,
						   (o->noverlays + 1) *
						   sizeof(*o->overlays));
			o->overlays[o->noverlays++] = optarg;
			break;
		default:
			nsp_usage_error("check: unknown or incomplete option "
					"'%s' (see 'nospof --help')",
					argv[optind - 1]);
			return -1;
		}
	}
	if (o->config && o->no_config) {
		nsp_usage_error("--config and --no-config exclude each other");
		return -1;
	}
	return optind;
}

/*
 * The rules to run: the command line's --select and --ignore win over the
 * config's select and ignore; the severity overrides come from the config.
 */
static void merge_selection(struct nsp_selection *out, struct opts *o,
			    struct nsp_config *cfg)
{
	struct nsp_selection *from = o->cli.nselect ? &o->cli : &cfg->sel;
	out->select = from->select;
	out->nselect = from->nselect;
	from->select = NULL;
	from->nselect = 0;
	from = o->cli.nignore ? &o->cli : &cfg->sel;
	out->ignore = from->ignore;
	out->nignore = from->nignore;
	from->ignore = NULL;
	from->nignore = 0;
	out->severity = cfg->sel.severity;
	out->nseverity = cfg->sel.nseverity;
	cfg->sel.severity = NULL;
	cfg->sel.nseverity = 0;
}

int nsp_cmd_check(int argc, char **argv)
{
	struct opts o = {.format = "text", .color = "auto"};
	struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	struct nsp_selection sel = {0};
	struct nsp_analysis **analyses = NULL;
	struct nsp_config cfg = {0};
	struct nsp_diags cfg_diags = {0};
	struct inputs in = {0};
	struct nsp_run run = {0};
	struct nsp_output report = {0};
	struct nsp_model **models = NULL;
	char *cfg_path = NULL, *cfg_name = NULL;
	FILE *out = stdout;
	bool cfg_ok;
	int ret = NSP_EXIT_USAGE;
	size_t imported = (size_t)-1;

	run.fail_on = NSP_ERROR;
	run.rules = &nsp_builtin_rules;
	int first = parse_opts(&o, &run, &lim, argc, argv);
	if (first < 0 || nsp_env_check())
		goto out;
	const struct nsp_reporter *rep = nsp_reporter_find(o.format);
	if (!rep) {
		nsp_usage_error("--format: unknown format '%s' (%s)", o.format,
				nsp_report_formats);
		goto out;
	}
	if (o.noverlays && !o.import) {
		nsp_usage_error("--overlay needs --import");
		goto out;
	}
	if (first >= argc && !o.import) {
		nsp_usage_error("check: no design file given (see 'nospof "
				"--help')");
		goto out;
	}
	if (o.output && o.write_baseline &&
	    nsp_same_file(o.output, o.write_baseline)) {
		nsp_usage_error("-o and --write-baseline name the same file "
				"'%s'", o.output);
		goto out;
	}

	cfg_path = o.no_config ? NULL :
		   o.config    ? nsp_xstrdup(o.config) :
				 nsp_config_find(NULL);
	cfg_ok = !cfg_path ||
		 !nsp_config_load(&cfg, cfg_path, &lim, &cfg_diags);
	if (cfg_ok) {
		merge_selection(&sel, &o, &cfg);
		if (!o.fail_on_given && cfg.has_fail_on)
			run.fail_on = cfg.fail_on;
		lim.intent = &cfg.intent;
		find_inputs(&in, argv + first, argc - first, &lim,
			    o.designs_only);
		if (o.import) {
			imported = in.n;
			inputs_add(&in, o.import);
		}
	}
	const char *baseline = o.write_baseline ? NULL : o.baseline;
	if ((o.output && refuse_inputs("-o", o.output, &in, cfg_path,
				       baseline)) ||
	    (o.write_baseline && refuse_inputs("--write-baseline",
					       o.write_baseline, &in,
					       cfg_path, NULL)))
		goto out;
	if (o.output) {
		if (nsp_output_open(&report, "-o", o.output))
			goto out;
		out = report.f;
	}
	run.color = want_color(o.color, out);
	if (!cfg_ok) {
		/* a broken config: report it, check nothing with it */
		char *rel = nsp_path_relative(cfg_path);
		cfg_name = nsp_escape(rel, strlen(rel));
		free(rel);
		config_errors(&run, cfg_name, &cfg_diags);
		run.files = (const char *const *)&cfg_name;
		run.nfiles = 1;
		goto report;
	}

	run.nfiles = in.n;
	run.files = (const char *const *)in.names;
	models = nsp_xcalloc(in.n + 1, sizeof(*models));
	analyses = nsp_xcalloc(in.n + 1, sizeof(*analyses));
	for (size_t i = 0; i < in.n; i++) {
		size_t from = run.findings.n;
		if (i == imported)
			check_import(&run, &models[i], &analyses[i], &o,
				     in.names[i], &lim, &sel, rep->analysis);
		else
			check_one(&run, &models[i], &analyses[i], in.paths[i],
				  in.names[i], in.unread[i], &lim, &sel,
				  rep->analysis);
		/* SARIF and GitHub name the file by its raw bytes */
		for (size_t k = from; k < run.findings.n; k++)
			if (!run.findings.v[k]->path)
				run.findings.v[k]->path = in.paths[i];
	}
	run.models = (const struct nsp_model *const *)models;
	run.analyses = (const struct nsp_analysis *const *)analyses;
	nsp_findings_sort(&run.findings);
	if (o.write_baseline) {
		if (write_baseline(o.write_baseline, &run.findings))
			goto out;
		if (apply_baseline(&run, o.write_baseline, &lim))
			goto out;
	} else if (o.baseline && apply_baseline(&run, o.baseline, &lim)) {
		goto out;
	}
report:
	if (rep->write(out, &run) < 0 || fflush(out)) {
		nsp_usage_error("cannot write the report: %s", strerror(errno));
		goto out;
	}
	if (nsp_output_commit(&report))
		goto out;
	ret = nsp_run_exit_status(&run);
out:
	nsp_output_abort(&report);
	for (size_t i = 0; models && i < in.n; i++) {
		nsp_analysis_free(analyses[i]);
		nsp_model_free(models[i]);
	}
	free(analyses);
	free(models);
	inputs_free(&in);
	nsp_findings_free(&run.findings);
	nsp_selection_free(&sel);
	nsp_selection_free(&o.cli);
	free(o.overlays);
	nsp_config_free(&cfg);
	nsp_diags_free(&cfg_diags);
	free(cfg_path);
	free(cfg_name);
	return ret;
}
