/*
 * The writers of `nospof scenarios`: the failure table as text, Markdown
 * or JSON, a row at a time as rows come out of the spool, each row a copy
 * of labels made once per element, circuit and demand.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "scenarios.h"

/*
 * The text of every element, circuit and demand a row can name, made
 * once: in the text table (escaped), in Markdown (escaped for it too) or
 * as JSON strings. A row is then written by copying them.
 */
struct labels {
	size_t ne, nc, nd;
	char **elem; /* "circuit 'c1'"; JSON: the name as a JSON string */
	char **circ; /* the id; JSON: as a JSON string */
	char **dem;  /* "dc -> vpc"; JSON: "from" and "to" (2 per demand) */
};

/* Abort with a message when memory is exhausted, as nsp_xmalloc does. */
static void out_of_memory(void)
{
	fputs("nospof: out of memory\n", stderr);
	abort();
}

/* s escaped for a Markdown cell, as nsp_markdown_text writes it. */
static char *md_string(const char *s)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	if (!f)
		out_of_memory();
	nsp_markdown_text(f, s);
	if (fclose(f))
		out_of_memory();
	return out;
}

/* s escaped, as a JSON string (quotes included) as jansson writes it. */
static char *json_text(const char *s)
{
	char *e = nsp_escape(s, strlen(s));
	json_t *j = json_string(e);
	char *out = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
	json_decref(j);
	free(e);
	if (!out)
		out_of_memory();
	return out;
}

/* A label for a text or Markdown table: owned, escaped for Markdown. */
static char *cell(char *s, bool markdown)
{
	if (!markdown)
		return s;
	char *m = md_string(s);
	free(s);
	return m;
}

static void labels_init(struct labels *l, const struct nsp_analysis *a,
                        bool json, bool markdown)
{
	const struct nsp_model *m = a->m;
	l->ne = a->nelems;
	l->nc = m->ncircuits;
	l->nd = m->ndemands;
	l->elem = nsp_xcalloc(l->ne + 1, sizeof(char *));
	l->circ = nsp_xcalloc(l->nc + 1, sizeof(char *));
	l->dem = nsp_xcalloc(2 * l->nd + 1, sizeof(char *));
	for (size_t e = 0; e < l->ne; e++) {
		const struct nsp_felem *fe = &a->elems[e];
		if (json) {
			l->elem[e] = json_text(fe->name);
			continue;
		}
		struct nsp_buf b = {0};
		nsp_buf_printf(&b, "%s '", nsp_scn_class_title[fe->cls]);
		nsp_buf_escaped(&b, fe->name, strlen(fe->name));
		nsp_buf_putc(&b, '\'');
		l->elem[e] = cell(nsp_buf_detach(&b), markdown);
	}
	for (size_t c = 0; c < l->nc; c++) {
		const char *id = m->circuits[c].id;
		l->circ[c] = json ? json_text(id)
		                  : cell(nsp_escape(id, strlen(id)), markdown);
	}
	for (size_t d = 0; d < l->nd; d++) {
		if (json) {
			l->dem[2 * d] =
			    json_text(nsp_endpoint_id(m, m->demands[d].from));
			l->dem[2 * d + 1] =
			    json_text(nsp_endpoint_id(m, m->demands[d].to));
		} else {
			l->dem[d] = cell(nsp_demand_cell(m, d), markdown);
		}
	}
}

static void labels_free(struct labels *l)
{
	for (size_t i = 0; i < l->ne; i++)
		free(l->elem[i]);
	for (size_t i = 0; i < l->nc; i++)
		free(l->circ[i]);
	for (size_t i = 0; i < 2 * l->nd; i++)
		free(l->dem[i]);
	free(l->elem);
	free(l->circ);
	free(l->dem);
}

/* The usable bandwidth of a row's worst circuit (a LAG's rest after a
 * member failure). */
static double row_usable(const struct nsp_analysis *a, const struct row *r)
{
	if (r->member && r->worst == r->fail[0])
		return r->usable;
	return a->usable[r->worst];
}

/* Append an unsigned decimal. */
static void put_u64(struct nsp_buf *b, uint64_t v)
{
	char d[24];
	size_t i = sizeof(d);
	do
		d[--i] = (char)('0' + v % 10);
	while (v /= 10);
	nsp_buf_add(b, d + i, sizeof(d) - i);
}

/* Append v as printf's "%.0f" writes it. */
static void put_f0(struct nsp_buf *b, double v)
{
	if (v >= 0 && v < 1e15 && !signbit(v))
		put_u64(b, (uint64_t)rint(v));
	else
		nsp_buf_printf(b, "%.0f", v);
}

/* The cached text of a failover time: rows repeat a few values. */
struct fo_cache {
	uint64_t ms;
	char *text;
};

/* "never", "-" or the failover time of a row. */
static const char *failover_label(const struct row *r, struct fo_cache *c)
{
	if (!r->connected || (!r->never && !r->failover_ms))
		return "-";
	if (r->never)
		return "never";
	if (!c->text || c->ms != r->failover_ms) {
		free(c->text);
		c->text = nsp_duration_text(r->failover_ms);
		c->ms = r->failover_ms;
	}
	return c->text;
}

/* Append s and pad it with spaces to w bytes, as printf's "%-*s". */
static void put_padded(struct nsp_buf *b, const char *s, size_t w)
{
	size_t n = strlen(s);
	nsp_buf_add(b, s, n);
	for (; n < w; n++)
		nsp_buf_putc(b, ' ');
}

/* The "failed" cell of a row: "circuit 'c1' + router 'cpe2'", "(none)". */
static void put_failed(struct nsp_buf *b, const struct labels *l,
                       const struct row *r)
{
	if (r->member) {
		nsp_buf_puts(b, "member of '");
		nsp_buf_puts(b, l->circ[r->fail[0]]);
		nsp_buf_putc(b, '\'');
		return;
	}
	if (!r->nfail)
		nsp_buf_puts(b, "(none)");
	for (size_t i = 0; i < r->nfail; i++) {
		if (i)
			nsp_buf_puts(b, " + ");
		nsp_buf_puts(b, l->elem[r->fail[i]]);
	}
}

/* The "worst circuit load" cell: "c2 800/1000 Mbit/s (80%)" or "-". */
static void put_load(struct nsp_buf *b, const struct nsp_analysis *a,
                     const struct labels *l, const struct row *r)
{
	if (!r->connected || r->worst == NO_CIRCUIT) {
		nsp_buf_putc(b, '-');
		return;
	}
	nsp_buf_puts(b, l->circ[r->worst]);
	nsp_buf_putc(b, ' ');
	put_f0(b, r->load);
	nsp_buf_putc(b, '/');
	put_f0(b, row_usable(a, r));
	nsp_buf_puts(b, " Mbit/s (");
	put_f0(b, 100.0 * r->share);
	nsp_buf_puts(b, "%)");
}

static const char *const survives_text[3] = {"yes", "overload", "no"};

/* One row of the text table (widths wf, wd) or of the Markdown table. */
static void text_row(struct nsp_buf *b, const struct nsp_analysis *a,
                     const struct labels *l, const struct row *r,
                     struct fo_cache *fo, int wf, int wd, bool markdown)
{
	size_t at = b->len;
	const char *s = survives_text[nsp_scn_row_state(r)];
	if (markdown) {
		nsp_buf_puts(b, "| ");
		put_failed(b, l, r);
		nsp_buf_puts(b, " | ");
		nsp_buf_puts(b, l->dem[r->demand]);
		nsp_buf_puts(b, " | ");
		nsp_buf_puts(b, s);
		nsp_buf_puts(b, " | ");
		put_load(b, a, l, r);
		nsp_buf_puts(b, " | ");
		/* a failover time holds nothing Markdown would read */
		nsp_buf_puts(b, failover_label(r, fo));
		nsp_buf_puts(b, " |\n");
		return;
	}
	put_failed(b, l, r);
	for (size_t n = b->len - at; n < (size_t)wf; n++)
		nsp_buf_putc(b, ' ');
	nsp_buf_puts(b, "  ");
	put_padded(b, l->dem[r->demand], (size_t)wd);
	nsp_buf_puts(b, "  ");
	put_padded(b, s, 8);
	nsp_buf_puts(b, "  ");
	at = b->len;
	put_load(b, a, l, r);
	for (size_t n = b->len - at; n < 30; n++)
		nsp_buf_putc(b, ' ');
	nsp_buf_puts(b, "  ");
	nsp_buf_puts(b, failover_label(r, fo));
	nsp_buf_putc(b, '\n');
}

/*
 * Column widths of the text table: the longest label of an element any
 * demand uses (twice, and " + ", at depth 2), the longest demand label,
 * each within a bound so that one long name does not push every row.
 */
static void text_widths(const struct nsp_analysis *a, const struct labels *l,
                        int depth, int *wf, int *wd)
{
	size_t lf = strlen("(none)"), ld = strlen("DEMAND");
	for (size_t d = 0; d < a->m->ndemands; d++) {
		size_t ne;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		for (size_t k = 0; k < ne; k++) {
			size_t f = strlen(l->elem[el[k]]);
			size_t w = depth > 1 ? 2 * f + 3 : f;
			lf = w > lf ? w : lf;
		}
		ld = strlen(l->dem[d]) > ld ? strlen(l->dem[d]) : ld;
	}
	for (size_t k = 0; a->m->ndemands && k < a->m->ncircuits; k++) {
		size_t f = strlen("member of ''") + strlen(l->circ[k]);
		if (a->m->circuits[k].lag.present && f > lf)
			lf = f;
	}
	*wf = (int)(lf < 72 ? lf : 72);
	*wd = (int)(ld < 48 ? ld : 48);
}

/* The summary's i-th line: the classes, then member failures of LAGs
 * (slot NSP_CLASS_COUNT + 1), then pairs (slot NSP_CLASS_COUNT). */
static int summary_slot(int i)
{
	return i < NSP_CLASS_COUNT    ? i
	       : i == NSP_CLASS_COUNT ? NSP_CLASS_COUNT + 1
	                              : NSP_CLASS_COUNT;
}

/* The name of a summary slot. */
static const char *summary_name(int c)
{
	return c < NSP_CLASS_COUNT    ? nsp_scn_class_title[c]
	       : c == NSP_CLASS_COUNT ? "pairs"
	                              : "member";
}

/* Write the buffer out when it holds more than this, and empty it. */
#define FLUSH_AT 65536

static void flush_buf(FILE *out, struct nsp_buf *b, size_t at)
{
	if (b->len < at)
		return;
	fwrite(b->s, 1, b->len, out);
	b->len = 0;
}

/* The text or Markdown table: rows as they come out of the spool. */
int nsp_scn_write_text(FILE *out, struct table *tb, int depth,
                       const char *file, bool markdown)
{
	const struct nsp_analysis *a = tb->a;
	struct tally t[NSP_CLASS_COUNT + 2];
	struct labels l = {0};
	int wf = 0, wd = 0;
	size_t n = tb->rows.total;
	nsp_scn_summarise(tb, t);
	labels_init(&l, a, false, markdown);
	if (markdown) {
		fputs("# Failure scenarios of ", out);
		nsp_markdown_text(out, file);
		fprintf(out,
		        " (depth %d)\n\n"
		        "| failed | demand | survives | worst circuit load "
		        "| failover |\n|---|---|---|---|---|\n",
		        depth);
	} else {
		text_widths(a, &l, depth, &wf, &wd);
		char *rows_n = nsp_count(n, "scenario row", "scenario rows");
		fprintf(out,
		        "%s: %s (depth %d), worst first\n"
		        "%-*s  %-*s  %-8s  %-30s  %s\n",
		        file, rows_n, depth, wf, "FAILED", wd, "DEMAND",
		        "SURVIVES", "WORST CIRCUIT LOAD", "FAILOVER");
		free(rows_n);
	}
	struct nsp_buf b = {0};
	struct fo_cache fo = {0};
	const struct row *r;
	while ((r = nsp_spool_next(&tb->rows))) {
		text_row(&b, a, &l, r, &fo, wf, wd, markdown);
		flush_buf(out, &b, FLUSH_AT);
	}
	flush_buf(out, &b, 0);
	nsp_buf_free(&b);
	free(fo.text);
	labels_free(&l);
	fprintf(out, markdown
	                 ? "\n## What the design survives\n\n"
	                   "| failures | elements | survived | overloaded "
	                   "| cut |\n|---|---|---|---|---|\n"
	                 : "\nsummary: what the design survives, by class\n");
	for (int i = 0; i <= NSP_CLASS_COUNT + 1; i++) {
		int c = summary_slot(i);
		if (!t[c].elements)
			continue;
		const char *name = summary_name(c);
		if (markdown)
			fprintf(out, "| %s | %zu | %zu | %zu | %zu |\n", name,
			        t[c].elements, t[c].survived, t[c].overloaded,
			        t[c].cut);
		else {
			char *what =
			    c == NSP_CLASS_COUNT
			        ? nsp_count(t[c].elements, "pair row",
			                    "pair rows")
			    : c > NSP_CLASS_COUNT
			        ? nsp_count(t[c].elements, "LAG", "LAGs")
			        : nsp_count(t[c].elements, "element",
			                    "elements");
			fprintf(out,
			        "  %-12s %s: %zu survived, %zu overloaded, "
			        "%zu cut a demand\n",
			        name, what, t[c].survived, t[c].overloaded,
			        t[c].cut);
			free(what);
		}
	}
	return tb->rows.failed ? -1 : 0;
}

/*
 * Append v rounded to 0.1 as jansson writes a real with
 * JSON_REAL_PRECISION(12): "%.12g", ".0" when that has no '.' or 'e', no
 * '+' and no leading zero in an exponent.
 */
static void put_real(struct nsp_buf *b, double v)
{
	long long t = (long long)(v * 10 + (v < 0 ? -0.5 : 0.5));
	if (t > -100000000000LL && t < 100000000000LL) {
		/* at most 11 digits: "%.12g" gives them back exactly */
		if (t < 0)
			nsp_buf_putc(b, '-');
		uint64_t u = t < 0 ? (uint64_t)-t : (uint64_t)t;
		put_u64(b, u / 10);
		nsp_buf_putc(b, '.');
		nsp_buf_putc(b, (char)('0' + u % 10));
		return;
	}
	char s[40];
	int n = snprintf(s, sizeof(s) - 3, "%.12g", (double)t / 10);
	if (!strchr(s, '.') && !strchr(s, 'e'))
		memcpy(s + n, ".0", 3);
	char *e = strchr(s, 'e');
	if (e) {
		char *from = e + 1, *to = e + 1;
		if (*from == '+')
			from++;
		else if (*from == '-')
			from++, to++;
		while (*from == '0' && from[1])
			from++;
		memmove(to, from, strlen(from) + 1);
	}
	nsp_buf_puts(b, s);
}

/* One row of the JSON table, as jansson's JSON_INDENT(2) writes it at
 * depth 2 of the document. */
static void json_row(struct nsp_buf *b, const struct nsp_analysis *a,
                     const struct labels *l, const struct row *r)
{
	size_t nf = r->member ? 1 : r->nfail;
	nsp_buf_puts(b, nf ? "{\n      \"failed\": [" : "{\n      \"failed\": []");
	for (size_t k = 0; k < nf; k++) {
		nsp_buf_puts(b, k ? ",\n        {\n          \"class\": \""
		                  : "\n        {\n          \"class\": \"");
		nsp_buf_puts(b, r->member ? "member"
		                          : nsp_scn_class_title[a->elems[r->fail[k]].cls]);
		nsp_buf_puts(b, "\",\n          \"name\": ");
		nsp_buf_puts(b, r->member ? l->circ[r->fail[0]]
		                          : l->elem[r->fail[k]]);
		nsp_buf_puts(b, "\n        }");
	}
	if (nf)
		nsp_buf_puts(b, "\n      ]");
	nsp_buf_puts(b, ",\n      \"demand\": {\n        \"from\": ");
	nsp_buf_puts(b, l->dem[2 * r->demand]);
	nsp_buf_puts(b, ",\n        \"to\": ");
	nsp_buf_puts(b, l->dem[2 * r->demand + 1]);
	nsp_buf_puts(b, r->connected ? "\n      },\n      \"survives\": true"
	                             : "\n      },\n      \"survives\": false");
	bool w = r->connected && r->worst != NO_CIRCUIT;
	nsp_buf_puts(b, ",\n      \"worst_circuit\": ");
	nsp_buf_puts(b, w ? l->circ[r->worst] : "null");
	nsp_buf_puts(b, ",\n      \"worst_load_mbps\": ");
	if (w)
		put_real(b, r->load);
	else
		nsp_buf_puts(b, "null");
	nsp_buf_puts(b, ",\n      \"usable_mbps\": ");
	if (w)
		put_real(b, row_usable(a, r));
	else
		nsp_buf_puts(b, "null");
	nsp_buf_puts(b, ",\n      \"worst_share\": ");
	if (w)
		put_real(b, 100 * r->share);
	else
		nsp_buf_puts(b, "null");
	nsp_buf_puts(b, ",\n      \"failover_ms\": ");
	if (r->connected && !r->never) {
		if (r->failover_ms > (uint64_t)INT64_MAX)
			nsp_buf_printf(b, "%lld", (long long)r->failover_ms);
		else
			put_u64(b, r->failover_ms);
	} else {
		nsp_buf_puts(b, "null");
	}
	nsp_buf_puts(b, r->never ? ",\n      \"failover_never\": true\n    }"
	                         : ",\n      \"failover_never\": false\n    }");
}

#define JSON_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(12))

/*
 * Write j as jansson's JSON_INDENT(2) would inside a document, at nesting
 * level depth: every line after the first indented by 2 * depth spaces.
 * JSON strings hold no raw newline, so every newline is a line break.
 * Returns 0, or -1 when j cannot be encoded.
 */
static int dump_nested(FILE *out, const json_t *j, int depth)
{
	char *s = json_dumps(j, JSON_FLAGS | JSON_ENCODE_ANY);
	if (!s)
		return -1;
	for (const char *p = s; *p; p++) {
		fputc(*p, out);
		if (*p == '\n')
			fprintf(out, "%*s", 2 * depth, "");
	}
	free(s);
	return 0;
}

/*
 * The table as one JSON document, written a row at a time as the rows
 * come out of the spool, without a JSON tree per row; the bytes are those
 * json_dumpf would write for the whole document as one tree.
 */
int nsp_scn_write_json(FILE *out, struct table *tb, int depth,
                       const char *file)
{
	const struct nsp_analysis *a = tb->a;
	int rc = 0;
	struct labels l = {0};
	labels_init(&l, a, true, false);
	char *name = json_text(file);
	fprintf(out, "{\n  \"file\": %s,\n  \"depth\": %d,\n  \"rows\": [",
	        name, depth);
	free(name);
	struct nsp_buf b = {0};
	const struct row *r;
	size_t i = 0;
	while ((r = nsp_spool_next(&tb->rows))) {
		nsp_buf_puts(&b, i++ ? ",\n    " : "\n    ");
		json_row(&b, a, &l, r);
		flush_buf(out, &b, FLUSH_AT);
	}
	flush_buf(out, &b, 0);
	nsp_buf_free(&b);
	labels_free(&l);
	fputs(i ? "\n  ],\n  \"summary\": " : "],\n  \"summary\": ", out);
	struct tally t[NSP_CLASS_COUNT + 2];
	nsp_scn_summarise(tb, t);
	json_t *sum = json_object();
	for (int k = 0; k <= NSP_CLASS_COUNT + 1; k++) {
		int c = summary_slot(k);
		if (!t[c].elements)
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "elements",
		                    json_integer((json_int_t)t[c].elements));
		json_object_set_new(o, "survived",
		                    json_integer((json_int_t)t[c].survived));
		json_object_set_new(o, "overloaded",
		                    json_integer((json_int_t)t[c].overloaded));
		json_object_set_new(o, "cut",
		                    json_integer((json_int_t)t[c].cut));
		json_object_set_new(sum, summary_name(c), o);
	}
	rc |= dump_nested(out, sum, 1);
	json_decref(sum);
	fputs("\n}\n", out);
	return rc || tb->rows.failed ? -1 : 0;
}

