/*
 * ui.c: the reader's main loop: the key table, dispatch, the bars,
 * resizing, and leaving the terminal as it was found.
 */
#include "config.h"

#include <sys/wait.h>

#include <curses.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text.h"
#include "ui.h"

#define CTRL(c)	((c) & 0x1f)
#define LS	(UI_LIST)
#define AR	(UI_ARTICLE)
#define BOTH	(UI_LIST | UI_ARTICLE)

/* Every key of the reader. The help screen is made from this table. */
const struct ui_key ui_keys[] = {
	{ 'j', "j", BOTH, ACT_DOWN, "down a line" },
	{ KEY_DOWN, "Down", BOTH, ACT_DOWN, "down a line" },
	{ 'k', "k", BOTH, ACT_UP, "up a line" },
	{ KEY_UP, "Up", BOTH, ACT_UP, "up a line" },
	{ ' ', "Space", BOTH, ACT_PAGE_DOWN, "down a page" },
	{ KEY_NPAGE, "PgDn", BOTH, ACT_PAGE_DOWN, "down a page" },
	{ CTRL('f'), "^F", BOTH, ACT_PAGE_DOWN, "down a page" },
	{ 'b', "b", BOTH, ACT_PAGE_UP, "up a page" },
	{ KEY_PPAGE, "PgUp", BOTH, ACT_PAGE_UP, "up a page" },
	{ CTRL('b'), "^B", BOTH, ACT_PAGE_UP, "up a page" },
	{ 'd', "d", BOTH, ACT_HALF_DOWN, "down half a page" },
	{ CTRL('d'), "^D", BOTH, ACT_HALF_DOWN, "down half a page" },
	{ 'u', "u", BOTH, ACT_HALF_UP, "up half a page" },
	{ CTRL('u'), "^U", BOTH, ACT_HALF_UP, "up half a page" },
	{ 'g', "g", BOTH, ACT_TOP, "to the top" },
	{ KEY_HOME, "Home", BOTH, ACT_TOP, "to the top" },
	{ 'G', "G", BOTH, ACT_BOTTOM, "to the bottom" },
	{ KEY_END, "End", BOTH, ACT_BOTTOM, "to the bottom" },
	{ 'm', "m", BOTH, ACT_BOOKMARK, "bookmark or unbookmark the article" },
	{ 'o', "o", BOTH, ACT_BROWSER, "open the article's URL with $BROWSER" },
	{ '?', "?", BOTH, ACT_HELP, "this help" },
	{ CTRL('l'), "^L", BOTH, ACT_REDRAW, "redraw and reread the database" },
	{ '\n', "Enter", LS, ACT_OPEN, "open the article (or pick the source)" },
	{ KEY_ENTER, "Enter", LS, ACT_OPEN, "open the article (or pick the source)" },
	{ 'l', "l", LS, ACT_OPEN, "open the article (or pick the source)" },
	{ KEY_RIGHT, "Right", LS, ACT_OPEN, "open the article (or pick the source)" },
	{ '\t', "Tab", LS, ACT_FOCUS, "switch between sources and articles" },
	{ 'h', "h", LS, ACT_FOCUS_LEFT, "go to the sources column" },
	{ KEY_LEFT, "Left", LS, ACT_FOCUS_LEFT, "go to the sources column" },
	{ 'B', "B", LS, ACT_BOOKMARKS, "show the bookmarks" },
	{ 's', "s", LS, ACT_ORDER, "group by source or list by date" },
	{ 'q', "q", LS, ACT_QUIT, "quit" },
	{ 'J', "J", AR, ACT_NEXT, "next article" },
	{ 'n', "n", AR, ACT_NEXT, "next article" },
	{ 'K', "K", AR, ACT_PREV, "previous article" },
	{ 'p', "p", AR, ACT_PREV, "previous article" },
	{ 'q', "q", AR, ACT_BACK, "back to the list" },
	{ 'h', "h", AR, ACT_BACK, "back to the list" },
	{ KEY_LEFT, "Left", AR, ACT_BACK, "back to the list" },
	{ 27, "Esc", AR, ACT_BACK, "back to the list" },
};
const size_t ui_nkeys = sizeof ui_keys / sizeof ui_keys[0];

static enum ui_action
lookup(int screen, int key)
{
	size_t	i;

	if (key == '\r')
		key = '\n';
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

static void
say(struct ui *ui, char *msg)
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

	if (ui->screen == UI_ARTICLE && ui->art != NULL) {
		size_t	vis = (size_t)ui_article_visible(ui);
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
		right = xstrdup("q back  n/p next/prev  m mark  ? help ");
	} else if (ui->screen == UI_HELP) {
		draw_bar(0, " newsread: keys", "", ui->cols);
		left = xstrdup(" j/k scroll");
		right = xstrdup("q back ");
	} else {
		safe = text_sanitize(view_name(ui), 0);
		left = xasprintf(" newsread \xe2\x80\x94 %s (%" PRId64 ") \xc2\xb7"
		    " %s", safe, ui->total, ui->order == STORE_BY_SOURCE ?
		    "by source" : "by date");
		free(safe);
		draw_bar(0, left, "", ui->cols);
		free(left);
		left = xasprintf(" %" PRId64 "/%" PRId64, ui->total > 0 ?
		    ui->cur + 1 : 0, ui->total);
		right = xstrdup("Enter open  Tab sources  s order  m mark  "
		    "? help  q quit ");
	}
	if (ui->message != NULL) {
		free(left);
		left = xasprintf(" %s", ui->message);
		right[0] = '\0';
	}
	draw_bar(ui->rows - 1, left, right, ui->cols);
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
static void
open_url(struct ui *ui, const char *url)
{
	const char	*browser = getenv("BROWSER");
	char		*copy, *argv[16], *p;
	int		 argc = 0, status = 0;
	pid_t		 pid;

	if (url == NULL) {
		say(ui, xstrdup("this article has no URL"));
		return;
	}
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) !=
	    0) {
		say(ui, xstrdup("only http and https URLs are opened"));
		return;
	}
	if (browser == NULL || *browser == '\0') {
		say(ui, xstrdup("set BROWSER to open URLs"));
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
		say(ui, xasprintf("cannot run '%s'", argv[0]));
	free(copy);
}

static void
toggle_bookmark(struct ui *ui, int64_t id)
{
	char	*cause = NULL;
	int	 on;
	size_t	 i;

	if ((on = store_bookmark_toggle(ui->st, id, &cause)) < 0) {
		say(ui, cause);
		return;
	}
	for (i = 0; i < ui->win.n; i++) {
		if (ui->win.v[i].id == id)
			ui->win.v[i].bookmarked = on;
	}
	if (ui->art != NULL && ui->art_id == id)
		ui->art_bookmarked = on;
	ui_list_sources(ui);
	say(ui, xstrdup(on ? "bookmarked" : "bookmark removed"));
}

static void
open_current(struct ui *ui)
{
	const struct store_row	*r = ui_list_current(ui);
	size_t			 i;

	if (r == NULL)
		return;
	if (ui_article_open(ui, r->id) != 0)
		return;
	ui->screen = UI_ARTICLE;
	for (i = 0; i < ui->win.n; i++) {
		if (ui->win.v[i].id == ui->art_id)
			ui->win.v[i].unread = 0;
	}
	ui_list_sources(ui);
}

static void
pick_source(struct ui *ui, size_t sel)
{
	if (sel >= ui->sources.n + 2)
		sel = ui->sources.n + 1;
	ui->src_sel = sel;
	ui_list_reload(ui);
}

static void
act_sources(struct ui *ui, enum ui_action a)
{
	size_t	n = ui->sources.n + 2;
	int	vis = ui_list_visible(ui);

	switch (a) {
	case ACT_DOWN:
		pick_source(ui, ui->src_sel + 1 < n ? ui->src_sel + 1 :
		    ui->src_sel);
		break;
	case ACT_UP:
		pick_source(ui, ui->src_sel > 0 ? ui->src_sel - 1 : 0);
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		pick_source(ui, ui->src_sel + (size_t)vis);
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		pick_source(ui, ui->src_sel > (size_t)vis ? ui->src_sel -
		    (size_t)vis : 0);
		break;
	case ACT_TOP:
		pick_source(ui, 0);
		break;
	case ACT_BOTTOM:
		pick_source(ui, n - 1);
		break;
	case ACT_OPEN:
	case ACT_FOCUS:
		ui->focus_sources = 0;
		break;
	default:
		break;
	}
}

static void
act_list(struct ui *ui, enum ui_action a)
{
	int	vis = ui_list_visible(ui);
	const struct store_row *r;

	switch (a) {
	case ACT_FOCUS_LEFT:
		ui->focus_sources = 1;
		return;
	case ACT_FOCUS:
		ui->focus_sources = !ui->focus_sources;
		return;
	case ACT_QUIT:
		ui->quit = 1;
		return;
	case ACT_BOOKMARKS:
		ui->focus_sources = 0;
		pick_source(ui, 1);
		return;
	case ACT_ORDER:
		ui->order = ui->order == STORE_BY_SOURCE ? STORE_BY_DATE :
		    STORE_BY_SOURCE;
		ui_list_reload(ui);
		return;
	case ACT_BACK:
		return;
	default:
		break;
	}
	if (ui->focus_sources) {
		act_sources(ui, a);
		return;
	}
	switch (a) {
	case ACT_DOWN:
		ui_list_move(ui, ui->cur + 1);
		break;
	case ACT_UP:
		ui_list_move(ui, ui->cur - 1);
		break;
	case ACT_PAGE_DOWN:
		ui->top += vis;
		ui_list_move(ui, ui->cur + vis);
		break;
	case ACT_PAGE_UP:
		ui->top -= vis;
		if (ui->top < 0)
			ui->top = 0;
		ui_list_move(ui, ui->cur - vis);
		break;
	case ACT_HALF_DOWN:
		ui_list_move(ui, ui->cur + vis / 2);
		break;
	case ACT_HALF_UP:
		ui_list_move(ui, ui->cur - vis / 2);
		break;
	case ACT_TOP:
		ui_list_move(ui, 0);
		break;
	case ACT_BOTTOM:
		ui_list_move(ui, ui->total - 1);
		break;
	case ACT_OPEN:
		open_current(ui);
		break;
	case ACT_BOOKMARK:
		if ((r = ui_list_current(ui)) != NULL)
			toggle_bookmark(ui, r->id);
		break;
	case ACT_BROWSER:
		if ((r = ui_list_current(ui)) != NULL) {
			struct article	*art;
			char		*cause = NULL;

			art = store_get(ui->st, r->id, NULL, NULL, NULL,
			    &cause);
			free(cause);
			if (art != NULL)
				open_url(ui, art->url);
			article_free(art);
		}
		break;
	default:
		break;
	}
}

static void
act_article(struct ui *ui, enum ui_action a)
{
	int	vis = ui_article_visible(ui);

	switch (a) {
	case ACT_DOWN:
		ui_article_scroll(ui, 1);
		break;
	case ACT_UP:
		ui_article_scroll(ui, -1);
		break;
	case ACT_PAGE_DOWN:
		ui_article_scroll(ui, vis);
		break;
	case ACT_PAGE_UP:
		ui_article_scroll(ui, -vis);
		break;
	case ACT_HALF_DOWN:
		ui_article_scroll(ui, vis / 2);
		break;
	case ACT_HALF_UP:
		ui_article_scroll(ui, -vis / 2);
		break;
	case ACT_TOP:
		ui->art_top = 0;
		break;
	case ACT_BOTTOM:
		ui_article_scroll(ui, (long)ui->nalines);
		break;
	case ACT_NEXT:
	case ACT_PREV:
		if ((a == ACT_NEXT && ui->cur + 1 >= ui->total) ||
		    (a == ACT_PREV && ui->cur == 0)) {
			say(ui, xstrdup(a == ACT_NEXT ? "this is the last article"
			    : "this is the first article"));
			break;
		}
		ui_list_move(ui, ui->cur + (a == ACT_NEXT ? 1 : -1));
		open_current(ui);
		break;
	case ACT_BACK:
		ui->screen = UI_LIST;
		ui_article_close(ui);
		break;
	case ACT_BOOKMARK:
		toggle_bookmark(ui, ui->art_id);
		break;
	case ACT_BROWSER:
		open_url(ui, ui->art->url);
		break;
	default:
		break;
	}
}

static void
act_help(struct ui *ui, int key)
{
	int	vis = ui->rows - 2;

	switch (key) {
	case 'j':
	case KEY_DOWN:
		ui->help_top++;
		break;
	case 'k':
	case KEY_UP:
		if (ui->help_top > 0)
			ui->help_top--;
		break;
	case ' ':
	case KEY_NPAGE:
		ui->help_top += (size_t)vis;
		break;
	case 'b':
	case KEY_PPAGE:
		ui->help_top = ui->help_top > (size_t)vis ? ui->help_top -
		    (size_t)vis : 0;
		break;
	case 'g':
	case KEY_HOME:
		ui->help_top = 0;
		break;
	case 'q':
	case 27:
	case '?':
	case 'h':
	case KEY_LEFT:
		ui->screen = ui->help_from;
		break;
	default:
		break;
	}
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

	if (k == KEY_RESIZE) {
		getmaxyx(stdscr, ui->rows, ui->cols);
		return;
	}
	if (k == KEY_MOUSE) {
		mouse(ui);
		return;
	}
	free(ui->message);
	ui->message = NULL;
	if (ui->rows < 6 || ui->cols < 20) {
		if (k == 'q')
			ui->quit = 1;
		return;
	}
	if (ui->screen == UI_HELP) {
		act_help(ui, k);
		return;
	}
	a = lookup(ui->screen, k);
	if (a == ACT_HELP) {
		ui->help_from = ui->screen;
		ui->help_top = 0;
		ui->screen = UI_HELP;
		return;
	}
	if (a == ACT_REDRAW) {
		clearok(curscr, TRUE);
		ui_list_sources(ui);
		if (ui->screen == UI_LIST) {
			int64_t cur = ui->cur;

			ui_list_reload(ui);
			ui_list_move(ui, cur);
		}
		return;
	}
	if (ui->screen == UI_ARTICLE)
		act_article(ui, a);
	else
		act_list(ui, a);
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
	return (int)wc;
}

int
ui_run(struct store *st, const char *db_path)
{
	struct ui	 ui;
	SCREEN		*scr;
	const char	*nc;
	int		 k;

	memset(&ui, 0, sizeof ui);
	ui.st = st;
	ui.db_path = db_path;
	ui.order = STORE_BY_SOURCE;
	ui.screen = UI_LIST;
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		fprintf(stderr, "newsread: cannot use terminal type '%s' "
		    "(set TERM to your terminal, e.g. TERM=xterm-256color)\n",
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		return 1;
	}
	set_term(scr);
	util_set_fatal_hook(ui_end);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    | BUTTON5_PRESSED
#endif
	    , NULL);
	nc = getenv("NO_COLOR");
	ui_draw_init(has_colors() && (nc == NULL || *nc == '\0'));
	getmaxyx(stdscr, ui.rows, ui.cols);
	ui_list_sources(&ui);
	ui_list_reload(&ui);
	while (!ui.quit) {
		draw(&ui);
		if ((k = read_key()) == ERR)
			continue;
		key(&ui, k);
		/* keys typed while drawing: act on them all, draw once */
		nodelay(stdscr, TRUE);
		while (!ui.quit && (k = read_key()) != ERR)
			key(&ui, k);
		nodelay(stdscr, FALSE);
	}
	endwin();
	delscreen(scr);
	util_set_fatal_hook(NULL);
	ui_article_close(&ui);
	ui_list_free(&ui);
	store_sources_free(&ui.sources);
	free(ui.message);
	return 0;
}
