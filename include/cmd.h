/*
 * cmd.h: the commands of newsread. Each src/cmd_*.c defines one
 * struct cmd_entry (its name, options, operands, help and function), as
 * tmux's cmd-*.c do; src/main.c lists the entries; src/cmd.c parses
 * every command line against them and holds what commands share.
 */
#ifndef NEWSREAD_CMD_H
#define NEWSREAD_CMD_H

#include <stdint.h>
#include <stdio.h>

#include "article.h"

/* Exit statuses, as the man page lists them. */
#define EXIT_OK		0
#define EXIT_ERROR	1	/* the command could not do its work */
#define EXIT_USAGE	2	/* unknown command or option, bad argument */
#define EXIT_REJECTED	3	/* import finished, some pages rejected */

/* The most options one command may have (its table's rows). */
#define CMD_OPTS_MAX	8

/*
 * One option: --name, or -flag when flag is not 0. arg names its
 * argument as usage shows it ("NAME"), NULL for an option that takes
 * none; help is its line in --help and should match the man page.
 */
struct cmd_opt {
	const char	*name;
	char		 flag;
	const char	*arg;
	const char	*help;
};

/* What every command is given: the options every command takes. */
struct nr {
	const char	*db_opt;	/* --db, or NULL */
};

/*
 * A command line parsed against one entry: the value of each of its
 * options, by the option's row in the entry's table (NULL when absent,
 * "" for an option without argument that was given), then the operands
 * in order. cmd_get() and cmd_has() read the values by name.
 */
struct cmd_args {
	const struct cmd_entry	*entry;
	const char		*val[CMD_OPTS_MAX];
	int			 argc;
	char			**argv;		/* operands, argv[argc] NULL */
};

/*
 * One command. usage names its operands ("PATH..."), after the options
 * the table lists; args_min and args_max bound their number (-1: no
 * bound). help is the description --help prints before the options.
 * exec runs it and returns the exit status.
 */
struct cmd_entry {
	const char		*name;
	const struct cmd_opt	*opts;		/* ends with a NULL name */
	const char		*usage;
	int			 args_min;
	int			 args_max;
	const char		*help;
	int			(*exec)(struct nr *, const struct cmd_args *);
};

extern const struct cmd_entry	cmd_import_entry;
extern const struct cmd_entry	cmd_list_entry;
extern const struct cmd_entry	cmd_show_entry;
extern const struct cmd_entry	cmd_export_entry;
extern const struct cmd_entry	cmd_sources_entry;
extern const struct cmd_entry	cmd_clean_entry;
extern const struct cmd_entry	cmd_search_entry;
extern const struct cmd_entry	cmd_read_entry;
extern const struct cmd_entry	cmd_remove_entry;
extern const struct cmd_entry	cmd_backup_entry;
extern const struct cmd_entry	cmd_story_entry;

/* The options every command takes, before or after its name. */
extern const struct cmd_opt	cmd_global_opts[];

/* What cmd_parse() found. */
enum cmd_parsed {
	CMD_RUN,	/* run args->entry */
	CMD_HELP,	/* --help: print usage (of args->entry if not NULL) */
	CMD_VERSION,	/* --version */
	CMD_BAD		/* a usage error, printed */
};

/*
 * Parse argv (argv[0] the program) against the n entries of cmds: the
 * global options (--db, --help, --version) anywhere, the command's own
 * options after its name, in any order with its operands; "--" ends the
 * options. With no command, the entry named dflt. On CMD_RUN, args holds
 * the command and its values, pointing into argv (args->argv is
 * allocated: free it with cmd_args_free) and nr the global options. On
 * a usage error, prints what is wrong and the usage to stderr and
 * returns CMD_BAD.
 */
enum cmd_parsed	cmd_parse(int argc, char **argv,
		    const struct cmd_entry * const *cmds, size_t n,
		    const char *dflt, struct nr *nr, struct cmd_args *args);

/* Free what cmd_parse() allocated in args (args itself is the caller's). */
void		cmd_args_free(struct cmd_args *args);

/*
 * The value of option name (without dashes) of the parsed command: its
 * argument, "" when it takes none, NULL when not given. name must be in
 * the entry's table.
 */
const char	*cmd_get(const struct cmd_args *, const char *name);

/* Whether option name was given. */
int		 cmd_has(const struct cmd_args *, const char *name);

/* Print a command's usage, description and options to fp. */
void		 cmd_usage(FILE *fp, const struct cmd_entry *);

/* Print newsread's usage: every command's usage line, global options. */
void		 cmd_usage_all(FILE *fp, const struct cmd_entry * const *cmds,
		    size_t n);

struct store;

/*
 * Open the database the options name, as store_open() does with flags
 * (STORE_EXISTING, STORE_READ; its directory is made for the default
 * path); on failure print the cause and return NULL.
 */
struct store	*nr_open_store(const struct nr *, int flags);

/*
 * Read an article's id (a number above 0) from s into *id: 0, or -1
 * after saying that s is not one.
 */
int		 nr_article_id(const char *s, int64_t *id);

/*
 * Load the settings file into *s (the defaults when it is missing); a bad
 * line is said on stderr and the defaults serve. settings_free() it.
 */
struct settings;
void		 nr_settings(struct settings *s);

/* The settings file's date-format, for the rows printed for a person. */
enum article_date_style	nr_date_style(void);

/* Print "newsread: <msg>" to stderr. */
void		 nr_warn(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
#endif
