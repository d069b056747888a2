/*
 * The GitHub Actions reporter: one workflow command per finding
 * (::error, ::warning, ::notice with file, line, col and title), grouped
 * per file, with the escaping of GitHub's actions toolkit, then a summary
 * line. GitHub shows at most 10 annotations of each level per step; the
 * summary points at the SARIF report when findings go unshown.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#define GITHUB_LIMIT 10

/*
 * Write s escaped as the toolkit does: '%', CR and LF always; ':' and ','
 * too in a property value.
 */
static void esc(FILE *out, const char *s, bool property)
{
	for (; *s; s++) {
		if (*s == '%')
			fputs("%25", out);
		else if (*s == '\r')
			fputs("%0D", out);
		else if (*s == '\n')
			fputs("%0A", out);
		else if (property && *s == ':')
			fputs("%3A", out);
		else if (property && *s == ',')
			fputs("%2C", out);
		else
			fputc(*s, out);
	}
}

/*
 * Whether a raw file name can go into file= as it is: nothing in it but CR
 * and LF (which the toolkit's escaping carries) needs escaping for output.
 */
static bool carriable(const char *name)
{
	char *plain = nsp_xstrdup(name);
	for (char *p = plain; *p; p++)
		if (*p == '\r' || *p == '\n')
			*p = ' ';
	char *e = nsp_escape(plain, strlen(plain));
	bool same = !strcmp(e, plain);
	free(e);
	free(plain);
	return same;
}

/*
 * One finding as a workflow command. The file property is the raw name
 * (GitHub matches it against the repository), escaped as the toolkit
 * does; a name GitHub could not match or that would reach the log with
 * raw control, bidirectional or invalid bytes is left out, and the
 * message starts with the escaped name and place instead.
 */
static void annotation(FILE *out, const struct nsp_finding *f)
{
	static const char *const cmd[3] = {"notice", "warning", "error"};
	char *file = nsp_path_relative(f->path ? f->path : f->file);
	bool located = carriable(file);
	fprintf(out, "::%s ", f->waived ? "notice" : cmd[f->severity]);
	if (located) {
		fputs("file=", out);
		esc(out, file, true);
		fprintf(out, ",line=%u,col=%u,", (unsigned)f->loc.line,
			(unsigned)f->loc.col);
	}
	free(file);
	fputs("title=", out);
	esc(out, f->rule_id, true);
	if (f->waived)
		esc(out, " (waived)", true);
	fputs("::", out);
	if (!located) {
		char *where = nsp_xasprintf("%s:%u:%u: ", f->file,
					    (unsigned)f->loc.line,
					    (unsigned)f->loc.col);
		esc(out, where, false);
		free(where);
	}
	esc(out, f->message, false);
	/* an imported element's resource, on a line of its own */
	for (size_t i = 0; i < f->nrelated; i++)
		if (f->related[i].source) {
			fputs("%0A", out);
			esc(out, f->related[i].message, false);
		}
	if (f->waived && f->waiver) {
		char *r = nsp_escape(f->waiver->reason,
				     strlen(f->waiver->reason));
		fputs(" (waived: ", out);
		esc(out, r, false);
		free(r);
		if (f->waiver->ticket) {
			char *t = nsp_escape(f->waiver->ticket,
					     strlen(f->waiver->ticket));
			fputs(", ", out);
			esc(out, t, false);
			free(t);
		}
		fputc(')', out);
	}
	fputc('\n', out);
}

/* Write the annotations per file, then the summary line. */
static int github_write(FILE *out, const struct nsp_run *run)
{
	size_t shown[3] = {0, 0, 0};
	for (size_t i = 0; i < run->nfiles; i++) {
		const char *file = run->files[i];
		bool open = false;
		for (size_t k = 0; k < run->findings.n; k++) {
			const struct nsp_finding *f = run->findings.v[k];
			if (strcmp(f->file, file))
				continue;
			if (!open) {
				fputs("::group::nospof ", out);
				esc(out, file, false);
				fputc('\n', out);
				open = true;
			}
			annotation(out, f);
			shown[f->waived ? NSP_INFO : f->severity]++;
		}
		if (open)
			fputs("::endgroup::\n", out);
	}
	char *line = nsp_summary_line(run);
	fprintf(out, "nospof: %s", line);
	free(line);
	size_t hidden = 0;
	for (int l = 0; l < 3; l++)
		hidden += shown[l] > GITHUB_LIMIT ? shown[l] - GITHUB_LIMIT : 0;
	if (hidden)
		fprintf(out, "; GitHub shows only %d annotations of each level "
			     "per step, so %zu are not shown: upload the SARIF "
			     "report (nospof check -f sarif) to code scanning "
			     "to see every finding",
			GITHUB_LIMIT, hidden);
	fputc('\n', out);
	return ferror(out) ? -1 : 0;
}

const struct nsp_reporter nsp_reporter_github = {
	.name = "github",
	.write = github_write,
};
