/* json.h: writing JSON strings and articles. */
#ifndef NEWSREAD_JSON_H
#define NEWSREAD_JSON_H

#include "article.h"
#include "util.h"

/* Append s as a JSON string (or null when s is NULL) to b. */
void	json_str(struct buf *b, const char *s);

/* Append an array of JSON strings. */
void	json_strv(struct buf *b, const struct strv *sv);

/*
 * Append the fields of an article as JSON members, each preceded by a
 * comma: "title", "source", "author", "date", "date_from" ("page" when
 * the page gives its date, "text" when it was read from the lead, null
 * with no date), "url", "lead", "body", "captions".
 */
void	json_article_fields(struct buf *b, const struct article *a);

#endif
