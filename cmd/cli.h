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

extern const char nsp_schema_json[];

#endif
