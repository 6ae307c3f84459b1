/* clean.h: a scraped news page to a clean article. Pure: no I/O. */
#ifndef NEWSREAD_CLEAN_H
#define NEWSREAD_CLEAN_H

#include <stddef.h>

#include "article.h"

/*
 * Clean the page text s[0..len) (valid UTF-8, as decode_page() returns
 * it) into a new article (the caller frees it with article_free()). The
 * title is never NULL; every other field may be.
 */
struct article	*clean_page(const char *s, size_t len);

#endif
