/*
 * Helpers shared by the routing rules (ECMP, BGP, BFD, STATIC, IP): member
 * filtering by class and routing method, grouping members by a value, the
 * effective AS_PATH and prefix sets as text, and which rule owns a
 * circuit's failover finding.
 */
#ifndef NSP_RULES_ROUTING_H
#define NSP_RULES_ROUTING_H

#include "analysis/failover.h"
#include "div.h"
#include "providers/providers.h"

/* Which members of a stage a routing rule looks at (bits). */
enum nsp_pick {
	NSP_PICK_PREFERRED = 1 << 0, /* role active or primary */
	NSP_PICK_BACKUP = 1 << 1,    /* role backup */
	NSP_PICK_BGP = 1 << 2,       /* BGP circuits only */
	NSP_PICK_STATIC = 1 << 3     /* static circuits only */
};

/* Whether circuit c matches pick. */
bool nsp_picked(const struct nsp_circuit *c, unsigned pick);

/*
 * Call fn for every stage of every demand that has at least min members
 * matching pick, with the members filtered to those (in file order).
 */
void nsp_each_picked_stage(struct nsp_ctx *ctx, unsigned pick, size_t min,
			   void (*fn)(struct nsp_ctx *,
				      const struct nsp_members *));

/* The value of one circuit as text, for grouping; the caller frees it. */
typedef char *(*nsp_value_fn)(const struct nsp_model *m,
			      const struct nsp_circuit *c);

/*
 * Whether two circuits have the same value, compared as values: when true,
 * their value texts are the same too (false may still give equal texts).
 */
typedef bool (*nsp_same_fn)(const struct nsp_model *m,
			    const struct nsp_circuit *a,
			    const struct nsp_circuit *b);

/*
 * Group the members by value: returns the number of distinct values, sets
 * *text to "'a' and 'b' [x]; 'c' [y]" and *common to the value most members
 * share (the first such on a tie). The caller frees both. When same (may
 * be NULL) says every member is the same as the first, no text is made:
 * returns 1 with *text and *common NULL.
 */
size_t nsp_group_members(const struct nsp_members *s, nsp_same_fn same,
			 nsp_value_fn fn, char **text, char **common);

/* Whether two prefix lists are the same, in the same order. */
bool nsp_same_prefixes(const struct nsp_prefixes *a,
		       const struct nsp_prefixes *b);

/* "[65003 65003]": a circuit's effective AS_PATH. */
char *nsp_as_path_text(const struct nsp_bgp *b);
/* "[10.0.0.0/8, 192.168.0.0/16]": a prefix set, sorted, duplicates once. */
char *nsp_prefixes_text(const struct nsp_prefixes *p);

/*
 * How circuit c notices a failure, in words, its durations in unit u: "900
 * ms (BFD 300 ms x 3)", "90 s (the BGP hold time, negotiated: ours 180 s,
 * AWS Direct Connect's 90 s)", "never (static routing without a health
 * check)".
 */
char *nsp_failover_text(const struct nsp_model *m, const struct nsp_circuit *c,
			enum nsp_time_unit u);
/* The longest duration nsp_failover_text prints for c, in ms. */
uint64_t nsp_failover_longest_ms(const struct nsp_model *m,
				 const struct nsp_circuit *c);

/* The BFD interval and multiplier a circuit's session runs at. */
void nsp_bfd_negotiated(const struct nsp_model *m, const struct nsp_circuit *c,
			uint64_t *interval_ms, uint64_t *multiplier);

/*
 * The circuits that carry a demand next to another circuit at the same
 * stage, so that their failover matters: an array of m->ncircuits flags,
 * freed by the caller.
 */
bool *nsp_circuits_with_alternative(const struct nsp_model *m);

/*
 * The one rule that reports a circuit's failover (RULES.md): BFD002 when
 * BFD is one-sided, else STATIC001 for static routing without a health
 * check, else BGP006 when the failover time exceeds intent.failover_ms,
 * else BFD001 for BGP without BFD on both sides.
 */
enum nsp_failover_rule {
	NSP_FO_NONE,
	NSP_FO_BFD002,
	NSP_FO_STATIC001,
	NSP_FO_BGP006,
	NSP_FO_BFD001
};
enum nsp_failover_rule nsp_failover_rule(const struct nsp_model *m,
					 const struct nsp_circuit *c);

/*
 * What decides which of two circuits a provider prefers for return
 * traffic, in the order it looks: local-preference communities (where the
 * provider reads them: AWS), the location homed in the cloud's Region
 * (AWS), AS_PATH length, then MED.
 */
enum nsp_pref_by {
	NSP_BY_NOTHING,	  /* a tie */
	NSP_BY_COMMUNITY, /* local-preference communities */
	NSP_BY_REGION,	  /* a location in the cloud's Region first */
	NSP_BY_PATH,	  /* the shorter AS_PATH */
	NSP_BY_MED,	  /* the lower MED, where the provider honours it */
	NSP_BY_MED_UNRELIABLE /* the lower MED, for a provider that may not */
};

/*
 * How the provider ranks circuits x and y for return traffic: > 0 when it
 * prefers x, < 0 y, 0 when it does not tell them apart or nospof cannot
 * know which it takes. *by says what decided, or for 0 what leaves it open
 * (NSP_BY_REGION: the locations are homed in different Regions and the
 * cloud's is not given; NSP_BY_COMMUNITY: one carries the medium
 * community and the other none, an order the provider does not document).
 * MED counts only with med_used; a provider that may ignore it gives
 * NSP_BY_MED_UNRELIABLE.
 */
int nsp_return_cmp(const struct nsp_model *m, const struct nsp_circuit *x,
		   const struct nsp_circuit *y, bool med_used,
		   enum nsp_pref_by *by);

/* The region of the PoP circuit c lands in, or NULL. */
const char *nsp_landing_region(const struct nsp_model *m,
			       const struct nsp_circuit *c);
/* The region of the cloud circuit c hands traffic to, or NULL. */
const char *nsp_cloud_region(const struct nsp_model *m,
			     const struct nsp_circuit *c);

/*
 * How the provider tells backup circuit b from the preferred members p on
 * return traffic, compared with each of them: by local-preference
 * communities, by the location in the cloud's Region, by a longer AS_PATH,
 * by a higher MED (where the provider is not known to ignore MED), by a
 * higher MED only for a provider that may not honour it, or not at all.
 * With several primaries the weakest of the marks is returned. When not
 * marked, *why (if not NULL) is what decided against the backup, or left
 * it open, and *against the primary it was compared with.
 */
enum nsp_mark {
	NSP_MARK_COMMUNITY,
	NSP_MARK_REGION,
	NSP_MARK_PATH,
	NSP_MARK_MED,
	NSP_MARK_MED_UNRELIABLE,
	NSP_MARK_NONE
};
enum nsp_mark nsp_return_mark(const struct nsp_members *p,
			      const struct nsp_circuit *b,
			      enum nsp_pref_by *why,
			      const struct nsp_circuit **against);
/* Whether backup b's local_pref is lower than every preferred member's. */
bool nsp_outbound_marked(const struct nsp_members *p,
			 const struct nsp_circuit *b);
/* The longest AS_PATH and the highest MED among the members. */
size_t nsp_longest_as_path(const struct nsp_members *s);
uint32_t nsp_highest_med(const struct nsp_members *s);

/* The cloud (else the router) a circuit's z end hands traffic to. */
const char *nsp_far_end(const struct nsp_model *m, const struct nsp_circuit *c);

/* Name circuit c in finding f, with its field as a related location. */
void nsp_relate_circuit(struct nsp_finding *f, const struct nsp_model *m,
			const struct nsp_circuit *c, const char *field,
			const char *what);

/* "/circuits/3" and "/circuits/3/<field>" into the given buffers. */
void nsp_circuit_pointers(const struct nsp_model *m,
			  const struct nsp_circuit *c, const char *field,
			  char *ptr, size_t nptr, char *fptr, size_t nfptr);

#endif
