/* nospof graph: the topology as DOT or SVG, optionally after failures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/topology.h"
#include "load/load.h"
#include "report/report.h"
#include "../rules/rules.h"
#include "cli.h"

/* Tell how long Graphviz has been at work. */
static void layout_progress(void *ctx, unsigned seconds)
{
	(void)seconds;
	struct nsp_progress *p = ctx;
	nsp_progress_show(p, "laying the graph out with Graphviz");
}

/*
 * Write the SVG of the design in file (m, its DOT text dot), within the
 * layout limit: 0, or a usage error (printed) that names the file.
 */
static int svg(FILE *out, const char *file, const struct nsp_model *m,
	       const char *dot, uint64_t max_layout)
{
	struct nsp_progress p;
	char *err = NULL;
	size_t size = nsp_topology_size(m);
	if (size > max_layout)
		return nsp_usage_error("graph: '%s': %zu nodes and edges, over "
				       "the SVG layout limit of %llu (raise it "
				       "with --max-layout N, or lay the DOT "
				       "output out with another tool: nospof "
				       "graph FILE | sfdp -Tsvg)",
				       file, size,
				       (unsigned long long)max_layout);
	nsp_progress_start(&p);
	struct nsp_svg_opts o = {layout_progress, &p};
	int r = nsp_topology_svg(out, dot, &o, &err);
	nsp_progress_end(&p);
	if (r < 0) {
		if (err)
			nsp_usage_error("graph: '%s': %s", file, err);
		else
			nsp_usage_error("cannot write the SVG");
		free(err);
		return NSP_EXIT_USAGE;
	}
	return 0;
}

int nsp_cmd_graph(int argc, char **argv)
{
	const char *file = NULL, *format = "dot", *output = NULL;
	const char **fail = nsp_xcalloc((size_t)argc, sizeof(*fail));
	const char **overlays = nsp_xcalloc((size_t)argc, sizeof(*overlays));
	const char *import = NULL;
	size_t nfail = 0, noverlays = 0;
	bool failing = false;
	struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	struct nsp_findings fs = {0};
	struct nsp_analysis *fa = NULL;
	struct nsp_model *m = NULL;
	char *dot = NULL, *err = NULL;
	struct nsp_output graph = {0};
	uint64_t max_layout = NSP_MAX_LAYOUT;
	FILE *out = stdout;
	int ret = NSP_EXIT_USAGE;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int r = i + 1 < argc ? nsp_limit_option(a, argv[i + 1], &lim)
				     : 1;
		int im = nsp_import_option(argc, argv, &i, &import, overlays,
					   &noverlays);
		if (im < 0)
			goto out;
		if (im) {
			failing = false;
			continue;
		}
		if (r < 0) {
			goto out;
		} else if (!r) {
			i++;
			failing = false;
		} else if ((!strcmp(a, "-f") || !strcmp(a, "--format")) &&
		    i + 1 < argc) {
			format = argv[++i];
			failing = false;
		} else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) &&
			   i + 1 < argc) {
			output = argv[++i];
			failing = false;
		} else if (!strcmp(a, "--max-layout") && i + 1 < argc) {
			if (nsp_work_limit(a, argv[++i], 100000000,
					   &max_layout))
				goto out;
			failing = false;
		} else if (!strcmp(a, "--fail")) {
			failing = true;
		} else if (a[0] == '-' && a[1]) {
			nsp_usage_error("graph: unknown or incomplete option "
					"'%s' (usage: nospof graph FILE|--import "
					"terraform:FILE|netbox:DIR [--overlay "
					"FILE]... [-f dot|svg] [-o OUT] "
					"[--max-layout N] [--fail ELEMENT...])",
					a);
			goto out;
		} else if (failing || file || import) {
			fail[nfail++] = a;
		} else {
			file = a;
		}
	}
	if (import && file) {
		/* a FILE before --import: it was an element to fail */
		fail[nfail++] = file;
		file = NULL;
	}
	if (noverlays && !import) {
		nsp_usage_error("--overlay needs --import");
		goto out;
	}
	if (!file && !import) {
		nsp_usage_error("graph: no design file given (usage: nospof "
				"graph FILE|--import terraform:FILE|netbox:DIR "
				"[--overlay FILE]... [-f dot|svg] [-o OUT] "
				"[--max-layout N] [--fail ELEMENT...])");
		goto out;
	}
	if (import)
		file = nsp_import_file(import);
	if (strcmp(format, "dot") && strcmp(format, "svg")) {
		nsp_usage_error("graph: unknown format '%s' (dot or svg)",
				format);
		goto out;
	}
	if (nsp_env_check())
		goto out;
	for (size_t i = 0; output && i <= noverlays; i++) {
		const char *in = i < noverlays ? overlays[i] : file;
		if (nsp_same_file(output, in)) {
			nsp_usage_error("-o: '%s' is %s: refusing to "
					"overwrite an input", output,
					i < noverlays ? "an overlay" :
							"the design file");
			goto out;
		}
	}
	int rc = nsp_cli_load(&m, file, import, overlays, noverlays, &lim);
	if (rc) {
		ret = rc;
		goto out;
	}
	/* the findings colour the picture; the analysis gives the loads */
	nsp_engine_run(&fs, m, &nsp_builtin_rules, NULL, &fa);
	if (nfail && !fa)
		fa = nsp_analysis_new(m);
	struct nsp_topology_opts opts = {&fs, fail, nfail, fa, NULL};
	if (nsp_topology_dot(&dot, m, &opts, &err) < 0) {
		nsp_usage_error("%s", err);
		goto out;
	}
	if (output) {
		if (nsp_output_open(&graph, "-o", output))
			goto out;
		out = graph.f;
	}
	if (!strcmp(format, "dot"))
		fputs(dot, out);
	else if (svg(out, file, m, dot, max_layout))
		goto out;
	if (fflush(out) || ferror(out)) {
		nsp_usage_error("cannot write the graph");
		goto out;
	}
	ret = nsp_output_commit(&graph) ? NSP_EXIT_USAGE : NSP_EXIT_OK;
out:
	nsp_output_abort(&graph);
	nsp_analysis_free(fa);
	free(dot);
	free(err);
	free(fail);
	free(overlays);
	nsp_findings_free(&fs);
	nsp_model_free(m);
	return ret;
}
