/* SVG of a DOT graph, laid out in-process by Graphviz's dot engine. */
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"

/* Graphviz reports problems through this hook instead of stderr. */
static char *gv_error;

static int gv_errf(char *msg)
{
	if (!gv_error)
		gv_error = nsp_escape(msg, strlen(msg));
	return 0;
}

int nsp_graph_svg(FILE *out, const char *dot, char **err)
{
	GVC_t *gvc = NULL;
	Agraph_t *g = NULL;
	char *svg = NULL;
	unsigned int len = 0;
	int ret = -1;

	*err = NULL;
	free(gv_error);
	gv_error = NULL;
	agseterrf(gv_errf);
	agseterr(AGERR);
	gvc = gvContext();
	if (!gvc) {
		*err = nsp_xstrdup("cannot start Graphviz");
		goto out;
	}
	g = agmemread(dot);
	if (!g || gvLayout(gvc, g, "dot") != 0) {
		*err = nsp_xasprintf("Graphviz cannot lay the graph out%s%s",
				     gv_error ? ": " : "",
				     gv_error ? gv_error : "");
		goto out;
	}
	if (gvRenderData(gvc, g, "svg", &svg, &len) != 0) {
		*err = nsp_xasprintf("Graphviz cannot render SVG%s%s",
				     gv_error ? ": " : "",
				     gv_error ? gv_error : "");
		gvFreeLayout(gvc, g);
		goto out;
	}
	fwrite(svg, 1, len, out);
	gvFreeRenderData(svg);
	gvFreeLayout(gvc, g);
	ret = ferror(out) ? -1 : 0;
out:
	if (g)
		agclose(g);
	if (gvc)
		gvFreeContext(gvc);
	free(gv_error);
	gv_error = NULL;
	return ret;
}
