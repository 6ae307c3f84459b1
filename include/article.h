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

/* Where an article's date comes from. */
enum article_dated {
	ARTICLE_DATED_NONE,	/* no date */
	ARTICLE_DATED_PAGE,	/* the page's own dateline or time stamp */
	ARTICLE_DATED_TEXT	/* the news peg in the lead: "Ngày 28/1, ..." */
};

/*
 * Every string is NFC UTF-8 or NULL when the page does not give it (a
 * page without a headline has no title).
 */
struct article {
	char			*title;
	char			*source;
	char			*author;
	char			*url;
	char			*lead;
	struct article_date	 date;
	enum article_dated	 dated;
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

/* How dates are shown to a reader (the settings file's date-format). */
enum article_date_style {
	DATE_DMY,	/* 01/04/2024, and 01/04 without a year */
	DATE_MDY,	/* 04/01/2024, and 04/01 */
	DATE_ISO	/* 2024-04-01, and --04-01 */
};

/*
 * The date as a reader reads it, into buf (at least 11 bytes); returns
 * buf, or NULL when there is no date. JSON and the database keep ISO.
 */
char		*article_date_show(const struct article_date *,
		    enum article_date_style, char *buf);

/* Parse the forms article_date_format() writes; -1 when s is not one. */
int		 article_date_parse(const char *s, struct article_date *);

/* "page", "text" or NULL: how a date's origin is written and stored. */
const char	*article_dated_name(enum article_dated);
enum article_dated article_dated_parse(const char *);

/* Join strings with a separator; the caller frees the result. */
char		*article_join(const struct strv *, const char *sep);

#endif
