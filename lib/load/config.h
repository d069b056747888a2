/*
 * The repository config, .nospof.yaml: which rules run (select, ignore), how
 * severe their findings are (severity), the exit threshold (fail_on) and the
 * intent defaults for designs that leave a field out.
 */
#ifndef NSP_CONFIG_H
#define NSP_CONFIG_H

#include <stdbool.h>

#include "model/diag.h"
#include "engine/registry.h"
#include "model/model.h"
#include "source.h"

#define NSP_CONFIG_NAME ".nospof.yaml"

struct nsp_config {
	struct nsp_selection sel; /* select, ignore and severity */
	bool has_select, has_ignore, has_fail_on;
	int fail_on; /* enum nsp_severity, or NSP_FAIL_NEVER */
	struct nsp_intent_defaults intent;
};

/*
 * The nearest .nospof.yaml in dir or one of its parents (dir NULL: the
 * working directory), as a path the caller frees; NULL when there is none.
 */
char *nsp_config_find(const char *dir);

/*
 * Read the config at path into out (zeroed first). Returns 0, or -1 with
 * every problem, located in the config file, added to diags.
 */
int nsp_config_load(struct nsp_config *out, const char *path,
		    const struct nsp_limits *lim, struct nsp_diags *diags);

/* Parse a buffer like nsp_config_load. */
int nsp_config_parse(struct nsp_config *out, const char *buf, size_t len,
		     const struct nsp_limits *lim, struct nsp_diags *diags);

void nsp_config_free(struct nsp_config *c);

#endif
