/*
 * `nospof import netbox --from DIR | --url URL`: the NetBox command line of
 * IMPORT.md §1 and §6 (filters, live options, the token from NETBOX_TOKEN
 * only), and the in-memory import `check --import netbox:DIR` runs.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "import/import.h"
#include "load/load.h"
#include "report/report.h"
#include "../rules/rules.h"

static const char usage[] =
	"usage: nospof import netbox --from DIR [OPTIONS]\n"
	"       nospof import netbox --url URL [OPTIONS]   (token in "
	"NETBOX_TOKEN)\n"
	"  --from DIR          saved NetBox list responses (<endpoint>.json "
	"or <endpoint>.N.json)\n"
	"  --url URL           a live NetBox: https://HOST[:PORT][/PREFIX]\n"
	"  --overlay FILE      merge this overlay (repeatable, in order)\n"
	"  -o, --output FILE   write the design there (default stdout), whole "
	"or not at all\n"
	"  -f, --format FMT    yaml (default) | json\n"
	"  --skeleton FILE     also write an overlay listing every gap\n"
	"  --fail-on LEVEL     never (default) | error | warning | info\n"
	"  --tenant SLUG, --site SLUG, --tag SLUG, --provider SLUG   filters, "
	"repeatable\n"
	"  --save DIR          with --url: also write every page fetched\n"
	"  --ca-cert FILE      with --url: trust this CA bundle too\n"
	"  --timeout S         with --url: seconds per request, default 30\n"
	"  --max-input-mb N    size limit per page and overlay, default 32\n"
	"  --max-depth N       nesting limit (JSON and YAML), default 64\n";

/* Append v to the list *l of *n. */
static void add(const char ***l, size_t *n, const char *v)
{
	*l = nsp_xrealloc(*l, (*n + 1) * sizeof(**l));
	(*l)[(*n)++] = v;
}

int nsp_import_netbox_run(const char *dir, const struct nsp_nb_filters *flt,
			  const char *const *overlays, size_t noverlays,
			  const struct nsp_limits *lim, const char *header,
			  bool json, struct nsp_import *out)
{
	struct nsp_import_opts opts = {dir, overlays, noverlays, lim, header};
	memset(out, 0, sizeof(*out));
	out->json = json;
	int rc = nsp_import_netbox_dir(dir, flt, &opts, out);
	if (rc == -2) {
		out->read_errno = errno ? errno : EIO;
		return NSP_EXIT_USAGE;
	}
	return rc < 0 ? NSP_EXIT_INPUT : 0;
}

/* The progress line of a live fetch (shown on a terminal only). */
static void progress(void *ctx, size_t requests, size_t objects)
{
	nsp_progress_show(ctx, "fetching from NetBox: %zu requests, %zu "
			  "objects", requests, objects);
}

/* The options of one run. */
struct nb_opts {
	const char *from, *url, *output, *format, *save, *ca_cert, *skeleton;
	const char **overlays;
	size_t nov;
	long timeout;
	int fail_on;
	struct nsp_nb_filters flt;
};

/* Line 1 of the design: the command as given, token-free. */
static char *header_of(const struct nb_opts *o)
{
	struct nsp_buf h = {0};
	nsp_buf_printf(&h, "nospof import netbox %s %s",
		       o->from ? "--from" : "--url", o->from ? o->from : o->url);
	const struct {
		const char *opt;
		const char **v;
		size_t n;
	} f[] = {{"tenant", o->flt.tenant, o->flt.ntenant},
		 {"site", o->flt.site, o->flt.nsite},
		 {"tag", o->flt.tag, o->flt.ntag},
		 {"provider", o->flt.provider, o->flt.nprovider}};
	for (size_t k = 0; k < 4; k++)
		for (size_t i = 0; i < f[k].n; i++)
			nsp_buf_printf(&h, " --%s %s", f[k].opt, f[k].v[i]);
	for (size_t i = 0; i < o->nov; i++)
		nsp_buf_printf(&h, " --overlay %s", o->overlays[i]);
	nsp_buf_puts(&h, ": change the overlay, not this file");
	char *raw = nsp_buf_detach(&h);
	char *safe = nsp_escape(raw, strlen(raw));
	free(raw);
	return safe;
}

/* Parse the options into o; 0, 1 (help printed) or -1 (usage error). */
static int parse(struct nb_opts *o, struct nsp_limits *lim, int argc,
		 char **argv)
{
	enum { O_OVERLAY = 256, O_FAIL_ON, O_MAX_MB, O_MAX_DEPTH, O_FROM,
	       O_URL, O_TENANT, O_SITE, O_TAG, O_PROVIDER, O_SAVE, O_CA,
	       O_TIMEOUT, O_SKELETON };
	static const struct option opts[] = {
		{"from", required_argument, NULL, O_FROM},
		{"url", required_argument, NULL, O_URL},
		{"overlay", required_argument, NULL, O_OVERLAY},
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"fail-on", required_argument, NULL, O_FAIL_ON},
		{"max-input-mb", required_argument, NULL, O_MAX_MB},
		{"max-depth", required_argument, NULL, O_MAX_DEPTH},
		{"tenant", required_argument, NULL, O_TENANT},
		{"site", required_argument, NULL, O_SITE},
		{"tag", required_argument, NULL, O_TAG},
		{"provider", required_argument, NULL, O_PROVIDER},
		{"save", required_argument, NULL, O_SAVE},
		{"ca-cert", required_argument, NULL, O_CA},
		{"timeout", required_argument, NULL, O_TIMEOUT},
		{"skeleton", required_argument, NULL, O_SKELETON},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:f:h", opts, NULL)) != -1) {
		switch (c) {
		case O_FROM:
			o->from = optarg;
			break;
		case O_URL:
			o->url = optarg;
			break;
		case O_OVERLAY:
			add(&o->overlays, &o->nov, optarg);
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'f':
			o->format = optarg;
			if (strcmp(optarg, "yaml") && strcmp(optarg, "json")) {
				nsp_usage_error("--format: expected yaml or "
						"json, not '%s'", optarg);
				return -1;
			}
			break;
		case O_FAIL_ON:
			o->fail_on = nsp_import_fail_on(optarg);
			if (o->fail_on < 0)
				return -1;
			break;
		case O_MAX_MB:
		case O_MAX_DEPTH:
			if (nsp_limit_option(c == O_MAX_MB ? "--max-input-mb" :
					     "--max-depth", optarg, lim))
				return -1;
			break;
		case O_TENANT:
			add(&o->flt.tenant, &o->flt.ntenant, optarg);
			break;
		case O_SITE:
			add(&o->flt.site, &o->flt.nsite, optarg);
			break;
		case O_TAG:
			add(&o->flt.tag, &o->flt.ntag, optarg);
			break;
		case O_PROVIDER:
			add(&o->flt.provider, &o->flt.nprovider, optarg);
			break;
		case O_SKELETON:
			o->skeleton = optarg;
			break;
		case O_SAVE:
			o->save = optarg;
			break;
		case O_CA:
			o->ca_cert = optarg;
			break;
		case O_TIMEOUT: {
			char *end;
			o->timeout = strtol(optarg, &end, 10);
			if (*end || end == optarg || o->timeout < 1 ||
			    o->timeout > 3600) {
				nsp_usage_error("--timeout: expected seconds, "
						"1 to 3600, not '%s'", optarg);
				return -1;
			}
			break;
		}
		case 'h':
			fputs(usage, stdout);
			return 1;
		default:
			nsp_usage_error("import netbox: unknown option '%s' "
					"(see 'nospof import netbox --help')",
					argv[optind - 1]);
			return -1;
		}
	}
	if (optind != argc) {
		nsp_usage_error("import netbox: unexpected '%s' (the input is "
				"--from DIR or --url URL)", argv[optind]);
		return -1;
	}
	if (!o->from == !o->url) {
		nsp_usage_error("import netbox: give one of --from DIR and "
				"--url URL");
		return -1;
	}
	if (o->from && (o->save || o->ca_cert || o->timeout)) {
		nsp_usage_error("import netbox: --save, --ca-cert and --timeout "
				"go with --url");
		return -1;
	}
	return 0;
}

int nsp_cmd_import_netbox(int argc, char **argv)
{
	struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	struct nb_opts o = {.format = "yaml", .fail_on = 3};
	struct nsp_import r = {0};
	int ret = NSP_EXIT_USAGE;
	char *header = NULL;
	int p = parse(&o, &lim, argc, argv);
	if (p) {
		ret = p > 0 ? 0 : NSP_EXIT_USAGE;
		goto done;
	}
	if (nsp_skeleton_refused(o.skeleton, o.overlays, o.nov, o.from,
				 o.output))
		goto done;
	header = header_of(&o);
	bool json = !strcmp(o.format, "json");
	const char *name = o.from;
	if (o.from) {
		ret = nsp_import_netbox_run(o.from, &o.flt, o.overlays, o.nov,
					    &lim, header, json, &r);
		if (r.read_errno) {
			ret = nsp_import_unreadable("import netbox", o.from,
						    &r);
			goto done;
		}
	} else {
		const char *tok = getenv("NETBOX_TOKEN");
		if (!tok || !*tok) {
			ret = nsp_usage_error("import netbox: set NETBOX_TOKEN "
					      "to an API token (it is read "
					      "from the environment only)");
			goto done;
		}
		struct nsp_progress pr;
		nsp_progress_start(&pr);
		struct nsp_nb_live live = {o.url, tok, o.ca_cert, o.save,
					   o.timeout ? o.timeout : 30,
					   "nospof/" NSP_VERSION, progress, &pr,
					   NULL};
		struct nsp_import_opts io = {"netbox", o.overlays, o.nov,
					     &lim, header};
		r.json = json;
		int rc = nsp_import_netbox_url(&live, &o.flt, &io, &r);
		nsp_progress_end(&pr);
		name = o.save ? o.save : "netbox";
		if (rc == -3) {
			ret = nsp_usage_error("import netbox: %s", live.error);
			free(live.error);
			goto done;
		}
		ret = rc < 0 ? NSP_EXIT_INPUT : 0;
	}
	nsp_import_print(stderr, name, &r);
	if (ret)
		goto done;
	ret = nsp_import_write(&r, o.output, o.skeleton, o.fail_on);
done:
	nsp_import_free(&r);
	free(header);
	free(o.overlays);
	free(o.flt.tenant);
	free(o.flt.site);
	free(o.flt.tag);
	free(o.flt.provider);
	return ret;
}
