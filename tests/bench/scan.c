/* The baseline of `make bench`: a bare libyaml event scan of one file. */
#include <stdio.h>
#include <yaml.h>

int main(int argc, char **argv)
{
	if (argc != 2)
		return fprintf(stderr, "usage: scan FILE\n"), 2;
	FILE *f = fopen(argv[1], "rb");
	if (!f)
		return perror(argv[1]), 2;
	yaml_parser_t p;
	yaml_event_t e;
	unsigned long n = 0;
	int done = 0;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	while (!done) {
		if (!yaml_parser_parse(&p, &e))
			return fprintf(stderr, "parse error\n"), 1;
		done = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
		n++;
	}
	yaml_parser_delete(&p);
	fclose(f);
	printf("%lu events\n", n);
	return 0;
}
