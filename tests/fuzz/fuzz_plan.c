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
#include "import_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nsp_limits lim = NSP_LIMITS_DEFAULT;
	struct nsp_import_opts opts = {"fuzz.json", NULL, 0, &lim, "fuzz"};
	struct nsp_import out = {0};
	int rc = nsp_import_terraform((const char *)data, size, &opts, &out);
	import_check(rc, &out, "fuzz.json", &lim);
	return 0;
}
