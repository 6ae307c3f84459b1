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
		text_fold_word(text + s, e - s, &strip, &exact);
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

int
fold_query_tokens(const char *text, size_t len, fold_token_fn token,
    void *ctx)
{
	struct buf	 strip = { 0 }, exact = { 0 };
	size_t		 pos = 0, s, e;
	int		 rc = 0;

	if (len > 0 && (text[0] == PREFIX_MARK ||
	    text[0] == EXACT_PREFIX_MARK))
		/* a prefix token the query builder made: as it is */
		return token(ctx, 0, text, clip(len), 0, (int)len);
	/* the query builder chose each word's form: keep it */
	while (rc == 0 && text_next_word(text, len, &pos, &s, &e)) {
		text_fold_word(text + s, e - s, &strip, &exact);
		rc = token(ctx, 0, exact.s, clip(exact.len), (int)s, (int)e);
	}
	buf_free(&strip);
	buf_free(&exact);
	return rc;
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
	t->form = t->exact ? xstrdup(exact.s) : xstrdup(strip.s);
	t->folded = buf_take(&strip);
	if (strlen(t->form) > TOKEN_MAX)
		t->form[TOKEN_MAX] = '\0';	/* as the tokenizer cuts it */
	if (strlen(t->folded) > TOKEN_MAX)
		t->folded[TOKEN_MAX] = '\0';
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

	buf_adds(b, b->len > 0 ? " \"" : "\"");
	for (i = from; i < to; i++) {
		if (i > from)
			buf_addc(b, ' ');
		buf_adds(b, folded ? q->t[i].folded : q->t[i].form);
	}
	buf_addc(b, '"');
	if (prefix && q->t[to - 1].prefix)
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
		buf_adds(&b, end->form);
		buf_addc(&b, '"');
	}
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
		free(q->t[i].folded);
	}
	free(q->t);
	free(q->fts);
	free(q->fts_whole);
	free(q);
}

static int
term_matches(const struct fold_term *t, const struct buf *strip,
    const struct buf *exact)
{
	const struct buf	*w = t->exact ? exact : strip;
	size_t			 n = strlen(t->form);

	if (t->prefix)
		return w->len >= n && memcmp(w->s, t->form, n) == 0;
	return w->len == n && memcmp(w->s, t->form, n) == 0;
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
		text_fold_word(text + s, e - s, &strip, &exact);
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
