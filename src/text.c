/*
 * text.c: the only caller of utf8proc. Normalisation, folding, widths,
 * grapheme clusters, wrapping, truncation and sanitising for display.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"
#include "util.h"

size_t
text_decode(const char *s, size_t len, int32_t *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	int32_t			 c;
	size_t			 n, i;

	if (len == 0) {
		*cp = 0xFFFD;
		return 1;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2;
		c = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3;
		c = u[0] & 0x0F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4;
		c = u[0] & 0x07;
	} else
		goto bad;
	if (len < n)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = 0xFFFD;
	return 1;
}

/* Skip ASCII eight bytes at a time; returns the index of the first
 * byte at or after i that is not ASCII, or len. */
static size_t
skip_ascii(const char *s, size_t len, size_t i)
{
	uint64_t	w;

	while (i + 8 <= len) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
		i += 8;
	}
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

/*
 * text_plain(): sixteen bytes at a time, with SSE2 where the compiler has
 * it (every x86-64), the run of text that needs no decoding: ASCII and the
 * well-formed letters U+0080..U+02FF and U+1E00..U+1EFF, which are most of
 * Vietnamese. Elsewhere it finds no run and the callers' loops do it all.
 */
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>

/* Bytes of x (the bytes xor 0x80, ordered as signed) within lo..hi. */
static inline unsigned
plain_range(__m128i x, unsigned lo, unsigned hi)
{
	__m128i	a, b;

	a = _mm_cmpgt_epi8(x, _mm_set1_epi8((char)(((lo ^ 0x80) - 1) & 0xFF)));
	b = _mm_cmplt_epi8(x, _mm_set1_epi8((char)(((hi ^ 0x80) + 1) & 0xFF)));
	return (unsigned)_mm_movemask_epi8(_mm_and_si128(a, b));
}

/*
 * One block of 16 bytes: how many of them, from the start, are plain and
 * end a character. *stop is set when a byte that is not plain ended it.
 */
static size_t
plain_block(const char *p, int flags, int space, unsigned *cont,
    unsigned *sp, int *stop)
{
	__m128i		v, x;
	unsigned	hi, l2, l3, sec, expect, bad, low, del, mask;
	size_t		n;

	v = _mm_loadu_si128((const __m128i *)(const void *)p);
	x = _mm_xor_si128(v, _mm_set1_epi8((char)0x80));
	hi = (unsigned)_mm_movemask_epi8(v);
	*cont = plain_range(x, 0x80, 0xBF);
	l2 = plain_range(x, (flags & TEXT_PLAIN_LINE) ? 0xC3 : 0xC2, 0xCB);
	l3 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8((char)0xE1)));
	sec = plain_range(x, 0xB8, 0xBB);
	/* where a continuation byte must stand, and E1's second byte */
	expect = ((l2 | l3) << 1) | (l3 << 2);
	bad = (hi & ~*cont & ~l2 & ~l3) | ((*cont ^ expect) & 0xFFFF) |
	    ((l3 << 1) & ~sec & 0xFFFF);
	*sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8(' ')));
	if (flags & TEXT_PLAIN_LINE) {
		/* controls, DEL, and a space after a space */
		low = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v,
		    _mm_set1_epi8(0x21))) & ~hi;
		del = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8(0x7F)));
		bad |= (low & ~*sp) | del |
		    (*sp & ((*sp << 1) | (space ? 1u : 0u)));
	}
	*stop = bad != 0;
	n = bad != 0 ? (size_t)__builtin_ctz(bad) : 16;
	/* not inside a character that runs past n */
	if (n > 0 && (((l2 | l3) >> (n - 1)) & 1))
		n--;
	else if (n > 1 && ((l3 >> (n - 2)) & 1))
		n -= 2;
	mask = n == 16 ? 0xFFFF : (1u << n) - 1;
	*cont &= mask;
	*sp &= mask;
	return n;
}

size_t
text_plain(const char *s, size_t len, int flags, char *out, int *space,
    int *chars, int *spaces)
{
	size_t		i = 0, n;
	unsigned	cont, sp;
	int		stop = 0, blank = space != NULL ? *space : 0;

	while (!stop && len - i >= 16) {
		n = plain_block(s + i, flags, blank, &cont, &sp, &stop);
		if (n == 0)
			break;
		if (out != NULL)
			_mm_storeu_si128((__m128i *)(void *)(out + i),
			    _mm_loadu_si128((const __m128i *)(const void *)
			    (s + i)));
		if (chars != NULL)
			*chars += (int)n - __builtin_popcount(cont);
		if (spaces != NULL)
			*spaces += __builtin_popcount(sp);
		i += n;
		blank = s[i - 1] == ' ';
	}
	if (space != NULL)
		*space = blank;
	return i;
}
#else
size_t
text_plain(const char *s, size_t len, int flags, char *out, int *space,
    int *chars, int *spaces)
{
	(void)s; (void)len; (void)flags; (void)out; (void)space;
	(void)chars; (void)spaces;
	return 0;
}
#endif

size_t
text_utf8_check(const char *s, size_t len)
{
	size_t	i = 0, n;
	int32_t	cp;

	for (;;) {
		i = skip_ascii(s, len, i);
		if (i >= len)
			return len;
		n = text_decode(s + i, len - i, &cp);
		if (cp == 0xFFFD && n == 1)
			return i;
		i += n;
	}
}

/*
 * NFC quick check: whether a code point is left alone by NFC and cannot
 * combine with the one before it. Worked out on first sight, for code
 * points below NFC_TABLE; text made of such code points is NFC already
 * and is copied as it is, without utf8proc.
 */
#define NFC_TABLE	0x3000

static unsigned char	nfc_state[NFC_TABLE];	/* 0 unknown, 1 safe, 2 not */

int
text_nfc_stable(int32_t cp)
{
	utf8proc_uint8_t	 enc[4], *dst = NULL;
	utf8proc_ssize_t	 n, m;
	int			 safe;

	if (cp < 0x300)
		return 1;
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3))
		return 1;	/* CJK ideographs, Hangul syllables */
	if (cp >= NFC_TABLE)
		return 0;
	if (nfc_state[cp] != 0)
		return nfc_state[cp] == 1;
	safe = !text_is_mark(cp) && !(cp >= 0x1100 && cp <= 0x11FF) &&
	    utf8proc_get_property(cp)->combining_class == 0;
	if (safe) {
		n = utf8proc_encode_char(cp, enc);
		m = utf8proc_map(enc, n, &dst, UTF8PROC_STABLE |
		    UTF8PROC_COMPOSE);
		safe = m == n && memcmp(dst, enc, (size_t)n) == 0;
		free(dst);
	}
	nfc_state[cp] = safe ? 1 : 2;
	return safe;
}

char *
text_nfc(const char *s, size_t len)
{
	utf8proc_uint8_t	*dst = NULL;
	utf8proc_ssize_t	 n;
	size_t			 i = 0, k;
	int32_t			 cp;

	for (;;) {
		if (len - i >= 16)
			i += text_plain(s + i, len - i, 0, NULL, NULL, NULL,
			    NULL);
		i = skip_ascii(s, len, i);
		if (i >= len)
			break;
		/* U+0080..U+02FF: two bytes, never touched by NFC */
		if ((unsigned char)s[i] >= 0xC2 && (unsigned char)s[i] < 0xCC &&
		    i + 1 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		/* U+1E00..U+1EFF, Vietnamese letters: precomposed, kept */
		if ((unsigned char)s[i] == 0xE1 && i + 2 < len &&
		    (unsigned char)s[i + 1] >= 0xB8 &&
		    (unsigned char)s[i + 1] <= 0xBB &&
		    ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		k = text_decode(s + i, len - i, &cp);
		if (cp == 0xFFFD && k == 1)
			return NULL;	/* not UTF-8 */
		if (!text_nfc_stable(cp))
			break;
		i += k;
	}
	if (i >= len)
		return xstrndup(s, len);	/* NFC already */
	if (text_utf8_check(s + i, len - i) != len - i)
		return NULL;
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	    &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) {
		free(dst);
		return NULL;
	}
	return (char *)dst;
}

static utf8proc_int32_t
fold_dbar(utf8proc_int32_t cp, void *data)
{
	(void)data;
	if (cp == 0x0110 || cp == 0x0111)
		return 'd';
	return cp;
}

char *
text_fold(const char *s, size_t len, int strip)
{
	utf8proc_uint8_t	*dst = NULL;
	utf8proc_ssize_t	 n;
	utf8proc_option_t	 opt;

	if (text_utf8_check(s, len) != len)
		return xstrdup("");
	opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
	if (strip)
		opt |= UTF8PROC_STRIPMARK;
	n = utf8proc_map_custom((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)len, &dst, opt, strip ? fold_dbar : NULL, NULL);
	if (n < 0) {
		free(dst);
		return xstrdup("");
	}
	return (char *)dst;
}

char *
text_title_case(const char *s)
{
	struct buf	 b = { 0 };
	size_t		 i = 0, len = strlen(s), n;
	int32_t		 cp;
	int		 start = 1;
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t e;

	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		i += n;
		if (text_is_letter(cp)) {
			cp = start ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
			start = 0;
		} else
			start = cp == ' ' || cp == '-' || cp == '(';
		e = utf8proc_encode_char(cp, enc);
		buf_add(&b, (const char *)enc, (size_t)e);
	}
	if (b.s == NULL)
		buf_adds(&b, "");
	return buf_take(&b);
}

int
text_has_marks(const char *s, size_t len)
{
	char	*a, *b;
	int	 differ;

	a = text_fold(s, len, 0);
	b = text_fold(s, len, 1);
	differ = strcmp(a, b) != 0;
	free(a);
	free(b);
	return differ;
}

int
text_is_letter(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return 1;
	default:
		return 0;
	}
}

int
text_is_alnum(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return text_is_letter(cp) || text_is_mark(cp);
	}
}

int
text_is_upper(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int
text_is_lower(int32_t cp)
{
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int
text_is_space(int32_t cp)
{
	if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85)
		return 1;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

int
text_is_mark(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return 1;
	default:
		return 0;
	}
}

static int
cp_width(int32_t cp)
{
	int	w;

	if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CO)
		return 1;	/* private use: one column, as tmux does */
	w = utf8proc_charwidth(cp);
	return w > 2 ? 2 : w;
}

size_t
text_cluster(const char *s, size_t len, int *width)
{
	utf8proc_int32_t	state = 0;
	int32_t			first, cp;
	size_t			i, n;
	int			w, cw;

	*width = 0;
	if (len == 0)
		return 0;
	i = text_decode(s, len, &first);
	w = cp_width(first);
	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		if (utf8proc_grapheme_break_stateful(first, cp, &state))
			break;
		cw = cp_width(cp);
		/* emoji sequences and the like: the widest part counts */
		if (cw > w && !text_is_mark(cp))
			w = cw;
		first = cp;
		i += n;
	}
	*width = w;
	return i;
}

size_t
text_encode(int32_t cp, char out[4])
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

int
text_width(const char *s)
{
	size_t	len = strlen(s), i = 0, n;
	int	w, total = 0;

	while (i < len) {
		n = text_cluster(s + i, len - i, &w);
		total += w;
		i += n;
	}
	return total;
}

int
text_invisible(int32_t cp)
{
	static const struct {
		int32_t	from, to;
		int	kind;
	} inv[] = {
		{ 0x00AD, 0x00AD, TEXT_INV_HYPHEN },
		{ 0x061C, 0x061C, TEXT_INV_BIDI },	/* Arabic letter mark */
		{ 0x200B, 0x200B, TEXT_INV_SPACE },
		{ 0x200C, 0x200D, TEXT_INV_JOIN },
		{ 0x200E, 0x200F, TEXT_INV_BIDI },	/* LRM, RLM */
		{ 0x202A, 0x202E, TEXT_INV_BIDI },	/* embeddings, overrides */
		{ 0x2060, 0x2060, TEXT_INV_JOIN },
		{ 0x2066, 0x2069, TEXT_INV_BIDI },	/* isolates */
		{ 0xFEFF, 0xFEFF, TEXT_INV_SPACE },
	};
	size_t	i;

	if (cp < 0x00AD)
		return 0;
	for (i = 0; i < sizeof inv / sizeof inv[0] && inv[i].from <= cp; i++)
		if (cp <= inv[i].to)
			return inv[i].kind;
	return 0;
}

char *
text_sanitize(const char *s, int keep_nl)
{
	struct buf	 b = { 0 };
	size_t		 len = strlen(s), i = 0, n;
	int32_t		 cp;
	int		 at_start = 1;
	char		*nfc;

	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		i += n;
		if (cp == '\n') {
			buf_addc(&b, keep_nl ? '\n' : ' ');
			at_start = keep_nl;
			continue;
		}
		if (cp == '\t' || cp == 0x2028 || cp == 0x2029) {
			buf_addc(&b, ' ');
			at_start = 0;
			continue;
		}
		if (text_invisible(cp) & (TEXT_INV_BIDI | TEXT_INV_SPACE))
			continue;	/* joiners stay: emoji need them */
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
			cp = 0xFFFD;
		if (at_start && text_is_mark(cp))
			continue;	/* a mark with no base letter */
		at_start = 0;
		if (cp < 0x80)
			buf_addc(&b, (char)cp);
		else {
			utf8proc_uint8_t	enc[4];
			utf8proc_ssize_t	k;

			k = utf8proc_encode_char(cp, enc);
			buf_add(&b, (const char *)enc, (size_t)k);
		}
	}
	if (b.s == NULL)
		return xstrdup("");
	nfc = text_nfc(b.s, b.len);
	if (nfc == NULL)
		return buf_take(&b);
	buf_free(&b);
	return nfc;
}

struct cluster {
	size_t	off;
	size_t	len;
	int	width;
	int	space;
};

static size_t
split_clusters(const char *s, struct cluster **out)
{
	struct cluster	*c = NULL;
	size_t		 len = strlen(s), i = 0, n = 0, cap = 0, k;
	int		 w;
	int32_t		 cp;

	while (i < len) {
		k = text_cluster(s + i, len - i, &w);
		if (n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			c = xreallocarray(c, cap, sizeof *c);
		}
		text_decode(s + i, len - i, &cp);
		c[n].off = i;
		c[n].len = k;
		c[n].width = w;
		c[n].space = text_is_space(cp);
		n++;
		i += k;
	}
	*out = c;
	return n;
}

static void
add_line(struct text_line **lines, size_t *n, size_t *cap,
    const struct cluster *c, size_t from, size_t to)
{
	struct text_line	*l;
	size_t			 i;

	/* trim spaces at both ends */
	while (from < to && c[from].space)
		from++;
	while (to > from && c[to - 1].space)
		to--;
	if (*n == *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		*lines = xreallocarray(*lines, *cap, sizeof **lines);
	}
	l = &(*lines)[(*n)++];
	l->off = from < to ? c[from].off : (from > 0 ? c[from - 1].off +
	    c[from - 1].len : 0);
	l->len = from < to ? c[to - 1].off + c[to - 1].len - c[from].off : 0;
	l->width = 0;
	for (i = from; i < to; i++)
		l->width += c[i].width;
}

size_t
text_wrap(const char *s, int width, struct text_line **lines)
{
	struct cluster	*c;
	size_t		 nc, i, start, brk, n = 0, cap = 0;
	int		 w;

	*lines = NULL;
	if (width < 1)
		width = 1;
	nc = split_clusters(s, &c);
	start = 0;
	while (start < nc && c[start].space)
		start++;
	while (start < nc) {
		w = 0;
		brk = 0;	/* index after the last space run, 0: none */
		for (i = start; i < nc; i++) {
			if (c[i].space) {
				brk = i;
				w += c[i].width;
				continue;
			}
			if (w + c[i].width > width)
				break;
			w += c[i].width;
		}
		if (i >= nc) {
			add_line(lines, &n, &cap, c, start, nc);
			break;
		}
		if (brk > start) {
			add_line(lines, &n, &cap, c, start, brk);
			start = brk;
		} else {
			if (i == start)
				i++;	/* always make progress */
			add_line(lines, &n, &cap, c, start, i);
			start = i;
		}
		while (start < nc && c[start].space)
			start++;
	}
	if (n == 0)
		add_line(lines, &n, &cap, c, 0, 0);
	free(c);
	return n;
}

char *
text_truncate(const char *s, int width, int *outw)
{
	size_t	len = strlen(s), i = 0, n, cut = 0;
	int	w, total = 0, at_cut = 0;

	if (width <= 0) {
		if (outw != NULL)
			*outw = 0;
		return xstrdup("");
	}
	while (i < len) {
		n = text_cluster(s + i, len - i, &w);
		if (total + w > width)
			break;
		total += w;
		i += n;
		if (total <= width - 1) {
			cut = i;
			at_cut = total;
		}
	}
	if (i >= len) {
		if (outw != NULL)
			*outw = total;
		return xstrdup(s);
	}
	/* drop spaces before the ellipsis */
	while (cut > 0 && s[cut - 1] == ' ') {
		cut--;
		at_cut--;
	}
	{
		char *r = xmalloc(cut + 4);

		memcpy(r, s, cut);
		memcpy(r + cut, "\xe2\x80\xa6", 4);
		if (outw != NULL)
			*outw = at_cut + 1;
		return r;
	}
}

/*
 * Folding words fast: the forms of every code point below U+2000 (Latin,
 * Vietnamese, Greek, Cyrillic...) are worked out once through utf8proc
 * and kept in a table; any other code point, or a combining mark (NFD
 * text), sends the word through utf8proc whole.
 */
#define FOLD_FAST	0x2000

struct fold_entry {
	char		strip[7];
	unsigned char	nstrip;
	char		exact[7];
	unsigned char	nexact;
	unsigned char	word;	/* a letter or digit */
	unsigned char	slow;	/* a mark, or a form too long for the table */
};

static struct fold_entry	*fold_table;

static void
fold_table_init(void)
{
	utf8proc_uint8_t	 enc[4];
	char			*a, *b;
	size_t			 na, nb;
	int32_t			 cp;
	utf8proc_ssize_t	 n;

	fold_table = xcalloc(FOLD_FAST, sizeof *fold_table);
	for (cp = 0; cp < FOLD_FAST; cp++) {
		struct fold_entry *e = &fold_table[cp];

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		e->word = text_is_letter(cp) || utf8proc_category(cp) ==
		    UTF8PROC_CATEGORY_ND || utf8proc_category(cp) ==
		    UTF8PROC_CATEGORY_NL || utf8proc_category(cp) ==
		    UTF8PROC_CATEGORY_NO;
		if (text_is_mark(cp)) {
			e->word = 1;
			e->slow = 1;
			continue;
		}
		n = utf8proc_encode_char(cp, enc);
		a = text_fold((const char *)enc, (size_t)n, 1);
		b = text_fold((const char *)enc, (size_t)n, 0);
		na = strlen(a);
		nb = strlen(b);
		if (na > sizeof e->strip || nb > sizeof e->exact)
			e->slow = 1;
		else {
			memcpy(e->strip, a, na);
			e->nstrip = (unsigned char)na;
			memcpy(e->exact, b, nb);
			e->nexact = (unsigned char)nb;
		}
		free(a);
		free(b);
	}
}

void
text_init(void)
{
	if (fold_table == NULL)
		fold_table_init();
}

static int
is_word_cp(int32_t cp)
{
	if (cp < FOLD_FAST) {
		if (fold_table == NULL)
			fold_table_init();
		return fold_table[cp].word;
	}
	return text_is_alnum(cp);
}

/* The code point at s[i], ASCII without a call; its length in *n. */
static int32_t
cp_at(const char *s, size_t len, size_t i, size_t *n)
{
	int32_t	cp;

	if ((unsigned char)s[i] < 0x80) {
		*n = 1;
		return (unsigned char)s[i];
	}
	*n = text_decode(s + i, len - i, &cp);
	return cp;
}

int
text_next_word(const char *s, size_t len, size_t *pos, size_t *start,
    size_t *end)
{
	size_t	i = *pos, n;

	while (i < len && !is_word_cp(cp_at(s, len, i, &n)))
		i += n;
	if (i >= len) {
		*pos = len;
		return 0;
	}
	*start = i;
	while (i < len && is_word_cp(cp_at(s, len, i, &n)))
		i += n;
	*end = *pos = i;
	return 1;
}

void
text_fold_strip(const char *s, size_t len, struct buf *stripped)
{
	size_t	i = 0, n;
	int32_t	cp;
	char	*f;

	buf_reset(stripped);
	if (fold_table == NULL)
		fold_table_init();
	buf_reserve(stripped, len * 7);
	while (i < len) {
		const struct fold_entry *e;

		cp = cp_at(s, len, i, &n);
		if (cp >= FOLD_FAST || (e = &fold_table[cp])->slow) {
			buf_reset(stripped);
			f = text_fold(s, len, 1);
			buf_adds(stripped, f);
			free(f);
			return;
		}
		memcpy(stripped->s + stripped->len, e->strip, e->nstrip);
		stripped->len += e->nstrip;
		i += n;
	}
	if (stripped->s == NULL)
		buf_add(stripped, "", 0);
	else
		stripped->s[stripped->len] = '\0';
}

#define FNV_OFFSET	0xcbf29ce484222325ULL
#define FNV_PRIME	0x100000001b3ULL

/* The hash, length, first byte and digits of a stripped form. */
static void
word_hash_of(const char *f, size_t len, struct text_word_hash *w)
{
	size_t	i;

	w->hash = FNV_OFFSET;
	w->digits = len > 0;
	for (i = 0; i < len; i++) {
		w->hash = (w->hash ^ (unsigned char)f[i]) * FNV_PRIME;
		if (f[i] < '0' || f[i] > '9')
			w->digits = 0;
	}
	w->len = len;
	w->first = len > 0 ? f[0] : '\0';
}

/*
 * One word from s[i], hashed as it is folded: one decoding a code point,
 * for its word class and its stripped form both. A code point the table
 * cannot fold sends the word through text_fold() whole, as
 * text_fold_strip() does. Returns the offset after the word.
 */
static size_t
word_hash(const char *s, size_t len, size_t i, struct text_word_hash *w)
{
	const struct fold_entry	*e;
	size_t			 ws = i, n, k;
	int32_t			 cp;
	int			 slow = 0;
	char			*f;

	w->hash = FNV_OFFSET;
	w->len = 0;
	w->first = '\0';
	w->digits = 1;
	while (i < len) {
		unsigned char	c = (unsigned char)s[i];

		if (c < 0x80 && !slow) {
			/* ASCII: one byte folds to one */
			e = &fold_table[c];
			if (!e->word)
				break;
			c = (unsigned char)e->strip[0];
			if (w->len++ == 0)
				w->first = (char)c;
			w->hash = (w->hash ^ c) * FNV_PRIME;
			w->digits &= c >= '0' && c <= '9';
			i++;
			continue;
		}
		cp = cp_at(s, len, i, &n);
		if (cp >= FOLD_FAST) {
			if (!text_is_alnum(cp))
				break;
			slow = 1;
		} else if (!(e = &fold_table[cp])->word)
			break;
		else if (e->slow)
			slow = 1;
		else if (!slow) {
			if (w->len == 0 && e->nstrip > 0)
				w->first = e->strip[0];
			for (k = 0; k < e->nstrip; k++) {
				w->hash = (w->hash ^
				    (unsigned char)e->strip[k]) * FNV_PRIME;
				if (e->strip[k] < '0' || e->strip[k] > '9')
					w->digits = 0;
			}
			w->len += e->nstrip;
		}
		i += n;
	}
	if (slow) {
		f = text_fold(s + ws, i - ws, 1);
		word_hash_of(f, strlen(f), w);
		free(f);
	} else if (w->len == 0)
		w->digits = 0;
	return i;
}

void
text_words_hash(const char *s, size_t len,
    void (*fn)(void *, const struct text_word_hash *), void *arg)
{
	struct text_word_hash	w;
	size_t			i = 0, n;

	if (fold_table == NULL)
		fold_table_init();
	while (i < len) {
		if (!is_word_cp(cp_at(s, len, i, &n))) {
			i += n;
			continue;
		}
		i = word_hash(s, len, i, &w);
		fn(arg, &w);
	}
}

void
text_fold_word(const char *s, size_t len, struct buf *stripped,
    struct buf *exact)
{
	size_t	i = 0, n;
	int32_t	cp;
	char	*f;

	buf_reset(stripped);
	buf_reset(exact);
	if (fold_table == NULL)
		fold_table_init();
	/* a folded code point takes at most 7 bytes */
	buf_reserve(stripped, len * 7);
	buf_reserve(exact, len * 7);
	while (i < len) {
		const struct fold_entry *e;

		cp = cp_at(s, len, i, &n);
		if (cp >= FOLD_FAST || (e = &fold_table[cp])->slow)
			goto slow;
		memcpy(stripped->s + stripped->len, e->strip, e->nstrip);
		stripped->len += e->nstrip;
		memcpy(exact->s + exact->len, e->exact, e->nexact);
		exact->len += e->nexact;
		i += n;
	}
	stripped->s[stripped->len] = '\0';
	exact->s[exact->len] = '\0';
	if (stripped->s == NULL)
		buf_add(stripped, "", 0);
	if (exact->s == NULL)
		buf_add(exact, "", 0);
	return;
slow:
	buf_reset(stripped);
	buf_reset(exact);
	f = text_fold(s, len, 1);
	buf_adds(stripped, f);
	free(f);
	f = text_fold(s, len, 0);
	buf_adds(exact, f);
	free(f);
}
