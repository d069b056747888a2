/*
 * nospof scenarios: the command line, and the failure table of one design
 * built into a sorted spool with the summary's tallies; scenarios_out.c
 * writes it.
 */
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
#include "report/spool.h"
#include "scenarios.h"

/* Rows sorted in memory up to this many, beyond it in runs on disk. */
#define ROW_CHUNK 65536

/* The row of demand d under the failure of n elements (or a member). */
static struct row make_row(size_t d, size_t e1, size_t e2, int n,
                           const struct nsp_outcome *o, bool member,
                           double usable)
{
	return (struct row){
	    .share = o->worst_share,
	    .load = o->worst_load,
	    .usable = usable,
	    .failover_ms = o->failover_ms,
	    .fail = {(uint32_t)e1, (uint32_t)e2},
	    .demand = (uint32_t)d,
	    .worst = o->worst_circuit == NSP_NONE ? NO_CIRCUIT
	                                          : (uint32_t)o->worst_circuit,
	    .nfail = (uint8_t)n,
	    .connected = o->connected,
	    .never = o->failover_never,
	    .member = member,
	};
}

/* Failover time for sorting: never noticed is the longest. */
static uint64_t failover_key(const struct row *r)
{
	return r->never ? UINT64_MAX : r->failover_ms;
}

/* Worst first: cut, then most loaded, then slowest, then input order. */
static int cmp_row(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	if (a->connected != b->connected)
		return a->connected ? 1 : -1;
	double sa = a->worst == NO_CIRCUIT ? -1 : a->share;
	double sb = b->worst == NO_CIRCUIT ? -1 : b->share;
	if (sa > sb + 1e-12 || sa < sb - 1e-12)
		return sa > sb ? -1 : 1;
	uint64_t fa = failover_key(a), fb = failover_key(b);
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

int nsp_scn_row_state(const struct row *r)
{
	return !r->connected ? 2
	       : r->worst != NO_CIRCUIT && r->share > 1 + 1e-9 ? 1
	                                                       : 0;
}

/* Add a row to the table; a spool failure is seen when it is read. */
static void add_row(struct table *t, const struct row *r)
{
	int s = nsp_scn_row_state(r);
	if (r->member) {
		if (s + 1 > t->mstate[r->fail[0]])
			t->mstate[r->fail[0]] = s + 1;
	} else if (r->nfail == 1) {
		t->used[r->fail[0]] = true;
		if (s > t->state[r->fail[0]])
			t->state[r->fail[0]] = s;
	} else if (r->nfail == 2) {
		t->pairs.elements++;
		t->pairs.cut += s == 2;
		t->pairs.overloaded += s == 1;
		t->pairs.survived += s == 0;
	}
	nsp_spool_add(&t->rows, r);
}

static void add_pair(void *ctx, size_t d, size_t e1, size_t e2,
                     const struct nsp_outcome *o)
{
	struct table *t = ctx;
	struct row r = make_row(d, e1, e2, 2, o, false, 0);
	add_row(t, &r);
	if (!(++t->pairs_done & 1023))
		nsp_progress_show(&t->progress,
		                  "scenarios --depth 2: %zu of %zu pair rows "
		                  "(%zu%%)",
		                  t->pairs_done, t->npairs,
		                  t->pairs_done * 100 /
		                      (t->npairs ? t->npairs : 1));
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

/*
 * Every row of the analysis up to the given depth, into a sorted spool:
 * 0, or -1 when the spool's temporary file failed.
 */
static int build_rows(struct table *t, const struct nsp_analysis *a,
                      int depth)
{
	const struct nsp_model *m = a->m;
	*t = (struct table){.a = a};
	nsp_spool_init(&t->rows, sizeof(struct row), ROW_CHUNK, cmp_row);
	t->state = nsp_xcalloc(a->nelems + 1, sizeof(int));
	t->used = nsp_xcalloc(a->nelems + 1, sizeof(bool));
	t->mstate = nsp_xcalloc(m->ncircuits + 1, sizeof(int));
	for (size_t d = 0; d < m->ndemands; d++) {
		size_t ne;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		struct row r = make_row(d, 0, 0, 0, nsp_demand_base(a, d),
		                        false, 0);
		add_row(t, &r);
		for (size_t k = 0; k < ne; k++) {
			r = make_row(d, el[k], 0, 1, nsp_demand_single(a, d, k),
			             false, 0);
			add_row(t, &r);
		}
	}
	struct nsp_member_failure *mf;
	size_t nm = nsp_member_failures(a, &mf);
	for (size_t i = 0; i < nm; i++) {
		struct row r = make_row(mf[i].demand, mf[i].circuit, 0, 1,
		                        &mf[i].o, true, mf[i].usable);
		add_row(t, &r);
	}
	free(mf);
	if (depth >= 2) {
		for (size_t d = 0; d < m->ndemands; d++)
			t->npairs += demand_pairs(a, d);
		nsp_progress_start(&t->progress);
		nsp_analysis_pairs(a, add_pair, t);
		nsp_progress_end(&t->progress);
	}
	return nsp_spool_sort(&t->rows);
}

static void table_free(struct table *t)
{
	nsp_spool_free(&t->rows);
	free(t->state);
	free(t->used);
	free(t->mstate);
}

const char *const nsp_scn_class_title[NSP_CLASS_COUNT] = {
    "circuit", "port",        "router",  "pop",  "facility",
    "metro",   "edge_domain", "carrier", "srlg",
};

void nsp_scn_summarise(const struct table *tb,
                       struct tally t[NSP_CLASS_COUNT + 2])
{
	const struct nsp_analysis *a = tb->a;
	memset(t, 0, (NSP_CLASS_COUNT + 2) * sizeof(*t));
	for (size_t e = 0; e < a->nelems; e++) {
		if (!tb->used[e])
			continue;
		struct tally *c = &t[a->elems[e].cls];
		c->elements++;
		c->cut += tb->state[e] == 2;
		c->overloaded += tb->state[e] == 1;
		c->survived += tb->state[e] == 0;
	}
	for (size_t c = 0; c < a->m->ncircuits; c++) {
		if (!tb->mstate[c])
			continue;
		struct tally *mt = &t[NSP_CLASS_COUNT + 1];
		mt->elements++;
		mt->cut += tb->mstate[c] == 3;
		mt->overloaded += tb->mstate[c] == 2;
		mt->survived += tb->mstate[c] == 1;
	}
	t[NSP_CLASS_COUNT] = tb->pairs;
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
		file = nsp_import_file(import);
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
	struct nsp_model *m = NULL;
	int loaded = nsp_cli_load(&m, file, import, overlays, noverlays, &lim);
	if (loaded)
		return loaded;
	char *name = nsp_escape(file, strlen(file));
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
	struct table tb;
	int ret = NSP_EXIT_OK;
	if (build_rows(&tb, a, depth) < 0)
		ret = nsp_usage_error("scenarios: cannot write the rows to a "
		                      "temporary file in TMPDIR (else /tmp): "
		                      "%s",
		                      strerror(tb.rows.err));
	else if (!strcmp(format, "json")
	             ? nsp_scn_write_json(stdout, &tb, depth, file) < 0
	             : nsp_scn_write_text(stdout, &tb, depth, name,
	                          !strcmp(format, "markdown")) < 0)
		ret = nsp_usage_error(tb.rows.failed
		                          ? "scenarios: cannot read the rows "
		                            "back from the temporary file"
		                          : "cannot write the table");
	if (ret == NSP_EXIT_OK && (fflush(stdout) || ferror(stdout)))
		ret = nsp_usage_error("cannot write the table");
	table_free(&tb);
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
