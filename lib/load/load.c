/*
 * Loading a design: the libyaml event pass (source.c), a validation of the
 * source tree against the libcyaml schema tables (validate.c: every type
 * error, located), the libcyaml load into raw structs, then the normalise
 * pass that applies defaults, resolves references and checks values into
 * the model (values.c, design.c, circuits.c). This file holds the element
 * context of every message, the libcyaml config, the YAML locator and the
 * entry points.
 */
#include "load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "load_int.h"
#include "schema.h"

/* ---- element context for messages ------------------------------------ */

static const struct {
	const char *list, *kind;
} lists[] = {
	{"sites", "site"},     {"clouds", "cloud"},	{"pops", "pop"},
	{"routers", "router"}, {"circuits", "circuit"}, {"demands", "demand"},
	{"waivers", "waiver"},
};

/* Shorten a value echoed in a message. */
char *nsp_ld_clip(const char *s, size_t len)
{
	if (len <= 64)
		return nsp_xstrndup(s, len);
	size_t cut = 60;
	while (cut && ((unsigned char)s[cut] & 0xc0) == 0x80)
		cut--;
	return nsp_xasprintf("%.*s... (%zu bytes)", (int)cut, s, len);
}

/*
 * The id of item idx of list i (of lists[]) as the source gives it, or
 * NULL: from the tree, or else from the raw structs (the same text).
 */
static const char *item_id(const struct ctx *c, size_t i, unsigned long idx,
			   size_t *len)
{
	if (c->src) {
		char item[64];
		snprintf(item, sizeof(item), "/%s/%lu", lists[i].list, idx);
		const struct nsp_node *id = nsp_node_deref(
			nsp_node_get(nsp_source_at(c->src, item), "id"));
		if (!id || id->kind != NSP_NODE_SCALAR)
			return NULL;
		*len = id->len;
		return id->u.str;
	}
	const struct nsp_raw_design *r = c->raw;
	const char *id = NULL;
#define ID_OF(arr)                                                           \
	if (r && !strcmp(lists[i].list, #arr) && idx < r->arr##_count)       \
		id = r->arr[idx].id;
	ID_OF(sites) ID_OF(clouds) ID_OF(pops) ID_OF(routers) ID_OF(circuits)
#undef ID_OF
	if (id)
		*len = strlen(id);
	return id;
}

/*
 * Describe a pointer for a message: "circuit 'ec-1': bgp.asn" for
 * /circuits/0/bgp/asn, "intent.availability" for /intent/availability.
 */
char *nsp_ld_describe(const struct ctx *c, const char *ptr)
{
	struct nsp_buf b = {0};
	const char *p = ptr;
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		size_t l = strlen(lists[i].list);
		if (p[0] != '/' || strncmp(p + 1, lists[i].list, l) ||
		    p[1 + l] != '/')
			continue;
		char *end;
		unsigned long idx = strtoul(p + 2 + l, &end, 10);
		size_t len = 0;
		const char *id = item_id(c, i, idx, &len);
		if (id && len) {
			char *v = nsp_ld_clip(id, len);
			nsp_buf_printf(&b, "%s '%s'", lists[i].kind, v);
			free(v);
		} else {
			nsp_buf_printf(&b, "%s #%lu", lists[i].kind, idx + 1);
		}
		p = end;
		if (*p)
			nsp_buf_puts(&b, ": ");
		break;
	}
	if (*p == '/')
		p++;
	for (; *p; p++) {
		if (*p == '/') {
			const char *q = p + 1;
			while (*q >= '0' && *q <= '9')
				q++;
			if (q > p + 1 && (*q == '/' || !*q)) {
				nsp_buf_printf(&b, "[%.*s]", (int)(q - p - 1),
					       p + 1);
				p = q - 1;
				continue;
			}
			nsp_buf_putc(&b, '.');
		} else if (*p == '~' && p[1]) {
			nsp_buf_putc(&b, p[1] == '1' ? '/' : '~');
			p++;
		} else {
			nsp_buf_putc(&b, *p);
		}
	}
	if (!b.len)
		nsp_buf_puts(&b, "the top level");
	return nsp_buf_detach(&b);
}

/* The position of a pointer; see load_int.h. */
struct nsp_loc nsp_ld_loc(const struct ctx *c, const char *ptr)
{
	return c->src ? nsp_source_loc(c->src, ptr) :
			nsp_posmap_loc(c->pos, ptr);
}

/* Add an error about the node at ptr, prefixed with its description. */
void nsp_ld_err_at(struct ctx *c, const char *ptr, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = nsp_xvasprintf(fmt, ap);
	va_end(ap);
	char *what = nsp_ld_describe(c, ptr);
	nsp_diags_add(c->diags, nsp_ld_loc(c, ptr), ptr, "%s: %s",
		      what, msg);
	free(what);
	free(msg);
}

/* ---- the YAML locator: pointers to line:col in the design file ------- */

/*
 * What the YAML loader keeps alive for a model: the raw structs, whose
 * strings the model borrows, and the positions. They come from the source
 * tree until the raw structs are built; then the tree gives way to its
 * compact positions (posmap.c), before the normalise pass.
 */
struct yaml_origin {
	struct nsp_source src;
	struct nsp_posmap pos;
	bool compact; /* pos holds the positions, src is freed */
	struct nsp_arena raw; /* what the model borrows of the raw structs */
};

/* The position of a pointer in the design file. */
static struct nsp_loc yaml_loc(const void *data, const char *pointer)
{
	const struct yaml_origin *o = data;
	return o->compact ? nsp_posmap_loc(&o->pos, pointer) :
			    nsp_source_loc(&o->src, pointer);
}

/* Where the node at a pointer ends. */
static struct nsp_loc yaml_end(const void *data, const char *pointer)
{
	const struct yaml_origin *o = data;
	return o->compact ? nsp_posmap_end(&o->pos, pointer) :
			    nsp_source_end(&o->src, pointer);
}

/* Free what the model kept alive: the positions and the raw structs. */
static void yaml_free(void *data)
{
	struct yaml_origin *o = data;
	nsp_arena_free(&o->raw);
	nsp_posmap_free(&o->pos);
	nsp_source_free(&o->src);
	free(o);
}

static const struct nsp_locator_ops yaml_locator = {yaml_loc, yaml_end,
						    yaml_free, NULL};

/* The event pass and the validation; see load.h. */
int nsp_load_tree(struct nsp_source *src, const char **bufp, size_t *lenp,
		  const struct nsp_limits *lim, struct nsp_diags *diags)
{
	const char *buf = *bufp;
	size_t len = *lenp;
	struct ctx c = {.src = src, .diags = diags, .defaults = lim->intent,
			.rules = lim->rules};
	struct nsp_buf ptr = {0};
	size_t before = diags->n;

	memset(src, 0, sizeof(*src));
	/* A UTF-8 byte order mark is allowed and skipped; UTF-16 is not. */
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3;
		len -= 3;
	} else if (len >= 2 && (!memcmp(buf, "\xFF\xFE", 2) ||
				!memcmp(buf, "\xFE\xFF", 2))) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, "",
			      "the file is UTF-16 (it starts with a UTF-16 byte "
			      "order mark): save the design as UTF-8");
		return -1;
	}
	*bufp = buf;
	*lenp = len;
	if (nsp_source_parse(src, buf, len, lim, diags) < 0)
		return -1;
	const struct nsp_node *root = nsp_node_deref(src->root);
	if (nsp_node_is_null(root)) {
		nsp_diags_add(diags, root->loc, "", "the document is empty: a "
			      "design needs at least 'nospof: 1' and a 'name'");
		return -1;
	}
	if (root->kind != NSP_NODE_MAP) {
		nsp_diags_add(diags, root->loc, "", "the top level must be a "
			      "mapping with 'nospof: 1' and 'name', got %s",
			      nsp_ld_node_kind_name(root));
		return -1;
	}
	nsp_ld_validate(&c, root, &nsp_design_schema, &ptr);
	nsp_buf_free(&ptr);
	return diags->n > before ? -1 : 0;
}

/*
 * Load a design: the event pass and the validation, the raw structs built
 * from the same tree, then the normalise pass; see load.h.
 */
/*
 * The text of a file being loaded: mapped, or read into memory. It is let
 * go as soon as the event pass is done with it (strings are copied).
 */
struct text {
	char *buf;
	size_t len;
	bool mapped;
};

/* Unmap or free the text, once. */
static void text_release(struct text *t)
{
	if (t && t->buf) {
		if (t->mapped)
			munmap(t->buf, t->len);
		else
			free(t->buf);
		t->buf = NULL;
	}
}

/* nsp_load_buffer, letting go of the text t (when given) after parsing. */
static int load_text(struct nsp_model **out, const char *name, const char *buf,
		     size_t len, const struct nsp_limits *lim,
		     struct nsp_diags *diags, struct text *t)
{
	struct nsp_model *m = nsp_xcalloc(1, sizeof(*m));
	struct yaml_origin *origin = nsp_xcalloc(1, sizeof(*origin));
	m->where = (struct nsp_locator){&yaml_locator, origin};
	struct ctx c = {.src = &origin->src, .pos = &origin->pos,
			.diags = diags, .m = m, .defaults = lim->intent,
			.rules = lim->rules};
	struct nsp_arena structs = {0}; /* the raw structs, until the model */
	size_t before = diags->n;
	int ret = -1;

	*out = NULL;
	m->file = name;
	int parsed = nsp_load_tree(&origin->src, &buf, &len, lim, diags);
	text_release(t);
	if (parsed < 0)
		goto out;
	/* the typed structs from the same tree: the text is parsed once */
	struct nsp_raw_design *raw = NULL;
	cyaml_err_t e = nsp_build(&origin->raw, &structs,
				  nsp_node_deref(origin->src.root),
				  &nsp_design_schema, (void **)&raw);
	if (e != CYAML_OK) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, "",
			      "cannot load the design: %s", cyaml_strerror(e));
		goto out;
	}
	/*
	 * The values are in the raw structs: keep only the positions of the
	 * tree (and its memory, for the model and the analysis to reuse).
	 */
	c.raw = raw;
	if (nsp_posmap_build(&origin->pos, &origin->src) == 0) {
		nsp_source_free(&origin->src);
		origin->compact = true;
		c.src = NULL;
	}
	nsp_ld_norm_top(&c, raw);
	nsp_ld_norm_elements(&c, raw);
	nsp_ld_norm_routers(&c, raw);
	nsp_ld_norm_circuits(&c, raw);
	nsp_ld_norm_demands(&c, raw);
	nsp_ld_norm_waivers(&c, raw);
	if (diags->n > before)
		goto out;
	nsp_model_derive(m);
	/* the values are in the model: keep only what it borrows */
	nsp_arena_free(&structs);
	*out = m;
	m = NULL;
	ret = 0;
out:
	nsp_arena_free(&structs);
	nsp_model_free(m);
	return ret;
}

int nsp_load_buffer(struct nsp_model **out, const char *name, const char *buf,
		    size_t len, const struct nsp_limits *lim,
		    struct nsp_diags *diags)
{
	return load_text(out, name, buf, len, lim, diags, NULL);
}

/* Whether buf is a nospof design; see load.h. */
bool nsp_buffer_is_design(const char *buf, size_t len,
			  const struct nsp_limits *lim)
{
	struct nsp_source src;
	struct nsp_diags diags = {0};
	bool yes = false;
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3;
		len -= 3;
	}
	if (nsp_source_parse(&src, buf, len, lim, &diags) == 0) {
		yes = nsp_node_get(src.root, "nospof") != NULL;
	} else {
		for (size_t i = 0; i < len && !yes; i++)
			yes = (i == 0 || buf[i - 1] == '\n') &&
			      len - i >= 7 && !memcmp(buf + i, "nospof:", 7);
	}
	nsp_source_free(&src);
	nsp_diags_free(&diags);
	return yes;
}

/* Read a whole file, or standard input for "-"; see load.h. */
int nsp_read_file(char **out, size_t *len, const char *path, size_t max)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	struct nsp_buf b = {0};
	char chunk[65536];
	size_t n;
	int ret = 0;

	*out = NULL;
	*len = 0;
	if (!f)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b.len + n > max) {
			ret = -2;
			break;
		}
		nsp_buf_add(&b, chunk, n);
	}
	if (!ret && ferror(f))
		ret = -1;
	if (f != stdin)
		fclose(f);
	*len = b.len;
	*out = nsp_buf_detach(&b);
	if (ret) {
		free(*out);
		*out = NULL;
	}
	return ret;
}

/*
 * Map a regular file into t; returns 1 when mapped, 0 when it is to be read
 * instead (standard input, a pipe, an empty file, no mapping), -1 or -2 as
 * nsp_read_file.
 */
static int text_map(struct text *t, const char *path, size_t max)
{
	struct stat st;
	if (!strcmp(path, "-"))
		return 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int r = 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		if ((uint64_t)st.st_size > max) {
			r = -2;
		} else {
			/* populated at once: no page fault per page */
			void *p = mmap(NULL, (size_t)st.st_size, PROT_READ,
				       MAP_PRIVATE | MAP_POPULATE, fd, 0);
			if (p != MAP_FAILED) {
				*t = (struct text){p, (size_t)st.st_size,
						   true};
				r = 1;
			}
		}
	}
	close(fd);
	return r;
}

/* Map or read path and load it; see load.h. */
int nsp_load_file(struct nsp_model **out, const char *path,
		  const struct nsp_limits *lim, struct nsp_diags *diags)
{
	struct text t = {0};
	int r = text_map(&t, path, lim->max_bytes);
	if (r == 0)
		r = nsp_read_file(&t.buf, &t.len, path, lim->max_bytes);
	*out = NULL;
	if (r == -1) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, "",
			      "cannot read the file: %s", strerror(errno));
		return -1;
	}
	if (r == -2) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, "",
			      "file is over the size limit of %zu MiB (raise "
			      "it with --max-input-mb)", lim->max_bytes >> 20);
		return -1;
	}
	r = load_text(out, path, t.buf, t.len, lim, diags, &t);
	text_release(&t);
	return r;
}
