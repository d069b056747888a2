/* Helpers shared by the routing rules (ECMP, BGP, BFD, STATIC, IP). */
#include "routing.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool nsp_picked(const struct nsp_circuit *c, unsigned pick)
{
	bool backup = c->role == NSP_CROLE_BACKUP;
	if ((pick & (NSP_PICK_PREFERRED | NSP_PICK_BACKUP)) &&
	    !((pick & NSP_PICK_PREFERRED) && !backup) &&
	    !((pick & NSP_PICK_BACKUP) && backup))
		return false;
	if ((pick & NSP_PICK_BGP) && c->routing != NSP_ROUTING_BGP)
		return false;
	if ((pick & NSP_PICK_STATIC) && c->routing != NSP_ROUTING_STATIC)
		return false;
	return true;
}

void nsp_each_picked_stage(struct nsp_ctx *ctx, unsigned pick, size_t min,
			   void (*fn)(struct nsp_ctx *,
				      const struct nsp_members *))
{
	const struct nsp_model *m = ctx->model;
	size_t *buf = nsp_xmalloc((m->ncircuits + 1) * sizeof(*buf));
	for (size_t i = 0; i < m->ndemands; i++) {
		const struct nsp_demand *d = &m->demands[i];
		for (size_t k = 0; k < d->nstages; k++) {
			const struct nsp_stage *st = &d->stages[k];
			size_t n = 0;
			for (size_t j = 0; j < st->n; j++)
				if (nsp_picked(&m->circuits[st->circuits[j]],
					       pick))
					buf[n++] = st->circuits[j];
			struct nsp_members s = {m, d, buf, n};
			if (n >= min && n)
				fn(ctx, &s);
		}
	}
	free(buf);
}

size_t nsp_group_members(const struct nsp_members *s, nsp_same_fn same,
			 nsp_value_fn fn, char **text, char **common)
{
	if (same && s->n) {
		const struct nsp_circuit *c0 = &s->m->circuits[s->c[0]];
		size_t i = 1;
		while (i < s->n && same(s->m, c0, &s->m->circuits[s->c[i]]))
			i++;
		if (i == s->n) {
			*text = *common = NULL;
			return 1;
		}
	}
	char **vals = nsp_xcalloc(s->n, sizeof(*vals));
	size_t *group = nsp_xcalloc(s->n, sizeof(*group));
	size_t *count = nsp_xcalloc(s->n, sizeof(*count));
	size_t ngroups = 0, best = 0;
	for (size_t i = 0; i < s->n; i++) {
		vals[i] = fn(s->m, &s->m->circuits[s->c[i]]);
		size_t g = 0;
		while (g < i && strcmp(vals[g], vals[i]))
			g++;
		group[i] = g; /* the first member with this value */
		if (g == i)
			ngroups++;
		count[g]++;
		if (count[g] > count[best])
			best = g;
	}
	struct nsp_buf b = {0};
	bool first_group = true;
	for (size_t g = 0; g < s->n; g++) {
		if (group[g] != g)
			continue;
		if (!first_group)
			nsp_buf_puts(&b, "; ");
		first_group = false;
		size_t seen = 0;
		for (size_t i = g; i < s->n; i++) {
			if (group[i] != g)
				continue;
			seen++;
			if (seen > 1)
				nsp_buf_puts(&b,
					     seen == count[g] ? " and " : ", ");
			nsp_buf_printf(&b, "'%s'", s->m->circuits[s->c[i]].id);
		}
		nsp_buf_printf(&b, " %s", vals[g]);
	}
	*text = nsp_buf_detach(&b);
	*common = nsp_xstrdup(s->n ? vals[best] : "");
	for (size_t i = 0; i < s->n; i++)
		free(vals[i]);
	free(vals);
	free(group);
	free(count);
	return ngroups;
}

bool nsp_same_prefixes(const struct nsp_prefixes *a,
		       const struct nsp_prefixes *b)
{
	if (a->n != b->n)
		return false;
	if (a->v == b->v)
		return true;
	for (size_t i = 0; i < a->n; i++)
		if (nsp_prefix_cmp(&a->v[i], &b->v[i]))
			return false;
	return true;
}

char *nsp_as_path_text(const struct nsp_bgp *b)
{
	struct nsp_buf buf = {0};
	nsp_buf_putc(&buf, '[');
	for (size_t i = 0; i < b->as_path_len; i++)
		nsp_buf_printf(&buf, "%s%" PRIu32, i ? " " : "", b->as_path[i]);
	nsp_buf_putc(&buf, ']');
	return nsp_buf_detach(&buf);
}

static int cmp_prefix(const void *a, const void *b)
{
	return nsp_prefix_cmp(a, b);
}

char *nsp_prefixes_text(const struct nsp_prefixes *p)
{
	struct nsp_prefix *v = nsp_xmalloc((p->n + 1) * sizeof(*v));
	if (p->n)
		memcpy(v, p->v, p->n * sizeof(*v));
	if (p->n > 1)
		qsort(v, p->n, sizeof(*v), cmp_prefix);
	struct nsp_buf b = {0};
	nsp_buf_putc(&b, '[');
	for (size_t i = 0, out = 0; i < p->n; i++) {
		if (i && !nsp_prefix_cmp(&v[i - 1], &v[i]))
			continue;
		char text[64];
		nsp_prefix_format(&v[i], text, sizeof(text), true);
		nsp_buf_printf(&b, "%s%s", out++ ? ", " : "", text);
	}
	nsp_buf_putc(&b, ']');
	free(v);
	return nsp_buf_detach(&b);
}

void nsp_bfd_negotiated(const struct nsp_model *m, const struct nsp_circuit *c,
			uint64_t *interval_ms, uint64_t *multiplier)
{
	const struct nsp_provider_facts *f =
		nsp_provider_facts(nsp_circuit_provider(m, c));
	*interval_ms = c->bgp.bfd.interval_ms;
	*multiplier = c->bgp.bfd.multiplier;
	if (f->bfd_min_interval_ms > *interval_ms)
		*interval_ms = f->bfd_min_interval_ms;
	if (f->bfd_min_multiplier > *multiplier)
		*multiplier = f->bfd_min_multiplier;
}

uint64_t nsp_failover_longest_ms(const struct nsp_model *m,
				 const struct nsp_circuit *c)
{
	bool never;
	uint64_t ms = nsp_circuit_failover_ms(m, c, &never);
	if (never)
		return 0;
	if (c->routing == NSP_ROUTING_BGP &&
	    !(c->bgp.bfd.present && c->bgp.bfd.local && c->bgp.bfd.peer)) {
		uint32_t prov;
		nsp_circuit_hold_s(m, c, &prov);
		uint64_t l = (uint64_t)(prov > c->bgp.hold_s ? prov :
								c->bgp.hold_s);
		return l * 1000 > ms ? l * 1000 : ms;
	}
	return ms;
}

char *nsp_failover_text(const struct nsp_model *m, const struct nsp_circuit *c,
			enum nsp_time_unit u)
{
	bool never;
	uint64_t ms = nsp_circuit_failover_ms(m, c, &never);
	char *t = never ? NULL : nsp_duration_in(ms, u), *r;
	if (c->routing == NSP_ROUTING_STATIC) {
		const struct nsp_health_check *h = &c->health_check;
		if (never)
			return nsp_xstrdup("never (static routing without a "
					   "health check)");
		r = nsp_xasprintf("%s (health check: interval_s %" PRIu32
				  " + count %" PRIu32 " x timeout_s %" PRIu32
				  ")",
				  t, h->interval_s, h->count, h->timeout_s);
		free(t);
		return r;
	}
	const struct nsp_bfd *b = &c->bgp.bfd;
	if (b->present && b->local && b->peer) {
		uint64_t iv, mult;
		nsp_bfd_negotiated(m, c, &iv, &mult);
		char *it = nsp_duration_in(iv, u);
		r = nsp_xasprintf("%s (BFD %s x %" PRIu64 ")", t, it, mult);
		free(it);
		free(t);
		return r;
	}
	if (never)
		return nsp_xstrdup("never (hold_s 0: no keepalives, and no "
				   "BFD on both sides)");
	uint32_t dpd = nsp_circuit_dpd_s(m, c);
	if (dpd && (uint64_t)dpd * 1000 == ms) {
		const char *product, *src;
		nsp_vpn_dpd_timeout_s(nsp_circuit_provider(m, c), &product,
				      &src);
		r = nsp_xasprintf("%s (%s's dead peer detection timeout, "
				  "before the BGP hold time)",
				  t, product);
		free(t);
		return r;
	}
	uint32_t prov;
	nsp_circuit_hold_s(m, c, &prov);
	if (!prov) {
		r = nsp_xasprintf("%s (the BGP hold time)", t);
		free(t);
		return r;
	}
	const struct nsp_provider_facts *f =
		nsp_provider_facts(nsp_circuit_provider(m, c));
	char *ours = nsp_duration_in((uint64_t)c->bgp.hold_s * 1000, u);
	char *theirs = nsp_duration_in((uint64_t)prov * 1000, u);
	r = nsp_xasprintf("%s (the BGP hold time, negotiated: ours %s, %s's "
			  "%s)",
			  t, ours, f->product, theirs);
	free(ours);
	free(theirs);
	free(t);
	return r;
}

bool *nsp_circuits_with_alternative(const struct nsp_model *m)
{
	bool *alt = nsp_xcalloc(m->ncircuits + 1, sizeof(*alt));
	for (size_t i = 0; i < m->ndemands; i++) {
		const struct nsp_demand *d = &m->demands[i];
		for (size_t k = 0; k < d->nstages; k++) {
			const struct nsp_stage *st = &d->stages[k];
			for (size_t j = 0; st->n >= 2 && j < st->n; j++)
				alt[st->circuits[j]] = true;
		}
	}
	return alt;
}

enum nsp_failover_rule nsp_failover_rule(const struct nsp_model *m,
					 const struct nsp_circuit *c)
{
	bool bgp = c->routing == NSP_ROUTING_BGP;
	const struct nsp_bfd *b = &c->bgp.bfd;
	if (bgp && b->present && b->local != b->peer)
		return NSP_FO_BFD002;
	if (!bgp && !c->health_check.present)
		return NSP_FO_STATIC001;
	if (m->intent.has_failover_ms) {
		bool never;
		uint64_t ms = nsp_circuit_failover_ms(m, c, &never);
		if (never || ms > m->intent.failover_ms)
			return NSP_FO_BGP006;
	}
	if (bgp && !(b->present && b->local && b->peer))
		return NSP_FO_BFD001;
	return NSP_FO_NONE;
}

const char *nsp_far_end(const struct nsp_model *m, const struct nsp_circuit *c)
{
	const struct nsp_router *z = &m->routers[c->z.router];
	if (z->role == NSP_ROLE_EDGE && z->cloud != NSP_NONE)
		return m->clouds[z->cloud].id;
	return z->id;
}

void nsp_circuit_pointers(const struct nsp_model *m,
			  const struct nsp_circuit *c, const char *field,
			  char *ptr, size_t nptr, char *fptr, size_t nfptr)
{
	size_t i = (size_t)(c - m->circuits);
	snprintf(ptr, nptr, "/circuits/%zu", i);
	snprintf(fptr, nfptr, "/circuits/%zu%s%s", i, field ? "/" : "",
		 field ? field : "");
}

size_t nsp_longest_as_path(const struct nsp_members *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) {
		size_t l = s->m->circuits[s->c[i]].bgp.as_path_len;
		if (l > n)
			n = l;
	}
	return n;
}

uint32_t nsp_highest_med(const struct nsp_members *s)
{
	uint32_t med = 0;
	for (size_t i = 0; i < s->n; i++) {
		uint32_t v = s->m->circuits[s->c[i]].bgp.med;
		if (v > med)
			med = v;
	}
	return med;
}

const char *nsp_landing_region(const struct nsp_model *m,
			       const struct nsp_circuit *c)
{
	size_t pop = m->routers[c->z.router].pop;
	return pop == NSP_NONE ? NULL : m->pops[pop].region;
}

const char *nsp_cloud_region(const struct nsp_model *m,
			     const struct nsp_circuit *c)
{
	const struct nsp_router *z = &m->routers[c->z.router];
	if (z->role != NSP_ROLE_EDGE || z->cloud == NSP_NONE)
		return NULL;
	return m->clouds[z->cloud].region;
}

/* Whether two possibly absent strings are both given and equal. */
static bool same_text(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

/*
 * The provider-specific part of nsp_return_cmp: communities, then Regions
 * (AWS). Returns the sign, or 0 with *open set when the order cannot be
 * known, or 0 with *open clear when AS_PATH decides.
 */
static int provider_cmp(const struct nsp_model *m, const struct nsp_circuit *x,
			const struct nsp_circuit *y, enum nsp_pref_by *by,
			bool *open)
{
	*open = false;
	enum nsp_provider px = nsp_circuit_provider(m, x),
			  py = nsp_circuit_provider(m, y);
	const struct nsp_provider_facts *f = nsp_provider_facts(px);
	if (px != py || f->home_region_first != NSP_TRI_YES)
		return 0;
	int rx = nsp_lp_community_rank(f, x), ry = nsp_lp_community_rank(f, y);
	if (rx || ry) {
		/* untagged: the default, between low and high */
		int kx = rx ? rx : 2, ky = ry ? ry : 2;
		*by = NSP_BY_COMMUNITY;
		if (kx != ky)
			return kx - ky;
		if (!rx || !ry) {
			*open = true; /* medium against none */
			return 0;
		}
		return 0; /* the same tag: AS_PATH next */
	}
	const char *gx = nsp_landing_region(m, x), *gy = nsp_landing_region(m, y);
	if (!gx || !gy || !strcmp(gx, gy))
		return 0;
	*by = NSP_BY_REGION;
	const char *home = nsp_cloud_region(m, x);
	if (!home || !same_text(home, nsp_cloud_region(m, y))) {
		*open = true;
		return 0;
	}
	bool lx = !strcmp(gx, home), ly = !strcmp(gy, home);
	if (lx != ly)
		return lx ? 1 : -1;
	return 0; /* both in other Regions: AS_PATH decides between them */
}

int nsp_return_cmp(const struct nsp_model *m, const struct nsp_circuit *x,
		   const struct nsp_circuit *y, bool med_used,
		   enum nsp_pref_by *by)
{
	bool open;
	*by = NSP_BY_NOTHING;
	int r = provider_cmp(m, x, y, by, &open);
	if (r || open)
		return r;
	*by = NSP_BY_NOTHING;
	if (x->bgp.as_path_len != y->bgp.as_path_len) {
		*by = NSP_BY_PATH;
		return x->bgp.as_path_len < y->bgp.as_path_len ? 1 : -1;
	}
	if (!med_used || x->bgp.med == y->bgp.med)
		return 0;
	bool ignored = nsp_provider_facts(nsp_circuit_provider(m, x))
				       ->med_honoured == NSP_TRI_NO ||
		       nsp_provider_facts(nsp_circuit_provider(m, y))
				       ->med_honoured == NSP_TRI_NO;
	*by = ignored ? NSP_BY_MED_UNRELIABLE : NSP_BY_MED;
	return x->bgp.med < y->bgp.med ? 1 : -1;
}

enum nsp_mark nsp_return_mark(const struct nsp_members *p,
			      const struct nsp_circuit *b,
			      enum nsp_pref_by *why,
			      const struct nsp_circuit **against)
{
	/* the weakest mark over the primaries, by enum order */
	static const enum nsp_mark of[] = {
		[NSP_BY_NOTHING] = NSP_MARK_NONE,
		[NSP_BY_COMMUNITY] = NSP_MARK_COMMUNITY,
		[NSP_BY_REGION] = NSP_MARK_REGION,
		[NSP_BY_PATH] = NSP_MARK_PATH,
		[NSP_BY_MED] = NSP_MARK_MED,
		[NSP_BY_MED_UNRELIABLE] = NSP_MARK_MED_UNRELIABLE,
	};
	enum nsp_mark mark = NSP_MARK_COMMUNITY;
	for (size_t i = 0; i < p->n; i++) {
		const struct nsp_circuit *q = &p->m->circuits[p->c[i]];
		enum nsp_pref_by by;
		if (nsp_return_cmp(p->m, q, b, true, &by) <= 0) {
			if (why)
				*why = by;
			if (against)
				*against = q;
			return NSP_MARK_NONE;
		}
		if (of[by] > mark)
			mark = of[by];
	}
	return mark;
}

bool nsp_outbound_marked(const struct nsp_members *p,
			 const struct nsp_circuit *b)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->m->circuits[p->c[i]].bgp.local_pref <= b->bgp.local_pref)
			return false;
	return true;
}

void nsp_relate_circuit(struct nsp_finding *f, const struct nsp_model *m,
			const struct nsp_circuit *c, const char *field,
			const char *what)
{
	char ptr[64], fptr[128];
	nsp_finding_element(f, c->id);
	nsp_circuit_pointers(m, c, field, ptr, sizeof(ptr), fptr, sizeof(fptr));
	nsp_finding_related(f, m, ptr, fptr, "%s '%s'", what, c->id);
}
