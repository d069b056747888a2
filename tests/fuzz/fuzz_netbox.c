/*
 * libFuzzer target: bytes as NetBox list responses through the NetBox
 * importer. The input is split at NUL bytes into pages, the n-th page
 * going to the n-th endpoint (circuits, circuit terminations, providers,
 * ...; IMPORT.md §6.1). Whatever the input, nothing may crash, leak, hang
 * or trip a sanitizer; an import that succeeds writes a design the loader
 * accepts, and every finding and input error is located (line >= 1).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/nb_int.h"
#include "import_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nsp_limits lim = NSP_LIMITS_DEFAULT;
	struct nsp_import_opts opts = {"fuzz", NULL, 0, &lim, "fuzz"};
	struct nsp_import out = {0};
	struct nbi nb;
	nb_init(&nb, "fuzz", NULL, &opts, &out);
	const char *p = (const char *)data, *end = p + size;
	for (int ep = 0; ep < NB_NEP && p <= end; ep++) {
		const char *z = memchr(p, '\0', (size_t)(end - p));
		size_t n = z ? (size_t)(z - p) : (size_t)(end - p);
		char name[64];
		snprintf(name, sizeof(name), "fuzz/%s.json", nb_eps[ep].name);
		nb_add_page(&nb, (enum nb_ep)ep, name, p, n);
		p += n + 1;
	}
	int rc = out.errors.n ? -1 : nb_finish(&nb);
	nb_free(&nb);
	import_check(rc, &out, "fuzz", &lim);
	return 0;
}
