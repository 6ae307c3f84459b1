/* test_clean.c: one small page a rule of the cleaner, and normalisation. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "tap.h"

#define P1 "Chi\xe1\xbb\x81u qua, h\xe1\xbb\x99i ngh\xe1\xbb\x8b th\xc3\xa0nh " \
    "ph\xe1\xbb\x91 \xc4\x91\xc3\xa3 th\xe1\xba\xa3o lu\xe1\xba\xad" "n k\xe1" \
    "\xba\xbf ho\xe1\xba\xa1" "ch x\xc3\xa2y d\xe1\xbb\xb1ng c\xc3\xa2y c\xe1" \
    "\xba\xa7u m\xe1\xbb\x9bi qua s\xc3\xb4ng trong n\xc4\x83m t\xe1\xbb\x9bi."
#define P2 "C\xc3\xa1" "c \xc4\x91\xe1\xba\xa1i bi\xe1\xbb\x83u cho r\xe1" \
    "\xba\xb1ng d\xe1\xbb\xb1 \xc3\xa1n c\xe1\xba\xa7n \xc4\x91\xc6\xb0\xe1" \
    "\xbb\xa3" "c l\xe1\xba\xa5y \xc3\xbd ki\xe1\xba\xbfn ng\xc6\xb0\xe1\xbb" \
    "\x9di d\xc3\xa2n tr\xc6\xb0\xe1\xbb\x9b" "c khi kh\xe1\xbb\x9fi c\xc3\xb4ng."
#define P3 "Theo k\xe1\xba\xbf ho\xe1\xba\xa1" "ch, c\xc3\xa2y c\xe1\xba\xa7u " \
    "d\xc3\xa0i h\xc6\xa1n hai ki-l\xc3\xb4-m\xc3\xa9t v\xc3\xa0 c\xc3\xb3 " \
    "b\xe1\xbb\x91n l\xc3\xa0n xe, d\xe1\xbb\xb1 ki\xe1\xba\xbfn ho\xc3\xa0n " \
    "th\xc3\xa0nh sau ba n\xc4\x83m thi c\xc3\xb4ng."
#define TITLE "Th\xc3\xa0nh ph\xe1\xbb\x91 b\xc3\xa0n k\xe1\xba\xbf ho\xe1" \
    "\xba\xa1" "ch x\xc3\xa2y c\xe1\xba\xa7u m\xe1\xbb\x9bi"
#define CAPTION "C\xc3\xa2y c\xe1\xba\xa7u c\xc5\xa9 nh\xc3\xacn t\xe1\xbb\xab " \
    "tr\xc3\xaan cao. (\xe1\xba\xa2nh: TTXVN)"
#define RELATED "Gi\xc3\xa1 x\xc4\x83ng h\xc3\xb4m nay t\xc4\x83ng nh\xe1\xba\xb9"
#define TEASER "Gi\xc3\xa1 x\xc4\x83ng trong n\xc6\xb0\xe1\xbb\x9b" "c h\xc3\xb4m " \
    "nay ti\xe1\xba\xbfp t\xe1\xbb\xa5" "c t\xc4\x83ng nh\xe1\xba\xb9 t\xe1\xba\xa1i " \
    "c\xc3\xa1" "c c\xe1\xbb\xad" "a h\xc3\xa0ng b\xc3\xa1n l\xe1\xba\xbb..."

#define SENT_DATE "\xc4\x90\xe1\xbb\xa3t ti\xe1\xba\xbfp theo d\xe1\xbb\xb1 " \
    "ki\xe1\xba\xbfn di\xe1\xbb\x85n ra ng\xc3\xa0y 21/8."
#define HEAD_PEG "C\xe1\xba\xaft \xc4\x91i\xe1\xbb\x87n ng\xc3\xa0y 14/8: " \
    "b\xe1\xbb\x91n ph\xc6\xb0\xe1\xbb\x9dng m\xe1\xba\xa5t \xc4\x91i\xe1\xbb\x87n"
#define HEAD_TIME "S\xc3\xa1ng 12/6, H\xc3\xa0 N\xe1\xbb\x99i m\xc6\xb0" \
    "a l\xe1\xbb\x9bn"
#define HEAD_BANG "L\xc3\xa3ng ph\xc3\xad h\xc3\xa0ng tr\xc4\x83m t\xe1\xbb\x89 " \
    "\xc4\x91\xe1\xbb\x93ng t\xe1\xbb\xab c\xc3\xa1" "c c\xe1\xba\xa3ng c\xc3\xa1!"
#define SUB1 "Gi\xc3\xa1 v\xc3\xa0ng trong n\xc6\xb0\xe1\xbb\x9b" "c"
#define SUB2 "Gi\xc3\xa1 v\xc3\xa0ng th\xe1\xba\xbf gi\xe1\xbb\x9bi"
#define ROW1 "M\xe1\xba\xb7t h\xc3\xa0ng | Gi\xc3\xa1 c\xc5\xa9 | " \
    "Gi\xc3\xa1 m\xe1\xbb\x9bi |"
#define ROW2 "X\xc4\x83ng RON95 | 23.200 | 24.070 |"
#define ROW3 "D\xe1\xba\xa7u diesel | 20.500 | 21.100 |"
#define MENU1 "Th\xe1\xbb\x9di s\xe1\xbb\xb1 | Kinh t\xe1\xba\xbf | " \
    "Th\xe1\xbb\x83 thao | Gi\xe1\xba\xa3i tr\xc3\xad"
#define MENU2 "Gi\xe1\xbb\x9bi thi\xe1\xbb\x87u | Li\xc3\xaan h\xe1\xbb\x87 | " \
    "Qu\xe1\xba\xa3ng c\xc3\xa1o | RSS"
#define TAIL_CAPTION "\xc4\x90\xc6\xb0\xe1\xbb\x9dng l\xc3\xaan c\xe1\xba\xa7u " \
    "m\xe1\xbb\x9bi. \xe1\xba\xa2nh: Minh Anh"
#define DL_PLACE "H\xc3\xa0 N\xe1\xbb\x99i, ng\xc3\xa0y 12/3/2024"
#define DL_OFFICE "Trung t\xc3\xa2m Tin t\xe1\xbb\xa9" "c VTV24 - " \
    "Th\xe1\xbb\xa9 b\xe1\xba\xa3y, 22/08/2015 15:27"

static struct article *
cl(const char *page)
{
	return clean_page(page, strlen(page), NULL, NULL);
}

static int
body_has(const struct article *a, const char *s)
{
	size_t	i;

	if (a->lead != NULL && strstr(a->lead, s) != NULL)
		return 1;
	for (i = 0; i < a->body.n; i++) {
		if (strstr(a->body.v[i], s) != NULL)
			return 1;
	}
	return 0;
}

static size_t
paragraphs(const struct article *a)
{
	return a->body.n + (a->lead != NULL);
}

static void
test_title(void)
{
	struct article	*a;

	a = cl("Trang ch\xe1\xbb\xa7News" "Th\xe1\xba\xbf gi\xe1\xbb\x9bi" TITLE
	    "\n\n" TITLE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n");
	is_str(a->title, TITLE, "breadcrumb glued to the headline is skipped");
	article_free(a);
	a = cl("H\xc3\xa0 N\xe1\xbb\x99i: 25\xc2\xb0" "C\nHu\xe1\xba\xbf: 26\xc2\xb0"
	    "C\n\n" TITLE "\n\n" P1 "\n\n" P2 "\n");
	is_str(a->title, TITLE, "weather lines are not the title");
	ok(!body_has(a, "25\xc2\xb0"), "weather lines are not in the body");
	article_free(a);
	a = cl("Monday, 25 March 2024\n\nTH\xc3\x80NH PH\xe1\xbb\x90 B\xc3\x80N "
	    "K\xe1\xba\xbe HO\xe1\xba\xa0" "CH X\xc3\x82Y C\xe1\xba\xa6U M\xe1"
	    "\xbb\x9aI\n\n" TITLE "\n\n" P1 "\n\n" P2 "\n");
	is_str(a->title, TITLE, "proper-case headline beats the all-caps one");
	ok(a->date.year == 2024 && a->date.month == 3 && a->date.day == 25,
	    "a blog's date line gives the date, not the title");
	article_free(a);
	a = cl(TITLE "\n");
	is_str(a->title, TITLE, "a page of one line: that line is the title");
	ok(a->body.n == 0 && a->lead == NULL, "and there is no body");
	article_free(a);
}

static void
test_noise(void)
{
	struct article	*a;

	a = cl(TITLE "\n\n0:00 / 0:00\n0:00\n" P1 "\n\n" P2 "\n\n" P3 "\n");
	ok(!body_has(a, "0:00"), "video-player times are dropped");
	ok(paragraphs(a) == 3, "the three paragraphs stay");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\nTheo d\xc3\xb5i Tu\xe1\xbb\x95i Tr\xe1\xba\xbb "
	    "tr\xc3\xaan\n" P2 "\n\n" P3 "\n");
	ok(!body_has(a, "Theo d\xc3\xb5i"), "follow prompt is dropped");
	is_str(a->source, "Tu\xe1\xbb\x95i Tr\xe1\xba\xbb",
	    "follow prompt names the source");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\nNo comments:\n\n"
	    "Post a Comment\n\nView My Stats\n");
	ok(!body_has(a, "comment") && !body_has(a, "Stats"),
	    "comment-system footers are dropped");
	article_free(a);
	a = cl(TITLE "\n\xc2\xa0\n \n" P1 "\n\xc2\xa0\n" P2 "\n");
	ok(paragraphs(a) == 2, "lines of no-break spaces are blank");
	article_free(a);
	a = cl(TITLE "\n\nhttps://example.org/tin/cau-moi.html\n\n" P1 "\n\n"
	    P2 "\n");
	is_str(a->url, "https://example.org/tin/cau-moi.html",
	    "a bare URL near the headline is the article's url");
	ok(!body_has(a, "https://"), "and not in the body");
	article_free(a);
}

static void
test_captions(void)
{
	struct article	*a;

	a = cl(TITLE "\n\n" P1 "\n" CAPTION "\n" CAPTION "\n\n" P2 "\n\n" P3
	    "\n");
	ok(a->captions.n == 1 && strcmp(a->captions.v[0], CAPTION) == 0,
	    "a doubled caption is one caption");
	ok(!body_has(a, "TTXVN"), "and not in the body");
	ok(paragraphs(a) == 3, "the body keeps its paragraphs around it");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\n" TITLE "\n\n"
	    TAIL_CAPTION "\n");
	ok(a->captions.n == 1 && strcmp(a->captions.v[0], TAIL_CAPTION) == 0,
	    "a photo under the article (its alt text the headline) keeps its "
	    "caption with its credit");
	article_free(a);
	a = cl(TITLE "\n" TITLE "\n" P1 "\n" P2 "\n" P3 "\n");
	ok(a->captions.n == 0 && body_has(a, "Chi\xe1\xbb\x81u qua"),
	    "under the headline printed twice, a paragraph is no caption");
	article_free(a);
	a = cl(TITLE "\n\n" P3 "\n\n" TITLE "\n\nTTO - " P1 "\n\n" P2 "\n");
	ok(a->captions.n == 0 && body_has(a, "TTO - Chi\xe1\xbb\x81u qua"),
	    "nor one an outlet's tag opens, under an image's alt text");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\n\nhttps://cdn.example.org/a/b.jpg\n\n"
	    "C\xc3\xa2y c\xe1\xba\xa7u c\xc5\xa9\n\n" P2 "\n\n" P3 "\n");
	ok(a->captions.n == 1 && strstr(a->captions.v[0],
	    "c\xc5\xa9") != NULL, "a line after an image URL is a caption");
	ok(!body_has(a, "cdn.example"), "an image URL is not in the body");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\n" TITLE "\nC\xc3\xa2y c\xe1\xba\xa7u c\xc5\xa9"
	    " b\xc3\xaan s\xc3\xb4ng.\n\n" P2 "\n\n" P3 "\n");
	ok(a->captions.n == 1, "a line after the headline's image alt is a "
	    "caption");
	ok(paragraphs(a) == 3, "and the repeated headline is not a paragraph");
	article_free(a);
}

static void
test_tail(void)
{
	struct article	*a;

	a = cl(TITLE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\n" RELATED "\n\n"
	    RELATED "\n\n" TEASER "\n\n" RELATED " 2\n\n" RELATED " 2\n\n"
	    TEASER "\n");
	ok(paragraphs(a) == 3, "doubled related headlines and teasers end "
	    "the body (%zu paragraphs)", paragraphs(a));
	ok(!body_has(a, "x\xc4\x83ng"), "no teaser in the body");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\n\n" P2 "\n\nTheo VnExpress\n" RELATED "\n"
	    "(Ng\xc3\xa0y Nay) - " P3 "\n" RELATED " 2\n(Ng\xc3\xa0y Nay) - "
	    P1 "\n");
	is_str(a->source, "VnExpress", "'Theo X' after the body is the source");
	ok(paragraphs(a) == 2, "nothing after the source line is body");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\n\n" P2 "\n\nT\xc3\xb9ng L\xc3\xa2m "
	    "(Theo Reuters)\n\nSource link\n\nC\xc3\xb9ng ch\xe1\xbb\xa7 \xc4\x91"
	    "\xe1\xbb\x81\n\n" RELATED "\n\n" P3 "\n");
	is_str(a->source, "Reuters", "'Name (Theo X)' gives the source");
	is_str(a->author, "T\xc3\xb9ng L\xc3\xa2m", "and the author");
	ok(!body_has(a, "ki-l\xc3\xb4"), "a related block's prose stays out");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\n\n" P2 "\n\nTheo T\xc3\xb9ng L\xc3\xa2m "
	    "(Reuters)\n\n" RELATED "\n\n" P3 "\n");
	is_str(a->source, "Reuters", "'Theo Name (X)' gives the source");
	is_str(a->author, "T\xc3\xb9ng L\xc3\xa2m", "and the author");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\n\n" P2 "\n\nNgu\xe1\xbb\x93n: " TITLE "\n\n"
	    "Minh Anh\nbaomoi.example.vn\n\nTin m\xe1\xbb\x9bi nh\xe1\xba\xa5t\n\n"
	    P3 "\n");
	is_str(a->source, "baomoi.example.vn", "a bare domain after the body "
	    "is the source, 'Nguồn: <headline>' is not");
	is_str(a->author, "Minh Anh", "the name before it is the author");
	ok(paragraphs(a) == 2, "'Tin mới nhất' and what follows stay out");
	article_free(a);
}

static void
test_byline(void)
{
	static const char *const signed_by[] = {
		"Ho\xc3\xa0i Anh", "Ho\xc3\xa0i Anh (TH)"
	};
	struct article	*a;
	char		*page;
	size_t		 i;

	a = cl(TITLE "\n\nTTO - " P1 "\n\n" P2 "\n\n" P3 "\n");
	is_str(a->source, "Tu\xe1\xbb\x95i Tr\xe1\xba\xbb", "an outlet's "
	    "initials before a dash in the first paragraph name the source, "
	    "by its one name");
	ok(paragraphs(a) == 3, "and the tagged lead stays in the article");
	article_free(a);
	a = cl(TITLE "\n\n(D\xc3\xa2n tr\xc3\xad) - " P1 "\n\n" P2 "\n");
	is_str(a->source, "D\xc3\xa2n tr\xc3\xad", "so does '(Outlet) -'");
	article_free(a);

	a = cl(TITLE "\n\nLan H\xc6\xb0\xc6\xa1ng\n" P1 "\n\n" P2 "\n");
	is_str(a->author, "Lan H\xc6\xb0\xc6\xa1ng", "a name under the headline "
	    "is the author");
	is_str(a->source, NULL, "and no source is invented");
	article_free(a);
	a = cl(TITLE "\n\nBBC News Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t\n\n"
	    "12/04/2023\n\n" P1 "\n\n" P2 "\n");
	is_str(a->source, "BBC News Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t",
	    "an outlet's name under the headline is the source");
	is_str(a->author, NULL, "and not the author");
	ok(a->date.year == 2023 && a->date.month == 4 && a->date.day == 12,
	    "a date alone under the headline is the date");
	article_free(a);
	/* a name alone just after the body, and one with "(TH)" (compiled) */
	for (i = 0; i < sizeof signed_by / sizeof signed_by[0]; i++) {
		page = xasprintf(TITLE "\n\n" P1 "\n\n" P2 "\n\n%s\n\nTin "
		    "li\xc3\xaan quan\n\n" RELATED "\n", signed_by[i]);
		a = cl(page);
		is_str(a->author, "Ho\xc3\xa0i Anh", "'%s' after the body: the "
		    "author", signed_by[i]);
		ok(paragraphs(a) == 2, "and not a paragraph");
		article_free(a);
		free(page);
	}
	a = cl(TITLE "\n\n" P1 "\n\n" P2 "\n\nBy Chi Thach - Translated by "
	    "Uyen Phuong\n");
	is_str(a->author, "Chi Thach", "'By X - Translated by Y': the writer");
	ok(!body_has(a, "Translated"), "and not in the body");
	article_free(a);
	a = cl(TITLE "\n\nNg\xc3\xa0y 31/2 hay ng\xc3\xa0y 28/1, " P1 "\n\n"
	    P2 "\n");
	ok(a->date.year == 0 && a->date.month == 1 && a->date.day == 28 &&
	    a->dated == ARTICLE_DATED_TEXT, "the lead's news peg is the date, "
	    "read from the text: no year is invented and 31/2 is skipped");
	article_free(a);
}

static void
test_normalise(void)
{
	struct article	*a, *b;
	const char	*nfd = "Ngoa\xcc\xa3i tru\xcc\x9bo\xcc\x9b\xcc\x89ng "
	    "\xc4\x91i\xc3\xaa\xcc\xa3n \xc4\x91" "a\xcc\x80m\n\n" P1 "\r\n\r\n"
	    P2 "\r\n";
	const char	*nfc = "Ngo\xe1\xba\xa1i tr\xc6\xb0\xe1\xbb\x9fng "
	    "\xc4\x91i\xe1\xbb\x87n \xc4\x91\xc3\xa0m\n\n" P1 "\n\n" P2 "\n";

	a = cl(nfd);
	b = cl(nfc);
	is_str(a->title, b->title, "NFD page gives the NFC title");
	ok(paragraphs(a) == paragraphs(b) && paragraphs(a) == 2,
	    "and the same paragraphs, CRLF or not");
	ok(a->body.n == 0 || strchr(a->body.v[0], '\r') == NULL,
	    "no CR survives");
	article_free(a);
	article_free(b);
	a = cl(TITLE "\n\n  " P1 "\xe2\x80\x8b  \x01\n\nx  \xc2\xa0  y " P2
	    "\n");
	ok(strncmp(a->lead != NULL ? a->lead : a->body.v[0], "Chi", 3) == 0,
	    "lines are trimmed");
	ok(body_has(a, "x y C"), "runs of spaces and no-break spaces collapse");
	ok(!body_has(a, "\x01") && !body_has(a, "\xe2\x80\x8b"),
	    "control characters and zero-width spaces are dropped");
	article_free(a);
	a = cl("");
	ok(a != NULL && a->title == NULL && a->body.n == 0, "an empty page "
	    "gives an empty article");
	article_free(a);
}

/* Inputs the fuzzer found crashing, kept as regression tests. */
static void
test_fuzz_regressions(void)
{
	struct article	*a;
	char		*raw = malloc(4);

	memcpy(raw, "\xff" "abc", 4);	/* invalid and not NUL-terminated */
	a = clean_page(raw, 4, NULL, NULL);
	ok(a != NULL, "invalid bytes without a NUL: no read past the end");
	article_free(a);
	free(raw);
	a = cl("(Ng\xc3\xa0y Nay) - " P1 "\n");
	ok(a != NULL && a->title == NULL && body_has(a, "Chi\xe1\xbb\x81u qua"),
	    "a tagged line alone is the lead, not a title, and the body does "
	    "not run past the page");
	article_free(a);
}


/* A table written with bars is the article's; a menu of bars is not. */
static void
test_bar_table(void)
{
	struct article	*a;

	a = cl("Trang ch\xe1\xbb\xa7 | Th\xe1\xbb\x9di s\xe1\xbb\xb1 | "
	    "Kinh t\xe1\xba\xbf | Th\xe1\xbb\x83 thao\n" TITLE "\n\n" P1 "\n"
	    ROW1 "\n" ROW2 "\n" ROW3 "\n" P2 "\n\n" P3 "\n");
	ok(body_has(a, ROW1) && body_has(a, ROW2) && body_has(a, ROW3),
	    "a table's rows with bars between paragraphs are body");
	ok(!body_has(a, "Kinh t\xe1\xba\xbf"), "the site's menu of bars is "
	    "not");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n" MENU1 "\n" MENU2
	    "\n");
	ok(!body_has(a, "Li\xc3\xaan h\xe1\xbb\x87"), "nor two lines of "
	    "menu under the article, though their bars match");
	article_free(a);
}

/* A subheading right under the headline, when the article has others. */
static void
test_first_subheading(void)
{
	struct article	*a;

	a = cl(TITLE "\n" DL_PLACE "\n\n" SUB1 "\n\n" P1 " " P2 "\n\n" P3
	    "\n\n" SUB2 "\n\n" P2 "\n");
	ok(body_has(a, SUB1), "a subheading under the headline and its "
	    "dateline opens the article when another stands in it");
	ok(a->lead == NULL || strcmp(a->lead, SUB1) != 0, "and is no lead");
	ok(a->body.n > 0 && strcmp(a->body.v[0], SUB1) == 0,
	    "but the body's first line");
	article_free(a);
	a = cl(TITLE "\n\nI. " SUB1 "\n\n" P1 " " P2 "\n\n" P3 "\n\nII. "
	    SUB2 "\n\n" P2 "\n");
	ok(body_has(a, "I. " SUB1), "so does a numbered one");
	article_free(a);
}

/* The page's date, or the news peg of the lead, between 1990 and tomorrow. */
static void
test_dates(void)
{
	static const struct clean_opts today = { { 2024, 5, 10 }, NULL };
	struct article	*a;

	a = clean_page(TITLE "\n\nNg\xc3\xa0y 28/7/1900, " P1 "\n\n" P2
	    "\n", strlen(TITLE "\n\nNg\xc3\xa0y 28/7/1900, " P1 "\n\n" P2
	    "\n"), &today, NULL);
	ok(a->date.month == 0 && a->dated == ARTICLE_DATED_NONE,
	    "a history piece is not dated 1900-07-28");
	article_free(a);
	a = clean_page(TITLE "\n\nNg\xc3\xa0y 1/1/2100, " P1 "\n\n" P2
	    "\n", strlen(TITLE "\n\nNg\xc3\xa0y 1/1/2100, " P1 "\n\n" P2
	    "\n"), &today, NULL);
	ok(a->date.month == 0, "nor a forecast 2100-01-01");
	article_free(a);
	a = clean_page(TITLE "\n\n12/05/2024 08:15\n\n" P1 "\n\n" P2 "\n",
	    strlen(TITLE "\n\n12/05/2024 08:15\n\n" P1 "\n\n" P2 "\n"),
	    &today, NULL);
	ok(a->date.month == 0, "a dateline after tomorrow is not the date");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\n\n" P2 " H\xe1\xba\xa1n ch\xc3\xb3t "
	    "l\xc3\xa0 ng\xc3\xa0y 1/1/2013.\n\n" P3 "\n");
	ok(a->date.month == 0, "a deadline further on does not date the "
	    "article");
	article_free(a);
	a = cl(TITLE "\n\n08:34 01/10/2020\n\n" P1 "\n\n" P2 "\n");
	ok(a->date.year == 2020 && a->date.month == 10 && a->date.day == 1 &&
	    a->dated == ARTICLE_DATED_PAGE, "'08:34 01/10/2020' is a dateline "
	    "of the page, not a player's clock");
	article_free(a);
	a = cl(" date 2023-04-05 " TITLE "\n\n" P1 "\n\n" P2 "\n");
	is_str(a->title, TITLE, "a scraper's date marker leaves the headline");
	ok(a->date.year == 2023 && a->date.month == 4 && a->date.day == 5 &&
	    a->dated == ARTICLE_DATED_PAGE, "and is the page's date");
	article_free(a);

	/* a date in a sentence, in a headline: not a dateline */
	a = cl(TITLE "\n\n" P1 "\n\n" P2 "\n\n" SENT_DATE "\n\n" P3 "\n");
	ok(body_has(a, SENT_DATE), "a short sentence with 'ng\xc3\xa0y 21/8' "
	    "between paragraphs is body");
	ok(!(a->date.month == 8 && a->date.day == 21),
	    "and does not date the article");
	article_free(a);
	a = cl(HEAD_PEG "\n\n" P1 "\n\n" P2 "\n");
	is_str(a->title, HEAD_PEG, "a headline with its news peg before a "
	    "clause is the title");
	article_free(a);
	a = cl(HEAD_TIME "\n\n" P1 "\n\n" P2 "\n");
	is_str(a->title, HEAD_TIME, "and one that opens with the time of day");
	article_free(a);
	a = cl(HEAD_BANG "\n\n" P1 " " P2 "\n\n" P3 "\n");
	is_str(a->title, HEAD_BANG, "a headline that ends in '!' over a "
	    "paragraph is the title");
	ok(a->lead != NULL && strstr(a->lead, "Chi\xe1\xbb\x81u qua") != NULL,
	    "and the paragraph the lead");
	article_free(a);
	/* and what datelines put before their dates stays theirs */
	a = cl(TITLE "\n" DL_PLACE "\n\n" P1 "\n\n" P2 "\n");
	ok(a->date.year == 2024 && a->date.month == 3 && a->date.day == 12 &&
	    a->dated == ARTICLE_DATED_PAGE, "a place and a comma before "
	    "'ng\xc3\xa0y 12/3/2024': a dateline");
	article_free(a);
	a = cl(TITLE "\n" DL_OFFICE "\n\n" P1 "\n\n" P2 "\n");
	ok(a->date.year == 2015 && a->date.month == 8 && a->date.day == 22 &&
	    a->dated == ARTICLE_DATED_PAGE, "an office and a dash before the "
	    "weekday: a dateline");
	ok(!body_has(a, "VTV24"), "kept out of the body");
	article_free(a);
}

/* What the caller knows: the outlet of pages that name none. */
static void
test_source_option(void)
{
	static const struct clean_opts opts = { { 0, 0, 0 }, "tuoitre.vn" };
	struct article	*a;
	const char	*page;

	page = TITLE "\n\n" P1 "\n\n" P2 "\n";
	a = clean_page(page, strlen(page), &opts, NULL);
	is_str(a->source, "Tu\xe1\xbb\x95i Tr\xe1\xba\xbb", "--source names "
	    "the outlet of a page that names none, by the table's name");
	article_free(a);
	page = TITLE "\n\nTPO - " P1 "\n\n" P2 "\n";
	a = clean_page(page, strlen(page), &opts, NULL);
	is_str(a->source, "Ti\xe1\xbb\x81n Phong", "a page that names its "
	    "outlet keeps its own");
	article_free(a);
}

/* clean --explain: a note for every line, with a role and a reason. */
static void
test_notes(void)
{
	struct clean_notes	 notes = { 0 };
	struct article		*a;
	const char		*page;
	size_t			 i;
	int			 roles = 1;

	page = TITLE "\n\n0:00 / 0:00\n" P1 "\n\n" P2 "\n\nTheo TTXVN\n";
	a = clean_page(page, strlen(page), NULL, &notes);
	ok(notes.n == 8, "one note a line of the page (%zu)", notes.n);
	for (i = 0; i < notes.n; i++)
		roles &= notes.v[i].line == i + 1 && notes.v[i].why != NULL &&
		    notes.v[i].text != NULL;
	ok(roles, "each with its line number, a reason and the text");
	ok(notes.n == 8 && notes.v[0].role == CLEAN_TITLE &&
	    notes.v[2].role == CLEAN_DROPPED && notes.v[3].role == CLEAN_LEAD &&
	    notes.v[5].role == CLEAN_BODY && notes.v[7].role == CLEAN_SOURCE,
	    "title, dropped player clock, lead, body, source");
	is_str(clean_role_name(CLEAN_CAPTION), "caption", "roles have names");
	article_free(a);
	clean_notes_free(&notes);
	clean_notes_free(NULL);
}

/* Structures of real outlets' pages, one rule each. */
static void
test_structures(void)
{
	struct article	*a;

	a = cl(TITLE "\n\n" P1 "\n\nTIN LI\xc3\x8aN QUAN\n\n" RELATED "\n\n"
	    RELATED " 2\n\n" P2 "\n\n" P3 "\n");
	ok(body_has(a, "Chi\xe1\xbb\x81u qua") && body_has(a, "ki-l\xc3\xb4"),
	    "a related box between lead and body: the article spans it");
	ok(!body_has(a, "Gi\xc3\xa1 x\xc4\x83ng"), "and the box's headlines "
	    "are not body");
	is_str(a->title, TITLE, "nor the headline");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\n\n" TEASER "\n\n" P2 "\n");
	ok(body_has(a, "c\xe1\xbb\xad" "a h\xc3\xa0ng b\xc3\xa1n l\xe1\xba"
	    "\xbb..."), "a paragraph ending in '...' inside the article stays");
	article_free(a);
	a = cl(P1 "\n\n" P2 "\n\n" P3 "\n");
	ok(a->title == NULL && paragraphs(a) == 3, "a page that starts at its "
	    "lead has no title and keeps every paragraph");
	article_free(a);
	a = cl(TITLE " (NL\xc4\x90) - " P1 "\n\n" P2 "\n");
	is_str(a->title, TITLE, "'Headline (NLĐ) - Lead' on one line: the "
	    "headline");
	is_str(a->source, "Ng\xc6\xb0\xe1\xbb\x9di Lao \xc4\x90\xe1\xbb\x99ng",
	    "the tag's outlet");
	ok(body_has(a, "(NL\xc4\x90) - Chi\xe1\xbb\x81u qua"), "and the lead");
	article_free(a);
	a = cl(TITLE "\n\nChi\xe1\xbb\x81u qua, h\xe1\xbb\x99i ngh\xe1\xbb"
	    "\x8b th\xc3\xa0nh ph\xe1\xbb\x91 \xc4\x91\xc3\xa3\nth\xe1\xba"
	    "\xa3o lu\xe1\xba\xad" "n k\xe1\xba\xbf ho\xe1\xba\xa1" "ch\n"
	    "x\xc3\xa2y d\xe1\xbb\xb1ng c\xc3\xa2y c\xe1\xba\xa7u m\xe1\xbb"
	    "\x9bi qua s\xc3\xb4ng trong n\xc4\x83m t\xe1\xbb\x9bi.\n\n" P2
	    "\n");
	ok(body_has(a, P1), "a paragraph split by links over lines opening "
	    "in lower case is one paragraph again");
	article_free(a);
	a = cl(TITLE "\n\n" P1 "\n\n" P2 "\n\nTheo s\xc3\xa1" "ch V\xe1"
	    "\xba\xadt l\xc3\xbd vui\n");
	is_str(a->source, NULL, "'Theo sách Vật lý vui' names no source");
	article_free(a);
	a = cl(TITLE "\n\nB\xc3\xacnh lu\xe1\xba\xadn (5)\n\n" P1 "\n\n"
	    P2 "\n\nB\xc3\xacnh lu\xe1\xba\xadn\n\n" P3 "\n");
	ok(body_has(a, "Chi\xe1\xbb\x81u qua") && !body_has(a, "ki-l\xc3\xb4"),
	    "comments after the text end the article; a counter before "
	    "it does not");
	article_free(a);
	a = cl(TITLE "\n\nTr\xe1\xba\xa7n Minh Th\xc6\xb0 Th\xe1\xbb\xa9 "
	    "n\xc4\x83m, ng\xc3\xa0y 14/11/2019 08:42 AM (GMT+7)\n\n" P1
	    "\n\n" P2 "\n");
	is_str(a->author, "Tr\xe1\xba\xa7n Minh Th\xc6\xb0", "a byline glued "
	    "to its dateline: the author");
	ok(a->date.year == 2019 && a->date.month == 11 && a->date.day == 14,
	    "and the date");
	article_free(a);
}

/*
 * Chinese and Japanese sentences end with their own full stop ("。", and
 * "！", "？"): paragraphs of such text are prose, not short lines.
 */
static void
test_cjk_stops(void)
{
	struct article	*a;
	char		*page;
	size_t		 i;
	/* a page written for the test: a library opens (Japanese) */
	static const char *const lines[] = {
	    "\xe9\xa7\x85\xe5\x89\x8d\xe3\x81\xab\xe6\x96\xb0\xe3\x81\x97"
	    "\xe3\x81\x84\xe5\xb8\x82\xe7\xab\x8b\xe5\x9b\xb3\xe6\x9b\xb8"
	    "\xe9\xa4\xa8\xe3\x81\x8c\xe9\x96\x8b\xe9\xa4\xa8\xe3\x80\x81"
	    "\xe5\xa4\x9c\xe5\x8d\x81\xe6\x99\x82\xe3\x81\xbe\xe3\x81\xa7"
	    "\xe5\x88\xa9\xe7\x94\xa8\xe5\x8f\xaf\xe8\x83\xbd\xe3\x81\xab",
	    "\xe5\xb8\x82\xe3\x81\xaf\xe4\xba\x8c\xe5\x8d\x81\xe6\x97\xa5"
	    "\xe3\x80\x81\xe9\xa7\x85\xe5\x89\x8d\xe3\x81\xae\xe5\x86\x8d"
	    "\xe9\x96\x8b\xe7\x99\xba\xe5\x9c\xb0\xe5\x8c\xba\xe3\x81\xab"
	    "\xe6\x96\xb0\xe3\x81\x97\xe3\x81\x84\xe5\xb8\x82\xe7\xab\x8b"
	    "\xe5\x9b\xb3\xe6\x9b\xb8\xe9\xa4\xa8\xe3\x82\x92\xe9\x96\x8b"
	    "\xe9\xa4\xa8\xe3\x81\x97\xe3\x81\x9f\xe3\x81\xa8\xe7\x99\xba"
	    "\xe8\xa1\xa8\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82\xe8\x94\xb5"
	    "\xe6\x9b\xb8\xe3\x81\xaf\xe7\xb4\x84\xe4\xb8\x89\xe5\x8d\x81"
	    "\xe4\xb8\x87\xe5\x86\x8a\xe3\x81\xa7\xe3\x80\x81\xe5\xb9\xb3"
	    "\xe6\x97\xa5\xe3\x81\xaf\xe5\xa4\x9c\xe5\x8d\x81\xe6\x99\x82"
	    "\xe3\x81\xbe\xe3\x81\xa7\xe3\x80\x81\xe9\x80\xb1\xe6\x9c\xab"
	    "\xe3\x82\x82\xe5\xa4\x9c\xe5\x85\xab\xe6\x99\x82\xe3\x81\xbe"
	    "\xe3\x81\xa7\xe5\x88\xa9\xe7\x94\xa8\xe3\x81\xa7\xe3\x81\x8d"
	    "\xe3\x82\x8b\xe3\x80\x82",
	    "\xe9\xa4\xa8\xe5\x86\x85\xe3\x81\xab\xe3\x81\xaf\xe9\x9d\x99"
	    "\xe3\x81\x8b\xe3\x81\xaa\xe5\xad\xa6\xe7\xbf\x92\xe5\xae\xa4"
	    "\xe3\x81\xae\xe3\x81\xbb\xe3\x81\x8b\xe3\x80\x81\xe5\xad\x90"
	    "\xe3\x81\xa9\xe3\x82\x82\xe5\x90\x91\xe3\x81\x91\xe3\x81\xae"
	    "\xe8\xaa\xad\xe3\x81\xbf\xe8\x81\x9e\xe3\x81\x8b\xe3\x81\x9b"
	    "\xe3\x81\xae\xe9\x83\xa8\xe5\xb1\x8b\xe3\x82\x84\xe3\x80\x81"
	    "\xe5\x9c\xb0\xe5\x9f\x9f\xe3\x81\xae\xe5\x8f\xa4\xe3\x81\x84"
	    "\xe5\x86\x99\xe7\x9c\x9f\xe3\x81\xa8\xe6\xad\xb4\xe5\x8f\xb2"
	    "\xe3\x82\x92\xe7\xb4\xb9\xe4\xbb\x8b\xe3\x81\x99\xe3\x82\x8b"
	    "\xe5\xb1\x95\xe7\xa4\xba\xe5\xae\xa4\xe3\x82\x82\xe6\x96\xb0"
	    "\xe3\x81\x9f\xe3\x81\xab\xe8\xa8\xad\xe3\x81\x91\xe3\x82\x89"
	    "\xe3\x82\x8c\xe3\x81\x9f\xe3\x80\x82",
	    "\xe5\xb8\x82\xe9\x95\xb7\xe3\x81\xaf\xe9\x96\x8b\xe9\xa4\xa8"
	    "\xe5\xbc\x8f\xe3\x81\xa7\xe3\x80\x8c\xe4\xbb\x95\xe4\xba\x8b"
	    "\xe5\xb8\xb0\xe3\x82\x8a\xe3\x81\xae\xe4\xba\xba\xe3\x82\x84"
	    "\xe5\xad\xa6\xe7\x94\x9f\xe3\x81\xab\xe3\x82\x82\xe6\xb0\x97"
	    "\xe8\xbb\xbd\xe3\x81\xab\xe7\xab\x8b\xe3\x81\xa1\xe5\xaf\x84"
	    "\xe3\x81\xa3\xe3\x81\xa6\xe3\x81\xbb\xe3\x81\x97\xe3\x81\x84"
	    "\xe3\x80\x8d\xe3\x81\xa8\xe8\xbf\xb0\xe3\x81\xb9\xe3\x80\x81"
	    "\xe6\x9d\xa5\xe5\xb9\xb4\xe3\x81\x8b\xe3\x82\x89\xe3\x81\xaf"
	    "\xe9\x9b\xbb\xe5\xad\x90\xe6\x9b\xb8\xe7\xb1\x8d\xe3\x81\xae"
	    "\xe8\xb2\xb8\xe3\x81\x97\xe5\x87\xba\xe3\x81\x97\xe3\x82\x82"
	    "\xe5\xa7\x8b\xe3\x82\x81\xe3\x82\x8b\xe8\x80\x83\xe3\x81\x88"
	    "\xe3\x82\x92\xe7\xa4\xba\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82",
	    "\xe5\x88\x9d\xe6\x97\xa5\xe3\x81\xaf\xe9\x96\x8b\xe9\xa4\xa8"
	    "\xe5\x89\x8d\xe3\x81\x8b\xe3\x82\x89\xe7\xb4\x84\xe4\xba\x8c"
	    "\xe7\x99\xbe\xe4\xba\xba\xe3\x81\x8c\xe5\x88\x97\xe3\x82\x92"
	    "\xe3\x81\xa4\xe3\x81\x8f\xe3\x82\x8a\xe3\x80\x81\xe5\x8d\x88"
	    "\xe5\x89\x8d\xe4\xb8\xad\xe3\x81\xa0\xe3\x81\x91\xe3\x81\xa7"
	    "\xe5\x8d\x83\xe4\xba\xba\xe3\x82\x92\xe8\xb6\x85\xe3\x81\x88"
	    "\xe3\x82\x8b\xe5\xb8\x82\xe6\xb0\x91\xe3\x81\x8c\xe8\xa8\xaa"
	    "\xe3\x82\x8c\xe3\x81\x9f\xe3\x81\xa8\xe3\x80\x81\xe5\x9b\xb3"
	    "\xe6\x9b\xb8\xe9\xa4\xa8\xe3\x81\xae\xe6\x8b\x85\xe5\xbd\x93"
	    "\xe8\x80\x85\xe3\x81\xaf\xe6\x98\x8e\xe3\x82\x89\xe3\x81\x8b"
	    "\xe3\x81\xab\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82",
	};

	page = xstrdup("");
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		char	*next = xasprintf("%s%s\n\n", page, lines[i]);

		free(page);
		page = next;
	}
	a = cl(page);
	ok(paragraphs(a) == 4, "four paragraphs ending in \"\xe3\x80\x82\" are "
	    "the article (%zu)", paragraphs(a));
	ok(body_has(a, lines[4]), "the last one too");
	article_free(a);
	free(page);
}

int
main(void)
{
	test_fuzz_regressions();
	test_title();
	test_noise();
	test_captions();
	test_tail();
	test_byline();
	test_normalise();
	test_dates();
	test_first_subheading();
	test_bar_table();
	test_source_option();
	test_notes();
	test_structures();
	test_cjk_stops();
	return done_testing();
}
