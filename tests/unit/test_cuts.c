/*
 * Minimal cut sets against brute force (every subset of a demand's
 * elements up to K), and the exact availability (BDD) against exact
 * enumeration and against the bounds the cut sets give, on every example,
 * every rule fixture and 1,000 generated designs; the BDD's fallback when
 * its node table runs out.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/avail.h"
#include "analysis/bddsession.h"
#include "analysis/cuts.h"
#include "helpers.h"

/* The brute-force list: every subset up to k that cuts, none smaller. */
struct brute {
	const struct nsp_analysis *a;
	size_t d, k, ne, n;
	const size_t *el;
	size_t set[NSP_CUTS_LIMIT], cur[NSP_CUTS_LIMIT];
	size_t (*found)[NSP_CUTS_LIMIT + 1]; /* size, then elements */
	size_t cap;
};

/* Whether the set of n elements cuts, and no set one smaller does. */
static bool minimal_cut(struct brute *b, const size_t *s, size_t n)
{
	if (!nsp_cut_cuts(b->a, b->d, s, n))
		return false;
	size_t t[NSP_CUTS_LIMIT];
	for (size_t skip = 0; skip < n; skip++) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (i != skip)
				t[m++] = s[i];
		if (nsp_cut_cuts(b->a, b->d, t, m))
			return false;
	}
	return true;
}

/* Every subset of n + more elements from position from on. */
static void subsets(struct brute *b, size_t n, size_t from)
{
	if (n && minimal_cut(b, b->cur, n)) {
		NSP_GROW(b->found, b->cap, b->n + 1);
		b->found[b->n][0] = n;
		memcpy(&b->found[b->n][1], b->cur, n * sizeof(size_t));
		b->n++;
	}
	if (n == b->k)
		return;
	for (size_t i = from; i < b->ne; i++) {
		b->cur[n] = b->el[i];
		subsets(b, n + 1, i + 1);
	}
}

/* Whether the cut list holds this set. */
static bool listed(const struct nsp_cut *v, size_t n, const size_t *set,
                   size_t sn)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].n == sn &&
		    !memcmp(v[i].elem, set, sn * sizeof(size_t)))
			return true;
	return false;
}

/*
 * Demand d's cut sets up to k against brute force (when the subsets are
 * few enough), and its exact availability against enumeration and the
 * cut-set bounds. Returns the cut sets found.
 */
static size_t check_demand(const struct nsp_analysis *a, size_t d, size_t k,
                           const char *what)
{
	struct nsp_cut *v;
	size_t n = nsp_demand_cuts(a, d, k, &v);
	struct brute b = {.a = a, .d = d, .k = k};
	b.el = nsp_demand_elems(a, d, &b.ne);
	if (!nsp_demand_base(a, d)->connected) {
		ck_assert_msg(!n, "%s: demand %zu has no path but cuts", what,
		              d);
		free(v);
		return 0;
	}
	subsets(&b, 0, 0);
	ck_assert_msg(b.n == n, "%s: demand %zu: %zu cut sets, brute force %zu",
	              what, d, n, b.n);
	for (size_t i = 0; i < b.n; i++)
		ck_assert_msg(listed(v, n, &b.found[i][1], b.found[i][0]),
		              "%s: demand %zu: a cut set of %zu is missing",
		              what, d, b.found[i][0]);
	for (size_t i = 1; i < n; i++)
		ck_assert(v[i - 1].prob >= v[i].prob);
	free(b.found);
	/* availability: the BDD against enumeration, and the bounds */
	struct nsp_avail bdd, en;
	nsp_avail_demand(&bdd, a, d);
	ck_assert_int_eq(bdd.method, NSP_AVAIL_BDD);
	ck_assert(bdd.exact);
	if (bdd.groups <= 16) {
		nsp_avail_demand_by(&en, a, d, NSP_AVAIL_ENUM);
		ck_assert_msg(fabs(en.availability - bdd.availability) < 1e-9,
		              "%s: demand %zu: BDD %.12f, enumeration %.12f",
		              what, d, bdd.availability, en.availability);
	}
	double u = 1 - bdd.availability / 100, lo = 0, keep = 1, qmax = 0;
	for (size_t i = 0; i < n; i++) {
		lo = v[i].prob > lo ? v[i].prob : lo;
		keep *= 1 - v[i].prob;
	}
	for (size_t i = 0; i < b.ne; i++) {
		double q = 1 - a->m->assumptions[a->elems[b.el[i]].cls] / 100;
		qmax = q > qmax ? q : qmax;
	}
	/* cuts beyond k: at least k + 1 elements fail */
	double rest = 1;
	for (size_t i = 0; i <= k; i++)
		rest *= (double)(b.ne - i) / (double)(i + 1) * qmax;
	if (b.ne <= k)
		rest = 0;
	ck_assert_msg(u >= lo - 1e-15, "%s: demand %zu: U %g below cut %g",
	              what, d, u, lo);
	ck_assert_msg(u <= 1 - keep + rest + 1e-15,
	              "%s: demand %zu: U %g above the bound %g", what, d, u,
	              1 - keep + rest);
	free(v);
	return n;
}

/* Every demand of a model; returns the cut sets found. */
static size_t check_model(const struct nsp_model *m, size_t k,
                          const char *what)
{
	struct nsp_analysis *a = nsp_analysis_new(m);
	size_t n = 0;
	for (size_t d = 0; d < m->ndemands; d++)
		n += check_demand(a, d, k, what);
	nsp_analysis_free(a);
	return n;
}

/* Every design of a directory that loads; returns how many. */
static size_t check_dir(const char *dir, size_t *cuts)
{
	size_t n = 0;
	char **files = list_files(dir, "", ".yaml");
	for (char **f = files; *f; f++) {
		struct nsp_model *m = NULL;
		struct nsp_diags diags = {0};
		struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
		if (!nsp_load_file(&m, *f, &lim, &diags)) {
			*cuts += check_model(m, 3, *f);
			n++;
		}
		nsp_model_free(m);
		nsp_diags_free(&diags);
	}
	free_list(files);
	return n;
}

START_TEST(cuts_examples_fixtures)
{
	size_t cuts = 0, n = check_dir("examples", &cuts);
	char **dirs = list_files("tests/rules", "", "");
	for (char **dir = dirs; *dir; dir++)
		n += check_dir(*dir, &cuts);
	free_list(dirs);
	ck_assert_uint_gt(n, 250);
	ck_assert_uint_gt(cuts, 1000);
}
END_TEST

START_TEST(cuts_generated)
{
	size_t loaded = 0, cuts = 0;
	for (uint64_t seed = 1; seed <= 1000; seed++) {
		char *y = gen_design(seed);
		struct loaded l;
		load_string(&l, y);
		if (!l.rc) {
			cuts += check_model(l.m, seed % 4 + 1, "generated");
			loaded++;
		}
		loaded_free(&l);
		free(y);
	}
	ck_assert_uint_ge(loaded, 700);
	ck_assert_uint_gt(cuts, 1000);
}
END_TEST

START_TEST(cuts_by_hand)
{
	/* base_design: two disjoint paths of seven elements each: 49 cut
	 * sets of two, the two circuits the most probable */
	struct loaded l;
	load_string(&l, base_design);
	ck_assert_int_eq(l.rc, 0);
	struct nsp_analysis *a = nsp_analysis_new(l.m);
	struct nsp_cut *v;
	ck_assert_uint_eq(nsp_demand_cuts(a, 0, 1, &v), 0);
	free(v);
	size_t n = nsp_demand_cuts(a, 0, 2, &v);
	ck_assert_uint_eq(n, 49);
	ck_assert_str_eq(a->elems[v[0].elem[0]].name, "c1");
	ck_assert_str_eq(a->elems[v[0].elem[1]].name, "c2");
	ck_assert_double_eq_tol(v[0].prob, 0.001 * 0.001, 1e-15);
	ck_assert(v[0].required);
	free(v);
	nsp_analysis_free(a);
	loaded_free(&l);
}
END_TEST

START_TEST(bdd_node_table_full)
{
	/* 40 groups in a ladder: with a table of 64 nodes the BDD cannot be
	 * built; the result falls back to Monte Carlo (beyond 24 groups) and
	 * says so, and a later run with the table restored is exact again */
	double q[40];
	uint64_t masks[40], paths[20];
	for (size_t i = 0; i < 40; i++) {
		q[i] = 0.01;
		masks[i] = 1ull << i;
	}
	for (size_t p = 0; p < 20; p++)
		paths[p] = 3ull << (2 * p);
	struct nsp_avail_system s = {40, 1, q, masks, paths, 20, NULL, 0,
	                             NULL};
	struct nsp_avail av;
	nsp_bdd_set_max_nodes(64);
	nsp_avail_system(&av, &s);
	nsp_bdd_set_max_nodes(0);
	ck_assert_int_eq(av.method, NSP_AVAIL_MC);
	double want = pow(1 - 0.99 * 0.99, 20);
	nsp_avail_system(&av, &s);
	ck_assert_int_eq(av.method, NSP_AVAIL_BDD);
	ck_assert_double_eq_tol(1 - av.availability / 100, want, 1e-15);
}
END_TEST

Suite *cuts_suite(void)
{
	Suite *s = suite_create("cuts");
	TCase *tc = tcase_create("cuts");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, cuts_by_hand);
	tcase_add_test(tc, bdd_node_table_full);
	tcase_add_test(tc, cuts_examples_fixtures);
	tcase_add_test(tc, cuts_generated);
	suite_add_tcase(s, tc);
	return s;
}
