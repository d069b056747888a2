/*
 * libFuzzer target: bytes as a baseline, within the input limits. A
 * baseline that loads is applied to the findings of a small design, and
 * what nsp_baseline_write makes of them reads back. Nothing may crash,
 * leak, hang or trip a sanitizer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/baseline.h"
#include "engine/engine.h"
#include "load/load.h"
#include "../../rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char design[] =
	"nospof: 1\n"
	"name: fuzz\n"
	"sites: [{id: dc, prefixes: [192.168.0.0/16]}]\n"
	"clouds: [{id: vpc, provider: aws, prefixes: [10.0.0.0/16]}]\n"
	"pops: [{id: pa}]\n"
	"routers:\n"
	"  - {id: cpe1, role: cpe, site: dc}\n"
	"  - {id: e1, role: edge, pop: pa, cloud: vpc}\n"
	"circuits:\n"
	"  - {id: c1, a: {router: cpe1, port: p1}, z: {router: e1}, "
	"bandwidth_mbps: 1000}\n"
	"  - {id: c2, a: {router: cpe1, port: p1}, z: {router: e1}, "
	"bandwidth_mbps: 100}\n"
	"demands: [{from: dc, to: vpc, mbps: 500}]\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	struct nsp_baseline b, again;
	struct nsp_diags diags = {0};
	struct nsp_findings fs = {0};
	struct nsp_model *m = NULL;
	char *err = NULL;

	if (nsp_baseline_parse(&b, "fuzz.json", (const char *)data, size, &lim,
			       &err) < 0) {
		if (!err)
			abort(); /* a failure says why */
		free(err);
		return 0;
	}
	if (err)
		abort();
	if (nsp_load_buffer(&m, "fuzz.yaml", design, sizeof(design) - 1, &lim,
			    &diags) < 0)
		abort();
	nsp_engine_run(&fs, m, &nsp_builtin_rules, NULL, NULL);
	size_t before = fs.n;
	if (nsp_baseline_apply(&b, &fs) + fs.n != before)
		abort();
	/* what is left, written as a baseline, reads back */
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	if (nsp_baseline_write(out, &fs))
		abort();
	fclose(out);
	if (nsp_baseline_parse(&again, "again.json", buf, len, &lim, &err) < 0)
		abort();
	nsp_baseline_free(&again);
	free(buf);
	nsp_findings_free(&fs);
	nsp_model_free(m);
	nsp_diags_free(&diags);
	nsp_baseline_free(&b);
	return 0;
}
