/* output.c: what the commands print, in text for people. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "output.h"
#include "store.h"
#include "text.h"

void
out_safe(FILE *fp, const char *s)
{
	char	*t = text_sanitize(s, 0);

	fputs(t, fp);
	free(t);
}

void
out_pad(FILE *fp, const char *s, int width)
{
	char	*t = text_sanitize(s, 0);
	int	 w = text_width(t);

	fputs(t, fp);
	for (; w < width; w++)
		fputc(' ', fp);
	free(t);
}

static void
field(FILE *fp, const char *name, const char *value)
{
	if (value == NULL)
		return;
	fprintf(fp, "%s: ", name);
	out_safe(fp, value);
	fputc('\n', fp);
}

/*
 * Print s sanitised, wrapped at spaces to width display columns (0: one
 * line), each line after the first indented by indent spaces.
 */
static void
out_para(FILE *fp, const char *s, int width, int indent)
{
	struct text_line	*tl;
	char			*t = text_sanitize(s, 0);
	size_t			 n, k;

	if (width <= indent + 10) {
		fputs(t, fp);
		free(t);
		return;
	}
	n = text_wrap(t, width - indent, &tl);
	for (k = 0; k < n; k++) {
		if (k > 0)
			fprintf(fp, "\n%*s", indent, "");
		fwrite(t + tl[k].off, 1, tl[k].len, fp);
	}
	free(tl);
	free(t);
}

void
out_article(FILE *fp, const struct article *a, int width,
    enum article_date_style style)
{
	char	date[32];
	size_t	i;

	field(fp, "Title", a->title);
	field(fp, "Source", a->source);
	field(fp, "Author", a->author);
	if (article_date_show(&a->date, style, date) != NULL) {
		/* a date read from the article's text says so */
		if (a->dated == ARTICLE_DATED_TEXT)
			strcat(date, " (from the text)");
		field(fp, "Date", date);
	}
	field(fp, "URL", a->url);
	if (a->lead != NULL) {
		fputc('\n', fp);
		out_para(fp, a->lead, width, 0);
		fputc('\n', fp);
	}
	for (i = 0; i < a->body.n; i++) {
		fputc('\n', fp);
		out_para(fp, a->body.v[i], width, 0);
		fputc('\n', fp);
	}
	for (i = 0; i < a->captions.n; i++) {
		fputs(i == 0 ? "\n[caption] " : "[caption] ", fp);
		out_para(fp, a->captions.v[i], width > 0 ? width - 10 : 0, 0);
		fputc('\n', fp);
	}
}

void
out_row_json(FILE *fp, const struct store_row *r, int search)
{
	struct buf	b = { 0 };

	buf_printf(&b, "{\"id\":%" PRId64 ",\"date\":", r->id);
	json_str(&b, *r->date != '\0' ? r->date : NULL);
	buf_adds(&b, ",\"date_from\":");
	json_str(&b, *r->date != '\0' ? article_dated_name(r->dated) : NULL);
	buf_adds(&b, ",\"source\":");
	json_str(&b, *r->source != '\0' ? r->source : NULL);
	buf_adds(&b, ",\"title\":");
	json_str(&b, r->title);
	if (search) {
		buf_adds(&b, ",\"snippet\":");
		json_str(&b, r->snippet);
	} else
		buf_printf(&b, ",\"bookmarked\":%s,\"unread\":%s",
		    r->bookmarked ? "true" : "false",
		    r->unread ? "true" : "false");
	if (r->outlets > 0)	/* by stories */
		buf_printf(&b, ",\"versions\":%d,\"outlets\":%d",
		    r->versions, r->outlets);
	buf_adds(&b, "}\n");
	fputs(b.s, fp);
	buf_free(&b);
}

void
out_row(FILE *fp, const struct store_row *r, int srcw,
    enum article_date_style style)
{
	struct article_date	 d;
	char			 buf[32];
	const char		*date = "-";

	if (article_date_parse(r->date, &d) == 0 &&
	    article_date_show(&d, style, buf) != NULL)
		date = buf;
	/* "~": a date read from the article's text, not the page's own */
	fprintf(fp, "%6" PRId64 "  %s%-10s  ", r->id,
	    r->dated == ARTICLE_DATED_TEXT ? "~" : " ", date);
	out_pad(fp, *r->source != '\0' ? r->source : "-", srcw);
	fputs("  ", fp);
	out_safe(fp, r->title);
	if (r->versions > 0)	/* by stories: the other versions */
		fprintf(fp, "  +%d", r->versions);
	fputc('\n', fp);
}

void
out_article_json(FILE *fp, int64_t id, const char *path,
    const struct article *a, int bookmarked, int unread)
{
	struct buf	b = { 0 };

	buf_printf(&b, "{\"id\":%" PRId64 ",\"file\":", id);
	json_str(&b, path);
	json_article_fields(&b, a);
	buf_printf(&b, ",\"bookmarked\":%s,\"unread\":%s}\n",
	    bookmarked ? "true" : "false", unread ? "true" : "false");
	fputs(b.s, fp);
	buf_free(&b);
}
