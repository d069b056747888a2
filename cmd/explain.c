/* nospof rules, explain and schema: what the tool knows, in words. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "../rules/rules.h"
#include "cli.h"

/* Print text wrapped at 78 columns, each line indented. */
static void wrap(const char *text, const char *indent)
{
	fputs(indent, stdout);
	nsp_print_wrapped(stdout, text, strlen(indent), strlen(indent));
}

/* Print a snippet indented. */
static void block(const char *text, const char *indent)
{
	const char *p = text;
	while (*p) {
		size_t len = strcspn(p, "\n");
		printf("%s%.*s\n", indent, (int)len, p);
		p += len;
		if (*p)
			p++;
	}
}

int nsp_cmd_explain(int argc, char **argv)
{
	if (argc != 2)
		return nsp_usage_error("explain: expected one rule id or name "
				       "(see 'nospof rules')");
	const struct nsp_rule *r = nsp_rule_find(argv[1]);
	if (!r) {
		const char *dym = nsp_rule_suggest(argv[1]);
		if (dym)
			return nsp_usage_error("explain: unknown rule '%s' "
					       "(did you mean '%s'?)",
					       argv[1], dym);
		return nsp_usage_error("explain: unknown rule '%s' (see "
				       "'nospof rules')", argv[1]);
	}
	printf("%s %s (%s)\n", r->id, r->name,
	       nsp_severity_names[r->severity]);
	wrap(r->title, "");
	printf("\nWhy it matters:\n");
	wrap(r->rationale, "  ");
	printf("\nHow to fix it:\n");
	wrap(r->remediation, "  ");
	printf("\nReferences:\n");
	for (const char *const *ref = r->references; ref && *ref; ref++) {
		char *line = nsp_xasprintf("- %s", *ref);
		wrap(line, "  ");
		free(line);
	}
	if (r->facts) {
		printf("\nProvider figures:\n");
		r->facts(stdout);
	}
	printf("\nFails:\n");
	block(r->fails, "    ");
	printf("\nPasses:\n");
	block(r->passes, "    ");
	return 0;
}

int nsp_cmd_rules(int argc, char **argv)
{
	const char *format = "text";
	if (argc == 3 && (!strcmp(argv[1], "-f") ||
			  !strcmp(argv[1], "--format")))
		format = argv[2];
	else if (argc != 1)
		return nsp_usage_error("rules: usage: nospof rules [-f "
				       "text|json]");
	if (!strcmp(format, "json")) {
		json_t *arr = json_array();
		for (size_t i = 0; i < nsp_nrules; i++) {
			const struct nsp_rule *r = nsp_rules[i];
			json_t *o = json_object();
			json_object_set_new(o, "id", json_string(r->id));
			json_object_set_new(o, "name", json_string(r->name));
			json_object_set_new(o, "severity",
					    json_string(nsp_severity_names
							    [r->severity]));
			json_object_set_new(o, "title", json_string(r->title));
			json_array_append_new(arr, o);
		}
		json_dumpf(arr, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(arr);
		return 0;
	}
	if (strcmp(format, "text"))
		return nsp_usage_error("rules: unknown format '%s' (text or "
				       "json)", format);
	printf("%-9s %-8s %-26s %s\n", "ID", "SEVERITY", "NAME", "TITLE");
	for (size_t i = 0; i < nsp_nrules; i++) {
		const struct nsp_rule *r = nsp_rules[i];
		printf("%-9s %-8s %-26s %s\n", r->id,
		       nsp_severity_names[r->severity], r->name, r->title);
	}
	return 0;
}

int nsp_cmd_schema(int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return nsp_usage_error("schema: takes no arguments");
	fputs(nsp_schema_json, stdout);
	return 0;
}
