/* date.h: finding and checking dates in Vietnamese and English text. */
#ifndef NEWSREAD_DATE_H
#define NEWSREAD_DATE_H

#include <stddef.h>

#include "article.h"

/* Whether the date exists; year 0 (unknown) allows 29 February. */
int	date_valid(int year, int month, int day);

/*
 * Find the first date in s: "28/1", "13/5/2022", "26/03/2024",
 * "25-3-2024", "2024-03-25", "25 tháng 3 năm 2024", "Monday, 25 March
 * 2024", "March 25, 2024", "Thứ Hai, 25/3/2024, 10:30 (GMT+7)". A day and
 * month without a year give year 0; impossible dates are skipped.
 * Returns 1 and fills *d (and *start, *end with the byte range when they
 * are not NULL), or 0 when s holds no date.
 */
int	date_find(const char *s, struct article_date *d, size_t *start,
	    size_t *end);

#endif
