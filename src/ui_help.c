/*
 * ui_help.c: the help screen, made from the key table the reader
 * dispatches on, so the two cannot drift apart; its drawing and its keys.
 */
#include "config.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui.h"

static const struct {
	int		 screen;
	const char	*title;
} groups[] = {
	{ UI_LIST | UI_ARTICLE, "Everywhere" },
	{ UI_LIST, "In the list" },
	{ UI_ARTICLE, "In an article" },
	{ 0, "In this help" },
};

/* Whether row i's name was given by an earlier row of the same action. */
static int
name_seen(size_t i)
{
	size_t	j;

	for (j = 0; j < i; j++) {
		if (ui_keys[j].action == ui_keys[i].action &&
		    ui_keys[j].screens == ui_keys[i].screens &&
		    strcmp(ui_keys[j].name, ui_keys[i].name) == 0)
			return 1;
	}
	return 0;
}

/* Push the keys and the help of an action, the help wrapped to width. */
static void
push_action(struct strv *out, const char *keys, const char *help, int width)
{
	struct text_line	*tl;
	struct buf		 b = { 0 };
	size_t			 n, k;
	int			 w = width - 26;

	buf_adds(&b, "  ");
	buf_adds(&b, keys);
	if (text_width(b.s) > 25) {	/* many keys: the help below */
		strv_push(out, buf_take(&b));
		buf_adds(&b, "  ");
	}
	n = text_wrap(help, w > 10 ? w : 10, &tl);
	for (k = 0; k < n; k++) {
		while (text_width(b.s) < 26)
			buf_addc(&b, ' ');
		buf_add(&b, help + tl[k].off, tl[k].len);
		strv_push(out, buf_take(&b));
		buf_adds(&b, " ");
	}
	free(tl);
	buf_free(&b);
}

/* The help text for a screen width columns wide, one line a string. */
static void
help_lines(struct strv *out, int width)
{
	size_t	g, i, j;

	for (g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		strv_add(out, groups[g].title);
		for (i = 0; i < ui_nkeys; i++) {
			struct buf	 b = { 0 };

			if ((ui_keys[i].screens & (UI_LIST | UI_ARTICLE)) !=
			    groups[g].screen)
				continue;
			/* one line an action: every key bound to it */
			for (j = 0; j < i; j++) {
				if (ui_keys[j].action == ui_keys[i].action &&
				    ui_keys[j].screens == ui_keys[i].screens)
					break;
			}
			if (j < i)
				continue;
			for (j = i; j < ui_nkeys; j++) {
				if (ui_keys[j].action != ui_keys[i].action ||
				    ui_keys[j].screens != ui_keys[i].screens ||
				    name_seen(j))
					continue;
				if (b.len > 0)
					buf_adds(&b, " ");
				buf_adds(&b, ui_keys[j].name);
			}
			push_action(out, b.s, ui_keys[i].help, width);
			buf_free(&b);
		}
		strv_add(out, "");
	}
	strv_add(out, "q, Esc or ? leaves this screen.");
}

void
ui_help_draw(struct ui *ui)
{
	struct strv	lines = { 0 };
	int		vis = ui_visible(ui), y;
	size_t		i;

	help_lines(&lines, ui->cols - 1);
	if (ui->help_top + (size_t)vis > lines.n)
		ui->help_top = lines.n > (size_t)vis ? lines.n - (size_t)vis : 0;
	for (y = 0; y < vis; y++) {
		i = (size_t)y + ui->help_top;
		ui_fill(y + 1, 0, ui->cols, R_NORMAL);
		if (i >= lines.n)
			continue;
		ui_draw_cell(y + 1, 1, lines.v[i], ui->cols - 1,
		    lines.v[i][0] != ' ' && lines.v[i][0] != '\0' ? R_TITLE :
		    R_NORMAL);
	}
	strv_free(&lines);
}

void
ui_help_open(struct ui *ui)
{
	ui->help_from = ui->screen;
	ui->help_top = 0;
	ui->screen = UI_HELP;
}

void
ui_help_key(struct ui *ui, enum ui_action a)
{
	size_t	vis = (size_t)ui_visible(ui);

	switch (a) {
	case ACT_DOWN:
		ui->help_top++;
		break;
	case ACT_UP:
		if (ui->help_top > 0)
			ui->help_top--;
		break;
	case ACT_PAGE_DOWN:
		ui->help_top += vis;
		break;
	case ACT_HALF_DOWN:
		ui->help_top += vis / 2;
		break;
	case ACT_PAGE_UP:
		ui->help_top = ui->help_top > vis ? ui->help_top - vis : 0;
		break;
	case ACT_HALF_UP:
		ui->help_top = ui->help_top > vis / 2 ? ui->help_top -
		    vis / 2 : 0;
		break;
	case ACT_TOP:
		ui->help_top = 0;
		break;
	case ACT_BOTTOM:
		ui->help_top = SIZE_MAX / 2;	/* drawing brings it back */
		break;
	case ACT_BACK:
	case ACT_HELP:
		ui->screen = ui->help_from;
		break;
	default:
		break;
	}
}
