/* json.c: writing JSON strings and articles. */
#include "config.h"

#include <stdio.h>

#include "json.h"

/*
 * The code point of a character JSON escapes though it is valid there,
 * at p (UTF-8), or 0: the bidirectional controls (U+061C, U+200E,
 * U+200F, U+202A..U+202E, U+2066..U+2069), which reorder what a terminal
 * or an editor shows of the text around them, and the line and
 * paragraph separators (U+2028, U+2029), which end a line in some
 * readers. Three bytes but U+061C's two; *n says how many.
 */
static unsigned
unseen(const unsigned char *p, int *n)
{
	*n = 3;
	if (p[0] == 0xD8 && p[1] == 0x9C) {
		*n = 2;
		return 0x061C;
	}
	if (p[0] != 0xE2)
		return 0;
	if (p[1] == 0x80 && (p[2] == 0x8E || p[2] == 0x8F ||
	    (p[2] >= 0xA8 && p[2] <= 0xAE)))
		return 0x2000 | (p[2] & 0x3F);
	if (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
		return 0x2040 | (p[2] & 0x3F);
	return 0;
}

void
json_str(struct buf *b, const char *s)
{
	const unsigned char	*p;
	char			 esc[8];
	unsigned		 cp;
	int			 n;

	if (s == NULL) {
		buf_adds(b, "null");
		return;
	}
	buf_addc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			buf_adds(b, "\\\"");
			break;
		case '\\':
			buf_adds(b, "\\\\");
			break;
		case '\n':
			buf_adds(b, "\\n");
			break;
		case '\t':
			buf_adds(b, "\\t");
			break;
		case '\r':
			buf_adds(b, "\\r");
			break;
		default:
			if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
				/* C1 controls, escaped so no terminal acts */
				snprintf(esc, sizeof esc, "\\u%04x", p[1]);
				buf_adds(b, esc);
				p++;
			} else if (*p < 0x20 || *p == 0x7f) {
				snprintf(esc, sizeof esc, "\\u%04x", *p);
				buf_adds(b, esc);
			} else if ((cp = unseen(p, &n)) != 0) {
				snprintf(esc, sizeof esc, "\\u%04x", cp);
				buf_adds(b, esc);
				p += n - 1;
			} else
				buf_addc(b, (char)*p);
		}
	}
	buf_addc(b, '"');
}

void
json_strv(struct buf *b, const struct strv *sv)
{
	size_t	i;

	buf_addc(b, '[');
	for (i = 0; i < sv->n; i++) {
		if (i > 0)
			buf_addc(b, ',');
		json_str(b, sv->v[i]);
	}
	buf_addc(b, ']');
}

void
json_article_fields(struct buf *b, const struct article *a)
{
	char	date[11];

	buf_adds(b, ",\"title\":");
	json_str(b, a->title != NULL && *a->title != '\0' ? a->title : NULL);
	buf_adds(b, ",\"source\":");
	json_str(b, a->source);
	buf_adds(b, ",\"author\":");
	json_str(b, a->author);
	buf_adds(b, ",\"date\":");
	json_str(b, article_date_format(&a->date, date));
	buf_adds(b, ",\"date_from\":");
	json_str(b, a->date.month != 0 ? article_dated_name(a->dated) : NULL);
	buf_adds(b, ",\"url\":");
	json_str(b, a->url);
	buf_adds(b, ",\"lead\":");
	json_str(b, a->lead);
	buf_adds(b, ",\"body\":");
	json_strv(b, &a->body);
	buf_adds(b, ",\"captions\":");
	json_strv(b, &a->captions);
}
