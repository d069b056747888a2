/* Input errors: located messages collected while a design is loaded. */
#ifndef NSP_DIAG_H
#define NSP_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where in a design file something is: 1-based line and column. */
struct nsp_loc {
	uint32_t line, col;
};

struct nsp_diag {
	struct nsp_loc loc;
	char *pointer; /* JSON Pointer of the offending node, "" if unknown */
	char *msg;     /* already escaped for output */
};

/* At most this many input errors are kept per file; then a last note. */
#define NSP_DIAG_MAX 100

struct nsp_diags {
	struct nsp_diag *v;
	size_t n, cap;
	bool truncated;
};

void nsp_diags_add(struct nsp_diags *d, struct nsp_loc loc,
		   const char *pointer, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void nsp_diags_free(struct nsp_diags *d);

#endif
