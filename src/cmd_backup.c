/* cmd_backup.c: newsread backup: a consistent copy of the database. */
#include "config.h"

#include <stdlib.h>

#include "cmd.h"
#include "store.h"

static int	cmd_backup(struct nr *, const struct cmd_args *);

static const struct cmd_opt backup_opts[] = {
	{ "force", 0, NULL, "replace FILE when it exists" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_backup_entry = {
	"backup", backup_opts, "FILE", 1, 1,
	"Write a copy of the database to FILE, whole and consistent while\n"
	"the reader or an import goes on. FILE is a newsread database\n"
	"(newsread --db FILE reads it).\n",
	cmd_backup
};

static int
cmd_backup(struct nr *nr, const struct cmd_args *args)
{
	struct store	*st;
	char		*cause = NULL;
	int		 status = EXIT_OK;

	if ((st = nr_open_store(nr, STORE_EXISTING | STORE_READ)) == NULL)
		return EXIT_ERROR;
	if (store_backup(st, args->argv[0], cmd_has(args, "force"),
	    &cause) != 0) {
		nr_warn("%s", cause);
		free(cause);
		status = EXIT_ERROR;
	}
	store_close(st);
	return status;
}
