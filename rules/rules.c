/* The rule registry table, built from the list in rules.h. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

const struct nsp_rule *const nsp_rules[] = {
#define NSP_RULE(x) &nsp_rule_##x,
	NSP_RULE_LIST
#undef NSP_RULE
};

const size_t nsp_nrules = sizeof(nsp_rules) / sizeof(nsp_rules[0]);

const struct nsp_rule *nsp_rule_find(const char *id_or_name)
{
	for (size_t i = 0; i < nsp_nrules; i++)
		if (!strcasecmp(nsp_rules[i]->id, id_or_name) ||
		    !strcmp(nsp_rules[i]->name, id_or_name))
			return nsp_rules[i];
	return NULL;
}

const char *nsp_rule_suggest(const char *id)
{
	const char *cands[512];
	size_t n = 0;
	for (size_t i = 0; i < nsp_nrules && n < 256; i++)
		cands[n++] = nsp_rules[i]->id;
	for (size_t i = 0; i < nsp_nrules && n < 512; i++)
		cands[n++] = nsp_rules[i]->name;
	return nsp_did_you_mean(id, cands, n);
}
