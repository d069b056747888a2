/*
 * The JUnit XML reporter, for the test report views of GitLab, Jenkins and
 * GitHub actions: a testsuite per design file, a testcase per finding (a
 * failure, an error for input errors, skipped when waived), a passing
 * testcase for a clean file. Only characters XML 1.0 allows are written.
 */
#include "report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Decode one UTF-8 sequence; returns its length, 0 when malformed. */
static size_t utf8(const unsigned char *p, uint32_t *cp)
{
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	size_t n = (p[0] & 0xe0) == 0xc0 ? 2 : (p[0] & 0xf0) == 0xe0 ? 3 :
		   (p[0] & 0xf8) == 0xf0 ? 4 : 0;
	if (!n)
		return 0;
	uint32_t v = p[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (p[i] & 0x3f);
	}
	*cp = v;
	return n;
}

/* Whether XML 1.0 allows a character (the Char production). */
static bool xml_char(uint32_t c)
{
	return c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff) ||
	       (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/*
 * Write text as XML character data, or as an attribute value (attr), with
 * the markup characters as entities and characters XML forbids as visible
 * escapes (\xNN, \u{XXXX}).
 */
static void xml(FILE *out, const char *s, bool attr)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t c;
		size_t n = utf8(p, &c);
		if (!n) {
			fprintf(out, "\\x%02X", *p++);
			continue;
		}
		if (!xml_char(c))
			fprintf(out, c < 0x100 ? "\\x%02X" : "\\u{%04X}",
				(unsigned)c);
		else if (c == '&')
			fputs("&amp;", out);
		else if (c == '<')
			fputs("&lt;", out);
		else if (c == '>')
			fputs("&gt;", out);
		else if (attr && c == '"')
			fputs("&quot;", out);
		else if (attr && (c == '\n' || c == '\r' || c == '\t'))
			fprintf(out, "&#%u;", (unsigned)c);
		else
			fwrite(p, 1, n, out);
		p += n;
	}
}

/* An attribute: name="value". */
static void attr(FILE *out, const char *name, const char *value)
{
	fprintf(out, " %s=\"", name);
	xml(out, value, true);
	fputc('"', out);
}

/* A numeric attribute. */
static void attr_n(FILE *out, const char *name, size_t n)
{
	fprintf(out, " %s=\"%zu\"", name, n);
}

struct counts {
	size_t tests, failures, errors, skipped;
};

/* What the findings of one file (all files when file is NULL) add up to. */
static struct counts count(const struct nsp_run *run, const char *file)
{
	struct counts c = {0};
	size_t any = 0;
	for (size_t i = 0; i < run->findings.n; i++) {
		const struct nsp_finding *f = run->findings.v[i];
		if (file && strcmp(f->file, file))
			continue;
		any++;
		c.tests++;
		if (f->waived)
			c.skipped++;
		else if (!strcmp(f->rule_id, "INPUT") &&
			 f->severity == NSP_ERROR)
			c.errors++;
		else
			c.failures++;
	}
	if (file && !any)
		c.tests = 1; /* the passing testcase of a clean file */
	return c;
}

/* The waiver of a finding in words: "reason (ticket NET-1, expires ...)". */
static char *waiver_text(const struct nsp_waiver *w)
{
	struct nsp_buf b = {0};
	nsp_buf_escaped(&b, w->reason, strlen(w->reason));
	if (w->ticket || w->expires_text) {
		nsp_buf_puts(&b, " (");
		if (w->ticket) {
			nsp_buf_puts(&b, "ticket ");
			nsp_buf_escaped(&b, w->ticket, strlen(w->ticket));
		}
		if (w->expires_text)
			nsp_buf_printf(&b, "%sexpires %s",
				       w->ticket ? ", " : "", w->expires_text);
		nsp_buf_putc(&b, ')');
	}
	return nsp_buf_detach(&b);
}

/* One finding as a testcase: failure, error (input), or skipped. */
static void testcase(FILE *out, const struct nsp_finding *f,
		     const char *name)
{
	char line[16];
	snprintf(line, sizeof(line), "%u", (unsigned)f->loc.line);
	fputs("    <testcase", out);
	attr(out, "name", name);
	attr(out, "classname", f->file);
	attr(out, "file", f->file);
	attr(out, "line", line);
	fputs(">\n", out);
	const char *sev = nsp_severity_names[f->severity];
	if (f->waived && f->waiver) {
		char *w = waiver_text(f->waiver);
		char *msg = nsp_xasprintf("waived: %s", w);
		fputs("      <skipped", out);
		attr(out, "message", msg);
		fputs(">", out);
		char *body = nsp_xasprintf("%s: %s [%s %s]\n", sev, f->message,
					   f->rule_id, f->rule_name);
		xml(out, body, false);
		free(body);
		fputs("</skipped>\n", out);
		free(msg);
		free(w);
	} else {
		bool input = !strcmp(f->rule_id, "INPUT") &&
			     f->severity == NSP_ERROR;
		fputs(input ? "      <error" : "      <failure", out);
		attr(out, "type", sev);
		attr(out, "message", f->message);
		fputs(">", out);
		char *head = nsp_xasprintf("%s: %s [%s %s]\n%s:%u:%u\n", sev,
					   f->message, f->rule_id,
					   f->rule_name, f->file,
					   (unsigned)f->loc.line,
					   (unsigned)f->loc.col);
		xml(out, head, false);
		free(head);
		for (size_t i = 0; i < f->nrelated; i++) {
			char *rel = nsp_xasprintf(
				"related: %s:%u:%u: %s\n", f->file,
				(unsigned)f->related[i].loc.line,
				(unsigned)f->related[i].loc.col,
				f->related[i].message);
			xml(out, rel, false);
			free(rel);
		}
		fputs(input ? "</error>\n" : "</failure>\n", out);
	}
	fputs("    </testcase>\n", out);
}

/* The findings of one file as a testsuite. */
static void testsuite(FILE *out, const struct nsp_run *run, const char *file)
{
	struct counts c = count(run, file);
	fputs("  <testsuite", out);
	attr(out, "name", file);
	attr_n(out, "tests", c.tests);
	attr_n(out, "failures", c.failures);
	attr_n(out, "errors", c.errors);
	attr_n(out, "skipped", c.skipped);
	fputs(">\n", out);
	char *prev = NULL;
	unsigned same = 0;
	size_t any = 0;
	for (size_t i = 0; i < run->findings.n; i++) {
		const struct nsp_finding *f = run->findings.v[i];
		if (strcmp(f->file, file))
			continue;
		any++;
		/* readers keep one testcase per name: make each unique */
		char *name = nsp_xasprintf("%s %s:%u:%u", f->rule_id, f->file,
					   (unsigned)f->loc.line,
					   (unsigned)f->loc.col);
		same = prev && !strcmp(prev, name) ? same + 1 : 1;
		char *shown = same > 1 ? nsp_xasprintf("%s (%u)", name, same) :
					 nsp_xstrdup(name);
		testcase(out, f, shown);
		free(shown);
		free(prev);
		prev = name;
	}
	free(prev);
	if (!any) {
		char *name = nsp_xasprintf("nospof check %s", file);
		fputs("    <testcase", out);
		attr(out, "name", name);
		attr(out, "classname", file);
		attr(out, "file", file);
		fputs("/>\n", out);
		free(name);
	}
	fputs("  </testsuite>\n", out);
}

/* Write the testsuites, one testsuite per design file. */
static int junit_write(FILE *out, const struct nsp_run *run)
{
	struct counts all = {0};
	for (size_t i = 0; i < run->nfiles; i++) {
		struct counts c = count(run, run->files[i]);
		all.tests += c.tests;
		all.failures += c.failures;
		all.errors += c.errors;
		all.skipped += c.skipped;
	}
	/* the summary line is plain ASCII and holds no "--" */
	char *line = nsp_summary_line(run);
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		     "<!-- nospof: %s -->\n<testsuites", line);
	free(line);
	attr(out, "name", "nospof");
	attr_n(out, "tests", all.tests);
	attr_n(out, "failures", all.failures);
	attr_n(out, "errors", all.errors);
	attr_n(out, "skipped", all.skipped);
	fputs(">\n", out);
	for (size_t i = 0; i < run->nfiles; i++)
		testsuite(out, run, run->files[i]);
	fputs("</testsuites>\n", out);
	return ferror(out) ? -1 : 0;
}

const struct nsp_reporter nsp_reporter_junit = {
	.name = "junit",
	.write = junit_write,
};
