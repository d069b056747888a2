/*
 * libcurl, opened when a live NetBox fetch starts rather than linked: it
 * brings some twenty libraries (TLS, Kerberos, LDAP, SSH ...) whose
 * loading costs every other command about 7 MiB of memory and part of
 * its start-up. The headers still come from pkg-config's libcurl; the
 * library is the one of that ABI (soname libcurl.so.4).
 */
#include <stdlib.h>

#include "nb_int.h"

/* Each entry of struct nb_curl, by its libcurl name less curl_. */
#define NB_CURL_FNS(X)                                                       \
	X(global_init) X(global_cleanup) X(easy_init) X(easy_setopt)         \
	X(easy_perform) X(easy_getinfo) X(easy_cleanup) X(easy_strerror)     \
	X(easy_escape) X(free) X(getdate) X(slist_append)                    \
	X(slist_free_all) X(url) X(url_cleanup) X(url_get) X(url_set)

/* libcurl's functions, or the reason they are not there; see nb_int.h. */
const struct nb_curl *nb_curl_open(const char **why)
{
	static struct nb_curl fns;
	static bool tried;
	static char *failed;

	if (!tried) {
#define NAME(f) "curl_" #f,
#define SLOT(f) &fns.f,
		static const char *const names[] = {NB_CURL_FNS(NAME)};
		void *const slots[] = {NB_CURL_FNS(SLOT)};
#undef NAME
#undef SLOT
		failed = nsp_dl_open("libcurl.so.4", names, slots,
				     sizeof(names) / sizeof(names[0]));
		tried = true;
	}
	*why = failed;
	return failed ? NULL : &fns;
}
