/*
 * The repository config, .nospof.yaml: read with the libyaml event pass of
 * source.c (limits, duplicate keys, positions), then checked by hand: it is
 * small, and every problem is reported with its line and column.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/registry.h"
#include "load.h"

static const char *const top_keys[] = {
	"select", "ignore", "severity", "fail_on", "intent",
};
static const char *const intent_keys[] = {
	"mode", "availability", "failover_ms", "survive", "max_utilization",
};
static const char *const modes[] = {"active-active", "active-standby"};
static const char *const fail_levels[] = {"error", "warning", "info",
					  "never"};

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct cfg {
	struct nsp_config *out;
	struct nsp_diags *diags;
	const struct nsp_registry *rules; /* the rules a selector may name */
};

/* Add a problem at node n, prefixed with the key path it is under. */
__attribute__((format(printf, 4, 5))) static void
bad(struct cfg *c, const struct nsp_node *n, const char *where,
    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = nsp_xvasprintf(fmt, ap);
	va_end(ap);
	if (*where)
		nsp_diags_add(c->diags, n->loc, where, "%s: %s", where + 1,
			      msg);
	else
		nsp_diags_add(c->diags, n->loc, where, "%s", msg);
	free(msg);
}

/* A scalar's text, or NULL after a problem when n is not a scalar. */
static const char *scalar(struct cfg *c, const struct nsp_node *n,
			  const char *where, const char *want)
{
	n = nsp_node_deref(n);
	if (n->kind == NSP_NODE_SCALAR && !nsp_node_is_null(n))
		return n->u.str;
	bad(c, n, where, "expected %s", want);
	return NULL;
}

/* The index of s in a table, else -1 after a located problem. */
static int one_of(struct cfg *c, const struct nsp_node *n, const char *where,
		  const char *const *names, size_t count)
{
	const char *s = scalar(c, n, where, "a plain value");
	if (!s)
		return -1;
	for (size_t i = 0; i < count; i++)
		if (!strcmp(s, names[i]))
			return (int)i;
	struct nsp_buf all = {0};
	for (size_t i = 0; i < count; i++)
		nsp_buf_printf(&all, "%s%s", i ? ", " : "", names[i]);
	const char *dym = nsp_did_you_mean(s, names, count);
	if (dym)
		bad(c, n, where, "unknown value '%s' (did you mean '%s'?); "
				 "expected one of %s", s, dym, all.s);
	else
		bad(c, n, where, "unknown value '%s'; expected one of %s", s,
		    all.s);
	nsp_buf_free(&all);
	return -1;
}

/* Check a rule selector (id, prefix or name) and add it to a list. */
static void add_selector(struct cfg *c, const struct nsp_node *n,
			 const char *where, char ***list, size_t *count)
{
	const char *s = scalar(c, n, where, "a rule id, prefix or name");
	if (!s)
		return;
	const char *unknown = nsp_selection_add(c->rules, list, count, s);
	if (!unknown)
		return;
	const char *dym = nsp_registry_suggest(c->rules, unknown);
	if (dym)
		bad(c, n, where, "'%s' matches no rule (did you mean '%s'?)",
		    unknown, dym);
	else
		bad(c, n, where, "'%s' matches no rule (see 'nospof rules')",
		    unknown);
}

/* select / ignore: a list of selectors, or one comma-separated string. */
static void selectors(struct cfg *c, const struct nsp_node *n,
		      const char *key, char ***list, size_t *count)
{
	char where[64];
	n = nsp_node_deref(n);
	if (n->kind == NSP_NODE_SEQ) {
		for (size_t i = 0; i < n->len; i++) {
			snprintf(where, sizeof(where), "/%s/%zu", key, i);
			add_selector(c, n->u.items[i], where, list, count);
		}
		return;
	}
	snprintf(where, sizeof(where), "/%s", key);
	add_selector(c, n, where, list, count);
}

/* severity: {ID: error|warning|info} into the severity overrides. */
static void severity_map(struct cfg *c, const struct nsp_node *n)
{
	struct nsp_selection *sel = &c->out->sel;
	n = nsp_node_deref(n);
	if (n->kind != NSP_NODE_MAP) {
		bad(c, n, "/severity", "expected a mapping of rule ids to "
				       "error, warning or info");
		return;
	}
	for (size_t i = 0; i + 1 < n->len; i += 2) {
		const struct nsp_node *k = nsp_node_deref(n->u.items[i]);
		char where[160];
		snprintf(where, sizeof(where), "/severity/%.100s", k->u.str);
		char **one = NULL;
		size_t none = 0;
		add_selector(c, k, where, &one, &none);
		int sev = one_of(c, n->u.items[i + 1], where,
				 nsp_severity_names, 3);
		if (none && sev >= 0) {
			sel->severity = nsp_xrealloc(
				sel->severity, (sel->nseverity + 1) *
						       sizeof(*sel->severity));
			sel->severity[sel->nseverity].sel = one[0];
			sel->severity[sel->nseverity++].sev =
				(enum nsp_severity)sev;
			one[0] = NULL;
		}
		for (size_t j = 0; j < none; j++)
			free(one[j]);
		free(one);
	}
}

/* A percentage: 0 < v < 100, or v <= 100 when hundred_ok. */
static bool percent(struct cfg *c, const struct nsp_node *n,
		    const char *where, bool hundred_ok, double *out)
{
	const char *s = scalar(c, n, where, "a number");
	if (!s)
		return false;
	if (!nsp_parse_decimal(s, strlen(s), out)) {
		bad(c, n, where, "'%s' is not a plain decimal number (like "
				 "99.99)", s);
		return false;
	}
	if (*out > 0 && (*out < 100 || (hundred_ok && *out == 100)))
		return true;
	bad(c, n, where, "percentage %s is out of range: expected more than 0 "
			 "and %s 100", s, hundred_ok ? "at most" : "less than");
	return false;
}

/* intent: the defaults for designs that leave a field out. */
static void intent_map(struct cfg *c, const struct nsp_node *n)
{
	struct nsp_intent_defaults *d = &c->out->intent;
	n = nsp_node_deref(n);
	if (n->kind != NSP_NODE_MAP) {
		bad(c, n, "/intent", "expected a mapping (mode, availability, "
				     "failover_ms, survive, max_utilization)");
		return;
	}
	for (size_t i = 0; i + 1 < n->len; i += 2) {
		const struct nsp_node *k = nsp_node_deref(n->u.items[i]);
		const struct nsp_node *v = n->u.items[i + 1];
		char where[160];
		snprintf(where, sizeof(where), "/intent/%.100s", k->u.str);
		if (!strcmp(k->u.str, "mode")) {
			int mode = one_of(c, v, where, modes, N(modes));
			d->mode = mode >= 0;
			d->v.mode = mode > 0 ? NSP_MODE_ACTIVE_STANDBY :
					       NSP_MODE_ACTIVE_ACTIVE;
		} else if (!strcmp(k->u.str, "availability")) {
			d->availability = percent(c, v, where, false,
						  &d->v.availability);
		} else if (!strcmp(k->u.str, "max_utilization")) {
			d->max_utilization = percent(c, v, where, true,
						     &d->v.max_utilization);
		} else if (!strcmp(k->u.str, "failover_ms")) {
			const char *s = scalar(c, v, where, "an integer");
			uint64_t ms;
			if (s && nsp_parse_uint(s, strlen(s), 86400000, &ms) &&
			    ms > 0) {
				d->failover_ms = true;
				d->v.failover_ms = ms;
			} else if (s) {
				bad(c, v, where, "'%s' is not an integer "
						 "1..86400000", s);
			}
		} else if (!strcmp(k->u.str, "survive")) {
			const struct nsp_node *l = nsp_node_deref(v);
			if (l->kind != NSP_NODE_SEQ) {
				bad(c, l, where, "expected a list of failure "
						 "classes");
				continue;
			}
			bool ok = true;
			unsigned bits = 0;
			for (size_t j = 0; j < l->len; j++) {
				char w[180];
				snprintf(w, sizeof(w), "%s/%zu", where, j);
				int cls = one_of(c, l->u.items[j], w,
						 nsp_class_names,
						 NSP_CLASS_COUNT);
				ok &= cls >= 0;
				if (cls >= 0)
					bits |= 1u << cls;
			}
			d->survive = ok;
			d->v.survive = bits;
		} else {
			const char *dym = nsp_did_you_mean(k->u.str,
							   intent_keys,
							   N(intent_keys));
			if (dym)
				bad(c, k, "/intent", "unknown key '%s' (did "
					"you mean '%s'?)", k->u.str, dym);
			else
				bad(c, k, "/intent", "unknown key '%s' "
					"(expected one of mode, availability, "
					"failover_ms, survive, "
					"max_utilization)", k->u.str);
		}
	}
}

/* Whether a buffer holds nothing but blank lines and comments. */
static bool blank(const char *buf, size_t len)
{
	bool comment = false;
	for (size_t i = 0; i < len; i++) {
		char ch = buf[i];
		if (ch == '\n')
			comment = false;
		else if (ch == '#')
			comment = true;
		else if (!comment && ch != ' ' && ch != '\t' && ch != '\r')
			return false;
	}
	return true;
}

int nsp_config_parse(struct nsp_config *out, const char *buf, size_t len,
		     const struct nsp_limits *lim, struct nsp_diags *diags)
{
	struct nsp_source src;
	struct cfg c = {out, diags, lim->rules};
	size_t before = diags->n;

	memset(out, 0, sizeof(*out));
	out->fail_on = NSP_ERROR;
	if (blank(buf, len))
		return 0;
	if (nsp_source_parse(&src, buf, len, lim, diags) < 0) {
		nsp_source_free(&src);
		return -1;
	}
	const struct nsp_node *root = nsp_node_deref(src.root);
	if (nsp_node_is_null(root))
		goto out;
	if (root->kind != NSP_NODE_MAP) {
		bad(&c, root, "", "the top level must be a mapping with some "
				  "of select, ignore, severity, fail_on, "
				  "intent");
		goto out;
	}
	for (size_t i = 0; i + 1 < root->len; i += 2) {
		const struct nsp_node *k = nsp_node_deref(root->u.items[i]);
		const struct nsp_node *v = root->u.items[i + 1];
		if (!strcmp(k->u.str, "select")) {
			out->has_select = true;
			selectors(&c, v, "select", &out->sel.select,
				  &out->sel.nselect);
		} else if (!strcmp(k->u.str, "ignore")) {
			out->has_ignore = true;
			selectors(&c, v, "ignore", &out->sel.ignore,
				  &out->sel.nignore);
		} else if (!strcmp(k->u.str, "severity")) {
			severity_map(&c, v);
		} else if (!strcmp(k->u.str, "fail_on")) {
			int f = one_of(&c, v, "/fail_on", fail_levels,
				       N(fail_levels));
			out->has_fail_on = f >= 0;
			if (f >= 0)
				out->fail_on = f == 3 ? NSP_FAIL_NEVER : 2 - f;
		} else if (!strcmp(k->u.str, "intent")) {
			intent_map(&c, v);
		} else {
			const char *dym = nsp_did_you_mean(k->u.str, top_keys,
							   N(top_keys));
			if (dym)
				bad(&c, k, "", "unknown key '%s' (did you "
					"mean '%s'?)", k->u.str, dym);
			else
				bad(&c, k, "", "unknown key '%s' (expected "
					"select, ignore, severity, fail_on or "
					"intent)", k->u.str);
		}
	}
out:
	nsp_source_free(&src);
	return diags->n > before ? -1 : 0;
}

int nsp_config_load(struct nsp_config *out, const char *path,
		    const struct nsp_limits *lim, struct nsp_diags *diags)
{
	char *buf;
	size_t len;
	int r = nsp_read_file(&buf, &len, path, lim->max_bytes);
	memset(out, 0, sizeof(*out));
	out->fail_on = NSP_ERROR;
	if (r == -1) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, "",
			      "cannot read the config file: %s",
			      strerror(errno));
		return -1;
	}
	if (r == -2) {
		nsp_diags_add(diags, (struct nsp_loc){1, 1}, "",
			      "config file is over the size limit of %zu MiB "
			      "(raise it with --max-input-mb)",
			      lim->max_bytes >> 20);
		return -1;
	}
	r = nsp_config_parse(out, buf, len, lim, diags);
	free(buf);
	return r;
}

char *nsp_config_find(const char *dir)
{
	char cwd[PATH_MAX];
	if (!dir) {
		if (!getcwd(cwd, sizeof(cwd)))
			return NULL;
		dir = cwd;
	}
	char *d = nsp_xstrdup(dir);
	for (;;) {
		char *p = nsp_xasprintf("%s%s%s", d,
					d[strlen(d) - 1] == '/' ? "" : "/",
					NSP_CONFIG_NAME);
		if (!access(p, F_OK)) {
			free(d);
			return p;
		}
		free(p);
		char *slash = strrchr(d, '/');
		if (!slash || !strcmp(d, "/"))
			break;
		if (slash == d)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	free(d);
	return NULL;
}

void nsp_config_free(struct nsp_config *c)
{
	nsp_selection_free(&c->sel);
	memset(c, 0, sizeof(*c));
}
