/*
 * store_fts.c: the FTS5 tokenizer "newsread" over fold.c's tokens, its
 * registration on a connection, and the tokens an import makes ahead.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fold.h"
#include "store_fts.h"
#include "util.h"

/* fold.c gives FTS5's own flag, so that xToken is handed through */
_Static_assert(FOLD_COLOCATED == FTS5_TOKEN_COLOCATED,
    "fold.h's FOLD_COLOCATED is FTS5_TOKEN_COLOCATED");

/*
 * Tokens made ahead. An import tokenizes an article's title, lead and
 * body in the thread that cleans it (fts_tokens_make, safe in any thread
 * after text_init), so that the thread that writes does not. The
 * contract, from the making to the freeing:
 *
 * - Order. store_put() queues an inserted article's three texts with
 *   fts_expect(), title, lead, body, in the order its rows are inserted;
 *   every 128 inserts and at commit the index is given the new rows in
 *   rowid order, a row's columns in that order (one INSERT ... SELECT,
 *   store.c's fts_add), so the tokenizer is asked for the texts in the
 *   order they were queued.
 * - Look-ahead. The tokenizer takes the tokens of the text it is asked
 *   for when they are among the next AHEAD_LOOK queued (those before are
 *   dropped: an empty lead is never asked for, or a text was queued
 *   twice); otherwise it tokenizes the text itself, as it does for every
 *   text of an update or when nothing was queued. Tokens are matched to
 *   the text by its bytes, so a wrong guess costs time, never a wrong
 *   index.
 * - Ownership. fts_expect() takes the tokens over (NULL is ignored; with
 *   no queue they are freed at once). The tokenizer frees what it takes
 *   or drops. fts_expect_clear() frees what is left: at the end of each
 *   index pass, on rollback, and with the connection (the queue's
 *   destructor, given to FTS5 with the tokenizer).
 */
#define AHEAD_LOOK	4

/*
 * The tokens of one text as records: flags and length (a byte each), the
 * start less the last record's start and the end less the start (each a
 * varint: 7 bits a byte, low first, the high bit for more), then the
 * bytes; and the text they are of. A record is the token and four bytes
 * or so, where two ints took ten: the tokens of many articles wait in
 * memory until the index takes them, and they were the import's largest
 * allocation.
 */
struct fts_tokens {
	char			*text;
	size_t			 len;
	struct buf		 rec;
	int			 last;	/* start of the last record */
	struct fts_tokens	*next;
};

/* Append v (not negative) as a varint; the bytes written. */
static size_t
varint_put(char *out, unsigned int v)
{
	size_t	n = 0;

	while (v >= 0x80) {
		out[n++] = (char)(v | 0x80);
		v >>= 7;
	}
	out[n++] = (char)v;
	return n;
}

/* Read a varint at *p, moving *p past it. */
static unsigned int
varint_get(const unsigned char **p)
{
	unsigned int	v = 0;
	int		shift = 0;

	while (**p & 0x80) {
		v |= (unsigned int)(**p & 0x7f) << shift;
		shift += 7;
		(*p)++;
	}
	v |= (unsigned int)**p << shift;
	(*p)++;
	return v;
}

/*
 * A connection's side of the tokenizer: what it will be asked for next,
 * in order; and the vocabulary of words with marks.
 *
 * The vocabulary (the table words: folded, marked) lists every exact
 * form the index holds that differs from its folded form, so that a word
 * typed half-marked (đien) is looked up as the forms it matches (điện,
 * điền, điên: fold.c's rule) rather than as itself. The tokenizer notes
 * each such form it gives a document; fts_words_flush() writes the new
 * ones, in the transaction that indexed them. A form is never removed:
 * one no article holds any more matches nothing.
 */
struct fts_ahead {
	struct fts_tokens	*head;
	struct fts_tokens	*tail;
	sqlite3			*db;
	struct fold_words	*known;		/* noted since the last reset */
	struct buf		 fresh;		/* to write: folded, NUL, marked, NUL */
};

/* One tokenizer of an FTS5 table. */
struct fts_tok {
	struct fold_doc		*doc;
	struct fts_ahead	*ahead;	/* the connection's, or NULL */
};

/* Record a token (a fold_token_fn for fts_tokens_make). */
static int
record(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	struct fts_tokens	*f = ctx;
	char			 h[2 + 2 * 5];
	size_t			 n = 2;

	/* fold.c gives a text's tokens in order, start <= end */
	if (start < f->last || end < start)
		return SQLITE_ERROR;
	h[0] = (char)flags;
	h[1] = (char)len;
	n += varint_put(h + n, (unsigned int)(start - f->last));
	n += varint_put(h + n, (unsigned int)(end - start));
	f->last = start;
	buf_add(&f->rec, h, n);
	buf_add(&f->rec, tok, (size_t)len);
	return SQLITE_OK;
}

struct fts_tokens *
fts_tokens_make(const char *text, size_t len)
{
	struct fold_doc		*d;
	struct fts_tokens	*f;

	if (text == NULL || len == 0)
		return NULL;
	f = xcalloc(1, sizeof *f);
	f->text = xmalloc(len);
	memcpy(f->text, text, len);
	f->len = len;
	d = fold_doc_new(1);
	if (fold_doc_tokens(d, text, len, record, f) != 0) {
		/* not as fold.c promised: the tokenizer will do it */
		fold_doc_free(d);
		fts_tokens_free(f);
		return NULL;
	}
	fold_doc_free(d);
	/* held until the batch's commit: no more than it needs */
	if (f->rec.len > 0 && f->rec.len + 1 < f->rec.cap) {
		f->rec.s = xrealloc(f->rec.s, f->rec.len + 1);
		f->rec.cap = f->rec.len + 1;
	}
	return f;
}

void
fts_tokens_free(struct fts_tokens *f)
{
	struct fts_tokens	*next;

	for (; f != NULL; f = next) {
		next = f->next;
		free(f->text);
		buf_free(&f->rec);
		free(f);
	}
}

void
fts_expect(struct fts_ahead *ah, struct fts_tokens *f)
{
	if (f == NULL)
		return;
	if (ah == NULL) {
		fts_tokens_free(f);
		return;
	}
	if (ah->tail != NULL)
		ah->tail->next = f;
	else
		ah->head = f;
	ah->tail = f;
}

void
fts_expect_clear(struct fts_ahead *ah)
{
	if (ah == NULL)
		return;
	fts_tokens_free(ah->head);
	ah->head = ah->tail = NULL;
}

/* The tokens made ahead for this text, when they are next; else NULL. */
static struct fts_tokens *
ahead_take(struct fts_ahead *ah, const char *text, size_t len)
{
	struct fts_tokens	*f, *skip;
	int			 i;

	if (ah == NULL)
		return NULL;
	for (f = ah->head, i = 0; f != NULL && i < AHEAD_LOOK;
	    f = f->next, i++) {
		if (f->len == len && memcmp(f->text, text, len) == 0)
			break;
	}
	if (f == NULL || i == AHEAD_LOOK)
		return NULL;
	while ((skip = ah->head) != f) {
		ah->head = skip->next;
		skip->next = NULL;
		fts_tokens_free(skip);
	}
	if ((ah->head = f->next) == NULL)
		ah->tail = NULL;
	f->next = NULL;
	return f;
}

static int
replay(const struct fts_tokens *f, void *ctx, fold_token_fn token)
{
	const unsigned char	*p = (const unsigned char *)f->rec.s, *end;
	int			 rc = SQLITE_OK, flags, len, start = 0, stop;

	if (f->rec.len == 0)
		return SQLITE_OK;	/* a text with no word: no records */
	end = p + f->rec.len;
	while (rc == SQLITE_OK && p < end) {
		flags = p[0];
		len = p[1];
		p += 2;
		start += (int)varint_get(&p);
		stop = start + (int)varint_get(&p);
		rc = token(ctx, flags, (const char *)p, len, start, stop);
		p += len;
	}
	return rc;
}

/* A document's tokens on their way to FTS5, its words with marks noted. */
struct note {
	fold_token_fn		 token;
	void			*ctx;
	struct fts_ahead	*ah;
	const char		*word;	/* the last token not colocated */
	int			 nword;
};

static int
note(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	struct note		*nt = ctx;
	struct fts_ahead	*ah = nt->ah;

	if (!(flags & FOLD_COLOCATED)) {
		nt->word = tok;
		nt->nword = len;
	} else if (len > 0 && !fold_is_prefix_token(tok) &&
	    nt->word != NULL && !fold_words_add(ah->known, tok,
	    (size_t)len)) {
		buf_add(&ah->fresh, nt->word, (size_t)nt->nword);
		buf_addc(&ah->fresh, '\0');
		buf_add(&ah->fresh, tok, (size_t)len);
		buf_addc(&ah->fresh, '\0');
	}
	return nt->token(nt->ctx, flags, tok, len, start, end);
}

/* The vocabulary's forms of a folded word or prefix (a fold_vocab). */
static int
vocab_forms(void *ctx, const char *folded, int prefix, struct buf *out)
{
	struct fts_ahead	*ah = ctx;
	sqlite3_stmt		*s;
	char			*hi;
	size_t			 n = strlen(folded);
	int			 rc;

	if (ah->db == NULL || sqlite3_prepare_v2(ah->db, prefix ?
	    "SELECT marked FROM words WHERE folded >= ?1 AND folded < ?2" :
	    "SELECT marked FROM words WHERE folded = ?1", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, folded, (int)n, SQLITE_STATIC);
	hi = xstrdup(folded);
	if (prefix && n > 0) {
		/* the first string past every one folded begins */
		hi[n - 1]++;
		sqlite3_bind_text(s, 2, hi, (int)n, SQLITE_STATIC);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		buf_add(out, (const char *)sqlite3_column_text(s, 0),
		    (size_t)sqlite3_column_bytes(s, 0));
		buf_addc(out, '\0');
	}
	sqlite3_finalize(s);
	free(hi);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
fts_words_flush(struct fts_ahead *ah)
{
	sqlite3_stmt	*s;
	const char	*p, *m, *stop;
	int		 rc = SQLITE_DONE;

	if (ah == NULL || ah->fresh.len == 0)
		return 0;
	if (sqlite3_prepare_v2(ah->db, "INSERT OR IGNORE INTO"
	    " words(folded, marked) VALUES (?1, ?2)", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	stop = ah->fresh.s + ah->fresh.len;
	for (p = ah->fresh.s; rc == SQLITE_DONE && p < stop;
	    p = m + strlen(m) + 1) {
		m = p + strlen(p) + 1;
		sqlite3_bind_text(s, 1, p, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, m, -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	ah->fresh.len = 0;
	return rc == SQLITE_DONE ? 0 : -1;
}

void
fts_words_forget(struct fts_ahead *ah)
{
	if (ah == NULL)
		return;
	fold_words_free(ah->known);
	ah->known = fold_words_new();
	ah->fresh.len = 0;
}

/* "newsread" (schema 2 and 3) or "newsread prefixes" (schema 4). */
static int
tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	struct fts_tok	*t;

	if (argc > 1 || (argc == 1 && strcmp(argv[0], "prefixes") != 0))
		return SQLITE_ERROR;
	t = xcalloc(1, sizeof *t);
	t->doc = fold_doc_new(argc == 1);
	t->ahead = ctx;
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void
tok_delete(Fts5Tokenizer *tk)
{
	struct fts_tok	*t = (struct fts_tok *)tk;

	fold_doc_free(t->doc);
	free(t);
}

static int
tok_tokenize(Fts5Tokenizer *tk, void *ctx, int flags, const char *text,
    int ntext, fold_token_fn token)
{
	struct fts_tok		*t = (struct fts_tok *)tk;
	struct fts_tokens	*f;
	size_t			 len = ntext > 0 ? (size_t)ntext : 0;
	int			 rc;

	struct fold_vocab	 v = { vocab_forms, t->ahead };
	struct note		 nt = { token, ctx, t->ahead, NULL, 0 };

	if (text == NULL)
		return SQLITE_OK;
	if (flags & FTS5_TOKENIZE_QUERY)
		return fold_query_tokens(text, len,
		    (flags & FTS5_TOKENIZE_PREFIX) != 0,
		    t->ahead != NULL ? &v : NULL, token, ctx);
	if (flags == FTS5_TOKENIZE_DOCUMENT && t->ahead != NULL) {
		/* an article indexed, or taken out: note its words */
		ctx = &nt;
		token = note;
	}
	if ((f = ahead_take(t->ahead, text, len)) == NULL)
		return fold_doc_tokens(t->doc, text, len, token, ctx);
	rc = replay(f, ctx, token);
	fts_tokens_free(f);
	return rc;
}

static void
ahead_free(void *p)
{
	struct fts_ahead	*ah = p;

	fts_expect_clear(ah);
	fold_words_free(ah->known);
	buf_free(&ah->fresh);
	free(ah);
}

static int
collate_vi(void *arg, int alen, const void *a, int blen, const void *b)
{
	(void)arg;
	return fold_collate(a, (size_t)alen, b, (size_t)blen);
}

/* fts_register()'s failure: memory ran out, or no usable FTS5 (-1). */
static int
no_fts5(int rc)
{
	return (rc & 0xff) == SQLITE_NOMEM ? SQLITE_NOMEM : -1;
}

int
fts_register(sqlite3 *db, struct fts_ahead **ahead)
{
	static fts5_tokenizer	 tok = { tok_create, tok_delete, tok_tokenize };
	fts5_api		*api = NULL;
	sqlite3_stmt		*s;
	struct fts_ahead	*ah;
	int			 rc;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) !=
	    SQLITE_OK)
		return no_fts5(sqlite3_extended_errcode(db));
	/* the order of names: Vietnamese alphabetical (fold.c) */
	if ((rc = sqlite3_create_collation_v2(db, "vietnamese", SQLITE_UTF8,
	    NULL, collate_vi, NULL)) != SQLITE_OK) {
		sqlite3_finalize(s);
		return no_fts5(rc);
	}
	sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	if ((rc = sqlite3_finalize(s)) != SQLITE_OK)
		return no_fts5(rc);
	if (api == NULL || api->iVersion < 2)
		return -1;
	ah = xcalloc(1, sizeof *ah);
	ah->db = db;
	ah->known = fold_words_new();
	if ((rc = api->xCreateTokenizer(api, "newsread", ah, &tok,
	    ahead_free)) != SQLITE_OK) {
		ahead_free(ah);
		return no_fts5(rc);
	}
	if (ahead != NULL)
		*ahead = ah;
	return 0;
}
