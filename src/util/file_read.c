/* file_read.c: a whole regular file, read without blocking on a FIFO or a
 * device; or standard input, when the user asks for it with "-". */
#include "util/file_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int open_error(const char *path, int e, struct error *err)
{
	return error_set(err, e == ENOENT || e == ENOTDIR ? ERR_NOT_FOUND : ERR_IO,
			 "cannot read '%s': %s", path, strerror(e));
}

/* Read fd to its end into out, at most max bytes (one more tells it is over). */
static int read_all(int fd, const char *path, size_t max, struct strbuf *out,
		    struct error *err)
{
	size_t start = out->len;
	char buf[65536];
	ssize_t n;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return error_set(err, ERR_IO, "cannot read '%s': %s", path, strerror(errno));
		if (n == 0)
			return 0;
		if (out->len - start + (size_t)n > max)
			return error_set(err, ERR_IO, "'%s' is too large (at most %zu bytes)", path,
					 max);
		strbuf_add(out, buf, (size_t)n);
	}
}

int file_read_regular(const char *path, size_t max, struct strbuf *out, struct error *err)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC), rc;

	if (fd < 0)
		return open_error(path, errno, err);
	if (fstat(fd, &st)) {
		rc = open_error(path, errno, err);
	} else if (!S_ISREG(st.st_mode)) {
		rc = error_set(err, ERR_IO, "cannot read '%s': not a regular file", path);
	} else if ((uintmax_t)st.st_size > max) {
		rc = error_set(err, ERR_IO, "'%s' is too large (%lld bytes, at most %zu)", path,
			       (long long)st.st_size, max);
	} else {
		strbuf_grow(out, (size_t)st.st_size);
		rc = read_all(fd, path, max, out, err);
	}
	close(fd);
	return rc;
}

int file_read_stdin(size_t max, struct strbuf *out, struct error *err)
{
	/* the name that messages give it */
	return read_all(STDIN_FILENO, "standard input", max, out, err);
}

int file_read_named(const char *path, size_t max, struct strbuf *out, struct error *err)
{
	if (!strcmp(path, FILE_STDIN))
		return file_read_stdin(max, out, err);
	return file_read_regular(path, max, out, err);
}
