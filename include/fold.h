/*
 * fold.h: search that understands Vietnamese typed with or without
 * diacritics: the tokens the search index keeps of a text, and queries
 * built from what a person typed. Nothing here knows SQLite: the store's
 * FTS5 tokenizer "newsread" (src/store_fts.c) gives these tokens to FTS5.
 *
 * Every word is indexed folded (case-folded, marks stripped, đ as d)
 * and, when it differs, exact (case-folded, marks kept, the tone of a
 * final oa, oe or uy on its first vowel: hoà is indexed as hòa), with
 * prefixes of both for search as you type. A typed word without marks
 * is looked up folded and so matches any marks; a typed word with marks
 * matches letter by letter: each letter typed with a mark must carry
 * it, a letter typed plain matches any. Case never matters.
 */
#ifndef NEWSREAD_FOLD_H
#define NEWSREAD_FOLD_H

#include <stddef.h>

struct buf;

/*
 * Where the tokens go, one call each: the token's bytes (tok, len), the
 * byte span of its word in the text [start, end), and FOLD_COLOCATED in
 * flags when it is another form of the word of the token before (the
 * same place). Returns 0 to go on; anything else stops the tokenizing
 * and is returned. The shape of FTS5's xToken, so that the tokenizer can
 * hand FTS5's own through.
 */
typedef int	(*fold_token_fn)(void *ctx, int flags, const char *tok,
		    int len, int start, int end);
#define FOLD_COLOCATED	0x0001

/*
 * A document's tokens. A fold_doc keeps what one document gave already
 * (prefix tokens and exact forms come once a document) and is reused
 * from one to the next; prefixes set: schema 4's own prefix tokens.
 */
struct fold_doc;

struct fold_doc	*fold_doc_new(int prefixes);
void		 fold_doc_free(struct fold_doc *);
int		 fold_doc_tokens(struct fold_doc *, const char *text,
		    size_t len, fold_token_fn, void *ctx);

/*
 * The index's vocabulary of words with marks, as the store keeps it:
 * forms() appends to out, each ending in a NUL byte, the exact forms
 * (case-folded, marks kept, one tone placement) of the words whose
 * folded form is folded, or begins with it when prefix is set; 0, or -1
 * when it cannot tell (then a typed word is looked up as typed).
 */
struct fold_vocab {
	int	(*forms)(void *ctx, const char *folded, int prefix,
		    struct buf *out);
	void	*ctx;
};

/*
 * A query's tokens: the words of one string of a query fold_query_new()
 * built. A word without marks is its folded token; a word with marks
 * is every form of the vocabulary (v, may be NULL) it matches letter by
 * letter (fold_word_matches()), colocated, so that FTS5 takes any of
 * them; a short prefix token with marks is the prefix tokens it matches
 * so. prefix: the string is a prefix query (its last word a prefix).
 */
int		 fold_query_tokens(const char *text, size_t len, int prefix,
		    const struct fold_vocab *v, fold_token_fn, void *ctx);

/*
 * Whether the indexed form word (case-folded, marks kept, one tone
 * placement) is what typed (len bytes, as typed) asks for, letter by
 * letter: the same letters, each letter typed with a mark carrying that
 * mark, a letter typed plain matching any marks; both tone placements
 * of oa, oe, uy are one (hoà is hòa). With prefix, word need only begin
 * so. "đien" matches điện, điền, điên; "bà" matches bà, not ba or bá.
 */
int		 fold_word_matches(const char *typed, size_t tlen,
		    const char *word, size_t wlen, int prefix);

/*
 * Compare two names (UTF-8, lengths in bytes) in Vietnamese
 * alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t
 * u ư v x y, case not counted, tones counted only between names that are
 * otherwise the same (in the order none, grave, hook, tilde, acute, dot),
 * then bytes. Returns -1, 0 or 1.
 */
int		 fold_collate(const char *, size_t, const char *, size_t);

/*
 * Whether tok is one of the index's own prefix tokens (not a word).
 */
int		 fold_is_prefix_token(const char *tok);

/*
 * A set of words (byte strings), for the store's vocabulary:
 * fold_words_add() adds one and returns 1 when it was there already.
 */
struct fold_words;

struct fold_words	*fold_words_new(void);
int			 fold_words_add(struct fold_words *, const char *,
			    size_t);
void			 fold_words_free(struct fold_words *);

/* One typed word, as searched and as highlighted. */
struct fold_term {
	char	*form;		/* folded, or exact when the word had marks,
				   with one tone placement */
	char	*typed;		/* exact as typed (case-folded) */
	char	*folded;	/* folded always */
	int	 exact;
	int	 prefix;	/* the last word while typing */
	int	 phrase;	/* index of its phrase (words of one "...") */
};

struct fold_query {
	struct fold_term	*t;
	size_t			 n;
	char			*fts;	/* the FTS5 query; NULL: no words */
	/*
	 * The same with the last word whole rather than a prefix, when that
	 * prefix is longer than the index's prefix tokens (else NULL): such
	 * a prefix is an FTS5 prefix query, and a common word as a prefix
	 * costs a merge of its whole doclist, so the reader shows the
	 * whole-word matches first and the prefix matches a moment later.
	 */
	char			*fts_whole;
	/*
	 * The words as one phrase, folded ("ngoai truong my"), to rank the
	 * articles that hold them next to each other, as typed, above those
	 * that hold them apart; NULL for a single word or a single phrase.
	 * Needs the index's positions (FTS5 detail=full).
	 */
	char			*adjacent;
};

/*
 * Prefixes the index holds as tokens of their own (schema 4): a folded
 * prefix of up to FOLD_PREFIX_MAX letters, and an exact one (with marks)
 * of up to FOLD_EXACT_PREFIX_MAX; longer prefixes are FTS5 prefix
 * queries that merge the doclists of the words they begin.
 */
#define FOLD_PREFIX_MAX		4
#define FOLD_EXACT_PREFIX_MAX	2

/*
 * Build a query from what was typed: words are ANDed; "a quoted phrase"
 * (a quote left open runs to the end) is a phrase; when typing is set and
 * the text does not end in a space, the last word is a prefix. Anything
 * else typed (operators, brackets, stars, colons, punctuation) is only a
 * separator: the FTS5 query is built from the words, each quoted, and is
 * always valid. The caller frees the result with fold_query_free().
 */
struct fold_query	*fold_query_new(const char *typed, int typing);
void			 fold_query_free(struct fold_query *);

/*
 * Find the words of text that a query matches, for highlighting: stores
 * an allocated array of byte offsets, start and end of each match, in
 * *spans and returns the number of matches.
 */
size_t	fold_spans(const struct fold_query *, const char *text,
	    size_t **spans);

#endif
