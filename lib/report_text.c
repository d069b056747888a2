/* The text reporter: compiler-style lines and a summary line. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static const char *const sev_color[3] = {
	"\033[1;36m", /* info: bold cyan */
	"\033[1;35m", /* warning: bold magenta */
	"\033[1;31m", /* error: bold red */
};

/* "1 error", "2 errors" */
static void count(FILE *out, size_t n, const char *what, const char *sep)
{
	fprintf(out, "%zu %s%s%s", n, what, n == 1 ? "" : "s", sep);
}

static int text_write(FILE *out, const struct nsp_run *run)
{
	bool c = run->color;
	for (size_t i = 0; i < run->findings.n && !run->quiet; i++) {
		const struct nsp_finding *f = run->findings.v[i];
		fprintf(out, "%s%s:%u:%u:%s %s%s:%s %s %s[%s]%s", c ? BOLD : "",
			f->file, (unsigned)f->loc.line, (unsigned)f->loc.col,
			c ? RESET : "", c ? sev_color[f->severity] : "",
			nsp_severity_names[f->severity], c ? RESET : "",
			f->message, c ? DIM : "", f->rule_id, c ? RESET : "");
		if (f->waived && f->waiver) {
			char *reason = nsp_escape(f->waiver->reason,
						  strlen(f->waiver->reason));
			fprintf(out, " %s(waived: %s", c ? DIM : "", reason);
			free(reason);
			if (f->waiver->ticket) {
				char *t = nsp_escape(f->waiver->ticket,
						     strlen(f->waiver->ticket));
				fprintf(out, ", %s", t);
				free(t);
			}
			fprintf(out, ")%s", c ? RESET : "");
		}
		fputc('\n', out);
	}
	struct nsp_summary s;
	nsp_run_summary(run, &s);
	fprintf(out, "%s", c ? BOLD : "");
	count(out, s.files, "file", " checked: ");
	count(out, s.errors, "error", ", ");
	count(out, s.warnings, "warning", ", ");
	count(out, s.infos, "info", "");
	if (s.waived)
		fprintf(out, " (%zu waived)", s.waived);
	if (s.input_errors)
		fprintf(out, "; %zu input error%s", s.input_errors,
			s.input_errors == 1 ? "" : "s");
	fprintf(out, "; verdict: %s%s\n", s.verdict, c ? RESET : "");
	return ferror(out) ? -1 : 0;
}

const struct nsp_reporter nsp_reporter_text = {
	.name = "text",
	.write = text_write,
};
