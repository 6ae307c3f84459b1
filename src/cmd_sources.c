/* cmd_sources.c: newsread sources: sources and their counts. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>

#include "cmd.h"
#include "json.h"
#include "output.h"
#include "store.h"

static int	cmd_sources(struct nr *, const struct cmd_args *);

static const struct cmd_opt sources_opts[] = {
	{ "json", 0, NULL, "one JSON object a line" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_sources_entry = {
	"sources", sources_opts, "", 0, 0,
	"List the sources with their article and unread counts.\n",
	cmd_sources
};

static int
cmd_sources(struct nr *nr, const struct cmd_args *args)
{
	struct store_sources	 ss;
	struct store		*st;
	char			*cause = NULL;
	int			 json = cmd_has(args, "json");
	size_t			 i;

	if ((st = nr_open_store(nr, STORE_EXISTING | STORE_READ)) == NULL)
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
