/*
 * The library's BuDDy session (bddsession.h): BuDDy opened at the first
 * use, one user at a time, started once and stopped at exit (so that
 * valgrind sees every node freed), the node table bounded, errors
 * recorded instead of BuDDy's print-and-exit.
 */
#include "bddsession.h"

#include <stdlib.h>

#include "model/util.h"

struct nsp_bdd_fns nsp_bdd;

/* What the session itself calls of BuDDy, each bdd_<name>. */
static struct {
	__typeof__(bdd_init) *init;
	__typeof__(bdd_done) *done;
	__typeof__(bdd_error_hook) *error_hook;
	__typeof__(bdd_gbc_hook) *gbc_hook;
	__typeof__(bdd_resize_hook) *resize_hook;
	__typeof__(bdd_setmaxnodenum) *setmaxnodenum;
	__typeof__(bdd_setvarnum) *setvarnum;
} core;

/* Open BuDDy into nsp_bdd and core, once; false when it cannot be. */
static bool open_buddy(void)
{
	static int state; /* 0 not tried, 1 open, -1 missing */
	if (state)
		return state > 0;
	const BDD *one, *zero;
	static const char *const names[] = {
		"bdd_addref", "bdd_delref", "bdd_apply", "bdd_and",
		"bdd_nithvar", "bdd_low", "bdd_high", "bdd_var",
		"bdd_getallocnum", "bdd_init", "bdd_done", "bdd_error_hook",
		"bdd_gbc_hook", "bdd_resize_hook", "bdd_setmaxnodenum",
		"bdd_setvarnum", "bddtrue", "bddfalse"};
	void *const slots[] = {
		&nsp_bdd.addref, &nsp_bdd.delref, &nsp_bdd.apply, &nsp_bdd.and,
		&nsp_bdd.nithvar, &nsp_bdd.low, &nsp_bdd.high, &nsp_bdd.var,
		&nsp_bdd.getallocnum, &core.init, &core.done,
		&core.error_hook, &core.gbc_hook, &core.resize_hook,
		&core.setmaxnodenum, &core.setvarnum, &one, &zero};
	char *missing = nsp_dl_open("libbdd.so.0", names, slots,
				    sizeof(names) / sizeof(names[0]));
	state = missing ? -1 : 1;
	if (missing) {
		free(missing);
		return false;
	}
	nsp_bdd.one = *one;
	nsp_bdd.zero = *zero;
	return true;
}

static bool running, busy, failed, registered;
static int nvars_now;
static int max_nodes;

/* BuDDy's error hook: remember that the session failed, and go on. */
static void on_error(int e)
{
	(void)e;
	failed = true;
}

/* Stop BuDDy, freeing its tables. */
static void stop(void)
{
	if (running)
		core.done();
	running = false;
	nvars_now = 0;
}

bool nsp_bdd_begin(int nvars)
{
	if (busy || !open_buddy())
		return false;
	if (!running) {
		int cap = max_nodes ? max_nodes : NSP_BDD_NODES_MAX;
		/* BuDDy takes a maximum only above the table's size */
		int start = cap / 2 < NSP_BDD_NODES_START ? cap / 2 + 1
		                                          : NSP_BDD_NODES_START;
		if (core.init(start, start / 10 + 1) < 0)
			return false;
		running = true;
		failed = false;
		core.error_hook(on_error);
		core.gbc_hook(NULL);
		core.resize_hook(NULL);
		core.setmaxnodenum(cap);
		if (failed) {
			stop();
			return false;
		}
		if (!registered)
			atexit(stop);
		registered = true;
	}
	failed = false;
	if (nvars < 1)
		nvars = 1;
	if (nvars > nvars_now) {
		if (core.setvarnum(nvars) < 0 || failed) {
			stop();
			return false;
		}
		nvars_now = nvars;
	}
	busy = true;
	return true;
}

bool nsp_bdd_failed(void)
{
	return failed;
}

void nsp_bdd_end(void)
{
	if (failed)
		stop(); /* a fresh table for the next user */
	failed = false;
	busy = false;
}

void nsp_bdd_set_max_nodes(int max)
{
	if (running && !busy)
		stop();
	max_nodes = max;
}
