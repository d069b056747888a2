/* The topology picture: Graphviz DOT, and SVG rendered with libgvc. */
#ifndef NSP_TOPOLOGY_H
#define NSP_TOPOLOGY_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/engine.h"
#include "model/model.h"

/* What to draw on top of the topology. */
struct nsp_topology_opts {
	const struct nsp_findings *findings; /* colour by worst finding */
	const char *const *fail; /* elements to draw failed, or NULL */
	size_t nfail;
	/* the design's failure analysis: the loads after fail; NULL: none */
	const struct nsp_analysis *fa;
	/*
	 * NULL, or a prefix ("d0-") that gives each element an SVG id: the
	 * prefix, a letter (S site, C cloud, P PoP, R router, K circuit) and
	 * the element's index in the model (the HTML report links by them)
	 */
	const char *id_prefix;
};

/*
 * Write the design as a DOT graph: sites and clouds as endpoints, PoPs as
 * clusters, routers as nodes, circuits as edges. Returns 0, or -1 with a
 * message in *err (to free) when a --fail element names nothing.
 */
int nsp_topology_dot(char **out, const struct nsp_model *m,
		  const struct nsp_topology_opts *opts, char **err);

/* The nodes and edges of the graph nsp_topology_dot draws. */
size_t nsp_topology_size(const struct nsp_model *m);

/* How nsp_topology_svg tells that it is still at work. */
struct nsp_svg_opts {
	/* about once a second, the seconds so far; NULL: not told */
	void (*progress)(void *ctx, unsigned seconds);
	void *ctx;
};

/*
 * Lay DOT text out with Graphviz's dot engine and render it as SVG into
 * out. Graphviz runs in a child process, so that a crash in it cannot end
 * the caller: a child that dies is an error like any other. Returns 0, or
 * -1 with a message in *err (to free; NULL when out could not be written).
 */
int nsp_topology_svg(FILE *out, const char *dot, const struct nsp_svg_opts *o,
		  char **err);

#endif
