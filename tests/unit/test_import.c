/*
 * Tests of the Terraform importer (IMPORT.md): ids, the worked example byte
 * for byte, check --import with findings located in the plan and the
 * overlay, AWS and Google fixtures passing and failing diversity, secrets,
 * hostile documents, the import findings and the overlay errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "helpers.h"
#include "import/imp_int.h"

/* Run nospof with args (a shell fragment); returns the exit status. */
static int nospof(const char *args, char **out)
{
	char *cmd = nsp_xasprintf("%s %s", nospof_bin(), args);
	int st = run_cmd(cmd, out);
	free(cmd);
	return st;
}

static char tmpdir[64];

/* A fresh directory for one test's files. */
static void tmp_setup(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/nsp-import-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void tmp_teardown(void)
{
	char *cmd = nsp_xasprintf("rm -rf '%s'", tmpdir);
	ck_assert_int_eq(run_cmd(cmd, NULL), 0);
	free(cmd);
}

/* Write text to name in the test's directory; returns the path (freed). */
static char *put(const char *name, const char *text)
{
	char *path = nsp_xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/* Import plan text (with optional overlay text); output with stderr. */
static int import_text(const char *plan, const char *overlay, char **out)
{
	char *p = put("plan.json", plan);
	char *o = overlay ? put("o.yaml", overlay) : NULL;
	char *args = nsp_xasprintf("import terraform %s%s%s 2>&1", p,
				   o ? " --overlay " : "", o ? o : "");
	int rc = nospof(args, out);
	free(args);
	free(p);
	free(o);
	return rc;
}

START_TEST(ids)
{
	static const char *const rows[][2] = {
		{"aws_dx_private_virtual_interface.primary", "dxvif.primary"},
		{"aws_dx_connection.dx[\"Eq DC2\"]", "dxcon.dx.Eq-DC2"},
		{"module.attachments[\"fra-1\"].google_compute_interconnect_"
		 "attachment.this", "attachments.fra-1/gva.this"},
		{"module.hybrid_connectivity.module.vlan_attachment_primary_"
		 "region_a.google_compute_interconnect_attachment.attachment",
		 "b8e6271f/vlan_attachment_primary_region_a/gva.attachment"},
		{"aws_vpc.x[0]", "aws_vpc.x.0"},
	};
	static const char *const parts[][3] = {
		{"azurerm_express_route_circuit.x", "primary", "er.x/primary"},
		{"module.er[\"sea\"].azurerm_express_route_circuit.this",
		 "secondary", "er.sea/er.this/secondary"},
		{"oci_core_virtual_circuit.vc[\"a\"]", "0", "fcvc.vc.a/0"},
		{"alicloud_express_connect_virtual_border_router.v[1]", "router",
		 "vbr.v.1/router"},
	};
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		char *id = nsp_imp_address_id(parts[i][0], parts[i][1]);
		ck_assert_str_eq(id, parts[i][2]);
		free(id);
	}
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char *id = nsp_imp_address_id(rows[i][0], NULL);
		ck_assert_str_eq(id, rows[i][1]);
		free(id);
	}
	/* a placeholder: hashed from the long id it is built on */
	char *base = nsp_imp_address_id("module.partner_interconnect_"
					"attachments[\"secondary-zone2\"]."
					"google_compute_interconnect_attachment."
					"attachment", NULL);
	char *ph = imp_fit_id(nsp_xasprintf("%s/edge", base));
	ck_assert_str_eq(ph, "046d18b0/gva.attachment/edge");
	free(ph);
	free(base);
	ck_assert_ptr_null(nsp_imp_address_id("not an address", NULL));
	struct nsp_buf b = {0};
	nsp_imp_slug(&b, "Silicon Valley");
	ck_assert_str_eq(b.s, "silicon-valley");
	nsp_buf_free(&b);
}
END_TEST

/* The worked example of IMPORT.md §11, byte for byte, and stable. */
START_TEST(worked_example)
{
	char *out = NULL, *again = NULL;
	char *want = read_text("tests/import/gcp-9999/expected.yaml");
	ck_assert_int_eq(nospof("import terraform plan.json --overlay "
				"overlay.yaml 2>/dev/null", NULL), 3);
	ck_assert_int_eq(run_cmd("cd tests/import/gcp-9999 && ../../../"
				 "build/nospof import terraform plan.json "
				 "--overlay overlay.yaml 2>/dev/null", &out), 0);
	ck_assert_str_eq(out, want);
	ck_assert_int_eq(run_cmd("cd tests/import/gcp-9999 && ../../../"
				 "build/nospof import terraform plan.json "
				 "--overlay overlay.yaml 2>&1 >/dev/null",
				 &again), 0);
	ck_assert_str_eq(again, "plan.json: 10 resources imported into 12 "
			 "elements (0 sites, 1 cloud, 3 pops, 4 routers, 4 "
			 "circuits); 0 errors, 0 warnings, 0 infos\n");
	free(out);
	free(again);
	free(want);
	/* without the overlay: IMP020 at the { of va["lga-2"] */
	ck_assert_int_eq(nospof("import terraform tests/import/gcp-9999/"
				"plan.json 2>&1 >/dev/null", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "plan.json:16:5: warning: circuit "
				     "'gva.va.lga-2' has no customer end"));
	free(out);
	ck_assert_int_eq(nospof("import terraform tests/import/gcp-9999/"
				"plan.json --fail-on warning >/dev/null "
				"2>&1", NULL), 1);
	/* -f json is a design check reads */
	ck_assert_int_eq(run_cmd("cd tests/import/gcp-9999 && ../../../"
				 "build/nospof import terraform plan.json "
				 "--overlay overlay.yaml -f json 2>/dev/null | "
				 "../../../build/nospof check - >/dev/null",
				 NULL), 0);
}
END_TEST

/* check --import: HA003 at the overlay's demand, sources in reports. */
START_TEST(check_import)
{
	char *out = NULL;
	const char *gcp = "cd tests/import/gcp-9999 && ../../../build/nospof "
			  "check --import terraform:plan.json --overlay "
			  "overlay.yaml";
	char *cmd = nsp_xasprintf("%s 2>/dev/null", gcp);
	ck_assert_int_eq(run_cmd(cmd, &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "overlay.yaml:17:5: warning: "
				     "demand 'dc-east'"));
	ck_assert_ptr_nonnull(strstr(out, "[HA003]"));
	ck_assert_ptr_nonnull(strstr(out, "plan.json:10:5: warning: circuit "
				     "'gva.va.iad-1'"));
	free(out);
	free(cmd);
	cmd = nsp_xasprintf("%s --fail-on warning >/dev/null 2>&1", gcp);
	ck_assert_int_eq(run_cmd(cmd, NULL), 1);
	free(cmd);
	static const char *const formats[] = {"json", "sarif", "junit"};
	for (size_t i = 0; i < 3; i++) {
		cmd = nsp_xasprintf("%s -f %s 2>/dev/null", gcp, formats[i]);
		ck_assert_int_eq(run_cmd(cmd, &out), 0);
		ck_assert_msg(strstr(out, "from terraform:google_compute_"
				     "interconnect_attachment.va["),
			      "%s names no resource address", formats[i]);
		free(out);
		free(cmd);
	}
	/* the second IAD interconnect in the other edge domain: no HA003 */
	char *p = nsp_xasprintf("sed 's/\"ic-iad-2\", \"location\": "
				"\"iad-zone1-1\"/\"ic-iad-2\", \"location\": "
				"\"iad-zone2-1\"/' tests/import/gcp-9999/plan."
				"json > %s/plan.json && cp tests/import/gcp-"
				"9999/overlay.yaml %s/", tmpdir, tmpdir);
	ck_assert_int_eq(run_cmd(p, NULL), 0);
	free(p);
	cmd = nsp_xasprintf("%s check --import terraform:%s/plan.json "
			    "--overlay %s/overlay.yaml --fail-on warning "
			    "--ignore BFD001 2>/dev/null", nospof_bin(), tmpdir,
			    tmpdir);
	ck_assert_int_eq(run_cmd(cmd, &out), 0);
	ck_assert_ptr_null(strstr(out, "HA003"));
	free(out);
	free(cmd);
	ck_assert_int_eq(nospof("check --overlay x.yaml examples/alibaba-two-"
				"cpes.yaml 2>/dev/null", NULL), 3);
	ck_assert_int_eq(nospof("check --import netbox:x 2>/dev/null", NULL),
			 3);
}
END_TEST

/* AWS: two locations pass; the plan, and the state after apply. */
START_TEST(aws_diversity)
{
	char *out = NULL;
	ck_assert_int_eq(run_cmd("cd tests/import/aws-dx && ../../../build/"
				 "nospof check --import terraform:plan.json "
				 "--overlay overlay.yaml 2>/dev/null", &out), 0);
	ck_assert_ptr_null(strstr(out, "[DIV"));
	ck_assert_ptr_nonnull(strstr(out, "verdict: pass"));
	free(out);
	ck_assert_int_eq(run_cmd("cd tests/import/aws-dx && ../../../build/"
				 "nospof import terraform state.json --overlay "
				 "overlay.yaml 2>/dev/null", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "aws-dev/eqdc2-2h6vsdsmjsa0i"));
	ck_assert_ptr_null(strstr(out, "/device"));
	free(out);
	ck_assert_int_eq(run_cmd("cd tests/import/aws-dx && ../../../build/"
				 "nospof check --import terraform:state.json "
				 "--overlay overlay.yaml >/dev/null 2>&1",
				 NULL), 0);
	/* both connections at EqDC2: DIV004 names the PoP, exit 1 */
	char *p = nsp_xasprintf("sed 's/\"location\": \"CSVA1\"/\"location\": "
				"\"EqDC2\"/' tests/import/aws-dx/plan.json > "
				"%s/plan.json && cp tests/import/aws-dx/"
				"overlay.yaml %s/", tmpdir, tmpdir);
	ck_assert_int_eq(run_cmd(p, NULL), 0);
	free(p);
	char *cmd = nsp_xasprintf("%s check --import terraform:%s/plan.json "
				  "--overlay %s/overlay.yaml 2>/dev/null",
				  nospof_bin(), tmpdir, tmpdir);
	ck_assert_int_eq(run_cmd(cmd, &out), 1);
	ck_assert_ptr_nonnull(strstr(out, "all land in PoP 'aws-loc/eqdc2'"));
	ck_assert_ptr_nonnull(strstr(out, "[DIV004]"));
	free(out);
	free(cmd);
}
END_TEST

/* No output of any command or format carries a secret. */
START_TEST(secrets)
{
	static const char *const runs[] = {
		"import terraform plan.json --overlay overlay.yaml",
		"import terraform plan.json --overlay overlay.yaml -f json",
		"import terraform state.json",
		"check --import terraform:plan.json --overlay overlay.yaml",
		"check --import terraform:plan.json --overlay overlay.yaml "
		"-f json",
		"check --import terraform:plan.json --overlay overlay.yaml "
		"-f sarif",
		"check --import terraform:plan.json --overlay overlay.yaml "
		"-f junit",
		"check --import terraform:plan.json --overlay overlay.yaml "
		"-f github",
		"check --import terraform:plan.json --overlay overlay.yaml "
		"-f markdown",
	};
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		char *out = NULL;
		char *cmd = nsp_xasprintf("cd tests/import/aws-dx && ../../../"
					  "build/nospof %s 2>&1", runs[i]);
		run_cmd(cmd, &out);
		ck_assert_msg(!strstr(out, "DO-NOT-PRINT"), "secret in '%s'",
			      runs[i]);
		ck_assert_msg(strstr(out, "dxvif.vif") || strstr(out, "dx/"),
			      "'%s' printed nothing useful", runs[i]);
		free(out);
		free(cmd);
	}
	/* the fixtures of the other providers, each command and format */
	static const char *const dirs[] = {"azure-er", "ibm-dl", "alibaba-vbr",
					   "oci-fastconnect"};
	static const char *const fmts[] = {"text", "json", "sarif", "junit",
					   "github", "markdown"};
	for (size_t d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++) {
		char *dir = nsp_xasprintf("tests/import/%s", dirs[d]);
		char **plans = list_files(dir, "", ".json");
		for (char **pl = plans; *pl; pl++) {
			for (size_t f = 0; f < 7; f++) {
				char *out = NULL;
				char *cmd = f < 6 ? nsp_xasprintf(
					"%s check -f %s --import terraform:%s "
					"--overlay tests/import/%s/overlay.yaml "
					"2>&1", nospof_bin(), fmts[f], *pl,
					dirs[d]) : nsp_xasprintf(
					"%s import terraform %s --overlay "
					"%s/overlay.yaml -f json 2>&1",
					nospof_bin(), *pl, dir);
				run_cmd(cmd, &out);
				ck_assert_msg(!strstr(out, "DO-NOT-PRINT"),
					      "secret in '%s'", cmd);
				ck_assert_msg(strlen(out) > 40, "'%s' printed "
					      "nothing useful", cmd);
				free(out);
				free(cmd);
			}
		}
		free_list(plans);
		free(dir);
	}
	/* a secret in a mapped field and in a parse error */
	char *out = NULL;
	ck_assert_int_eq(import_text(
		"{\"format_version\": \"1.0\", \"values\": {\"root_module\": "
		"{\"resources\": [{\"address\": \"aws_dx_connection.c\", "
		"\"values\": {\"id\": \"dxcon-1\", \"location\": \"EqDC2\"}}, "
		"{\"address\": \"aws_dx_private_virtual_interface.v\", "
		"\"values\": {\"connection_id\": \"dxcon-1\", \"vlan\": "
		"\"TOPSECRET-9\"}, \"sensitive_values\": {\"vlan\": true}}]}}}",
		NULL, &out), 0);
	ck_assert_ptr_null(strstr(out, "TOPSECRET"));
	ck_assert_ptr_nonnull(strstr(out, "vlan is sensitive: <redacted>"));
	ck_assert_ptr_nonnull(strstr(out, "[IMP040]"));
	free(out);
	ck_assert_int_eq(import_text("{\"format_version\": \"1.0\", "
				     "\"x\": TOPSECRET}", NULL, &out), 2);
	ck_assert_ptr_null(strstr(out, "TOPSECRET"));
	free(out);
}
END_TEST

/* Hostile documents: exit 2 with a located message, nothing written. */
START_TEST(hostile)
{
	static const char *const cases[][2] = {
		{"not json", ":1:3: error: not valid JSON"},
		{"{\"format_version\": \"1.0\", \"v\": 1e400}",
		 "error: not valid JSON"},
		{"{\"format_version\": \"1.0\", \"a\": 1, \"a\": 2}",
		 "error: not valid JSON: duplicate object key"},
		{"{\"format_version\": \"2.0\"}", "format_version '2.0' is not "
		 "supported"},
		{"{\"format_version\": \"1\"}", "is not supported"},
		{"{\"version\": 4, \"resources\": []}", "raw state: run "
		 "'terraform show -json'"},
		{"[1, 2]", "not 'terraform show -json' output"},
		{"PK\x03\x04rest", "a binary plan file"},
		{"{\"@level\":\"info\",\"@message\":\"x\"}\n{\"@level\":\"info\""
		 "}\n", "'terraform plan -json' UI output"},
		{"{\"format_version\": \"1.0\", \"s\": \"a\\u0000b\"}",
		 "not valid JSON"},
		{"{\"format_version\": \"1.0\", \"errored\": true, "
		 "\"planned_values\": {}}", "the plan errored"},
		{"{\"format_version\": \"1.0\"}", "no circuit in the design"},
		{"{\"format_version\": \"1.0\", \"values\": {\"root_module\": "
		 "{\"resources\": [{\"address\": \"a.b\"}, {\"address\": "
		 "\"a.b\"}]}}}", "resource address 'a.b' appears twice"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = NULL;
		ck_assert_int_eq(import_text(cases[i][0], NULL, &out), 2);
		ck_assert_msg(strstr(out, cases[i][1]) && strstr(out,
							      "[INPUT]"),
			      "case %zu: %s", i, out);
		free(out);
	}
	/* depth: a nesting bomb is refused before jansson sees it */
	struct nsp_buf b = {0};
	nsp_buf_puts(&b, "{\"format_version\": \"1.0\", \"x\": ");
	for (int i = 0; i < 100000; i++)
		nsp_buf_putc(&b, '[');
	char *out = NULL;
	ck_assert_int_eq(import_text(b.s, NULL, &out), 2);
	ck_assert_ptr_nonnull(strstr(out, "1:95: error: nesting deeper than "
				     "64 levels"));
	free(out);
	nsp_buf_free(&b);
	/* UTF-16 and the size limit */
	char *p = nsp_xasprintf("%s/u16.json", tmpdir);
	FILE *f = fopen(p, "wb");
	fwrite("\xff\xfe{\0}\0", 1, 6, f);
	fclose(f);
	char *cmd = nsp_xasprintf("%s import terraform %s 2>&1", nospof_bin(),
				  p);
	ck_assert_int_eq(run_cmd(cmd, &out), 2);
	ck_assert_ptr_nonnull(strstr(out, "re-encode it as UTF-8"));
	free(out);
	free(cmd);
	cmd = nsp_xasprintf("head -c 2000000 /dev/zero | tr '\\0' ' ' > %s && "
			    "%s import terraform %s --max-input-mb 1 -o %s.out "
			    "2>&1", p, nospof_bin(), p, p);
	ck_assert_int_eq(run_cmd(cmd, &out), 2);
	ck_assert_ptr_nonnull(strstr(out, ":1:1: error: input is over the "
				     "size limit"));
	free(out);
	free(cmd);
	cmd = nsp_xasprintf("%s.out", p);
	ck_assert_int_ne(access(cmd, F_OK), 0);
	free(cmd);
	free(p);
}
END_TEST

/* A Google attachment with whatever fields the case needs. */
#define GVA(fields, change)                                                    \
	"{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": " \
	"{\"resources\": [{\"address\": \"google_compute_interconnect_"        \
	"attachment.va\", \"values\": {\"name\": \"va\", \"type\": "           \
	"\"DEDICATED\", \"region\": \"us-east4\"" fields "}}, {\"address\": "  \
	"\"google_compute_network.n\", \"values\": {}}]}}, "                   \
	"\"resource_changes\": [" change "]}"

/* The import findings of IMPORT.md §9, each where it belongs. */
START_TEST(diagnostics)
{
	static const char *const cases[][2] = {
		{GVA(", \"vlan_tag8021q\": 12345, \"interconnect\": \"ic\"", ""),
		 "vlan_tag8021q is not a usable value|IMP001"},
		{GVA(", \"bandwidth\": \"fast\", \"interconnect\": \"ic\"", ""),
		 "bandwidth is not a bandwidth|IMP001"},
		{GVA("", "{\"address\": \"google_compute_interconnect_"
		     "attachment.va\", \"change\": {\"actions\": [\"create\"], "
		     "\"after_unknown\": {\"interconnect\": true}}}"),
		 "interconnect resolves neither|IMP010"},
		{GVA(", \"interconnect\": \"ic\"", ""),
		 "has no customer end|IMP020"},
		{GVA(", \"interconnect\": \"ic\"", ""),
		 "has no bandwidth: 1 Mbit/s|IMP021"},
		{GVA("", ""), "placeholder router 'gva.va/edge'|IMP022"},
		{GVA(", \"interconnect\": \"ic\"", ""),
		 "placeholder pop 'gcp-icn/ic/pop'|IMP023"},
		{GVA(", \"interconnect\": \"ic\"", ""),
		 "google_compute_network (1)|IMP030"},
		{GVA(", \"interconnect\": \"ic\"", "{\"address\": \"aws_dx_"
		     "connection.gone\", \"change\": {\"actions\": "
		     "[\"delete\"]}}"), "the plan deletes it|IMP031"},
		{GVA(", \"interconnect\": \"ic\", \"admin_enabled\": false", ""),
		 "administratively down|IMP060"},
		{GVA(", \"interconnect\": \"ic\"", "], \"complete\": false, "
		     "\"x\": ["), "the plan is incomplete|IMP012"},
		{"{\"format_version\": \"1.2\", \"planned_values\": {\"root_"
		 "module\": {\"resources\": [{\"address\": \"google_compute_"
		 "interconnect_attachment.p\", \"values\": {\"type\": "
		 "\"PARTNER_PROVIDER\"}}]}}}", "PARTNER_PROVIDER attachment|IMP031"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = NULL, *want = nsp_xstrdup(cases[i][1]);
		char *bar = strchr(want, '|');
		*bar = '\0';
		int rc = import_text(cases[i][0], NULL, &out);
		ck_assert_msg(rc == 0 || rc == 2, "case %zu: exit %d", i, rc);
		ck_assert_msg(strstr(out, want), "case %zu: %s", i, out);
		char *code = nsp_xasprintf("[%s]", bar + 1);
		ck_assert_msg(strstr(out, code), "case %zu: no %s", i, code);
		free(code);
		free(want);
		free(out);
	}
	/* IMP011: several candidates, the first by address */
	char *out = NULL;
	ck_assert_int_eq(import_text(
		"{\"format_version\": \"1.2\", \"planned_values\": "
		"{\"root_module\": {\"resources\": ["
		"{\"address\": \"aws_dx_connection.c[0]\", \"values\": "
		"{\"location\": \"EqDC2\"}},"
		"{\"address\": \"aws_dx_connection.c[1]\", \"values\": "
		"{\"location\": \"EqDC2\"}},"
		"{\"address\": \"aws_dx_private_virtual_interface.v\", "
		"\"values\": {\"vlan\": 10}}]}}, \"resource_changes\": [{"
		"\"address\": \"aws_dx_private_virtual_interface.v\", \"change\":"
		" {\"actions\": [\"create\"], \"after_unknown\": "
		"{\"connection_id\": true}}}], \"configuration\": {"
		"\"root_module\": {\"resources\": [{\"address\": "
		"\"aws_dx_private_virtual_interface.v\", \"expressions\": "
		"{\"connection_id\": {\"references\": [\"aws_dx_connection.c\"]"
		"}}}]}}}", NULL, &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "connection_id has 2 candidates; "
				     "took aws_dx_connection.c[0] [IMP011]"));
	free(out);
}
END_TEST

/* The overlay's errors, override and remove. */
START_TEST(overlay)
{
	const char *plan = GVA(", \"interconnect\": \"ic\", \"vlan_tag8021q\": "
			       "1101, \"bandwidth\": \"BPS_10G\"", "");
	static const char *const cases[][2] = {
		{"nospof_overlay: 1\ncircuits:\n  - {id: gva.va, vlan: 3999}\n",
		 "o.yaml:3:5: error: circuit 'gva.va': vlan 3999 differs from "
		 "1101 (terraform:google_compute_interconnect_attachment.va); "
		 "list vlan in override to replace it [INPUT]"},
		{"nospof_overlay: 1\nrouters:\n  - {id: gva.va, role: cpe}\n",
		 "'gva.va' is a circuit, not a router"},
		{"nospof_overlay: 1\ncircuits:\n  - {id: nope, remove: true}\n",
		 "remove: no circuit 'nope' to remove"},
		{"nospof: 1\nname: x\n", "a design, not an overlay"},
		{"nospof_overlay: 1\nsites:\n  - {id: unassigned-x}\n",
		 "are reserved"},
		{"name: x\n", "an overlay starts with 'nospof_overlay: 1'"},
		{"nospof_overlay: 1\nsites: [&a {id: s}, *a]\n",
		 "aliases are not allowed"},
		{"nospof_overlay: 1\ncircuits:\n  - {id: gva.va, vlan: ~}\n",
		 "null is not allowed"},
		{"nospof_overlay: 1\ncircuits:\n  - {id: gva.va, bogus: 1}\n",
		 "bogus"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = NULL;
		ck_assert_int_eq(import_text(plan, cases[i][0], &out), 2);
		ck_assert_msg(strstr(out, cases[i][1]), "case %zu: %s", i, out);
		free(out);
	}
	char *out = NULL;
	ck_assert_int_eq(import_text(plan, "nospof_overlay: 1\ncircuits:\n"
				     "  - {id: gva.va, vlan: 3999, override: "
				     "[vlan]}\n", &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "vlan: 3999\n"));
	free(out);
	/* override without the field drops it */
	ck_assert_int_eq(import_text(plan, "nospof_overlay: 1\ncircuits:\n"
				     "  - {id: gva.va, override: [vlan]}\n",
				     &out), 0);
	ck_assert_ptr_null(strstr(out, "vlan:"));
	free(out);
	/* re-pointing a placeholder pop: no IMP023, the pop dropped */
	ck_assert_int_eq(import_text(plan, "nospof_overlay: 1\npops:\n"
				     "  - {id: p1, metro: iad}\nrouters:\n"
				     "  - {id: gcp-icn/ic, pop: p1}\n", &out), 0);
	ck_assert_ptr_null(strstr(out, "IMP023"));
	ck_assert_ptr_null(strstr(out, "gcp-icn/ic/pop"));
	free(out);
	/* remove, then add the a-end: the circuit goes */
	ck_assert_int_eq(import_text(plan, "nospof_overlay: 1\ncircuits:\n"
				     "  - {id: gva.va, remove: true}\n", &out),
			 2);
	ck_assert_ptr_nonnull(strstr(out, "no circuit in the design"));
	free(out);
}
END_TEST

/* "CODE", "CODE:w" or "CODE:i" of one finding. */
static char *token(const char *code, const char *sev)
{
	return nsp_xasprintf("%s%s", code, !strcmp(sev, "error") ? "" :
			     !strcmp(sev, "warning") ? ":w" : ":i");
}

static int cmp_tok(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * check's findings on an imported design, as an expect line: the JSON
 * report's rules and the IMP findings on standard error, sorted.
 */
static char *check_line(const char *bin, const char *dir, const char *file,
			int *rc)
{
	char *out = NULL;
	char *cmd = nsp_xasprintf("cd %s && %s check --no-config -f json "
				  "--import terraform:%s --overlay overlay.yaml "
				  "2>%s/err", dir, bin, file, tmpdir);
	*rc = run_cmd(cmd, &out);
	free(cmd);
	char *errp = nsp_xasprintf("%s/err", tmpdir);
	char *err = read_text(errp);
	free(errp);
	char **v = NULL;
	size_t n = 0;
	json_t *doc = json_loads(out, 0, NULL), *f;
	size_t i;
	ck_assert_msg(doc != NULL, "%s/%s: no JSON report", dir, file);
	json_array_foreach(json_object_get(doc, "findings"), i, f) {
		v = nsp_xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = token(json_string_value(json_object_get(f, "rule")),
			       json_string_value(json_object_get(f,
								 "severity")));
	}
	json_decref(doc);
	for (char *l = err, *e; l && *l; l = e + 1) {
		e = strchr(l, '\n');
		if (!e)
			break;
		*e = '\0';
		const char *c = strstr(l, " [IMP");
		static const char *const sevs[] = {"error", "warning", "info"};
		for (int k = 0; c && k < 3; k++) {
			char *pat = nsp_xasprintf(": %s: ", sevs[k]);
			if (strstr(l, pat)) {
				char code[8] = {0};
				memcpy(code, c + 2, 6);
				v = nsp_xrealloc(v, (n + 1) * sizeof(*v));
				v[n++] = token(code, sevs[k]);
			}
			free(pat);
		}
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_tok);
	struct nsp_buf b = {0};
	nsp_buf_printf(&b, "%s: %d", file, *rc);
	for (size_t k = 0; k < n; k++) {
		nsp_buf_printf(&b, " %s", v[k]);
		free(v[k]);
	}
	free(v);
	free(out);
	free(err);
	return nsp_buf_detach(&b);
}

/*
 * Each provider's fixture: the design written byte for byte
 * (expected.yaml), and for every plan or state the exit status and
 * findings of check its expect file lists, passing and failing
 * diversity.
 */
START_TEST(provider_fixtures)
{
	static const char *const dirs[] = {"azure-er", "ibm-dl", "alibaba-vbr",
					   "oci-fastconnect"};
	char *bin = realpath(nospof_bin(), NULL);
	ck_assert_ptr_nonnull(bin);
	for (size_t d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++) {
		char *dir = nsp_xasprintf("tests/import/%s", dirs[d]);
		char *out = NULL;
		char *cmd = nsp_xasprintf("cd %s && %s import terraform plan.json "
					  "--overlay overlay.yaml 2>/dev/null",
					  dir, bin);
		ck_assert_int_eq(run_cmd(cmd, &out), 0);
		char *path = nsp_xasprintf("%s/expected.yaml", dir);
		char *want = read_text(path);
		ck_assert_msg(!strcmp(out, want), "%s differs", path);
		free(want);
		free(path);
		free(out);
		free(cmd);
		path = nsp_xasprintf("%s/expect", dir);
		char *exp = read_text(path), *e;
		size_t lines = 0, fail = 0;
		for (char *l = exp; *l; l = e + 1) {
			e = strchr(l, '\n');
			*e = '\0';
			if (*l == '#')
				continue;
			char *file = nsp_xstrndup(l, strcspn(l, ":"));
			int rc;
			char *got = check_line(bin, dir, file, &rc);
			ck_assert_msg(!strcmp(got, l), "%s: expected [%s], got "
				      "[%s]", path, l, got);
			lines++;
			fail += rc == 1;
			free(got);
			free(file);
		}
		/* every provider has a plan that passes and one that fails */
		ck_assert_uint_ge(lines, 2);
		ck_assert_uint_ge(fail, 1);
		ck_assert_uint_lt(fail, lines);
		free(exp);
		free(path);
		free(dir);
	}
	free(bin);
}
END_TEST

/* One resource of a state, for the provider cases below. */
#define STATE(res)                                                             \
	"{\"format_version\": \"1.0\", \"values\": {\"root_module\": "        \
	"{\"resources\": [" res "]}}}"
#define SUBX "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network"

/* The import findings of IMPORT.md §9 the providers of §5.2-5.6 raise. */
START_TEST(provider_diagnostics)
{
	static const char *const cases[][2] = {
		/* IMP031: a Microsoft peering, a PUBLIC virtual circuit */
		{STATE("{\"address\": \"azurerm_express_route_circuit.c\", "
		       "\"values\": {\"name\": \"c\", \"peering_location\": "
		       "\"London\", \"service_provider_name\": \"BT\", "
		       "\"bandwidth_in_mbps\": 200}}, {\"address\": "
		       "\"azurerm_express_route_circuit_peering.m\", \"values\": "
		       "{\"peering_type\": \"MicrosoftPeering\", "
		       "\"express_route_circuit_name\": \"c\"}}"),
		 "peering.m: left out, a MicrosoftPeering|IMP031"},
		{STATE("{\"address\": \"oci_core_virtual_circuit.p\", \"values\":"
		       " {\"type\": \"PUBLIC\"}}, {\"address\": \"oci_core_"
		       "virtual_circuit.v\", \"values\": {\"type\": \"PRIVATE\", "
		       "\"bandwidth_shape_name\": \"1 Gbps\"}}"),
		 "a PUBLIC virtual circuit reaches Oracle services|IMP031"},
		{STATE("{\"address\": \"alicloud_express_connect_physical_"
		       "connection.pc\", \"values\": {\"id\": \"pc-1\"}}, "
		       "{\"address\": \"ibm_dl_gateway.g\", \"values\": "
		       "{\"speed_mbps\": 1000}}"),
		 "a physical connection without virtual border router|IMP031"},
		/* IMP041: an ipv6 session, IBM's export prepend, a 2nd group */
		{STATE("{\"address\": \"azurerm_express_route_circuit.c\", "
		       "\"values\": {\"name\": \"c\", \"peering_location\": "
		       "\"London\", \"service_provider_name\": \"BT\"}}, "
		       "{\"address\": \"azurerm_express_route_circuit_peering."
		       "p\", \"values\": {\"peering_type\": "
		       "\"AzurePrivatePeering\", \"express_route_circuit_name\":"
		       " \"c\", \"ipv6\": [{\"primary_peer_address_prefix\": "
		       "\"2001:db8::/126\"}]}}"),
		 "its ipv6 block is a second BGP session|IMP041"},
		{STATE("{\"address\": \"ibm_dl_gateway.g\", \"values\": "
		       "{\"speed_mbps\": 1000, \"as_prepends\": [{\"length\": 3, "
		       "\"policy\": \"export\"}]}}"),
		 "as_prepends[0] (policy export) is a routing preference|IMP041"},
		{STATE("{\"address\": \"alicloud_express_connect_virtual_border_"
		       "router.v\", \"values\": {\"id\": \"vbr-1\", \"bandwidth\":"
		       " 100}}, {\"address\": \"alicloud_vpc_bgp_group.a\", "
		       "\"values\": {\"router_id\": \"vbr-1\", \"peer_asn\": "
		       "65001}}, {\"address\": \"alicloud_vpc_bgp_group.b\", "
		       "\"values\": {\"router_id\": \"vbr-1\", \"ip_version\": "
		       "\"IPV6\"}}"),
		 "alicloud_vpc_bgp_group.b: a further BGP group|IMP041"},
		{STATE("{\"address\": \"azurerm_express_route_circuit.a\", "
		       "\"values\": {\"id\": \"" SUBX "/expressRouteCircuits/a\","
		       " \"peering_location\": \"London\", \"service_provider_"
		       "name\": \"BT\"}}, {\"address\": \"azurerm_express_route_"
		       "circuit.b\", \"values\": {\"id\": \"" SUBX "/express"
		       "RouteCircuits/b\", \"peering_location\": \"Paris\", "
		       "\"service_provider_name\": \"BT\"}}, {\"address\": "
		       "\"azurerm_virtual_network_gateway_connection.a\", "
		       "\"values\": {\"type\": \"ExpressRoute\", "
		       "\"routing_weight\": 10, \"express_route_circuit_id\": \""
		       SUBX "/expressRouteCircuits/a\", \"virtual_network_"
		       "gateway_id\": \"" SUBX "/virtualNetworkGateways/hub\"}},"
		       " {\"address\": \"azurerm_virtual_network_gateway_"
		       "connection.b\", \"values\": {\"type\": \"ExpressRoute\", "
		       "\"routing_weight\": 0, \"express_route_circuit_id\": \""
		       SUBX "/expressRouteCircuits/b\", \"virtual_network_"
		       "gateway_id\": \"" SUBX "/virtualNetworkGateways/hub\"}}"),
		 "routing_weight 10 ranks its circuit|IMP041"},
		/* IMP050: one circuit, two gateways: the smaller cloud id */
		{STATE("{\"address\": \"azurerm_express_route_circuit.c\", "
		       "\"values\": {\"id\": \"" SUBX "/expressRouteCircuits/c\","
		       " \"name\": \"c\", \"peering_location\": \"Amsterdam\", "
		       "\"service_provider_name\": \"Equinix\"}}, {\"address\": "
		       "\"azurerm_express_route_circuit_peering.p\", \"values\": "
		       "{\"id\": \"" SUBX "/expressRouteCircuits/c/peerings/"
		       "AzurePrivatePeering\", \"peering_type\": "
		       "\"AzurePrivatePeering\", \"express_route_circuit_name\":"
		       " \"c\"}}, {\"address\": \"azurerm_virtual_network_"
		       "gateway_connection.b\", \"values\": {\"type\": "
		       "\"ExpressRoute\", \"express_route_circuit_id\": \"" SUBX
		       "/expressRouteCircuits/c\", \"virtual_network_gateway_"
		       "id\": \"" SUBX "/virtualNetworkGateways/gw-b\"}}, "
		       "{\"address\": \"azurerm_express_route_connection.a\", "
		       "\"values\": {\"express_route_circuit_peering_id\": \""
		       SUBX "/expressRouteCircuits/c/peerings/"
		       "AzurePrivatePeering\", \"express_route_gateway_id\": \""
		       SUBX "/expressRouteGateways/gw-a\"}}"),
		 "connected to 2 gateways ('az-gw/gw-a', 'az-gw/gw-b'); the "
		 "design format gives a circuit one cloud: took 'az-gw/gw-a'|"
		 "IMP050"},
		/* IMP060: an ExpressRoute Direct link, a session, a VBR */
		{STATE("{\"address\": \"azurerm_express_route_port.erd\", "
		       "\"values\": {\"id\": \"" SUBX "/expressRoutePorts/erd\", "
		       "\"peering_location\": \"Equinix-Amsterdam-AM5\", "
		       "\"link1\": [{\"admin_enabled\": false, \"router_name\": "
		       "\"exr01.ams\", \"interface_name\": \"HundredGigE0/0/0/1\"}"
		       "], \"link2\": [{\"admin_enabled\": true, \"router_name\":"
		       " \"exr02.ams\", \"interface_name\": "
		       "\"HundredGigE0/0/0/1\"}]}}, {\"address\": "
		       "\"azurerm_express_route_circuit.d\", \"values\": "
		       "{\"express_route_port_id\": \"" SUBX "/expressRoutePorts/"
		       "erd\", \"bandwidth_in_gbps\": 10}}"),
		 "link1 administratively down (admin_enabled: false): circuit "
		 "'er.d/primary' of azurerm_express_route_circuit.d imported "
		 "as is|IMP060"},
		{STATE("{\"address\": \"oci_core_virtual_circuit.v\", \"values\":"
		       " {\"type\": \"PRIVATE\", \"bgp_admin_state\": "
		       "\"DISABLED\", \"bandwidth_shape_name\": \"1 Gbps\"}}"),
		 "BGP session administratively down|IMP060"},
		{STATE("{\"address\": \"alicloud_express_connect_virtual_border_"
		       "router.v\", \"values\": {\"status\": \"terminated\", "
		       "\"bandwidth\": 100}}"),
		 "administratively down (status: terminated)|IMP060"},
		/* IMP080: under 1 Mbit/s */
		{STATE("{\"address\": \"oci_core_virtual_circuit.v\", \"values\":"
		       " {\"type\": \"PRIVATE\", \"bandwidth_shape_name\": "
		       "\"0.5 Mbps\"}}"),
		 "bandwidth_shape_name is 0.5 Mbit/s, rounded up to 1 Mbit/s|"
		 "IMP080"},
		{STATE("{\"address\": \"azurerm_express_route_circuit.c\", "
		       "\"values\": {\"peering_location\": \"London\", "
		       "\"service_provider_name\": \"BT\", \"bandwidth_in_gbps\":"
		       " 0.0005}}"),
		 "bandwidth_in_gbps is 0.5 Mbit/s, rounded up|IMP080"},
		/* IMP001, IMP010 and IMP022 of these providers */
		{STATE("{\"address\": \"oci_core_virtual_circuit.v\", \"values\":"
		       " {\"type\": \"PRIVATE\", \"ip_mtu\": \"MTU_JUMBO\"}}"),
		 "ip_mtu 'MTU_JUMBO' is not MTU_<n>|IMP001"},
		{STATE("{\"address\": \"alicloud_express_connect_virtual_border_"
		       "router.v\", \"values\": {\"peering_subnet_mask\": "
		       "\"255.0.255.0\", \"bandwidth\": 100}}"),
		 "peering_subnet_mask is not a netmask|IMP001"},
		{"{\"format_version\": \"1.2\", \"planned_values\": {\"root_"
		 "module\": {\"resources\": [{\"address\": \"alicloud_express_"
		 "connect_virtual_border_router.v\", \"values\": {\"bandwidth\":"
		 " 100}}]}}, \"resource_changes\": [{\"address\": \"alicloud_"
		 "express_connect_virtual_border_router.v\", \"change\": "
		 "{\"actions\": [\"create\"], \"after_unknown\": "
		 "{\"physical_connection_id\": true}}}]}",
		 "physical_connection_id resolves neither|IMP010"},
		{STATE("{\"address\": \"ibm_dl_gateway.g\", \"values\": "
		       "{\"type\": \"connect\", \"speed_mbps\": 1000}}"),
		 "placeholder router 'dl.g/edge'|IMP022"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = NULL, *want = nsp_xstrdup(cases[i][1]);
		char *bar = strchr(want, '|');
		*bar = '\0';
		int rc = import_text(cases[i][0], NULL, &out);
		ck_assert_msg(rc == 0, "case %zu: exit %d: %s", i, rc, out);
		ck_assert_msg(strstr(out, want), "case %zu: %s", i, out);
		char *code = nsp_xasprintf("[%s]", bar + 1);
		ck_assert_msg(strstr(out, code), "case %zu: no %s", i, code);
		free(code);
		free(want);
		free(out);
	}
}
END_TEST

/* What ExpressRoute Direct, Oracle and Alibaba circuits are made of. */
START_TEST(provider_values)
{
	char *out = NULL;
	/* Direct: the links' routers and interfaces, no carrier */
	ck_assert_int_eq(import_text(STATE(
		"{\"address\": \"azurerm_express_route_port.erd\", \"values\": "
		"{\"id\": \"" SUBX "/expressRoutePorts/erd\", "
		"\"peering_location\": \"Equinix-Amsterdam-AM5\", \"link1\": "
		"[{\"router_name\": \"exr01.ams\", \"interface_name\": \"Hu0/1\"}"
		"], \"link2\": [{\"interface_name\": \"Hu0/2\"}]}}, {\"address\":"
		" \"azurerm_express_route_circuit.d\", \"values\": "
		"{\"name\": \"d\", \"express_route_port_id\": \"" SUBX
		"/expressRoutePorts/erd\", \"bandwidth_in_gbps\": 10}}, "
		"{\"address\": \"azurerm_express_"
		"route_circuit_peering.p\", \"values\": {\"peering_type\": "
		"\"AzurePrivatePeering\", \"express_route_circuit_name\": \"d\","
		" \"peer_asn\": 65001, \"azure_asn\": 12076, \"vlan_id\": 10, "
		"\"primary_peer_address_prefix\": \"10.1.0.0/30\", "
		"\"secondary_peer_address_prefix\": \"2001:db8::4/126\", "
		"\"shared_key\": \"DO-NOT-PRINT-x\"}}"), NULL, &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "z: {router: az-erd/exr01.ams, port: "
				     "Hu0/1}\n"));
	ck_assert_ptr_nonnull(strstr(out, "z: {router: erport.erd/link2, port: "
				     "Hu0/2}  # default\n"));
	ck_assert_ptr_nonnull(strstr(out, "{id: az-loc/equinix-amsterdam-am5, "
				     "source: 'terraform:azurerm_express_route_"
				     "port.erd#peering_location'}"));
	ck_assert_ptr_nonnull(strstr(out, "bandwidth_mbps: 10000\n"));
	ck_assert_ptr_null(strstr(out, "carrier"));
	ck_assert_ptr_null(strstr(out, "DO-NOT-PRINT"));
	/* the peering's name link, its /30 and /126 host addresses */
	ck_assert_ptr_nonnull(strstr(out, "bgp: {asn: 65001, peer_asn: 12076, "
				     "ip: 10.1.0.1/30, peer_ip: '10.1.0.2'}"));
	ck_assert_ptr_nonnull(strstr(out, "ip: 2001:db8::5/126, peer_ip: "
				     "2001:db8::6}"));
	ck_assert_ptr_nonnull(strstr(out, "{id: azure, source: terraform:"
				     "azurerm_express_route_circuit.d, "
				     "provider: azure}  # default"));
	free(out);
	/* a provider FastConnect: no cross-connect, placeholders; a group */
	ck_assert_int_eq(import_text(STATE(
		"{\"address\": \"oci_core_virtual_circuit.p\", \"values\": "
		"{\"type\": \"PRIVATE\", \"gateway_id\": \"ocid1.drg.oc1.iad."
		"aaaa\", \"provider_service_id\": \"ocid1.providerservice.oc1."
		"iad.bbbb\", \"customer_asn\": \"65030\", \"oracle_bgp_asn\": "
		"31898, \"cross_connect_mappings\": [{\"customer_bgp_peering_ip\""
		": \"10.0.0.18/31\", \"oracle_bgp_peering_ip\": \"10.0.0.19/31\","
		" \"vlan\": 0}]}}, {\"address\": \"oci_core_cross_connect_group."
		"g\", \"values\": {\"id\": \"ocid1.ccg.1\"}}, {\"address\": "
		"\"oci_core_cross_connect.m\", \"values\": {\"id\": "
		"\"ocid1.cc.1\", \"cross_connect_group_id\": \"ocid1.ccg.1\", "
		"\"location_name\": \"Equinix DC2\"}}, {\"address\": "
		"\"oci_core_virtual_circuit.v\", \"values\": {\"type\": "
		"\"PRIVATE\", \"cross_connect_mappings\": [{\"cross_connect_or_"
		"cross_connect_group_id\": \"ocid1.ccg.1\", \"vlan\": 300}, "
		"{\"cross_connect_or_cross_connect_group_id\": \"ocid1.ccg.9\"}"
		"]}}"), NULL, &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "z: {router: fcvc.p/0/edge}  # default"));
	ck_assert_ptr_nonnull(strstr(out, "{id: oci-drg/ocid1.drg.oc1.iad.aaaa, "
				     "source: 'terraform:oci_core_virtual_"
				     "circuit.p#gateway_id', provider: "
				     "oracle}"));
	ck_assert_ptr_nonnull(strstr(out, "bgp: {asn: 65030, peer_asn: 31898, "
				     "ip: 10.0.0.18/31, peer_ip: '10.0.0.19'}"));
	ck_assert_ptr_null(strstr(out, "[IMP001]"));
	ck_assert_ptr_nonnull(strstr(out, "    vlan: 300\n"));
	ck_assert_ptr_nonnull(strstr(out, "z: {router: occg.g/edge, port: "
				     "occg.g}  # default"));
	ck_assert_ptr_nonnull(strstr(out, "{id: occg.g/edge, source: 'terraform:"
				     "oci_core_virtual_circuit.v#cross_connect_"
				     "mappings.cross_connect_or_cross_connect_"
				     "group_id', role: edge, pop: oci-loc/"
				     "equinix-dc2"));
	ck_assert_ptr_nonnull(strstr(out, "z: {router: oci-cc/ocid1.ccg.9/edge, "
				     "port: oci-cc/ocid1.ccg.9}  # default"));
	free(out);
	/* Alibaba: the landing's port type caps the VBR's bandwidth */
	ck_assert_int_eq(import_text(STATE(
		"{\"address\": \"alicloud_express_connect_physical_connection."
		"pc\", \"values\": {\"id\": \"pc-1\", \"access_point_id\": "
		"\"ap-cn-beijing-ft-A\", \"port_type\": \"1000Base-LX\", "
		"\"line_operator\": \"CM\"}}, {\"address\": \"alicloud_express_"
		"connect_virtual_border_router.v\", \"values\": {\"physical_"
		"connection_id\": \"pc-1\", \"bandwidth\": 5000, \"vlan_id\": 0}}"),
		NULL, &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "bandwidth_mbps: 1000\n    carrier: "
				     "cm\n"));
	ck_assert_ptr_null(strstr(out, "vlan:"));
	ck_assert_ptr_nonnull(strstr(out, "z: {router: vbr.v/router, port: "
				     "ecpc.pc}\n"));
	free(out);
}
END_TEST

Suite *import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *t = tcase_create("import");
	tcase_set_timeout(t, 120);
	tcase_add_checked_fixture(t, tmp_setup, tmp_teardown);
	tcase_add_test(t, ids);
	tcase_add_test(t, worked_example);
	tcase_add_test(t, check_import);
	tcase_add_test(t, aws_diversity);
	tcase_add_test(t, secrets);
	tcase_add_test(t, hostile);
	tcase_add_test(t, diagnostics);
	tcase_add_test(t, overlay);
	tcase_add_test(t, provider_fixtures);
	tcase_add_test(t, provider_diagnostics);
	tcase_add_test(t, provider_values);
	suite_add_tcase(s, t);
	return s;
}
