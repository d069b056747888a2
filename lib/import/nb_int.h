/*
 * What the NetBox importer's files share (IMPORT.md §6): the endpoints,
 * the store of objects read from list responses with where each one is,
 * the trace of a circuit end, and what a live fetch still needs.
 */
#ifndef NSP_NB_INT_H
#define NSP_NB_INT_H

#include <curl/curl.h>

#include "imp_int.h"

enum nb_ep {
	NB_CIRCUITS, NB_TERMS, NB_PROVIDERS, NB_PNETS, NB_GROUPS, NB_CABLES,
	NB_IFACES, NB_DEVICES, NB_SITES, NB_FRONT, NB_REAR, NB_LOCATIONS,
	NB_NEP
};

/* One endpoint: its name, its app, whether --from needs it. */
struct nb_ep_info {
	const char *name, *app;
	bool required;
};
extern const struct nb_ep_info nb_eps[NB_NEP];

/* The objects read, by endpoint and id, and where each one is. */
struct nb_store {
	json_t *objs[NB_NEP];  /* "id" -> object */
	json_t *at[NB_NEP];    /* "id" -> [page, line, col] */
	json_t *front_by_rear; /* "rear id:position" -> front port */
	/* per endpoint: the runs of pages (count, results so far) */
	json_int_t run_count[NB_NEP], run_seen[NB_NEP];
	size_t run_page[NB_NEP];  /* the page that started the run */
	bool run_open[NB_NEP];
	size_t npages[NB_NEP];
};

/* What a live fetch still needs: ids per endpoint, rear ports' fronts. */
struct nb_need {
	json_t *ids[NB_NEP];   /* "id" -> true */
	json_t *rears;         /* rear port id -> true */
	json_t *asked[NB_NEP]; /* ids fetched already */
	json_t *rears_asked;
};

/* How a trace ended (§6.3). */
enum nb_end_kind {
	NB_REACHED,   /* an interface */
	NB_NOCABLE,   /* the termination has no cable */
	NB_CIRCUIT,   /* another circuit's termination */
	NB_LOST,      /* anything else, a missing object, 32 hops */
	NB_NEED       /* live: an object still to fetch */
};

struct nb_end {
	enum nb_end_kind kind;
	json_t *iface;     /* NB_REACHED: the interface (borrowed) */
	json_t *cables;    /* the cables traced, in order (owned) */
	char *why;         /* NB_CIRCUIT, NB_LOST: what happened */
	char *split;       /* a cable whose far side has several objects */
};

/* The NetBox importer: the Terraform importer's state plus the store. */
struct nbi {
	struct imp im;
	struct nsp_import_opts opts; /* the caller's, with the pages */
	struct nb_store s;
	const struct nsp_nb_filters *flt;
	const char *dir;       /* the name the design is reported under */
	size_t nov;            /* overlays: pages come after them (origins) */
	size_t circuits_in, circuits_out;
};

/* Add one page of endpoint ep named name (nb.c); 0, or -1 (INPUT). */
int nb_add_page(struct nbi *nb, enum nb_ep ep, const char *name,
		const char *buf, size_t len);
/* Keep a page name in out->files (messages point to it); its index. */
size_t nb_add_file(struct nbi *nb, const char *name);
/* After the last page: every run adds up to its count (nb.c). */
void nb_close_runs(struct nbi *nb);
/* The object of ep with id, or NULL. */
json_t *nb_get(struct nb_store *s, enum nb_ep ep, json_int_t id);
/* The id of a nested object ({"id": n}), or -1. */
json_int_t nb_id(json_t *o);
/* A finding in the page of object id of ep (at its '{'). */
void nb_find(struct nbi *nb, enum nb_ep ep, json_int_t id, const char *code,
	     enum nsp_imp_sev sev, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* The "\x01at" of object id of ep, for an element. */
json_t *nb_at(struct nbi *nb, enum nb_ep ep, json_int_t id);

/* Trace a circuit termination to its end (nb_trace.c). */
void nb_trace(struct nb_store *s, json_t *term, struct nb_end *e,
	      struct nb_need *need);
void nb_end_free(struct nb_end *e);

/* Map the store's circuits into nb->im.design (nb_map.c). */
void nb_map(struct nbi *nb);
/* Whether circuit c passes the filters that need no trace (nb_map.c). */
bool nb_filter_circuit(const struct nsp_nb_filters *f, json_t *c);

/* The import of a filled store: map, overlays, gaps, emit (nb.c). */
int nb_finish(struct nbi *nb);
void nb_free(struct nbi *nb);
/* Start an import: the state, the output (nb.c). */
void nb_init(struct nbi *nb, const char *dir,
	     const struct nsp_nb_filters *flt,
	     const struct nsp_import_opts *opts, struct nsp_import *out);

/*
 * The libcurl functions a live fetch calls (nb_curl.c opens the library
 * at the first one): each entry is curl_<name>.
 */
struct nb_curl {
	__typeof__(curl_global_init) *global_init;
	__typeof__(curl_global_cleanup) *global_cleanup;
	__typeof__(curl_easy_init) *easy_init;
	__typeof__(curl_easy_setopt) *easy_setopt;
	__typeof__(curl_easy_perform) *easy_perform;
	__typeof__(curl_easy_getinfo) *easy_getinfo;
	__typeof__(curl_easy_cleanup) *easy_cleanup;
	__typeof__(curl_easy_strerror) *easy_strerror;
	__typeof__(curl_easy_escape) *easy_escape;
	__typeof__(curl_free) *free;
	__typeof__(curl_getdate) *getdate;
	__typeof__(curl_slist_append) *slist_append;
	__typeof__(curl_slist_free_all) *slist_free_all;
	__typeof__(curl_url) *url;
	__typeof__(curl_url_cleanup) *url_cleanup;
	__typeof__(curl_url_get) *url_get;
	__typeof__(curl_url_set) *url_set;
};
/* The functions, or NULL with *why saying what is missing. */
const struct nb_curl *nb_curl_open(const char **why);

#endif
