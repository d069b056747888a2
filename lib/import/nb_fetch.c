/*
 * A live NetBox (IMPORT.md §6.2) through libcurl: the URL's rules, the
 * token from the caller (NETBOX_TOKEN) in the Authorization header and
 * nowhere else, TLS always verified (the system store plus --ca-cert),
 * the selection (filtered circuits, then what the traces of §6.3 need, by
 * id, at most 100 per request), pagination through `next` on the same
 * scheme, host and port, timeouts, retries with backoff honouring
 * Retry-After, and --save. The pages fetched go into the same store as
 * --from's, so both modes give the same design.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "nb_int.h"

#define MAX_IDS 100    /* ids per request */
#define MAX_RETRIES 5
#define MAX_PAGES 10000 /* pages of one listing */

/* libcurl's functions, opened by nsp_import_netbox_url */
static const struct nb_curl *lc;

struct fetch {
	struct nbi *nb;
	struct nsp_nb_live *live;
	CURL *h;
	struct curl_slist *hdr;
	char *base;              /* URL without a trailing '/' */
	char *scheme, *host;     /* of the base, lowered */
	long port;
	struct nsp_buf body;
	size_t max;              /* the page size limit */
	bool too_big;
	char retry_after[64];
	unsigned next_page[NB_NEP]; /* the number of the next page saved */
	size_t requests, objects;
	char *cabundle;          /* system store plus --ca-cert, or NULL */
	size_t cabundle_len;
	int failed;              /* -1: input error, -3: live->error set */
};

/* Fail the fetch with a message (exit 3); never names the token. */
static void fail(struct fetch *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void fail(struct fetch *f, const char *fmt, ...)
{
	if (f->failed)
		return;
	va_list ap;
	va_start(ap, fmt);
	f->live->error = nsp_xvasprintf(fmt, ap);
	va_end(ap);
	f->failed = -3;
}

/* libcurl's body callback: keep at most max bytes. */
static size_t on_body(char *p, size_t sz, size_t n, void *ctx)
{
	struct fetch *f = ctx;
	if (f->body.len + sz * n > f->max) {
		f->too_big = true;
		return 0;
	}
	nsp_buf_add(&f->body, p, sz * n);
	return sz * n;
}

/* libcurl's header callback: keep Retry-After. */
static size_t on_header(char *p, size_t sz, size_t n, void *ctx)
{
	struct fetch *f = ctx;
	size_t len = sz * n;
	if (len > 12 && !strncasecmp(p, "Retry-After:", 12)) {
		size_t k = len - 12;
		const char *v = p + 12;
		while (k && (*v == ' ' || *v == '\t')) {
			v++;
			k--;
		}
		while (k && (v[k - 1] == '\r' || v[k - 1] == '\n' ||
			     v[k - 1] == ' '))
			k--;
		if (k >= sizeof(f->retry_after))
			k = sizeof(f->retry_after) - 1;
		memcpy(f->retry_after, v, k);
		f->retry_after[k] = '\0';
	}
	return len;
}

/* Seconds to wait before retry n (1..5): Retry-After or 2^(n-1). */
static long backoff(struct fetch *f, int n)
{
	long w = 1L << (n - 1), ra = -1;
	const char *s = f->retry_after;
	if (*s && strspn(s, "0123456789") == strlen(s) && strlen(s) < 9) {
		ra = strtol(s, NULL, 10);
	} else if (*s) {
		time_t t = lc->getdate(s, NULL);
		if (t > 0)
			ra = (long)(t - time(NULL));
	}
	if (ra > 300)
		ra = 300;
	return ra > w ? ra : w;
}

/* Sleep s seconds. */
static void pause_s(long s)
{
	struct timespec ts = {s, 0};
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* The path of a URL, without query, for messages. */
static char *path_of(const char *u)
{
	const char *p = strstr(u, "://");
	p = p ? strchr(p + 3, '/') : NULL;
	return nsp_xstrndup(p ? p : "/", p ? strcspn(p, "?#") : 1);
}

/* Parse scheme, host and port of u; 0, or -1 when not http(s)://. */
static int split_url(const char *u, char **scheme, char **host, long *port,
		     bool *userinfo)
{
	CURLU *cu = lc->url();
	char *sc = NULL, *ho = NULL, *po = NULL, *us = NULL;
	int rc = -1;
	if (!lc->url_set(cu, CURLUPART_URL, u, 0) &&
	    !lc->url_get(cu, CURLUPART_SCHEME, &sc, 0) &&
	    !lc->url_get(cu, CURLUPART_HOST, &ho, 0) &&
	    !lc->url_get(cu, CURLUPART_PORT, &po, CURLU_DEFAULT_PORT) &&
	    (!strcmp(sc, "https") || !strcmp(sc, "http"))) {
		*userinfo = !lc->url_get(cu, CURLUPART_USER, &us, 0);
		*scheme = nsp_xstrdup(sc);
		*host = nsp_xstrdup(ho);
		for (char *c = *host; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		*port = strtol(po, NULL, 10);
		rc = 0;
	}
	lc->free(sc);
	lc->free(ho);
	lc->free(po);
	lc->free(us);
	lc->url_cleanup(cu);
	return rc;
}

/* Whether host is a loopback name or address. */
static bool loopback(const char *h)
{
	return !strcmp(h, "localhost") || !strncmp(h, "127.", 4) ||
	       !strcmp(h, "[::1]") || !strcmp(h, "::1");
}

/* Save a page under --save as <ep>.<n>.json; false after a failure. */
static bool save(struct fetch *f, enum nb_ep ep, const char *buf, size_t len)
{
	char *p = nsp_xasprintf("%s/%s.%u.json", f->live->save,
				nb_eps[ep].name, f->next_page[ep]);
	FILE *o = fopen(p, "wb");
	bool ok = o && fwrite(buf, 1, len, o) == len;
	if (o && fclose(o))
		ok = false;
	if (!ok)
		fail(f, "--save: cannot write '%s'", p);
	free(p);
	return ok;
}

/*
 * GET url with retries; 0 with the body in f->body, 1 for a 404 the
 * caller may accept, or -1 (failed set).
 */
static int get(struct fetch *f, const char *url, bool optional)
{
	for (int attempt = 0;; attempt++) {
		f->body.len = 0;
		f->too_big = false;
		f->retry_after[0] = '\0';
		lc->easy_setopt(f->h, CURLOPT_URL, url);
		CURLcode c = lc->easy_perform(f->h);
		f->requests++;
		long status = 0;
		lc->easy_getinfo(f->h, CURLINFO_RESPONSE_CODE, &status);
		char *path = path_of(url);
		bool transient = c == CURLE_OPERATION_TIMEDOUT ||
				 c == CURLE_RECV_ERROR || c == CURLE_SEND_ERROR ||
				 c == CURLE_GOT_NOTHING ||
				 (c == CURLE_OK && (status == 429 ||
						    status == 502 ||
						    status == 503 ||
						    status == 504));
		if (transient && attempt < MAX_RETRIES) {
			free(path);
			pause_s(backoff(f, attempt + 1));
			continue;
		}
		int rc = -1;
		if (f->too_big || c == CURLE_FILESIZE_EXCEEDED)
			rc = 2;
		else if (c != CURLE_OK)
			fail(f, "%s: %s", path, lc->easy_strerror(c));
		else if (status == 401 || status == 403)
			fail(f, "NETBOX_TOKEN was refused (HTTP %ld at %s)",
			     status, path);
		else if (status == 404 && optional)
			rc = 1;
		else if (status == 404)
			fail(f, "HTTP 404 at %s: is %s a NetBox (its URL "
			     "without /api)?", path, f->base);
		else if (status >= 300 && status < 400)
			fail(f, "HTTP %ld at %s: redirected; give the URL "
			     "NetBox answers at", status, path);
		else if (status != 200)
			fail(f, "HTTP %ld at %s%s", status, path,
			     transient ? " (after 5 retries)" : "");
		else
			rc = 0;
		free(path);
		return rc;
	}
}

/* A name for page n of ep: in --save's directory, else "netbox/". */
static char *page_name(struct fetch *f, enum nb_ep ep)
{
	return nsp_xasprintf("%s/%s.%u.json", f->live->save ? f->live->save
			     : "netbox", nb_eps[ep].name, f->next_page[ep]);
}

/*
 * One listing: GET the first page with query q, follow next to null.
 * Returns 0, or -1 (failed set). A 404 of an optional endpoint is 0.
 */
static int listing(struct fetch *f, enum nb_ep ep, const char *q,
		   bool optional)
{
	char *url = nsp_xasprintf("%s/api/%s/%s/?limit=1000&ordering=id%s",
				  f->base, nb_eps[ep].app, nb_eps[ep].name, q);
	json_t *seen = json_object();
	int ret = 0;
	for (size_t n = 0; url && !f->failed; n++) {
		if (json_object_get(seen, url) || n >= MAX_PAGES) {
			char *nm = page_name(f, ep);
			size_t fi = nb_add_file(f->nb, nm);
			imp_error(&f->nb->im, f->nb->im.out->files[fi],
				  (struct nsp_loc){1, 1},
				  "'next' leads back to a page fetched "
				  "already (or past %d pages): not a NetBox "
				  "list", MAX_PAGES);
			free(nm);
			f->failed = -1;
			break;
		}
		json_object_set_new(seen, url, json_true());
		int rc = get(f, url, optional && n == 0);
		if (rc == 1 || rc < 0)
			break;
		f->next_page[ep]++;
		char *nm = page_name(f, ep);
		if (f->live->save && !save(f, ep, f->body.s ? f->body.s : "",
					   f->body.len)) {
			free(nm);
			break;
		}
		size_t before = f->nb->im.out->errors.n;
		if (rc == 2)
			nb_add_page(f->nb, ep, nm, "", f->max + 1);
		else
			nb_add_page(f->nb, ep, nm, f->body.s ? f->body.s : "",
				    f->body.len);
		free(nm);
		if (f->nb->im.out->errors.n > before) {
			f->failed = -1;
			break;
		}
		/* the next page: only on the same scheme, host and port */
		json_t *doc = json_loadb(f->body.s, f->body.len, 0, NULL);
		f->objects += json_array_size(json_object_get(doc, "results"));
		const char *next = json_string_value(json_object_get(doc,
								      "next"));
		free(url);
		url = NULL;
		if (next) {
			char *sc = NULL, *ho = NULL;
			long po = 0;
			bool ui = false;
			if (split_url(next, &sc, &ho, &po, &ui) < 0 ||
			    strcmp(sc, f->scheme) || strcmp(ho, f->host) ||
			    po != f->port || ui) {
				fail(f, "a 'next' link of %s leaves %s://%s:%ld "
				     "(to another scheme, host or port): not "
				     "followed", nb_eps[ep].name, f->scheme,
				     f->host, f->port);
			} else {
				url = nsp_xstrdup(next);
			}
			free(sc);
			free(ho);
		}
		json_decref(doc);
		if (f->live->progress)
			f->live->progress(f->live->progress_ctx, f->requests,
					  f->objects);
	}
	free(url);
	json_decref(seen);
	if (f->failed)
		ret = -1;
	return ret;
}

/*
 * Fetch the ids of set (id -> true) from ep, MAX_IDS per request, each
 * query with extra appended.
 */
static int by_ids_x(struct fetch *f, enum nb_ep ep, json_t *set,
		    const char *param, json_t *asked, const char *extra)
{
	const char *k;
	json_t *v;
	struct nsp_buf q = {0};
	size_t n = 0;
	json_object_foreach(set, k, v) {
		json_object_set_new(asked, k, json_true());
		nsp_buf_printf(&q, "&%s=%s", param, k);
		if (++n == MAX_IDS) {
			nsp_buf_puts(&q, extra);
			if (listing(f, ep, q.s, !nb_eps[ep].required) < 0)
				break;
			q.len = 0;
			q.s[0] = '\0';
			n = 0;
		}
	}
	if (n && !f->failed) {
		nsp_buf_puts(&q, extra);
		listing(f, ep, q.s, !nb_eps[ep].required);
	}
	nsp_buf_free(&q);
	json_object_clear(set);
	return f->failed ? -1 : 0;
}

/* Fetch the ids of set from ep (by_ids_x with nothing extra). */
static int by_ids(struct fetch *f, enum nb_ep ep, json_t *set,
		  const char *param, json_t *asked)
{
	return by_ids_x(f, ep, set, param, asked, "");
}

/*
 * Fetch the front ports of the rear ports in set, leaving out those held
 * already (id__n), so that no front port comes twice.
 */
static void fronts_of(struct fetch *f, json_t *set, json_t *asked)
{
	struct nsp_buf x = {0};
	const char *k;
	json_t *fp;
	nsp_buf_puts(&x, "");
	json_object_foreach(f->nb->s.objs[NB_FRONT], k, fp) {
		char r[32];
		snprintf(r, sizeof(r), "%lld", (long long)nb_id(
				 json_object_get(fp, "rear_port")));
		if (json_object_get(set, r))
			nsp_buf_printf(&x, "&id__n=%s", k);
	}
	by_ids_x(f, NB_FRONT, set, "rear_port_id", asked, x.s);
	nsp_buf_free(&x);
}

/* Add id of nested object o to set unless the store holds ep/id. */
static void want(struct fetch *f, json_t *set, enum nb_ep ep, json_t *o)
{
	json_int_t id = nb_id(o);
	if (id <= 0 || nb_get(&f->nb->s, ep, id))
		return;
	char k[32];
	snprintf(k, sizeof(k), "%lld", (long long)id);
	json_object_set_new(set, k, json_true());
}

/* Whether a circuit is one the design may import (filters, status). */
static bool wanted(struct fetch *f, json_t *c)
{
	json_t *st = json_object_get(c, "status");
	const char *s = json_string_value(json_is_object(st) ?
					  json_object_get(st, "value") : st);
	return nb_filter_circuit(f->nb->flt, c) &&
	       (!s || !strcmp(s, "active") || !strcmp(s, "planned") ||
		!strcmp(s, "provisioning"));
}

/* The selection of §6.2: circuits, their ends, what the traces need. */
static void select_all(struct fetch *f)
{
	struct nb_store *s = &f->nb->s;
	const struct nsp_nb_filters *fl = f->nb->flt;
	struct nsp_buf q = {0};
	nsp_buf_puts(&q, "");
	const struct {
		const char *param;
		const char **v;
		size_t n;
	} kinds[] = {{"tenant", fl ? fl->tenant : NULL, fl ? fl->ntenant : 0},
		     {"tag", fl ? fl->tag : NULL, fl ? fl->ntag : 0},
		     {"provider", fl ? fl->provider : NULL,
		      fl ? fl->nprovider : 0}};
	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; i < kinds[k].n; i++) {
			char *esc = lc->easy_escape(f->h, kinds[k].v[i], 0);
			nsp_buf_printf(&q, "&%s=%s", kinds[k].param,
				       esc ? esc : "");
			lc->free(esc);
		}
	int rc = listing(f, NB_CIRCUITS, q.s, false);
	nsp_buf_free(&q);
	if (rc < 0)
		return;
	json_t *set = json_object(), *c, *t;
	const char *k;
	json_object_foreach(s->objs[NB_CIRCUITS], k, c)
		if (wanted(f, c))
			json_object_set_new(set, k, json_true());
	json_t *asked = json_object(), *copy = json_deep_copy(set);
	if (by_ids(f, NB_TERMS, set, "circuit_id", asked) < 0 ||
	    by_ids(f, NB_GROUPS, copy, "circuit_id", asked) < 0)
		goto out;
	/* trace until nothing more is needed */
	struct nb_need need = {0};
	for (int e = 0; e < NB_NEP; e++) {
		need.ids[e] = json_object();
		need.asked[e] = json_object();
	}
	need.rears = json_object();
	need.rears_asked = json_object();
	for (int round = 0; round < 80 && !f->failed; round++) {
		json_object_foreach(s->objs[NB_TERMS], k, t) {
			json_t *cc = nb_get(s, NB_CIRCUITS, nb_id(
				json_object_get(t, "circuit")));
			if (!cc || !wanted(f, cc))
				continue;
			struct nb_end e;
			nb_trace(s, t, &e, &need);
			nb_end_free(&e);
		}
		bool more = json_object_size(need.rears) > 0;
		for (int e = 0; e < NB_NEP; e++)
			more |= json_object_size(need.ids[e]) > 0;
		if (!more)
			break;
		for (int e = 0; e < NB_NEP && !f->failed; e++)
			by_ids(f, (enum nb_ep)e, need.ids[e], "id",
			       need.asked[e]);
		if (!f->failed && json_object_size(need.rears))
			fronts_of(f, need.rears, need.rears_asked);
	}
	/* devices, sites, locations, providers, provider networks */
	json_t *dev = json_object(), *site = json_object(),
	       *loc = json_object(), *prov = json_object(),
	       *pn = json_object(), *o;
	json_object_foreach(s->objs[NB_IFACES], k, o)
		want(f, dev, NB_DEVICES, json_object_get(o, "device"));
	json_object_foreach(s->objs[NB_CIRCUITS], k, o)
		want(f, prov, NB_PROVIDERS, json_object_get(o, "provider"));
	json_object_foreach(s->objs[NB_TERMS], k, o) {
		const char *ty = json_string_value(json_object_get(
			o, "termination_type"));
		json_t *tid = json_object_get(o, "termination_id");
		want(f, site, NB_SITES, json_object_get(o, "site"));
		want(f, pn, NB_PNETS, json_object_get(o, "provider_network"));
		if (ty && !strcmp(ty, "dcim.site"))
			want(f, site, NB_SITES, tid);
		if (ty && !strcmp(ty, "dcim.location"))
			want(f, loc, NB_LOCATIONS, tid);
		if (ty && !strcmp(ty, "circuits.providernetwork"))
			want(f, pn, NB_PNETS, tid);
	}
	if (by_ids(f, NB_DEVICES, dev, "id", asked) == 0 &&
	    by_ids(f, NB_LOCATIONS, loc, "id", asked) == 0) {
		json_object_foreach(s->objs[NB_DEVICES], k, o)
			want(f, site, NB_SITES, json_object_get(o, "site"));
		json_object_foreach(s->objs[NB_LOCATIONS], k, o)
			want(f, site, NB_SITES, json_object_get(o, "site"));
		if (by_ids(f, NB_SITES, site, "id", asked) == 0 &&
		    by_ids(f, NB_PROVIDERS, prov, "id", asked) == 0)
			by_ids(f, NB_PNETS, pn, "id", asked);
	}
	json_decref(dev);
	json_decref(site);
	json_decref(loc);
	json_decref(prov);
	json_decref(pn);
	for (int e = 0; e < NB_NEP; e++) {
		json_decref(need.ids[e]);
		json_decref(need.asked[e]);
	}
	json_decref(need.rears);
	json_decref(need.rears_asked);
out:
	json_decref(set);
	json_decref(copy);
	json_decref(asked);
}

/* The system's CA bundle with --ca-cert appended, in memory. */
static int ca_bundle(struct fetch *f)
{
	char *sys = NULL;
	lc->easy_getinfo(f->h, CURLINFO_CAINFO, &sys);
	struct nsp_buf b = {0};
	const char *files[] = {sys, f->live->ca_cert};
	for (int i = 0; i < 2; i++) {
		if (!files[i])
			continue;
		FILE *in = fopen(files[i], "rb");
		if (!in) {
			if (i == 1) {
				fail(f, "--ca-cert: cannot read '%s'", files[i]);
				nsp_buf_free(&b);
				return -1;
			}
			continue;
		}
		char chunk[8192];
		size_t n;
		while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
			nsp_buf_add(&b, chunk, n);
		fclose(in);
		nsp_buf_putc(&b, '\n');
	}
	f->cabundle_len = b.len;
	f->cabundle = nsp_buf_detach(&b);
	struct curl_blob blob = {f->cabundle, f->cabundle_len,
				 CURL_BLOB_NOCOPY};
	lc->easy_setopt(f->h, CURLOPT_CAINFO_BLOB, &blob);
	return 0;
}

/* The Authorization header of §6.2 for token t. */
static char *auth_header(const char *t)
{
	if (!strncmp(t, "Bearer ", 7) || !strncmp(t, "Token ", 6))
		return nsp_xasprintf("Authorization: %s", t);
	return nsp_xasprintf("Authorization: %s %s",
			     !strncmp(t, "nbt_", 4) ? "Bearer" : "Token", t);
}

/* Set up f for live's URL; 0, or -1 (failed set). */
static int setup(struct fetch *f)
{
	struct nsp_nb_live *l = f->live;
	bool ui = false;
	size_t n = strlen(l->url);
	while (n && l->url[n - 1] == '/')
		n--;
	f->base = nsp_xstrndup(l->url, n);
	if (strpbrk(f->base, "?# \t\r\n") ||
	    split_url(f->base, &f->scheme, &f->host, &f->port, &ui) < 0) {
		fail(f, "--url: expected https://HOST[:PORT][/PREFIX]");
		return -1;
	}
	if (ui) {
		fail(f, "--url: no user information in the URL; the token "
		     "goes in NETBOX_TOKEN");
		return -1;
	}
	if (!strcmp(f->scheme, "http") && !loopback(f->host)) {
		fail(f, "--url: http:// only for a loopback host; the token "
		     "goes with every request: use https://");
		return -1;
	}
	f->h = lc->easy_init();
	if (!f->h) {
		fail(f, "cannot start libcurl");
		return -1;
	}
	char *auth = auth_header(l->token);
	f->hdr = lc->slist_append(NULL, "Accept: application/json");
	f->hdr = lc->slist_append(f->hdr, auth);
	/* the header copy libcurl keeps is its own; wipe ours */
	memset(auth, 0, strlen(auth));
	free(auth);
	lc->easy_setopt(f->h, CURLOPT_HTTPHEADER, f->hdr);
	lc->easy_setopt(f->h, CURLOPT_USERAGENT, l->user_agent ?
			 l->user_agent : "nospof");
	lc->easy_setopt(f->h, CURLOPT_CONNECTTIMEOUT, 10L);
	lc->easy_setopt(f->h, CURLOPT_TIMEOUT, l->timeout_s);
	lc->easy_setopt(f->h, CURLOPT_FOLLOWLOCATION, 0L);
	lc->easy_setopt(f->h, CURLOPT_PROTOCOLS_STR, "https,http");
	lc->easy_setopt(f->h, CURLOPT_SSL_VERIFYPEER, 1L);
	lc->easy_setopt(f->h, CURLOPT_SSL_VERIFYHOST, 2L);
	lc->easy_setopt(f->h, CURLOPT_NOSIGNAL, 1L);
	lc->easy_setopt(f->h, CURLOPT_NOPROXY, "127.0.0.1,localhost,::1");
	lc->easy_setopt(f->h, CURLOPT_MAXFILESIZE_LARGE,
			 (curl_off_t)f->max);
	lc->easy_setopt(f->h, CURLOPT_WRITEFUNCTION, on_body);
	lc->easy_setopt(f->h, CURLOPT_WRITEDATA, f);
	lc->easy_setopt(f->h, CURLOPT_HEADERFUNCTION, on_header);
	lc->easy_setopt(f->h, CURLOPT_HEADERDATA, f);
	if (l->ca_cert && ca_bundle(f) < 0)
		return -1;
	if (l->save && mkdir(l->save, 0777) < 0 && errno != EEXIST) {
		fail(f, "--save: cannot create '%s'", l->save);
		return -1;
	}
	return 0;
}

/* --save: an empty list for a required endpoint nothing was asked of. */
static void save_empty(struct fetch *f)
{
	static const char empty[] = "{\"count\": 0, \"next\": null, "
				    "\"previous\": null, \"results\": []}\n";
	for (int e = 0; e < NB_NEP && !f->failed; e++) {
		if (!nb_eps[e].required || f->next_page[e])
			continue;
		f->next_page[e] = 1;
		save(f, (enum nb_ep)e, empty, sizeof(empty) - 1);
	}
}

int nsp_import_netbox_url(struct nsp_nb_live *live,
			  const struct nsp_nb_filters *flt,
			  const struct nsp_import_opts *opts,
			  struct nsp_import *out)
{
	struct nbi nb;
	struct fetch f = {.live = live, .max = opts->lim->max_bytes};
	const char *name = live->save ? live->save : "netbox";
	const char *why;
	if (!(lc = nb_curl_open(&why))) {
		live->error = nsp_xasprintf("--url needs libcurl: %s", why);
		return -3;
	}
	nb_init(&nb, name, flt, opts, out);
	f.nb = &nb;
	lc->global_init(CURL_GLOBAL_DEFAULT);
	int rc = -3;
	if (setup(&f) == 0) {
		select_all(&f);
		if (!f.failed && live->save)
			save_empty(&f);
	}
	if (f.failed == -3) {
		rc = -3;
	} else if (f.failed == -1 || out->errors.n) {
		rc = -1;
	} else {
		rc = nb_finish(&nb);
	}
	nb_free(&nb);
	lc->slist_free_all(f.hdr);
	if (f.h)
		lc->easy_cleanup(f.h);
	lc->global_cleanup();
	free(f.base);
	free(f.scheme);
	free(f.host);
	free(f.cabundle);
	nsp_buf_free(&f.body);
	return rc;
}
