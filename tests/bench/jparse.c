/*
 * The baseline of the import benchmark (IMPORT.md §10): a bare parse of a
 * JSON file with jansson, duplicate keys rejected, then freed.
 */
#include <jansson.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	json_error_t err;
	if (argc != 2)
		return 3;
	json_t *j = json_load_file(argv[1], JSON_REJECT_DUPLICATES, &err);
	if (!j) {
		fprintf(stderr, "%s:%d:%d: %s\n", argv[1], err.line, err.column,
			err.text);
		return 2;
	}
	json_decref(j);
	return 0;
}
