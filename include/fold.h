/*
 * fold.h: search that understands Vietnamese typed with or without
 * diacritics: the FTS5 tokenizer "newsread" and the building of queries
 * from what a person typed.
 *
 Every word is indexed folded (case-folded, marks stripped, đ as d)
 * and, when it differs, exact (case-folded, marks kept), with prefixes of
 * both for search as you type. A typed word without marks is looked up
 * folded and so matches any marks; a typed word with marks is looked up
 * exact and matches only those marks. Case never matters.
 */
#ifndef NEWSREAD_FOLD_H
#define NEWSREAD_FOLD_H

#include <stddef.h>

struct sqlite3;

struct fold_ahead;

/*
 * Register the tokenizer "newsread" with FTS5 on a connection: needed on
 * every connection before the index is touched. 0, or -1 when FTS5 is
 * missing. When ahead is not NULL it gets the connection's queue of
 * tokens made ahead (fold_expect), which lives as long as the connection.
 */
int	fold_register(struct sqlite3 *, struct fold_ahead **ahead);

/*
 * Tokens made ahead: an import tokenizes an article's text in the thread
 * that cleans it, and the tokenizer, asked for the same text at the
 * insert, gives them instead of tokenizing again. fold_tokens_make() is
 * safe in any thread (after text_init()); NULL for an empty text.
 * fold_expect() queues them, in the order the tokenizer will be asked,
 * and takes them over; a text that is not the next one queued is
 * tokenized as usual. fold_expect_clear() empties the queue (at the end
 * of a transaction).
 */
struct fold_tokens;

struct fold_tokens	*fold_tokens_make(const char *, size_t);
void			 fold_tokens_free(struct fold_tokens *);
void			 fold_expect(struct fold_ahead *, struct fold_tokens *);
void			 fold_expect_clear(struct fold_ahead *);

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
