/*
 * libFuzzer target: bytes as `terraform show -json` output through the
 * Terraform importer. Whatever the input, nothing may crash, leak, hang or
 * trip a sanitizer; an import that succeeds writes a design the loader
 * accepts, and every finding and input error is located (line >= 1).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "import/import.h"
#include "load/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nsp_limits lim = NSP_LIMITS_DEFAULT;
	struct nsp_import_opts opts = {"fuzz.json", NULL, 0, &lim, "fuzz"};
	struct nsp_import out = {0};
	int rc = nsp_import_terraform((const char *)data, size, &opts, &out);
	for (size_t i = 0; i < out.nf; i++)
		if (!out.f[i].loc.line)
			abort();
	for (size_t i = 0; i < out.errors.n; i++)
		if (!out.errors.v[i].loc.line)
			abort();
	if (rc == 0) {
		struct nsp_model *m = NULL;
		struct nsp_diags d = {0};
		if (nsp_load_buffer(&m, "fuzz.json", out.yaml, out.len, &lim,
				    &d) < 0)
			abort();
		nsp_model_free(m);
		nsp_diags_free(&d);
	} else if (!out.errors.n) {
		abort();
	}
	nsp_import_free(&out);
	return 0;
}
