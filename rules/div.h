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

/*
 * The same for the rules that report a shared element whose failure cuts
 * the demand (DIV001-DIV007, HA001): fn reports with nsp_report_cut, and
 * the findings are written once every stage was seen, one per shared
 * element and set of circuits, naming every demand they cut.
 */
void nsp_each_cut_stage(struct nsp_ctx *ctx, size_t min,
			void (*fn)(struct nsp_ctx *,
				   const struct nsp_members *));

/*
 * What every member of a stage shares. The finding's severity comes from
 * the strictest class the sharing violates: an error when the element's
 * own class is required (intent.survive), or when it lies in an element
 * of a required class (a port in its router, a router in its PoP, a PoP
 * in its facility, metro and edge domain, each under its own and its
 * containers' shared-risk tags); a warning otherwise.
 */
struct nsp_share {
	enum nsp_class cls;
	size_t router;        /* ROUTER: it; PORT: the port's router */
	const char *port;     /* PORT */
	size_t pop;           /* POP */
	const char *value;    /* FACILITY, METRO, EDGE_DOMAIN, CARRIER, SRLG */
	size_t circuit;       /* CIRCUIT: the lone circuit */
	const char *element;  /* named besides the circuits, or NULL */
	const char *field;    /* located at this field of the last member */
	const char *cut;      /* what cuts the demand: "its failure" */
	const char *fix;      /* what to change */
	bool per_demand;      /* one finding per demand, not per stage */
	bool lone;            /* "demand x is carried by circuit c alone" */
};

/*
 * Report the members' shared element: "circuits 'a' and 'b' of demand
 * 'x' -> 'y' <what> : <cut> cuts the demand[, and so does the failure of
 * <container> (intent.survive: <class>)]; <fix>".
 */
void nsp_report_cut(struct nsp_ctx *ctx, const struct nsp_members *s,
		    const struct nsp_share *sh, const char *what, ...)
	__attribute__((format(printf, 4, 5)));

/* The severity of a finding about a failure class. */
enum nsp_severity nsp_class_severity(const struct nsp_model *m,
				     enum nsp_class cls);
/* "router 'x1'", "PoP 'p1'", "shared-risk tag 'duct-1'" */
char *nsp_class_label(enum nsp_class cls, const char *name);

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
/* The same for any circuits. */
char *nsp_circuit_list(const struct nsp_model *m, const size_t *c, size_t n);
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
