/*
 * fold.c: the FTS5 tokenizer "newsread" and queries built from typed
 * text, both on text.c's word folding.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fold.h"
#include "text.h"
#include "util.h"

#define TOKEN_MAX	128	/* bytes of a token; longer words are cut */

struct tok {
	int	unused;
};

static int
tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx;
	(void)argv;
	(void)argc;
	*out = (Fts5Tokenizer *)xcalloc(1, sizeof(struct tok));
	return SQLITE_OK;
}

static void
tok_delete(Fts5Tokenizer *t)
{
	free(t);
}

static int
clip(size_t n)
{
	return n > TOKEN_MAX ? TOKEN_MAX : (int)n;
}

static int
tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text,
    int ntext, int (*token)(void *, int, const char *, int, int, int))
{
	struct buf	strip = { 0 }, exact = { 0 };
	size_t		len = ntext > 0 ? (size_t)ntext : 0, pos = 0, s, e;
	int		rc = SQLITE_OK;

	(void)t;
	if (text == NULL)
		return SQLITE_OK;
	while (rc == SQLITE_OK && text_next_word(text, len, &pos, &s, &e)) {
		text_fold_word(text + s, e - s, &strip, &exact);
		if (flags & FTS5_TOKENIZE_QUERY) {
			/* the query builder chose the form: keep it */
			rc = token(ctx, 0, exact.s, clip(exact.len), (int)s,
			    (int)e);
			continue;
		}
		rc = token(ctx, 0, strip.s, clip(strip.len), (int)s, (int)e);
		if (rc == SQLITE_OK && (exact.len != strip.len ||
		    memcmp(exact.s, strip.s, strip.len) != 0))
			rc = token(ctx, FTS5_TOKEN_COLOCATED, exact.s,
			    clip(exact.len), (int)s, (int)e);
	}
	buf_free(&strip);
	buf_free(&exact);
	return rc;
}

int
fold_register(struct sqlite3 *db)
{
	static fts5_tokenizer	 tok = { tok_create, tok_delete, tok_tokenize };
	fts5_api		*api = NULL;
	sqlite3_stmt		*s;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	if (api == NULL || api->iVersion < 2)
		return -1;
	if (api->xCreateTokenizer(api, "newsread", NULL, &tok, NULL) !=
	    SQLITE_OK)
		return -1;
	return 0;
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
	t->form = t->exact ? buf_take(&exact) : buf_take(&strip);
	if (strlen(t->form) > TOKEN_MAX)
		t->form[TOKEN_MAX] = '\0';	/* as the tokenizer cuts it */
	t->prefix = 0;
	t->phrase = phrase;
	buf_free(&strip);
	buf_free(&exact);
}

/* The FTS5 query of the terms; the last word a prefix when asked. */
static char *
build_fts(const struct fold_query *q, int prefix)
{
	struct buf	b = { 0 };
	size_t		i;

	if (q->n == 0)
		return NULL;
	/* one quoted string a phrase: "w1 w2" "w3"* */
	for (i = 0; i < q->n; i++) {
		int first = i == 0 || q->t[i - 1].phrase != q->t[i].phrase;
		int last = i + 1 == q->n || q->t[i + 1].phrase != q->t[i].phrase;

		if (first)
			buf_adds(&b, i == 0 ? "\"" : " \"");
		else
			buf_addc(&b, ' ');
		buf_adds(&b, q->t[i].form);
		if (last) {
			buf_addc(&b, '"');
			if (q->t[i].prefix && prefix)
				buf_addc(&b, '*');
		}
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
	    text_width(q->t[q->n - 1].form) >= FOLD_WHOLE_FIRST)
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
	for (i = 0; i < q->n; i++)
		free(q->t[i].form);
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
