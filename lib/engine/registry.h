/*
 * The registry interface: the rule type, severities, the table of rules a
 * run knows, and which of them run (selection). The loaders include this
 * alone to check the rule names in waivers and config; rules/ builds the
 * table.
 */
#ifndef NSP_REGISTRY_H
#define NSP_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum nsp_severity { NSP_INFO, NSP_WARNING, NSP_ERROR };
extern const char *const nsp_severity_names[3];
/* Parse "error" | "warning" | "info"; returns -1 when unknown. */
int nsp_severity_parse(const char *s);
/* A fail-on threshold no finding reaches (--fail-on never). */
#define NSP_FAIL_NEVER (-1)

struct nsp_ctx;

struct nsp_rule {
	const char *id;   /* "DIV001" */
	const char *name; /* "ecmp-same-edge-router" */
	enum nsp_severity severity; /* default, for a required class */
	const char *title;
	const char *rationale;
	const char *remediation;
	const char *const *references; /* NULL-terminated */
	const char *fails;  /* a YAML snippet that triggers the rule */
	const char *passes; /* the same design, fixed */
	void (*check)(struct nsp_ctx *ctx); /* NULL: a waiver rule only */
	bool analysis; /* reads the failure analysis (ctx->fa) */
	/*
	 * A rule about the waivers themselves runs after they are applied:
	 * the engine calls it for each waiver w that has expired, or that
	 * matched no finding of a rule that ran (expired false). Waivers
	 * naming such a rule are not judged; they apply to its findings.
	 */
	void (*judge_waiver)(struct nsp_ctx *ctx, size_t w, bool expired);
	/* optional: print the provider figures the rule uses (explain) */
	void (*facts)(FILE *out);
};

/*
 * The rules a run knows. The engine, the loaders (rule names in waivers
 * and config) and the reporters (SARIF's rule list) are handed one; the
 * library names no rule itself (rules/ builds the table).
 */
struct nsp_registry {
	const struct nsp_rule *const *rules; /* in id order */
	size_t n;
};
/* A rule by id (any case) or name, or NULL. */
const struct nsp_rule *nsp_registry_find(const struct nsp_registry *reg,
					 const char *id_or_name);
/* The id or name closest to a misspelt one, or NULL. */
const char *nsp_registry_suggest(const struct nsp_registry *reg,
				 const char *id);

/* A severity override: findings of the rules sel matches get sev. */
struct nsp_severity_override {
	char *sel; /* an id, a prefix or a name */
	enum nsp_severity sev;
};

/* Which rules run, and how severe their findings are. */
struct nsp_selection {
	char **select; /* ids or prefixes; none means all */
	size_t nselect;
	char **ignore;
	size_t nignore;
	struct nsp_severity_override *severity; /* the longest match wins */
	size_t nseverity;
};
bool nsp_selection_enabled(const struct nsp_selection *sel,
			   const struct nsp_rule *r);
/*
 * Add comma-separated ids/prefixes/names; returns the first that matches
 * no rule of reg.
 */
const char *nsp_selection_add(const struct nsp_registry *reg, char ***list,
			      size_t *n, const char *csv);
void nsp_selection_free(struct nsp_selection *sel);
/* The severity of a finding of rule r, after the overrides. */
enum nsp_severity nsp_selection_severity(const struct nsp_selection *sel,
					 const struct nsp_registry *reg,
					 const char *rule_id,
					 enum nsp_severity sev);

#endif
