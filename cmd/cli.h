/* The subcommands of the nospof command line. */
#ifndef NSP_CLI_H
#define NSP_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define NSP_EXIT_OK 0
#define NSP_EXIT_FINDINGS 1
#define NSP_EXIT_INPUT 2
#define NSP_EXIT_USAGE 3

int nsp_cmd_check(int argc, char **argv);
int nsp_cmd_rules(int argc, char **argv);
int nsp_cmd_explain(int argc, char **argv);
int nsp_cmd_schema(int argc, char **argv);
int nsp_cmd_graph(int argc, char **argv);
int nsp_cmd_scenarios(int argc, char **argv);
int nsp_cmd_import(int argc, char **argv);

struct nsp_import;
struct nsp_limits;
/*
 * Import a Terraform JSON file with overlays into *out (import.c): 0,
 * NSP_EXIT_INPUT (input errors in out), or NSP_EXIT_USAGE when the file
 * cannot be read (out->read_errno says why; nsp_import_unreadable prints
 * it for `import`).
 */
int nsp_import_run(const char *file, const char *const *overlays,
		   size_t noverlays, const struct nsp_limits *lim,
		   const char *header, bool json, struct nsp_import *out);
struct nsp_nb_filters;
/* `nospof import netbox` (import_nb.c). */
int nsp_cmd_import_netbox(int argc, char **argv);
/*
 * Import a NetBox --from directory with filters and overlays into *out
 * (import_nb.c): 0, NSP_EXIT_INPUT, or NSP_EXIT_USAGE when the directory
 * cannot be read (out->read_errno).
 */
int nsp_import_netbox_run(const char *dir, const struct nsp_nb_filters *flt,
			  const char *const *overlays, size_t noverlays,
			  const struct nsp_limits *lim, const char *header,
			  bool json, struct nsp_import *out);
/*
 * The --fail-on LEVEL of an import: 3 for never, else the severity
 * (enum nsp_imp_sev); -1 with a usage error printed.
 */
int nsp_import_fail_on(const char *s);
/*
 * Refuse a --skeleton FILE that is an overlay, the input or the -o output
 * (a usage error printed, -1); 0 when it is none of them or not given.
 */
int nsp_skeleton_refused(const char *skeleton, const char *const *overlays,
			 size_t nov, const char *input, const char *output);
/*
 * Write an import's design (to output, else standard output) and its
 * skeleton (when asked), each whole or not at all: 0, NSP_EXIT_FINDINGS
 * for an import finding at or above fail_on, or NSP_EXIT_USAGE (printed).
 */
int nsp_import_write(const struct nsp_import *r, const char *output,
		     const char *skeleton, int fail_on);
/* The usage error of `import` for an input it could not read: the status. */
int nsp_import_unreadable(const char *what, const char *path,
			  const struct nsp_import *r);
/* Print an import's input errors, findings and summary to f. */
void nsp_import_print(FILE *f, const char *name, const struct nsp_import *r);
struct nsp_model;
/*
 * The design scenarios and graph read (import.c): FILE, or with import set
 * the design of `--import terraform:FILE|netbox:DIR` and its overlays. 0 with *m, or
 * the exit status with the errors printed on standard error (an import's
 * diagnostics as `nospof import` prints them).
 */
int nsp_cli_load(struct nsp_model **m, const char *file, const char *import,
		 const char *const *overlays, size_t noverlays,
		 const struct nsp_limits *lim);
/*
 * Take `--import terraform:FILE|netbox:DIR` (kept whole in *import) or
 * `--overlay FILE` at argv[*i] for scenarios and graph: 1 when taken (*i
 * moved past its value), 0 when argv[*i] is neither, -1 on a usage error
 * (printed).
 */
int nsp_import_option(int argc, char **argv, int *i, const char **import,
		      const char **overlays, size_t *noverlays);
/* The file or directory of an --import value ("terraform:F" -> "F"). */
const char *nsp_import_file(const char *import);
struct nsp_analysis;
/*
 * scenarios --cuts K: the minimal cut sets of every demand of the analysed
 * design up to k elements, in format (text, json, markdown), written
 * demand by demand; 0, or -1 when out cannot be written.
 */
int nsp_cuts_table(FILE *out, const struct nsp_analysis *a, size_t k,
                   const char *format, const char *file);

struct nsp_model;
/* "from -> to" of demand d, escaped, for a table cell (scenarios.c). */
char *nsp_demand_cell(const struct nsp_model *m, size_t d);

/* Print "nospof: <msg>" to stderr, escaped, and return NSP_EXIT_USAGE. */
int nsp_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct nsp_limits;
/*
 * The resource-limit options every command that reads a design takes:
 * when opt (without its value) is --max-input-mb, --max-depth or
 * --max-alias-ratio, set it in lim from val and return 0, or print a usage
 * error and return -1; return 1 when opt is none of them.
 */
int nsp_limit_option(const char *opt, const char *val,
		     struct nsp_limits *lim);

/*
 * Check the environment the commands that judge waivers read: 0, or a
 * usage error (printed) when NOSPOF_TODAY is set and is not a date.
 */
int nsp_env_check(void);

/*
 * An output file (report, graph, baseline) written to a temporary file in
 * its directory and renamed over the target only when complete, so that a
 * failed or interrupted run leaves the old file as it was. Devices, FIFOs
 * and sockets (/dev/stdout, /dev/null), and a symbolic link to a file not
 * there yet, are written in place; a file the user may not write is not
 * replaced.
 */
struct nsp_output {
	FILE *f;
	const char *what; /* the option, for messages: "-o" */
	const char *path; /* as given */
	char *target;     /* the file it replaces, resolved; NULL: in place */
	char *tmp;        /* the temporary file; NULL: in place */
};

/* Open an output; 0, or a usage error (printed, NSP_EXIT_USAGE). */
int nsp_output_open(struct nsp_output *o, const char *what, const char *path);
/* Finish it and put it in place; 0, or a usage error (printed). */
int nsp_output_commit(struct nsp_output *o);
/* Drop it: the temporary file goes, the target stays as it was. */
void nsp_output_abort(struct nsp_output *o);
/*
 * The file a path names once symbolic links are resolved (for one not
 * there yet, its resolved directory and its name); NULL when its directory
 * does not exist. The caller frees it.
 */
char *nsp_output_target(const char *path);
/*
 * Whether two paths name one file: the same device and inode when both
 * exist, else the same resolved target. "-" is never the same file.
 */
bool nsp_same_file(const char *a, const char *b);

/*
 * Progress of long work on standard error: shown only when standard error
 * is a terminal and the work has run for a second, at most four times a
 * second, on one line that nsp_progress_end clears.
 */
struct nsp_progress {
	bool tty, shown;
	double start, last;
};
void nsp_progress_start(struct nsp_progress *p);
void nsp_progress_show(struct nsp_progress *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void nsp_progress_end(struct nsp_progress *p);

/*
 * The default work limits: nodes and edges of an SVG layout; pairs of
 * failure elements of one demand at scenarios --depth 2.
 */
#define NSP_MAX_LAYOUT 2500
#define NSP_MAX_PAIRS 250000

/*
 * Parse the value of a work limit option (--max-layout, --max-pairs): a
 * positive number up to max; 0 and *out set, or a usage error (printed)
 * and -1.
 */
int nsp_work_limit(const char *opt, const char *val, uint64_t max,
		   uint64_t *out);

extern const char nsp_schema_json[];

#endif
