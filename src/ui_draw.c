/*
 * ui_draw.c: writing text into cells. Every cell goes through the wide
 * curses calls, one grapheme cluster a cell, with the width text.c gives;
 * nothing here counts bytes or code points as columns.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "ui.h"

static int	roles[R_COUNT];

/* The settings file's colours, set before ui_draw_init() applies them. */
static struct {
	int	set, fg, bg;
} custom[R_COUNT];

static const char *const role_names[R_COUNT] = {
	[R_NORMAL] = "normal", [R_BAR] = "bar", [R_SELECTED] = "selected",
	[R_UNREAD] = "unread", [R_SOURCE] = "source", [R_DATE] = "date",
	[R_MARK] = "mark", [R_DIM] = "dim", [R_TITLE] = "title",
	[R_MATCH] = "match", [R_FOCUS] = "focus"
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

/* A colour's number (COLOR_BLACK..COLOR_WHITE, -1 default), or -2. */
static int
color_number(const char *name)
{
	int	i;

	if (strcmp(name, "default") == 0)
		return -1;
	for (i = 0; i < 8; i++) {
		if (strcmp(name, color_names[i]) == 0)
			return i;
	}
	return -2;
}

char *
ui_draw_set_color(const char *role, const char *fg, const char *bg)
{
	int	r, f, b;

	for (r = 0; r < R_COUNT; r++) {
		if (role_names[r] != NULL && strcmp(role, role_names[r]) == 0)
			break;
	}
	if (r == R_COUNT)
		return xasprintf("unknown role '%s' (roles: normal, bar, "
		    "selected, unread, source, date, mark, dim, title, match, "
		    "focus)", role);
	f = color_number(fg);
	b = bg != NULL ? color_number(bg) : -1;
	if (f == -2 || b == -2)
		return xasprintf("unknown colour '%s' (colours: default, "
		    "black, red, green, yellow, blue, magenta, cyan, white)",
		    f == -2 ? fg : bg);
	custom[r].set = 1;
	custom[r].fg = f;
	custom[r].bg = b;
	return NULL;
}

void
ui_draw_init(int color)
{
	int	i;

	for (i = 0; i < R_COUNT; i++)
		roles[i] = A_NORMAL;
	roles[R_BAR] = A_REVERSE;
	roles[R_SELECTED] = A_REVERSE;
	roles[R_UNREAD] = A_BOLD;
	roles[R_TITLE] = A_BOLD;
	roles[R_DIM] = A_DIM;
	roles[R_MATCH] = A_UNDERLINE | A_BOLD;
	roles[R_FOCUS] = A_BOLD;
	roles[R_MARK] = A_BOLD;
	if (!color)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_CYAN, -1);
	init_pair(2, COLOR_YELLOW, -1);
	init_pair(3, COLOR_GREEN, -1);
	init_pair(4, COLOR_BLACK, COLOR_YELLOW);
	init_pair(5, COLOR_WHITE, COLOR_BLUE);
	roles[R_SOURCE] = COLOR_PAIR(1);
	roles[R_MARK] = COLOR_PAIR(2) | A_BOLD;
	roles[R_DATE] = COLOR_PAIR(3);
	roles[R_MATCH] = COLOR_PAIR(4);
	roles[R_BAR] = COLOR_PAIR(5);
	for (i = 0; i < R_COUNT; i++) {
		if (!custom[i].set)
			continue;
		init_pair((short)(8 + i), (short)custom[i].fg,
		    (short)custom[i].bg);
		roles[i] = (roles[i] & ~A_COLOR) | COLOR_PAIR(8 + i);
	}
}

int
ui_attr(enum ui_role r)
{
	return roles[r];
}

/* Put one cluster (at most CCHARW_MAX code points kept) at y, x. */
static void
put_cluster(int y, int x, const char *s, size_t len, int attr)
{
	wchar_t		wc[CCHARW_MAX + 1];
	cchar_t		cc;
	size_t		i = 0;
	int		n = 0;
	int32_t		cp;

	while (i < len && n < CCHARW_MAX) {
		i += text_decode(s + i, len - i, &cp);
		wc[n++] = (wchar_t)cp;
	}
	wc[n] = L'\0';
	/* setcchar() takes the colour pair apart: the A_COLOR bits of the
	 * attributes are ignored, pair 0 would undo the role's colour */
	if (setcchar(&cc, wc, (attr_t)attr & ~A_COLOR,
	    (short)PAIR_NUMBER(attr), NULL) == ERR) {
		wc[0] = 0xFFFD;
		wc[1] = L'\0';
		setcchar(&cc, wc, (attr_t)attr & ~A_COLOR,
		    (short)PAIR_NUMBER(attr), NULL);
	}
	mvadd_wch(y, x, &cc);
}

int
ui_draw_str(int y, int x, const char *s, size_t len, int w, enum ui_role r)
{
	size_t	i = 0, n;
	int	cw, used = 0, attr = roles[r];

	while (i < len) {
		n = text_cluster(s + i, len - i, &cw);
		if (used + cw > w)
			break;
		if (cw == 0) {
			i += n;	/* nothing left to draw on */
			continue;
		}
		put_cluster(y, x + used, s + i, n, attr);
		used += cw;
		i += n;
	}
	return used;
}

/* Whether byte i falls in one of the spans. */
static int
in_span(size_t i, const size_t *spans, size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++) {
		if (i >= spans[2 * k] && i < spans[2 * k + 1])
			return 1;
	}
	return 0;
}

int
ui_draw_spans(int y, int x, const char *s, size_t len, int w,
    enum ui_role r, const size_t *spans, size_t nspans)
{
	size_t	i = 0, n;
	int	cw, used = 0;

	while (i < len) {
		n = text_cluster(s + i, len - i, &cw);
		if (used + cw > w)
			break;
		if (cw > 0) {
			put_cluster(y, x + used, s + i, n, in_span(i, spans,
			    nspans) ? roles[R_MATCH] : roles[r]);
			used += cw;
		}
		i += n;
	}
	return used;
}

void
ui_draw_marked(int y, int x, const char *s, int w, enum ui_role r,
    const size_t *spans, size_t n)
{
	char	*t;
	int	 used;

	if (w <= 0)
		return;
	t = text_truncate(s, w, NULL);
	used = ui_draw_spans(y, x, t, strlen(t), w, r, spans, n);
	ui_fill(y, x + used, w - used, r);
	free(t);
}

void
ui_fill(int y, int x, int w, enum ui_role r)
{
	int	attr = roles[r];

	move(y, x);
	for (; w > 0; w--)
		addch(' ' | (chtype)attr);
}

void
ui_draw_cell(int y, int x, const char *s, int w, enum ui_role r)
{
	char	*t;
	int	 used;
	size_t	 len;

	if (w <= 0)
		return;
	t = text_truncate(s, w, NULL);
	len = 0;
	while (t[len] != '\0')
		len++;
	used = ui_draw_str(y, x, t, len, w, r);
	ui_fill(y, x + used, w - used, r);
	free(t);
}
