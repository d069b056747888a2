/* The subcommands of the nospof command line. */
#ifndef NSP_CLI_H
#define NSP_CLI_H

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

extern const char nsp_schema_json[];

#endif
