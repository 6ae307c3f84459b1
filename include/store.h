/*
 * store.h: the articles database. store.c holds every SQL statement; no
 * other module sees SQLite. Functions that can fail return -1 (or NULL)
 * and set *cause to an allocated message the caller prints and frees.
 */
#ifndef NEWSREAD_STORE_H
#define NEWSREAD_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"

struct store;

/* The schema version this program writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION	10

/*
 * Resolve the database path: opt (from --db) when not NULL, else
 * $NEWSREAD_DB, else $XDG_DATA_HOME/newsread/newsread.db, else
 * ~/.local/share/newsread/newsread.db. Returns an allocated path and sets
 * *is_default when the path came from the XDG default (whose directory
 * store_open() may create).
 */
char	*store_path(const char *opt, int *is_default);
/* A file of the data directory, beside the default database. */
char	*store_data_file(const char *name);
/* mkdir -p of the directory holding path, each new directory 0700. */
int	 store_make_parent(const char *path, char **cause);

/* How store_open() opens a database (flags, or'ed; 0: create, write). */
#define STORE_MKDIR	0x1	/* create its directory too (mode 0700) */
#define STORE_EXISTING	0x2	/* never create it: refuse a missing one */
#define STORE_READ	0x4	/* read-only when it cannot be written */

/*
 * Open (creating when missing, with mode 0600, unless STORE_EXISTING)
 * and migrate the database at path. Never writes to a database that is
 * not newsread's: one with another PRAGMA application_id, or tables
 * that are not newsread's, is refused before anything is written; a
 * database newsread creates gets its application id. With STORE_READ a
 * file or directory that cannot be written is opened read-only
 * (immutable when its directory cannot be written and holds no WAL):
 * then writes fail and store_readonly() says so. Returns NULL and
 * *cause when the file cannot be opened, is missing (STORE_EXISTING),
 * is not a newsread database or is damaged.
 */
struct store	*store_open(const char *path, int flags, char **cause);

/* Whether the database was opened read-only. */
int		 store_readonly(const struct store *);
void		 store_close(struct store *);	/* NULL is fine */

/* The schema version of an open database. */
int		 store_version(struct store *);

/*
 * A connection about to write much (an import): a page cache of 8 MiB
 * rather than SQLite's 2, so that the indexes' pages stay in memory
 * between batches; 64 MiB, as before, kept an import above 64 MB of
 * memory (BENCHMARKS.md). 0, or -1 and *cause.
 */
int		 store_bulk(struct store *, char **cause);

/* Transactions: one per import batch, one per user action. */
int		 store_begin(struct store *, char **cause);
int		 store_commit(struct store *, char **cause);
void		 store_rollback(struct store *);
/* Between the transactions of a long write, a moment for a waiting writer. */
void		 store_pause(struct store *);

enum store_put {
	STORE_INSERTED,
	STORE_UPDATED,		/* the page at that path changed */
	STORE_RECLEANED,	/* unchanged, made again by a newer cleaner */
	STORE_UNCHANGED
};

/*
 * Store the article cleaned from the page at path whose raw bytes hash to
 * hash. A page already stored (same hash, at any path) is left alone
 * unless an older cleaner made its article (CLEAN_VERSION), which is then
 * made again; a changed page at a known path updates its article in
 * place. Both keep the article's id, its bookmark and its read mark. Inside a transaction, new articles are
 * indexed for search at its commit; outside one, a put is a transaction
 * of its own. Returns an enum store_put, or -1 and *cause.
 */
int		 store_put(struct store *, const char *path, const char *hash,
		    const struct article *, char **cause);

/*
 * The same with the work that needs no database done ahead, in any
 * thread (after text_init()): the body joined and, when tokens is set,
 * the index's tokens made (fold.h). store_put_prepared() uses and
 * empties prep, which the caller still frees with store_prep_free().
 */
struct store_prep;

struct store_prep	*store_prepare(const struct article *, int tokens);
void			 store_prep_free(struct store_prep *);
int			 store_put_prepared(struct store *, const char *path,
			    const char *hash, const struct article *,
			    struct store_prep *, char **cause);

/* What the list shows of one article; store_rows_free() releases them. */
struct store_row {
	int64_t	 id;
	char	*date;		/* "YYYY-MM-DD", "--MM-DD" or "" */
	char	*source;	/* "" when unknown */
	char	*title;
	int	 bookmarked;
	int	 unread;
	enum article_dated dated;	/* where the date comes from */
	char	*snippet;	/* search results only, else NULL */
	int	 versions;	/* stories: the story's other versions */
	int	 outlets;	/* stories: the sources of all its versions */
};

struct store_rows {
	struct store_row	*v;
	size_t			 n;
};
void		 store_rows_free(struct store_rows *);
/* Free the strings of one row and zero it (NULL fields are fine). */
void		 store_row_clear(struct store_row *);

enum store_order {
	STORE_BY_SOURCE,	/* sources A-Z, each newest first */
	STORE_BY_DATE		/* newest first across sources */
};

/* Which articles a list shows. */
struct store_view {
	enum store_order	 order;
	const char		*source;	/* NULL: every source */
	int			 bookmarks;	/* only bookmarked ones */
	int			 stories;	/* one row a story (its earliest
						   version), with its counts */
};

/*
 * Read at most limit rows of the view that follow (or, when backward is
 * set, precede) the row after, in the view's order; after NULL starts at
 * the first (or, backward, the last) row. Backward rows come back in the
 * view's order too. Appends to *out; -1 and *cause on failure.
 */
int		 store_page(struct store *, const struct store_view *,
		    const struct store_row *after, int backward, size_t limit,
		    struct store_rows *out, char **cause);

/* Number of rows in the view, or -1 and *cause. */
int64_t		 store_count(struct store *, const struct store_view *,
		    char **cause);

/*
 * Load one article; NULL with *cause NULL when there is no such id, NULL
 * with *cause set on failure. *path, *bookmarked and *unread are filled
 * when not NULL (the path is allocated).
 */
struct article	*store_get(struct store *, int64_t id, char **path,
		    int *bookmarked, int *unread, char **cause);

/* A source and its counts. */
struct store_source {
	char	*name;		/* "" for articles with no known source */
	int64_t	 articles;
	int64_t	 unread;
};

struct store_sources {
	struct store_source	*v;
	size_t			 n;
};

/*
 * All sources in Vietnamese alphabetical order (a ă â b c d đ ...,
 * tones after the letter); -1 and *cause on failure.
 */
int		 store_sources(struct store *, struct store_sources *,
		    char **cause);
void		 store_sources_free(struct store_sources *);

/*
 * The stored name of the source name names, case not counted (Unicode
 * case folding: "báo" names "Báo X"'s "BÁO X" too), or name itself when
 * no source has it. The caller frees it; NULL and *cause on failure.
 */
char		*store_source_find(struct store *, const char *name,
		    char **cause);

/* Counts over the whole database (bookmarks counted too). */
int		 store_totals(struct store *, int64_t *articles,
		    int64_t *unread, int64_t *bookmarks, char **cause);

/*
 * Bookmarks and read marks, each committed in its own transaction before
 * the call returns. store_bookmark_toggle() returns the new state (0 or
 * 1) or -1 and *cause (on a read-only database too). store_mark_read()
 * on a read-only database does nothing and returns 0.
 */
int		 store_bookmark_toggle(struct store *, int64_t id,
		    char **cause);
int		 store_mark_read(struct store *, int64_t id, char **cause);
int		 store_mark_unread(struct store *, int64_t id, char **cause);
/*
 * Mark every unread article of the view read, within the search results
 * of the FTS query fts (NULL: no search); returns how many, or -1 and
 * *cause.
 */
int64_t		 store_mark_view_read(struct store *, const struct store_view *,
		    const char *fts, char **cause);

/*
 * A number that changes whenever another connection (an import) commits;
 * cheap enough to ask every few hundred milliseconds. -1 on failure.
 */
int64_t		 store_data_version(struct store *);

/* The order of search results. */
enum store_sort {
	/* best first: the words next to each other as typed (adjacent),
	 * then bm25 (title matches weigh most), then the newest */
	STORE_SORT_RANK,
	STORE_SORT_DATE,	/* newest first by the articles' dates */
	STORE_SORT_RECENT	/* last imported first: fast at any size */
};

/* A full-text search: fts is a query from fold_query_new(). */
struct store_search {
	const char	*fts;
	const char	*adjacent;	/* fold_query's, for STORE_SORT_RANK */
	const char	*source;	/* NULL: every source */
	int		 bookmarks;	/* only bookmarked articles */
	enum store_sort	 sort;
	int		 snippets;	/* fill store_row.snippet */
	const char	*mark_open;	/* around matches in snippets */
	const char	*mark_close;
	int		 stories;	/* one row a story: its earliest
					   version, when that matches */
};

/* What store_search() and store_search_count() return when cut short. */
#define STORE_INTERRUPTED	(-2)

/*
 * Read rows [offset, offset + limit) of a search's results in the order
 * asked for. STORE_SORT_RECENT reads only the rows it returns, so its
 * first page is fast however many articles match. Appends to *out;
 * -1 and *cause on failure, STORE_INTERRUPTED when the progress check
 * asked to stop.
 */
int		 store_search(struct store *, const struct store_search *,
		    size_t offset, size_t limit, struct store_rows *out,
		    char **cause);

/* Number of results, -1 and *cause, or STORE_INTERRUPTED. */
int64_t		 store_search_count(struct store *,
		    const struct store_search *, char **cause);

/*
 * While a query runs, call fn(arg) now and then; when it returns non-zero
 * the query stops (a key typed while searching). NULL removes it.
 */
void		 store_set_progress(struct store *, int (*fn)(void *),
		    void *arg);

/*
 * Stories (story.h, store_story.c): an article's versions, the story's
 * earliest first (the article alone when it has none), appended to *out
 * as the list shows them. 0, or -1 and *cause.
 */
int		 store_story_versions(struct store *, int64_t id,
		    struct store_rows *out, char **cause);

/*
 * Coverage of article id: other articles on its event, written apart
 * (not its versions): they share STORY_COVER of its keywords, a name
 * among them, and are dated within STORY_DAYS of it (story.h). Appended
 * to *out; 0, or -1 and *cause. An article without a full date has none.
 */
int		 store_coverage(struct store *, int64_t id,
		    struct store_rows *out, char **cause);

/* Mark every version of article id's story read: 0, or -1 and *cause. */
int		 store_story_mark_read(struct store *, int64_t id,
		    char **cause);

/*
 * Run PRAGMA integrity_check and, unless read-only, FTS5's integrity-check
 * of the index against the articles: 0 when both pass, else -1 and *cause.
 */
int		 store_check(struct store *, char **cause);

/* What store_remove() found and did. */
struct store_removal {
	int64_t		*ids;		/* the articles found */
	size_t		 n;
	size_t		 bookmarked;	/* of them */
	size_t		 missing;	/* ids with no article */
	int64_t		 first_missing;
	size_t		 removed;	/* n, or 0 when nothing was removed */
};

/*
 * Remove articles, their bookmarks and their index entries, in one
 * transaction (the sources' counts follow): those with the n ids, or,
 * when ids is NULL, those whose stored path matches the GLOB pattern
 * glob. Nothing is removed when an id has no article, or when one is
 * bookmarked and force is not set: out says which. Returns 0 (out filled;
 * free it with store_removal_free) or -1 and *cause, nothing removed.
 */
int		 store_remove(struct store *, const int64_t *ids, size_t n,
		    const char *glob, int force, struct store_removal *out,
		    char **cause);
void		 store_removal_free(struct store_removal *);

/*
 * Write a consistent copy of the database to dest (VACUUM INTO: one read
 * transaction, so an import going on meanwhile is in it or not, whole),
 * under a temporary name synced and then renamed. An existing dest is
 * replaced only with force. 0, or -1 and *cause (dest untouched).
 */
int		 store_backup(struct store *, const char *dest, int force,
		    char **cause);

#endif
