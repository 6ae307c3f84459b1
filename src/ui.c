/*
 * ui.c: the reader's main loop: the key table, dispatch, the bars,
 * resizing, and leaving the terminal as it was found.
 */
#include "config.h"

#include <sys/ioctl.h>
#include <sys/wait.h>

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fold.h"
#include "output.h"
#include "text.h"
#include "ui.h"

#define LS	(UI_LIST)
#define AR	(UI_ARTICLE)
#define HL	(UI_HELP)
#define BOTH	(UI_LIST | UI_ARTICLE)
#define ALL	(UI_LIST | UI_ARTICLE | UI_HELP)

/*
 * Every key of the reader: dispatch looks keys up here, the help screen is
 * made from it and tests/man.test reads it (rows "{ key, "name", ...").
 */
const struct ui_key ui_keys[] = {
	{ 'j', "j", ALL, ACT_DOWN, "down a line" },
	{ FKEY(KEY_DOWN), "Down", ALL, ACT_DOWN, "down a line" },
	{ 'k', "k", ALL, ACT_UP, "up a line" },
	{ FKEY(KEY_UP), "Up", ALL, ACT_UP, "up a line" },
	{ ' ', "Space", ALL, ACT_PAGE_DOWN, "down a page" },
	{ FKEY(KEY_NPAGE), "PgDn", ALL, ACT_PAGE_DOWN, "down a page" },
	{ CTRLKEY('f'), "^F", ALL, ACT_PAGE_DOWN, "down a page" },
	{ 'b', "b", ALL, ACT_PAGE_UP, "up a page" },
	{ FKEY(KEY_PPAGE), "PgUp", ALL, ACT_PAGE_UP, "up a page" },
	{ CTRLKEY('b'), "^B", ALL, ACT_PAGE_UP, "up a page" },
	{ 'd', "d", ALL, ACT_HALF_DOWN, "down half a page" },
	{ CTRLKEY('d'), "^D", ALL, ACT_HALF_DOWN, "down half a page" },
	{ 'u', "u", ALL, ACT_HALF_UP, "up half a page" },
	{ CTRLKEY('u'), "^U", ALL, ACT_HALF_UP, "up half a page" },
	{ 'g', "g", ALL, ACT_TOP, "to the top" },
	{ FKEY(KEY_HOME), "Home", ALL, ACT_TOP, "to the top" },
	{ 'G', "G", ALL, ACT_BOTTOM, "to the bottom" },
	{ FKEY(KEY_END), "End", ALL, ACT_BOTTOM, "to the bottom" },
	{ 'm', "m", BOTH, ACT_BOOKMARK, "bookmark or unbookmark the article" },
	{ 'o', "o", BOTH, ACT_BROWSER, "open the article's URL with $BROWSER" },
	{ '?', "?", ALL, ACT_HELP, "this help" },
	{ CTRLKEY('l'), "^L", BOTH, ACT_REDRAW, "redraw and reread the database" },
	{ 'r', "r", BOTH, ACT_RELOAD, "reread the database" },
	{ 'Q', "Q", ALL, ACT_QUIT, "quit, from anywhere" },
	{ 'w', "w", BOTH, ACT_SAVE, "save the article as text to a file" },
	{ '|', "|", BOTH, ACT_PIPE, "pipe the article to a command" },
	{ '\n', "Enter", LS, ACT_OPEN, "open the article (or pick the source)" },
	{ FKEY(KEY_ENTER), "Enter", LS, ACT_OPEN, "open the article (or pick the source)" },
	{ 'l', "l", LS, ACT_OPEN, "open the article (or pick the source)" },
	{ FKEY(KEY_RIGHT), "Right", LS, ACT_OPEN, "open the article (or pick the source)" },
	{ '\t', "Tab", LS, ACT_FOCUS, "switch between sources and articles" },
	{ 'h', "h", LS, ACT_FOCUS_LEFT, "go to the sources column" },
	{ FKEY(KEY_LEFT), "Left", LS, ACT_FOCUS_LEFT, "go to the sources column" },
	{ 'B', "B", LS, ACT_BOOKMARKS, "show the bookmarks; again, go back" },
	{ 's', "s", LS, ACT_ORDER, "group by source or list by date; results best or newest first" },
	{ '/', "/", LS, ACT_SEARCH, "search every article as you type" },
	{ 'n', "n", LS, ACT_MATCH_NEXT, "next result; with no search, next unread" },
	{ 'N', "N", LS, ACT_MATCH_PREV, "previous result; with no search, read/unread" },
	{ 'A', "A", LS, ACT_MARK_ALL_READ, "mark every article of the view read" },
	{ 27, "Esc", LS, ACT_CANCEL, "leave the search results, then the view" },
	{ 'q', "q", LS, ACT_BACK, "back: leave the search, the view; quit" },
	{ 'J', "J", AR, ACT_NEXT, "next article" },
	{ 'K', "K", AR, ACT_PREV, "previous article" },
	{ 'p', "p", AR, ACT_PREV, "previous article" },
	{ 'n', "n", AR, ACT_MATCH_NEXT, "next match; with no search, next unread" },
	{ 'N', "N", AR, ACT_MATCH_PREV, "previous match; with no search, read/unread" },
	{ '/', "/", AR, ACT_SEARCH, "search in the article" },
	{ 'q', "q", AR, ACT_BACK, "back to the list" },
	{ 'h', "h", AR, ACT_BACK, "back to the list" },
	{ FKEY(KEY_LEFT), "Left", AR, ACT_BACK, "back to the list" },
	{ 27, "Esc", AR, ACT_BACK, "back to the list" },
	{ 'V', "V", LS, ACT_STORIES, "one row a story (+N versions), or every article" },
	{ 'v', "v", AR, ACT_VERSION, "the story's next version (outlet and date in the header)" },
	{ 'c', "c", AR, ACT_COVERAGE, "list the coverage under the article; again, open its first" },
	{ 'q', "q", HL, ACT_BACK, "leave the help" },
	{ 27, "Esc", HL, ACT_BACK, "leave the help" },
	{ 'h', "h", HL, ACT_BACK, "leave the help" },
	{ FKEY(KEY_LEFT), "Left", HL, ACT_BACK, "leave the help" },
};
const size_t ui_nkeys = sizeof ui_keys / sizeof ui_keys[0];

/* The actions' names, for bind-key in the settings file. */
static const char *const act_names[] = {
	[ACT_DOWN] = "down", [ACT_UP] = "up", [ACT_PAGE_DOWN] = "page-down",
	[ACT_PAGE_UP] = "page-up", [ACT_HALF_DOWN] = "half-down",
	[ACT_HALF_UP] = "half-up", [ACT_TOP] = "top",
	[ACT_BOTTOM] = "bottom", [ACT_OPEN] = "open", [ACT_BACK] = "back",
	[ACT_QUIT] = "quit", [ACT_FOCUS] = "focus",
	[ACT_FOCUS_LEFT] = "sources", [ACT_NEXT] = "next",
	[ACT_PREV] = "prev", [ACT_BOOKMARK] = "bookmark",
	[ACT_BOOKMARKS] = "bookmarks", [ACT_ORDER] = "order",
	[ACT_BROWSER] = "browser", [ACT_SEARCH] = "search",
	[ACT_MATCH_NEXT] = "match-next", [ACT_MATCH_PREV] = "match-prev",
	[ACT_HELP] = "help", [ACT_REDRAW] = "redraw",
	[ACT_CANCEL] = "cancel", [ACT_RELOAD] = "reload",
	[ACT_MARK_ALL_READ] = "mark-all-read", [ACT_PIPE] = "pipe",
	[ACT_SAVE] = "save", [ACT_VERSION] = "version",
	[ACT_COVERAGE] = "coverage", [ACT_STORIES] = "stories"
};
#define NACTS	(sizeof act_names / sizeof act_names[0])

/* A key as the settings file names it: a name of the table, ^X, or one
 * character; -1 when it is none of them. */
static int
key_code(const char *name)
{
	size_t	i;
	int32_t	cp;

	for (i = 0; i < ui_nkeys; i++) {
		if (strcmp(ui_keys[i].name, name) == 0)
			return ui_keys[i].key;
	}
	if (name[0] == '^' && name[1] != '\0' && name[2] == '\0' &&
	    ((name[1] >= 'A' && name[1] <= 'Z') ||
	    (name[1] >= 'a' && name[1] <= 'z')))
		return CTRLKEY(name[1]);
	if (name[0] != '\0' && text_decode(name, strlen(name), &cp) ==
	    strlen(name) && cp > 0x20 && cp != 0x7f)
		return (int)cp;
	return -1;
}

/* The bind-key lines of the settings file; -1 and *cause on a bad one. */
static int
bind_keys(struct ui *ui, char **cause)
{
	const struct settings	*set = &ui->set;
	size_t			 i, a, k;
	int			 key, screens;

	for (i = 0; i < set->nbind; i++) {
		const struct settings_line *l = &set->bind[i];

		if ((key = key_code(l->a)) == -1) {
			*cause = settings_error(set, l->line, "unknown key "
			    "'%s' (a character, ^X, or a name of the KEYS "
			    "section such as Space, Enter, Esc, Down)", l->a);
			return -1;
		}
		for (a = 1; a < NACTS; a++) {
			if (act_names[a] != NULL &&
			    strcmp(act_names[a], l->b) == 0)
				break;
		}
		if (a == NACTS) {
			*cause = settings_error(set, l->line, "unknown action "
			    "'%s' (the actions are listed in newsread(1), "
			    "SETTINGS)", l->b);
			return -1;
		}
		/* wherever the action has a key already */
		for (screens = 0, k = 0; k < ui_nkeys; k++) {
			if (ui_keys[k].action == (enum ui_action)a)
				screens |= ui_keys[k].screens;
		}
		ui->binds = xreallocarray(ui->binds, ui->nbinds + 1,
		    sizeof *ui->binds);
		ui->binds[ui->nbinds].key = key;
		ui->binds[ui->nbinds].name = l->a;
		ui->binds[ui->nbinds].screens = screens;
		ui->binds[ui->nbinds].action = (enum ui_action)a;
		ui->binds[ui->nbinds].help = act_names[a];
		ui->nbinds++;
	}
	return 0;
}

/* The colour lines of the settings file; -1 and *cause on a bad one. */
static int
set_colors(struct ui *ui, char **cause)
{
	size_t	i;
	char	*why;

	for (i = 0; i < ui->set.ncolor; i++) {
		const struct settings_line *l = &ui->set.color[i];

		if ((why = ui_draw_set_color(l->a, l->b, l->c)) != NULL) {
			*cause = settings_error(&ui->set, l->line, "%s", why);
			free(why);
			return -1;
		}
	}
	return 0;
}

/*
 * Window size changes: our own handler, so that every change repaints the
 * whole screen from the size the terminal has now, even when a quick
 * change and change back leaves curses' idea of the size as it was.
 */
static volatile sig_atomic_t	winched;
static struct sigaction		curses_winch;	/* ncurses' own handler */

static void
on_winch(int sig)
{
	winched = 1;
	if (curses_winch.sa_handler != SIG_DFL &&
	    curses_winch.sa_handler != SIG_IGN &&
	    curses_winch.sa_handler != NULL)
		curses_winch.sa_handler(sig);
}

/* The order of search results as the top bar names it. */
static const char *
order_name(const struct ui *ui)
{
	if (ui->search_fast)
		return "last imported first";
	return ui->search_sort == STORE_SORT_RANK ? "best first" :
	    "newest first";
}

static void
apply_winch(struct ui *ui)
{
	struct winsize	ws;

	winched = 0;
	/* resizeterm() queues a KEY_RESIZE: only when the size differs */
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && is_term_resized(ws.ws_row, ws.ws_col))
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);	/* the terminal may have changed under us */
	getmaxyx(stdscr, ui->rows, ui->cols);
}

static enum ui_action
lookup(const struct ui *ui, int screen, int key)
{
	size_t	i;

	if (key == '\r')
		key = '\n';
	for (i = 0; i < ui->nbinds; i++) {	/* the settings file's first */
		if (ui->binds[i].key == key && (ui->binds[i].screens & screen))
			return ui->binds[i].action;
	}
	for (i = 0; i < ui_nkeys; i++) {
		if (ui_keys[i].key == key && (ui_keys[i].screens & screen))
			return ui_keys[i].action;
	}
	return ACT_NONE;
}

static void
ui_end(void)
{
	if (!isendwin())
		endwin();
}

int
ui_visible(const struct ui *ui)
{
	int	n = ui->rows - 2;

	return n > 0 ? n : 1;
}

void
ui_say(struct ui *ui, char *msg)
{
	free(ui->message);
	ui->message = msg;
}

static void
draw_bar(int y, const char *left, const char *right, int cols)
{
	int	lw = text_width(left) + 2, rw;

	if (lw > cols)
		lw = cols;
	rw = cols - lw;
	ui_draw_cell(y, 0, left, lw, R_BAR);
	if (rw <= 0)
		return;
	/* the hints, right-aligned, whole hints dropped until they fit */
	if (text_width(right) > rw) {
		char	*t = xstrdup(right), *cut, *p;

		while (t[0] != '\0' && text_width(t) > rw) {
			cut = NULL;
			for (p = t; (p = strstr(p, "  ")) != NULL; p++)
				cut = p;
			if (cut == NULL)
				t[0] = '\0';
			else
				strcpy(cut, " ");
		}
		ui_fill(y, lw, rw - text_width(t), R_BAR);
		ui_draw_cell(y, cols - text_width(t), t, text_width(t), R_BAR);
		free(t);
		return;
	}
	ui_fill(y, lw, rw - text_width(right), R_BAR);
	ui_draw_cell(y, cols - text_width(right), right, text_width(right),
	    R_BAR);
}

static const char *
view_name(const struct ui *ui)
{
	if (ui->src_sel == 0)
		return "All";
	if (ui->src_sel == 1)
		return "Bookmarks";
	if (*ui->sources.v[ui->src_sel - 2].name == '\0')
		return "(no source)";
	return ui->sources.v[ui->src_sel - 2].name;
}

static void
draw_bars(struct ui *ui)
{
	char	*left, *right, *safe;

	if (ui->screen == UI_LIST && ui->fq != NULL) {
		safe = text_sanitize(ui->typed.s, 0);
		left = xasprintf(" newsread \xe2\x80\x94 search: %s \xc2\xb7 %s"
		    " \xc2\xb7 %s", safe, view_name(ui), order_name(ui));
		free(safe);
		draw_bar(0, left, "", ui->cols);
		free(left);
		left = xstrdup("");
		right = xstrdup("");
	} else if (ui->screen == UI_ARTICLE && ui->art != NULL) {
		size_t	vis = (size_t)ui_visible(ui);
		size_t	end = ui->art_top + vis;
		int	pct;

		if (end > ui->nalines)
			end = ui->nalines;
		pct = ui->nalines == 0 ? 100 : (int)(100 * end / ui->nalines);
		safe = text_sanitize(view_name(ui), 0);
		left = xasprintf(" newsread \xe2\x80\x94 %s \xc2\xb7 article %"
		    PRId64 "/%" PRId64 "%s", safe, ui->cur + 1, ui->total,
		    ui->art_bookmarked ? " \xc2\xb7 bookmarked" : "");
		free(safe);
		draw_bar(0, left, "", ui->cols);
		free(left);
		left = xasprintf(" line %zu/%zu %d%%", ui->art_top + 1,
		    ui->nalines, pct);
		right = xstrdup("q back  J/K next/prev  n next unread  m mark  "
		    "? help ");
	} else if (ui->screen == UI_HELP) {
		draw_bar(0, " newsread: keys", "", ui->cols);
		left = xstrdup(" j/k scroll");
		right = xstrdup("q back ");
	} else {
		char	unread_label[64];

		snprintf(unread_label, sizeof unread_label, "unread/total "
		    "%" PRId64 "/%" PRId64, ui->n_unread, ui->n_all);
		safe = text_sanitize(view_name(ui), 0);
		left = xasprintf(" newsread \xe2\x80\x94 %s (%" PRId64 ") \xc2\xb7"
		    " %s \xc2\xb7 %s", safe, ui->total, ui->order ==
		    STORE_BY_SOURCE ? "by source" : "by date", unread_label);
		free(safe);
		draw_bar(0, left, "", ui->cols);
		free(left);
		left = xasprintf(" %" PRId64 "/%" PRId64, ui->total > 0 ?
		    ui->cur + 1 : 0, ui->total);
		/* q leaves the view first (and the last hint: bench/firstscreen
		 * waits for "q quit") */
		right = xasprintf("Enter open  / search  B bookmarks  "
		    "Tab sources  ? help  %s ", ui->src_sel != 0 ? "q back" :
		    "q quit");
	}
	if (ui->screen == UI_LIST && (ui->searching || ui->fq != NULL)) {
		free(left);
		free(right);
		safe = text_sanitize(ui->typed.s != NULL ? ui->typed.s : "", 0);
		left = xasprintf("/%s", safe);
		free(safe);
		if (ui->fq == NULL)	/* nothing typed: the list */
			right = xasprintf("%" PRId64 "/%" PRId64 " ",
			    ui->total > 0 ? ui->cur + 1 : 0, ui->total);
		else if (ui->count_known)
			right = xasprintf("%" PRId64 " match%s  %" PRId64 "/%"
			    PRId64 " ", ui->total, ui->total == 1 ? "" : "es",
			    ui->total > 0 ? ui->cur + 1 : 0, ui->total);
		else
			right = xasprintf("%" PRId64 "/\xe2\x80\xa6 ",
			    ui->total > 0 ? ui->cur + 1 : 0);
	} else if (ui->screen == UI_ARTICLE &&
	    (ui->art_searching || ui->nam > 0)) {
		free(left);
		free(right);
		safe = text_sanitize(ui->art_searching ? (ui->atyped.s != NULL ?
		    ui->atyped.s : "") : (ui->afq != NULL ? ui->atyped.s :
		    ui->typed.s), 0);
		left = xasprintf("%s%s", ui->art_searching ? "/" : " /", safe);
		free(safe);
		right = xasprintf("match %zu/%zu  n/N  line %zu/%zu ",
		    ui->nam > 0 ? ui->am_cur + 1 : 0, ui->nam,
		    ui->art_top + 1, ui->nalines);
	}
	if (ui->message != NULL) {
		free(left);
		left = xasprintf(" %s", ui->message);
		right[0] = '\0';
	}
	if (ui->prompt) {
		free(left);
		safe = text_sanitize(ui->ptyped.s != NULL ? ui->ptyped.s : "",
		    0);
		left = xasprintf("%s%s", ui->prompt == ACT_SAVE ?
		    "save to: " : "pipe to: ", safe);
		free(safe);
		right[0] = '\0';
	}
	draw_bar(ui->rows - 1, left, right, ui->cols);
	if ((ui->searching && ui->screen == UI_LIST) || ui->prompt ||
	    (ui->art_searching && ui->screen == UI_ARTICLE)) {
		int	x = text_width(left);

		/* the cursor of a search line: "/", then the text before it */
		if (!ui->prompt && ui->screen == UI_LIST)
			x = 1 + ui_line_width(&ui->typed, ui->typed_at);
		else if (!ui->prompt)
			x = 1 + ui_line_width(&ui->atyped, ui->atyped_at);
		curs_set(1);
		move(ui->rows - 1, x < ui->cols ? x : ui->cols - 1);
	} else
		curs_set(0);
	free(left);
	free(right);
}

static void
draw(struct ui *ui)
{
	getmaxyx(stdscr, ui->rows, ui->cols);
	erase();
	if (ui->rows < 6 || ui->cols < 20) {
		mvaddnstr(0, 0, ui->cols >= 18 ? "terminal too small" :
		    "too small", ui->cols);
		refresh();
		return;
	}
	if (ui->screen == UI_ARTICLE)
		ui_article_draw(ui);
	else if (ui->screen == UI_HELP)
		ui_help_draw(ui);
	else
		ui_list_draw(ui);
	draw_bars(ui);
	refresh();
}

/* Run $BROWSER with the URL as its last argument: no shell involved. */
void
ui_open_url(struct ui *ui, const char *url)
{
	const char	*browser = getenv("BROWSER");
	char		*copy, *argv[16], *p;
	int		 argc = 0, status = 0;
	pid_t		 pid;

	if (url == NULL) {
		ui_say(ui, xstrdup("this article has no URL"));
		return;
	}
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) !=
	    0) {
		ui_say(ui, xstrdup("only http and https URLs are opened"));
		return;
	}
	if (browser == NULL || *browser == '\0') {
		ui_say(ui, xstrdup("set BROWSER to open URLs"));
		return;
	}
	copy = xstrdup(browser);
	for (p = strtok(copy, " "); p != NULL && argc < 14;
	    p = strtok(NULL, " "))
		argv[argc++] = p;
	argv[argc++] = (char *)url;
	argv[argc] = NULL;
	def_prog_mode();
	endwin();
	if ((pid = fork()) == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
	reset_prog_mode();
	refresh();
	if (pid < 0 || (WIFEXITED(status) && WEXITSTATUS(status) == 127))
		ui_say(ui, xasprintf("cannot run '%s'", argv[0]));
	free(copy);
}


static void	put_utf8(struct buf *, int);
static void	drop_last(struct buf *);

/* The id of the article w and | act on: the open one, or the cursor's. */
static int64_t
target_id(struct ui *ui)
{
	const struct store_row	*r;

	if (ui->screen == UI_ARTICLE && ui->art != NULL)
		return ui->art_id;
	return (r = ui_list_current(ui)) != NULL ? r->id : -1;
}

/* Ask for a file name (w) or a command (|) on the bottom line. */
static void
prompt_begin(struct ui *ui, enum ui_action a)
{
	const char	*dir = getenv("XDG_DOWNLOAD_DIR");
	int64_t		 id = target_id(ui);

	if (id < 0) {
		ui_say(ui, xstrdup("no article here"));
		return;
	}
	ui->prompt = a;
	ui->prompt_id = id;
	buf_reset(&ui->ptyped);
	if (a == ACT_SAVE) {
		char *def = xasprintf("%s%snewsread-%" PRId64 ".txt",
		    dir != NULL && *dir == '/' ? dir : "",
		    dir != NULL && *dir == '/' ? "/" : "", id);

		buf_adds(&ui->ptyped, def);
		free(def);
	}
}

/* Write the article as text to path (not over a file) or to the command. */
static void
prompt_run(struct ui *ui)
{
	struct article	*a;
	char		*cause = NULL;
	FILE		*fp;
	int		 fd, st, pid = 0;

	a = store_get(ui->st, ui->prompt_id, NULL, NULL, NULL, &cause);
	if (a == NULL) {
		ui_say(ui, cause != NULL ? cause :
		    xstrdup("that article is gone"));
		return;
	}
	if (ui->prompt == ACT_SAVE) {
		fd = open(ui->ptyped.s, O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd == -1 || (fp = fdopen(fd, "w")) == NULL) {
			ui_say(ui, xasprintf("cannot write '%s': %s",
			    ui->ptyped.s, strerror(errno)));
			if (fd != -1)
				close(fd);
		} else {
			out_article(fp, a, ui->set.text_width, ui->set.date_style);
			if (fclose(fp) == 0)
				ui_say(ui, xasprintf("saved to %s",
				    ui->ptyped.s));
			else
				ui_say(ui, xasprintf("cannot write '%s': %s",
				    ui->ptyped.s, strerror(errno)));
		}
	} else {
		/* the command has the terminal, as newsboat's pipe-to; its
		 * words split at spaces, no shell (as $BROWSER) */
		def_prog_mode();
		endwin();
		signal(SIGPIPE, SIG_IGN);
		if ((fp = util_spawn(ui->ptyped.s, &pid)) == NULL)
			st = 127;
		else {
			out_article(fp, a, 0, ui->set.date_style);
			st = util_spawn_wait(fp, pid);
		}
		signal(SIGPIPE, SIG_DFL);
		reset_prog_mode();
		clearok(curscr, TRUE);
		refresh();
		if (st == 127 || st == -1)
			ui_say(ui, xasprintf("cannot run '%s'",
			    ui->ptyped.s));
		else
			ui_say(ui, xasprintf("piped to '%s' (status %d)",
			    ui->ptyped.s, st));
	}
	article_free(a);
}

/* A key while the prompt is open: Enter runs, Esc cancels. */
static void
prompt_key(struct ui *ui, int k)
{
	if (k == 27) {
		ui->prompt = 0;
		return;
	}
	if (k == '\r' || k == '\n' || k == FKEY(KEY_ENTER)) {
		if (ui->ptyped.len > 0)
			prompt_run(ui);
		ui->prompt = 0;
		return;
	}
	if (k == FKEY(KEY_BACKSPACE) || k == 127 || k == CTRLKEY('h'))
		drop_last(&ui->ptyped);
	else if (k == CTRLKEY('u'))
		buf_reset(&ui->ptyped);
	else if (k >= 0x20 && k < 0x110000 && !(k & 0x40000000) &&
	    ui->ptyped.len < 1000)
		put_utf8(&ui->ptyped, k);
}

/* Append a typed character to the search line, as UTF-8. */
static void
put_utf8(struct buf *b, int c)
{
	char	u[4];

	buf_add(b, u, text_encode(c, u));
}

/* Remove the last grapheme cluster of the search line. */
static void
drop_last(struct buf *b)
{
	size_t	i = 0, last = 0, n;
	int	w;

	while (i < b->len) {
		last = i;
		n = text_cluster(b->s + i, b->len - i, &w);
		i += n;
	}
	b->len = last;
	if (b->s != NULL)
		b->s[last] = '\0';
}

/* The list shows the results of what is typed (or, typed empty, the list). */
static void
list_query(struct ui *ui)
{
	fold_query_free(ui->fq);
	ui->fq = NULL;
	if (ui->typed.len > 0)
		ui->fq = fold_query_new(ui->typed.s, 1);
	if (ui->fq == NULL) {
		ui->search_dirty = 0;
		ui_list_reload(ui);
		ui_list_move(ui, ui->saved_cur);
		return;
	}
	ui->search_dirty = 1;
}

/*
 * Enter on the search line: the search as newsread search makes it (the
 * last word a whole word, no longer a prefix), in the order asked for.
 */
static void
search_enter(struct ui *ui)
{
	ui->searching = 0;
	if (ui->typed.len == 0 || ui->fq == NULL) {
		ui_search_end(ui);
		return;
	}
	fold_query_free(ui->fq);
	ui->fq = fold_query_new(ui->typed.s, 0);
	ui->search_dirty = 1;
}

void
ui_search_end(struct ui *ui)
{
	ui->searching = 0;
	buf_reset(&ui->typed);
	fold_query_free(ui->fq);
	ui->fq = NULL;
	ui->search_dirty = 0;
	ui_list_reload(ui);
	ui->top = ui->saved_top;
	ui_list_move(ui, ui->saved_cur);
}

void
ui_search_begin(struct ui *ui)
{
	if (ui->fq == NULL) {
		ui->saved_cur = ui->cur;
		ui->saved_top = ui->top;
		buf_reset(&ui->typed);
	}
	ui->typed_at = ui->typed.len;
	ui->hist_at = ui->hist.n;
	ui->focus_sources = 0;
	ui->searching = 1;
}

static void
article_query(struct ui *ui)
{
	fold_query_free(ui->afq);
	ui->afq = NULL;
	if (ui->atyped.len > 0)
		ui->afq = fold_query_new(ui->atyped.s, 1);
	ui->art_top = ui->saved_art_top;
	if (ui_article_find(ui, ui->afq) == 0 && ui->afq != NULL &&
	    ui->afq->n > 0)
		ui_say(ui, xstrdup("no match in this article"));
}

/* A key while the search line is open; 1 when it was used. */
static int
search_key(struct ui *ui, int k)
{
	int		 art = ui->screen == UI_ARTICLE;
	struct buf	*b = art ? &ui->atyped : &ui->typed;

	if (k == 27) {				/* Esc: as before */
		ui_hist_add(ui, NULL);
		if (art) {
			ui->art_searching = 0;
			buf_reset(&ui->atyped);
			fold_query_free(ui->afq);
			ui->afq = NULL;
			ui_article_find(ui, ui->fq);
			ui->art_top = ui->saved_art_top;
		} else
			ui_search_end(ui);
		return 1;
	}
	if (k == '\r' || k == '\n' || k == FKEY(KEY_ENTER)) {
		ui_say(ui, ui_hist_add(ui, b->s));
		if (art)
			ui->art_searching = 0;
		else
			search_enter(ui);
		return 1;
	}
	switch (ui_line_key(ui, b, art ? &ui->atyped_at : &ui->typed_at, k)) {
	case 0:
		return 0;	/* PgDn and the like move in the results */
	case UI_LINE_MOVED:
		return 1;
	}
	if (art)
		article_query(ui);
	else
		list_query(ui);
	return 1;
}

static void
mouse(struct ui *ui)
{
	MEVENT	ev;

	if (getmouse(&ev) != OK)
		return;
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED) {
		if (ui->screen == UI_ARTICLE)
			ui_article_scroll(ui, 3);
		else if (ui->screen == UI_LIST)
			ui_list_move(ui, ui->cur + 3);
	}
#endif
	if (ev.bstate & BUTTON4_PRESSED) {
		if (ui->screen == UI_ARTICLE)
			ui_article_scroll(ui, -3);
		else if (ui->screen == UI_LIST)
			ui_list_move(ui, ui->cur - 3);
	}
}

static void
key(struct ui *ui, int k)
{
	enum ui_action	a;

	if (k == FKEY(KEY_RESIZE)) {
		winched = 0;
		clearok(curscr, TRUE);
		getmaxyx(stdscr, ui->rows, ui->cols);
		return;
	}
	if (k == FKEY(KEY_MOUSE)) {
		mouse(ui);
		return;
	}
	ui_say(ui, NULL);
	if (ui->rows < 6 || ui->cols < 20) {
		if (lookup(ui, UI_LIST, k) == ACT_QUIT ||
		    lookup(ui, UI_LIST, k) == ACT_BACK)
			ui->quit = 1;
		return;
	}
	if (ui->prompt) {
		prompt_key(ui, k);
		return;
	}
	if (ui->screen != UI_HELP &&
	    ((ui->searching && ui->screen == UI_LIST) ||
	    (ui->art_searching && ui->screen == UI_ARTICLE)) &&
	    search_key(ui, k))
		return;
	a = lookup(ui, ui->screen, k);
	if (a == ACT_NONE) {
		ui_say(ui, xstrdup("unknown key, ? for help"));
		return;
	}
	if (a == ACT_QUIT) {
		ui->quit = 1;
		return;
	}
	if (ui->screen == UI_HELP) {
		ui_help_key(ui, a);
		return;
	}
	if (a == ACT_HELP) {
		ui_help_open(ui);
		return;
	}
	if (a == ACT_PIPE || a == ACT_SAVE) {
		prompt_begin(ui, a);
		return;
	}
	if (a == ACT_REDRAW || a == ACT_RELOAD) {
		if (a == ACT_REDRAW)
			clearok(curscr, TRUE);
		ui->data_version = store_data_version(ui->st);
		ui_list_refresh(ui);
		return;
	}
	if (ui->screen == UI_ARTICLE)
		ui_article_key(ui, a);
	else
		ui_list_key(ui, a);
}

/*
 * Whether another connection has committed since the last look; if so the
 * sources and the list are read again, the cursor kept on its article.
 * One PRAGMA, cheap enough for every timeout of the loop.
 */
static int
changed(struct ui *ui)
{
	int64_t	v;

	if (ui->searching || ui->search_dirty || ui->search_refine)
		return 0;	/* the search line's own reading goes first */
	v = store_data_version(ui->st);
	if (v < 0 || v == ui->data_version)
		return 0;
	ui->data_version = v;
	ui_list_refresh(ui);
	return 1;
}

/* Read one key as an int: characters and curses key codes alike. */
static int
read_key(void)
{
	wint_t	wc;
	int	r;

	r = get_wch(&wc);
	if (r == ERR)
		return ERR;
	return r == KEY_CODE_YES ? FKEY((int)wc) : (int)wc;
}

int
ui_run(struct store *st, const char *db_path, int stories)
{
	struct ui	 ui;
	SCREEN		*scr;
	const char	*nc;
	char		*cause = NULL;
	int		 k, redraw = 1;

	memset(&ui, 0, sizeof ui);
	if (settings_load(&ui.set, NULL, &cause) != 0 ||
	    bind_keys(&ui, &cause) != 0 || set_colors(&ui, &cause) != 0) {
		fprintf(stderr, "newsread: %s\n", cause);
		free(cause);
		settings_free(&ui.set);
		free(ui.binds);
		return 1;
	}
	ui.st = st;
	ui.db_path = db_path;
	ui.stories = stories;
	ui.order = STORE_BY_SOURCE;
	ui.search_sort = STORE_SORT_RANK;
	ui.screen = UI_LIST;
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		fprintf(stderr, "newsread: cannot use terminal type '%s' "
		    "(set TERM to your terminal, e.g. TERM=xterm-256color)\n",
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		settings_free(&ui.set);
		free(ui.binds);
		return 1;
	}
	set_term(scr);
	util_set_fatal_hook(ui_end);
	{
		/* ours in front of ncurses' SIGWINCH handler, which stays */
		struct sigaction sa;

		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_winch;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGWINCH, &sa, &curses_winch);
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(200);	/* wake now and then to see a size change */
	curs_set(0);
	mousemask(BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    | BUTTON5_PRESSED
#endif
	    , NULL);
	nc = getenv("NO_COLOR");
	ui_draw_init(has_colors() && ui.set.colors &&
	    (nc == NULL || *nc == '\0'));
	getmaxyx(stdscr, ui.rows, ui.cols);
	ui.data_version = store_data_version(st);
	ui_list_sources(&ui);
	ui_list_reload(&ui);
	ui_hist_load(&ui);
	if (store_readonly(st))
		ui_say(&ui, xstrdup("read-only database: bookmarks and read marks "
		    "cannot be saved"));
	while (!ui.quit) {
		if (winched) {
			apply_winch(&ui);
			redraw = 1;
		}
		/* a search cut short by a key runs again once keys are read */
		if (ui.search_dirty) {
			ui_list_search(&ui, 1);
			redraw = 1;
		}
		if (redraw) {
			draw(&ui);
			redraw = 0;
			/* then, unless a key comes first: prefix matches,
			 * the count, and the order asked for */
			if (ui.fq != NULL && !ui.search_dirty &&
			    ui.search_refine && ui_list_search(&ui, 0) == 0)
				draw(&ui);
			if (ui.fq != NULL && !ui.search_dirty &&
			    !ui.search_refine && !ui.count_known &&
			    ui_list_count(&ui) == 0)
				draw(&ui);
			if (ui.fq != NULL && !ui.search_dirty &&
			    ui.count_known && ui.search_fast &&
			    ui_list_rerank(&ui) == 0)
				draw(&ui);
		}
		if ((k = read_key()) == ERR) {
			/* a timeout: redraw only for a resize, to finish
			 * a search a stray key cut short, or when another
			 * program (an import) has changed the database */
			if (ui.fq != NULL && (ui.search_refine ||
			    !ui.count_known || ui.search_fast))
				redraw = 1;
			if (changed(&ui))
				redraw = 1;
			continue;
		}
		key(&ui, k);
		/* keys typed while drawing: act on them all, draw once */
		nodelay(stdscr, TRUE);
		while (!ui.quit && (k = read_key()) != ERR)
			key(&ui, k);
		timeout(200);
		redraw = 1;
	}
	endwin();
	delscreen(scr);
	util_set_fatal_hook(NULL);
	ui_article_close(&ui);
	ui_list_free(&ui);
	fold_query_free(ui.fq);
	fold_query_free(ui.afq);
	buf_free(&ui.typed);
	buf_free(&ui.atyped);
	ui_hist_free(&ui);
	buf_free(&ui.ptyped);
	store_sources_free(&ui.sources);
	free(ui.message);
	free(ui.binds);
	settings_free(&ui.set);
	return 0;
}
