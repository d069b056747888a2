/*
 * Output files that are never left half-written: a report, a graph or a
 * baseline goes to a temporary file beside its target and replaces the
 * target only once complete; and no output may be one of the inputs.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/util.h"
#include "cli.h"

bool nsp_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	if (!strcmp(a, "-") || !strcmp(b, "-"))
		return false;
	if (!stat(a, &sa) && !stat(b, &sb))
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	char *ca = nsp_output_target(a), *cb = nsp_output_target(b);
	bool same = ca && cb && !strcmp(ca, cb);
	free(ca);
	free(cb);
	return same;
}

char *nsp_output_target(const char *path)
{
	char buf[PATH_MAX];
	if (realpath(path, buf))
		return nsp_xstrdup(buf);
	/* not there yet: its directory resolved, then its name */
	char *d = nsp_xstrdup(path), *b = nsp_xstrdup(path);
	char *dir = dirname(d), *base = basename(b);
	char *ret = NULL;
	if (realpath(dir, buf))
		ret = nsp_xasprintf("%s%s%s", buf,
				    buf[strlen(buf) - 1] == '/' ? "" : "/",
				    base);
	free(d);
	free(b);
	return ret;
}

/* The mode a new file gets: 0666 without the bits of the umask. */
static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

int nsp_output_open(struct nsp_output *o, const char *what, const char *path)
{
	struct stat st;
	char *target = NULL;
	int fd = -1;

	memset(o, 0, sizeof(*o));
	o->path = path;
	o->what = what;
	bool exists = !stat(path, &st);
	struct stat lst;
	bool dangling = !exists && !lstat(path, &lst) && S_ISLNK(lst.st_mode);
	/*
	 * A device, a FIFO or a socket (/dev/stdout, /dev/null), or a link to
	 * a file not there yet: written in place.
	 */
	if ((exists && !S_ISREG(st.st_mode)) || dangling) {
		o->f = fopen(path, "w");
		if (!o->f)
			return nsp_usage_error("%s: cannot write '%s': %s",
					       what, path, strerror(errno));
		return 0;
	}
	if (*path && path[strlen(path) - 1] == '/')
		return nsp_usage_error("%s: cannot write '%s': %s", what, path,
				       strerror(EISDIR));
	/* a file the user may not write is not replaced either */
	if (exists && access(path, W_OK))
		return nsp_usage_error("%s: cannot write '%s': %s", what, path,
				       strerror(errno));
	target = nsp_output_target(path);
	if (!target)
		return nsp_usage_error("%s: cannot write '%s': %s", what, path,
				       strerror(errno));
	char *d = nsp_xstrdup(target), *b = nsp_xstrdup(target);
	o->target = target;
	o->tmp = nsp_xasprintf("%s/.%s.nospof-XXXXXX", dirname(d),
			       basename(b));
	free(d);
	free(b);
	fd = mkstemp(o->tmp);
	if (fd < 0 ||
	    fchmod(fd, exists ? st.st_mode & 07777 : new_file_mode()) ||
	    !(o->f = fdopen(fd, "w"))) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return nsp_usage_error("%s: cannot write '%s': %s", what, path,
				       strerror(e));
	}
	return 0;
}

int nsp_output_commit(struct nsp_output *o)
{
	int e = 0;
	if (!o->f)
		return 0;
	if (fflush(o->f) || ferror(o->f) || (o->tmp && fsync(fileno(o->f))))
		e = errno ? errno : EIO;
	if (fclose(o->f) && !e)
		e = errno ? errno : EIO;
	o->f = NULL;
	if (!e && o->tmp && rename(o->tmp, o->target))
		e = errno;
	if (e && o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->target);
	o->tmp = o->target = NULL;
	if (e)
		return nsp_usage_error("%s: cannot write '%s': %s", o->what,
				       o->path, strerror(e));
	return 0;
}

void nsp_output_abort(struct nsp_output *o)
{
	if (o->f)
		fclose(o->f);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->target);
	memset(o, 0, sizeof(*o));
}
