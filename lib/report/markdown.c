/*
 * The Markdown reporter: a report to paste into a design review or a pull
 * request: the verdict, the counts, the findings grouped by severity with
 * their locations, the waived findings with reason and ticket, and the
 * failure-scenario summary once the failure analysis exists.
 */
#include "analysis/failure.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

/*
 * Write text so that Markdown shows it as it is: punctuation that would
 * start emphasis, code, links, tables or HTML is escaped ('>' only quotes
 * at the start of a line, which a table cell never is), '@' cannot mention
 * anyone.
 */
void nsp_markdown_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			fputs("&lt;", out);
		else if (*s == '&')
			fputs("&amp;", out);
		else if (*s == '@')
			fputs("&#64;", out);
		else if (strchr("\\`*_[]|~", *s))
			fprintf(out, "\\%c", *s);
		else
			fputc(*s, out);
	}
}

/* "reason (ticket NET-1, expires 2027-01-31)" */
static void waiver(FILE *out, const struct nsp_waiver *w)
{
	char *r = nsp_escape(w->reason, strlen(w->reason));
	nsp_markdown_text(out, r);
	free(r);
	if (w->ticket || w->expires_text)
		fputs(" (", out);
	if (w->ticket) {
		char *t = nsp_escape(w->ticket, strlen(w->ticket));
		fputs("ticket ", out);
		nsp_markdown_text(out, t);
		free(t);
	}
	if (w->expires_text)
		fprintf(out, "%sexpires %s", w->ticket ? ", " : "",
			w->expires_text);
	if (w->ticket || w->expires_text)
		fputc(')', out);
}

/* One table of findings: the unwaived ones of a severity, or the waived. */
static void table(FILE *out, const struct nsp_run *run, const char *title,
		  int sev, bool waived)
{
	size_t n = 0;
	for (size_t i = 0; i < run->findings.n; i++) {
		const struct nsp_finding *f = run->findings.v[i];
		n += f->waived == waived && (waived || (int)f->severity == sev);
	}
	if (!n)
		return;
	fprintf(out, "\n### %s (%zu)\n\n", title, n);
	fprintf(out, "| Location | Rule | %s |\n| --- | --- | --- |\n",
		waived ? "Finding, and why it is accepted" : "Finding");
	for (size_t i = 0; i < run->findings.n; i++) {
		const struct nsp_finding *f = run->findings.v[i];
		if (f->waived != waived || (!waived && (int)f->severity != sev))
			continue;
		fputs("| ", out);
		char *file = nsp_path_relative(f->file);
		nsp_markdown_text(out, file);
		free(file);
		fprintf(out, ":%u:%u | %s %s | ", (unsigned)f->loc.line,
			(unsigned)f->loc.col, f->rule_id, f->rule_name);
		if (waived)
			fprintf(out, "%s: ", nsp_severity_names[f->severity]);
		nsp_markdown_text(out, f->message);
		for (size_t j = 0; j < f->nrelated; j++)
			if (f->related[j].source) {
				fputs("<br>", out);
				nsp_markdown_text(out, f->related[j].message);
			}
		if (waived && f->waiver) {
			fputs("<br>**Waived:** ", out);
			waiver(out, f->waiver);
		}
		fputs(" |\n", out);
	}
}

/*
 * What each design survives, by failure class: every single failure of the
 * elements its demands use, from the failure analysis (`nospof scenarios`
 * prints the rows).
 */
static void markdown_failure_scenarios(FILE *out, const struct nsp_run *run)
{
	bool header = false;
	for (size_t i = 0; run->models && i < run->nfiles; i++) {
		const struct nsp_model *m = run->models[i];
		const struct nsp_analysis *a =
			run->analyses ? run->analyses[i] : NULL;
		if (!m || !m->ndemands || !a)
			continue;
		size_t n[NSP_CLASS_COUNT] = {0}, cut[NSP_CLASS_COUNT] = {0};
		size_t over[NSP_CLASS_COUNT] = {0};
		unsigned char *flags = nsp_xcalloc(a->nelems + 1, 1);
		for (size_t d = 0; d < m->ndemands; d++) {
			size_t ne;
			const size_t *el = nsp_demand_elems(a, d, &ne);
			for (size_t k = 0; k < ne; k++) {
				const struct nsp_outcome *o =
					nsp_demand_single(a, d, k);
				flags[el[k]] |= 1;
				if (!o->connected)
					flags[el[k]] |= 2;
				else if (o->sized && o->worst_share > 1)
					flags[el[k]] |= 4;
			}
		}
		for (size_t e = 0; e < a->nelems; e++) {
			if (!flags[e])
				continue;
			enum nsp_class c = a->elems[e].cls;
			n[c]++;
			cut[c] += (flags[e] & 2) != 0;
			over[c] += (flags[e] & 4) != 0;
		}
		if (!header) {
			fputs("\n### Single failures\n\nEvery element the "
			      "demands use, failed alone (`nospof scenarios "
			      "FILE` lists each):\n", out);
			header = true;
		}
		char *file = nsp_path_relative(run->files[i]);
		fputs("\n**", out);
		nsp_markdown_text(out, file);
		fputs("**\n\n| class | required | failures | cut a demand "
		      "| overload a circuit |\n|---|---|---:|---:|---:|\n", out);
		for (int c = 0; c < NSP_CLASS_COUNT; c++)
			if (n[c])
				fprintf(out, "| %s | %s | %zu | %zu | %zu |\n",
					nsp_class_names[c],
					m->intent.survive & (1u << c) ? "yes" :
									"no",
					n[c], cut[c], over[c]);
		/* how to put the topology picture next to these findings */
		fputs("\nTopology picture: `nospof graph ", out);
		nsp_markdown_text(out, file);
		fputs(" -f svg -o design.svg`; add `--fail ELEMENT` to draw "
		      "the design after a failure.\n", out);
		free(file);
		free(flags);
	}
}

/* Write the whole Markdown report. */
static int markdown_write(FILE *out, const struct nsp_run *run)
{
	struct nsp_summary s;
	nsp_run_summary(run, &s);
	fprintf(out, "## nospof report: %s\n\n", s.verdict);
	fprintf(out, "**Verdict: %s** (fails on %s and above).\n\n", s.verdict,
		nsp_fail_on_name(run->fail_on));
	fprintf(out, "| Files | Errors | Warnings | Infos | Waived | "
		     "Baselined | Input errors |\n"
		     "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
		     "| %zu | %zu | %zu | %zu | %zu | %zu | %zu |\n",
		s.files, s.errors, s.warnings, s.infos, s.waived, s.baselined,
		s.input_errors);
	if (!s.findings && !s.waived)
		fputs("\nNo findings.\n", out);
	table(out, run, "Errors", NSP_ERROR, false);
	table(out, run, "Warnings", NSP_WARNING, false);
	table(out, run, "Infos", NSP_INFO, false);
	table(out, run, "Waived", -1, true);
	markdown_failure_scenarios(out, run);
	if (run->nfiles) {
		fputs("\n<details><summary>Files checked</summary>\n\n", out);
		for (size_t i = 0; i < run->nfiles; i++) {
			char *file = nsp_path_relative(run->files[i]);
			fputs("- ", out);
			nsp_markdown_text(out, file);
			fputc('\n', out);
			free(file);
		}
		fputs("\n</details>\n", out);
	}
	return ferror(out) ? -1 : 0;
}

const struct nsp_reporter nsp_reporter_markdown = {
	.name = "markdown",
	.write = markdown_write,
	.analysis = true,
};
