/*
 * What both importer fuzz targets require of an import's result, however
 * it ended: every finding and input error is located (line >= 1), an
 * import that succeeds (rc 0) writes a design the loader accepts, and one
 * that fails says why. Aborts otherwise; frees out.
 */
#ifndef NSP_FUZZ_IMPORT_CHECK_H
#define NSP_FUZZ_IMPORT_CHECK_H

#include <stdlib.h>

#include "import/import.h"
#include "load/load.h"

static void import_check(int rc, struct nsp_import *out, const char *name,
			 const struct nsp_limits *lim)
{
	for (size_t i = 0; i < out->nf; i++)
		if (!out->f[i].loc.line)
			abort();
	for (size_t i = 0; i < out->errors.n; i++)
		if (!out->errors.v[i].loc.line)
			abort();
	if (rc == 0) {
		struct nsp_model *m = NULL;
		struct nsp_diags d = {0};
		if (nsp_load_buffer(&m, name, out->yaml, out->len, lim, &d) < 0)
			abort();
		nsp_model_free(m);
		nsp_diags_free(&d);
	} else if (!out->errors.n) {
		abort();
	}
	nsp_import_free(out);
}

#endif
