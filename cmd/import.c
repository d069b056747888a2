/*
 * `nospof import terraform FILE`: the command line of IMPORT.md §1 (options,
 * diagnostics on standard error, exit status of §1.2), and the in-memory
 * import `check --import terraform:FILE` runs, and the loader of scenarios
 * and graph.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "import/import.h"
#include "load/load.h"
#include "../rules/rules.h"

static const char usage[] =
	"usage: nospof import terraform FILE [OPTIONS]\n"
	"       nospof import netbox --from DIR | --url URL [OPTIONS] (see "
	"'nospof import netbox --help')\n"
	"  FILE: 'terraform show -json' output of a plan or a state; - reads "
	"stdin\n"
	"  --overlay FILE      merge this overlay (repeatable, in order)\n"
	"  -o, --output FILE   write the design there (default stdout), whole "
	"or not at all\n"
	"  -f, --format FMT    yaml (default) | json\n"
	"  --skeleton FILE     also write an overlay listing every gap\n"
	"  --fail-on LEVEL     never (default) | error | warning | info\n"
	"  --max-input-mb N    size limit per input file, default 32\n"
	"  --max-depth N       nesting limit (JSON and YAML), default 64\n";

static const char *const sev_names[] = {"info", "warning", "error"};

/* Print the diagnostics of an import to f (§1.2). */
void nsp_import_print(FILE *f, const char *name, const struct nsp_import *r)
{
	char *nm = nsp_escape(name, strlen(name));
	for (size_t i = 0; i < r->errors.n; i++) {
		const char *file = r->error_files[i];
		char *fe = nsp_escape(file, strlen(file));
		fprintf(f, "%s:%u:%u: error: %s [INPUT]\n", fe,
			r->errors.v[i].loc.line, r->errors.v[i].loc.col,
			r->errors.v[i].msg);
		free(fe);
	}
	for (size_t i = 0; i < r->nf; i++) {
		/* a NetBox finding names its page */
		char *pf = r->f[i].file ? nsp_escape(r->f[i].file,
						     strlen(r->f[i].file)) : NULL;
		fprintf(f, "%s:%u:%u: %s: %s [%s]\n", pf ? pf : nm,
			r->f[i].loc.line, r->f[i].loc.col,
			sev_names[r->f[i].sev], r->f[i].msg, r->f[i].code);
		free(pf);
	}
	if (r->summary)
		fprintf(f, "%s\n", r->summary);
	free(nm);
}

/*
 * Import FILE with the overlays into *out; returns 0, NSP_EXIT_INPUT, or
 * NSP_EXIT_USAGE when FILE cannot be read (message printed).
 */
int nsp_import_run(const char *file, const char *const *overlays,
		   size_t noverlays, const struct nsp_limits *lim,
		   const char *header, bool json, struct nsp_import *out)
{
	char *buf = NULL;
	size_t len = 0;
	int rc = nsp_read_file(&buf, &len, file, lim->max_bytes);
	int err = errno;
	struct nsp_import_opts opts = {file, overlays, noverlays, lim, header};
	memset(out, 0, sizeof(*out));
	out->json = json;
	if (rc == -1) {
		out->read_errno = err ? err : EIO;
		return NSP_EXIT_USAGE;
	}
	if (rc == -2) {
		/* over the limit: the importer reports it located */
		free(buf);
		buf = NULL;
		len = lim->max_bytes + 1;
		static const char none[1];
		int r = nsp_import_terraform(none, len, &opts, out);
		return r < 0 ? NSP_EXIT_INPUT : 0;
	}
	int r = nsp_import_terraform(buf, len, &opts, out);
	free(buf);
	return r < 0 ? NSP_EXIT_INPUT : 0;
}

/* Print the input errors of loading file on standard error. */
static void print_diags(const char *file, const struct nsp_diags *d)
{
	char *name = nsp_escape(file, strlen(file));
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "%s:%u:%u: error: %s [INPUT]\n", name,
			(unsigned)d->v[i].loc.line, (unsigned)d->v[i].loc.col,
			d->v[i].msg);
	free(name);
}

int nsp_cli_load(struct nsp_model **m, const char *file, const char *import,
		 const char *const *overlays, size_t noverlays,
		 const struct nsp_limits *lim)
{
	struct nsp_import r = {0};
	struct nsp_diags diags = {0};
	int rc = 0;
	*m = NULL;
	if (!import) {
		if (nsp_load_file(m, file, lim, &diags) < 0) {
			print_diags(file, &diags);
			rc = NSP_EXIT_INPUT;
		}
		nsp_diags_free(&diags);
		return rc;
	}
	/* terraform:FILE or netbox:DIR (a --from directory), kept whole */
	bool nb = !strncmp(import, "netbox:", 7);
	const char *src = nsp_import_file(import);
	rc = nb ? nsp_import_netbox_run(src, NULL, overlays, noverlays, lim,
					NULL, false, &r) :
		  nsp_import_run(src, overlays, noverlays, lim, NULL, false,
				 &r);
	if (r.read_errno) {
		/* as a design file that cannot be read: an input error */
		char *name = nsp_escape(src, strlen(src));
		fprintf(stderr, "%s:1:1: error: cannot read the %s: %s "
			"[INPUT]\n", name, nb ? "directory" : "file",
			strerror(r.read_errno));
		free(name);
		nsp_import_free(&r);
		return NSP_EXIT_INPUT;
	}
	if (!rc && nsp_load_buffer(m, src, r.yaml, r.len, lim, &diags) < 0) {
		print_diags(src, &diags);
		rc = NSP_EXIT_INPUT;
	} else if (!rc) {
		nsp_import_locate(*m, &r, src);
	}
	if (rc != NSP_EXIT_USAGE)
		nsp_import_print(stderr, src, &r);
	nsp_diags_free(&diags);
	nsp_import_free(&r);
	return rc;
}

int nsp_import_option(int argc, char **argv, int *i, const char **import,
		      const char **overlays, size_t *noverlays)
{
	const char *a = argv[*i];
	if (strcmp(a, "--import") && strcmp(a, "--overlay"))
		return 0;
	if (*i + 1 >= argc) {
		nsp_usage_error("%s: expects a value", a);
		return -1;
	}
	const char *v = argv[++*i];
	if (!strcmp(a, "--overlay")) {
		overlays[(*noverlays)++] = v;
		return 1;
	}
	if (*import) {
		nsp_usage_error("--import: one per run");
		return -1;
	}
	if (!strncmp(v, "netbox:", 7) && v[7]) {
		*import = v; /* kept whole: nsp_cli_load tells it by its prefix */
		return 1;
	}
	if (strncmp(v, "terraform:", 10) || !v[10]) {
		char *e = nsp_escape(v, strlen(v));
		nsp_usage_error("--import: expected terraform:FILE or "
				"netbox:DIR, not '%s'", e);
		free(e);
		return -1;
	}
	*import = v;
	return 1;
}

const char *nsp_import_file(const char *import)
{
	if (!strncmp(import, "netbox:", 7))
		return import + 7;
	return !strncmp(import, "terraform:", 10) ? import + 10 : import;
}

int nsp_import_unreadable(const char *what, const char *path,
			  const struct nsp_import *r)
{
	char *p = nsp_escape(path, strlen(path));
	nsp_usage_error("%s: cannot read '%s': %s", what, p,
			strerror(r->read_errno));
	free(p);
	return NSP_EXIT_USAGE;
}

int nsp_import_fail_on(const char *s)
{
	if (!strcmp(s, "never"))
		return 3;
	/* enum nsp_imp_sev counts as enum nsp_severity does */
	int sev = nsp_severity_parse(s);
	if (sev < 0)
		nsp_usage_error("--fail-on: expected never, error, warning or "
				"info, not '%s'", s);
	return sev;
}

int nsp_skeleton_refused(const char *skeleton, const char *const *overlays,
			 size_t nov, const char *input, const char *output)
{
	for (size_t i = 0; skeleton && i <= nov + 1; i++) {
		const char *in = i < nov ? overlays[i] : i == nov ? input :
								    output;
		if (in && nsp_same_file(skeleton, in)) {
			nsp_usage_error("--skeleton: '%s' is also %s: refusing "
					"to overwrite it", skeleton,
					i == nov + 1 ? "the -o output" :
						       "an input");
			return -1;
		}
	}
	return 0;
}

/*
 * Write len bytes of text (the noun: "design") to path, whole or not at
 * all, else to standard output; what names the option.
 */
static int write_whole(const char *what, const char *noun, const char *path,
		       const char *text, size_t len)
{
	struct nsp_output o = {0};
	FILE *f = stdout;
	int ret = NSP_EXIT_USAGE;
	if (path) {
		if (nsp_output_open(&o, what, path))
			goto out;
		f = o.f;
	}
	if (fwrite(text, 1, len, f) != len || fflush(f)) {
		nsp_usage_error("cannot write the %s", noun);
		goto out;
	}
	if (path && nsp_output_commit(&o))
		goto out;
	ret = 0;
out:
	nsp_output_abort(&o);
	return ret;
}

int nsp_import_write(const struct nsp_import *r, const char *output,
		     const char *skeleton, int fail_on)
{
	if (write_whole("-o", "design", output, r->yaml, r->len))
		return NSP_EXIT_USAGE;
	/* the skeleton overlay, whole or not at all, beside the design */
	if (skeleton && write_whole("--skeleton", "skeleton", skeleton,
				    r->skeleton, strlen(r->skeleton)))
		return NSP_EXIT_USAGE;
	for (size_t i = 0; i < r->nf; i++)
		if ((int)r->f[i].sev >= fail_on)
			return NSP_EXIT_FINDINGS;
	return 0;
}

int nsp_cmd_import(int argc, char **argv)
{
	enum { O_OVERLAY = 256, O_FAIL_ON, O_MAX_MB, O_MAX_DEPTH, O_SKELETON };
	static const struct option opts[] = {
		{"overlay", required_argument, NULL, O_OVERLAY},
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"fail-on", required_argument, NULL, O_FAIL_ON},
		{"max-input-mb", required_argument, NULL, O_MAX_MB},
		{"max-depth", required_argument, NULL, O_MAX_DEPTH},
		{"skeleton", required_argument, NULL, O_SKELETON},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	const char **overlays = nsp_xcalloc((size_t)argc + 1,
					    sizeof(*overlays));
	size_t nov = 0;
	const char *output = NULL, *format = "yaml", *skeleton = NULL;
	int fail_on = 3; /* never */
	int c, ret = NSP_EXIT_USAGE;
	struct nsp_import r = {0};

	if (argc >= 2 && !strcmp(argv[1], "netbox")) {
		free(overlays);
		return nsp_cmd_import_netbox(argc - 1, argv + 1);
	}
	if (argc < 2 || strcmp(argv[1], "terraform")) {
		if (argc >= 2 && (!strcmp(argv[1], "-h") ||
				  !strcmp(argv[1], "--help"))) {
			fputs(usage, stdout);
			free(overlays);
			return 0;
		}
		nsp_usage_error("import: expected 'terraform' or 'netbox'; see "
				"'nospof import --help'");
		free(overlays);
		return NSP_EXIT_USAGE;
	}
	argc--;
	argv++;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:f:h", opts, NULL)) != -1) {
		switch (c) {
		case O_OVERLAY:
			overlays[nov++] = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'f':
			format = optarg;
			if (strcmp(format, "yaml") && strcmp(format, "json")) {
				nsp_usage_error("--format: expected yaml or "
						"json, not '%s'", format);
				goto out;
			}
			break;
		case O_FAIL_ON:
			fail_on = nsp_import_fail_on(optarg);
			if (fail_on < 0)
				goto out;
			break;
		case O_MAX_MB:
			if (nsp_limit_option("--max-input-mb", optarg, &lim))
				goto out;
			break;
		case O_MAX_DEPTH:
			if (nsp_limit_option("--max-depth", optarg, &lim))
				goto out;
			break;
		case O_SKELETON:
			skeleton = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			ret = 0;
			goto out;
		default:
			nsp_usage_error("import: unknown option '%s' (see "
					"'nospof import --help')",
					argv[optind - 1]);
			goto out;
		}
	}
	if (optind != argc - 1) {
		nsp_usage_error("import terraform: expected one FILE (see "
				"'nospof import --help')");
		goto out;
	}
	const char *file = argv[optind];
	if (nsp_skeleton_refused(skeleton, overlays, nov, file, output))
		goto out;
	struct nsp_buf h = {0};
	nsp_buf_printf(&h, "nospof import terraform %s", file);
	for (size_t i = 0; i < nov; i++)
		nsp_buf_printf(&h, " --overlay %s", overlays[i]);
	nsp_buf_puts(&h, ": change the overlay, not this file");
	char *header = nsp_buf_detach(&h);
	char *safe = nsp_escape(header, strlen(header));
	free(header);
	ret = nsp_import_run(file, overlays, nov, &lim, safe,
			     !strcmp(format, "json"), &r);
	free(safe);
	if (r.read_errno) {
		ret = nsp_import_unreadable("import", file, &r);
		goto out;
	}
	nsp_import_print(stderr, file, &r);
	if (ret)
		goto out;
	ret = nsp_import_write(&r, output, skeleton, fail_on);
out:
	nsp_import_free(&r);
	free(overlays);
	return ret;
}
