/*
 * fold.h: search that understands Vietnamese typed with or without
 * diacritics: the tokens the search index keeps of a text, and queries
 * built from what a person typed. Nothing here knows SQLite: the store's
 * FTS5 tokenizer "newsread" (src/store_fts.c) gives these tokens to FTS5.
 *
 * Every word is indexed folded (case-folded, marks stripped, đ as d)
 * and, when it differs, exact (case-folded, marks kept), with prefixes of
 * both for search as you type. A typed word without marks is looked up
 * folded and so matches any marks; a typed word with marks is looked up
 * exact and matches only those. Case never matters.
 */
#ifndef NEWSREAD_FOLD_H
#define NEWSREAD_FOLD_H

#include <stddef.h>

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
 * A query's tokens: the words of one string of a query fold_query_new()
 * built, in the form it chose for each (folded, exact, or a prefix
 * token), no other.
 */
int		 fold_query_tokens(const char *text, size_t len,
		    fold_token_fn, void *ctx);

/* One typed word, as searched and as highlighted. */
struct fold_term {
	char	*form;		/* folded, or exact when the word had marks */
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
