/*
 * The properties a gate must hold: every single failure of a required
 * class (intent.survive) that cuts a demand is an error, and every one that
 * newly overloads a circuit is a CAP001 error naming the circuit. Checked
 * on every example, every rule fixture and 1,500 generated designs,
 * against the failure analysis, independently of how the rules reach it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/failure.h"
#include "helpers.h"

/* Whether finding f is an error that names element e's cut of demand d. */
static bool names_cut(const struct nsp_model *m, const struct nsp_analysis *a,
		      const struct nsp_finding *f, size_t d, size_t e,
		      bool *dead)
{
	if (f->severity != NSP_ERROR)
		return false;
	const struct nsp_felem *el = &a->elems[e];
	char *name = nsp_escape(el->name, strlen(el->name));
	bool named = false;
	for (size_t i = 0; i < f->nelements && !named; i++)
		named = !strcmp(f->elements[i], name);
	free(name);
	if (named)
		return true;
	/* or the circuits it names: all of d's that e takes down, a cut */
	const struct nsp_demand *dem = &m->demands[d];
	const size_t *ec;
	size_t nec = nsp_demand_elem_circuits(a, d, e, &ec), any = 0;
	memset(dead, 0, dem->ncircuits * sizeof(bool));
	for (size_t i = 0; i < f->nelements; i++) {
		struct nsp_ref r = nsp_model_lookup(m, f->elements[i]);
		if (r.kind != NSP_KIND_CIRCUIT)
			continue;
		size_t pos = 0;
		while (pos < dem->ncircuits && dem->circuits[pos] != r.index)
			pos++;
		if (pos == dem->ncircuits)
			continue; /* another demand's circuit */
		bool in = false;
		for (size_t k = 0; k < nec && !in; k++)
			in = ec[k] == r.index;
		if (!in)
			return false;
		dead[pos] = true;
		any++;
	}
	return any && !nsp_demand_connected(a, d, dead);
}

/*
 * The first cut of a required class that no error names, as text, or
 * NULL when every one is named.
 */
static char *unreported_cut(const struct nsp_model *m,
			    const struct nsp_findings *fs, size_t *ncuts)
{
	struct nsp_analysis *a = nsp_analysis_new(m);
	char *bad = NULL;
	for (size_t d = 0; d < m->ndemands && !bad; d++) {
		if (!nsp_demand_base(a, d)->connected)
			continue;
		bool *dead = nsp_xcalloc(m->demands[d].ncircuits + 1,
					 sizeof(bool));
		size_t ne;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		for (size_t k = 0; k < ne && !bad; k++) {
			const struct nsp_felem *e = &a->elems[el[k]];
			if (!(m->intent.survive & (1u << e->cls)) ||
			    nsp_demand_single(a, d, k)->connected)
				continue;
			bool ok = false;
			++*ncuts;
			for (size_t i = 0; i < fs->n && !ok; i++)
				ok = names_cut(m, a, fs->v[i], d, el[k], dead);
			if (!ok)
				bad = nsp_xasprintf(
					"%s '%s' cuts demand %zu ('%s' -> '%s') "
					"and no error names it",
					nsp_class_names[e->cls], e->name, d,
					nsp_endpoint_id(m, m->demands[d].from),
					nsp_endpoint_id(m, m->demands[d].to));
		}
		free(dead);
	}
	nsp_analysis_free(a);
	return bad;
}

/* Whether an error of rule id names element (or circuit) name. */
static bool named_by(const struct nsp_findings *fs, const char *id,
		     const char *name)
{
	for (size_t i = 0; i < fs->n; i++) {
		const struct nsp_finding *f = fs->v[i];
		if (f->severity != NSP_ERROR || strcmp(f->rule_id, id))
			continue;
		for (size_t k = 0; k < f->nelements; k++)
			if (!strcmp(f->elements[k], name))
				return true;
	}
	return false;
}

/*
 * The first single failure of a required class that, rerouted in full,
 * leaves a circuit over its usable bandwidth that was not over at rest,
 * and that no CAP001 error names; NULL when there is none.
 */
static char *unreported_overload(const struct nsp_model *m,
				 const struct nsp_findings *fs)
{
	struct nsp_analysis *a = nsp_analysis_new(m);
	char *bad = NULL;
	for (size_t d = 0; d < m->ndemands && !bad; d++) {
		size_t ne;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		for (size_t k = 0; k < ne && !bad; k++) {
			const struct nsp_felem *e = &a->elems[el[k]];
			struct nsp_outcome o;
			if (!(m->intent.survive & (1u << e->cls)))
				continue;
			nsp_analysis_eval(&o, a, d, &el[k], 1);
			size_t c = o.worst_circuit;
			if (c == NSP_NONE || o.worst_share <= 1 + 1e-9)
				continue;
			double rest = a->base_load[0][c] > a->base_load[1][c] ?
					      a->base_load[0][c] :
					      a->base_load[1][c];
			if (rest > a->usable[c] * (1 + 1e-9) ||
			    named_by(fs, "CAP001", m->circuits[c].id))
				continue;
			bad = nsp_xasprintf("%s '%s' overloads circuit '%s' "
					    "and no CAP001 error names it",
					    nsp_class_names[e->cls], e->name,
					    m->circuits[c].id);
		}
	}
	nsp_analysis_free(a);
	return bad;
}

/* Check one loaded design; returns how many required cuts it has. */
static size_t check_model(const struct nsp_model *m, const char *what,
			  const char *text)
{
	struct nsp_findings fs = {0};
	size_t ncuts = 0;
	run_rules(&fs, m);
	char *bad = unreported_cut(m, &fs, &ncuts);
	ck_assert_msg(!bad, "%s: %s\n%s", what, bad, text ? text : "");
	bad = unreported_overload(m, &fs);
	ck_assert_msg(!bad, "%s: %s\n%s", what, bad, text ? text : "");
	nsp_findings_free(&fs);
	return ncuts;
}

/* Every design in dir that loads; returns how many. */
static size_t check_dir(const char *dir)
{
	size_t n = 0;
	char **files = list_files(dir, "", ".yaml");
	for (char **f = files; *f; f++) {
		struct nsp_model *m = NULL;
		struct nsp_diags diags = {0};
		struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
		if (!nsp_load_file(&m, *f, &lim, &diags)) {
			check_model(m, *f, NULL);
			n++;
		}
		nsp_model_free(m);
		nsp_diags_free(&diags);
	}
	free_list(files);
	return n;
}

START_TEST(required_cuts_are_errors_examples_fixtures)
{
	size_t n = check_dir("examples");
	char **dirs = list_files("tests/rules", "", "");
	for (char **dir = dirs; *dir; dir++)
		n += check_dir(*dir);
	free_list(dirs);
	ck_assert_uint_gt(n, 250);
}
END_TEST

START_TEST(required_cuts_are_errors_generated)
{
	size_t loaded = 0, cut = 0;
	for (uint64_t seed = 1; seed <= 1500; seed++) {
		char *y = gen_design(seed);
		struct loaded l;
		load_string(&l, y);
		if (!l.rc) {
			cut += check_model(l.m, "generated design", y) > 0;
			loaded++;
		} else if (seed < 20) {
			fprintf(stderr, "%s\n%s\n", l.diags.v[0].msg, y);
		}
		loaded_free(&l);
		free(y);
	}
	/* the generator makes valid designs, many of them with cuts */
	fprintf(stderr, "loaded %zu, with cuts %zu\n", loaded, cut);
	ck_assert_uint_ge(loaded, 1000);
	ck_assert_uint_ge(cut, 300);
}
END_TEST

Suite *invariant_suite(void)
{
	Suite *s = suite_create("invariant");
	TCase *tc = tcase_create("required");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, required_cuts_are_errors_examples_fixtures);
	tcase_add_test(tc, required_cuts_are_errors_generated);
	suite_add_tcase(s, tc);
	return s;
}
