/* cmd_search.c: newsread search: full-text search for scripts. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fold.h"
#include "json.h"
#include "output.h"
#include "store.h"

int
cmd_search(struct nr *nr, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "source", required_argument, NULL, 's' },
		{ "limit", required_argument, NULL, 'n' },
		{ "sort", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_search	 q = { 0 };
	struct store_rows	 rows = { 0 };
	struct fold_query	*fq;
	struct store		*st;
	struct buf		 typed = { 0 };
	char			*cause = NULL, *end;
	long			 limit = 20;
	int			 ch, json = 0, i;
	size_t			 k;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 's':
			q.source = optarg;
			break;
		case 'n':
			errno = 0;
			limit = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || limit < 1) {
				nr_warn("--limit takes a number above 0, not "
				    "'%s'", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'o':
			if (strcmp(optarg, "date") == 0)
				q.sort = STORE_SORT_DATE;
			else if (strcmp(optarg, "rank") != 0) {
				nr_warn("--sort takes rank or date, not '%s'",
				    optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			nr_usage(stdout, "search");
			return EXIT_OK;
		default:
			nr_usage(stderr, "search");
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		nr_usage(stderr, "search");
		return EXIT_USAGE;
	}
	for (i = optind; i < argc; i++) {
		if (i > optind)
			buf_addc(&typed, ' ');
		buf_adds(&typed, argv[i]);
	}
	fq = fold_query_new(typed.s, 0);
	buf_free(&typed);
	if ((st = nr_open_store(nr)) == NULL) {
		fold_query_free(fq);
		return EXIT_ERROR;
	}
	q.fts = fq->fts;
	q.adjacent = fq->adjacent;
	q.snippets = 1;
	q.mark_open = "[";	/* plain text: out_safe() would defuse ESC */
	q.mark_close = "]";
	if (fq->fts != NULL && store_search(st, &q, 0, (size_t)limit, &rows,
	    &cause) != 0) {
		nr_warn("%s", cause);
		free(cause);
		fold_query_free(fq);
		store_close(st);
		return EXIT_ERROR;
	}
	for (k = 0; k < rows.n; k++) {
		const struct store_row	*r = &rows.v[k];

		if (json) {
			out_row_json(stdout, r, 1);
			continue;
		}
		out_row(stdout, r, 0);
		fputs("        ", stdout);
		out_safe(stdout, r->snippet != NULL ? r->snippet : "");
		putchar('\n');
	}
	store_rows_free(&rows);
	fold_query_free(fq);
	store_close(st);
	return EXIT_OK;
}
