/* Helpers shared by the diversity (DIV) and redundancy (HA) rules. */
#include "div.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Call fn on every stage with at least min members. */
static void each_stage(struct nsp_ctx *ctx, size_t min,
		       void (*fn)(struct nsp_ctx *, const struct nsp_members *))
{
	const struct nsp_model *m = ctx->model;
	for (size_t i = 0; i < m->ndemands; i++) {
		const struct nsp_demand *d = &m->demands[i];
		for (size_t k = 0; k < d->nstages; k++) {
			struct nsp_members s = {m, d, d->stages[k].circuits,
						d->stages[k].n};
			if (s.n >= min)
				fn(ctx, &s);
		}
	}
}

void nsp_each_stage(struct nsp_ctx *ctx, size_t min,
		    void (*fn)(struct nsp_ctx *, const struct nsp_members *))
{
	each_stage(ctx, min, fn);
}

enum nsp_severity nsp_class_severity(const struct nsp_model *m,
				     enum nsp_class cls)
{
	return (m->intent.survive & (1u << cls)) ? NSP_ERROR : NSP_WARNING;
}

size_t nsp_shared_router(const struct nsp_members *s,
			 enum nsp_router_role role)
{
	const struct nsp_circuit *first = &s->m->circuits[s->c[0]];
	size_t cand[2] = {first->a.router, first->z.router};
	for (int k = 0; k < 2; k++) {
		size_t r = cand[k];
		if (s->m->routers[r].role != role)
			continue;
		bool all = true;
		for (size_t i = 1; i < s->n && all; i++) {
			const struct nsp_circuit *c = &s->m->circuits[s->c[i]];
			all = c->a.router == r || c->z.router == r;
		}
		if (all)
			return r;
	}
	return NSP_NONE;
}

const char *nsp_shared_port(const struct nsp_members *s, size_t r)
{
	const char *port = NULL;
	for (size_t i = 0; i < s->n; i++) {
		const struct nsp_circuit *c = &s->m->circuits[s->c[i]];
		const char *p = nsp_circuit_end(c, r)->port;
		if (!p || (port && strcmp(port, p)))
			return NULL;
		port = p;
	}
	return port;
}

/* Whether circuit c lands in PoP p through either of its routers. */
static bool circuit_in_pop(const struct nsp_model *m,
			   const struct nsp_circuit *c, size_t p)
{
	return m->routers[c->a.router].pop == p ||
	       m->routers[c->z.router].pop == p;
}

size_t nsp_shared_pop(const struct nsp_members *s)
{
	const struct nsp_circuit *first = &s->m->circuits[s->c[0]];
	size_t cand[2] = {s->m->routers[first->a.router].pop,
			  s->m->routers[first->z.router].pop};
	for (int k = 0; k < 2; k++) {
		if (cand[k] == NSP_NONE)
			continue;
		bool all = true;
		for (size_t i = 1; i < s->n && all; i++)
			all = circuit_in_pop(s->m, &s->m->circuits[s->c[i]],
					     cand[k]);
		if (all)
			return cand[k];
	}
	return NSP_NONE;
}

/* The string field at offset of PoP p, or NULL. */
static const char *pop_field(const struct nsp_model *m, size_t p,
			     size_t offset)
{
	if (p == NSP_NONE)
		return NULL;
	return *(const char *const *)((const char *)&m->pops[p] + offset);
}

const char *nsp_shared_pop_field(const struct nsp_members *s, size_t offset)
{
	const struct nsp_model *m = s->m;
	const struct nsp_circuit *first = &m->circuits[s->c[0]];
	const char *cand[2] = {
		pop_field(m, m->routers[first->a.router].pop, offset),
		pop_field(m, m->routers[first->z.router].pop, offset)};
	for (int k = 0; k < 2; k++) {
		if (!cand[k])
			continue;
		bool all = true;
		for (size_t i = 1; i < s->n && all; i++) {
			const struct nsp_circuit *c = &m->circuits[s->c[i]];
			const char *a = pop_field(m, m->routers[c->a.router].pop,
						  offset);
			const char *z = pop_field(m, m->routers[c->z.router].pop,
						  offset);
			all = (a && !strcmp(a, cand[k])) ||
			      (z && !strcmp(z, cand[k]));
		}
		if (all)
			return cand[k];
	}
	return NULL;
}

/* Call back on each single-circuit stage of the demand other than s. */
static const struct nsp_circuit *lone(const struct nsp_members *s, size_t k)
{
	const struct nsp_stage *st = &s->d->stages[k];
	if (st->n != 1 || st->circuits == s->c)
		return NULL;
	return &s->m->circuits[st->circuits[0]];
}

bool nsp_lone_stage_router(const struct nsp_members *s, size_t r)
{
	for (size_t k = 0; k < s->d->nstages; k++) {
		const struct nsp_circuit *c = lone(s, k);
		if (c && (c->a.router == r || c->z.router == r))
			return true;
	}
	return false;
}

bool nsp_lone_stage_pop(const struct nsp_members *s, size_t p)
{
	for (size_t k = 0; k < s->d->nstages; k++) {
		const struct nsp_circuit *c = lone(s, k);
		if (c && circuit_in_pop(s->m, c, p))
			return true;
	}
	return false;
}

char *nsp_circuit_list(const struct nsp_model *m, const size_t *c, size_t n)
{
	/* name at most 8; a message naming thousands helps nobody */
	size_t shown = n > 8 ? 6 : n;
	struct nsp_buf b = {0};
	for (size_t i = 0; i < shown; i++) {
		if (i)
			nsp_buf_puts(&b, i + 1 == n ? " and " : ", ");
		nsp_buf_printf(&b, "'%s'", m->circuits[c[i]].id);
	}
	if (shown < n)
		nsp_buf_printf(&b, " and %zu more", n - shown);
	return nsp_buf_detach(&b);
}

char *nsp_member_list(const struct nsp_members *s)
{
	return nsp_circuit_list(s->m, s->c, s->n);
}

char *nsp_demand_label(const struct nsp_model *m, const struct nsp_demand *d)
{
	return nsp_xasprintf("demand '%s' -> '%s'",
			     nsp_endpoint_id(m, d->from),
			     nsp_endpoint_id(m, d->to));
}

const char *nsp_end_name(const struct nsp_circuit *c, size_t r)
{
	return c->a.router == r ? "a" : "z";
}

struct nsp_finding *nsp_report_members(struct nsp_ctx *ctx,
				       const struct nsp_members *s,
				       enum nsp_severity sev, const char *field,
				       const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *tail = nsp_xvasprintf(fmt, ap);
	va_end(ap);
	char *list = nsp_member_list(s), *dem = nsp_demand_label(s->m, s->d);
	char *msg = nsp_xasprintf("circuits %s of %s %s", list, dem, tail);
	free(list);
	free(dem);
	free(tail);
	size_t last = s->c[s->n - 1];
	char ptr[64], fptr[128];
	snprintf(ptr, sizeof(ptr), "/circuits/%zu", last);
	snprintf(fptr, sizeof(fptr), "%s%s%s", ptr, field ? "/" : "",
		 field ? field : "");
	struct nsp_finding *f = nsp_report(ctx, sev, ptr, fptr, "%s", msg);
	free(msg);
	for (size_t i = 0; i < s->n; i++)
		nsp_finding_element(f, s->m->circuits[s->c[i]].id);
	/* the other members as related locations, the first few of them */
	for (size_t i = 0; i + 1 < s->n && i < NSP_MAX_RELATED; i++) {
		snprintf(ptr, sizeof(ptr), "/circuits/%zu", s->c[i]);
		snprintf(fptr, sizeof(fptr), "%s%s%s", ptr, field ? "/" : "",
			 field ? field : "");
		nsp_finding_related(f, s->m, ptr, fptr, "circuit '%s'",
				    s->m->circuits[s->c[i]].id);
	}
	return f;
}

char *nsp_class_label(enum nsp_class cls, const char *name)
{
	static const char *const what[NSP_CLASS_COUNT] = {
		"circuit",
		"port",
		"router",
		"PoP",
		"facility",
		"metro",
		"edge availability domain",
		"carrier",
		"shared-risk tag",
	};
	return nsp_xasprintf("%s '%s'", what[cls], name);
}

/* ---- what a shared element lies in ---- */

/* An element that contains the shared one: its class and name. */
struct container {
	enum nsp_class cls;
	const char *name;
	char *owned; /* name, when built here */
};

struct containers {
	struct container *v;
	size_t n, cap;
};

static void add(struct containers *v, enum nsp_class cls, const char *name,
		char *owned)
{
	NSP_GROW(v->v, v->cap, v->n + 1);
	v->v[v->n++] = (struct container){cls, name, owned};
}

static void add_tags(struct containers *v, const struct nsp_strs *t)
{
	for (size_t i = 0; i < t->n; i++)
		add(v, NSP_CLASS_SRLG, t->v[i], NULL);
}

static const size_t pop_fields[] = {offsetof(struct nsp_pop, facility),
				    offsetof(struct nsp_pop, metro),
				    offsetof(struct nsp_pop, edge_domain)};
static const enum nsp_class pop_classes[] = {
	NSP_CLASS_FACILITY, NSP_CLASS_METRO, NSP_CLASS_EDGE_DOMAIN};

/* A PoP lies in its facility, metro and edge domain, under its tags. */
static void pop_containers(struct containers *v, const struct nsp_model *m,
			   size_t p)
{
	for (int k = 0; k < 3; k++) {
		const char *val = pop_field(m, p, pop_fields[k]);
		if (val)
			add(v, pop_classes[k], val, NULL);
	}
	add_tags(v, &m->pops[p].srlg);
}

/* A router lies in its PoP and carries its own tags. */
static void router_containers(struct containers *v, const struct nsp_model *m,
			      size_t r)
{
	const struct nsp_router *rr = &m->routers[r];
	add_tags(v, &rr->srlg);
	if (rr->pop == NSP_NONE)
		return;
	add(v, NSP_CLASS_POP, m->pops[rr->pop].id, NULL);
	pop_containers(v, m, rr->pop);
}

/*
 * A facility, metro or edge domain value that the circuits c share: the
 * PoPs that give it to them lie together in whatever other value and tag
 * all of those PoPs have.
 */
static void value_containers(struct containers *v, const struct nsp_model *m,
			     const size_t *c, size_t n, enum nsp_class cls,
			     const char *value)
{
	size_t off = pop_fields[cls - NSP_CLASS_FACILITY];
	size_t *pops = nsp_xmalloc((2 * n + 1) * sizeof(size_t));
	size_t np = 0;
	for (size_t i = 0; i < n; i++) {
		const struct nsp_circuit *ci = &m->circuits[c[i]];
		size_t ends[2] = {m->routers[ci->a.router].pop,
				  m->routers[ci->z.router].pop};
		for (int e = 0; e < 2; e++) {
			const char *val = pop_field(m, ends[e], off);
			if (val && !strcmp(val, value))
				pops[np++] = ends[e];
		}
	}
	struct containers first = {0};
	if (np)
		pop_containers(&first, m, pops[0]);
	for (size_t k = 0; k < first.n; k++) {
		const struct container *x = &first.v[k];
		if (x->cls == cls)
			continue;
		bool all = true;
		for (size_t i = 1; i < np && all; i++) {
			const struct nsp_pop *p = &m->pops[pops[i]];
			if (x->cls == NSP_CLASS_SRLG) {
				bool has = false;
				for (size_t t = 0; t < p->srlg.n && !has; t++)
					has = !strcmp(p->srlg.v[t], x->name);
				all = has;
			} else {
				const char *val = pop_field(
					m, pops[i],
					pop_fields[x->cls - NSP_CLASS_FACILITY]);
				all = val && !strcmp(val, x->name);
			}
		}
		if (all)
			add(v, x->cls, x->name, NULL);
	}
	free(first.v);
	free(pops);
}

/* Every element the shared one lies in (circuits c are the members). */
static void containers_of(struct containers *v, const struct nsp_model *m,
			  const struct nsp_share *sh, const size_t *c, size_t n)
{
	switch (sh->cls) {
	case NSP_CLASS_CIRCUIT: {
		const struct nsp_circuit *ci = &m->circuits[sh->circuit];
		const struct nsp_end *ends[2] = {&ci->a, &ci->z};
		for (int e = 0; e < 2; e++)
			if (ends[e]->port)
				add(v, NSP_CLASS_PORT, NULL,
				    nsp_xasprintf("%s:%s",
						  m->routers[ends[e]->router].id,
						  ends[e]->port));
		for (int e = 0; e < 2; e++) {
			add(v, NSP_CLASS_ROUTER, m->routers[ends[e]->router].id,
			    NULL);
			router_containers(v, m, ends[e]->router);
		}
		if (ci->carrier)
			add(v, NSP_CLASS_CARRIER, ci->carrier, NULL);
		add_tags(v, &ci->srlg);
		break;
	}
	case NSP_CLASS_PORT:
		add(v, NSP_CLASS_ROUTER, m->routers[sh->router].id, NULL);
		router_containers(v, m, sh->router);
		break;
	case NSP_CLASS_ROUTER:
		router_containers(v, m, sh->router);
		break;
	case NSP_CLASS_POP:
		pop_containers(v, m, sh->pop);
		break;
	case NSP_CLASS_FACILITY:
	case NSP_CLASS_METRO:
	case NSP_CLASS_EDGE_DOMAIN:
		value_containers(v, m, c, n, sh->cls, sh->value);
		break;
	default: /* a carrier or a tag lies in nothing else */
		break;
	}
}

/*
 * The severity of a finding about the shared element, and the label of
 * the required element it lies in when that makes it an error (the most
 * specific class; NULL when its own class is required or none is).
 */
static enum nsp_severity strictest(const struct nsp_model *m,
				   const struct nsp_share *sh, const size_t *c,
				   size_t n, char **label, enum nsp_class *cls)
{
	*label = NULL;
	if (m->intent.survive & (1u << sh->cls))
		return NSP_ERROR;
	struct containers v = {0};
	containers_of(&v, m, sh, c, n);
	const struct container *best = NULL;
	for (size_t i = 0; i < v.n; i++)
		if ((m->intent.survive & (1u << v.v[i].cls)) &&
		    (!best || v.v[i].cls < best->cls))
			best = &v.v[i];
	if (best) {
		*label = nsp_class_label(best->cls, best->owned ? best->owned :
								  best->name);
		*cls = best->cls;
	}
	for (size_t i = 0; i < v.n; i++)
		free(v.v[i].owned);
	free(v.v);
	return best ? NSP_ERROR : NSP_WARNING;
}

/* ---- collecting the cuts of a rule ---- */

/* One finding in the making: a shared element and the demands it cuts. */
struct cut {
	struct nsp_share sh;
	char *what;
	size_t *c; /* the circuits, ascending (file order) */
	size_t n;
	size_t *d;   /* the demands, in the order met */
	size_t nd, dcap;
	char *key;       /* per-demand key, when sh.per_demand */
	size_t merged;   /* the cut it was merged into, or NSP_NONE */
};

struct nsp_cuts {
	struct cut *v;
	size_t n, cap;
	struct nsp_map per_demand; /* "demand\x1felement" -> index + 1 */
};

/*
 * Add demand d to cut k. Stages are met demand by demand and cuts merged
 * in the order they were made, so d is never below the last one.
 */
static void cut_demand(struct cut *k, size_t d)
{
	if (k->nd && k->d[k->nd - 1] == d)
		return;
	NSP_GROW(k->d, k->dcap, k->nd + 1);
	k->d[k->nd++] = d;
}

/* Add the circuits c to the ascending list of cut k, once each. */
static void cut_circuits(struct cut *k, const size_t *c, size_t n)
{
	size_t *u = nsp_xmalloc((k->n + n + 1) * sizeof(size_t));
	size_t i = 0, j = 0, w = 0;
	while (i < k->n || j < n) {
		size_t x = j == n || (i < k->n && k->c[i] <= c[j]) ? k->c[i++] :
								     c[j++];
		if (!w || u[w - 1] != x)
			u[w++] = x;
	}
	free(k->c);
	k->c = u;
	k->n = w;
}

void nsp_report_cut(struct nsp_ctx *ctx, const struct nsp_members *s,
		    const struct nsp_share *sh, const char *what, ...)
{
	struct nsp_cuts *cs = ctx->cuts;
	size_t d = (size_t)(s->d - s->m->demands);
	char *key = NULL;
	if (sh->per_demand) {
		key = nsp_xasprintf("%zu\x1f%s", d,
				    sh->element ? sh->element : "");
		void *v = nsp_map_get(&cs->per_demand, key, strlen(key));
		if (v) {
			struct cut *k = &cs->v[(size_t)(uintptr_t)v - 1];
			cut_circuits(k, s->c, s->n);
			free(key);
			return;
		}
	}
	va_list ap;
	va_start(ap, what);
	char *text = nsp_xvasprintf(what, ap);
	va_end(ap);
	NSP_GROW(cs->v, cs->cap, cs->n + 1);
	struct cut *k = &cs->v[cs->n++];
	memset(k, 0, sizeof(*k));
	k->sh = *sh;
	k->what = text;
	k->merged = NSP_NONE;
	cut_circuits(k, s->c, s->n);
	cut_demand(k, d);
	if (key) {
		k->key = key;
		nsp_map_put(&cs->per_demand, key, strlen(key),
			    (void *)(uintptr_t)cs->n);
	}
}

/* "demand 'a' -> 'b'", "demands 'a' -> 'b' and 'c' -> 'd'", ... */
static char *demands_label(const struct nsp_model *m, const struct cut *k)
{
	if (k->nd == 1)
		return nsp_demand_label(m, &m->demands[k->d[0]]);
	size_t shown = k->nd > 4 ? 3 : k->nd;
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "demands ");
	for (size_t i = 0; i < shown; i++) {
		const struct nsp_demand *d = &m->demands[k->d[i]];
		if (i)
			nsp_buf_puts(&b, i + 1 == k->nd ? " and " : ", ");
		nsp_buf_printf(&b, "'%s' -> '%s'", nsp_endpoint_id(m, d->from),
			       nsp_endpoint_id(m, d->to));
	}
	if (shown < k->nd)
		nsp_buf_printf(&b, " and %zu more", k->nd - shown);
	return nsp_buf_detach(&b);
}

/* Write the finding of cut k. */
static void emit(struct nsp_ctx *ctx, const struct cut *k)
{
	const struct nsp_model *m = ctx->model;
	char *label;
	enum nsp_class cls = k->sh.cls;
	enum nsp_severity sev = strictest(m, &k->sh, k->c, k->n, &label, &cls);
	char *dem = demands_label(m, k);
	struct nsp_buf b = {0};
	if (k->sh.lone) {
		nsp_buf_printf(&b, "%s %s carried by circuit '%s' alone%s",
			       dem, k->nd > 1 ? "are" : "is",
			       m->circuits[k->c[0]].id, k->what);
	} else {
		char *list = nsp_circuit_list(m, k->c, k->n);
		nsp_buf_printf(&b, "circuits %s of %s %s", list, dem, k->what);
		free(list);
	}
	nsp_buf_printf(&b, ": %s cuts ", k->sh.cut);
	if (k->nd == 1)
		nsp_buf_puts(&b, "the demand");
	else if (k->nd == 2)
		nsp_buf_puts(&b, "both demands");
	else
		nsp_buf_printf(&b, "all %zu demands", k->nd);
	if (label)
		nsp_buf_printf(&b, ", and so does the failure of %s "
				   "(intent.survive: %s)",
			       label, nsp_class_names[cls]);
	nsp_buf_printf(&b, "; %s", k->sh.fix);
	if (label && k->sh.lone)
		nsp_buf_printf(&b, ", one that avoids %s", label);
	else if (label)
		nsp_buf_printf(&b, ", so that they do not all depend on %s",
			       label);
	char ptr[64], fptr[128];
	const char *field = k->sh.field;
	size_t last = k->c[k->n - 1]; /* located at the last member */
	snprintf(ptr, sizeof(ptr), "/circuits/%zu", last);
	snprintf(fptr, sizeof(fptr), "%s/%s", ptr, field ? field : "");
	struct nsp_finding *f =
		nsp_report(ctx, sev, ptr, field ? fptr : NULL, "%s", b.s);
	for (size_t i = 0; i < k->n; i++)
		nsp_finding_element(f, m->circuits[k->c[i]].id);
	if (k->sh.element)
		nsp_finding_element(f, k->sh.element);
	/* the other members as related locations, the first few of them */
	for (size_t i = 0, r = 0; i < k->n && r < NSP_MAX_RELATED; i++) {
		if (k->c[i] == last)
			continue;
		snprintf(ptr, sizeof(ptr), "/circuits/%zu", k->c[i]);
		snprintf(fptr, sizeof(fptr), "%s/%s", ptr, field ? field : "");
		nsp_finding_related(f, m, ptr, field ? fptr : NULL,
				    "circuit '%s'", m->circuits[k->c[i]].id);
		r++;
	}
	for (size_t i = 0; k->sh.lone && i < k->nd && i < NSP_MAX_RELATED;
	     i++) {
		const struct nsp_demand *d = &m->demands[k->d[i]];
		if (d->implicit)
			continue;
		snprintf(ptr, sizeof(ptr), "/demands/%zu", d->index);
		nsp_finding_related(f, m, ptr, NULL, "the demand");
	}
	nsp_buf_free(&b);
	free(dem);
	free(label);
}

/* The key that merges cuts across demands: element and circuits. */
static char *merge_key(const struct cut *k)
{
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, k->sh.element ? k->sh.element : "");
	for (size_t i = 0; i < k->n; i++)
		nsp_buf_printf(&b, "\x1f%zu", k->c[i]);
	return nsp_buf_detach(&b);
}

void nsp_each_cut_stage(struct nsp_ctx *ctx, size_t min,
			void (*fn)(struct nsp_ctx *,
				   const struct nsp_members *))
{
	struct nsp_cuts cs = {0};
	ctx->cuts = &cs;
	each_stage(ctx, min, fn);
	ctx->cuts = NULL;
	/* one finding per element and circuits, naming every demand */
	struct nsp_map seen = {0};
	char **keys = nsp_xmalloc((cs.n + 1) * sizeof(char *));
	for (size_t i = 0; i < cs.n; i++) {
		struct cut *k = &cs.v[i];
		keys[i] = merge_key(k);
		void *v = nsp_map_get(&seen, keys[i], strlen(keys[i]));
		if (!v) {
			nsp_map_put(&seen, keys[i], strlen(keys[i]),
				    (void *)(uintptr_t)(i + 1));
			continue;
		}
		struct cut *into = &cs.v[(size_t)(uintptr_t)v - 1];
		for (size_t j = 0; j < k->nd; j++)
			cut_demand(into, k->d[j]);
		k->merged = (size_t)(uintptr_t)v - 1;
	}
	for (size_t i = 0; i < cs.n; i++) {
		struct cut *k = &cs.v[i];
		if (k->merged == NSP_NONE)
			emit(ctx, k);
	}
	for (size_t i = 0; i < cs.n; i++) {
		free(keys[i]);
		free(cs.v[i].what);
		free(cs.v[i].c);
		free(cs.v[i].d);
		free(cs.v[i].key);
	}
	free(keys);
	free(cs.v);
	nsp_map_free(&seen);
	nsp_map_free(&cs.per_demand);
}
