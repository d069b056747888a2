/* Helpers shared by the diversity (DIV) and redundancy (HA) rules. */
#ifndef NSP_RULES_DIV_H
#define NSP_RULES_DIV_H

#include "rules.h"

/* At most this many related locations per finding. */
#define NSP_MAX_RELATED 20

/* One stage of one demand: the circuits that carry it side by side. */
struct nsp_members {
	const struct nsp_model *m;
	const struct nsp_demand *d;
	const size_t *c; /* circuit indices, in file order */
	size_t n;
};

/* Call fn for every stage of every demand with at least min members. */
void nsp_each_stage(struct nsp_ctx *ctx, size_t min,
		    void (*fn)(struct nsp_ctx *, const struct nsp_members *));

/* The severity of a finding about a failure class. */
enum nsp_severity nsp_class_severity(const struct nsp_model *m,
				     enum nsp_class cls);

/* The router of the given role that every member ends on, or NSP_NONE. */
size_t nsp_shared_router(const struct nsp_members *s,
			 enum nsp_router_role role);
/* The port of router r that every member uses, or NULL. */
const char *nsp_shared_port(const struct nsp_members *s, size_t r);
/* The PoP every member lands in (through either end), or NSP_NONE. */
size_t nsp_shared_pop(const struct nsp_members *s);
/* The value of a PoP field (facility, metro) every member shares, or NULL. */
const char *nsp_shared_pop_field(const struct nsp_members *s, size_t offset);

/*
 * Whether the lone circuit of another, single-circuit stage of the same
 * demand already depends on this router or PoP: HA001 reports that circuit,
 * and with it the elements it runs through.
 */
bool nsp_lone_stage_router(const struct nsp_members *s, size_t r);
bool nsp_lone_stage_pop(const struct nsp_members *s, size_t p);

/* "'a' and 'b'", "'a', 'b' and 'c'" */
char *nsp_member_list(const struct nsp_members *s);
/* "demand 'dc' -> 'vpc'" */
char *nsp_demand_label(const struct nsp_model *m, const struct nsp_demand *d);

/*
 * Report a finding about the members, its message "circuits 'a' and 'b' of
 * demand 'x' -> 'y' " followed by fmt: located at the last member's field
 * (e.g. "a/port"), the other members as related locations, all member ids
 * as elements.
 */
struct nsp_finding *nsp_report_members(struct nsp_ctx *ctx,
				       const struct nsp_members *s,
				       enum nsp_severity sev, const char *field,
				       const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* The field name ("a" or "z") of circuit c's end on router r. */
const char *nsp_end_name(const struct nsp_circuit *c, size_t r);

#endif
