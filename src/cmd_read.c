/* cmd_read.c: newsread read (and no command): open the reader. */
#include "config.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "store.h"
#include "ui.h"

static int	cmd_read(struct nr *, const struct cmd_args *);

static const struct cmd_opt read_opts[] = {
	{ "no-stories", 0, NULL, "every article on its own row (V in the "
	    "list switches)" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_read_entry = {
	"read", read_opts, "", 0, 0,
	"Open the reader (the same as no command). Press ? in it for keys.\n",
	cmd_read
};

static int
cmd_read(struct nr *nr, const struct cmd_args *args)
{
	struct store	*st;
	const char	*term = getenv("TERM"), *cs;
	char		*path;
	int		 is_default, rc;

	cs = nl_langinfo(CODESET);
	if (cs == NULL || strcmp(cs, "UTF-8") != 0) {
		nr_warn("the reader needs a UTF-8 locale to draw Vietnamese "
		    "(the locale's character set is %s): run it with "
		    "LANG=C.UTF-8 or another UTF-8 locale",
		    cs != NULL ? cs : "unknown");
		return EXIT_ERROR;
	}
	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0) {
		nr_warn("the reader needs a terminal that can move the "
		    "cursor (TERM is %s); set TERM, e.g. TERM=xterm-256color",
		    term != NULL && *term != '\0' ? term : "unset");
		return EXIT_ERROR;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		nr_warn("the reader needs a terminal; for scripts use "
		    "newsread list, show or sources");
		return EXIT_ERROR;
	}
	if ((st = nr_open_store(nr, STORE_EXISTING | STORE_READ)) == NULL)
		return EXIT_ERROR;
	path = store_path(nr->db_opt, &is_default);
	rc = ui_run(st, path, !cmd_has(args, "no-stories"));
	free(path);
	store_close(st);
	return rc;
}
