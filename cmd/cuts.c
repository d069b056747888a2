/*
 * nospof scenarios --cuts K: the minimal cut sets of every demand of one
 * design, in text, JSON or Markdown, written demand by demand as each is
 * computed (lib/analysis/cuts.c).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/cuts.h"
#include "report/report.h"
#include "cli.h"

static const char *const class_title[NSP_CLASS_COUNT] = {
    "circuit", "port",        "router",  "pop",  "facility",
    "metro",   "edge_domain", "carrier", "srlg",
};

/* "circuit 'c1' + router 'cpe2'", escaped. */
static char *cut_label(const struct nsp_analysis *a, const struct nsp_cut *c)
{
	struct nsp_buf b = {0};
	for (size_t i = 0; i < c->n; i++) {
		const struct nsp_felem *e = &a->elems[c->elem[i]];
		nsp_buf_printf(&b, "%s%s '", i ? " + " : "",
		               class_title[e->cls]);
		nsp_buf_escaped(&b, e->name, strlen(e->name));
		nsp_buf_putc(&b, '\'');
	}
	return nsp_buf_detach(&b);
}

/* An escaped JSON string. */
static json_t *jstr(const char *s)
{
	char *e = nsp_escape(s, strlen(s));
	json_t *j = json_string(e);
	free(e);
	return j;
}

/* One cut set as a JSON object. */
static json_t *cut_json(const struct nsp_analysis *a, const struct nsp_cut *c)
{
	const struct nsp_model *m = a->m;
	json_t *o = json_object(), *els = json_array(), *cls = json_array();
	json_t *dm = json_object();
	json_object_set_new(dm, "from",
	                    jstr(nsp_endpoint_id(m, m->demands[c->demand].from)));
	json_object_set_new(dm, "to",
	                    jstr(nsp_endpoint_id(m, m->demands[c->demand].to)));
	json_object_set_new(o, "demand", dm);
	unsigned seen = 0;
	for (size_t i = 0; i < c->n; i++) {
		const struct nsp_felem *e = &a->elems[c->elem[i]];
		json_t *fe = json_object();
		json_object_set_new(fe, "class",
		                    json_string(class_title[e->cls]));
		json_object_set_new(fe, "name", jstr(e->name));
		json_array_append_new(els, fe);
		if (!(seen & 1u << e->cls))
			json_array_append_new(cls,
			                      json_string(class_title[e->cls]));
		seen |= 1u << e->cls;
	}
	json_object_set_new(o, "elements", els);
	json_object_set_new(o, "classes", cls);
	json_object_set_new(o, "probability", json_real(c->prob));
	json_object_set_new(o, "required", json_boolean(c->required));
	return o;
}

int nsp_cuts_table(FILE *out, const struct nsp_analysis *a, size_t k,
                   const char *format, const char *file)
{
	const struct nsp_model *m = a->m;
	bool json = !strcmp(format, "json"), md = !strcmp(format, "markdown");
	size_t total = 0, required = 0, by_size[NSP_CUTS_LIMIT + 1] = {0};
	size_t cut_demands = 0;
	if (json) {
		json_t *f = jstr(file);
		char *fs = json_dumps(f, JSON_ENCODE_ANY);
		fprintf(out, "{\n  \"file\": %s,\n  \"cuts\": %zu,\n"
		             "  \"rows\": [",
		        fs, k);
		free(fs);
		json_decref(f);
	} else if (md) {
		fputs("# Minimal cut sets of ", out);
		nsp_markdown_text(out, file);
		fprintf(out,
		        " (at most %zu elements)\n\n"
		        "| demand | cut set | probability | all required |\n"
		        "|---|---|---|---|\n",
		        k);
	} else {
		fprintf(out,
		        "%s: minimal cut sets of at most %zu elements, by "
		        "demand, most probable first\n"
		        "%-11s  %-8s  %-32s  %s\n",
		        file, k, "PROBABILITY", "REQUIRED", "DEMAND",
		        "CUT SET");
	}
	for (size_t d = 0; d < m->ndemands; d++) {
		struct nsp_cut *v;
		size_t n = nsp_demand_cuts(a, d, k, &v);
		char *dl = nsp_demand_cell(m, d);
		cut_demands += n > 0;
		for (size_t i = 0; i < n; i++) {
			const struct nsp_cut *c = &v[i];
			total++;
			required += c->required;
			by_size[c->n]++;
			if (json) {
				json_t *o = cut_json(a, c);
				char *s = json_dumps(o, JSON_COMPACT |
				                            JSON_REAL_PRECISION(6));
				fprintf(out, "%s\n    %s", total > 1 ? "," : "",
				        s);
				free(s);
				json_decref(o);
				continue;
			}
			char *l = cut_label(a, c);
			if (md) {
				fputs("| ", out);
				nsp_markdown_text(out, dl);
				fputs(" | ", out);
				nsp_markdown_text(out, l);
				fprintf(out, " | %.2e | %s |\n", c->prob,
				        c->required ? "yes" : "no");
			} else {
				fprintf(out, "%-11.2e  %-8s  %-32s  %s\n",
				        c->prob, c->required ? "yes" : "no", dl,
				        l);
			}
			free(l);
		}
		free(dl);
		free(v);
		if (fflush(out) || ferror(out))
			return -1;
	}
	if (json) {
		fprintf(out, "%s  ],\n  \"summary\": {\"cut_sets\": %zu, "
		             "\"required\": %zu, \"demands_cut\": %zu, "
		             "\"by_size\": {",
		        total ? "\n" : "", total, required, cut_demands);
		for (size_t i = 1; i <= k; i++)
			fprintf(out, "%s\"%zu\": %zu", i > 1 ? ", " : "", i,
			        by_size[i]);
		fputs("}}\n}\n", out);
	} else {
		fprintf(out,
		        md ? "\n%zu minimal cut sets over %zu of %zu "
		             "demands, %zu of them of required classes only;"
		             " by size:"
		           : "\nsummary: %zu minimal cut sets over %zu of %zu "
		             "demands, %zu of them of required classes only;"
		             " by size:",
		        total, cut_demands, m->ndemands, required);
		for (size_t i = 1; i <= k; i++)
			fprintf(out, "%s %zu: %zu", i > 1 ? "," : "", i,
			        by_size[i]);
		fputc('\n', out);
	}
	return fflush(out) || ferror(out) ? -1 : 0;
}
