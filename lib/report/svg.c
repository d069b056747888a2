/*
 * SVG of a DOT graph, laid out by Graphviz's dot engine (libgvc) in a
 * child process: a crash inside the library (Graphviz 2.42/2.43 frees some
 * rank arrays twice in gvFreeLayout after laying out labelled edges between
 * nodes of one rank) ends the child, never nospof. The library is opened
 * (dlopen of libgvc.so.6, headers from pkg-config's libgvc) at the first
 * SVG: linked, it and its dependencies would load into every command.
 */
#include <errno.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "topology.h"

/* Graphviz reports problems through this hook instead of stderr. */
static char *gv_error;

static int gv_errf(char *msg)
{
	if (!gv_error)
		gv_error = nsp_escape(msg, strlen(msg));
	return 0;
}

/* The Graphviz functions the child calls, by their names. */
static struct {
	__typeof__(agseterrf) *agseterrf;
	__typeof__(agseterr) *agseterr;
	__typeof__(agmemread) *agmemread;
	__typeof__(gvContext) *gvContext;
	__typeof__(gvLayout) *gvLayout;
	__typeof__(gvRenderData) *gvRenderData;
} gv;

/* Open Graphviz into gv, once; NULL, or what is missing. */
static const char *gv_open(void)
{
	static bool tried;
	static char *missing;
	if (!tried) {
		static const char *const names[] = {
			"agseterrf", "agseterr", "agmemread", "gvContext",
			"gvLayout", "gvRenderData"};
		void *const slots[] = {&gv.agseterrf, &gv.agseterr,
				       &gv.agmemread, &gv.gvContext,
				       &gv.gvLayout, &gv.gvRenderData};
		missing = nsp_dl_open("libgvc.so.6", names, slots,
				      sizeof(names) / sizeof(names[0]));
		tried = true;
	}
	return missing;
}

/* Write all of buf to fd; false on an error. */
static bool write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

/*
 * The child: lay the graph out, render it, and send "S" and the SVG, or
 * "E" and a message, down fd; then exit at once. The layout is never
 * freed (gvFreeLayout is where Graphviz crashes; the process ends anyway,
 * as the dot program's does).
 */
static void child(int fd, const char *dot)
{
	static const int fatal[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
	char *svg = NULL, *msg = NULL;
	unsigned int len = 0;
	/* a crash is the parent's to report: no handler of ours runs here */
	for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		signal(fatal[i], SIG_DFL);
	gv.agseterrf(gv_errf);
	gv.agseterr(AGERR);
	GVC_t *gvc = gv.gvContext();
	Agraph_t *g = gvc ? gv.agmemread(dot) : NULL;
	if (!gvc)
		msg = nsp_xstrdup("cannot start Graphviz");
	else if (!g || gv.gvLayout(gvc, g, "dot") != 0)
		msg = nsp_xasprintf("Graphviz cannot lay the graph out%s%s",
				    gv_error ? ": " : "",
				    gv_error ? gv_error : "");
	else if (gv.gvRenderData(gvc, g, "svg", &svg, &len) != 0)
		msg = nsp_xasprintf("Graphviz cannot render SVG%s%s",
				    gv_error ? ": " : "",
				    gv_error ? gv_error : "");
	bool ok = msg ? write_all(fd, "E", 1) && write_all(fd, msg, strlen(msg))
		      : write_all(fd, "S", 1) && write_all(fd, svg, len);
	_exit(ok ? 0 : 1);
}

/* Seconds since start. */
static double since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) +
	       (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Read everything the child sends, telling o->progress while it works. */
static bool read_child(int fd, struct nsp_buf *b,
		       const struct nsp_svg_opts *o)
{
	struct timespec start;
	char chunk[65536];
	unsigned told = 0;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		struct pollfd p = {fd, POLLIN, 0};
		int r = poll(&p, 1, 250);
		if (r < 0 && errno != EINTR)
			return false;
		if (r > 0) {
			ssize_t n = read(fd, chunk, sizeof(chunk));
			if (n < 0 && errno != EINTR)
				return false;
			if (n == 0)
				return true;
			if (n > 0)
				nsp_buf_add(b, chunk, (size_t)n);
		}
		unsigned s = (unsigned)since(&start);
		if (o && o->progress && s > told) {
			told = s;
			o->progress(o->ctx, s);
		}
	}
}

int nsp_topology_svg(FILE *out, const char *dot, const struct nsp_svg_opts *o,
		  char **err)
{
	struct nsp_buf b = {0};
	int fds[2], status = 0, ret = -1;
	pid_t pid;

	*err = NULL;
	const char *missing = gv_open();
	if (missing) {
		*err = nsp_xasprintf("cannot start Graphviz: %s", missing);
		return -1;
	}
	fflush(NULL); /* nothing buffered is written twice */
	if (pipe(fds)) {
		*err = nsp_xasprintf("cannot start Graphviz: %s",
				     strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		*err = nsp_xasprintf("cannot start Graphviz: %s",
				     strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		child(fds[1], dot);
	}
	close(fds[1]);
	bool read_ok = read_child(fds[0], &b, o);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		*err = nsp_xasprintf("Graphviz died of signal %d (%s) laying "
				     "the graph out; the DOT output still "
				     "works: nospof graph FILE | dot -Tsvg",
				     sig, strsignal(sig));
	} else if (!read_ok || !b.len || (b.s[0] != 'S' && b.s[0] != 'E')) {
		*err = nsp_xstrdup("Graphviz ended without an answer; the DOT "
				   "output still works: nospof graph FILE | "
				   "dot -Tsvg");
	} else if (b.s[0] == 'E') {
		*err = nsp_escape(b.s + 1, b.len - 1);
	} else if (fwrite(b.s + 1, 1, b.len - 1, out) == b.len - 1 &&
		   !ferror(out)) {
		ret = 0;
	}
	nsp_buf_free(&b);
	return ret;
}
