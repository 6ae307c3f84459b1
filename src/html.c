/*
 * html.c: a saved HTML page to the text a text page would have, one
 * visible block a line, with what the markup says about each block and
 * the page's metadata.
 *
 * The parser is libxml2's HTML parser: maintained, in every Debian, and
 * it builds a tree from broken markup as browsers do (unclosed tags,
 * stray end tags). It is given UTF-8 already decoded here and told never
 * to touch the network. The tree is read three times, each walk bounded
 * in depth:
 *
 *  1. the article: every paragraph's own text (not its links) counts for
 *     its parent and half for its grandparent, as Readability does; the
 *     element with the most is the article's, widened to an enclosing
 *     <article> or schema.org Article a few levels up;
 *  2. the metadata: <meta> (Open Graph, article:*, author), the canonical
 *     link, JSON-LD, <time datetime>, <title>;
 *  3. the blocks: the visible text of each block element, a line each,
 *     and its hint: the element (h1, p, li, figcaption...) and where it
 *     stands (inside the article; in a nav, aside, footer, header or
 *     comments, by element, ARIA role or class; mostly link text).
 *
 * Script, style, template, noscript and embedded objects are skipped
 * unread; so are elements marked hidden.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "article.h"
#include "date.h"
#include "decode.h"
#include "html.h"
#include "text.h"
#include "util.h"

#define HTML_DEPTH	200	/* elements deeper are not read */
#define HTML_ATTR_MAX	1024	/* bytes of a class or style looked at */
#define HTML_META_MAX	600	/* bytes of a metadata value kept */
#define HTML_SNIFF	4096	/* bytes looked at for a charset */
#define HTML_MIN_ARTICLE 120	/* bytes of paragraphs: an article */
#define HTML_SIBLINGS	16	/* an article's sibling parts at most */

/* words_place(): a class that names a caption ("PhotoCMS_Caption") */
#define PLACE_CAPTION	0x10000u

/* node->_private while the blocks are read */
#define MARK_ABOVE	((void *)1)	/* holds the article */
#define MARK_ARTICLE	((void *)2)	/* the article, or a part of it */

enum meta_field { META_TITLE, META_SOURCE, META_AUTHOR, META_URL };

struct reader {
	struct buf	 text;
	unsigned	*hints;
	size_t		 nhints;
	size_t		 cap;
	struct buf	 line;		/* the block being read */
	size_t		 chars;		/* its bytes of text */
	size_t		 linkchars;	/* of them, inside links */
	unsigned	 hint;		/* where its first text stood */
	size_t		 h1;		/* line of the headline, 0: none */
	int		 h1_article;
	char		*meta[4];	/* by enum meta_field */
	int		 canonical;	/* meta[META_URL] is the canonical */
	char		*title_elem;	/* <title> */
	char		*ld_title;	/* JSON-LD headline */
	char		*ld_author;
	char		*ld_source;
	struct article_date date;	/* article:published_time */
	struct article_date ld_date;	/* JSON-LD datePublished */
	struct article_date time_date;	/* the first <time datetime> */
};

static int
name_is(const xmlNode *n, const char *name)
{
	return n->name != NULL && strcmp((const char *)n->name, name) == 0;
}

/* An attribute's value (the caller frees it with xmlFree), or NULL. */
static char *
attr(const xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* Whether the attribute is there and equals value, ignoring case. */
static int
attr_is(const xmlNode *n, const char *name, const char *value)
{
	char	*v = attr(n, name);
	int	 yes = v != NULL && strcasecmp(v, value) == 0;

	xmlFree(v);
	return yes;
}

/* What an element is: never read, a block (CLEAN_HINT_*), a line break. */
#define TAG_SKIP	0x1000u
#define TAG_BR		0x2000u

struct tag {
	const char	*name;
	unsigned	 kind;	/* TAG_SKIP, TAG_BR, a block or 0: inline */
	unsigned	 place;	/* CLEAN_HINT_NAV...: where it puts its text */
};

/* The elements that are not inline text, sorted for bsearch(). */
static const struct tag tags[] = {
		{ "a", 0, 0 },
		{ "address", CLEAN_HINT_DIV, 0 },
		{ "amp-ad", TAG_SKIP, 0 },
		{ "amp-analytics", TAG_SKIP, 0 },
		{ "amp-carousel", CLEAN_HINT_DIV, 0 },
		{ "amp-consent", TAG_SKIP, 0 },
		{ "amp-embed", TAG_SKIP, 0 },
		{ "amp-iframe", TAG_SKIP, 0 },
		{ "amp-img", CLEAN_HINT_DIV, 0 },
		{ "amp-list", TAG_SKIP, 0 },
		{ "amp-pixel", TAG_SKIP, 0 },
		{ "amp-script", TAG_SKIP, 0 },
		{ "amp-sidebar", CLEAN_HINT_DIV, CLEAN_HINT_NAV },
		{ "amp-social-share", TAG_SKIP, 0 },
		{ "amp-state", TAG_SKIP, 0 },
		{ "amp-video", TAG_SKIP, 0 },
		{ "amp-youtube", TAG_SKIP, 0 },
		{ "applet", TAG_SKIP, 0 },
		{ "article", CLEAN_HINT_DIV, 0 },
		{ "aside", CLEAN_HINT_DIV, CLEAN_HINT_ASIDE },
		{ "audio", TAG_SKIP, 0 },
		{ "blockquote", CLEAN_HINT_QUOTE, 0 },
		{ "body", CLEAN_HINT_DIV, 0 },
		{ "br", TAG_BR, 0 },
		{ "button", TAG_SKIP, 0 },
		{ "canvas", TAG_SKIP, 0 },
		{ "caption", CLEAN_HINT_CAPTION, 0 },
		{ "center", CLEAN_HINT_DIV, 0 },
		{ "dd", CLEAN_HINT_LI, 0 },
		{ "details", CLEAN_HINT_DIV, 0 },
		{ "div", CLEAN_HINT_DIV, 0 },
		{ "dl", CLEAN_HINT_DIV, 0 },
		{ "dt", CLEAN_HINT_LI, 0 },
		{ "embed", TAG_SKIP, 0 },
		{ "fieldset", CLEAN_HINT_DIV, 0 },
		{ "figcaption", CLEAN_HINT_CAPTION, 0 },
		{ "figure", CLEAN_HINT_DIV, 0 },
		{ "footer", CLEAN_HINT_DIV, CLEAN_HINT_FOOTER },
		{ "form", CLEAN_HINT_DIV, CLEAN_HINT_COMMENTS },
		{ "frame", TAG_SKIP, 0 },
		{ "frameset", TAG_SKIP, 0 },
		{ "h1", CLEAN_HINT_H1, 0 },
		{ "h2", CLEAN_HINT_H, 0 },
		{ "h3", CLEAN_HINT_H, 0 },
		{ "h4", CLEAN_HINT_H, 0 },
		{ "h5", CLEAN_HINT_H, 0 },
		{ "h6", CLEAN_HINT_H, 0 },
		{ "head", TAG_SKIP, 0 },
		{ "header", CLEAN_HINT_DIV, CLEAN_HINT_HEADER },
		{ "hr", CLEAN_HINT_DIV, 0 },
		{ "html", CLEAN_HINT_DIV, 0 },
		{ "iframe", TAG_SKIP, 0 },
		{ "input", TAG_SKIP, 0 },
		{ "li", CLEAN_HINT_LI, 0 },
		{ "main", CLEAN_HINT_DIV, 0 },
		{ "map", TAG_SKIP, 0 },
		{ "math", TAG_SKIP, 0 },
		{ "nav", CLEAN_HINT_DIV, CLEAN_HINT_NAV },
		{ "noscript", TAG_SKIP, 0 },
		{ "object", TAG_SKIP, 0 },
		{ "ol", CLEAN_HINT_DIV, 0 },
		{ "p", CLEAN_HINT_P, 0 },
		{ "picture", CLEAN_HINT_DIV, 0 },
		{ "pre", CLEAN_HINT_DIV, 0 },
		{ "script", TAG_SKIP, 0 },
		{ "section", CLEAN_HINT_DIV, 0 },
		{ "select", TAG_SKIP, 0 },
		{ "style", TAG_SKIP, 0 },
		{ "summary", CLEAN_HINT_DIV, 0 },
		{ "svg", TAG_SKIP, 0 },
		{ "table", CLEAN_HINT_DIV, 0 },
		{ "tbody", CLEAN_HINT_DIV, 0 },
		{ "td", CLEAN_HINT_CELL, 0 },
		{ "template", TAG_SKIP, 0 },
		{ "textarea", TAG_SKIP, 0 },
		{ "tfoot", CLEAN_HINT_DIV, 0 },
		{ "th", CLEAN_HINT_CELL, 0 },
		{ "thead", CLEAN_HINT_DIV, 0 },
		{ "title", TAG_SKIP, 0 },
		{ "tr", CLEAN_HINT_DIV, 0 },
		{ "ul", CLEAN_HINT_DIV, 0 },
		{ "video", TAG_SKIP, 0 },
};

static int
tag_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tag *)elem)->name);
}

/*
 * The element's entry, or NULL for an inline or unknown one. Each walk
 * asks again: the answer is kept in the node's spare field (libxml2's
 * HTML parser leaves it 0), its index + 1, or 0xffff for none.
 */
static const struct tag *
tag_of(xmlNode *n)
{
	const struct tag	*t;

	if (n->extra != 0)
		return n->extra == 0xffff ? NULL : &tags[n->extra - 1];
	t = bsearch(n->name, tags, sizeof tags / sizeof tags[0],
	    sizeof tags[0], tag_cmp);
	n->extra = t == NULL ? 0xffff : (unsigned short)(t - tags + 1);
	return t;
}

/* The attributes looked at, read in one pass; values are libxml2's. */
struct attrs {
	const char	*class;
	const char	*id;
	const char	*role;
	const char	*style;
	int		 hidden;	/* hidden, aria-hidden="true" */
};

static void
attrs_of(const xmlNode *n, struct attrs *a)
{
	const xmlAttr	*p;
	const char	*name, *v;

	memset(a, 0, sizeof *a);
	for (p = n->properties; p != NULL; p = p->next) {
		name = (const char *)p->name;
		v = p->children != NULL && p->children->type == XML_TEXT_NODE &&
		    p->children->content != NULL ?
		    (const char *)p->children->content : "";
		if (strcmp(name, "class") == 0)
			a->class = v;
		else if (strcmp(name, "id") == 0)
			a->id = v;
		else if (strcmp(name, "role") == 0)
			a->role = v;
		else if (strcmp(name, "style") == 0)
			a->style = v;
		else if (strcmp(name, "hidden") == 0 ||
		    (strcmp(name, "aria-hidden") == 0 &&
		    strcasecmp(v, "true") == 0))
			a->hidden = 1;
	}
}

/* Whether a style hides the element. */
static int
style_hides(const char *v)
{
	char	 s[HTML_ATTR_MAX];
	size_t	 j, k;

	for (j = k = 0; v[j] != '\0' && k + 1 < sizeof s; j++) {
		if (v[j] != ' ' && v[j] != '\t' && v[j] != '\n')
			s[k++] = (char)tolower((unsigned char)v[j]);
	}
	s[k] = '\0';
	return strstr(s, "display:none") != NULL ||
	    strstr(s, "visibility:hidden") != NULL;
}

/*
 * Elements never read: code, styles, embedded objects, forms' controls,
 * hidden elements. t is tag_of(n).
 */
static int
skipped_tag(const xmlNode *n, const struct tag *t)
{
	struct attrs	a;

	if (t != NULL && t->kind == TAG_SKIP)
		return 1;
	if (n->properties == NULL)
		return 0;
	attrs_of(n, &a);
	return a.hidden || (a.style != NULL && style_hides(a.style));
}

static int
skipped(xmlNode *n)
{
	return skipped_tag(n, tag_of(n));
}

/*
 * Where a class or id puts an element, by its words ("box-comment",
 * "tin_lien_quan", "sidebar"): CLEAN_HINT_NAV, ASIDE, FOOTER, COMMENTS,
 * PLACE_CAPTION or 0.
 */
static unsigned
words_place(const char *v)
{
	static const struct {
		const char	*word;
		const char	*next;	/* the word after it, or NULL */
		unsigned	 place;
	} words[] = {
		{ "nav", NULL, CLEAN_HINT_NAV },
		{ "navbar", NULL, CLEAN_HINT_NAV },
		{ "navigation", NULL, CLEAN_HINT_NAV },
		{ "menu", NULL, CLEAN_HINT_NAV },
		{ "breadcrumb", NULL, CLEAN_HINT_NAV },
		{ "breadcrumbs", NULL, CLEAN_HINT_NAV },
		{ "sidebar", NULL, CLEAN_HINT_ASIDE },
		{ "related", NULL, CLEAN_HINT_ASIDE },
		{ "relate", NULL, CLEAN_HINT_ASIDE },
		{ "lienquan", NULL, CLEAN_HINT_ASIDE },
		{ "tinlienquan", NULL, CLEAN_HINT_ASIDE },
		{ "lien", "quan", CLEAN_HINT_ASIDE },
		{ "xem", "them", CLEAN_HINT_ASIDE },
		{ "tin", "khac", CLEAN_HINT_ASIDE },
		{ "widget", NULL, CLEAN_HINT_ASIDE },
		{ "banner", NULL, CLEAN_HINT_ASIDE },
		{ "ads", NULL, CLEAN_HINT_ASIDE },
		{ "advert", NULL, CLEAN_HINT_ASIDE },
		{ "advertisement", NULL, CLEAN_HINT_ASIDE },
		{ "share", NULL, CLEAN_HINT_ASIDE },
		{ "social", NULL, CLEAN_HINT_ASIDE },
		{ "tags", NULL, CLEAN_HINT_ASIDE },
		{ "tag", NULL, CLEAN_HINT_ASIDE },
		{ "keywords", NULL, CLEAN_HINT_ASIDE },
		{ "trending", NULL, CLEAN_HINT_ASIDE },
		{ "popular", NULL, CLEAN_HINT_ASIDE },
		{ "footer", NULL, CLEAN_HINT_FOOTER },
		{ "copyright", NULL, CLEAN_HINT_FOOTER },
		{ "comment", NULL, CLEAN_HINT_COMMENTS },
		{ "comments", NULL, CLEAN_HINT_COMMENTS },
		{ "binhluan", NULL, CLEAN_HINT_COMMENTS },
		{ "binh", "luan", CLEAN_HINT_COMMENTS },
		{ "caption", NULL, PLACE_CAPTION },
	};
	char		 w[2][32];
	size_t		 i, k, n, cur = 0, total = 0;
	unsigned	 place = 0;

	w[0][0] = w[1][0] = '\0';
	while (*v != '\0' && total < HTML_ATTR_MAX) {
		while (*v != '\0' && !isalnum((unsigned char)*v))
			v++, total++;
		for (n = 0; isalnum((unsigned char)v[n]); n++)
			;
		if (n == 0)
			break;
		cur ^= 1;
		k = n < sizeof w[0] ? n : sizeof w[0] - 1;
		for (i = 0; i < k; i++)
			w[cur][i] = (char)tolower((unsigned char)v[i]);
		w[cur][k] = '\0';
		for (i = 0; i < sizeof words / sizeof words[0]; i++) {
			if (words[i].next == NULL ? strcmp(w[cur],
			    words[i].word) == 0 : strcmp(w[cur ^ 1],
			    words[i].word) == 0 && strcmp(w[cur],
			    words[i].next) == 0)
				place |= words[i].place;
		}
		v += n;
		total += n;
	}
	return place;
}

/* Where an element puts what it holds: CLEAN_HINT_NAV... or 0. */
static unsigned
place_of(const xmlNode *n, const struct tag *t, unsigned ctx)
{
	static const struct {
		const char	*role;
		unsigned	 place;
	} roles[] = {
		{ "navigation", CLEAN_HINT_NAV }, { "menu", CLEAN_HINT_NAV },
		{ "complementary", CLEAN_HINT_ASIDE },
		{ "contentinfo", CLEAN_HINT_FOOTER },
		{ "banner", CLEAN_HINT_HEADER },
		{ "search", CLEAN_HINT_COMMENTS },
	};
	unsigned	 place = t != NULL ? t->place : 0;
	struct attrs	 a;
	size_t		 i;

	/* the article and what holds it are the article's, whatever named */
	if (n->_private == MARK_ABOVE || n->_private == MARK_ARTICLE)
		return 0;
	if (n->properties != NULL) {
		attrs_of(n, &a);
		for (i = 0; a.role != NULL && i < sizeof roles /
		    sizeof roles[0]; i++) {
			if (strcasecmp(a.role, roles[i].role) == 0)
				place |= roles[i].place;
		}
		if (a.class != NULL)
			place |= words_place(a.class);
		if (a.id != NULL)
			place |= words_place(a.id);
	}
	/* an article's own header holds its headline and byline */
	if ((ctx & CLEAN_HINT_ARTICLE) || name_is(n, "article"))
		place &= ~CLEAN_HINT_HEADER;
	return place;
}

/* Bytes of text under n, and of them inside links in *links. */
static size_t
text_size(xmlNode *n, int depth, int link, size_t *links)
{
	size_t	size = 0, k;

	for (n = n->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			k = strlen((const char *)n->content);
			size += k;
			if (link)
				*links += k;
		} else if (n->type == XML_ELEMENT_NODE && depth < HTML_DEPTH &&
		    !skipped(n))
			size += text_size(n, depth + 1, link || name_is(n, "a"),
			    links);
	}
	return size;
}

/* Pass 1: paragraphs' own text, counted for parent and grandparent. */
static void
score_paragraphs(xmlNode *n, int depth)
{
	size_t	links = 0, size;

	for (n = n->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || depth >= HTML_DEPTH ||
		    skipped(n))
			continue;
		if (!name_is(n, "p")) {
			score_paragraphs(n, depth + 1);
			continue;
		}
		size = text_size(n, depth + 1, 0, &links);
		size -= links;
		if (size < 20 || n->parent == NULL)
			continue;
		/* the score is kept in _private as a number, not a pointer */
		n->parent->_private = (void *)((uintptr_t)n->parent->_private +
		    size);
		if (n->parent->parent != NULL && n->parent->parent->type ==
		    XML_ELEMENT_NODE)
			n->parent->parent->_private = (void *)((uintptr_t)
			    n->parent->parent->_private + size / 2);
	}
}

static uintptr_t
score(const xmlNode *n)
{
	return (uintptr_t)n->_private;
}

/* The element with the highest score under n. */
static xmlNode *
best_scored(xmlNode *n, int depth, xmlNode *best)
{
	for (n = n->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || depth >= HTML_DEPTH)
			continue;
		if (best == NULL || score(n) > score(best))
			best = n;
		best = best_scored(n, depth + 1, best);
	}
	return best;
}

static void
clear_marks(xmlNode *n, int depth)
{
	for (n = n->children; n != NULL; n = n->next) {
		n->_private = NULL;
		if (n->type == XML_ELEMENT_NODE && depth < HTML_DEPTH)
			clear_marks(n, depth + 1);
	}
}

/* Whether n is an <article> or a schema.org Article's element. */
static int
article_element(const xmlNode *n)
{
	char	*v;
	int	 yes;

	if (name_is(n, "article"))
		return 1;
	if (n->properties == NULL || (v = attr(n, "itemtype")) == NULL)
		return 0;
	yes = strstr(v, "Article") != NULL;
	xmlFree(v);
	return yes;
}

/* Mark the article's elements and what holds them. */
static void
mark_article(xmlNode *root)
{
	xmlNode		*best, *n, *parts[HTML_SIBLINGS];
	size_t		 nparts = 0, i, up;
	uintptr_t	 top;

	score_paragraphs(root, 0);
	best = best_scored(root, 0, NULL);
	if (best == NULL || (top = score(best)) < HTML_MIN_ARTICLE) {
		clear_marks(root, 0);
		return;
	}
	/* an enclosing <article> a few levels up holds its headline, lead */
	for (n = best->parent, up = 0; n != NULL && n->type ==
	    XML_ELEMENT_NODE && up < 4; n = n->parent, up++) {
		if (article_element(n)) {
			best = n;
			break;
		}
	}
	parts[nparts++] = best;
	if (!article_element(best)) {
		/* paragraphs split by a box: the siblings that weigh */
		for (n = best->parent != NULL ? best->parent->children : NULL;
		    n != NULL && nparts < HTML_SIBLINGS; n = n->next) {
			if (n != best && n->type == XML_ELEMENT_NODE &&
			    score(n) * 4 >= top && place_of(n, tag_of(n), 0) == 0)
				parts[nparts++] = n;
		}
	}
	clear_marks(root, 0);
	for (i = 0; i < nparts; i++) {
		parts[i]->_private = MARK_ARTICLE;
		for (n = parts[i]->parent; n != NULL && n->_private == NULL;
		    n = n->parent)
			n->_private = MARK_ABOVE;
	}
}

/*
 * A metadata value as it is kept: white space collapsed and trimmed, at
 * most HTML_META_MAX bytes, NFC; NULL when empty or not UTF-8.
 */
static char *
meta_value(const char *s, size_t len)
{
	struct buf	 b = { 0 };
	size_t		 i;
	char		*nfc;

	for (i = 0; i < len && b.len < HTML_META_MAX; i++) {
		if (strchr(" \t\n\r\f\v", s[i]) != NULL) {
			if (b.len > 0 && b.s[b.len - 1] != ' ')
				buf_addc(&b, ' ');
		} else if ((unsigned char)s[i] >= 0x20)
			buf_addc(&b, s[i]);
	}
	while (b.len > 0 && b.s[b.len - 1] == ' ')
		b.len--;
	/* cut on a character's boundary */
	while (b.len > 0 && i < len && ((unsigned char)b.s[b.len] & 0xc0) ==
	    0x80)
		b.len--;
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	nfc = text_nfc(b.s, b.len);
	buf_free(&b);
	return nfc;
}

static void
set_meta(char **field, const char *v)
{
	if (*field == NULL && v != NULL)
		*field = meta_value(v, strlen(v));
}

/* A date from metadata: ISO 8601 ("2026-11-20T08:30:00+07:00") or any
 * form date_find() reads. */
static void
set_date(struct article_date *d, const char *v)
{
	int	y, m, dd;
	size_t	a, b;

	if (d->month != 0 || v == NULL)
		return;
	if (sscanf(v, "%4d-%2d-%2d", &y, &m, &dd) == 3 && date_valid(y, m,
	    dd)) {
		d->year = y;
		d->month = m;
		d->day = dd;
	} else if (strlen(v) < 100 && date_find(v, d, &a, &b) &&
	    d->year == 0)
		d->month = 0;	/* a date without a year is not metadata */
}

static int
is_http(const char *v)
{
	return v != NULL && (strncmp(v, "http://", 7) == 0 ||
	    strncmp(v, "https://", 8) == 0) && strpbrk(v, " \t\n\"<>") == NULL;
}

/*
 * The JSON string at s (after its opening quote) into a new string, with
 * its escapes; NULL when it does not end within max bytes.
 */
static char *
json_string(const char *s, size_t max)
{
	struct buf	 b = { 0 };
	size_t		 i;
	unsigned	 cp;
	char		 u[5];

	for (i = 0; i < max && s[i] != '\0' && s[i] != '"'; i++) {
		if (s[i] != '\\') {
			buf_addc(&b, s[i]);
			continue;
		}
		if (++i >= max || s[i] == '\0')
			break;
		if (s[i] == 'u' && i + 4 < max && sscanf(s + i + 1, "%4x", &cp)
		    == 1 && strspn(s + i + 1, "0123456789abcdefABCDEF") >= 4) {
			i += 4;
			if (cp < 0x20 || (cp >= 0xd800 && cp <= 0xdfff))
				continue;
			if (cp < 0x80)
				buf_addc(&b, (char)cp);
			else if (cp < 0x800) {
				u[0] = (char)(0xc0 | cp >> 6);
				u[1] = (char)(0x80 | (cp & 0x3f));
				buf_add(&b, u, 2);
			} else {
				u[0] = (char)(0xe0 | cp >> 12);
				u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
				u[2] = (char)(0x80 | (cp & 0x3f));
				buf_add(&b, u, 3);
			}
		} else
			buf_addc(&b, strchr("bfnrt", s[i]) != NULL ? ' ' : s[i]);
	}
	if (i >= max || s[i] != '"') {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/*
 * The string value of the first "key" in the JSON text js, looked for
 * from js (or, with within, inside the object after "within"). NULL when
 * there is none.
 */
static char *
json_find(const char *js, const char *within, const char *key)
{
	char		 pat[40];
	const char	*p = js, *q;

	if (within != NULL) {
		snprintf(pat, sizeof pat, "\"%s\"", within);
		if ((p = strstr(js, pat)) == NULL)
			return NULL;
		p += strlen(pat);
	}
	snprintf(pat, sizeof pat, "\"%s\"", key);
	if ((q = strstr(p, pat)) == NULL || (within != NULL && q - p > 300))
		return NULL;
	q += strlen(pat);
	q += strspn(q, " \t\r\n");
	if (*q++ != ':')
		return NULL;
	q += strspn(q, " \t\r\n");
	if (*q++ != '"')
		return NULL;
	return json_string(q, HTML_META_MAX * 4);
}

/* schema.org NewsArticle in JSON-LD: headline, date, author, publisher. */
static void
read_json_ld(struct reader *r, const char *js)
{
	char	*v;

	if (strstr(js, "Article") == NULL)
		return;	/* a breadcrumb list, an organisation */
	if (r->ld_title == NULL && (v = json_find(js, NULL, "headline"))) {
		r->ld_title = meta_value(v, strlen(v));
		free(v);
	}
	if (r->ld_date.month == 0 && (v = json_find(js, NULL,
	    "datePublished"))) {
		set_date(&r->ld_date, v);
		free(v);
	}
	if (r->ld_author == NULL && ((v = json_find(js, "author", "name")) ||
	    (v = json_find(js, NULL, "author")))) {
		if (!is_http(v))
			r->ld_author = meta_value(v, strlen(v));
		free(v);
	}
	if (r->ld_source == NULL && (v = json_find(js, "publisher", "name"))) {
		r->ld_source = meta_value(v, strlen(v));
		free(v);
	}
}

/* One <meta>: Open Graph, article:*, author, dates. */
static void
read_meta(struct reader *r, const xmlNode *n)
{
	char	*key, *v;

	if ((v = attr(n, "content")) == NULL)
		return;
	if ((key = attr(n, "property")) == NULL && (key = attr(n, "name")) ==
	    NULL && (key = attr(n, "itemprop")) == NULL) {
		xmlFree(v);
		return;
	}
	if (strcasecmp(key, "og:title") == 0)
		set_meta(&r->meta[META_TITLE], v);
	else if (strcasecmp(key, "og:site_name") == 0)
		set_meta(&r->meta[META_SOURCE], v);
	else if ((strcasecmp(key, "author") == 0 ||
	    strcasecmp(key, "article:author") == 0) && !is_http(v))
		set_meta(&r->meta[META_AUTHOR], v);
	else if (strcasecmp(key, "og:url") == 0 && is_http(v))
		set_meta(&r->meta[META_URL], v);
	else if (strcasecmp(key, "article:published_time") == 0 ||
	    strcasecmp(key, "datePublished") == 0 ||
	    strcasecmp(key, "pubdate") == 0 ||
	    strcasecmp(key, "publishdate") == 0)
		set_date(&r->date, v);
	xmlFree(key);
	xmlFree(v);
}

/* Pass 2: the metadata, wherever it stands. */
static void
read_metadata(struct reader *r, xmlNode *n, int depth)
{
	char	*v;

	for (n = n->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || depth >= HTML_DEPTH)
			continue;
		if (strchr("mlst", n->name[0]) == NULL || n->name[0] == '\0')
			;	/* none of the elements below */
		else if (name_is(n, "meta"))
			read_meta(r, n);
		else if (name_is(n, "link") && attr_is(n, "rel", "canonical")) {
			if ((v = attr(n, "href")) != NULL && is_http(v) &&
			    !r->canonical) {
				free(r->meta[META_URL]);
				r->meta[META_URL] = meta_value(v, strlen(v));
				r->canonical = 1;
			}
			xmlFree(v);
		} else if (name_is(n, "script")) {
			if (attr_is(n, "type", "application/ld+json") &&
			    n->children != NULL && n->children->content != NULL)
				read_json_ld(r, (const char *)
				    n->children->content);
		} else if (name_is(n, "time") && r->time_date.month == 0) {
			if ((v = attr(n, "datetime")) != NULL)
				set_date(&r->time_date, v);
			xmlFree(v);
		} else if (name_is(n, "title") && r->title_elem == NULL) {
			if (n->children != NULL && n->children->content != NULL)
				set_meta(&r->title_elem,
				    (const char *)n->children->content);
		}
		if (!skipped(n) || name_is(n, "head"))
			read_metadata(r, n, depth + 1);
	}
}

/* The block read so far becomes a line of the text. */
static void
flush(struct reader *r)
{
	unsigned	h = r->hint;

	while (r->line.len > 0 && r->line.s[r->line.len - 1] == ' ')
		r->line.len--;
	if (r->line.len == 0) {
		r->chars = r->linkchars = 0;
		return;
	}
	if ((h & CLEAN_HINT_BLOCK) == 0)
		h |= CLEAN_HINT_DIV;
	if ((h & CLEAN_HINT_BLOCK) != CLEAN_HINT_H1 &&
	    r->linkchars * 2 > r->chars)
		h |= CLEAN_HINT_LINKS;
	buf_add(&r->text, r->line.s, r->line.len);
	buf_addc(&r->text, '\n');
	if (r->nhints == r->cap) {
		r->cap = r->cap == 0 ? 256 : r->cap * 2;
		r->hints = xreallocarray(r->hints, r->cap, sizeof *r->hints);
	}
	r->hints[r->nhints++] = h;
	if ((h & CLEAN_HINT_BLOCK) == CLEAN_HINT_H1 &&
	    !(h & CLEAN_HINT_FURNITURE) && (r->h1 == 0 || (!r->h1_article &&
	    (h & CLEAN_HINT_ARTICLE)))) {
		r->h1 = r->nhints;
		r->h1_article = (h & CLEAN_HINT_ARTICLE) != 0;
	}
	r->line.len = 0;
	r->chars = r->linkchars = 0;
}

/* Text into the block, white space collapsed, a run at a time. */
static void
add_text(struct reader *r, const char *s, unsigned ctx, int link)
{
	static const char space[] = " \t\n\r\f";
	size_t	n = 0, k;

	while (*s != '\0') {
		if ((k = strspn(s, space)) > 0) {
			if (r->line.len > 0 && r->line.s[r->line.len - 1] != ' ')
				buf_addc(&r->line, ' ');
			s += k;
			continue;
		}
		if (r->line.len == 0)
			r->hint = ctx;
		k = strcspn(s, space);
		buf_add(&r->line, s, k);
		s += k;
		n += k;
	}
	r->chars += n;
	if (link)
		r->linkchars += n;
}

/* Pass 3: the visible blocks. */
static void
read_blocks(struct reader *r, xmlNode *n, unsigned ctx, int depth, int link)
{
	const struct tag	*t;
	unsigned		 block, sub;

	for (n = n->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type ==
		    XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				add_text(r, (const char *)n->content, ctx, link);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || depth >= HTML_DEPTH)
			continue;
		t = tag_of(n);
		if (t != NULL && t->kind == TAG_BR) {
			flush(r);
			continue;
		}
		if (skipped_tag(n, t))
			continue;
		sub = ctx | place_of(n, t, ctx);
		if (n->_private == MARK_ARTICLE)
			sub |= CLEAN_HINT_ARTICLE;
		block = t != NULL ? t->kind : 0;
		if (sub & PLACE_CAPTION) {
			sub &= ~PLACE_CAPTION;
			block = CLEAN_HINT_CAPTION;
		}
		/* a caption's paragraphs are the caption */
		if (block != 0 && (ctx & CLEAN_HINT_BLOCK) == CLEAN_HINT_CAPTION)
			block = CLEAN_HINT_CAPTION;
		if (block == 0) {
			read_blocks(r, n, sub, depth + 1, link ||
			    name_is(n, "a"));
			continue;
		}
		if (block != CLEAN_HINT_DIV)
			sub = (sub & ~CLEAN_HINT_BLOCK) | block;
		flush(r);
		read_blocks(r, n, sub, depth + 1, link);
		flush(r);
	}
}

int
html_is_page(const char *buf, size_t len)
{
	static const char *const opens[] = {
		"<!doctype html", "<html", "<head", "<body", NULL
	};
	size_t	i = 0, k, n = len < 1024 ? len : 1024;
	char	low[1025];

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	else if (len >= 2 && (memcmp(buf, "\xff\xfe", 2) == 0 ||
	    memcmp(buf, "\xfe\xff", 2) == 0)) {
		/* UTF-16: "<" and its zero byte, either way round */
		for (i = 2; i + 1 < n && (buf[i] == '\0' || buf[i] == ' ' ||
		    buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t'); i++)
			;
		return i < n && buf[i] == '<';
	}
	while (i < n && strchr(" \t\r\n\f", buf[i]) != NULL && buf[i] != '\0')
		i++;
	if (i >= n || buf[i] != '<')
		return 0;
	for (k = i; k < n; k++)
		low[k - i] = (char)tolower((unsigned char)buf[k]);
	low[k - i] = '\0';
	for (k = 0; opens[k] != NULL; k++) {
		if (strncmp(low, opens[k], strlen(opens[k])) == 0)
			return 1;
	}
	/* an XML declaration, a comment, <meta> or <title> first */
	return (strncmp(low, "<?xml", 5) == 0 || strncmp(low, "<!--", 4) ==
	    0 || strncmp(low, "<meta", 5) == 0 || strncmp(low, "<title", 6) ==
	    0) && (strstr(low, "<html") != NULL || strstr(low, "<body") !=
	    NULL || strstr(low, "<head") != NULL);
}

/*
 * The charset a page declares in its first bytes (<meta charset=...> or
 * http-equiv's content="...; charset=..."), into name; 0 when none.
 */
static int
declared_charset(const char *buf, size_t len, char *name, size_t size)
{
	size_t		 n = len < HTML_SNIFF ? len : HTML_SNIFF, i, k;
	const char	*p;

	for (i = 0; i + 7 < n; i++) {
		if (strncasecmp(buf + i, "charset", 7) != 0)
			continue;
		p = buf + i + 7;
		while (p < buf + n && (*p == ' ' || *p == '\t'))
			p++;
		if (p >= buf + n || *p != '=')
			continue;
		for (p++; p < buf + n && (*p == ' ' || *p == '"' ||
		    *p == '\''); p++)
			;
		for (k = 0; p + k < buf + n && k + 1 < size &&
		    (isalnum((unsigned char)p[k]) || (p[k] != '\0' &&
		    strchr("-_.:", p[k]) != NULL)); k++)
			name[k] = p[k];
		name[k] = '\0';
		if (k > 0)
			return 1;
	}
	return 0;
}

/* The encoding to decode the page from; NULL: UTF-8. */
static const char *
page_encoding(const char *buf, size_t len, const char *encoding,
    char *name, size_t size)
{
	if (encoding != NULL)
		return encoding;
	if (len >= 2 && (memcmp(buf, "\xff\xfe", 2) == 0 ||
	    memcmp(buf, "\xfe\xff", 2) == 0))
		return "UTF-16";
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		return NULL;
	/* a page that is UTF-8 is read as UTF-8, whatever it declares:
	 * saved pages keep the charset of the page they were saved from */
	if (text_utf8_check(buf, len) == len)
		return NULL;
	if (!declared_charset(buf, len, name, size) ||
	    strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0 ||
	    !decode_encoding_known(name))
		return NULL;	/* decode_page() says why it is not UTF-8 */
	return name;
}

static void
take_meta(struct reader *r, struct html_page *page)
{
	struct clean_markup	*m = &page->markup;

	set_meta(&r->meta[META_TITLE], r->ld_title);
	set_meta(&r->meta[META_TITLE], r->title_elem);
	set_meta(&r->meta[META_SOURCE], r->ld_source);
	set_meta(&r->meta[META_AUTHOR], r->ld_author);
	memcpy(page->meta, r->meta, sizeof page->meta);
	m->hints = page->hints;
	m->nhints = page->nhints;
	m->headline = r->h1;
	m->title = page->meta[META_TITLE];
	m->source = page->meta[META_SOURCE];
	m->author = page->meta[META_AUTHOR];
	m->url = page->meta[META_URL];
	m->date = r->date.month != 0 ? r->date : r->ld_date.month != 0 ?
	    r->ld_date : r->time_date;
}

int
html_read(const char *buf, size_t len, const char *encoding,
    struct html_page *page, char **cause)
{
	struct reader	 r = { 0 };
	htmlDocPtr	 doc;
	xmlNode		*root;
	char		*utf8, name[48];
	size_t		 ulen;

	*cause = NULL;
	memset(page, 0, sizeof *page);
	encoding = page_encoding(buf, len, encoding, name, sizeof name);
	if ((utf8 = decode_page(buf, len, encoding, &ulen, cause)) == NULL)
		return -1;
	if (ulen > INT32_MAX) {
		free(utf8);
		*cause = xstrdup("page is too large");
		return -1;
	}
	doc = htmlReadMemory(utf8, (int)ulen, NULL, "UTF-8", HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
	    HTML_PARSE_COMPACT);
	free(utf8);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		xmlFreeDoc(doc);
		*cause = xstrdup("HTML page cannot be parsed");
		return -1;
	}
	read_metadata(&r, (xmlNode *)doc, 0);
	mark_article((xmlNode *)doc);
	read_blocks(&r, (xmlNode *)doc, 0, 0, 0);
	flush(&r);
	xmlFreeDoc(doc);
	page->nhints = r.nhints;
	page->hints = r.hints;
	take_meta(&r, page);
	free(r.title_elem);
	free(r.ld_title);
	free(r.ld_source);
	free(r.ld_author);
	buf_free(&r.line);
	if (r.text.len == 0) {
		buf_free(&r.text);
		html_page_free(page);
		*cause = xstrdup("HTML page shows no text");
		return -1;
	}
	page->len = r.text.len;
	page->text = buf_take(&r.text);
	return 0;
}

void
html_page_free(struct html_page *page)
{
	size_t	i;

	if (page == NULL)
		return;
	free(page->text);
	free(page->hints);
	for (i = 0; i < sizeof page->meta / sizeof page->meta[0]; i++)
		free(page->meta[i]);
	memset(page, 0, sizeof *page);
}
