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
	"phrase.\nA word typed without diacritics matches any (dien finds "
	"\xc4\x91i\xe1\xbb\x87n);\n"
	"a word typed with them matches only those. Prints id, date, source,\n"
	"title and a snippet with the matches in [brackets], best first.\n",
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
	char			*cause = NULL, *end;
	long			 limit = 20;
	int			 json = cmd_has(args, "json"), i;
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
	if ((st = nr_open_store(nr)) == NULL) {
		fold_query_free(fq);
		return EXIT_ERROR;
	}
	q.fts = fq->fts;
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
