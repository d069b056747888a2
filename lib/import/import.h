/*
 * The Terraform importer (IMPORT.md): `terraform show -json` output of a plan
 * or a state, and overlays in the design format, become one design written
 * as YAML, with the import findings (IMPnnn) and input errors it found.
 */
#ifndef NSP_IMPORT_H
#define NSP_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/diag.h"
#include "load/source.h"

enum nsp_imp_sev { NSP_IMP_INFO, NSP_IMP_WARNING, NSP_IMP_ERROR };

/* One import finding: located in the input file, message escaped. */
struct nsp_imp_finding {
	char code[8]; /* "IMP020" */
	enum nsp_imp_sev sev;
	struct nsp_loc loc;
	char *msg;
	const char *file;   /* NetBox: the page it is in (NULL: the input) */
};

/* Where a line of the written design came from (line 0: nowhere). */
struct nsp_imp_origin {
	const char *file; /* an overlay as given; NULL: the input */
	uint32_t line, col;
};

struct nsp_import_opts {
	const char *name;           /* the input as given, for messages */
	const char *const *overlays; /* overlay paths, in order */
	size_t noverlays;
	const struct nsp_limits *lim;
	const char *header;         /* line 1 of the YAML, without "# " */
};

struct nsp_import {
	char *yaml;                 /* the design; NULL on an input error */
	size_t len;
	bool json;                  /* write -f json instead of YAML */
	struct nsp_imp_finding *f;  /* sorted by place and code */
	size_t nf;
	/* input errors, each with the file it is in (input or overlay) */
	struct nsp_diags errors;
	const char **error_files;   /* parallel to errors.v */
	char *summary;              /* the summary line, without newline */
	char *skeleton;             /* the --skeleton overlay (§7.4) */
	int read_errno;             /* the input could not be read: why */
	struct nsp_imp_origin *origins; /* per line of yaml (YAML only) */
	size_t norigins;
	size_t nerror, nwarning, ninfo;
	char **files;               /* NetBox: page names the above point to */
	size_t nfiles;
};

/*
 * Import buf (len bytes, the input named opts->name) and merge the
 * overlays. Returns 0 with out->yaml set, or -1 with input errors in
 * out->errors. Findings are collected either way.
 */
int nsp_import_terraform(const char *buf, size_t len,
			 const struct nsp_import_opts *opts,
			 struct nsp_import *out);
void nsp_import_free(struct nsp_import *out);

struct nsp_model;
/*
 * Make m (loaded from out->yaml) locate its findings where each value came
 * from: the input (named input) or an overlay, by out->origins, and carry
 * the import findings as notes (m->notes) for the IMPnnn rules to report.
 * The model then owns a copy of what it needs.
 */
void nsp_import_locate(struct nsp_model *m, const struct nsp_import *out,
		       const char *input);

/* NetBox (IMPORT.md §6): filters of §6.2, each kind any of its values. */
struct nsp_nb_filters {
	const char **tenant, **site, **tag, **provider;
	size_t ntenant, nsite, ntag, nprovider;
};

/*
 * Import the saved responses in dir (§6.1) with the filters and overlays.
 * Returns 0 with out->yaml, -1 with input errors, -2 when dir cannot be
 * read (nothing else reported).
 */
int nsp_import_netbox_dir(const char *dir, const struct nsp_nb_filters *flt,
			  const struct nsp_import_opts *opts,
			  struct nsp_import *out);

/* A live NetBox (§6.2): what nsp_import_netbox_url needs. */
struct nsp_nb_live {
	const char *url;       /* https://HOST[:PORT][/PREFIX] */
	const char *token;     /* NETBOX_TOKEN's value; never printed */
	const char *ca_cert;   /* extra CA bundle, or NULL */
	const char *save;      /* --save DIR, or NULL */
	long timeout_s;        /* per request */
	const char *user_agent; /* "nospof/<version>" */
	/* called after each page (requests made, objects read), or NULL */
	void (*progress)(void *ctx, size_t requests, size_t objects);
	void *progress_ctx;
	char *error;           /* out: the message of a failure (exit 3) */
};

/*
 * Fetch what the design needs from a live NetBox and import it like
 * nsp_import_netbox_dir. Returns 0, -1 (input errors) or -3 (live->error
 * set: unreachable, refused, redirected, I/O).
 */
int nsp_import_netbox_url(struct nsp_nb_live *live,
			  const struct nsp_nb_filters *flt,
			  const struct nsp_import_opts *opts,
			  struct nsp_import *out);

/* The id rules of IMPORT.md §3: exposed for the tests. */
uint32_t nsp_imp_fnv1a(const char *s, size_t n);
/* slug(v) (§3.2) appended to b. */
struct nsp_buf;
void nsp_imp_slug(struct nsp_buf *b, const char *v);
/* The id of a resource address (§3.1), with an optional PART; freed by caller. */
char *nsp_imp_address_id(const char *address, const char *part);

#endif
