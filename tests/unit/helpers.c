/* Shared helpers of the unit tests. */
#include "helpers.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "../../rules/rules.h"

const char base_design[] =
	"nospof: 1\n"
	"name: base\n"
	"sites:\n"
	"  - {id: dc, prefixes: [192.168.0.0/16]}\n"
	"clouds:\n"
	"  - {id: vpc, provider: aws, prefixes: [10.0.0.0/16]}\n"
	"pops:\n"
	"  - {id: pop-a, facility: fa, metro: ma}\n"
	"  - {id: pop-b, facility: fb, metro: mb}\n"
	"routers:\n"
	"  - {id: cpe1, role: cpe, site: dc, asn: 65001}\n"
	"  - {id: cpe2, role: cpe, site: dc, asn: 65001}\n"
	"  - {id: e1, role: edge, pop: pop-a, cloud: vpc, asn: 64512}\n"
	"  - {id: e2, role: edge, pop: pop-b, cloud: vpc, asn: 64512}\n"
	"circuits:\n"
	"  - {id: c1, a: {router: cpe1, port: p1}, z: {router: e1}, "
	"bandwidth_mbps: 1000}\n"
	"  - {id: c2, a: {router: cpe2, port: p1}, z: {router: e2}, "
	"bandwidth_mbps: 1000}\n";

void load_string(struct loaded *l, const char *yaml)
{
	static const struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	memset(l, 0, sizeof(*l));
	l->rc = nsp_load_buffer(&l->m, "test.yaml", yaml, strlen(yaml), &lim,
				&l->diags);
}

void loaded_free(struct loaded *l)
{
	nsp_model_free(l->m);
	nsp_diags_free(&l->diags);
}

bool has_diag(const struct loaded *l, unsigned line, const char *text)
{
	for (size_t i = 0; i < l->diags.n; i++)
		if ((!line || l->diags.v[i].loc.line == line) &&
		    strcasestr(l->diags.v[i].msg, text))
			return true;
	return false;
}

void run_rules(struct nsp_findings *out, const struct nsp_model *m)
{
	nsp_engine_run(out, m, &nsp_builtin_rules, NULL, NULL);
	nsp_findings_sort(out);
}

size_t count_rule(const struct nsp_findings *fs, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < fs->n; i++)
		n += !id || !strcmp(fs->v[i]->rule_id, id);
	return n;
}

char *read_text(const char *path)
{
	char *buf;
	size_t len;
	if (nsp_read_file(&buf, &len, path, 64u << 20))
		return NULL;
	return buf;
}

int run_cmd(const char *cmd, char **out)
{
	FILE *p = popen(cmd, "r");
	struct nsp_buf b = {0};
	char chunk[4096];
	size_t n;
	if (!p)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		nsp_buf_add(&b, chunk, n);
	int st = pclose(p);
	if (out)
		*out = nsp_buf_detach(&b);
	else
		nsp_buf_free(&b);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

const char *nospof_bin(void)
{
	const char *b = getenv("NOSPOF_BIN");
	return b ? b : "build/nospof";
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **list_files(const char *dir, const char *prefix, const char *suffix)
{
	DIR *d = opendir(dir);
	char **v = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while (d && (e = readdir(d))) {
		size_t l = strlen(e->d_name), sl = strlen(suffix);
		if (e->d_name[0] == '.' || l < sl ||
		    strcmp(e->d_name + l - sl, suffix) ||
		    strncmp(e->d_name, prefix, strlen(prefix)))
			continue;
		NSP_GROW(v, cap, n + 2);
		v[n++] = nsp_xasprintf("%s/%s", dir, e->d_name);
	}
	if (d)
		closedir(d);
	NSP_GROW(v, cap, n + 1);
	v[n] = NULL;
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp);
	return v;
}

void free_list(char **list)
{
	for (char **p = list; p && *p; p++)
		free(*p);
	free(list);
}

char tmpdir[64];

void test_tmp_setup(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/nsp-test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

void test_tmp_teardown(void)
{
	char *cmd = nsp_xasprintf("rm -rf '%s'", tmpdir);
	ck_assert_int_eq(run_cmd(cmd, NULL), 0);
	free(cmd);
}
