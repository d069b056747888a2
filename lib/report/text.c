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
		/* an imported element's resource, as a compiler's note */
		for (size_t j = 0; j < f->nrelated; j++)
			if (f->related[j].source)
				fprintf(out, "%s:%u:%u: %snote:%s %s\n", f->file,
					(unsigned)f->related[j].loc.line,
					(unsigned)f->related[j].loc.col,
					c ? BOLD : "", c ? RESET : "",
					f->related[j].message);
	}
	char *line = nsp_summary_line(run);
	fprintf(out, "%s%s%s\n", c ? BOLD : "", line, c ? RESET : "");
	free(line);
	return ferror(out) ? -1 : 0;
}

const struct nsp_reporter nsp_reporter_text = {
	.name = "text",
	.write = text_write,
};
