/*
 * fold.h: search that understands Vietnamese typed with or without
 * diacritics: the FTS5 tokenizer "newsread" and the building of queries
 * from what a person typed.
 *
 * Every word is indexed twice at one position: folded (case-folded, marks
 * stripped, đ as d) and, when it differs, exact (case-folded, marks
 * kept). A typed word without marks is looked up folded and so matches
 * any marks; a typed word with marks is looked up exact and matches only
 * those marks. Case never matters.
 */
#ifndef NEWSREAD_FOLD_H
#define NEWSREAD_FOLD_H

#include <stddef.h>

struct sqlite3;

/*
 * Register the tokenizer "newsread" with FTS5 on a connection: needed on
 * every connection before the index is touched. 0, or -1 when FTS5 is
 * missing.
 */
int	fold_register(struct sqlite3 *);

/* One typed word, as searched and as highlighted. */
struct fold_term {
	char	*form;		/* folded, or exact when the word had marks */
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
	 * word has FOLD_WHOLE_FIRST letters or more (else NULL): longer
	 * prefixes have no prefix index, and a common word as a prefix
	 * costs a merge of its whole doclist, so the reader shows the
	 * whole-word matches first and the prefix matches a moment later.
	 */
	char			*fts_whole;
};

#define FOLD_WHOLE_FIRST	4

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
