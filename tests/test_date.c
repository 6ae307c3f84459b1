/* test_date.c: every date form the cleaner reads, and bad dates. */
#include "config.h"

#include "date.h"
#include "tap.h"

static const struct {
	const char	*text;
	const char	*want;	/* NULL: no date */
} cases[] = {
	{ "ng\xc3\xa0y 28/1, Ngo\xe1\xba\xa1i tr\xc6\xb0\xe1\xbb\x9fng", "--01-28" },
	{ "S\xc3\xa1ng 13/5/2022, trong th\xe1\xbb\x9di gian", "2022-05-13" },
	{ "26/03/2024", "2024-03-26" },
	{ "25-3-2024", "2024-03-25" },
	{ "h\xc3\xb4m 25/3 c\xc3\xb3 cu\xe1\xbb\x99" "c g\xe1\xba\xb7p", "--03-25" },
	{ "Monday, 25 March 2024", "2024-03-25" },
	{ "Th\xe1\xbb\xa9 Hai, 25/3/2024, 10:30 (GMT+7)", "2024-03-25" },
	{ "25 th\xc3\xa1ng 3 n\xc4\x83m 2024", "2024-03-25" },
	{ "ng\xc3\xa0y 5 th\xc3\xa1ng 9", "--09-05" },
	{ "March 25, 2024", "2024-03-25" },
	{ "2024-03-25T10:00", "2024-03-25" },
	{ "25.3.2024", "2024-03-25" },
	{ "t\xe1\xbb\xab ng\xc3\xa0y 1-5/4, Ngo\xe1\xba\xa1i", "--04-01" },
	{ "ng\xc3\xa0y 31/2", NULL },
	{ "29/2/2023", NULL },
	{ "29/2/2024", "2024-02-29" },
	{ "ng\xc3\xa0y 29/2", "--02-29" },
	{ "0:00 / 0:00", NULL },
	{ "10:30", NULL },
	{ "100.000 c\xc3\xb4ng d\xc3\xa2n", NULL },
	{ "nhi\xe1\xbb\x87m k\xe1\xbb\xb3 2026-2031", NULL },
	{ "th\xc3\xa1ng 2/2020", NULL },
	{ "13/5/20221", NULL },
	{ "32/1/2024", NULL },
	{ "1/13", NULL },
	{ "", NULL },
	{ "S\xc3\xa1ng 15-3, c\xe1\xbb\xad tri", "--03-15" },
	{ "v\xc3\xa0o 4 gi\xe1\xbb\x9d ng\xc3\xa0y 7.11 (gi\xe1\xbb\x9d", "--11-07" },
	{ "t\xe1\xbb\x89 s\xe1\xbb\x91 15-3 nghi\xc3\xaang", NULL },
	{ "ng\xc3\xa0y 1.2.3", NULL },
	{ "May", NULL },
	{ "May 5s", NULL },	/* found by the fuzzer: read past the end */
	{ "May 5th, 2024", "2024-05-05" },
};

int
main(void)
{
	struct article_date	d;
	char			buf[11];
	size_t			i;
	const char		*got;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = date_find(cases[i].text, &d, NULL, NULL) ?
		    article_date_format(&d, buf) : NULL;
		is_str(got, cases[i].want, "date in '%s'", cases[i].text);
	}
	ok(date_valid(0, 2, 29), "29 February with no year is possible");
	ok(!date_valid(2023, 2, 29), "29 February 2023 is not");
	ok(!date_valid(2024, 4, 31), "31 April is not");
	ok(article_date_parse("--03-25", &d) == 0 && d.year == 0 &&
	    d.month == 3 && d.day == 25, "--MM-DD parses with no year");
	ok(article_date_parse("2024-13-01", &d) != 0, "month 13 is refused");
	ok(article_date_parse("", &d) != 0, "empty date is refused");
	return done_testing();
}
