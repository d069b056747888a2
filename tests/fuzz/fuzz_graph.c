/*
 * libFuzzer target: bytes through the loader to the topology picture, DOT
 * and SVG. The DOT of every design that loads is drawn plain and after
 * failures; the SVG of the small ones (up to 60 nodes and edges) is laid
 * out by Graphviz in its child process, which must answer, with SVG or an
 * error, whatever the design: nothing may crash, leak, hang or trip a
 * sanitizer here, and an SVG that comes back is complete.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "report/topology.h"
#include "load/load.h"
#include "../../rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The DOT of m after the failure of fail (nfail of them), or NULL. */
static char *draw(const struct nsp_model *m, const struct nsp_findings *fs,
		  const struct nsp_analysis *fa, const char *const *fail,
		  size_t nfail)
{
	struct nsp_topology_opts o = {fs, fail, nfail, fa, NULL};
	char *dot = NULL, *err = NULL;
	if (nsp_topology_dot(&dot, m, &o, &err) < 0) {
		if (!err || dot)
			abort(); /* an error comes with its message alone */
		free(err);
		return NULL;
	}
	if (!dot || err)
		abort();
	return dot;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	struct nsp_diags diags = {0};
	struct nsp_findings fs = {0};
	struct nsp_model *m = NULL;

	if (nsp_load_buffer(&m, "fuzz.yaml", (const char *)data, size, &lim,
			    &diags) < 0) {
		nsp_diags_free(&diags);
		return 0;
	}
	struct nsp_analysis *fa = NULL;
	nsp_engine_run(&fs, m, &nsp_builtin_rules, NULL, &fa);
	/* the failure of a router, of a PoP's facility, of nothing known */
	const char *router = m->nrouters ? m->routers[0].id : "x";
	char *fac = nsp_xasprintf("facility:%s", m->npops && m->pops[0].facility
							 ? m->pops[0].facility
							 : "none");
	const char *fail[] = {router, fac, "no-such-element"};
	free(draw(m, &fs, fa, fail, 2));
	free(draw(m, &fs, fa, fail + 2, 1));
	char *dot = draw(m, &fs, fa, NULL, 0);
	if (!dot)
		abort();
	if (nsp_topology_size(m) <= 60) {
		char *buf = NULL, *err = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&buf, &len);
		if (nsp_topology_svg(out, dot, NULL, &err) == 0) {
			fclose(out);
			if (!strstr(buf, "</svg>"))
				abort(); /* cut short */
		} else {
			fclose(out);
		}
		free(buf);
		free(err);
	}
	free(dot);
	free(fac);
	nsp_findings_free(&fs);
	nsp_analysis_free(fa);
	nsp_model_free(m);
	nsp_diags_free(&diags);
	return 0;
}
