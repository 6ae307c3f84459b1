/*
 * ui.h: the reader, shared by the src/ui_*.c files only. The screens draw
 * on the whole terminal; nothing here exposes curses or SQLite types.
 */
#ifndef NEWSREAD_UI_H
#define NEWSREAD_UI_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "settings.h"
#include "store.h"

/* Run the reader on an open database until the user quits; exit status. */
/* stories: one row a story (story.h); else every article on its own. */
int	ui_run(struct store *, const char *db_path, int stories);

/*
 * Who does what: ui.c is the loop, the bars, the terminal and the one key
 * table; it looks a key up there and hands the action to the screen shown,
 * whose file draws it and acts on its keys (ui_list_key, ui_article_key,
 * ui_help_key).
 */

enum ui_screen {
	UI_LIST = 1,
	UI_ARTICLE = 2,
	UI_HELP = 4,
	UI_SEARCH = 8
};

enum ui_action {
	ACT_NONE, ACT_DOWN, ACT_UP, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_HALF_DOWN, ACT_HALF_UP,
	ACT_TOP, ACT_BOTTOM, ACT_OPEN, ACT_BACK, ACT_QUIT, ACT_FOCUS, ACT_FOCUS_LEFT,
	ACT_NEXT, ACT_PREV, ACT_BOOKMARK, ACT_BOOKMARKS, ACT_ORDER, ACT_BROWSER,
	ACT_SEARCH, ACT_MATCH_NEXT, ACT_MATCH_PREV, ACT_HELP, ACT_REDRAW,
	ACT_CANCEL, ACT_RELOAD, ACT_MARK_ALL_READ, ACT_PIPE, ACT_SAVE,
	ACT_VERSION, ACT_COVERAGE, ACT_STORIES
};

/*
 * One binding of the key table. Dispatch, the help screen and the
 * man-page test all read this table: a key not in it does nothing.
 */
struct ui_key {
	int		 key;		/* a curses key code or a character */
	const char	*name;		/* as the help screen shows it */
	int		 screens;	/* enum ui_screen bits */
	enum ui_action	 action;
	const char	*help;
};

extern const struct ui_key	ui_keys[];
extern const size_t		ui_nkeys;

/* Colour and attribute roles. */
enum ui_role {
	R_NORMAL, R_BAR, R_SELECTED, R_UNREAD, R_SOURCE, R_DATE, R_MARK,
	R_DIM, R_TITLE, R_MATCH, R_FOCUS, R_COUNT
};

/* One visual line of an article: part of a paragraph or a header. */
struct ui_aline {
	const char	*s;	/* into the owned paragraph text */
	size_t		 len;
	int		 role;
	int		 indent;
	size_t		 para;	/* which paragraph it belongs to */
};

/* A match in the open article: bytes [off, end) of paragraph para. */
struct ui_match {
	size_t	para;
	size_t	off;
	size_t	end;
};

struct fold_query;

struct ui {
	struct store		*st;
	const char		*db_path;
	int			 rows, cols;
	int			 screen;	/* enum ui_screen */
	int			 help_from;
	int			 focus_sources;
	int			 quit;
	int64_t			 data_version;	/* the store's, when last read */
	struct settings		 set;		/* the settings file */
	int			 prompt;	/* ACT_PIPE, ACT_SAVE: asking */
	int64_t			 prompt_id;	/* for this article */
	struct buf		 ptyped;	/* the answer so far */
	struct ui_key		*binds;		/* its bind-key lines */
	size_t			 nbinds;
	size_t			 help_top;
	char			*message;	/* one-off status message */

	/* sources column: 0 All, 1 Bookmarks, 2.. each source */
	struct store_sources	 sources;
	int64_t			 n_all, n_unread, n_bookmarks;
	size_t			 src_sel;
	size_t			 bm_from;	/* where B goes back to */
	size_t			 src_top;

	int			 stories;	/* one row a story */
	/* the article list: a window of rows around the cursor */
	struct store_view	 view;
	enum store_order	 order;
	struct store_rows	 win;
	int64_t			 base;		/* index of win.v[0] */
	int64_t			 total;
	int64_t			 cur;
	int64_t			 top;

	/* the open article */
	struct article		*art;
	int64_t			 art_id;
	int			 art_bookmarked;
	struct strv		 paras;		/* sanitised paragraphs */
	int			*para_role;
	struct ui_aline		*alines;
	size_t			 nalines;
	size_t			 art_top;
	int			 art_width;
	struct store_rows	 versions;	/* its story's, earliest first */
	size_t			 ver_cur;	/* which one is open */
	struct store_rows	 cover;		/* coverage, found at open */

	/* search: the list shows results while fq has words */
	struct fold_query	*fq;		/* NULL: no search */
	struct buf		 typed;		/* the search line */
	size_t			 typed_at;	/* its cursor, a byte offset */
	int			 searching;	/* the search line has the keys */
	int			 search_dirty;	/* results to read again */
	int			 count_known;
	int			 search_whole;	/* showing whole-word matches */
	int			 search_refine;	/* prefix matches still to read */
	/* the order of results asked for (s switches); while typing, the
	 * last imported first at once, fast at any size, then this order
	 * when no key is waiting (search_fast until it is read) */
	enum store_sort		 search_sort;
	int			 search_fast;	/* shown last imported first */
	int64_t			 saved_cur;	/* where Esc goes back to */
	int64_t			 saved_top;

	/* matches in the open article */
	struct fold_query	*afq;		/* the article's own search */
	struct buf		 atyped;
	size_t			 atyped_at;
	/* the queries searched, oldest first, kept in the data directory */
	struct strv		 hist;
	size_t			 hist_at;	/* hist.n: not in the history */
	char			*hist_draft;	/* the line before Up */
	struct ui_match		*am;
	size_t			 nam;
	size_t			 am_cur;
	int			 art_searching;
	size_t			 saved_art_top;
};

#define CTRLKEY(c)	((c) & 0x1f)
/* curses key codes, kept apart from characters (U+0102 is KEY_DOWN) */
#define FKEY(k)	((k) | 0x40000000)

/* ui_line.c: editing a search line, and its history */
#define UI_LINE_MAX	1000	/* bytes */
#define UI_HIST_MAX	100	/* queries kept */
/*
 * An editing key k on the line b with its cursor *at: 0 when k is not
 * one, UI_LINE_MOVED when only the cursor moved, UI_LINE_CHANGED.
 */
#define UI_LINE_MOVED	1
#define UI_LINE_CHANGED	2
int	ui_line_key(struct ui *, struct buf *b, size_t *at, int k);
/* The display width of the line up to the cursor, as drawn. */
int	ui_line_width(const struct buf *b, size_t at);
void	ui_hist_load(struct ui *);
/* Add a query searched (saved at once); NULL when saved, else why not. */
char	*ui_hist_add(struct ui *, const char *);
void	ui_hist_free(struct ui *);

/* ui.c */
/* Rows between the two bars (at least 1). */
int	ui_visible(const struct ui *);
/* Show msg on the status line until the next key; takes msg (NULL: none). */
void	ui_say(struct ui *, char *msg);
/* Run $BROWSER on an http(s) URL, the screen put away meanwhile; a
 * problem is said on the status line. */
void	ui_open_url(struct ui *, const char *url);
/* Open the search line over the list; leave the results for the list,
 * where it was before. */
void	ui_search_begin(struct ui *);
void	ui_search_end(struct ui *);

/* ui_draw.c: cells, through text.c's clusters. */
void	ui_draw_init(int color);
/* Take the settings file's colours for a role (bg NULL: default); NULL,
 * or what is wrong (the caller frees it). */
char	*ui_draw_set_color(const char *role, const char *fg, const char *bg);
int	ui_attr(enum ui_role);
/* Draw s (sanitised) at y, x in at most w columns; returns columns used. */
int	ui_draw_str(int y, int x, const char *s, size_t len, int w,
	    enum ui_role);
/* Draw s cut to w columns with an ellipsis, padded to w. */
void	ui_draw_cell(int y, int x, const char *s, int w, enum ui_role);
/* The same, with bytes inside the n spans (start, end pairs) marked. */
void	ui_draw_marked(int y, int x, const char *s, int w, enum ui_role,
	    const size_t *spans, size_t n);
/* Draw s[0..len) at y, x, marking the spans; returns columns used. */
int	ui_draw_spans(int y, int x, const char *s, size_t len, int w,
	    enum ui_role, const size_t *spans, size_t n);
void	ui_fill(int y, int x, int w, enum ui_role);

/* ui_list.c */
void	ui_list_reload(struct ui *);
void	ui_list_sources(struct ui *);
void	ui_list_draw(struct ui *);
void	ui_list_move(struct ui *, int64_t to);
const struct store_row *ui_list_current(struct ui *);
void	ui_list_free(struct ui *);
/* Act on a key of the list screen (and its sources column). */
void	ui_list_key(struct ui *, enum ui_action);
/* Open the article under the cursor, marking it read. */
void	ui_list_open(struct ui *);
/* Bookmark or unbookmark article id, wherever it shows, and say so. */
void	ui_list_bookmark(struct ui *, int64_t id);
/* Mark article id read or unread (toggle), wherever it shows. */
void	ui_list_toggle_read(struct ui *, int64_t id);
/* Read the sources and the list again, the cursor kept on its article
 * (the open one, if any). */
void	ui_list_refresh(struct ui *);
/* Move to the next unread article after the cursor; 0, or -1 (none). */
int	ui_list_next_unread(struct ui *);
/*
 * Run the search in ui->fq: 0, or STORE_INTERRUPTED by a key. With
 * whole set, a long last word is first matched whole (fast) and
 * search_refine is set for a second call without it.
 */
int	ui_list_search(struct ui *, int whole);
int	ui_list_count(struct ui *);
int	ui_list_rerank(struct ui *);

/* ui_article.c */
int	ui_article_open(struct ui *, int64_t id);
void	ui_article_layout(struct ui *);
void	ui_article_draw(struct ui *);
void	ui_article_scroll(struct ui *, long by);
void	ui_article_close(struct ui *);
/* Find the matches of q (NULL: none) and go to the first at or after the
 * top; returns how many there are. */
size_t	ui_article_find(struct ui *, struct fold_query *q);
void	ui_article_match(struct ui *, int step);
/* Act on a key of the article screen. */
void	ui_article_key(struct ui *, enum ui_action);

/* ui_help.c */
void	ui_help_draw(struct ui *);
/* Open the help over the screen shown; act on a key of the help. */
void	ui_help_open(struct ui *);
void	ui_help_key(struct ui *, enum ui_action);

#endif
