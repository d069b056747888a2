/* HA005: a backup or ECMP member whose failover was never tested, or long ago. */
#include <stdio.h>
#include <stdlib.h>

#include "div.h"
#include "providers/providers.h"
#include "providers/sources.h"

/* Days since 1970-01-01 of a calendar date (proleptic Gregorian). */
static long days_from_civil(int y, int mo, int d)
{
	y -= mo <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The provider's own failover test, to name in the message, or NULL. */
static const char *provider_test(enum nsp_provider p)
{
	switch (p) {
	case NSP_PROV_AWS:
		return "AWS Direct Connect's failover test, "
		       "StartBgpFailoverTest, takes the BGP session down "
		       "for a set time";
	case NSP_PROV_AZURE:
		return "Azure ExpressRoute's site failover simulation, "
		       "Start-AzVirtualNetworkGatewaySiteFailoverTest, "
		       "tests one peering location";
	default:
		return NULL;
	}
}

/*
 * Whether the design records failover tests: its intent sets the maximum
 * age, or some circuit has a last_failover_test. A design that does
 * neither is not judged, so designs written before the field stay as
 * they were.
 */
static bool opted_in(const struct nsp_model *m)
{
	if (m->intent.has_failover_test_max_age)
		return true;
	for (size_t c = 0; c < m->ncircuits; c++)
		if (m->circuits[c].failover_test_text)
			return true;
	return false;
}

/* The first demand with two circuits or more that uses circuit c. */
static size_t backed_demand(const struct nsp_model *m, size_t c)
{
	for (size_t d = 0; d < m->ndemands; d++) {
		const struct nsp_demand *dem = &m->demands[d];
		if (dem->ncircuits < 2)
			continue;
		for (size_t i = 0; i < dem->ncircuits; i++)
			if (dem->circuits[i] == c)
				return d;
	}
	return NSP_NONE;
}

static void check(struct nsp_ctx *ctx)
{
	const struct nsp_model *m = ctx->model;
	if (!opted_in(m))
		return;
	int today = nsp_today();
	if (today < 0)
		return; /* the command line refuses such a NOSPOF_TODAY first */
	long now = days_from_civil(today / 10000, today / 100 % 100,
				   today % 100);
	uint32_t max = m->intent.failover_test_max_age_days;
	enum nsp_severity sev = m->intent.has_failover_test_max_age ?
		NSP_ERROR : NSP_WARNING;
	for (size_t c = 0; c < m->ncircuits; c++) {
		const struct nsp_circuit *ci = &m->circuits[c];
		if (ci->role == NSP_CROLE_PRIMARY)
			continue; /* carries the traffic every day */
		size_t d = backed_demand(m, c);
		if (d == NSP_NONE)
			continue;
		if (ci->failover_test_text && !ci->has_failover_test)
			continue; /* an input error already */
		long age = 0;
		if (ci->has_failover_test) {
			age = now - days_from_civil(ci->failover_test.year,
						    ci->failover_test.month,
						    ci->failover_test.day);
			if (age <= (long)max)
				continue;
		}
		const char *what = ci->role == NSP_CROLE_BACKUP ?
			"backup" : "ECMP member";
		const char *test = provider_test(nsp_circuit_provider(m, ci));
		char *lab = nsp_demand_label(m, &m->demands[d]);
		char when[160];
		if (ci->has_failover_test)
			snprintf(when, sizeof(when),
				 "was last failed over to on %s, %ld days ago, "
				 "more than the %u days "
				 "intent.failover_test_max_age_days allows",
				 ci->failover_test_text, age, max);
		else
			snprintf(when, sizeof(when),
				 "has never been failed over to (no "
				 "last_failover_test)");
		struct nsp_finding *f = nsp_report_at(
		    ctx, sev, "circuits", c,
		    ci->has_failover_test ? "last_failover_test" : NULL,
		    "circuit '%s' (%s of %s) %s: a backup path nobody has "
		    "failed over to is a hope, not a path; fail the traffic "
		    "over to it%s%s%s and record the date in "
		    "last_failover_test",
		    ci->id, what, lab, when, test ? " (" : "",
		    test ? test : "", test ? ")" : "");
		nsp_finding_element(f, ci->id);
		free(lab);
	}
}

static const char *const refs[] = {
    NSP_SRC_OVH " (\"test failover: this is critical, do not skip "
    "failover testing\")",
    NSP_SRC_AWS_FAILOVER_TEST,
    NSP_SRC_AZURE_FAILOVER_TEST,
    NULL,
};

const struct nsp_rule nsp_rule_ha005 = {
    .id = "HA005",
    .name = "failover-test-stale",
    .severity = NSP_WARNING,
    .title = "a backup path was never failed over to, or not for too long",
    .rationale =
        "A backup circuit or an ECMP member is only a path once traffic "
        "has been failed over to it: route filters, BGP passwords, "
        "cross-connects and firewall rules drift while it waits. A test "
        "that is months old proves little about today's configuration. "
        "The design records the date of the last test in each circuit's "
        "last_failover_test; intent.failover_test_max_age_days (default "
        "90) says how old it may be. Only designs that record tests (a "
        "last_failover_test on some circuit, or the intent's maximum "
        "age) are judged; a primary circuit carries traffic every day "
        "and is not. The finding is a warning, an error when the intent "
        "sets the maximum age. Today is the UTC date, or NOSPOF_TODAY "
        "as for waivers.",
    .remediation =
        "Fail the traffic over to the circuit (shut the other BGP "
        "sessions, or use the provider's test: AWS Direct Connect's "
        "failover test, Azure ExpressRoute's site failover simulation), "
        "watch it carry the load, and record the date in "
        "last_failover_test.",
    .references = refs,
    .fails = "intent: {failover_test_max_age_days: 90}\n"
             "circuits:\n"
             "  - {id: c1, ..., role: primary}\n"
             "  - {id: c2, ..., role: backup, last_failover_test: "
             "2025-01-10}\n",
    .passes = "intent: {failover_test_max_age_days: 90}\n"
              "circuits:\n"
              "  - {id: c1, ..., role: primary}\n"
              "  - {id: c2, ..., role: backup, last_failover_test: "
              "2026-05-20}\n",
    .check = check,
};
