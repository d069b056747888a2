/* nospof scenarios: the failure table of one design. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/cuts.h"
#include "analysis/failure.h"
#include "analysis/member.h"
#include "load/load.h"
#include "report/report.h"
#include "../rules/rules.h"
#include "cli.h"

/* One row: a scenario (no, one or two failed elements) and a demand. */
struct row {
	size_t fail[2], nfail;
	size_t demand;
	struct nsp_outcome o;
	/* a member failure: fail[0] is the LAG circuit, usable its rest */
	bool member;
	double usable;
};

/* Failover time for sorting: never noticed is the longest. */
static uint64_t failover_key(const struct nsp_outcome *o)
{
	return o->failover_never ? UINT64_MAX : o->failover_ms;
}

/* Worst first: cut, then most loaded, then slowest, then input order. */
static int cmp_row(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	if (a->o.connected != b->o.connected)
		return a->o.connected ? 1 : -1;
	double sa = a->o.worst_circuit == NSP_NONE ? -1 : a->o.worst_share;
	double sb = b->o.worst_circuit == NSP_NONE ? -1 : b->o.worst_share;
	if (sa > sb + 1e-12 || sa < sb - 1e-12)
		return sa > sb ? -1 : 1;
	uint64_t fa = failover_key(&a->o), fb = failover_key(&b->o);
	if (fa != fb)
		return fa > fb ? -1 : 1;
	if (a->nfail != b->nfail)
		return a->nfail < b->nfail ? -1 : 1;
	if (a->member != b->member)
		return a->member ? 1 : -1;
	if (a->demand != b->demand)
		return a->demand < b->demand ? -1 : 1;
	for (size_t i = 0; i < a->nfail; i++)
		if (a->fail[i] != b->fail[i])
			return a->fail[i] < b->fail[i] ? -1 : 1;
	return 0;
}

/* The rows being built, and how far the pairs are. */
struct rows {
	struct row *v;
	size_t n, cap;
	size_t pairs, npairs; /* pair rows so far, and in all */
	struct nsp_progress progress;
};

static void add_pair(void *ctx, size_t d, size_t e1, size_t e2,
                     const struct nsp_outcome *o)
{
	struct rows *r = ctx;
	NSP_GROW(r->v, r->cap, r->n + 1);
	r->v[r->n++] = (struct row){{e1, e2}, 2, d, *o, false, 0};
	if (!(++r->pairs & 1023))
		nsp_progress_show(&r->progress,
		                  "scenarios --depth 2: %zu of %zu pair rows "
		                  "(%zu%%)",
		                  r->pairs, r->npairs,
		                  r->pairs * 100 / (r->npairs ? r->npairs : 1));
}

/* The pairs of the elements demand d uses: the rows it has at depth 2. */
static size_t demand_pairs(const struct nsp_analysis *a, size_t d)
{
	size_t ne;
	nsp_demand_elems(a, d, &ne);
	return ne * (ne ? ne - 1 : 0) / 2;
}

/*
 * Refuse --depth 2 when a demand has more pairs of failure elements than
 * max_pairs: each is rerouted over the demand's paths, so the work grows
 * with the cube of the elements. 0, or a usage error (printed).
 */
static int check_pairs(const struct nsp_analysis *a, const char *file,
                       uint64_t max_pairs)
{
	const struct nsp_model *m = a->m;
	for (size_t d = 0; d < m->ndemands; d++) {
		size_t ne, pairs = demand_pairs(a, d);
		if (pairs <= max_pairs)
			continue;
		nsp_demand_elems(a, d, &ne);
		return nsp_usage_error(
		    "scenarios: '%s': demand '%s' -> '%s' (line %u) uses %zu "
		    "failure elements, so --depth 2 would evaluate %zu pairs "
		    "of them, over the limit of %llu per demand (raise it "
		    "with --max-pairs N)",
		    file, nsp_endpoint_id(m, m->demands[d].from),
		    nsp_endpoint_id(m, m->demands[d].to),
		    (unsigned)m->demands[d].loc.line, ne, pairs,
		    (unsigned long long)max_pairs);
	}
	return 0;
}

/* Every row of the analysis up to the given depth, sorted. */
static struct row *build_rows(const struct nsp_analysis *a, int depth,
                              size_t *n)
{
	const struct nsp_model *m = a->m;
	struct rows r = {0};
	for (size_t d = 0; d < m->ndemands; d++) {
		size_t ne;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		NSP_GROW(r.v, r.cap, r.n + 1 + ne);
		r.v[r.n++] = (struct row){
		    {0, 0}, 0, d, *nsp_demand_base(a, d), false, 0};
		for (size_t k = 0; k < ne; k++)
			r.v[r.n++] = (struct row){
			    {el[k], 0}, 1, d, *nsp_demand_single(a, d, k), false, 0};
	}
	struct nsp_member_failure *mf;
	size_t nm = nsp_member_failures(a, &mf);
	for (size_t i = 0; i < nm; i++) {
		NSP_GROW(r.v, r.cap, r.n + 1);
		r.v[r.n++] = (struct row){{mf[i].circuit, 0}, 1, mf[i].demand,
		                          mf[i].o, true, mf[i].usable};
	}
	free(mf);
	if (depth >= 2) {
		for (size_t d = 0; d < m->ndemands; d++)
			r.npairs += demand_pairs(a, d);
		nsp_progress_start(&r.progress);
		nsp_analysis_pairs(a, add_pair, &r);
		nsp_progress_end(&r.progress);
	}
	if (r.n > 1)
		qsort(r.v, r.n, sizeof(*r.v), cmp_row);
	*n = r.n;
	return r.v;
}

/* "circuit 'c1' + router 'cpe2'", or "(none)", escaped. */
static char *failed_label(const struct nsp_analysis *a, const struct row *r)
{
	static const char *const what[NSP_CLASS_COUNT] = {
	    "circuit", "port",        "router",  "pop",  "facility",
	    "metro",   "edge_domain", "carrier", "srlg",
	};
	struct nsp_buf b = {0};
	if (r->member) {
		const char *id = a->m->circuits[r->fail[0]].id;
		nsp_buf_puts(&b, "member of '");
		nsp_buf_escaped(&b, id, strlen(id));
		nsp_buf_putc(&b, '\'');
		return nsp_buf_detach(&b);
	}
	if (!r->nfail)
		nsp_buf_puts(&b, "(none)");
	for (size_t i = 0; i < r->nfail; i++) {
		const struct nsp_felem *e = &a->elems[r->fail[i]];
		nsp_buf_printf(&b, "%s%s '", i ? " + " : "", what[e->cls]);
		nsp_buf_escaped(&b, e->name, strlen(e->name));
		nsp_buf_putc(&b, '\'');
	}
	return nsp_buf_detach(&b);
}

char *nsp_demand_cell(const struct nsp_model *m, size_t d)
{
	struct nsp_buf b = {0};
	const char *f = nsp_endpoint_id(m, m->demands[d].from);
	const char *t = nsp_endpoint_id(m, m->demands[d].to);
	nsp_buf_escaped(&b, f, strlen(f));
	nsp_buf_puts(&b, " -> ");
	nsp_buf_escaped(&b, t, strlen(t));
	return nsp_buf_detach(&b);
}

/* The usable bandwidth of a row's worst circuit (a LAG's rest after a
 * member failure). */
static double row_usable(const struct nsp_analysis *a, const struct row *r)
{
	if (r->member && r->o.worst_circuit == r->fail[0])
		return r->usable;
	return a->usable[r->o.worst_circuit];
}

/* "c2 800/1000 Mbit/s (80%)" or "-" */
static char *load_label(const struct nsp_analysis *a, const struct row *r)
{
	const struct nsp_outcome *o = &r->o;
	if (!o->connected || o->worst_circuit == NSP_NONE)
		return nsp_xstrdup("-");
	const char *id = a->m->circuits[o->worst_circuit].id;
	struct nsp_buf b = {0};
	nsp_buf_escaped(&b, id, strlen(id));
	nsp_buf_printf(&b, " %.0f/%.0f Mbit/s (%.0f%%)", o->worst_load,
	               row_usable(a, r), 100.0 * o->worst_share);
	return nsp_buf_detach(&b);
}

static char *failover_label(const struct row *r)
{
	if (!r->o.connected)
		return nsp_xstrdup("-");
	if (r->o.failover_never)
		return nsp_xstrdup("never");
	if (!r->o.failover_ms)
		return nsp_xstrdup("-");
	return nsp_duration_text(r->o.failover_ms);
}

/* What the design survives, by class (and pairs at depth 2). */
struct tally {
	size_t elements, survived, overloaded, cut;
};

static void summarise(const struct nsp_analysis *a, const struct row *rows,
                      size_t n, struct tally t[NSP_CLASS_COUNT + 2])
{
	/* per element (or pair row): worst over the demands */
	int *state = nsp_xcalloc(a->nelems + 1, sizeof(int));
	bool *used = nsp_xcalloc(a->nelems + 1, sizeof(bool));
	/* per LAG circuit: 1 + the worst state of its member rows */
	int *mstate = nsp_xcalloc(a->m->ncircuits + 1, sizeof(int));
	memset(t, 0, (NSP_CLASS_COUNT + 2) * sizeof(*t));
	for (size_t i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		int s = !r->o.connected ? 2
		        : r->o.worst_circuit != NSP_NONE &&
		                r->o.worst_share > 1 + 1e-9
		            ? 1
		            : 0;
		if (r->member) {
			mstate[r->fail[0]] = s + 1 > mstate[r->fail[0]]
			                         ? s + 1
			                         : mstate[r->fail[0]];
		} else if (r->nfail == 1) {
			used[r->fail[0]] = true;
			if (s > state[r->fail[0]])
				state[r->fail[0]] = s;
		}
	}
	for (size_t e = 0; e < a->nelems; e++) {
		if (!used[e])
			continue;
		struct tally *c = &t[a->elems[e].cls];
		c->elements++;
		c->cut += state[e] == 2;
		c->overloaded += state[e] == 1;
		c->survived += state[e] == 0;
	}
	for (size_t c = 0; c < a->m->ncircuits; c++) {
		if (!mstate[c])
			continue;
		struct tally *mt = &t[NSP_CLASS_COUNT + 1];
		mt->elements++;
		mt->cut += mstate[c] == 3;
		mt->overloaded += mstate[c] == 2;
		mt->survived += mstate[c] == 1;
	}
	free(mstate);
	free(state);
	free(used);
	/* pairs: each (pair, demand) row counted once per pair */
	struct tally *p = &t[NSP_CLASS_COUNT];
	for (size_t i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		if (r->nfail != 2)
			continue;
		p->elements++;
		if (!r->o.connected)
			p->cut++;
		else if (r->o.worst_circuit != NSP_NONE &&
		         r->o.worst_share > 1 + 1e-9)
			p->overloaded++;
		else
			p->survived++;
	}
}

static const char *const class_title[NSP_CLASS_COUNT] = {
    "circuit", "port",        "router",  "pop",  "facility",
    "metro",   "edge_domain", "carrier", "srlg",
};

/*
 * The summary's i-th line: the classes, then member failures of LAGs
 * (slot NSP_CLASS_COUNT + 1), then pairs (slot NSP_CLASS_COUNT).
 */
static int summary_slot(int i)
{
	return i < NSP_CLASS_COUNT    ? i
	       : i == NSP_CLASS_COUNT ? NSP_CLASS_COUNT + 1
	                              : NSP_CLASS_COUNT;
}

/* The name of a summary slot. */
static const char *summary_name(int c)
{
	return c < NSP_CLASS_COUNT    ? class_title[c]
	       : c == NSP_CLASS_COUNT ? "pairs"
	                              : "member";
}

/* A Markdown table cell: escaped text, then the separator. */
static void md_cell(FILE *out, const char *s)
{
	nsp_markdown_text(out, s);
	fputs(" | ", out);
}

/*
 * Column widths of the text table: the longest label of an element any
 * demand uses (twice, and " + ", at depth 2), the longest demand label,
 * each within a bound so that one long name does not push every row.
 */
static void text_widths(const struct nsp_analysis *a, int depth, int *wf,
                        int *wd)
{
	size_t lf = strlen("(none)"), ld = strlen("DEMAND");
	for (size_t d = 0; d < a->m->ndemands; d++) {
		size_t ne;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		for (size_t k = 0; k < ne; k++) {
			struct row r = {{el[k], 0}, 1, d, {0}, false, 0};
			char *f = failed_label(a, &r);
			size_t l = depth > 1 ? 2 * strlen(f) + 3 : strlen(f);
			lf = l > lf ? l : lf;
			free(f);
		}
		for (size_t k = 0; k < a->m->ncircuits; k++) {
			if (!a->m->circuits[k].lag.present)
				continue;
			struct row r = {{k, 0}, 1, d, {0}, true, 0};
			char *f = failed_label(a, &r);
			lf = strlen(f) > lf ? strlen(f) : lf;
			free(f);
		}
		char *dl = nsp_demand_cell(a->m, d);
		ld = strlen(dl) > ld ? strlen(dl) : ld;
		free(dl);
	}
	*wf = (int)(lf < 72 ? lf : 72);
	*wd = (int)(ld < 48 ? ld : 48);
}

static void write_text(FILE *out, const struct nsp_analysis *a,
                       const struct row *rows, size_t n, int depth,
                       const char *file, bool markdown)
{
	struct tally t[NSP_CLASS_COUNT + 2];
	int wf = 0, wd = 0;
	summarise(a, rows, n, t);
	if (markdown) {
		fputs("# Failure scenarios of ", out);
		nsp_markdown_text(out, file);
		fprintf(out,
		        " (depth %d)\n\n"
		        "| failed | demand | survives | worst circuit load "
		        "| failover |\n|---|---|---|---|---|\n",
		        depth);
	} else {
		text_widths(a, depth, &wf, &wd);
		char *rows_n = nsp_count(n, "scenario row", "scenario rows");
		fprintf(out,
		        "%s: %s (depth %d), worst first\n"
		        "%-*s  %-*s  %-8s  %-30s  %s\n",
		        file, rows_n, depth, wf, "FAILED", wd, "DEMAND",
		        "SURVIVES", "WORST CIRCUIT LOAD", "FAILOVER");
		free(rows_n);
	}
	for (size_t i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		char *f = failed_label(a, r),
		     *d = nsp_demand_cell(a->m, r->demand);
		char *l = load_label(a, r), *fo = failover_label(r);
		const char *s = !r->o.connected ? "no"
		                : r->o.worst_circuit != NSP_NONE &&
		                        r->o.worst_share > 1 + 1e-9
		                    ? "overload"
		                    : "yes";
		if (markdown) {
			fputs("| ", out);
			md_cell(out, f);
			md_cell(out, d);
			md_cell(out, s);
			md_cell(out, l);
			nsp_markdown_text(out, fo);
			fputs(" |\n", out);
		} else {
			fprintf(out, "%-*s  %-*s  %-8s  %-30s  %s\n", wf, f, wd,
			        d, s, l, fo);
		}
		free(f);
		free(d);
		free(l);
		free(fo);
	}
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
}

/* A number rounded to 0.1 for a stable JSON text. */
static json_t *num(double v)
{
	return json_real((double)(long long)(v * 10 + (v < 0 ? -0.5 : 0.5)) /
	                 10);
}

static json_t *str(const char *s)
{
	char *e = nsp_escape(s, strlen(s));
	json_t *j = json_string(e);
	free(e);
	return j;
}

/* One row of the table as a JSON object. */
static json_t *row_json(const struct nsp_analysis *a, const struct row *r)
{
	const struct nsp_model *m = a->m;
	json_t *o = json_object(), *f = json_array();
	if (r->member) {
		json_t *fe = json_object();
		json_object_set_new(fe, "class", json_string("member"));
		json_object_set_new(fe, "name", str(m->circuits[r->fail[0]].id));
		json_array_append_new(f, fe);
	}
	for (size_t k = 0; !r->member && k < r->nfail; k++) {
		const struct nsp_felem *e = &a->elems[r->fail[k]];
		json_t *fe = json_object();
		json_object_set_new(fe, "class",
		                    json_string(class_title[e->cls]));
		json_object_set_new(fe, "name", str(e->name));
		json_array_append_new(f, fe);
	}
	json_object_set_new(o, "failed", f);
	json_t *dm = json_object();
	json_object_set_new(dm, "from",
	                    str(nsp_endpoint_id(m, m->demands[r->demand].from)));
	json_object_set_new(dm, "to",
	                    str(nsp_endpoint_id(m, m->demands[r->demand].to)));
	json_object_set_new(o, "demand", dm);
	json_object_set_new(o, "survives", json_boolean(r->o.connected));
	bool w = r->o.connected && r->o.worst_circuit != NSP_NONE;
	json_object_set_new(o, "worst_circuit",
	                    w ? str(m->circuits[r->o.worst_circuit].id)
	                      : json_null());
	json_object_set_new(o, "worst_load_mbps",
	                    w ? num(r->o.worst_load) : json_null());
	json_object_set_new(o, "usable_mbps",
	                    w ? num(row_usable(a, r)) : json_null());
	json_object_set_new(o, "worst_share",
	                    w ? num(100 * r->o.worst_share) : json_null());
	json_object_set_new(o, "failover_ms",
	                    r->o.connected && !r->o.failover_never
	                        ? json_integer((json_int_t)r->o.failover_ms)
	                        : json_null());
	json_object_set_new(o, "failover_never",
	                    json_boolean(r->o.failover_never));
	return o;
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
 * The table as one JSON document, written a row at a time so that memory
 * does not grow with the rows (a depth-2 table has millions); the bytes
 * are those json_dumpf would write for the whole tree.
 */
static int write_json(FILE *out, const struct nsp_analysis *a,
                      const struct row *rows, size_t n, int depth,
                      const char *file)
{
	int rc = 0;
	json_t *name = str(file);
	fputs("{\n  \"file\": ", out);
	rc |= dump_nested(out, name, 1);
	json_decref(name);
	fprintf(out, ",\n  \"depth\": %d,\n  \"rows\": [", depth);
	for (size_t i = 0; i < n; i++) {
		json_t *o = row_json(a, &rows[i]);
		fputs(i ? ",\n    " : "\n    ", out);
		rc |= dump_nested(out, o, 2);
		json_decref(o);
	}
	fputs(n ? "\n  ],\n  \"summary\": " : "],\n  \"summary\": ", out);
	struct tally t[NSP_CLASS_COUNT + 2];
	summarise(a, rows, n, t);
	json_t *sum = json_object();
	for (int i = 0; i <= NSP_CLASS_COUNT + 1; i++) {
		int c = summary_slot(i);
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
	return rc;
}

/* nsp_cmd_scenarios with room for the overlays (argc of them at most). */
static int scenarios(int argc, char **argv, const char **overlays)
{
	const char *file = NULL, *format = "text", *import = NULL;
	size_t noverlays = 0;
	int depth = 1, r;
	bool depth_given = false;
	uint64_t max_pairs = NSP_MAX_PAIRS, cuts = 0;
	uint64_t max_cuts = NSP_CUTS_DEFAULT_MAX;
	struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int im = nsp_import_option(argc, argv, &i, &import, overlays,
					   &noverlays);
		if (im < 0)
			return NSP_EXIT_USAGE;
		if (im)
			continue;
		if (i + 1 < argc &&
		    (r = nsp_limit_option(a, argv[i + 1], &lim)) != 1) {
			if (r < 0)
				return NSP_EXIT_USAGE;
			i++;
		} else if ((!strcmp(a, "--depth") || !strcmp(a, "-d")) &&
		    i + 1 < argc) {
			const char *v = argv[++i];
			if (strcmp(v, "1") && strcmp(v, "2"))
				return nsp_usage_error("--depth: expected 1 or "
				                       "2, got '%s'",
				                       v);
			depth = v[0] - '0';
			depth_given = true;
		} else if (!strcmp(a, "--cuts") && i + 1 < argc) {
			if (nsp_work_limit(a, argv[++i], NSP_CUTS_LIMIT, &cuts))
				return NSP_EXIT_USAGE;
		} else if (!strcmp(a, "--max-cut-order") && i + 1 < argc) {
			if (nsp_work_limit(a, argv[++i], NSP_CUTS_LIMIT,
			                   &max_cuts))
				return NSP_EXIT_USAGE;
		} else if (!strcmp(a, "--max-pairs") && i + 1 < argc) {
			if (nsp_work_limit(a, argv[++i], UINT64_MAX / 4,
			                   &max_pairs))
				return NSP_EXIT_USAGE;
		} else if ((!strcmp(a, "-f") || !strcmp(a, "--format")) &&
		           i + 1 < argc) {
			format = argv[++i];
			if (strcmp(format, "text") && strcmp(format, "json") &&
			    strcmp(format, "markdown"))
				return nsp_usage_error(
				    "--format: unknown format '%s' (text, "
				    "json or markdown)",
				    format);
		} else if (a[0] == '-' && a[1]) {
			return nsp_usage_error("scenarios: unknown or "
			                       "incomplete option '%s' (see "
			                       "'nospof --help')",
			                       a);
		} else if (!file) {
			file = a;
		} else {
			return nsp_usage_error("scenarios: one design file "
			                       "only");
		}
	}
	if (noverlays && !import)
		return nsp_usage_error("--overlay needs --import");
	if (file && import)
		return nsp_usage_error("scenarios: a design file or --import, "
		                       "not both");
	if (!file && !import)
		return nsp_usage_error("scenarios: no design file given (see "
		                       "'nospof --help')");
	if (import)
		file = import;
	if (cuts && depth_given)
		return nsp_usage_error("scenarios: --cuts and --depth do not go "
		                       "together (--cuts lists cut sets, "
		                       "--depth the failure table)");
	if (cuts > max_cuts)
		return nsp_usage_error(
		    "--cuts %llu: above the limit of %llu elements (the work "
		    "grows with a demand's elements to the power K); raise it "
		    "with --max-cut-order N, at most %d",
		    (unsigned long long)cuts, (unsigned long long)max_cuts,
		    NSP_CUTS_LIMIT);
	struct nsp_diags diags = {0};
	struct nsp_model *m = NULL;
	char *name = nsp_escape(file, strlen(file));
	if (import) {
		int rc = nsp_import_load(&m, import, overlays, noverlays, &lim);
		if (rc) {
			free(name);
			return rc;
		}
	} else if (nsp_load_file(&m, file, &lim, &diags) < 0) {
		for (size_t i = 0; i < diags.n; i++)
			fprintf(stderr, "%s:%u:%u: error: %s [INPUT]\n", name,
			        (unsigned)diags.v[i].loc.line,
			        (unsigned)diags.v[i].loc.col, diags.v[i].msg);
		nsp_diags_free(&diags);
		free(name);
		return NSP_EXIT_INPUT;
	}
	nsp_diags_free(&diags);
	m->file = name;
	struct nsp_analysis *a = nsp_analysis_new(m);
	if (cuts) {
		int rc = nsp_cuts_table(stdout, a, (size_t)cuts, format, name)
		             ? nsp_usage_error("cannot write the table")
		             : NSP_EXIT_OK;
		nsp_analysis_free(a);
		nsp_model_free(m);
		free(name);
		return rc;
	}
	if (depth >= 2 && check_pairs(a, name, max_pairs)) {
		nsp_analysis_free(a);
		nsp_model_free(m);
		free(name);
		return NSP_EXIT_USAGE;
	}
	size_t n;
	struct row *rows = build_rows(a, depth, &n);
	int ret = NSP_EXIT_OK;
	if (!strcmp(format, "json")) {
		if (write_json(stdout, a, rows, n, depth, file) < 0)
			ret = NSP_EXIT_USAGE;
	} else {
		write_text(stdout, a, rows, n, depth, name,
		           !strcmp(format, "markdown"));
	}
	if (fflush(stdout) || ferror(stdout))
		ret = nsp_usage_error("cannot write the table");
	free(rows);
	nsp_analysis_free(a);
	nsp_model_free(m);
	free(name);
	return ret;
}

int nsp_cmd_scenarios(int argc, char **argv)
{
	const char **overlays = nsp_xcalloc((size_t)argc, sizeof(*overlays));
	int rc = scenarios(argc, argv, overlays);
	free(overlays);
	return rc;
}
