/*
 * Baselines, for adopting nospof on a repository full of existing designs:
 * today's findings recorded by rule, file and the elements they name (not by
 * line, so that edits elsewhere in a file do not break them), and later runs
 * that report only the findings not recorded.
 */
#ifndef NSP_BASELINE_H
#define NSP_BASELINE_H

#include <stdio.h>

#include "engine/engine.h"
#include "load/source.h"

struct nsp_baseline {
	struct nsp_map keys; /* identity -> itself */
	char **v;            /* the identities, owned */
	size_t n, cap;
};

/*
 * What identifies a finding across runs and edits: "RULE\nfile\nel1\nel2"
 * with the file relative to the working directory and the elements sorted.
 */
char *nsp_finding_identity(const struct nsp_finding *f);

/* Whether a finding can be baselined: not an input error, not waived. */
bool nsp_baseline_eligible(const struct nsp_finding *f);

/* Write the eligible findings as a baseline (JSON); 0, or -1 on I/O error. */
int nsp_baseline_write(FILE *out, const struct nsp_findings *fs);

/*
 * Read a baseline file into out (zeroed first), within the input limits
 * (size, and nesting depth; JSON has no aliases). Returns 0, or -1 with a
 * message in *err (the caller frees it).
 */
int nsp_baseline_read(struct nsp_baseline *out, const char *path,
		      const struct nsp_limits *lim, char **err);

/* Parse a baseline held in buf (named name in messages), the same way. */
int nsp_baseline_parse(struct nsp_baseline *out, const char *name,
		       const char *buf, size_t len,
		       const struct nsp_limits *lim, char **err);

/* Remove the findings the baseline records; returns how many it removed. */
size_t nsp_baseline_apply(const struct nsp_baseline *b,
			  struct nsp_findings *fs);

void nsp_baseline_free(struct nsp_baseline *b);

#endif
