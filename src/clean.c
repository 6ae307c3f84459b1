/*
 * clean.c: a scraped news page (visible text, one block a line) to an
 * article. Pure: no I/O, no SQLite, no curses.
 *
 * The page is cut into lines, each line normalised and described by
 * signals that carry over between outlets: its length, whether it ends a
 * sentence, whether it repeats the next line, whether it is a link, a
 * date, a caption credit, a name, a known heading. The body is the run of
 * lines with the most prose in it (a maximum-sum segment: prose scores its
 * length, repeated headlines and teasers of related articles score
 * against it, footers end it). Title, author, date and source are then
 * read from the lines around that run.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "date.h"
#include "phrases.h"
#include "text.h"
#include "util.h"

/* What a line is, once read. */
enum kind {
	K_BLANK,
	K_NOISE,	/* furniture: dropped */
	K_HEADING,	/* heads a related-articles block */
	K_END,		/* footer: the article is over */
	K_URL,		/* a link (the article's own address, maybe) */
	K_IMAGE,	/* a link to an image */
	K_DATE,		/* a date alone */
	K_TEXT		/* anything else */
};

struct line {
	char		*s;
	size_t		 len;		/* bytes */
	int		 chars;		/* code points */
	int		 words;
	enum kind	 kind;
	unsigned	 sentence:1;	/* ends like a sentence */
	unsigned	 teaser:1;	/* ends in "..." */
	unsigned	 tagged:1;	/* starts with "(Outlet) -" */
	unsigned	 credit:1;	/* ends with a photo credit */
	unsigned	 doubled:1;	/* the next line says the same */
	unsigned	 dup:1;		/* the line before said the same */
	unsigned	 caption:1;
	unsigned	 name:1;	/* looks like a person's name */
	unsigned	 follow:1;	/* "Theo dõi X trên" */
	unsigned	 source:1;	/* "Theo X", "Nguồn: X", "(Theo X)" */
	unsigned	 owned:1;	/* s was allocated apart */
	int		 score;
};

struct page {
	char		*arena;		/* the lines' text */
	struct line	*l;
	size_t		 n;
	size_t		 title;		/* index, or n when none */
	size_t		 first;		/* body run [first, last] */
	size_t		 last;
	int		 found;		/* whether there is a body run */
};

/* Scores of the body run. */
#define SCORE_BAD	(-200)	/* a repeated headline, a teaser */
#define SCORE_HEADING	(-300)
#define SCORE_SHORT	(-30)
#define CAPTION_MAX	300	/* characters */

static const char ellipsis[] = "\xe2\x80\xa6";

/*
 * Normalise one line: no-break, zero-width and other spaces folded,
 * control characters dropped, runs of spaces collapsed, ends trimmed.
 */
/*
 * Whether the sequence at s may be one norm_line() changes: C1 controls
 * and no-break spaces (C2), spaces and format characters (E1 9A/A0, E2,
 * E3 80 80, EF BB BF, EF BF BD). Letters are copied without a decode.
 */
static int
maybe_special(const unsigned char *s, size_t left)
{
	switch (s[0]) {
	case 0xC2:
	case 0xE2:
	case 0xE3:
	case 0xEF:
		return 1;
	case 0xE1:
		return left > 1 && (s[1] == 0x9A || s[1] == 0xA0);
	default:
		return 0;
	}
}

/* Bytes of a 64-bit word below n (n <= 128), or zero: the usual tricks. */
#define HAS_LESS(x, n)	(((x) - 0x0101010101010101ULL * (n)) & ~(x) & \
	0x8080808080808080ULL)
#define HAS_ZERO(x)	HAS_LESS(x, 1)

/*
 * A letter that needs no decode: two bytes from U+0080 to U+02FF, or the
 * three bytes of U+1E00..U+1EFF (Vietnamese), well formed. Stores its
 * length in *n.
 */
static int
fast_letter(const unsigned char *s, size_t left, size_t *n)
{
	if (s[0] >= 0xC2 && s[0] < 0xCC && left >= 2 && (s[1] & 0xC0) == 0x80) {
		*n = 2;
		return 1;
	}
	if (s[0] == 0xE1 && left >= 3 && s[1] >= 0xB8 && s[1] <= 0xBB &&
	    (s[2] & 0xC0) == 0x80) {
		*n = 3;
		return 1;
	}
	return 0;
}

/*
 * Normalise one line into o (room for len + 1 bytes). Returns o, or an
 * allocated string (*owned set) when composing NFD text made it longer.
 */
static char *
norm_line(const char *s, size_t len, char *o, int *owned, size_t *outlen,
    int *chars, int *words)
{
	size_t	 i = 0, j = 0, n;
	int32_t	 cp;
	int	 space = 1, nch = 0, nsp = 0, nfd = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint64_t w;

		/* eight printable ASCII bytes at a time */
		while (i + 8 <= len) {
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) ||
			    HAS_LESS(w, 0x21) || HAS_ZERO(w ^
			    0x7F7F7F7F7F7F7F7FULL))
				break;
			memcpy(o + j, &w, 8);
			i += 8;
			j += 8;
			nch += 8;
			space = 0;
		}
		if (i >= len)
			break;
		c = (unsigned char)s[i];
		if (c < 0x80) {
			/* ASCII: the common case, without a decode */
			i++;
			if (c > 0x20 && c != 0x7f) {
				o[j++] = (char)c;
				nch++;
				space = 0;
			} else if ((c == ' ' || c == '\t') && !space) {
				o[j++] = ' ';
				nch++;
				nsp++;
				space = 1;
			}
			continue;
		}
		if (!maybe_special((const unsigned char *)s + i, len - i) &&
		    fast_letter((const unsigned char *)s + i, len - i, &n)) {
			/* a letter: two or three bytes, copied by hand */
			o[j] = s[i];
			o[j + 1] = s[i + 1];
			if (n == 3)
				o[j + 2] = s[i + 2];
			j += n;
			i += n;
			nch++;
			space = 0;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		i += n;
		if (!text_nfc_stable(cp))
			nfd = 1;
		if (cp == 0x200B || cp == 0x200C || cp == 0x200D ||
		    cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069) ||
		    cp == 0x200E || cp == 0x200F)
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
count_chars(const char *s)
{
	int	n = 0;

	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	}
	return n;
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
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t	n = strlen(suffix);

	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

static int
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Whether the line ends like a sentence (quotes and brackets aside). */
static int
ends_sentence(const char *s, size_t len)
{
	static const char *closers[] = {
		"\"", "'", ")", "\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb",
		"]"
	};
	size_t	k;
	int	again = 1;

	while (again && len > 0) {
		again = 0;
		for (k = 0; k < sizeof closers / sizeof closers[0]; k++) {
			if (ends_with(s, len, closers[k])) {
				len -= strlen(closers[k]);
				again = 1;
			}
		}
	}
	if (len == 0)
		return 0;
	if (strchr(".!?:;", s[len - 1]) != NULL)
		return 1;
	return ends_with(s, len, ellipsis);
}

static int
is_teaser(const char *s, size_t len)
{
	return ends_with(s, len, "...") || ends_with(s, len, ellipsis);
}

/*
 * An outlet's tag starts the line: "(Ngày Nay) - ...", or an outlet's
 * initials in capitals, "TTO - ...", "VOV.VN - ". Returns the length of
 * the tag's name (without brackets) and its offset in *off, or 0.
 */
static size_t
outlet_tag(const char *s, size_t *off)
{
	const char	*e, *n;

	if (s[0] == '(') {
		if ((e = strchr(s, ')')) == NULL || e - s < 3 || e - s > 40 ||
		    memchr(s + 1, '(', (size_t)(e - s - 1)) != NULL)
			return 0;
		*off = 1;
		n = e++;
	} else {
		/* capitals, digits, dots and Đ: "TTO", "VOV.VN", "NLĐO" */
		for (e = s; *e != '\0'; e++) {
			if (isupper((unsigned char)*e) || isdigit((unsigned char)*e)
			    || *e == '.')
				continue;
			if ((unsigned char)e[0] == 0xC4 &&
			    (unsigned char)e[1] == 0x90) {
				e++;
				continue;
			}
			break;
		}
		if (e - s < 2 || e - s > 12 || *e != ' ' ||
		    !isupper((unsigned char)s[0]))
			return 0;
		*off = 0;
		n = e;
	}
	while (*e == ' ')
		e++;
	if (*e != '-' && !starts_with(e, "\xe2\x80\x93") &&
	    !starts_with(e, "\xe2\x80\x94"))
		return 0;
	return (size_t)(n - s) - *off;
}

static int
is_tagged(const char *s)
{
	size_t	off;

	return outlet_tag(s, &off) > 0;
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
	char	low[8];
	size_t	k, n, i;
	const char *q;

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
	return tld >= 2 && tld <= 6 && isalnum((unsigned char)s[0]);
}

/* "0:00 / 0:00", "0:00", "12:34:56": a video player's clock. */
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

/* A photo credit ends the line: "(Ảnh: AFP)", "Ảnh: AFP", "(Nguồn: X)". */
static int
has_credit(const char *s, size_t len)
{
	static const char *keys[] = {
		"\xe1\xba\xa2nh:", "\xe1\xba\xa2nh :", "Ngu\xe1\xbb\x93n:",
		"Photo:", "Image:", "Credit:", "\xe1\xba\xa2nh minh h\xe1\xbb\x8d"
		"a", "\xe1\xba\xa2nh t\xc6\xb0 li\xe1\xbb\x87u", "Video:",
		"\xc4\x90\xe1\xbb\x93 h\xe1\xbb\x8d" "a:",
	};
	const char	*p, *hit, *tail;
	size_t		 k;

	/* the credit ends the line: look in its last 80 bytes only */
	tail = len > 80 ? s + len - 80 : s;
	if (memchr(tail, ':', (size_t)(s + len - tail)) == NULL &&
	    memmem(tail, (size_t)(s + len - tail), "\xe1\xba\xa2", 3) == NULL)
		return 0;
	for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		hit = NULL;
		for (p = tail; (p = strstr(p, keys[k])) != NULL; p++)
			hit = p;
		if (hit == NULL)
			continue;
		/* the credit is the end of the line, and short */
		if (len - (size_t)(hit - s) > 70)
			continue;
		if (hit == s || hit[-1] == '(' || hit[-1] == ' ' ||
		    hit[-1] == '.')
			return 1;
	}
	return 0;
}

/*
 * A person's name alone: two to five words, each a capital followed by
 * lower-case letters ("Mai Lan", "Vũ Hoàng").
 */
static int
is_name(const char *s, size_t len)
{
	size_t	i = 0, n;
	int32_t	cp;
	int	words = 0, pos = 0;

	if (len == 0 || len > 40)
		return 0;
	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		i += n;
		if (cp == ' ') {
			if (pos == 0)
				return 0;
			pos = 0;
			continue;
		}
		if (pos == 0) {
			if (!text_is_upper(cp))
				return 0;
			words++;
		} else if (!text_is_lower(cp))
			return 0;
		pos++;
	}
	return words >= 2 && words <= 5 && pos > 0;
}

/* Fold a short line for the phrase table: lower case, no final colon. */
static enum phrase_kind
lookup(const char *s, size_t len, int *end_prefix)
{
	struct buf		 strip = { 0 }, exact = { 0 };
	char			*f;
	size_t			 n;
	enum phrase_kind	 k;
	int			 long_line;

	*end_prefix = 0;
	if (len > 80)
		return PHRASE_NONE;
	if ((long_line = count_words(s) > 6)) {
		/* no phrase is this long: only an end prefix can match */
		len = len > 24 ? 24 : len;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	text_fold_word(s, len, &strip, &exact);	/* case-folded, fast */
	f = exact.s;
	*end_prefix = phrase_end_prefix(f);
	if (long_line) {
		buf_free(&strip);
		buf_free(&exact);
		return PHRASE_NONE;
	}
	n = exact.len;
	while (n > 0 && (f[n - 1] == ':' || f[n - 1] == ' '))
		f[--n] = '\0';
	k = phrase_lookup(f);
	buf_free(&strip);
	buf_free(&exact);
	return k;
}

/* "Theo dõi X trên" : a follow prompt; returns X's length or 0. */
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

static void
read_line(struct line *l)
{
	enum phrase_kind	k;
	struct article_date	d;
	size_t			ds, de;
	int			endp;
	const char		*x;

	l->sentence = ends_sentence(l->s, l->len);
	l->teaser = is_teaser(l->s, l->len);
	l->tagged = is_tagged(l->s);
	l->credit = l->chars <= CAPTION_MAX && has_credit(l->s, l->len);
	l->name = is_name(l->s, l->len);
	if (l->len == 0) {
		l->kind = K_BLANK;
		return;
	}
	l->kind = K_TEXT;
	k = lookup(l->s, l->len, &endp);
	if (k == PHRASE_NOISE)
		l->kind = K_NOISE;
	else if (k == PHRASE_HEADING)
		l->kind = K_HEADING;
	else if (k == PHRASE_END || endp)
		l->kind = K_END;
	else if (is_url(l->s))
		l->kind = is_image_url(l->s, l->len) ? K_IMAGE : K_URL;
	else if (is_clock(l->s) || is_weather(l->s, l->len))
		l->kind = K_NOISE;
	else if (follow_prompt(l->s, l->len, &x) > 0) {
		l->kind = K_NOISE;
		l->follow = 1;
	} else if (l->chars <= 60 && l->words <= 10 &&
	    date_find(l->s, &d, &ds, &de) && de - ds + 30 >= l->len)
		l->kind = K_DATE;
}

/* Split the text into normalised lines. */
static void
split(struct page *p, const char *s, size_t len)
{
	size_t	i = 0, e, cap = 0, used = 0;

	/* every line is normalised into one block: a line never grows */
	p->arena = xmalloc(2 * len + 2);
	while (i <= len) {
		const char *nl = memchr(s + i, '\n', len - i);

		e = nl != NULL ? (size_t)(nl - s) : len;
		if (p->n == cap) {
			cap = cap == 0 ? 128 : cap * 2;
			p->l = xreallocarray(p->l, cap, sizeof *p->l);
		}
		memset(&p->l[p->n], 0, sizeof p->l[p->n]);
		{
			struct line	*l = &p->l[p->n];
			int		 owned = 0;

			l->s = norm_line(s + i, e - i, p->arena + used, &owned,
			    &l->len, &l->chars, &l->words);
			l->owned = owned;
			if (!owned)
				used += l->len + 1;
		}
		read_line(&p->l[p->n]);
		p->n++;
		if (nl == NULL)
			break;
		i = e + 1;
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

/* Mark repeated lines: the first of a pair is doubled, the second dup. */
static void
mark_doubles(struct page *p)
{
	size_t	i, j;

	for (i = 0; i < p->n; i++) {
		if (p->l[i].kind != K_TEXT || p->l[i].dup)
			continue;
		j = next_line(p, i);
		if (j < p->n && same(&p->l[i], &p->l[j])) {
			p->l[i].doubled = 1;
			p->l[j].dup = 1;
		}
	}
}

/*
 * A "Theo X" or "Nguồn: X" line, or one ending in "(Theo X)": store X's
 * offset and length and return 1.
 */
static int
source_line(const struct line *l, size_t *off, size_t *len)
{
	static const char theo[] = "Theo ";
	static const char nguon[] = "Ngu\xe1\xbb\x93n:";
	const char	*s = l->s, *o;

	if (starts_with(s, nguon) && l->chars <= 250 && !l->sentence) {
		*off = strlen(nguon);
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
	if (starts_with(s, theo) && l->words <= 6 && !l->sentence) {
		*off = strlen(theo);
		*len = l->len - *off;
		return *len > 0 && !starts_with(s, "Theo d\xc3\xb5i ");
	}
	return 0;
}

static int
all_caps(const char *s)
{
	size_t	i = 0, len = strlen(s), n;
	int32_t	cp;
	int	upper = 0;

	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		i += n;
		if (text_is_lower(cp))
			return 0;
		if (text_is_upper(cp))
			upper++;
	}
	return upper >= 4;
}

/* Score each line for the body run. */
static void
score_lines(struct page *p)
{
	struct line	*l;
	size_t		 i, j, off, len;

	for (i = 0; i < p->n; i++) {
		l = &p->l[i];
		if (l->kind == K_TEXT && source_line(l, &off, &len))
			l->source = 1;
		switch (l->kind) {
		case K_HEADING:
			l->score = SCORE_HEADING;
			continue;
		case K_TEXT:
			break;
		default:
			l->score = 0;
			continue;
		}
		if (l->source || l->dup || l->name) {
			l->score = 0;
			continue;
		}
		if (l->doubled) {
			l->score = l->credit ? 0 : SCORE_BAD;
			continue;
		}
		if (l->teaser && l->chars < 400) {
			l->score = SCORE_BAD;
			continue;
		}
		if (l->tagged) {
			/* a teaser, unless prose goes on after it */
			j = next_line(p, i);
			if (j >= p->n || p->l[j].doubled || p->l[j].tagged ||
			    p->l[j].chars < 60 || p->l[j].credit) {
				l->score = SCORE_BAD;
				continue;
			}
		}
		if (l->credit && l->chars <= CAPTION_MAX / 2) {
			l->score = 0;
			continue;
		}
		if (all_caps(l->s))
			l->score = SCORE_SHORT;	/* a shouted headline */
		else if (l->chars >= 60 && (l->sentence || l->chars >= 150))
			l->score = l->chars;
		else if (l->words >= 4 && l->sentence)
			l->score = l->chars / 2;
		else
			l->score = SCORE_SHORT;
	}
}

/* Whether the line stops the body run outright. */
static int
is_stop(const struct line *l)
{
	return l->kind == K_END || (l->source && l->kind == K_TEXT);
}

/* The body run: the segment of lines with the largest score. */
static void
find_body(struct page *p)
{
	size_t	i, start = 0;
	long	sum = 0, best = 0;
	int	open = 0;

	p->found = 0;
	for (i = 0; i < p->n; i++) {
		const struct line *l = &p->l[i];

		if (is_stop(l)) {
			sum = 0;
			open = 0;
			continue;
		}
		if (l->kind == K_BLANK || l->score == 0)
			continue;
		if (!open) {
			if (l->score <= 0)
				continue;
			open = 1;
			start = i;
			sum = 0;
		}
		sum += l->score;
		if (sum <= 0) {
			open = 0;
			continue;
		}
		if (sum > best) {
			best = sum;
			p->first = start;
			p->last = i;
			p->found = 1;
		}
	}
}

/* Whether line i, inside the body run, is a caption. */
static int
is_caption(const struct page *p, size_t i)
{
	const struct line	*l = &p->l[i];
	size_t			 k;

	if (l->kind != K_TEXT || l->chars > CAPTION_MAX)
		return 0;
	if (l->doubled || l->credit)
		return 1;
	k = prev_line(p, i);
	if (k < p->n && (p->l[k].kind == K_IMAGE ||
	    (p->title < p->n && k != p->title &&
	    same(&p->l[k], &p->l[p->title]))))
		return l->chars < 250 && l->score < 250;
	return 0;
}

/* Whether s (an outlet's name, maybe) reads like an outlet. */
static int
outlet_like(const char *s, size_t len)
{
	static const char *words[] = {
		"B\xc3\xa1o ", "T\xe1\xba\xa1p ch\xc3\xad ",
		("Ti\xe1\xba\xbfng " "Vi\xe1\xbb\x87t"), "News", "Times", "Online", "TV", "Radio",
		"\xc4\x90\xc3\xa0i ", "Th\xc3\xb4ng t\xe1\xba\xa5n", "Press",
		"Post", "Journal", "Daily", "Express", ".vn", ".com",
	};
	size_t	i, run = 0;

	if (len == 0 || len > 40)
		return 0;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (strstr(s, words[i]) != NULL)
			return 1;
	}
	/* an acronym of three capitals or more: VOA, BBC, TTXVN */
	for (i = 0; i < len; i++) {
		if (isupper((unsigned char)s[i])) {
			if (++run >= 3)
				return 1;
		} else
			run = 0;
	}
	return 0;
}

/* Whether the line could be a headline. */
static int
headline_like(const struct line *l)
{
	if (l->kind != K_TEXT || l->name || l->follow || l->source)
		return 0;
	if (l->words < 3 || l->chars > 250 || l->chars < 12)
		return 0;
	if (l->tagged || l->teaser || l->credit)
		return 0;
	if (l->words <= 5 && outlet_like(l->s, l->len))
		return 0;	/* the outlet's name under the headline */
	return 1;
}

/*
 * The title: the last headline-like line before the body run, skipping a
 * breadcrumb glued to the headline that follows it, and an all-caps
 * repost headline when a proper-case one exists.
 */
static void
find_title(struct page *p)
{
	size_t	i, end = p->found ? p->first : p->n, best = p->n, caps = p->n;

	for (i = 0; i < end; i++) {
		const struct line *l = &p->l[i];

		if (!headline_like(l))
			continue;
		if (l->sentence && l->score >= 60)
			continue;	/* prose, not a headline */
		if (all_caps(l->s)) {
			if (caps == p->n)
				caps = i;
			continue;
		}
		best = i;
	}
	if (best == p->n)
		best = caps;
	if (best == p->n) {
		/* no headline before the body: the first line of text */
		for (i = 0; i < p->n; i++) {
			if (p->l[i].kind == K_TEXT) {
				best = i;
				break;
			}
		}
	}
	p->title = best;
}

static char *
trim_dup(const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '-'))
		s++, len--;
	while (len > 0 && strchr(" .,;:-", s[len - 1]) != NULL)
		len--;
	return len > 0 ? xstrndup(s, len) : NULL;
}

/*
 * Source, author and URL, from the lines around the body run: a source
 * line just after it (or a bare domain), the follow prompt, a tag at the
 * start of the first paragraph, an outlet's name under the headline.
 */
static void
find_meta(struct page *p, struct article *a)
{
	size_t		 i, j, k, off, len, end, seen;
	const char	*x;
	const struct line *l;

	end = p->found ? p->last : (p->title < p->n ? p->title : 0);
	/* just after the body: "Theo X", "Nguồn: X", "Name (Theo X)" */
	for (i = next_line(p, end), seen = 0; i < p->n && seen < 6 &&
	    a->source == NULL; i = next_line(p, i), seen++) {
		l = &p->l[i];
		if (l->kind == K_HEADING)
			break;
		if (l->source && source_line(l, &off, &len)) {
			if (p->title < p->n && len == p->l[p->title].len &&
			    memcmp(l->s + off, p->l[p->title].s, len) == 0)
				continue;	/* "Nguồn: <headline>" */
			if (len > 60 || count_words(l->s + off) > 8)
				continue;
			a->source = trim_dup(l->s + off, len);
			if (off > 6 && l->s[off - 6] == '(')
				a->author = trim_dup(l->s, off - 6);
			else if ((k = prev_line(p, i)) < p->n &&
			    k > end && p->l[k].name)
				a->author = xstrdup(p->l[k].s);
		} else if (l->kind == K_TEXT && is_domain(l->s)) {
			a->source = xstrdup(l->s);
			if ((k = prev_line(p, i)) < p->n && k > end &&
			    p->l[k].name)
				a->author = xstrdup(p->l[k].s);
		}
	}
	/* a name alone just after the body: the byline at the end */
	if (a->author == NULL && p->found &&
	    (i = next_line(p, p->last)) < p->n && p->l[i].name &&
	    !p->l[i].source && !outlet_like(p->l[i].s, p->l[i].len))
		a->author = xstrdup(p->l[i].s);
	/* the follow prompt, anywhere before the end of the body */
	for (i = 0; i <= end && i < p->n && a->source == NULL; i++) {
		if (p->l[i].follow &&
		    (len = follow_prompt(p->l[i].s, p->l[i].len, &x)) > 0)
			a->source = xstrndup(x, len);
	}
	/* under the headline: an outlet's name, an author's name, a URL */
	if (p->title < p->n) {
		j = p->found ? p->first : p->n;
		for (i = next_line(p, p->title), seen = 0; i < j && seen < 6;
		    i = next_line(p, i), seen++) {
			l = &p->l[i];
			if (l->kind == K_URL && a->url == NULL)
				a->url = xstrdup(l->s);
			if (l->kind != K_TEXT)
				continue;
			if (a->source == NULL && l->words <= 5 &&
			    outlet_like(l->s, l->len))
				a->source = xstrdup(l->s);
			else if (a->author == NULL && l->name &&
			    !outlet_like(l->s, l->len))
				a->author = xstrdup(l->s);
		}
	}
	/* the first paragraph's tag: "(Ngày Nay) - ...", "TTO - ..." */
	if (a->source == NULL && p->found && p->l[p->first].tagged &&
	    (len = outlet_tag(p->l[p->first].s, &off)) > 0)
		a->source = trim_dup(p->l[p->first].s + off, len);
	for (i = 0; i < end && i < p->n && a->url == NULL; i++) {
		if (p->l[i].kind == K_URL)
			a->url = xstrdup(p->l[i].s);
	}
}

/*
 * The date: a date alone on a line near the headline (after it first,
 * then before it), else the first date of the first paragraphs.
 */
static void
find_date(struct page *p, struct article *a)
{
	struct article_date	d;
	size_t			i, end = p->found ? p->first : p->n;
	size_t			from = p->title < p->n ? p->title : 0;
	size_t			k;

	for (i = from; i < end; i++) {
		if (p->l[i].kind == K_DATE &&
		    date_find(p->l[i].s, &d, NULL, NULL)) {
			a->date = d;
			return;
		}
	}
	for (i = 0; i < from; i++) {
		if (p->l[i].kind == K_DATE &&
		    date_find(p->l[i].s, &d, NULL, NULL)) {
			a->date = d;
			return;
		}
	}
	if (a->lead != NULL && date_find(a->lead, &d, NULL, NULL)) {
		a->date = d;
		return;
	}
	for (k = 0; k < a->body.n && k < 2; k++) {
		if (date_find(a->body.v[k], &d, NULL, NULL)) {
			a->date = d;
			return;
		}
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

/* Paragraphs and captions of the body run. */
static void
take_body(struct page *p, struct article *a)
{
	size_t		 i;
	struct line	*l;

	if (!p->found)
		return;
	for (i = p->first; i <= p->last; i++) {
		l = &p->l[i];
		if (l->kind != K_TEXT || l->dup || l->source || l->name)
			continue;
		if (p->title < p->n && i != p->title &&
		    same(l, &p->l[p->title]))
			continue;	/* the headline again, an image's alt */
		if (is_caption(p, i)) {
			if (!in_strv(&a->captions, l->s))
				strv_add(&a->captions, l->s);
			continue;
		}
		if (l->score < 0 && !(l->words >= 4 && l->chars >= 20))
			continue;
		strv_add(&a->body, l->s);
	}
	/* a short first paragraph is the lead (the sapo) */
	if (a->body.n >= 2 && count_chars(a->body.v[0]) <= 300) {
		a->lead = a->body.v[0];
		memmove(a->body.v, a->body.v + 1,
		    (a->body.n - 1) * sizeof *a->body.v);
		a->body.n--;
	}
}

struct article *
clean_page(const char *s, size_t len)
{
	struct article	*a = article_new();
	struct page	 p = { 0 };
	size_t		 i;

	/* norm_line() makes each line valid NFC, whatever the bytes */
	split(&p, s, len);
	mark_doubles(&p);
	score_lines(&p);
	p.title = p.n;
	find_body(&p);
	find_title(&p);
	if (p.found && p.title >= p.first && p.title <= p.last) {
		p.first = p.title + 1;	/* the body starts after the title */
		if (p.first > p.last)
			p.found = 0;
	}
	a->title = p.title < p.n ? xstrdup(p.l[p.title].s) : xstrdup("");
	take_body(&p, a);
	find_meta(&p, a);
	find_date(&p, a);
	if (a->author != NULL && a->source != NULL &&
	    strcmp(a->author, a->source) == 0) {
		free(a->author);
		a->author = NULL;
	}
	for (i = 0; i < p.n; i++) {
		if (p.l[i].owned)
			free(p.l[i].s);
	}
	free(p.l);
	free(p.arena);
	return a;
}
