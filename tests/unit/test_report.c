/* Tests of the reporters: golden outputs of every example, escaping. */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/spool.h"
#include "report/topology.h"
#include "helpers.h"

/* The report of one format over the given files, as a string. */
static char *report(const char *format, const char *const *files, size_t n,
		    int *status)
{
	static const struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	struct nsp_run run = {.files = files, .nfiles = n,
			      .fail_on = NSP_ERROR,
			      .rules = &nsp_builtin_rules};
	struct nsp_model **models = nsp_xcalloc(n, sizeof(*models));
	struct nsp_analysis **fa = nsp_xcalloc(n, sizeof(*fa));
	for (size_t i = 0; i < n; i++) {
		struct nsp_diags d = {0};
		if (nsp_load_file(&models[i], files[i], &lim, &d) < 0)
			for (size_t k = 0; k < d.n; k++)
				nsp_findings_add_input(&run.findings, files[i],
						       &d.v[k]);
		else
			nsp_engine_run(&run.findings, models[i],
				       &nsp_builtin_rules, NULL, &fa[i]);
		nsp_diags_free(&d);
	}
	nsp_findings_sort(&run.findings);
	run.models = (const struct nsp_model *const *)models;
	run.analyses = (const struct nsp_analysis *const *)fa;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_int_eq(nsp_reporter_find(format)->write(f, &run), 0);
	fclose(f);
	if (status)
		*status = nsp_run_exit_status(&run);
	for (size_t i = 0; i < n; i++) {
		nsp_analysis_free(fa[i]);
		nsp_model_free(models[i]);
	}
	free(fa);
	free(models);
	nsp_findings_free(&run.findings);
	return buf;
}

static void compare_golden(const char *example, const char *format,
			   const char *ext)
{
	char *copy = nsp_xstrdup(example);
	char *base = basename(copy);
	base[strlen(base) - 5] = '\0'; /* .yaml */
	char *golden = nsp_xasprintf("tests/golden/%s.%s", base, ext);
	char *want = read_text(golden);
	ck_assert_msg(want != NULL, "missing golden file %s", golden);
	const char *files[] = {example};
	char *got = report(format, files, 1, NULL);
	ck_assert_msg(!strcmp(got, want), "%s differs from %s:\n%s", example,
		      golden, got);
	free(got);
	free(want);
	free(golden);
	free(copy);
}

/* The DOT graph of one example through the library. */
static char *graph_of(const char *file)
{
	static const struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	struct nsp_diags d = {0};
	struct nsp_model *m = NULL;
	struct nsp_findings fs = {0};
	char *dot = NULL, *err = NULL;
	ck_assert_int_eq(nsp_load_file(&m, file, &lim, &d), 0);
	nsp_engine_run(&fs, m, &nsp_builtin_rules, NULL, NULL);
	struct nsp_topology_opts o = {&fs, NULL, 0, NULL, NULL};
	ck_assert_int_eq(nsp_topology_dot(&dot, m, &o, &err), 0);
	nsp_findings_free(&fs);
	nsp_model_free(m);
	nsp_diags_free(&d);
	return dot;
}

START_TEST(golden_graphs)
{
	/* the day the golden outputs were written (waivers, HA005) */
	setenv("NOSPOF_TODAY", "2026-06-01", 1);
	char **ex = list_files("examples", "", ".yaml");
	for (char **p = ex; *p; p++) {
		char *copy = nsp_xstrdup(*p), *base = basename(copy);
		base[strlen(base) - 5] = '\0';
		char *golden = nsp_xasprintf("tests/golden/%s.dot", base);
		char *want = read_text(golden), *got = graph_of(*p);
		ck_assert_msg(want != NULL, "missing %s", golden);
		ck_assert_msg(!strcmp(got, want), "%s differs from %s", *p,
			      golden);
		free(want);
		free(got);
		free(golden);
		free(copy);
	}
	free_list(ex);
	unsetenv("NOSPOF_TODAY");
}
END_TEST
/* Every format, with its golden file extension. */
static const char *const formats[][2] = {
	{"text", "txt"},     {"json", "json"},	 {"sarif", "sarif"},
	{"junit", "junit.xml"}, {"github", "github"}, {"markdown", "md"},
};

START_TEST(golden_examples)
{
	/* the date waivers expire against, as tests/regen-golden.sh sets it */
	setenv("NOSPOF_TODAY", "2026-06-01", 1);
	char **ex = list_files("examples", "", ".yaml");
	size_t n = 0;
	for (char **p = ex; *p; p++, n++)
		for (size_t k = 0; k < sizeof(formats) / sizeof(formats[0]);
		     k++)
			compare_golden(*p, formats[k][0], formats[k][1]);
	ck_assert_uint_ge(n, 11);
	free_list(ex);
	unsetenv("NOSPOF_TODAY");
}
END_TEST

/*
 * The page with each Graphviz SVG (from a line starting "<svg " to the
 * line "</svg>") replaced by the placeholder tests/regen-golden.sh writes:
 * the layout differs between Graphviz versions, the rest of the page not.
 */
static char *strip_svg(const char *html)
{
	struct nsp_buf b = {0};
	const char *p = html;
	for (;;) {
		const char *s = strstr(p, "\n<svg ");
		const char *e = s ? strstr(s, "\n</svg>\n") : NULL;
		if (!s || !e) {
			nsp_buf_puts(&b, p);
			break;
		}
		nsp_buf_add(&b, p, (size_t)(s - p) + 1);
		nsp_buf_puts(&b, "<svg><!-- laid out by Graphviz: not compared "
				 "--></svg>\n");
		p = e + strlen("\n</svg>\n");
	}
	return nsp_buf_detach(&b);
}

/* The HTML page of a few examples against their golden pages. */
START_TEST(golden_html)
{
	static const char *const ex[] = {
		"alibaba-one-cpe", "alibaba-one-cpe-waived",
		"ovhcloud-active-active-undersized", "gcp-9999-topology"};
	setenv("NOSPOF_TODAY", "2026-06-01", 1);
	for (size_t i = 0; i < sizeof(ex) / sizeof(ex[0]); i++) {
		char *file = nsp_xasprintf("examples/%s.yaml", ex[i]);
		char *golden = nsp_xasprintf("tests/golden/%s.html", ex[i]);
		const char *files[] = {file};
		char *page = report("html", files, 1, NULL);
		char *got = strip_svg(page), *want = read_text(golden);
		ck_assert_msg(want != NULL, "missing %s", golden);
		ck_assert_msg(strstr(page, "<svg "), "%s: no picture", file);
		ck_assert_msg(!strcmp(got, want), "%s differs from %s", file,
			      golden);
		free(page);
		free(got);
		free(want);
		free(golden);
		free(file);
	}
	unsetenv("NOSPOF_TODAY");
}
END_TEST

/* How often needle occurs in s. */
static size_t occurrences(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

/*
 * A design whose free text is markup and script: every piece of it is
 * escaped in the page (text, SVG labels, excerpts, waiver), so the page
 * has only its own script, style and picture, and the text shows.
 */
START_TEST(html_escapes_input)
{
	const char *files[] = {"tests/browser/hostile-html.yaml"};
	int status;
	char *page = report("html", files, 1, &status);
	ck_assert_int_eq(status, 1);
	ck_assert_uint_eq(occurrences(page, "<script"), 1);
	ck_assert_uint_eq(occurrences(page, "<style"), 1);
	ck_assert_uint_eq(occurrences(page, "<svg"), 1);
	ck_assert_uint_eq(occurrences(page, "</svg"), 1);
	/* the page's; the graph's, one PoP's, four nodes', three edges' */
	ck_assert_uint_eq(occurrences(page, "<title>"), 1 + 1 + 1 + 4 + 3);
	ck_assert_uint_eq(occurrences(page, "</title>"), 10);
	ck_assert_ptr_null(strstr(page, "<img"));
	ck_assert_ptr_null(strstr(page, "<iframe"));
	ck_assert_ptr_null(strstr(page, "<a "));
	ck_assert_ptr_null(strstr(page, "<b id"));
	ck_assert_ptr_null(strstr(page, "<!--<script"));
	/* the waiver's reason and ticket, the excerpt, the metro: as text */
	ck_assert_ptr_nonnull(strstr(page, "&lt;script&gt;window.__pwned="
					   "&#39;waiver&#39;"));
	ck_assert_ptr_nonnull(strstr(page, "NET-1&quot;&gt;&lt;img"));
	ck_assert_ptr_nonnull(strstr(page, "&lt;script&gt;window.__pwned="
					   "&#39;comment&#39;"));
	ck_assert_ptr_nonnull(strstr(page, "metro &lt;script&gt;"));
	free(page);
}
END_TEST

/* `nospof scenarios` of every example against its golden tables. */
START_TEST(golden_scenarios)
{
	static const char *const kinds[][2] = {
		{"", "scenarios.txt"},
		{"-f json", "scenarios.json"},
		{"--depth 2 -f markdown", "scenarios.md"},
		{"--cuts 2", "cuts.txt"},
		{"--cuts 2 -f json", "cuts.json"},
		{"--cuts 3 -f markdown", "cuts.md"},
	};
	char **ex = list_files("examples", "", ".yaml");
	for (char **p = ex; *p; p++) {
		char *copy = nsp_xstrdup(*p);
		char *base = basename(copy);
		base[strlen(base) - 5] = '\0';
		for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			char *golden = nsp_xasprintf("tests/golden/%s.%s", base,
						     kinds[k][1]);
			char *want = read_text(golden);
			ck_assert_msg(want != NULL, "missing %s", golden);
			char *cmd = nsp_xasprintf("%s scenarios %s %s",
						  nospof_bin(), kinds[k][0], *p);
			char *got = NULL;
			ck_assert_int_eq(run_cmd(cmd, &got), 0);
			ck_assert_msg(!strcmp(got, want), "%s differs from %s",
				      *p, golden);
			free(got);
			free(cmd);
			free(want);
			free(golden);
		}
		free(copy);
	}
	free_list(ex);
}
END_TEST

/*
 * `scenarios -f json` writes its rows one at a time: the document must be
 * byte for byte what jansson writes for the whole tree, at depth 1 and 2,
 * with an empty table and with a file name that needs escaping.
 */
START_TEST(scenarios_json_streamed)
{
	static const char *const runs[] = {
		"--depth 2 examples/ibm-four-circuit-ha.yaml",
		"--depth 2 examples/alibaba-one-cpe.yaml",
		"examples/linux-two-uplinks.yaml",
		NULL, /* a copy under a name with a quote and a backslash */
	};
	char *odd = nsp_xasprintf("/tmp/nospof-sc-%ld-a\"b\\c \xc3\xbc.yaml",
				  (long)getpid());
	char *text = read_text("examples/alibaba-one-cpe.yaml");
	FILE *copy = fopen(odd, "w");
	ck_assert_ptr_nonnull(copy);
	fputs(text, copy);
	fclose(copy);
	free(text);
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		char *cmd = runs[i] ? nsp_xasprintf("%s scenarios -f json %s",
						    nospof_bin(), runs[i])
				    : nsp_xasprintf("%s scenarios -f json '%s'",
						    nospof_bin(), odd);
		char *got = NULL;
		run_cmd(cmd, &got);
		json_error_t err;
		json_t *doc = json_loads(got, 0, &err);
		ck_assert_msg(doc != NULL, "%s: %s", cmd, err.text);
		char *want = json_dumps(doc, JSON_INDENT(2) |
						     JSON_REAL_PRECISION(12));
		size_t n = strlen(got);
		ck_assert_msg(n > 0 && got[n - 1] == '\n', "%s", cmd);
		got[n - 1] = '\0';
		ck_assert_msg(!strcmp(got, want), "%s: not jansson's bytes",
			      cmd);
		free(want);
		json_decref(doc);
		free(got);
		free(cmd);
	}
	unlink(odd);
	free(odd);
}
END_TEST

/* Two records of the spool test: a key and where it was added. */
struct spooled {
	unsigned key, seq;
};

/* By key, then by the order of adding: a total order. */
static int cmp_spooled(const void *x, const void *y)
{
	const struct spooled *a = x, *b = y;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * The sorted spool of the scenario tables gives every record back once,
 * in order, whether it fits one chunk (sorted in memory), fills several
 * (runs on disk, merged), ends on a full chunk, or holds nothing.
 */
START_TEST(spool_sorts_in_runs)
{
	static const size_t counts[] = {0, 1, 5, 7, 14, 15, 1000, 4099};
	for (size_t c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
		size_t n = counts[c];
		struct nsp_spool s;
		nsp_spool_init(&s, sizeof(struct spooled), 7, cmp_spooled);
		unsigned x = 12345;
		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			struct spooled r = {(x >> 16) % 97, (unsigned)i};
			ck_assert_int_eq(nsp_spool_add(&s, &r), 0);
		}
		ck_assert_int_eq(nsp_spool_sort(&s), 0);
		ck_assert_uint_eq(s.total, n);
		ck_assert(n <= 7 ? s.nruns == 0 : s.nruns == (n + 6) / 7);
		bool *seen = calloc(n + 1, 1);
		const struct spooled *r, *prev = NULL;
		struct spooled last = {0};
		size_t got = 0;
		while ((r = nsp_spool_next(&s))) {
			ck_assert_uint_lt(r->seq, n);
			ck_assert(!seen[r->seq]);
			seen[r->seq] = true;
			if (prev)
				ck_assert_int_lt(cmp_spooled(&last, r), 0);
			last = *r;
			prev = &last;
			got++;
		}
		ck_assert_uint_eq(got, n);
		ck_assert_ptr_null(nsp_spool_next(&s));
		ck_assert(!s.failed);
		free(seen);
		nsp_spool_free(&s);
	}
}
END_TEST

/*
 * A spool whose temporary file cannot be made says so (the failure and
 * its errno) instead of losing records, and frees what it holds.
 */
START_TEST(spool_temp_file_fails)
{
	const char *old = getenv("TMPDIR");
	char *saved = old ? strdup(old) : NULL;
	setenv("TMPDIR", "/nonexistent-nospof-dir", 1);
	struct nsp_spool s;
	nsp_spool_init(&s, sizeof(struct spooled), 2, cmp_spooled);
	struct spooled r = {1, 0};
	ck_assert_int_eq(nsp_spool_add(&s, &r), 0);
	ck_assert_int_eq(nsp_spool_add(&s, &r), 0);
	ck_assert_int_eq(nsp_spool_add(&s, &r), -1);
	ck_assert(s.failed);
	ck_assert_int_eq(s.err, ENOENT);
	ck_assert_int_eq(nsp_spool_sort(&s), -1);
	ck_assert_ptr_null(nsp_spool_next(&s));
	nsp_spool_free(&s);
	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
}
END_TEST

/*
 * A depth-2 table larger than what the spool sorts in memory (65,536
 * rows) goes through runs on disk: every row comes out once, worst first
 * (cut rows, then by falling load), in valid JSON.
 */
START_TEST(scenarios_spilled_table)
{
	enum { N = 60, E = 7 * N }; /* each circuit: 7 elements of its own */
	char *path = nsp_xasprintf("/tmp/nospof-spill-%ld.yaml",
				   (long)getpid());
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("nospof: 1\nname: spill\n"
	      "sites: [{id: dc, prefixes: [10.1.0.0/16]}]\n"
	      "clouds: [{id: vpc, provider: generic, "
	      "prefixes: [10.2.0.0/16]}]\npops:\n", f);
	for (int i = 0; i < N; i++)
		fprintf(f, "  - {id: p%d, metro: m%d, facility: f%d}\n", i,
			i, i);
	fputs("routers:\n", f);
	for (int i = 0; i < N; i++)
		fprintf(f, "  - {id: cpe%d, role: cpe, site: dc}\n"
			   "  - {id: e%d, role: edge, pop: p%d, cloud: vpc}\n",
			i, i, i);
	fputs("circuits:\n", f);
	for (int i = 0; i < N; i++)
		fprintf(f, "  - {id: c%d, a: {router: cpe%d, port: x}, "
			   "z: {router: e%d}, bandwidth_mbps: %d}\n",
			i, i, i, 100 + 10 * (i % 7));
	fputs("demands: [{from: dc, to: vpc, mbps: 2000}]\n", f);
	fclose(f);
	char *cmd = nsp_xasprintf("%s scenarios --depth 2 -f json %s",
				  nospof_bin(), path);
	char *got = NULL;
	run_cmd(cmd, &got);
	json_error_t err;
	json_t *doc = json_loads(got, 0, &err);
	ck_assert_msg(doc != NULL, "%s", err.text);
	json_t *rows = json_object_get(doc, "rows");
	size_t n = json_array_size(rows);
	/* no failure, each element (circuit, port, two routers, PoP,
	 * facility, metro), each pair of them */
	ck_assert_uint_eq(n, 1 + E + E * (E - 1) / 2);
	ck_assert_uint_gt(n, 65536);
	bool cut = true;
	double share = 1e300;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		bool s = json_is_true(json_object_get(r, "survives"));
		ck_assert_msg(!(s == false && !cut), "cut row %zu after a "
			      "surviving one", i);
		if (s && cut) {
			cut = false;
			share = 1e300;
		}
		json_t *w = json_object_get(r, "worst_share");
		double v = json_is_number(w) ? json_number_value(w) : -1;
		ck_assert_msg(v <= share + 0.05, "row %zu out of order", i);
		share = v;
	}
	json_decref(doc);
	free(got);
	free(cmd);
	unlink(path);
	free(path);
}
END_TEST

/* The verdict each example's README row promises. */
START_TEST(example_verdicts)
{
	setenv("NOSPOF_TODAY", "2026-06-01", 1);
	char *readme = read_text("examples/README.md");
	ck_assert_ptr_nonnull(readme);
	char **ex = list_files("examples", "", ".yaml");
	for (char **p = ex; *p; p++) {
		const char *name = *p + strlen("examples/");
		char *row = strstr(readme, name);
		ck_assert_msg(row != NULL, "%s has no README row", name);
		size_t len = strcspn(row, "\n");
		char *line = nsp_xstrndup(row, len);
		int status;
		const char *files[] = {*p};
		char *out = report("text", files, 1, &status);
		bool pass = strstr(line, "| pass") != NULL;
		ck_assert_msg(pass == (status == 0), "%s: README says '%s', "
			      "exit status %d", name, line, status);
		/* every rule id ([A-Z]+[0-9]{3}) the row names is output */
		for (const char *q = line; *q; q++) {
			size_t n = strspn(q, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
			if (!n || (q > line && q[-1] >= 'A' && q[-1] <= 'Z') ||
			    strspn(q + n, "0123456789") != 3 ||
			    (q[n + 3] >= '0' && q[n + 3] <= '9'))
				continue;
			char *tag = nsp_xasprintf("[%.*s]", (int)n + 3, q);
			ck_assert_msg(strstr(out, tag), "%s: no %s", name,
				      tag);
			free(tag);
			q += n + 2;
		}
		free(out);
		free(line);
	}
	free_list(ex);
	free(readme);
	unsetenv("NOSPOF_TODAY");
}
END_TEST

/* base_design with every "bandwidth_mbps: 1000}" given a hostile carrier. */
static char *hostile_carriers(void)
{
	struct nsp_buf b = {0};
	const char *from = "bandwidth_mbps: 1000}", *p = base_design, *q;
	while ((q = strstr(p, from))) {
		nsp_buf_add(&b, p, (size_t)(q - p));
		nsp_buf_puts(&b, "bandwidth_mbps: 1000, carrier: "
				 "\"x\\e[2J\\u202Ey\"}");
		p = q + strlen(from);
	}
	nsp_buf_puts(&b, p);
	return nsp_buf_detach(&b);
}

START_TEST(escaped_everywhere)
{
	/* carriers are free text: a hostile one reaches a DIV007 message */
	char *y = hostile_carriers();
	char tmp[] = "/tmp/nospof-esc-XXXXXX";
	int fd = mkstemp(tmp);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	fputs(y, f);
	fclose(f);
	const char *files[] = {tmp};
	char *text = report("text", files, 1, NULL);
	char *json = report("json", files, 1, NULL);
	ck_assert_msg(strstr(text, "[DIV007]"), "%s", text);
	ck_assert_ptr_null(strchr(text, '\x1b'));
	ck_assert_ptr_null(strstr(text, "\xe2\x80\xae"));
	ck_assert_ptr_nonnull(strstr(text, "x\\x1B[2J\\u{202E}y"));
	ck_assert_ptr_null(strchr(json, '\x1b'));
	ck_assert_ptr_null(strstr(json, "\\u001b"));
	ck_assert_ptr_nonnull(strstr(json, "x\\\\x1B[2J\\\\u{202E}y"));
	/* and in every other format */
	for (size_t k = 2; k < sizeof(formats) / sizeof(formats[0]); k++) {
		char *o = report(formats[k][0], files, 1, NULL);
		ck_assert_msg(strstr(o, "DIV007"), "%s: %s", formats[k][0], o);
		ck_assert_ptr_null(strchr(o, '\x1b'));
		ck_assert_ptr_null(strstr(o, "\xe2\x80\xae"));
		ck_assert_ptr_null(strstr(o, "\\u001b"));
		free(o);
	}
	unlink(tmp);
	free(text);
	free(json);
	free(y);
}
END_TEST

START_TEST(input_errors_in_json)
{
	const char *files[] = {"tests/hostile/dangling-router.yaml",
			       "examples/alibaba-two-cpes.yaml"};
	int status;
	char *json = report("json", files, 2, &status);
	ck_assert_int_eq(status, 2);
	ck_assert_ptr_nonnull(strstr(json, "\"verdict\": \"input-error\""));
	ck_assert_ptr_nonnull(strstr(json, "\"rule\": \"INPUT\""));
	ck_assert_ptr_nonnull(strstr(json, "\"files\": 2"));
	free(json);
	char *text = report("text", files, 2, NULL);
	ck_assert_ptr_nonnull(strstr(text, "2 files checked"));
	free(text);
}
END_TEST

Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *t = tcase_create("report");
	tcase_set_timeout(t, 60);
	tcase_add_test(t, golden_examples);
	tcase_add_test(t, golden_graphs);
	tcase_add_test(t, golden_scenarios);
	tcase_add_test(t, scenarios_json_streamed);
	tcase_add_test(t, spool_sorts_in_runs);
	tcase_add_test(t, spool_temp_file_fails);
	tcase_add_test(t, scenarios_spilled_table);
	tcase_add_test(t, golden_html);
	tcase_add_test(t, html_escapes_input);
	tcase_add_test(t, example_verdicts);
	tcase_add_test(t, escaped_everywhere);
	tcase_add_test(t, input_errors_in_json);
	suite_add_tcase(s, t);
	return s;
}
