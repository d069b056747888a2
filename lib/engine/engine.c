/*
 * The rule engine: runs the rules of a registry on a model, merges
 * duplicate findings, applies the waivers and runs the waiver rules, then
 * the severity overrides.
 */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Drop repeated elements of a finding, keeping the first of each. */
static void unique_elements(struct nsp_finding *f)
{
	struct nsp_map seen = {0};
	size_t w = 0;
	for (size_t i = 0; i < f->nelements; i++) {
		char *e = f->elements[i];
		if (nsp_map_get(&seen, e, strlen(e))) {
			free(e);
			continue;
		}
		nsp_map_put(&seen, e, strlen(e), e);
		f->elements[w++] = e;
	}
	f->nelements = w;
	nsp_map_free(&seen);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "RULE\nid1\nid2": the rule and its sorted elements. */
static char *finding_key(const struct nsp_finding *f)
{
	char **els = nsp_xmalloc((f->nelements + 1) * sizeof(*els));
	if (f->nelements) {
		memcpy(els, f->elements, f->nelements * sizeof(*els));
		qsort(els, f->nelements, sizeof(*els), cmp_str);
	}
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, f->rule_id);
	for (size_t i = 0; i < f->nelements; i++) {
		nsp_buf_putc(&b, '\n');
		nsp_buf_puts(&b, els[i]);
	}
	free(els);
	/* a finding naming no element (an import note) is its place and text */
	if (!f->nelements)
		nsp_buf_printf(&b, "\n%u:%u\n%s", (unsigned)f->loc.line,
			       (unsigned)f->loc.col, f->message);
	return nsp_buf_detach(&b);
}

/*
 * Keep the first of findings with the same rule and elements (or, naming
 * none, the same place and message).
 */
static void dedupe(struct nsp_findings *fs, size_t from)
{
	struct nsp_map seen = {0};
	char **keys = nsp_xmalloc((fs->n - from + 1) * sizeof(*keys));
	size_t nk = 0, w = from;
	for (size_t i = from; i < fs->n; i++) {
		char *k = finding_key(fs->v[i]);
		if (nsp_map_get(&seen, k, strlen(k))) {
			nsp_finding_free(fs->v[i]);
			free(k);
			continue;
		}
		keys[nk++] = k;
		nsp_map_put(&seen, k, strlen(k), fs->v[i]);
		fs->v[w++] = fs->v[i];
	}
	fs->n = w;
	for (size_t i = 0; i < nk; i++)
		free(keys[i]);
	free(keys);
	nsp_map_free(&seen);
}

/* Whether waiver w covers finding f: same rule, all its elements named. */
static bool waiver_matches(const struct nsp_waiver *w,
			   const struct nsp_finding *f)
{
	if (strcasecmp(w->rule, f->rule_id))
		return false;
	for (size_t i = 0; i < w->elements.n; i++) {
		bool found = false;
		for (size_t k = 0; k < f->nelements && !found; k++)
			found = !strcmp(w->elements.v[i], f->elements[k]);
		if (!found)
			return false;
	}
	return true;
}

/* Today's date (UTC) as YYYYMMDD. */
static int system_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 +
	       tm.tm_mday;
}

int nsp_today(void)
{
	const char *env = getenv("NOSPOF_TODAY");
	struct nsp_date d;
	if (!env || !*env)
		return system_today();
	if (!nsp_date_parse(env, &d))
		return -1;
	return d.year * 10000 + d.month * 100 + d.day;
}

/* Whether a waiver still applies: no expiry, or not yet past it. */
static bool waiver_current(const struct nsp_waiver *w, int day)
{
	return !w->has_expires ||
	       w->expires.year * 10000 + w->expires.month * 100 +
			       w->expires.day >=
		       day;
}

/* A waiver under its key: its rule in capitals, a 0x1f, its first element. */
struct waiver_key {
	char *key;
	size_t w;
};

static char *waiver_key(const char *rule, const char *element)
{
	char *k = nsp_xasprintf("%s\x1f%s", rule, element ? element : "");
	for (char *p = k; *p && *p != '\x1f'; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return k;
}

static int cmp_waiver_key(const void *x, const void *y)
{
	const struct waiver_key *a = x, *b = y;
	int c = strcmp(a->key, b->key);
	return c ? c : a->w < b->w ? -1 : a->w > b->w;
}

/* The first waiver under key that covers f, if before best; else best. */
static size_t first_waiver(const struct waiver_key *keys, size_t n,
			   const char *key, const struct nsp_model *m,
			   const struct nsp_finding *f, int day, size_t best)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(keys[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && !strcmp(keys[lo].key, key); lo++) {
		size_t w = keys[lo].w;
		if (w >= best)
			break;
		if (waiver_current(&m->waivers[w], day) &&
		    waiver_matches(&m->waivers[w], f))
			return w;
	}
	return best;
}

/*
 * Mark the findings from index from on that a current waiver matches (the
 * first in the file when several do); used[w] tells whether waiver w
 * matched one. Waivers are looked up by rule and first element, so a file
 * with thousands of them stays linear.
 */
static void apply_waivers(struct nsp_findings *out, size_t from,
			  const struct nsp_model *m, int day, bool *used)
{
	if (!m->nwaivers)
		return;
	struct waiver_key *keys = nsp_xmalloc(m->nwaivers * sizeof(*keys));
	for (size_t w = 0; w < m->nwaivers; w++) {
		const struct nsp_waiver *wv = &m->waivers[w];
		keys[w].key = waiver_key(wv->rule, wv->elements.n ?
							wv->elements.v[0] :
							NULL);
		keys[w].w = w;
	}
	qsort(keys, m->nwaivers, sizeof(*keys), cmp_waiver_key);
	for (size_t i = from; i < out->n; i++) {
		struct nsp_finding *f = out->v[i];
		char *k = waiver_key(f->rule_id, NULL);
		size_t best = first_waiver(keys, m->nwaivers, k, m, f, day,
					   m->nwaivers);
		free(k);
		for (size_t e = 0; e < f->nelements; e++) {
			k = waiver_key(f->rule_id, f->elements[e]);
			best = first_waiver(keys, m->nwaivers, k, m, f, day,
					    best);
			free(k);
		}
		if (best < m->nwaivers) {
			f->waived = true;
			f->waiver = &m->waivers[best];
			used[best] = true;
		}
	}
	for (size_t w = 0; w < m->nwaivers; w++)
		free(keys[w].key);
	free(keys);
}

/*
 * The waiver rules (WAIVE001) over the waivers: expired ones, and current
 * ones that matched no finding of a rule that ran. Waivers of a waiver
 * rule then apply to its findings and are not judged themselves.
 */
static void judge_waivers(struct nsp_findings *out, const struct nsp_model *m,
			  const struct nsp_registry *reg,
			  const struct nsp_selection *sel, int day,
			  const bool *used)
{
	size_t from = out->n;
	for (size_t i = 0; i < reg->n; i++) {
		const struct nsp_rule *self = reg->rules[i];
		if (!self->judge_waiver || !nsp_selection_enabled(sel, self))
			continue;
		struct nsp_ctx ctx = {m, self, out, m->file, NULL, from, NULL};
		for (size_t w = 0; w < m->nwaivers; w++) {
			const struct nsp_waiver *wv = &m->waivers[w];
			const struct nsp_rule *r =
				nsp_registry_find(reg, wv->rule);
			if (r && r->judge_waiver)
				continue;
			if (!waiver_current(wv, day))
				self->judge_waiver(&ctx, w, true);
			else if (!used[w] && r && nsp_selection_enabled(sel, r))
				self->judge_waiver(&ctx, w, false);
		}
	}
	bool *ignored = nsp_xcalloc(m->nwaivers + 1, sizeof(*ignored));
	apply_waivers(out, from, m, day, ignored);
	free(ignored);
}

/* The source (IMPORT.md §3.3) of element ref, or NULL. */
static const char *element_source(const struct nsp_model *m,
				  struct nsp_ref ref, char *ptr, size_t n)
{
	static const char *const lists[] = {"", "sites", "clouds", "pops",
					    "routers", "circuits"};
	const char *src = NULL;
	switch (ref.kind) {
	case NSP_KIND_SITE: src = m->sites[ref.index].source; break;
	case NSP_KIND_CLOUD: src = m->clouds[ref.index].source; break;
	case NSP_KIND_POP: src = m->pops[ref.index].source; break;
	case NSP_KIND_ROUTER: src = m->routers[ref.index].source; break;
	case NSP_KIND_CIRCUIT: src = m->circuits[ref.index].source; break;
	default: return NULL;
	}
	snprintf(ptr, n, "/%s/%zu", lists[ref.kind], ref.index);
	return src;
}

/*
 * One related location per element a finding names that has a source:
 * "<kind> '<id>' from <source>", so that reports of an imported design
 * name the Terraform resource behind each element.
 */
static void source_related(struct nsp_finding *f, const struct nsp_model *m)
{
	size_t n = f->nelements;
	for (size_t i = 0; i < n; i++) {
		struct nsp_ref ref = nsp_model_lookup(m, f->elements[i]);
		char ptr[64];
		const char *src = ref.kind ? element_source(m, ref, ptr,
							    sizeof(ptr)) : NULL;
		if (!src)
			continue;
		nsp_finding_related(f, m, ptr, NULL, "%s '%s' from %s",
				    nsp_kind_names[ref.kind], f->elements[i],
				    src);
		f->related[f->nrelated - 1].source =
			nsp_escape(src, strlen(src));
	}
}

void nsp_engine_run(struct nsp_findings *out, const struct nsp_model *m,
		    const struct nsp_registry *reg,
		    const struct nsp_selection *sel, struct nsp_analysis **fa)
{
	size_t from = out->n;
	int day = m->nwaivers ? nsp_today() : 0;
	if (day < 0)
		day = system_today(); /* the command line refuses it first */
	struct nsp_analysis *own = NULL, **a = fa ? fa : &own;
	for (size_t i = 0; i < reg->n; i++) {
		const struct nsp_rule *r = reg->rules[i];
		if (!r->check || !nsp_selection_enabled(sel, r))
			continue;
		/* the failure analysis, once, for the rules that read it */
		if (r->analysis && !*a)
			*a = nsp_analysis_new(m);
		struct nsp_ctx ctx = {m, r, out, m->file, r->analysis ? *a : NULL,
				      from, NULL};
		r->check(&ctx);
	}
	for (size_t i = from; i < out->n; i++) {
		unique_elements(out->v[i]);
		source_related(out->v[i], m);
	}
	nsp_analysis_free(own);
	dedupe(out, from);
	bool *used = nsp_xcalloc(m->nwaivers + 1, sizeof(*used));
	apply_waivers(out, from, m, day, used);
	judge_waivers(out, m, reg, sel, day, used);
	free(used);
	for (size_t i = from; i < out->n; i++)
		out->v[i]->severity = nsp_selection_severity(
			sel, reg, out->v[i]->rule_id, out->v[i]->severity);
	/* the loader's input warnings: text it normalised */
	for (size_t i = 0; i < m->warnings.n; i++) {
		nsp_findings_add_input(out, m->file, &m->warnings.v[i]);
		out->v[out->n - 1]->severity = NSP_WARNING;
		out->v[out->n - 1]->rule_name = "input-warning";
	}
}

