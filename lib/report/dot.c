/*
 * The topology as Graphviz DOT: sites and clouds as endpoints, PoPs as
 * clusters labelled with metro and facility, routers as nodes, circuits as
 * edges labelled with id, bandwidth, role and carrier, each element coloured
 * by the worst finding that names it; optionally after some elements fail.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/failure.h"
#include "topology.h"

static const char *const sev_color[] = {"#1f6fb2", "#d97706", "#c81e1e"};
#define PLAIN_COLOR "#333333"
#define FAILED_COLOR "#b0b0b0"
#define ELLIPSIS "\xe2\x80\xa6"
/* Code points of one value shown in a label; more are cut to an ellipsis. */
#define VALUE_MAX 200
/* Bytes of one quoted label (Graphviz refuses strings over 16,384). */
#define LABEL_MAX 4096

struct gctx {
	const struct nsp_model *m;
	double *load;   /* per circuit: its load after the failures, or 0 */
	double *usable; /* per circuit: the bandwidth it may use */
	struct nsp_map worst; /* element id -> severity + 1 */
	bool *failed_circuit, *failed_router, *failed_pop;
	struct nsp_buf *b;
	struct nsp_buf lab; /* the label being built */
	const char *idp; /* prefix of the SVG ids, or NULL: none */
};

/* Append ', id="<prefix><kind><index>"' when the caller asked for ids. */
static void dom_id(struct gctx *g, struct nsp_buf *b, char kind, size_t i)
{
	if (g->idp)
		nsp_buf_printf(b, ", id=\"%s%c%zu\"", g->idp, kind, i);
}

/*
 * Append s as the inside of a DOT double-quoted string, escaped, its first
 * VALUE_MAX code points only (then an ellipsis).
 */
static void q(struct nsp_buf *b, const char *s)
{
	size_t len = strlen(s), cut = len, cps = 0;
	for (size_t i = 0; i < len && cut == len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && cps++ == VALUE_MAX)
			cut = i;
	char *e = nsp_escape(s, cut);
	for (const char *p = e; *p; p++) {
		if (*p == '"' || *p == '\\')
			nsp_buf_putc(b, '\\');
		nsp_buf_putc(b, *p);
	}
	free(e);
	if (cut < len)
		nsp_buf_puts(b, ELLIPSIS);
}

/* Start a label: what follows goes to g->lab until put_label. */
static struct nsp_buf *label(struct gctx *g)
{
	g->lab.len = 0;
	if (g->lab.s)
		g->lab.s[0] = '\0';
	return &g->lab;
}

/*
 * Append the label built since label() to the graph, at most LABEL_MAX
 * bytes of it: a longer one is cut between two characters (never inside
 * an escape) and ends with an ellipsis.
 */
static void put_label(struct gctx *g)
{
	const char *s = g->lab.s ? g->lab.s : "";
	size_t n = g->lab.len, end = 0;
	if (n <= LABEL_MAX) {
		nsp_buf_add(g->b, s, n);
		return;
	}
	for (size_t i = 0; i < n;) {
		size_t next = i + 1;
		if (s[i] == '\\')
			next = i + 2;
		else
			while (next < n && ((unsigned char)s[next] & 0xc0) ==
						   0x80)
				next++;
		if (next > LABEL_MAX - strlen(ELLIPSIS))
			break;
		end = i = next;
	}
	nsp_buf_add(g->b, s, end);
	nsp_buf_puts(g->b, ELLIPSIS);
}

/* The colour of an element: its worst finding, or plain. */
static const char *color_of(struct gctx *g, const char *id)
{
	size_t v = (size_t)nsp_map_get(&g->worst, id, strlen(id));
	return v ? sev_color[v - 1] : PLAIN_COLOR;
}

static void note_worst(struct gctx *g, const struct nsp_findings *fs)
{
	for (size_t i = 0; fs && i < fs->n; i++) {
		const struct nsp_finding *f = fs->v[i];
		if (f->waived)
			continue;
		for (size_t k = 0; k < f->nelements; k++) {
			const char *e = f->elements[k];
			size_t cur = (size_t)nsp_map_get(&g->worst, e,
							 strlen(e));
			if ((size_t)f->severity + 1 > cur)
				nsp_map_put(&g->worst, e, strlen(e),
					    (void *)((size_t)f->severity + 1));
		}
	}
}

static bool has_tag(const struct nsp_strs *t, const char *tag)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i], tag))
			return true;
	return false;
}

static void fail_router(struct gctx *g, size_t r)
{
	g->failed_router[r] = true;
	for (size_t k = 0; k < g->m->routers[r].ncircuits; k++)
		g->failed_circuit[g->m->routers[r].circuits[k]] = true;
}

static void fail_pop(struct gctx *g, size_t p)
{
	g->failed_pop[p] = true;
	for (size_t r = 0; r < g->m->nrouters; r++)
		if (g->m->routers[r].pop == p)
			fail_router(g, r);
}

/* Mark what one --fail element takes down; false when it names nothing. */
static bool fail_element(struct gctx *g, const char *el)
{
	const struct nsp_model *m = g->m;
	struct nsp_ref ref = nsp_model_lookup(m, el);
	if (ref.kind == NSP_KIND_CIRCUIT) {
		g->failed_circuit[ref.index] = true;
		return true;
	}
	if (ref.kind == NSP_KIND_ROUTER) {
		fail_router(g, ref.index);
		return true;
	}
	if (ref.kind == NSP_KIND_POP) {
		fail_pop(g, ref.index);
		return true;
	}
	const char *colon = strchr(el, ':');
	if (!colon)
		return false;
	size_t cl = (size_t)(colon - el);
	const char *v = colon + 1;
	bool any = false;
	if (!strncmp(el, "port", cl) && cl == 4)
		return fail_element(g, v);
	for (size_t p = 0; p < m->npops; p++) {
		const struct nsp_pop *pp = &m->pops[p];
		const char *val = cl == 8 && !strncmp(el, "facility", 8) ?
			pp->facility : cl == 5 && !strncmp(el, "metro", 5) ?
			pp->metro : cl == 11 && !strncmp(el, "edge_domain", 11) ?
			pp->edge_domain : NULL;
		bool tag = cl == 4 && !strncmp(el, "srlg", 4) &&
			   has_tag(&pp->srlg, v);
		if ((val && !strcmp(val, v)) || tag) {
			fail_pop(g, p);
			any = true;
		}
	}
	for (size_t r = 0; r < m->nrouters; r++) {
		if (cl == 4 && !strncmp(el, "srlg", 4) &&
		    has_tag(&m->routers[r].srlg, v)) {
			fail_router(g, r);
			any = true;
		}
	}
	/* router:port */
	char *rid = nsp_xstrndup(el, cl);
	struct nsp_ref rr = nsp_model_lookup(m, rid);
	free(rid);
	for (size_t c = 0; c < m->ncircuits; c++) {
		const struct nsp_circuit *cc = &m->circuits[c];
		bool hit = (cl == 7 && !strncmp(el, "carrier", 7) &&
			    cc->carrier && !strcmp(cc->carrier, v)) ||
			   (cl == 4 && !strncmp(el, "srlg", 4) &&
			    has_tag(&cc->srlg, v));
		if (rr.kind == NSP_KIND_ROUTER) {
			const struct nsp_end *ends[2] = {&cc->a, &cc->z};
			for (int k = 0; k < 2; k++)
				hit |= ends[k]->router == rr.index &&
				       ends[k]->port &&
				       !strcmp(ends[k]->port, v);
		}
		if (hit) {
			g->failed_circuit[c] = true;
			any = true;
		}
	}
	return any;
}

/* Whether a demand still has a path over what did not fail. */
static bool connected(struct gctx *g, const struct nsp_demand *d)
{
	const struct nsp_model *m = g->m;
	bool *seen = nsp_xcalloc(m->nrouters + 1, sizeof(bool));
	size_t *queue = nsp_xmalloc((m->nrouters + 1) * sizeof(size_t));
	size_t head = 0, tail = 0;
	bool ok = false;
	for (size_t r = 0; r < m->nrouters; r++)
		if (!g->failed_router[r] &&
		    nsp_router_in_endpoint(m, r, d->from)) {
			seen[r] = true;
			queue[tail++] = r;
		}
	while (head < tail && !ok) {
		size_t u = queue[head++];
		const struct nsp_router *ru = &m->routers[u];
		if (nsp_router_in_endpoint(m, u, d->to)) {
			ok = true;
			break;
		}
		if (ru->role != NSP_ROLE_EXCHANGE &&
		    !nsp_router_in_endpoint(m, u, d->from))
			continue;
		for (size_t k = 0; k < ru->ncircuits; k++) {
			size_t c = ru->circuits[k];
			const struct nsp_circuit *cc = &m->circuits[c];
			size_t v = cc->a.router == u ? cc->z.router :
						       cc->a.router;
			if (g->failed_circuit[c] || g->failed_router[v] ||
			    seen[v])
				continue;
			seen[v] = true;
			queue[tail++] = v;
		}
	}
	free(seen);
	free(queue);
	return ok;
}

static void title(struct gctx *g, const struct nsp_topology_opts *o)
{
	const struct nsp_model *m = g->m;
	struct nsp_buf *b = label(g);
	nsp_buf_puts(g->b, "\tlabel=\"");
	q(b, m->name);
	if (o->nfail) {
		nsp_buf_puts(b, "\\nafter the failure of ");
		for (size_t i = 0; i < o->nfail; i++) {
			nsp_buf_puts(b, i ? ", " : "");
			q(b, o->fail[i]);
		}
		size_t cut = 0;
		for (size_t i = 0; i < m->ndemands; i++) {
			const struct nsp_demand *d = &m->demands[i];
			if (connected(g, d))
				continue;
			nsp_buf_puts(b, cut++ ? ", " : "\\ncut: ");
			q(b, nsp_endpoint_id(m, d->from));
			nsp_buf_puts(b, " -> ");
			q(b, nsp_endpoint_id(m, d->to));
		}
		if (!cut)
			nsp_buf_puts(b, "\\nevery demand still connected");
	}
	put_label(g);
	nsp_buf_puts(g->b, "\";\n");
}

/* Append "a, b, c" of a tag list. */
static void tags(struct nsp_buf *b, const struct nsp_strs *t)
{
	for (size_t i = 0; i < t->n; i++) {
		nsp_buf_puts(b, i ? ", " : "");
		q(b, t->v[i]);
	}
}

static void router_node(struct gctx *g, size_t r, const char *indent)
{
	const struct nsp_router *rr = &g->m->routers[r];
	struct nsp_buf *b = g->b;
	bool failed = g->failed_router[r];
	static const char *const shape[] = {"box", "box", "hexagon"};
	static const char *const role[] = {"cpe", "edge", "exchange"};
	nsp_buf_printf(b, "%s\"r:", indent);
	q(b, rr->id);
	nsp_buf_printf(b, "\" [shape=%s, label=\"", shape[rr->role]);
	struct nsp_buf *l = label(g);
	nsp_buf_puts(l, failed ? "\xe2\x9c\x97 " : "");
	q(l, rr->id);
	nsp_buf_printf(l, "\\n%s", role[rr->role]);
	if (rr->has_asn)
		nsp_buf_printf(l, " AS%u", (unsigned)rr->asn);
	if (rr->gateway) {
		nsp_buf_puts(l, "\\ngateway ");
		q(l, rr->gateway);
	}
	if (rr->srlg.n) {
		nsp_buf_puts(l, "\\nsrlg: ");
		tags(l, &rr->srlg);
	}
	put_label(g);
	const char *col = failed ? FAILED_COLOR : color_of(g, rr->id);
	nsp_buf_printf(b, "\", color=\"%s\", fontcolor=\"%s\"%s", col,
		       failed ? FAILED_COLOR : PLAIN_COLOR,
		       failed ? ", style=\"rounded,dashed\"" : "");
	dom_id(g, b, 'R', r);
	nsp_buf_puts(b, "];\n");
}

/*
 * The loads after the --fail elements fail, from the failure analysis: per
 * demand, the worst circuit and its load (every demand sharing it counted).
 */
static void overloads(struct gctx *g, const struct nsp_topology_opts *o)
{
	const struct nsp_model *m = g->m;
	const struct nsp_analysis *a = o->fa;
	size_t *fail = nsp_xcalloc(o->nfail + 1, sizeof(size_t));
	size_t nfail = 0;
	for (size_t i = 0; i < o->nfail; i++) {
		const char *name = o->fail[i];
		const char *colon = strchr(name, ':');
		for (size_t e = 0; e < a->nelems; e++) {
			const struct nsp_felem *el = &a->elems[e];
			const char *cls = nsp_class_names[el->cls];
			size_t cl = strlen(cls);
			bool hit = !strcmp(el->name, name) ||
				   (colon && (size_t)(colon - name) == cl &&
				    !strncmp(name, cls, cl) &&
				    !strcmp(el->name, colon + 1));
			if (hit)
				fail[nfail++] = e;
			if (hit)
				break;
		}
	}
	for (size_t d = 0; d < m->ndemands; d++) {
		struct nsp_outcome out;
		nsp_analysis_eval(&out, a, d, fail, nfail);
		if (!out.connected || !out.sized ||
		    out.worst_circuit == NSP_NONE || out.worst_share <= 1)
			continue;
		size_t c = out.worst_circuit;
		if (out.worst_load > g->load[c])
			g->load[c] = out.worst_load;
		g->usable[c] = a->usable[c];
	}
	free(fail);
}

static void circuit_edge(struct gctx *g, size_t c)
{
	const struct nsp_circuit *cc = &g->m->circuits[c];
	struct nsp_buf *b = g->b;
	bool failed = g->failed_circuit[c];
	bool over = g->load[c] > 0;
	static const char *const role[] = {"active", "primary", "backup"};
	nsp_buf_puts(b, "\t\"r:");
	q(b, g->m->routers[cc->a.router].id);
	nsp_buf_puts(b, "\" -> \"r:");
	q(b, g->m->routers[cc->z.router].id);
	nsp_buf_puts(b, "\" [label=\"");
	struct nsp_buf *l = label(g);
	nsp_buf_puts(l, failed ? "\xe2\x9c\x97 " : "");
	q(l, cc->id);
	nsp_buf_printf(l, "\\n%llu Mbit/s, %s",
		       (unsigned long long)cc->bandwidth_mbps, role[cc->role]);
	if (cc->carrier) {
		nsp_buf_puts(l, "\\n");
		q(l, cc->carrier);
	}
	if (cc->srlg.n) {
		nsp_buf_puts(l, "\\nsrlg: ");
		tags(l, &cc->srlg);
	}
	if (over)
		nsp_buf_printf(l, "\\noverloaded: %.0f of %.0f Mbit/s (%.0f%%)",
			       g->load[c], g->usable[c],
			       100 * g->load[c] / g->usable[c]);
	put_label(g);
	nsp_buf_puts(b, "\"");
	if (cc->a.port) {
		nsp_buf_puts(b, ", taillabel=\"");
		q(b, cc->a.port);
		nsp_buf_puts(b, "\"");
	}
	if (cc->z.port) {
		nsp_buf_puts(b, ", headlabel=\"");
		q(b, cc->z.port);
		nsp_buf_puts(b, "\"");
	}
	const char *col = failed ? FAILED_COLOR :
			  over	 ? sev_color[NSP_ERROR] :
				   color_of(g, cc->id);
	dom_id(g, b, 'K', c);
	nsp_buf_printf(b, ", color=\"%s\", fontcolor=\"%s\"%s%s%s];\n", col,
		       failed ? FAILED_COLOR :
		       over   ? sev_color[NSP_ERROR] :
				PLAIN_COLOR,
		       over ? ", penwidth=3" : "",
		       failed ? ", style=dashed" : "",
		       cc->role == NSP_CROLE_BACKUP && !failed ?
			       ", style=\"bold,dotted\"" : "");
}

static void pop_cluster(struct gctx *g, size_t p)
{
	const struct nsp_pop *pp = &g->m->pops[p];
	struct nsp_buf *b = g->b;
	bool failed = g->failed_pop[p];
	nsp_buf_printf(b, "\tsubgraph \"cluster_pop_%zu\" {\n\t\tlabel=\"",
		       p);
	struct nsp_buf *l = label(g);
	nsp_buf_puts(l, failed ? "\xe2\x9c\x97 " : "");
	nsp_buf_puts(l, "PoP ");
	q(l, pp->id);
	if (pp->metro || pp->facility) {
		nsp_buf_puts(l, "\\n");
		if (pp->metro) {
			nsp_buf_puts(l, "metro ");
			q(l, pp->metro);
		}
		if (pp->facility) {
			nsp_buf_puts(l, pp->metro ? ", facility " :
						    "facility ");
			q(l, pp->facility);
		}
	}
	if (pp->edge_domain) {
		nsp_buf_puts(l, "\\nedge domain ");
		q(l, pp->edge_domain);
	}
	if (pp->srlg.n) {
		nsp_buf_puts(l, "\\nsrlg: ");
		tags(l, &pp->srlg);
	}
	put_label(g);
	const char *col = failed ? FAILED_COLOR : color_of(g, pp->id);
	nsp_buf_printf(b, "\";\n\t\tcolor=\"%s\"; fontcolor=\"%s\"; "
			  "style=\"rounded%s\";\n",
		       col, failed ? FAILED_COLOR : PLAIN_COLOR,
		       failed ? ",dashed" : "");
	if (g->idp)
		nsp_buf_printf(b, "\t\tid=\"%sP%zu\";\n", g->idp, p);
	for (size_t r = 0; r < g->m->nrouters; r++)
		if (g->m->routers[r].pop == p)
			router_node(g, r, "\t\t");
	nsp_buf_puts(b, "\t}\n");
}

static void endpoints(struct gctx *g)
{
	const struct nsp_model *m = g->m;
	struct nsp_buf *b = g->b;
	for (size_t s = 0; s < m->nsites; s++) {
		nsp_buf_puts(b, "\t\"s:");
		q(b, m->sites[s].id);
		nsp_buf_puts(b, "\" [shape=house, label=\"site ");
		q(b, m->sites[s].id);
		nsp_buf_printf(b, "\", color=\"%s\"",
			       color_of(g, m->sites[s].id));
		dom_id(g, b, 'S', s);
		nsp_buf_puts(b, "];\n");
	}
	for (size_t c = 0; c < m->nclouds; c++) {
		nsp_buf_puts(b, "\t\"c:");
		q(b, m->clouds[c].id);
		nsp_buf_printf(b, "\" [shape=ellipse, label=\"%s ",
			       nsp_provider_names[m->clouds[c].provider]);
		q(b, m->clouds[c].id);
		nsp_buf_printf(b, "\", color=\"%s\"",
			       color_of(g, m->clouds[c].id));
		dom_id(g, b, 'C', c);
		nsp_buf_puts(b, "];\n");
	}
	for (size_t r = 0; r < m->nrouters; r++) {
		const struct nsp_router *rr = &m->routers[r];
		if (rr->role == NSP_ROLE_CPE) {
			nsp_buf_puts(b, "\t\"s:");
			q(b, m->sites[rr->site].id);
			nsp_buf_puts(b, "\" -> \"r:");
			q(b, rr->id);
			nsp_buf_puts(b, "\" [style=dotted, arrowhead=none];\n");
		} else if (rr->role == NSP_ROLE_EDGE) {
			nsp_buf_puts(b, "\t\"r:");
			q(b, rr->id);
			nsp_buf_puts(b, "\" -> \"c:");
			q(b, m->clouds[rr->cloud].id);
			nsp_buf_puts(b, "\" [style=dotted, arrowhead=none];\n");
		}
	}
}

size_t nsp_topology_size(const struct nsp_model *m)
{
	/* nodes: sites, clouds, routers; edges: circuits, endpoint links */
	size_t n = m->nsites + m->nclouds + m->nrouters + m->ncircuits;
	for (size_t r = 0; r < m->nrouters; r++)
		n += m->routers[r].role != NSP_ROLE_EXCHANGE;
	return n;
}

int nsp_topology_dot(char **out, const struct nsp_model *m,
		  const struct nsp_topology_opts *opts, char **err)
{
	struct nsp_buf b = {0};
	struct gctx g = {.m = m, .b = &b, .idp = opts->id_prefix};
	int ret = -1;
	g.failed_circuit = nsp_xcalloc(m->ncircuits + 1, sizeof(bool));
	g.failed_router = nsp_xcalloc(m->nrouters + 1, sizeof(bool));
	g.failed_pop = nsp_xcalloc(m->npops + 1, sizeof(bool));
	*out = NULL;
	*err = NULL;
	g.load = nsp_xcalloc(m->ncircuits + 1, sizeof(double));
	g.usable = nsp_xcalloc(m->ncircuits + 1, sizeof(double));
	note_worst(&g, opts->findings);
	for (size_t i = 0; i < opts->nfail; i++)
		if (!fail_element(&g, opts->fail[i])) {
			*err = nsp_xasprintf(
				"--fail: '%s' names no circuit, router, PoP, "
				"port (router:port), facility:, metro:, "
				"edge_domain:, carrier: or srlg: of the design",
				opts->fail[i]);
			goto out;
		}
	if (opts->nfail && opts->fa)
		overloads(&g, opts);
	nsp_buf_puts(&b, "digraph nospof {\n");
	nsp_buf_puts(&b, "\tgraph [rankdir=LR, fontname=\"Helvetica\", "
			 "fontsize=12, labelloc=t, nodesep=0.4, "
			 "ranksep=1.2];\n");
	nsp_buf_puts(&b, "\tnode [fontname=\"Helvetica\", fontsize=10, "
			 "style=rounded, penwidth=1.5];\n");
	nsp_buf_puts(&b, "\tedge [fontname=\"Helvetica\", fontsize=9, "
			 "penwidth=1.5, arrowhead=none, labelfontsize=8, "
			 "labeldistance=2.5, labelangle=30, "
			 "labelfontcolor=\"#666666\"];\n");
	title(&g, opts);
	endpoints(&g);
	for (size_t r = 0; r < m->nrouters; r++)
		if (m->routers[r].pop == NSP_NONE)
			router_node(&g, r, "\t");
	for (size_t p = 0; p < m->npops; p++)
		pop_cluster(&g, p);
	for (size_t c = 0; c < m->ncircuits; c++)
		circuit_edge(&g, c);
	nsp_buf_puts(&b, "}\n");
	*out = nsp_buf_detach(&b);
	ret = 0;
out:
	nsp_buf_free(&b);
	nsp_buf_free(&g.lab);
	nsp_map_free(&g.worst);
	free(g.load);
	free(g.usable);
	free(g.failed_circuit);
	free(g.failed_router);
	free(g.failed_pop);
	return ret;
}
