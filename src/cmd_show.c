/* cmd_show.c: newsread show: one stored article. */
#include "config.h"

#include <sys/ioctl.h>

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "output.h"
#include "settings.h"
#include "store.h"

static int	cmd_show(struct nr *, const struct cmd_args *);

static const struct cmd_opt show_opts[] = {
	{ "json", 0, NULL, "one JSON object" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_show_entry = {
	"show", show_opts, "ID", 1, 1,
	"Print one stored article: header, lead, body and captions. On a\n"
	"terminal, wrapped to it (at most the settings' text-width) and\n"
	"through $PAGER (less -R when unset).\n",
	cmd_show
};

/*
 * The article for a person: on a terminal, wrapped to its width (at most
 * the settings file's text-width) and through $PAGER as git does (less
 * -R when unset; none when it is empty or "cat"); else as it is.
 */
static void
show_text(long long id, const struct article *a)
{
	struct winsize	 ws;
	struct settings	 set;
	const char	*pager = getenv("PAGER");
	char		*cause = NULL;
	FILE		*fp = stdout;
	int		 width = 0;

	if (!isatty(STDOUT_FILENO)) {
		printf("Id: %lld\n", id);
		out_article(stdout, a, 0);
		return;
	}
	if (settings_load(&set, NULL, &cause) != 0) {
		nr_warn("%s", cause);	/* the defaults serve */
		free(cause);
	}
	width = set.text_width;
	settings_free(&set);
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 &&
	    (width == 0 || ws.ws_col - 1 < width))
		width = ws.ws_col - 1;
	if (pager == NULL)
		pager = "less -R";
	if (*pager != '\0' && strcmp(pager, "cat") != 0) {
		setenv("LESS", "FRX", 0);	/* as git: one screen, no pager */
		signal(SIGPIPE, SIG_IGN);	/* the reader may quit early */
		fflush(stdout);
		if ((fp = popen(pager, "w")) == NULL)
			fp = stdout;
	}
	fprintf(fp, "Id: %lld\n", id);
	out_article(fp, a, width);
	if (fp != stdout && pclose(fp) == -1)
		nr_warn("cannot run '%s': %s", pager, strerror(errno));
}

static int
cmd_show(struct nr *nr, const struct cmd_args *args)
{
	struct store	*st;
	struct article	*a;
	char		*cause = NULL, *path = NULL;
	int		 json = cmd_has(args, "json"), bm = 0, unread = 0;
	int64_t		 id;

	if (nr_article_id(args->argv[0], &id) != 0)
		return EXIT_USAGE;
	if ((st = nr_open_store(nr, STORE_EXISTING | STORE_READ)) == NULL)
		return EXIT_ERROR;
	a = store_get(st, id, &path, &bm, &unread, &cause);
	if (a == NULL) {
		if (cause != NULL)
			nr_warn("%s", cause);
		else
			nr_warn("no article %" PRId64 " (newsread list shows "
			    "them)", id);
		free(cause);
		store_close(st);
		return EXIT_ERROR;
	}
	if (json)
		out_article_json(stdout, id, path, a, bm, unread);
	else
		show_text(id, a);
	free(path);
	article_free(a);
	store_close(st);
	return EXIT_OK;
}
