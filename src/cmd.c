/*
 * cmd.c: what the commands share: the one option parser, usage and help
 * made from each command's entry, warnings, opening the database.
 */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

/* Indices in cmd_global_opts, which cmd_parse() acts on itself. */
enum { GLOBAL_DB, GLOBAL_HELP, GLOBAL_VERSION };

const struct cmd_opt cmd_global_opts[] = {
	{ "db", 0, "FILE", "the database (default: $NEWSREAD_DB, else\n"
	    "$XDG_DATA_HOME/newsread/newsread.db)" },
	{ "help", 'h', NULL, "this help; newsread COMMAND --help for one "
	    "command" },
	{ "version", 'V', NULL, "the version" },
	{ NULL, 0, NULL, NULL }
};

void
nr_warn(const char *fmt, ...)
{
	va_list	ap;

	fputs("newsread: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

struct store *
nr_open_store(const struct nr *nr, int flags)
{
	struct store	*st;
	char		*path, *cause = NULL;
	int		 is_default;

	path = store_path(nr->db_opt, &is_default);
	if (is_default && !(flags & STORE_EXISTING))
		flags |= STORE_MKDIR;
	st = store_open(path, flags, &cause);
	if (st == NULL) {
		nr_warn("%s", cause);
		free(cause);
	}
	free(path);
	return st;
}

int
nr_article_id(const char *s, int64_t *id)
{
	char		*end;
	long long	 v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s || v <= 0) {
		nr_warn("'%s' is not an article id (newsread list shows them)",
		    s);
		return -1;
	}
	*id = v;
	return 0;
}

/* An option as the options list shows it: "-q, --quiet NAME". */
static void
opt_left(struct buf *b, const struct cmd_opt *o)
{
	buf_reset(b);
	if (o->flag != 0)
		buf_printf(b, "-%c, ", o->flag);
	buf_printf(b, "--%s", o->name);
	if (o->arg != NULL)
		buf_printf(b, " %s", o->arg);
}

/* The options of a table, one a line, their help in one column. */
static void
opts_print(FILE *fp, const struct cmd_opt *opts)
{
	const struct cmd_opt	*o;
	struct buf		 b = { 0 };
	const char		*h, *nl;
	int			 w = 0;

	for (o = opts; o->name != NULL; o++) {
		opt_left(&b, o);
		if ((int)b.len > w)
			w = (int)b.len;
	}
	for (o = opts; o->name != NULL; o++) {
		opt_left(&b, o);
		fprintf(fp, "  %-*s  ", w, b.s);
		for (h = o->help; (nl = strchr(h, '\n')) != NULL; h = nl + 1)
			fprintf(fp, "%.*s\n  %-*s  ", (int)(nl - h), h, w, "");
		fprintf(fp, "%s\n", h);
	}
	buf_free(&b);
}

/* "import [--encoding NAME] [--quiet] PATH..." */
static void
usage_line(FILE *fp, const struct cmd_entry *e)
{
	const struct cmd_opt	*o;

	fputs(e->name, fp);
	for (o = e->opts; o->name != NULL; o++) {
		if (o->arg != NULL)
			fprintf(fp, " [--%s %s]", o->name, o->arg);
		else
			fprintf(fp, " [--%s]", o->name);
	}
	if (*e->usage != '\0')
		fprintf(fp, " %s", e->usage);
	fputc('\n', fp);
}

void
cmd_usage(FILE *fp, const struct cmd_entry *e)
{
	fputs("usage: newsread [--db FILE] ", fp);
	usage_line(fp, e);
	fprintf(fp, "\n%s", e->help);
	if (e->opts[0].name != NULL)
		opts_print(fp, e->opts);
}

void
cmd_usage_all(FILE *fp, const struct cmd_entry * const *cmds, size_t n)
{
	size_t	i;

	fprintf(fp, "usage: newsread [--db FILE] [COMMAND [ARGS]]\n\n"
	    "A terminal reader for scraped news pages. With no command, opens\n"
	    "the reader.\n\nCommands:\n");
	for (i = 0; i < n; i++) {
		fputs("  newsread ", fp);
		usage_line(fp, cmds[i]);
	}
	fputs("\nOptions (before or after the command):\n", fp);
	opts_print(fp, cmd_global_opts);
	fprintf(fp, "\nExit status: 0 done, 1 error, 2 usage error, 3 some "
	    "pages rejected.\nSee newsread(1).\n");
}

/* The row of the option called name (length len) or flag, or -1. */
static int
opt_find(const struct cmd_opt *opts, const char *name, size_t len, char flag)
{
	int	i;

	for (i = 0; opts != NULL && opts[i].name != NULL; i++) {
		if (name != NULL && strlen(opts[i].name) == len &&
		    strncmp(opts[i].name, name, len) == 0)
			return i;
		if (name == NULL && flag != 0 && opts[i].flag == flag)
			return i;
	}
	return -1;
}

/* The state of one cmd_parse(). */
struct parse {
	int			  argc;
	char			**argv;
	int			  i;		/* the argument being read */
	const struct cmd_entry	* const *cmds;
	size_t			  ncmds;
	struct nr		 *nr;
	struct cmd_args		 *args;
	enum cmd_parsed		  asked;	/* HELP, VERSION, else RUN */
};

/* Print a usage error and the usage that fits, to stderr. */
static enum cmd_parsed
parse_bad(struct parse *p, const char *fmt, const char *what)
{
	if (fmt != NULL)
		nr_warn(fmt, what);
	if (p->args->entry != NULL)
		cmd_usage(stderr, p->args->entry);
	else
		cmd_usage_all(stderr, p->cmds, p->ncmds);
	return CMD_BAD;
}

/*
 * Give option row i of opts (global when glob) its value: inline (after
 * '=' or a flag), else the next argument. spelled is the option as
 * typed, for messages. Returns CMD_RUN or CMD_BAD.
 */
static enum cmd_parsed
parse_set(struct parse *p, const struct cmd_opt *opts, int i, int glob,
    const char *inline_val, const char *spelled)
{
	const char	*v = "";

	if (opts[i].arg != NULL) {
		if (inline_val != NULL)
			v = inline_val;
		else if (p->i + 1 < p->argc)
			v = p->argv[++p->i];
		else
			return parse_bad(p, "option '%s' needs an argument",
			    spelled);
	} else if (inline_val != NULL)
		return parse_bad(p, "option '%s' takes no argument", spelled);
	if (!glob) {
		p->args->val[i] = v;
		return CMD_RUN;
	}
	if (i == GLOBAL_DB)
		p->nr->db_opt = v;
	else if (p->asked == CMD_RUN)
		p->asked = i == GLOBAL_HELP ? CMD_HELP : CMD_VERSION;
	return CMD_RUN;
}

/*
 * Find an option by name (length len) or, when name is NULL, by flag:
 * in the command's table, then the global one. Sets *opts to the table
 * and *glob to whether it is the global one; returns the row, or -1.
 */
static int
parse_find(const struct parse *p, const char *name, size_t len, char flag,
    const struct cmd_opt **opts, int *glob)
{
	int	i;

	*opts = p->args->entry != NULL ? p->args->entry->opts : NULL;
	*glob = 0;
	if ((i = opt_find(*opts, name, len, flag)) >= 0)
		return i;
	*opts = cmd_global_opts;
	*glob = 1;
	return opt_find(*opts, name, len, flag);
}

/* The option (--name[=value]) or flags (-ab[value]) in argument p->i. */
static enum cmd_parsed
parse_opt(struct parse *p)
{
	const struct cmd_opt	*t;
	const char		*a = p->argv[p->i], *eq;
	char			 spelled[3] = "-?";
	size_t			 len;
	int			 i, glob;

	if (a[1] == '-') {
		eq = strchr(a + 2, '=');
		len = eq != NULL ? (size_t)(eq - (a + 2)) : strlen(a + 2);
		if ((i = parse_find(p, a + 2, len, 0, &t, &glob)) < 0)
			return parse_bad(p, "unknown option '%s'", a);
		return parse_set(p, t, i, glob, eq != NULL ? eq + 1 : NULL, a);
	}
	for (a++; *a != '\0'; a++) {
		spelled[1] = *a;
		if ((i = parse_find(p, NULL, 0, *a, &t, &glob)) < 0)
			return parse_bad(p, "unknown option '%s'", spelled);
		if (parse_set(p, t, i, glob, t[i].arg != NULL && a[1] != '\0' ?
		    a + 1 : NULL, spelled) != CMD_RUN)
			return CMD_BAD;
		if (t[i].arg != NULL)
			break;	/* the rest of the word was its argument */
	}
	return CMD_RUN;
}

/* A word that is not an option: the command's name, else an operand. */
static enum cmd_parsed
parse_word(struct parse *p)
{
	const char	*w = p->argv[p->i];
	size_t		 k;

	if (p->args->entry != NULL) {
		p->args->argv[p->args->argc++] = p->argv[p->i];
		return CMD_RUN;
	}
	for (k = 0; k < p->ncmds; k++) {
		if (strcmp(p->cmds[k]->name, w) == 0) {
			p->args->entry = p->cmds[k];
			return CMD_RUN;
		}
	}
	return parse_bad(p, "unknown command '%s'", w);
}

enum cmd_parsed
cmd_parse(int argc, char **argv, const struct cmd_entry * const *cmds,
    size_t n, const char *dflt, struct nr *nr, struct cmd_args *args)
{
	struct parse	p = { argc, argv, 1, cmds, n, nr, args, CMD_RUN };
	const char	*a;
	int		 options = 1;
	size_t		 k;

	memset(nr, 0, sizeof *nr);
	memset(args, 0, sizeof *args);
	args->argv = xcalloc((size_t)argc + 1, sizeof *args->argv);
	for (; p.i < argc; p.i++) {
		a = argv[p.i];
		if (options && strcmp(a, "--") == 0)
			options = 0;
		else if (options && a[0] == '-' && a[1] != '\0') {
			if (parse_opt(&p) == CMD_BAD)
				return CMD_BAD;
		} else if (parse_word(&p) == CMD_BAD)
			return CMD_BAD;
	}
	if (p.asked != CMD_RUN)
		return p.asked;
	for (k = 0; args->entry == NULL && k < n; k++) {
		if (strcmp(cmds[k]->name, dflt) == 0)
			args->entry = cmds[k];
	}
	assert(args->entry != NULL);
	if (args->entry->args_max >= 0 && args->argc > args->entry->args_max)
		return parse_bad(&p, args->entry->args_max == 0 ?
		    "unexpected argument '%s' (this command takes none)" :
		    "unexpected argument '%s' (one too many)",
		    args->argv[args->entry->args_max]);
	if (args->argc < args->entry->args_min)
		return parse_bad(&p, "missing %s", args->entry->usage);
	return CMD_RUN;
}

void
cmd_args_free(struct cmd_args *args)
{
	free(args->argv);
	args->argv = NULL;
	args->argc = 0;
}

/* The row of option name in the parsed command's table. */
static int
arg_row(const struct cmd_args *args, const char *name)
{
	int	i = opt_find(args->entry->opts, name, strlen(name), 0);

	assert(i >= 0);		/* a command asks only for its own options */
	return i;
}

const char *
cmd_get(const struct cmd_args *args, const char *name)
{
	return args->val[arg_row(args, name)];
}

int
cmd_has(const struct cmd_args *args, const char *name)
{
	return args->val[arg_row(args, name)] != NULL;
}
