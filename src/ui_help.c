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

/* The search line's own keys (ui_line.c), after the groups. */
static const struct {
	const char	*keys, *help;
} line_keys[] = {
	{ "Up Down", "the queries searched before (the last 100, kept "
	    "between runs)" },
	{ "Left Right", "move the cursor a letter" },
	{ "^A ^E", "go to the start, the end of the line" },
	{ "^W", "delete the word before the cursor" },
	{ "^U", "delete from the start to the cursor" },
	{ "Backspace Delete", "delete the letter before, under the cursor" },
	{ "Enter Esc", "keep the results; leave the search" },
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

/* The table's action for key on screens, ACT_NONE if it has none. */
static enum ui_action
table_action(int key, int screens)
{
	size_t	i;

	for (i = 0; i < ui_nkeys; i++) {
		if (ui_keys[i].key == key && (ui_keys[i].screens & screens))
			return ui_keys[i].action;
	}
	return ACT_NONE;
}

/* Whether the settings file binds the key of row i to something else. */
static int
rebound(const struct ui *ui, size_t i)
{
	size_t	k;

	for (k = 0; k < ui->nbinds; k++) {
		if (ui->binds[k].key == ui_keys[i].key &&
		    (ui->binds[k].screens & ui_keys[i].screens) != 0 &&
		    ui->binds[k].action != ui_keys[i].action)
			return 1;
	}
	return 0;
}

/*
 * The help text for a screen width columns wide, one line a string: the
 * table's keys, less those the settings file took for another action,
 * and the settings file's bind-key keys after them.
 */
static void
help_lines(const struct ui *ui, struct strv *out, int width)
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
				    name_seen(j) || rebound(ui, j))
					continue;
				if (b.len > 0)
					buf_adds(&b, " ");
				buf_adds(&b, ui_keys[j].name);
			}
			for (j = 0; j < ui->nbinds; j++) {
				if (ui->binds[j].action != ui_keys[i].action ||
				    (ui->binds[j].screens &
				    ui_keys[i].screens) == 0 ||
				    table_action(ui->binds[j].key,
				    ui_keys[i].screens) == ui_keys[i].action)
					continue;
				if (b.len > 0)
					buf_adds(&b, " ");
				buf_adds(&b, ui->binds[j].name);
			}
			if (b.len > 0)	/* unless every key went elsewhere */
				push_action(out, b.s, ui_keys[i].help, width);
			buf_free(&b);
		}
		strv_add(out, "");
	}
	strv_add(out, "In the search line");
	for (i = 0; i < sizeof line_keys / sizeof line_keys[0]; i++)
		push_action(out, line_keys[i].keys, line_keys[i].help, width);
	strv_add(out, "");
	strv_add(out, "q, Esc or ? leaves this screen.");
}

void
ui_help_draw(struct ui *ui)
{
	struct strv	lines = { 0 };
	int		vis = ui_visible(ui), y;
	size_t		i;

	help_lines(ui, &lines, ui->cols - 1);
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
