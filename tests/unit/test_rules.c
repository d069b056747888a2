/*
 * The rule registry and every rule's fixtures: tests/rules/<ID>/fail*.yaml
 * must trigger the rule, pass*.yaml must not; the first line of each
 * fixture, "# expect: ID ID:w ...", lists every finding it must produce
 * (":w" warning, ":i" info, nothing for error).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../rules/rules.h"
#include "helpers.h"
#include "import/import.h"

START_TEST(registry_is_sound)
{
	ck_assert_uint_ge(nsp_nrules, 9);
	for (size_t i = 0; i < nsp_nrules; i++) {
		const struct nsp_rule *r = nsp_rules[i];
		ck_assert_msg(r->id && *r->id && r->name && *r->name &&
				      r->title && *r->title && r->rationale &&
				      *r->rationale && r->remediation &&
				      *r->remediation && r->fails && *r->fails &&
				      r->passes && *r->passes &&
					      (r->check || r->judge_waiver),
			      "rule %zu has an empty field", i);
		ck_assert_msg(r->references && r->references[0],
			      "%s has no reference", r->id);
		if (i)
			ck_assert_msg(strcmp(nsp_rules[i - 1]->id, r->id) < 0,
				      "%s not sorted after %s", r->id,
				      nsp_rules[i - 1]->id);
		for (const char *p = r->name; *p; p++)
			ck_assert_msg((*p >= 'a' && *p <= 'z') || *p == '-' ||
					      (*p >= '0' && *p <= '9'),
				      "%s: name not kebab-case", r->id);
		ck_assert_ptr_eq(nsp_rule_find(r->id), r);
		ck_assert_ptr_eq(nsp_rule_find(r->name), r);
		for (size_t k = 0; k < i; k++)
			ck_assert_str_ne(nsp_rules[k]->name, r->name);
	}
	ck_assert_ptr_null(nsp_rule_find("NOPE001"));
	ck_assert_str_eq(nsp_rule_suggest("DIV01"), "DIV001");
}
END_TEST

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "DIV001 DIV007:w" from the findings, sorted like the expect line. */
static char *got_line(const struct nsp_findings *fs)
{
	char **v = nsp_xcalloc(fs->n + 1, sizeof(*v));
	for (size_t i = 0; i < fs->n; i++)
		v[i] = nsp_xasprintf("%s%s", fs->v[i]->rule_id,
				     fs->v[i]->severity == NSP_ERROR ? "" :
				     fs->v[i]->severity == NSP_WARNING ? ":w" :
									 ":i");
	if (fs->n > 1)
		qsort(v, fs->n, sizeof(*v), cmp_str);
	struct nsp_buf b = {0};
	for (size_t i = 0; i < fs->n; i++) {
		nsp_buf_printf(&b, "%s%s", i ? " " : "", v[i]);
		free(v[i]);
	}
	free(v);
	return nsp_buf_detach(&b);
}

/* The expect line normalised: tokens sorted, single spaces. */
static char *expect_line(const char *text)
{
	ck_assert_msg(!strncmp(text, "# expect:", 9),
		      "fixture does not start with '# expect:'");
	size_t len = strcspn(text + 9, "\n");
	char *line = nsp_xstrndup(text + 9, len);
	char *v[256];
	size_t n = 0;
	for (char *t = strtok(line, " \t\r"); t && n < 256;
	     t = strtok(NULL, " \t\r"))
		v[n++] = t;
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_str);
	struct nsp_buf b = {0};
	for (size_t i = 0; i < n; i++)
		nsp_buf_printf(&b, "%s%s", i ? " " : "", v[i]);
	free(line);
	return nsp_buf_detach(&b);
}

static void check_fixture(const char *path, const char *id, bool fail)
{
	static const struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	struct loaded l = {0};
	char *text = read_text(path);
	ck_assert_ptr_nonnull(text);
	l.rc = nsp_load_file(&l.m, path, &lim, &l.diags);
	ck_assert_msg(l.rc == 0, "%s: input error: %s", path,
		      l.diags.n ? l.diags.v[0].msg : "?");
	struct nsp_findings fs = {0};
	/* the fixtures are judged on one day, like the golden outputs */
	setenv("NOSPOF_TODAY", "2026-06-01", 1);
	run_rules(&fs, l.m);
	unsetenv("NOSPOF_TODAY");
	char *got = got_line(&fs), *want = expect_line(text);
	ck_assert_msg(!strcmp(got, want), "%s: expected [%s], got [%s]", path,
		      want, got);
	ck_assert_msg(fail == (count_rule(&fs, id) > 0),
		      "%s: %s should %sfire", path, id, fail ? "" : "not ");
	free(got);
	free(want);
	free(text);
	nsp_findings_free(&fs);
	loaded_free(&l);
}

/*
 * An import fixture: a plan NAME.json or a directory NAME.netbox of saved
 * NetBox responses, with NAME.overlay.yaml when there and NAME.expect.
 * Imported, loaded and checked as `check --import` does; the findings of
 * the IMP rules must be the expect line's.
 */
static void check_import_fixture(const char *path, const char *id, bool fail)
{
	static const struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	size_t len = strlen(path);
	bool nb = len > 7 && !strcmp(path + len - 7, ".netbox");
	size_t n = len - (nb ? 7 : 5); /* ".netbox", ".json" */
	char *ov = nsp_xasprintf("%.*s.overlay.yaml", (int)n, path);
	char *ex = nsp_xasprintf("%.*s.expect", (int)n, path);
	char *plan = nb ? NULL : read_text(path), *text = read_text(ex);
	ck_assert_msg((nb || plan) && text, "%s: no input or no %s", path, ex);
	bool has_ov = access(ov, R_OK) == 0;
	const char *ovs[1] = {ov};
	struct nsp_import_opts o = {path, ovs, has_ov ? 1 : 0, &lim, NULL};
	struct nsp_import imp;
	memset(&imp, 0, sizeof(imp));
	int rc = nb ? nsp_import_netbox_dir(path, NULL, &o, &imp) :
		      nsp_import_terraform(plan, strlen(plan), &o, &imp);
	ck_assert_msg(rc == 0, "%s: input error: %s", path,
		      imp.errors.n ? imp.errors.v[0].msg : "?");
	struct loaded l = {0};
	l.rc = nsp_load_buffer(&l.m, path, imp.yaml, imp.len, &lim, &l.diags);
	ck_assert_msg(l.rc == 0, "%s: written design: %s", path,
		      l.diags.n ? l.diags.v[0].msg : "?");
	nsp_import_locate(l.m, &imp, path);
	struct nsp_findings fs = {0}, imps = {0};
	run_rules(&fs, l.m);
	for (size_t i = 0; i < fs.n; i++)
		if (!strncmp(fs.v[i]->rule_id, "IMP", 3)) {
			NSP_GROW(imps.v, imps.cap, imps.n + 1);
			imps.v[imps.n++] = fs.v[i];
		}
	char *got = got_line(&imps), *want = expect_line(text);
	ck_assert_msg(!strcmp(got, want), "%s: expected [%s], got [%s]", path,
		      want, got);
	ck_assert_msg(fail == (count_rule(&fs, id) > 0),
		      "%s: %s should %sfire", path, id, fail ? "" : "not ");
	free(imps.v);
	free(got);
	free(want);
	nsp_findings_free(&fs);
	loaded_free(&l);
	nsp_import_free(&imp);
	free(plan);
	free(text);
	free(ov);
	free(ex);
}

START_TEST(rule_fixtures)
{
	const struct nsp_rule *r = nsp_rules[_i];
	char *dir = nsp_xasprintf("tests/rules/%s", r->id);
	/* the import rules' fixtures are plans */
	bool imp = !strncmp(r->id, "IMP", 3);
	/* NetBox's, directories of saved responses */
	bool nb = !strncmp(r->id, "IMP07", 5);
	const char *ext = nb ? ".netbox" : imp ? ".json" : ".yaml";
	char **fails = list_files(dir, "fail", ext);
	char **passes = list_files(dir, "pass", ext);
	ck_assert_msg(fails[0] != NULL, "%s has no failing fixture", r->id);
	ck_assert_msg(passes[0] != NULL, "%s has no passing fixture", r->id);
	for (char **p = fails; *p; p++)
		(imp ? check_import_fixture : check_fixture)(*p, r->id, true);
	for (char **p = passes; *p; p++)
		(imp ? check_import_fixture : check_fixture)(*p, r->id, false);
	free_list(fails);
	free_list(passes);
	free(dir);
}
END_TEST

START_TEST(select_and_ignore)
{
	struct loaded l;
	char *y = nsp_xasprintf("%s", base_design);
	/* both circuits on one CPE and one edge router */
	char *p = strstr(y, "{router: cpe2, port: p1}, z: {router: e2}");
	memcpy(p, "{router: cpe1, port: p2}, z: {router: e1}", 41);
	load_string(&l, y);
	ck_assert_int_eq(l.rc, 0);
	struct nsp_findings fs = {0};
	run_rules(&fs, l.m);
	ck_assert_uint_eq(count_rule(&fs, "DIV001"), 1);
	ck_assert_uint_eq(count_rule(&fs, "DIV002"), 1);
	ck_assert_uint_eq(count_rule(&fs, "DIV004"), 0); /* DIV001 says it */
	nsp_findings_free(&fs);

	struct nsp_selection sel = {0};
	ck_assert_ptr_null(nsp_selection_add(&nsp_builtin_rules, &sel.select, &sel.nselect, "DIV"));
	ck_assert_ptr_null(nsp_selection_add(&nsp_builtin_rules, &sel.ignore, &sel.nignore,
					     "DIV001, same-cpe-device"));
	ck_assert_str_eq(nsp_selection_add(&nsp_builtin_rules, &sel.ignore, &sel.nignore, "XYZ"),
			 "XYZ");
	nsp_engine_run(&fs, l.m, &nsp_builtin_rules, &sel, NULL);
	ck_assert_uint_eq(count_rule(&fs, NULL), 0);
	nsp_findings_free(&fs);
	nsp_selection_free(&sel);
	loaded_free(&l);
	free(y);
}
END_TEST

/* One DIV002 finding, under the given waivers block. */
static bool waived_with(const char *waivers)
{
	char *y = nsp_xasprintf("%s%s", base_design, waivers);
	char *p = strstr(y, "{router: cpe2, port: p1}");
	memcpy(p, "{router: cpe1, port: p2}", 24);
	struct loaded l;
	load_string(&l, y);
	ck_assert_msg(l.rc == 0, "%s", l.diags.n ? l.diags.v[0].msg : "");
	struct nsp_findings fs = {0};
	run_rules(&fs, l.m);
	ck_assert_uint_eq(count_rule(&fs, "DIV002"), 1);
	bool w = false;
	for (size_t i = 0; i < fs.n; i++)
		if (!strcmp(fs.v[i]->rule_id, "DIV002"))
			w = fs.v[i]->waived;
	nsp_findings_free(&fs);
	loaded_free(&l);
	free(y);
	return w;
}

START_TEST(waivers_apply)
{
	setenv("NOSPOF_TODAY", "2026-06-01", 1);
	ck_assert(waived_with("waivers:\n  - {rule: DIV002, reason: r}\n"));
	ck_assert(waived_with("waivers:\n  - {rule: div002, reason: r, "
			      "elements: [c1, cpe1], ticket: T-1}\n"));
	ck_assert(waived_with("waivers:\n  - {rule: DIV002, reason: r, "
			      "expires: 2026-06-01}\n"));
	ck_assert(!waived_with("waivers:\n  - {rule: DIV002, reason: r, "
			       "expires: 2026-05-31}\n"));
	ck_assert(!waived_with("waivers:\n  - {rule: DIV002, reason: r, "
			       "elements: [c1, zzz]}\n"));
	ck_assert(!waived_with("waivers:\n  - {rule: DIV003, reason: r}\n"));
	unsetenv("NOSPOF_TODAY");
}
END_TEST

Suite *rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *t = tcase_create("rules");
	tcase_set_timeout(t, 60);
	tcase_add_test(t, registry_is_sound);
	tcase_add_loop_test(t, rule_fixtures, 0, (int)nsp_nrules);
	tcase_add_test(t, select_and_ignore);
	tcase_add_test(t, waivers_apply);
	suite_add_tcase(s, t);
	return s;
}
