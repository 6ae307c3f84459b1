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

/*
 * Decode, hash and clean the page raw[0..len). Returns the article (the
 * caller frees it) and writes the SHA-256 of the raw bytes into hash when
 * it is not NULL; or returns NULL with an allocated *cause saying why the
 * page was rejected. notes as clean_page() takes them.
 */
struct article	*page_clean(const char *raw, size_t len,
		    const struct page_opts *, char hash[65],
		    struct clean_notes *notes, char **cause);

/* The same for the file at path ("-": standard input). */
struct article	*page_load(const char *path, const struct page_opts *,
		    char hash[65], struct clean_notes *notes, char **cause);

/* Today's date, local time, for clean_opts.today. */
void		 page_today(struct article_date *);

#endif
