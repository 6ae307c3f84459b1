/* output.h: what the commands print, in text for people and in JSON. */
#ifndef NEWSREAD_OUTPUT_H
#define NEWSREAD_OUTPUT_H

#include <stdint.h>
#include <stdio.h>

#include "article.h"

/*
 * Print an article for a person: a header (title, source, author, date,
 * URL), the lead, the paragraphs and the captions, each wrapped at spaces
 * to width display columns (0: a paragraph a line). Every field is
 * sanitised first: no control character reaches the terminal.
 */
void	out_article(FILE *, const struct article *, int width,
	    enum article_date_style);

/* Print an article as one JSON object on a line (show --json, export). */
void	out_article_json(FILE *, int64_t id, const char *path,
	    const struct article *, int bookmarked, int unread);

/* Print s sanitised (controls made visible, bidi overrides dropped). */
void	out_safe(FILE *, const char *s);

/* Print s sanitised and padded with spaces to width columns. */
void	out_pad(FILE *, const char *s, int width);

struct store_row;

/*
 * Print a list row for a person: id, date (as a reader reads it, in
 * style: 13/05/2022, or 01/04 without a year), source padded to srcw
 * columns, title, "+N" when it stands for a story of N other versions,
 * and a newline.
 */
void	out_row(FILE *, const struct store_row *, int srcw,
	    enum article_date_style style);

/*
 * Print a list row as one JSON object and a newline: id, date, source,
 * title, then bookmarked and unread (list) or snippet (search), and by
 * stories its other versions and its outlets.
 */
void	out_row_json(FILE *, const struct store_row *, int search);

#endif
