/*
 * The availability estimate against hand-computed cases (series, parallel,
 * an element shared by both paths), the Monte Carlo bound, and the failure
 * analysis on a small design.
 */
#include <math.h>
#include <stdlib.h>

#include "analysis/avail.h"
#include "analysis/member.h"
#include "helpers.h"

/* Unavailability (fraction) of a small system with one-word masks. */
static double unavail(size_t n, const double *q, const uint64_t *masks,
                      size_t npaths, const uint64_t *paths,
                      struct nsp_avail *out)
{
	struct nsp_avail_system s = {n,    1, q,   masks, paths,
	                             npaths, NULL, 0, NULL};
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
	struct nsp_avail av, again, bdd;
	struct nsp_avail_system s = {30,   1, q,   masks,         &path,
	                             1,    NULL, NSP_AVAIL_MC, NULL};
	nsp_avail_system(&av, &s);
	double u = 1 - av.availability / 100;
	ck_assert(!av.exact);
	ck_assert_uint_eq(av.samples, NSP_AVAIL_SAMPLES);
	double want = 1 - pow(0.999, 30);
	ck_assert_msg(fabs(u - want) * 100 <= av.error,
	              "estimate %g, exact %g, bound %g%%", u, want, av.error);
	nsp_avail_system(&again, &s);
	ck_assert_double_eq(av.availability, again.availability);
	/* the BDD is exact, and inside the Monte Carlo bound */
	double ub = unavail(30, q, masks, 1, &path, &bdd);
	ck_assert(bdd.exact);
	ck_assert_int_eq(bdd.method, NSP_AVAIL_BDD);
	ck_assert_double_eq_tol(ub, want, 1e-12);
	ck_assert(fabs(ub - u) * 100 <= av.error);
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

/* A LAG circuit is up while min_links of its members are (k of n). */
START_TEST(lag_k_of_n)
{
	/* one circuit of 4 x 250 Mbit/s: down only when min_links fail */
#define LAG_YAML                                                               \
	    "nospof: 1\nname: lag\n" \
	    "sites: [{id: dc, prefixes: [192.168.0.0/16]}]\n" \
	    "clouds: [{id: vpc, provider: aws, prefixes: [10.0.0.0/16]}]\n" \
	    "pops: [{id: p}]\n" \
	    "assumptions: {port: 99.999999, router: 99.999999, pop: 99.999999}\n" \
	    "routers:\n" \
	    "  - {id: cpe, role: cpe, site: dc}\n" \
	    "  - {id: e, role: edge, pop: p, cloud: vpc}\n" \
	    "circuits:\n" \
	    "  - {id: c, a: {router: cpe}, z: {router: e}, " \
	    "bandwidth_mbps: 1000, lag: {members: 4, member_mbps: 250, " \
	    "min_links: %d}}\n"
	double q = 0.001; /* the circuit assumption, 99.9 */
	double other = pow(0.99999999, 3); /* routers cpe and e, PoP p */
	/* min_links 1: down when all four fail; 4: when any one fails */
	const double down[2] = {q * q * q * q, 1 - pow(1 - q, 4)};
	const int k[2] = {1, 4};
	for (int i = 0; i < 2; i++) {
		char *t = nsp_xasprintf(LAG_YAML, k[i]);
		struct loaded l;
		load_string(&l, t);
		ck_assert_int_eq(l.rc, 0);
		struct nsp_analysis *a = nsp_analysis_new(l.m);
		struct nsp_avail av;
		nsp_avail_demand(&av, a, 0);
		ck_assert(av.exact);
		ck_assert_double_eq_tol(av.availability,
		                        100 * (1 - down[i]) * other, 1e-9);
		nsp_analysis_free(a);
		loaded_free(&l);
		free(t);
	}
#undef LAG_YAML
}
END_TEST

/* One member of a LAG fails: the bundle's rest, or the bundle down. */
START_TEST(lag_member_failures)
{
	const char *y[2] = {
	    /* 4 x 10G carrying 35G: 30G left, overloaded */
	    "nospof: 1\nname: m\n"
	    "sites: [{id: dc, prefixes: [192.168.0.0/16]}]\n"
	    "clouds: [{id: vpc, provider: aws, prefixes: [10.0.0.0/16]}]\n"
	    "pops: [{id: p}]\n"
	    "routers:\n"
	    "  - {id: cpe, role: cpe, site: dc}\n"
	    "  - {id: e, role: edge, pop: p, cloud: vpc}\n"
	    "circuits:\n"
	    "  - {id: c, a: {router: cpe}, z: {router: e}, "
	    "bandwidth_mbps: 40000, lag: {members: 4, member_mbps: 10000}}\n"
	    "demands: [{from: dc, to: vpc, mbps: 35000}]\n",
	    /* min_links 4 of 4: one member takes it down, the demand cut */
	    "nospof: 1\nname: m\n"
	    "sites: [{id: dc, prefixes: [192.168.0.0/16]}]\n"
	    "clouds: [{id: vpc, provider: aws, prefixes: [10.0.0.0/16]}]\n"
	    "pops: [{id: p}]\n"
	    "routers:\n"
	    "  - {id: cpe, role: cpe, site: dc}\n"
	    "  - {id: e, role: edge, pop: p, cloud: vpc}\n"
	    "circuits:\n"
	    "  - {id: c, a: {router: cpe}, z: {router: e}, "
	    "bandwidth_mbps: 40000, lag: {members: 4, member_mbps: 10000, "
	    "min_links: 4}}\n"
	    "demands: [{from: dc, to: vpc, mbps: 35000}]\n",
	};
	for (int i = 0; i < 2; i++) {
		struct loaded l;
		load_string(&l, y[i]);
		ck_assert_int_eq(l.rc, 0);
		struct nsp_analysis *a = nsp_analysis_new(l.m);
		struct nsp_member_failure *mf;
		size_t n = nsp_member_failures(a, &mf);
		ck_assert_uint_eq(n, 1);
		ck_assert_uint_eq(mf[0].circuit, 0);
		ck_assert_uint_eq(mf[0].demand, 0);
		if (i == 0) {
			ck_assert(!mf[0].down);
			ck_assert(mf[0].o.connected);
			ck_assert_double_eq_tol(mf[0].usable, 30000, 1e-9);
			ck_assert_uint_eq(mf[0].o.worst_circuit, 0);
			ck_assert_double_eq_tol(mf[0].o.worst_share,
			                        35000.0 / 30000.0, 1e-9);
		} else {
			ck_assert(mf[0].down);
			ck_assert(!mf[0].o.connected);
		}
		free(mf);
		nsp_analysis_free(a);
		loaded_free(&l);
	}
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

/* Whether two outcomes are the same, to the bit. */
static bool same_outcome(const struct nsp_outcome *x,
                         const struct nsp_outcome *y)
{
	return x->connected == y->connected && x->sized == y->sized &&
	       !memcmp(&x->worst_share, &y->worst_share, sizeof(double)) &&
	       !memcmp(&x->worst_load, &y->worst_load, sizeof(double)) &&
	       x->worst_circuit == y->worst_circuit &&
	       x->failover_never == y->failover_never &&
	       x->failover_ms == y->failover_ms;
}

/*
 * The analysis of a design against its reference (every single failure
 * rerouted in full); returns how many outcomes the fast way found.
 */
static size_t check_against_reference(const struct nsp_model *m,
                                      const char *what)
{
	struct nsp_analysis *a = nsp_analysis_new(m);
	struct nsp_analysis *r = nsp_analysis_new_reference(m);
	for (size_t d = 0; d < m->ndemands; d++) {
		ck_assert_msg(same_outcome(nsp_demand_base(a, d),
		                           nsp_demand_base(r, d)),
		              "%s: demand %zu with nothing failed", what, d);
		size_t ne;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		for (size_t k = 0; k < ne; k++) {
			const struct nsp_outcome *x = nsp_demand_single(a, d, k);
			const struct nsp_outcome *y = nsp_demand_single(r, d, k);
			ck_assert_msg(same_outcome(x, y),
			              "%s: demand %zu, %s fails: connected %d/%d, "
			              "worst %zu/%zu at %.17g/%.17g, failover "
			              "%llu/%llu",
			              what, d, a->elems[el[k]].name, x->connected,
			              y->connected, x->worst_circuit,
			              y->worst_circuit, x->worst_share,
			              y->worst_share,
			              (unsigned long long)x->failover_ms,
			              (unsigned long long)y->failover_ms);
		}
	}
	size_t fast = a->fast_singles;
	ck_assert_uint_eq(r->fast_singles, 0);
	nsp_analysis_free(a);
	nsp_analysis_free(r);
	return fast;
}

/* Outcomes of pairs of failures, collected. */
struct pair_row {
	size_t d, e1, e2;
	struct nsp_outcome o;
};

struct pair_rows {
	struct pair_row *v;
	size_t n, cap;
};

static void collect_pair(void *ctx, size_t d, size_t e1, size_t e2,
                         const struct nsp_outcome *o)
{
	struct pair_rows *r = ctx;
	NSP_GROW(r->v, r->cap, r->n + 1);
	r->v[r->n++] = (struct pair_row){d, e1, e2, *o};
}

/*
 * Every pair of every demand, once, as nsp_analysis_eval finds it (to
 * the last bits: the two add the same loads in another order).
 */
static void check_pairs(const struct nsp_model *m, const char *what)
{
	struct nsp_analysis *a = nsp_analysis_new(m);
	struct pair_rows r = {0};
	size_t want = 0;
	for (size_t d = 0; d < m->ndemands; d++) {
		size_t ne;
		nsp_demand_elems(a, d, &ne);
		want += ne * (ne ? ne - 1 : 0) / 2;
	}
	nsp_analysis_pairs(a, collect_pair, &r);
	ck_assert_msg(r.n == want, "%s: %zu pairs, want %zu", what, r.n,
	              want);
	for (size_t i = 0; i < r.n; i++) {
		const struct pair_row *p = &r.v[i];
		const struct nsp_outcome *x = &p->o;
		struct nsp_outcome y;
		size_t fail[2] = {p->e1, p->e2};
		ck_assert_uint_lt(p->e1, p->e2);
		nsp_analysis_eval(&y, a, p->d, fail, 2);
		double tol = 1e-9 * (y.worst_share > 1 ? y.worst_share : 1);
		ck_assert_msg(
		    x->connected == y.connected && x->sized == y.sized &&
		        x->failover_never == y.failover_never &&
		        x->failover_ms == y.failover_ms &&
		        fabs(x->worst_share - y.worst_share) <= tol &&
		        fabs(x->worst_load - y.worst_load) <= tol * 1e6 &&
		        x->worst_circuit == y.worst_circuit,
		    "%s: demand %zu, %s + %s: connected %d/%d, worst %zu/%zu "
		    "at %.17g/%.17g",
		    what, p->d, a->elems[p->e1].name, a->elems[p->e2].name,
		    x->connected, y.connected, x->worst_circuit,
		    y.worst_circuit, x->worst_share, y.worst_share);
	}
	free(r.v);
	nsp_analysis_free(a);
}

START_TEST(fast_singles_match_reference)
{
	/* every example and rule fixture that loads */
	char **dirs = list_files("tests/rules", "", "");
	size_t designs = 0, fast = 0;
	for (char **dir = dirs; *dir; dir++) {
		char **files = list_files(*dir, "", ".yaml");
		for (char **f = files; *f; f++) {
			struct nsp_model *m = NULL;
			struct nsp_diags diags = {0};
			struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
			if (!nsp_load_file(&m, *f, &lim, &diags)) {
				fast += check_against_reference(m, *f);
				check_pairs(m, *f);
				designs++;
			}
			nsp_model_free(m);
			nsp_diags_free(&diags);
		}
		free_list(files);
	}
	free_list(dirs);
	char **ex = list_files("examples", "", ".yaml");
	for (char **f = ex; *f; f++) {
		struct nsp_model *m = NULL;
		struct nsp_diags diags = {0};
		struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
		ck_assert_int_eq(nsp_load_file(&m, *f, &lim, &diags), 0);
		fast += check_against_reference(m, *f);
		check_pairs(m, *f);
		designs++;
		nsp_model_free(m);
		nsp_diags_free(&diags);
	}
	free_list(ex);
	ck_assert_uint_gt(designs, 250);
	ck_assert_uint_gt(fast, 1000);
}
END_TEST

START_TEST(fast_singles_wide_router)
{
	/*
	 * One CPE with 40 circuits of mixed weight, bandwidth and role to
	 * four edge routers (more than are scanned one by one), two more
	 * CPEs, shared-risk tags over subsets, a cloud-to-site demand the
	 * other way round over circuits of its own, and an unsized one.
	 */
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "nospof: 1\nname: w\n"
	                 "sites: [{id: dc, prefixes: [10.1.0.0/16]}, "
	                 "{id: br, prefixes: [10.3.0.0/16]}]\n"
	                 "clouds: [{id: vpc, provider: generic, prefixes: "
	                 "[10.2.0.0/16]}, {id: vpc2, provider: generic, "
	                 "prefixes: [10.4.0.0/16]}]\n"
	                 "pops: [{id: p1, metro: m1}, {id: p2, metro: m1}, "
	                 "{id: p3}]\n"
	                 "routers:\n"
	                 "  - {id: c0, role: cpe, site: dc}\n"
	                 "  - {id: c1, role: cpe, site: dc}\n"
	                 "  - {id: c2, role: cpe, site: dc}\n"
	                 "  - {id: b0, role: cpe, site: br}\n"
	                 "  - {id: b1, role: cpe, site: br}\n"
	                 "  - {id: f0, role: edge, pop: p3, cloud: vpc2}\n"
	                 "  - {id: f1, role: edge, pop: p3, cloud: vpc2}\n");
	for (int e = 0; e < 4; e++)
		nsp_buf_printf(&b,
		               "  - {id: e%d, role: edge, pop: p%d, cloud: vpc}\n",
		               e, 1 + e % 2);
	nsp_buf_puts(&b, "circuits:\n");
	for (int i = 0; i < 40; i++)
		nsp_buf_printf(&b,
		               "  - {id: x%d, a: {router: c0, port: p%d}, z: "
		               "{router: e%d}, bandwidth_mbps: %d, weight: %d, "
		               "srlg: [t%d]%s}\n",
		               i, i % 7, i % 4, 100 * (1 + i % 3), 1 + i % 4,
		               i % 5, i % 9 == 8 ? ", role: backup" : "");
	nsp_buf_puts(&b,
	             "  - {id: y1, a: {router: c1}, z: {router: e1}, "
	             "bandwidth_mbps: 1000, srlg: [t1]}\n"
	             "  - {id: y2, a: {router: c1}, z: {router: e2}, "
	             "bandwidth_mbps: 1000, weight: 3}\n"
	             "  - {id: y3, a: {router: c2}, z: {router: e3}, "
	             "bandwidth_mbps: 1000, role: backup}\n"
	             "  - {id: z1, a: {router: b0}, z: {router: f0}, "
	             "bandwidth_mbps: 100}\n"
	             "  - {id: z2, a: {router: b1}, z: {router: f1}, "
	             "bandwidth_mbps: 50}\n"
	             "  - {id: z3, a: {router: b1}, z: {router: f0}, "
	             "bandwidth_mbps: 50, role: backup}\n"
	             "demands: [{from: dc, to: vpc, mbps: 900}, "
	             "{from: vpc2, to: br, mbps: 120}, {from: dc, to: vpc2}]\n");
	char *y = nsp_buf_detach(&b);
	struct loaded l;
	load_string(&l, y);
	ck_assert_msg(l.rc == 0, "%s", l.diags.n ? l.diags.v[0].msg : "");
	ck_assert_uint_gt(check_against_reference(l.m, "wide router"), 60);
	check_pairs(l.m, "wide router");
	loaded_free(&l);
	free(y);
}
END_TEST

START_TEST(fast_singles_new_state_each_failure)
{
	/*
	 * Designs where nearly every failure leaves a state of its own, so
	 * the ordered circuits outgrow their budget and the rest is scanned:
	 * 60 circuits of one CPE, each of a different weight; 40 CPEs with
	 * shared-risk tags that take out 1, 2, ... 39 of them.
	 */
	for (int variant = 0; variant < 2; variant++) {
		struct nsp_buf b = {0};
		int n = variant ? 40 : 60;
		nsp_buf_puts(&b, "nospof: 1\nname: s\n"
		                 "sites: [{id: dc, prefixes: [10.1.0.0/16]}]\n"
		                 "clouds: [{id: vpc, provider: generic, "
		                 "prefixes: [10.2.0.0/16]}]\n"
		                 "pops: [{id: p1}, {id: p2}]\n"
		                 "routers:\n"
		                 "  - {id: e1, role: edge, pop: p1, cloud: vpc}\n"
		                 "  - {id: e2, role: edge, pop: p2, cloud: vpc}\n");
		for (int i = 0; i < (variant ? n : 1); i++) {
			nsp_buf_printf(&b,
			               "  - {id: c%d, role: cpe, site: dc, srlg: [",
			               i);
			for (int k = i + 1; variant && k < n; k++)
				nsp_buf_printf(&b, "%st%d", k > i + 1 ? ", " : "",
				               k);
			nsp_buf_puts(&b, "]}\n");
		}
		nsp_buf_puts(&b, "circuits:\n");
		for (int i = 0; i < n; i++)
			nsp_buf_printf(&b,
			               "  - {id: x%d, a: {router: c%d}, z: {router: "
			               "e%d}, bandwidth_mbps: %d, weight: %d}\n",
			               i, variant ? i : 0, 1 + i % 2,
			               100 + 10 * (i % 5), variant ? 1 : i + 1);
		nsp_buf_puts(&b, "demands: [{from: dc, to: vpc, mbps: 700}]\n");
		char *y = nsp_buf_detach(&b);
		struct loaded l;
		load_string(&l, y);
		ck_assert_msg(l.rc == 0, "%s", l.diags.n ? l.diags.v[0].msg : "");
		ck_assert_uint_gt(check_against_reference(l.m, "new states"),
		                  n);
		loaded_free(&l);
		free(y);
	}
}
END_TEST

START_TEST(pairs_behind_exchange)
{
	/*
	 * 30 sites behind two exchange routers whose uplinks every demand
	 * shares, one uplink too small for all of them, plus a backup path:
	 * every pair of failures against nsp_analysis_eval.
	 */
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "nospof: 1\nname: x\nsites:\n");
	for (int i = 0; i < 30; i++)
		nsp_buf_printf(&b, "  - {id: s%d}\n", i);
	nsp_buf_puts(&b, "clouds: [{id: vpc, provider: generic, prefixes: "
	                 "[10.2.0.0/16]}]\n"
	                 "pops: [{id: p1, metro: m}, {id: p2, metro: m}, "
	                 "{id: x1}, {id: x2}]\n"
	                 "routers:\n"
	                 "  - {id: e1, role: edge, pop: p1, cloud: vpc}\n"
	                 "  - {id: e2, role: edge, pop: p2, cloud: vpc}\n"
	                 "  - {id: m1, role: exchange, pop: x1}\n"
	                 "  - {id: m2, role: exchange, pop: x2}\n");
	for (int i = 0; i < 30; i++)
		nsp_buf_printf(&b, "  - {id: c%d, role: cpe, site: s%d}\n", i, i);
	nsp_buf_puts(&b, "circuits:\n"
	                 "  - {id: u1, a: {router: m1}, z: {router: e1}, "
	                 "bandwidth_mbps: 1000, carrier: k}\n"
	                 "  - {id: u2, a: {router: m2}, z: {router: e2}, "
	                 "bandwidth_mbps: 200, carrier: k}\n"
	                 "  - {id: u3, a: {router: m1}, z: {router: e2}, "
	                 "bandwidth_mbps: 500, role: backup}\n");
	/* carrier kk reaches sites 0-19 only, tag t0 sites 0, 4, ... 28 */
	for (int i = 0; i < 30; i++)
		for (int k = 1; k <= 2; k++)
			nsp_buf_printf(&b,
			               "  - {id: x%d-%d, a: {router: c%d, port: "
			               "p%d}, z: {router: m%d}, bandwidth_mbps: "
			               "%d, srlg: [t%d]%s}\n",
			               i, k, i, k, k, 50 + 10 * (i % 3), i % 4,
			               i < 20 && k == 1 ? ", carrier: kk" : "");
	nsp_buf_puts(&b, "demands:\n");
	for (int i = 0; i < 30; i++)
		nsp_buf_printf(&b, "  - {from: s%d, to: vpc%s}\n", i,
		               i % 7 ? ", mbps: 20" : "");
	char *y = nsp_buf_detach(&b);
	struct loaded l;
	load_string(&l, y);
	ck_assert_msg(l.rc == 0, "%s", l.diags.n ? l.diags.v[0].msg : "");
	check_against_reference(l.m, "exchange");
	check_pairs(l.m, "exchange");
	loaded_free(&l);
	free(y);
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
	tcase_add_test(t, lag_k_of_n);
	tcase_add_test(t, lag_member_failures);
	tcase_add_test(t, routing_model);
	tcase_add_test(t, fast_singles_match_reference);
	tcase_add_test(t, fast_singles_wide_router);
	tcase_add_test(t, fast_singles_new_state_each_failure);
	tcase_add_test(t, pairs_behind_exchange);
	suite_add_tcase(s, t);
	return s;
}
