/* cmd_story.c: newsread story: an article's versions and coverage. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>

#include "cmd.h"
#include "json.h"
#include "output.h"
#include "store.h"

static int	cmd_story(struct nr *, const struct cmd_args *);

static const struct cmd_opt story_opts[] = {
	{ "json", 0, NULL, "one JSON object a line" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_story_entry = {
	"story", story_opts, "ID", 1, 1,
	"Print the story of article ID: its versions (the same text\n"
	"republished or updated, by any outlet), earliest first, then its\n"
	"coverage (\"C\xc3\xb9ng s\xe1\xbb\xb1 ki\xe1\xbb\x87n\": other "
	"outlets' own reports of the event,\nsharing its names, places and "
	"figures within three days).\n",
	cmd_story
};

/* One JSON object: kind ("version" or "coverage"), id, date, source,
 * title, as list --json gives them. */
static void
print_json(const struct store_row *r, const char *kind)
{
	struct buf	b = { 0 };

	buf_printf(&b, "{\"kind\":\"%s\",\"id\":%lld,\"date\":", kind,
	    (long long)r->id);
	json_str(&b, *r->date != '\0' ? r->date : NULL);
	buf_adds(&b, ",\"source\":");
	json_str(&b, *r->source != '\0' ? r->source : NULL);
	buf_adds(&b, ",\"title\":");
	json_str(&b, r->title);
	buf_adds(&b, "}\n");
	fputs(b.s, stdout);
	buf_free(&b);
}

static void
print_rows(const struct store_rows *rows, const char *title,
    const char *kind, int json, enum article_date_style style)
{
	size_t	i;

	if (!json && rows->n > 0)
		printf("%s (%zu):\n", title, rows->n);
	for (i = 0; i < rows->n; i++) {
		if (json)
			print_json(&rows->v[i], kind);
		else
			out_row(stdout, &rows->v[i], 0, style);
	}
}

static int
cmd_story(struct nr *nr, const struct cmd_args *args)
{
	struct store		*st;
	struct store_rows	 versions = { 0 }, cover = { 0 };
	char			*cause = NULL;
	int			 json = cmd_has(args, "json");
	int64_t			 id;
	enum article_date_style	 style;

	if (nr_article_id(args->argv[0], &id) != 0)
		return EXIT_USAGE;
	if ((st = nr_open_store(nr, STORE_EXISTING | STORE_READ)) == NULL)
		return EXIT_ERROR;
	if (store_story_versions(st, id, &versions, &cause) != 0 ||
	    (versions.n > 0 &&
	    store_coverage(st, id, &cover, &cause) != 0)) {
		nr_warn("%s", cause);
		free(cause);
		store_rows_free(&versions);
		store_close(st);
		return EXIT_ERROR;
	}
	if (versions.n == 0) {
		nr_warn("no article %" PRId64 " (newsread list shows them)", id);
		store_close(st);
		return EXIT_ERROR;
	}
	style = json ? DATE_ISO : nr_date_style();
	print_rows(&versions, "Versions", "version", json, style);
	print_rows(&cover, "Coverage, C\xc3\xb9ng s\xe1\xbb\xb1 ki\xe1\xbb\x87n",
	    "coverage", json, style);
	store_rows_free(&versions);
	store_rows_free(&cover);
	store_close(st);
	return EXIT_OK;
}
