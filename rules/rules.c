/* The rule registry table, built from the list in rules.h. */
#include "rules.h"

#include <stdlib.h>

const struct nsp_rule *const nsp_rules[] = {
#define NSP_RULE(x) &nsp_rule_##x,
	NSP_RULE_LIST
#undef NSP_RULE
};

const size_t nsp_nrules = sizeof(nsp_rules) / sizeof(nsp_rules[0]);

const struct nsp_registry nsp_builtin_rules = {
	nsp_rules, sizeof(nsp_rules) / sizeof(nsp_rules[0])};

const struct nsp_rule *nsp_rule_find(const char *id_or_name)
{
	return nsp_registry_find(&nsp_builtin_rules, id_or_name);
}

const char *nsp_rule_suggest(const char *id)
{
	return nsp_registry_suggest(&nsp_builtin_rules, id);
}
