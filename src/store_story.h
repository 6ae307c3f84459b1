/*
 * store_story.h: the stories' side of the store, for store.c only: each
 * article's signature (story.h), the band index that finds its candidate
 * versions without a scan, and the story it belongs to, kept as articles
 * come, change and go. Nothing outside the store's files sees SQLite.
 *
 * A story is a connected group of articles, two being linked when their
 * signatures share a band and pass story_same(); its id is the id of its
 * earliest version (by date, then id). An article without a signature
 * (a text too short to tell) has no row and is a story of its own.
 */
#ifndef NEWSREAD_STORE_STORY_H
#define NEWSREAD_STORE_STORY_H

#include <stdint.h>

#include <sqlite3.h>

#include "story.h"

/* The tables (schema 7; store.c's migration runs it), and what schemas
 * 8, 9 and 10 change. */
extern const char stories_schema[];
extern const char stories_schema_8[];
extern const char stories_schema_9[];
extern const char stories_schema_10[];

struct stories;

/* Statements on db, prepared as needed; path names the file in causes. */
struct stories	*stories_new(sqlite3 *db, const char *path);
void		 stories_free(struct stories *);	/* NULL is fine */

/*
 * Add article id with signature sig (NULL: none, nothing to do): it joins
 * the stories it links to, merging them. Inside the caller's
 * transaction; 0, or -1 and *cause.
 */
int	 stories_add(struct stories *, int64_t id, const struct story_sig *,
	    char **cause);

/*
 * Take article id out of its story (before it is changed or removed):
 * the rest of its story is split into the groups still linked, each with
 * its own earliest version. 0, or -1 and *cause.
 */
int	 stories_unlink(struct stories *, int64_t id, char **cause);

/* A transaction begins: what other connections wrote before it is to be
 * read again (store.c calls it after each BEGIN). */
void	 stories_begin(struct stories *);

/* Forget what is kept in memory of the database (the recent band keys),
 * after a rollback: read again when next needed. */
void	 stories_forget(struct stories *);

/* Sign and add every article that has no row (the migration to 6). */
int	 stories_backfill(struct stories *, char **cause);

/*
 * The ids of the versions of article id's story, earliest first (id
 * alone when it has none), into an allocated *ids; their number, or -1
 * and *cause.
 */
int	 stories_members(struct stories *, int64_t id, int64_t **ids,
	    char **cause);

#endif
