/*
 * ui_line.c: editing the search lines (the cursor moves and deletes by
 * grapheme cluster, so a letter keeps its marks) and the history of the
 * queries searched, one a line in the data directory.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "store.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#define HIST_FILE	"search-history"

/* The start of the cluster before at (0 at the start). */
static size_t
prev_cluster(const struct buf *b, size_t at)
{
	size_t	i = 0, last = 0, n;
	int	w;

	while (i < at) {
		last = i;
		n = text_cluster(b->s + i, b->len - i, &w);
		i += n > 0 ? n : 1;
	}
	return last;
}

static size_t
next_cluster(const struct buf *b, size_t at)
{
	size_t	n;
	int	w;

	if (at >= b->len)
		return b->len;
	n = text_cluster(b->s + at, b->len - at, &w);
	return at + (n > 0 ? n : 1);
}

/* Remove the bytes [from, to) of b. */
static void
cut(struct buf *b, size_t from, size_t to)
{
	memmove(b->s + from, b->s + to, b->len - to + 1);
	b->len -= to - from;
}

/* Put the character c, as UTF-8, at *at and move past it. */
static void
insert(struct buf *b, size_t *at, int c)
{
	char	u[4];
	size_t	n;

	n = text_encode(c, u);
	if (b->len + n > UI_LINE_MAX)
		return;
	buf_reserve(b, n);
	memmove(b->s + *at + n, b->s + *at, b->len - *at);
	memcpy(b->s + *at, u, n);
	b->len += n;
	b->s[b->len] = '\0';
	*at += n;
}

static void
set_line(struct buf *b, size_t *at, const char *s)
{
	buf_reset(b);
	buf_adds(b, s);
	*at = b->len;
}

/* Up and Down: the queries searched before, and back to the line typed. */
static int
hist_key(struct ui *ui, struct buf *b, size_t *at, int up)
{
	if (ui->hist_at > ui->hist.n)
		ui->hist_at = ui->hist.n;
	if (up) {
		if (ui->hist_at == 0)
			return UI_LINE_MOVED;
		if (ui->hist_at == ui->hist.n) {
			free(ui->hist_draft);
			ui->hist_draft = xstrdup(b->s != NULL ? b->s : "");
		}
		set_line(b, at, ui->hist.v[--ui->hist_at]);
		return UI_LINE_CHANGED;
	}
	if (ui->hist_at == ui->hist.n)
		return UI_LINE_MOVED;
	if (++ui->hist_at < ui->hist.n)
		set_line(b, at, ui->hist.v[ui->hist_at]);
	else {
		set_line(b, at, ui->hist_draft != NULL ? ui->hist_draft : "");
		free(ui->hist_draft);
		ui->hist_draft = NULL;
	}
	return UI_LINE_CHANGED;
}

int
ui_line_key(struct ui *ui, struct buf *b, size_t *at, int k)
{
	size_t	j;

	if (*at > b->len)
		*at = b->len;
	switch (k) {
	case FKEY(KEY_UP):
	case FKEY(KEY_DOWN):
		return hist_key(ui, b, at, k == FKEY(KEY_UP));
	case FKEY(KEY_LEFT):
		*at = prev_cluster(b, *at);
		return UI_LINE_MOVED;
	case FKEY(KEY_RIGHT):
		*at = next_cluster(b, *at);
		return UI_LINE_MOVED;
	case CTRLKEY('a'):
		*at = 0;
		return UI_LINE_MOVED;
	case CTRLKEY('e'):
		*at = b->len;
		return UI_LINE_MOVED;
	case FKEY(KEY_BACKSPACE):
	case 127:
	case CTRLKEY('h'):
		j = prev_cluster(b, *at);
		break;
	case FKEY(KEY_DC):
		j = next_cluster(b, *at);
		cut(b, *at, j);
		return UI_LINE_CHANGED;
	case CTRLKEY('u'):
		j = 0;
		break;
	case CTRLKEY('w'):		/* the spaces before, then a word */
		j = *at;
		while (j > 0 && b->s[prev_cluster(b, j)] == ' ')
			j = prev_cluster(b, j);
		while (j > 0 && b->s[prev_cluster(b, j)] != ' ')
			j = prev_cluster(b, j);
		break;
	default:
		if (k < 0x20 || k >= 0x110000 || k == 0x7f ||
		    (k & 0x40000000))
			return 0;
		insert(b, at, k);
		return UI_LINE_CHANGED;
	}
	if (j < *at) {
		cut(b, j, *at);
		*at = j;
	}
	return UI_LINE_CHANGED;
}

int
ui_line_width(const struct buf *b, size_t at)
{
	char	*head, *safe;
	int	 w;

	if (b->s == NULL)
		return 0;
	head = xstrndup(b->s, at < b->len ? at : b->len);
	safe = text_sanitize(head, 0);
	w = text_width(safe);
	free(safe);
	free(head);
	return w;
}

/* A line of the history file as it can be typed: no control characters. */
static int
typeable(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

static void
hist_push(struct ui *ui, const char *q)
{
	size_t	i;

	for (i = 0; i < ui->hist.n; i++) {
		if (strcmp(ui->hist.v[i], q) == 0) {
			free(ui->hist.v[i]);
			memmove(ui->hist.v + i, ui->hist.v + i + 1,
			    (ui->hist.n - i - 1) * sizeof *ui->hist.v);
			ui->hist.n--;
			break;
		}
	}
	if (ui->hist.n == UI_HIST_MAX) {
		free(ui->hist.v[0]);
		memmove(ui->hist.v, ui->hist.v + 1,
		    (ui->hist.n - 1) * sizeof *ui->hist.v);
		ui->hist.n--;
	}
	strv_add(&ui->hist, q);
}

void
ui_hist_load(struct ui *ui)
{
	char	*path = store_data_file(HIST_FILE), *line = NULL;
	size_t	 cap = 0;
	ssize_t	 n;
	FILE	*fp;

	if ((fp = fopen(path, "r")) != NULL) {
		while ((n = getline(&line, &cap, fp)) != -1) {
			if (n > 0 && line[n - 1] == '\n')
				line[--n] = '\0';
			if (n > 0 && n <= UI_LINE_MAX && typeable(line))
				hist_push(ui, line);
		}
		free(line);
		fclose(fp);
	}
	free(path);
	ui->hist_at = ui->hist.n;
}

/* Write the history whole under a temporary name, then rename it. */
static char *
hist_save(struct ui *ui)
{
	char	*path = store_data_file(HIST_FILE), *tmp, *cause = NULL;
	size_t	 i;
	FILE	*fp = NULL;
	int	 fd;

	tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	if (store_make_parent(path, &cause) != 0)
		goto out;
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
	    (fp = fdopen(fd, "w")) == NULL) {
		cause = xasprintf("cannot save the search history: %s",
		    strerror(errno));
		if (fd != -1)
			close(fd);
		goto out;
	}
	for (i = 0; i < ui->hist.n; i++)
		fprintf(fp, "%s\n", ui->hist.v[i]);
	if (fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
		cause = xasprintf("cannot save the search history: %s",
		    strerror(errno));
		fclose(fp);
	} else if (fclose(fp) != 0 || rename(tmp, path) != 0)
		cause = xasprintf("cannot save the search history: %s",
		    strerror(errno));
out:
	if (cause != NULL)
		unlink(tmp);
	free(tmp);
	free(path);
	return cause;
}

char *
ui_hist_add(struct ui *ui, const char *q)
{
	free(ui->hist_draft);
	ui->hist_draft = NULL;
	if (q == NULL || *q == '\0' || !typeable(q)) {
		ui->hist_at = ui->hist.n;
		return NULL;
	}
	hist_push(ui, q);
	ui->hist_at = ui->hist.n;
	return hist_save(ui);
}

void
ui_hist_free(struct ui *ui)
{
	strv_free(&ui->hist);
	free(ui->hist_draft);
	ui->hist_draft = NULL;
}
