/*
 * libcurl, opened when a live NetBox fetch starts rather than linked: it
 * brings some twenty libraries (TLS, Kerberos, LDAP, SSH ...) whose
 * loading costs every other command about 7 MiB of memory and part of
 * its start-up. The headers still come from pkg-config's libcurl; the
 * library is the one of that ABI (soname libcurl.so.4).
 */
#include <dlfcn.h>
#include <stdlib.h>

#include "nb_int.h"

#define CURL_SONAME "libcurl.so.4"

/* Each entry of struct nb_curl, by its libcurl name. */
#define NB_CURL_FNS(X)                                                       \
	X(global_init) X(global_cleanup) X(easy_init) X(easy_setopt)         \
	X(easy_perform) X(easy_getinfo) X(easy_cleanup) X(easy_strerror)     \
	X(easy_escape) X(free) X(getdate) X(slist_append)                    \
	X(slist_free_all) X(url) X(url_cleanup) X(url_get) X(url_set)

/* libcurl's functions, or the reason they are not there; see nb_int.h. */
const struct nb_curl *nb_curl_open(const char **why)
{
	static struct nb_curl fns;
	static void *lib;
	static const char *failed;

	if (!lib && !failed) {
		void *h = dlopen(CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
		if (!h)
			failed = CURL_SONAME " cannot be loaded";
#define X(f)                                                                 \
		if (h && !failed &&                                          \
		    !(*(void **)&fns.f = dlsym(h, "curl_" #f)))              \
			failed = CURL_SONAME " lacks curl_" #f;
		NB_CURL_FNS(X)
#undef X
		if (failed && h)
			dlclose(h);
		else
			lib = h;
	}
	*why = failed;
	return failed ? NULL : &fns;
}
