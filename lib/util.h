/* Small shared helpers: allocation, growable strings, a string map, escaping. */
#ifndef NSP_UTIL_H
#define NSP_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Allocation that aborts on exhaustion: the only sane reaction in a CLI. */
void *nsp_xmalloc(size_t n);
void *nsp_xcalloc(size_t n, size_t size);
void *nsp_xrealloc(void *p, size_t n);
char *nsp_xstrdup(const char *s);
char *nsp_xstrndup(const char *s, size_t n);
char *nsp_xasprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
char *nsp_xvasprintf(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

/* Grow the array *p of *cap elements of size sz so that it holds n. */
void nsp_grow(void **p, size_t *cap, size_t n, size_t sz);
#define NSP_GROW(arr, cap, n)                                                  \
	nsp_grow((void **)&(arr), &(cap), (n), sizeof(*(arr)))

/* A bump allocator: everything is freed at once. */
struct nsp_arena {
	struct nsp_arena_chunk *head;
};
/* Aligned for pointers and 64-bit integers (nothing wider is kept). */
void *nsp_arena_alloc(struct nsp_arena *a, size_t n);
/* A copy of n bytes and a NUL, unaligned. */
char *nsp_arena_strndup(struct nsp_arena *a, const char *s, size_t n);
void nsp_arena_free(struct nsp_arena *a);

/* A growable NUL-terminated string. */
struct nsp_buf {
	char *s;
	size_t len, cap;
};
void nsp_buf_add(struct nsp_buf *b, const char *s, size_t n);
void nsp_buf_puts(struct nsp_buf *b, const char *s);
void nsp_buf_putc(struct nsp_buf *b, char c);
void nsp_buf_printf(struct nsp_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *nsp_buf_detach(struct nsp_buf *b);
void nsp_buf_free(struct nsp_buf *b);

/* An open-addressing map from borrowed NUL-terminated keys to values. */
struct nsp_map {
	const char **keys;
	size_t *lens;
	void **vals;
	size_t cap, n;
};
void *nsp_map_get(const struct nsp_map *m, const char *key, size_t len);
/* Returns the previous value, or NULL when the key was new. */
void *nsp_map_put(struct nsp_map *m, const char *key, size_t len, void *val);
void nsp_map_free(struct nsp_map *m);

/*
 * Text from the input made safe for any output: C0 and C1 controls, DEL,
 * bidirectional controls, invisible characters (zero-width space,
 * non-joiner and joiner, word joiner, byte order mark) and invalid UTF-8
 * become visible escapes (\xNN, \u{XXXX}); everything else is copied.
 * The result is valid UTF-8.
 */
char *nsp_escape(const char *s, size_t len);
void nsp_buf_escaped(struct nsp_buf *b, const char *s, size_t len);

/*
 * The invisible character (U+200B-U+200D, U+2060, U+FEFF) that starts at
 * s, if any: its length in bytes (else 0), its code point in *cp.
 */
size_t nsp_invisible_at(const char *s, size_t len, uint32_t *cp);
/* The Unicode name of one of those characters, in lower case. */
const char *nsp_invisible_name(uint32_t cp);

/* Edit distance, capped: returns cap + 1 when larger than cap. */
size_t nsp_edit_distance(const char *a, const char *b, size_t cap);

/* The candidate closest to word within a small distance, or NULL. */
const char *nsp_did_you_mean(const char *word, const char *const *cands,
			     size_t n);

/* Parse plain decimal digits (no sign, no leading zero) up to max. */
bool nsp_parse_uint(const char *s, size_t len, uint64_t max, uint64_t *out);
/* Parse a plain decimal number: digits, optionally '.' and digits. */
bool nsp_parse_decimal(const char *s, size_t len, double *out);

#endif
