/*
 * ui_help.c: the help screen, made from the key table the reader
 * dispatches on, so the two cannot drift apart.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

static const struct {
	int		 screen;
	const char	*title;
} groups[] = {
	{ UI_LIST | UI_ARTICLE, "Everywhere" },
	{ UI_LIST, "In the list" },
	{ UI_ARTICLE, "In an article" },
};

/* The help text, one line a string; the caller frees it. */
static void
help_lines(struct strv *out)
{
	size_t	g, i, j;

	for (g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		strv_add(out, groups[g].title);
		for (i = 0; i < ui_nkeys; i++) {
			struct buf	 b = { 0 };
			int		 first = 1;

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
			buf_adds(&b, "  ");
			for (j = i; j < ui_nkeys; j++) {
				if (ui_keys[j].action != ui_keys[i].action ||
				    ui_keys[j].screens != ui_keys[i].screens)
					continue;
				if (!first)
					buf_adds(&b, " ");
				buf_adds(&b, ui_keys[j].name);
				first = 0;
			}
			while (b.len < 26)
				buf_addc(&b, ' ');
			buf_adds(&b, ui_keys[i].help);
			strv_push(out, buf_take(&b));
		}
		strv_add(out, "");
	}
	strv_add(out, "q, Esc or ? leaves this screen.");
}

void
ui_help_draw(struct ui *ui)
{
	struct strv	lines = { 0 };
	int		vis = ui->rows - 2, y;
	size_t		i;

	help_lines(&lines);
	if (vis < 1)
		vis = 1;
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
