/*
 * Findings: how a rule reports one (located through the model's locator),
 * the input errors as findings, and their deterministic order.
 */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct nsp_finding *findings_push(struct nsp_findings *fs)
{
	NSP_GROW(fs->v, fs->cap, fs->n + 1);
	struct nsp_finding *f = nsp_xcalloc(1, sizeof(*f));
	fs->v[fs->n++] = f;
	return f;
}

/* nsp_report with a va_list. */
static struct nsp_finding *vreport(struct nsp_ctx *ctx, enum nsp_severity sev,
				   const char *pointer,
				   const char *field_pointer, const char *fmt,
				   va_list ap)
{
	struct nsp_finding *f = findings_push(ctx->out);
	char *raw = nsp_xvasprintf(fmt, ap);
	f->rule_id = ctx->rule->id;
	f->rule_name = ctx->rule->name;
	f->severity = sev;
	f->file = ctx->file;
	f->message = nsp_escape(raw, strlen(raw));
	free(raw);
	f->pointer = nsp_escape(pointer, strlen(pointer));
	f->loc = nsp_model_loc(ctx->model,
			       field_pointer ? field_pointer : pointer);
	f->end = nsp_model_end(ctx->model,
			       field_pointer ? field_pointer : pointer);
	const struct nsp_locator *w = &ctx->model->where;
	if (w->ops && w->ops->file) {
		const char *rawname = NULL;
		const char *file = w->ops->file(w->data, field_pointer ?
						field_pointer : pointer, &rawname);
		if (file) {
			f->file = file;
			f->path = rawname;
		}
	}
	return f;
}

struct nsp_finding *nsp_report(struct nsp_ctx *ctx, enum nsp_severity sev,
			       const char *pointer, const char *field_pointer,
			       const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct nsp_finding *f = vreport(ctx, sev, pointer, field_pointer, fmt,
					ap);
	va_end(ap);
	return f;
}

struct nsp_finding *nsp_report_note(struct nsp_ctx *ctx,
				    const struct nsp_note *n)
{
	struct nsp_finding *f = findings_push(ctx->out);
	f->rule_id = ctx->rule->id;
	f->rule_name = ctx->rule->name;
	f->severity = n->sev <= NSP_ERROR ? (enum nsp_severity)n->sev :
					    NSP_ERROR;
	f->file = ctx->file;
	f->message = nsp_xstrdup(n->msg);
	f->pointer = nsp_xstrdup("");
	f->loc = n->loc;
	return f;
}

struct nsp_finding *nsp_report_at(struct nsp_ctx *ctx, enum nsp_severity sev,
				  const char *list, size_t index,
				  const char *field, const char *fmt, ...)
{
	char ptr[96], fptr[192];
	snprintf(ptr, sizeof(ptr), "/%s/%zu", list, index);
	if (field)
		snprintf(fptr, sizeof(fptr), "%s/%s", ptr, field);
	va_list ap;
	va_start(ap, fmt);
	struct nsp_finding *f =
		vreport(ctx, sev, ptr, field ? fptr : NULL, fmt, ap);
	va_end(ap);
	return f;
}

void nsp_finding_element(struct nsp_finding *f, const char *id)
{
	/* duplicates are dropped once the rules ran (unique_elements) */
	if ((f->nelements & (f->nelements - 1)) == 0)
		f->elements = nsp_xrealloc(f->elements,
					   (f->nelements ? 2 * f->nelements :
							   1) *
						   sizeof(*f->elements));
	f->elements[f->nelements++] = nsp_escape(id, strlen(id));
}

void nsp_finding_related(struct nsp_finding *f, const struct nsp_model *m,
			 const char *pointer, const char *field_pointer,
			 const char *fmt, ...)
{
	if ((f->nrelated & (f->nrelated - 1)) == 0)
		f->related = nsp_xrealloc(f->related,
					  (f->nrelated ? 2 * f->nrelated : 1) *
						  sizeof(*f->related));
	struct nsp_related *r = &f->related[f->nrelated++];
	va_list ap;
	va_start(ap, fmt);
	char *raw = nsp_xvasprintf(fmt, ap);
	va_end(ap);
	r->message = nsp_escape(raw, strlen(raw));
	r->source = NULL;
	free(raw);
	r->pointer = nsp_escape(pointer, strlen(pointer));
	r->loc = nsp_model_loc(m, field_pointer ? field_pointer : pointer);
	r->end = nsp_model_end(m, field_pointer ? field_pointer : pointer);
}

void nsp_findings_add_input(struct nsp_findings *fs, const char *file,
			    const struct nsp_diag *d)
{
	struct nsp_finding *f = findings_push(fs);
	f->rule_id = "INPUT";
	f->rule_name = "input-error";
	f->severity = NSP_ERROR;
	f->file = file;
	f->message = nsp_xstrdup(d->msg);
	f->pointer = nsp_xstrdup(d->pointer);
	f->loc = d->loc;
}

static void finding_free(struct nsp_finding *f)
{
	if (!f)
		return;
	free(f->message);
	free(f->pointer);
	for (size_t i = 0; i < f->nelements; i++)
		free(f->elements[i]);
	free(f->elements);
	for (size_t i = 0; i < f->nrelated; i++) {
		free(f->related[i].pointer);
		free(f->related[i].message);
		free(f->related[i].source);
	}
	free(f->related);
	free(f);
}

void nsp_finding_free(struct nsp_finding *f)
{
	finding_free(f);
}

void nsp_findings_free(struct nsp_findings *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		finding_free(fs->v[i]);
	free(fs->v);
	memset(fs, 0, sizeof(*fs));
}

static int cmp_finding(const void *a, const void *b)
{
	const struct nsp_finding *x = *(const struct nsp_finding *const *)a;
	const struct nsp_finding *y = *(const struct nsp_finding *const *)b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	if (x->loc.line != y->loc.line)
		return x->loc.line < y->loc.line ? -1 : 1;
	if (x->loc.col != y->loc.col)
		return x->loc.col < y->loc.col ? -1 : 1;
	c = strcmp(x->rule_id, y->rule_id);
	if (c)
		return c;
	for (size_t i = 0; i < x->nelements && i < y->nelements; i++) {
		c = strcmp(x->elements[i], y->elements[i]);
		if (c)
			return c;
	}
	if (x->nelements != y->nelements)
		return x->nelements < y->nelements ? -1 : 1;
	return strcmp(x->message, y->message);
}

void nsp_findings_sort(struct nsp_findings *fs)
{
	if (fs->n > 1)
		qsort(fs->v, fs->n, sizeof(*fs->v), cmp_finding);
}
