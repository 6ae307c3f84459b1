/*
 * html.c: a saved HTML page to the text a text page would have, one
 * visible block a line, with what the markup says about each block and
 * the page's metadata.
 *
 * The parser is libxml2's HTML parser: maintained, in every Debian, and
 * it reads broken markup as browsers do (unclosed tags, stray end tags).
 * It is given UTF-8 already decoded here and told never to touch the
 * network. Its SAX interface is used, not its tree: building libxml2's
 * tree (a node, attribute nodes and strings, each allocated and freed)
 * cost more than parsing. One pass over the parser's events does this:
 *
 *  1. the metadata, read as its elements come: <meta> (Open Graph,
 *     article:*, author), the canonical link, JSON-LD, <time datetime>,
 *     <title>;
 *  2. a compact copy of what can be seen: the elements that are read (in
 *     document order, each with its parent, the end of its subtree and
 *     where its element, role, class and id put it) and their text.
 *
 * Then, on that copy, as on a tree, each walk bounded in depth:
 *
 *  3. the article: every paragraph's own text (not its links) counts for
 *     its parent and half for its grandparent, as Readability does; the
 *     element with the most is the article's, widened to an enclosing
 *     <article> or schema.org Article a few levels up;
 *  4. the blocks: the visible text of each block element, a line each,
 *     and its hint: the element (h1, p, li, figcaption...) and where it
 *     stands (inside the article; in a nav, aside, footer, header or
 *     comments, by element, ARIA role or class; mostly link text).
 *
 * The copy places every element and text where libxml2's tree would
 * (text outside any element is dropped; an element after the root is
 * closed goes into the root; the parser stops where the tree would be
 * deeper than xmlParserMaxDepth or a text longer than
 * XML_MAX_TEXT_LENGTH), so that the result is the tree's.
 *
 * Script, style, template, noscript and embedded objects are skipped
 * unread; so are elements marked hidden.
 *
 * libxml2 is loaded (dlopen) when the first HTML page is read, not
 * linked: with ICU and libstdc++, which it brings, it cost every start
 * of newsread several milliseconds, and only reading HTML uses it. Its
 * headers give the types; the functions are called through xml below.
 */
#include "config.h"

#include <ctype.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "article.h"
#include "date.h"
#include "decode.h"
#include "html.h"
#include "text.h"
#include "util.h"

/* the header's name for the thread's allocator: ours is the table's */
#undef xmlFree

/* libxml2's functions and variables that html.c uses, from the library. */
struct xml_lib {
	void			*dl;
	void			 (*xmlInitParser)(void);
	xmlParserCtxtPtr	 (*xmlCreateMemoryParserCtxt)(const char *, int);
	int			 (*htmlCtxtUseOptions)(htmlParserCtxtPtr, int);
	xmlCharEncodingHandlerPtr (*xmlFindCharEncodingHandler)(const char *);
	int			 (*xmlSwitchToEncoding)(xmlParserCtxtPtr,
				    xmlCharEncodingHandlerPtr);
	xmlChar			*(*xmlStrdup)(const xmlChar *);
	int			 (*htmlParseDocument)(htmlParserCtxtPtr);
	void			 (*htmlFreeParserCtxt)(htmlParserCtxtPtr);
	void			 (*xmlStopParser)(xmlParserCtxtPtr);
	xmlChar			*(*xmlSplitQName)(xmlParserCtxtPtr,
				    const xmlChar *, xmlChar **);
	/* the process's; libxml2's allocator is never replaced here, so
	 * every thread's is this one */
	xmlFreeFunc		*xmlFree;
	unsigned int		*xmlParserMaxDepth;
};

static struct xml_lib	 xml;
static char		*xml_cause;	/* why it could not be loaded */
static pthread_once_t	 xml_once = PTHREAD_ONCE_INIT;

/* Load libxml2 from file into *x: 0, or -1 and an allocated *cause. */
static int
xml_open(const char *file, struct xml_lib *x, char **cause)
{
	static const struct {
		const char	*name;
		size_t		 at;
	} syms[] = {
#define SYM(f)	{ #f, offsetof(struct xml_lib, f) }
		SYM(xmlInitParser), SYM(xmlCreateMemoryParserCtxt),
		SYM(htmlCtxtUseOptions), SYM(xmlFindCharEncodingHandler),
		SYM(xmlSwitchToEncoding), SYM(xmlStrdup),
		SYM(htmlParseDocument), SYM(htmlFreeParserCtxt),
		SYM(xmlStopParser), SYM(xmlSplitQName), SYM(xmlFree),
		SYM(xmlParserMaxDepth),
#undef SYM
	};
	const char	*e;
	void		*p;
	size_t		 i;

	memset(x, 0, sizeof *x);
	if ((x->dl = dlopen(file, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		e = dlerror();
		*cause = xasprintf("cannot read HTML pages without libxml2 "
		    "(%s): install it (Debian: the package libxml2)",
		    e != NULL ? e : file);
		return -1;
	}
	for (i = 0; i < sizeof syms / sizeof syms[0]; i++) {
		if ((p = dlsym(x->dl, syms[i].name)) == NULL) {
			*cause = xasprintf("cannot read HTML pages: %s has no "
			    "%s (libxml2 2.9 or later is needed)", file,
			    syms[i].name);
			dlclose(x->dl);
			memset(x, 0, sizeof *x);
			return -1;
		}
		/* POSIX: a dlsym() result converts to a function pointer */
		memcpy((char *)x + syms[i].at, &p, sizeof p);
	}
	return 0;
}

static void
xml_load_once(void)
{
	if (xml_open(LIBXML_FILE, &xml, &xml_cause) == 0)
		xml.xmlInitParser();
}

/* libxml2, loaded once a process: 0, or -1 and an allocated *cause. */
static int
xml_load(char **cause)
{
	pthread_once(&xml_once, xml_load_once);
	if (xml.dl != NULL)
		return 0;
	*cause = xstrdup(xml_cause);
	return -1;
}

int
html_lib_check(const char *file, char **cause)
{
	struct xml_lib	x;

	*cause = NULL;
	if (xml_open(file != NULL ? file : LIBXML_FILE, &x, cause) != 0)
		return -1;
	dlclose(x.dl);
	return 0;
}

#define HTML_DEPTH	200	/* elements deeper are not read */
#define HTML_ATTR_MAX	1024	/* bytes of a class or style looked at */
#define HTML_META_MAX	600	/* bytes of a metadata value kept */
#define HTML_BAD_UTF8	1000	/* declared UTF-8: a bad byte in as many */
#define HTML_SNIFF	4096	/* bytes looked at for a charset */
#define HTML_MIN_ARTICLE 120	/* bytes of paragraphs: an article */
#define HTML_SIBLINGS	16	/* an article's other parts at most */
#define HTML_PARTS_UP	4	/* levels above the best part they share */
#define HTML_LI_PROSE	80	/* bytes of a list item's own text: prose */
#define HTML_OPEN_MAX	1024	/* open elements followed, at most */

/* words_place(): a class that names a caption ("PhotoCMS_Caption") */
#define PLACE_CAPTION	0x10000u

/* struct node's mark while the blocks are read */
#define MARK_ABOVE	1	/* holds the article */
#define MARK_ARTICLE	2	/* the article, or a part of it */

/* struct node's flags */
#define NODE_TEXT	0x01	/* a run of text, not an element */
#define NODE_A		0x02	/* <a> */
#define NODE_P		0x04	/* <p> */
#define NODE_ARTICLE	0x08	/* <article> */
#define NODE_ARTICLE_TYPE 0x10	/* <article> or a schema.org Article */
#define NODE_BLOCKS	0x20	/* holds a block element */
#define NODE_FURNITURE	0x40	/* in a nav, aside, footer or comments */

#define NONE		UINT32_MAX

enum meta_field { META_TITLE, META_SOURCE, META_AUTHOR, META_URL };

/*
 * An element that is read, or a run of text in one, in document order:
 * an element's subtree is the nodes after it up to its end.
 */
struct node {
	uint32_t	 parent;	/* NONE: the document */
	uint32_t	 end;		/* element: one past its subtree */
	uint32_t	 text;		/* text: its offset in reader.store */
	uint32_t	 len;		/* text: its bytes */
	uint16_t	 tag;		/* element: tags[] index + 1, 0: inline */
	uint8_t		 flags;		/* NODE_* */
	uint8_t		 mark;		/* MARK_* */
	unsigned	 place;		/* by element, role, class and id */
	size_t		 score;		/* its paragraphs' text */
	size_t		 cscore;	/* of it, outside the site's places */
};

/* An element the parser has open. */
struct open {
	uint32_t	 node;		/* NONE: not read (skipped, deep) */
	unsigned	 depth;		/* in the tree: the root's is 0 */
	int		 meta;		/* metadata is read inside */
};

/* What the document's first node is (libxml2 puts elements after the
 * root's end inside it, unless a doctype or comment comes first). */
enum first { FIRST_NONE, FIRST_ELEMENT, FIRST_OTHER };

/* The first child of a <title> or JSON-LD <script>, as it comes. */
enum capture { CAP_NONE, CAP_WAIT, CAP_TEXT, CAP_CDATA, CAP_DONE };

struct reader {
	htmlParserCtxtPtr ctxt;
	int		 stopped;	/* where libxml2's tree would stop */
	int		 elements;	/* the page has any element */
	struct node	*nodes;
	size_t		 nnodes;
	size_t		 nodecap;
	struct buf	 store;		/* the text runs, each NUL-ended */
	struct open	 open[HTML_OPEN_MAX];
	size_t		 nopen;
	enum first	 first;
	struct open	 root;		/* the first element */
	uint32_t	 run;		/* the text node being added to */
	int		 run_kind;	/* libxml2's: NODE_TEXT, 1: CDATA */
	size_t		 run_len;
	enum capture	 capture;
	size_t		 cap_level;	/* nopen of the element captured */
	int		 cap_script;	/* a script, not a title */
	int		 cap_null;	/* its first child holds no text */
	struct buf	 cap_text;

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

/* The element's entry, or NULL for an inline or unknown one. */
static const struct tag *
tag_find(const char *name)
{
	return bsearch(name, tags, sizeof tags / sizeof tags[0],
	    sizeof tags[0], tag_cmp);
}

static const struct tag *
tag_of(const struct node *n)
{
	return n->tag == 0 ? NULL : &tags[n->tag - 1];
}

/*
 * An attribute's value from the parser's list (name, value, ...), ""
 * when it has none (as libxml2's tree gives it), NULL when it is not
 * there.
 */
static const char *
attr(const xmlChar **atts, const char *name)
{
	size_t	i;

	for (i = 0; atts != NULL && atts[i] != NULL; i += 2) {
		if (strcmp((const char *)atts[i], name) == 0)
			return atts[i + 1] != NULL ? (const char *)atts[i + 1] :
			    "";
	}
	return NULL;
}

/* Whether the attribute is there and equals value, ignoring case. */
static int
attr_is(const xmlChar **atts, const char *name, const char *value)
{
	const char	*v = attr(atts, name);

	return v != NULL && strcasecmp(v, value) == 0;
}

/* The attributes looked at, read in one pass. */
struct attrs {
	const char	*class;
	const char	*id;
	const char	*role;
	const char	*style;
	int		 hidden;	/* hidden, aria-hidden="true" */
	int		 article;	/* a schema.org Article's itemtype */
};

static void
attrs_of(const xmlChar **atts, struct attrs *a)
{
	const char	*name, *v;
	size_t		 i;

	memset(a, 0, sizeof *a);
	for (i = 0; atts != NULL && atts[i] != NULL; i += 2) {
		name = (const char *)atts[i];
		v = atts[i + 1] != NULL ? (const char *)atts[i + 1] : "";
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
		else if (strcmp(name, "itemtype") == 0)
			a->article = strstr(v, "Article") != NULL;
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


/*
 * Elements never read: code, styles, embedded objects, forms' controls,
 * hidden elements.
 */
static int
skipped(const struct tag *t, const struct attrs *a)
{
	return (t != NULL && t->kind == TAG_SKIP) || a->hidden ||
	    (a->style != NULL && style_hides(a->style));
}

/* Where an element puts what it holds by itself: CLEAN_HINT_NAV... */
static unsigned
place_own(const struct tag *t, const struct attrs *a)
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
	size_t		 i;

	for (i = 0; a->role != NULL && i < sizeof roles / sizeof roles[0];
	    i++) {
		if (strcasecmp(a->role, roles[i].role) == 0)
			place |= roles[i].place;
	}
	if (a->class != NULL)
		place |= words_place(a->class);
	if (a->id != NULL)
		place |= words_place(a->id);
	return place;
}

/* Where an element puts what it holds: CLEAN_HINT_NAV... or 0. */
static unsigned
place_of(const struct node *n, unsigned ctx)
{
	unsigned	place = n->place;

	/* the article and what holds it are the article's, whatever named */
	if (n->mark == MARK_ABOVE || n->mark == MARK_ARTICLE)
		return 0;
	/* an article's own header holds its headline and byline */
	if ((ctx & CLEAN_HINT_ARTICLE) || (n->flags & NODE_ARTICLE))
		place &= ~CLEAN_HINT_HEADER;
	return place;
}

/* Bytes of s that are not white space. */
static size_t
visible(const char *s, size_t len)
{
	size_t	i, k = len;

	for (i = 0; i < len; i++)
		k -= s[i] == ' ' || s[i] == '\n' || s[i] == '\t' ||
		    s[i] == '\r' || s[i] == '\f';
	return k;
}

/* Bytes of text in nodes [i, end), and of them inside links in *links;
 * white space does not count. */
static size_t
text_size(const struct reader *r, uint32_t i, uint32_t end, int link,
    size_t *links)
{
	const struct node	*n;
	size_t			 size = 0, k;

	while (i < end) {
		n = &r->nodes[i];
		if (n->flags & NODE_TEXT) {
			k = visible(r->store.s + n->text, n->len);
			size += k;
			if (link)
				*links += k;
			i = n->end;
			continue;
		}
		size += text_size(r, i + 1, n->end, link ||
		    (n->flags & NODE_A), links);
		i = n->end;
	}
	return size;
}

/* Mark the elements that hold a block (NODE_BLOCKS), in one pass. */
static void
mark_blocks(struct reader *r)
{
	struct node		*n;
	const struct tag	*t;
	uint32_t		 i;

	for (i = (uint32_t)r->nnodes; i-- > 0;) {
		n = &r->nodes[i];
		if (n->parent == NONE || (n->flags & NODE_TEXT))
			continue;
		t = tag_of(n);
		if ((n->flags & NODE_BLOCKS) || (t != NULL && t->kind != 0 &&
		    t->kind != TAG_BR))
			r->nodes[n->parent].flags |= NODE_BLOCKS;
	}
}

/* A paragraph of size bytes in element up: counted for it and its
 * parent. */
static void
credit(struct reader *r, uint32_t up, size_t size)
{
	struct node	*n;

	if (size < 20 || up == NONE)
		return;
	n = &r->nodes[up];
	n->score += size;
	if (!(n->flags & NODE_FURNITURE))
		n->cscore += size;
	if (n->parent != NONE) {
		r->nodes[n->parent].score += size / 2;
		if (!(n->flags & NODE_FURNITURE))
			r->nodes[n->parent].cscore += size / 2;
	}
}

/* Whether node i is an element of this kind: CLEAN_HINT_DIV (a division,
 * whose loose text is read as paragraphs), CLEAN_HINT_LI... */
static int
is_kind(const struct reader *r, uint32_t i, unsigned kind)
{
	const struct tag	*t;

	return i != NONE && (t = tag_of(&r->nodes[i])) != NULL &&
	    t->kind == kind;
}

/*
 * The article, 1: paragraphs' own text in nodes [i, end), the children of
 * element up, counted for parent and grandparent, less the text of their
 * links. Text outside any block in a division (a run of text and inline
 * elements between blocks, or a <div> of text alone) is a paragraph too,
 * as a browser shows it; not a list item's, a heading's or a cell's.
 */
static void
score_paragraphs(struct reader *r, uint32_t i, uint32_t end, uint32_t up)
{
	struct node	*n;
	size_t		 links, size, run = 0, runlinks = 0;
	int		 alone = 1;

	for (; i < end; i = n->end) {
		n = &r->nodes[i];
		if (!(n->flags & (NODE_P | NODE_BLOCKS)) && ((n->flags &
		    NODE_TEXT) || tag_of(n) == NULL || tag_of(n)->kind == 0)) {
			run += text_size(r, i, n->end, 0, &runlinks);
			continue;
		}
		alone = 0;
		if (is_kind(r, up, CLEAN_HINT_DIV))
			credit(r, up, run - runlinks);
		run = runlinks = 0;
		if (!(n->flags & NODE_P)) {
			score_paragraphs(r, i + 1, n->end, i);
			continue;
		}
		links = 0;
		size = text_size(r, i + 1, n->end, 0, &links);
		credit(r, up, size - links);
	}
	/* a division of text alone is a paragraph of its parent */
	if (is_kind(r, up, CLEAN_HINT_DIV))
		credit(r, alone ? r->nodes[up].parent : up, run - runlinks);
	/* so is a list item of prose (not a menu's: its links don't count),
	 * of what holds the list, as the paragraphs around it are */
	else if (alone && is_kind(r, up, CLEAN_HINT_LI) && run - runlinks >=
	    HTML_LI_PROSE && r->nodes[up].parent != NONE)
		credit(r, r->nodes[r->nodes[up].parent].parent, run - runlinks);
}

/*
 * Mark the nodes that stand in a nav, aside, footer or comments, by
 * themselves or an element holding them (NODE_FURNITURE), in one pass:
 * parents come before their children. An <article>'s class ("tag-
 * software", "category-news", as WordPress names a post) is not taken as
 * its place.
 */
static void
mark_furniture(struct reader *r)
{
	const unsigned	 furniture = CLEAN_HINT_NAV | CLEAN_HINT_ASIDE |
	    CLEAN_HINT_FOOTER | CLEAN_HINT_COMMENTS;
	const struct tag *t;
	struct node	*n;
	size_t		 i;

	for (i = 0; i < r->nnodes; i++) {
		n = &r->nodes[i];
		if (n->parent != NONE &&
		    (r->nodes[n->parent].flags & NODE_FURNITURE))
			n->flags |= NODE_FURNITURE;
		else if ((n->place & furniture) && (!(n->flags &
		    NODE_ARTICLE_TYPE) || ((t = tag_of(n)) != NULL &&
		    (t->place & furniture))))
			n->flags |= NODE_FURNITURE;
	}
}

/* The article, 2: mark its elements and what holds them. */
static void
mark_article(struct reader *r)
{
	struct node	*nodes = r->nodes;
	uint32_t	 best = NONE, clean = NONE, core, i, n, end;
	uint32_t	 parts[HTML_SIBLINGS];
	size_t		 nparts = 0, k, up, top;

	mark_blocks(r);
	mark_furniture(r);
	score_paragraphs(r, 0, (uint32_t)r->nnodes, NONE);
	for (i = 0; i < r->nnodes; i++) {
		if (nodes[i].flags & NODE_TEXT)
			continue;
		if (best == NONE || nodes[i].score > nodes[best].score)
			best = i;
		if (!(nodes[i].flags & NODE_FURNITURE) && (clean == NONE ||
		    nodes[i].cscore > nodes[clean].cscore))
			clean = i;
	}
	/*
	 * Paragraphs in a nav, aside, footer or comments (a deals box's
	 * teasers, a long comment) are not the article when paragraphs
	 * outside them weigh a quarter as much.
	 */
	if (best != NONE && clean != NONE && clean != best &&
	    nodes[clean].cscore >= HTML_MIN_ARTICLE &&
	    nodes[clean].cscore * 4 >= nodes[best].score)
		best = clean;
	if (best == NONE || (top = nodes[best].score) < HTML_MIN_ARTICLE)
		return;
	/* an enclosing <article> a few levels up holds its headline, lead */
	core = best;
	for (n = nodes[best].parent, up = 0; n != NONE && up < 4;
	    n = nodes[n].parent, up++) {
		if (nodes[n].flags & NODE_ARTICLE_TYPE) {
			best = n;
			break;
		}
	}
	parts[nparts++] = best;
	if (!(nodes[best].flags & NODE_ARTICLE_TYPE)) {
		/* paragraphs split by boxes: the parts that weigh under what
		 * holds the best a few levels up, none in the site's places */
		for (n = nodes[best].parent, up = 1; n != NONE &&
		    up < HTML_PARTS_UP && nodes[n].parent != NONE; up++)
			n = nodes[n].parent;
		i = n != NONE ? n + 1 : 0;
		end = n != NONE ? nodes[n].end : (uint32_t)r->nnodes;
		while (i < end && nparts < HTML_SIBLINGS) {
			if (i == best || (nodes[i].flags & NODE_TEXT)) {
				i = nodes[i].end;
				continue;
			}
			/* too light, or what holds the best: look inside */
			if (nodes[i].score * 4 < top || (i < best &&
			    nodes[i].end > best)) {
				i++;
				continue;
			}
			for (up = i; up != n && place_of(&nodes[up], 0) == 0;)
				up = nodes[up].parent;
			if (up == n)
				parts[nparts++] = i;
			i = nodes[i].end;
		}
	}
	for (k = 0; k < nparts; k++) {
		nodes[parts[k]].mark = MARK_ARTICLE;
		for (n = nodes[parts[k]].parent; n != NONE &&
		    nodes[n].mark == 0; n = nodes[n].parent)
			nodes[n].mark = MARK_ABOVE;
	}
	/* what holds the paragraphs inside it is the article's, whatever
	 * named ("l-sidebar-fixed") */
	for (n = core; n != best && n != NONE; n = nodes[n].parent)
		if (nodes[n].mark == 0)
			nodes[n].mark = MARK_ABOVE;
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
read_meta(struct reader *r, const xmlChar **atts)
{
	const char	*key, *v;

	if ((v = attr(atts, "content")) == NULL)
		return;
	if ((key = attr(atts, "property")) == NULL && (key = attr(atts,
	    "name")) == NULL && (key = attr(atts, "itemprop")) == NULL)
		return;
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
}

/*
 * The metadata an element holds, wherever it stands: read as it opens,
 * or for <title> and JSON-LD, from its first child when it closes.
 */
static void
read_metadata(struct reader *r, const char *name, const xmlChar **atts)
{
	const char	*v;

	if (name[0] == '\0' || strchr("mlst", name[0]) == NULL)
		return;	/* none of the elements below */
	if (strcmp(name, "meta") == 0)
		read_meta(r, atts);
	else if (strcmp(name, "link") == 0 && attr_is(atts, "rel",
	    "canonical")) {
		if ((v = attr(atts, "href")) != NULL && is_http(v) &&
		    !r->canonical) {
			free(r->meta[META_URL]);
			r->meta[META_URL] = meta_value(v, strlen(v));
			r->canonical = 1;
		}
	} else if (strcmp(name, "script") == 0) {
		if (attr_is(atts, "type", "application/ld+json")) {
			r->capture = CAP_WAIT;
			r->cap_script = 1;
		}
	} else if (strcmp(name, "time") == 0 && r->time_date.month == 0) {
		if ((v = attr(atts, "datetime")) != NULL)
			set_date(&r->time_date, v);
	} else if (strcmp(name, "title") == 0 && r->title_elem == NULL) {
		r->capture = CAP_WAIT;
		r->cap_script = 0;
	}
	if (r->capture == CAP_WAIT) {
		r->cap_level = r->nopen;
		r->cap_null = 1;
		r->cap_text.len = 0;
	}
}

/* The captured element ends: its first child's text is read. */
static void
capture_end(struct reader *r)
{
	if (r->capture != CAP_NONE && !r->cap_null) {
		buf_addc(&r->cap_text, '\0');
		if (r->cap_script)
			read_json_ld(r, r->cap_text.s);
		else
			set_meta(&r->title_elem, r->cap_text.s);
	}
	r->capture = CAP_NONE;
}

/*
 * Another node comes in the captured element: its first child is the
 * text so far, or this node (kind: NODE_TEXT, 1 for CDATA, 0 for an
 * element, 2 for a comment with text s).
 */
static void
capture_node(struct reader *r, int kind, const char *s, size_t len)
{
	if (r->capture == CAP_NONE || r->capture == CAP_DONE ||
	    r->nopen != r->cap_level)
		return;
	if (kind == NODE_TEXT || kind == 1) {
		if (r->capture == CAP_WAIT)
			r->capture = kind == 1 ? CAP_CDATA : CAP_TEXT;
		else if (r->capture != (kind == 1 ? CAP_CDATA : CAP_TEXT)) {
			r->capture = CAP_DONE;
			return;
		}
		buf_add(&r->cap_text, s, len);
		r->cap_null = 0;
		return;
	}
	if (r->capture == CAP_WAIT && kind == 2 && s != NULL) {
		buf_add(&r->cap_text, s, len);
		r->cap_null = 0;
	}
	r->capture = CAP_DONE;
}

/* libxml2 would stop here: so do we. */
static void
stop(struct reader *r)
{
	r->stopped = 1;
	xml.xmlStopParser(r->ctxt);
}

/* Another node than text: the text node being added to ends. */
static void
run_end(struct reader *r)
{
	r->run = NONE;
	r->run_kind = 0;
	r->run_len = 0;
}

static uint32_t
node_add(struct reader *r, uint32_t parent)
{
	struct node	*n;

	if (r->nnodes == r->nodecap) {
		r->nodecap = r->nodecap == 0 ? 256 : r->nodecap * 2;
		r->nodes = xreallocarray(r->nodes, r->nodecap,
		    sizeof *r->nodes);
	}
	n = &r->nodes[r->nnodes];
	memset(n, 0, sizeof *n);
	n->parent = parent;
	n->end = (uint32_t)r->nnodes + 1;
	return (uint32_t)r->nnodes++;
}

static void
sax_start(void *ctx, const xmlChar *fullname, const xmlChar **atts)
{
	struct reader		*r = ((htmlParserCtxtPtr)ctx)->_private;
	const struct open	*up;
	const struct tag	*t;
	struct open		*o;
	struct attrs		 a;
	struct node		*n;
	const char		*name = (const char *)fullname;
	xmlChar			*local = NULL, *prefix = NULL;
	int			 skip;

	if (r->stopped)
		return;
	if (r->nopen > *xml.xmlParserMaxDepth || r->nopen >= HTML_OPEN_MAX) {
		stop(r);	/* libxml2 would not build the tree deeper */
		return;
	}
	run_end(r);
	capture_node(r, 0, NULL, 0);
	/* the tree keeps an element's local name ("o:p" is a p) */
	if (strchr(name, ':') != NULL && (local = xml.xmlSplitQName(r->ctxt,
	    fullname, &prefix)) != NULL)
		name = (const char *)local;
	if (r->nopen > 0)
		up = &r->open[r->nopen - 1];
	else if (r->first == FIRST_ELEMENT)
		up = &r->root;	/* after the root's end: into it */
	else
		up = NULL;
	o = &r->open[r->nopen++];
	o->depth = up != NULL ? up->depth + 1 : 0;
	o->node = NONE;
	o->meta = 0;
	t = tag_find(name);
	attrs_of(atts, &a);
	skip = skipped(t, &a);
	if ((up == NULL || up->meta) && o->depth < HTML_DEPTH) {
		read_metadata(r, name, atts);
		o->meta = !skip || strcmp(name, "head") == 0;
	}
	if ((up == NULL || up->node != NONE) && o->depth < HTML_DEPTH &&
	    (!skip || (t != NULL && t->kind == TAG_BR))) {
		o->node = node_add(r, up != NULL ? up->node : NONE);
		n = &r->nodes[o->node];
		n->tag = t == NULL ? 0 : (uint16_t)(t - tags + 1);
		n->place = place_own(t, &a);
		if (strcmp(name, "a") == 0)
			n->flags |= NODE_A;
		else if (strcmp(name, "p") == 0)
			n->flags |= NODE_P;
		else if (strcmp(name, "article") == 0)
			n->flags |= NODE_ARTICLE | NODE_ARTICLE_TYPE;
		if (a.article)
			n->flags |= NODE_ARTICLE_TYPE;
	}
	r->elements = 1;
	if (r->first == FIRST_NONE) {
		r->first = FIRST_ELEMENT;
		r->root = *o;
	}
	(*xml.xmlFree)(local);
	(*xml.xmlFree)(prefix);
}

static void
sax_end(void *ctx, const xmlChar *name)
{
	struct reader	*r = ((htmlParserCtxtPtr)ctx)->_private;
	struct open	*o;

	(void)name;
	if (r->stopped || r->nopen == 0)
		return;
	run_end(r);
	if (r->capture != CAP_NONE && r->nopen == r->cap_level)
		capture_end(r);
	o = &r->open[--r->nopen];
	if (o->node != NONE)
		r->nodes[o->node].end = (uint32_t)r->nnodes;
}

/*
 * Text (kind NODE_TEXT) or a script's or style's (1): into the element
 * open, as libxml2's tree takes it (outside any element: nowhere).
 */
static void
sax_text(struct reader *r, const char *s, int len, int kind)
{
	const struct open	*o;
	struct node		*n;

	if (r->stopped || r->nopen == 0 || len <= 0)
		return;
	if (r->run_kind == kind) {
		if (r->run_len + (size_t)len > XML_MAX_TEXT_LENGTH) {
			stop(r);	/* libxml2: "huge text node" */
			return;
		}
		r->run_len += (size_t)len;
	} else {
		r->run_kind = kind;
		r->run_len = (size_t)len;
		r->run = NONE;
	}
	capture_node(r, kind, s, (size_t)len);
	o = &r->open[r->nopen - 1];
	if (kind != NODE_TEXT || o->node == NONE)
		return;
	if (r->run == NONE) {
		r->run = node_add(r, o->node);
		n = &r->nodes[r->run];
		n->flags = NODE_TEXT;
		n->text = (uint32_t)r->store.len;
	} else
		r->store.len--;		/* its NUL */
	n = &r->nodes[r->run];
	buf_add(&r->store, s, (size_t)len);
	buf_addc(&r->store, '\0');
	n->len += (uint32_t)len;
}

static void
sax_characters(void *ctx, const xmlChar *s, int len)
{
	sax_text(((htmlParserCtxtPtr)ctx)->_private, (const char *)s, len,
	    NODE_TEXT);
}

static void
sax_cdata(void *ctx, const xmlChar *s, int len)
{
	sax_text(((htmlParserCtxtPtr)ctx)->_private, (const char *)s, len, 1);
}

/* A comment or processing instruction, with its text (or NULL). */
static void
sax_other(struct reader *r, const char *s)
{
	if (r->stopped)
		return;
	run_end(r);
	capture_node(r, 2, s, s != NULL ? strlen(s) : 0);
	if (r->nopen == 0 && r->first == FIRST_NONE)
		r->first = FIRST_OTHER;
}

static void
sax_comment(void *ctx, const xmlChar *s)
{
	sax_other(((htmlParserCtxtPtr)ctx)->_private, (const char *)s);
}

static void
sax_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	(void)target;
	sax_other(((htmlParserCtxtPtr)ctx)->_private, (const char *)data);
}

/* A doctype: libxml2 puts it first in the document. */
static void
sax_doctype(void *ctx, const xmlChar *name, const xmlChar *external,
    const xmlChar *system)
{
	struct reader	*r = ((htmlParserCtxtPtr)ctx)->_private;

	(void)name;
	(void)external;
	(void)system;
	if (!r->stopped)
		r->first = FIRST_OTHER;
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

/* Text into the block, white space collapsed: len bytes or to a NUL. */
static void
add_text(struct reader *r, const char *s, size_t len, unsigned ctx,
    int link)
{
	char	*d, *line;
	size_t	 n = 0;

	/* a run of white space becomes one space: never longer than s */
	buf_reserve(&r->line, len + 1);
	line = r->line.s;
	d = line + r->line.len;
	while (*s != '\0') {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
		    *s == '\f') {
			if (d > line && d[-1] != ' ')
				*d++ = ' ';
			s++;
			continue;
		}
		if (d == line)
			r->hint = ctx;
		do {
			*d++ = *s++;
			n++;
		} while (*s != '\0' && *s != ' ' && *s != '\t' &&
		    *s != '\n' && *s != '\r' && *s != '\f');
	}
	*d = '\0';
	r->line.len = (size_t)(d - line);
	r->chars += n;
	if (link)
		r->linkchars += n;
}

/* The article, 3: the visible blocks in nodes [i, end). */
static void
read_blocks(struct reader *r, uint32_t i, uint32_t end, unsigned ctx,
    int link)
{
	const struct tag	*t;
	const struct node	*n;
	unsigned		 block, sub;

	for (; i < end; i = n->end) {
		n = &r->nodes[i];
		if (n->flags & NODE_TEXT) {
			add_text(r, r->store.s + n->text, n->len, ctx, link);
			continue;
		}
		t = tag_of(n);
		if (t != NULL && t->kind == TAG_BR) {
			flush(r);
			continue;
		}
		sub = ctx | place_of(n, ctx);
		if (n->mark == MARK_ARTICLE)
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
			read_blocks(r, i + 1, n->end, sub, link ||
			    (n->flags & NODE_A));
			continue;
		}
		if (block != CLEAN_HINT_DIV)
			sub = (sub & ~CLEAN_HINT_BLOCK) | block;
		flush(r);
		read_blocks(r, i + 1, n->end, sub, link);
		flush(r);
	}
}

/*
 * Parse the UTF-8 page into r, as htmlReadMemory() would, with the
 * handlers above in place of the tree's. Returns -1 when libxml2 cannot
 * start or the page holds no element.
 */
static int
parse(struct reader *r, const char *utf8, int len)
{
	/* SAX1 (initialized is 1), as htmlReadMemory() sets it up */
	static const xmlSAXHandlerV1 sax = {
		.internalSubset = sax_doctype,
		.startElement = sax_start,
		.endElement = sax_end,
		.characters = sax_characters,
		.cdataBlock = sax_cdata,
		.comment = sax_comment,
		.processingInstruction = sax_pi,
		.initialized = 1,
	};
	xmlCharEncodingHandlerPtr enc;
	size_t			 i;

	if ((r->ctxt = xml.xmlCreateMemoryParserCtxt(utf8, len)) == NULL)
		return -1;
	memcpy(r->ctxt->sax, &sax, sizeof sax);
	r->ctxt->_private = r;
	r->run = NONE;
	xml.htmlCtxtUseOptions(r->ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
	r->ctxt->html = 1;
	if ((enc = xml.xmlFindCharEncodingHandler("UTF-8")) != NULL) {
		xml.xmlSwitchToEncoding(r->ctxt, enc);
		(*xml.xmlFree)((xmlChar *)r->ctxt->input->encoding);
		r->ctxt->input->encoding = xml.xmlStrdup((const xmlChar *)"UTF-8");
	}
	xml.htmlParseDocument(r->ctxt);
	xml.htmlFreeParserCtxt(r->ctxt);
	r->ctxt = NULL;
	/* what the parser left open (it stopped) ends with the page */
	if (r->capture != CAP_NONE)
		capture_end(r);
	for (i = 0; i < r->nopen; i++) {
		if (r->open[i].node != NONE)
			r->nodes[r->open[i].node].end = (uint32_t)r->nnodes;
	}
	/* elements after the root's end went into it */
	if (r->first == FIRST_ELEMENT && r->root.node != NONE)
		r->nodes[r->root.node].end = (uint32_t)r->nnodes;
	return r->elements ? 0 : -1;
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
		if ((buf[i] | 0x20) != 'c' || strncasecmp(buf + i, "charset",
		    7) != 0)
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
	if (!declared_charset(buf, len, name, size) ||
	    strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0 ||
	    !decode_encoding_known(name))
		return NULL;	/* decode_page() says why it is not UTF-8 */
	/* a page that is UTF-8 is read as UTF-8, whatever it declares:
	 * saved pages keep the charset of the page they were saved from */
	if (text_utf8_check(buf, len) == len)
		return NULL;
	return name;
}

/*
 * A page that declares UTF-8 but holds a few bytes that are not (a byte
 * of another encoding pasted in, a character cut when it was saved):
 * each such byte becomes U+FFFD, as a browser shows it, when they are at
 * most one in HTML_BAD_UTF8 bytes. NULL when the page is valid, when it
 * declares another charset or none (a legacy encoding, maybe: the error
 * names --encoding), or when the bad bytes are more.
 */
static char *
repair_utf8(const char *buf, size_t len, size_t *outlen)
{
	struct buf	 b = { 0 };
	char		 name[48];
	size_t		 i = 0, k, bad = 0;

	if (text_utf8_check(buf, len) == len || !declared_charset(buf, len,
	    name, sizeof name) || (strcasecmp(name, "utf-8") != 0 &&
	    strcasecmp(name, "utf8") != 0))
		return NULL;
	while (i < len) {
		k = text_utf8_check(buf + i, len - i);
		buf_add(&b, buf + i, k);
		if ((i += k) == len)
			break;
		if (++bad * HTML_BAD_UTF8 > len) {
			buf_free(&b);
			return NULL;
		}
		buf_add(&b, "\xef\xbf\xbd", 3);
		i++;
	}
	*outlen = b.len;
	return b.s;
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
	char		*utf8, *fixed = NULL, name[48];
	size_t		 ulen;
	int		 parsed;

	*cause = NULL;
	memset(page, 0, sizeof *page);
	if (xml_load(cause) != 0)
		return -1;
	encoding = page_encoding(buf, len, encoding, name, sizeof name);
	utf8 = decode_page(buf, len, encoding, &ulen, cause);
	/* only when it fails: the check is a pass over the page */
	if (utf8 == NULL && encoding == NULL && (fixed = repair_utf8(buf,
	    len, &ulen)) != NULL) {
		free(*cause);
		utf8 = decode_page(fixed, ulen, NULL, &ulen, cause);
		free(fixed);
	}
	if (utf8 == NULL)
		return -1;
	if (ulen > INT32_MAX) {
		free(utf8);
		*cause = xstrdup("page is too large");
		return -1;
	}
	parsed = parse(&r, utf8, (int)ulen);
	free(utf8);
	if (parsed == 0) {
		mark_article(&r);
		read_blocks(&r, 0, (uint32_t)r.nnodes, 0, 0);
		flush(&r);
	}
	free(r.nodes);
	buf_free(&r.store);
	buf_free(&r.cap_text);
	page->nhints = r.nhints;
	page->hints = r.hints;
	take_meta(&r, page);
	free(r.title_elem);
	free(r.ld_title);
	free(r.ld_source);
	free(r.ld_author);
	buf_free(&r.line);
	if (parsed != 0 || r.text.len == 0) {
		buf_free(&r.text);
		html_page_free(page);
		*cause = xstrdup(parsed != 0 ? "HTML page cannot be parsed" :
		    "HTML page shows no text");
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
