/* cmd_export.c: newsread export: articles for scripts, whole. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "output.h"
#include "store.h"
#include "text.h"

#define EXPORT_PAGE	512

enum export_format { EXPORT_TEXT, EXPORT_MARKDOWN, EXPORT_JSON };

static int	cmd_export(struct nr *, const struct cmd_args *);

static const struct cmd_opt export_opts[] = {
	{ "bookmarks", 0, NULL, "only the bookmarked articles" },
	{ "format", 0, "FORMAT", "text (as show), markdown or json" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_export_entry = {
	"export", export_opts, "[ID...]", 0, -1,
	"Print whole articles for scripts: those named, or every article\n"
	"(--bookmarks: the bookmarked ones), in the list's order.\n",
	cmd_export
};

/* One paragraph of markdown: sanitised, on one line. */
static void
md_para(const char *prefix, const char *s)
{
	char	*t = text_sanitize(s, 0);

	printf("\n%s%s\n", prefix, t);
	free(t);
}

static void
export_markdown(const struct article *a)
{
	char	date[11];
	size_t	i;
	char	*t;

	t = text_sanitize(a->title != NULL && *a->title != '\0' ? a->title :
	    "(no title)", 0);
	printf("# %s\n", t);
	free(t);
	t = xasprintf("%s%s%s%s%s", a->source != NULL ? a->source : "",
	    a->author != NULL && a->source != NULL ? " \xc2\xb7 " : "",
	    a->author != NULL ? a->author : "",
	    article_date_format(&a->date, date) != NULL &&
	    (a->author != NULL || a->source != NULL) ? " \xc2\xb7 " : "",
	    article_date_format(&a->date, date) != NULL ? date : "");
	if (*t != '\0')
		md_para("", t);
	free(t);
	if (a->url != NULL) {
		t = xasprintf("<%s>", a->url);
		md_para("", t);
		free(t);
	}
	if (a->lead != NULL)
		md_para("", a->lead);
	for (i = 0; i < a->body.n; i++)
		md_para("", a->body.v[i]);
	for (i = 0; i < a->captions.n; i++)
		md_para("> ", a->captions.v[i]);
}

/* Print article id in the format; 0, or -1 when it is not there. */
/* the settings file's date format, read once by cmd_export() */
static enum article_date_style	export_dates;

static int
export_one(struct store *st, int64_t id, enum export_format f, int first)
{
	struct article	*a;
	char		*cause = NULL, *path = NULL;
	int		 bm = 0, unread = 0;

	if ((a = store_get(st, id, &path, &bm, &unread, &cause)) == NULL) {
		if (cause != NULL)
			nr_warn("%s", cause);
		else
			nr_warn("no article %" PRId64 " (newsread list shows "
			    "them)", id);
		free(cause);
		return -1;
	}
	if (f == EXPORT_JSON)
		out_article_json(stdout, id, path, a, bm, unread);
	else {
		if (!first)
			fputs(f == EXPORT_MARKDOWN ? "\n---\n\n" : "\n", stdout);
		if (f == EXPORT_MARKDOWN)
			export_markdown(a);
		else {
			printf("Id: %" PRId64 "\n", id);
			out_article(stdout, a, 0, export_dates);
		}
	}
	free(path);
	article_free(a);
	return 0;
}

static int
cmd_export(struct nr *nr, const struct cmd_args *args)
{
	struct store_view	 view = { STORE_BY_SOURCE, NULL, 0, 0 };
	struct store_rows	 rows = { 0 };
	struct store_row	 last = { 0 };
	const char		*fmt = cmd_get(args, "format");
	enum export_format	 f = EXPORT_TEXT;
	struct store		*st;
	char			*cause = NULL, *end;
	int			 i, status = EXIT_OK, first = 1;
	size_t			 k, got;

	if (fmt != NULL && strcmp(fmt, "markdown") == 0)
		f = EXPORT_MARKDOWN;
	else if (fmt != NULL && strcmp(fmt, "json") == 0)
		f = EXPORT_JSON;
	else if (fmt != NULL && strcmp(fmt, "text") != 0) {
		nr_warn("unknown format '%s' (text, markdown or json)", fmt);
		return EXIT_USAGE;
	}
	if (f == EXPORT_TEXT)
		export_dates = nr_date_style();
	for (i = 0; i < args->argc; i++) {
		errno = 0;
		if (strtoll(args->argv[i], &end, 10) <= 0 || errno != 0 ||
		    *end != '\0') {
			nr_warn("'%s' is not an article id (newsread list "
			    "shows them)", args->argv[i]);
			return EXIT_USAGE;
		}
	}
	if ((st = nr_open_store(nr, STORE_EXISTING | STORE_READ)) == NULL)
		return EXIT_ERROR;
	for (i = 0; i < args->argc; i++, first = 0) {
		if (export_one(st, strtoll(args->argv[i], NULL, 10), f,
		    first) != 0)
			status = EXIT_ERROR;
	}
	view.bookmarks = cmd_has(args, "bookmarks");
	while (args->argc == 0) {
		if (store_page(st, &view, last.title != NULL ? &last : NULL, 0,
		    EXPORT_PAGE, &rows, &cause) != 0) {
			nr_warn("%s", cause);
			free(cause);
			status = EXIT_ERROR;
			break;
		}
		for (k = 0; k < rows.n; k++, first = 0) {
			if (export_one(st, rows.v[k].id, f, first) != 0)
				status = EXIT_ERROR;
		}
		got = rows.n;
		if (got > 0) {
			store_row_clear(&last);
			last = rows.v[--rows.n];
		}
		store_rows_free(&rows);
		if (got < EXPORT_PAGE)
			break;
	}
	store_row_clear(&last);
	store_close(st);
	return status;
}
