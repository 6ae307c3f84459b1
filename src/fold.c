/*
 * fold.c: the words of a text as the search index keeps them, and
 * queries built from typed text, both on text.c's word folding. No
 * SQLite here: the index's tokenizer (store_fts.c) hands these tokens to
 * FTS5 as they come.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "text.h"
#include "util.h"

#define TOKEN_MAX	128	/* bytes of a token; longer words are cut */

/*
 * The vowels of Vietnamese, lower case NFC: row r is one letter (a ă â
 * e ê i o ô ơ u ư y), column t that letter with tone t (none, grave,
 * acute, hook above, tilde, dot below). With d and đ, these are the
 * letters that carry marks, each one code point in NFC.
 */
static const int32_t viet[12][6] = {
	{ 0x0061, 0x00e0, 0x00e1, 0x1ea3, 0x00e3, 0x1ea1 },	/* a */
	{ 0x0103, 0x1eb1, 0x1eaf, 0x1eb3, 0x1eb5, 0x1eb7 },	/* ă */
	{ 0x00e2, 0x1ea7, 0x1ea5, 0x1ea9, 0x1eab, 0x1ead },	/* â */
	{ 0x0065, 0x00e8, 0x00e9, 0x1ebb, 0x1ebd, 0x1eb9 },	/* e */
	{ 0x00ea, 0x1ec1, 0x1ebf, 0x1ec3, 0x1ec5, 0x1ec7 },	/* ê */
	{ 0x0069, 0x00ec, 0x00ed, 0x1ec9, 0x0129, 0x1ecb },	/* i */
	{ 0x006f, 0x00f2, 0x00f3, 0x1ecf, 0x00f5, 0x1ecd },	/* o */
	{ 0x00f4, 0x1ed3, 0x1ed1, 0x1ed5, 0x1ed7, 0x1ed9 },	/* ô */
	{ 0x01a1, 0x1edd, 0x1edb, 0x1edf, 0x1ee1, 0x1ee3 },	/* ơ */
	{ 0x0075, 0x00f9, 0x00fa, 0x1ee7, 0x0169, 0x1ee5 },	/* u */
	{ 0x01b0, 0x1eeb, 0x1ee9, 0x1eed, 0x1eef, 0x1ef1 },	/* ư */
	{ 0x0079, 0x1ef3, 0x00fd, 0x1ef7, 0x1ef9, 0x1ef5 },	/* y */
};
static const char		viet_base[] = "aaaeeiooouuy";
/* the shape mark of each row: 1 breve, 2 circumflex, 3 horn */
static const unsigned char	viet_shape[] = { 0, 1, 2, 0, 2, 0, 0, 2, 3, 0,
				    3, 0 };
#define SHAPE_STROKE	4	/* đ */
#define D_STROKE	0x0111

/* A letter that can carry marks, in parts; row is its row of viet[]. */
struct letter {
	char		base;		/* a, d, e, i, o, u or y */
	unsigned char	shape;
	unsigned char	tone;
	int		row;		/* -1 for d and đ */
};

/* 1 and the parts of cp when it is such a letter; else 0. */
static int
letter_of(int32_t cp, struct letter *l)
{
	int	r, t;

	if (cp == 'd' || cp == D_STROKE) {
		l->base = 'd';
		l->shape = cp == D_STROKE ? SHAPE_STROKE : 0;
		l->tone = 0;
		l->row = -1;
		return 1;
	}
	if (cp < 'a')
		return 0;
	for (r = 0; r < 12; r++) {
		for (t = 0; t < 6; t++) {
			if (viet[r][t] != cp)
				continue;
			l->base = viet_base[r];
			l->shape = viet_shape[r];
			l->tone = (unsigned char)t;
			l->row = r;
			return 1;
		}
	}
	return 0;
}

/* Write cp as UTF-8 to out (4 bytes at least); its length. */
static size_t
utf8_put(int32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	out[0] = (char)(0xe0 | cp >> 12);
	out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[2] = (char)(0x80 | (cp & 0x3f));
	return 3;
}

/* The start of the code point that ends s[0..len). */
static size_t
cp_back(const char *s, size_t len)
{
	while (len > 0 && ((unsigned char)s[--len] & 0xc0) == 0x80)
		;
	return len;
}

/*
 * One tone placement. Vietnamese writes the rhymes oa, oe and uy that
 * end a syllable two ways: old style puts the tone on the first vowel
 * (hòa, khỏe, thúy), new style on the second (hoà, khoẻ, thuý). Both
 * are the same word: the exact form (case-folded, marks kept) is
 * rewritten to old style, the placement most news sites use. Only those
 * three endings differ (hoàn, toán, ngoài, quý are written alike in
 * both: qu is a consonant, so quý is left alone). strip is the folded
 * form of the same word.
 */
static void
tone_canon(struct buf *exact, const struct buf *strip)
{
	const char	*f = strip->s;
	size_t		 n = strip->len, p1, p2;
	int32_t		 c1, c2;
	struct letter	 l1, l2;
	char		 tail[8];
	size_t		 k;

	if (n < 2 || !((f[n - 2] == 'o' && (f[n - 1] == 'a' ||
	    f[n - 1] == 'e')) || (f[n - 2] == 'u' && f[n - 1] == 'y')))
		return;
	if (f[n - 1] == 'y' && n >= 3 && f[n - 3] == 'q')
		return;
	p2 = cp_back(exact->s, exact->len);
	p1 = cp_back(exact->s, p2);
	if (text_decode(exact->s + p1, p2 - p1, &c1) != p2 - p1 ||
	    text_decode(exact->s + p2, exact->len - p2, &c2) !=
	    exact->len - p2)
		return;
	if (!letter_of(c1, &l1) || !letter_of(c2, &l2) || l1.shape != 0 ||
	    l2.shape != 0 || l1.tone != 0 || l2.tone == 0 || l1.row < 0 ||
	    l2.row < 0)
		return;
	k = utf8_put(viet[l1.row][l2.tone], tail);
	k += utf8_put(viet[l2.row][0], tail + k);
	exact->len = p1;
	buf_add(exact, tail, k);
}

/* A word folded (strip) and exact, with one tone placement. */
static void
fold_word(const char *s, size_t len, struct buf *strip, struct buf *exact)
{
	text_fold_word(s, len, strip, exact);
	tone_canon(exact, strip);
}

/*
 * The two forms of a document's tokens. Without prefixes (schema 2 and
 * 3) every word is a folded token and, when it differs, an exact one
 * colocated with it; FTS5's own prefix indexes serve typing. With
 * prefixes (schema 4), folded and exact forms are as before, and own
 * prefix tokens are added, each once per column: the folded word's first
 * 1 to FOLD_PREFIX_MAX letters after PREFIX_MARK, and the exact word's
 * first 1 to FOLD_EXACT_PREFIX_MAX letters after EXACT_PREFIX_MARK where
 * they differ from the folded ones. A word's prefix is then one short
 * doclist holding each article once, not a prefix index entry for every
 * word of every article: the index is half the size and builds twice as
 * fast (BENCHMARKS.md).
 */
#define PREFIX_MARK		'\x01'
#define EXACT_PREFIX_MARK	'\x02'
#define WORD_MARK		'\x03'	/* a word, in the set only */
/*
 * In a query only: the word after it, with marks, is a prefix, to be
 * matched as the whole words of the vocabulary it begins (the query
 * tokenizer gives them colocated), not as an FTS5 prefix query: FTS5
 * merges a prefix's doclists in full before the first row, while it
 * reads colocated words' doclists side by side and stops at the LIMIT.
 */
#define MARKS_PREFIX_MARK	'\x04'

/* A set of the byte strings already given in one document. */
struct seen {
	uint32_t	*slot;		/* 0 empty, else offset in pool + 1 */
	uint32_t	*used;		/* the slots taken, n of them */
	size_t		 nslot;		/* a power of two */
	size_t		 n;
	struct buf	 pool;		/* length byte, then the bytes */
};

struct fold_doc {
	int		 prefixes;
	struct seen	 seen;		/* kept from one document to the next */
};

static void
seen_free(struct seen *z)
{
	free(z->slot);
	free(z->used);
	buf_free(&z->pool);
}

static void
seen_reset(struct seen *z)
{
	size_t	i;

	for (i = 0; i < z->n; i++)
		z->slot[z->used[i]] = 0;
	z->n = 0;
	z->pool.len = 0;
}

static uint32_t
seen_hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Add s to the set; 1 when it was there already. */
static int
seen_add(struct seen *z, const char *s, size_t len)
{
	size_t		i, mask;
	const char	*k;

	if (len > 255)
		return 0;
	if (2 * (z->n + 1) > z->nslot) {
		struct seen	old = *z;
		size_t		j;

		z->nslot = z->nslot == 0 ? 1024 : z->nslot * 2;
		z->slot = xcalloc(z->nslot, sizeof *z->slot);
		z->used = xreallocarray(NULL, z->nslot / 2,
		    sizeof *z->used);
		mask = z->nslot - 1;
		for (j = 0; j < z->n; j++) {
			uint32_t	at = old.slot[old.used[j]];

			k = z->pool.s + at - 1;
			i = seen_hash(k + 1, (unsigned char)k[0]) & mask;
			while (z->slot[i] != 0)
				i = (i + 1) & mask;
			z->slot[i] = at;
			z->used[j] = (uint32_t)i;
		}
		free(old.slot);
		free(old.used);
	}
	mask = z->nslot - 1;
	for (i = seen_hash(s, len) & mask; z->slot[i] != 0;
	    i = (i + 1) & mask) {
		k = z->pool.s + z->slot[i] - 1;
		if ((unsigned char)k[0] == len && memcmp(k + 1, s, len) == 0)
			return 1;
	}
	z->slot[i] = (uint32_t)z->pool.len + 1;
	buf_addc(&z->pool, (char)len);
	buf_add(&z->pool, s, len);
	z->used[z->n] = (uint32_t)i;
	z->n++;
	return 0;
}

/*
 * A letter's place in the Vietnamese alphabet (a ă â b c d đ e ê g h i
 * k l m n o ô ơ p q r s t u ư v x y), its tone apart; other code points
 * after, in code point order.
 */
static uint32_t
alpha_weight(int32_t cp, int *tone)
{
	struct letter	l;
	uint32_t	rank = 0;

	*tone = 0;
	if (!letter_of(cp, &l))
		return (uint32_t)cp << 2;
	/* sắc and ngang apart, the tones in the dictionary's order:
	 * none, grave, hook, tilde, acute, dot */
	*tone = "\0\1\4\2\3\5"[l.tone];
	if (l.shape != 0)
		rank = (l.base == 'a' && l.shape == 2) ||
		    (l.base == 'o' && l.shape == 3) ? 2 : 1;
	return (uint32_t)l.base << 2 | rank;
}

int
fold_collate(const char *a, size_t alen, const char *b, size_t blen)
{
	char		*fa = text_fold(a, alen, 0), *fb = text_fold(b, blen, 0);
	const char	*p = fa, *q = fb;
	size_t		 la = strlen(fa), lb = strlen(fb), n, m;
	int32_t		 ca, cb;
	uint32_t	 wa, wb;
	int		 ta, tb, tones = 0, rc = 0;

	while (rc == 0 && la > 0 && lb > 0) {
		n = text_decode(p, la, &ca);
		m = text_decode(q, lb, &cb);
		if (n == 0 || m == 0)
			break;
		wa = alpha_weight(ca, &ta);
		wb = alpha_weight(cb, &tb);
		if (wa != wb)
			rc = wa < wb ? -1 : 1;
		else if (tones == 0 && ta != tb)
			tones = ta < tb ? -1 : 1;
		p += n;
		q += m;
		la -= n;
		lb -= m;
	}
	if (rc == 0 && (la > 0 || lb > 0))
		rc = la > 0 ? 1 : -1;
	free(fa);
	free(fb);
	if (rc == 0)
		rc = tones;
	if (rc == 0 && (rc = memcmp(a, b, alen < blen ? alen : blen)) == 0)
		rc = alen < blen ? -1 : alen > blen;
	return rc < 0 ? -1 : rc > 0;
}

struct fold_words {
	struct seen	seen;
};

struct fold_words *
fold_words_new(void)
{
	return xcalloc(1, sizeof(struct fold_words));
}

int
fold_words_add(struct fold_words *w, const char *s, size_t len)
{
	return seen_add(&w->seen, s, len);
}

void
fold_words_free(struct fold_words *w)
{
	if (w == NULL)
		return;
	seen_free(&w->seen);
	free(w);
}

int
fold_is_prefix_token(const char *tok)
{
	return tok[0] == PREFIX_MARK || tok[0] == EXACT_PREFIX_MARK;
}

struct fold_doc *
fold_doc_new(int prefixes)
{
	struct fold_doc	*d = xcalloc(1, sizeof *d);

	d->prefixes = prefixes;
	return d;
}

void
fold_doc_free(struct fold_doc *d)
{
	if (d == NULL)
		return;
	seen_free(&d->seen);
	free(d);
}

static int
clip(size_t n)
{
	return n > TOKEN_MAX ? TOKEN_MAX : (int)n;
}

/* Bytes of the first n characters of s (len bytes of UTF-8). */
static size_t
char_bytes(const char *s, size_t len, size_t n)
{
	size_t	i = 0;

	while (n > 0 && i < len) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		n--;
	}
	return i;
}

/* Add mark and s[0..len) to the document's set; 1 when it was there. */
static int
seen_mark(struct fold_doc *d, char mark, const char *s, size_t len, char *k)
{
	if (len > TOKEN_MAX)
		len = TOKEN_MAX;
	k[0] = mark;
	memcpy(k + 1, s, len);
	return seen_add(&d->seen, k, len + 1);
}

/* Give a prefix token, mark and s[0..len), once a document, colocated. */
static int
token_once(struct fold_doc *d, void *ctx, fold_token_fn token, char mark,
    const char *s, size_t len, int start, int end)
{
	char	k[TOKEN_MAX + 1];

	if (seen_mark(d, mark, s, len, k))
		return 0;
	return token(ctx, FOLD_COLOCATED, k, clip(len) + 1, start, end);
}

static int
doc_prefixes(struct fold_doc *d, void *ctx, fold_token_fn token,
    const struct buf *strip, const struct buf *exact, int start, int end)
{
	size_t	k, n, x;
	int	rc = 0;

	for (k = 1, n = 0; rc == 0 && k <= FOLD_PREFIX_MAX; k++) {
		x = char_bytes(strip->s, strip->len, k);
		if (x == n)
			break;
		n = x;
		rc = token_once(d, ctx, token, PREFIX_MARK, strip->s, n,
		    start, end);
	}
	for (k = 1, n = 0; rc == 0 && k <= FOLD_EXACT_PREFIX_MAX; k++) {
		x = char_bytes(exact->s, exact->len, k);
		if (x == n)
			break;
		n = x;
		if (n == char_bytes(strip->s, strip->len, k) &&
		    memcmp(exact->s, strip->s, n) == 0)
			continue;
		rc = token_once(d, ctx, token, EXACT_PREFIX_MARK, exact->s, n,
		    start, end);
	}
	return rc;
}

int
fold_doc_tokens(struct fold_doc *d, const char *text, size_t len,
    fold_token_fn token, void *ctx)
{
	struct buf	 strip = { 0 }, exact = { 0 };
	size_t		 pos = 0, s, e;
	int		 rc = 0;
	char		 k[TOKEN_MAX + 1];

	seen_reset(&d->seen);
	while (rc == 0 && text_next_word(text, len, &pos, &s, &e)) {
		fold_word(text + s, e - s, &strip, &exact);
		rc = token(ctx, 0, strip.s, clip(strip.len), (int)s, (int)e);
		/* once a column, a word's other forms came at its first */
		if (rc != 0 || (d->prefixes &&
		    seen_mark(d, WORD_MARK, exact.s, exact.len, k)))
			continue;
		if (exact.len != strip.len ||
		    memcmp(exact.s, strip.s, strip.len) != 0)
			rc = token(ctx, FOLD_COLOCATED, exact.s,
			    clip(exact.len), (int)s, (int)e);
		if (rc == 0 && d->prefixes)
			rc = doc_prefixes(d, ctx, token, &strip, &exact,
			    (int)s, (int)e);
	}
	buf_free(&strip);
	buf_free(&exact);
	return rc;
}

/*
 * Whether word (as the index keeps it: case-folded, marks kept, one tone
 * placement) is typed (case-folded) letter by letter: the same letters,
 * and each mark of a typed letter on the word's letter too, while a
 * letter typed plain matches any marks. With prefix, word need only
 * begin so.
 */
static int
marks_carried(const char *typed, size_t tlen, const char *word,
    size_t wlen, int prefix)
{
	size_t		i = 0, j = 0, n, m;
	int32_t		tc, wc;
	struct letter	lt, lw;

	while (i < tlen) {
		if (j >= wlen)
			return 0;
		n = text_decode(typed + i, tlen - i, &tc);
		m = text_decode(word + j, wlen - j, &wc);
		if (n == 0 || m == 0)
			return 0;
		i += n;
		j += m;
		if (tc == wc)
			continue;
		if (!letter_of(tc, &lt) || !letter_of(wc, &lw) ||
		    lt.base != lw.base ||
		    (lt.shape != 0 && lt.shape != lw.shape) ||
		    (lt.tone != 0 && lt.tone != lw.tone))
			return 0;
	}
	return prefix || j == wlen;
}

/* Matching with the tone placed either way while a prefix is typed. */
static int
form_matches(const char *canon, const char *raw, const char *word,
    size_t wlen, int prefix)
{
	return marks_carried(canon, strlen(canon), word, wlen, prefix) ||
	    (prefix && marks_carried(raw, strlen(raw), word, wlen, 1));
}

int
fold_word_matches(const char *typed, size_t tlen, const char *word,
    size_t wlen, int prefix)
{
	struct buf	strip = { 0 }, raw = { 0 }, canon = { 0 };
	int		ok;

	text_fold_word(typed, tlen, &strip, &raw);
	buf_add(&canon, raw.s, raw.len);
	tone_canon(&canon, &strip);
	ok = form_matches(canon.s, raw.s, word, wlen, prefix);
	buf_free(&strip);
	buf_free(&raw);
	buf_free(&canon);
	return ok;
}

/*
 * The short exact prefix tokens (EXACT_PREFIX_MARK and up to
 * FOLD_EXACT_PREFIX_MAX letters) that a typed prefix with marks matches
 * letter by letter, the first given plain and the others colocated with
 * it, so that FTS5 takes any of them. At most one letter has a tone, as
 * in a syllable.
 */
#define LETTER_FORMS	18	/* a, ă, â with each tone */

static int
letter_forms(int32_t cp, int32_t *out)
{
	struct letter	l;
	int		r, t, n = 0;

	if (!letter_of(cp, &l)) {
		out[0] = cp;
		return 1;
	}
	if (l.base == 'd') {
		if (l.shape == 0)
			out[n++] = 'd';
		out[n++] = D_STROKE;
		return n;
	}
	for (r = 0; r < 12; r++) {
		if (viet_base[r] != l.base || (l.shape != 0 &&
		    viet_shape[r] != l.shape))
			continue;
		for (t = 0; t < 6; t++)
			if (l.tone == 0 || t == l.tone)
				out[n++] = viet[r][t];
	}
	return n;
}

static int
toned(int32_t cp)
{
	struct letter	l;

	return letter_of(cp, &l) && l.tone != 0;
}

static int
prefix_forms(const char *text, size_t len, fold_token_fn token, void *ctx)
{
	int32_t	 cp[FOLD_EXACT_PREFIX_MAX], form[FOLD_EXACT_PREFIX_MAX]
		    [LETTER_FORMS];
	int	 nform[FOLD_EXACT_PREFIX_MAX], at[FOLD_EXACT_PREFIX_MAX] = { 0 };
	int	 i, n = 0, given = 0, rc = 0, tones, plain;
	size_t	 pos = 1, k;
	char	 tok[1 + 4 * FOLD_EXACT_PREFIX_MAX];

	while (pos < len && n < FOLD_EXACT_PREFIX_MAX) {
		if ((k = text_decode(text + pos, len - pos, &cp[n])) == 0)
			break;
		pos += k;
		n++;
	}
	if (pos < len || n == 0)	/* not one of ours: as it is */
		return token(ctx, 0, text, clip(len), 0, (int)len);
	for (i = 0; i < n; i++)
		nform[i] = letter_forms(cp[i], form[i]);
	for (;;) {
		k = 1;
		tok[0] = EXACT_PREFIX_MARK;
		for (i = 0, tones = 0, plain = 1; i < n; i++) {
			tones += toned(form[i][at[i]]);
			plain &= form[i][at[i]] < 0x80;
			k += utf8_put(form[i][at[i]], tok + k);
		}
		if (tones <= 1 && !plain) {
			rc = token(ctx, given++ ? FOLD_COLOCATED : 0, tok,
			    (int)k, 0, (int)len);
			if (rc != 0)
				return rc;
		}
		for (i = n - 1; i >= 0 && ++at[i] == nform[i]; i--)
			at[i] = 0;
		if (i < 0)
			break;
	}
	if (given == 0)
		return token(ctx, 0, text, clip(len), 0, (int)len);
	return 0;
}

#define FORMS_MAX	256	/* forms of one typed word given to FTS5 */

/*
 * A typed word with marks: the forms of the index's vocabulary that it
 * matches letter by letter, colocated, so that FTS5 takes any of them;
 * the exact form alone when there is no vocabulary or none matches.
 */
static int
word_forms(const struct fold_vocab *v, const struct buf *strip,
    const struct buf *canon, const struct buf *raw, int prefix,
    fold_token_fn token, void *ctx, int start, int end)
{
	struct buf	 forms = { 0 };
	const char	*p, *stop;
	size_t		 n;
	int		 given = 0, rc = 0;

	if (v != NULL && v->forms(v->ctx, strip->s, prefix, &forms) == 0 &&
	    forms.len > 0) {
		stop = forms.s + forms.len;
		for (p = forms.s; rc == 0 && p < stop && given < FORMS_MAX;
		    p += n + 1) {
			n = strlen(p);
			if (!form_matches(canon->s, raw->s, p, n, prefix))
				continue;
			rc = token(ctx, given++ ? FOLD_COLOCATED : 0, p,
			    clip(n), start, end);
		}
	}
	buf_free(&forms);
	if (rc == 0 && given == 0)
		rc = token(ctx, 0, canon->s, clip(canon->len), start, end);
	return rc;
}

int
fold_query_tokens(const char *text, size_t len, int prefix,
    const struct fold_vocab *v, fold_token_fn token, void *ctx)
{
	struct buf	 strip = { 0 }, canon = { 0 }, raw = { 0 };
	size_t		 pos = 0, s, e, ns, ne;
	int		 rc = 0, more;

	if (len > 0 && text[0] == PREFIX_MARK)
		/* a prefix token the query builder made: as it is */
		return token(ctx, 0, text, clip(len), 0, (int)len);
	if (len > 0 && text[0] == EXACT_PREFIX_MARK)
		return prefix_forms(text, len, token, ctx);
	if (len > 0 && text[0] == MARKS_PREFIX_MARK)
		prefix = 1;	/* its word's forms, whole */
	more = text_next_word(text, len, &pos, &s, &e);
	while (rc == 0 && more) {
		more = text_next_word(text, len, &pos, &ns, &ne);
		text_fold_word(text + s, e - s, &strip, &raw);
		buf_reset(&canon);
		buf_add(&canon, raw.s, raw.len);
		tone_canon(&canon, &strip);
		if (raw.len == strip.len && memcmp(raw.s, strip.s,
		    strip.len) == 0)
			rc = token(ctx, 0, strip.s, clip(strip.len), (int)s,
			    (int)e);
		else
			rc = word_forms(v, &strip, &canon, &raw, prefix && !more,
			    token, ctx, (int)s, (int)e);
		s = ns;
		e = ne;
	}
	buf_free(&strip);
	buf_free(&canon);
	buf_free(&raw);
	return rc;
}

static void
cut(char *s)
{
	if (strlen(s) > TOKEN_MAX)
		s[TOKEN_MAX] = '\0';
}

static void
add_term(struct fold_query *q, const char *w, size_t len, int phrase)
{
	struct buf	strip = { 0 }, exact = { 0 };
	struct fold_term *t;

	text_fold_word(w, len, &strip, &exact);
	q->t = xreallocarray(q->t, q->n + 1, sizeof *q->t);
	t = &q->t[q->n++];
	t->exact = exact.len != strip.len || memcmp(exact.s, strip.s,
	    strip.len) != 0;
	t->typed = xstrdup(t->exact ? exact.s : strip.s);
	tone_canon(&exact, &strip);
	t->form = t->exact ? xstrdup(exact.s) : xstrdup(strip.s);
	t->folded = buf_take(&strip);
	cut(t->form);		/* as the tokenizer cuts it */
	cut(t->typed);
	cut(t->folded);
	t->prefix = 0;
	t->phrase = phrase;
	buf_free(&strip);
	buf_free(&exact);
}

static size_t
nchars(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Whether a term as a prefix is one of the index's prefix tokens. */
static int
short_prefix(const struct fold_term *t)
{
	return nchars(t->form) <= (t->exact ? FOLD_EXACT_PREFIX_MAX :
	    FOLD_PREFIX_MAX);
}

/* Add one quoted string of terms [from, to), folded or as typed. */
static void
add_quoted(struct buf *b, const struct fold_query *q, size_t from, size_t to,
    int folded, int prefix)
{
	size_t	i;

	int	marks_prefix = prefix && !folded && to - from == 1 &&
		    q->t[from].exact && q->t[from].prefix;

	buf_adds(b, b->len > 0 ? " \"" : "\"");
	if (marks_prefix)
		buf_addc(b, MARKS_PREFIX_MARK);
	for (i = from; i < to; i++) {
		if (i > from)
			buf_addc(b, ' ');
		buf_adds(b, folded ? q->t[i].folded : q->t[i].typed);
	}
	buf_addc(b, '"');
	if (prefix && q->t[to - 1].prefix && !marks_prefix)
		buf_addc(b, '*');
}

/*
 * The FTS5 query of the terms; the last word a prefix when asked:
 * "w1" "w2"*. A phrase is matched on its folded words, since the index
 * keeps one place an article for an exact word; its words with marks
 * are ANDed beside it: "dien gio" "điện" "gió". A last word that is a
 * prefix short enough to be a token of its own (FOLD_PREFIX_MAX) is
 * looked up as that token, apart from its phrase: while it is typed, a
 * phrase "kinh t matches "kinh" and a word beginning with t anywhere.
 */
static char *
build_fts(const struct fold_query *q, int prefix)
{
	struct buf		 b = { 0 };
	const struct fold_term	*end;
	size_t			 i, j, k, n = q->n;
	int			 own, marks;

	if (n == 0)
		return NULL;
	end = &q->t[n - 1];
	own = prefix && end->prefix && short_prefix(end);
	if (own)
		n--;
	for (i = 0; i < n; i = j) {
		marks = 0;
		for (j = i; j < n && q->t[j].phrase == q->t[i].phrase; j++)
			marks |= q->t[j].exact;
		if (j - i == 1 || !marks) {
			add_quoted(&b, q, i, j, 0, prefix);
			continue;
		}
		add_quoted(&b, q, i, j, 1, prefix);
		for (k = i; k < j; k++)
			if (q->t[k].exact)
				add_quoted(&b, q, k, k + 1, 0, prefix);
	}
	if (own) {
		buf_adds(&b, b.len > 0 ? " \"" : "\"");
		buf_addc(&b, end->exact ? EXACT_PREFIX_MARK : PREFIX_MARK);
		buf_adds(&b, end->typed);
		buf_addc(&b, '"');
	}
	return buf_take(&b);
}

/*
 * The words of the query as one phrase, folded, for ranking the articles
 * that hold them as typed, next to each other, first: NULL for one word,
 * or when the words are one phrase already. While typing, a last word
 * short enough to be the index's own prefix token is left out (those
 * tokens are kept once a column, not at every place); a longer one is
 * the phrase's prefix.
 */
static char *
build_adjacent(const struct fold_query *q)
{
	struct buf	b = { 0 };
	size_t		i, n = q->n;
	int		last_prefix;

	if (n > 0 && q->t[n - 1].prefix && short_prefix(&q->t[n - 1]))
		n--;
	if (n < 2 || q->t[0].phrase == q->t[n - 1].phrase)
		return NULL;
	last_prefix = n == q->n && q->t[n - 1].prefix;
	buf_addc(&b, '"');
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, q->t[i].folded);
	}
	buf_adds(&b, last_prefix ? "\"*" : "\"");
	return buf_take(&b);
}

struct fold_query *
fold_query_new(const char *typed, int typing)
{
	struct fold_query	*q = xcalloc(1, sizeof *q);
	char			*nfc;
	size_t			 len, pos = 0, s, e, seg, segend;
	int			 phrase = 0, inq = 0;
	const char		*p;

	if ((nfc = text_nfc(typed, strlen(typed))) == NULL)
		nfc = text_sanitize(typed, 0);
	len = strlen(nfc);
	/* split at quotes: odd segments are phrases */
	for (seg = 0; seg <= len; seg = segend + 1) {
		p = memchr(nfc + seg, '"', len - seg);
		segend = p != NULL ? (size_t)(p - nfc) : len;
		pos = seg;
		while (text_next_word(nfc, segend, &pos, &s, &e)) {
			add_term(q, nfc + s, e - s, phrase);
			if (!inq)
				phrase++;
		}
		if (inq)
			phrase++;
		inq = !inq;
		if (p == NULL)
			break;
	}
	if (q->n > 0 && typing && len > 0 && nfc[len - 1] != ' ' &&
	    nfc[len - 1] != '"')
		q->t[q->n - 1].prefix = 1;
	q->fts = build_fts(q, 1);
	q->adjacent = build_adjacent(q);
	if (q->n > 0 && q->t[q->n - 1].prefix &&
	    !short_prefix(&q->t[q->n - 1]))
		q->fts_whole = build_fts(q, 0);
	free(nfc);
	return q;
}

void
fold_query_free(struct fold_query *q)
{
	size_t	i;

	if (q == NULL)
		return;
	for (i = 0; i < q->n; i++) {
		free(q->t[i].form);
		free(q->t[i].typed);
		free(q->t[i].folded);
	}
	free(q->t);
	free(q->fts);
	free(q->fts_whole);
	free(q->adjacent);
	free(q);
}

static int
term_matches(const struct fold_term *t, const struct buf *strip,
    const struct buf *exact)
{
	size_t	n = strlen(t->folded);

	if (strip->len < n || (!t->prefix && strip->len != n) ||
	    memcmp(strip->s, t->folded, n) != 0)
		return 0;
	return !t->exact || form_matches(t->form, t->typed, exact->s,
	    exact->len, t->prefix);
}

size_t
fold_spans(const struct fold_query *q, const char *text, size_t **spans)
{
	struct buf	strip = { 0 }, exact = { 0 };
	size_t		len = strlen(text), pos = 0, s, e, n = 0, cap = 0, i;

	*spans = NULL;
	if (q == NULL || q->n == 0)
		return 0;
	while (text_next_word(text, len, &pos, &s, &e)) {
		fold_word(text + s, e - s, &strip, &exact);
		for (i = 0; i < q->n; i++) {
			if (!term_matches(&q->t[i], &strip, &exact))
				continue;
			if (n == cap) {
				cap = cap == 0 ? 16 : cap * 2;
				*spans = xreallocarray(*spans, cap * 2,
				    sizeof **spans);
			}
			(*spans)[2 * n] = s;
			(*spans)[2 * n + 1] = e;
			n++;
			break;
		}
	}
	buf_free(&strip);
	buf_free(&exact);
	return n;
}
