/*
 * The availability estimate against hand-computed cases (series, parallel,
 * an element shared by both paths), the Monte Carlo bound, and the failure
 * analysis on a small design.
 */
#include <math.h>
#include <stdlib.h>

#include "../../lib/avail.h"
#include "helpers.h"

/* Unavailability (fraction) of a small system with one-word masks. */
static double unavail(size_t n, const double *q, const uint64_t *masks,
                      size_t npaths, const uint64_t *paths,
                      struct nsp_avail *out)
{
	struct nsp_avail_system s = {n, 1, q, masks, paths, npaths};
	nsp_avail_system(out, &s);
	return 1 - out->availability / 100;
}

START_TEST(series)
{
	/* one path over two circuits: both must be up */
	double q[] = {0.01, 0.02};
	uint64_t masks[] = {1, 2}, paths[] = {3};
	struct nsp_avail av;
	double u = unavail(2, q, masks, 1, paths, &av);
	ck_assert(av.exact);
	ck_assert_double_eq_tol(u, 1 - 0.99 * 0.98, 1e-12);
	ck_assert_uint_eq(av.ntop, 2);
	ck_assert_double_eq_tol(av.top[0].unavail, 0.02, 1e-12);
}
END_TEST

START_TEST(parallel)
{
	/* two one-circuit paths: both must fail */
	double q[] = {0.01, 0.02};
	uint64_t masks[] = {1, 2}, paths[] = {1, 2};
	struct nsp_avail av;
	double u = unavail(2, q, masks, 2, paths, &av);
	ck_assert_double_eq_tol(u, 0.01 * 0.02, 1e-12);
	ck_assert_uint_eq(av.ntop, 1);
	ck_assert_uint_eq(av.top[0].n, 2);
}
END_TEST

START_TEST(shared_element)
{
	/* two parallel paths and a third element that takes down both:
	 * A = (1 - 0.001) * (1 - 0.01 * 0.02) */
	double q[] = {0.01, 0.02, 0.001};
	uint64_t masks[] = {1, 2, 3}, paths[] = {1, 2};
	struct nsp_avail av;
	double u = unavail(3, q, masks, 2, paths, &av);
	ck_assert_double_eq_tol(u, 1 - 0.999 * (1 - 0.01 * 0.02), 1e-12);
	/* the shared element dominates */
	ck_assert_uint_eq(av.top[0].n, 1);
	ck_assert_uint_eq(av.top[0].elem[0], 2);
}
END_TEST

START_TEST(monte_carlo)
{
	/* 30 groups in series (beyond exact enumeration) */
	double q[30];
	uint64_t masks[30], path = 0;
	for (size_t i = 0; i < 30; i++) {
		q[i] = 0.001;
		masks[i] = 1ull << i;
		path |= masks[i];
	}
	struct nsp_avail av, again;
	double u = unavail(30, q, masks, 1, &path, &av);
	ck_assert(!av.exact);
	ck_assert_uint_eq(av.samples, NSP_AVAIL_SAMPLES);
	double want = 1 - pow(0.999, 30);
	ck_assert_msg(fabs(u - want) * 100 <= av.error,
	              "estimate %g, exact %g, bound %g%%", u, want, av.error);
	unavail(30, q, masks, 1, &path, &again);
	ck_assert_double_eq(av.availability, again.availability);
}
END_TEST

START_TEST(design_two_paths)
{
	/* base_design: two disjoint paths, each a circuit, a CPE port, two
	 * routers, a PoP, its facility and metro (default assumptions) */
	struct loaded l;
	load_string(&l, base_design);
	ck_assert_int_eq(l.rc, 0);
	struct nsp_analysis *a = nsp_analysis_new(l.m);
	struct nsp_avail av;
	nsp_avail_demand(&av, a, 0);
	double up =
	    0.999 * 0.9999 * 0.9995 * 0.9995 * 0.9999 * 0.99995 * 0.99999;
	ck_assert(av.exact);
	ck_assert_double_eq_tol(av.availability,
	                        100 * (1 - (1 - up) * (1 - up)), 1e-9);
	ck_assert(nsp_demand_base(a, 0)->connected);
	size_t ne;
	const size_t *el = nsp_demand_elems(a, 0, &ne);
	ck_assert_uint_eq(ne, 14);
	for (size_t k = 0; k < ne; k++)
		ck_assert(nsp_demand_single(a, 0, k)->connected);
	/* c1 and c2 together cut it */
	size_t both[2] = {0, 1};
	struct nsp_outcome o;
	nsp_analysis_eval(&o, a, 0, both, 2);
	ck_assert_str_eq(a->elems[el[0]].name, "c1");
	ck_assert(!o.connected);
	nsp_analysis_free(a);
	loaded_free(&l);
}
END_TEST

START_TEST(routing_model)
{
	/* cpe1 has a direct circuit (1 hop) and a path through x1 (2 hops):
	 * all traffic takes the shorter; a backup circuit only when the
	 * preferred path is gone; weights split at the router */
	const char *y = "nospof: 1\nname: r\n"
	                "sites: [{id: dc, prefixes: [10.1.0.0/16]}]\n"
	                "clouds: [{id: vpc, provider: generic, prefixes: "
	                "[10.2.0.0/16]}]\n"
	                "pops: [{id: p1}, {id: p2}]\n"
	                "routers:\n"
	                "  - {id: cpe1, role: cpe, site: dc}\n"
	                "  - {id: x1, role: exchange, pop: p1}\n"
	                "  - {id: e1, role: edge, pop: p1, cloud: vpc}\n"
	                "  - {id: e2, role: edge, pop: p2, cloud: vpc}\n"
	                "circuits:\n"
	                "  - {id: d1, a: {router: cpe1}, z: {router: e1}, "
	                "bandwidth_mbps: 100, weight: 1}\n"
	                "  - {id: d2, a: {router: cpe1}, z: {router: e2}, "
	                "bandwidth_mbps: 300, weight: 3}\n"
	                "  - {id: k1, a: {router: cpe1}, z: {router: x1}, "
	                "bandwidth_mbps: 100}\n"
	                "  - {id: k2, a: {router: x1}, z: {router: e1}, "
	                "bandwidth_mbps: 100}\n"
	                "  - {id: b1, a: {router: cpe1}, z: {router: e2}, "
	                "bandwidth_mbps: 100, role: backup}\n"
	                "demands: [{from: dc, to: vpc, mbps: 200}]\n";
	struct loaded l;
	load_string(&l, y);
	ck_assert_msg(l.rc == 0, "%s", l.diags.n ? l.diags.v[0].msg : "");
	struct nsp_analysis *a = nsp_analysis_new(l.m);
	ck_assert_double_eq_tol(nsp_demand_base_share(a, 0, 0), 0.25, 1e-12);
	ck_assert_double_eq_tol(nsp_demand_base_share(a, 0, 1), 0.75, 1e-12);
	ck_assert_double_eq_tol(nsp_demand_base_share(a, 0, 2), 0, 1e-12);
	ck_assert_double_eq_tol(nsp_demand_base_share(a, 0, 4), 0, 1e-12);
	/* d1 and d2 fail: the two-hop preferred path beats the backup */
	size_t f[2] = {0, 1};
	struct nsp_outcome o;
	nsp_analysis_eval(&o, a, 0, f, 2);
	ck_assert(o.connected);
	ck_assert_double_eq_tol(o.worst_load, 200, 1e-9);
	ck_assert(o.worst_circuit == 2 || o.worst_circuit == 3);
	nsp_analysis_free(a);
	loaded_free(&l);
}
END_TEST

Suite *avail_suite(void)
{
	Suite *s = suite_create("avail");
	TCase *t = tcase_create("avail");
	tcase_set_timeout(t, 60);
	tcase_add_test(t, series);
	tcase_add_test(t, parallel);
	tcase_add_test(t, shared_element);
	tcase_add_test(t, monte_carlo);
	tcase_add_test(t, design_two_paths);
	tcase_add_test(t, routing_model);
	suite_add_tcase(s, t);
	return s;
}
