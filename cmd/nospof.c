/* nospof: argument dispatch to the subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "load/source.h"
#include "model/util.h"
#include "cli.h"

static const char usage[] =
	"usage: nospof <command> [options]\n"
	"\n"
	"Check redundant hybrid-cloud interconnect designs before they are "
	"built.\n"
	"\n"
	"commands:\n"
	"  check [OPTIONS] PATH...   validate designs: files, directories "
	"(scanned for\n"
	"                            *.yaml/*.yml with a top-level nospof "
	"key), -\n"
	"                            (standard input)\n"
	"  import terraform FILE [--overlay FILE]... [-o FILE] [-f yaml|json]\n"
	"                            a design from 'terraform show -json' "
	"output\n"
	"                            and overlays (see 'nospof import "
	"--help')\n"
	"  import netbox --from DIR|--url URL [--overlay FILE]... [-o FILE]\n"
	"                            a design from NetBox's circuits and "
	"cabling\n"
	"                            (see 'nospof import netbox --help')\n"
	"  scenarios FILE [--depth 1|2] [-f text|json|markdown] [limits]\n"
	"        [--max-pairs N]     the failure table: every single (or "
	"pair of)\n"
	"                            failure, every demand, worst load, "
	"failover;\n"
	"                            at most N pairs per demand (default "
	"250000)\n"
	"  scenarios FILE --cuts K [--max-cut-order N] [-f FMT] [limits]\n"
	"                            each demand's minimal cut sets of at "
	"most K\n"
	"                            elements, most probable first (K <= N, "
	"N default\n"
	"                            4, at most 8)\n"
	"  rules [-f text|json]      list the rules\n"
	"  explain ID|NAME           a rule's rationale, remediation, "
	"references\n"
	"  graph FILE [-f dot|svg] [-o OUT] [limits] [--max-layout N]\n"
	"        [--fail ELEMENT...] the topology as Graphviz DOT or SVG, "
	"optionally\n"
	"                            after the failure of some elements; "
	"SVG of at\n"
	"                            most N nodes and edges (default "
	"2500)\n"
	"  schema                    print the input JSON Schema\n"
	"  version                   print the version\n"
	"\n"
	"check options:\n"
	"  -f, --format FMT          text (default) | json | sarif | junit | "
	"github |\n"
	"                            markdown | html\n"
	"  -o, --output FILE         write the report to FILE\n"
	"  --fail-on LEVEL           error (default) | warning | info | never\n"
	"  --select IDS              only these rules (ids, prefixes or "
	"names,\n"
	"                            comma-separated)\n"
	"  --ignore IDS              not these rules\n"
	"  --config FILE             the config (default: the nearest "
	".nospof.yaml\n"
	"                            upward from the working directory)\n"
	"  --no-config               read no config file\n"
	"  --baseline FILE           report only findings the baseline does "
	"not record\n"
	"  --write-baseline FILE     record today's findings as a baseline\n"
	"  --designs-only            skip named files that are not designs "
	"(pre-commit)\n"
	"  --color WHEN              auto (default) | always | never; "
	"NO_COLOR is honoured\n"
	"  -q, --quiet               only the summary line (text)\n"
	"\n"
	"imported designs (check: besides its PATHs; scenarios, graph: for FILE):\n"
	"  --import SOURCE           terraform:FILE (a plan or state as JSON) "
	"or\n"
	"                            netbox:DIR (saved NetBox responses)\n"
	"  --overlay FILE            merge this overlay into it (repeatable)\n"
	"\n"
	"limits (check, scenarios and graph):\n"
	"  --max-input-mb N          input size limit (default 32)\n"
	"  --max-depth N             nesting limit (default 64)\n"
	"  --max-alias-ratio N       alias expansion limit (default 10)\n"
	"\n"
	"exit status: 0 no finding at or above --fail-on, 1 findings, "
	"2 input error,\n"
	"3 usage error, output error or work limit\n";

int nsp_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = nsp_xvasprintf(fmt, ap);
	va_end(ap);
	char *safe = nsp_escape(msg, strlen(msg));
	fprintf(stderr, "nospof: %s\n", safe);
	free(safe);
	free(msg);
	return NSP_EXIT_USAGE;
}

/* Whether the arguments of a command ask for help (before any "--"). */
static bool wants_help(int argc, char **argv)
{
	for (int i = 2; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	return false;
}

int nsp_limit_option(const char *opt, const char *val, struct nsp_limits *lim)
{
	uint64_t v;
	bool ok;
	if (!strcmp(opt, "--max-input-mb")) {
		ok = nsp_parse_uint(val, strlen(val), 1u << 20, &v) && v;
		if (ok)
			lim->max_bytes = (size_t)v << 20;
		else
			nsp_usage_error("--max-input-mb: expected a positive "
					"number of MiB, got '%s'", val);
	} else if (!strcmp(opt, "--max-depth")) {
		ok = nsp_parse_uint(val, strlen(val), 10000, &v) && v;
		if (ok)
			lim->max_depth = (unsigned)v;
		else
			nsp_usage_error("--max-depth: expected 1..10000, got "
					"'%s'", val);
	} else if (!strcmp(opt, "--max-alias-ratio")) {
		ok = nsp_parse_uint(val, strlen(val), 1000000, &v) && v;
		if (ok)
			lim->alias_ratio = (unsigned)v;
		else
			nsp_usage_error("--max-alias-ratio: expected a positive "
					"number, got '%s'", val);
	} else {
		return 1;
	}
	return ok ? 0 : -1;
}

int nsp_work_limit(const char *opt, const char *val, uint64_t max,
		   uint64_t *out)
{
	if (nsp_parse_uint(val, strlen(val), max, out) && *out)
		return 0;
	nsp_usage_error("%s: expected a positive number up to %llu, got '%s'",
			opt, (unsigned long long)max, val);
	return -1;
}

int nsp_env_check(void)
{
	if (nsp_today() >= 0)
		return 0;
	return nsp_usage_error("NOSPOF_TODAY: expected a calendar date "
			       "YYYY-MM-DD, got '%s'",
			       getenv("NOSPOF_TODAY"));
}

/* Run the command argv[1] names; its exit status. */
static int dispatch(int argc, char **argv)
{
	const char *cmd = argv[1];
	/* import has usages of its own, which list its options */
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") ||
	    !strcmp(cmd, "help") ||
	    (strcmp(cmd, "import") && wants_help(argc, argv))) {
		fputs(usage, stdout);
		return NSP_EXIT_OK;
	}
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
		printf("nospof %s\n", NSP_VERSION);
		return NSP_EXIT_OK;
	}
	if (!strcmp(cmd, "check"))
		return nsp_cmd_check(argc - 1, argv + 1);
	if (!strcmp(cmd, "scenarios"))
		return nsp_cmd_scenarios(argc - 1, argv + 1);
	if (!strcmp(cmd, "rules"))
		return nsp_cmd_rules(argc - 1, argv + 1);
	if (!strcmp(cmd, "explain"))
		return nsp_cmd_explain(argc - 1, argv + 1);
	if (!strcmp(cmd, "graph"))
		return nsp_cmd_graph(argc - 1, argv + 1);
	if (!strcmp(cmd, "schema"))
		return nsp_cmd_schema(argc - 1, argv + 1);
	if (!strcmp(cmd, "import"))
		return nsp_cmd_import(argc - 1, argv + 1);
	return nsp_usage_error("unknown command '%s' (see 'nospof --help')",
			       cmd);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return fputs(usage, stderr), NSP_EXIT_USAGE;
	int ret = dispatch(argc, argv);
	/* whatever the command printed must have reached standard output */
	bool flush = fflush(stdout) != 0;
	if ((flush || ferror(stdout)) && ret != NSP_EXIT_USAGE)
		ret = nsp_usage_error("cannot write to standard output%s%s",
				      flush ? ": " : "",
				      flush ? strerror(errno) : "");
	return ret;
}
