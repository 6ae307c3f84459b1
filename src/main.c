/* main.c: the command line: options, usage, dispatch, exit status. */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static const struct {
	const char	*name;
	int		(*fn)(struct nr *, int, char **);
	const char	*usage;
	const char	*help;
} cmds[] = {
	{ "import", cmd_import,
	  "import [--encoding NAME] [--source NAME] [--quiet] PATH...",
	  "Clean the pages in PATH (files, directories, - for standard input)\n"
	  "and store them in the database. An unchanged page is stored again\n"
	  "only when a newer cleaner made it (re-cleaned).\n"
	  "  --encoding NAME  pages are in NAME (CP1258, VISCII, TCVN...), not UTF-8\n"
	  "  --source NAME    the outlet of pages that name none (tuoitre.vn...)\n"
	  "  --quiet          no progress line\n" },
	{ "list", cmd_list,
	  "list [--source NAME] [--by-date] [--json]",
	  "List stored articles, grouped by source, newest first: id, date,\n"
	  "source, title. '~' marks a date read from the article's text.\n"
	  "  --source NAME  only the articles of source NAME\n"
	  "  --by-date      one list by date across sources\n"
	  "  --json         one JSON object a line\n" },
	{ "show", cmd_show,
	  "show [--json] ID",
	  "Print one stored article: header, lead, body and captions.\n"
	  "  --json  one JSON object\n" },
	{ "sources", cmd_sources,
	  "sources [--json]",
	  "List the sources with their article and unread counts.\n"
	  "  --json  one JSON object a line\n" },
	{ "clean", cmd_clean,
	  "clean [--json] [--explain] [--encoding NAME] [--source NAME] FILE...",
	  "Print the article cleaned from each page, without touching the\n"
	  "database.\n"
	  "  --json           one JSON object a line\n"
	  "  --explain        each line of the page: what it became, and why\n"
	  "  --encoding NAME  pages are in NAME, not UTF-8\n"
	  "  --source NAME    the outlet of pages that name none\n" },
	{ "search", cmd_search,
	  "search [--source NAME] [--limit N] [--sort rank|date] [--json] QUERY...",
	  "Search every article: words are ANDed, \"quoted words\" are a phrase.\n"
	  "A word typed without diacritics matches any (dien finds \xc4\x91i\xe1\xbb\x87n);\n"
	  "a word typed with them matches only those. Prints id, date, source,\n"
	  "title and a snippet with the matches in [brackets], best first.\n"
	  "  --source NAME      only articles of source NAME\n"
	  "  --limit N          at most N results (default 20)\n"
	  "  --sort rank|date   best matches first (default) or newest first\n"
	  "  --json             one JSON object a line\n" },
	{ "read", cmd_read,
	  "read",
	  "Open the reader (the same as no command). Press ? in it for keys.\n" },
};

void
nr_usage(FILE *fp, const char *cmd)
{
	size_t	i;

	if (cmd != NULL) {
		for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
			if (strcmp(cmds[i].name, cmd) != 0)
				continue;
			fprintf(fp, "usage: newsread [--db FILE] %s\n\n%s",
			    cmds[i].usage, cmds[i].help);
			return;
		}
	}
	fprintf(fp, "usage: newsread [--db FILE] [COMMAND [ARGS]]\n\n"
	    "A terminal reader for scraped news pages. With no command, opens\n"
	    "the reader.\n\nCommands:\n");
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		fprintf(fp, "  newsread %s\n", cmds[i].usage);
	fprintf(fp, "\nOptions:\n"
	    "  --db FILE     the database (default: $NEWSREAD_DB, else\n"
	    "                $XDG_DATA_HOME/newsread/newsread.db)\n"
	    "  -h, --help    this help; newsread COMMAND --help for one command\n"
	    "  -V, --version the version\n\n"
	    "Exit status: 0 done, 1 error, 2 usage error, 3 some pages rejected.\n"
	    "See newsread(1).\n");
}

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
nr_open_store(const struct nr *nr)
{
	struct store	*st;
	char		*path, *cause = NULL;
	int		 is_default;

	path = store_path(nr->db_opt, &is_default);
	st = store_open(path, is_default, &cause);
	if (st == NULL) {
		nr_warn("%s", cause);
		free(cause);
	}
	free(path);
	return st;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct nr	 nr = { 0 };
	int		 ch;
	size_t		 i;

	setlocale(LC_ALL, "");
	while ((ch = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			nr.db_opt = optarg;
			break;
		case 'h':
			nr_usage(stdout, NULL);
			return EXIT_OK;
		case 'V':
			printf("newsread %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		default:
			nr_usage(stderr, NULL);
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		char *none[] = { (char *)"read", NULL };

		return cmd_read(&nr, 1, none);
	}
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		if (strcmp(argv[0], cmds[i].name) == 0) {
			optind = 0;	/* glibc: start afresh at argv[1] */
			return cmds[i].fn(&nr, argc, argv);
		}
	}
	nr_warn("unknown command '%s'", argv[0]);
	nr_usage(stderr, NULL);
	return EXIT_USAGE;
}
