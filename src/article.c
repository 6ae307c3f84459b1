/* article.c: allocation and formatting of struct article. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "date.h"

struct article *
article_new(void)
{
	return xcalloc(1, sizeof(struct article));
}

void
article_free(struct article *a)
{
	if (a == NULL)
		return;
	free(a->title);
	free(a->source);
	free(a->author);
	free(a->url);
	free(a->lead);
	strv_free(&a->body);
	strv_free(&a->captions);
	free(a);
}

char *
article_date_format(const struct article_date *d, char *buf)
{
	if (d->month == 0)
		return NULL;
	if (d->year == 0)
		snprintf(buf, 11, "--%02d-%02d", d->month, d->day);
	else
		snprintf(buf, 11, "%04d-%02d-%02d", d->year, d->month, d->day);
	return buf;
}

char *
article_date_show(const struct article_date *d,
    enum article_date_style style, char *buf)
{
	int	a = d->day, b = d->month;

	if (d->month == 0)
		return NULL;
	if (style == DATE_ISO)
		return article_date_format(d, buf);
	if (style == DATE_MDY) {
		a = d->month;
		b = d->day;
	}
	if (d->year == 0)
		snprintf(buf, 11, "%02d/%02d", a, b);
	else
		snprintf(buf, 11, "%02d/%02d/%04d", a, b, d->year);
	return buf;
}

int
article_date_parse(const char *s, struct article_date *d)
{
	int	y = 0, m, dd, n = 0;

	if (strncmp(s, "--", 2) == 0) {
		if (sscanf(s, "--%2d-%2d%n", &m, &dd, &n) != 2 ||
		    s[n] != '\0')
			return -1;
	} else if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &dd, &n) != 3 ||
	    s[n] != '\0' || y == 0)
		return -1;
	if (!date_valid(y, m, dd))
		return -1;
	d->year = y;
	d->month = m;
	d->day = dd;
	return 0;
}

const char *
article_dated_name(enum article_dated d)
{
	switch (d) {
	case ARTICLE_DATED_PAGE:
		return "page";
	case ARTICLE_DATED_TEXT:
		return "text";
	default:
		return NULL;
	}
}

enum article_dated
article_dated_parse(const char *s)
{
	if (s != NULL && strcmp(s, "page") == 0)
		return ARTICLE_DATED_PAGE;
	if (s != NULL && strcmp(s, "text") == 0)
		return ARTICLE_DATED_TEXT;
	return ARTICLE_DATED_NONE;
}

char *
article_join(const struct strv *sv, const char *sep)
{
	struct buf	b = { 0 };
	size_t		i;

	for (i = 0; i < sv->n; i++) {
		if (i > 0)
			buf_adds(&b, sep);
		buf_adds(&b, sv->v[i]);
	}
	return buf_take(&b);
}
