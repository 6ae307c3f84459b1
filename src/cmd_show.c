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
 * -R when unset; none when it is empty or "cat"), its words split at spaces
 * with no shell; else as it is.
 */
static void
show_text(long long id, const struct article *a)
{
	struct winsize	 ws;
	struct settings	 set;
	const char	*pager = getenv("PAGER");
	FILE		*fp = stdout;
	int		 width = 0, pid = 0;
	enum article_date_style style;

	if (!isatty(STDOUT_FILENO)) {
		printf("Id: %lld\n", id);
		out_article(stdout, a, 0, nr_date_style());
		return;
	}
	nr_settings(&set);
	width = set.text_width;
	style = set.date_style;
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
		if ((fp = util_spawn(pager, &pid)) == NULL)
			fp = stdout;
	}
	fprintf(fp, "Id: %lld\n", id);
	out_article(fp, a, width, style);
	if (fp != stdout && util_spawn_wait(fp, pid) == 127)
		nr_warn("cannot run '%s' (PAGER)", pager);
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
