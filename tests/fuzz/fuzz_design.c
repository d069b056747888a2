/*
 * libFuzzer target: bytes through the loader, every rule and every reporter.
 * Whatever the input, nothing may crash, leak, hang or trip a sanitizer,
 * and the failure analysis finds every single failure's outcome the same,
 * to the bit, as rerouting the whole design for it does, and every pair's
 * the same as nsp_analysis_eval() (but for the last bits of the loads).
 * The raw structs built from the source tree equal libcyaml's own
 * cyaml_load_data of the same text, field by field.
 */
#include <cyaml/cyaml.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "analysis/failure.h"
#include "report/topology.h"
#include "load/build.h"
#include "load/load.h"
#include "load/schema.h"
#include "report/report.h"
#include "../../rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool same(const struct nsp_outcome *x, const struct nsp_outcome *y)
{
	return x->connected == y->connected && x->sized == y->sized &&
	       !memcmp(&x->worst_share, &y->worst_share, sizeof(double)) &&
	       !memcmp(&x->worst_load, &y->worst_load, sizeof(double)) &&
	       x->worst_circuit == y->worst_circuit &&
	       x->failover_never == y->failover_never &&
	       x->failover_ms == y->failover_ms;
}

/* Outcomes of pairs of failures, collected. */
struct pairs {
	size_t (*v)[3];
	struct nsp_outcome *o;
	size_t n, cap;
};

static void collect(void *ctx, size_t d, size_t e1, size_t e2,
		    const struct nsp_outcome *o)
{
	struct pairs *p = ctx;
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->v = realloc(p->v, p->cap * sizeof(*p->v));
		p->o = realloc(p->o, p->cap * sizeof(*p->o));
		if (!p->v || !p->o)
			abort();
	}
	p->v[p->n][0] = d;
	p->v[p->n][1] = e1;
	p->v[p->n][2] = e2;
	p->o[p->n++] = *o;
}

/* Every pair against nsp_analysis_eval, when there are not too many. */
static void check_pairs(const struct nsp_analysis *a)
{
	size_t want = 0;
	for (size_t d = 0; d < a->m->ndemands; d++) {
		size_t ne;
		nsp_demand_elems(a, d, &ne);
		want += ne * (ne ? ne - 1 : 0) / 2;
	}
	if (want > 20000)
		return;
	struct pairs p = {0};
	nsp_analysis_pairs(a, collect, &p);
	if (p.n != want)
		abort();
	for (size_t i = 0; i < p.n; i++) {
		struct nsp_outcome y;
		const struct nsp_outcome *x = &p.o[i];
		nsp_analysis_eval(&y, a, p.v[i][0], &p.v[i][1], 2);
		double tol = 1e-9 * (y.worst_share > 1 ? y.worst_share : 1);
		if (x->connected != y.connected ||
		    x->failover_ms != y.failover_ms ||
		    x->failover_never != y.failover_never ||
		    !(fabs(x->worst_share - y.worst_share) <= tol ||
		      x->worst_share == y.worst_share))
			abort();
	}
	free(p.v);
	free(p.o);
}

/* The fast single failures against the reference; aborts on a difference. */
static void check_analysis(const struct nsp_model *m)
{
	struct nsp_analysis *a = nsp_analysis_new(m);
	struct nsp_analysis *r = nsp_analysis_new_reference(m);
	for (size_t d = 0; d < m->ndemands; d++) {
		size_t ne;
		nsp_demand_elems(a, d, &ne);
		if (!same(nsp_demand_base(a, d), nsp_demand_base(r, d)))
			abort();
		for (size_t k = 0; k < ne; k++)
			if (!same(nsp_demand_single(a, d, k),
				  nsp_demand_single(r, d, k)))
				abort();
	}
	check_pairs(a);
	nsp_analysis_free(a);
	nsp_analysis_free(r);
}

/*
 * A document the loader accepts: built from the tree and by libcyaml, the
 * same; aborts on a difference.
 */
static void check_build(const uint8_t *data, size_t size,
			const struct nsp_limits *lim)
{
	static const cyaml_config_t cfg = {.mem_fn = cyaml_mem,
					   .log_level = CYAML_LOG_ERROR};
	struct nsp_source src;
	struct nsp_diags diags = {0};
	const char *buf = (const char *)data;
	if (nsp_load_tree(&src, &buf, &size, lim, &diags) == 0) {
		struct nsp_arena arena = {0};
		void *ours = NULL, *theirs = NULL;
		if (nsp_build(&arena, &arena, nsp_node_deref(src.root),
			      &nsp_design_schema, &ours) != CYAML_OK ||
		    cyaml_load_data((const uint8_t *)buf, size, &cfg,
				    &nsp_design_schema,
				    (cyaml_data_t **)&theirs, NULL) != CYAML_OK)
			abort();
		char *diff = nsp_build_diff(&nsp_design_schema, &ours, &theirs);
		if (diff)
			abort();
		cyaml_free(&cfg, &nsp_design_schema, theirs, 0);
		nsp_arena_free(&arena);
	}
	nsp_source_free(&src);
	nsp_diags_free(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	static const char *const files[] = {"fuzz.yaml"};
	struct nsp_diags diags = {0};
	struct nsp_model *m = NULL;
	struct nsp_run run = {.files = files, .nfiles = 1,
			      .fail_on = NSP_ERROR,
			      .rules = &nsp_builtin_rules};
	struct nsp_analysis *fa = NULL;

	check_build(data, size, &lim);
	if (nsp_load_buffer(&m, "fuzz.yaml", (const char *)data, size, &lim,
			    &diags) < 0) {
		for (size_t i = 0; i < diags.n; i++)
			nsp_findings_add_input(&run.findings, "fuzz.yaml",
					       &diags.v[i]);
	} else {
		nsp_engine_run(&run.findings, m, &nsp_builtin_rules, NULL,
			       &fa);
		check_analysis(m);
		/* the topology, after the failure of the first circuit */
		const char *fail[] = {m->ncircuits ? m->circuits[0].id : "x"};
		struct nsp_topology_opts o = {&run.findings, fail, 1, fa, NULL};
		char *dot = NULL, *err = NULL;
		nsp_topology_dot(&dot, m, &o, &err);
		free(dot);
		free(err);
	}
	nsp_findings_sort(&run.findings);
	const struct nsp_model *models[] = {m};
	run.models = models;
	const struct nsp_analysis *analyses[] = {fa};
	run.analyses = analyses;
	FILE *out = fopen("/dev/null", "w");
	/*
	 * not the HTML page: it forks Graphviz for its picture, too slow for
	 * a fuzzer (fuzz_graph covers the SVG, the unit and browser tests
	 * the page's escaping)
	 */
	for (size_t i = 0; nsp_reporters[i]; i++)
		if (nsp_reporters[i] != &nsp_reporter_html)
			nsp_reporters[i]->write(out, &run);
	fclose(out);
	nsp_findings_free(&run.findings);
	nsp_analysis_free(fa);
	nsp_model_free(m);
	nsp_diags_free(&diags);
	return 0;
}
