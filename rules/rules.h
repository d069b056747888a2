/*
 * The rule registry: one NSP_RULE line per rule, in id order. The library
 * (lib/) names no rule: it is handed nsp_builtin_rules.
 *
 * To add a rule:
 *  1. write rules/<id>_<name>.c with a `const struct nsp_rule nsp_rule_<id>`
 *     (id, name, severity, title, rationale, remediation, references, a
 *     failing and a passing snippet, and check; a rule about the waivers
 *     themselves sets judge_waiver instead, see engine/registry.h). Include
 *     "rules.h"; set .analysis when check reads ctx->fa (the failure
 *     analysis, analysis/failure.h);
 *  2. provider figures it needs (limits, timers, tiers, product names) go
 *     in lib/providers/ with their source, not in the rule; cite public
 *     pages with the NSP_SRC_* macros of providers/sources.h;
 *  3. add NSP_RULE(<id>) below, keeping the list sorted by id;
 *  4. add tests/rules/<ID>/fail*.yaml and pass*.yaml (each fail file lists
 *     the findings it expects in a `# expect:` comment);
 *  5. describe the rule under "## Rules" in README.md, and run
 *     `make regen-golden` if an example's output changes, reading the diff;
 *  6. run `make test`: the registry test checks the rest.
 *
 * The import findings (IMPORT.md §9) are rules too, all in
 * imp_import_findings.c: the importer makes them as the model's notes and
 * the rule of each id reports them. Their fixtures are plans:
 * tests/rules/IMPnnn/{fail,pass}*.json, each with a sidecar NAME.expect
 * holding the `# expect:` line (findings of IMP rules only), and an
 * optional NAME.overlay.yaml.
 */
#ifndef NSP_RULES_H
#define NSP_RULES_H

#include "engine/engine.h"

#define NSP_RULE_LIST                                                          \
	NSP_RULE(avail001)                                                     \
	NSP_RULE(bfd001)                                                       \
	NSP_RULE(bfd002)                                                       \
	NSP_RULE(bfd003)                                                       \
	NSP_RULE(bgp001)                                                       \
	NSP_RULE(bgp002)                                                       \
	NSP_RULE(bgp003)                                                       \
	NSP_RULE(bgp004)                                                       \
	NSP_RULE(bgp005)                                                       \
	NSP_RULE(bgp006)                                                       \
	NSP_RULE(bgp007)                                                       \
	NSP_RULE(bgp008)                                                       \
	NSP_RULE(cap001)                                                       \
	NSP_RULE(cap002)                                                       \
	NSP_RULE(cap003)                                                       \
	NSP_RULE(cap004)                                                       \
	NSP_RULE(cap005)                                                       \
	NSP_RULE(cap006)                                                       \
	NSP_RULE(cap007)                                                       \
	NSP_RULE(div001)                                                       \
	NSP_RULE(div002)                                                       \
	NSP_RULE(div003)                                                       \
	NSP_RULE(div004)                                                       \
	NSP_RULE(div005)                                                       \
	NSP_RULE(div006)                                                       \
	NSP_RULE(div007)                                                       \
	NSP_RULE(div008)                                                       \
	NSP_RULE(ecmp001)                                                      \
	NSP_RULE(ecmp002)                                                      \
	NSP_RULE(ecmp003)                                                      \
	NSP_RULE(ecmp004)                                                      \
	NSP_RULE(ecmp005)                                                      \
	NSP_RULE(ha001)                                                        \
	NSP_RULE(ha002)                                                        \
	NSP_RULE(ha003)                                                        \
	NSP_RULE(ha004)                                                        \
	NSP_RULE(ha005)                                                        \
	NSP_RULE(ha006)                                                        \
	NSP_RULE(imp001)                                                       \
	NSP_RULE(imp010)                                                       \
	NSP_RULE(imp011)                                                       \
	NSP_RULE(imp012)                                                       \
	NSP_RULE(imp020)                                                       \
	NSP_RULE(imp021)                                                       \
	NSP_RULE(imp022)                                                       \
	NSP_RULE(imp023)                                                       \
	NSP_RULE(imp030)                                                       \
	NSP_RULE(imp031)                                                       \
	NSP_RULE(imp040)                                                       \
	NSP_RULE(imp041)                                                       \
	NSP_RULE(imp042)                                                       \
	NSP_RULE(imp043)                                                       \
	NSP_RULE(imp050)                                                       \
	NSP_RULE(imp051)                                                       \
	NSP_RULE(imp060)                                                       \
	NSP_RULE(imp070)                                                       \
	NSP_RULE(imp071)                                                       \
	NSP_RULE(imp080)                                                       \
	NSP_RULE(ip001)                                                        \
	NSP_RULE(ip002)                                                        \
	NSP_RULE(ip003)                                                        \
	NSP_RULE(ip004)                                                        \
	NSP_RULE(ip005)                                                        \
	NSP_RULE(spof001)                                                      \
	NSP_RULE(spof002)                                                      \
	NSP_RULE(static001)                                                    \
	NSP_RULE(static002)                                                    \
	NSP_RULE(static003)                                                    \
	NSP_RULE(waive001)

#define NSP_RULE(x) extern const struct nsp_rule nsp_rule_##x;
NSP_RULE_LIST
#undef NSP_RULE

/* Every rule, in id order. */
extern const struct nsp_rule *const nsp_rules[];
extern const size_t nsp_nrules;

/* The same table, as the engine, loaders and reporters take it. */
extern const struct nsp_registry nsp_builtin_rules;

/* A rule of nsp_builtin_rules by id (any case) or name, or NULL. */
const struct nsp_rule *nsp_rule_find(const char *id_or_name);
/* The id or name of nsp_builtin_rules closest to a misspelt one, or NULL. */
const char *nsp_rule_suggest(const char *id);

#endif
