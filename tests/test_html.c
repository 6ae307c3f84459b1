/*
 * test_html.c: saved HTML pages: recognised by content, decoded by their
 * charset, read into blocks with hints and metadata, and hostile pages
 * (deep nesting, unclosed tags, huge attributes, NUL bytes, wrong
 * charsets, 10 MB) read inertly and in bounded time.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clean.h"
#include "html.h"
#include "page.h"
#include "tap.h"
#include "util.h"

static double
now(void)
{
	struct timespec	ts;

	/* the processor's time: the machine may be shared */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read s; its text, or NULL with *cause. */
static int
rd(const char *s, size_t len, const char *enc, struct html_page *p,
    char **cause)
{
	*cause = NULL;
	return html_read(s, len, enc, p, cause);
}

/* The hint of the line holding needle, or ~0u. */
static unsigned
hint_of(const struct html_page *p, const char *needle)
{
	const char	*s = p->text, *nl;
	size_t		 i = 0;

	while (*s != '\0' && i < p->nhints) {
		nl = strchr(s, '\n');
		if (strstr(s, needle) != NULL && strstr(s, needle) < nl)
			return p->hints[i];
		s = nl + 1;
		i++;
	}
	return ~0u;
}

static void
test_sniff(void)
{
	ok(html_is_page("<!DOCTYPE html><p>x", 19), "a doctype opens a page");
	ok(html_is_page(" \n<HTML lang=vi>", 16), "so does <html>, any case, "
	    "after white space");
	ok(html_is_page("\xef\xbb\xbf<head>", 9), "and <head> after a BOM");
	ok(html_is_page("<!-- saved --><html>", 20), "a comment, then <html>");
	ok(html_is_page("<meta charset=utf-8><body>x", 27), "<meta>, then "
	    "<body>");
	ok(html_is_page("\xff\xfe<\0h\0t\0m\0l\0>\0", 14), "UTF-16 with "
	    "its BOM");
	ok(!html_is_page("<P>- T\xc3\xb4i n\xc3\xb3i", 13), "a text page "
	    "with a stray tag is text");
	ok(!html_is_page("Headline\n<html> in a sentence", 29),
	    "text that mentions <html> is text");
	ok(!html_is_page("", 0), "nothing is not a page");
}

static void
test_blocks(void)
{
	static const char page[] =
	    "<!doctype html><html><head><title>T</title>"
	    "<meta property=\"og:title\" content=\"SEO title\">"
	    "<meta property=\"og:site_name\" content=\"Tu\xe1\xbb\x95i "
	    "Tr\xe1\xba\xbb\">"
	    "<meta property=\"article:published_time\" "
	    "content=\"2026-11-02T07:00:00+07:00\">"
	    "<link rel=canonical href=\"https://example.vn/a.html\">"
	    "<script>var SECRET1 = 1;</script>"
	    "<style>.SECRET2{}</style></head><body>"
	    "<nav><a href=/>Menu one</a></nav>"
	    "<template><p>SECRET3 template</p></template>"
	    "<noscript>SECRET4 noscript</noscript>"
	    "<div hidden>SECRET5 hidden</div>"
	    "<div style=\"display: none\">SECRET6 hidden</div>"
	    "<iframe src=\"https://example.vn/x\">SECRET7</iframe>"
	    "<article><h1>The visible headline</h1>"
	    "<p>First paragraph of the article, long enough to count for "
	    "the article and then some more words.</p>"
	    "<p>Second paragraph with a <a href=/x>link</a> and &lt;script&gt;"
	    " written as text, which stays text.</p>"
	    "<ul><li><a href=/r>A related link</a></li></ul>"
	    "<figure><img src=a.jpg><figcaption><p>A caption</p>"
	    "</figcaption></figure></article>"
	    "<aside><p>Sidebar text</p></aside>"
	    "<div class=\"box_comment\"><p>A reader's comment</p></div>"
	    "<footer>Footer text</footer></body></html>";
	struct html_page p;
	char		*cause;
	char		 name[80];

	ok(rd(page, sizeof page - 1, NULL, &p, &cause) == 0, "a page is read");
	ok(strstr(p.text, "SECRET") == NULL, "script, style, template, "
	    "noscript, hidden elements and iframes are never read");
	ok(strstr(p.text, "<script> written as text") != NULL,
	    "an escaped tag is text");
	ok((hint_of(&p, "Menu one") & CLEAN_HINT_NAV) != 0, "nav: %s",
	    clean_hint_name(hint_of(&p, "Menu one"), name, sizeof name));
	ok((hint_of(&p, "The visible") & CLEAN_HINT_BLOCK) == CLEAN_HINT_H1,
	    "h1: %s", clean_hint_name(hint_of(&p, "The visible"), name,
	    sizeof name));
	ok(hint_of(&p, "First paragraph") == (CLEAN_HINT_P |
	    CLEAN_HINT_ARTICLE), "a paragraph inside the article: %s",
	    clean_hint_name(hint_of(&p, "First paragraph"), name,
	    sizeof name));
	ok(hint_of(&p, "A related link") == (CLEAN_HINT_LI |
	    CLEAN_HINT_ARTICLE | CLEAN_HINT_LINKS), "a list item of links: %s",
	    clean_hint_name(hint_of(&p, "A related link"), name, sizeof name));
	ok((hint_of(&p, "A caption") & CLEAN_HINT_BLOCK) == CLEAN_HINT_CAPTION,
	    "figcaption's paragraph is a caption");
	ok((hint_of(&p, "Sidebar") & CLEAN_HINT_ASIDE) != 0, "aside");
	ok((hint_of(&p, "comment") & CLEAN_HINT_COMMENTS) != 0, "comments, "
	    "by class");
	ok((hint_of(&p, "Footer") & CLEAN_HINT_FOOTER) != 0, "footer");
	ok(p.markup.headline == 2, "the headline is line 2 (%zu)",
	    p.markup.headline);
	is_str(p.markup.source, "Tu\xe1\xbb\x95i Tr\xe1\xba\xbb",
	    "og:site_name is the source");
	is_str(p.markup.url, "https://example.vn/a.html", "the canonical url");
	ok(p.markup.date.year == 2026 && p.markup.date.month == 11 &&
	    p.markup.date.day == 2, "article:published_time is the date");
	html_page_free(&p);
}

static void
test_article(void)
{
	static const char page[] =
	    "<html><head><meta property=\"og:title\" content=\"SEO title\">"
	    "<meta name=author content=\"Lan Anh\"></head><body>"
	    "<h1>Visible headline of the page</h1>"
	    "<div class=c><p>One paragraph of the article that is long and "
	    "ends like a sentence does.</p><p>Another paragraph of the "
	    "article, as long, that ends with a full stop.</p></div>"
	    "<div class=\"sidebar\"><p>A teaser in the sidebar that reads "
	    "like prose and ends like a sentence.</p></div></body></html>";
	static const struct page_opts opts = { NULL, { { 2026, 11, 23 },
	    NULL } };
	struct article	*a;
	char		*cause;

	a = page_clean(page, sizeof page - 1, &opts, NULL, NULL, NULL, &cause);
	ok(a != NULL, "an HTML page through page_clean()");
	if (a == NULL)
		return;
	is_str(a->title, "Visible headline of the page", "the visible "
	    "headline beats og:title");
	is_str(a->author, "Lan Anh", "the author meta is the author");
	ok(a->body.n + (a->lead != NULL) == 2, "the two paragraphs are the "
	    "article (%zu)", a->body.n + (a->lead != NULL));
	cause = article_join(&a->body, "\n");
	ok(strstr(cause, "sidebar") == NULL, "the sidebar's prose is not");
	free(cause);
	article_free(a);
}

/* A paragraph's worth of prose, and a shorter one. */
#define PARA	"A paragraph of the article, long enough to be read as prose " \
		"by any reader, that goes on and ends with a full stop."
#define SHORT	"A shorter paragraph of the article that ends too."
#define PLAN	"<p>Eat 60 to 90 minutes before your workout</p><p>Drink " \
		"within 30 minutes after your workout</p><p>Portion: one " \
		"green and one red container</p>"

/* How many of the lead and paragraphs of the article cleaned from page
 * hold needle; -1 when no article. */
static int
kept(const char *page, const char *needle)
{
	static const struct page_opts opts = { NULL, { { 2026, 11, 23 },
	    NULL } };
	struct article	*a;
	char		*cause;
	size_t		 i;
	int		 n;

	a = page_clean(page, strlen(page), &opts, NULL, NULL, NULL, &cause);
	if (a == NULL) {
		free(cause);
		return -1;
	}
	n = a->lead != NULL && strstr(a->lead, needle) != NULL;
	for (i = 0; i < a->body.n; i++)
		n += strstr(a->body.v[i], needle) != NULL;
	article_free(a);
	return n;
}

/*
 * Which element holds the article, on the shapes sites give it: the
 * paragraphs must not be dropped as "outside the article" because
 * another element was taken for it.
 */
static void
test_marked(void)
{
	ok(kept("<html><body><div class=login><p><a href=/in>Click here to "
	    "sign in with your account</a></p><p>Not a member? Join</p><p>"
	    "Remember me</p></div><h1>The headline of the story</h1><div "
	    "class=story><p>First: " PARA "</p><p>Second: " PARA "</p></div>"
	    "</body></html>", "Second: A paragraph") == 1,
	    "a box of links with short paragraphs after them is not the "
	    "article");
	ok(kept("<html><body><div class=box><p>Box: " PARA "</p></div><h1>"
	    "The headline of the story</h1><div class=story><p><a href=/x>A "
	    "linked phrase at the start of the article that is long, as "
	    "long as a sentence is</a> and words.</p><p>Second: " SHORT
	    "</p><p>Third: " SHORT "</p><p>Fourth: " SHORT "</p></div></body>"
	    "</html>", "Fourth: A shorter") == 1,
	    "a paragraph's links count against it, not against the "
	    "paragraphs after it");
	ok(kept("<html><body><article><h1>The headline of the story</h1>"
	    "<div class=\"l-sidebar-fixed\"><div class=body><p>First: " PARA
	    "</p><p>Second: " PARA "</p></div></div></article></body></html>",
	    "Second: A paragraph") == 1,
	    "what holds the article's paragraphs inside its <article> is the "
	    "article's, whatever its class says (\"sidebar\")");
	ok(kept("<html><body><div class=promo><p>Promo: " PARA " " PARA
	    "</p></div><h1>The headline of the story</h1><div class=story>"
	    "<div>First: "
	    PARA "</div><div>Second: " PARA " <a href=/y>a link</a></div>"
	    "<div>Third: " PARA "</div></div></body></html>",
	    "Third: A paragraph") == 1,
	    "a <div> of text alone is a paragraph");
	ok(kept("<html><body><div class=promo><p>Promo: " PARA " " PARA
	    "</p></div><div class=col><h1>The headline of the story</h1>"
	    "<small>20/11/2026</small><br><br>Loose: " PARA "<br><br>More: "
	    PARA "<br>"
	    "<div class=share><a href=/s>Share</a></div></div></body></html>",
	    "More: A paragraph") == 1,
	    "text between blocks, outside any paragraph, is a paragraph");
	ok(kept("<html><body><h1>The headline of the story</h1><div class=a>"
	    "<div class=w><div class=c><p>First: " PARA "</p><p>Second: " PARA
	    "</p><p>Third: " PARA "</p></div></div><figure><figcaption>A "
	    "photo</figcaption></figure><section class=s><div class=x><div "
	    "class=c><p>Fourth: " PARA "</p><p>Fifth: " PARA "</p></div></div>"
	    "</section></div><div class=more><p><a href=/z>Another story's "
	    "headline</a></p></div></body></html>", "Fifth: A paragraph") == 1,
	    "an article split by a figure into parts at different depths "
	    "keeps each part");
	ok(kept("<html><body><h1>The headline of the story</h1><div class=c>"
	    "<p>First: " PARA "</p><p>Second: " SHORT "</p></div><aside>"
	    "<div class=deals><p>Deal one: " PARA "</p><p>Deal two: " PARA
	    "</p><p>Deal three: " PARA "</p><p>Deal four: " PARA "</p></div>"
	    "</aside></body></html>", "Second: A shorter") == 1,
	    "a box in an aside with more prose than the article is not the "
	    "article");
	ok(kept("<html><body><article class=\"post tag-sidebar\"><h1>The "
	    "headline of the story</h1><p>Only: " PARA " " PARA "</p>"
	    "</article><div id=comments class=comments><p>A reader: " PARA
	    " " PARA " " PARA " " PARA "</p></div></body></html>",
	    "Only: A paragraph") == 1,
	    "nor a long comment, and an <article>'s own class is not its "
	    "place");
	ok(kept("<html><body><article><h1>The new car, in figures</h1>"
	    "<p>Engine: a two litre petrol, four cylinders</p><p>Power: 150 "
	    "kW at 6,000 turns</p><p>Seats: five, and a boot of 500 litres"
	    "</p><p>Gearbox: seven speeds, automatic</p><p>Range: 450 km in "
	    "the city</p><p>Price: from 40,000 euros with taxes</p>"
	    "</article><footer><p>Tags: cars</p>"
	    "</footer></body></html>", "Price: from") == 1,
	    "a run of label lines in the article is its text");
	ok(kept("<html><body><div class=cookie><p>We use cookies to improve "
	    "your experience of our site and to show you offers.</p><p>By "
	    "using this site you agree to our use of cookies, as our policy "
	    "says.</p></div><article><h1>Ten things to know about the storm"
	    "</h1><div class=content><ul><li>First: " PARA "</li><li>Second: "
	    PARA "</li><li>Third: " PARA "</li></ul></div></article></body>"
	    "</html>", "Third: A paragraph") == 1,
	    "list items of prose are paragraphs of what holds the list");
	ok(kept("<html><body><article><h1>A week of meals, three plans</h1>"
	    "<div class=entry><p>Lead: " PARA "</p><p>Then: " PARA "</p><h2>"
	    "Plan A</h2>" PLAN "<p>Asparagus and two eggs</p><h2>Plan B</h2>"
	    PLAN "<p>Chicken with courgette noodles</p><h2>Plan C</h2>" PLAN
	    "<p>Beef and peppers on rice</p></div></article></body></html>",
	    "Eat 60 to 90 minutes") == 3,
	    "lines said again only inside the article's markup (a plan's "
	    "rows) are its own, each time");
}

/* Build a page: head, n copies of unit, tail. */
static char *
repeat(const char *head, const char *unit, size_t n, const char *tail,
    size_t *len)
{
	struct buf	b = { 0 };
	size_t		i;

	buf_adds(&b, head);
	for (i = 0; i < n; i++)
		buf_adds(&b, unit);
	buf_adds(&b, tail);
	*len = b.len;
	return buf_take(&b);
}

static void
test_charsets(void)
{
	/* "Tiếng Việt" in Windows-1258: tones as combining marks */
	static const char cp[] = "<html><head><meta http-equiv=Content-Type "
	    "content=\"text/html; charset=windows-1258\"></head><body><p>"
	    "Ti\xea\xec" "ng Vi\xea\xf2t</p></body></html>";
	static const char lie[] = "<html><head><meta charset=windows-1258>"
	    "</head><body><p>Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t</p></body>"
	    "</html>";
	static const char bad[] = "<html><head><meta charset=utf-8></head>"
	    "<body><p>Ti\xea\xec" "ng</p></body></html>";
	static const char nul[] = "<html><body><p>a\0b</p></body></html>";
	static const char u16[] = "\xff\xfe<\0p\0>\0x\0";
	struct html_page p;
	char		*cause, *stray;
	size_t		 len;
	int		 r;

	ok(rd(cp, sizeof cp - 1, NULL, &p, &cause) == 0 && strstr(p.text,
	    "Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t") != NULL, "a Windows-1258 page "
	    "is decoded by its http-equiv charset");
	html_page_free(&p);
	ok(rd(lie, sizeof lie - 1, NULL, &p, &cause) == 0 && strstr(p.text,
	    "Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t") != NULL, "a UTF-8 page that "
	    "declares Windows-1258 is read as UTF-8");
	html_page_free(&p);
	r = rd(bad, sizeof bad - 1, NULL, &p, &cause);
	ok(r == -1 && cause != NULL && strstr(cause, "--encoding") != NULL,
	    "a page that is not the UTF-8 it declares is rejected with the "
	    "fix (%s)", cause);
	free(cause);
	ok(rd(bad, sizeof bad - 1, "CP1258", &p, &cause) == 0 &&
	    strstr(p.text, "Ti\xe1\xba\xbfng") != NULL, "--encoding "
	    "overrides the declared charset");
	html_page_free(&p);
	/* one stray byte in a long page: damage, shown as a browser does */
	stray = repeat("<html><head><meta charset=utf-8></head><body><p>"
	    "Caf\xe9 opens.", " A sentence of the page that goes on.", 40,
	    "</p></body></html>", &len);
	ok(rd(stray, len, NULL, &p, &cause) == 0 && strstr(p.text,
	    "Caf\xef\xbf\xbd opens.") != NULL && strstr(p.text, "goes on.") !=
	    NULL, "a page that declares UTF-8 keeps a stray byte as U+FFFD");
	html_page_free(&p);
	free(stray);
	stray = repeat("<html><head></head><body><p>Caf\xe9 opens.",
	    " A sentence of the page that goes on.", 40, "</p></body></html>",
	    &len);
	r = rd(stray, len, NULL, &p, &cause);
	ok(r == -1 && cause != NULL && strstr(cause, "--encoding") != NULL,
	    "but one that declares no charset is rejected with the fix: it may "
	    "be a legacy encoding");
	free(cause);
	free(stray);
	ok(rd(nul, sizeof nul - 1, NULL, &p, &cause) == -1 && cause != NULL &&
	    strstr(cause, "NUL") != NULL, "a NUL byte is rejected");
	free(cause);
	ok(rd(u16, sizeof u16 - 1, NULL, &p, &cause) == 0 &&
	    strcmp(p.text, "x\n") == 0, "UTF-16 by its BOM");
	html_page_free(&p);
}


static void
test_hostile(void)
{
	struct html_page p;
	char		*s, *cause;
	size_t		 len;
	double		 t;
	int		 r;

	s = repeat("<html><body>", "<div>", 100000, "deep</body></html>",
	    &len);
	t = now();
	r = rd(s, len, NULL, &p, &cause);
	ok(now() - t < 10, "100,000 nested divs: read in %.2f s (%s)",
	    now() - t, r == 0 ? "text" : cause);
	html_page_free(&p);
	free(cause);
	free(s);
	s = repeat("<html><body>", "<b><i><p>x", 50000, "</body></html>",
	    &len);
	t = now();
	r = rd(s, len, NULL, &p, &cause);
	ok(r == 0 && now() - t < 10, "50,000 unclosed inline and paragraph "
	    "tags: read in %.2f s", now() - t);
	html_page_free(&p);
	free(s);
	s = repeat("<html><body><p class=\"", "sidebar-", 1000000,
	    "\">text</p></body></html>", &len);
	t = now();
	r = rd(s, len, NULL, &p, &cause);
	ok(r == 0 && now() - t < 10, "an 8 MB attribute: read in %.2f s",
	    now() - t);
	html_page_free(&p);
	free(s);
	s = repeat("<!doctype html><html><head><meta charset=utf-8></head>"
	    "<body><article><h1>Ti\xc3\xaau \xc4\x91\xe1\xbb\x81</h1>",
	    "<p>M\xe1\xbb\x99t \xc4\x91o\xe1\xba\xa1n v\xc4\x83n d\xc3\xa0i "
	    "c\xe1\xbb\xa7" "a b\xc3\xa0i b\xc3\xa1o, c\xc3\xb3 d\xe1\xba\xa5u "
	    "ch\xe1\xba\xa5m cu\xe1\xbb\x91i c\xc3\xa2u.</p>\n<div "
	    "class=related><a href=/x>Tin kh\xc3\xa1" "c</a></div>\n", 95000,
	    "</article></body></html>", &len);
	t = now();
	r = rd(s, len, NULL, &p, &cause);
	ok(len > 10000000 && r == 0 && now() - t < 20, "a %zu MB page: read "
	    "in %.2f s", len >> 20, now() - t);
	ok(r == 0 && p.nhints == 190001, "with its %zu blocks", p.nhints);
	html_page_free(&p);
	free(s);
}

/* libxml2 is loaded at the first page; a missing one says what to do. */
static void
test_lib(void)
{
	char	*cause = NULL;

	ok(html_lib_check(NULL, &cause) == 0 && cause == NULL,
	    "libxml2 loads from the file configure found");
	ok(html_lib_check("libxml2-none.so.99", &cause) == -1 &&
	    cause != NULL, "a library that is not there is an error");
	ok(cause != NULL && strstr(cause, "libxml2-none.so.99") != NULL,
	    "that names the file");
	ok(cause != NULL && strstr(cause, "install it (Debian: the package "
	    "libxml2)") != NULL, "and says what to install");
	free(cause);
	ok(html_lib_check("libsqlite3.so.0", &cause) == -1 &&
	    cause != NULL && strstr(cause, "has no xmlInitParser") != NULL,
	    "a library that is not libxml2 is an error too");
	free(cause);
}

int
main(void)
{
	test_lib();
	test_sniff();
	test_blocks();
	test_article();
	test_marked();
	test_charsets();
	test_hostile();
	return done_testing();
}
