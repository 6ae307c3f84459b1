/*
 * clean.c: a scraped news page (visible text, one block a line) to an
 * article. Pure: no I/O, no SQLite, no curses.
 *
 * The page is cut into lines, each normalised and described by signals
 * that carry over between outlets and languages: its length, whether it
 * ends a sentence, whether it repeats a neighbour, whether it is a link, a
 * date, a byline, a caption credit, an outlet's tag or credit, a known
 * heading or footer. Then:
 *
 *  1. Lines are scored: prose scores its length; teasers of related
 *     articles (a run of headline + short paragraph items), repeated
 *     headlines and shouted lines score against; furniture scores
 *     nothing; a related box's heading costs a little (an article may go
 *     on after it); footers and credit lines end the article.
 *  2. The article's span is the run of lines with the largest score: it
 *     bridges what sites put inside an article (related boxes, captions,
 *     image alt text, player lines, subheadings) rather than taking one
 *     unbroken run of prose.
 *  3. The headline is chosen on evidence among the lines before the span:
 *     headline-like, never a byline, a date, a label, a question that an
 *     answer follows, a box's headline or an office line. A page may have
 *     none.
 *  4. Inside the span every line of text is article except furniture
 *     recognised as such: a paragraph is never dropped for how it ends.
 *  5. Source, author, date and address are read around the span, on
 *     evidence in order of trust (see find_source(), find_date()).
 *
 * Each line keeps the role it got and the signal that decided it, for
 * clean --explain.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "date.h"
#include "outlets.h"
#include "phrases.h"
#include "text.h"
#include "util.h"

/* What a line is, once read. */
enum kind {
	K_BLANK,
	K_NOISE,	/* furniture: dropped wherever it stands */
	K_MARKUP,	/* markup or debris: never text */
	K_HEADING,	/* heads a related-articles box */
	K_END,		/* footer or comments: the article is over */
	K_URL,		/* a link (the article's own address, maybe) */
	K_IMAGE,	/* a link to an image */
	K_DATE,		/* a dateline or time stamp */
	K_TEXT		/* anything else */
};

struct line {
	char		*s;
	size_t		 len;		/* bytes */
	int		 chars;		/* code points */
	int		 words;
	size_t		 no;		/* 1-based line of the page */
	enum kind	 kind;
	unsigned	 sentence:1;	/* ends like a sentence */
	unsigned	 teaser:1;	/* ends in "..." */
	unsigned	 question:1;	/* ends in "?" */
	unsigned	 exclaim:1;	/* ends in "!" */
	unsigned	 tagged:1;	/* starts with an outlet's tag */
	unsigned	 credit:1;	/* ends with a photo credit */
	unsigned	 doubled:1;	/* the next line says the same */
	unsigned	 dup:1;		/* the line before said the same */
	unsigned	 repeated:1;	/* said again elsewhere on the page */
	unsigned	 hshape:1;	/* shaped like a headline */
	uint64_t	 hash;		/* mark_doubles(): of 20-200 characters */
	unsigned	 name:1;	/* a byline: a person's name */
	unsigned	 follow:1;	/* "Theo dõi X trên" */
	unsigned	 source:1;	/* "Theo X", "Nguồn: X", "(Theo X)" */
	unsigned	 label:1;	/* a label alone: "Hỏi:", "Trả lời:" */
	unsigned	 keyval:1;	/* a label and its value: "Tel: 123" */
	unsigned	 numbered:1;	/* "1. ...", "a) ..." */
	unsigned	 caps:1;	/* in capitals */
	unsigned	 alt:1;		/* image alt text: "<headline> - ảnh 1" */
	unsigned	 comment:1;	/* "X says:": a comment thread begins */
	unsigned	 comments:1;	/* "Comments", "Bình luận": a heading */
	unsigned	 box:1;		/* a headline in a related box */
	unsigned	 tlist:1;	/* in a list of related teasers */
	unsigned	 office:1;	/* the author's office under a byline */
	unsigned	 dated:1;	/* a date is glued to it (date below) */
	unsigned	 owned:1;	/* s was allocated apart */
	struct article_date date;	/* K_DATE, or dated */
	size_t		 tag_off;	/* tagged: the tag's name */
	size_t		 tag_len;
	size_t		 by_off;	/* K_DATE: a byline glued to the date */
	size_t		 by_len;
	int		 score;
	unsigned	 hint;		/* the markup's, CLEAN_HINT_* */
	enum clean_role	 role;
	const char	*why;
};

struct page {
	char		*arena;		/* the lines' text */
	struct line	*l;
	size_t		 n;
	size_t		 cap;
	size_t		 title;		/* index, or n when none */
	size_t		 first;		/* the article's span [first, last] */
	size_t		 last;
	int		 found;		/* whether there is a span */
	struct article_date marker;	/* " date YYYY-MM-DD" before line 1 */
	struct buf	 fold_strip;	/* lookup()'s, reused line to line */
	struct buf	 fold_exact;
	const struct clean_opts *opts;
	const struct clean_markup *markup;	/* an HTML page's, or NULL */
	int		 article;	/* the markup marks an article */
	size_t		 article_first;	/* its first line */
};

/* Scores. */
#define SCORE_TEASER	(-200)	/* a teaser of a related article */
#define SCORE_DOUBLED	(-100)	/* a headline printed twice */
#define SCORE_BOX	(-60)	/* a related box's heading */
#define SCORE_SHORT	(-3)	/* a short line: a word, a number */
#define SCORE_CAPS	(-30)	/* a line in capitals: a shouted headline */
#define PROSE_CHARS	200	/* a paragraph no headline stands under */
#define SCORE_CREDIT	(-150)	/* "Theo X": a part, or the article, ends */
#define SCORE_HEADLINE	(-10)	/* a line shaped like a headline */
#define SCORE_LIST	(-2)	/* a list item, a label and its value */
#define CAPTION_MAX	600	/* characters: a photo story's captions are long */
#define LEAD_MAX	400	/* characters */
#define TITLE_MAX	200	/* characters */

static const char ellipsis[] = "\xe2\x80\xa6";

static void	recount(struct line *);
static int	repeats_title(const struct page *, const struct line *);

/*
 * Normalise one line: no-break, zero-width and other spaces folded,
 * control characters dropped, runs of spaces collapsed, ends trimmed.
 */
/*
 * Normalise one line into o (room for len + 1 bytes). Returns o, or an
 * allocated string (*owned set) when composing NFD text made it longer.
 * ASCII and the letters of Vietnamese (U+00C0..U+02FF, U+1E00..U+1EFF,
 * well formed) are copied without a decode; the rest (C1 controls and
 * no-break spaces, spaces and format characters, combining marks, other
 * scripts) is decoded and looked at.
 */
static char *
norm_line(const char *s, size_t len, char *o, int *owned, size_t *outlen,
    int *chars, int *words)
{
	size_t	 i = 0, j = 0, n;
	int32_t	 cp;
	int	 space = 1, nch = 0, nsp = 0, nfd = 0;

	while (i < len) {
		unsigned char c;

		if (len - i >= 16) {
			/* the hot path: plain text, sixteen bytes at a time */
			n = text_plain(s + i, len - i, TEXT_PLAIN_LINE, o + j,
			    &space, &nch, &nsp);
			i += n;
			j += n;
		}
		if (i >= len)
			break;
		c = (unsigned char)s[i];
		if (c < 0x80) {
			/*
			 * ASCII, the common case, without a decode or a
			 * branch to mispredict: a printable byte is kept, a
			 * space or a tab kept unless one was, the rest
			 * dropped.
			 */
			int	print = (unsigned char)(c - 0x21) < 0x5e;
			int	blank = c == ' ' || c == '\t';
			int	keep = print | (blank & !space);

			o[j] = print ? (char)c : ' ';
			j += (size_t)keep;
			nch += keep;
			nsp += blank & keep;
			space = print ? 0 : (space | blank);
			i++;
			continue;
		}
		if (c >= 0xC3 && c < 0xCC && i + 1 < len &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
			/* U+00C0..U+02FF: a letter, two bytes by hand */
			o[j] = s[i];
			o[j + 1] = s[i + 1];
			j += 2;
			i += 2;
			nch++;
			space = 0;
			continue;
		}
		if (c == 0xE1 && i + 2 < len && (unsigned char)s[i + 1] >= 0xB8 &&
		    (unsigned char)s[i + 1] <= 0xBB &&
		    ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
			/* U+1E00..U+1EFF: Vietnamese, three bytes by hand */
			o[j] = s[i];
			o[j + 1] = s[i + 1];
			o[j + 2] = s[i + 2];
			j += 3;
			i += 3;
			nch++;
			space = 0;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		i += n;
		if (!text_nfc_stable(cp))
			nfd = 1;
		if (text_invisible(cp))
			continue;	/* invisible: dropped */
		if (text_is_space(cp)) {
			if (!space) {
				o[j++] = ' ';
				nch++;
				nsp++;
			}
			space = 1;
			continue;
		}
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFD)
			continue;	/* controls: dropped */
		memcpy(o + j, s + i - n, n);
		j += n;
		nch++;
		space = 0;
	}
	if (j > 0 && o[j - 1] == ' ') {
		j--;
		nch--;
		nsp--;
	}
	o[j] = '\0';
	if (nfd) {
		/* decomposed or combining text: compose it, count again */
		char *c = text_nfc(o, j);

		if (c != NULL) {
			if (strlen(c) <= len) {
				memcpy(o, c, strlen(c) + 1);
				free(c);
			} else {
				o = c;
				*owned = 1;
			}
			j = strlen(o);
			nch = nsp = 0;
			for (i = 0; i < j; i++) {
				nch += ((unsigned char)o[i] & 0xC0) != 0x80;
				nsp += o[i] == ' ';
			}
		}
	}
	*outlen = j;
	*chars = nch;
	*words = j > 0 ? nsp + 1 : 0;
	return o;
}

static int
count_words(const char *s)
{
	int	n = 0, in = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ')
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

static int
count_chars(const char *s, size_t len)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* Both check one byte by hand first: most calls end there. */
static inline int
ends_with_n(const char *s, size_t len, const char *suffix, size_t n)
{
	return len >= n && (n == 0 || s[len - 1] == suffix[n - 1]) &&
	    memcmp(s + len - n, suffix, n) == 0;
}

static inline int
starts_with_n(const char *s, const char *prefix, size_t n)
{
	return (n == 0 || s[0] == prefix[0]) && strncmp(s, prefix, n) == 0;
}

/*
 * How common a byte is in the text the cleaner reads, for find(): 0 for
 * the rarest (punctuation, digits, capitals, most bytes of multibyte
 * characters), then the small letters from the rarest in Vietnamese to the
 * most common, then the bytes that open Vietnamese letters, then a space.
 */
static const unsigned char byte_rank[256] = {
	['z'] = 1,
	['j'] = 2,
	['f'] = 3,
	['w'] = 4,
	['q'] = 5,
	['x'] = 6,
	['k'] = 7,
	['v'] = 8,
	['b'] = 9,
	['p'] = 10,
	['y'] = 11,
	['d'] = 12,
	['l'] = 13,
	['s'] = 14,
	['m'] = 15,
	['e'] = 16,
	['r'] = 17,
	['o'] = 18,
	['i'] = 19,
	['g'] = 20,
	['u'] = 21,
	['a'] = 22,
	['t'] = 23,
	['c'] = 24,
	['n'] = 25,
	['h'] = 26,
	[0xc3] = 30, [0xc4] = 30, [0xc6] = 30, [0xe1] = 30, [0xba] = 30,
	[0xbb] = 30, [' '] = 40,
};

/*
 * memmem() for the short needles the cleaner looks for on short lines:
 * memchr() finds the needle's rarest byte and memcmp() checks around it.
 * glibc's memmem() sets up a two-way search on every call, which cost the
 * cleaner a sixth of its time. Returns the first occurrence, as memmem()
 * does.
 */
static const char *
find(const char *s, size_t len, const char *needle, size_t n)
{
	const char	*q, *end = s + len;
	size_t		 a = 0, i;

	if (n == 0)
		return s;
	if (n > len)
		return NULL;
	for (i = 1; i < n && byte_rank[(unsigned char)needle[a]] > 0; i++) {
		if (byte_rank[(unsigned char)needle[i]] <
		    byte_rank[(unsigned char)needle[a]])
			a = i;
	}
	for (q = s + a; q < end && (q = memchr(q, needle[a],
	    (size_t)(end - q))) != NULL; q++) {
		const char *p = q - a;

		if ((size_t)(end - p) < n)
			return NULL;
		if (memcmp(p, needle, n) == 0)
			return p;
	}
	return NULL;
}

/* For string literals and arrays: their lengths known when compiled. */
#define ends_with(s, len, lit)	ends_with_n((s), (len), (lit), sizeof(lit) - 1)
#define starts_with(s, lit)	starts_with_n((s), (lit), sizeof(lit) - 1)

/* The length of s without closing quotes and brackets at its end. */
static size_t
strip_closers(const char *s, size_t len)
{
	static const char *closers[] = {
		"\"", "'", ")", "\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb",
		"]", "*", "\xe3\x80\x8d", "\xe3\x80\x8f", "\xef\xbc\x89"
	};	/* and the full-width 」 』 ） */
	size_t	k;
	int	again = 1;

	while (again && len > 0) {
		again = 0;
		if (strchr("\"')]* \x9d\x99\xbb\x8d\x8f\x89", s[len - 1]) ==
		    NULL)
			break;	/* the common case: no closer */
		for (k = 0; k < sizeof closers / sizeof closers[0]; k++) {
			if (ends_with_n(s, len, closers[k], strlen(closers[k]))) {
				len -= strlen(closers[k]);
				again = 1;
			}
		}
		while (len > 0 && s[len - 1] == ' ') {
			len--;
			again = 1;
		}
	}
	return len;
}

/* Whether s ends with a Chinese or Japanese full stop, ! or ? ("。",
 * "！", "？", "．"). */
static int
cjk_stop(const char *s, size_t len)
{
	return ends_with(s, len, "\xe3\x80\x82") ||
	    ends_with(s, len, "\xef\xbc\x81") ||
	    ends_with(s, len, "\xef\xbc\x9f") ||
	    ends_with(s, len, "\xef\xbc\x8e");
}

/* Whether the line ends like a sentence (quotes and brackets aside). */
static int
ends_sentence(const char *s, size_t len)
{
	len = strip_closers(s, len);
	if (len == 0)
		return 0;
	if (strchr(".!?:;", s[len - 1]) != NULL)
		return 1;
	return ends_with(s, len, ellipsis) || cjk_stop(s, len);
}

/* A capital letter at s: ASCII, or Đ, or a Latin letter in capitals. */
static int
upper_at(const char *s, size_t len, size_t *n)
{
	int32_t	cp;

	if (len == 0)
		return 0;
	if ((unsigned char)s[0] < 0x80) {
		*n = 1;
		return isupper((unsigned char)s[0]) != 0;
	}
	*n = text_decode(s, len, &cp);
	return text_is_upper(cp);
}

/*
 * An outlet's tag opens the line: "(Ngày Nay) - ", "TTO - ", "VTV.vn - ",
 * "GD&TĐ - ", "(TNO) ", "Dân trí " when the table knows the outlet.
 * Returns the length of the tag's name and its offset in *off, or 0.
 * *rest gets the offset of the text after the tag.
 */
static size_t
outlet_tag(const char *s, size_t len, size_t *off, size_t *rest)
{
	const char	*e, *n, *p;
	size_t		 k, m;
	int		 bracket = 0, dash = 0;

	if (len < 6)
		return 0;
	if (s[0] == '(') {
		if ((e = memchr(s, ')', len < 44 ? len : 44)) == NULL ||
		    e - s < 3 || memchr(s + 1, '(', (size_t)(e - s - 1)) != NULL)
			return 0;
		*off = 1;
		n = e++;
		bracket = 1;
	} else {
		/* a token without spaces holding a capital, '.' or '&' */
		for (e = s; e < s + len && e - s <= 24 && *e != ' '; e++)
			;
		if (e - s < 2 || e - s > 24 || e >= s + len)
			return 0;
		/* without brackets a dash follows: "TTO - " */
		for (p = e; p < s + len && *p == ' '; p++)
			;
		if (p >= s + len || (*p != '-' && (unsigned char)*p != 0xE2))
			return 0;
		if (!upper_at(s, len, &m))
			return 0;
		*off = 0;
		n = e;
	}
	p = e;
	while (p < s + len && *p == ' ')
		p++;
	if (p < s + len && *p == '-') {
		dash = 1;
		while (p < s + len && *p == '-')
			p++;
	} else if (starts_with(p, "\xe2\x80\x93") ||
	    starts_with(p, "\xe2\x80\x94")) {
		dash = 1;
		p += 3;
	}
	while (p < s + len && *p == ' ')
		p++;
	k = (size_t)(n - s) - *off;
	if (!dash) {
		/* "(TNO) Text" and "Dân trí Text" only for known outlets */
		if (!bracket || p == e)
			return 0;
		if (outlet_find(s + *off, k) == NULL)
			return 0;
	} else if (!bracket) {
		/* "TTO - ", "VTV.vn - ": initials or a known outlet */
		const char	*q;
		int		 caps = 0, lower = 0;

		for (q = s; q < n; q++) {
			caps += isupper((unsigned char)*q) ||
			    (unsigned char)*q == 0xC4;
			lower += islower((unsigned char)*q);
		}
		if (outlet_find(s, k) == NULL && !outlet_like(s, k) &&
		    (caps < 2 || lower > caps))
			return 0;
	} else if (k > 30)
		return 0;
	if (p >= s + len || !upper_at(p, (size_t)(s + len - p), &m))
		return 0;
	*rest = (size_t)(p - s);
	return k;
}

static int
is_url(const char *s)
{
	if (strchr(s, ' ') != NULL)
		return 0;
	return starts_with(s, "http://") || starts_with(s, "https://") ||
	    starts_with(s, "www.");
}

static int
is_image_url(const char *s, size_t len)
{
	static const char *ext[] = {
		".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif"
	};
	char		 low[8];
	size_t		 k, n, i;
	const char	*q;

	if ((q = strchr(s, '?')) != NULL)
		len = (size_t)(q - s);
	for (k = 0; k < sizeof ext / sizeof ext[0]; k++) {
		n = strlen(ext[k]);
		if (len < n)
			continue;
		for (i = 0; i < n; i++)
			low[i] = (char)tolower((unsigned char)s[len - n + i]);
		low[n] = '\0';
		if (strcmp(low, ext[k]) == 0)
			return 1;
	}
	return 0;
}

/* A bare domain: "kinhtexaydung.petrotimes.vn", "Baoquocte.vn". */
static int
is_domain(const char *s)
{
	const char	*dot, *p;
	size_t		 tld = 0;

	if ((dot = strrchr(s, '.')) == NULL || dot == s)
		return 0;
	for (p = s; *p != '\0'; p++) {
		if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-')
			return 0;
	}
	for (p = dot + 1; *p != '\0'; p++) {
		if (!isalpha((unsigned char)*p))
			return 0;
		tld++;
	}
	/* a top-level domain sites use, not "TP.HCM" */
	return tld >= 2 && tld <= 6 && isalnum((unsigned char)s[0]) &&
	    outlet_tld(dot + 1);
}

/* "0:00 / 0:00", "0:00", "12:34": a video player's clock, no date. */
static int
is_clock(const char *s)
{
	int	digits = 0, colons = 0;

	for (; *s != '\0'; s++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if (*s == ':')
			colons++;
		else if (*s != ' ' && *s != '/')
			return 0;
	}
	return digits >= 3 && colons >= 1;
}

/* The number of '|' in s. */
static int
bars(const char *s, size_t len)
{
	const char	*p;
	int		 n = 0;

	for (p = s; (p = memchr(p, '|', len - (size_t)(p - s))) != NULL; p++)
		n++;
	return n;
}

/* A menu: "Home | News | Sports", "Thời sự | Kinh tế | Văn hóa". */
static int
menu_line(const char *s, size_t len)
{
	return len <= 200 && bars(s, len) >= 3;
}

/*
 * A link to another article with its date after it: "Headline(24/06/2003)",
 * "Headline (12/3)", "Headline - 12/03/2024".
 */
static int
related_link(const char *s, size_t len)
{
	size_t	e = len, digits = 0, slashes = 0;

	if (len < 20 || len > 300)
		return 0;
	if (s[e - 1] == ')')
		e--;
	while (e > 0 && (isdigit((unsigned char)s[e - 1]) || s[e - 1] == '/')) {
		digits += isdigit((unsigned char)s[e - 1]) != 0;
		slashes += s[e - 1] == '/';
		e--;
	}
	if (slashes < 1 || slashes > 2 || digits < 2 || e == 0)
		return 0;
	if (s[len - 1] == ')')
		return s[e - 1] == '(' && e > 12 && !ends_sentence(s, e - 1);
	return e > 3 && s[e - 1] == ' ' && s[e - 2] == '-' && s[e - 3] == ' ';
}

/*
 * A relative or partial time stamp alone: "32M ago", "1H ago", "updated
 * 16M ago", "2 giờ trước", "5 phút trước", "Nov 18".
 */
static int
time_stamp(const char *s, size_t len)
{
	static const char *units[] = {
		" ago", " gi\xe1\xbb\x9d tr\xc6\xb0\xe1\xbb\x9b" "c",
		" ph\xc3\xbat tr\xc6\xb0\xe1\xbb\x9b" "c",
		" ng\xc3\xa0y tr\xc6\xb0\xe1\xbb\x9b" "c",
		" tu\xe1\xba\xa7n tr\xc6\xb0\xe1\xbb\x9b" "c",
		" gi\xc3\xa2y tr\xc6\xb0\xe1\xbb\x9b" "c",
	};
	static const char *mons[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
		"Oct", "Nov", "Dec",
	};
	const char	*d;
	size_t		 k;

	if (len > 32 || (d = strpbrk(s, "0123456789")) == NULL)
		return 0;
	for (k = 0; k < sizeof units / sizeof units[0]; k++) {
		const char *u = strstr(s, units[k]);

		if (u != NULL && u > d && count_words(s) <= 5)
			return 1;
	}
	for (k = 0; k < 12; k++) {
		if (strncmp(s, mons[k], 3) == 0 && len <= 12 && d < s + 10 &&
		    count_words(s) == 2)
			return 1;
	}
	return 0;
}

/* "Hà Nội: 25°C": a weather widget. */
static int
is_weather(const char *s, size_t len)
{
	const char	*c = strrchr(s, ':');

	if (c == NULL || len > 60)
		return 0;
	if (!ends_with(s, len, "\xc2\xb0" "C") &&
	    !ends_with(s, len, "\xc2\xb0" "F") &&
	    !ends_with(s, len, "\xc2\xb0"))
		return 0;
	for (c++; *c == ' '; c++)
		;
	if (*c == '-')
		c++;
	return isdigit((unsigned char)*c);
}

/*
 * Markup and debris, never text: tags ("<meta ...>", "<image>"), a
 * markdown image ("![]()"), a table cell's bar at the end, data: URIs,
 * an ASCII slug ("tin-lien-quan-abc-123").
 */
static int
is_markup(const char *s, size_t len)
{
	size_t	i, hyphens = 0;

	if (len == 0)
		return 0;
	if (s[0] != '<' && s[0] != '!' && len > 300)
		return 0;
	if (s[0] != '<' && s[0] != '!' && memchr(s, ']', len) == NULL &&
	    memchr(s, '=', len) == NULL && memchr(s, '@', len) == NULL &&
	    (memchr(s, ':', len) == NULL || find(s, len, "data:", 5) ==
	    NULL))
		goto slug;
	if ((s[0] == '<' && len > 2 && (isalpha((unsigned char)s[1]) ||
	    s[1] == '/' || s[1] == '!')) || starts_with(s, "![") ||
	    find(s, len, "](", 2) != NULL || find(s, len, "data:", 5) !=
	    NULL || find(s, len, "=\"", 2) != NULL)
		return 1;
	if ((s[0] == '@' || memchr(s, '@', len) != NULL) &&
	    memchr(s, ' ', len) == NULL)
		return 1;	/* "@handle", "name@example.com" */
slug:
	if (strcmp(s, "|") == 0 || strcmp(s, "-") == 0 ||
	    strcmp(s, "*") == 0 || strcmp(s, "\xe2\x80\xa2") == 0)
		return 1;
	if (memchr(s, ' ', len) != NULL)
		return 0;
	/* a slug: lower-case ASCII words joined by hyphens, no spaces */
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '-')
			hyphens++;
		else if (!islower(c) && !isdigit(c))
			return 0;
	}
	return hyphens >= 3;
}

/*
 * Markup with no text in it: "<meta ...>", "<image>data:...</image>",
 * "<!DOCTYPE html>": stripped, it would leave a URI or nothing.
 */
static int
is_markup_only(const char *s, size_t len)
{
	return find(s, len, "data:", 5) != NULL ||
	    find(s, len, "<meta", 5) != NULL ||
	    find(s, len, "<link", 5) != NULL ||
	    find(s, len, "<!DOCTYPE", 9) != NULL ||
	    find(s, len, "<script", 7) != NULL ||
	    find(s, len, "<style", 6) != NULL;
}

/* A photo credit ends the line: "(Ảnh: AFP)", "Ảnh: AFP", "(Ảnh TN)". */
static int
has_credit(const char *s, size_t len)
{
	/* by what must stand in the tail for each key to be worth a look */
	enum { COLON = 1, PAREN = 2, HOOK = 4, BRAND = 8 };
	static const struct {
		const char	*key;
		int		 need;
	} keys[] = {
		{ "\xe1\xba\xa2nh:", COLON }, { "\xe1\xba\xa2nh :", COLON },
		{ "Ngu\xe1\xbb\x93n:", COLON },
		{ "Ngu\xe1\xbb\x93n \xe1\xba\xa3nh:", COLON },
		{ "Photo:", COLON }, { "Image:", COLON }, { "Credit:", COLON },
		{ "Photograph:", COLON }, { "Video:", COLON },
		{ "Photo by ", BRAND }, { "Photograph by ", BRAND },
		{ "Photo courtesy", BRAND }, { "Photo credit", BRAND },
		{ "\xc4\x90\xe1\xbb\x93 h\xe1\xbb\x8d" "a:", COLON },
		{ "\xe1\xba\xa2nh minh h\xe1\xbb\x8d" "a", HOOK },
		{ "\xe1\xba\xa2nh t\xc6\xb0 li\xe1\xbb\x87u", HOOK },
		{ "\xe1\xba\xa2nh ch\xe1\xbb\xa5p m\xc3\xa0n h\xc3\xacnh", HOOK },
		{ "(\xe1\xba\xa2nh ", PAREN }, { "(Photo", PAREN },
		{ "Credit...", BRAND }, { "Getty Images", PAREN | COLON },
		{ "Shutterstock", PAREN | COLON },
	};
	const char	*p, *hit, *tail;
	size_t		 k, n;
	int		 have = 0;

	/* the credit ends the line: look in its last 80 bytes only */
	tail = len > 80 ? s + len - 80 : s;
	n = (size_t)(s + len - tail);
	if (memchr(tail, ':', n) != NULL)
		have |= COLON;
	if (memchr(tail, '(', n) != NULL)
		have |= PAREN;
	if (find(tail, n, "\xe1\xba\xa2", 3) != NULL)
		have |= HOOK;	/* "Ảnh" */
	/* "Credit...Name", "Photo by Name" */
	for (p = tail; (p = memchr(p, 'C', n - (size_t)(p - tail))) != NULL;
	    p++) {
		if (strncmp(p, "Credit", 6) == 0) {
			have |= BRAND;
			break;
		}
	}
	for (p = tail; (have & BRAND) == 0 && (p = memchr(p, 'P',
	    n - (size_t)(p - tail))) != NULL; p++) {
		if (strncmp(p, "Photo", 5) == 0)
			have |= BRAND;
	}
	if (have == 0)
		return 0;
	for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		if ((keys[k].need & have) == 0)
			continue;
		hit = NULL;
		for (p = tail; (p = strstr(p, keys[k].key)) != NULL; p++)
			hit = p;
		if (hit == NULL)
			continue;
		/* the credit is the end of the line, and short */
		if (len - (size_t)(hit - s) > 70)
			continue;
		if (hit == s || hit[-1] == '(' || hit[-1] == ' ' ||
		    hit[-1] == '.' || hit[0] == '(')
			return 1;
	}
	return 0;
}

/* Image alt text: "<text> - ảnh 1", "<text> ảnh 2", "<text> - Ảnh 1." */
static size_t
alt_text(const char *s, size_t len)
{
	size_t	e = len;

	while (e > 0 && (s[e - 1] == '.' || s[e - 1] == ' '))
		e--;
	if (e == 0 || !isdigit((unsigned char)s[e - 1]))
		return 0;
	while (e > 0 && isdigit((unsigned char)s[e - 1]))
		e--;
	if (e < 6 || s[e - 1] != ' ')
		return 0;
	e--;
	if (e >= 5 && (memcmp(s + e - 5, "\xe1\xba\xa3nh", 5) == 0 ||
	    memcmp(s + e - 5, "\xe1\xba\xa2nh", 5) == 0))
		e -= 5;
	else if (e >= 5 && strncasecmp(s + e - 5, "photo", 5) == 0)
		e -= 5;
	else
		return 0;
	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '-'))
		e--;
	return e >= 12 ? e : 0;
}

/*
 * One word of a person's name: a capital then lower case ("Lan"), a name
 * in capitals ("TRẦN"), an initial ("N." or "N.ĐỨC").
 */
static int
name_word(const char *s, size_t len)
{
	size_t	i = 0, n;
	int32_t	cp;
	int	upper = 0, lower = 0, pos = 0;

	int	up;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			cp = (unsigned char)s[i++];
			if (cp == '.' && pos > 0) {
				pos = 0;
				continue;
			}
			up = isupper(cp) != 0;
			if (!up && !islower(cp))
				return 0;
		} else {
			n = text_decode(s + i, len - i, &cp);
			i += n;
			up = text_is_upper(cp);
			if (!up && !text_is_lower(cp))
				return 0;
		}
		if (pos == 0 && !up)
			return 0;
		if (up) {
			if (lower > 0 && pos > 0)
				return 0;	/* "DeLuca" is fine, "AbC" not */
			upper++;
		} else
			lower++;
		pos++;
	}
	return upper > 0;
}

/* Words before a byline's names: "Thực hiện:", "Tin-ảnh:", "By". */
static size_t
byline_label(const char *s, size_t len)
{
	static const char *labels[] = {
		"Th\xe1\xbb\xb1" "c hi\xe1\xbb\x87n:",
		"Th\xe1\xbb\xb1" "c hi\xe1\xbb\x87n :",
		"Tin-\xe1\xba\xa3nh:", "Tin - \xe1\xba\xa3nh:",
		"Tin, \xe1\xba\xa3nh:", "Tin v\xc3\xa0 \xe1\xba\xa3nh:",
		"B\xc3\xa0i v\xc3\xa0 \xe1\xba\xa3nh:", "B\xc3\xa0i, \xe1\xba\xa3nh:",
		"B\xc3\xa0i:", "Tin:", "Ghi ch\xc3\xa9p c\xe1\xbb\xa7" "a ",
		"Nh\xc3\xb3m ph\xc3\xb3ng vi\xc3\xaan", "Nh\xc3\xb3m PV",
		"Ph\xc3\xb3ng vi\xc3\xaan ", "PV ", "By ", "BY ", "by ",
		"Words by ",
		"Written by ", "Reporting by ", "Posted by ", "Author:",
		"T\xc3\xa1" "c gi\xe1\xba\xa3:",
	};
	size_t	k, n;

	switch (s[0]) {
	case 'T':
		if (s[1] != 'h' && s[1] != 'i' && s[1] != '\xc3')
			return 0;
		break;
	case 'B':
		if (s[1] != '\xc3' && s[1] != 'y' && s[1] != 'Y')
			return 0;
		break;
	case 'G':
	case 'N':
	case 'P':
	case 'W':
	case 'R':
	case 'A':
	case 'b':
		break;
	default:
		return 0;
	}
	for (k = 0; k < sizeof labels / sizeof labels[0]; k++) {
		if (labels[k][0] != s[0] || labels[k][1] != s[1])
			continue;
		n = strlen(labels[k]);
		if (len > n && memcmp(s, labels[k], n) == 0) {
			while (n < len && s[n] == ' ')
				n++;
			return n;
		}
	}
	return 0;
}

/* Titles before a name: "TS.", "ThS.", "PGS.TS", "Nhà báo". */
static size_t
name_title(const char *s, size_t len)
{
	static const char *titles[] = {
		"PGS.TS.", "PGS.TS", "PGS. TS.", "GS.TS.", "GS.TS", "TS.",
		"Lu\xe1\xba\xadt s\xc6\xb0 ",
		"ThS.", "GS.", "PGS.", "BS.", "BSCKII", "BSCKI", "LS.", "KS.",
		"NSND ", "NS\xc6\xafT ", "Nh\xc3\xa0 b\xc3\xa1o ", "Dr. ",
		"Prof. ",
	};
	size_t	k, n;

	if (len < 2 || strchr("PGTBLKNDl", s[0]) == NULL)
		return 0;
	for (k = 0; k < sizeof titles / sizeof titles[0]; k++) {
		if (titles[k][0] != s[0] || titles[k][1] != s[1])
			continue;
		n = strlen(titles[k]);
		if (len > n && memcmp(s, titles[k], n) == 0) {
			while (n < len && s[n] == ' ')
				n++;
			return n;
		}
	}
	return 0;
}

/*
 * A byline: one to three names of two to five words each, joined by " -
 * ", ",", " và " or " and ", maybe with a label before ("Tin-ảnh:",
 * "By"), a title ("TS."), and "(t/h)" or "(TH)" after. Stores where the
 * names start and end. A name needs two words, or a label before it.
 */
static int
byline(const char *s, size_t len, size_t *from, size_t *to)
{
	size_t		 i, j, label, t, end = len;
	int		 words = 0, names = 0, inname = 0;
	const char	*tr;

	if (len == 0 || len > 80)
		return 0;
	label = byline_label(s, len);
	if (label == 0) {
		/* the common case: "Word word ...", a phrase, not a name */
		size_t		 tt = name_title(s, len);
		const char	*sp = memchr(s + tt, ' ', len - tt);

		if (sp != NULL && sp + 1 < s + len && islower((unsigned char)
		    sp[1]) && sp[1] != 'v' && sp[1] != 'a')
			return 0;
	}
	i = label;
	if (ends_with(s, end, "(t/h)") || ends_with(s, end, "(T/H)"))
		end -= 5;
	else if (ends_with(s, end, "(TH)") || ends_with(s, end, "(th)"))
		end -= 4;	/* "tổng hợp": compiled */
	else if (ends_with(s, end, "(th\xe1\xbb\xb1" "c hi\xe1\xbb\x87n)"))
		end -= strlen("(th\xe1\xbb\xb1" "c hi\xe1\xbb\x87n)");
	else if (ends_with(s, end, "(ghi)"))
		end -= 5;
	else if (ends_with(s, end, "(t\xe1\xbb\x95ng h\xe1\xbb\xa3p)"))
		end -= strlen("(t\xe1\xbb\x95ng h\xe1\xbb\xa3p)");
	/* "By X - Translated by Y": the writer */
	if (label > 0 && ((tr = find(s, end, " - Translated by ", 17)) !=
	    NULL || (tr = find(s, end, ", translated by ", 16)) != NULL))
		end = (size_t)(tr - s);
	while (end > i && (s[end - 1] == ' ' || s[end - 1] == '|' ||
	    s[end - 1] == ','))
		end--;
	/* "Hà Linh/VOV.VN": the names, then the outlet */
	{
		const char *sl = memchr(s + i, '/', end - i);

		if (sl != NULL && sl > s + i && outlet_like(sl + 1,
		    (size_t)(s + end - sl - 1)))
			end = (size_t)(sl - s);
	}
	*from = i;
	*to = end;
	while (i < end) {
		if ((t = name_title(s + i, end - i)) > 0 && !inname) {
			i += t;
			if (names == 0)
				*from = i;	/* the names, not the title */
			continue;
		}
		for (j = i; j < end && s[j] != ' ' && s[j] != ','; j++)
			;
		if (j - i == 1 && s[i] == '-') {
			if (!inname || words < 1)
				return 0;
			inname = 0;
			names++;
			words = 0;
		} else if ((j - i == 2 && memcmp(s + i, "v\xc3", 2) == 0) ||
		    (j - i == 3 && memcmp(s + i, "v\xc3\xa0", 3) == 0) ||
		    (j - i == 3 && memcmp(s + i, "and", 3) == 0)) {
			if (!inname)
				return 0;
			inname = 0;
			names++;
			words = 0;
		} else {
			if (!name_word(s + i, j - i))
				return 0;
			if (++words > 5)
				return 0;
			inname = 1;
		}
		i = j;
		if (i < end && s[i] == ',') {
			inname = 0;
			names++;
			words = 0;
			i++;
		}
		while (i < end && s[i] == ' ')
			i++;
	}
	if (inname)
		names++;
	if (names == 0 || names > 4)
		return 0;
	/* one word alone is a name only after a label: "By Reuters" is not */
	return words >= 2 || (label > 0 && words >= 1) || names > 1;
}

/*
 * Sentences that are the site's, not an article's: a video player's
 * apology, a cookie notice.
 */
static int
furniture_sentence(const char *s, size_t len)
{
	const char	*p;

	if (len > 400)
		return 0;
	if (strncasecmp(s, "your browser ", 13) == 0)
		return 1;	/* "Your browser doesn't support HTML5" */
	/* "cookie", "Cookie": found by its 'k', the rarest letter */
	for (p = s + 3; p + 2 < s + len && (p = memchr(p, 'k',
	    len - 2 - (size_t)(p - s))) != NULL; p++) {
		if (p[1] == 'i' && p[2] == 'e' && p[-1] == 'o' &&
		    p[-2] == 'o' && (p[-3] == 'c' || p[-3] == 'C'))
			return find(s, len, " use ", 5) != NULL ||
			    find(s, len, "accept", 6) != NULL ||
			    find(s, len, "consent", 7) != NULL;
	}
	return 0;
}

/* Fold a short line for the phrase table: lower case, no final colon. */
static enum phrase_kind
lookup(struct page *p, const char *s, size_t len, int words, int *end_prefix)
{
	struct buf		*strip = &p->fold_strip, *exact = &p->fold_exact;
	char			*f;
	size_t			 n;
	enum phrase_kind	 k;
	int			 long_line;

	*end_prefix = 0;
	if (len > 80)
		return PHRASE_NONE;
	if ((long_line = words > 6)) {
		/* no phrase is this long: only an end prefix can match, and
		 * every one opens with one of these (case aside) */
		if (strchr("bBcCaAtTpPfF\xc2", s[0]) == NULL)
			return PHRASE_NONE;
		len = len > 24 ? 24 : len;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	text_fold_word(s, len, strip, exact);	/* case-folded, fast */
	f = exact->s;
	*end_prefix = phrase_end_prefix(f);
	if (strncmp(f, "b\xc3\xacnh lu\xe1\xba\xadn (", 12) == 0 ||
	    strncmp(f, "comments (", 10) == 0) {
		*end_prefix = 0;
		return PHRASE_COMMENTS;	/* a counter: "Bình luận (5)" */
	}
	if (long_line) {
		return PHRASE_NONE;
	}
	if (ends_with(f, exact->len, "cancel reply") ||
	    ends_with(f, exact->len, "h\xe1\xbb\xa7y tr\xe1\xba\xa3 l\xe1\xbb\x9di")) {
		return PHRASE_END;	/* a comment form */
	}
	n = exact->len;
	while (n > 0 && (f[n - 1] == ':' || f[n - 1] == ' ' ||
	    f[n - 1] == '.' || f[n - 1] == '>' || f[n - 1] == '|'))
		f[--n] = '\0';
	while (*f == '\xc2' && f[1] == '\xbb')
		f += 2;
	while (*f == ' ' || *f == '>' || *f == '|' || *f == '[')
		f++;
	n = strlen(f);
	if (n > 0 && f[n - 1] == ']')
		f[n - 1] = '\0';	/* "[Xem thêm]" */
	k = phrase_lookup(f);
	return k;
}

/* "Theo dõi X trên": a follow prompt; returns X's length or 0. */
static size_t
follow_prompt(const char *s, size_t len, const char **x)
{
	static const char pre[] = "Theo d\xc3\xb5i ";
	static const char suf[] = " tr\xc3\xaan";
	size_t	n;

	if (!starts_with(s, pre))
		return 0;
	n = strlen(pre);
	*x = s + n;
	if (ends_with(s, len, suf) && len > n + strlen(suf))
		return len - n - strlen(suf);
	return 0;
}

/*
 * A label alone or opening a line: "Hỏi:", "Trả lời:", "PV:", "From:",
 * "Khu vực 4: ...": three words at most before a colon.
 */
static int
is_label(const struct line *l)
{
	const char	*c, *p;
	int		 words = 1;

	if ((c = memchr(l->s, ':', l->len < 32 ? l->len : 32)) == NULL ||
	    c == l->s || (c[1] != ' ' && c[1] != '\0'))
		return 0;
	for (p = l->s; p < c; p++)
		words += *p == ' ';
	return words <= 3;
}

/* "1. ...", "2) ...", "a) ...", "I. ...", "- ...": a list item or step. */
static int
is_numbered(const char *s)
{
	size_t	i = 0;

	if ((s[0] == '-' || s[0] == '+' || s[0] == '*') && s[1] != '-')
		return 1;
	if (starts_with(s, "\xe2\x80\x93") || starts_with(s, "\xe2\x80\xa2"))
		return 1;

	while (isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 && (isalpha((unsigned char)s[0]) && (s[1] == ')' ||
	    s[1] == '.') && s[2] == ' '))
		return 1;
	return i > 0 && i < 3 && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ';
}

static int
all_caps(const char *s, size_t len)
{
	size_t	i = 0, n;
	int32_t	cp;
	int	upper = 0;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			if (islower((unsigned char)s[i]))
				return 0;
			upper += isupper((unsigned char)s[i]);
			i++;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		i += n;
		if (text_is_lower(cp))
			return 0;
		if (text_is_upper(cp))
			upper++;
	}
	return upper >= 4;
}

/*
 * Whether what follows a date is a clause: a colon or a comma, then at
 * least three words of letters with no digit. A dateline's date is
 * followed by a time, a zone or a counter ("15:40 (GMT+7)", "Lượt xem
 * 3048").
 */
static int
clause_after(const char *s, size_t len)
{
	size_t	i = 0;
	int	words = 0, digit = 0, letter = 0;

	while (i < len && s[i] == ' ')
		i++;
	if (i == len || (s[i] != ':' && s[i] != ','))
		return 0;
	for (i++; i <= len; i++) {
		unsigned char	c = i < len ? (unsigned char)s[i] : ' ';

		if (c == ' ') {
			words += letter && !digit;
			letter = digit = 0;
		} else if (isdigit(c))
			digit = 1;
		else if (isalpha(c) || c >= 0x80)
			letter = 1;
	}
	return words >= 3;
}

/*
 * A dateline: a date (and maybe a time, a weekday, a label such as "Cập
 * nhật" or "Updated", a counter such as "Lượt xem 30") and little else.
 * A byline glued before the date ("Name Thứ bảy, 22/08/2015 15:27") is
 * allowed: *before gets the bytes before the date's words.
 */
static int
dateline(const char *s, size_t len, struct article_date *d, size_t *before,
    size_t *by_off, size_t *by_len)
{
	static const char *weekdays[] = {
		"Th\xe1\xbb\xa9 ", "TH\xe1\xbb\xa8 ", "Ch\xe1\xbb\xa7 nh\xe1\xba\xad"
		"t", "Ch\xe1\xbb\xa7 Nh\xe1\xba\xad" "t", "C\xe1\xba\xadp nh\xe1\xba"
		"\xadt", "Ng\xc3\xa0y ", "ng\xc3\xa0y ", "Monday", "Tuesday",
		"Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
		"Updated", "Published", "Posted", "\xc4\x90\xc4\x83ng",
	};
	size_t	ds, de, k, b, from, to;
	char	pre[128];
	const char *by;
	int	sep = 0;

	*by_off = *by_len = 0;
	if (len > 110)
		return 0;
	if (!date_find(s, d, &ds, &de))
		return 0;
	/* what stands before the date: a weekday or a label, a byline */
	b = ds;
	for (k = 0; k < sizeof weekdays / sizeof weekdays[0]; k++) {
		const char *w = find(s, ds, weekdays[k], strlen(weekdays[k]));

		if (w != NULL && (size_t)(w - s) < b)
			b = (size_t)(w - s);
	}
	if (ds - b > 40)
		return 0;
	*before = b;
	while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '|' ||
	    s[b - 1] == '-' || s[b - 1] == ',')) {
		if (s[b - 1] != ' ')
			sep = 1;
		b--;
	}
	if (b > 0) {
		/* "Name Thứ bảy, ...", "Name (Ban Thể Thao)Cập nhật ..." */
		if (b >= sizeof pre)
			return 0;
		memcpy(pre, s, b);
		pre[b] = '\0';
		if (pre[b - 1] == ')' && strchr(pre, '(') != NULL)
			*strrchr(pre, '(') = '\0';
		k = strlen(pre);
		while (k > 0 && pre[k - 1] == ' ')
			pre[--k] = '\0';
		if (byline(pre, k, &from, &to)) {
			*by_off = from;
			*by_len = to - from;
		} else if (count_words(pre) > (*before < ds && sep &&
		    strchr(pre, ':') == NULL && strchr(pre, '@') == NULL ?
		    8 : 2))
			return 0;	/* "Trung tâm Tin tức VTV24-Thứ bảy, ..." */
	}
	/* after the date: a time, a zone, a counter; a few words at most */
	if (len - de > 48 || count_words(s + de) > 6)
		return 0;
	/*
	 * Words before the date and a clause after it: "Thời tiết ngày
	 * 27/12: Miền Bắc rét đậm", "Sáng 12/6, Hà Nội mưa lớn" are
	 * headlines, whose dates are news pegs.
	 */
	if (b > 0 && clause_after(s + de, len - de))
		return 0;
	/* "March 2, 2019 by Ellen Marsh" */
	if (*by_len == 0 && (by = strstr(s + de, " by ")) != NULL &&
	    byline(by + 4, len - (size_t)(by + 4 - s), &from, &to)) {
		*by_off = (size_t)(by + 4 - s) + from;
		*by_len = to - from;
	}
	return 1;
}

/*
 * The page's scraper marker: " date 2024-03-25 " or " date 2024-09 "
 * before the first line. Returns its length (0: none) and the date.
 */
static size_t
scraper_marker(const char *s, size_t len, struct article_date *d)
{
	size_t	i = 5;
	int	y, m, day = 0;

	if (len < 13 || strncmp(s, "date ", 5) != 0 ||
	    !isdigit((unsigned char)s[5]))
		return 0;
	if (sscanf(s + 5, "%4d-%2d", &y, &m) != 2 || s[9] != '-')
		return 0;
	i = 12;
	if (s[12] == '-' && isdigit((unsigned char)s[13])) {
		if (sscanf(s + 13, "%2d", &day) != 1)
			return 0;
		i = 15;
	}
	if (i < len && s[i] != ' ')
		return 0;
	if (m < 1 || m > 12 || (day != 0 && !date_valid(y, m, day)))
		return 0;
	d->year = y;
	d->month = m;
	d->day = day;	/* 0: the marker gives no day */
	while (i < len && s[i] == ' ')
		i++;
	return i;
}

/*
 * A date and time after a headline on its line: "Headline 28/10/2025
 * 14:12". Returns where the headline ends, or 0.
 */
static size_t
trailing_date(const char *s, size_t len, struct article_date *d)
{
	size_t	e = len, ds, de;
	char	buf[64];

	if (len > 240 || len < 30 || !isdigit((unsigned char)s[len - 1]))
		return 0;
	/* back over "14:12", "28/10/2025" and the spaces between */
	while (e > 0 && (isdigit((unsigned char)s[e - 1]) || s[e - 1] == ':' ||
	    s[e - 1] == '/' || s[e - 1] == '-' || s[e - 1] == ' ' ||
	    s[e - 1] == ','))
		e--;
	while (e < len && s[e] == ' ')
		e++;
	if (len - e < 8 || len - e >= sizeof buf || e < 20 || s[e - 1] != ' ')
		return 0;
	memcpy(buf, s + e, len - e);
	buf[len - e] = '\0';
	if (!date_find(buf, d, &ds, &de) || ds != 0)
		return 0;
	/* with its time: a headline may end on a date ("... từ 1/1/2022") */
	if (strchr(buf, ':') == NULL)
		return 0;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	return ends_sentence(s, e) ? 0 : e;
}

/*
 * A date and time glued before a headline with no space:
 * "22/01/2018 17:10Mẹ chồng...". Returns the bytes to cut, or 0.
 */
static size_t
glued_date(const char *s, size_t len, struct article_date *d)
{
	size_t	ds, de, i;

	if (len < 12 || !isdigit((unsigned char)s[0]) ||
	    !date_find(s, d, &ds, &de) || ds != 0)
		return 0;
	i = de;
	while (i < len && (isdigit((unsigned char)s[i]) || s[i] == ':' ||
	    s[i] == ' ' || s[i] == ','))
		i++;
	if (i >= len || i == de || s[i - 1] == ' ')
		return 0;	/* a space after the date: not glued */
	return upper_at(s + i, len - i, &ds) ? i : 0;
}

static void
set_role(struct line *l, enum clean_role role, const char *why)
{
	l->role = role;
	l->why = why;
}

static void
read_line(struct page *p, struct line *l)
{
	enum phrase_kind	k;
	size_t			rest, before;
	int			endp;
	const char		*x;

	if (l->len == 0) {
		l->kind = K_BLANK;
		set_role(l, CLEAN_BLANK, "blank");
		return;
	}
	{
		size_t	e = strip_closers(l->s, l->len);
		char	c = e > 0 ? l->s[e - 1] : '\0';

		l->teaser = ends_with(l->s, e, "...") ||
		    ends_with(l->s, e, ellipsis);
		l->sentence = e > 0 && (strchr(".!?:;", c) != NULL ||
		    l->teaser || cjk_stop(l->s, e));
		l->question = c == '?';
		l->exclaim = c == '!';
	}
	if (ends_with(l->s, l->len, " |")) {
		/* a caption in a table's cell: "... - Ảnh: T.Q.H |" */
		size_t	e = l->len - 2;

		while (e > 0 && l->s[e - 1] == ' ')
			e--;
		if (has_credit(l->s, e)) {
			l->len = e;
			l->s[e] = '\0';
			recount(l);
		}
	}
	l->credit = l->chars <= CAPTION_MAX && has_credit(l->s, l->len);
	l->caps = all_caps(l->s, l->len);
	l->numbered = is_numbered(l->s);
	l->kind = K_TEXT;
	set_role(l, CLEAN_DROPPED, "outside the article");
	if ((l->tag_len = outlet_tag(l->s, l->len, &l->tag_off, &rest)) > 0)
		l->tagged = 1;
	k = lookup(p, l->s, l->len, l->words, &endp);
	if (k == PHRASE_NONE && furniture_sentence(l->s, l->len))
		k = PHRASE_NOISE;
	if (k == PHRASE_NOISE) {
		l->kind = K_NOISE;
		l->why = "page furniture";
	} else if (k == PHRASE_HEADING || k == PHRASE_COMMENTS) {
		l->kind = K_HEADING;
		l->comments = k == PHRASE_COMMENTS;
		l->why = l->comments ? "comments" : "heading of a related box";
	} else if (k == PHRASE_END || endp) {
		l->kind = K_END;
		l->why = "footer: the article is over";
	} else if (is_url(l->s)) {
		l->kind = is_image_url(l->s, l->len) ? K_IMAGE : K_URL;
		l->why = l->kind == K_IMAGE ? "an image's address" :
		    "a web address";
	} else if (is_markup(l->s, l->len)) {
		l->kind = K_MARKUP;
		l->why = "markup or debris";
	} else if (menu_line(l->s, l->len)) {
		l->kind = K_NOISE;
		l->why = "menu";
	} else if (l->chars <= 130 && !l->credit &&
	    (ends_with(l->s, l->len, " -") ||
	    ends_with(l->s, l->len, " |") ||
	    ends_with(l->s, l->len, " \xc2\xbb")) &&
	    find(l->s, l->len, ". ", 2) == NULL) {
		l->kind = K_NOISE;	/* "Headline -": a list's separator */
		l->why = "item of a list of links";
	} else if (related_link(l->s, l->len)) {
		l->kind = K_NOISE;
		l->why = "link to a related article";
	} else if (is_weather(l->s, l->len)) {
		l->kind = K_NOISE;
		l->why = "weather widget";
	} else if (follow_prompt(l->s, l->len, &x) > 0) {
		l->kind = K_NOISE;
		l->follow = 1;
		l->why = "follow prompt";
	} else if (l->chars <= 110 && strpbrk(l->s, "0123456789") != NULL &&
	    dateline(l->s, l->len, &l->date, &before, &l->by_off,
	    &l->by_len)) {
		l->kind = K_DATE;
		l->why = "dateline";
	} else if (l->words <= 16 && strpbrk(l->s, "0123456789") != NULL &&
	    (starts_with(l->s, "Posted") || starts_with(l->s, "Updated") ||
	    starts_with(l->s, "Published") || starts_with(l->s, "Last updated")
	    || starts_with(l->s, "First published"))) {
		l->kind = date_find(l->s, &l->date, &rest, &before) ? K_DATE :
		    K_NOISE;
		l->why = "time stamp";
	} else if (time_stamp(l->s, l->len)) {
		l->kind = K_NOISE;
		l->why = "time stamp";
	} else if (is_clock(l->s)) {
		l->kind = K_NOISE;
		l->why = "player clock";
	} else if (l->chars <= 60 && ends_with(l->s, l->len, " says:") &&
	    l->words <= 6) {
		l->comment = 1;
		l->kind = K_END;
		l->why = "a comment begins";
	} else if (l->chars <= 20 && l->words <= 3 &&
	    ends_with(l->s, l->len, ":") && !l->tagged) {
		l->label = 1;	/* a label alone: "Trả lời:", "Người đăng:" */
	}
	if (l->kind == K_TEXT) {
		size_t from, to;

		l->name = byline(l->s, l->len, &from, &to) && !l->sentence &&
		    !outlet_like(l->s + from, to - from);
		l->keyval = !l->label && is_label(l) && !l->name;
		l->alt = alt_text(l->s, l->len) > 0;
	}
}

/* Why the markup makes a line furniture. */
static const char *
hint_why(unsigned h)
{
	if (h & CLEAN_HINT_NAV)
		return "markup: navigation";
	if (h & CLEAN_HINT_COMMENTS)
		return "markup: comments";
	if (h & CLEAN_HINT_ASIDE)
		return "markup: aside, related box";
	if (h & CLEAN_HINT_FOOTER)
		return "markup: footer";
	if (h & CLEAN_HINT_HEADER)
		return "markup: the site's header";
	return "markup: mostly links";
}

/*
 * What an HTML page's markup says of a line: in a nav, aside, footer,
 * header or comments, or mostly links, it is furniture; outside the
 * article the markup marks, text is too (a byline, a date, the headline
 * and what stands between the headline and the article are still read).
 */
static void
read_hint(struct page *p, struct line *l)
{
	const struct clean_markup *m = p->markup;

	if (m == NULL || m->hints == NULL || l->no == 0 || l->no > m->nhints)
		return;
	l->hint = m->hints[l->no - 1];
	if (l->kind == K_BLANK || l->no == m->headline)
		return;
	if (l->hint & CLEAN_HINT_FURNITURE) {
		if (l->kind != K_DATE) {
			l->kind = K_NOISE;
			l->why = hint_why(l->hint);
		}
	} else if (p->article && !(l->hint & CLEAN_HINT_ARTICLE) &&
	    l->kind == K_TEXT && !l->name && !(l->no > m->headline &&
	    m->headline > 0 && l->no < p->article_first)) {
		/* what stands between the headline and the article (the
		 * lead, a byline) is read as a text page's would be */
		l->kind = K_NOISE;
		l->why = "markup: outside the article";
	}
}

/*
 * Markup left in a page's text ("<P>- Tôi...", "<p class=title>...</p>",
 * "&amp;"): tags dropped, the common entities decoded, in place. Returns
 * the new length.
 */
static size_t
strip_tags(char *s, size_t len)
{
	static const struct {
		const char	*ent;
		char		 c;
	} ents[] = {
		{ "&amp;", '&' }, { "&quot;", '"' }, { "&lt;", '<' },
		{ "&gt;", '>' }, { "&nbsp;", ' ' }, { "&#39;", '\'' },
		{ "&apos;", '\'' },
	};
	size_t	i, j = 0, k, n;
	int	space = 0;

	for (i = 0; i < len; ) {
		if (s[i] == '<' && i + 1 < len && (isalpha((unsigned char)s[i +
		    1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
			char *e = memchr(s + i, '>', len - i);

			if (e != NULL) {
				i = (size_t)(e - s) + 1;
				if (j > 0 && !space) {
					s[j++] = ' ';
					space = 1;
				}
				continue;
			}
		}
		if (s[i] == '&' && i + 3 < len && s[i + 1] == '#') {
			/* "&#x3A;", "&#58;": a code point, ASCII ones only */
			char	*end;
			long	 cp = s[i + 2] == 'x' || s[i + 2] == 'X' ?
			    strtol(s + i + 3, &end, 16) : strtol(s + i + 2, &end,
			    10);

			if (end < s + len && *end == ';' && cp >= 0x20 &&
			    cp < 0x7F) {
				s[j++] = (char)cp;
				i = (size_t)(end - s) + 1;
				space = cp == ' ';
				continue;
			}
		}
		if (s[i] == '&') {
			for (k = 0; k < sizeof ents / sizeof ents[0]; k++) {
				n = strlen(ents[k].ent);
				if (i + n <= len && memcmp(s + i, ents[k].ent, n) ==
				    0)
					break;
			}
			if (k < sizeof ents / sizeof ents[0]) {
				s[j++] = ents[k].c;
				i += strlen(ents[k].ent);
				space = ents[k].c == ' ';
				continue;
			}
		}
		space = s[i] == ' ';
		if (space && j > 0 && s[j - 1] == ' ') {
			i++;
			continue;
		}
		s[j++] = s[i++];
	}
	while (j > 0 && s[j - 1] == ' ')
		j--;
	k = 0;
	while (k < j && s[k] == ' ')
		k++;
	memmove(s, s + k, j - k);
	j -= k;
	s[j] = '\0';
	return j;
}

/* Whether the line holds a tag or an entity to strip. */
static int
has_tags(const char *s, size_t len)
{
	const char	*p = s;

	if (memchr(s, '<', len) == NULL && memchr(s, '&', len) == NULL)
		return 0;
	while ((p = memchr(p, '<', len - (size_t)(p - s))) != NULL) {
		if (p + 1 < s + len && (isalpha((unsigned char)p[1]) ||
		    p[1] == '/' || p[1] == '!') && memchr(p, '>',
		    len - (size_t)(p - s)) != NULL)
			return 1;
		p++;
	}
	return find(s, len, "&amp;", 5) != NULL ||
	    find(s, len, "&quot;", 6) != NULL ||
	    find(s, len, "&nbsp;", 6) != NULL ||
	    find(s, len, "&#", 2) != NULL;
}

/* Insert a line after index i (its text already in the arena). */
static struct line *
insert_line(struct page *p, size_t i)
{
	if (p->n == p->cap) {
		p->cap = p->cap == 0 ? 128 : p->cap * 2;
		p->l = xreallocarray(p->l, p->cap, sizeof *p->l);
	}
	memmove(&p->l[i + 2], &p->l[i + 1], (p->n - i - 1) * sizeof *p->l);
	p->n++;
	memset(&p->l[i + 1], 0, sizeof p->l[i + 1]);
	return &p->l[i + 1];
}

static void
recount(struct line *l)
{
	l->chars = count_chars(l->s, l->len);
	l->words = count_words(l->s);
}

/*
 * "Headline (NLĐ) - Lead text...": one national outlet's archive prints
 * the headline, the outlet's tag and the lead on one line. Split it.
 * So is "Headline 10/12/2016 07:42 (GDVN) - Lead".
 */
static int
split_headline(struct page *p, size_t i)
{
	struct line	*l = &p->l[i], *n;
	const char	*q, *end = l->s + (l->len < 320 ? l->len : 320);
	size_t		 off, rest, cut, tlen, head;

	if (l->kind != K_TEXT || l->len < 40)
		return 0;
	for (q = l->s + 12; q < end; q++) {
		if (q[-1] != ' ' || (*q != '(' && !isupper((unsigned char)*q)))
			continue;
		if ((tlen = outlet_tag(q, (size_t)(l->s + l->len - q), &off,
		    &rest)) == 0)
			continue;
		if (*q != '(' && outlet_find(q + off, tlen) == NULL)
			continue;
		cut = (size_t)(q - l->s);
		/* a date and time between the headline and the tag */
		head = cut;
		while (head > 0 && (l->s[head - 1] == ' ' ||
		    isdigit((unsigned char)l->s[head - 1]) ||
		    strchr("/:-.,", l->s[head - 1]) != NULL))
			head--;
		if (head < 12 || ends_sentence(l->s, head) ||
		    count_words(l->s) < 5)
			return 0;
		{
			char	 save = l->s[head];
			int	 words;

			l->s[head] = '\0';
			words = count_words(l->s);
			l->s[head] = save;
			if (words < 3 || words > 40)
				return 0;
		}
		if (head < cut) {
			struct article_date d;
			size_t ds, de;
			char save = l->s[cut];

			l->s[cut] = '\0';
			if (date_find(l->s + head, &d, &ds, &de)) {
				l->date = d;
				l->dated = 1;
			}
			l->s[cut] = save;
		}
		n = insert_line(p, i);
		l = &p->l[i];
		n->s = l->s + cut;
		n->len = l->len - cut;
		n->no = l->no;
		l->s[head] = '\0';
		l->len = head;
		recount(l);
		recount(n);
		read_line(p, l);
		read_line(p, n);
		return 1;
	}
	return 0;
}

/*
 * A paragraph that a page's inline links split over lines: "... bị mất
 * tích khi" then "rơi xuống biển" then "từ tàu ...". Line l continues the
 * line before it (no blank between) when it opens in lower case, or the
 * line before ends with a comma, and that line ends no sentence. Joins
 * them (the line before grows) and returns 1.
 */
static int
join_fragment(struct page *p, struct line *l)
{
	struct line	*prev;
	size_t		 n, from, to;
	int32_t		 cp;
	char		*j;

	if (p->n == 0 || l->len == 0)
		return 0;
	prev = &p->l[p->n - 1];
	if (prev->kind != K_TEXT || prev->len == 0 || prev->label ||
	    prev->name || ends_sentence(prev->s, prev->len) || is_url(l->s) ||
	    is_domain(l->s))
		return 0;
	n = text_decode(l->s, l->len, &cp);
	if (!text_is_lower(cp) && !(prev->s[prev->len - 1] == ',' &&
	    text_is_letter(cp)))
		return 0;
	if (byline(l->s, l->len, &from, &to))
		return 0;	/* "by Jane Doe" under a headline */
	(void)n;
	j = xmalloc(prev->len + l->len + 2);
	memcpy(j, prev->s, prev->len);
	j[prev->len] = ' ';
	memcpy(j + prev->len + 1, l->s, l->len);
	j[prev->len + 1 + l->len] = '\0';
	if (prev->owned)
		free(prev->s);
	if (l->owned)
		free(l->s);
	prev->s = j;
	prev->owned = 1;
	prev->len = strlen(j);
	recount(prev);
	read_line(p, prev);
	return 1;
}

/* Split the text into normalised lines. */
static void
split(struct page *p, const char *s, size_t len)
{
	size_t	i = 0, e, used = 0, no = 0, k, k2, k3, k4;
	struct article_date dd;

	/* every line is normalised into one block: a line never grows */
	p->arena = xmalloc(2 * len + 2);
	while (i <= len) {
		const char	*nl = memchr(s + i, '\n', len - i);
		struct line	*l;
		int		 owned = 0;

		if (i == len && i > 0)
			break;	/* the text ends with a line end: no line after */

		e = nl != NULL ? (size_t)(nl - s) : len;
		if (p->n == p->cap) {
			p->cap = p->cap == 0 ? 128 : p->cap * 2;
			p->l = xreallocarray(p->l, p->cap, sizeof *p->l);
		}
		l = &p->l[p->n];
		memset(l, 0, sizeof *l);
		l->no = ++no;
		l->s = norm_line(s + i, e - i, p->arena + used, &owned,
		    &l->len, &l->chars, &l->words);
		l->owned = owned;
		if (!owned)
			used += l->len + 1;
		if (no == 1 && (k = scraper_marker(l->s, l->len,
		    &p->marker)) > 0) {
			l->s += k;
			l->len -= k;
			recount(l);
		}
		if ((k = glued_date(l->s, l->len, &l->date)) > 0) {
			l->s += k;
			l->len -= k;
			l->dated = 1;
			recount(l);
		} else if (no <= 40 && (k = trailing_date(l->s, l->len,
		    &l->date)) > 0 && count_words(l->s) >= 6 &&
		    !dateline(l->s, l->len, &dd, &k2, &k3, &k4)) {
			l->s[k] = '\0';	/* "Headline 28/10/2025 14:12" */
			l->len = k;
			l->dated = 1;
			recount(l);
		}
		if (has_tags(l->s, l->len) && !is_markup_only(l->s, l->len)) {
			l->len = strip_tags(l->s, l->len);
			recount(l);
		}
		while (starts_with(l->s, "\xe2\x80\xa2 ")) {
			l->s += 4;	/* a bullet before a headline */
			l->len -= 4;
			recount(l);
		}
		if (join_fragment(p, l)) {
			if (nl == NULL)
				break;
			i = e + 1;
			continue;
		}
		read_line(p, l);
		read_hint(p, l);
		p->n++;
		if (no <= 6)
			(void)split_headline(p, p->n - 1);
		if (nl == NULL)
			break;
		i = e + 1;
	}
}

/*
 * A table written with bars: two lines or more in a row, each with as
 * many bars, that menu_line() took for menus, where most rows have a
 * digit ("Xăng RON95 | 23.200 | 24.070 |"). A site's menu is one line of
 * words. The rows are text again, the article's when it goes on.
 */
static void
mark_bar_tables(struct page *p)
{
	size_t	i, j, k, digits;
	int	b;

	for (i = 0; i < p->n; i = j) {
		j = i + 1;
		if (p->l[i].kind != K_NOISE || p->l[i].why == NULL ||
		    strcmp(p->l[i].why, "menu") != 0)
			continue;
		b = bars(p->l[i].s, p->l[i].len);
		digits = 0;
		for (j = i; j < p->n && p->l[j].kind == K_NOISE &&
		    p->l[j].why != NULL && strcmp(p->l[j].why, "menu") == 0 &&
		    bars(p->l[j].s, p->l[j].len) == b; j++)
			digits += strpbrk(p->l[j].s, "0123456789") != NULL;
		if (j - i < 2 || digits * 2 < j - i)
			continue;
		for (k = i; k < j; k++) {
			p->l[k].kind = K_TEXT;
			p->l[k].why = NULL;
		}
	}
}

/* Index of the next non-blank line after i, or n. */
static size_t
next_line(const struct page *p, size_t i)
{
	for (i++; i < p->n; i++) {
		if (p->l[i].kind != K_BLANK)
			return i;
	}
	return p->n;
}

static size_t
prev_line(const struct page *p, size_t i)
{
	while (i > 0) {
		i--;
		if (p->l[i].kind != K_BLANK)
			return i;
	}
	return p->n;
}

static int
same(const struct line *a, const struct line *b)
{
	return a->len == b->len && a->len > 0 && memcmp(a->s, b->s,
	    a->len) == 0;
}

/* "Headline Headline": a link's text glued to its image's alt text. */
static int
self_doubled(const struct line *l)
{
	size_t	h;

	if (l->len < 31 || l->len % 2 == 0)
		return 0;
	h = l->len / 2;
	return l->s[h] == ' ' && memcmp(l->s, l->s + h + 1, h) == 0;
}

static uint64_t
line_hash(const struct line *l)
{
	uint64_t	h = 1469598103934665603ULL ^ l->len, w;
	size_t		i;

	for (i = 0; i + 8 <= l->len; i += 8) {
		memcpy(&w, l->s + i, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
		h ^= h >> 29;
	}
	for (; i < l->len; i++)
		h = (h ^ (unsigned char)l->s[i]) * 1099511628211ULL;
	return h;
}

/*
 * How many lines share each hash: an open-addressed table, twice the
 * lines' number, so that a page costs one pass and no sort.
 */
struct hash_count {
	uint64_t	 *key;
	unsigned	 *n;
	size_t		  mask;
};

static unsigned *
hash_slot(struct hash_count *t, uint64_t k)
{
	size_t	i = (size_t)(k ^ (k >> 32)) & t->mask;

	while (t->key[i] != 0 && t->key[i] != k)
		i = (i + 1) & t->mask;
	t->key[i] = k;
	return &t->n[i];
}

/*
 * Mark repeated lines: the first of a pair of neighbours is doubled, the
 * second dup; a line of text found again elsewhere on the page (a
 * teaser, a menu, a headline in a list) is repeated.
 */
static void
mark_doubles(struct page *p)
{
	struct hash_count	 t, out;
	size_t			 i, j, first;

	for (i = 0; i < p->n; i++) {
		if (p->l[i].kind != K_TEXT || p->l[i].dup)
			continue;
		if (self_doubled(&p->l[i]))
			p->l[i].doubled = 1;
		j = next_line(p, i);
		if (j < p->n && same(&p->l[i], &p->l[j])) {
			p->l[i].doubled = 1;
			p->l[j].dup = 1;
		}
	}
	/* lines of 20 characters or more, by hash: count the equals */
	for (t.mask = 15; t.mask < 2 * p->n; t.mask = t.mask * 2 + 1)
		continue;
	t.key = xcalloc(t.mask + 1, sizeof *t.key);
	t.n = xcalloc(t.mask + 1, sizeof *t.n);
	/* the first line of prose: what stands before it is the head */
	for (first = 0; first < p->n; first++) {
		if (p->l[first].kind == K_TEXT && p->l[first].chars >= 60 &&
		    p->l[first].sentence)
			break;
	}
	out.mask = t.mask;
	out.key = xcalloc(out.mask + 1, sizeof *out.key);
	out.n = xcalloc(out.mask + 1, sizeof *out.n);
	for (i = 0; i < p->n; i++) {
		if (p->l[i].kind == K_TEXT && !p->l[i].dup &&
		    p->l[i].chars >= 20 && p->l[i].chars < 200) {
			/* 0 marks an empty slot */
			if ((p->l[i].hash = line_hash(&p->l[i])) == 0)
				p->l[i].hash = 1;
			(*hash_slot(&t, p->l[i].hash))++;
			/* the copies outside the article's markup or in
			 * its head (a dek printed again as the lead) */
			if (!(p->l[i].hint & CLEAN_HINT_ARTICLE) || i <= first)
				(*hash_slot(&out, p->l[i].hash))++;
		}
	}
	for (i = 0; i < p->n; i++) {
		if (p->l[i].kind != K_TEXT || p->l[i].dup ||
		    p->l[i].chars < 20 || p->l[i].chars >= 200)
			continue;
		/* said again only inside the article's markup (a menu
		 * for each plan, a table's rows): the article's own */
		if (*hash_slot(&t, p->l[i].hash) >= 2 && (!p->article ||
		    *hash_slot(&out, p->l[i].hash) > 0))
			p->l[i].repeated = 1;
		/* the headline again, after the head: its image's alt text */
		if (*hash_slot(&t, p->l[i].hash) >= 2 && i > first &&
		    !p->l[i].credit) {
			for (j = 0; j < first && j < i; j++) {
				if (same(&p->l[j], &p->l[i])) {
					p->l[i].alt = 1;
					break;
				}
			}
		}
	}
	free(t.key);
	free(t.n);
	free(out.key);
	free(out.n);
}

/*
 * A credit line: "Theo X", "Nguồn: X", "Nguồn X: http://...", "(Theo X)"
 * at the end, "Name (Theo X)": store X's offset and length and return 1.
 */
static int
source_line(const struct line *l, size_t *off, size_t *len)
{
	static const char theo[] = "Theo ";
	static const char nguon[] = "Ngu\xe1\xbb\x93n";
	const char	*s = l->s, *o, *c;

	if (starts_with(s, nguon) && l->chars <= 250 && !l->sentence) {
		*off = strlen(nguon);
		if (s[*off] == ' ' && (c = strstr(s, ": http")) != NULL &&
		    c - s < 60) {
			/* "Nguồn Znews: http://...": the outlet, then a link */
			*off += 1;
			*len = (size_t)(c - s) - *off;
			return *len > 0;
		}
		if (s[*off] == ' ' && s[*off + 1] == 't' && s[*off + 2] == 'i')
			(*off) += 4;	/* "Nguồn tin:" */
		if (s[*off] != ':')
			return 0;
		(*off)++;
		while (s[*off] == ' ')
			(*off)++;
		*len = l->len - *off;
		return *len > 0;
	}
	if (l->chars > 80)
		return 0;
	if (ends_with(s, l->len, ")") && (o = strstr(s, "(Theo ")) != NULL &&
	    strchr(o, ')') == s + l->len - 1) {
		*off = (size_t)(o - s) + 6;
		*len = l->len - *off - 1;
		return *len > 0;
	}
	if ((starts_with(s, theo) || starts_with(s, "(Theo ")) &&
	    l->words <= 6 && !l->sentence) {
		*off = s[0] == '(' ? 6 : strlen(theo);
		*len = l->len - *off - (s[l->len - 1] == ')');
		if (s[0] != '(' && s[l->len - 1] == ')' && (o = memrchr(s, '(',
		    l->len)) != NULL && o > s + *off + 1 && o[-1] == ' ') {
			/* "Theo Name (Outlet)": the outlet */
			*off = (size_t)(o - s) + 1;
			*len = l->len - *off - 1;
		}
		return *len > 0 && !starts_with(s, "Theo d\xc3\xb5i ");
	}
	if (s[0] == '(' && s[l->len - 1] == ')' && l->words <= 4 &&
	    memchr(s, ' ', l->len) == NULL) {
		/* "(TTXVN/Vietnam+)" alone: the last outlet named */
		o = memrchr(s, '/', l->len);
		*off = o != NULL ? (size_t)(o - s) + 1 : 1;
		*len = l->len - *off - 1;
		return *len > 0;
	}
	if (starts_with(s, "Source: ") && l->words <= 6) {
		*off = 8;
		*len = l->len - 8;
		return 1;
	}
	return 0;
}

/* Whether the line could be a headline, by its shape alone. */
static int
headline_shape_of(const struct line *l)
{
	if (l->kind != K_TEXT || l->name || l->follow || l->source ||
	    l->label || l->alt || l->comment)
		return 0;
	if (l->words < 3 || l->chars > TITLE_MAX || l->chars < 12)
		return 0;
	if (l->tagged || l->teaser || l->credit)
		return 0;
	if (ends_with(l->s, l->len, " -") || ends_with(l->s, l->len, " |") ||
	    ends_with(l->s, l->len, " \xc2\xbb"))
		return 0;	/* an item of a list: "Headline -" */
	/* a sentence, unless a question or an exclamation */
	if (l->sentence) {
		size_t	e = strip_closers(l->s, l->len);

		if (e > 0 && l->s[e - 1] != '?' && l->s[e - 1] != '!')
			return 0;
	}
	if (find(l->s, l->len, " > ", 3) != NULL ||
	    find(l->s, l->len, " \xe2\x80\xba ", 5) != NULL ||
	    find(l->s, l->len, " \xc2\xbb ", 4) != NULL)
		return 0;	/* a breadcrumb: "Pháp luật > Tư vấn" */
	if (memchr(l->s, '@', l->len) != NULL || (memchr(l->s, '/', l->len) !=
	    NULL && find(l->s, l->len, "http", 4) != NULL) ||
	    (memchr(l->s, '.', l->len) != NULL && find(l->s, l->len, "www.",
	    4) != NULL))
		return 0;
	if (l->words <= 5 && outlet_like(l->s, l->len))
		return 0;	/* the outlet's name under the headline */
	return 1;
}

/* The same, worked out once a line by mark_shapes() (the hot path). */
static int
headline_shape(const struct line *l)
{
	return l->hshape;
}

static void
mark_shapes(struct page *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		p->l[i].hshape = headline_shape_of(&p->l[i]);
}

/*
 * Related teasers: two or more items of a headline (printed twice, maybe
 * after a caption or image) and one short paragraph, with nothing else
 * between them, where the list shows itself as one: a headline printed
 * twice, a teaser ending in "...", an outlet's tag opening a teaser, a
 * box heading or the article's end before it, or several long headlines
 * over short paragraphs. List items of the article itself ("1. ...") and
 * questions are not teasers.
 */
static void
mark_teasers(struct page *p)
{
	size_t	i, j, h, t, start, items, marked, k;
	int	after_end = 0, after_head;

	for (i = 0; i < p->n; i++) {
		if (p->l[i].kind == K_END || p->l[i].source)
			after_end = 3;	/* the list follows within 3 lines */
		else if (p->l[i].kind != K_BLANK && after_end > 0)
			after_end--;
		if (!headline_shape(&p->l[i]) || p->l[i].numbered ||
		    p->l[i].question)
			continue;
		start = i;
		k = prev_line(p, i);
		after_head = k < p->n && p->l[k].kind == K_HEADING;
		items = marked = 0;
		h = i;
		for (;;) {
			int	ev = 0;

			/* the item's headline, maybe printed twice */
			if (h >= p->n || !headline_shape(&p->l[h]) ||
			    p->l[h].numbered || p->l[h].question)
				break;
			t = next_line(p, h);
			if (t < p->n && p->l[t].dup)
				t = next_line(p, t);
			/* a card: a time stamp or a byline under its headline */
			while (t < p->n && (p->l[t].kind == K_NOISE ||
			    p->l[t].kind == K_DATE || p->l[t].name)) {
				ev++;
				t = next_line(p, t);
			}
			if (t >= p->n || p->l[t].kind != K_TEXT ||
			    headline_shape(&p->l[t]) || p->l[t].chars < 40 ||
			    p->l[t].name || p->l[t].source)
				break;
			items++;
			ev += p->l[h].doubled;
			ev += p->l[t].teaser && p->l[t].chars <= 250;
			ev += p->l[t].tagged;
			j = next_line(p, t);
			/* a caption, an image, a time stamp, a byline before
			 * the next headline: the card's furniture */
			while (j < p->n && (p->l[j].kind == K_IMAGE ||
			    p->l[j].kind == K_NOISE || p->l[j].kind == K_DATE ||
			    p->l[j].name || p->l[j].credit || (p->l[j].caps &&
			    p->l[j].words <= 3)) && next_line(p, j) < p->n) {
				ev += p->l[j].kind == K_NOISE ||
				    p->l[j].kind == K_DATE;
				j = next_line(p, j);
			}
			if (j < p->n && p->l[j].credit)
				j = next_line(p, j);
			marked += ev > 0;
			h = j;
			if (h < p->n && !headline_shape(&p->l[h]))
				break;
		}
		if (items < 2)
			continue;
		/* the list shows itself: in two items, or by where it is */
		if (marked < 2 && !after_head && !after_end)
			continue;
		/* mark the items: headlines and teasers alike */
		for (j = start, k = 0; j < p->n && k < items; j = next_line(p,
		    j)) {
			if (p->l[j].kind != K_TEXT)
				continue;
			p->l[j].tlist = 1;
			if (!headline_shape(&p->l[j]) && !p->l[j].dup)
				k++;
		}
		i = j > 0 ? j - 1 : 0;
	}
}

/* Whether a short line is a list's item in the article the markup marks. */
static int
article_item(const struct page *p, const struct line *l)
{
	unsigned	block = l->hint & CLEAN_HINT_BLOCK;

	return p->article && (l->kind == K_TEXT || l->kind == K_DATE) &&
	    (l->score == SCORE_LIST || l->score == SCORE_SHORT ||
	    l->score == SCORE_HEADLINE) && (l->hint & CLEAN_HINT_ARTICLE) &&
	    !(l->hint & CLEAN_HINT_FURNITURE) &&
	    (block == CLEAN_HINT_P || block == CLEAN_HINT_LI);
}

/*
 * A run of VOUCHED_RUN short lines or more (list items, labels, dated
 * lines) in paragraphs or list items inside the article the markup marks
 * (a schedule, a tour's dates, a spec sheet) is the article's text: it
 * weighs as prose. A label alone ("Reading time: 1 min") does not.
 */
#define VOUCHED_RUN	4
static void
vouch_lists(struct page *p)
{
	size_t	i, j, k, n;

	for (i = 0; i < p->n; i = j) {
		for (j = i, n = 0; j < p->n && (p->l[j].kind == K_BLANK ||
		    article_item(p, &p->l[j])); j++)
			n += p->l[j].kind != K_BLANK;
		if (n >= VOUCHED_RUN)
			for (k = i; k < j; k++)
				if (p->l[k].kind != K_BLANK)
					p->l[k].score = p->l[k].chars / 2;
		if (j == i)
			j++;
	}
}

/* Score each line for the article's span. */
static void
score_lines(struct page *p)
{
	struct line	*l;
	size_t		 i, off, len;

	for (i = 0; i < p->n; i++) {
		l = &p->l[i];
		if (l->kind == K_TEXT && source_line(l, &off, &len))
			l->source = 1;
	}
	mark_doubles(p);
	mark_shapes(p);
	mark_teasers(p);
	for (i = 0; i < p->n; i++) {
		l = &p->l[i];
		switch (l->kind) {
		case K_HEADING:
			l->score = SCORE_BOX;
			continue;
		case K_TEXT:
			break;
		default:
			l->score = 0;
			continue;
		}
		if (l->source) {
			l->score = SCORE_CREDIT;
			continue;
		}
		if (l->dup || l->name || l->alt) {
			l->score = 0;
			continue;
		}
		if (l->tlist) {
			l->score = headline_shape(l) ? SCORE_SHORT :
			    SCORE_TEASER;
			continue;
		}
		if (l->repeated && !l->doubled && l->chars < 200) {
			/* a teaser or a headline the page prints again */
			l->score = SCORE_DOUBLED;
			continue;
		}
		if (l->doubled) {
			/* a paragraph printed twice (the sapo again) is
			 * prose; a caption, nothing; a headline, a teaser's */
			if (l->sentence && !l->credit && l->chars >= 150)
				l->score = l->chars;
			else if (l->credit || l->sentence)
				l->score = 0;
			else
				l->score = headline_shape(l) ? SCORE_DOUBLED :
				    SCORE_SHORT;
			continue;
		}
		if (l->credit && l->chars <= 150) {
			l->score = 0;
			continue;
		}
		if (l->label && l->chars <= 24) {
			l->score = 0;
			continue;
		}
		if (l->caps && l->chars < 150 && l->words >= 3)
			l->score = SCORE_CAPS;
		else if (l->chars >= 60 && (l->sentence || l->chars >= 150))
			l->score = l->chars;
		else if (l->words >= 4 && l->sentence)
			l->score = l->chars / 2;
		else if (l->chars >= 110 && l->words >= 15 && !l->dated &&
		    find(l->s, l->len, ", ", 2) != NULL)
			l->score = l->chars / 2;	/* prose without a stop */
		else if (l->numbered || l->keyval || memchr(l->s, ';', l->len))
			l->score = SCORE_LIST;	/* lists of the article */
		else if (headline_shape(l))
			l->score = SCORE_HEADLINE;
		else
			l->score = SCORE_SHORT;
	}
	vouch_lists(p);
}

/* Whether the line stops the span outright: a footer, comments. */
static int
is_stop(const struct line *l)
{
	return l->kind == K_END;
}

/*
 * The span: the run of lines with the largest score. Footers cut the page
 * into zones; past a footer that closes a run of real weight (an
 * article), a run must weigh three times as much to win: what follows a
 * footer is the site's, not the article's.
 */
static void
find_span(struct page *p)
{
	size_t	i, start = 0, run = 0;
	long	sum = 0, best = 0, zone_best = 0, w, sc;
	int	open = 0, after = 0, prose = 0;

	p->found = 0;
	for (i = 0; i < p->n; i++) {
		const struct line *l = &p->l[i];

		/* comments after the article's text end it */
		if (is_stop(l) || (l->comments && open && sum >= 150 &&
		    prose >= 2)) {
			if (zone_best >= 300)
				after = 1;
			sum = 0;
			open = 0;
			zone_best = 0;
			continue;
		}
		if (l->kind == K_BLANK || l->score == 0)
			continue;
		/*
		 * Short lines cost little alone (a subheading, a cell), more
		 * and more in a long run: menus, sidebars, tag clouds.
		 */
		sc = l->score;
		if (sc > 0)
			run = 0;
		else if (sc > SCORE_CAPS && ++run > 4) {
			sc -= 2 * (long)(run - 4);
			if (sc < SCORE_CAPS)
				sc = SCORE_CAPS;
		}
		if (!open) {
			if (sc <= 0)
				continue;
			open = 1;
			start = i;
			sum = 0;
			prose = 0;
		}
		sum += sc;
		prose += sc > 0;
		if (sum <= 0) {
			open = 0;
			continue;
		}
		if (sum > zone_best)
			zone_best = sum;
		w = after ? sum / 3 : sum;
		if (w > best) {
			best = w;
			p->first = start;
			p->last = i;
			p->found = 1;
		}
	}
}

/*
 * Whether a line just outside the span reads as the article's own: a
 * list item, a label and its value, a sentence, a long line; not a line
 * that could be another article's headline, nor furniture.
 */
static int
plain_text(const struct line *l)
{
	if (l->kind != K_TEXT || l->dup || l->doubled || l->name ||
	    l->source || l->tlist || l->alt || l->box || l->follow ||
	    l->comment || (l->caps && l->words >= 3))
		return 0;
	return l->numbered || l->keyval || l->sentence || l->words >= 12 ||
	    memchr(l->s, ';', l->len) != NULL;
}

/* A line with nothing of the site's furniture about it. */
static int
unremarkable(const struct line *l)
{
	if (l->kind == K_BLANK || l->kind == K_DATE)
		return 1;
	return l->kind == K_TEXT && !l->dup && !l->doubled && !l->name &&
	    !l->source && !l->tlist && !l->alt && !l->follow && !l->comment &&
	    !l->tagged && !(l->caps && l->words >= 3);
}

/*
 * A subheading: a short line of plain text shaped like a headline, with
 * no final punctuation, said once, not in capitals, no name or source;
 * maybe numbered ("I. Về ...", "1. Nguyên liệu").
 */
static int
subheading(const struct line *l)
{
	return l->kind == K_TEXT && headline_shape(l) && !l->sentence &&
	    l->words <= 16 && !l->dup && !l->doubled && !l->caps &&
	    !l->tlist && !l->box && !l->follow;
}

/*
 * Widen the span over the article's own lines that scored too little to
 * join it: contact lines, tables, lists at its end or its start. Lines
 * are taken up to the first one that is furniture or could be another
 * article's headline; a short line goes only when article text follows
 * it.
 */
static void
extend_span(struct page *p)
{
	size_t	i, j, k, last;

	if (!p->found)
		return;
	/* a tail with nothing of the site's in it is the article's end */
	for (i = next_line(p, p->last), last = p->last; i < p->n;
	    i = next_line(p, i)) {
		/* a name may be a table's cell ("Hà Nội"); a byline only
		 * if nothing of the article follows it */
		if (p->l[i].name && !p->l[i].dup && !p->l[i].doubled)
			continue;
		if (!unremarkable(&p->l[i]))
			break;
		if (p->l[i].kind == K_TEXT)
			last = i;
	}
	if (i >= p->n) {
		p->last = last;
		goto head;
	}
	/* the same up to the byline, the credit or the footer: when prose
	 * stands in it (a list is not enough) */
	if (p->l[i].name || p->l[i].source || p->l[i].kind == K_END) {
		for (k = next_line(p, p->last); k <= last; k = next_line(p, k)) {
			if (p->l[k].score > 100) {
				p->last = last;
				goto head;
			}
		}
	}
	last = p->last;
	for (i = next_line(p, p->last); i < p->n; i = next_line(p, i)) {
		if (p->l[i].kind == K_NOISE || p->l[i].kind == K_MARKUP ||
		    p->l[i].kind == K_DATE)
			continue;
		if (plain_text(&p->l[i])) {
			last = i;
			continue;
		}
		/* an image's alt text repeating the headline, then its
		 * caption with its credit: "... Ảnh: Name" */
		if (repeats_title(p, &p->l[i]))
			continue;
		if (p->l[i].kind == K_TEXT && p->l[i].credit &&
		    !p->l[i].tlist && !p->l[i].source) {
			last = i;
			continue;
		}
		/* a short line (a subheading, a cell) before more text */
		if (p->l[i].kind == K_TEXT && !headline_shape(&p->l[i]) &&
		    !p->l[i].dup && !p->l[i].doubled && !p->l[i].name &&
		    !p->l[i].source && !p->l[i].tlist && p->l[i].words <= 4)
			continue;
		break;
	}
	p->last = last;
head:
	/* before: from the headline (or the page's start) to the span */
	j = p->first;
	for (i = p->first; i > (p->title < p->n ? p->title + 1 : 0); i--) {
		const struct line *l = &p->l[i - 1];

		if (l->kind == K_BLANK || l->kind == K_NOISE ||
		    l->kind == K_MARKUP)
			continue;
		if (!plain_text(l) || headline_shape(l))
			break;
		if (l->sentence || l->numbered || l->keyval || l->words >= 12)
			j = i - 1;
		else
			break;
	}
	/*
	 * A subheading right under the headline (and its dateline or
	 * byline) opens the article when the article has subheadings of its
	 * own further on: "Giá vàng trong nước" over the first paragraph,
	 * "Giá vàng thế giới" later.
	 */
	if (p->title < p->n && j > p->title + 1) {
		for (i = p->title + 1; i < j && (p->l[i].kind == K_BLANK ||
		    p->l[i].kind == K_NOISE || p->l[i].kind == K_MARKUP ||
		    p->l[i].kind == K_DATE || p->l[i].name); i++)
			;
		if (i < j && next_line(p, i) == j && subheading(&p->l[i])) {
			for (k = next_line(p, j); k < p->last;
			    k = next_line(p, k)) {
				if (subheading(&p->l[k])) {
					j = i;
					break;
				}
			}
		}
	}
	p->first = j;
}

/*
 * A paragraph of prose: a long line of text that ends as a sentence and
 * is nothing of the site's (no teaser, no item of a related list, not
 * printed twice). No headline stands under one: a line there shaped like
 * a headline is the article's (a table's row, a list's item).
 */
static int
prose(const struct line *l)
{
	return l->kind == K_TEXT && l->sentence && !l->teaser &&
	    l->chars >= PROSE_CHARS && !l->dup && !l->doubled && !l->name &&
	    !l->source && !l->tlist && !l->alt && !l->follow && !l->comment;
}

/* Whether line i is a question an answer follows: an interview's. */
static int
asked(const struct page *p, size_t i)
{
	size_t	j;

	if (!p->l[i].question)
		return 0;
	j = next_line(p, i);
	return j < p->n && p->l[j].kind == K_TEXT && (p->l[j].s[0] == '-' ||
	    p->l[j].s[0] == '+' || starts_with(p->l[j].s, "\xe2\x80\x93") ||
	    p->l[j].label || p->l[j].keyval);
}

/* Whether a byline or a dateline follows line i within four lines. */
static int
signed_below(const struct page *p, size_t i)
{
	size_t	j, n;

	for (j = next_line(p, i), n = 0; j < p->n && n < 4;
	    j = next_line(p, j), n++) {
		if (p->l[j].name || p->l[j].kind == K_DATE ||
		    (p->l[j].kind == K_NOISE && p->l[j].why != NULL &&
		    strcmp(p->l[j].why, "time stamp") == 0))
			return 1;
		if (p->l[j].score > 100)
			return 0;
	}
	return 0;
}

/*
 * How much a headline-shaped line reads as this article's headline: its
 * length, whether the page prints it again (image alt text, a list),
 * whether only bylines, dates, captions and furniture stand between it
 * and the article, and how far it is from the article.
 */
static int
title_score(const struct page *p, size_t i, size_t end)
{
	const struct line	*l = &p->l[i], *m;
	size_t			 j, n = 0;
	int			 sc = 0;

	if (l->words >= 5)
		sc += 2;
	else if (l->words <= 4)
		sc -= 3;
	if (l->chars >= 30 && l->chars <= 160)
		sc += 2;
	if (l->repeated || l->doubled)
		sc += 2;
	if (l->dated)
		sc += 3;	/* a date and time glued to it */
	if (signed_below(p, i))
		sc += 4;	/* a byline or a dateline under it */
	if (prev_line(p, i) >= p->n && l->words >= 5)
		sc += 2;	/* the page's first line */
	if (memchr(l->s, '|', l->len) != NULL || find(l->s, l->len,
	    "\xc2\xbb", 2) != NULL || find(l->s, l->len, " / ", 3) != NULL)
		sc -= 2;
	for (j = next_line(p, i); j < end; j = next_line(p, j)) {
		m = &p->l[j];
		n++;
		if (m->kind == K_DATE || m->kind == K_NOISE ||
		    m->kind == K_IMAGE || m->kind == K_URL ||
		    m->kind == K_MARKUP || m->name || m->office || m->credit ||
		    m->dup || m->follow || m->label || m->alt ||
		    (m->kind == K_TEXT && m->words <= 6 && outlet_like(m->s,
		    m->len)))
			continue;
		break;
	}
	if (j >= end)
		sc += 3;	/* only furniture between it and the article */
	if (n > 12)
		sc -= 1;
	return sc;
}

/*
 * The headline: among the lines before the span shaped like a headline,
 * the one that reads most like this article's (title_score(); the later
 * of equals). Not a line in a related box (after a box's heading that an
 * earlier candidate precedes), under a byline (the author's office), or
 * a question an answer follows; a line in capitals only when no line in
 * proper case is one. No candidate: the page has no headline.
 */
static void
find_title(struct page *p)
{
	size_t	i, end = p->found ? p->first : p->n, best = p->n;
	size_t	caps = p->n, k;
	int	box = 0, sc, best_sc = 0;

	for (i = 0; i < end; i++) {
		struct line *l = &p->l[i];

		if (l->kind == K_HEADING && best != p->n) {
			box = 1;
			continue;
		}
		if (l->kind == K_TEXT && !headline_shape(l) && !l->name &&
		    l->chars > 150)
			box = 0;	/* prose: whatever box there was ended */
		if (!headline_shape(l) || l->tlist || l->numbered)
			continue;
		k = prev_line(p, i);
		if (best != p->n && k < p->n && p->l[k].name && l->chars < 80) {
			l->office = 1;
			continue;
		}
		if (asked(p, i))
			continue;
		if (box && !signed_below(p, i)) {
			l->box = 1;
			continue;
		}
		if (l->caps) {
			if (caps == p->n)
				caps = i;
			continue;
		}
		sc = title_score(p, i, end);
		if (best == p->n || sc >= best_sc) {
			best = i;
			best_sc = sc;
		}
	}
	/*
	 * A headline inside the span's first lines, signed below by a
	 * byline or a dateline: the span began on teasers above it.
	 */
	if (p->found) {
		size_t	n = 0;
		long	above = 0, total = 0;

		for (i = p->first; i <= p->last; i++)
			total += p->l[i].score > 0 ? p->l[i].score : 0;
		for (i = p->first; i <= p->last && n < 40; i++) {
			struct line *l = &p->l[i];

			if (l->kind == K_BLANK)
				continue;
			n++;
			if (prose(l))
				break;	/* the article's: none under it */
			above += l->score > 0 ? l->score : 0;
			if (!headline_shape(l) || l->tlist || l->caps ||
			    l->words < 5 || !signed_below(p, i))
				continue;
			/* what would be cut is a small part of the span */
			if (above * 10 > total * 3)
				break;
			if ((sc = title_score(p, i, p->n) + 2) > best_sc ||
			    best == p->n) {
				best = i;
				best_sc = sc;
			}
			break;
		}
	}
	if (best == p->n)
		best = caps;
	p->title = best;
}

static char *
trim_dup(const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '-' || *s == '('))
		s++, len--;
	while (len > 0 && strchr(" .,;:-)", s[len - 1]) != NULL)
		len--;
	return len > 0 ? xstrndup(s, len) : NULL;
}

/*
 * Whether a name the page gives where only an outlet stands (its tag
 * opening the lead, a credit after the article) is a name at all: five
 * words at most, every word capitalised (or joined by '&', "và"), not a
 * person's byline, not a title such as "GS".
 */
static int
name_shaped(const char *s, size_t len, int person)
{
	size_t	i = 0, n, j, from, to;
	int	words = 0;

	if (len == 0 || len > 60 || (!person && byline(s, len, &from, &to)))
		return 0;
	while (i < len) {
		for (j = i; j < len && s[j] != ' '; j++)
			;
		if (!(j - i == 1 && (s[i] == '&' || s[i] == '-')) &&
		    !(j - i == 3 && memcmp(s + i, "v\xc3\xa0", 3) == 0)) {
			/* a site's own name: only its first word need be
			 * capitalised ("Hội Khuyến học tỉnh Hòa Bình") */
			if (!upper_at(s + i, j - i, &n) &&
			    !isdigit((unsigned char)s[i]) && (!person ||
			    words == 0))
				return 0;
			if (++words > (person ? 8 : 5))
				return 0;
		}
		for (i = j; i < len && s[i] == ' '; i++)
			;
	}
	return words > 0 && outlet_find(s, len) == NULL ?
	    !(len <= 4 && strchr(s, '.') == NULL && words == 1 &&
	    (len < 3 || !isupper((unsigned char)s[1]))) : 1;
}

/*
 * Set the article's source from a name the page gives, if it is one: an
 * outlet the table knows or one shaped like an outlet; where the page's
 * form says an outlet stands (trusted), any name-shaped string.
 */
static int
take_source(struct article *a, const char *s, size_t len, int trusted)
{
	/* trusted 2: the site names itself, a person's name is fine */
	char	*n;

	if (a->source != NULL)
		return 0;
	if ((n = outlet_name(s, len)) == NULL && trusted) {
		while (len > 0 && strchr(" .,;:)-", s[len - 1]) != NULL)
			len--;
		if (name_shaped(s, len, trusted == 2))
			n = xstrndup(s, len);
	}
	if (n == NULL)
		return 0;
	if (all_caps(n, strlen(n)) && outlet_find(n, strlen(n)) == NULL &&
	    strchr(n, ' ') != NULL) {
		/* "THE RIVERTON LEDGER": a masthead in capitals */
		char *t = text_title_case(n);

		free(n);
		n = t;
	}
	a->source = n;
	return 1;
}

/* The names of a byline line, without its label and "(t/h)". */
static char *
byline_names(const struct line *l)
{
	size_t	from, to;

	if (!byline(l->s, l->len, &from, &to))
		return xstrdup(l->s);
	return trim_dup(l->s + from, to - from);
}

/* A byline's outlet after a slash: "Hà Linh/VOV.VN". */
static void
byline_source(const struct line *l, struct article *a)
{
	const char	*sl = memrchr(l->s, '/', l->len);

	if (sl != NULL && l->len < 80)
		take_source(a, sl + 1, (size_t)(l->s + l->len - sl - 1), 0);
}

/*
 * Source and author after the span: a credit line ("Theo X", "Nguồn: X",
 * "Name (Theo X)"), a bare domain, a byline alone.
 */
static void
meta_after(struct page *p, struct article *a)
{
	size_t		 i, k, off, len, seen, end, b, e;
	struct line	*l;
	const char	*u;

	end = p->found ? p->last : (p->title < p->n ? p->title : 0);
	for (i = next_line(p, end), seen = 0; i < p->n && seen < 6;
	    i = next_line(p, i), seen++) {
		l = &p->l[i];
		if (l->kind == K_HEADING || l->tlist)
			break;
		if (l->kind == K_TEXT && l->source &&
		    source_line(l, &off, &len)) {
			if (p->title < p->n && len == p->l[p->title].len &&
			    memcmp(l->s + off, p->l[p->title].s, len) == 0) {
				set_role(l, CLEAN_DROPPED, "'Nguồn:' the headline");
				continue;
			}
			if (a->url == NULL && (u = strstr(l->s, ": http")) != NULL)
				a->url = xstrdup(u + 2);
			if (len <= 60 && count_words(l->s + off) <= 8 &&
			    take_source(a, l->s + off, len, 1))
				set_role(l, CLEAN_SOURCE, "credit after the article");
			else
				set_role(l, CLEAN_DROPPED, "credit line");
			if (off > 6 && l->s[off - 6] == '(' && a->author ==
			    NULL) {
				a->author = trim_dup(l->s, off - 6);
				l->why = "author (credit after the article)";
			} else if (starts_with(l->s, "Theo ") && off > 7 &&
			    l->s[off - 1] == '(' && a->author == NULL &&
			    byline(l->s + 5, off - 7, &b, &e)) {
				/* "Theo Name (Outlet)" */
				a->author = xstrndup(l->s + 5 + b, e - b);
				l->why = "author (credit after the article)";
			} else if ((k = prev_line(p, i)) < p->n && k > end &&
			    p->l[k].name && a->author == NULL) {
				a->author = byline_names(&p->l[k]);
				byline_source(&p->l[k], a);
				set_role(&p->l[k], CLEAN_AUTHOR,
				    "byline after the article");
			}
		} else if (l->kind == K_TEXT && is_domain(l->s) &&
		    a->source == NULL) {
			take_source(a, l->s, l->len, 0);
			set_role(l, CLEAN_SOURCE, "domain after the article");
			if ((k = prev_line(p, i)) < p->n && k > end &&
			    p->l[k].name && a->author == NULL) {
				a->author = byline_names(&p->l[k]);
				byline_source(&p->l[k], a);
				set_role(&p->l[k], CLEAN_AUTHOR,
				    "byline after the article");
			}
		}
	}
	/* a byline alone just after the span */
	if (a->author == NULL && p->found &&
	    (i = next_line(p, p->last)) < p->n && p->l[i].name &&
	    !p->l[i].source && !outlet_like(p->l[i].s, p->l[i].len)) {
		a->author = byline_names(&p->l[i]);
		byline_source(&p->l[i], a);
		set_role(&p->l[i], CLEAN_AUTHOR, "byline after the article");
	}
}

/*
 * Source, author and address before the span: a byline under the
 * headline (with its office), an outlet's name, a URL, a follow prompt.
 */
static void
meta_before(struct page *p, struct article *a)
{
	size_t		 i, from, end, seen;
	struct line	*l;
	const char	*x;
	size_t		 len;

	from = p->title < p->n ? p->title + 1 : 0;
	end = p->found ? p->first : p->n;
	for (i = from, seen = 0; i < end && seen < 8; i++) {
		l = &p->l[i];
		if (l->kind == K_BLANK)
			continue;
		seen++;
		if (l->kind == K_URL && a->url == NULL) {
			a->url = xstrdup(l->s);
			set_role(l, CLEAN_URL, "the article's address");
			continue;
		}
		if (l->kind != K_TEXT)
			continue;
		if (l->name && !outlet_like(l->s, l->len)) {
			if (a->author == NULL) {
				a->author = byline_names(l);
				set_role(l, CLEAN_AUTHOR, "byline under the "
				    "headline");
			}
		} else if (l->office)
			set_role(l, CLEAN_DROPPED, "the author's office");
		else if (l->words <= 6 && outlet_like(l->s, l->len) &&
		    !l->sentence && take_source(a, l->s, l->len, 0))
			set_role(l, CLEAN_SOURCE, "outlet's name near the "
			    "headline");
		else if (l->source) {
			size_t	off, slen;

			if (source_line(l, &off, &slen) &&
			    take_source(a, l->s + off, slen, 1))
				set_role(l, CLEAN_SOURCE, "credit near the "
				    "headline");
		}
	}
	end = p->found ? p->last + 1 : p->n;
	for (i = 0; i < end; i++) {
		l = &p->l[i];
		if (l->follow && (len = follow_prompt(l->s, l->len, &x)) > 0 &&
		    take_source(a, x, len, 1))
			set_role(l, CLEAN_SOURCE, "follow prompt");
	}
}

/* Whether a date is one a page could be published on: 1990 to tomorrow. */
static int
plausible(const struct page *p, const struct article_date *d)
{
	const struct article_date *t = p->opts != NULL ? &p->opts->today :
	    NULL;
	long	 a, b;

	if (d->month == 0)
		return 0;
	if (d->year == 0)
		return 1;
	if (d->year < 1990 || d->year > 2100)
		return 0;
	if (t == NULL || t->year == 0)
		return 1;
	a = (long)d->year * 400 + d->month * 32 + d->day;
	b = (long)t->year * 400 + t->month * 32 + t->day + 1;
	return a <= b;
}

/*
 * The news peg: a date in the first sentence of the lead or the first
 * paragraph ("Ngày 28/1, ...", "Sáng 13/5, ..."), not a date of history
 * or of a deadline further on.
 */
static int
news_peg(const char *s, struct article_date *d)
{
	size_t		 ds, de, end;
	const char	*dot;
	char		 first[204];

	if (s == NULL)
		return 0;
	/* the first sentence, or its first 200 bytes */
	end = strlen(s);
	for (dot = s; (dot = strpbrk(dot, ".!?")) != NULL; dot++) {
		if (dot[1] == ' ' || dot[1] == '\0') {
			end = (size_t)(dot - s);
			break;
		}
	}
	if (end > 200)
		end = 200;
	memcpy(first, s, end);
	first[end] = '\0';
	return date_find(first, d, &ds, &de);
}

/*
 * The date, in order of trust: a dateline near the headline (after it
 * first, then the nearest before it), a date glued to the headline, the
 * scraper's marker, then the news peg of the lead (marked as read from
 * the text). Every date is checked against 1990..tomorrow.
 */
static void
find_date(struct page *p, struct article *a)
{
	struct article_date	d;
	size_t			i, k, end = p->found ? p->first : p->n;
	size_t			from = p->title < p->n ? p->title : 0;
	const char		*lead, *first;

	/* the span's first lines too: a byline and a date under the lead */
	if (p->found) {
		for (i = p->first, k = 0; i <= p->last && k < 6; i++) {
			if (p->l[i].kind != K_BLANK)
				k++;
		}
		end = i;
	}
	for (i = from, k = 0; i < end && k < 16; i++, k++) {
		if (p->l[i].kind == K_DATE && p->l[i].by_len > 0 &&
		    a->author == NULL)
			a->author = trim_dup(p->l[i].s + p->l[i].by_off,
			    p->l[i].by_len);
		if ((p->l[i].kind == K_DATE || p->l[i].dated) &&
		    plausible(p, &p->l[i].date)) {
			a->date = p->l[i].date;
			a->dated = ARTICLE_DATED_PAGE;
			if (p->l[i].kind == K_DATE)
				set_role(&p->l[i], CLEAN_DATE, "dateline");
			return;
		}
	}
	for (i = from; i > 0; i--) {
		if ((p->l[i - 1].kind == K_DATE || p->l[i - 1].dated) &&
		    plausible(p, &p->l[i - 1].date)) {
			a->date = p->l[i - 1].date;
			a->dated = ARTICLE_DATED_PAGE;
			if (p->l[i - 1].kind == K_DATE)
				set_role(&p->l[i - 1], CLEAN_DATE,
				    "dateline above the headline");
			return;
		}
	}
	lead = a->lead != NULL ? a->lead : a->body.n > 0 ? a->body.v[0] :
	    NULL;
	first = a->lead != NULL && a->body.n > 0 ? a->body.v[0] : NULL;
	if (p->marker.month != 0) {
		a->date = p->marker;
		a->dated = ARTICLE_DATED_PAGE;
		if (p->marker.day != 0 && plausible(p, &a->date))
			return;
		/* "date 2024-09": the day from the lead, in that month */
		if (news_peg(lead, &d) && d.month == p->marker.month &&
		    (d.year == 0 || d.year == p->marker.year)) {
			a->date.day = d.day;
			if (plausible(p, &a->date))
				return;
		}
		memset(&a->date, 0, sizeof a->date);
		a->dated = ARTICLE_DATED_NONE;
	}
	/* a dateline after the span: a blog's post footer */
	for (i = p->found ? p->last + 1 : p->n, k = 0; i < p->n && k < 4;
	    i++) {
		if (p->l[i].kind == K_BLANK)
			continue;
		k++;
		if (p->l[i].kind == K_DATE && plausible(p, &p->l[i].date)) {
			a->date = p->l[i].date;
			a->dated = ARTICLE_DATED_PAGE;
			set_role(&p->l[i], CLEAN_DATE, "dateline after the "
			    "article");
			return;
		}
	}
	if ((news_peg(lead, &d) && plausible(p, &d)) ||
	    (news_peg(first, &d) && plausible(p, &d))) {
		a->date = d;
		a->dated = ARTICLE_DATED_TEXT;
	}
}

static int
in_strv(const struct strv *sv, const char *s)
{
	size_t	i;

	for (i = 0; i < sv->n; i++) {
		if (strcmp(sv->v[i], s) == 0)
			return 1;
	}
	return 0;
}

/* Whether the line repeats the headline, or is its image's alt text. */
static int
repeats_title(const struct page *p, const struct line *l)
{
	const struct line	*t;
	size_t			 e;

	if (p->title >= p->n)
		return 0;
	t = &p->l[p->title];
	if (l == t)
		return 0;
	if (same(l, t))
		return 1;
	e = alt_text(l->s, l->len);
	return e > 0 && e == t->len && memcmp(l->s, t->s, e) == 0;
}

/* A credit alone: "Ảnh: Thanh Vân/TTXVN", "Photo: Reuters". */
static int
credit_only(const struct line *l)
{
	return l->credit && l->words <= 6 && (starts_with(l->s,
	    "\xe1\xba\xa2nh") || starts_with(l->s, "Photo") ||
	    starts_with(l->s, "(\xe1\xba\xa2nh") || starts_with(l->s, "(Photo") ||
	    starts_with(l->s, "Ngu\xe1\xbb\x93n \xe1\xba\xa3nh") ||
	    starts_with(l->s, "Credit"));
}

/* Whether line i, inside the span, is a caption. */
static int
is_caption(const struct page *p, size_t i)
{
	const struct line	*l = &p->l[i];
	size_t			 k;

	if (l->kind != K_TEXT || l->chars > CAPTION_MAX)
		return 0;
	/* the line above a credit alone, without blank between */
	if (i + 1 < p->n && credit_only(&p->l[i + 1]) && l->chars <= 300 &&
	    !credit_only(l))
		return 1;
	if (l->credit)
		return 1;
	if (l->doubled)
		return l->score <= 0;
	k = prev_line(p, i);
	if (k < p->n && (p->l[k].kind == K_IMAGE || repeats_title(p,
	    &p->l[k]))) {
		/* an outlet's tag opens the lead, not a caption */
		if (l->tagged)
			return 0;
		/* the headline printed twice, one under the other: no image */
		if (p->l[k].kind != K_IMAGE && p->title < p->n &&
		    next_line(p, p->title) == k)
			return 0;
		return l->chars < 250 && l->score < 250;
	}
	return 0;
}

/*
 * Whether line i stands where a byline does in the span: before its first
 * prose or after its last (a name between paragraphs is a table's cell,
 * a list's item).
 */
static int
near_span_end(const struct page *p, size_t i)
{
	size_t	j;

	for (j = p->first; j < i && p->l[j].score <= 0; j++)
		;
	if (j == i)
		return 1;
	for (j = i + 1; j <= p->last && p->l[j].score <= 0; j++)
		;
	return j > p->last;
}

/* Roles of the lines in the span: body, caption, or furniture. */
static void
take_body(struct page *p, struct article *a)
{
	size_t		 i, k;
	struct line	*l;
	int		 box = 0;

	if (!p->found)
		return;
	for (i = p->first; i <= p->last; i++) {
		l = &p->l[i];
		if (l->kind == K_HEADING) {
			box = 1;
			set_role(l, CLEAN_DROPPED, "heading of a related box");
			continue;
		}
		if (l->kind != K_TEXT) {
			if (l->kind != K_BLANK && l->kind != K_DATE)
				l->role = CLEAN_DROPPED;
			continue;
		}
		/* a related box runs until the article's prose goes on, or
		 * the markup says the article does */
		if (box && ((l->score > 0 && !l->tlist) ||
		    (l->hint & CLEAN_HINT_ARTICLE)))
			box = 0;
		if (box) {
			set_role(l, CLEAN_DROPPED, "headline in a related box");
			continue;
		}
		if (l->dup) {
			set_role(l, CLEAN_DROPPED, "the line above again");
			continue;
		}
		if (l->source) {
			set_role(l, CLEAN_DROPPED, "credit line");
			continue;
		}
		if (repeats_title(p, l) || l->alt) {
			set_role(l, CLEAN_DROPPED, "the headline again (alt text)");
			continue;
		}
		if (l->tlist) {
			set_role(l, CLEAN_DROPPED, "related teaser");
			continue;
		}
		if (l->name && l->words <= 6 && (near_span_end(p, i) ||
		    byline_label(l->s, l->len) > 0)) {
			if (a->author == NULL) {
				a->author = byline_names(l);
				byline_source(l, a);
				set_role(l, CLEAN_AUTHOR, "byline");
			} else
				set_role(l, CLEAN_DROPPED, "byline");
			continue;
		}
		if (l->words <= 3 && !l->sentence && (is_domain(l->s) ||
		    (outlet_like(l->s, l->len) && outlet_find(l->s, l->len) !=
		    NULL))) {
			if (take_source(a, l->s, l->len, 0))
				set_role(l, CLEAN_SOURCE, "outlet's name");
			else
				set_role(l, CLEAN_DROPPED, "outlet's name");
			continue;
		}
		if (i > p->first && (k = prev_line(p, i)) < p->n &&
		    p->l[k].role == CLEAN_AUTHOR && l->score <= 0 &&
		    (l->s[0] == '(' || (l->chars < 80 && !l->sentence))) {
			set_role(l, CLEAN_DROPPED, "the author's office");
			continue;
		}
		if (credit_only(l)) {
			set_role(l, CLEAN_DROPPED, "a photo's credit alone");
			continue;
		}
		if (is_caption(p, i) || (l->hint & CLEAN_HINT_BLOCK) ==
		    CLEAN_HINT_CAPTION) {
			if (!in_strv(&a->captions, l->s))
				strv_add(&a->captions, l->s);
			set_role(l, CLEAN_CAPTION, (l->hint &
			    CLEAN_HINT_BLOCK) == CLEAN_HINT_CAPTION ?
			    "caption (markup)" : l->credit ? "photo credit" :
			    l->doubled ? "caption (printed twice)" :
			    "caption (after an image)");
			continue;
		}
		strv_add(&a->body, l->s);
		set_role(l, CLEAN_BODY, l->score > 0 ? "prose" :
		    l->label ? "label of the article" :
		    "short line inside the article");
	}
	/* a short first paragraph is the lead (the sapo); not a subheading */
	for (i = p->first; i <= p->last && p->l[i].role != CLEAN_BODY; i++)
		;
	if (a->body.n >= 1 && (a->body.n >= 2 || p->l[p->first].tagged) &&
	    count_chars(a->body.v[0], strlen(a->body.v[0])) <= LEAD_MAX &&
	    (i > p->last || !subheading(&p->l[i]))) {
		a->lead = a->body.v[0];
		memmove(a->body.v, a->body.v + 1,
		    (a->body.n - 1) * sizeof *a->body.v);
		a->body.n--;
		for (i = p->first; i <= p->last; i++) {
			if (p->l[i].role == CLEAN_BODY) {
				p->l[i].role = CLEAN_LEAD;
				p->l[i].why = p->l[i].tagged ?
				    "lead: the outlet's tag opens it" :
				    "lead: the first short paragraph";
				break;
			}
		}
	}
}

/*
 * An outlet's name printed in bold before the lead, with no dash: "Dân
 * trí Sở Giáo dục...". Only a name the table knows, one to three words,
 * and a capital after it.
 */
static void
name_opens(const struct line *l, struct article *a)
{
	size_t	 e = 0, words = 0, n;

	while (words < 3) {
		const char	*sp = memchr(l->s + e, ' ', l->len - e);
		const char	*o;

		if (sp == NULL)
			return;
		e = (size_t)(sp - l->s);
		words++;
		if ((o = outlet_find(l->s, e)) != NULL &&
		    upper_at(sp + 1, l->len - e - 1, &n)) {
			take_source(a, o, strlen(o), 0);
			return;
		}
		e++;
	}
}

/*
 * The source from the article's own text: an outlet's tag opening the
 * lead, then a web address anywhere before the span ends.
 */
static void
source_inside(struct page *p, struct article *a)
{
	size_t		 i;
	struct line	*l;
	const char	*o;

	for (i = p->found ? p->first : 0; p->found && i <= p->last; i++) {
		l = &p->l[i];
		if (l->role != CLEAN_LEAD && l->role != CLEAN_BODY)
			continue;
		if (l->tagged)
			take_source(a, l->s + l->tag_off, l->tag_len, 1);
		else
			name_opens(l, a);
		break;
	}
	for (i = 0; i < p->n && a->source == NULL; i++) {
		l = &p->l[i];
		if (l->kind == K_URL && (o = outlet_from_host(l->s, l->len)) !=
		    NULL)
			a->source = xstrdup(o);
	}
	if (a->url == NULL) {
		size_t end = p->found ? p->first : p->n;

		for (i = 0; i < end; i++) {
			if (p->l[i].kind == K_URL) {
				a->url = xstrdup(p->l[i].s);
				set_role(&p->l[i], CLEAN_URL, "the article's "
				    "address");
				break;
			}
		}
	}
}

/*
 * The owner a copyright line names: "© 2019 Beachbody, LLC. All rights
 * reserved.", "Copyright © Báo Pháp luật Việt Nam", "© Bản quyền thuộc
 * về Báo Nhân Dân". Returns its length and its offset in *off, or 0.
 */
static size_t
copyright_owner(const char *s, size_t len, size_t *off)
{
	static const char *lead[] = {
		"Copyright", "COPYRIGHT", "copyright", "\xc2\xa9", "(c)", "(C)",
		"B\xe1\xba\xa3n quy\xe1\xbb\x81n thu\xe1\xbb\x99" "c v\xe1\xbb\x81",
		"B\xe1\xba\xa3n quy\xe1\xbb\x81n thu\xe1\xbb\x99" "c",
		"B\xe1\xba\xa3n quy\xe1\xbb\x81n", "All Rights Reserved",
	};
	size_t	i = 0, k, n, e;
	int	again = 1;

	if (len > 160)
		return 0;
	while (again) {
		again = 0;
		while (i < len && (s[i] == ' ' || isdigit((unsigned char)s[i]) ||
		    s[i] == '-' || s[i] == ','))
			i++;
		for (k = 0; k < sizeof lead / sizeof lead[0]; k++) {
			n = strlen(lead[k]);
			if (len - i >= n && memcmp(s + i, lead[k], n) == 0) {
				i += n;
				again = 1;
			}
		}
	}
	if (i == 0)
		return 0;	/* no copyright sign nor word */
	/* up to a full stop, "All rights", a bar */
	for (e = i; e < len; e++) {
		if (s[e] == '|' || (s[e] == '.' && (e + 1 == len ||
		    s[e + 1] == ' ')) || strncasecmp(s + e, " all rights", 11) ==
		    0 || strncmp(s + e, " - ", 3) == 0)
			break;
	}
	while (e > i && (s[e - 1] == ' ' || s[e - 1] == ','))
		e--;
	/* an owner's legal form is not part of its name */
	if (e - i > 5 && (ends_with(s + i, e - i, " LLC") ||
	    ends_with(s + i, e - i, " Inc")))
		e -= 4;
	while (e > i && (s[e - 1] == ' ' || s[e - 1] == ','))
		e--;
	*off = i;
	return e > i && e - i <= 60 ? e - i : 0;
}

/*
 * The source when the article and its credits name none: the site's
 * own name at the top of the page (its masthead, over a menu), then the
 * owner a copyright line names.
 */
static void
source_site(struct page *p, struct article *a)
{
	size_t		 i, j, k, seen, off, len;
	struct line	*l;

	for (i = 0, seen = 0; i < p->n && seen < 6 && a->source == NULL;
	    i++) {
		l = &p->l[i];
		if (l->kind == K_BLANK)
			continue;
		seen++;
		if (p->title < p->n && i >= p->title)
			break;
		if (l->kind != K_TEXT || l->words > 5 || l->sentence)
			continue;
		/* a menu within three lines under it */
		for (j = next_line(p, i), k = 0; j < p->n && k < 3;
		    j = next_line(p, j), k++) {
			if (p->l[j].why != NULL && strcmp(p->l[j].why, "menu") ==
			    0)
				break;
		}
		if ((j < p->n && k < 3) || outlet_like(l->s, l->len))
			if (take_source(a, l->s, l->len, 2))
				set_role(l, CLEAN_SOURCE, "the site's name over "
				    "its menu");
	}
	for (i = p->found ? p->last : 0; i < p->n && a->source == NULL; i++) {
		l = &p->l[i];
		if (l->kind == K_END &&
		    (len = copyright_owner(l->s, l->len, &off)) > 0 &&
		    take_source(a, l->s + off, len, 2))
			set_role(l, CLEAN_SOURCE, "copyright owner");
	}
}

/* The notes for clean --explain: one a line, in page order. */
static void
make_notes(const struct page *p, struct clean_notes *notes)
{
	size_t	i;

	notes->v = xreallocarray(NULL, p->n + 1, sizeof *notes->v);
	notes->n = 0;
	for (i = 0; i < p->n; i++) {
		struct clean_note *n = &notes->v[notes->n++];

		n->line = p->l[i].no;
		n->hint = p->l[i].hint;
		n->role = p->l[i].role;
		n->why = p->l[i].why != NULL ? p->l[i].why : "";
		n->score = p->l[i].score;
		n->text = xstrndup(p->l[i].s, p->l[i].len);
	}
}

void
clean_notes_free(struct clean_notes *notes)
{
	size_t	i;

	if (notes == NULL)
		return;
	for (i = 0; i < notes->n; i++)
		free(notes->v[i].text);
	free(notes->v);
	notes->v = NULL;
	notes->n = 0;
}

const char *
clean_role_name(enum clean_role role)
{
	static const char *names[] = {
		[CLEAN_BLANK] = "blank", [CLEAN_DROPPED] = "dropped",
		[CLEAN_TITLE] = "title", [CLEAN_LEAD] = "lead",
		[CLEAN_BODY] = "body", [CLEAN_CAPTION] = "caption",
		[CLEAN_AUTHOR] = "author", [CLEAN_DATE] = "date",
		[CLEAN_SOURCE] = "source", [CLEAN_URL] = "url",
	};

	return role <= CLEAN_URL ? names[role] : "?";
}

/* Roles of the furniture outside the span, for the notes. */
static void
mark_outside(struct page *p)
{
	size_t		 i;
	struct line	*l;

	for (i = 0; i < p->n; i++) {
		l = &p->l[i];
		if (l->role != CLEAN_DROPPED || (p->found && i >= p->first &&
		    i <= p->last) || l->kind != K_TEXT)
			continue;
		if (l->tlist)
			l->why = "related teaser";
		else if (l->box)
			l->why = "headline in a related box";
		else if (l->dup)
			l->why = "the line above again";
		else if (p->found && i > p->last)
			l->why = "after the article";
		else
			l->why = "before the article";
	}
}

char *
clean_hint_name(unsigned hint, char *buf, size_t n)
{
	static const char *const blocks[] = {
		"", "div", "p", "h1", "h", "li", "caption", "quote", "cell"
	};
	static const struct {
		unsigned	 flag;
		const char	*name;
	} flags[] = {
		{ CLEAN_HINT_ARTICLE, "article" }, { CLEAN_HINT_LINKS, "links" },
		{ CLEAN_HINT_NAV, "nav" }, { CLEAN_HINT_ASIDE, "aside" },
		{ CLEAN_HINT_FOOTER, "footer" }, { CLEAN_HINT_HEADER, "header" },
		{ CLEAN_HINT_COMMENTS, "comments" },
	};
	unsigned	 b = hint & CLEAN_HINT_BLOCK;
	size_t		 i;

	snprintf(buf, n, "%s", b < sizeof blocks / sizeof blocks[0] ?
	    blocks[b] : "?");
	for (i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		if (hint & flags[i].flag)
			snprintf(buf + strlen(buf), n - strlen(buf), " %s",
			    flags[i].name);
	}
	return buf;
}

/*
 * The headline the markup shows (the h1), else a line that is the
 * metadata's title, for p->title; p->n when there is neither.
 */
static size_t
marked_title(const struct page *p)
{
	const struct clean_markup *m = p->markup;
	size_t	i;

	for (i = 0; i < p->n; i++) {
		if (p->l[i].kind == K_TEXT && p->l[i].no == m->headline)
			return i;
	}
	for (i = 0; m->title != NULL && i < p->n; i++) {
		if (p->l[i].kind == K_TEXT && strcmp(p->l[i].s, m->title) == 0)
			return i;
	}
	return p->n;
}

/* Whether a credit line ("Theo X") gave the source. */
static int
credited(const struct page *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		if (p->l[i].source && p->l[i].role == CLEAN_SOURCE)
			return 1;
	}
	return 0;
}

static void
replace(char **field, const char *v)
{
	free(*field);
	*field = xstrdup(v);
}

/*
 * The page's metadata over what the text suggested: source (unless a
 * credit named it), author, date, url; the title only when the page
 * shows no headline.
 */
static void
take_markup(const struct page *p, struct article *a)
{
	const struct clean_markup *m = p->markup;
	const char	*o;

	if (a->title == NULL && m->title != NULL)
		a->title = xstrdup(m->title);
	if (m->source != NULL && (a->source == NULL || !credited(p))) {
		o = outlet_find(m->source, strlen(m->source));
		replace(&a->source, o != NULL ? o : m->source);
	}
	/* an outlet's name is not an author */
	if (m->author != NULL && outlet_find(m->author, strlen(m->author)) ==
	    NULL && (m->source == NULL || strcmp(m->author, m->source) != 0))
		replace(&a->author, m->author);
	if (m->url != NULL)
		replace(&a->url, m->url);
	if (m->date.month != 0 && plausible(p, &m->date)) {
		a->date = m->date;
		a->dated = ARTICLE_DATED_PAGE;
	}
}

struct article *
clean_page(const char *s, size_t len, const struct clean_opts *opts,
    struct clean_notes *notes)
{
	return clean_page_marked(s, len, NULL, opts, notes);
}

struct article *
clean_page_marked(const char *s, size_t len, const struct clean_markup *m,
    const struct clean_opts *opts, struct clean_notes *notes)
{
	struct article	*a = article_new();
	struct page	 p = { 0 };
	size_t		 i;

	p.opts = opts;
	p.markup = m;
	for (i = 0; m != NULL && m->hints != NULL && i < m->nhints; i++) {
		if ((m->hints[i] & CLEAN_HINT_ARTICLE) && !p.article) {
			p.article = 1;
			p.article_first = i + 1;
		}
	}
	/* norm_line() makes each line valid NFC, whatever the bytes */
	split(&p, s, len);
	mark_bar_tables(&p);
	score_lines(&p);
	p.title = p.n;
	find_span(&p);
	find_title(&p);
	if (m != NULL && (i = marked_title(&p)) < p.n) {
		p.title = i;
		p.l[i].box = 0;
		p.l[i].why = "headline (markup)";
	}
	if (p.found && p.title < p.n && p.title >= p.first &&
	    p.title <= p.last) {
		p.first = p.title + 1;	/* the span starts after the title */
		while (p.first <= p.last && (p.l[p.first].kind != K_TEXT ||
		    p.l[p.first].name || p.l[p.first].source))
			p.first++;
		if (p.first > p.last)
			p.found = 0;
	}
	extend_span(&p);
	if (p.title == p.n && p.found && p.l[p.first].chars <= 150 &&
	    ((p.l[p.first].question && !asked(&p, p.first)) ||
	    (p.l[p.first].exclaim && headline_shape(&p.l[p.first]))) &&
	    (i = next_line(&p, p.first)) <= p.last && p.l[i].score > 100) {
		/*
		 * "Vì sao ...?" over its answer, "Vàng tăng mạnh!" over a
		 * paragraph: a headline that ends like a sentence
		 */
		p.title = p.first;
		p.first = i;
	}
	if (p.title == p.n && p.found) {
		/* one line that reads as a headline: a page of its headline */
		size_t	k, text = 0, only = p.n;

		for (k = p.first; k <= p.last; k++) {
			if (p.l[k].kind == K_TEXT) {
				text++;
				only = k;
			}
		}
		if (text == 1 && headline_shape(&p.l[only])) {
			p.title = only;
			p.found = 0;
		}
	}
	if (p.title < p.n) {
		a->title = xstrdup(p.l[p.title].s);
		set_role(&p.l[p.title], CLEAN_TITLE, p.l[p.title].box ?
		    "headline" : p.l[p.title].hint != 0 &&
		    p.l[p.title].why != NULL && strncmp(p.l[p.title].why,
		    "headline", 8) == 0 ? p.l[p.title].why :
		    "headline (on its evidence)");
	} else if (p.found) {
		/* the headline only in an image's alt text at the top */
		for (i = p.first; i < p.n && i <= p.last + 3 && i < p.first + 6;
		    i++) {
			size_t e = alt_text(p.l[i].s, p.l[i].len);

			if (p.l[i].kind == K_TEXT && e > 0) {
				a->title = xstrndup(p.l[i].s, e);
				set_role(&p.l[i], CLEAN_TITLE, "headline from "
				    "image alt text");
				break;
			}
		}
	}
	take_body(&p, a);
	meta_after(&p, a);
	meta_before(&p, a);
	source_inside(&p, a);
	source_site(&p, a);
	if (a->source == NULL && opts != NULL && opts->source != NULL) {
		const char *o = outlet_find(opts->source, strlen(opts->source));

		a->source = xstrdup(o != NULL ? o : opts->source);
	}
	find_date(&p, a);
	if (m != NULL)
		take_markup(&p, a);
	if (a->author != NULL && a->source != NULL &&
	    strcmp(a->author, a->source) == 0) {
		free(a->author);
		a->author = NULL;
	}
	mark_outside(&p);
	if (notes != NULL)
		make_notes(&p, notes);
	for (i = 0; i < p.n; i++) {
		if (p.l[i].owned)
			free(p.l[i].s);
	}
	free(p.l);
	free(p.arena);
	buf_free(&p.fold_strip);
	buf_free(&p.fold_exact);
	return a;
}
