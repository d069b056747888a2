/* Baselines: today's findings recorded, later runs report only new ones. */
#include "baseline.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "load/load.h"
#include "report.h"

/* qsort order of strings. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The identity of rule, file and elements, the elements sorted. */
static char *identity(const char *rule, const char *file, const char **els,
		      size_t n)
{
	const char **v = nsp_xmalloc((n + 1) * sizeof(*v));
	if (n)
		memcpy(v, els, n * sizeof(*v));
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_str);
	struct nsp_buf b = {0};
	char *rel = nsp_path_relative(file);
	nsp_buf_printf(&b, "%s\n%s", rule, rel);
	free(rel);
	for (size_t i = 0; i < n; i++)
		nsp_buf_printf(&b, "\n%s", v[i]);
	free(v);
	return nsp_buf_detach(&b);
}

char *nsp_finding_identity(const struct nsp_finding *f)
{
	return identity(f->rule_id, f->file, (const char **)f->elements,
			f->nelements);
}

bool nsp_baseline_eligible(const struct nsp_finding *f)
{
	return !f->waived && strcmp(f->rule_id, "INPUT");
}

/* Add an identity (taking it) unless it is there already. */
static void add(struct nsp_baseline *b, char *id)
{
	if (nsp_map_get(&b->keys, id, strlen(id))) {
		free(id);
		return;
	}
	NSP_GROW(b->v, b->cap, b->n + 1);
	b->v[b->n++] = id;
	nsp_map_put(&b->keys, id, strlen(id), id);
}

int nsp_baseline_write(FILE *out, const struct nsp_findings *fs)
{
	struct nsp_baseline b = {0};
	for (size_t i = 0; i < fs->n; i++)
		if (nsp_baseline_eligible(fs->v[i]))
			add(&b, nsp_finding_identity(fs->v[i]));
	if (b.n > 1)
		qsort(b.v, b.n, sizeof(*b.v), cmp_str);
	json_t *root = json_object();
	json_object_set_new(root, "format_version", json_integer(1));
	json_object_set_new(root, "tool", json_string("nospof"));
	json_t *arr = json_array();
	for (size_t i = 0; i < b.n; i++) {
		/* rule \n file \n elements... */
		char *copy = nsp_xstrdup(b.v[i]);
		char *save = NULL;
		char *rule = strtok_r(copy, "\n", &save);
		char *file = strtok_r(NULL, "\n", &save);
		json_t *o = json_object();
		json_object_set_new(o, "rule", json_string(rule));
		json_object_set_new(o, "file", json_string(file));
		json_t *els = json_array();
		for (char *e; (e = strtok_r(NULL, "\n", &save));)
			json_array_append_new(els, json_string(e));
		json_object_set_new(o, "elements", els);
		json_array_append_new(arr, o);
		free(copy);
	}
	json_object_set_new(root, "findings", arr);
	int r = json_dumpf(root, out, JSON_INDENT(2));
	fputc('\n', out);
	json_decref(root);
	nsp_baseline_free(&b);
	return r || ferror(out) ? -1 : 0;
}

/* A string member of a JSON object, or NULL. */
static const char *member(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The message of a baseline over the size limit; returns -1. */
static int over_size(const char *name, const struct nsp_limits *lim,
		     char **err)
{
	*err = nsp_xasprintf("baseline '%s' is over the size limit of %zu MiB "
			     "(raise it with --max-input-mb)",
			     name, lim->max_bytes >> 20);
	return -1;
}

/* How deep arrays and objects nest in JSON text (strings skipped). */
static unsigned json_depth(const char *buf, size_t len)
{
	unsigned depth = 0, max = 0;
	bool in_string = false;
	for (size_t i = 0; i < len; i++) {
		char c = buf[i];
		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = false;
		} else if (c == '"') {
			in_string = true;
		} else if (c == '[' || c == '{') {
			if (++depth > max)
				max = depth;
		} else if ((c == ']' || c == '}') && depth) {
			depth--;
		}
	}
	return max;
}

int nsp_baseline_parse(struct nsp_baseline *out, const char *name,
		       const char *buf, size_t len,
		       const struct nsp_limits *lim, char **err)
{
	json_error_t je;
	memset(out, 0, sizeof(*out));
	*err = NULL;
	if (len > lim->max_bytes)
		return over_size(name, lim, err);
	if (json_depth(buf, len) > lim->max_depth) {
		*err = nsp_xasprintf("baseline '%s' nests deeper than %u "
				     "levels (depth limit; raise it with "
				     "--max-depth)",
				     name, lim->max_depth);
		return -1;
	}
	json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		*err = nsp_xasprintf("cannot read the baseline '%s': %s (line "
				     "%d)", name, je.text, je.line);
		return -1;
	}
	json_t *arr = json_object_get(root, "findings");
	json_t *ver = json_object_get(root, "format_version");
	if (!json_is_array(arr) || !json_is_integer(ver) ||
	    json_integer_value(ver) != 1) {
		*err = nsp_xasprintf("'%s' is not a nospof baseline (format "
				     "version 1 with a findings list): write "
				     "one with --write-baseline", name);
		json_decref(root);
		return -1;
	}
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *o = json_array_get(arr, i);
		json_t *els = json_object_get(o, "elements");
		const char *rule = member(o, "rule"), *file = member(o, "file");
		bool ok = rule && file && json_is_array(els);
		size_t n = ok ? json_array_size(els) : 0;
		const char **v = nsp_xcalloc(n + 1, sizeof(*v));
		for (size_t k = 0; k < n && ok; k++) {
			json_t *e = json_array_get(els, k);
			ok = json_is_string(e);
			v[k] = ok ? json_string_value(e) : NULL;
		}
		if (ok)
			add(out, identity(rule, file, v, n));
		free(v);
		if (!ok) {
			*err = nsp_xasprintf("baseline '%s': findings[%zu] "
					     "needs rule, file and elements "
					     "(strings)", name, i);
			json_decref(root);
			nsp_baseline_free(out);
			return -1;
		}
	}
	json_decref(root);
	return 0;
}

int nsp_baseline_read(struct nsp_baseline *out, const char *path,
		      const struct nsp_limits *lim, char **err)
{
	char *buf;
	size_t len;
	memset(out, 0, sizeof(*out));
	int r = nsp_read_file(&buf, &len, path, lim->max_bytes);
	if (r == -1) {
		*err = nsp_xasprintf("cannot read the baseline '%s': %s", path,
				     strerror(errno));
		return -1;
	}
	if (r == -2)
		return over_size(path, lim, err);
	r = nsp_baseline_parse(out, path, buf, len, lim, err);
	free(buf);
	return r;
}

size_t nsp_baseline_apply(const struct nsp_baseline *b,
			  struct nsp_findings *fs)
{
	size_t w = 0, removed = 0;
	for (size_t i = 0; i < fs->n; i++) {
		struct nsp_finding *f = fs->v[i];
		if (nsp_baseline_eligible(f)) {
			char *id = nsp_finding_identity(f);
			bool known = nsp_map_get(&b->keys, id, strlen(id));
			free(id);
			if (known) {
				nsp_finding_free(f);
				removed++;
				continue;
			}
		}
		fs->v[w++] = f;
	}
	fs->n = w;
	return removed;
}

void nsp_baseline_free(struct nsp_baseline *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->v[i]);
	free(b->v);
	nsp_map_free(&b->keys);
	memset(b, 0, sizeof(*b));
}
