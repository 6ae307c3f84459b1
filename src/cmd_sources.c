/* cmd_sources.c: newsread sources: sources and their counts. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>

#include "cmd.h"
#include "json.h"
#include "output.h"
#include "store.h"

int
cmd_sources(struct nr *nr, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_sources	 ss;
	struct store		*st;
	char			*cause = NULL;
	int			 ch, json = 0;
	size_t			 i;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'h':
			nr_usage(stdout, "sources");
			return EXIT_OK;
		default:
			nr_usage(stderr, "sources");
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		nr_usage(stderr, "sources");
		return EXIT_USAGE;
	}
	if ((st = nr_open_store(nr)) == NULL)
		return EXIT_ERROR;
	if (store_sources(st, &ss, &cause) != 0) {
		nr_warn("%s", cause);
		free(cause);
		store_close(st);
		return EXIT_ERROR;
	}
	for (i = 0; i < ss.n; i++) {
		const char *name = *ss.v[i].name != '\0' ? ss.v[i].name : NULL;

		if (json) {
			struct buf b = { 0 };

			buf_adds(&b, "{\"source\":");
			json_str(&b, name);
			buf_printf(&b, ",\"articles\":%" PRId64 ",\"unread\":%"
			    PRId64 "}\n", ss.v[i].articles, ss.v[i].unread);
			fputs(b.s, stdout);
			buf_free(&b);
		} else {
			printf("%6" PRId64 " %6" PRId64 "  ", ss.v[i].articles,
			    ss.v[i].unread);
			out_safe(stdout, name != NULL ? name : "-");
			putchar('\n');
		}
	}
	store_sources_free(&ss);
	store_close(st);
	return EXIT_OK;
}
