/* fuzz-playbook.c: libFuzzer target for the playbook rules reader (make fuzz). */
#include <stddef.h>
#include <stdint.h>

#include "method/playbook.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct playbook pb = { 0 };
	struct error err = ERROR_INIT;

	/* twice: the second read overrides and switches the rules of the first */
	playbook_parse(&pb, "fuzz.ini", (const char *)data, size, NULL, &err);
	playbook_parse(&pb, "fuzz.ini", (const char *)data, size, NULL, &err);
	playbook_release(&pb);
	return 0;
}
