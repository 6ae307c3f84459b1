/*
 * html.h: a saved HTML page to the text a text page would have (its
 * visible blocks, one a line), the markup's hint for each block and the
 * page's metadata, for the cleaner.
 */
#ifndef NEWSREAD_HTML_H
#define NEWSREAD_HTML_H

#include <stddef.h>

#include "clean.h"

/* What html_read() makes of a page; html_page_free() releases it. */
struct html_page {
	char			*text;		/* NFC UTF-8, a block a line */
	size_t			 len;
	unsigned		*hints;		/* one a line of text */
	size_t			 nhints;
	struct clean_markup	 markup;	/* points into this page */
	char			*meta[4];	/* title, source, author, url */
};

/*
 * Whether the bytes are an HTML page, by their content: after a byte
 * order mark and white space, markup that opens a document ("<!doctype
 * html", "<html", "<head", "<body", or "<meta"/"<title" and an html
 * element in the first kilobyte).
 */
int	html_is_page(const char *buf, size_t len);

/*
 * Read the HTML page buf[0..len): decoded by encoding when it is not NULL,
 * else by its byte order mark, else as UTF-8 when it is valid UTF-8, else
 * by the charset its <meta> declares. Script, style, template, noscript
 * and embedded objects are never read; nothing is fetched.
 *
 * Returns 0 and fills *page, or -1 with an allocated *cause (the page is
 * too large, cannot be decoded, or shows no text).
 */
int	html_read(const char *buf, size_t len, const char *encoding,
	    struct html_page *page, char **cause);

/*
 * Whether libxml2 can be loaded from file (NULL: the one configure
 * found), as html_read() loads it at its first page: 0, or -1 with an
 * allocated *cause that says what to install.
 */
int	html_lib_check(const char *file, char **cause);

/* Free what html_read() filled (a zeroed page is fine). */
void	html_page_free(struct html_page *);

#endif
