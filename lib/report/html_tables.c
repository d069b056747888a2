/*
 * The HTML report's tables of one design: the availability estimate of
 * each demand beside its target and the provider's SLA tier, the single
 * failures (sortable), and the excerpts of the design file that the
 * findings point at. Every value from the input is escaped.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/avail.h"
#include "analysis/failure.h"
#include "html_int.h"
#include "load/load.h"
#include "providers/providers.h"
#include "providers/sla.h"

/* Bytes of one excerpt line shown; longer lines are cut with an ellipsis. */
#define EXCERPT_LINE_MAX 240
/*
 * Demands whose availability is estimated at most (each estimate can be a
 * Monte Carlo run): the table says when it shows only the first ones.
 */
#define AVAIL_ROWS_MAX 500
/* Lines shown before and after the line a finding points at. */
#define EXCERPT_AROUND 2

void nsp_html_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*s, out);
		}
	}
}

void nsp_html_raw(FILE *out, const char *s)
{
	char *e = nsp_escape(s, strlen(s));
	nsp_html_text(out, e);
	free(e);
}

void nsp_html_src_read(struct nsp_html_src *s, const char *path)
{
	memset(s, 0, sizeof(*s));
	if (!path || !strcmp(path, "-") ||
	    nsp_read_file(&s->buf, &s->len, path, 32u << 20) < 0) {
		free(s->buf);
		s->buf = NULL;
		s->len = 0;
		return;
	}
	size_t cap = 0;
	/* a line ends at LF, CRLF or a lone CR, as the loader counts them */
	for (size_t i = 0;;) {
		NSP_GROW(s->start, cap, s->nlines + 2);
		s->start[s->nlines++] = i;
		while (i < s->len && s->buf[i] != '\n' && s->buf[i] != '\r')
			i++;
		if (i >= s->len)
			break;
		i += s->buf[i] == '\r' && i + 1 < s->len &&
				     s->buf[i + 1] == '\n' ? 2 : 1;
		if (i >= s->len)
			break;
	}
	s->start[s->nlines] = s->len;
}

void nsp_html_src_free(struct nsp_html_src *s)
{
	free(s->buf);
	free(s->start);
	memset(s, 0, sizeof(*s));
}

/* Line l (0-based) without its line break, escaped, at most the maximum. */
static void excerpt_line(FILE *out, const struct nsp_html_src *s, size_t l)
{
	size_t a = s->start[l], b = s->start[l + 1];
	while (b > a && (s->buf[b - 1] == '\n' || s->buf[b - 1] == '\r'))
		b--;
	bool cut = b - a > EXCERPT_LINE_MAX;
	if (cut) {
		b = a + EXCERPT_LINE_MAX;
		while (b > a && ((unsigned char)s->buf[b] & 0xc0) == 0x80)
			b--;
	}
	char *e = nsp_escape(s->buf + a, b - a);
	nsp_html_text(out, e);
	free(e);
	if (cut)
		fputs("\xe2\x80\xa6", out);
}

void nsp_html_excerpt(FILE *out, const struct nsp_html_src *s, size_t line)
{
	if (!s->buf || !line || line > s->nlines)
		return;
	size_t from = line > EXCERPT_AROUND ? line - EXCERPT_AROUND : 1;
	size_t to = line + EXCERPT_AROUND;
	if (to > s->nlines)
		to = s->nlines;
	fputs("<pre class=\"excerpt\">", out);
	for (size_t l = from; l <= to; l++) {
		fprintf(out, "%s<span class=\"ln\">%zu</span> ",
			l == line ? "<mark>" : "", l);
		excerpt_line(out, s, l - 1);
		fputs(l == line ? "</mark>\n" : "\n", out);
	}
	fputs("</pre>\n", out);
}

/* "site 'dc1' -> cloud 'vpc'" as HTML text. */
static void demand_name(FILE *out, const struct nsp_model *m, size_t d)
{
	nsp_html_raw(out, nsp_endpoint_id(m, m->demands[d].from));
	fputs(" &#8594; ", out);
	nsp_html_raw(out, nsp_endpoint_id(m, m->demands[d].to));
}

/* The provider tier the demand's circuits at one cloud end reach. */
static void tier(FILE *out, const struct nsp_model *m, size_t d,
		 struct nsp_endpoint e)
{
	enum nsp_provider p = m->clouds[e.index].provider;
	size_t nt, n;
	const struct nsp_sla_tier *t = nsp_sla_tiers(p, &nt);
	fputs("<div>", out);
	nsp_html_raw(out, nsp_provider_facts(p)->product);
	fputs(": ", out);
	if (!nt) {
		fputs("no tiers published</div>", out);
		return;
	}
	size_t r = nsp_sla_reached(m, &m->demands[d], e, &n);
	if (r == nt) {
		fprintf(out, "no tier (%zu circuit%s at the cloud)</div>", n,
			n == 1 ? "" : "s");
		return;
	}
	fputs("tier &#8216;", out);
	nsp_html_raw(out, t[r].name);
	fputs("&#8217; ", out);
	if (t[r].unpublished || !t[r].has_sla)
		fputs("(no SLA figure)", out);
	else
		fprintf(out, "(%g%% SLA)", t[r].sla);
	fputs("</div>", out);
}

void nsp_html_availability(FILE *out, const struct nsp_model *m,
			   const struct nsp_analysis *a)
{
	if (!m->ndemands)
		return;
	fputs("<h3>Availability per demand</h3>\n<p class=\"note\">The "
	      "estimate comes from the design's <code>assumptions</code> "
	      "(every element failing independently); the provider tier is "
	      "the contract the topology at the cloud qualifies for. The two "
	      "are shown side by side, never blended.</p>\n"
	      "<table class=\"sortable\"><thead><tr><th>Demand</th>"
	      "<th>Mbit/s</th><th>Estimate (%)</th><th>Method</th>"
	      "<th>Target (%)</th><th>Provider tier</th></tr></thead>"
	      "<tbody>\n", out);
	size_t rows = m->ndemands < AVAIL_ROWS_MAX ? m->ndemands :
						     AVAIL_ROWS_MAX;
	for (size_t d = 0; d < rows; d++) {
		const struct nsp_demand *dm = &m->demands[d];
		fputs("<tr><td>", out);
		demand_name(out, m, d);
		if (dm->has_mbps)
			fprintf(out, "</td><td data-v=\"%llu\">%llu",
				(unsigned long long)dm->mbps,
				(unsigned long long)dm->mbps);
		else
			fputs("</td><td data-v=\"-1\">&#8212;", out);
		if (!nsp_demand_base(a, d)->connected) {
			fputs("</td><td data-v=\"0\" class=\"bad\">no path"
			      "</td><td>&#8212;", out);
		} else {
			struct nsp_avail av;
			nsp_avail_demand(&av, a, d);
			char *est = nsp_percent_text(av.availability);
			bool low = m->intent.has_availability &&
				   av.availability < m->intent.availability;
			fprintf(out, "</td><td data-v=\"%.9f\"%s>%s",
				av.availability, low ? " class=\"bad\"" : "",
				est);
			free(est);
			if (av.exact) {
				fprintf(out, "</td><td>exact, %zu group%s",
					av.groups, av.groups == 1 ? "" : "s");
			} else {
				char *err = nsp_percent_text(av.error);
				fprintf(out, "</td><td>Monte Carlo, %llu "
					"samples, &#177;%s%%",
					(unsigned long long)av.samples, err);
				free(err);
			}
		}
		if (m->intent.has_availability) {
			char *t = nsp_percent_given(m->intent.availability);
			fprintf(out, "</td><td data-v=\"%.9f\">%s",
				m->intent.availability, t);
			free(t);
		} else {
			fputs("</td><td data-v=\"-1\">none", out);
		}
		fputs("</td><td>", out);
		bool any = false;
		if (dm->to.kind == NSP_EP_CLOUD) {
			tier(out, m, d, dm->to);
			any = true;
		}
		if (dm->from.kind == NSP_EP_CLOUD) {
			tier(out, m, d, dm->from);
			any = true;
		}
		fputs(any ? "</td></tr>\n" : "&#8212;</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	if (rows < m->ndemands)
		fprintf(out, "<p class=\"note\">The first %zu of %zu "
			"demands.</p>\n", rows, m->ndemands);
}

/* What the single failure of one element does to every demand using it. */
struct single {
	bool used;
	size_t cut;      /* demands it cuts */
	double share;    /* worst load / usable of a connected demand, or 0 */
	bool never;      /* some failed circuit is never noticed */
	uint64_t ms;     /* the longest failover */
	struct nsp_buf names; /* the demands it cuts, as HTML */
};

/* Record the single failure of element e for demand d. */
static void note_single(struct single *s, const struct nsp_model *m,
			size_t d, const struct nsp_outcome *o)
{
	s->used = true;
	if (!o->connected) {
		const struct nsp_demand *dm = &m->demands[d];
		char *f = nsp_escape(nsp_endpoint_id(m, dm->from),
				     strlen(nsp_endpoint_id(m, dm->from)));
		char *t = nsp_escape(nsp_endpoint_id(m, dm->to),
				     strlen(nsp_endpoint_id(m, dm->to)));
		nsp_buf_printf(&s->names, "%s%s\x01%s", s->cut ? "\x02" : "",
			       f, t);
		free(f);
		free(t);
		s->cut++;
		return;
	}
	if (o->sized && o->worst_share > s->share)
		s->share = o->worst_share;
	s->never |= o->failover_never;
	if (o->failover_ms > s->ms)
		s->ms = o->failover_ms;
}

/* The names recorded by note_single: \x01 between ends, \x02 between. */
static void cut_names(FILE *out, const struct single *s)
{
	for (const char *p = s->names.s; p && *p; p++) {
		if (*p == '\x01')
			fputs(" &#8594; ", out);
		else if (*p == '\x02')
			fputs(", ", out);
		else {
			char c[2] = {*p, 0};
			nsp_html_text(out, c);
		}
	}
}

void nsp_html_singles(FILE *out, const struct nsp_model *m,
		      const struct nsp_analysis *a, size_t design)
{
	struct single *s = nsp_xcalloc(a->nelems + 1, sizeof(*s));
	size_t rows = 0;
	for (size_t d = 0; d < m->ndemands; d++) {
		size_t ne;
		const size_t *el = nsp_demand_elems(a, d, &ne);
		for (size_t k = 0; k < ne; k++)
			note_single(&s[el[k]], m, d,
				    nsp_demand_single(a, d, k));
	}
	for (size_t e = 0; e < a->nelems; e++)
		rows += s[e].used;
	fprintf(out, "<h3>Single failures</h3>\n<p class=\"note\">Every "
		"element the demands use, failed alone (%zu; "
		"<code>nospof scenarios</code> lists each demand). Click a "
		"column to sort.</p>\n", rows);
	if (!rows) {
		free(s);
		return;
	}
	fprintf(out, "<table class=\"sortable\" id=\"d%zu-singles\"><thead>"
		"<tr><th>Element</th><th>Class</th><th>Required</th>"
		"<th>Demands cut</th><th>Worst load after (%%)</th>"
		"<th>Failover (ms)</th></tr></thead><tbody>\n", design);
	for (size_t e = 0; e < a->nelems; e++) {
		const struct nsp_felem *el = &a->elems[e];
		if (!s[e].used)
			continue;
		bool req = m->intent.survive & (1u << el->cls);
		fprintf(out, "<tr class=\"%s\"><td>",
			s[e].cut && req ? "cut" : s[e].cut ? "cut-ok" :
			s[e].share > 1	 ? "over" : "ok");
		nsp_html_raw(out, el->name);
		fprintf(out, "</td><td>%s</td><td>%s</td><td data-v=\"%zu\">"
			"%zu", nsp_class_names[el->cls], req ? "yes" : "no",
			s[e].cut, s[e].cut);
		if (s[e].cut) {
			fputs(": ", out);
			cut_names(out, &s[e]);
		}
		fprintf(out, "</td><td data-v=\"%.6f\">", s[e].share * 100);
		if (s[e].share > 0)
			fprintf(out, "%.0f", s[e].share * 100);
		else
			fputs("&#8212;", out);
		if (s[e].never)
			fputs("</td><td data-v=\"1e18\">never noticed", out);
		else if (s[e].ms)
			fprintf(out, "</td><td data-v=\"%llu\">%llu",
				(unsigned long long)s[e].ms,
				(unsigned long long)s[e].ms);
		else
			fputs("</td><td data-v=\"0\">&#8212;", out);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	for (size_t e = 0; e < a->nelems; e++)
		nsp_buf_free(&s[e].names);
	free(s);
}
