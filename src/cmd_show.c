/* cmd_show.c: newsread show: one stored article. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>

#include "cmd.h"
#include "json.h"
#include "output.h"
#include "store.h"

static int	cmd_show(struct nr *, const struct cmd_args *);

static const struct cmd_opt show_opts[] = {
	{ "json", 0, NULL, "one JSON object" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_show_entry = {
	"show", show_opts, "ID", 1, 1,
	"Print one stored article: header, lead, body and captions.\n",
	cmd_show
};

static int
cmd_show(struct nr *nr, const struct cmd_args *args)
{
	struct store	*st;
	struct article	*a;
	char		*cause = NULL, *path = NULL;
	int		 json = cmd_has(args, "json"), bm = 0, unread = 0;
	long long	 id;

	if ((id = nr_article_id(args->argv[0])) < 0)
		return EXIT_USAGE;
	if ((st = nr_open_store(nr)) == NULL)
		return EXIT_ERROR;
	a = store_get(st, id, &path, &bm, &unread, &cause);
	if (a == NULL) {
		if (cause != NULL)
			nr_warn("%s", cause);
		else
			nr_warn("no article %lld (newsread list shows them)",
			    id);
		free(cause);
		store_close(st);
		return EXIT_ERROR;
	}
	if (json) {
		struct buf b = { 0 };

		buf_printf(&b, "{\"id\":%lld,\"file\":", id);
		json_str(&b, path);
		json_article_fields(&b, a);
		buf_printf(&b, ",\"bookmarked\":%s,\"unread\":%s}\n",
		    bm ? "true" : "false", unread ? "true" : "false");
		fputs(b.s, stdout);
		buf_free(&b);
	} else {
		printf("Id: %lld\n", id);
		out_article(stdout, a);
	}
	free(path);
	article_free(a);
	store_close(st);
	return EXIT_OK;
}
