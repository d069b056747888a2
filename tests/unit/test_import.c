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
	/* every format names the resource behind each element */
	static const char *const formats[] = {"text", "json", "sarif", "junit",
					      "github", "markdown", "html"};
	static const char *const shapes[] = {
		"plan.json:10:5: note: circuit 'gva.va.iad-1' from terraform:",
		"\"message\": \"circuit 'gva.va.iad-1' from terraform:",
		"\"fullyQualifiedName\": \"terraform:google_compute_"
		"interconnect_attachment.va[\\\"iad-1\\\"]\"",
		"related: plan.json:10:5: circuit 'gva.va.iad-1' from terraform:",
		"%0Acircuit 'gva.va.iad-1' from terraform:",
		"<br>circuit 'gva.va.iad-1' from terraform:",
		"<p class=\"loc\">circuit &#39;gva.va.iad-1&#39; from "
		"terraform:google_compute_interconnect_attachment.va[&quot;"};
	for (size_t i = 0; i < 7; i++) {
		cmd = nsp_xasprintf("%s -f %s 2>/dev/null", gcp, formats[i]);
		ck_assert_int_eq(run_cmd(cmd, &out), 0);
		ck_assert_msg(strstr(out, "from terraform:google_compute_"
				     "interconnect_attachment.va[") ||
				      strstr(out, shapes[i]) ||
				      strstr(out, "from terraform:google\\_compute"
					     "\\_interconnect\\_attachment.va\\["),
			      "%s names no resource address", formats[i]);
		ck_assert_msg(strstr(out, shapes[i]), "%s: no '%s' in:\n%s",
			      formats[i], shapes[i], out);
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
			 2);
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

/* scenarios and graph read an imported design too (§1.1). */
START_TEST(scenarios_graph_import)
{
	const char *in = "--import terraform:tests/import/gcp-9999/plan.json "
			 "--overlay tests/import/gcp-9999/overlay.yaml";
	static const char *const cases[][3] = {
		{"scenarios", "2>/dev/null",
		 "circuit 'gva.va.iad-1'        dc-east -> gcp-vpc/prod  yes"},
		{"scenarios", "--cuts 2 -f json 2>/dev/null",
		 "{\"class\":\"router\",\"name\":\"cpe-1\"}"},
		{"graph", "--fail gva.va.iad-1 2>/dev/null",
		 "label=\"✗ gva.va.iad-1\\n10000 Mbit/s"},
		{"graph", "2>&1 >/dev/null",
		 "plan.json: 10 resources imported into 12 elements"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *cmd = nsp_xasprintf("%s %s %s %s", nospof_bin(),
					  cases[i][0], in, cases[i][1]);
		char *out = NULL;
		ck_assert_msg(run_cmd(cmd, &out) == 0, "%s", cmd);
		ck_assert_msg(strstr(out, cases[i][2]), "%s: no '%s' in:\n%s",
			      cmd, cases[i][2], out);
		free(out);
		free(cmd);
	}
	static const char *const bad[] = {
		"scenarios --overlay tests/import/gcp-9999/overlay.yaml "
		"examples/alibaba-two-cpes.yaml",
		"graph --overlay tests/import/gcp-9999/overlay.yaml "
		"examples/alibaba-two-cpes.yaml",
		"scenarios examples/alibaba-two-cpes.yaml --import "
		"terraform:tests/import/gcp-9999/plan.json",
		"graph --import nfs:x",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *cmd = nsp_xasprintf("%s %s >/dev/null 2>&1", nospof_bin(),
					  bad[i]);
		ck_assert_msg(run_cmd(cmd, NULL) == 3, "%s", cmd);
		free(cmd);
	}
	/* a plan that cannot be read is an input error, as a design file is */
	char *miss = nsp_xasprintf("%s scenarios --import terraform:%s/none."
				   "json 2>&1", nospof_bin(), tmpdir);
	char *out = NULL;
	ck_assert_int_eq(run_cmd(miss, &out), 2);
	ck_assert_ptr_nonnull(strstr(out, "none.json:1:1: error: cannot read "
				     "the file: No such file or directory "
				     "[INPUT]"));
	free(out);
	free(miss);
	/* a plan with an input error: exit 2 */
	char *cmd = nsp_xasprintf("echo '{' > %s/bad.json && %s scenarios "
				  "--import terraform:%s/bad.json >/dev/null "
				  "2>&1", tmpdir, nospof_bin(), tmpdir);
	ck_assert_int_eq(run_cmd(cmd, NULL), 2);
	free(cmd);
}
END_TEST

/* --skeleton: every gap listed, a valid overlay, never over an input. */
START_TEST(skeleton)
{
	char *out = NULL;
	char *cmd = nsp_xasprintf("%s import terraform tests/import/gcp-9999/"
				  "plan.json --skeleton %s/sk.yaml -o %s/a.yaml "
				  "2>/dev/null && cat %s/sk.yaml", nospof_bin(),
				  tmpdir, tmpdir, tmpdir);
	ck_assert_int_eq(run_cmd(cmd, &out), 0);
	free(cmd);
	ck_assert_msg(!strncmp(out, "# overlay skeleton of tests/import/gcp-"
			       "9999/plan.json", 50), "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "\nnospof_overlay: 1\n# circuits:\n"
				     "#   - {id: gva.va.iad-1, a: {router: "
				     "ROUTER, port: PORT}}  # IMP020\n"));
	/* one IMP020 line per circuit of the plan without customer end */
	size_t n = 0;
	for (const char *p = out; (p = strstr(p, "# IMP020")); p++)
		n++;
	ck_assert_uint_eq(n, 4);
	free(out);
	/* it is an overlay that changes nothing */
	cmd = nsp_xasprintf("tail -n +2 %s/a.yaml > %s/b.yaml && %s import "
			    "terraform tests/import/gcp-9999/plan.json "
			    "--overlay %s/sk.yaml 2>/dev/null | tail -n +2 | "
			    "cmp - %s/b.yaml", tmpdir, tmpdir, nospof_bin(),
			    tmpdir, tmpdir);
	ck_assert_int_eq(run_cmd(cmd, NULL), 0);
	free(cmd);
	/* never over an overlay or the design; nothing on an input error */
	cmd = nsp_xasprintf("cp %s/sk.yaml %s/keep.yaml && %s import terraform "
			    "tests/import/gcp-9999/plan.json --overlay "
			    "%s/sk.yaml --skeleton %s/sk.yaml >/dev/null "
			    "2>&1; echo $?; cmp %s/sk.yaml %s/keep.yaml && "
			    "echo same; echo '{' > %s/bad.json; %s import "
			    "terraform %s/bad.json --skeleton %s/none.yaml "
			    ">/dev/null 2>&1; echo $?; test -e %s/none.yaml "
			    "|| echo absent", tmpdir, tmpdir, nospof_bin(),
			    tmpdir, tmpdir, tmpdir, tmpdir, tmpdir,
			    nospof_bin(), tmpdir, tmpdir, tmpdir);
	ck_assert_int_eq(run_cmd(cmd, &out), 0);
	ck_assert_str_eq(out, "3\nsame\n2\nabsent\n");
	free(out);
	free(cmd);
	/* NetBox's import writes one too */
	cmd = nsp_xasprintf("%s import netbox --from tests/netbox/demo "
			    "--skeleton %s/nb.yaml -o /dev/null 2>/dev/null && "
			    "cat %s/nb.yaml", nospof_bin(), tmpdir, tmpdir);
	ck_assert_int_eq(run_cmd(cmd, &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "\nnospof_overlay: 1\n# circuits:\n"));
	ck_assert_ptr_nonnull(strstr(out, "#   - {id: nb/zayo/df-ash-0001/edge, "
				     "pop: POP}  # IMP022\n"));
	free(out);
	free(cmd);
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

Suite *import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *t = tcase_create("import");
	tcase_set_timeout(t, 120);
	tcase_add_checked_fixture(t, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(t, ids);
	tcase_add_test(t, worked_example);
	tcase_add_test(t, check_import);
	tcase_add_test(t, aws_diversity);
	tcase_add_test(t, secrets);
	tcase_add_test(t, hostile);
	tcase_add_test(t, diagnostics);
	tcase_add_test(t, overlay);
	tcase_add_test(t, skeleton);
	tcase_add_test(t, scenarios_graph_import);
	suite_add_tcase(s, t);
	return s;
}
