/* atomic_file.c: the one way rapport writes a file (see atomic_file.h). */
#include "util/atomic_file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

/* How much of the target's name a temporary's name keeps: with the mark,
 * the pid and the random part it stays under NAME_MAX (255). */
#define NAME_KEEP 160
#define RANDOM_LEN 6 /* mkostemp's XXXXXX */

/* The folder of path ("." for a bare name). */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static const char *name_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static size_t kept_len(const char *name)
{
	size_t n = strlen(name);

	return n < NAME_KEEP ? n : NAME_KEEP;
}

/* Make the folder's new entry (a rename) durable. Some file systems
 * cannot sync a folder (EINVAL): nothing more can be done there. */
static int sync_folder(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	if (rc && errno == EINVAL)
		rc = 0;
	close(fd);
	return rc;
}

static void release(struct atomic_file *af)
{
	free(af->path);
	free(af->tmp);
	*af = (struct atomic_file){ 0 };
}

int atomic_file_open(struct atomic_file *af, const char *path, struct error *err)
{
	struct strbuf tmp = STRBUF_INIT;
	char *dir = folder_of(path);
	const char *name = name_of(path);
	struct stat st;
	int fd, e;

	*af = (struct atomic_file){ 0 };
	if (!*name)
		return error_set(err, ERR_IO, "cannot write '%s': it names a folder", path);
	atomic_file_sweep(dir, name);
	strbuf_addf(&tmp, "%s/.%.*s" ATOMIC_FILE_MARK "%ld.XXXXXX", dir, (int)kept_len(name), name,
		    (long)getpid());
	free(dir);
	/* mkostemp: O_CREAT | O_EXCL, mode 0600 */
	if ((fd = mkostemp(tmp.buf, O_CLOEXEC)) < 0) {
		e = errno;
		strbuf_release(&tmp);
		return error_set(err, ERR_IO, "cannot write '%s': %s", path, strerror(e));
	}
	if (!stat(path, &st) && S_ISREG(st.st_mode))
		(void)fchmod(fd, st.st_mode & 0777);
	if (!(af->f = fdopen(fd, "wb"))) {
		e = errno;
		close(fd);
		unlink(tmp.buf);
		strbuf_release(&tmp);
		return error_set(err, ERR_IO, "cannot write '%s': %s", path, strerror(e));
	}
	af->path = xstrdup(path);
	af->tmp = strbuf_detach(&tmp);
	return 0;
}

/* Everything written to the temporary is on the disk, and it is closed. */
static int sync_temp(struct atomic_file *af)
{
	int fd, rc;

	if (af->f) {
		bool bad = fflush(af->f) || ferror(af->f) || fsync(fileno(af->f));
		int e = errno;
		bool close_bad = fclose(af->f) != 0;

		af->f = NULL;
		if (bad)
			errno = e;
		return bad || close_bad ? -1 : 0;
	}
	if ((fd = open(af->tmp, O_RDWR | O_CLOEXEC)) < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int atomic_file_commit(struct atomic_file *af, struct error *err)
{
	char *dir;
	int rc = 0;

	errno = 0;
	if (sync_temp(af) || rename(af->tmp, af->path)) {
		rc = error_set(err, ERR_IO, "cannot write '%s': %s", af->path,
			       errno ? strerror(errno) : "write error");
		atomic_file_abort(af);
		return rc;
	}
	dir = folder_of(af->path);
	if (sync_folder(dir))
		rc = error_set(err, ERR_IO, "cannot write '%s': %s", af->path, strerror(errno));
	free(dir);
	release(af);
	return rc;
}

void atomic_file_abort(struct atomic_file *af)
{
	if (af->f)
		fclose(af->f);
	if (af->tmp)
		unlink(af->tmp);
	release(af);
}

int atomic_file_write(const char *path, const void *data, size_t len, struct error *err)
{
	struct atomic_file af;

	if (atomic_file_open(&af, path, err))
		return err->code;
	if (len && fwrite(data, 1, len, af.f) != len) {
		int e = errno;
		atomic_file_abort(&af);
		return error_set(err, ERR_IO, "cannot write '%s': %s", path, strerror(e));
	}
	return atomic_file_commit(&af, err);
}

/* ---- leftovers ---- */

/* The process id in a temporary's name ".NAME.rapport-tmp.PID.XXXXXX", or
 * that and "-journal" (of
 * the target `name` when it is not NULL); 0 when entry is not one. */
static long temp_writer(const char *entry, const char *name)
{
	const char *mark = NULL, *p, *end;
	size_t mark_len = strlen(ATOMIC_FILE_MARK);
	long pid = 0;

	if (entry[0] != '.')
		return 0;
	for (p = entry; (p = strstr(p, ATOMIC_FILE_MARK)); p++)
		mark = p; /* the last one: a target's name may hold the mark too */
	if (!mark || mark == entry + 1)
		return 0;
	if (name && ((size_t)(mark - entry - 1) != kept_len(name) ||
		     memcmp(entry + 1, name, kept_len(name))))
		return 0;
	for (p = mark + mark_len; *p >= '0' && *p <= '9' && pid < 100000000; p++)
		pid = pid * 10 + (*p - '0');
	if (p == mark + mark_len || *p != '.')
		return 0;
	end = p + 1;
	if (strspn(end, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") !=
	    RANDOM_LEN)
		return 0;
	/* and SQLite's rollback journal of a temporary it was writing (backup) */
	if (strcmp(end + RANDOM_LEN, "") && strcmp(end + RANDOM_LEN, "-journal"))
		return 0;
	return pid;
}

/* Is the writer whose temporary this is still at work? */
static bool writer_alive(long pid)
{
	if (pid == (long)getpid())
		return true;
	return kill((pid_t)pid, 0) == 0 || errno != ESRCH;
}

int atomic_file_sweep(const char *dir, const char *name)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	time_t now = time(NULL);
	int removed = 0;

	if (!d)
		return 0;
	while ((de = readdir(d))) {
		long pid = temp_writer(de->d_name, name);
		struct stat st;

		if (!pid || fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW))
			continue;
		if (!S_ISREG(st.st_mode) || st.st_uid != geteuid())
			continue;
		if (writer_alive(pid) && now - st.st_mtime < ATOMIC_FILE_STALE_SECONDS)
			continue;
		if (!unlinkat(dirfd(d), de->d_name, 0))
			removed++;
	}
	closedir(d);
	return removed;
}
