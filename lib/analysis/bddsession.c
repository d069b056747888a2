/*
 * The library's BuDDy session (bddsession.h): one user at a time, BuDDy started
 * once and stopped at exit (so that valgrind sees every node freed), the
 * node table bounded, errors recorded instead of BuDDy's print-and-exit.
 */
#include "bddsession.h"

#include <bdd.h>
#include <stdlib.h>

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
		bdd_done();
	running = false;
	nvars_now = 0;
}

bool nsp_bdd_begin(int nvars)
{
	if (busy)
		return false;
	if (!running) {
		int cap = max_nodes ? max_nodes : NSP_BDD_NODES_MAX;
		/* BuDDy takes a maximum only above the table's size */
		int start = cap / 2 < NSP_BDD_NODES_START ? cap / 2 + 1
		                                          : NSP_BDD_NODES_START;
		if (bdd_init(start, start / 10 + 1) < 0)
			return false;
		running = true;
		failed = false;
		bdd_error_hook(on_error);
		bdd_gbc_hook(NULL);
		bdd_resize_hook(NULL);
		bdd_setmaxnodenum(cap);
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
		if (bdd_setvarnum(nvars) < 0 || failed) {
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
