/*
 * Tests of what a CI pipeline relies on: the SARIF, JUnit and GitHub formats,
 * many inputs, the .nospof.yaml config, waivers and baselines.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../rules/rules.h"
#include "helpers.h"

/* Run nospof with args (a shell fragment); returns the exit status. */
static int nospof(const char *args, char **out)
{
	char *cmd = nsp_xasprintf("%s %s", nospof_bin(), args);
	int st = run_cmd(cmd, out);
	free(cmd);
	return st;
}

/* Run nospof with args in dir; returns the exit status. */
static int in_dir(const char *dir, const char *args, char **out)
{
	char bin[4096];
	const char *b = nospof_bin();
	if (b[0] != '/') {
		ck_assert_ptr_nonnull(getcwd(bin, sizeof(bin) - 200));
		strcat(bin, "/");
		strcat(bin, b);
	} else {
		snprintf(bin, sizeof(bin), "%s", b);
	}
	char *cmd = nsp_xasprintf("cd '%s' && '%s' %s", dir, bin, args);
	int st = run_cmd(cmd, out);
	free(cmd);
	return st;
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char *p = nsp_xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	ck_assert_msg(f != NULL, "cannot write %s", p);
	fputs(text, f);
	fclose(f);
	free(p);
}

static char *temp_dir(void)
{
	char *d = nsp_xstrdup("/tmp/nospof-ci-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(d));
	return d;
}

static void remove_dir(char *d)
{
	char *cmd = nsp_xasprintf("rm -rf '%s'", d);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	free(d);
}

/* base_design with BFD on both sides of every circuit: clean routing. */
static char *with_bfd(const char *prefix, const char *suffix)
{
	struct nsp_buf b = {0};
	const char *from = "bandwidth_mbps: 1000}", *p = base_design, *q;
	nsp_buf_puts(&b, prefix);
	while ((q = strstr(p, from))) {
		nsp_buf_add(&b, p, (size_t)(q - p));
		nsp_buf_puts(&b, "bandwidth_mbps: 1000, bgp: {bfd: {}}}");
		p = q + strlen(from);
	}
	nsp_buf_puts(&b, p);
	nsp_buf_puts(&b, suffix);
	return nsp_buf_detach(&b);
}

/* base_design with both circuits on CPE cpe1: one DIV002 error. */
static char *one_cpe(const char *prefix, const char *suffix)
{
	/* with a sized demand, so that DIV002 is the design's only finding */
	char *with = nsp_xasprintf("demands:\n  - {from: dc, to: vpc, "
				   "mbps: 100}\n%s", suffix);
	char *y = with_bfd(prefix, with);
	free(with);
	char *p = strstr(y, "{router: cpe2, port: p1}");
	memcpy(p, "{router: cpe1, port: p2}", 24);
	return y;
}

/* A finding made by hand, for the escaping tests. */
static void fake(struct nsp_findings *fs, const char *file, const char *msg,
		 enum nsp_severity sev)
{
	NSP_GROW(fs->v, fs->cap, fs->n + 1);
	struct nsp_finding *f = nsp_xcalloc(1, sizeof(*f));
	f->rule_id = "DIV001";
	f->rule_name = "ecmp-same-edge-router";
	f->severity = sev;
	f->file = file;
	f->message = nsp_xstrdup(msg);
	f->pointer = nsp_xstrdup("/circuits/0");
	f->loc = (struct nsp_loc){3, 5};
	fs->v[fs->n++] = f;
}

static char *write_run(const char *format, struct nsp_run *run)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_int_eq(nsp_reporter_find(format)->write(f, run), 0);
	fclose(f);
	return buf;
}

START_TEST(github_escaping)
{
	const char *files[] = {"dir,x/a:b.yaml"};
	struct nsp_run run = {.files = files, .nfiles = 1,
			      .fail_on = NSP_ERROR,
			      .rules = &nsp_builtin_rules};
	fake(&run.findings, files[0], "50% of a\r\nb::c, d", NSP_ERROR);
	fake(&run.findings, files[0], "w", NSP_WARNING);
	fake(&run.findings, files[0], "i", NSP_INFO);
	char *out = write_run("github", &run);
	ck_assert_msg(strstr(out, "::group::nospof dir,x/a:b.yaml\n"), "%s",
		      out);
	ck_assert_msg(strstr(out, "::error file=dir%2Cx/a%3Ab.yaml,line=3,"
				  "col=5,title=DIV001::50%25 of a%0D%0Ab::c, "
				  "d\n"),
		      "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "::warning file="));
	ck_assert_ptr_nonnull(strstr(out, "::notice file="));
	ck_assert_ptr_nonnull(strstr(out, "::endgroup::\n"));
	ck_assert_ptr_null(strstr(out, "SARIF"));
	free(out);
	/* more than 10 errors: the summary points at SARIF */
	for (int i = 0; i < 10; i++)
		fake(&run.findings, files[0], "e", NSP_ERROR);
	out = write_run("github", &run);
	const char *last = strstr(out, "nospof: 1 file checked: 11 errors");
	ck_assert_msg(last != NULL, "%s", out);
	ck_assert_ptr_nonnull(strstr(last, "1 are not shown: upload the "
					   "SARIF report"));
	/* it is the last line */
	ck_assert_ptr_eq(strchr(last, '\n'), last + strlen(last) - 1);
	free(out);
	nsp_findings_free(&run.findings);
}
END_TEST

START_TEST(junit_xml)
{
	const char *files[] = {"a<b>.yaml", "clean.yaml"};
	struct nsp_run run = {.files = files, .nfiles = 2,
			      .fail_on = NSP_ERROR,
			      .rules = &nsp_builtin_rules};
	fake(&run.findings, files[0], "x\x01y \xef\xbf\xbe <&\"> z",
	     NSP_ERROR);
	fake(&run.findings, files[0], "same place", NSP_ERROR);
	char *out = write_run("junit", &run);
	ck_assert_ptr_nonnull(strstr(out, "x\\x01y \\u{FFFE} &lt;&amp;"));
	ck_assert_ptr_null(strchr(out, '\x01'));
	ck_assert_ptr_null(strstr(out, "\xef\xbf\xbe"));
	/* two findings at one place: two testcase names */
	ck_assert_ptr_nonnull(strstr(out, "name=\"DIV001 a&lt;b&gt;.yaml:3:5"
					  "\""));
	ck_assert_ptr_nonnull(strstr(out, "name=\"DIV001 a&lt;b&gt;.yaml:3:5 "
					  "(2)\""));
	/* a clean file still yields a passing testcase */
	ck_assert_ptr_nonnull(strstr(out, "<testcase name=\"nospof check "
					  "clean.yaml\""));
	ck_assert_ptr_nonnull(strstr(out, "tests=\"3\" failures=\"2\""));
	char tmp[] = "/tmp/nospof-junit-XXXXXX";
	int fd = mkstemp(tmp);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, out, strlen(out)), (ssize_t)strlen(out));
	close(fd);
	char *cmd = nsp_xasprintf("xmllint --noout %s 2>&1", tmp);
	char *lint;
	ck_assert_int_eq(run_cmd(cmd, &lint), 0);
	ck_assert_str_eq(lint, "");
	free(lint);
	free(cmd);
	unlink(tmp);
	free(out);
	nsp_findings_free(&run.findings);

	/* every example, waiver fixture and hostile input: well-formed */
	char *all = nsp_xasprintf("/tmp/nospof-junit-all-%ld.xml", (long)getpid());
	char *run_all = nsp_xasprintf("check -f junit --no-config examples "
				      "tests/rules/WAIVE001 tests/hostile/*.yaml "
				      "> %s", all);
	ck_assert_int_ne(nospof(run_all, NULL), 3);
	char *lint_all = nsp_xasprintf("xmllint --noout %s", all);
	ck_assert_int_eq(run_cmd(lint_all, NULL), 0);
	unlink(all);
	free(lint_all);
	free(run_all);
	free(all);
}
END_TEST

/* A non-empty string member. */
static const char *text_of(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	ck_assert_msg(json_is_string(v) && *json_string_value(v),
		      "%s is not a non-empty string", key);
	return json_string_value(v);
}

/* A physicalLocation as GitHub code scanning wants it. */
static void check_location(json_t *pl)
{
	ck_assert(json_is_object(pl));
	const char *uri = text_of(json_object_get(pl, "artifactLocation"),
				  "uri");
	ck_assert_msg(!strchr(uri, '\\') && strncmp(uri, "./", 2) &&
			      uri[0] != '/' && !strchr(uri, ' '),
		      "uri %s", uri);
	json_t *r = json_object_get(pl, "region");
	json_int_t sl = json_integer_value(json_object_get(r, "startLine"));
	json_int_t sc = json_integer_value(json_object_get(r, "startColumn"));
	json_int_t el = json_integer_value(json_object_get(r, "endLine"));
	json_int_t ec = json_integer_value(json_object_get(r, "endColumn"));
	ck_assert(sl >= 1 && sc >= 1 && el >= sl);
	ck_assert(el > sl || ec > sc);
}

START_TEST(sarif_structure)
{
	char *out;
	setenv("NOSPOF_TODAY", "2026-06-01", 1);
	ck_assert_int_eq(nospof("check -f sarif --no-config examples "
				"tests/rules/WAIVE001 "
				"tests/hostile/dangling-router.yaml "
				"tests/hostile/binary-junk.yaml",
				&out),
			 2);
	unsetenv("NOSPOF_TODAY");
	json_error_t e;
	json_t *root = json_loads(out, 0, &e);
	ck_assert_msg(root != NULL, "%s", e.text);
	ck_assert_str_eq(text_of(root, "version"), "2.1.0");
	text_of(root, "$schema");
	json_t *runs = json_object_get(root, "runs");
	ck_assert_uint_eq(json_array_size(runs), 1);
	json_t *run = json_array_get(runs, 0);
	ck_assert_str_eq(text_of(run, "columnKind"), "unicodeCodePoints");
	json_t *driver = json_object_get(json_object_get(run, "tool"),
					 "driver");
	ck_assert_str_eq(text_of(driver, "name"), "nospof");
	text_of(driver, "version");
	ck_assert(!strncmp(text_of(driver, "informationUri"), "https://",
			   8));
	json_t *rules = json_object_get(driver, "rules");
	ck_assert_uint_eq(json_array_size(rules), nsp_nrules + 1);
	for (size_t i = 0; i < json_array_size(rules); i++) {
		json_t *r = json_array_get(rules, i);
		const char *id = text_of(r, "id");
		ck_assert_str_eq(id, i < nsp_nrules ? nsp_rules[i]->id :
						      "INPUT");
		text_of(r, "name");
		text_of(json_object_get(r, "shortDescription"), "text");
		text_of(json_object_get(r, "fullDescription"), "text");
		text_of(json_object_get(r, "help"), "text");
		const char *lvl = text_of(
			json_object_get(r, "defaultConfiguration"), "level");
		ck_assert(!strcmp(lvl, "error") || !strcmp(lvl, "warning") ||
			  !strcmp(lvl, "note"));
	}
	json_t *results = json_object_get(run, "results");
	size_t suppressed = 0, input = 0;
	ck_assert_uint_ge(json_array_size(results), 10);
	for (size_t i = 0; i < json_array_size(results); i++) {
		json_t *r = json_array_get(results, i);
		const char *id = text_of(r, "ruleId");
		json_int_t ix = json_integer_value(
			json_object_get(r, "ruleIndex"));
		ck_assert(ix >= 0 && (size_t)ix < json_array_size(rules));
		ck_assert_str_eq(text_of(json_array_get(rules, (size_t)ix),
					 "id"),
				 id);
		const char *lvl = text_of(r, "level");
		ck_assert(!strcmp(lvl, "error") || !strcmp(lvl, "warning") ||
			  !strcmp(lvl, "note"));
		text_of(json_object_get(r, "message"), "text");
		json_t *locs = json_object_get(r, "locations");
		ck_assert_uint_eq(json_array_size(locs), 1);
		check_location(json_object_get(json_array_get(locs, 0),
					       "physicalLocation"));
		json_t *rel = json_object_get(r, "relatedLocations");
		for (size_t k = 0; k < json_array_size(rel); k++) {
			json_t *x = json_array_get(rel, k);
			check_location(json_object_get(x, "physicalLocation"));
			text_of(json_object_get(x, "message"), "text");
		}
		json_t *fp = json_object_get(r, "partialFingerprints");
		ck_assert(json_is_object(fp) && json_object_size(fp) == 1);
		text_of(fp, "nospofFindingIdentity/v1");
		json_t *sup = json_object_get(r, "suppressions");
		if (sup) {
			json_t *s = json_array_get(sup, 0);
			ck_assert_str_eq(text_of(s, "kind"), "external");
			text_of(s, "justification");
			suppressed++;
		}
		input += !strcmp(id, "INPUT");
	}
	ck_assert_uint_ge(suppressed, 2);
	ck_assert_uint_ge(input, 2);
	json_decref(root);
	free(out);
}
END_TEST

/*
 * Odd file names: SARIF percent-encodes the raw bytes; GitHub escapes the
 * raw name its own way, or leaves out a name it could not carry.
 */
START_TEST(odd_file_names)
{
	static const struct {
		const char *name, *uri, *github;
	} cases[] = {
		{"a\nb.yaml", "a%0Ab.yaml", "file=a%0Ab.yaml,line="},
		{"p%q,r:s.yaml", "p%25q%2Cr%3As.yaml",
		 "file=p%25q%2Cr%3As.yaml,line="},
		{"sp ace.yaml", "sp%20ace.yaml", "file=sp ace.yaml,line="},
		{"c\x01" "d.yaml", "c%01d.yaml", "::c\\x01d.yaml:"},
		{"e\xe2\x80\xae" "f.yaml", "e%E2%80%AEf.yaml",
		 "::e\\u{202E}f.yaml:"},
		{"g\xff" "h.yaml", "g%FFh.yaml", "::g\\xFFh.yaml:"},
		{"caf\xc3\xa9.yaml", "caf%C3%A9.yaml",
		 "file=caf\xc3\xa9.yaml,line="},
	};
	char *d = temp_dir();
	char *y = one_cpe("", "");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out;
		write_file(d, cases[i].name, y);
		char *args = nsp_xasprintf("check --no-config -f sarif '%s'",
					   cases[i].name);
		ck_assert_int_eq(in_dir(d, args, &out), 1);
		json_t *root = json_loads(out, 0, NULL);
		ck_assert_ptr_nonnull(root);
		json_t *r = json_array_get(
			json_object_get(json_array_get(json_object_get(root,
								       "runs"),
						       0),
					"results"),
			0);
		json_t *loc = json_object_get(
			json_object_get(json_array_get(json_object_get(
						       r, "locations"), 0),
					"physicalLocation"),
			"artifactLocation");
		ck_assert_str_eq(text_of(loc, "uri"), cases[i].uri);
		json_decref(root);
		free(out);
		free(args);
		args = nsp_xasprintf("check --no-config -f github '%s'",
				     cases[i].name);
		ck_assert_int_eq(in_dir(d, args, &out), 1);
		ck_assert_msg(strstr(out, cases[i].github), "%zu: %s", i, out);
		/* nothing raw that should not be: controls, bidi, bad bytes */
		char *e = nsp_escape(out, strlen(out));
		for (char *p = out; *p; p++)
			if (*p == '\n')
				*p = ' ';
		char *flat = nsp_escape(out, strlen(out));
		ck_assert_msg(!strcmp(flat, out), "%zu: raw bytes: %s", i, e);
		free(flat);
		free(e);
		free(out);
		free(args);
	}
	free(y);
	remove_dir(d);
}
END_TEST

/* The fingerprint of the only result of a SARIF report of path. */
static char *fingerprint_of(const char *dir, const char *name, int *line)
{
	char *args = nsp_xasprintf("check --no-config -f sarif %s", name);
	char *out;
	ck_assert_int_eq(in_dir(dir, args, &out), 1);
	free(args);
	json_t *root = json_loads(out, 0, NULL);
	ck_assert_ptr_nonnull(root);
	json_t *res = json_object_get(json_array_get(json_object_get(root,
								     "runs"),
						     0),
				      "results");
	ck_assert_uint_eq(json_array_size(res), 1);
	json_t *r = json_array_get(res, 0);
	*line = (int)json_integer_value(json_object_get(
		json_object_get(json_object_get(
					json_array_get(json_object_get(
							       r, "locations"),
						       0),
					"physicalLocation"),
				"region"),
		"startLine"));
	char *fp = nsp_xstrdup(text_of(json_object_get(r,
						       "partialFingerprints"),
				       "nospofFindingIdentity/v1"));
	json_decref(root);
	free(out);
	return fp;
}

START_TEST(sarif_fingerprint_survives_edits)
{
	char *d = temp_dir();
	char *y = one_cpe("", "");
	write_file(d, "design.yaml", y);
	int l1, l2;
	char *fp1 = fingerprint_of(d, "design.yaml", &l1);
	free(y);
	y = one_cpe("# a comment\n# and another\n",
		    "description: edited below the finding\n");
	write_file(d, "design.yaml", y);
	char *fp2 = fingerprint_of(d, "./design.yaml", &l2);
	ck_assert_int_eq(l2, l1 + 2);
	ck_assert_str_eq(fp1, fp2);
	free(fp1);
	free(fp2);
	free(y);
	remove_dir(d);
}
END_TEST

START_TEST(many_inputs)
{
	char *d = temp_dir(), *out;
	char *bad = one_cpe("", "");
	write_file(d, "a.yaml", base_design);
	write_file(d, "b.yml", bad);
	write_file(d, "notes.yaml", "foo: 1\n");
	write_file(d, "notes.txt", base_design);
	write_file(d, ".hidden.yaml", bad);
	write_file(d, "broken.yaml", "nospof: 1\nname: [\n");
	char *cmd = nsp_xasprintf("mkdir -p '%s/sub' '%s/.git' && "
				  "ln -s .. '%s/sub/loop'", d, d, d);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	write_file(d, "sub/c.yaml", bad);
	write_file(d, ".git/d.yaml", bad);

	ck_assert_int_eq(in_dir(d, "check --no-config -f junit .", &out), 2);
	const char *a = strstr(out, "testsuite name=\"a.yaml\"");
	const char *b = strstr(out, "testsuite name=\"b.yml\"");
	const char *br = strstr(out, "testsuite name=\"broken.yaml\"");
	const char *c = strstr(out, "testsuite name=\"sub/c.yaml\"");
	ck_assert_msg(a && b && br && c && a < b && b < br && br < c, "%s",
		      out);
	ck_assert_ptr_null(strstr(out, "notes"));
	ck_assert_ptr_null(strstr(out, "hidden"));
	ck_assert_ptr_null(strstr(out, ".git"));
	ck_assert_ptr_null(strstr(out, "loop"));
	free(out);
	/* the worst status over all files */
	ck_assert_int_eq(in_dir(d, "check --no-config a.yaml", NULL), 0);
	ck_assert_int_eq(in_dir(d, "check --no-config a.yaml b.yml", NULL),
			 1);
	ck_assert_int_eq(in_dir(d, "check --no-config sub b.yml a.yaml "
				   "broken.yaml", &out), 2);
	ck_assert_ptr_nonnull(strstr(out, "4 files checked"));
	free(out);
	/* a named file is a design; --designs-only skips it unless it is */
	ck_assert_int_eq(in_dir(d, "check --no-config notes.yaml", NULL), 2);
	ck_assert_int_eq(in_dir(d, "check --no-config --designs-only "
				   "notes.yaml a.yaml", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "1 file checked"));
	free(out);
	/* standard input, reported as file - */
	ck_assert_int_eq(in_dir(d, "check --no-config - a.yaml < b.yml",
				&out), 1);
	ck_assert_msg(!strncmp(out, "-:", 2), "%s", out);
	free(out);
	free(bad);
	remove_dir(d);
}
END_TEST

/*
 * A directory that cannot be read, named or met in a scan, is an input
 * error in every format. As root, nospof runs as nobody so that
 * permissions bite.
 */
START_TEST(unreadable_directories)
{
	const char *as = "";
	if (geteuid() == 0) {
		if (run_cmd("setpriv --version >/dev/null 2>&1", NULL))
			return;
		as = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
	}
	char *d = temp_dir(), *out;
	char *cmd = nsp_xasprintf("cd '%s' && chmod 755 . && mkdir a b c && "
				  "chmod 644 c", d);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	write_file(d, "a/x.yaml", base_design);
	write_file(d, "c/z.yaml", base_design);
	cmd = nsp_xasprintf("chmod 000 '%s/b'", d);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	char bin[4096];
	ck_assert_ptr_nonnull(realpath(nospof_bin(), bin));
	static const char *const formats[] = {"text", "json", "sarif",
					      "junit", "github", "markdown"};
	for (size_t i = 0; i < 6; i++) {
		cmd = nsp_xasprintf("cd '%s' && %s'%s' check --no-config -f %s "
				    ". b",
				    d, as, bin, formats[i]);
		ck_assert_msg(run_cmd(cmd, &out) == 2, "%s: %s", formats[i],
			      out);
		ck_assert_msg(strstr(out, "cannot read the directory: "
					  "Permission denied"),
			      "%s: %s", formats[i], out);
		ck_assert_ptr_null(strstr(out, "verdict: pass"));
		free(out);
		free(cmd);
	}
	/* a readable directory whose entries cannot be reached: c */
	cmd = nsp_xasprintf("cd '%s' && %s'%s' check --no-config .", d, as,
			    bin);
	ck_assert_int_eq(run_cmd(cmd, &out), 2);
	ck_assert_msg(strstr(out, "b:1:1: error: cannot read the directory"),
		      "%s", out);
	ck_assert_msg(strstr(out, "c:1:1: error: cannot read the directory"),
		      "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "3 files checked"));
	free(out);
	free(cmd);
	cmd = nsp_xasprintf("chmod 755 '%s/b' '%s/c'", d, d);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	remove_dir(d);
}
END_TEST

START_TEST(config_discovery_and_precedence)
{
	char *d = temp_dir(), *out;
	char *bad = one_cpe("", "");
	char *cmd = nsp_xasprintf("mkdir -p '%s/repo/designs/deep'", d);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	char *repo = nsp_xasprintf("%s/repo", d);
	char *deep = nsp_xasprintf("%s/repo/designs/deep", d);
	write_file(repo, "designs/deep/x.yaml", bad);
	/* SPOF001 reports the CPE cut when DIV002 is ignored */
	write_file(repo, ".nospof.yaml", "ignore: [DIV002, SPOF001]\n");
	/* found upward from the working directory */
	ck_assert_int_eq(in_dir(deep, "check x.yaml", &out), 0);
	ck_assert_ptr_null(strstr(out, "DIV002"));
	free(out);
	ck_assert_int_eq(in_dir(repo, "check designs", NULL), 0);
	ck_assert_int_eq(in_dir(deep, "check --no-config x.yaml", NULL), 1);
	/* the command line wins: --ignore replaces the config's ignore */
	ck_assert_int_eq(in_dir(deep, "check --ignore DIV001 x.yaml", &out),
			 1);
	ck_assert_ptr_nonnull(strstr(out, "[DIV002]"));
	free(out);
	/* severity overrides, fail_on, and --fail-on over fail_on */
	write_file(repo, ".nospof.yaml", "severity: {DIV002: warning}\n");
	ck_assert_int_eq(in_dir(deep, "check x.yaml", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "warning: circuits"));
	free(out);
	write_file(repo, ".nospof.yaml", "severity: {DIV: info, DIV002: "
					 "warning}\nfail_on: warning\n");
	ck_assert_int_eq(in_dir(deep, "check x.yaml", NULL), 1);
	ck_assert_int_eq(in_dir(deep, "check --fail-on error x.yaml", NULL),
			 0);
	/* --config names the file */
	write_file(d, "other.yaml", "select: DIV001, HA\n");
	ck_assert_int_eq(in_dir(deep, "check --config ../../../other.yaml "
				      "x.yaml", NULL), 0);
	/* intent defaults apply to designs that leave the field out */
	write_file(repo, ".nospof.yaml",
		   "intent:\n  survive: [circuit, port, pop]\n  mode: "
		   "active-active\n  availability: 99.9\n");
	ck_assert_int_eq(in_dir(deep, "check x.yaml", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "warning: circuits"));
	free(out);
	/* rules named by their names, in the config and on the command line */
	write_file(repo, ".nospof.yaml", "severity: {same-cpe-device: info}\n");
	ck_assert_int_eq(in_dir(deep, "check --fail-on warning x.yaml", &out),
			 0);
	ck_assert_ptr_nonnull(strstr(out, "info: circuits"));
	free(out);
	write_file(repo, ".nospof.yaml", "select: [same-cpe-device]\n");
	ck_assert_int_eq(in_dir(deep, "check x.yaml", &out), 1);
	ck_assert_ptr_nonnull(strstr(out, "[DIV002]"));
	free(out);
	write_file(repo, ".nospof.yaml", "ignore: same-cpe-device, SPOF001\n");
	ck_assert_int_eq(in_dir(deep, "check x.yaml", NULL), 0);
	ck_assert_int_eq(in_dir(deep, "check --no-config --ignore "
				      "same-cpe-device,single-point-of-failure "
				      "x.yaml",
				NULL),
			 0);
	ck_assert_int_eq(in_dir(deep, "check --no-config --select "
				      "same-cpe-device x.yaml",
				&out),
			 1);
	ck_assert_ptr_nonnull(strstr(out, "[DIV002]"));
	free(out);
	ck_assert_int_eq(in_dir(deep, "check --no-config --select "
				      "same-cpe-devise x.yaml 2>&1",
				&out),
			 3);
	ck_assert_msg(strstr(out, "did you mean 'same-cpe-device'?"), "%s",
		      out);
	free(out);
	write_file(repo, ".nospof.yaml", "ignore: [same-cpe-devise]\n");
	ck_assert_int_eq(in_dir(deep, "check x.yaml", &out), 2);
	ck_assert_msg(strstr(out, "did you mean 'same-cpe-device'?"), "%s",
		      out);
	free(out);
	write_file(repo, ".nospof.yaml", "intent:\n  survive: [circuit, port, "
					 "pop]\n  mode: active-active\n  "
					 "availability: 99.9\n");
	char *own = one_cpe("", "intent: {survive: [router]}\n");
	write_file(deep, "x.yaml", own);
	ck_assert_int_eq(in_dir(deep, "check x.yaml", NULL), 1);
	free(own);
	free(bad);
	free(repo);
	free(deep);
	remove_dir(d);
}
END_TEST

START_TEST(config_errors_are_located)
{
	char *d = temp_dir(), *out;
	write_file(d, "design.yaml", base_design);
	write_file(d, ".nospof.yaml",
		   "selct: [DIV]\nseverity: {DIV01: warning, HA001: fatal}\n"
		   "fail_on: warnings\nintent: {mode: active, surviv: []}\n");
	ck_assert_int_eq(in_dir(d, "check design.yaml", &out), 2);
	ck_assert_msg(strstr(out, ".nospof.yaml:1:1: error: unknown key "
				  "'selct' (did you mean 'select'?) [INPUT]"),
		      "%s", out);
	ck_assert_ptr_nonnull(strstr(out, ".nospof.yaml:2:12: error: "
					  "severity/DIV01: 'DIV01' matches "
					  "no rule (did you mean 'DIV001'?)"));
	ck_assert_ptr_nonnull(strstr(out, ".nospof.yaml:2:35: error: "
					  "severity/HA001: unknown value "
					  "'fatal'"));
	ck_assert_ptr_nonnull(strstr(out, ".nospof.yaml:3:10: error: "
					  "fail_on: unknown value 'warnings' "
					  "(did you mean 'warning'?)"));
	ck_assert_ptr_nonnull(strstr(out, "intent/mode: unknown value "
					  "'active'"));
	ck_assert_ptr_nonnull(strstr(out, "unknown key 'surviv' (did you "
					  "mean 'survive'?)"));
	free(out);
	/* a config that is not YAML, and an empty one */
	write_file(d, ".nospof.yaml", "select: [\n");
	ck_assert_int_eq(in_dir(d, "check design.yaml", &out), 2);
	ck_assert_ptr_nonnull(strstr(out, ".nospof.yaml:"));
	free(out);
	/* an alias to a mapping as a key: located, the same every run */
	write_file(d, ".nospof.yaml",
		   "intent: &m {mode: active-active}\n*m : 1\n");
	char *again;
	ck_assert_int_eq(in_dir(d, "check design.yaml", &out), 2);
	ck_assert_int_eq(in_dir(d, "check design.yaml", &again), 2);
	ck_assert_msg(strstr(out, ".nospof.yaml:2:1: error: a mapping key "
				  "must be a plain value, not an alias"),
		      "%s", out);
	ck_assert_str_eq(out, again);
	free(out);
	free(again);
	write_file(d, ".nospof.yaml", "# nothing yet\n");
	ck_assert_int_eq(in_dir(d, "check design.yaml", NULL), 0);
	ck_assert_int_eq(in_dir(d, "check --config nope.yaml design.yaml",
				NULL), 2);
	ck_assert_int_eq(in_dir(d, "check --config a --no-config x 2>&1",
				NULL), 3);
	remove_dir(d);
}
END_TEST

START_TEST(waivers_in_the_cli)
{
	char *d = temp_dir(), *out;
	char *y = one_cpe("", "waivers:\n  - {rule: DIV002, reason: \"second "
			      "CPE\", ticket: NET-7, expires: 2026-06-01}\n");
	write_file(d, "w.yaml", y);
	setenv("NOSPOF_TODAY", "2026-06-01", 1);
	ck_assert_int_eq(in_dir(d, "check --no-config w.yaml", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "(waived: second CPE, NET-7)"));
	ck_assert_ptr_nonnull(strstr(out, "(1 waived)"));
	free(out);
	/* the day after: expired, DIV002 counts again, WAIVE001 says why */
	setenv("NOSPOF_TODAY", "2026-06-02", 1);
	ck_assert_int_eq(in_dir(d, "check --no-config w.yaml", &out), 1);
	unsetenv("NOSPOF_TODAY");
	ck_assert_ptr_nonnull(strstr(out, "expired on 2026-06-01"));
	ck_assert_ptr_nonnull(strstr(out, "2 errors"));
	free(out);
	free(y);
	/* a NOSPOF_TODAY that is not a date is a usage error naming it */
	static const char *const bad_days[] = {"tomorrow", "2026-02-30",
					       "2026-6-1", "2026-06-01x"};
	for (size_t i = 0; i < 4; i++) {
		setenv("NOSPOF_TODAY", bad_days[i], 1);
		ck_assert_int_eq(in_dir(d, "check --no-config w.yaml 2>&1",
					&out), 3);
		ck_assert_msg(strstr(out, "NOSPOF_TODAY: expected a calendar "
					  "date YYYY-MM-DD"), "%s", out);
		free(out);
		ck_assert_int_eq(in_dir(d, "graph w.yaml 2>/dev/null", NULL),
				 3);
	}
	/* set but empty: as if not set (today's date, so 0 or 1) */
	setenv("NOSPOF_TODAY", "", 1);
	ck_assert_int_le(in_dir(d, "check --no-config w.yaml", NULL), 1);
	unsetenv("NOSPOF_TODAY");
	/* a waiver that matches nothing: a warning */
	y = with_bfd("", "demands:\n  - {from: dc, to: vpc, mbps: 100}\n"
			 "waivers:\n  - {rule: DIV003, reason: r}\n");
	write_file(d, "u.yaml", y);
	ck_assert_int_eq(in_dir(d, "check --no-config u.yaml", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "warning: the waiver of DIV003 "
					  "matches no finding"));
	free(out);
	ck_assert_int_eq(in_dir(d, "check --no-config --fail-on warning "
				   "u.yaml", NULL), 1);
	/* not judged when its rule did not run */
	ck_assert_int_eq(in_dir(d, "check --no-config --fail-on warning "
				   "--ignore DIV003 u.yaml", NULL), 0);
	free(y);
	/*
	 * Several waivers: one naming an element the finding lacks, then one
	 * (rule in lower case) naming its last element, then one naming
	 * none. The first in the file that covers the finding waives it; the
	 * others match no finding.
	 */
	y = one_cpe("", "waivers:\n"
			"  - {rule: DIV002, elements: [cpe2], reason: a}\n"
			"  - {rule: div002, elements: [cpe1, c2], reason: b}\n"
			"  - {rule: DIV002, reason: c}\n");
	write_file(d, "m.yaml", y);
	ck_assert_int_eq(in_dir(d, "check --no-config m.yaml", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "(waived: b)"));
	ck_assert_ptr_nonnull(strstr(out, "the waiver of DIV002 matches no "
					  "finding"));
	ck_assert_ptr_null(strstr(out, "the waiver of div002"));
	ck_assert_ptr_nonnull(strstr(out, "(1 waived)"));
	free(out);
	free(y);
	/* a rule named by its name waives that rule's findings */
	y = one_cpe("", "waivers:\n  - {rule: same-cpe-device, reason: n}\n");
	write_file(d, "n.yaml", y);
	ck_assert_int_eq(in_dir(d, "check --no-config --fail-on warning "
				   "n.yaml", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "(waived: n)"));
	ck_assert_ptr_null(strstr(out, "matches no finding"));
	free(out);
	free(y);
	/* a misspelt name: an input error that suggests the name */
	y = one_cpe("", "waivers:\n  - {rule: same-cpe-devise, reason: n}\n");
	write_file(d, "n.yaml", y);
	ck_assert_int_eq(in_dir(d, "check --no-config n.yaml", &out), 2);
	ck_assert_msg(strstr(out, "unknown rule 'same-cpe-devise' (did you "
				  "mean 'same-cpe-device'?)"),
		      "%s", out);
	free(out);
	free(y);
	remove_dir(d);
}
END_TEST

START_TEST(baselines)
{
	char *d = temp_dir(), *out;
	char *y = one_cpe("", "");
	write_file(d, "design.yaml", y);
	ck_assert_int_eq(in_dir(d, "check --no-config --write-baseline "
				   "base.json design.yaml", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "(1 baselined)"));
	free(out);
	char *base = nsp_xasprintf("%s/base.json", d);
	char *b = read_text(base);
	ck_assert_ptr_nonnull(strstr(b, "\"rule\": \"DIV002\""));
	ck_assert_ptr_nonnull(strstr(b, "\"file\": \"design.yaml\""));
	ck_assert_ptr_null(strstr(b, "line"));
	free(b);
	free(base);
	/* the finding moved to another line: still baselined */
	free(y);
	y = one_cpe("# moved down\n\n\n", "");
	write_file(d, "design.yaml", y);
	ck_assert_int_eq(in_dir(d, "check --no-config --baseline base.json "
				   "-f json ./design.yaml", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "\"baselined\": 1"));
	ck_assert_ptr_null(strstr(out, "DIV002"));
	free(out);
	ck_assert_int_eq(in_dir(d, "check --no-config --baseline base.json "
				   "-f markdown design.yaml", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "| 1 | 0 | 0 | 0 | 0 | 1 | 0 |"));
	free(out);
	/* a new finding is reported */
	char *p = strstr(y, "z: {router: e2}");
	memcpy(p, "z: {router: e1}", 15);
	write_file(d, "design.yaml", y);
	ck_assert_int_eq(in_dir(d, "check --no-config --baseline base.json "
				   "design.yaml", &out), 1);
	ck_assert_ptr_nonnull(strstr(out, "[DIV001]"));
	ck_assert_ptr_null(strstr(out, "[DIV002]"));
	ck_assert_ptr_nonnull(strstr(out, "(1 baselined)"));
	free(out);
	/* a baseline that cannot be read is a usage error */
	ck_assert_int_eq(in_dir(d, "check --no-config --baseline nope.json "
				   "design.yaml 2>&1", &out), 3);
	ck_assert_ptr_nonnull(strstr(out, "nope.json"));
	free(out);
	write_file(d, "junk.json", "{\"findings\": 3}");
	ck_assert_int_eq(in_dir(d, "check --no-config --baseline junk.json "
				   "design.yaml 2>/dev/null", NULL), 3);
	free(y);
	remove_dir(d);
}
END_TEST

/*
 * Two facilities that differ only by a zero-width space are one facility
 * (DIV005), and the removed character is an INPUT warning, which fails
 * only at --fail-on warning.
 */
START_TEST(invisible_characters_in_text)
{
	char *d = temp_dir(), *out;
	char *y = with_bfd("", "demands:\n  - {from: dc, to: vpc, mbps: 100}\n"
			       "intent: {survive: [circuit, port, router, "
			       "pop, facility]}\n");
	char *p = strstr(y, "facility: fb");
	ck_assert_ptr_nonnull(p);
	char *z = nsp_xasprintf("%.*sfacility: \"f\\u200Ba\"%s",
				(int)(p - y), y, p + strlen("facility: fb"));
	write_file(d, "z.yaml", z);
	ck_assert_int_eq(in_dir(d, "check --no-config z.yaml", &out), 1);
	ck_assert_msg(strstr(out, "z.yaml:9:27: warning: pop 'pop-b': "
				  "facility: 'f\\u{200B}a' contains the "
				  "invisible character U+200B (zero width "
				  "space): it is compared without it, as 'fa' "
				  "[INPUT]"),
		      "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "share facility 'fa'"));
	ck_assert_ptr_nonnull(strstr(out, "[DIV005]"));
	ck_assert_ptr_nonnull(strstr(out, "1 error, 1 warning"));
	free(out);
	/* alone, the warning passes unless --fail-on warning */
	ck_assert_int_eq(in_dir(d, "check --no-config --ignore DIV005,SPOF001 "
				   "z.yaml", NULL), 0);
	ck_assert_int_eq(in_dir(d, "check --no-config --ignore DIV005,SPOF001 "
				   "--fail-on warning z.yaml", NULL), 1);
	ck_assert_int_eq(in_dir(d, "check --no-config -f json z.yaml", &out),
			 1);
	ck_assert_ptr_nonnull(strstr(out, "\"input_errors\": 0"));
	ck_assert_ptr_nonnull(strstr(out, "\"name\": \"input-warning\""));
	free(out);
	ck_assert_int_eq(in_dir(d, "check --no-config -f junit z.yaml", &out),
			 1);
	ck_assert_ptr_null(strstr(out, "<error"));
	ck_assert_ptr_nonnull(strstr(out, "<failure type=\"warning\""));
	free(out);
	free(z);
	free(y);
	remove_dir(d);
}
END_TEST

/* Write n bytes of a repeated comment line to dir/name. */
static void write_big(const char *dir, const char *name, const char *head,
		      size_t n)
{
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, head);
	while (b.len < n)
		nsp_buf_puts(&b, "# padding padding padding padding padding\n");
	write_file(dir, name, b.s);
	nsp_buf_free(&b);
}

/* The input limits apply to configs and baselines as to designs. */
START_TEST(limits_on_configs_and_baselines)
{
	char *d = temp_dir(), *out;
	write_file(d, "d.yaml", base_design);
	/* the config: input errors (2) located in it */
	write_file(d, "bomb.yaml",
		   "a: &a [x, x, x, x, x, x, x, x, x]\n"
		   "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		   "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		   "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n");
	ck_assert_int_eq(in_dir(d, "check --config bomb.yaml d.yaml", &out),
			 2);
	ck_assert_msg(strstr(out, "bomb.yaml:4:") &&
			      strstr(out, "(alias limit)"),
		      "%s", out);
	free(out);
	struct nsp_buf deep = {0};
	nsp_buf_puts(&deep, "intent: ");
	for (int i = 0; i < 70; i++)
		nsp_buf_putc(&deep, '[');
	for (int i = 0; i < 70; i++)
		nsp_buf_putc(&deep, ']');
	nsp_buf_putc(&deep, '\n');
	write_file(d, "deep.yaml", deep.s);
	ck_assert_int_eq(in_dir(d, "check --config deep.yaml d.yaml", &out),
			 2);
	ck_assert_msg(strstr(out, "(depth limit)"), "%s", out);
	free(out);
	ck_assert_int_eq(in_dir(d, "check --max-depth 80 --config deep.yaml "
				   "d.yaml", &out), 2);
	ck_assert_ptr_null(strstr(out, "(depth limit)"));
	free(out);
	write_big(d, "big.yaml", "fail_on: error\n", 1100000);
	ck_assert_int_eq(in_dir(d, "check --max-input-mb 1 --config big.yaml "
				   "d.yaml", &out), 2);
	ck_assert_msg(strstr(out, "big.yaml:1:1: error: config file is over "
				  "the size limit of 1 MiB"),
		      "%s", out);
	free(out);
	ck_assert_int_eq(in_dir(d, "check --max-input-mb 2 --config big.yaml "
				   "d.yaml", NULL), 0);
	/* the baseline: a usage error (3), like an unreadable one */
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "{\"format_version\": 1, \"findings\": [");
	while (b.len < 1100000)
		nsp_buf_puts(&b, "{\"rule\": \"DIV001\", \"file\": \"x.yaml\", "
				 "\"elements\": [\"a\", \"b\"]},\n");
	nsp_buf_puts(&b, "{\"rule\": \"DIV001\", \"file\": \"x.yaml\", "
			 "\"elements\": []}]}\n");
	write_file(d, "big.json", b.s);
	nsp_buf_free(&b);
	ck_assert_int_eq(in_dir(d, "check --no-config --max-input-mb 1 "
				   "--baseline big.json d.yaml 2>&1",
				&out),
			 3);
	ck_assert_msg(strstr(out, "baseline 'big.json' is over the size "
				  "limit of 1 MiB (raise it with "
				  "--max-input-mb)"),
		      "%s", out);
	free(out);
	ck_assert_int_eq(in_dir(d, "check --no-config --max-input-mb 2 "
				   "--baseline big.json d.yaml",
				NULL),
			 0);
	nsp_buf_free(&deep);
	nsp_buf_puts(&deep, "{\"format_version\": 1, \"findings\": [], "
			    "\"x\": ");
	for (int i = 0; i < 70; i++)
		nsp_buf_putc(&deep, '[');
	for (int i = 0; i < 70; i++)
		nsp_buf_putc(&deep, ']');
	nsp_buf_puts(&deep, "}\n");
	write_file(d, "deep.json", deep.s);
	nsp_buf_free(&deep);
	ck_assert_int_eq(in_dir(d, "check --no-config --baseline deep.json "
				   "d.yaml 2>&1",
				&out),
			 3);
	ck_assert_msg(strstr(out, "deeper than 64 levels (depth limit; "
				  "raise it with --max-depth)"),
		      "%s", out);
	free(out);
	ck_assert_int_eq(in_dir(d, "check --no-config --max-depth 80 "
				   "--baseline deep.json d.yaml",
				NULL),
			 0);
	remove_dir(d);
}
END_TEST

/* Whether a file in dir holds exactly text. */
static bool holds(const char *dir, const char *name, const char *text)
{
	char *p = nsp_xasprintf("%s/%s", dir, name);
	char *got = read_text(p);
	bool same = got && !strcmp(got, text);
	free(got);
	free(p);
	return same;
}

/* No output ever replaces an input, and a failed run leaves old outputs. */
START_TEST(outputs_never_lose_inputs)
{
	char *d = temp_dir(), *out;
	char *y = one_cpe("", "");
	write_file(d, "d.yaml", y);
	write_file(d, ".nospof.yaml", "fail_on: error\n");
	write_file(d, "base.json", "{\"format_version\": 1, \"findings\": "
				   "[]}\n");
	char *cmd = nsp_xasprintf("cd '%s' && ln d.yaml hard.yaml && "
				  "ln -s d.yaml soft.yaml && mkdir sub && "
				  "ln -s ../d.yaml sub/d.yaml", d);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	static const char *const refused[] = {
		"check -o d.yaml d.yaml",
		"check -f json -o ./d.yaml .",
		"check -o hard.yaml d.yaml",
		"check -o soft.yaml d.yaml",
		"check -o d.yaml sub",
		"check -o sub/d.yaml d.yaml",
		"check --write-baseline d.yaml d.yaml",
		"check -o .nospof.yaml d.yaml",
		"check --no-config --baseline base.json -o base.json d.yaml",
		"check -o r.txt --write-baseline ./r.txt d.yaml",
		"graph d.yaml -o d.yaml",
		"graph hard.yaml -f svg -o soft.yaml",
	};
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		char *args = nsp_xasprintf("%s 2>&1", refused[i]);
		ck_assert_msg(in_dir(d, args, &out) == 3, "%s: %s", refused[i],
			      out);
		ck_assert_msg(strstr(out, "refusing to overwrite an input") ||
				      strstr(out, "name the same file"),
			      "%s: %s", refused[i], out);
		ck_assert_msg(holds(d, "d.yaml", y), "%s", refused[i]);
		free(out);
		free(args);
	}
	ck_assert(holds(d, ".nospof.yaml", "fail_on: error\n"));
	ck_assert(holds(d, "base.json", "{\"format_version\": 1, "
					"\"findings\": []}\n"));
	/* a run that fails keeps the old report; one that works replaces it */
	write_file(d, "r.txt", "old\n");
	ck_assert_int_eq(in_dir(d, "check -o r.txt --baseline nope.json "
				   "d.yaml 2>/dev/null",
				NULL),
			 3);
	ck_assert(holds(d, "r.txt", "old\n"));
	ck_assert_int_eq(in_dir(d, "graph d.yaml -o r.txt --fail nothing "
				   "2>/dev/null",
				NULL),
			 3);
	ck_assert(holds(d, "r.txt", "old\n"));
	ck_assert_int_eq(in_dir(d, "check -o r.txt d.yaml", NULL), 1);
	ck_assert(!holds(d, "r.txt", "old\n"));
	/* no temporary file is left behind */
	cmd = nsp_xasprintf("ls -A '%s' | grep -c nospof-", d);
	run_cmd(cmd, &out);
	ck_assert_str_eq(out, "0\n");
	free(out);
	free(cmd);
	/* a new file gets the umask's mode, a replaced one keeps its own */
	mode_t old = umask(027);
	ck_assert_int_eq(in_dir(d, "check -o new.txt d.yaml", NULL), 1);
	umask(old);
	char *p = nsp_xasprintf("%s/new.txt", d);
	struct stat st;
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0640);
	ck_assert_int_eq(chmod(p, 0600), 0);
	ck_assert_int_eq(in_dir(d, "check -o new.txt d.yaml", NULL), 1);
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0600);
	free(p);
	/* a link to a file not there yet creates that file */
	cmd = nsp_xasprintf("cd '%s' && ln -s later.txt link.txt", d);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	ck_assert_int_eq(in_dir(d, "check -o link.txt d.yaml", NULL), 1);
	char *later = nsp_xasprintf("%s/later.txt", d);
	char *link = nsp_xasprintf("%s/link.txt", d);
	struct stat lst;
	ck_assert_int_eq(stat(later, &st), 0);
	ck_assert_int_eq(lstat(link, &lst), 0);
	ck_assert(S_ISLNK(lst.st_mode));
	free(later);
	free(link);
	/* devices are written in place */
	ck_assert_int_eq(in_dir(d, "check -o /dev/null d.yaml", NULL), 1);
	ck_assert_int_eq(stat("/dev/null", &st), 0);
	ck_assert(S_ISCHR(st.st_mode));
	free(y);
	remove_dir(d);
}
END_TEST

Suite *ci_suite(void)
{
	Suite *s = suite_create("ci");
	TCase *t = tcase_create("ci");
	tcase_set_timeout(t, 120);
	tcase_add_test(t, github_escaping);
	tcase_add_test(t, junit_xml);
	tcase_add_test(t, sarif_structure);
	tcase_add_test(t, odd_file_names);
	tcase_add_test(t, sarif_fingerprint_survives_edits);
	tcase_add_test(t, many_inputs);
	tcase_add_test(t, unreadable_directories);
	tcase_add_test(t, config_discovery_and_precedence);
	tcase_add_test(t, config_errors_are_located);
	tcase_add_test(t, waivers_in_the_cli);
	tcase_add_test(t, baselines);
	tcase_add_test(t, outputs_never_lose_inputs);
	tcase_add_test(t, limits_on_configs_and_baselines);
	tcase_add_test(t, invisible_characters_in_text);
	suite_add_tcase(s, t);
	return s;
}
