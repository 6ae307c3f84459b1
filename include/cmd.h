/* cmd.h: the commands of newsread, one file each (src/cmd_*.c). */
#ifndef NEWSREAD_CMD_H
#define NEWSREAD_CMD_H

/* Exit statuses, as the man page lists them. */
#define EXIT_OK		0
#define EXIT_ERROR	1	/* the command could not do its work */
#define EXIT_USAGE	2	/* unknown command or option, bad argument */
#define EXIT_REJECTED	3	/* import finished, some pages rejected */

/* What every command is given: the options before the command. */
struct nr {
	const char	*db_opt;	/* --db, or NULL */
};

struct store;

/*
 * Open the database the options name; on failure print the cause and
 * return NULL.
 */
struct store	*nr_open_store(const struct nr *);

/* Print "newsread: <msg>" to stderr. */
void		 nr_warn(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));

/* Each command takes its own argc/argv (argv[0] is its name). */
int	cmd_import(struct nr *, int, char **);
int	cmd_list(struct nr *, int, char **);
int	cmd_show(struct nr *, int, char **);
int	cmd_sources(struct nr *, int, char **);
int	cmd_clean(struct nr *, int, char **);

int	cmd_search(struct nr *, int, char **);
int	cmd_read(struct nr *, int, char **);



#include <stdio.h>

/*
 * Print the usage of one command (or of newsread when cmd is NULL) to fp.
 * The command's own --help and every usage error print it.
 */
void	nr_usage(FILE *fp, const char *cmd);
#endif
