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
#define CLEAN_VERSION	16

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

/*
 * What an HTML page's markup says about a block (one line of the text
 * the HTML reader makes): the element that holds it in the low bits,
 * where it stands in the high ones. 0: a text page's line, no markup.
 */
#define CLEAN_HINT_BLOCK	0x00fu	/* the element: */
#define CLEAN_HINT_DIV		0x001u	/* any other block */
#define CLEAN_HINT_P		0x002u
#define CLEAN_HINT_H1		0x003u	/* a headline */
#define CLEAN_HINT_H		0x004u	/* h2-h6: a subheading */
#define CLEAN_HINT_LI		0x005u	/* a list's item, dt, dd */
#define CLEAN_HINT_CAPTION	0x006u	/* figcaption, a table's caption */
#define CLEAN_HINT_QUOTE	0x007u	/* blockquote */
#define CLEAN_HINT_CELL		0x008u	/* td, th */
#define CLEAN_HINT_ARTICLE	0x010u	/* inside the page's article */
#define CLEAN_HINT_LINKS	0x020u	/* mostly link text */
#define CLEAN_HINT_NAV		0x040u	/* nav, a menu, breadcrumbs */
#define CLEAN_HINT_ASIDE	0x080u	/* aside, a sidebar, a related box */
#define CLEAN_HINT_FOOTER	0x100u
#define CLEAN_HINT_HEADER	0x200u	/* the site's header */
#define CLEAN_HINT_COMMENTS	0x400u	/* readers' comments */
/* where a block is the site's furniture, not an article's text */
#define CLEAN_HINT_FURNITURE	(CLEAN_HINT_LINKS | CLEAN_HINT_NAV | \
	CLEAN_HINT_ASIDE | CLEAN_HINT_FOOTER | CLEAN_HINT_HEADER | \
	CLEAN_HINT_COMMENTS)

/*
 * What an HTML page's markup tells the cleaner: a hint a line of its text
 * (hints[i] for line i + 1), the visible headline's line, and the page's
 * metadata (Open Graph, meta, JSON-LD, canonical link). Every string may
 * be NULL; the cleaner copies what it keeps.
 */
struct clean_markup {
	const unsigned		*hints;
	size_t			 nhints;
	size_t			 headline;	/* 1-based line of the h1; 0: none */
	const char		*title;		/* og:title, JSON-LD headline */
	const char		*source;	/* og:site_name, JSON-LD publisher */
	const char		*author;
	const char		*url;		/* canonical, og:url */
	struct article_date	 date;		/* published; month 0: none */
};

struct clean_note {
	size_t		 line;	/* 1-based line of the page */
	unsigned	 hint;	/* CLEAN_HINT_*: the markup's, or 0 */
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

/*
 * The same for the text of an HTML page, with what its markup says
 * (markup may be NULL: clean_page()). The visible headline is the title
 * (metadata's title only when the page shows none); the metadata's
 * source, author, date and url win over what the text suggests, a credit
 * line ("Theo X") over the metadata's source.
 */
struct article	*clean_page_marked(const char *s, size_t len,
		    const struct clean_markup *markup,
		    const struct clean_opts *opts, struct clean_notes *notes);

void		 clean_notes_free(struct clean_notes *);

/*
 * A hint in words ("p article links") into buf of size n; "" for 0.
 * Returns buf.
 */
char		*clean_hint_name(unsigned hint, char *buf, size_t n);

/* "title", "body", "dropped"... */
const char	*clean_role_name(enum clean_role);

#endif
