/*
 * The rule engine: findings, what a rule sees (nsp_ctx), and the run of a
 * registry's rules on a model with waivers and overrides. The rule type
 * and the registry are in registry.h.
 */
#ifndef NSP_ENGINE_H
#define NSP_ENGINE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "analysis/failure.h"
#include "model/diag.h"
#include "model/model.h"
#include "registry.h"

struct nsp_related {
	char *pointer;
	struct nsp_loc loc, end; /* end {0, 0} when unknown */
	char *message;
	char *source; /* escaped: the element's `source` (IMPORT.md §3.3) */
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
/* Report note n of the model (a finding made while building it) as is. */
struct nsp_finding *nsp_report_note(struct nsp_ctx *ctx,
				    const struct nsp_note *n);
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
