/* clean.h: a scraped news page to a clean article. Pure: no I/O. */
#ifndef NEWSREAD_CLEAN_H
#define NEWSREAD_CLEAN_H

#include <stddef.h>

#include "article.h"

/*
 * The version of the cleaner. The store records it with each article;
 * importing an unchanged page again re-cleans it when the version that
 * made its article is older. Raise it with every change to what the
 * cleaner makes of a page.
 */
#define CLEAN_VERSION	2

/* What the caller knows that the page does not say. */
struct clean_opts {
	/*
	 * Today: a date after the day after it is not a publication date.
	 * Year 0: no such check (2100 at the latest).
	 */
	struct article_date	 today;
	/* The outlet of pages that name none, or NULL (import --source). */
	const char		*source;
};

/* What the cleaner made of a line of the page, for clean --explain. */
enum clean_role {
	CLEAN_BLANK,
	CLEAN_DROPPED,
	CLEAN_TITLE,
	CLEAN_LEAD,
	CLEAN_BODY,
	CLEAN_CAPTION,
	CLEAN_AUTHOR,
	CLEAN_DATE,
	CLEAN_SOURCE,
	CLEAN_URL
};

struct clean_note {
	size_t		 line;	/* 1-based line of the page */
	enum clean_role	 role;
	const char	*why;	/* static: the signal that decided */
	int		 score;	/* what the line weighed for the span */
	char		*text;	/* the line, normalised */
};

struct clean_notes {
	struct clean_note	*v;
	size_t			 n;
};

/*
 * Clean the page text s[0..len) (valid UTF-8, as decode_page() returns
 * it) into a new article (the caller frees it with article_free()).
 * Every field may be NULL: the title is NULL when the page has no
 * headline. opts may be NULL (no date check, no default source). When
 * notes is not NULL it receives a note for every line of the page; free
 * them with clean_notes_free().
 */
struct article	*clean_page(const char *s, size_t len,
		    const struct clean_opts *opts, struct clean_notes *notes);

void		 clean_notes_free(struct clean_notes *);

/* "title", "body", "dropped"... */
const char	*clean_role_name(enum clean_role);

#endif
