/*
 * store_fts.h: the search index's side of the store, for store.c only:
 * the FTS5 tokenizer "newsread" and the tokens an import makes ahead.
 * Nothing outside the store's files sees SQLite.
 */
#ifndef NEWSREAD_STORE_FTS_H
#define NEWSREAD_STORE_FTS_H

#include <stddef.h>

#include <sqlite3.h>

struct fts_ahead;
struct fts_tokens;

/*
 * Register the tokenizer "newsread" with FTS5 on a connection, and the
 * collation "vietnamese" (names in Vietnamese alphabetical order): needed on
 * every connection before the index is touched. 0, SQLITE_NOMEM when
 * memory ran out, or -1 when FTS5 is missing. When ahead is not NULL it
 * gets the connection's queue of tokens made ahead, which lives (and is
 * freed) with the connection.
 */
int			 fts_register(sqlite3 *, struct fts_ahead **ahead);

/*
 * Tokens made ahead, and the queue that hands them to the tokenizer:
 * the contract is written once, beside the code, in store_fts.c.
 */
struct fts_tokens	*fts_tokens_make(const char *, size_t);
void			 fts_tokens_free(struct fts_tokens *);
void			 fts_expect(struct fts_ahead *, struct fts_tokens *);
void			 fts_expect_clear(struct fts_ahead *);

/*
 * The vocabulary of words with marks (store_fts.c): write the forms
 * noted since the last flush into the table words, in the transaction
 * that indexed them (0, or -1 on an SQLite error); forget what was noted,
 * on rollback.
 */
int			 fts_words_flush(struct fts_ahead *);
void			 fts_words_forget(struct fts_ahead *);

#endif
