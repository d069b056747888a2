/*
 * What the Terraform importer's files share: the resources read from the
 * document, the design being built as a JSON tree, and the findings.
 * Hidden keys (starting with "\x01") ride on the design's elements and are
 * never written: which fields are defaults, whether the element was
 * imported (dropped when nothing references it) or is a placeholder.
 */
#ifndef NSP_IMP_INT_H
#define NSP_IMP_INT_H

#include <jansson.h>

#include "import.h"
#include "model/util.h"

#define IMP_DEF "\x01" "def"  /* array of field paths holding defaults */
#define IMP_IMP "\x01" "imp"  /* true: imported pop, router or cloud */
#define IMP_PH "\x01" "ph"    /* true: a placeholder element */
#define IMP_IDX "\x01" "idx"  /* on the design: "list\x1fid" -> element */

struct tf_res {
	const char *address;  /* borrowed from the document */
	char *type, *name;
	char *module;         /* "module.a[\"x\"]" path, "" at the root */
	char *mod_nokeys;     /* module names only: "a.b" */
	char *key;            /* the instance key as written, NULL if none */
	bool data;
	json_t *values, *unknown, *sensitive; /* borrowed */
	bool deleted, replaced;
	struct nsp_loc loc;   /* the resource object's '{' */
	char *id;             /* §3.1, no PART */
	bool used;            /* made or fed an element */
};

struct imp {
	const struct nsp_import_opts *opts;
	const char *buf;
	size_t len;
	json_t *doc, *config; /* config: configuration.root_module or NULL */
	bool plan;
	struct tf_res *r;
	size_t nr;
	json_t *design;      /* sites, clouds, pops, routers, circuits... */
	struct nsp_import *out;
	size_t unmapped, unmapped_types;
	size_t imported;     /* resources imported */
	json_t *locs;        /* address -> [line, col] of its object */
	json_t *seen;        /* addresses read */
	json_t *by_addr;     /* address -> index into r, after sorting */
	json_t *indexes;     /* lookup indexes of map.c, built on first use */
};

/* Add a finding at loc. */
void imp_find(struct imp *im, const char *code, enum nsp_imp_sev sev,
	      struct nsp_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Sort out's findings by file (the input's first), place, code, text. */
void imp_sort_findings(struct nsp_import *out);
/* Add an input error of file at loc. */
void imp_error(struct imp *im, const char *file, struct nsp_loc loc,
	       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* An id built on another id, fitted to FORMAT's pattern (§3.1); takes id. */
char *imp_fit_id(char *id);
/*
 * Parse a resource address into r's module, type, name, key and data
 * (ids.c). Returns 0, or -1 when it is not a resource address.
 */
int imp_parse_address(struct tf_res *r, const char *address);

/*
 * A provider of §5 (map_<provider>.c): the resource types that make
 * circuits (each handed to map), the types read only to feed them, and
 * what to say of such a helper that fed nothing (optional).
 */
struct imp_provider {
	const char *const *maps;    /* NULL-terminated */
	void (*map)(struct imp *im, struct tf_res *r);
	const char *const *helpers; /* NULL-terminated, may be NULL */
	void (*unused)(struct imp *im, struct tf_res *r);
};
extern const struct imp_provider imp_aws, imp_gcp;
extern const struct imp_provider imp_azure, imp_ibm, imp_alibaba, imp_oracle;
extern const struct imp_provider imp_megaport, imp_equinix;

/* Whether key of r is unknown at plan time (map.c). */
bool imp_unknown(struct tf_res *r, const char *key);
/* The last non-empty '/'-separated segment of s, fresh (map.c). */
char *imp_last_seg(const char *s);

/* The value rules (§2.3, §4.2) and building blocks of map.c. */
/* A known, non-secret value of r (NULL otherwise; IMP040 when secret). */
json_t *imp_val(struct imp *im, struct tf_res *r, const char *key);
/* A known, non-empty string value of r, or NULL. */
const char *imp_sval(struct imp *im, struct tf_res *r, const char *key);
/* An integer value in lo..hi; IMP001 when there but unusable. */
bool imp_ival(struct imp *im, struct tf_res *r, const char *key,
	      long long lo, long long hi, long long *out);
/* "terraform:ADDRESS" or "terraform:ADDRESS#ATTR" as a JSON string. */
json_t *imp_source(struct tf_res *r, const char *attr);
/* NS/slug(v) as a fresh id (§3.2). */
char *imp_ns_id(const char *ns, const char *v);
/* base + "/" + suffix, fitted; fresh. */
char *imp_sub_id(const char *base, const char *suffix);
/* Add an imported pop, router or cloud once (takes src); returns it. */
json_t *imp_imported(struct imp *im, const char *list, const char *id,
		     json_t *src, bool placeholder);
/* "<n>Mbps"/"<n>Gbps" or Google's "BPS_<n>M|G" in Mbit/s; 0 when not. */
uint64_t imp_parse_bw(const char *s);
/* Set bandwidth_mbps of circuit c from string attr of r; IMP001 if bad. */
void imp_set_bw(struct imp *im, json_t *c, struct tf_res *r,
		const char *attr);
/* Whether s is ADDR/LEN with an IPv4 or IPv6 address. */
bool imp_cidr_like(const char *s);
/* The address part of s (before '/') as a JSON string. */
json_t *imp_addr_part(const char *s);
/* The bgp mapping of circuit c, created on first use. */
json_t *imp_bgp_of(json_t *c);
/* The circuit of resource r, added to the design (r counts as used). */
json_t *imp_circuit(struct imp *im, struct tf_res *r);
/* Set z of c to router, with an optional port; def marks z.router. */
void imp_set_z(json_t *c, const char *router, const char *port, bool def);
/* An edge router id in pop for cloud (takes src), placeholder or not. */
void imp_edge_router(struct imp *im, const char *id, json_t *src,
		     const char *pop, const char *cloud, bool ph);
/* A fallback cloud (§4.1) named id (takes src). */
void imp_fallback_cloud(struct imp *im, const char *id, json_t *src);
/* Attribute attr of r resolved through configuration to type want (links.c). */
struct tf_res *imp_by_config(struct imp *im, struct tf_res *r,
			     const char *attr, const char *want);
/* The resource of type want whose keyattr equals v, or NULL (links.c). */
struct tf_res *imp_by_value(struct imp *im, const char *want,
			    const char *keyattr, const char *v,
			    bool last_segment);

/* The building blocks of map_blocks.c (Azure, IBM, Alibaba, Oracle). */
/* r seen from element i of its nested block (an object or a list). */
struct tf_res imp_sub(struct tf_res *r, const char *block, size_t i);
/* How many elements block of r has (an object counts one). */
size_t imp_block_len(struct tf_res *r, const char *block);
/* Whether block of r is a non-empty list or an object. */
bool imp_has_block(struct tf_res *r, const char *block);
/* The circuit of r with PART part, added to the design (r counts once). */
json_t *imp_circuit_part(struct imp *im, struct tf_res *r, const char *part);
/* A known number of r (integer, real or decimal string). */
bool imp_num(struct imp *im, struct tf_res *r, const char *key, double *out);
/* "<n>[ ]Mbps|Gbps" or "<n>[G]Base-…" in Mbit/s; negative when neither. */
double imp_bw_text(const char *s);
/* Set bandwidth_mbps of c (from attr of r): IMP080 under 1, IMP001 bad. */
void imp_put_bw(struct imp *im, json_t *c, struct tf_res *r, const char *attr,
		double mbps);
/* Set c's carrier to slug(name). */
void imp_set_carrier(json_t *c, const char *name);
/* The n-th host of prefix s (network + n), "/LEN" kept when with_len. */
char *imp_host_of(const char *s, unsigned n, bool with_len);
/* The prefix length of a dotted IPv4 mask, or -1. */
int imp_mask_len(const char *mask);
/* The cloud of gateway resource gw (its id, provider prov). */
const char *imp_gateway_cloud(struct imp *im, struct tf_res *gw,
			      const char *prov);
/* An external gateway's cloud NS/slug(last segment of value); fresh id. */
char *imp_external_cloud(struct imp *im, struct tf_res *r, const char *attr,
			 const char *ns, const char *value, const char *prov);
/* attr of element idx of nested block of r, through configuration (links.c). */
struct tf_res *imp_by_config_at(struct imp *im, struct tf_res *r,
				const char *block, size_t idx,
				const char *attr, const char *want);
/*
 * Dotted paths (`a_end.vlan`, `z_side.access_point.type`: an object's
 * member, or of a list's first element) of r's values (map.c).
 */
/* The raw value, NULL when absent, null or unknown; never for output. */
json_t *imp_raw(struct tf_res *r, const char *path);
/* Whether path (or an ancestor) is unknown at plan time. */
bool imp_punknown(struct tf_res *r, const char *path);
/* A known, non-secret value (IMP040 when secret), as imp_val. */
json_t *imp_pval(struct imp *im, struct tf_res *r, const char *path);
/* A known, non-empty, non-secret string, or NULL. */
const char *imp_psval(struct imp *im, struct tf_res *r, const char *path);
/* An integer in lo..hi at path; IMP001 when there but unusable. */
bool imp_pival(struct imp *im, struct tf_res *r, const char *path,
	       long long lo, long long hi, long long *out);
/* Indexes into im->r of the resources of type (data included), cached. */
json_t *imp_of_type(struct imp *im, const char *type);
/* Record what the provider sends to rank circuit c (IMP041 when it differs). */
void imp_provider_pref(json_t *c, const char *attr, long long v);
/* Record the cloud circuit c reaches (split per cloud after mapping). */
void imp_z_cloud(json_t *c, const char *cloud);
/* Google's metro and edge domain on pop from location l (map_gcp.c). */
void imp_gcp_pop_fields(json_t *pop, const char *l);
/* The edge domain number a name suggests ("Zone 2"), or 0 (map_megaport.c). */
int imp_name_zone(const char *name);
/*
 * The resource of type want whose attribute key equals r's value at path
 * (compared in memory: keys are secrets), else the one path references;
 * NULL when none (joins.c, §5.9).
 */
struct tf_res *imp_join_by(struct imp *im, struct tf_res *r,
			   const char *path, const char *want, const char *key);
/* The exchange-to-cloud joins of §5.9 (joins.c). */
void imp_joins(struct imp *im);

/* Map the resources into im->design (terraform map pass). */
void imp_map(struct imp *im);
/*
 * Member key of object o, created empty (an array when array, else an
 * object) when o has none.
 */
json_t *imp_member(json_t *o, const char *key, bool array);
/*
 * Where element or overlay mapping e was given: the line and column of its
 * "\x01at" (a resource's '{', an overlay line), else 1:1.
 */
struct nsp_loc imp_at_loc(json_t *e);
/* The element of list (clouds, pops, ...) with id, or NULL. */
json_t *imp_elem(json_t *design, const char *list, const char *id);
/* Get or add the element of list with id; *added tells which. */
json_t *imp_elem_add(json_t *design, const char *list, const char *id,
		     bool *added);
/* Drop id of list from the index (the element is being removed). */
void imp_elem_forget(json_t *design, const char *list, const char *id);
/* Mark field path of element e a default. */
void imp_default(json_t *e, const char *path);
bool imp_is_default(json_t *e, const char *path);

/* Overlays, gaps, dropping, output (merge.c). */
int imp_overlays(struct imp *im);
void imp_gaps(struct imp *im);
char *imp_emit(json_t *design, const char *header, bool json, size_t *len,
	       const struct nsp_import_opts *opts, struct nsp_import *out);
/*
 * The summary line (§1.2) into b: "NAME: <in> <unit>s imported into N
 * elements (...)", counting the elements of design whose source starts
 * with prefix (made from the input, not an overlay), per list. The
 * importer adds what it left out; imp_summary_end adds the finding
 * counts and makes b o->summary.
 */
void imp_summary_start(struct nsp_buf *b, json_t *design, const char *name,
		       size_t in, const char *unit, const char *prefix);
void imp_summary_end(struct nsp_buf *b, struct nsp_import *o);
/*
 * The --skeleton overlay (§7.4): `nospof_overlay: 1` and one commented-out
 * entry per gap, placeholder and default of design, with its finding.
 */
char *imp_skeleton(json_t *design, const char *header);

/* Shared with the NetBox importer (tf.c, ids.c): line:col of byte off,
 * the depth check, jansson's message without its echo, the design's
 * validation, and NS/slug(v1)/slug(v2)... ids (§3.2). */
struct nsp_loc imp_loc_of(const char *buf, size_t off);
bool imp_too_deep(const char *buf, size_t len, unsigned max, size_t *at);
void imp_strip_near(char *text);
int imp_validate(struct imp *im);
char *imp_ns_idv(const char *ns, const char *const *v, size_t n);

#endif
