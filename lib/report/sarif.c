/*
 * The SARIF 2.1.0 reporter, for GitHub code scanning and other SARIF
 * viewers: one run, every rule of the registry (and INPUT) in
 * tool.driver.rules, one result per finding with a region, related
 * locations, a fingerprint that survives unrelated edits, and waived
 * findings as external suppressions.
 */
#include "report.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"

#define SARIF_SCHEMA                                                           \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/" \
	"sarif-schema-2.1.0.json"

/* The INPUT pseudo-rule: a design that could not be loaded. */
static const char *const input_refs[] = {
	"FORMAT.md: input errors",
	NULL,
};
static const struct nsp_rule input_rule = {
	.id = "INPUT",
	.name = "input-error",
	.severity = NSP_ERROR,
	.title = "the design could not be loaded",
	.rationale = "YAML syntax, a wrong type, an unknown key, a missing "
		     "field, a duplicate id, a dangling reference, an invalid "
		     "value or an input limit kept the design from being "
		     "read, so no rule could check it.",
	.remediation = "Fix the input at the location given; the message "
		       "says what was expected (nospof schema prints the "
		       "input schema).",
	.references = input_refs,
};

static const char *const levels[3] = {"note", "warning", "error"};

/* A JSON string from text that is already escaped (valid UTF-8). */
static json_t *str(const char *s)
{
	json_t *j = json_string(s && *s ? s : "-");
	return j ? j : json_string("-");
}

/* {"text": s} */
static json_t *text(const char *s)
{
	json_t *o = json_object();
	json_object_set_new(o, "text", str(s));
	return o;
}

/* The file of a finding as it was named, raw bytes. */
static const char *raw_name(const struct nsp_finding *f)
{
	return f->path ? f->path : f->file;
}

/*
 * A raw file name as a URI reference (RFC 3986): relative to the working
 * directory with every byte outside the unreserved set and '/'
 * percent-encoded; a file outside the working directory becomes a file://
 * URI.
 */
static char *file_uri(const char *file)
{
	static const char hex[] = "0123456789ABCDEF";
	char *rel = nsp_path_relative(file);
	struct nsp_buf b = {0};
	if (rel[0] == '/')
		nsp_buf_puts(&b, "file://");
	for (const unsigned char *p = (const unsigned char *)rel; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			nsp_buf_putc(&b, (char)*p);
		} else {
			nsp_buf_putc(&b, '%');
			nsp_buf_putc(&b, hex[*p >> 4]);
			nsp_buf_putc(&b, hex[*p & 15]);
		}
	}
	free(rel);
	return nsp_buf_detach(&b);
}

/* A region from a start and (when known and after it) an end. */
static json_t *region(struct nsp_loc loc, struct nsp_loc end)
{
	json_t *r = json_object();
	uint32_t line = loc.line ? loc.line : 1, col = loc.col ? loc.col : 1;
	bool after = end.line > line || (end.line == line && end.col > col);
	json_object_set_new(r, "startLine", json_integer(line));
	json_object_set_new(r, "startColumn", json_integer(col));
	json_object_set_new(r, "endLine",
			    json_integer(after ? end.line : line));
	json_object_set_new(r, "endColumn",
			    json_integer(after ? end.col : col + 1));
	return r;
}

/* A physicalLocation: the file as a URI and a region. */
static json_t *physical(const char *file, struct nsp_loc loc,
			struct nsp_loc end)
{
	json_t *art = json_object();
	char *uri = file_uri(file);
	json_object_set_new(art, "uri", str(uri));
	free(uri);
	json_t *p = json_object();
	json_object_set_new(p, "artifactLocation", art);
	json_object_set_new(p, "region", region(loc, end));
	return p;
}

/* 64-bit FNV-1a, as 16 hex digits. */
static char *fnv_hex(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ull;
	}
	return nsp_xasprintf("%016llx", (unsigned long long)h);
}

/*
 * The fingerprint: rule, file and sorted elements (no line numbers), plus
 * pointer and message for input errors, which name no elements.
 */
static char *fingerprint(const struct nsp_finding *f)
{
	char *id = nsp_finding_identity(f);
	if (!strcmp(f->rule_id, "INPUT")) {
		char *more = nsp_xasprintf("%s\n%s\n%s", id, f->pointer,
					   f->message);
		free(id);
		id = more;
	}
	char *h = fnv_hex(id);
	free(id);
	return h;
}

/* A reportingDescriptor of tool.driver.rules. */
static json_t *rule_json(const struct nsp_rule *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", str(r->id));
	json_object_set_new(o, "name", str(r->name));
	json_object_set_new(o, "shortDescription", text(r->title));
	json_object_set_new(o, "fullDescription", text(r->rationale));
	struct nsp_buf help = {0}, md = {0};
	nsp_buf_printf(&help, "%s\n\nWhy it matters: %s", r->remediation,
		       r->rationale);
	nsp_buf_printf(&md, "**How to fix it.** %s\n\n**Why it matters.** %s",
		       r->remediation, r->rationale);
	if (r->references && r->references[0]) {
		nsp_buf_puts(&help, "\n\nReferences:");
		nsp_buf_puts(&md, "\n\n**References**\n");
		for (const char *const *ref = r->references; *ref; ref++) {
			nsp_buf_printf(&help, "\n- %s", *ref);
			nsp_buf_printf(&md, "\n- %s", *ref);
		}
	}
	json_t *h = json_object();
	json_object_set_new(h, "text", str(help.s));
	json_object_set_new(h, "markdown", str(md.s));
	json_object_set_new(o, "help", h);
	nsp_buf_free(&help);
	nsp_buf_free(&md);
	json_t *cfg = json_object();
	json_object_set_new(cfg, "level", str(levels[r->severity]));
	json_object_set_new(o, "defaultConfiguration", cfg);
	json_t *props = json_object();
	json_t *tags = json_array();
	char family[16];
	size_t n = strcspn(r->id, "0123456789");
	snprintf(family, sizeof(family), "%.*s", (int)n, r->id);
	json_array_append_new(tags, str(family));
	json_array_append_new(tags, str("reliability"));
	json_object_set_new(props, "tags", tags);
	json_object_set_new(props, "precision", str("very-high"));
	json_object_set_new(props, "problem.severity",
			    str(r->severity == NSP_INFO ? "recommendation" :
							  levels[r->severity]));
	json_object_set_new(o, "properties", props);
	return o;
}

/* The index of a rule id in tool.driver.rules (INPUT last). */
static size_t rule_index(const struct nsp_registry *reg, const char *id)
{
	for (size_t i = 0; i < reg->n; i++)
		if (!strcmp(reg->rules[i]->id, id))
			return i;
	return reg->n;
}

/* The suppression of a waived finding: external, with the reason. */
static json_t *suppression(const struct nsp_waiver *w)
{
	json_t *s = json_object();
	json_object_set_new(s, "kind", str("external"));
	json_object_set_new(s, "status", str("accepted"));
	char *reason = nsp_escape(w->reason, strlen(w->reason));
	json_object_set_new(s, "justification", str(reason));
	free(reason);
	json_t *props = json_object();
	if (w->ticket) {
		char *t = nsp_escape(w->ticket, strlen(w->ticket));
		json_object_set_new(props, "ticket", str(t));
		free(t);
	}
	if (w->expires_text)
		json_object_set_new(props, "expires", str(w->expires_text));
	json_object_set_new(s, "properties", props);
	return s;
}

/*
 * The logical location of an element's `source` (IMPORT.md §3.3): the
 * Terraform resource address or NetBox object URL, without the
 * "#ATTRIBUTE" of a value, kind "resource" (SARIF §3.33.7 lets a
 * producer name a kind of its own). NULL for nospof's own placeholders.
 */
static json_t *logical(const char *source)
{
	const char *colon = strchr(source, ':');
	if (!colon || !strncmp(source, "nospof:", 7))
		return NULL;
	size_t n = strlen(source);
	const char *hash = !strncmp(source, "terraform:", 10) ?
				   strrchr(source, '#') : NULL;
	/* a '#' inside an instance key ["a#b"] is not the attribute's */
	if (hash && strchr(hash, ']'))
		hash = NULL;
	if (hash)
		n = (size_t)(hash - source);
	json_t *o = json_object();
	json_object_set_new(o, "name", json_stringn(colon + 1,
						    n - (size_t)(colon + 1 -
								 source)));
	json_object_set_new(o, "fullyQualifiedName", json_stringn(source, n));
	json_object_set_new(o, "kind", str("resource"));
	json_t *a = json_array();
	json_array_append_new(a, o);
	return a;
}

/* One result: a finding with its locations and fingerprint. */
static json_t *result_json(const struct nsp_registry *reg,
			   const struct nsp_finding *f)
{
	json_t *o = json_object();
	json_object_set_new(o, "ruleId", str(f->rule_id));
	json_object_set_new(o, "ruleIndex",
			    json_integer((json_int_t)rule_index(reg, f->rule_id)));
	json_object_set_new(o, "level", str(levels[f->severity]));
	json_object_set_new(o, "message", text(f->message));
	json_t *loc = json_object();
	json_object_set_new(loc, "physicalLocation",
			    physical(raw_name(f), f->loc, f->end));
	/* the resource of the first element named that has a source */
	for (size_t i = 0; i < f->nrelated; i++) {
		json_t *l = f->related[i].source ?
				    logical(f->related[i].source) : NULL;
		if (l) {
			json_object_set_new(loc, "logicalLocations", l);
			break;
		}
	}
	json_t *locs = json_array();
	json_array_append_new(locs, loc);
	json_object_set_new(o, "locations", locs);
	if (f->nrelated) {
		json_t *rel = json_array();
		for (size_t i = 0; i < f->nrelated; i++) {
			json_t *r = json_object();
			json_object_set_new(r, "id",
					    json_integer((json_int_t)i));
			json_object_set_new(r, "physicalLocation",
					    physical(raw_name(f),
						     f->related[i].loc,
						     f->related[i].end));
			json_object_set_new(r, "message",
					    text(f->related[i].message));
			json_t *l = f->related[i].source ?
					    logical(f->related[i].source) :
					    NULL;
			if (l)
				json_object_set_new(r, "logicalLocations", l);
			json_array_append_new(rel, r);
		}
		json_object_set_new(o, "relatedLocations", rel);
	}
	json_t *fp = json_object();
	char *h = fingerprint(f);
	json_object_set_new(fp, "nospofFindingIdentity/v1", str(h));
	free(h);
	json_object_set_new(o, "partialFingerprints", fp);
	if (f->waived && f->waiver) {
		json_t *sup = json_array();
		json_array_append_new(sup, suppression(f->waiver));
		json_object_set_new(o, "suppressions", sup);
	}
	json_t *props = json_object();
	json_t *els = json_array();
	for (size_t i = 0; i < f->nelements; i++)
		json_array_append_new(els, json_string(f->elements[i]));
	json_object_set_new(props, "elements", els);
	json_object_set_new(props, "pointer", json_string(f->pointer));
	json_object_set_new(o, "properties", props);
	return o;
}

/* The run's counts, verdict and baselined findings (run properties). */
static json_t *summary_json(const struct nsp_run *run)
{
	struct nsp_summary s;
	nsp_run_summary(run, &s);
	json_t *o = json_object();
	json_object_set_new(o, "files", json_integer((json_int_t)s.files));
	json_object_set_new(o, "errors", json_integer((json_int_t)s.errors));
	json_object_set_new(o, "warnings",
			    json_integer((json_int_t)s.warnings));
	json_object_set_new(o, "infos", json_integer((json_int_t)s.infos));
	json_object_set_new(o, "waived", json_integer((json_int_t)s.waived));
	json_object_set_new(o, "baselined",
			    json_integer((json_int_t)s.baselined));
	json_object_set_new(o, "input_errors",
			    json_integer((json_int_t)s.input_errors));
	json_object_set_new(o, "fail_on", str(nsp_fail_on_name(run->fail_on)));
	json_object_set_new(o, "verdict", str(s.verdict));
	return o;
}

/* Write the whole SARIF log: one run. */
static int sarif_write(FILE *out, const struct nsp_run *run)
{
	json_t *root = json_object();
	json_object_set_new(root, "$schema", str(SARIF_SCHEMA));
	json_object_set_new(root, "version", str("2.1.0"));
	json_t *driver = json_object();
	json_object_set_new(driver, "name", str("nospof"));
	json_object_set_new(driver, "version", str(NSP_VERSION));
	json_object_set_new(driver, "semanticVersion", str(NSP_VERSION));
	json_object_set_new(driver, "informationUri", str(NSP_INFO_URI));
	static const struct nsp_registry none = {NULL, 0};
	const struct nsp_registry *reg = run->rules ? run->rules : &none;
	json_t *rules = json_array();
	for (size_t i = 0; i < reg->n; i++)
		json_array_append_new(rules, rule_json(reg->rules[i]));
	json_array_append_new(rules, rule_json(&input_rule));
	json_object_set_new(driver, "rules", rules);
	json_t *tool = json_object();
	json_object_set_new(tool, "driver", driver);
	json_t *r = json_object();
	json_object_set_new(r, "tool", tool);
	json_object_set_new(r, "columnKind", str("unicodeCodePoints"));
	json_t *results = json_array();
	for (size_t i = 0; i < run->findings.n; i++)
		json_array_append_new(results,
				      result_json(reg, run->findings.v[i]));
	json_object_set_new(r, "results", results);
	json_t *props = json_object();
	json_object_set_new(props, "summary", summary_json(run));
	json_object_set_new(r, "properties", props);
	json_t *runs = json_array();
	json_array_append_new(runs, r);
	json_object_set_new(root, "runs", runs);
	int rc = json_dumpf(root, out, JSON_INDENT(2));
	fputc('\n', out);
	json_decref(root);
	return rc || ferror(out) ? -1 : 0;
}

const struct nsp_reporter nsp_reporter_sarif = {
	.name = "sarif",
	.write = sarif_write,
};
