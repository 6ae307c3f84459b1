/* cmd_list.c: newsread list: stored articles, grouped or by date. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "json.h"
#include "output.h"
#include "store.h"
#include "text.h"

#define LIST_PAGE	512

static void
print_row(const struct store_row *r, int json, int srcw)
{
	if (json) {
		out_row_json(stdout, r, 0);
		return;
	}
	out_row(stdout, r, srcw);
}

int
cmd_list(struct nr *nr, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "source", required_argument, NULL, 's' },
		{ "by-date", no_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_view	 view = { STORE_BY_SOURCE, NULL, 0, 0 };
	struct store_sources	 ss;
	struct store_rows	 rows = { 0 };
	struct store_row	 last = { 0 };
	struct store		*st;
	char			*cause = NULL;
	int			 ch, json = 0, srcw = 1, status = EXIT_OK;
	size_t			 i, got;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 's':
			view.source = optarg;
			break;
		case 'd':
			view.order = STORE_BY_DATE;
			break;
		case 'h':
			nr_usage(stdout, "list");
			return EXIT_OK;
		default:
			nr_usage(stderr, "list");
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		nr_usage(stderr, "list");
		return EXIT_USAGE;
	}
	if ((st = nr_open_store(nr)) == NULL)
		return EXIT_ERROR;
	if (!json && store_sources(st, &ss, &cause) == 0) {
		for (i = 0; i < ss.n; i++) {
			int w = text_width(ss.v[i].name);

			if ((view.source == NULL ||
			    strcmp(view.source, ss.v[i].name) == 0) && w > srcw)
				srcw = w;
		}
		if (srcw > 30)
			srcw = 30;
		store_sources_free(&ss);
	}
	for (;;) {
		if (store_page(st, &view, last.title != NULL ? &last : NULL, 0,
		    LIST_PAGE, &rows, &cause) != 0) {
			nr_warn("%s", cause);
			free(cause);
			status = EXIT_ERROR;
			break;
		}
		for (i = 0; i < rows.n; i++)
			print_row(&rows.v[i], json, srcw);
		got = rows.n;
		if (got > 0) {
			/* keep the last row: the next page starts after it */
			store_row_clear(&last);
			last = rows.v[--rows.n];
		}
		store_rows_free(&rows);
		if (got < LIST_PAGE)
			break;
	}
	store_row_clear(&last);
	store_close(st);
	return status;
}
