/* article.h: a cleaned news article, the unit every module passes on. */
#ifndef NEWSREAD_ARTICLE_H
#define NEWSREAD_ARTICLE_H

#include "util.h"

/*
 * A date as precise as the page gives it: month 0 means no date; year 0
 * means the page gave a day and a month but no year.
 */
struct article_date {
	int	year;
	int	month;
	int	day;
};

/* Every string is NFC UTF-8 or NULL when the page does not give it. */
struct article {
	char			*title;
	char			*source;
	char			*author;
	char			*url;
	char			*lead;
	struct article_date	 date;
	struct strv		 body;		/* paragraphs */
	struct strv		 captions;
};

/* A new, empty article; article_free() releases it (NULL is fine). */
struct article	*article_new(void);
void		 article_free(struct article *);

/*
 * Write the date as "YYYY-MM-DD" or "--MM-DD" into buf (11 bytes) and
 * return buf, or return NULL when there is no date.
 */
char		*article_date_format(const struct article_date *, char *buf);

/* Parse the forms article_date_format() writes; -1 when s is not one. */
int		 article_date_parse(const char *s, struct article_date *);

/* Join strings with a separator; the caller frees the result. */
char		*article_join(const struct strv *, const char *sep);

#endif
