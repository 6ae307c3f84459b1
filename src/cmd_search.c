/* cmd_search.c: newsread search: full-text search for scripts. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fold.h"
#include "json.h"
#include "output.h"
#include "store.h"

static int	cmd_search(struct nr *, const struct cmd_args *);

static const struct cmd_opt search_opts[] = {
	{ "source", 0, "NAME", "only articles of source NAME" },
	{ "limit", 0, "N", "at most N results (default 20)" },
	{ "sort", 0, "rank|date", "best matches first (default) or newest "
	    "first" },
	{ "stories", 0, NULL, "one row a story (versions of one text "
	    "together)" },
	{ "json", 0, NULL, "one JSON object a line" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_search_entry = {
	"search", search_opts, "QUERY...", 1, -1,
	"Search every article: words are ANDed, \"quoted words\" are a "
	"phrase,\nevery word whole. A letter typed without marks matches any "
	"(dien\nfinds \xc4\x91i\xe1\xbb\x87n); a mark typed must be there "
	"(\xc4\x91ien finds \xc4\x91i\xe1\xbb\x87n,\n"
	"\xc4\x91i\xe1\xbb\x81n, \xc4\x91i\xc3\xaan; b\xc3\xa0 not ba "
	"or b\xc3\xa1); ho\xc3\xa0 and h\xc3\xb2" "a are one word.\n"
	"Prints id, date, source, title and a snippet with the matches in\n"
	"[brackets], best first: the words next to each other as typed, then\n"
	"the best scored, then the newest. No match: \"no matches\" on\n"
	"standard error and exit status 1.\n",
	cmd_search
};

static int
cmd_search(struct nr *nr, const struct cmd_args *args)
{
	struct store_search	 q = { 0 };
	struct store_rows	 rows = { 0 };
	struct fold_query	*fq;
	struct store		*st;
	struct buf		 typed = { 0 };
	const char		*v;
	char			*cause = NULL, *end, *source = NULL;
	long			 limit = 20;
	int			 json = cmd_has(args, "json"), i, status;
	enum article_date_style	 style = DATE_ISO;
	size_t			 k;

	q.source = cmd_get(args, "source");
	q.stories = cmd_has(args, "stories");
	if ((v = cmd_get(args, "limit")) != NULL) {
		errno = 0;
		limit = strtol(v, &end, 10);
		if (errno != 0 || *end != '\0' || limit < 1) {
			nr_warn("--limit takes a number above 0, not '%s'", v);
			return EXIT_USAGE;
		}
	}
	if ((v = cmd_get(args, "sort")) != NULL) {
		if (strcmp(v, "date") == 0)
			q.sort = STORE_SORT_DATE;
		else if (strcmp(v, "rank") != 0) {
			nr_warn("--sort takes rank or date, not '%s'", v);
			return EXIT_USAGE;
		}
	}
	for (i = 0; i < args->argc; i++) {
		if (i > 0)
			buf_addc(&typed, ' ');
		buf_adds(&typed, args->argv[i]);
	}
	fq = fold_query_new(typed.s, 0);
	buf_free(&typed);
	if (fq->n == 0) {
		nr_warn("search: the query has no words");
		fold_query_free(fq);
		return EXIT_USAGE;
	}
	if ((st = nr_open_store(nr, STORE_EXISTING | STORE_READ)) == NULL) {
		fold_query_free(fq);
		return EXIT_ERROR;
	}
	if (q.source != NULL &&
	    (source = store_source_find(st, q.source, &cause)) == NULL)
		goto fail;
	q.source = source;
	q.fts = fq->fts;
	q.adjacent = fq->adjacent;
	q.snippets = 1;
	q.mark_open = "[";	/* plain text: out_safe() would defuse ESC */
	q.mark_close = "]";
	if (store_search(st, &q, 0, (size_t)limit, &rows, &cause) != 0)
		goto fail;
	if (!json)
		style = nr_date_style();
	for (k = 0; k < rows.n; k++) {
		const struct store_row	*r = &rows.v[k];

		if (json) {
			out_row_json(stdout, r, 1);
			continue;
		}
		out_row(stdout, r, 0, style);
		fputs("        ", stdout);
		out_safe(stdout, r->snippet != NULL ? r->snippet : "");
		putchar('\n');
	}
	if (rows.n == 0)
		nr_warn("no matches");	/* as grep, status 1 */
	status = rows.n > 0 ? EXIT_OK : EXIT_ERROR;
	store_rows_free(&rows);
	free(source);
	fold_query_free(fq);
	store_close(st);
	return status;
fail:
	nr_warn("%s", cause);
	free(cause);
	free(source);
	fold_query_free(fq);
	store_close(st);
	return EXIT_ERROR;
}
