/* date.c: finding and checking dates in Vietnamese and English text. */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "date.h"

static const char *months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

int
date_valid(int year, int month, int day)
{
	static const int mdays[] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int	leap;

	if (month < 1 || month > 12 || day < 1)
		return 0;
	if (year != 0 && (year < 1900 || year > 2199))
		return 0;
	if (day > mdays[month - 1])
		return 0;
	if (month == 2 && day == 29 && year != 0) {
		leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
		return leap;
	}
	return 1;
}

/* Read 1 to max digits at s[*i]; -1 when none or more than max. */
static int
num(const char *s, size_t *i, int max)
{
	int	v = 0, n = 0;

	while (isdigit((unsigned char)s[*i])) {
		if (++n > max)
			return -1;
		v = v * 10 + (s[*i] - '0');
		(*i)++;
	}
	return n == 0 ? -1 : v;
}

static size_t
digits_at(const char *s, size_t i)
{
	size_t	n = 0;

	while (isdigit((unsigned char)s[i + n]))
		n++;
	return n;
}

static size_t
skip_space(const char *s, size_t i)
{
	for (;;) {
		if (s[i] == ' ' || s[i] == '\t')
			i++;
		else if ((unsigned char)s[i] == 0xC2 &&
		    (unsigned char)s[i + 1] == 0xA0)
			i += 2;
		else
			return i;
	}
}

/* Match an English month name (full or three letters) at s[*i]. */
static int
month_name(const char *s, size_t *i)
{
	size_t	n = 0, k;

	while (isalpha((unsigned char)s[*i + n]))
		n++;
	if (n < 3)
		return 0;
	for (k = 0; k < 12; k++) {
		if ((n == strlen(months[k]) || n == 3 || (n == 4 && k == 8)) &&
		    strncasecmp(s + *i, months[k], n) == 0) {
			*i += n;
			if (s[*i] == '.')
				(*i)++;	/* "Nov. 19", "Sept. 3" */
			return (int)k + 1;
		}
	}
	return 0;
}

/* Match a word at s[*i], ASCII case-insensitively; advance on success. */
static int
word(const char *s, size_t *i, const char *w)
{
	size_t	n = strlen(w);

	if (strncasecmp(s + *i, w, n) != 0)
		return 0;
	*i += n;
	return 1;
}

/* An optional year after a day and month: "/2024", " năm 2024", ", 2024". */
static int
year_after(const char *s, size_t *i, int sep)
{
	size_t	j = *i;
	int	y;

	if (sep != 0) {
		if (s[j] != sep || digits_at(s, j + 1) != 4)
			return 0;
		j++;
	} else {
		if (s[j] == ',')
			j++;
		j = skip_space(s, j);
		if (word(s, &j, "n\xc4\x83m"))
			j = skip_space(s, j);
		if (digits_at(s, j) != 4)
			return 0;
	}
	y = num(s, &j, 4);
	*i = j;
	return y;
}

/*
 * Whether a word that names a day or a part of one stands just before
 * s[p]: "ngày 15-3", "sáng 7.11", "hôm 25-3". Then "D-M" and "D.M"
 * without a year are dates too.
 */
static int
day_word_before(const char *s, size_t p)
{
	static const char *words[] = {
		"ng\xc3\xa0y ", "s\xc3\xa1ng ", "chi\xe1\xbb\x81u ",
		"t\xe1\xbb\x91i ", "tr\xc6\xb0" "a ", "\xc4\x91\xc3\xaam ",
		"h\xc3\xb4m ", "Ng\xc3\xa0y ", "S\xc3\xa1ng ",
		"Chi\xe1\xbb\x81u ", "T\xe1\xbb\x91i ", "Tr\xc6\xb0" "a ",
		"\xc4\x90\xc3\xaam ", "H\xc3\xb4m ",
	};
	size_t	k, n;

	for (k = 0; k < sizeof words / sizeof words[0]; k++) {
		n = strlen(words[k]);
		if (p >= n && memcmp(s + p - n, words[k], n) == 0)
			return 1;
	}
	return 0;
}

/* Try to read a date starting with the digits at s[p]; 1 on success. */
static int
try_at(const char *s, size_t p, struct article_date *d, size_t *end)
{
	size_t	i = p, j;
	int	a, b, c, y = 0, nd;

	nd = (int)digits_at(s, p);
	a = num(s, &i, 4);
	if (nd == 4) {
		/* ISO 2024-03-25 or 2024/03/25 */
		if ((s[i] != '-' && s[i] != '/') || digits_at(s, i + 1) > 2)
			return 0;
		c = s[i++];
		if ((b = num(s, &i, 2)) < 0 || s[i] != c)
			return 0;
		i++;
		if ((nd = num(s, &i, 2)) < 0)
			return 0;
		d->year = a;
		d->month = b;
		d->day = nd;
		goto done;
	}
	if (nd > 2)
		return 0;
	switch (s[i]) {
	case '/':
		i++;
		if (digits_at(s, i) > 2 || (b = num(s, &i, 2)) < 0)
			return 0;
		y = year_after(s, &i, '/');
		if (y == 0 && s[i] == '/' && isdigit((unsigned char)s[i + 1]))
			return 0;	/* "13/5/20221": not a date */
		break;
	case '-':
	case '.':
		c = s[i++];
		if (digits_at(s, i) > 2 || (b = num(s, &i, 2)) < 0)
			return 0;
		if (c == '-' && s[i] == '/' && digits_at(s, i + 1) <= 2) {
			/* a range of days: "1-5/4" starts on 1 April */
			i++;
			b = num(s, &i, 2);
			y = year_after(s, &i, '/');
			break;
		}
		if ((y = year_after(s, &i, c)) == 0 && !day_word_before(s, p))
			return 0;	/* "15-3" alone: a score, a range... */
		if (y == 0 && s[i] == c && isdigit((unsigned char)s[i + 1]))
			return 0;
		break;
	default:
		j = skip_space(s, i);
		if (j == i)
			return 0;
		i = j;
		if (word(s, &i, "th\xc3\xa1ng")) {
			i = skip_space(s, i);
			if (digits_at(s, i) > 2 || (b = num(s, &i, 2)) < 0)
				return 0;
			j = i;
			if ((y = year_after(s, &j, 0)) != 0)
				i = j;
			else if ((y = year_after(s, &j, '/')) != 0)
				i = j;
		} else if ((b = month_name(s, &i)) != 0) {
			j = i;
			if ((y = year_after(s, &j, 0)) != 0)
				i = j;
		} else
			return 0;
		break;
	}
	d->year = y;
	d->month = b;
	d->day = a;
done:
	if (isdigit((unsigned char)s[i]))
		return 0;
	if (!date_valid(d->year, d->month, d->day))
		return 0;
	*end = i;
	return 1;
}

/* "March 25, 2024" at s[p] (a letter); 1 on success. */
static int
try_english(const char *s, size_t p, struct article_date *d, size_t *end)
{
	size_t	i = p, j;
	int	m, day, y;

	if ((m = month_name(s, &i)) == 0 || isalpha((unsigned char)s[i]))
		return 0;
	i = skip_space(s, i);
	if (digits_at(s, i) == 0 || digits_at(s, i) > 2)
		return 0;
	day = num(s, &i, 2);
	if (strncmp(s + i, "st", 2) == 0 || strncmp(s + i, "nd", 2) == 0 ||
	    strncmp(s + i, "rd", 2) == 0 || strncmp(s + i, "th", 2) == 0)
		i += 2;	/* 1st, 2nd, 3rd, 4th */
	j = i;
	if ((y = year_after(s, &j, 0)) == 0)
		return 0;	/* "May 5" alone is too often not a date */
	if (isdigit((unsigned char)s[j]) || !date_valid(y, m, day))
		return 0;
	d->year = y;
	d->month = m;
	d->day = day;
	*end = j;
	return 1;
}

int
date_find(const char *s, struct article_date *d, size_t *start,
    size_t *end)
{
	struct article_date	t;
	size_t			i, e;
	unsigned char		prev;

	for (i = 0; s[i] != '\0'; i++) {
		prev = i > 0 ? (unsigned char)s[i - 1] : ' ';
		if (isdigit((unsigned char)s[i])) {
			if (isdigit(prev) || isalpha(prev) || prev == '/' ||
			    prev == '.' || prev == ',' || prev == '-' ||
			    prev == ':')
				continue;
			if (!try_at(s, i, &t, &e))
				continue;
		} else if (isalpha((unsigned char)s[i]) && !isalpha(prev) &&
		    prev < 0x80) {
			if (!try_english(s, i, &t, &e))
				continue;
		} else
			continue;
		*d = t;
		if (start != NULL)
			*start = i;
		if (end != NULL)
			*end = e;
		return 1;
	}
	return 0;
}
