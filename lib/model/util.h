/*
 * Small shared helpers: allocation, growable strings, a string map, escaping,
 * and the wording of numbers in messages (durations, percentages, plurals).
 */
#ifndef NSP_UTIL_H
#define NSP_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
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
/*
 * Print text's words wrapped at 78 columns and a newline: the first line
 * goes on from column col, every later one starts with indent spaces.
 */
void nsp_print_wrapped(FILE *out, const char *text, size_t col,
		       size_t indent);

const char *nsp_did_you_mean(const char *word, const char *const *cands,
			     size_t n);

/*
 * Open the shared library soname (dlopen) and copy the address of each
 * symbol names[i] into the pointer slots[i] points to (a function or data
 * pointer of the caller's), for the libraries few commands need. NULL, or
 * what is missing (to be freed); the library stays open.
 */
char *nsp_dl_open(const char *soname, const char *const *names,
		  void *const *slots, size_t n);

/*
 * Durations in messages: one unit per message, ms when the longest
 * duration the message prints is below 10 s, s at or above. Print every
 * duration of a message with nsp_duration_in and the unit of its longest.
 */
enum nsp_time_unit { NSP_UNIT_MS, NSP_UNIT_S };
enum nsp_time_unit nsp_time_unit_for(uint64_t longest_ms);
/* "900 ms", "0.9 s", "90 s", "1.25 s": ms in unit u. */
char *nsp_duration_in(uint64_t ms, enum nsp_time_unit u);
/* A duration on its own: in the unit nsp_time_unit_for(ms) picks. */
char *nsp_duration_text(uint64_t ms);

/*
 * A percentage such as an availability, with at least four decimals and
 * as many more as it takes (up to 12) so that the text never reaches
 * limit when v is below it, nor 0 when v is above 0: 99.99997 below 100
 * is "99.99997", never "100.0000". nsp_percent_text uses limit 100.
 */
char *nsp_percent_below(double v, double limit);
char *nsp_percent_text(double v);
/* A percentage given in the input (a target, an SLA): "99.99", "99.999". */
char *nsp_percent_given(double v);

/* "1 element", "2 elements": n and the singular or the plural. */
char *nsp_count(size_t n, const char *one, const char *many);

/* Parse plain decimal digits (no sign, no leading zero) up to max. */
bool nsp_parse_uint(const char *s, size_t len, uint64_t max, uint64_t *out);
/* Parse a plain decimal number: digits, optionally '.' and digits. */
bool nsp_parse_decimal(const char *s, size_t len, double *out);

struct nsp_date {
	int year, month, day;
};
/* Parse YYYY-MM-DD into a real calendar date; false when it is not one. */
bool nsp_date_parse(const char *s, struct nsp_date *d);

#endif
