/* cmd_read.c: newsread read (and no command): the reader. */
#include "config.h"

#include "cmd.h"

int
cmd_read(struct nr *nr, int argc, char **argv)
{
	(void)nr;
	(void)argc;
	(void)argv;
	nr_warn("the reader is not built yet");
	return EXIT_ERROR;
}
