/* cmd_remove.c: newsread remove: delete articles by id or by path. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int	cmd_remove(struct nr *, const struct cmd_args *);

static const struct cmd_opt remove_opts[] = {
	{ "path", 0, "PATTERN", "the articles whose file matches PATTERN" },
	{ "force", 0, NULL, "remove bookmarked articles too" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_remove_entry = {
	"remove", remove_opts, "[ID...]", 0, -1,
	"Remove articles (with their bookmarks and their place in the index)\n"
	"by id, or with --path those whose stored file path matches PATTERN\n"
	"(* and ? as in the shell, * across / too). All or nothing, in one\n"
	"transaction; a bookmarked article only with --force.\n",
	cmd_remove
};

static int
cmd_remove(struct nr *nr, const struct cmd_args *args)
{
	struct store_removal	 r;
	struct store		*st;
	const char		*glob = cmd_get(args, "path");
	int64_t			*ids = NULL;
	char			*cause = NULL;
	int			 i, status = EXIT_OK;

	if ((glob == NULL) == (args->argc == 0)) {
		nr_warn("remove takes article ids or --path PATTERN (one of "
		    "them)");
		return EXIT_USAGE;
	}
	if (glob == NULL)
		ids = xcalloc((size_t)args->argc, sizeof *ids);
	for (i = 0; glob == NULL && i < args->argc; i++) {
		if (nr_article_id(args->argv[i], &ids[i]) != 0) {
			free(ids);
			return EXIT_USAGE;
		}
	}
	if ((st = nr_open_store(nr, STORE_EXISTING)) == NULL) {
		free(ids);
		return EXIT_ERROR;
	}
	if (store_remove(st, ids, (size_t)args->argc, glob,
	    cmd_has(args, "force"), &r, &cause) != 0) {
		nr_warn("%s", cause);
		free(cause);
		status = EXIT_ERROR;
	} else if (r.missing > 0) {
		nr_warn("no article %" PRId64 "%s: nothing removed",
		    r.first_missing, r.missing > 1 ? " (and others)" : "");
		status = EXIT_ERROR;
	} else if (r.bookmarked > 0 && r.removed == 0) {
		nr_warn("%zu of the %zu articles %s bookmarked: nothing "
		    "removed (--force removes them too)", r.bookmarked, r.n,
		    r.bookmarked == 1 ? "is" : "are");
		status = EXIT_ERROR;
	} else
		fprintf(stderr, "removed %zu article%s\n", r.removed,
		    r.removed == 1 ? "" : "s");
	store_removal_free(&r);
	store_close(st);
	free(ids);
	return status;
}
