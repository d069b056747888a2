/* Helpers shared by the diversity (DIV) and redundancy (HA) rules. */
#include "div.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nsp_each_stage(struct nsp_ctx *ctx, size_t min,
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

char *nsp_member_list(const struct nsp_members *s)
{
	/* name at most 8; a message naming thousands helps nobody */
	size_t shown = s->n > 8 ? 6 : s->n;
	struct nsp_buf b = {0};
	for (size_t i = 0; i < shown; i++) {
		if (i)
			nsp_buf_puts(&b, i + 1 == s->n ? " and " : ", ");
		nsp_buf_printf(&b, "'%s'", s->m->circuits[s->c[i]].id);
	}
	if (shown < s->n)
		nsp_buf_printf(&b, " and %zu more", s->n - shown);
	return nsp_buf_detach(&b);
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
