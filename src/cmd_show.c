/* cmd_show.c: newsread show: one stored article. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>

#include "cmd.h"
#include "json.h"
#include "output.h"
#include "store.h"

int
cmd_show(struct nr *nr, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store	*st;
	struct article	*a;
	char		*cause = NULL, *path = NULL, *end;
	int		 ch, json = 0, bm = 0, unread = 0;
	long long	 id;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'h':
			nr_usage(stdout, "show");
			return EXIT_OK;
		default:
			nr_usage(stderr, "show");
			return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc) {
		nr_usage(stderr, "show");
		return EXIT_USAGE;
	}
	errno = 0;
	id = strtoll(argv[optind], &end, 10);
	if (errno != 0 || *end != '\0' || end == argv[optind] || id <= 0) {
		nr_warn("'%s' is not an article id (newsread list shows them)",
		    argv[optind]);
		return EXIT_USAGE;
	}
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
