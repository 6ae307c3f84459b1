/*
 * page.c: one page from its bytes to an article: decode, hash, clean. An
 * HTML page (by its content, whatever its name) is read by html.c first,
 * its blocks and markup going to the cleaner together.
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "decode.h"
#include "html.h"
#include "page.h"
#include "sha256.h"
#include "util.h"

/* page_clean() for an HTML page. */
static struct article *
page_clean_html(const char *raw, size_t len, const struct page_opts *opts,
    char hash[65], struct clean_notes *notes, char **cause)
{
	struct html_page	 page;
	struct article		*a;

	if (html_read(raw, len, opts->encoding, &page, cause) != 0)
		return NULL;
	if (hash != NULL)
		sha256_hex(raw, len, hash);
	a = clean_page_marked(page.text, page.len, &page.markup, &opts->clean,
	    notes);
	html_page_free(&page);
	return a;
}

struct article *
page_clean(const char *raw, size_t len, const struct page_opts *opts,
    char hash[65], struct clean_notes *notes, char **cause)
{
	struct article	*a;
	char		*text;
	size_t		 tlen;

	*cause = NULL;
	if (html_is_page(raw, len))
		return page_clean_html(raw, len, opts, hash, notes, cause);
	text = decode_page(raw, len, opts->encoding, &tlen, cause);
	if (text == NULL)
		return NULL;
	if (hash != NULL)
		sha256_hex(raw, len, hash);
	a = clean_page(text, tlen, &opts->clean, notes);
	free(text);
	return a;
}

struct article *
page_load(const char *path, const struct page_opts *opts, char hash[65],
    struct clean_notes *notes, char **cause)
{
	struct article	*a;
	char		*raw;
	size_t		 len;

	if ((raw = util_read_file(path, DECODE_MAX_PAGE, &len, cause)) == NULL)
		return NULL;
	a = page_clean(raw, len, opts, hash, notes, cause);
	free(raw);
	return a;
}

void
page_today(struct article_date *d)
{
	time_t		now = time(NULL);
	struct tm	tm;

	if (localtime_r(&now, &tm) == NULL) {
		d->year = d->month = d->day = 0;
		return;
	}
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
}
