/*
 * The rule engine: the rule type, findings, selection by id or prefix,
 * waivers, and the deterministic order of findings.
 */
#ifndef NSP_ENGINE_H
#define NSP_ENGINE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model/diag.h"
#include "analysis/failure.h"
#include "model/model.h"

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

struct nsp_related {
	char *pointer;
	struct nsp_loc loc, end; /* end {0, 0} when unknown */
	char *message;
};

struct nsp_finding {
	const char *rule_id, *rule_name; /* static strings */
	enum nsp_severity severity;
	const char *file; /* borrowed from the run, escaped */
	const char *path; /* the file's raw name, for URIs; NULL: as file */
	char *message;    /* escaped */
	char *pointer;    /* JSON Pointer of the element */
	struct nsp_loc loc;
	struct nsp_loc end; /* just past the element; {0, 0} when unknown */
	char **elements; /* ids named, escaped */
	size_t nelements;
	struct nsp_related *related;
	size_t nrelated;
	bool waived;
	const struct nsp_waiver *waiver;
};

struct nsp_findings {
	struct nsp_finding **v;
	size_t n, cap;
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

/* What a rule sees: the model, and where its findings go. */
struct nsp_ctx {
	const struct nsp_model *model;
	const struct nsp_rule *rule;
	struct nsp_findings *out;
	const char *file;
	const struct nsp_analysis *fa; /* NULL unless the rule asks for it */
	size_t first; /* the first finding of this design in out */
	struct nsp_cuts *cuts; /* the DIV/HA rules' findings in the making */
};

/*
 * Report a finding of the running rule about the element at pointer (loc
 * from field_pointer when given, else from pointer). Elements are added with
 * nsp_finding_element. The returned finding is the caller's to decorate.
 */
struct nsp_finding *nsp_report(struct nsp_ctx *ctx, enum nsp_severity sev,
			       const char *pointer, const char *field_pointer,
			       const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/*
 * nsp_report about element index of a top-level list ("circuits", 3),
 * located at its field (e.g. "bandwidth_mbps"; NULL for the element).
 */
struct nsp_finding *nsp_report_at(struct nsp_ctx *ctx, enum nsp_severity sev,
				  const char *list, size_t index,
				  const char *field, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void nsp_finding_element(struct nsp_finding *f, const char *id);
void nsp_finding_related(struct nsp_finding *f, const struct nsp_model *m,
			 const char *pointer, const char *field_pointer,
			 const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* The INPUT pseudo-finding of an input error. */
void nsp_findings_add_input(struct nsp_findings *fs, const char *file,
			    const struct nsp_diag *d);
void nsp_findings_free(struct nsp_findings *fs);
/* Free one finding taken out of a list. */
void nsp_finding_free(struct nsp_finding *f);

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

/*
 * Run the rules of reg that sel enables (NULL: all) on a model and append
 * the findings, deduplicated (one finding per rule and set of elements),
 * waivers applied, the waiver rules' findings added for expired and
 * unused waivers, severity overrides applied last.
 *
 * fa is the model's failure analysis, built once for the rules that read
 * it: pass NULL to have it built and freed here; else *fa is used when
 * set, built here when a rule needs it and it is not, and left to the
 * caller to free (a reporter that reads it then needs no second one).
 */
void nsp_engine_run(struct nsp_findings *out, const struct nsp_model *m,
		    const struct nsp_registry *reg,
		    const struct nsp_selection *sel, struct nsp_analysis **fa);

/*
 * Today's date for waiver expiry, as YYYYMMDD: the date in UTC, or the one
 * NOSPOF_TODAY=YYYY-MM-DD gives (so that a run can be reproduced on another
 * day); -1 when NOSPOF_TODAY is set and is not a calendar date.
 */
int nsp_today(void);

/* Sort findings by file, line, column, rule id, elements. */
void nsp_findings_sort(struct nsp_findings *fs);

#endif
