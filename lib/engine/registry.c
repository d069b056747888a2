/*
 * The registry interface: severities, finding a rule by id or name, and
 * the selection of rules (--select, --ignore, severity overrides).
 */
#include "registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/util.h"

const char *const nsp_severity_names[3] = {"info", "warning", "error"};

int nsp_severity_parse(const char *s)
{
	for (int i = 0; i < 3; i++)
		if (!strcmp(s, nsp_severity_names[i]))
			return i;
	return -1;
}

/* Whether a rule id matches a selector: the id itself, a prefix, or name. */
static bool matches(const char *sel, const struct nsp_rule *r)
{
	size_t n = strlen(sel);
	return !strncasecmp(r->id, sel, n) || !strcmp(r->name, sel);
}

bool nsp_selection_enabled(const struct nsp_selection *sel,
			   const struct nsp_rule *r)
{
	bool on = !sel || !sel->nselect;
	for (size_t i = 0; sel && i < sel->nselect; i++)
		on |= matches(sel->select[i], r);
	for (size_t i = 0; sel && i < sel->nignore; i++)
		if (matches(sel->ignore[i], r))
			on = false;
	return on;
}

const struct nsp_rule *nsp_registry_find(const struct nsp_registry *reg,
					 const char *id_or_name)
{
	for (size_t i = 0; reg && i < reg->n; i++)
		if (!strcasecmp(reg->rules[i]->id, id_or_name) ||
		    !strcmp(reg->rules[i]->name, id_or_name))
			return reg->rules[i];
	return NULL;
}

const char *nsp_registry_suggest(const struct nsp_registry *reg,
				 const char *id)
{
	const char *cands[512];
	size_t n = 0;
	for (size_t i = 0; reg && i < reg->n && n < 256; i++)
		cands[n++] = reg->rules[i]->id;
	for (size_t i = 0; reg && i < reg->n && n < 512; i++)
		cands[n++] = reg->rules[i]->name;
	return nsp_did_you_mean(id, cands, n);
}

const char *nsp_selection_add(const struct nsp_registry *reg, char ***list,
			      size_t *n, const char *csv)
{
	static char bad[128];
	const char *p = csv;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		while (len && p[0] == ' ')
			p++, len--;
		while (len && p[len - 1] == ' ')
			len--;
		if (len) {
			char *tok = nsp_xstrndup(p, len);
			bool any = false;
			for (size_t i = 0; reg && i < reg->n; i++)
				any |= matches(tok, reg->rules[i]);
			if (!any) {
				snprintf(bad, sizeof(bad), "%s", tok);
				free(tok);
				return bad;
			}
			*list = nsp_xrealloc(*list, (*n + 1) * sizeof(**list));
			(*list)[(*n)++] = tok;
		}
		if (!end)
			break;
		p = end + 1;
	}
	return NULL;
}

void nsp_selection_free(struct nsp_selection *sel)
{
	for (size_t i = 0; i < sel->nselect; i++)
		free(sel->select[i]);
	for (size_t i = 0; i < sel->nignore; i++)
		free(sel->ignore[i]);
	for (size_t i = 0; i < sel->nseverity; i++)
		free(sel->severity[i].sel);
	free(sel->select);
	free(sel->ignore);
	free(sel->severity);
	memset(sel, 0, sizeof(*sel));
}

enum nsp_severity nsp_selection_severity(const struct nsp_selection *sel,
					 const struct nsp_registry *reg,
					 const char *rule_id,
					 enum nsp_severity sev)
{
	const struct nsp_rule *r = nsp_registry_find(reg, rule_id);
	size_t best = 0;
	for (size_t i = 0; sel && r && i < sel->nseverity; i++) {
		size_t len = strlen(sel->severity[i].sel);
		if (matches(sel->severity[i].sel, r) && len > best) {
			best = len;
			sev = sel->severity[i].sev;
		}
	}
	return sev;
}
