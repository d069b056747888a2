/*
 * The locator of an imported design: a JSON Pointer goes through the YAML
 * locator of the written design to its line, and the line to where its
 * value came from, the Terraform input (the resource object) or the
 * overlay line that gave it; so overlay facts keep their YAML line.
 */
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "model/model.h"

/* Where one line of the written design came from. */
struct line {
	struct nsp_loc at; /* line 0: nowhere */
	size_t file;       /* 0: the input, else 1 + index into names */
};

struct located {
	struct nsp_locator inner; /* the written design's */
	struct line *v;           /* per line */
	size_t n;
	char **names, **raw;      /* escaped and raw overlay names */
	size_t nnames;
};

/* The origin of pointer's line, or NULL. */
static const struct line *find(const struct located *l,
					 const char *pointer)
{
	struct nsp_loc at = l->inner.ops->loc(l->inner.data, pointer);
	if (!at.line || at.line > l->n || !l->v[at.line - 1].at.line)
		return NULL;
	return &l->v[at.line - 1];
}

/*
 * The position pointer's value came from; a value nothing in the input
 * gave (a gap the import filled, the default demand) is the input's 1:1.
 */
static struct nsp_loc loc(const void *data, const char *pointer)
{
	const struct line *o = find(data, pointer);
	return o ? o->at : (struct nsp_loc){1, 1};
}

/* Where a value ends is not kept across the import. */
static struct nsp_loc end(const void *data, const char *pointer)
{
	(void)data;
	(void)pointer;
	return (struct nsp_loc){0, 0};
}

/* The overlay pointer's value came from, or NULL for the input. */
static const char *file(const void *data, const char *pointer,
			const char **raw)
{
	const struct located *l = data;
	const struct line *o = find(l, pointer);
	if (!o || !o->file)
		return NULL;
	size_t i = o->file - 1;
	*raw = l->raw[i];
	return l->names[i];
}

/* Free the locator and the written design's. */
static void free_located(void *data)
{
	struct located *l = data;
	if (l->inner.ops)
		l->inner.ops->free(l->inner.data);
	for (size_t i = 0; i < l->nnames; i++) {
		free(l->names[i]);
		free(l->raw[i]);
	}
	free(l->names);
	free(l->raw);
	free(l->v);
	free(l);
}

static const struct nsp_locator_ops ops = {loc, end, free_located, file};

void nsp_import_locate(struct nsp_model *m, const struct nsp_import *out,
		       const char *input)
{
	(void)input;
	struct located *l = nsp_xcalloc(1, sizeof(*l));
	l->inner = m->where;
	l->n = out->norigins;
	l->v = nsp_xcalloc(l->n + 1, sizeof(*l->v));
	for (size_t i = 0; i < l->n; i++) {
		l->v[i].at = (struct nsp_loc){out->origins[i].line,
					      out->origins[i].col};
		if (!out->origins[i].file)
			continue;
		/* one name per overlay; the origin keeps its index + 1 */
		size_t k = 0;
		while (k < l->nnames && strcmp(l->raw[k], out->origins[i].file))
			k++;
		if (k == l->nnames) {
			l->names = nsp_xrealloc(l->names, (k + 1) *
						sizeof(*l->names));
			l->raw = nsp_xrealloc(l->raw, (k + 1) * sizeof(*l->raw));
			const char *f = out->origins[i].file;
			l->names[k] = nsp_escape(f, strlen(f));
			l->raw[k] = nsp_xstrdup(f);
			l->nnames++;
		}
		l->v[i].file = k + 1;
	}
	m->where.ops = &ops;
	m->where.data = l;
	/* the import findings, for the IMPnnn rules to report (§1.1) */
	for (size_t i = 0; i < out->nf; i++) {
		if (!out->f[i].file) {
			nsp_model_note(m, out->f[i].code, (int)out->f[i].sev,
				       out->f[i].loc, out->f[i].msg);
			continue;
		}
		/* a NetBox finding: the page named, at the design's 1:1 */
		const char *pf = out->f[i].file;
		char *pe = nsp_escape(pf, strlen(pf));
		char *msg = nsp_xasprintf("%s (at %s:%u:%u)", out->f[i].msg, pe,
					  out->f[i].loc.line, out->f[i].loc.col);
		nsp_model_note(m, out->f[i].code, (int)out->f[i].sev,
			       (struct nsp_loc){1, 1}, msg);
		free(msg);
		free(pe);
	}
}
