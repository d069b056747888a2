/*
 * Tests of the NetBox importer from saved responses (IMPORT.md §6): the
 * demo data of NetBox 4.2 and 3.7 byte for byte and alike, check --import
 * netbox:DIR with the router both branch carriers land on, the filters,
 * every import diagnostic of NetBox and the page errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

/* Run a shell command with $NSP the CLI under test (absolute). */
static int sh(const char *cmd, char **out)
{
	char *full = nsp_xasprintf("NSP=$(realpath %s); %s", nospof_bin(),
				   cmd);
	int st = run_cmd(full, out);
	free(full);
	return st;
}

/*
 * The demo data changed by Python code (tests/netbox/mutate.py) into
 * TMP/d, imported with args; output and standard error in *out.
 */
static int mutated(const char *code, const char *args, char **out)
{
	char *cmd = nsp_xasprintf("rm -rf %s/d && python3 tests/netbox/"
				  "mutate.py tests/netbox/demo %s/d \"%s\" && "
				  "%s import netbox --from %s/d %s 2>&1",
				  tmpdir, tmpdir, code, nospof_bin(), tmpdir,
				  args);
	int st = run_cmd(cmd, out);
	free(cmd);
	return st;
}

/* The demo data with the overlay, byte for byte; 3.7 gives the same. */
START_TEST(demo_golden)
{
	char *out = NULL, *err = NULL;
	char *want = read_text("tests/netbox/demo/expected.yaml");
	ck_assert_int_eq(sh("cd tests/netbox/demo && $NSP"
				 " import netbox --from . --overlay "
				 "overlay.yaml 2>/dev/null", &out), 0);
	ck_assert_str_eq(out, want);
	free(out);
	free(want);
	ck_assert_int_eq(sh("cd tests/netbox/demo && $NSP"
				 " import netbox --from . --overlay "
				 "overlay.yaml 2>&1 >/dev/null | tail -1",
				 &err), 0);
	ck_assert_str_eq(err, ".: 6 circuits imported into 25 elements (3 "
			 "sites, 0 clouds, 5 pops, 11 routers, 6 circuits); 1 "
			 "circuit not imported; 0 errors, 4 warnings, 1 "
			 "info\n");
	free(err);
	/* the single router both Akron carriers land on */
	ck_assert_int_eq(sh("$NSP import netbox --from tests/"
				 "netbox/demo 2>/dev/null | grep -c 'a: "
				 "{router: nb-dev/dmi01-akron-rtr01'", &out), 0);
	ck_assert_str_eq(out, "2\n");
	free(out);
	/* NetBox 3.7's shapes give the same design, but for group roles */
	char *cmd = nsp_xasprintf("for v in demo demo-37; do $NSP "
				  "import netbox --from tests/netbox/$v "
				  "2>/dev/null | tail -n +2 | grep -v "
				  "'^    role: ' > %s/$v.yaml; done; cmp %s/demo."
				  "yaml %s/demo-37.yaml", tmpdir, tmpdir, tmpdir);
	ck_assert_int_eq(sh(cmd, NULL), 0);
	free(cmd);
	/* -f json is a design check reads */
	ck_assert_int_eq(sh("$NSP import netbox --from tests/"
				 "netbox/demo -f json 2>/dev/null | $NSP"
				 " check --fail-on never - >/dev/null",
				 NULL), 0);
}
END_TEST

/* check --import netbox:DIR: the findings golden, DIV002 on Akron. */
START_TEST(demo_check)
{
	char *out = NULL;
	char *want = read_text("tests/netbox/demo/expected-check.txt");
	ck_assert_int_eq(sh("cd tests/netbox/demo && $NSP"
				 " check --import netbox:. --overlay "
				 "overlay.yaml 2>/dev/null", &out), 1);
	ck_assert_str_eq(out, want);
	ck_assert_ptr_nonnull(strstr(out, "./circuits.1.json:6:9: error: "
				     "circuits 'nb/level3/1002840283' and "
				     "'nb/ntt/kkdg4923' of demand "
				     "'nb-site/dmi01-akron' -> 'corp-wan' all "
				     "start on CPE router "
				     "'nb-dev/dmi01-akron-rtr01'"));
	free(out);
	free(want);
	ck_assert_int_eq(sh("$NSP check --import netbox:tests/"
				 "netbox/demo --overlay tests/netbox/demo/"
				 "overlay.yaml -f sarif 2>/dev/null", &out), 1);
	ck_assert_ptr_nonnull(strstr(out, "from netbox:https://netbox."
				     "example.com/api/dcim/devices/1/"));
	free(out);
	/* scenarios and graph take the same import */
	ck_assert_int_eq(sh("cd tests/netbox/demo && $NSP scenarios --import "
			    "netbox:. --overlay overlay.yaml 2>/dev/null | "
			    "grep -c \"^router 'nb-dev/dmi01-akron-rtr01' .* "
			    "no \"", &out), 0);
	ck_assert_str_eq(out, "1\n");
	free(out);
	ck_assert_int_eq(sh("cd tests/netbox/demo && $NSP graph --import "
			    "netbox:. --overlay overlay.yaml 2>/dev/null | "
			    "grep -c 'nb-dev/dmi01-akron-rtr01'", &out), 0);
	ck_assert_str_ne(out, "0\n");
	free(out);
	ck_assert_int_eq(sh("$NSP check --import netbox:/nope "
				 ">/dev/null 2>&1", NULL), 2);
	ck_assert_int_eq(sh("$NSP check --import bogus:x "
				 ">/dev/null 2>&1", NULL), 3);
}
END_TEST

/* Filters: each kind narrows, kinds combine, values within one widen. */
START_TEST(filters)
{
	static const struct {
		const char *args;
		const char *count;
	} cases[] = {
		{"--provider ntt", "2\n"},
		{"--provider ntt --provider zayo", "3\n"},
		{"--site dmi01-nashua", "2\n"},
		{"--site eqx-dc5", "2\n"},
		{"--tag wan", "4\n"},
		{"--tag wan --provider level3", "2\n"},
		{"--tenant dunder-mifflin", "6\n"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = NULL;
		char *cmd = nsp_xasprintf("$NSP import netbox --from "
					  "tests/netbox/demo %s 2>/dev/null | "
					  "grep -c '^  - id: nb/'",
					  cases[i].args);
		sh(cmd, &out);
		ck_assert_msg(!strcmp(out, cases[i].count), "%s: %s",
			      cases[i].args, out);
		free(out);
		free(cmd);
	}
	char *out = NULL;
	ck_assert_int_eq(sh("$NSP import netbox --from tests/"
				 "netbox/demo --tenant nobody 2>&1", &out), 2);
	ck_assert_ptr_nonnull(strstr(out, "no circuit in the design: 7 "
				     "circuits read"));
	free(out);
}
END_TEST

/* Every NetBox import diagnostic, from the demo data changed a little. */
START_TEST(diagnostics)
{
	static const char *const cases[][3] = {
		/* a cable to a console port: not an interface */
		{"get('cables', 1)['b_terminations'][0]['object_type'] = "
		 "'dcim.consoleport'", "circuit KKDG4923 side A reaches no "
		 "device: the path ends on a dcim.consoleport (1), not an "
		 "interface", "[IMP070]"},
		/* a cable into another circuit: info */
		{"get('cables', 2)['b_terminations'] = [{'object_type': "
		 "'circuits.circuittermination', 'object_id': 5, 'object': "
		 "{'circuit': {'cid': 'NSH-MPLS-0031'}}}]",
		 "info: circuit 1002840283 side A reaches no device: the path "
		 "reaches circuit NSH-MPLS-0031", "[IMP070]"},
		/* an interface missing from the responses */
		{"drop('interfaces', 3)", "warning: circuit NSH-MPLS-0031 side "
		 "A reaches no device: interfaces 3 is not in the responses",
		 "[IMP070]"},
		/* a cable that splits */
		{"get('cables', 4)['b_terminations'].append({'object_type': "
		 "'dcim.interface', 'object_id': 7})", "cable 4 splits into 2 "
		 "objects on its far side; followed the first by id",
		 "[IMP070]"},
		/* a patch-panel loop: 32 hops */
		{"get('rear-ports', 3)['cable'] = {'id': 8}; get('rear-ports',"
		 " 3)['cable_end'] = 'A'; get('cables', 8)['a_terminations'] = "
		 "[{'object_type': 'dcim.rearport', 'object_id': 3}]; "
		 "get('circuit-terminations', 11)['cable_end'] = 'B'",
		 "the path is longer than 32 cables (a loop?)", "[IMP070]"},
		/* no front port at the position carried */
		{"get('front-ports', 2)['rear_port_position'] = 7",
		 "no front port maps to position 3 of rear port RP1",
		 "[IMP070]"},
		/* marked connected, no cable, no device end */
		{"t = get('circuit-terminations', 13); t['mark_connected'] = "
		 "True; get('circuits', 7)['status'] = {'value': 'active'}",
		 "circuit KKDG3310 side A is marked connected but has no "
		 "cable", "[IMP070]"},
		{"", "circuit KKDG3310 left out: status 'decommissioned'",
		 "[IMP071]"},
		{"get('circuits', 6)['assignments'][0]['priority'] = {'value': "
		 "'inactive'}", "circuit XC-EQX-1001 left out: inactive in its "
		 "circuit group", "[IMP071]"},
		/* site to site: both ends reach devices */
		{"t = get('circuit-terminations', 10); t['cable'] = {'id': 11};"
		 " t['cable_end'] = 'A'; ep['cables'].append({'id': 11, "
		 "'a_terminations': [{'object_type': "
		 "'circuits.circuittermination', 'object_id': 10}], "
		 "'b_terminations': [{'object_type': 'dcim.interface', "
		 "'object_id': 7}]})", "circuit DF-ASH-0001 left out: both ends "
		 "reach devices (site to site)", "[IMP071]"},
		{"get('circuits', 1)['commit_rate'] = 512", "circuits 1: "
		 "commit_rate 512 kbit/s rounded up to 1 Mbit/s", "[IMP080]"},
		{"get('circuits', 1)['commit_rate'] = 'fast'", "circuits 1: "
		 "commit_rate is not a usable speed (kbit/s); left out",
		 "[IMP001]"},
		{"get('interfaces', 1)['mtu'] = 99999", "interface 1: mtu is "
		 "not a usable value", "[IMP001]"},
		{"get('circuit-terminations', 1)['cable'] = None",
		 "warning: circuit 'nb/ntt/kkdg4923' has no customer end",
		 "[IMP020]"},
		{"get('circuit-terminations', 3)['port_speed'] = None; "
		 "get('circuit-terminations', 3)['upstream_speed'] = None",
		 "circuit 'nb/level3/1002840283' has no bandwidth", "[IMP021]"},
		{"", "placeholder router 'nb/ntt/kkdg4923/edge'", "[IMP022]"},
		{"", "placeholder pop 'nb/ntt/kkdg4923/pop'", "[IMP023]"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = NULL;
		int rc = mutated(cases[i][0], "", &out);
		ck_assert_msg(rc == 0, "case %zu: exit %d: %s", i, rc, out);
		ck_assert_msg(strstr(out, cases[i][1]), "case %zu: %s", i, out);
		/* the finding and its code on one line */
		char *line = strstr(out, cases[i][1]);
		char *eol = strchr(line, '\n');
		*eol = '\0';
		ck_assert_msg(strstr(line, cases[i][2]) ||
			      strstr(eol + 1, cases[i][2]), "case %zu: %s", i,
			      line);
		free(out);
	}
	/* located in the page of the object concerned */
	char *out = NULL;
	ck_assert_int_eq(mutated("get('interfaces', 1)['mtu'] = 99999", "",
				 &out), 0);
	char *want = nsp_xasprintf("%s/d/interfaces.json:", tmpdir);
	ck_assert_ptr_nonnull(strstr(out, want));
	free(want);
	free(out);
	/* --fail-on */
	ck_assert_int_eq(mutated("", "--fail-on warning", &out), 1);
	free(out);
}
END_TEST

/* Page errors: exit 2, located, nothing written. */
START_TEST(pages)
{
	static const char *const cases[][2] = {
		{"del ep['sites']", "no sites: save /api/dcim/sites/ as "
		 "sites.json"},
		{"ep['cables'][0]['termination_a_type'] = 'dcim.interface'",
		 "a cable in the shape of NetBox before 3.3"},
		{"ep['devices'].append(dict(ep['devices'][0]))",
		 "devices: id 1 appears twice"},
		{"ep['devices'].append({'id': 'x'})",
		 "a result without a positive integer id"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = NULL;
		ck_assert_int_eq(mutated(cases[i][0], "", &out), 2);
		ck_assert_msg(strstr(out, cases[i][1]) && strstr(out,
							      "[INPUT]"),
			      "case %zu: %s", i, out);
		free(out);
	}
	/* files written by hand: not JSON, not a list, counts, pages */
	static const char *const files[][3] = {
		{"devices.json", "not json", "devices.json:1:3: error: not "
		 "valid JSON"},
		{"devices.json", "{\"detail\": \"Invalid token.\"}",
		 "not a NetBox list response of devices (count, next, "
		 "previous, results); it holds an error ('detail')"},
		{"devices.json", "{\"count\": 3, \"next\": null, \"previous\": "
		 "null, \"results\": []}", "the pages of devices from here "
		 "hold 0 results, but its count says 3"},
		{"devices.2.json", "{\"count\": 0, \"next\": null, "
		 "\"previous\": \"https://x/api/dcim/devices/\", \"results\": "
		 "[]}", "both devices.json and numbered pages of it"},
		{"sites.json", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
		 "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]"
		 "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
		 "nesting deeper than 64 levels"},
	};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *out = NULL;
		char *cmd = nsp_xasprintf(
			"rm -rf %s/d && python3 tests/netbox/mutate.py tests/"
			"netbox/demo %s/d '' && printf '%%s' '%s' > %s/d/%s && "
			"%s import netbox --from %s/d -o %s/out.yaml 2>&1",
			tmpdir, tmpdir, files[i][1], tmpdir, files[i][0],
			nospof_bin(), tmpdir, tmpdir);
		ck_assert_int_eq(sh(cmd, &out), 2);
		ck_assert_msg(strstr(out, files[i][2]), "case %zu: %s", i,
			      out);
		free(cmd);
		free(out);
		cmd = nsp_xasprintf("%s/out.yaml", tmpdir);
		ck_assert_int_ne(access(cmd, F_OK), 0);
		free(cmd);
	}
	/* a second page without the first */
	char *out = NULL;
	char *cmd = nsp_xasprintf(
		"cp -r tests/netbox/demo %s/p && rm %s/p/circuits.1.json && "
		"%s import netbox --from %s/p 2>&1", tmpdir, tmpdir,
		nospof_bin(), tmpdir);
	ck_assert_int_eq(sh(cmd, &out), 2);
	ck_assert_ptr_nonnull(strstr(out, "circuits.2.json:1:1: error: a page "
				     "that follows no first page"));
	free(out);
	free(cmd);
	/* the size limit, and usage errors */
	ck_assert_int_eq(sh("$NSP import netbox --from tests/"
				 "netbox/demo --max-input-mb 0 >/dev/null "
				 "2>&1", NULL), 3);
	ck_assert_int_eq(sh("$NSP import netbox >/dev/null 2>&1",
				 NULL), 3);
	ck_assert_int_eq(sh("$NSP import netbox --from a --url "
				 "https://x >/dev/null 2>&1", NULL), 3);
	ck_assert_int_eq(sh("$NSP import netbox --from a --save "
				 "b >/dev/null 2>&1", NULL), 3);
	ck_assert_int_eq(sh("$NSP import netbox --from /nope "
				 ">/dev/null 2>&1", NULL), 3);
}
END_TEST

/* The token of the live tests: no output may ever hold it. */
#define TOKEN "nbtok-0f9e8d7c-DO-NOT-PRINT"

/*
 * Start the NetBox stand-in (tests/netbox/server.py) on the demo data in
 * mode, run nospof import netbox --url against it with args and the token
 * tok in NETBOX_TOKEN, stop the server; standard output and error in *out.
 */
static int live(const char *mode, const char *tok, const char *args,
		char **out)
{
	char *cmd = nsp_xasprintf(
		"d=%s; rm -f $d/port; python3 tests/netbox/server.py tests/"
		"netbox/demo '%s' --mode %s --log $d/log > $d/port "
		"2>$d/srv.err & pid=$!; "
		"i=0; while [ ! -s $d/port ] && [ $i -lt 100 ]; do sleep 0.1; "
		"i=$((i + 1)); done; NETBOX_TOKEN='%s' %s import netbox --url "
		"http://127.0.0.1:$(cat $d/port) %s 2>&1; st=$?; kill $pid; "
		"wait $pid 2>/dev/null; exit $st", tmpdir, TOKEN, mode, tok,
		nospof_bin(), args);
	int st = run_cmd(cmd, out);
	free(cmd);
	return st;
}

/* Live and saved give the same design; pagination, retries, --save. */
START_TEST(live_same_design)
{
	char *out = NULL, *cmd;
	/* flaky: a 429 with Retry-After once, a 503 once, a slow page */
	ck_assert_int_eq(live("flaky", TOKEN, "--timeout 1 --save $d/save "
			      "-o $d/live.yaml", &out), 0);
	free(out);
	cmd = nsp_xasprintf(
		"d=%s; $NSP import netbox --from tests/netbox/demo "
		"2>/dev/null | tail -n +2 > $d/from.yaml && tail -n +2 "
		"$d/live.yaml | cmp - $d/from.yaml && $NSP import "
		"netbox --from $d/save 2>/dev/null | tail -n +2 | cmp - "
		"$d/from.yaml", tmpdir);
	ck_assert_int_eq(sh(cmd, NULL), 0);
	free(cmd);
	/* the requests: paginated, retried, filtered by id, one agent */
	cmd = nsp_xasprintf("d=%s; grep -c 'GET /api/circuits/circuits/' "
			    "$d/log; grep -c 'offset=' $d/log | sed 's/^0$/"
			    "none/'; grep -c 'rear_port_id=' $d/log; grep -vc "
			    "'UA=nospof/' $d/log", tmpdir);
	ck_assert_int_eq(sh(cmd, &out), 1);
	/* circuits: the throttled request, then its three pages */
	ck_assert_msg(!strncmp(out, "4\n", 2), "%s", out);
	ck_assert_ptr_null(strstr(out, "none"));
	ck_assert_msg(strstr(out, "\n0\n"), "%s", out);
	free(out);
	free(cmd);
	/* filters go into the query */
	ck_assert_int_eq(live("normal", TOKEN, "--provider ntt --tag wan "
			      "--tenant dunder-mifflin -o /dev/null", &out), 0);
	free(out);
	cmd = nsp_xasprintf("grep -c 'circuits/?limit=1000&ordering=id&"
			    "tenant=dunder-mifflin&tag=wan&provider=ntt' "
			    "%s/log", tmpdir);
	ck_assert_int_eq(sh(cmd, &out), 0);
	ck_assert_str_eq(out, "1\n");
	free(out);
	free(cmd);
}
END_TEST

/* Refused, missing and hostile: exit 3 or 2, clear, nothing written. */
START_TEST(live_errors)
{
	static const struct {
		const char *mode, *tok, *args;
		int rc;
		const char *msg;
	} cases[] = {
		{"normal", "wrong", "", 3, "NETBOX_TOKEN was refused (HTTP 403 "
		 "at /api/circuits/circuits/)"},
		{"normal", "", "", 3, "set NETBOX_TOKEN"},
		{"notfound", TOKEN, "", 3, "HTTP 404 at /api/circuits/circuits/:"
		 " is http://127.0.0.1:"},
		{"redirect", TOKEN, "", 3, "HTTP 302 at /api/circuits/circuits/:"
		 " redirected"},
		{"next-host", TOKEN, "", 3, "a 'next' link of circuits leaves "
		 "http://127.0.0.1:"},
		{"next-loop", TOKEN, "", 2, "netbox/circuits.2.json:1:1: error: "
		 "'next' leads back to a page fetched already"},
		{"not-json", TOKEN, "", 2, "netbox/circuits.1.json:1:1: error: "
		 "not valid JSON"},
		{"huge", TOKEN, "--max-input-mb 1", 2, "netbox/circuits.1.json:"
		 "1:1: error: page over the size limit"},
		{"deep", TOKEN, "", 2, "error: nesting deeper than 64 levels"},
		{"normal", TOKEN, "--ca-cert /nonexistent", 3, "--ca-cert: "
		 "cannot read"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = NULL;
		char *args = nsp_xasprintf("%s -o $d/out.yaml", cases[i].args);
		int rc = live(cases[i].mode, cases[i].tok, args, &out);
		ck_assert_msg(rc == cases[i].rc, "case %zu: exit %d: %s", i, rc,
			      out);
		ck_assert_msg(strstr(out, cases[i].msg), "case %zu: %s", i,
			      out);
		ck_assert_msg(!strstr(out, TOKEN), "case %zu: token printed", i);
		free(args);
		free(out);
		char *p = nsp_xasprintf("%s/out.yaml", tmpdir);
		ck_assert_int_ne(access(p, F_OK), 0);
		free(p);
	}
	/* URLs: https only off loopback, no user information, no query */
	static const char *const urls[][2] = {
		{"http://netbox.example.com", "http:// only for a loopback"},
		{"https://user:pw@netbox.example.com", "no user information"},
		{"https://netbox.example.com/?x=1", "expected https://HOST"},
		{"ftp://netbox.example.com", "expected https://HOST"},
	};
	for (size_t i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
		char *out = NULL;
		char *cmd = nsp_xasprintf("NETBOX_TOKEN=%s %s import netbox "
					  "--url '%s' 2>&1", TOKEN,
					  nospof_bin(), urls[i][0]);
		ck_assert_int_eq(sh(cmd, &out), 3);
		ck_assert_msg(strstr(out, urls[i][1]), "%s: %s", urls[i][0],
			      out);
		free(out);
		free(cmd);
	}
}
END_TEST

/*
 * A front port fetched by id is not fetched again through its rear port
 * (id__n): a second dark fibre patched into the far panel's FP4.
 */
START_TEST(live_front_once)
{
	char *out = NULL;
	char *cmd = nsp_xasprintf(
		"d=%s; python3 tests/netbox/mutate.py tests/netbox/demo $d/m "
		"\"c = dict(get('circuits', 5)); c.update(id=8, cid='DF-ASH-"
		"0002', url='/api/circuits/circuits/8/', assignments=[]); "
		"ep['circuits'].append(c); t = dict(get('circuit-terminations',"
		" 9)); t.update(id=14, circuit={'id': 8, 'cid': 'DF-ASH-0002'}, "
		"cable={'id': 12}); ep['circuit-terminations'].append(t); "
		"ep['cables'].append({'id': 12, 'a_terminations': [{"
		"'object_type': 'circuits.circuittermination', 'object_id': 14}"
		"], 'b_terminations': [{'object_type': 'dcim.frontport', "
		"'object_id': 5}]}); f = get('front-ports', 5); f['cable'] = "
		"{'id': 12}; f['cable_end'] = 'B'\" && python3 tests/netbox/"
		"server.py $d/m '%s' --log $d/log > $d/port 2>$d/srv.err & "
		"pid=$!; i=0; while [ ! -s $d/port ] && [ $i -lt 100 ]; do "
		"sleep 0.1; i=$((i + 1)); done; NETBOX_TOKEN='%s' $NSP import "
		"netbox --url http://127.0.0.1:$(cat $d/port) -o /dev/null 2>&1;"
		" st=$?; kill $pid; grep -c 'id__n=' $d/log; exit $st", tmpdir,
		TOKEN, TOKEN);
	ck_assert_int_eq(sh(cmd, &out), 0);
	ck_assert_ptr_nonnull(strstr(out, "circuit DF-ASH-0002 side A reaches "
				     "no device: no front port maps to "
				     "position 4 of rear port RP1"));
	ck_assert_ptr_null(strstr(out, "appears twice"));
	ck_assert_ptr_nonnull(strstr(out, "\n1\n"));
	free(out);
	free(cmd);
}
END_TEST

/* TLS is verified: a self-signed server fails, --ca-cert makes it pass. */
START_TEST(live_tls)
{
	char *out = NULL;
	char *cmd = nsp_xasprintf(
		"cd %s && openssl req -x509 -newkey rsa:2048 -nodes -days 2 "
		"-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 "
		"-keyout key.pem -out cert.pem >/dev/null 2>&1", tmpdir);
	ck_assert_int_eq(run_cmd(cmd, NULL), 0);
	free(cmd);
	static const char *const tls =
		"--tls $d/cert.pem $d/key.pem";
	char *start = nsp_xasprintf(
		"d=%s; rm -f $d/port; python3 tests/netbox/server.py tests/"
		"netbox/demo '%s' %s > $d/port 2>$d/srv.err & pid=$!; i=0; "
		"while [ ! -s $d/port ] && [ $i -lt 100 ]; do sleep 0.1; "
		"i=$((i + 1)); done; NETBOX_TOKEN='%s' $NSP import netbox "
		"--url https://127.0.0.1:$(cat $d/port)", tmpdir, TOKEN, tls,
		TOKEN);
	cmd = nsp_xasprintf("%s -o /dev/null 2>&1; st=$?; kill $pid; exit "
			    "$st", start);
	ck_assert_int_eq(sh(cmd, &out), 3);
	ck_assert_ptr_nonnull(strstr(out, "/api/circuits/circuits/: SSL "));
	ck_assert_ptr_null(strstr(out, TOKEN));
	free(out);
	free(cmd);
	cmd = nsp_xasprintf("%s --ca-cert $d/cert.pem 2>/dev/null | grep -c "
			    "nb-dev/dmi01-akron-rtr01; kill $pid", start);
	ck_assert_int_eq(sh(cmd, &out), 0);
	/* the router line and the a ends of its two circuits */
	ck_assert_str_eq(out, "3\n");
	free(out);
	free(cmd);
	free(start);
}
END_TEST

/* The token never reaches an output, a saved page or a request line. */
START_TEST(live_token)
{
	char *out = NULL;
	ck_assert_int_eq(live("normal", TOKEN, "--save $d/save --overlay "
			      "tests/netbox/demo/overlay.yaml -f json",
			      &out), 0);
	ck_assert_ptr_null(strstr(out, TOKEN));
	ck_assert_ptr_nonnull(strstr(out, "nb-dev/dmi01-akron-rtr01"));
	free(out);
	char *cmd = nsp_xasprintf("grep -rl -e '%s' -e 'DO-NOT-PRINT' %s; "
				  "test -s %s/log", TOKEN, tmpdir, tmpdir);
	ck_assert_int_eq(sh(cmd, &out), 0);
	ck_assert_str_eq(out, "");
	free(out);
	free(cmd);
	/* a v2 token goes as Bearer: the stand-in refuses it, unprinted */
	ck_assert_int_eq(live("normal", "nbt_" TOKEN, "", &out), 3);
	ck_assert_ptr_null(strstr(out, TOKEN));
	free(out);
}
END_TEST

Suite *netbox_suite(void)
{
	Suite *s = suite_create("netbox");
	TCase *t = tcase_create("netbox");
	tcase_set_timeout(t, 300);
	tcase_add_checked_fixture(t, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(t, demo_golden);
	tcase_add_test(t, demo_check);
	tcase_add_test(t, filters);
	tcase_add_test(t, diagnostics);
	tcase_add_test(t, pages);
	tcase_add_test(t, live_same_design);
	tcase_add_test(t, live_errors);
	tcase_add_test(t, live_token);
	tcase_add_test(t, live_tls);
	tcase_add_test(t, live_front_once);
	suite_add_tcase(s, t);
	return s;
}
