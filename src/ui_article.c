/*
 * ui_article.c: the article screen: a header (headline, source, author,
 * date), then lead, paragraphs and captions wrapped to the window; its
 * drawing and its keys.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "text.h"
#include "ui.h"

void
ui_article_close(struct ui *ui)
{
	article_free(ui->art);
	ui->art = NULL;
	strv_free(&ui->paras);
	free(ui->para_role);
	ui->para_role = NULL;
	free(ui->alines);
	ui->alines = NULL;
	ui->nalines = 0;
	ui->art_top = 0;
	ui->art_width = 0;
	free(ui->am);
	ui->am = NULL;
	ui->nam = 0;
	ui->am_cur = 0;
	store_rows_free(&ui->versions);
	store_rows_free(&ui->cover);
	ui->ver_cur = 0;
}

/* The visual line that holds byte off of paragraph para. */
static size_t
line_of(const struct ui *ui, size_t para, size_t off)
{
	size_t	i, best = 0;

	for (i = 0; i < ui->nalines; i++) {
		const struct ui_aline *l = &ui->alines[i];

		if (l->len == 0 || l->para != para)
			continue;
		if ((size_t)(l->s - ui->paras.v[para]) <= off)
			best = i;
		else
			break;
	}
	return best;
}

/* Bring match k to the screen, a few lines below the top. */
static void
show_match(struct ui *ui, size_t k)
{
	size_t	line;

	if (k >= ui->nam)
		return;
	ui->am_cur = k;
	line = line_of(ui, ui->am[k].para, ui->am[k].off);
	ui->art_top = line > 2 ? line - 2 : 0;
	ui_article_scroll(ui, 0);
}

size_t
ui_article_find(struct ui *ui, struct fold_query *q)
{
	size_t	p, n, k, *spans, first = 0, found = 0;

	free(ui->am);
	ui->am = NULL;
	ui->nam = 0;
	ui->am_cur = 0;
	if (q == NULL || q->n == 0 || ui->art == NULL)
		return 0;
	for (p = 0; p < ui->paras.n; p++) {
		n = fold_spans(q, ui->paras.v[p], &spans);
		if (n > 0)
			ui->am = xreallocarray(ui->am, ui->nam + n,
			    sizeof *ui->am);
		for (k = 0; k < n; k++) {
			ui->am[ui->nam].para = p;
			ui->am[ui->nam].off = spans[2 * k];
			ui->am[ui->nam].end = spans[2 * k + 1];
			ui->nam++;
		}
		free(spans);
	}
	/* the first match at or after the top of the screen */
	for (k = 0; k < ui->nam; k++) {
		if (line_of(ui, ui->am[k].para, ui->am[k].off) >=
		    ui->art_top) {
			first = k;
			found = 1;
			break;
		}
	}
	if (ui->nam > 0)
		show_match(ui, found ? first : 0);
	return ui->nam;
}

void
ui_article_match(struct ui *ui, int step)
{
	if (ui->nam == 0)
		return;
	if (step > 0)
		show_match(ui, (ui->am_cur + 1) % ui->nam);
	else
		show_match(ui, (ui->am_cur + ui->nam - 1) % ui->nam);
}

static void
add_para(struct ui *ui, const char *s, int role)
{
	strv_push(&ui->paras, text_sanitize(s, 0));
	ui->para_role = xreallocarray(ui->para_role, ui->paras.n,
	    sizeof *ui->para_role);
	ui->para_role[ui->paras.n - 1] = role;
}

/* Under the article, its coverage: "title (source, date)" each. */
static void
collect_coverage(struct ui *ui)
{
	struct buf	b = { 0 };
	size_t		i;

	if (ui->cover.n == 0)
		return;
	add_para(ui, "C\xc3\xb9ng s\xe1\xbb\xb1 ki\xe1\xbb\x87n (c opens "
	    "the first)", R_TITLE);
	for (i = 0; i < ui->cover.n; i++) {
		const struct store_row	*r = &ui->cover.v[i];
		struct article_date	 d;
		char			 date[11];
		const char		*ds = "-";

		/* in the settings' date format, as the list shows it */
		if (article_date_parse(r->date, &d) == 0 &&
		    article_date_show(&d, ui->set.date_style, date) != NULL)
			ds = date;
		buf_reset(&b);
		buf_printf(&b, "%s (%s, %s)", r->title,
		    *r->source != '\0' ? r->source : "-", ds);
		add_para(ui, b.s, R_DIM);
	}
	buf_free(&b);
}

/* The paragraphs the screen shows, sanitised, with their roles. */
static void
collect(struct ui *ui)
{
	const struct article	*a = ui->art;
	struct buf		 meta = { 0 };
	char			 date[11];
	size_t			 i;

	add_para(ui, a->title != NULL && *a->title != '\0' ? a->title :
	    "(no title)", R_TITLE);
	if (ui->versions.n > 1)
		buf_printf(&meta, "version %zu of %zu \xc2\xb7 ",
		    ui->ver_cur + 1, ui->versions.n);
	if (a->source != NULL)
		buf_adds(&meta, a->source);
	if (a->author != NULL) {
		if (meta.len > 0)
			buf_adds(&meta, " \xc2\xb7 ");
		buf_adds(&meta, a->author);
	}
	if (article_date_show(&a->date, ui->set.date_style, date) != NULL) {
		if (meta.len > 0)
			buf_adds(&meta, " \xc2\xb7 ");
		buf_adds(&meta, date);
		if (a->dated == ARTICLE_DATED_TEXT)
			buf_adds(&meta, " (from the text)");
	}
	if (meta.len > 0)
		add_para(ui, meta.s, R_SOURCE);
	buf_free(&meta);
	if (a->url != NULL)
		add_para(ui, a->url, R_DIM);
	if (a->lead != NULL)
		add_para(ui, a->lead, R_UNREAD);
	for (i = 0; i < a->body.n; i++)
		add_para(ui, a->body.v[i], R_NORMAL);
	for (i = 0; i < a->captions.n; i++)
		add_para(ui, a->captions.v[i], R_DIM);
	collect_coverage(ui);
}

static void
push_line(struct ui *ui, size_t *cap, const char *s, size_t len, int role,
    int indent, size_t para)
{
	struct ui_aline	*l;

	if (ui->nalines == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		ui->alines = xreallocarray(ui->alines, *cap,
		    sizeof *ui->alines);
	}
	l = &ui->alines[ui->nalines++];
	l->s = s;
	l->len = len;
	l->role = role;
	l->indent = indent;
	l->para = para;
}

/*
 * Wrap every paragraph to the window. After a resize the paragraph that
 * was at the top stays at the top.
 */
void
ui_article_layout(struct ui *ui)
{
	struct text_line	*tl;
	size_t			 cap = 0, n, i, k, keep = 0;
	int			 margin, width, indent, had = ui->nalines > 0;

	if (ui->art == NULL)
		return;
	if (had)
		keep = ui->alines[ui->art_top < ui->nalines ? ui->art_top :
		    0].para;
	free(ui->alines);
	ui->alines = NULL;
	ui->nalines = 0;
	margin = ui->cols >= 40 ? 1 : 0;
	for (i = 0; i < ui->paras.n; i++) {
		int role = ui->para_role[i];

		indent = (i >= ui->paras.n - ui->art->captions.n) ? 2 : 0;
		if (i > 0 && (role == R_UNREAD || role == R_NORMAL ||
		    indent > 0 || ui->para_role[i - 1] == R_TITLE))
			push_line(ui, &cap, "", 0, R_NORMAL, 0, i);
		width = ui->cols - 2 * margin - indent;
		/* a reading measure, even on a wide terminal */
		if (ui->set.text_width > 0 && width > ui->set.text_width -
		    indent)
			width = ui->set.text_width - indent;
		if (width < 1)
			width = 1;
		n = text_wrap(ui->paras.v[i], width, &tl);
		for (k = 0; k < n; k++)
			push_line(ui, &cap, ui->paras.v[i] + tl[k].off,
			    tl[k].len, role, margin + indent, i);
		free(tl);
	}
	ui->art_width = ui->cols;
	ui->art_top = 0;
	if (had) {
		for (i = 0; i < ui->nalines; i++) {
			if (ui->alines[i].para == keep &&
			    (ui->alines[i].len > 0 || keep == 0)) {
				ui->art_top = i;
				break;
			}
		}
	}
	ui_article_scroll(ui, 0);
}

/* The list's rows of article id and of its versions read, as they are
 * now in the database (a version or the coverage opened from here). */
static void
list_seen(struct ui *ui, int64_t id)
{
	size_t	i, k;

	for (i = 0; i < ui->win.n; i++) {
		int	read = ui->win.v[i].id == id;

		for (k = 0; k < ui->versions.n && !read; k++)
			read = ui->win.v[i].id == ui->versions.v[k].id;
		if (read)
			ui->win.v[i].unread = 0;
	}
}

/* The versions and coverage of article id, as it opens. */
static void
story_of(struct ui *ui, int64_t id)
{
	char	*cause = NULL;
	size_t	 i;

	/* coverage waits for c: 0.6 s at 100,000 articles (BENCHMARKS.md) */
	if (store_story_versions(ui->st, id, &ui->versions, &cause) != 0) {
		ui_say(ui, cause);
		return;
	}
	for (i = 0; i < ui->versions.n; i++)
		if (ui->versions.v[i].id == id)
			ui->ver_cur = i;
}

int
ui_article_open(struct ui *ui, int64_t id)
{
	struct article	*a;
	char		*cause = NULL;
	int		 bm = 0, unread = 0;

	a = store_get(ui->st, id, NULL, &bm, &unread, &cause);
	if (a == NULL) {
		ui_say(ui, cause != NULL ? cause :
		    xstrdup("that article is gone"));
		return -1;
	}
	ui_article_close(ui);
	ui->art = a;
	ui->art_id = id;
	ui->art_bookmarked = bm;
	if (ui->stories)
		story_of(ui, id);
	collect(ui);
	ui_article_layout(ui);
	if (unread || ui->versions.n > 1) {
		/* by stories, the story is read as one */
		if ((ui->versions.n > 1 ?
		    store_story_mark_read(ui->st, id, &cause) :
		    store_mark_read(ui->st, id, &cause)) != 0)
			ui_say(ui, cause);
	}
	list_seen(ui, id);
	return 0;
}

void
ui_article_scroll(struct ui *ui, long by)
{
	long	top = (long)ui->art_top + by;
	long	max = (long)ui->nalines - ui_visible(ui);

	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	ui->art_top = (size_t)top;
}

void
ui_article_draw(struct ui *ui)
{
	int	vis = ui_visible(ui), y;
	size_t	i;

	if (ui->art_width != ui->cols)
		ui_article_layout(ui);
	for (y = 0; y < vis; y++) {
		const struct ui_aline	*l;
		size_t			 spans[32], n = 0, k, base;

		i = ui->art_top + (size_t)y;
		ui_fill(y + 1, 0, ui->cols, R_NORMAL);
		if (i >= ui->nalines)
			continue;
		l = &ui->alines[i];
		if (l->len == 0)
			continue;
		/* matches of this line, as offsets into the line */
		base = (size_t)(l->s - ui->paras.v[l->para]);
		for (k = 0; k < ui->nam && n < 16; k++) {
			if (ui->am[k].para != l->para ||
			    ui->am[k].end <= base || ui->am[k].off >=
			    base + l->len)
				continue;
			spans[2 * n] = ui->am[k].off > base ?
			    ui->am[k].off - base : 0;
			spans[2 * n + 1] = ui->am[k].end - base;
			n++;
		}
		ui_draw_spans(y + 1, l->indent, l->s, l->len,
		    ui->cols - l->indent, l->role, spans, n);
	}
}

/* J, K and n without a search: the next or previous article of the list. */
static void
step(struct ui *ui, int by)
{
	if ((by > 0 && ui->cur + 1 >= ui->total) ||
	    (by < 0 && ui->cur == 0)) {
		ui_say(ui, xstrdup(by > 0 ? "this is the last article" :
		    "this is the first article"));
		return;
	}
	ui_list_move(ui, ui->cur + by);
	ui_list_open(ui);
}

void
ui_article_key(struct ui *ui, enum ui_action a)
{
	int	vis = ui_visible(ui);

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
		step(ui, 1);
		break;
	case ACT_VERSION:
		if (ui->versions.n > 1)
			ui_article_open(ui, ui->versions.v[(ui->ver_cur + 1) %
			    ui->versions.n].id);
		else
			ui_say(ui, xstrdup(ui->stories ? "this story has one "
			    "version" : "stories are off (V in the list)"));
		break;
	case ACT_COVERAGE:
		if (ui->cover.n > 0) {
			ui_article_open(ui, ui->cover.v[0].id);
			break;
		}
		{
			/* the first c looks it up and lists it */
			char	*cause = NULL;

			if (store_coverage(ui->st, ui->art_id, &ui->cover,
			    &cause) != 0) {
				ui_say(ui, cause);
				break;
			}
		}
		if (ui->cover.n == 0) {
			ui_say(ui, xstrdup("no coverage of this event found"));
			break;
		}
		strv_free(&ui->paras);
		collect(ui);
		ui_article_layout(ui);
		ui_article_scroll(ui, (long)ui->nalines);
		break;
	case ACT_PREV:
		step(ui, -1);
		break;
	case ACT_MATCH_NEXT:
	case ACT_MATCH_PREV:
		/* less's n and N with a search; without, newsboat's next
		 * unread (n) and read/unread (N) */
		if (ui->nam > 0)
			ui_article_match(ui, a == ACT_MATCH_NEXT ? 1 : -1);
		else if (ui->afq != NULL || ui->fq != NULL)
			ui_say(ui, xstrdup("no match in this article"));
		else if (a == ACT_MATCH_PREV)
			ui_list_toggle_read(ui, ui->art_id);
		else if (ui_list_next_unread(ui) == 0)
			ui_list_open(ui);
		else
			ui_say(ui, xstrdup("no unread article after this one"));
		break;
	case ACT_SEARCH:
		ui->art_searching = 1;
		ui->saved_art_top = ui->art_top;
		buf_reset(&ui->atyped);
		ui->atyped_at = 0;
		ui->hist_at = ui->hist.n;
		break;
	case ACT_BACK:
		ui->screen = UI_LIST;
		fold_query_free(ui->afq);
		ui->afq = NULL;
		ui_article_close(ui);
		break;
	case ACT_BOOKMARK:
		ui_list_bookmark(ui, ui->art_id);
		break;
	case ACT_BROWSER:
		ui_open_url(ui, ui->art->url);
		break;
	default:
		break;
	}
}
