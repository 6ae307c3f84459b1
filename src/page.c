/*
 * page.c: one page from its bytes to an article: decode, hash, clean. An
 * HTML page (by its content, whatever its name) is read by html.c first,
 * its blocks and markup going to the cleaner together.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

const char *
page_kind_name(enum page_kind k)
{
	static const char *names[] = { "text", "binary", "JSON", "XML",
	    "HTML" };

	return names[k];
}

/* Bytes that begin files that are not text. */
static int
binary_magic(const char *raw, size_t len)
{
	static const struct {
		const char	*bytes;
		size_t		 len;
	} magic[] = {
		{ "\x89PNG", 4 }, { "\xff\xd8\xff", 3 }, { "GIF8", 4 },
		{ "%PDF-", 5 }, { "PK\x03\x04", 4 }, { "\x1f\x8b", 2 },
		{ "\x7f" "ELF", 4 }, { "BZh", 3 }, { "7z\xbc\xaf", 4 },
		{ "RIFF", 4 }, { "OggS", 4 }, { "ID3", 3 },
		{ "SQLite format 3", 16 }, { "\xfd" "7zXZ", 5 },
	};
	size_t	i;

	for (i = 0; i < sizeof magic / sizeof magic[0]; i++) {
		if (len >= magic[i].len &&
		    memcmp(raw, magic[i].bytes, magic[i].len) == 0)
			return 1;
	}
	return 0;
}

/*
 * Whether raw bytes (read as UTF-8, no --encoding) are not text: a known
 * file signature, or control bytes (NUL among them, unless they are
 * UTF-16's) in more than a tenth of the first 4 KiB.
 */
static int
is_binary(const char *raw, size_t len)
{
	size_t	i, n = len < 4096 ? len : 4096, ctl = 0;
	int	bom16 = len >= 2 && (memcmp(raw, "\xff\xfe", 2) == 0 ||
		    memcmp(raw, "\xfe\xff", 2) == 0);

	if (binary_magic(raw, len))
		return 1;
	if (bom16 || decode_utf16_like(raw, len))
		return 0;	/* decoded, or refused with the fix */
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)raw[i];

		ctl += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		    c != '\f' && c != '\v') || c == 0x7f;
	}
	return ctl > 1 && ctl * 10 > n;
}

/* The text after leading white space. */
static const char *
skip_space(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' ||
	    *s == '\r' || *s == '\f'))
		s++;
	return s;
}

/* Whether s[0..len) holds needle, ignoring ASCII case. */
static int
has_ci(const char *s, size_t len, const char *needle)
{
	size_t	i, n = strlen(needle);

	for (i = 0; i + n <= len; i++) {
		if (strncasecmp(s + i, needle, n) == 0)
			return 1;
	}
	return 0;
}

/* What the decoded text is: a JSON or XML document, HTML, or a page. */
static enum page_kind
text_kind(const char *text, size_t len)
{
	const char	*end = text + len, *p = skip_space(text, end), *q;
	const char	*last = end;

	while (last > p && strchr(" \t\n\r\f", last[-1]) != NULL)
		last--;
	if (html_is_page(text, len))
		return PAGE_HTML;
	if (p < end && *p == '<' && (has_ci(p, 6, "<?xml") ||
	    has_ci(p, 5, "<rss") || has_ci(p, 6, "<feed")))
		return PAGE_XML;
	if (p < end && (*p == '{' || *p == '[') && last > p) {
		q = skip_space(p + 1, end);
		if (q < end && ((*p == '{' && (*q == '"' || *q == '}') &&
		    last[-1] == '}') || (*p == '[' && strchr("{[\"]", *q) !=
		    NULL && last[-1] == ']')))
			return PAGE_JSON;
	}
	return PAGE_TEXT;
}

struct article *
page_clean(const char *raw, size_t len, const struct page_opts *opts,
    char hash[65], struct clean_notes *notes, enum page_kind *kind,
    char **cause)
{
	struct article	*a;
	char		*text;
	size_t		 tlen;
	enum page_kind	 k = PAGE_TEXT;

	*cause = NULL;
	if (kind != NULL)
		*kind = PAGE_TEXT;
	if (html_is_page(raw, len))
		return page_clean_html(raw, len, opts, hash, notes, cause);
	if (opts->encoding == NULL && is_binary(raw, len))
		k = PAGE_BINARY;
	text = k == PAGE_TEXT ? decode_page(raw, len, opts->encoding, &tlen,
	    cause) : NULL;
	if (text != NULL && (k = text_kind(text, tlen)) == PAGE_HTML) {
		/* HTML only once decoded (--encoding): read as UTF-8 now */
		struct page_opts	utf8 = *opts;

		utf8.encoding = NULL;
		a = page_clean_html(text, tlen, &utf8, NULL, notes, cause);
		if (a != NULL && hash != NULL)
			sha256_hex(raw, len, hash);
		free(text);
		return a;
	}
	if (text != NULL && k != PAGE_TEXT) {
		free(text);
		text = NULL;
	}
	if (kind != NULL)
		*kind = k;
	if (k != PAGE_TEXT)
		*cause = xasprintf("not a text page (%s)", page_kind_name(k));
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
    struct clean_notes *notes, enum page_kind *kind, char **cause)
{
	struct article	*a;
	char		*raw;
	size_t		 len;

	if (kind != NULL)
		*kind = PAGE_TEXT;
	if ((raw = util_read_file(path, DECODE_MAX_PAGE, &len, cause)) == NULL)
		return NULL;
	a = page_clean(raw, len, opts, hash, notes, kind, cause);
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
