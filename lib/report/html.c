/*
 * The HTML reporter: one self-contained design-review page (inline CSS,
 * inline SVG laid out by Graphviz in a child process, a small inline
 * script, nothing loaded from the network). The verdict and counts, a
 * table of contents when several designs were checked, and per design:
 * the topology coloured by the worst finding, the findings by severity
 * with the design excerpt, remediation and references, the availability
 * per demand and the single-failure table (html_tables.c). Every value
 * from the input is escaped; the script reads no input text, only ids
 * the reporter makes from indices.
 */
#include <stdlib.h>
#include <string.h>

#include "html_int.h"
#include "topology.h"

/*
 * Nodes and edges laid out at most, as `graph -f svg` by default: a larger
 * design gets a note instead of a picture (Graphviz takes minutes on it).
 */
#define HTML_LAYOUT_MAX 2500

static const char css[] =
	":root{--err:#c81e1e;--warn:#b45309;--info:#1f6fb2;--ok:#15803d;"
	"--hl:#7c3aed;font-family:system-ui,-apple-system,'Segoe UI',"
	"Helvetica,Arial,sans-serif;color:#1f2328;}\n"
	"body{margin:0 auto;max-width:80rem;padding:1rem 1.5rem;"
	"line-height:1.4}\n"
	"h1{font-size:1.5rem;margin:.2rem 0}h2{border-bottom:2px solid #d0d7de;"
	"padding-bottom:.2rem;margin-top:2rem}h3{margin-top:1.5rem}\n"
	".verdict{display:inline-block;padding:.2rem .7rem;border-radius:.3rem;"
	"color:#fff;font-weight:bold;text-transform:uppercase}\n"
	".v-pass{background:var(--ok)}.v-fail{background:var(--err)}"
	".v-input-error{background:#6b21a8}\n"
	"table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}\n"
	"th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;"
	"vertical-align:top}th{background:#f6f8fa}\n"
	"table.sortable th{cursor:pointer}table.sortable th:after{"
	"content:' \\2195';color:#8c959f}\n"
	"td.bad,tr.cut td{color:var(--err)}tr.over td{color:var(--warn)}\n"
	".counts td{text-align:right;font-variant-numeric:tabular-nums}\n"
	".topo{border:1px solid #d0d7de;border-radius:.4rem;padding:.5rem;"
	"overflow:auto}\n.topo svg{max-width:100%;height:auto}\n"
	".topo g[id]{cursor:pointer}\n"
	".topo g.hl path,.topo g.hl polygon,.topo g.hl ellipse{"
	"stroke:var(--hl)!important;stroke-width:4px}\n"
	".topo g.hl text{fill:var(--hl);font-weight:bold}\n"
	".picked{min-height:1.4rem;margin:.4rem 0;font-size:.9rem}\n"
	".findings{list-style:none;padding:0}\n"
	".finding{border:1px solid #d0d7de;border-left:6px solid #8c959f;"
	"border-radius:.3rem;margin:.5rem 0;padding:.4rem .7rem}\n"
	".finding[data-el]{cursor:pointer}\n"
	".finding.hl{outline:3px solid var(--hl)}\n"
	".s-error{border-left-color:var(--err)}.s-warning{border-left-color:"
	"var(--warn)}.s-info{border-left-color:var(--info)}.waived{opacity:.75}"
	"\n.sev{font-weight:bold;text-transform:uppercase;font-size:.8rem}\n"
	".s-error .sev{color:var(--err)}.s-warning .sev{color:var(--warn)}"
	".s-info .sev{color:var(--info)}\n"
	".loc{color:#57606a;font-family:ui-monospace,monospace;"
	"font-size:.85rem}\n.msg{margin:.3rem 0;overflow-wrap:anywhere}\n"
	".excerpt{background:#f6f8fa;padding:.3rem .5rem;overflow:auto;"
	"font-size:.8rem;margin:.3rem 0}\n.excerpt mark{background:#fff3b0;"
	"display:inline-block;min-width:100%}\n"
	".ln{color:#8c959f;display:inline-block;min-width:2.5rem;"
	"text-align:right;user-select:none}\n"
	".fix,.refs{font-size:.9rem;margin:.2rem 0;overflow-wrap:anywhere}\n"
	".note{color:#57606a;font-size:.9rem}\n"
	"@media print{body{max-width:none;padding:0;font-size:10pt}"
	".picked,.hint{display:none}section.design+section.design{"
	"break-before:page}"
	".finding,tr,.excerpt{break-inside:avoid}.topo{overflow:visible;"
	"border:none}table.sortable th:after{content:''}a{color:inherit;"
	"text-decoration:none}}\n";

/*
 * The script: highlight the elements of a clicked finding, list the
 * findings of a clicked element, sort tables. It reads only the ids and
 * data attributes the reporter made, and writes text with textContent.
 */
static const char script[] =
	"(function(){'use strict';\n"
	"function all(s,r){return Array.prototype.slice.call("
	"(r||document).querySelectorAll(s));}\n"
	"function clear(){all('.hl').forEach(function(e){"
	"e.classList.remove('hl');});}\n"
	"function els(li){return (li.getAttribute('data-el')||'')"
	".split(' ').filter(Boolean);}\n"
	"all('.finding[data-el]').forEach(function(li){"
	"li.addEventListener('click',function(){clear();li.classList.add('hl');"
	"els(li).forEach(function(id){var g=document.getElementById(id);"
	"if(g)g.classList.add('hl');});});"
	"li.addEventListener('keydown',function(ev){if(ev.key==='Enter')"
	"li.click();});});\n"
	"all('.topo').forEach(function(t){t.addEventListener('click',clear);});"
	"\n"
	"all('.topo g[id]').forEach(function(g){var m=/^d(\\d+)-/.exec(g.id);"
	"if(!m)return;g.addEventListener('click',function(ev){"
	"ev.stopPropagation();clear();g.classList.add('hl');"
	"var box=document.getElementById('d'+m[1]+'-picked');if(!box)return;"
	"while(box.firstChild)box.removeChild(box.firstChild);"
	"var t=g.querySelector('text');var name=t?t.textContent:g.id;"
	"var hits=all('#d'+m[1]+' .finding[data-el]').filter(function(li){"
	"return els(li).indexOf(g.id)>=0;});"
	"box.appendChild(document.createTextNode(hits.length?"
	"'Findings of '+name+': ':'No finding names '+name+'.'));"
	"hits.forEach(function(li,i){li.classList.add('hl');"
	"var a=document.createElement('a');a.href='#'+li.id;"
	"a.textContent=(i?', ':'')+li.getAttribute('data-rule');"
	"box.appendChild(a);});});});\n"
	"all('table.sortable').forEach(function(tb){"
	"all('th',tb).forEach(function(th,col){var asc=true;"
	"th.addEventListener('click',function(){var body=tb.tBodies[0];"
	"var rows=Array.prototype.slice.call(body.rows);"
	"function key(r){var c=r.cells[col];var v=c&&c.getAttribute('data-v');"
	"return v!==null&&v!==undefined?parseFloat(v):(c?c.textContent:'');}\n"
	"rows.sort(function(a,b){var x=key(a),y=key(b);var r=typeof x==="
	"'number'&&typeof y==='number'?x-y:String(x).localeCompare(String(y));"
	"return asc?r:-r;});asc=!asc;"
	"rows.forEach(function(r){body.appendChild(r);});});});});\n"
	"})();\n";

/* The model's element an id names, as the SVG id letter; 0 when none. */
static char kind_letter(const struct nsp_model *m, const char *id,
			size_t *index)
{
	static const char letters[] = {0, 'S', 'C', 'P', 'R', 'K'};
	struct nsp_ref r = nsp_model_lookup(m, id);
	*index = r.index;
	return r.kind >= NSP_KIND_SITE && r.kind <= NSP_KIND_CIRCUIT ?
		       letters[r.kind] : 0;
}

/* One finding: severity, rule, location, message, excerpt, fix, sources. */
static void finding(FILE *out, const struct nsp_run *run,
		    const struct nsp_finding *f, const struct nsp_model *m,
		    const struct nsp_html_src *src, size_t design, size_t k)
{
	const struct nsp_rule *r =
		run->rules ? nsp_registry_find(run->rules, f->rule_id) : NULL;
	fprintf(out, "<li class=\"finding s-%s%s\" id=\"d%zu-f%zu\" "
		"tabindex=\"0\" data-rule=\"", nsp_severity_names[f->severity],
		f->waived ? " waived" : "", design, k);
	nsp_html_text(out, f->rule_id);
	fputc('"', out);
	if (m && f->nelements) {
		fputs(" data-el=\"", out);
		for (size_t i = 0, n = 0; i < f->nelements; i++) {
			size_t idx;
			char c = kind_letter(m, f->elements[i], &idx);
			if (c)
				fprintf(out, "%sd%zu-%c%zu", n++ ? " " : "",
					design, c, idx);
		}
		fputc('"', out);
	}
	fprintf(out, "><div><span class=\"sev\">%s</span> <b>",
		nsp_severity_names[f->severity]);
	nsp_html_text(out, f->rule_id);
	fputs("</b> ", out);
	nsp_html_text(out, f->rule_name);
	fputs(" <span class=\"loc\">", out);
	char *file = nsp_path_relative(f->file);
	nsp_html_text(out, file);
	free(file);
	fprintf(out, ":%u:%u</span></div>\n<p class=\"msg\">",
		(unsigned)f->loc.line, (unsigned)f->loc.col);
	nsp_html_text(out, f->message);
	fputs("</p>\n", out);
	/* an imported element's resource (IMPORT.md §3.3) */
	for (size_t i = 0; i < f->nrelated; i++)
		if (f->related[i].source) {
			fputs("<p class=\"loc\">", out);
			nsp_html_text(out, f->related[i].message);
			fputs("</p>\n", out);
		}
	if (f->waived && f->waiver) {
		fputs("<p class=\"fix\"><b>Waived:</b> ", out);
		nsp_html_raw(out, f->waiver->reason);
		if (f->waiver->ticket) {
			fputs(" (ticket ", out);
			nsp_html_raw(out, f->waiver->ticket);
			fputc(')', out);
		}
		if (f->waiver->expires_text) {
			fputs(", expires ", out);
			nsp_html_raw(out, f->waiver->expires_text);
		}
		fputs("</p>\n", out);
	}
	nsp_html_excerpt(out, src, f->loc.line);
	if (r && r->remediation) {
		fputs("<p class=\"fix\"><b>Fix:</b> ", out);
		nsp_html_text(out, r->remediation);
		fputs("</p>\n", out);
	}
	if (r && r->references && r->references[0]) {
		fputs("<ul class=\"refs\">", out);
		for (const char *const *p = r->references; *p; p++) {
			fputs("<li>", out);
			nsp_html_text(out, *p);
			fputs("</li>", out);
		}
		fputs("</ul>\n", out);
	}
	fputs("</li>\n", out);
}

/* The findings of design i: one list per severity, then the waived. */
static void findings(FILE *out, const struct nsp_run *run, size_t i,
		     const struct nsp_model *m)
{
	static const char *const titles[] = {"Infos", "Warnings", "Errors"};
	struct nsp_html_src src = {0};
	bool read = false, any = false;
	static const int order[] = {NSP_ERROR, NSP_WARNING, NSP_INFO, -1};
	for (size_t pass = 0; pass < 4; pass++) {
		int sev = order[pass];
		bool waived = sev < 0;
		size_t n = 0;
		for (size_t k = 0; k < run->findings.n; k++) {
			const struct nsp_finding *f = run->findings.v[k];
			n += !strcmp(f->file, run->files[i]) &&
			     f->waived == waived &&
			     (waived || (int)f->severity == sev);
		}
		if (!n)
			continue;
		if (!read) {
			/* the raw name of the file, as the findings carry it */
			for (size_t k = 0; k < run->findings.n && !read; k++) {
				const struct nsp_finding *f =
					run->findings.v[k];
				if (strcmp(f->file, run->files[i]))
					continue;
				nsp_html_src_read(&src,
						  f->path ? f->path : f->file);
				read = true;
			}
		}
		any = true;
		fprintf(out, "<h3>%s (%zu)</h3>\n<ul class=\"findings\">\n",
			waived ? "Waived" : titles[sev], n);
		for (size_t k = 0; k < run->findings.n; k++) {
			const struct nsp_finding *f = run->findings.v[k];
			if (!strcmp(f->file, run->files[i]) &&
			    f->waived == waived &&
			    (waived || (int)f->severity == sev))
				finding(out, run, f, m, &src, i, k);
		}
		fputs("</ul>\n", out);
	}
	if (!any)
		fputs("<p>No findings.</p>\n", out);
	nsp_html_src_free(&src);
}

/*
 * Write the topology SVG of design i with Graphviz, its elements linked by
 * id; the XML prolog and Graphviz's comments (which repeat node names) are
 * left out. A layout that fails is said in a note, the page still works.
 */
static void topology(FILE *out, const struct nsp_run *run, size_t i,
		     const struct nsp_model *m, const struct nsp_analysis *a)
{
	struct nsp_findings mine = {0};
	for (size_t k = 0; k < run->findings.n; k++)
		if (!strcmp(run->findings.v[k]->file, run->files[i])) {
			NSP_GROW(mine.v, mine.cap, mine.n + 1);
			mine.v[mine.n++] = run->findings.v[k];
		}
	char prefix[32], *dot = NULL, *err = NULL, *svg = NULL;
	size_t len = 0;
	snprintf(prefix, sizeof(prefix), "d%zu-", i);
	struct nsp_topology_opts o = {&mine, NULL, 0, a, prefix};
	fputs("<h3>Topology</h3>\n<p class=\"note hint\">Colour: the worst "
	      "finding of each element (red error, orange warning, blue "
	      "info). Click an element to list its findings, a finding to "
	      "highlight its elements.</p>\n", out);
	size_t size = nsp_topology_size(m);
	if (size > HTML_LAYOUT_MAX) {
		fprintf(out, "<p class=\"note\">No picture: %zu nodes and "
			"edges, over the layout limit of %d (<code>nospof graph"
			"</code> draws it with <code>--max-layout N</code>)."
			"</p>\n", size, HTML_LAYOUT_MAX);
		free(mine.v);
		return;
	}
	FILE *mem = open_memstream(&svg, &len);
	int r = !mem ? -1 : nsp_topology_dot(&dot, m, &o, &err);
	if (!r)
		r = nsp_topology_svg(mem, dot, NULL, &err);
	if (mem)
		fclose(mem);
	const char *start = r || !svg ? NULL : strstr(svg, "<svg");
	if (!start) {
		fputs("<p class=\"note\">No picture: ", out);
		nsp_html_text(out, err ? err : "cannot lay the graph out");
		fputs("</p>\n", out);
	} else {
		fprintf(out, "<div class=\"topo\" id=\"d%zu-topo\">\n", i);
		for (const char *p = start; *p;) {
			const char *c = strstr(p, "<!--");
			const char *e = c ? strstr(c, "-->") : NULL;
			if (!c || !e) {
				fputs(p, out);
				break;
			}
			fwrite(p, 1, (size_t)(c - p), out);
			p = e + 3;
			if (*p == '\n')
				p++;
		}
		fprintf(out, "</div>\n<div class=\"picked\" id=\"d%zu-picked\" "
			"aria-live=\"polite\"></div>\n", i);
	}
	free(svg);
	free(dot);
	free(err);
	free(mine.v);
}

/* One design's section. */
static void design(FILE *out, const struct nsp_run *run, size_t i)
{
	const struct nsp_model *m = run->models ? run->models[i] : NULL;
	const struct nsp_analysis *a =
		m && run->analyses ? run->analyses[i] : NULL;
	char *file = nsp_path_relative(run->files[i]);
	fprintf(out, "<section class=\"design\" id=\"d%zu\">\n<h2>", i);
	nsp_html_text(out, file);
	free(file);
	fputs("</h2>\n", out);
	if (m) {
		fputs("<p><b>", out);
		nsp_html_raw(out, m->name);
		fputs("</b>", out);
		if (m->description) {
			fputs(": ", out);
			nsp_html_raw(out, m->description);
		}
		fputs("</p>\n", out);
		topology(out, run, i, m, a);
	}
	findings(out, run, i, m);
	if (m && a) {
		nsp_html_availability(out, m, a);
		nsp_html_singles(out, m, a, i);
		/*
		 * The minimal cut sets (`scenarios --cuts`) get their table
		 * here, from the same analysis, once the analysis has them.
		 */
	}
	fputs("</section>\n", out);
}

/* Write the whole page. */
static int html_write(FILE *out, const struct nsp_run *run)
{
	struct nsp_summary s;
	nsp_run_summary(run, &s);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\""
	      "default-src 'none'; style-src 'unsafe-inline'; "
	      "script-src 'unsafe-inline'\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n<title>nospof design review: ", out);
	fputs(s.verdict, out);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
	fprintf(out, "<header>\n<h1>nospof design review <span class=\"verdict "
		"v-%s\">%s</span></h1>\n", s.verdict, s.verdict);
	char *line = nsp_summary_line(run);
	fputs("<p>", out);
	nsp_html_text(out, line);
	free(line);
	fprintf(out, " (fails on %s and above; nospof %s)</p>\n",
		nsp_fail_on_name(run->fail_on), NSP_VERSION);
	fprintf(out, "<table class=\"counts\"><tr><th>Files</th><th>Errors"
		"</th><th>Warnings</th><th>Infos</th><th>Waived</th>"
		"<th>Baselined</th><th>Input errors</th></tr>\n<tr><td>%zu"
		"</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td>"
		"<td>%zu</td><td>%zu</td></tr></table>\n</header>\n",
		s.files, s.errors, s.warnings, s.infos, s.waived, s.baselined,
		s.input_errors);
	if (run->nfiles > 1) {
		fputs("<nav class=\"toc\"><h2>Designs</h2>\n<ol>\n", out);
		for (size_t i = 0; i < run->nfiles; i++) {
			size_t n = 0, e = 0;
			for (size_t k = 0; k < run->findings.n; k++) {
				const struct nsp_finding *f =
					run->findings.v[k];
				if (f->waived || strcmp(f->file, run->files[i]))
					continue;
				n++;
				e += f->severity == NSP_ERROR;
			}
			char *file = nsp_path_relative(run->files[i]);
			fprintf(out, "<li><a href=\"#d%zu\">", i);
			nsp_html_text(out, file);
			fprintf(out, "</a>: %zu finding%s, %zu error%s</li>\n",
				n, n == 1 ? "" : "s", e, e == 1 ? "" : "s");
			free(file);
		}
		fputs("</ol>\n</nav>\n", out);
	}
	for (size_t i = 0; i < run->nfiles; i++)
		design(out, run, i);
	fprintf(out, "<script>\n%s</script>\n</body>\n</html>\n", script);
	return ferror(out) ? -1 : 0;
}

const struct nsp_reporter nsp_reporter_html = {
	.name = "html",
	.write = html_write,
	.analysis = true,
};
