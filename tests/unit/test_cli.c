/* Tests of the command line: exit codes, options, subcommands. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

/* Run nospof with args (a shell fragment); returns the exit status. */
static int nospof(const char *args, char **out)
{
	char *cmd = nsp_xasprintf("%s %s", nospof_bin(), args);
	int st = run_cmd(cmd, out);
	free(cmd);
	return st;
}

START_TEST(exit_codes)
{
	ck_assert_int_eq(nospof("check examples/alibaba-two-cpes.yaml", NULL),
			 0);
	ck_assert_int_eq(nospof("check examples/alibaba-one-cpe.yaml", NULL),
			 1);
	ck_assert_int_eq(nospof("check tests/hostile/alias-bomb.yaml "
				"2>/dev/null", NULL), 2);
	ck_assert_int_eq(nospof("check examples/alibaba-one-cpe.yaml "
				"tests/hostile/alias-bomb.yaml", NULL), 2);
	ck_assert_int_eq(nospof("check does-not-exist.yaml", NULL), 2);
	ck_assert_int_eq(nospof("check 2>/dev/null", NULL), 3);
	ck_assert_int_eq(nospof("frobnicate 2>/dev/null", NULL), 3);
	ck_assert_int_eq(nospof("check --format xml examples/alibaba-two-cpes"
				".yaml 2>/dev/null", NULL), 3);
	ck_assert_int_eq(nospof("check --bogus x.yaml 2>/dev/null", NULL), 3);
	ck_assert_int_eq(nospof("check --select NOPE examples/alibaba-two-cpes"
				".yaml 2>/dev/null", NULL), 3);
	ck_assert_int_eq(nospof("check -o /nonexistent/dir/out examples/"
				"alibaba-two-cpes.yaml 2>/dev/null", NULL), 3);
}
END_TEST

/* The libraries the dynamic loader loads for args (LD_DEBUG=files). */
static char *loaded(const char *args)
{
	char *cmd = nsp_xasprintf("LD_DEBUG=files %s %s 2>&1 >/dev/null | "
				  "grep -o 'file=lib[a-z+]*' | sort -u",
				  nospof_bin(), args);
	char *out = NULL;
	run_cmd(cmd, &out);
	free(cmd);
	return out;
}

/*
 * libcurl, Graphviz and BuDDy are opened when a command first needs them:
 * a check with no availability figure loads none of them; SVG output
 * loads Graphviz, an availability target BuDDy.
 */
START_TEST(libraries_opened_on_use)
{
	char *l = loaded("check examples/alibaba-two-cpes.yaml");
	ck_assert_ptr_nonnull(strstr(l, "file=libyaml\n"));
	ck_assert_ptr_null(strstr(l, "file=libcurl"));
	ck_assert_ptr_null(strstr(l, "file=libgvc"));
	ck_assert_ptr_null(strstr(l, "file=libbdd"));
	free(l);
	l = loaded("graph -f svg examples/alibaba-two-cpes.yaml");
	ck_assert_ptr_nonnull(strstr(l, "file=libgvc\n"));
	ck_assert_ptr_null(strstr(l, "file=libcurl"));
	free(l);
	l = loaded("check examples/gcp-999-topology.yaml");
	ck_assert_ptr_nonnull(strstr(l, "file=libbdd\n"));
	ck_assert_ptr_null(strstr(l, "file=libcurl"));
	free(l);
}
END_TEST

START_TEST(fail_on_select_ignore)
{
	const char *f = "examples/alibaba-one-cpe.yaml";
	char *a;
	char *args = nsp_xasprintf("check --fail-on never %s", f);
	ck_assert_int_eq(nospof(args, NULL), 0);
	free(args);
	ck_assert_int_eq(nospof("check --ignore DIV002 "
				"examples/alibaba-one-cpe.yaml", &a), 1);
	ck_assert_ptr_null(strstr(a, "DIV002"));
	/* nothing else reported the shared CPE: SPOF001 does */
	ck_assert_ptr_nonnull(strstr(a, "[SPOF001]"));
	free(a);
	ck_assert_int_eq(nospof("check --ignore DIV002,SPOF001 "
				"examples/alibaba-one-cpe.yaml", &a), 0);
	free(a);
	ck_assert_int_eq(nospof("check --select DIV00 "
				"examples/alibaba-one-cpe.yaml", NULL), 1);
	/* options may also follow the paths */
	ck_assert_int_eq(nospof("check examples/alibaba-one-cpe.yaml "
				"--fail-on never", NULL), 0);
	ck_assert_int_eq(nospof("check --select HA "
				"examples/alibaba-one-cpe.yaml", NULL), 0);
	/* a warning fails only with --fail-on warning */
	ck_assert_int_eq(nospof("check tests/rules/DIV007/fail-one-carrier"
				".yaml", NULL), 0);
	ck_assert_int_eq(nospof("check --fail-on warning tests/rules/DIV007/"
				"fail-one-carrier.yaml", NULL), 1);
	ck_assert_int_eq(nospof("check --fail-on info tests/rules/DIV007/"
				"fail-one-carrier.yaml", NULL), 1);
}
END_TEST

START_TEST(text_output)
{
	char *out, *golden = read_text("tests/golden/alibaba-one-cpe.txt");
	ck_assert_int_eq(nospof("check examples/alibaba-one-cpe.yaml", &out),
			 1);
	ck_assert_str_eq(out, golden);
	free(out);
	/* colour only when asked, NO_COLOR honoured in auto */
	nospof("check --color always examples/alibaba-one-cpe.yaml", &out);
	ck_assert_ptr_nonnull(strstr(out, "\033[1;31merror"));
	free(out);
	char *cmd = nsp_xasprintf("NO_COLOR=1 %s check --color auto "
				  "examples/alibaba-one-cpe.yaml", nospof_bin());
	run_cmd(cmd, &out);
	ck_assert_ptr_null(strchr(out, '\033'));
	free(out);
	free(cmd);
	nospof("check -q examples/alibaba-one-cpe.yaml", &out);
	ck_assert_ptr_null(strstr(out, "[DIV002]"));
	ck_assert_ptr_nonnull(strstr(out, "verdict: fail"));
	free(out);
	free(golden);
}
END_TEST

START_TEST(stdin_and_output_file)
{
	char *out;
	ck_assert_int_eq(nospof("check - < examples/alibaba-one-cpe.yaml",
				&out), 1);
	ck_assert_ptr_nonnull(strstr(out, "-:"));
	free(out);
	char tmp[] = "/tmp/nospof-out-XXXXXX";
	int fd = mkstemp(tmp);
	close(fd);
	char *args = nsp_xasprintf("check -f json -o %s "
				   "examples/alibaba-one-cpe.yaml", tmp);
	ck_assert_int_eq(nospof(args, &out), 1);
	ck_assert_str_eq(out, "");
	free(out);
	char *json = read_text(tmp), *golden =
		read_text("tests/golden/alibaba-one-cpe.json");
	ck_assert_str_eq(json, golden);
	free(json);
	free(golden);
	free(args);
	unlink(tmp);
}
END_TEST

START_TEST(subcommands)
{
	char *out;
	ck_assert_int_eq(nospof("version", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "nospof 0."));
	free(out);
	ck_assert_int_eq(nospof("--help", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "exit status"));
	free(out);
	/* help after a command, anywhere before "--" */
	ck_assert_int_eq(nospof("check --help", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "check options:"));
	free(out);
	/* the importers' own usages, with their options */
	ck_assert_int_eq(nospof("import --help", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "--skeleton FILE"));
	free(out);
	ck_assert_int_eq(nospof("import terraform plan.json --help", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "usage: nospof import terraform"));
	free(out);
	ck_assert_int_eq(nospof("import netbox --help", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "--tenant SLUG"));
	ck_assert_ptr_null(strstr(out, "check options:"));
	free(out);
	ck_assert_int_eq(nospof("scenarios examples/ibm-four-circuit-ha.yaml -h",
				&out),
			 0);
	ck_assert_ptr_nonnull(strstr(out, "usage: nospof"));
	free(out);
	ck_assert_int_eq(nospof("check --no-config -- -h 2>/dev/null", &out), 2);
	free(out);
	/* the limits apply to every command that reads a design */
	ck_assert_int_eq(nospof("scenarios --max-depth 3 "
				"examples/ibm-four-circuit-ha.yaml 2>&1",
				&out),
			 2);
	ck_assert_ptr_nonnull(strstr(out, "(depth limit)"));
	free(out);
	ck_assert_int_eq(nospof("graph examples/ibm-four-circuit-ha.yaml "
				"--max-depth 3 2>&1",
				&out),
			 2);
	ck_assert_ptr_nonnull(strstr(out, "(depth limit)"));
	free(out);
	ck_assert_int_eq(nospof("graph examples/ibm-four-circuit-ha.yaml "
				"--max-input-mb 0 2>&1",
				&out),
			 3);
	ck_assert_ptr_nonnull(strstr(out, "--max-input-mb: expected"));
	free(out);
	ck_assert_int_eq(nospof("scenarios --max-alias-ratio 2 --depth 2 "
				"examples/ibm-four-circuit-ha.yaml",
				&out),
			 0);
	free(out);
	ck_assert_int_eq(nospof("rules", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "DIV008"));
	ck_assert_ptr_nonnull(strstr(out, "HA001"));
	free(out);
	ck_assert_int_eq(nospof("rules -f json", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "\"id\": \"DIV001\""));
	free(out);
	ck_assert_int_eq(nospof("explain DIV003", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "same-cpe-port"));
	ck_assert_ptr_nonnull(strstr(out, "How to fix it"));
	ck_assert_ptr_nonnull(strstr(out, "Alibaba Cloud Express Connect"));
	free(out);
	ck_assert_int_eq(nospof("explain single-pop", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "DIV004"));
	free(out);
	ck_assert_int_eq(nospof("explain DIV01 2>&1", &out), 3);
	ck_assert_ptr_nonnull(strstr(out, "did you mean 'DIV001'"));
	free(out);
	ck_assert_int_eq(nospof("schema", &out), 0);
	char *schema = read_text("schemas/nospof.schema.json");
	ck_assert_str_eq(out, schema);
	free(schema);
	free(out);
}
END_TEST

/* Every command that prints fails (3) when standard output is full. */
START_TEST(stdout_write_errors)
{
	static const char *const cmds[] = {
		"rules", "rules -f json", "explain DIV001", "schema",
		"version", "--version", "--help", "check --help",
		"check examples/alibaba-one-cpe.yaml",
		"scenarios examples/alibaba-one-cpe.yaml",
		"graph examples/alibaba-one-cpe.yaml",
	};
	if (access("/dev/full", W_OK))
		return;
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		char *args = nsp_xasprintf("%s > /dev/full 2>&1", cmds[i]);
		ck_assert_msg(nospof(args, NULL) == 3, "%s", cmds[i]);
		free(args);
		args = nsp_xasprintf("%s 2>&1 > /dev/full", cmds[i]);
		char *err;
		nospof(args, &err);
		ck_assert_msg(strstr(err, "cannot write"), "%s: %s", cmds[i],
			      err);
		free(err);
		free(args);
	}
}
END_TEST

START_TEST(stderr_escaped)
{
	char *out;
	ck_assert_int_eq(nospof("\"$(printf 'bad\\033[2Jcmd')\" 2>&1", &out),
			 3);
	ck_assert_ptr_null(strchr(out, '\033'));
	ck_assert_ptr_nonnull(strstr(out, "\\x1B[2J"));
	free(out);
}
END_TEST

/*
 * Every example, twice, in every format, under different environments:
 * the bytes must not change (no time, locale, environment, hash seed,
 * pointer value or directory order in the output).
 */
START_TEST(deterministic_output)
{
	char **ex = list_files("examples", "", ".yaml");
	for (size_t f = 0; nsp_reporters[f]; f++) {
		for (char **p = ex; *p; p++) {
			char *a, *b;
			char *c1 = nsp_xasprintf("%s check -f %s %s",
						 nospof_bin(),
						 nsp_reporters[f]->name, *p);
			char *c2 = nsp_xasprintf(
				"LC_ALL=C.UTF-8 LANG=de_DE.UTF-8 TZ=Pacific/"
				"Chatham MALLOC_PERTURB_=165 NOSPOF_NOISE=$$ "
				"%s check -f %s %s",
				nospof_bin(), nsp_reporters[f]->name, *p);
			run_cmd(c1, &a);
			run_cmd(c2, &b);
			ck_assert_msg(!strcmp(a, b), "%s -f %s differs between "
				      "runs", *p, nsp_reporters[f]->name);
			ck_assert_msg(strlen(a) > 0, "%s -f %s: no output", *p,
				      nsp_reporters[f]->name);
			free(a);
			free(b);
			free(c1);
			free(c2);
		}
	}
	free_list(ex);
}
END_TEST

/* SVG of every example: well-formed XML naming every circuit. */
START_TEST(graph_svg)
{
	char **ex = list_files("examples", "", ".yaml");
	for (char **p = ex; *p; p++) {
		char tmp[] = "/tmp/nospof-svg-XXXXXX";
		int fd = mkstemp(tmp);
		close(fd);
		char *args = nsp_xasprintf("graph -f svg -o %s %s", tmp, *p);
		ck_assert_int_eq(nospof(args, NULL), 0);
		char *cmd = nsp_xasprintf("xmllint --noout %s 2>&1", tmp);
		char *out;
		ck_assert_msg(run_cmd(cmd, &out) == 0, "%s: %s", *p, out);
		free(out);
		char *svg = read_text(tmp), *yaml = read_text(*p);
		/* every circuit id of the design appears in the picture */
		for (char *q = strstr(yaml, "circuits:"); q &&
		     (q = strstr(q, "- id: "));) {
			q += 6;
			size_t n = strcspn(q, " \n,}");
			/* Graphviz writes '-' as &#45; in SVG text */
			struct nsp_buf id = {0};
			for (size_t k = 0; k < n; k++) {
				if (q[k] == '-')
					nsp_buf_puts(&id, "&#45;");
				else
					nsp_buf_putc(&id, q[k]);
			}
			ck_assert_msg(strstr(svg, id.s), "%s: no %s", *p,
				      id.s);
			nsp_buf_free(&id);
		}
		free(svg);
		free(yaml);
		free(cmd);
		free(args);
		unlink(tmp);
	}
	free_list(ex);
}
END_TEST

START_TEST(graph_fail)
{
	char *out;
	ck_assert_int_eq(nospof("graph examples/otc-biere-magdeburg.yaml "
				"--fail otc-biere-r1 otc-magdeburg-r1", &out),
			 0);
	ck_assert_ptr_nonnull(strstr(out, "after the failure of otc-biere-r1, "
					  "otc-magdeburg-r1"));
	ck_assert_ptr_nonnull(strstr(out, "cut: dc-leipzig -> vpc-001"));
	ck_assert_ptr_nonnull(strstr(out, "\xe2\x9c\x97 otc-biere-r1"));
	free(out);
	ck_assert_int_eq(nospof("graph examples/otc-biere-magdeburg.yaml "
				"--fail carrier:telekom", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "every demand still connected"));
	free(out);
	/* a failure that overloads the surviving circuit draws it red */
	ck_assert_int_eq(nospof("graph examples/ovhcloud-active-active-"
				"undersized.yaml --fail occ-2", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "occ-1\\n1000 Mbit/s"));
	ck_assert_ptr_nonnull(strstr(out, "overloaded: 1500 of 1000 Mbit/s "
					  "(150%)\", taillabel=\"xe-0/0/1\", "
					  "headlabel=\"Ethernet1/12\", "
					  "color=\"#c81e1e\""));
	free(out);
	ck_assert_int_eq(nospof("graph examples/ovhcloud-active-active-"
				"sized.yaml --fail occ-2", &out), 0);
	ck_assert_ptr_null(strstr(out, "overloaded"));
	free(out);
	ck_assert_int_eq(nospof("graph examples/otc-biere-magdeburg.yaml "
				"--fail nothing-here 2>/dev/null", NULL), 3);
	ck_assert_int_eq(nospof("graph tests/hostile/alias-bomb.yaml "
				"2>/dev/null", NULL), 2);
}
END_TEST

/* Append n copies of s to b. */
static void repeat(struct nsp_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		nsp_buf_puts(b, s);
}

/*
 * Free text far longer than Graphviz takes in a quoted string (16 KB):
 * labels are cut with an ellipsis, and dot reads the graph.
 */
START_TEST(graph_long_labels)
{
	struct nsp_buf y = {0};
	nsp_buf_puts(&y, "nospof: 1\nname: \"");
	repeat(&y, "N", 17000);
	nsp_buf_puts(&y, "\"\nsites: [{id: s1}]\nclouds: [{id: v1, provider: "
			 "aws}]\npops:\n  - {id: p1, facility: ");
	repeat(&y, "F", 20000);
	nsp_buf_puts(&y, ", srlg: [");
	for (int i = 0; i < 500; i++)
		nsp_buf_printf(&y, "%stag-%d-%s", i ? ", " : "", i,
			       "\xc3\xa9\xc3\xa9\xc3\xa9"
			       "\xc3\xa9\xc3\xa9\xc3\xa9");
	nsp_buf_puts(&y, "]}\nrouters:\n  - {id: c1, role: cpe, site: s1}\n"
			 "  - {id: e1, role: edge, pop: p1, cloud: v1}\n"
			 "circuits:\n  - {id: x1, a: {router: c1, port: ");
	repeat(&y, "p", 20000);
	nsp_buf_puts(&y, "}, z: {router: e1}, bandwidth_mbps: 100, "
			 "carrier: '");
	repeat(&y, "q\"\\", 6000);
	nsp_buf_puts(&y, "'}\n");
	char tmp[] = "/tmp/nospof-long-XXXXXX";
	int fd = mkstemp(tmp);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, y.s, y.len), (ssize_t)y.len);
	close(fd);
	nsp_buf_free(&y);
	char *args = nsp_xasprintf("graph %s", tmp), *out;
	ck_assert_int_eq(nospof(args, &out), 0);
	free(args);
	/* no line (one element, its labels) near Graphviz's string limit */
	for (char *line = out, *nl; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		ck_assert_ptr_nonnull(nl);
		ck_assert_msg(nl - line < 3 * 4200, "a line of %zu bytes",
			      (size_t)(nl - line));
	}
	ck_assert_ptr_nonnull(strstr(out, "FFF\xe2\x80\xa6"));
	ck_assert_ptr_nonnull(strstr(out, "NNN\xe2\x80\xa6\";"));
	free(out);
	if (run_cmd("command -v dot >/dev/null", NULL) == 0) {
		char *cmd = nsp_xasprintf("%s graph %s | dot -Tsvg >/dev/null "
					  "2>&1 && %s graph %s --fail x1 | dot "
					  "-Tsvg >/dev/null 2>&1",
					  nospof_bin(), tmp, nospof_bin(), tmp);
		ck_assert_int_eq(run_cmd(cmd, NULL), 0);
		free(cmd);
	}
	unlink(tmp);
}
END_TEST

/* Write text to a new temporary file; its path (to free). */
static char *temp_file(const char *text)
{
	char *path = nsp_xstrdup("/tmp/nospof-cli-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)),
			 (ssize_t)strlen(text));
	close(fd);
	return path;
}

/* n sites, each one CPE with a circuit to each of two edge routers. */
static char *many_sites(int n)
{
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "nospof: 1\nname: sites\nclouds: [{id: v1, provider: "
			 "aws}]\npops: [{id: p1}, {id: p2}]\nsites:\n");
	for (int i = 0; i < n; i++)
		nsp_buf_printf(&b, "  - {id: s%d}\n", i);
	nsp_buf_puts(&b, "routers:\n  - {id: e1, role: edge, pop: p1, cloud: "
			 "v1}\n  - {id: e2, role: edge, pop: p2, cloud: v1}\n");
	for (int i = 0; i < n; i++)
		nsp_buf_printf(&b, "  - {id: c%d, role: cpe, site: s%d}\n", i,
			       i);
	nsp_buf_puts(&b, "circuits:\n");
	for (int i = 0; i < n; i++)
		for (int k = 1; k <= 2; k++)
			nsp_buf_printf(&b, "  - {id: x%d-%d, a: {router: c%d}, "
					   "z: {router: e%d}, bandwidth_mbps: "
					   "100}\n",
				       i, k, i, k);
	char *path = temp_file(b.s);
	nsp_buf_free(&b);
	return path;
}

/*
 * Four exchange routers meshed, two of them joined both ways: Graphviz
 * 2.42/2.43 frees memory twice after laying this out (labelled edges
 * within one rank). The SVG must come out, every time, under the
 * sanitizers too.
 */
START_TEST(graph_svg_graphviz_bug)
{
	char *path = temp_file(
		"nospof: 1\nname: mesh\npops:\n"
		"  - {id: p0}\n  - {id: p1}\n  - {id: p2}\n  - {id: p3}\n"
		"routers:\n"
		"  - {id: x0, role: exchange, pop: p2}\n"
		"  - {id: x1, role: exchange, pop: p1}\n"
		"  - {id: x2, role: exchange, pop: p1}\n"
		"  - {id: x3, role: exchange, pop: p3}\n"
		"circuits:\n"
		"  - {id: c0, a: {router: x3}, z: {router: x2}, "
		"bandwidth_mbps: 1000}\n"
		"  - {id: c1, a: {router: x1}, z: {router: x2}, "
		"bandwidth_mbps: 1000}\n"
		"  - {id: c2, a: {router: x0}, z: {router: x3}, "
		"bandwidth_mbps: 1000}\n"
		"  - {id: c3, a: {router: x1}, z: {router: x3}, "
		"bandwidth_mbps: 1000}\n"
		"  - {id: c4, a: {router: x3}, z: {router: x0}, "
		"bandwidth_mbps: 1000}\n"
		"  - {id: c5, a: {router: x0}, z: {router: x2}, "
		"bandwidth_mbps: 1000}\n"
		"  - {id: c6, a: {router: x0}, z: {router: x1}, "
		"bandwidth_mbps: 1000}\n");
	for (int i = 0; i < 3; i++) {
		char *args = nsp_xasprintf("graph -f svg %s 2>&1", path), *out;
		ck_assert_msg(nospof(args, &out) == 0, "%s", out);
		ck_assert_ptr_nonnull(strstr(out, "</svg>"));
		ck_assert_ptr_nonnull(strstr(out, ">c6</text>"));
		free(out);
		free(args);
	}
	unlink(path);
	free(path);
}
END_TEST

/*
 * Graphviz dying (here: killed at its CPU limit) is an error naming the
 * design, exit 3; on a terminal, a long layout shows its progress.
 */
START_TEST(graph_svg_child_dies)
{
	char *path = many_sites(500), *out;
	char *cmd = nsp_xasprintf("ulimit -t 1 && %s graph -f svg "
				  "--max-layout 3000 %s 2>&1 >/dev/null",
				  nospof_bin(), path);
	ck_assert_int_eq(run_cmd(cmd, &out), 3);
	free(cmd);
	char *name = nsp_xasprintf("graph: '%s': Graphviz died of signal",
				   path);
	ck_assert_msg(strstr(out, name), "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "the DOT output still works"));
	free(name);
	free(out);
	if (run_cmd("command -v script >/dev/null", NULL) == 0) {
		cmd = nsp_xasprintf("script -qec 'ulimit -t 2 && %s graph -f "
				    "svg --max-layout 3000 %s >/dev/null' "
				    "/dev/null",
				    nospof_bin(), path);
		run_cmd(cmd, &out);
		ck_assert_msg(strstr(out, "\rnospof: laying the graph out "
					  "with Graphviz (1 s)"),
			      "%s", out);
		free(out);
		free(cmd);
	}
	unlink(path);
	free(path);
}
END_TEST

/* The SVG layout limit: a clear message and exit 3, not minutes of work. */
START_TEST(graph_svg_limit)
{
	char *path = many_sites(4000), *out;
	char *args = nsp_xasprintf("graph -f svg %s 2>&1", path);
	ck_assert_int_eq(nospof(args, &out), 3);
	ck_assert_msg(strstr(out, "20005 nodes and edges, over the SVG layout "
				  "limit of 2500 (raise it with --max-layout "
				  "N"),
		      "%s", out);
	free(out);
	free(args);
	/* the DOT text has no such limit */
	args = nsp_xasprintf("graph %s > /dev/null", path);
	ck_assert_int_eq(nospof(args, NULL), 0);
	free(args);
	unlink(path);
	free(path);
	ck_assert_int_eq(nospof("graph -f svg --max-layout 10 "
				"examples/ibm-four-circuit-ha.yaml 2>&1",
				&out),
			 3);
	ck_assert_ptr_nonnull(strstr(out, "over the SVG layout limit of 10"));
	free(out);
	ck_assert_int_eq(nospof("graph -f svg --max-layout 0 "
				"examples/ibm-four-circuit-ha.yaml 2>&1",
				&out),
			 3);
	ck_assert_ptr_nonnull(strstr(out, "--max-layout: expected a positive"));
	free(out);
}
END_TEST

/* One site reaching one cloud through n exchange routers, fully meshed. */
static char *exchange_mesh(int n)
{
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "nospof: 1\nname: mesh\nsites: [{id: s1}]\nclouds: "
			 "[{id: v1, provider: aws}]\npops:\n");
	for (int i = 0; i < n; i++)
		nsp_buf_printf(&b, "  - {id: p%d, metro: m%d, facility: f%d}\n",
			       i, i, i);
	nsp_buf_puts(&b, "routers:\n  - {id: cpe1, role: cpe, site: s1}\n"
			 "  - {id: e1, role: edge, pop: p0, cloud: v1}\n");
	for (int i = 0; i < n; i++)
		nsp_buf_printf(&b, "  - {id: x%d, role: exchange, pop: p%d}\n",
			       i, i);
	nsp_buf_puts(&b, "circuits:\n");
	for (int i = 0, k = 0; i < n; i++) {
		nsp_buf_printf(&b, "  - {id: a%d, a: {router: cpe1}, z: "
				   "{router: x%d}, bandwidth_mbps: 1000}\n"
				   "  - {id: b%d, a: {router: x%d}, z: "
				   "{router: e1}, bandwidth_mbps: 1000}\n",
			       i, i, i, i);
		for (int j = i + 1; j < n; j++)
			nsp_buf_printf(&b, "  - {id: m%d, a: {router: x%d}, z: "
					   "{router: x%d}, bandwidth_mbps: "
					   "1000}\n",
				       k++, i, j);
	}
	nsp_buf_puts(&b, "demands: [{from: s1, to: v1, mbps: 100}]\n");
	char *path = temp_file(b.s);
	nsp_buf_free(&b);
	return path;
}

/*
 * scenarios --depth 2 on a 45-router exchange mesh or 3,000 parallel
 * circuits: refused at once with a clear message, not minutes of work;
 * long work shows its progress on a terminal.
 */
START_TEST(scenarios_pair_limit)
{
	char *mesh = exchange_mesh(45), *out;
	char *args = nsp_xasprintf("scenarios --depth 2 %s 2>&1", mesh);
	ck_assert_int_eq(nospof(args, &out), 3);
	ck_assert_msg(strstr(out, "demand 's1' -> 'v1' (line ") &&
			      strstr(out, "uses 1262 failure elements, so "
					  "--depth 2 would evaluate 795691 "
					  "pairs of them, over the limit of "
					  "250000 per demand (raise it with "
					  "--max-pairs N)"),
		      "%s", out);
	free(out);
	free(args);
	/* depth 1 has no such limit */
	args = nsp_xasprintf("scenarios %s > /dev/null", mesh);
	ck_assert_int_eq(nospof(args, NULL), 0);
	free(args);
	unlink(mesh);
	free(mesh);
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "nospof: 1\nname: parallel\nsites: [{id: s1}]\n"
			 "clouds: [{id: v1, provider: aws}]\npops: [{id: p1}]\n"
			 "routers:\n  - {id: c1, role: cpe, site: s1}\n"
			 "  - {id: e1, role: edge, pop: p1, cloud: v1}\n"
			 "circuits:\n");
	for (int i = 0; i < 3000; i++)
		nsp_buf_printf(&b, "  - {id: x%d, a: {router: c1}, z: {router: "
				   "e1}, bandwidth_mbps: 100}\n",
			       i);
	char *par = temp_file(b.s);
	nsp_buf_free(&b);
	args = nsp_xasprintf("scenarios --depth 2 %s 2>&1", par);
	ck_assert_int_eq(nospof(args, &out), 3);
	ck_assert_msg(strstr(out, "over the limit of 250000 per demand"), "%s",
		      out);
	free(out);
	free(args);
	unlink(par);
	free(par);
	/* the limit can be lowered and raised */
	ck_assert_int_eq(nospof("scenarios --depth 2 --max-pairs 10 "
				"examples/ibm-four-circuit-ha.yaml 2>&1",
				&out),
			 3);
	ck_assert_ptr_nonnull(strstr(out, "over the limit of 10 per demand"));
	free(out);
	ck_assert_int_eq(nospof("scenarios --depth 2 --max-pairs 1000000 "
				"examples/ibm-four-circuit-ha.yaml >/dev/null",
				NULL),
			 0);
	ck_assert_int_eq(nospof("scenarios --max-pairs -1 "
				"examples/ibm-four-circuit-ha.yaml 2>&1",
				&out),
			 3);
	ck_assert_ptr_nonnull(strstr(out, "--max-pairs: expected a positive"));
	free(out);
	/* --cuts: at most 4 unless --max-cut-order raises it, never 9 */
	ck_assert_int_eq(nospof("scenarios --cuts 5 "
				"examples/ibm-four-circuit-ha.yaml 2>&1",
				&out),
			 3);
	ck_assert_ptr_nonnull(strstr(out, "--max-cut-order N, at most 8"));
	free(out);
	ck_assert_int_eq(nospof("scenarios --cuts 5 --max-cut-order 5 "
				"examples/ibm-four-circuit-ha.yaml 2>&1",
				&out),
			 0);
	ck_assert_ptr_nonnull(strstr(out, "by size: 1: 0, 2: "));
	free(out);
	ck_assert_int_eq(nospof("scenarios --cuts 9 --max-cut-order 9 "
				"examples/ibm-four-circuit-ha.yaml 2>&1",
				NULL),
			 3);
	ck_assert_int_eq(nospof("scenarios --cuts 2 --depth 2 "
				"examples/ibm-four-circuit-ha.yaml 2>&1",
				&out),
			 3);
	ck_assert_ptr_nonnull(strstr(out, "do not go together"));
	free(out);
	ck_assert_int_eq(nospof("scenarios --cuts 0 "
				"examples/ibm-four-circuit-ha.yaml 2>&1",
				NULL),
			 3);
	/* progress on a terminal (script(1) gives one), cut short at 2 s */
	if (run_cmd("command -v script >/dev/null", NULL) == 0) {
		mesh = exchange_mesh(30);
		char *cmd = nsp_xasprintf("script -qec 'ulimit -t 2 && %s "
					  "scenarios --depth 2 %s >/dev/null' "
					  "/dev/null",
					  nospof_bin(), mesh);
		run_cmd(cmd, &out);
		ck_assert_msg(strstr(out, "\rnospof: scenarios --depth 2: ") &&
				      strstr(out, " of 190036 pair rows ("),
			      "%s", out);
		free(out);
		free(cmd);
		unlink(mesh);
		free(mesh);
	}
}
END_TEST

Suite *cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *t = tcase_create("cli");
	tcase_set_timeout(t, 120);
	tcase_add_test(t, exit_codes);
	tcase_add_test(t, fail_on_select_ignore);
	tcase_add_test(t, text_output);
	tcase_add_test(t, stdin_and_output_file);
	tcase_add_test(t, subcommands);
	tcase_add_test(t, stdout_write_errors);
	tcase_add_test(t, stderr_escaped);
	tcase_add_test(t, deterministic_output);
	tcase_add_test(t, graph_svg);
	tcase_add_test(t, graph_fail);
	tcase_add_test(t, graph_long_labels);
	tcase_add_test(t, graph_svg_graphviz_bug);
	tcase_add_test(t, libraries_opened_on_use);
	tcase_add_test(t, graph_svg_child_dies);
	tcase_add_test(t, graph_svg_limit);
	tcase_add_test(t, scenarios_pair_limit);
	suite_add_tcase(s, t);
	return s;
}
