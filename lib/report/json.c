/* The JSON reporter: the stable envelope of schemas/report.schema.json. */
#include "report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *str(const char *s)
{
	/* every string here is already escaped, hence valid UTF-8 */
	json_t *j = json_string(s ? s : "");
	return j ? j : json_string("");
}

static json_t *finding_json(const struct nsp_finding *f)
{
	json_t *o = json_object();
	json_object_set_new(o, "rule", str(f->rule_id));
	json_object_set_new(o, "name", str(f->rule_name));
	json_object_set_new(o, "severity",
			    str(nsp_severity_names[f->severity]));
	json_object_set_new(o, "message", str(f->message));
	json_object_set_new(o, "file", str(f->file));
	json_object_set_new(o, "line", json_integer(f->loc.line));
	json_object_set_new(o, "column", json_integer(f->loc.col));
	json_object_set_new(o, "pointer", str(f->pointer));
	json_t *els = json_array();
	for (size_t i = 0; i < f->nelements; i++)
		json_array_append_new(els, str(f->elements[i]));
	json_object_set_new(o, "elements", els);
	json_t *rel = json_array();
	for (size_t i = 0; i < f->nrelated; i++) {
		json_t *r = json_object();
		json_object_set_new(r, "file", str(f->file));
		json_object_set_new(r, "line",
				    json_integer(f->related[i].loc.line));
		json_object_set_new(r, "column",
				    json_integer(f->related[i].loc.col));
		json_object_set_new(r, "pointer", str(f->related[i].pointer));
		json_object_set_new(r, "message", str(f->related[i].message));
		json_array_append_new(rel, r);
	}
	json_object_set_new(o, "related", rel);
	json_object_set_new(o, "waived", json_boolean(f->waived));
	if (f->waived && f->waiver) {
		const struct nsp_waiver *w = f->waiver;
		json_t *wj = json_object();
		char *reason = nsp_escape(w->reason, strlen(w->reason));
		json_object_set_new(wj, "reason", str(reason));
		free(reason);
		if (w->ticket) {
			char *t = nsp_escape(w->ticket, strlen(w->ticket));
			json_object_set_new(wj, "ticket", str(t));
			free(t);
		} else {
			json_object_set_new(wj, "ticket", json_null());
		}
		json_object_set_new(wj, "expires",
				    w->expires_text ? str(w->expires_text) :
						      json_null());
		json_object_set_new(o, "waiver", wj);
	} else {
		json_object_set_new(o, "waiver", json_null());
	}
	return o;
}

static int json_write(FILE *out, const struct nsp_run *run)
{
	struct nsp_summary s;
	nsp_run_summary(run, &s);
	json_t *root = json_object();
	json_object_set_new(root, "format_version", json_integer(1));
	json_t *tool = json_object();
	json_object_set_new(tool, "name", str("nospof"));
	json_object_set_new(tool, "version", str(NSP_VERSION));
	json_object_set_new(tool, "information_uri", str(NSP_INFO_URI));
	json_object_set_new(root, "tool", tool);
	json_t *sum = json_object();
	json_object_set_new(sum, "files", json_integer((json_int_t)s.files));
	json_object_set_new(sum, "findings",
			    json_integer((json_int_t)s.findings));
	json_object_set_new(sum, "errors", json_integer((json_int_t)s.errors));
	json_object_set_new(sum, "warnings",
			    json_integer((json_int_t)s.warnings));
	json_object_set_new(sum, "infos", json_integer((json_int_t)s.infos));
	json_object_set_new(sum, "waived", json_integer((json_int_t)s.waived));
	json_object_set_new(sum, "input_errors",
			    json_integer((json_int_t)s.input_errors));
	json_object_set_new(sum, "baselined",
			    json_integer((json_int_t)s.baselined));
	json_object_set_new(sum, "fail_on", str(nsp_fail_on_name(run->fail_on)));
	json_object_set_new(sum, "verdict", str(s.verdict));
	json_object_set_new(root, "summary", sum);
	json_t *arr = json_array();
	for (size_t i = 0; i < run->findings.n; i++)
		json_array_append_new(arr, finding_json(run->findings.v[i]));
	json_object_set_new(root, "findings", arr);
	int r = json_dumpf(root, out, JSON_INDENT(2));
	fputc('\n', out);
	json_decref(root);
	return r || ferror(out) ? -1 : 0;
}

const struct nsp_reporter nsp_reporter_json = {
	.name = "json",
	.write = json_write,
};
