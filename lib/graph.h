/* The topology picture: Graphviz DOT, and SVG rendered with libgvc. */
#ifndef NSP_GRAPH_H
#define NSP_GRAPH_H

#include <stdbool.h>
#include <stdio.h>

#include "engine.h"
#include "model.h"

/* What to draw on top of the topology. */
struct nsp_graph_opts {
	const struct nsp_findings *findings; /* colour by worst finding */
	const char *const *fail; /* elements to draw failed, or NULL */
	size_t nfail;
};

/*
 * Write the design as a DOT graph: sites and clouds as endpoints, PoPs as
 * clusters, routers as nodes, circuits as edges. Returns 0, or -1 with a
 * message in *err (to free) when a --fail element names nothing.
 */
int nsp_graph_dot(char **out, const struct nsp_model *m,
		  const struct nsp_graph_opts *opts, char **err);

/* Lay DOT text out with Graphviz's dot engine and render it as SVG. */
int nsp_graph_svg(FILE *out, const char *dot, char **err);

#endif
