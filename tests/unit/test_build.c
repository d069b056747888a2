/*
 * The typed load from the source tree (lib/load/build.c) against
 * libcyaml's own cyaml_load_data: over every example, rule fixture,
 * hostile input, schema sample, fuzz seed and generated design, a document
 * the loader accepts gives the same raw structs both ways, field by field.
 * And the compact positions (lib/load/posmap.c) against the tree's, for
 * every node of every document that parses.
 */
#include <cyaml/cyaml.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "load/build.h"
#include "load/schema.h"

/* libcyaml with its default allocator and no log. */
static const cyaml_config_t cyaml_cfg = {
	.log_fn = NULL,
	.mem_fn = cyaml_mem,
	.log_level = CYAML_LOG_ERROR,
	.flags = CYAML_CFG_DEFAULT,
};

/*
 * Load buf both ways; returns 1 when both built the same structs, 0 when
 * the loader rejects the document before the typed load.
 */
static int both_ways(const char *buf, size_t len, const char *what)
{
	struct nsp_limits lim = NSP_LIMITS_WITH(&nsp_builtin_rules);
	struct nsp_source src;
	struct nsp_diags diags = {0};
	int same = 0;
	if (nsp_load_tree(&src, &buf, &len, &lim, &diags) == 0) {
		struct nsp_arena arena = {0};
		void *ours = NULL, *theirs = NULL;
		cyaml_err_t e1 = nsp_build(&arena, &arena,
					   nsp_node_deref(src.root),
					   &nsp_design_schema, &ours);
		cyaml_err_t e2 = cyaml_load_data((const uint8_t *)buf, len,
						 &cyaml_cfg, &nsp_design_schema,
						 (cyaml_data_t **)&theirs,
						 NULL);
		ck_assert_msg(e1 == CYAML_OK && e2 == CYAML_OK,
			      "%s: built %s, libcyaml %s", what,
			      cyaml_strerror(e1), cyaml_strerror(e2));
		char *diff = nsp_build_diff(&nsp_design_schema, &ours, &theirs);
		ck_assert_msg(!diff, "%s: the structs differ at %s", what, diff);
		cyaml_free(&cyaml_cfg, &nsp_design_schema, theirs, 0);
		nsp_arena_free(&arena);
		same = 1;
	}
	nsp_source_free(&src);
	nsp_diags_free(&diags);
	return same;
}

/* Compare the positions of the node at ptr and below, both ways. */
static void same_positions(const struct nsp_source *src,
			   const struct nsp_posmap *pm, const struct nsp_node *n,
			   struct nsp_buf *ptr, const char *what)
{
	const char *p = ptr->s ? ptr->s : "";
	struct nsp_loc a = nsp_source_loc(src, p), b = nsp_posmap_loc(pm, p);
	struct nsp_loc c = nsp_source_end(src, p), d = nsp_posmap_end(pm, p);
	ck_assert_msg(a.line == b.line && a.col == b.col && c.line == d.line &&
			      c.col == d.col,
		      "%s: '%s' at %u:%u-%u:%u in the tree, %u:%u-%u:%u "
		      "compact", what, p, a.line, a.col, c.line, c.col, b.line,
		      b.col, d.line, d.col);
	/* one level past the node: a missing key, a missing entry */
	size_t base = ptr->len;
	static const char *const bogus[] = {"/nope", "/99999", "/x~1y~0", "/"};
	for (size_t i = 0; i < 4; i++) {
		nsp_buf_puts(ptr, bogus[i]);
		a = nsp_source_loc(src, ptr->s);
		b = nsp_posmap_loc(pm, ptr->s);
		ck_assert_msg(a.line == b.line && a.col == b.col, "%s: '%s'",
			      what, ptr->s);
		ptr->len = base;
		ptr->s[base] = '\0';
	}
	n = nsp_node_deref(n);
	if (n->kind == NSP_NODE_MAP) {
		for (size_t i = 0; i + 1 < n->len; i += 2) {
			const struct nsp_node *k = nsp_node_deref(n->u.items[i]);
			nsp_buf_putc(ptr, '/');
			for (size_t j = 0; j < k->len; j++)
				nsp_buf_puts(ptr, k->u.str[j] == '~' ? "~0" :
						  k->u.str[j] == '/' ? "~1" :
						  (char[]){k->u.str[j], 0});
			same_positions(src, pm, n->u.items[i + 1], ptr, what);
			ptr->len = base;
			ptr->s[base] = '\0';
		}
	} else if (n->kind == NSP_NODE_SEQ) {
		for (size_t i = 0; i < n->len; i++) {
			nsp_buf_printf(ptr, "/%zu", i);
			same_positions(src, pm, n->u.items[i], ptr, what);
			ptr->len = base;
			ptr->s[base] = '\0';
		}
	}
}

/* The positions of buf both ways, when it parses; 1 when compared. */
static int positions_both_ways(const char *buf, size_t len, const char *what)
{
	struct nsp_limits lim = NSP_LIMITS_DEFAULT;
	struct nsp_source src;
	struct nsp_diags diags = {0};
	struct nsp_posmap pm;
	int done = 0;
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3;
		len -= 3;
	}
	if (nsp_source_parse(&src, buf, len, &lim, &diags) == 0) {
		ck_assert_msg(nsp_posmap_build(&pm, &src) == 0, "%s", what);
		struct nsp_buf ptr = {0};
		nsp_buf_puts(&ptr, "");
		same_positions(&src, &pm, src.root, &ptr, what);
		nsp_buf_free(&ptr);
		nsp_posmap_free(&pm);
		done = 1;
	}
	nsp_source_free(&src);
	nsp_diags_free(&diags);
	return done;
}

/* Every file of dir ending in suffix both ways; how many were compared. */
static size_t positions;

static size_t dir_both_ways(const char *dir, const char *suffix,
			    size_t *files)
{
	char **list = list_files(dir, "", suffix);
	size_t n = 0;
	for (char **f = list; *f; f++) {
		char *text = read_text(*f);
		ck_assert_msg(text != NULL, "cannot read %s", *f);
		n += both_ways(text, strlen(text), *f);
		positions += positions_both_ways(text, strlen(text), *f);
		(*files)++;
		free(text);
	}
	free_list(list);
	return n;
}

START_TEST(build_matches_libcyaml)
{
	size_t same = 0, files = 0;
	same += dir_both_ways("examples", ".yaml", &files);
	same += dir_both_ways("tests/hostile", ".yaml", &files);
	same += dir_both_ways("tests/schema/good", ".yaml", &files);
	same += dir_both_ways("tests/fuzz/seeds/config", ".yaml", &files);
	char **dirs = list_files("tests/rules", "", "");
	for (char **d = dirs; *d; d++)
		same += dir_both_ways(*d, ".yaml", &files);
	free_list(dirs);
	char **bad = list_files("tests/schema/bad", "", "");
	for (char **d = bad; *d; d++)
		same += dir_both_ways(*d, ".yaml", &files);
	free_list(bad);
	for (uint64_t seed = 1; seed <= 200; seed++) {
		char *text = gen_design(seed);
		char what[64];
		snprintf(what, sizeof(what), "generated design %llu",
			 (unsigned long long)seed);
		same += both_ways(text, strlen(text), what);
		positions += positions_both_ways(text, strlen(text), what);
		files++;
		free(text);
	}
	/* most of them load: the comparison is not vacuous */
	ck_assert_uint_gt(files, 600);
	ck_assert_uint_gt(same, 450);
	ck_assert_uint_gt(positions, same);
}
END_TEST

START_TEST(build_refuses_what_libcyaml_refuses)
{
	/* the tree is validated first, but the builder holds on its own */
	static const struct {
		const char *yaml;
		cyaml_err_t want;
	} cases[] = {
		{"nospof: 1\nname: x\nbogus: 1\n", CYAML_ERR_INVALID_KEY},
		{"nospof: 1\n", CYAML_ERR_MAPPING_FIELD_MISSING},
		{"nospof: x\nname: x\n", CYAML_ERR_INVALID_VALUE},
		{"nospof: 4294967296\nname: x\n", CYAML_ERR_INVALID_VALUE},
		{"nospof: 1\nname: [x]\n", CYAML_ERR_INVALID_VALUE},
		{"nospof: 1\nname: x\nsites: {a: 1}\n", CYAML_ERR_INVALID_VALUE},
		{"nospof: 1\nname: x\nintent: {mode: both}\n",
		 CYAML_ERR_INVALID_VALUE},
		{"nospof: 1\nname: x\nintent: {availability: x}\n",
		 CYAML_ERR_INVALID_VALUE},
	};
	struct nsp_limits lim = NSP_LIMITS_DEFAULT;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct nsp_source src;
		struct nsp_diags diags = {0};
		struct nsp_arena arena = {0};
		void *ours = NULL, *theirs = NULL;
		const char *y = cases[i].yaml;
		ck_assert_int_eq(nsp_source_parse(&src, y, strlen(y), &lim,
						  &diags), 0);
		cyaml_err_t e1 = nsp_build(&arena, &arena,
					   nsp_node_deref(src.root),
					   &nsp_design_schema, &ours);
		cyaml_err_t e2 = cyaml_load_data((const uint8_t *)y, strlen(y),
						 &cyaml_cfg, &nsp_design_schema,
						 (cyaml_data_t **)&theirs,
						 NULL);
		ck_assert_msg(e1 == cases[i].want && e2 == cases[i].want,
			      "%s: built %s, libcyaml %s", y,
			      cyaml_strerror(e1), cyaml_strerror(e2));
		nsp_arena_free(&arena);
		nsp_source_free(&src);
		nsp_diags_free(&diags);
	}
}
END_TEST

START_TEST(build_diff_finds_a_difference)
{
	/* the comparison itself can fail: one value changed is found */
	const char *y = "nospof: 1\nname: x\ncircuits:\n"
			"  - {id: c, a: {router: r}, z: {router: s}, "
			"bandwidth_mbps: 10}\n";
	struct nsp_limits lim = NSP_LIMITS_DEFAULT;
	struct nsp_source src;
	struct nsp_diags diags = {0};
	struct nsp_arena arena = {0};
	void *ours = NULL, *theirs = NULL;
	ck_assert_int_eq(nsp_source_parse(&src, y, strlen(y), &lim, &diags),
			 0);
	ck_assert_int_eq(nsp_build(&arena, &arena, src.root,
				   &nsp_design_schema, &ours),
			 CYAML_OK);
	ck_assert_int_eq(cyaml_load_data((const uint8_t *)y, strlen(y),
					 &cyaml_cfg, &nsp_design_schema,
					 (cyaml_data_t **)&theirs, NULL),
			 CYAML_OK);
	ck_assert_ptr_null(nsp_build_diff(&nsp_design_schema, &ours,
					  &theirs));
	struct nsp_raw_design *r = ours;
	r->circuits[0].bandwidth_mbps = 11;
	char *d = nsp_build_diff(&nsp_design_schema, &ours, &theirs);
	ck_assert_str_eq(d, "/circuits/0/bandwidth_mbps");
	free(d);
	r->circuits[0].bandwidth_mbps = 10;
	r->circuits[0].z.router[0] = 't';
	d = nsp_build_diff(&nsp_design_schema, &ours, &theirs);
	ck_assert_str_eq(d, "/circuits/0/z/router");
	free(d);
	r->circuits_count = 0;
	d = nsp_build_diff(&nsp_design_schema, &ours, &theirs);
	ck_assert_str_eq(d, "/circuits");
	free(d);
	cyaml_free(&cyaml_cfg, &nsp_design_schema, theirs, 0);
	nsp_arena_free(&arena);
	nsp_source_free(&src);
	nsp_diags_free(&diags);
}
END_TEST

Suite *build_suite(void)
{
	Suite *s = suite_create("build");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, build_matches_libcyaml);
	tcase_add_test(tc, build_refuses_what_libcyaml_refuses);
	tcase_add_test(tc, build_diff_finds_a_difference);
	suite_add_tcase(s, tc);
	return s;
}
