/*
 * libFuzzer target: bytes as a .nospof.yaml config, within the input
 * limits. A config that loads is then used as check uses it: its intent
 * defaults for a small design, its selection and severities for the rules.
 * Nothing may crash, leak, hang or trip a sanitizer, and a config that
 * fails says why, with a position in it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load/config.h"
#include "engine/engine.h"
#include "load/load.h"
#include "../../rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char design[] =
	"nospof: 1\n"
	"name: fuzz\n"
	"sites: [{id: dc, prefixes: [192.168.0.0/16]}]\n"
	"clouds: [{id: vpc, provider: aws, prefixes: [10.0.0.0/16]}]\n"
	"pops: [{id: pa, facility: fa}, {id: pb, facility: fa}]\n"
	"routers:\n"
	"  - {id: cpe1, role: cpe, site: dc}\n"
	"  - {id: e1, role: edge, pop: pa, cloud: vpc}\n"
	"  - {id: e2, role: edge, pop: pb, cloud: vpc}\n"
	"circuits:\n"
	"  - {id: c1, a: {router: cpe1, port: p1}, z: {router: e1}, "
	"bandwidth_mbps: 1000}\n"
	"  - {id: c2, a: {router: cpe1, port: p1}, z: {router: e2}, "
	"bandwidth_mbps: 100}\n"
	"demands: [{from: dc, to: vpc, mbps: 500}]\n"
	"waivers: [{rule: same-cpe-port, reason: fuzz}]\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	struct nsp_config cfg;
	struct nsp_diags diags = {0};

	if (nsp_config_parse(&cfg, (const char *)data, size, &lim,
			     &diags) < 0) {
		if (!diags.n)
			abort(); /* a failure says why */
		for (size_t i = 0; i < diags.n; i++)
			if (!diags.v[i].loc.line || !diags.v[i].loc.col ||
			    !diags.v[i].msg[0])
				abort();
	} else {
		struct nsp_diags dd = {0};
		struct nsp_model *m = NULL;
		struct nsp_findings fs = {0};
		lim.intent = &cfg.intent;
		if (nsp_load_buffer(&m, "fuzz.yaml", design,
				    sizeof(design) - 1, &lim, &dd) < 0)
			abort(); /* intent defaults never break a design */
		nsp_engine_run(&fs, m, &nsp_builtin_rules, &cfg.sel, NULL);
		nsp_findings_sort(&fs);
		nsp_findings_free(&fs);
		nsp_model_free(m);
		nsp_diags_free(&dd);
	}
	nsp_config_free(&cfg);
	nsp_diags_free(&diags);
	return 0;
}
