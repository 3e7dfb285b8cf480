/*
 * fuzz-json.c: libFuzzer target for loading a JSON dump (make fuzz):
 * dump_import loads the document into an in-memory database, inside a
 * transaction that is then rolled back, so every input starts from the same
 * empty database.
 *
 * dump_import reads a file: the input goes into a memory file (memfd) read
 * through /proc/self/fd. Beyond not crashing: a document that loads exports
 * again, and a document that does not load says why.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "method/dump.h"
#include "fuzz-store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int memory_file(const uint8_t *data, size_t size, char path[64])
{
	int fd = memfd_create("fuzz-json", 0);
	size_t done = 0;

	if (fd < 0)
		abort();
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);
		if (n <= 0)
			abort();
		done += (size_t)n;
	}
	snprintf(path, 64, "/proc/self/fd/%d", fd);
	return fd;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct store *s;
	struct error err = ERROR_INIT;
	char path[64];
	long rows = 0;
	int fd;

	if (!s)
		s = fuzz_store_open();
	fd = memory_file(data, size, path);
	if (store_begin_write(s, &err))
		fuzz_die("cannot begin", &err);
	if (!dump_import(s, path, &rows, &err)) {
		FILE *out = fopen("/dev/null", "w");
		if (!out || dump_export(s, out, &err))
			fuzz_die("a loaded dump does not export", &err);
		fclose(out);
	} else if (!err.msg[0]) {
		abort(); /* an error without a message */
	}
	store_rollback(s);
	close(fd);
	return 0;
}
