/* cmd_list.c: newsread list: stored articles, grouped or by date. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"
#include "json.h"
#include "output.h"
#include "store.h"
#include "text.h"

#define LIST_PAGE	512

static int	cmd_list(struct nr *, const struct cmd_args *);

static const struct cmd_opt list_opts[] = {
	{ "source", 0, "NAME", "only the articles of source NAME" },
	{ "by-date", 0, NULL, "one list by date across sources" },
	{ "stories", 0, NULL, "one row a story: its earliest version, +N "
	    "versions" },
	{ "bookmarks", 0, NULL, "only the bookmarked articles" },
	{ "unread", 0, NULL, "only the unread articles" },
	{ "json", 0, NULL, "one JSON object a line" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_list_entry = {
	"list", list_opts, "", 0, 0,
	"List stored articles, grouped by source (in Vietnamese alphabetical\n"
	"order, as sources lists them), newest first: id, date, source,\n"
	"title. '~' marks a date read from the article's text.\n"
	"With --stories, versions of one story (the same text republished)\n"
	"are one row, the earliest, ending in +N for the N other versions.\n",
	cmd_list
};

/*
 * Whether source name exists; if not, say so with the names that look
 * like it (the same letters in another case, or holding it).
 */
static int
source_known(const struct store_sources *ss, const char *name)
{
	struct buf	close = { 0 };
	size_t		i, n = 0;

	for (i = 0; i < ss->n; i++) {
		if (strcmp(ss->v[i].name, name) == 0)
			return 1;
	}
	for (i = 0; i < ss->n && n < 5; i++) {
		if (*ss->v[i].name == '\0' || (strcasecmp(ss->v[i].name,
		    name) != 0 &&
		    strcasestr(ss->v[i].name, name) == NULL &&
		    strcasestr(name, ss->v[i].name) == NULL))
			continue;
		buf_printf(&close, "%s'%s'", n > 0 ? ", " : "",
		    ss->v[i].name);
		n++;
	}
	if (n > 0)
		nr_warn("no source '%s'; did you mean %s?", name, close.s);
	else
		nr_warn("no source '%s' (newsread sources lists them)", name);
	buf_free(&close);
	return 0;
}

static void
print_row(const struct store_row *r, int json, int srcw,
    enum article_date_style style)
{
	if (json) {
		out_row_json(stdout, r, 0);
		return;
	}
	out_row(stdout, r, srcw, style);
}

static int
cmd_list(struct nr *nr, const struct cmd_args *args)
{
	struct store_view	 view = { STORE_BY_SOURCE, NULL, 0, 0 };
	struct store_sources	 ss;
	struct store_rows	 rows = { 0 };
	struct store_row	 last = { 0 };
	struct store		*st;
	char			*cause = NULL, *source = NULL;
	int			 json = cmd_has(args, "json"), srcw = 1;
	int			 unread = cmd_has(args, "unread");
	int			 status = EXIT_OK;
	enum article_date_style	 style = json ? DATE_ISO : nr_date_style();
	size_t			 i, got;

	if (cmd_has(args, "by-date"))
		view.order = STORE_BY_DATE;
	view.stories = cmd_has(args, "stories");
	if ((st = nr_open_store(nr, STORE_EXISTING | STORE_READ)) == NULL)
		return EXIT_ERROR;
	view.bookmarks = cmd_has(args, "bookmarks");
	/* the source named, case not counted, as search finds it */
	if (cmd_get(args, "source") != NULL && (view.source = source =
	    store_source_find(st, cmd_get(args, "source"), &cause)) == NULL) {
		nr_warn("%s", cause);
		free(cause);
		store_close(st);
		return EXIT_ERROR;
	}
	if (store_sources(st, &ss, &cause) != 0) {
		nr_warn("%s", cause);
		free(cause);
		store_close(st);
		return EXIT_ERROR;
	}
	if (view.source != NULL && !source_known(&ss, view.source)) {
		store_sources_free(&ss);
		free(source);
		store_close(st);
		return EXIT_ERROR;
	}
	{
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
		for (i = 0; i < rows.n; i++) {
			if (!unread || rows.v[i].unread)
				print_row(&rows.v[i], json, srcw, style);
		}
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
	free(source);
	store_close(st);
	return status;
}
