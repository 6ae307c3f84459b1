/* main.c: the command table, dispatch, exit status. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"

/* Every command, in the order newsread --help lists them. */
static const struct cmd_entry * const cmds[] = {
	&cmd_import_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_export_entry,
	&cmd_sources_entry,
	&cmd_clean_entry,
	&cmd_search_entry,
	&cmd_story_entry,
	&cmd_remove_entry,
	&cmd_backup_entry,
	&cmd_read_entry,
};
#define NCMDS	(sizeof cmds / sizeof cmds[0])

int
main(int argc, char **argv)
{
	struct nr	 nr;
	struct cmd_args	 args;
	int		 rc;

	setlocale(LC_ALL, "");
	switch (cmd_parse(argc, argv, cmds, NCMDS, "read", &nr, &args)) {
	case CMD_HELP:
		if (args.entry != NULL)
			cmd_usage(stdout, args.entry);
		else
			cmd_usage_all(stdout, cmds, NCMDS);
		rc = EXIT_OK;
		break;
	case CMD_VERSION:
		printf("newsread %s\n", PACKAGE_VERSION);
		rc = EXIT_OK;
		break;
	case CMD_BAD:
		rc = EXIT_USAGE;
		break;
	default:
		rc = args.entry->exec(&nr, &args);
		break;
	}
	cmd_args_free(&args);
	return rc;
}
