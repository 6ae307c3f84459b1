/*
 * page.h: one page from its bytes to an article, the one pipeline that
 * import and clean share: decode, hash, clean.
 */
#ifndef NEWSREAD_PAGE_H
#define NEWSREAD_PAGE_H

#include <stddef.h>

#include "article.h"
#include "clean.h"

/* How pages are read. */
struct page_opts {
	const char		*encoding;	/* NULL: UTF-8 */
	struct clean_opts	 clean;
};

/* What a file is, told by its content. */
enum page_kind {
	PAGE_TEXT,	/* a page: the visible text of a web page */
	PAGE_BINARY,	/* an image, archive, database...: not text */
	PAGE_JSON,
	PAGE_XML,
	PAGE_HTML	/* HTML seen only once decoded: read as HTML */
};

/* "text", "binary", "JSON", "XML", "HTML". */
const char	*page_kind_name(enum page_kind);

/*
 * Whether decoded text is an HTML document (it opens with a tag, and a
 * doctype, <html>, <head> or <body> is in its first KiB). The one test:
 * pages it accepts are skipped until newsread reads HTML.
 */

/*
 * Decode, hash and clean the page raw[0..len). Returns the article (the
 * caller frees it) and writes the SHA-256 of the raw bytes into hash when
 * it is not NULL; or returns NULL with an allocated *cause saying why the
 * page was rejected. A file that is not a text page (binary, JSON, XML,
 * HTML: told by its content) is not cleaned: NULL, *cause "not a text
 * page (JSON)", and *kind says which (PAGE_TEXT otherwise, kind may be
 * NULL). notes as clean_page() takes them.
 */
struct article	*page_clean(const char *raw, size_t len,
		    const struct page_opts *, char hash[65],
		    struct clean_notes *notes, enum page_kind *kind,
		    char **cause);

/* The same for the file at path ("-": standard input). */
struct article	*page_load(const char *path, const struct page_opts *,
		    char hash[65], struct clean_notes *notes,
		    enum page_kind *kind, char **cause);

/* Today's date, local time, for clean_opts.today. */
void		 page_today(struct article_date *);

#endif
