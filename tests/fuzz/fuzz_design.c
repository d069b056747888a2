/*
 * libFuzzer target: bytes through the loader, every rule and every reporter.
 * Whatever the input, nothing may crash, leak, hang or trip a sanitizer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../lib/engine.h"
#include "../../lib/graph.h"
#include "../../lib/load.h"
#include "../../lib/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct nsp_limits lim = NSP_LIMITS_DEFAULT;
	static const char *const files[] = {"fuzz.yaml"};
	struct nsp_diags diags = {0};
	struct nsp_model *m = NULL;
	struct nsp_run run = {.files = files, .nfiles = 1,
			      .fail_on = NSP_ERROR};

	if (nsp_load_buffer(&m, "fuzz.yaml", (const char *)data, size, &lim,
			    &diags) < 0) {
		for (size_t i = 0; i < diags.n; i++)
			nsp_findings_add_input(&run.findings, "fuzz.yaml",
					       &diags.v[i]);
	} else {
		nsp_engine_run(&run.findings, m, NULL);
		/* the topology, after the failure of the first circuit */
		const char *fail[] = {m->ncircuits ? m->circuits[0].id : "x"};
		struct nsp_graph_opts o = {&run.findings, fail, 1};
		char *dot = NULL, *err = NULL;
		nsp_graph_dot(&dot, m, &o, &err);
		free(dot);
		free(err);
	}
	nsp_findings_sort(&run.findings);
	const struct nsp_model *models[] = {m};
	run.models = models;
	FILE *out = fopen("/dev/null", "w");
	for (size_t i = 0; nsp_reporters[i]; i++)
		nsp_reporters[i]->write(out, &run);
	fclose(out);
	nsp_findings_free(&run.findings);
	nsp_model_free(m);
	nsp_diags_free(&diags);
	return 0;
}
