/* Small shared helpers: allocation, growable strings, a string map, escaping. */
#include "util.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Abort with a message when memory is exhausted. */
static void oom(void)
{
	fputs("nospof: out of memory\n", stderr);
	abort();
}

void *nsp_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *nsp_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *nsp_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *nsp_xstrdup(const char *s)
{
	return nsp_xstrndup(s, strlen(s));
}

char *nsp_xstrndup(const char *s, size_t n)
{
	char *p = nsp_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *nsp_xvasprintf(const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	char *p = nsp_xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *nsp_xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = nsp_xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void nsp_grow(void **p, size_t *cap, size_t n, size_t sz)
{
	if (n <= *cap)
		return;
	size_t c = *cap ? *cap : 8;
	while (c < n)
		c *= 2;
	*p = nsp_xrealloc(*p, c * sz);
	*cap = c;
}

struct nsp_arena_chunk {
	struct nsp_arena_chunk *next;
	size_t used, size;
	max_align_t data[];
};

/* n bytes at a multiple of align (a power of two up to max_align_t's). */
static void *arena_alloc(struct nsp_arena *a, size_t n, size_t align)
{
	struct nsp_arena_chunk *c = a->head;
	size_t off = c ? (c->used + align - 1) & ~(align - 1) : 0;
	if (!c || off > c->size || c->size - off < n) {
		size_t size = n > 65536 ? n : 65536;
		c = nsp_xmalloc(sizeof(*c) + size);
		c->size = size;
		c->next = a->head;
		a->head = c;
		off = 0;
	}
	c->used = off + n;
	return (char *)c->data + off;
}

void *nsp_arena_alloc(struct nsp_arena *a, size_t n)
{
	/* every type the arena holds needs at most a pointer's alignment */
	return arena_alloc(a, n,
			   _Alignof(uint64_t) > _Alignof(void *) ?
				   _Alignof(uint64_t) :
				   _Alignof(void *));
}

char *nsp_arena_strndup(struct nsp_arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void nsp_arena_free(struct nsp_arena *a)
{
	struct nsp_arena_chunk *c = a->head;
	while (c) {
		struct nsp_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
}

void nsp_buf_add(struct nsp_buf *b, const char *s, size_t n)
{
	NSP_GROW(b->s, b->cap, b->len + n + 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void nsp_buf_puts(struct nsp_buf *b, const char *s)
{
	nsp_buf_add(b, s, strlen(s));
}

void nsp_buf_putc(struct nsp_buf *b, char c)
{
	nsp_buf_add(b, &c, 1);
}

/*
 * Formatted straight into the buffer's spare room: one vsnprintf when it
 * fits (the usual case once the buffer has grown), a second after growing.
 */
void nsp_buf_printf(struct nsp_buf *b, const char *fmt, ...)
{
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	int n = vsnprintf(room ? b->s + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		n = 0;
	} else if ((size_t)n >= room) {
		NSP_GROW(b->s, b->cap, b->len + (size_t)n + 1);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	b->len += (size_t)n;
	if (b->s)
		b->s[b->len] = '\0';
}

char *nsp_buf_detach(struct nsp_buf *b)
{
	char *s = b->s ? b->s : nsp_xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void nsp_buf_free(struct nsp_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* FNV-1a over the key bytes. */
static size_t hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return (size_t)(h ^ (h >> 29));
}

void *nsp_map_get(const struct nsp_map *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	size_t i = hash(key, len) & (m->cap - 1);
	while (m->keys[i]) {
		if (m->lens[i] == len && !memcmp(m->keys[i], key, len))
			return m->vals[i];
		i = (i + 1) & (m->cap - 1);
	}
	return NULL;
}

/* Double the table and re-insert every entry. */
static void map_rehash(struct nsp_map *m)
{
	struct nsp_map old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = nsp_xcalloc(m->cap, sizeof(*m->keys));
	m->lens = nsp_xcalloc(m->cap, sizeof(*m->lens));
	m->vals = nsp_xcalloc(m->cap, sizeof(*m->vals));
	m->n = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i])
			nsp_map_put(m, old.keys[i], old.lens[i], old.vals[i]);
	free(old.keys);
	free(old.lens);
	free(old.vals);
}

void *nsp_map_put(struct nsp_map *m, const char *key, size_t len, void *val)
{
	if ((m->n + 1) * 2 > m->cap)
		map_rehash(m);
	size_t i = hash(key, len) & (m->cap - 1);
	while (m->keys[i]) {
		if (m->lens[i] == len && !memcmp(m->keys[i], key, len)) {
			void *prev = m->vals[i];
			m->vals[i] = val;
			return prev;
		}
		i = (i + 1) & (m->cap - 1);
	}
	m->keys[i] = key;
	m->lens[i] = len;
	m->vals[i] = val;
	m->n++;
	return NULL;
}

void nsp_map_free(struct nsp_map *m)
{
	free(m->keys);
	free(m->lens);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* Decode one UTF-8 sequence; returns its length or 0 when invalid. */
static size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t n;
	uint32_t c, min;
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2, c = s[0] & 0x1f, min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3, c = s[0] & 0x0f, min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n > len)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* Whether a code point must not reach an output raw. */
static bool unsafe_cp(uint32_t c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
	       c == 0x061c || c == 0x200e || c == 0x200f ||
	       (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	       c == 0x2028 || c == 0x2029 || c == 0xfeff || c == 0xfffe ||
	       c == 0xffff || (c >= 0x200b && c <= 0x200d) || c == 0x2060;
}

void nsp_buf_escaped(struct nsp_buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (!n) {
			nsp_buf_printf(b, "\\x%02X", p[i]);
			i++;
			continue;
		}
		if (unsafe_cp(cp)) {
			if (cp < 0x100)
				nsp_buf_printf(b, "\\x%02X", (unsigned)cp);
			else
				nsp_buf_printf(b, "\\u{%04X}", (unsigned)cp);
		} else {
			nsp_buf_add(b, s + i, n);
		}
		i += n;
	}
	if (!b->s)
		nsp_buf_add(b, "", 0);
}

char *nsp_escape(const char *s, size_t len)
{
	struct nsp_buf b = {0};
	nsp_buf_escaped(&b, s, len);
	return nsp_buf_detach(&b);
}

size_t nsp_invisible_at(const char *s, size_t len, uint32_t *cp)
{
	uint32_t c;
	size_t n = len ? utf8_decode((const unsigned char *)s, len, &c) : 0;
	if (!n || !((c >= 0x200b && c <= 0x200d) || c == 0x2060 ||
		    c == 0xfeff))
		return 0;
	*cp = c;
	return n;
}

const char *nsp_invisible_name(uint32_t cp)
{
	switch (cp) {
	case 0x200b:
		return "zero width space";
	case 0x200c:
		return "zero width non-joiner";
	case 0x200d:
		return "zero width joiner";
	case 0x2060:
		return "word joiner";
	default:
		return "zero width no-break space";
	}
}

size_t nsp_edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > cap || la > 64 || lb > 64)
		return cap + 1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best = i;
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t v = diag + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (up + 1 < v)
				v = up + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > cap)
			return cap + 1;
	}
	return row[lb];
}

const char *nsp_did_you_mean(const char *word, const char *const *cands,
			     size_t n)
{
	size_t len = strlen(word);
	size_t cap = len < 4 ? 1 : len < 8 ? 2 : 3;
	const char *best = NULL;
	size_t bestd = cap + 1;
	for (size_t i = 0; i < n; i++) {
		size_t d = nsp_edit_distance(word, cands[i], cap);
		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	return best;
}

bool nsp_parse_uint(const char *s, size_t len, uint64_t max, uint64_t *out)
{
	if (!len || len > 20 || (s[0] == '0' && len > 1))
		return false;
	uint64_t v = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		unsigned d = (unsigned)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (v > max)
		return false;
	*out = v;
	return true;
}

bool nsp_parse_decimal(const char *s, size_t len, double *out)
{
	/* Locale-independent, exact for up to 15 significant digits. */
	size_t i = 0, digits = 0, frac = 0;
	uint64_t v = 0;
	while (i < len && s[i] >= '0' && s[i] <= '9') {
		v = v * 10 + (uint64_t)(s[i] - '0');
		i++, digits++;
		if (digits > 15)
			return false;
	}
	if (!digits)
		return false;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			v = v * 10 + (uint64_t)(s[i] - '0');
			i++, frac++;
			if (digits + frac > 15)
				return false;
		}
		if (!frac)
			return false;
	}
	if (i != len)
		return false;
	double scale = 1;
	for (size_t k = 0; k < frac; k++)
		scale *= 10;
	*out = (double)v / scale;
	return true;
}

enum nsp_time_unit nsp_time_unit_for(uint64_t longest_ms)
{
	return longest_ms < 10000 ? NSP_UNIT_MS : NSP_UNIT_S;
}

char *nsp_duration_in(uint64_t ms, enum nsp_time_unit u)
{
	if (u == NSP_UNIT_MS)
		return nsp_xasprintf("%llu ms", (unsigned long long)ms);
	/* seconds, with the milliseconds as decimals, trailing zeros cut */
	char frac[8] = "";
	unsigned rest = (unsigned)(ms % 1000);
	if (rest) {
		snprintf(frac, sizeof(frac), ".%03u", rest);
		size_t n = strlen(frac);
		while (frac[n - 1] == '0')
			frac[--n] = '\0';
	}
	return nsp_xasprintf("%llu%s s", (unsigned long long)(ms / 1000), frac);
}

char *nsp_duration_text(uint64_t ms)
{
	return nsp_duration_in(ms, nsp_time_unit_for(ms));
}

char *nsp_percent_below(double v, double limit)
{
	char buf[64];
	for (int digits = 4;; digits++) {
		snprintf(buf, sizeof(buf), "%.*f", digits, v);
		if (digits >= 12)
			break;
		double shown = strtod(buf, NULL);
		if (v < limit && shown >= limit)
			continue;
		if (v > 0 && shown <= 0)
			continue;
		break;
	}
	return nsp_xstrdup(buf);
}

char *nsp_percent_text(double v)
{
	return nsp_percent_below(v, 100);
}

char *nsp_percent_given(double v)
{
	return nsp_xasprintf("%.15g", v);
}

char *nsp_count(size_t n, const char *one, const char *many)
{
	return nsp_xasprintf("%zu %s", n, n == 1 ? one : many);
}

/* Whether y is a leap year. */
static bool leap(int y)
{
	return (y % 4 == 0 && y % 100) || y % 400 == 0;
}

/* Parse a calendar date YYYY-MM-DD; see model.h. */
bool nsp_date_parse(const char *s, struct nsp_date *d)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	d->year = atoi(s);
	d->month = atoi(s + 5);
	d->day = atoi(s + 8);
	if (d->month < 1 || d->month > 12 || d->day < 1)
		return false;
	int dm = days[d->month - 1] + (d->month == 2 && leap(d->year));
	return d->day <= dm;
}

void nsp_print_wrapped(FILE *out, const char *text, size_t col,
		       size_t indent)
{
	bool fresh = true; /* nothing printed on this line yet */
	const char *p = text;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (!len)
			break;
		if (!fresh && col + 1 + len > 78) {
			fprintf(out, "\n%*s", (int)indent, "");
			col = indent;
		} else if (!fresh) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, len, out);
		col += len;
		fresh = false;
		p += len;
	}
	fputc('\n', out);
}

char *nsp_dl_open(const char *soname, const char *const *names,
		  void *const *slots, size_t n)
{
	void *h = dlopen(soname, RTLD_NOW | RTLD_GLOBAL);
	if (!h)
		return nsp_xasprintf("%s cannot be loaded", soname);
	for (size_t i = 0; i < n; i++) {
		void *sym = dlsym(h, names[i]);
		if (!sym) {
			dlclose(h);
			return nsp_xasprintf("%s lacks %s", soname, names[i]);
		}
		memcpy(slots[i], &sym, sizeof(sym));
	}
	return NULL;
}
