/*
 * ui_list.c: the list screen: a sources column (All, Bookmarks, each
 * source) beside the articles, read from the store a window at a time
 * (keyset pages), never whole; its drawing and its keys.
 */
#include "config.h"

#include <curses.h>
#include <poll.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "text.h"
#include "ui.h"

#define FETCH		64	/* rows read from the store at a time */
#define KEEP		(8 * FETCH)

/* Width of the sources column; 0 when it is hidden. */
static int
sources_width(const struct ui *ui)
{
	int	w;

	if (ui->cols < 50)
		return ui->focus_sources ? ui->cols : 0;
	/* narrow: the titles need the room more */
	w = ui->cols / 5;
	if (w < 16)
		w = 16;
	if (w > 24)
		w = 24;
	return w;
}

static int
search_mode(const struct ui *ui)
{
	return ui->fq != NULL && ui->fq->fts != NULL;
}

void
ui_list_sources(struct ui *ui)
{
	char	*cause = NULL;

	store_sources_free(&ui->sources);
	if (store_sources(ui->st, &ui->sources, &cause) != 0)
		ui_say(ui, cause);
	if (store_totals(ui->st, &ui->n_all, &ui->n_unread,
	    &ui->n_bookmarks, &cause) != 0)
		ui_say(ui, cause);
	if (ui->src_sel >= ui->sources.n + 2)
		ui->src_sel = 0;
}

void
ui_list_free(struct ui *ui)
{
	store_rows_free(&ui->win);
	ui->base = 0;
}

/* The progress check of a search: stop when a key is waiting. */
static int
key_waiting(void *arg)
{
	struct pollfd	pfd = { .fd = 0, .events = POLLIN };

	(void)arg;
	return poll(&pfd, 1, 0) > 0;
}

/* The query of the search results, in the current source. */
static void
search_of(const struct ui *ui, struct store_search *q)
{
	memset(q, 0, sizeof *q);
	q->fts = ui->search_whole ? ui->fq->fts_whole : ui->fq->fts;
	q->source = ui->view.source;
	q->bookmarks = ui->view.bookmarks;	/* search where you are */
	q->stories = ui->stories;
	/* while typing, fast on every key at any size; then as asked */
	q->sort = ui->search_fast ? STORE_SORT_RECENT : ui->search_sort;
	q->adjacent = ui->fq->adjacent;
}

/*
 * Read up to limit rows past the window (or before it, backward): keyset
 * pages for the lists, offsets for search results. Returns the number of
 * rows read, or -1 (a search cut short by a key sets search_dirty).
 */
static int
fetch(struct ui *ui, int backward, size_t limit)
{
	struct store_search	 q;
	struct store_rows	 got = { 0 };
	const struct store_row	*after = NULL;
	char			*cause = NULL;
	size_t			 before = ui->win.n, off;
	int			 rc;

	if (!search_mode(ui)) {
		if (ui->win.n > 0)
			after = backward ? &ui->win.v[0] :
			    &ui->win.v[ui->win.n - 1];
		if (store_page(ui->st, &ui->view, after, backward, limit,
		    &ui->win, &cause) != 0) {
			ui_say(ui, cause);
			return -1;
		}
		return (int)(ui->win.n - before);
	}
	search_of(ui, &q);
	if (backward) {
		off = ui->base > (int64_t)limit ? (size_t)ui->base - limit : 0;
		limit = (size_t)ui->base - off;
	} else
		off = (size_t)ui->base + ui->win.n;
	if (limit == 0)
		return 0;
	store_set_progress(ui->st, key_waiting, NULL);
	rc = store_search(ui->st, &q, off, limit, &got, &cause);
	store_set_progress(ui->st, NULL, NULL);
	if (rc != 0) {
		if (rc == STORE_INTERRUPTED)
			ui->search_dirty = 1;
		else
			ui_say(ui, cause);
		store_rows_free(&got);
		return -1;
	}
	ui->win.v = xreallocarray(ui->win.v, ui->win.n + got.n + 1,
	    sizeof *ui->win.v);
	if (backward) {
		memmove(ui->win.v + got.n, ui->win.v, ui->win.n *
		    sizeof *ui->win.v);
		if (got.n > 0)
			memcpy(ui->win.v, got.v, got.n * sizeof *got.v);
	} else if (got.n > 0)
		memcpy(ui->win.v + ui->win.n, got.v, got.n * sizeof *got.v);
	ui->win.n += got.n;
	rc = (int)got.n;
	free(got.v);
	if (!ui->count_known && !backward &&
	    ui->base + (int64_t)ui->win.n >= ui->total)
		ui->total = ui->base + (int64_t)ui->win.n +
		    (got.n == limit ? 1 : 0);
	return rc;
}

int
ui_list_search(struct ui *ui, int whole)
{
	int64_t	cur = ui->cur, top = ui->top;
	int	refining = ui->search_refine;

	ui->search_dirty = 0;
	ui->search_refine = 0;
	ui->count_known = 0;
	ui_list_free(ui);
	ui->cur = ui->top = 0;
	ui->total = 0;
	if (!search_mode(ui)) {
		ui->search_whole = 0;
		ui_list_reload(ui);
		return 0;
	}
	ui->search_whole = whole && ui->fq->fts_whole != NULL;
	ui->search_fast = ui->searching;
	if (fetch(ui, 0, FETCH) < 0)
		return ui->search_dirty ? STORE_INTERRUPTED : -1;
	if (ui->search_whole) {
		if (ui->win.n < FETCH)	/* not a screenful: the rest now */
			return ui_list_search(ui, 0);
		ui->search_refine = 1;
		return 0;
	}
	if (ui->win.n < FETCH) {
		ui->total = (int64_t)ui->win.n;
		ui->count_known = 1;
	}
	if (refining) {
		/* the prefix matches replace the whole-word ones in place */
		ui->top = top;
		ui_list_move(ui, cur);
	}
	return 0;
}

int
ui_list_count(struct ui *ui)
{
	struct store_search	 q;
	char			*cause = NULL;
	int64_t			 n;

	if (!search_mode(ui) || ui->count_known || ui->search_refine)
		return 0;
	search_of(ui, &q);
	store_set_progress(ui->st, key_waiting, NULL);
	n = store_search_count(ui->st, &q, &cause);
	store_set_progress(ui->st, NULL, NULL);
	if (n == STORE_INTERRUPTED)
		return STORE_INTERRUPTED;
	if (n < 0) {
		ui_say(ui, cause);
		return -1;
	}
	ui->total = n;
	ui->count_known = 1;
	return 0;
}

/*
 * The results typed, shown last imported first, read again in the order
 * asked for (best first: the ranking reads every match, some 3 us each),
 * unless a key comes first: then the rows shown stay, for the key to
 * change. 0 once read, STORE_INTERRUPTED, or -1.
 */
int
ui_list_rerank(struct ui *ui)
{
	struct store_rows	shown = ui->win;
	int64_t			total = ui->total;
	int			known = ui->count_known;

	if (!search_mode(ui) || !ui->search_fast || ui->search_refine)
		return 0;
	ui->win = (struct store_rows){ 0 };
	ui->base = 0;
	ui->search_fast = 0;
	if (fetch(ui, 0, FETCH) < 0) {
		store_rows_free(&ui->win);
		ui->win = shown;
		ui->total = total;
		ui->count_known = known;
		ui->search_fast = 1;
		/* the rows shown are right for the query: a key that
		 * changes it asks for them again */
		if (ui->search_dirty) {
			ui->search_dirty = 0;
			return STORE_INTERRUPTED;
		}
		ui->search_fast = 0;	/* said once, not tried again */
		return -1;
	}
	store_rows_free(&shown);
	ui->total = total;
	ui->count_known = known;
	ui->cur = ui->top = 0;
	return 0;
}

/* Forget the rows and read the view's first rows again. */
void
ui_list_reload(struct ui *ui)
{
	char	*cause = NULL;
	int64_t	 n;
	size_t	 first;

	ui->view.order = ui->order;
	ui->view.stories = ui->stories;
	ui->view.bookmarks = ui->src_sel == 1;
	ui->view.source = ui->src_sel >= 2 ?
	    ui->sources.v[ui->src_sel - 2].name : NULL;
	if (search_mode(ui)) {
		ui_list_search(ui, 0);
		return;
	}
	ui_list_free(ui);
	if ((n = store_count(ui->st, &ui->view, &cause)) < 0) {
		ui_say(ui, cause);
		n = 0;
	}
	ui->total = n;
	ui->cur = ui->top = 0;
	/* a screenful to begin with: each row is a page of the database
	 * read (the first screen read 64 to show 22); ensure() reads on as
	 * the cursor moves */
	first = ui->rows > 0 && ui->rows < FETCH ? (size_t)ui->rows : FETCH;
	if (store_page(ui->st, &ui->view, NULL, 0, first, &ui->win,
	    &cause) != 0)
		ui_say(ui, cause);
	if (ui->win.n < first && (int64_t)ui->win.n != ui->total)
		ui->total = (int64_t)ui->win.n;
}

/* Read the rows from the end of the view. */
static void
load_end(struct ui *ui)
{
	char	*cause = NULL;

	ui_list_free(ui);
	if (search_mode(ui)) {
		if (ui_list_count(ui) != 0)
			return;
		ui->base = ui->total;
		fetch(ui, 1, FETCH);
		ui->base = ui->total - (int64_t)ui->win.n;
		return;
	}
	if (store_page(ui->st, &ui->view, NULL, 1, FETCH, &ui->win,
	    &cause) != 0)
		ui_say(ui, cause);
	ui->base = ui->total - (int64_t)ui->win.n;
	if (ui->base < 0) {
		ui->base = 0;
		ui->total = (int64_t)ui->win.n;
	}
}

static void
drop_front(struct ui *ui, size_t k)
{
	size_t	i;

	for (i = 0; i < k; i++)
		store_row_clear(&ui->win.v[i]);
	memmove(ui->win.v, ui->win.v + k, (ui->win.n - k) *
	    sizeof *ui->win.v);
	ui->win.n -= k;
	ui->base += (int64_t)k;
}

static void
drop_back(struct ui *ui, size_t k)
{
	size_t	i;

	for (i = ui->win.n - k; i < ui->win.n; i++)
		store_row_clear(&ui->win.v[i]);
	ui->win.n -= k;
}

/* Make rows [a, b) present in the window, reading pages as needed. */
static void
ensure(struct ui *ui, int64_t a, int64_t b)
{
	int	got;

	if (b > ui->total)
		b = ui->total;
	if (a < 0)
		a = 0;
	if (ui->win.n == 0 && ui->total > 0) {
		ui->base = 0;
		if (fetch(ui, 0, FETCH) <= 0) {
			if (!ui->search_dirty)
				ui->total = 0;
			return;
		}
	}
	while (a < ui->base && ui->win.n > 0) {
		if ((got = fetch(ui, 1, FETCH)) < 0)
			return;
		if (got == 0) {
			ui->base = 0;	/* the view shrank meanwhile */
			break;
		}
		ui->base -= got;
		if (ui->base < 0)
			ui->base = 0;
	}
	while (b > ui->base + (int64_t)ui->win.n && ui->win.n > 0) {
		if ((got = fetch(ui, 0, FETCH)) < 0)
			return;
		if (got == 0) {
			ui->total = ui->base + (int64_t)ui->win.n;
			break;
		}
		if (ui->total < b && !ui->count_known)
			b = ui->total;
	}
	/* keep the window small: drop rows far from [a, b) */
	if (ui->win.n > KEEP) {
		int64_t lo = a - FETCH, hi = b + FETCH;

		if (lo > ui->base)
			drop_front(ui, (size_t)(lo - ui->base));
		if (ui->base + (int64_t)ui->win.n > hi && hi > ui->base)
			drop_back(ui, (size_t)(ui->base +
			    (int64_t)ui->win.n - hi));
	}
}

void
ui_list_move(struct ui *ui, int64_t to)
{
	int	vis = ui_visible(ui);

	if (ui->total == 0) {
		ui->cur = ui->top = 0;
		return;
	}
	if (to < 0)
		to = 0;
	if (to >= ui->total)
		to = ui->total - 1;
	if (to == ui->total - 1 && to > ui->base + (int64_t)ui->win.n +
	    2 * FETCH)
		load_end(ui);
	else if (to == 0 && ui->base > 2 * FETCH)
		ui_list_reload(ui);
	ui->cur = to;
	if (ui->cur < ui->top)
		ui->top = ui->cur;
	if (ui->cur >= ui->top + vis)
		ui->top = ui->cur - vis + 1;
	if (ui->top > ui->total - vis)
		ui->top = ui->total - vis;
	if (ui->top < 0)
		ui->top = 0;
	ensure(ui, ui->top, ui->top + vis);
	if (ui->cur >= ui->total)
		ui->cur = ui->total > 0 ? ui->total - 1 : 0;
}

const struct store_row *
ui_list_current(struct ui *ui)
{
	int64_t	i = ui->cur - ui->base;

	if (ui->total == 0 || i < 0 || i >= (int64_t)ui->win.n)
		return NULL;
	return &ui->win.v[i];
}

static void
draw_sources(struct ui *ui, int w)
{
	int	vis = ui_visible(ui), y, cw;
	size_t	n = ui->sources.n + 2, i;
	char	count[48];

	if (ui->src_sel < ui->src_top)
		ui->src_top = ui->src_sel;
	if (ui->src_sel >= ui->src_top + (size_t)vis)
		ui->src_top = ui->src_sel - (size_t)vis + 1;
	for (y = 0; y < vis; y++) {
		const char	*name;
		int		 role, sel;

		i = ui->src_top + (size_t)y;
		if (i >= n) {
			ui_fill(y + 1, 0, w, R_NORMAL);
			continue;
		}
		sel = i == ui->src_sel;
		if (i == 0) {
			name = "All";
			snprintf(count, sizeof count, "%" PRId64 "/%" PRId64,
			    ui->n_unread, ui->n_all);
		} else if (i == 1) {
			name = "Bookmarks";
			snprintf(count, sizeof count, "%" PRId64,
			    ui->n_bookmarks);
		} else {
			name = ui->sources.v[i - 2].name;
			if (*name == '\0')
				name = "(no source)";
			snprintf(count, sizeof count, "%" PRId64 "/%" PRId64,
			    ui->sources.v[i - 2].unread,
			    ui->sources.v[i - 2].articles);
		}
		role = sel ? (ui->focus_sources ? R_SELECTED : R_FOCUS) :
		    (i >= 2 && ui->sources.v[i - 2].unread > 0 ? R_UNREAD :
		    R_NORMAL);
		cw = (int)strlen(count);
		if (cw + 3 > w)
			cw = 0;
		{
			char *safe = text_sanitize(name, 0);

			ui_draw_cell(y + 1, 0, safe, w - cw - 2, role);
			ui_fill(y + 1, w - cw - 2, 1, role);
			free(safe);
		}
		ui_draw_cell(y + 1, w - cw - 1, count, cw + 1,
		    sel && ui->focus_sources ? R_SELECTED : R_DIM);
	}
}

static void
draw_empty(struct ui *ui, int x, int w)
{
	int	y = ui->rows / 3;

	if (ui->n_all == 0) {
		char	*line = xasprintf("  newsread --db %s import DIR",
		    ui->db_path);
		int	 two = text_width(line) > w - 2;

		/* a long path cut there would hide "import DIR": the
		 * command on two lines, a shell's continuation between */
		if (two) {
			free(line);
			line = xasprintf("  newsread --db %s \\", ui->db_path);
		}
		ui_draw_cell(y, x + 2, "No articles yet.", w - 2, R_TITLE);
		ui_draw_cell(y + 2, x + 2, "Import scraped pages with:", w - 2,
		    R_NORMAL);
		ui_draw_cell(y + 3, x + 2, line, w - 2, R_NORMAL);
		if (two)
			ui_draw_cell(y + 4, x + 2, "      import DIR", w - 2,
			    R_NORMAL);
		ui_draw_cell(y + 5 + two, x + 2, "Press ? for keys, q to quit.",
		    w - 2, R_DIM);
		free(line);
	} else if (ui->view.bookmarks)
		ui_draw_cell(y, x + 2, "No bookmarks yet: press m on an "
		    "article to keep it here.", w - 2, R_NORMAL);
	else
		ui_draw_cell(y, x + 2, "No articles here.", w - 2, R_NORMAL);
}

/* One article row: marks, date, source, title. */
static void
draw_row(struct ui *ui, int y, int x, int w, const struct store_row *r,
    int sel)
{
	int	datew = 10, srcw, used = x, titlew, role;
	char	*t;

	role = sel && !ui->focus_sources ? R_SELECTED : R_NORMAL;
	ui_draw_cell(y, used, r->bookmarked ? "*" : " ", 1,
	    sel && !ui->focus_sources ? R_SELECTED : R_MARK);
	ui_draw_cell(y, used + 1, r->unread ? "N" : " ", 1, role);
	used += 3;
	ui_fill(y, used - 1, 1, role);
	srcw = w >= 70 ? 16 : (w >= 56 ? 12 : 0);
	if (ui->view.source != NULL)
		srcw = 0;	/* one source: the bar names it */
	if (w < 34)
		datew = 0;
	if (datew > 0) {
		struct article_date	d;
		char			buf[11];
		const char		*date = "-";

		if (article_date_parse(r->date, &d) == 0 &&
		    article_date_show(&d, ui->set.date_style, buf) != NULL)
			date = buf;
		ui_draw_cell(y, used, date, datew,
		    sel && !ui->focus_sources ? R_SELECTED : R_DATE);
		ui_fill(y, used + datew, 2, role);
		used += datew + 2;
	}
	if (srcw > 0) {
		t = text_sanitize(*r->source != '\0' ? r->source : "-", 0);
		ui_draw_cell(y, used, t, srcw, sel && !ui->focus_sources ?
		    R_SELECTED : R_SOURCE);
		free(t);
		ui_fill(y, used + srcw, 2, role);
		used += srcw + 2;
	}
	titlew = x + w - used;
	if (r->versions > 0) {
		/* a story: "+N" other versions, at the end of the row */
		char	more[16];
		int	mw;

		snprintf(more, sizeof more, " +%d", r->versions);
		mw = (int)strlen(more);
		if (titlew > mw + 8) {
			titlew -= mw;
			ui_draw_cell(y, used + titlew, more, mw,
			    sel && !ui->focus_sources ? R_SELECTED : R_DIM);
		}
	}
	t = text_sanitize(r->title, 0);
	{
		size_t	*spans, n;

		n = fold_spans(ui->fq, t, &spans);
		ui_draw_marked(y, used, t, titlew, sel && !ui->focus_sources ?
		    R_SELECTED : (r->unread ? R_UNREAD : R_NORMAL), spans, n);
		free(spans);
	}
	free(t);
}

void
ui_list_draw(struct ui *ui)
{
	int	sw = sources_width(ui), x, w, vis = ui_visible(ui), y;
	int64_t	i;

	if (sw > 0)
		draw_sources(ui, sw);
	if (sw >= ui->cols)
		return;
	x = sw > 0 ? sw + 1 : 0;
	w = ui->cols - x;
	if (sw > 0) {
		for (y = 1; y <= vis; y++)
			mvaddch(y, sw, ACS_VLINE);
	}
	ui_list_move(ui, ui->cur);
	if (ui->total == 0) {
		for (y = 1; y <= vis; y++)
			ui_fill(y, x, w, R_NORMAL);
		draw_empty(ui, x, w);
		return;
	}
	for (y = 0; y < vis; y++) {
		i = ui->top + y - ui->base;
		if (ui->top + y >= ui->total || i < 0 ||
		    i >= (int64_t)ui->win.n) {
			ui_fill(y + 1, x, w, R_NORMAL);
			continue;
		}
		draw_row(ui, y + 1, x, w, &ui->win.v[i],
		    ui->top + y == ui->cur);
	}
}

void
ui_list_bookmark(struct ui *ui, int64_t id)
{
	char	*cause = NULL;
	int	 on;
	size_t	 i;

	if ((on = store_bookmark_toggle(ui->st, id, &cause)) < 0) {
		ui_say(ui, cause);
		return;
	}
	for (i = 0; i < ui->win.n; i++) {
		if (ui->win.v[i].id == id)
			ui->win.v[i].bookmarked = on;
	}
	if (ui->art != NULL && ui->art_id == id)
		ui->art_bookmarked = on;
	ui_list_sources(ui);
	ui_say(ui, xstrdup(on ? "bookmarked" : "bookmark removed"));
}

void
ui_list_open(struct ui *ui)
{
	const struct store_row	*r = ui_list_current(ui);
	size_t			 i;

	if (r == NULL)
		return;
	if (ui_article_open(ui, r->id) != 0)
		return;
	ui->screen = UI_ARTICLE;
	fold_query_free(ui->afq);
	ui->afq = NULL;
	buf_reset(&ui->atyped);
	ui_article_find(ui, ui->fq);
	for (i = 0; i < ui->win.n; i++) {
		if (ui->win.v[i].id == ui->art_id)
			ui->win.v[i].unread = 0;
	}
	ui_list_sources(ui);
}

static void
pick_source(struct ui *ui, size_t sel)
{
	ui->bm_from = 0;
	if (sel >= ui->sources.n + 2)
		sel = ui->sources.n + 1;
	ui->src_sel = sel;
	ui_list_reload(ui);
}

void
ui_list_toggle_read(struct ui *ui, int64_t id)
{
	char	*cause = NULL;
	int	 unread = 0, rc;
	size_t	 i;

	for (i = 0; i < ui->win.n; i++) {
		if (ui->win.v[i].id == id)
			unread = ui->win.v[i].unread;
	}
	rc = unread ? store_mark_read(ui->st, id, &cause) :
	    store_mark_unread(ui->st, id, &cause);
	if (rc != 0) {
		ui_say(ui, cause);
		return;
	}
	for (i = 0; i < ui->win.n; i++) {
		if (ui->win.v[i].id == id)
			ui->win.v[i].unread = !unread;
	}
	ui_list_sources(ui);
	ui_say(ui, xstrdup(unread ? "marked read" : "marked unread"));
}

/* A: every article of the view (or of the search results) read. */
static void
mark_view_read(struct ui *ui)
{
	char	*cause = NULL;
	int64_t	 n;

	n = store_mark_view_read(ui->st, &ui->view, ui->fq != NULL ?
	    ui->fq->fts : NULL, &cause);
	if (n < 0) {
		ui_say(ui, cause);
		return;
	}
	ui_list_refresh(ui);
	ui_say(ui, xasprintf("%" PRId64 " article%s marked read", n,
	    n == 1 ? "" : "s"));
}

int
ui_list_next_unread(struct ui *ui)
{
	int64_t	from = ui->cur, top = ui->top, i;

	for (i = ui->cur + 1; i < ui->total; i++) {
		if (i < ui->base || i >= ui->base + (int64_t)ui->win.n) {
			ui_list_move(ui, i);
			if (i < ui->base ||
			    i >= ui->base + (int64_t)ui->win.n)
				break;
		}
		if (ui->win.v[i - ui->base].unread) {
			ui_list_move(ui, i);
			return 0;
		}
	}
	ui->top = top;
	ui_list_move(ui, from);
	return -1;
}

/* Put the cursor on article id, looked for near row guess; 0 or -1. */
static int
find_article(struct ui *ui, int64_t id, int64_t guess)
{
	size_t	i;

	ui_list_move(ui, guess);
	for (i = 0; i < ui->win.n; i++) {
		if (ui->win.v[i].id == id) {
			ui_list_move(ui, ui->base + (int64_t)i);
			return 0;
		}
	}
	return -1;
}

void
ui_list_refresh(struct ui *ui)
{
	const struct store_row	*r = ui_list_current(ui);
	int64_t			 id = -1, cur = ui->cur, row = ui->cur - ui->top;
	int64_t			 total = ui->total;
	char			*name = NULL;
	size_t			 i;

	if (ui->art != NULL)
		id = ui->art_id;
	else if (r != NULL)
		id = r->id;
	if (ui->src_sel >= 2)
		name = xstrdup(ui->sources.v[ui->src_sel - 2].name);
	ui_list_sources(ui);
	/* a new source may come before the one shown: find it by name */
	if (name != NULL) {
		ui->src_sel = 0;
		for (i = 0; i < ui->sources.n; i++) {
			if (strcmp(ui->sources.v[i].name, name) == 0)
				ui->src_sel = i + 2;
		}
		free(name);
	}
	ui_list_reload(ui);
	ui->top = cur + (ui->total - total) - row;
	if (id < 0 || (find_article(ui, id, cur + (ui->total - total)) != 0 &&
	    find_article(ui, id, cur) != 0)) {
		ui->top = cur - row;
		ui_list_move(ui, cur);
		return;
	}
	ui->top = ui->cur - row;
	ui_list_move(ui, ui->cur);
}

/* A key while the sources column has the focus. */
static void
sources_key(struct ui *ui, enum ui_action a)
{
	size_t	n = ui->sources.n + 2;
	int	vis = ui_visible(ui);

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

/* Open the current article's URL with $BROWSER. */
static void
browse_current(struct ui *ui)
{
	const struct store_row	*r;
	struct article		*art;
	char			*cause = NULL;

	if ((r = ui_list_current(ui)) == NULL)
		return;
	art = store_get(ui->st, r->id, NULL, NULL, NULL, &cause);
	free(cause);
	if (art != NULL)
		ui_open_url(ui, art->url);
	article_free(art);
}

/* A key of the list screen, in the sources column or the articles. */
void
ui_list_key(struct ui *ui, enum ui_action a)
{
	int	vis = ui_visible(ui);
	const struct store_row *r;

	switch (a) {
	case ACT_FOCUS_LEFT:
		ui->focus_sources = 1;
		return;
	case ACT_FOCUS:
		ui->focus_sources = !ui->focus_sources;
		return;
	case ACT_BOOKMARKS:
		ui->focus_sources = 0;
		if (ui->src_sel == 1)
			pick_source(ui, ui->bm_from);
		else {
			size_t from = ui->src_sel;

			pick_source(ui, 1);
			ui->bm_from = from;
		}
		return;
	case ACT_MARK_ALL_READ:
		mark_view_read(ui);
		return;
	case ACT_ORDER:
		if (ui->fq != NULL) {
			/* search results: best first or newest first */
			ui->search_sort = ui->search_sort == STORE_SORT_RANK ?
			    STORE_SORT_DATE : STORE_SORT_RANK;
			ui->searching = 0;
			ui->search_dirty = 1;
			return;
		}
		ui->order = ui->order == STORE_BY_SOURCE ? STORE_BY_DATE :
		    STORE_BY_SOURCE;
		ui_list_reload(ui);
		return;
	case ACT_STORIES:
		ui->stories = !ui->stories;
		ui_list_reload(ui);
		ui_say(ui, xstrdup(ui->stories ? "stories: one row a story, "
		    "+N its other versions" : "stories off: every article on "
		    "its own"));
		return;
	case ACT_BACK:
	case ACT_CANCEL:
		/* one level: the search results, then the view, then (q
		 * only) the program */
		if (ui->fq != NULL)
			ui_search_end(ui);
		else if (ui->src_sel != 0)
			pick_source(ui, ui->src_sel == 1 ? ui->bm_from : 0);
		else if (a == ACT_BACK)
			ui->quit = 1;
		return;
	case ACT_MATCH_NEXT:
		if (ui->fq == NULL) {
			if (ui_list_next_unread(ui) != 0)
				ui_say(ui, xstrdup("no unread article below"));
		} else if (ui->cur + 1 >= ui->total)
			ui_say(ui, xstrdup("this is the last result"));
		else
			ui_list_move(ui, ui->cur + 1);
		return;
	case ACT_MATCH_PREV:
		if (ui->fq == NULL) {
			if ((r = ui_list_current(ui)) != NULL)
				ui_list_toggle_read(ui, r->id);
		} else if (ui->cur == 0)
			ui_say(ui, xstrdup("this is the first result"));
		else
			ui_list_move(ui, ui->cur - 1);
		return;
	case ACT_SEARCH:
		ui_search_begin(ui);
		return;
	default:
		break;
	}
	if (ui->focus_sources) {
		sources_key(ui, a);
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
		ui_list_open(ui);
		break;
	case ACT_BOOKMARK:
		if ((r = ui_list_current(ui)) != NULL)
			ui_list_bookmark(ui, r->id);
		break;
	case ACT_BROWSER:
		browse_current(ui);
		break;
	default:
		break;
	}
}
