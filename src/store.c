/*
 * store.c: every SQL statement of newsread. Schema, migrations,
 * transactions, articles, sources, bookmarks and the full-text index.
 * Statements are static strings with bound parameters: no SQL is ever
 * built from page text or user input.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "clean.h"
#include "store.h"
#include "store_fts.h"
#include "store_story.h"
#include "story.h"
#include "fold.h"
#include "text.h"
#include "util.h"

enum stmt_id {
	S_BEGIN, S_COMMIT, S_ROLLBACK,
	S_BY_PATH, S_BY_HASH, S_INSERT, S_UPDATE,
	S_GET, S_SOURCES, S_COUNT_ALL, S_COUNT_BM,
	S_TOTALS, S_BM_GET, S_BM_ADD, S_BM_DEL, S_READ, S_UNREAD, S_READ_VIEW,
	S_DATA_VERSION,
	S_SEARCH_RANK, S_SEARCH_ADJ, S_SEARCH_DATE, S_SEARCH_RECENT, S_SEARCH_COUNT,
	S_SEARCH_COUNT_ALL, S_SEARCH_COUNT_IDX, S_FTS_ADD,
	S_ROW, S_STORY_READ, S_COVER, S_COUNT_STORIES,
	S_COUNT_STORIES_SRC,
	S_COUNT
};

/* Search results: ?1 the FTS query, ?2 a source or NULL, ?5 snippets. */
/*
 * What the list shows as an article's title: its headline, or for a page
 * without one the opening of its text.
 */
#define TITLE_SQL "CASE WHEN a.title <> '' THEN a.title ELSE" \
	" substr(coalesce(nullif(a.lead, ''), a.body), 1, 100) END"

/*
 * An article that is not a later version of its story: one lookup in the
 * partial index of later versions (schema 8), a fifth of story_sigs' rows
 * and none of their signatures. id is the article's id in the query.
 */
#define STORY_HEAD_OF(id) \
	" NOT EXISTS (SELECT 1 FROM story_sigs v INDEXED BY story_sigs_version" \
	" WHERE v.article_id = " id " AND v.story <> v.article_id)"

/*
 * Search by stories: a match shows when it is its story's earliest
 * version (one lookup a row; asking the index whether the earliest
 * version matches too cost seconds a keystroke at 100,000 articles).
 */
#define SEARCH_STORY_SQL STORY_HEAD_OF("f.rowid")

#define SEARCH_SQL "SELECT a.id, a.date, a.source, " TITLE_SQL "," \
	" b.article_id IS NOT NULL, a.read = 0, a.dated," \
	" CASE WHEN ?5 THEN snippet(articles_fts, -1, ?6, ?7," \
	" '\xe2\x80\xa6', 12) END," \
	" CASE WHEN ?10 THEN (SELECT count(*) - 1 FROM story_sigs v" \
	" WHERE v.story = a.id) ELSE 0 END," \
	" CASE WHEN ?10 THEN max(1, (SELECT count(DISTINCT x.source)" \
	" FROM story_sigs v JOIN articles x ON x.id = v.article_id" \
	" WHERE v.story = a.id)) ELSE 0 END" \
	" FROM articles_fts f JOIN articles a ON a.id = f.rowid" \
	" LEFT JOIN bookmarks b ON b.article_id = a.id" \
	" WHERE articles_fts MATCH ?1 AND (?2 IS NULL OR a.source = ?2)" \
	" AND (?8 = 0 OR b.article_id IS NOT NULL)" \
	" AND (?10 = 0 OR " SEARCH_STORY_SQL ")"

/*
 * Stories in the list: a story's other versions and its outlets (columns
 * 7 and 8 of a row), and the condition that keeps its earliest version
 * alone. An article without a row in story_sigs is a story of its own.
 */
#define STORY_COUNTS_SQL \
	", (SELECT count(*) - 1 FROM story_sigs v WHERE v.story = a.id)," \
	" max(1, (SELECT count(DISTINCT x.source) FROM story_sigs v" \
	" JOIN articles x ON x.id = v.article_id WHERE v.story = a.id))"
#define STORY_HEAD_SQL STORY_HEAD_OF("a.id")

static const char *stmt_sql[S_COUNT] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_BY_PATH] = "SELECT id, hash, cleaner FROM articles WHERE path = ?1",
	[S_BY_HASH] = "SELECT id, cleaner FROM articles WHERE hash = ?1"
	    " ORDER BY id LIMIT 1",
	/* the articles from ?1 on into the index (store_commit) */
	[S_FTS_ADD] = "INSERT INTO articles_fts(rowid, title, lead, body)"
	    " SELECT id, title, lead, body FROM articles WHERE id >= ?1",
	[S_INSERT] = "INSERT INTO articles(path, hash, title, source, author,"
	    " date, url, lead, body, captions, imported, dated, cleaner)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	[S_UPDATE] = "UPDATE articles SET hash = ?2, title = ?3, source = ?4,"
	    " author = ?5, date = ?6, url = ?7, lead = ?8, body = ?9,"
	    " captions = ?10, imported = ?11, dated = ?12, cleaner = ?13"
	    " WHERE id = ?1",
	[S_GET] = "SELECT a.title, a.source, a.author, a.date, a.url, a.lead,"
	    " a.body, a.captions, a.path, b.article_id IS NOT NULL, a.read = 0,"
	    " a.dated"
	    " FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id"
	    " WHERE a.id = ?1",
	[S_SOURCES] = "SELECT name, articles, unread FROM sources"
	    " WHERE articles > 0 ORDER BY name COLLATE vietnamese",
	[S_COUNT_ALL] = "SELECT coalesce(sum(articles), 0) FROM sources"
	    " WHERE ?1 IS NULL OR name = ?1",
	[S_COUNT_BM] = "SELECT count(*) FROM bookmarks b"
	    " JOIN articles a ON a.id = b.article_id"
	    " WHERE ?1 IS NULL OR a.source = ?1",
	[S_TOTALS] = "SELECT coalesce(sum(articles), 0),"
	    " coalesce(sum(unread), 0), (SELECT count(*) FROM bookmarks)"
	    " FROM sources",
	[S_BM_GET] = "SELECT 1 FROM bookmarks WHERE article_id = ?1",
	[S_BM_ADD] = "INSERT INTO bookmarks(article_id, created)"
	    " SELECT id, ?2 FROM articles WHERE id = ?1",
	[S_BM_DEL] = "DELETE FROM bookmarks WHERE article_id = ?1",
	[S_READ] = "UPDATE articles SET read = 1 WHERE id = ?1 AND read = 0",
	[S_UNREAD] = "UPDATE articles SET read = 0 WHERE id = ?1 AND read = 1",
	/* every unread article of a view: source ?1, bookmarks ?2, search ?3 */
	[S_READ_VIEW] = "UPDATE articles SET read = 1 WHERE read = 0"
	    " AND (?1 IS NULL OR source = ?1)"
	    " AND (?2 = 0 OR id IN (SELECT article_id FROM bookmarks))"
	    " AND (?3 IS NULL OR id IN (SELECT rowid FROM articles_fts"
	    " WHERE articles_fts MATCH ?3))",
	/* changes when another connection commits (not for our own) */
	[S_DATA_VERSION] = "PRAGMA data_version",
	[S_SEARCH_RANK] = SEARCH_SQL " ORDER BY f.rank, a.date DESC"
	    " LIMIT ?3 OFFSET ?4",
	/* the articles with the words next to each other (?9) first */
	[S_SEARCH_ADJ] = SEARCH_SQL " ORDER BY f.rowid IN (SELECT rowid"
	    " FROM articles_fts WHERE articles_fts MATCH ?9) DESC, f.rank,"
	    " a.date DESC LIMIT ?3 OFFSET ?4",
	[S_SEARCH_DATE] = SEARCH_SQL
	    " ORDER BY a.date DESC, a.id DESC LIMIT ?3 OFFSET ?4",
	[S_SEARCH_RECENT] = SEARCH_SQL
	    " ORDER BY f.rowid DESC LIMIT ?3 OFFSET ?4",
	/* one row as the list shows it (a story's versions) */
	[S_ROW] = "SELECT a.id, a.date, a.source, " TITLE_SQL ","
	    " b.article_id IS NOT NULL, a.read = 0, a.dated"
	    " FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id"
	    " WHERE a.id = ?1",
	/* stories: the articles less the versions that are not their
	 * story's earliest (read from their index alone: the planner
	 * would rather scan story_sigs_story, five times the rows) */
	[S_COUNT_STORIES] = "SELECT (SELECT coalesce(sum(articles), 0)"
	    " FROM sources) - (SELECT count(*) FROM story_sigs"
	    " INDEXED BY story_sigs_version WHERE story <> article_id)",
	/* stories of one source, or bookmarked: the rows counted */
	[S_COUNT_STORIES_SRC] = "SELECT count(*) FROM articles a"
	    " LEFT JOIN bookmarks b ON b.article_id = a.id"
	    " WHERE (?1 IS NULL OR a.source = ?1)"
	    " AND (?2 = 0 OR b.article_id IS NOT NULL) AND" STORY_HEAD_SQL,
	/* coverage's candidates: articles naming some of ?1's keywords,
	 * dated within [?2, ?3] */
	[S_COVER] = "SELECT a.id FROM articles_fts f"
	    " JOIN articles a ON a.id = f.rowid"
	    " WHERE articles_fts MATCH ?1 AND a.date BETWEEN ?2 AND ?3"
	    " AND a.id <> ?4 LIMIT 200",
	/* every version of the story of article ?1 read */
	[S_STORY_READ] = "UPDATE articles SET read = 1 WHERE read = 0 AND id IN"
	    " (SELECT s.article_id FROM story_sigs s WHERE s.story ="
	    " (SELECT story FROM story_sigs WHERE article_id = ?1)"
	    " UNION SELECT ?1)",
	/* without a source no article's row is read: the index alone, or
	 * for bookmarks or stories with an index lookup a match */
	[S_SEARCH_COUNT_ALL] = "SELECT count(*) FROM articles_fts"
	    " WHERE articles_fts MATCH ?1",
	[S_SEARCH_COUNT_IDX] = "SELECT count(*) FROM articles_fts f"
	    " WHERE articles_fts MATCH ?1"
	    " AND (?3 = 0 OR EXISTS (SELECT 1 FROM bookmarks b"
	    " WHERE b.article_id = f.rowid))"
	    " AND (?9 = 0 OR" SEARCH_STORY_SQL ")",
	[S_SEARCH_COUNT] = "SELECT count(*) FROM articles_fts f"
	    " JOIN articles a ON a.id = f.rowid"
	    " LEFT JOIN bookmarks b ON b.article_id = a.id"
	    " WHERE articles_fts MATCH ?1 AND (?2 IS NULL OR a.source = ?2)"
	    " AND (?3 = 0 OR b.article_id IS NOT NULL)"
	    " AND (?9 = 0 OR " SEARCH_STORY_SQL ")",
};

/*
 * The list queries, put together from these fixed fragments (never from
 * data): columns and join, a condition, an order, a limit.
 */
enum page_cond {
	C_NONE,		/* every row */
	C_SRC,		/* rows of source ?4 */
	C_SRC_KEY,	/* rows of source ?4 past (date ?2, id ?3) */
	C_KEY,		/* rows past (date ?2, id ?3) */
	C_LAST
};
#define PAGE_STMTS	(C_LAST * 2 * 2 * 2)

struct store {
	sqlite3		*db;
	char		*path;
	sqlite3_stmt	*stmt[S_COUNT];
	sqlite3_stmt	*page[PAGE_STMTS];
	int		 readonly;	/* opened read-only (store_open) */
	int64_t		 fts_from;	/* first article the index lacks */
	int		 fts_waiting;	/* articles from fts_from on */
	struct fts_ahead *ahead;	/* tokens made ahead (store_fts.c) */
	struct stories	*stories;	/* versions (store_story.c) */
	struct timespec	 busy_since;	/* first wait for the lock (busy_wait) */
	struct timespec	 begun;		/* the last store_begin() */
};

/* An article's columns for the index (title, lead, body), joined. */
#define PREP_COLUMNS	3

struct store_prep {
	char			*body;		/* paragraphs joined */
	char			*captions;
	struct fts_tokens	*tok[PREP_COLUMNS];
	struct story_sig	 sig;
	int			 has_sig;	/* a text long enough to sign */
};

/* Schema migrations: migration[v] takes a database from version v to v+1. */
static const char *migration[] = {
	/* 0 -> 1 */
	"CREATE TABLE articles("
	"  id INTEGER PRIMARY KEY,"
	"  path TEXT NOT NULL UNIQUE,"
	"  hash TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  source TEXT NOT NULL DEFAULT '' COLLATE NOCASE,"
	"  author TEXT,"
	"  date TEXT NOT NULL DEFAULT '',"
	"  url TEXT,"
	"  lead TEXT,"
	"  body TEXT NOT NULL DEFAULT '',"
	"  captions TEXT NOT NULL DEFAULT '',"
	"  imported INTEGER NOT NULL,"
	"  read INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX articles_hash ON articles(hash);"
	"CREATE INDEX articles_date ON articles(date DESC, id DESC);"
	"CREATE INDEX articles_source ON articles(source, date DESC, id DESC);"
	"CREATE TABLE sources("
	"  name TEXT PRIMARY KEY COLLATE NOCASE,"
	"  articles INTEGER NOT NULL DEFAULT 0,"
	"  unread INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	"CREATE TABLE bookmarks("
	"  article_id INTEGER PRIMARY KEY"
	"    REFERENCES articles(id) ON DELETE CASCADE,"
	"  created INTEGER NOT NULL);"
	"CREATE TRIGGER articles_sources_ai AFTER INSERT ON articles BEGIN"
	"  INSERT INTO sources(name, articles, unread)"
	"    VALUES (new.source, 1, new.read = 0)"
	"    ON CONFLICT(name) DO UPDATE SET articles = articles + 1,"
	"    unread = unread + (new.read = 0);"
	"END;"
	"CREATE TRIGGER articles_sources_ad AFTER DELETE ON articles BEGIN"
	"  UPDATE sources SET articles = articles - 1,"
	"    unread = unread - (old.read = 0) WHERE name = old.source;"
	"END;"
	"CREATE TRIGGER articles_sources_au AFTER UPDATE OF source, read"
	"  ON articles BEGIN"
	"  UPDATE sources SET articles = articles - 1,"
	"    unread = unread - (old.read = 0) WHERE name = old.source;"
	"  INSERT INTO sources(name, articles, unread)"
	"    VALUES (new.source, 1, new.read = 0)"
	"    ON CONFLICT(name) DO UPDATE SET articles = articles + 1,"
	"    unread = unread + (new.read = 0);"
	"END;"
	"@FTS1@",
	/* 1 -> 2: the index gets the tokenizer that folds Vietnamese */
	"DROP TRIGGER IF EXISTS articles_fts_ai;"
	"DROP TRIGGER IF EXISTS articles_fts_ad;"
	"DROP TRIGGER IF EXISTS articles_fts_au;"
	"DROP TABLE IF EXISTS articles_fts;"
	"@FTS2@"
	"INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');",
	/* 2 -> 3: merge the index's segments 8 at a time, not 4: import
	 * 17% faster for the same size (see BENCHMARKS.md) */
	"INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);",
	/* 3 -> 4: the tokenizer gives prefixes as tokens, once a column,
	 * in place of FTS5's prefix indexes: the index half the size. New
	 * articles are indexed at commit, a transaction's in one statement
	 * (store_commit), no longer by a trigger: a trigger made every
	 * insert a savepoint, and FTS5 writes its pending terms to disk at
	 * every savepoint. See BENCHMARKS.md. */
	"DROP TRIGGER IF EXISTS articles_fts_ai;"
	"DROP TABLE articles_fts;"
	"@FTS4@"
	"INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');",
	/* 4 -> 5: where each date comes from ('page': the page's own,
	 * 'text': read from the lead), and the version of the cleaner that
	 * made each article (0: before this was kept), so that importing
	 * an unchanged page again re-cleans it with a newer cleaner */
	("ALTER TABLE articles ADD COLUMN dated TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE articles ADD COLUMN cleaner INTEGER NOT NULL DEFAULT 0;"),
	/* 5 -> 6: words are indexed with one tone placement (hoà as hòa,
	 * fold.c), so the index is built again; and the vocabulary of words
	 * with marks (store_fts.c), which a half-marked word typed (đien) is
	 * looked up in, is filled as it is. */
	"CREATE TABLE words("
	"  folded TEXT NOT NULL,"
	"  marked TEXT NOT NULL,"
	"  PRIMARY KEY(folded, marked)) WITHOUT ROWID;"
	"INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');",
	/* 6 -> 7: stories: each article's signature and story, and the
	 * band index (store_story.c); migrate_after() signs the articles
	 * already there */
	stories_schema,
	/* 7 -> 8: the index of versions that are not their story's
	 * earliest (store_story.c), which the list reads */
	stories_schema_8,
	/* 8 -> 9: new articles' band keys wait in a small table of their
	 * own and join the band index in sorted runs (store_story.c) */
	stories_schema_9,
	/* 9 -> 10: the recent band keys in memory, not in a table of their
	 * own (store_story.c) */
	stories_schema_10,
};

/* The first schema with the table words. */
#define WORDS_SCHEMA	6

/*
 * The full-text index over title, lead and body: an external-content
 * FTS5 table with the tokenizer "newsread" (store_fts.c). Up to schema 3
 * three triggers kept it in step with the articles. Since schema 4 new
 * articles are indexed by one statement for many (fts_add: every
 * FTS_STEP inserts and at commit); the triggers on delete and update,
 * made by the migrations before, still keep it in step when an article
 * is removed or changed.
 * fts_sql() gives the SQL that creates the index of a schema version.
 */
static const char fts_triggers[] =
	"CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
	"  INSERT INTO articles_fts(rowid, title, lead, body)"
	"    VALUES (new.id, new.title, new.lead, new.body);"
	"END;"
	"CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, lead, body)"
	"    VALUES ('delete', old.id, old.title, old.lead, old.body);"
	"END;"
	"CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, lead, body"
	"  ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, lead, body)"
	"    VALUES ('delete', old.id, old.title, old.lead, old.body);"
	"  INSERT INTO articles_fts(rowid, title, lead, body)"
	"    VALUES (new.id, new.title, new.lead, new.body);"
	"END;";

static char *
fts_sql(int version)
{
	struct buf	b = { 0 };

	if (version == 1)
		buf_adds(&b, "CREATE VIRTUAL TABLE articles_fts USING"
		    " fts5(title, lead, body, content='articles',"
		    " content_rowid='id',"
		    " tokenize='unicode61 remove_diacritics 2');");
	else if (version < 4)
		/* words folded and exact (src/fold.c); prefixes of 1 to 3
		 * letters indexed for search as you type */
		buf_adds(&b, "CREATE VIRTUAL TABLE articles_fts USING"
		    " fts5(title, lead, body, content='articles',"
		    " content_rowid='id', tokenize='newsread',"
		    " prefix='1 2 3');");
	else
		/* the same words; prefixes are the tokenizer's own */
		buf_adds(&b, "CREATE VIRTUAL TABLE articles_fts USING"
		    " fts5(title, lead, body, content='articles',"
		    " content_rowid='id', tokenize='newsread prefixes');"
		    "INSERT INTO articles_fts(articles_fts, rank)"
		    " VALUES ('automerge', 8);");
	if (version > 1)
		/* title matches weigh most */
		buf_adds(&b, "INSERT INTO articles_fts(articles_fts, rank)"
		    " VALUES ('rank', 'bm25(10.0, 3.0, 1.0)');");
	if (version < 4)
		/* schema 4 drops the one on insert (3 -> 4) and keeps the
		 * others */
		buf_adds(&b, fts_triggers);
	return buf_take(&b);
}

static char *
db_cause(struct store *st, const char *what)
{
	return xasprintf("%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
}

/* One integer a query gives, in *v: 0, or -1 (SQLite's error on st->db). */
static int
query_int(struct store *st, const char *sql, int64_t *v)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

/*
 * Why the open database cannot be read, from SQLite's last error: the
 * file is not a database (or a damaged one), or SQLite failed for a
 * reason that says nothing of the file (out of memory, an I/O error, a
 * lock), which must not send the user to move it away.
 */
static char *
unreadable_cause(struct store *st)
{
	int	rc = sqlite3_extended_errcode(st->db) & 0xff;

	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		return xasprintf("'%s' is not a newsread database (%s); "
		    "move it away, or name another file with --db",
		    st->path, sqlite3_errmsg(st->db));
	return xasprintf("cannot read database '%s': %s", st->path,
	    sqlite3_errmsg(st->db));
}

static sqlite3_stmt *
get_stmt(struct store *st, enum stmt_id id, char **cause)
{
	sqlite3_stmt	*s = st->stmt[id];

	if (s != NULL) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	if (sqlite3_prepare_v3(st->db, stmt_sql[id], -1,
	    SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		*cause = db_cause(st, "cannot prepare statement");
		return NULL;
	}
	st->stmt[id] = s;
	return s;
}

/* Run a statement with no result rows; 0 or -1 and *cause. */
static int
run(struct store *st, sqlite3_stmt *s, const char *what, char **cause)
{
	int	rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		*cause = db_cause(st, what);
		return -1;
	}
	return 0;
}

char *
store_path(const char *opt, int *is_default)
{
	const char	*env;

	*is_default = 0;
	if (opt != NULL)
		return xstrdup(opt);
	if ((env = getenv("NEWSREAD_DB")) != NULL && *env != '\0')
		return xstrdup(env);
	*is_default = 1;
	return store_data_file("newsread.db");
}

char *
store_data_file(const char *name)
{
	const char	*env, *home;

	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/')
		return xasprintf("%s/newsread/%s", env, name);
	if ((home = getenv("HOME")) == NULL || *home == '\0')
		home = ".";
	return xasprintf("%s/.local/share/newsread/%s", home, name);
}

int
store_make_parent(const char *path, char **cause)
{
	char	*dir = xstrdup(path), *p;

	if ((p = strrchr(dir, '/')) == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		{
			char	c = *p;

			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				*cause = xasprintf("cannot create directory "
				    "'%s': %s", dir, strerror(errno));
				free(dir);
				return -1;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(dir);
	return 0;
}

/*
 * Whether a database file is shorter than its header says: a truncated
 * copy. The size in the header (offset 28) counts only while the change
 * counter (24) equals the version-valid-for number (92).
 */
static int
truncated(const char *path, char **cause)
{
	unsigned char	h[100];
	struct stat	sb;
	FILE		*fp;
	uint32_t	pages, pgsz;
	size_t		n;

	/* a write-ahead log holds pages the file has yet to receive */
	{
		char		*wal = xasprintf("%s-wal", path);
		struct stat	 wsb;
		int		 has = stat(wal, &wsb) == 0 && wsb.st_size > 0;

		free(wal);
		if (has)
			return 0;
	}
	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(h, 1, sizeof h, fp);
	fclose(fp);
	if (n < sizeof h || memcmp(h, "SQLite format 3", 16) != 0 ||
	    stat(path, &sb) != 0)
		return 0;
	if (memcmp(h + 24, h + 92, 4) != 0)
		return 0;
	pgsz = (uint32_t)h[16] << 8 | h[17];
	if (pgsz == 1)
		pgsz = 65536;
	pages = (uint32_t)h[28] << 24 | (uint32_t)h[29] << 16 |
	    (uint32_t)h[30] << 8 | h[31];
	if ((uint64_t)sb.st_size >= (uint64_t)pages * pgsz)
		return 0;
	*cause = xasprintf("'%s' is damaged: it is cut short (%lld of %llu "
	    "bytes); restore it from a copy, or move it away and import "
	    "again", path, (long long)sb.st_size,
	    (unsigned long long)pages * pgsz);
	return 1;
}

/* The directory holding path (allocated). */
static char *
dir_of(const char *path)
{
	char	*dir = xstrdup(path), *slash;

	if ((slash = strrchr(dir, '/')) != NULL)
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	return dir;
}

/* Whether the file and its directory (for the WAL) can be written. */
static int
writable(const char *path, char **cause)
{
	char	*dir = dir_of(path);
	int	 ok = 1;

	if (access(path, W_OK) != 0) {
		*cause = xasprintf("cannot write to database '%s': the file is "
		    "read-only (make it writable, or copy it elsewhere and "
		    "use --db)", path);
		ok = 0;
	} else if (access(dir, W_OK) != 0) {
		*cause = xasprintf("cannot write to database '%s': its "
		    "directory '%s' is read-only (newsread keeps its journal "
		    "beside the file)", path, dir);
		ok = 0;
	}
	free(dir);
	return ok;
}

/* Create the file with mode 0600 when it does not exist. */
static int
make_file(const char *path, char **cause)
{
	struct stat	sb;
	int		fd;

	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			*cause = xasprintf("'%s' is a directory, not a "
			    "database file", path);
			return -1;
		}
		return 0;
	}
	if (errno != ENOENT) {
		*cause = xasprintf("cannot open '%s': %s", path,
		    strerror(errno));
		return -1;
	}
	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1 && (errno == EACCES || errno == EROFS)) {
		char	*dir = dir_of(path);

		*cause = xasprintf("cannot create database '%s': its directory "
		    "'%s' is %s", path, dir, errno == EROFS ? "on read-only "
		    "media" : "not writable");
		free(dir);
		return -1;
	}
	if (fd == -1 && errno != EEXIST) {
		*cause = xasprintf("cannot create '%s': %s", path,
		    strerror(errno));
		return -1;
	}
	if (fd != -1)
		close(fd);
	return 0;
}

static int
exec_sql(struct store *st, const char *sql, char **cause)
{
	char	*err = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		*cause = xasprintf("%s: %s", st->path,
		    err != NULL ? err : sqlite3_errmsg(st->db));
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

int
store_version(struct store *st)
{
	sqlite3_stmt	*s;
	int		 v = -1;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* What a migration does beyond its SQL, in its transaction. */
static int
migrate_after(struct store *st, int from, char **cause)
{
	if (from == 6)
		return stories_backfill(st->stories, cause);
	return 0;
}

/* Write the words with marks the index was given (store_fts.c). */
static int
words_flush(struct store *st, char **cause)
{
	if (fts_words_flush(st->ahead) != 0) {
		*cause = db_cause(st, "cannot write the vocabulary");
		fts_words_forget(st->ahead);
		return -1;
	}
	return 0;
}

/* Apply one migration in its own transaction. */
static int
migrate_one(struct store *st, int from, char **cause)
{
	const char	*m = migration[from];
	char		*sql, *at;
	int		 rc;

	if (exec_sql(st, "BEGIN IMMEDIATE", cause) != 0)
		return -1;
	stories_begin(st->stories);
	/* another process may have migrated while we waited */
	if (store_version(st) != from) {
		exec_sql(st, "COMMIT", cause);
		return 0;
	}
	if ((at = strstr(m, "@FTS")) != NULL) {
		char *fts = fts_sql(at[4] - '0');

		sql = xasprintf("%.*s%s%s", (int)(at - m), m, fts,
		    at + strlen("@FTS1@"));
		free(fts);
	} else
		sql = xstrdup(m);
	rc = exec_sql(st, sql, cause);
	free(sql);
	/* the words a rebuild noted (store_fts.c), once there is a table */
	if (rc == 0 && from + 1 >= WORDS_SCHEMA)
		rc = words_flush(st, cause);
	else
		fts_words_forget(st->ahead);
	if (rc == 0)
		rc = migrate_after(st, from, cause);
	if (rc == 0) {
		sql = xasprintf("PRAGMA user_version = %d", from + 1);
		rc = exec_sql(st, sql, cause);
		free(sql);
	}
	if (rc == 0)
		rc = exec_sql(st, "COMMIT", cause);
	if (rc != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		stories_forget(st->stories);
	}
	return rc;
}

static int
migrate(struct store *st, char **cause)
{
	int	v;

	if ((v = store_version(st)) < 0) {
		*cause = unreadable_cause(st);
		return -1;
	}
	if (v > STORE_SCHEMA_VERSION) {
		*cause = xasprintf("'%s' was written by a newer newsread "
		    "(schema %d, this one knows %d)", st->path, v,
		    STORE_SCHEMA_VERSION);
		return -1;
	}
	for (; v < STORE_SCHEMA_VERSION; v++) {
		if (migrate_one(st, v, cause) != 0)
			return -1;
	}
	return 0;
}

/* A text column, "" for NULL (also when SQLite ran out of memory). */
static const char *
col_text(sqlite3_stmt *s, int i)
{
	const unsigned char	*t = sqlite3_column_text(s, i);

	return t != NULL ? (const char *)t : "";
}

/* PRAGMA application_id of newsread's databases: "nwrd". */
#define STORE_APP_ID	0x6e777264

/*
 * Whether the open database is newsread's, before anything is written
 * to it: its application id is newsread's, or none (databases made
 * before it was set) with only newsread's tables, indexes and triggers
 * (every name articles, sources, bookmarks, words, articles_* or
 * story_*). *empty is
 * set for a database with no schema at all (a new file). 0, or -1 and
 * *cause naming the file and why.
 */
static int
identify(struct store *st, int *empty, char **cause)
{
	static const char foreign_sql[] = "SELECT type, name FROM"
	    " sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
	    " AND name NOT IN ('articles', 'sources', 'bookmarks', 'words')"
	    " AND name NOT LIKE 'articles\\_%' ESCAPE '\\'"
	    " AND name NOT LIKE 'story\\_%' ESCAPE '\\' LIMIT 1";
	sqlite3_stmt	*s;
	int64_t		 app, n;
	int		 rc;

	if (query_int(st, "SELECT count(*) FROM sqlite_schema", &n) != 0 ||
	    query_int(st, "PRAGMA application_id", &app) != 0) {
		*cause = unreadable_cause(st);
		return -1;
	}
	*empty = n == 0;
	if (app != 0 && app != STORE_APP_ID) {
		*cause = xasprintf("'%s' is another program's database "
		    "(application id %#x), not newsread's: newsread does "
		    "not touch it; name another file with --db", st->path,
		    (unsigned)(uint32_t)app);
		return -1;
	}
	if (app == STORE_APP_ID)
		return 0;	/* ours: its tables are whatever its schema made */
	if (sqlite3_prepare_v2(st->db, foreign_sql, -1, &s, NULL) !=
	    SQLITE_OK) {
		*cause = unreadable_cause(st);
		return -1;
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*cause = xasprintf("'%s' is not a newsread database (it holds "
		    "the %s '%s'): newsread does not touch it; name another "
		    "file with --db", st->path, col_text(s, 0),
		    col_text(s, 1));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*cause = unreadable_cause(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Mark the database newsread's (PRAGMA application_id), if not yet. */
static int
set_app_id(struct store *st, char **cause)
{
	int64_t	app;

	if (query_int(st, "PRAGMA application_id", &app) != 0) {
		*cause = db_cause(st, "cannot read the application id");
		return -1;
	}
	if (app == STORE_APP_ID)
		return 0;
	return exec_sql(st, "PRAGMA application_id = 1853321828;", cause);
}

/*
 * "file:path?mode=ro", with immutable=1 when nothing can be writing it
 * (its directory cannot be written, so no journal can be there): a
 * read-only WAL database can be opened only if its -shm and -wal files
 * exist, can be made, or it is immutable (SQLite's wal.html).
 */
static char *
ro_uri(const char *path, int immutable)
{
	struct buf	 b = { 0 };
	const char	*p;

	buf_adds(&b, "file:");
	for (p = path; *p != '\0'; p++) {
		if (*p == '?' || *p == '#' || *p == '%')
			buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			buf_addc(&b, *p);
	}
	buf_adds(&b, immutable ? "?mode=ro&immutable=1" : "?mode=ro");
	return buf_take(&b);
}

/*
 * How to open path: read-write (0), or read-only (1) when reading is
 * enough and the file or its directory cannot be written; -1 and
 * *cause when it must be written and cannot. *immutable is set when
 * the directory cannot be written and holds no write-ahead log.
 */
static int
open_mode(const char *path, int flags, int *immutable, char **cause)
{
	char		*dir, *wal;
	struct stat	 sb;
	int		 dir_ok;

	*immutable = 0;
	if (writable(path, cause))
		return 0;
	if (!(flags & STORE_READ))
		return -1;
	free(*cause);
	*cause = NULL;
	dir = dir_of(path);
	dir_ok = access(dir, W_OK) == 0;
	wal = xasprintf("%s-wal", path);
	*immutable = !dir_ok && stat(wal, &sb) != 0;
	free(wal);
	free(dir);
	return 1;
}

/* Nanoseconds from a to b. */
static long long
elapsed_ns(const struct timespec *a, const struct timespec *b)
{
	return (long long)(b->tv_sec - a->tv_sec) * 1000000000LL +
	    (b->tv_nsec - a->tv_nsec);
}

/*
 * Waiting for the write lock, up to BUSY_LIMIT_MS. SQLite's own
 * busy_timeout backs off to sleeps of 100 ms, and an import holds the lock
 * for a batch and takes it again microseconds after each commit: a reader
 * sleeping that long almost never finds it free and waits out the whole
 * import ("database is locked" for a bookmark). Polling every millisecond,
 * with the import's pause between batches (store_pause()), gives it the
 * lock at the next commit.
 */
#define BUSY_POLL_NS	1000000L
#define BUSY_LIMIT_MS	10000

static int
busy_wait(void *arg, int n)
{
	struct store	*st = arg;
	struct timespec	 now, nap = { 0, BUSY_POLL_NS };

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (n == 0)
		st->busy_since = now;
	else if (elapsed_ns(&st->busy_since, &now) >= BUSY_LIMIT_MS * 1000000LL)
		return 0;
	nanosleep(&nap, NULL);
	return 1;
}

/*
 * Between two transactions of a long write: room for a waiting writer, a
 * fiftieth of the time the last one held the lock (3 to 250 ms). A
 * waiter's poll wakes about every millisecond, later on a loaded machine:
 * a gap of 3 ms was missed there when a batch took seconds (sanitizers),
 * and the waiter then waited out another batch.
 */
void
store_pause(struct store *st)
{
	struct timespec	 now, nap;
	long long	 ns;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ns = elapsed_ns(&st->begun, &now) / 50;
	if (ns < 3 * BUSY_POLL_NS)
		ns = 3 * BUSY_POLL_NS;
	if (ns > 250 * BUSY_POLL_NS)
		ns = 250 * BUSY_POLL_NS;
	nap.tv_sec = (time_t)(ns / 1000000000LL);
	nap.tv_nsec = (long)(ns % 1000000000LL);
	nanosleep(&nap, NULL);
}

struct store *
store_open(const char *path, int flags, char **cause)
{
	struct store	*st;
	struct stat	 sb;
	char		*uri = NULL;
	int		 ro, immutable, empty, rc;

	*cause = NULL;
	if ((flags & STORE_EXISTING) && stat(path, &sb) != 0 &&
	    errno == ENOENT) {
		*cause = xasprintf("there is no database at '%s' yet: "
		    "newsread import PATH... makes it", path);
		return NULL;
	}
	if ((flags & STORE_MKDIR) && store_make_parent(path, cause) != 0)
		return NULL;
	if (make_file(path, cause) != 0 || truncated(path, cause) ||
	    (ro = open_mode(path, flags, &immutable, cause)) < 0)
		return NULL;
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->readonly = ro;
	if (ro) {
		uri = ro_uri(path, immutable);
		rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		free(uri);
	} else
		rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		*cause = xasprintf("cannot open database '%s': %s", path,
		    st->db != NULL ? sqlite3_errmsg(st->db) : "out of memory");
		store_close(st);
		return NULL;
	}
	sqlite3_extended_result_codes(st->db, 1);
	st->stories = stories_new(st->db, path);
	sqlite3_busy_handler(st->db, busy_wait, st);
	if ((rc = fts_register(st->db, &st->ahead)) != 0) {
		*cause = xasprintf("cannot open database '%s': %s", path,
		    rc == SQLITE_NOMEM ? sqlite3_errstr(rc) :
		    "this SQLite has no FTS5");
		store_close(st);
		return NULL;
	}
	if (store_version(st) < 0) {
		*cause = unreadable_cause(st);
		store_close(st);
		return NULL;
	}
	if (identify(st, &empty, cause) != 0) {
		store_close(st);
		return NULL;
	}
	if (empty && (flags & STORE_EXISTING)) {
		*cause = xasprintf("there is no database at '%s' yet (the file "
		    "is empty): newsread import PATH... makes it", path);
		store_close(st);
		return NULL;
	}
	if (!ro && sqlite3_db_readonly(st->db, "main") == 1) {
		*cause = xasprintf("cannot write to database '%s': the file "
		    "or its directory is read-only", path);
		store_close(st);
		return NULL;
	}
	if (ro) {
		if (store_version(st) == STORE_SCHEMA_VERSION &&
		    exec_sql(st, "PRAGMA temp_store = MEMORY;", cause) == 0)
			return st;
		if (*cause == NULL)
			*cause = xasprintf("'%s' is read-only and was written "
			    "by %s newsread (schema %d, this one reads %d): "
			    "open it once where it can be written", path,
			    store_version(st) > STORE_SCHEMA_VERSION ?
			    "a newer" : "an older", store_version(st),
			    STORE_SCHEMA_VERSION);
		store_close(st);
		return NULL;
	}
	/*
	 * 16 KiB pages (a new database only): an article's row is about
	 * 3 KiB, and a 4 KiB page held one with a quarter left empty.
	 * Statement journals in memory: an insert's triggers make one,
	 * and on disk they wrote 16 times the database during an import.
	 */
	if (exec_sql(st, "PRAGMA page_size = 16384;"
	    "PRAGMA journal_mode = WAL;"
	    "PRAGMA temp_store = MEMORY;"
	    "PRAGMA synchronous = NORMAL;"
	    "PRAGMA foreign_keys = ON;", cause) != 0 ||
	    migrate(st, cause) != 0 || set_app_id(st, cause) != 0) {
		store_close(st);
		return NULL;
	}
	return st;
}

int
store_readonly(const struct store *st)
{
	return st->readonly;
}

void
store_close(struct store *st)
{
	size_t	i;

	if (st == NULL)
		return;
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	for (i = 0; i < PAGE_STMTS; i++)
		sqlite3_finalize(st->page[i]);
	stories_free(st->stories);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

int
store_bulk(struct store *st, char **cause)
{
	return exec_sql(st, "PRAGMA cache_size = -8192;", cause);
}

int
store_begin(struct store *st, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = get_stmt(st, S_BEGIN, cause)) == NULL)
		return -1;
	if (run(st, s, "cannot begin transaction", cause) != 0)
		return -1;
	stories_begin(st->stories);
	clock_gettime(CLOCK_MONOTONIC, &st->begun);
	return 0;
}

/*
 * Index the articles inserted since fts_from, in one statement: at
 * commit, and every FTS_STEP articles inserted, so that the tokens made
 * ahead for them (store_fts.c) wait in memory for that many articles,
 * not for a whole batch.
 */
#define FTS_STEP	128

static int
fts_add(struct store *st, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (st->fts_from == 0)
		return 0;
	if ((s = get_stmt(st, S_FTS_ADD, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, st->fts_from);
	rc = run(st, s, "cannot index articles", cause);
	fts_expect_clear(st->ahead);
	if (rc != 0)
		return -1;
	st->fts_from = 0;
	st->fts_waiting = 0;
	return 0;
}

int
store_commit(struct store *st, char **cause)
{
	sqlite3_stmt	*s;

	if (fts_add(st, cause) != 0 || words_flush(st, cause) != 0)
		return -1;
	if ((s = get_stmt(st, S_COMMIT, cause)) == NULL)
		return -1;
	return run(st, s, "cannot commit", cause);
}

void
store_rollback(struct store *st)
{
	st->fts_from = 0;
	st->fts_waiting = 0;
	fts_expect_clear(st->ahead);
	fts_words_forget(st->ahead);
	stories_forget(st->stories);
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
bind_text(sqlite3_stmt *s, int i, const char *t)
{
	if (t == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT);
}

struct store_prep *
store_prepare(const struct article *a, int tokens)
{
	struct store_prep	*p = xcalloc(1, sizeof *p);

	p->body = article_join(&a->body, "\n");
	p->captions = article_join(&a->captions, "\n");
	p->has_sig = story_sign(a, &p->sig) == 0;
	if (!tokens)
		return p;
	if (a->title != NULL)
		p->tok[0] = fts_tokens_make(a->title, strlen(a->title));
	if (a->lead != NULL)
		p->tok[1] = fts_tokens_make(a->lead, strlen(a->lead));
	p->tok[2] = fts_tokens_make(p->body, strlen(p->body));
	return p;
}

void
store_prep_free(struct store_prep *p)
{
	size_t	i;

	if (p == NULL)
		return;
	free(p->body);
	free(p->captions);
	for (i = 0; i < PREP_COLUMNS; i++)
		fts_tokens_free(p->tok[i]);
	free(p);
}

static void
bind_article(sqlite3_stmt *s, const struct article *a,
    const struct store_prep *p)
{
	char	 date[11], *body, *caps;

	body = p != NULL ? p->body : article_join(&a->body, "\n");
	caps = p != NULL ? p->captions : article_join(&a->captions, "\n");
	bind_text(s, 3, a->title != NULL ? a->title : "");
	bind_text(s, 4, a->source != NULL ? a->source : "");
	bind_text(s, 5, a->author);
	bind_text(s, 6, article_date_format(&a->date, date) != NULL ?
	    date : "");
	bind_text(s, 7, a->url);
	bind_text(s, 8, a->lead);
	bind_text(s, 9, body);
	bind_text(s, 10, caps);
	sqlite3_bind_int64(s, 11, (sqlite3_int64)time(NULL));
	bind_text(s, 12, a->date.month != 0 &&
	    article_dated_name(a->dated) != NULL ?
	    article_dated_name(a->dated) : "");
	sqlite3_bind_int(s, 13, CLEAN_VERSION);
	if (p == NULL) {
		free(body);
		free(caps);
	}
}

int
store_put(struct store *st, const char *path, const char *hash,
    const struct article *a, char **cause)
{
	return store_put_prepared(st, path, hash, a, NULL, cause);
}

static int	put(struct store *, const char *, const char *,
		    const struct article *, struct store_prep *, char **);

/* Outside a transaction, the article and its index entries are one. */
int
store_put_prepared(struct store *st, const char *path, const char *hash,
    const struct article *a, struct store_prep *prep, char **cause)
{
	int	r;

	if (!sqlite3_get_autocommit(st->db))
		return put(st, path, hash, a, prep, cause);
	if (store_begin(st, cause) != 0)
		return -1;
	if ((r = put(st, path, hash, a, prep, cause)) < 0 ||
	    store_commit(st, cause) != 0) {
		store_rollback(st);
		return -1;
	}
	return r;
}

/* An article's signature, from prep or made now; NULL when none. */
static const struct story_sig *
article_sig(const struct article *a, const struct store_prep *prep,
    struct story_sig *buf)
{
	if (prep != NULL)
		return prep->has_sig ? &prep->sig : NULL;
	return story_sign(a, buf) == 0 ? buf : NULL;
}

/* Rewrite the article of row id from a (a changed page, a newer cleaner):
 * it leaves its story and joins the one its new text belongs to. */
static int
update(struct store *st, int64_t id, const char *hash,
    const struct article *a, struct store_prep *prep, char **cause)
{
	sqlite3_stmt		*s;
	struct story_sig	 sig;

	/* the update's trigger takes the old text out of the index: it
	 * must be there (a page stored twice in one transaction) */
	if (st->fts_from != 0 && id >= st->fts_from && fts_add(st, cause) != 0)
		return -1;
	if ((s = get_stmt(st, S_UPDATE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, hash);
	bind_article(s, a, prep);
	if (run(st, s, "cannot update article", cause) != 0 ||
	    stories_unlink(st->stories, id, cause) != 0)
		return -1;
	return stories_add(st->stories, id, article_sig(a, prep, &sig),
	    cause);
}

static int
put(struct store *st, const char *path, const char *hash,
    const struct article *a, struct store_prep *prep, char **cause)
{
	sqlite3_stmt		*s;
	struct story_sig	 sig;
	int64_t			 id = 0;
	int			 rc, same = 0, cleaner = 0;

	if ((s = get_stmt(st, S_BY_PATH, cause)) == NULL)
		return -1;
	bind_text(s, 1, path);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		same = strcmp((const char *)sqlite3_column_text(s, 1),
		    hash) == 0;
		cleaner = sqlite3_column_int(s, 2);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = db_cause(st, "cannot look up page");
		return -1;
	}
	if (id == 0) {
		/* the same page at another path is the same article */
		if ((s = get_stmt(st, S_BY_HASH, cause)) == NULL)
			return -1;
		bind_text(s, 1, hash);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			id = sqlite3_column_int64(s, 0);
			cleaner = sqlite3_column_int(s, 1);
			same = 1;
		}
		sqlite3_reset(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			*cause = db_cause(st, "cannot look up page");
			return -1;
		}
	}
	if (same) {
		if (cleaner >= CLEAN_VERSION)
			return STORE_UNCHANGED;
		if (update(st, id, hash, a, prep, cause) != 0)
			return -1;
		return STORE_RECLEANED;
	}
	if (id != 0) {
		if (update(st, id, hash, a, prep, cause) != 0)
			return -1;
		return STORE_UPDATED;
	}
	if ((s = get_stmt(st, S_INSERT, cause)) == NULL)
		return -1;
	bind_text(s, 1, path);
	bind_text(s, 2, hash);
	bind_article(s, a, prep);
	if (run(st, s, "cannot store article", cause) != 0)
		return -1;
	id = sqlite3_last_insert_rowid(st->db);
	if (stories_add(st->stories, id, article_sig(a, prep, &sig),
	    cause) != 0)
		return -1;
	if (prep != NULL) {
		/* the index asks for the columns in this order at commit */
		size_t	i;

		for (i = 0; i < PREP_COLUMNS; i++) {
			fts_expect(st->ahead, prep->tok[i]);
			prep->tok[i] = NULL;
		}
	}
	/* new rows take ids above every other: the index takes them
	 * FTS_STEP at a time, and the rest at commit */
	if (st->fts_from == 0)
		st->fts_from = id;
	if (++st->fts_waiting == FTS_STEP && fts_add(st, cause) != 0)
		return -1;
	return STORE_INSERTED;
}

void
store_row_clear(struct store_row *r)
{
	free(r->date);
	free(r->source);
	free(r->title);
	free(r->snippet);
	memset(r, 0, sizeof *r);
}

void
store_rows_free(struct store_rows *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++)
		store_row_clear(&r->v[i]);
	free(r->v);
	r->v = NULL;
	r->n = 0;
}


/* Build the SQL of one list query from fixed fragments (never data). */
static char *
page_sql(enum page_cond cond, int bookmarks, int backward,
    int stories)
{
	struct buf	 b = { 0 };

	buf_adds(&b, "SELECT a.id, a.date, a.source, " TITLE_SQL ","
	    " b.article_id IS NOT NULL, a.read = 0, a.dated, NULL");
	buf_adds(&b, stories ? STORY_COUNTS_SQL : ", 0, 0");
	buf_adds(&b, " FROM articles a ");
	buf_adds(&b, bookmarks ? "JOIN bookmarks b ON b.article_id = a.id" :
	    "LEFT JOIN bookmarks b ON b.article_id = a.id");
	switch (cond) {
	case C_NONE:
	case C_LAST:
		break;
	case C_SRC:
		buf_adds(&b, " WHERE a.source = ?4");
		break;
	case C_SRC_KEY:
		buf_adds(&b, backward ?
		    " WHERE a.source = ?4 AND (a.date, a.id) > (?2, ?3)" :
		    " WHERE a.source = ?4 AND (a.date, a.id) < (?2, ?3)");
		break;
	case C_KEY:
		buf_adds(&b, backward ? " WHERE (a.date, a.id) > (?2, ?3)" :
		    " WHERE (a.date, a.id) < (?2, ?3)");
		break;
	}
	if (stories)
		buf_adds(&b, cond == C_NONE || cond == C_LAST ?
		    " WHERE" STORY_HEAD_SQL : " AND" STORY_HEAD_SQL);
	buf_adds(&b, backward ? " ORDER BY a.date ASC, a.id ASC" :
	    " ORDER BY a.date DESC, a.id DESC");
	buf_adds(&b, " LIMIT ?1");
	return buf_take(&b);
}

static sqlite3_stmt *
page_stmt(struct store *st, enum page_cond cond, int bookmarks,
    int backward, int stories, char **cause)
{
	size_t		 k;
	char		*sql;
	sqlite3_stmt	*s;

	k = (((size_t)cond * 2 + (bookmarks != 0)) * 2 + (backward != 0)) *
	    2 + (stories != 0);
	if ((s = st->page[k]) != NULL) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	sql = page_sql(cond, bookmarks, backward, stories);
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &s, NULL) != SQLITE_OK) {
		*cause = db_cause(st, "cannot prepare list query");
		free(sql);
		return NULL;
	}
	free(sql);
	st->page[k] = s;
	return s;
}

/* Step s and append its rows to out (reversed when backward). */
static int
page_rows(struct store *st, sqlite3_stmt *s, int backward,
    struct store_rows *out, char **cause)
{
	struct store_rows	 got = { 0 };
	size_t			 cap = 0, i;
	int			 rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_row	*r;

		if (got.n == cap) {
			cap = cap == 0 ? 32 : cap * 2;
			got.v = xreallocarray(got.v, cap, sizeof *got.v);
		}
		r = &got.v[got.n++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(s, 0);
		r->date = xstrdup(col_text(s, 1));
		r->source = xstrdup(col_text(s, 2));
		r->title = xstrdup(col_text(s, 3));
		r->bookmarked = sqlite3_column_int(s, 4);
		r->unread = sqlite3_column_int(s, 5);
		r->dated = article_dated_parse(col_text(s, 6));
		r->snippet = sqlite3_column_count(s) > 7 &&
		    sqlite3_column_type(s, 7) != SQLITE_NULL ?
		    xstrdup(col_text(s, 7)) : NULL;
		if (sqlite3_column_count(s) > 9) {
			r->versions = sqlite3_column_int(s, 8);
			r->outlets = sqlite3_column_int(s, 9);
			if (r->versions < 0)
				r->versions = 0;
		}
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_rows_free(&got);
		if (rc == SQLITE_INTERRUPT)
			return STORE_INTERRUPTED;
		*cause = db_cause(st, "cannot read the list");
		return -1;
	}
	if (got.n == 0)
		return 0;
	out->v = xreallocarray(out->v, out->n + got.n + 1, sizeof *out->v);
	if (backward) {
		memmove(out->v + got.n, out->v, out->n * sizeof *out->v);
		for (i = 0; i < got.n; i++)
			out->v[i] = got.v[got.n - 1 - i];
	} else
		memcpy(out->v + out->n, got.v, got.n * sizeof *got.v);
	out->n += got.n;
	free(got.v);
	return (int)got.n;
}

/*
 * The list by source: each source's rows newest first, the sources in
 * Vietnamese alphabetical order as the sources pane lists them (the
 * articles' index orders them by bytes), from after's row on, or from
 * the first source (the last one, backward). A source a query each: a
 * page rarely spans more than two.
 */
static int
page_by_source(struct store *st, const struct store_view *view,
    const struct store_row *after, int backward, size_t limit,
    struct store_rows *out, char **cause)
{
	struct store_sources	 src = { 0 };
	sqlite3_stmt		*s;
	size_t			 n = 0;
	long			 i;
	int			 got, keyed = after != NULL;

	if (store_sources(st, &src, cause) != 0)
		return -1;
	i = backward ? (long)src.n - 1 : 0;
	if (after != NULL)
		for (i = 0; i < (long)src.n && sqlite3_stricmp(src.v[i].name,
		    after->source) != 0; i++)
			;
	for (; i >= 0 && i < (long)src.n && n < limit;
	    i += backward ? -1 : 1, keyed = 0) {
		if ((s = page_stmt(st, keyed ? C_SRC_KEY : C_SRC,
		    view->bookmarks, backward, view->stories, cause)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, (sqlite3_int64)(limit - n));
		if (keyed) {
			bind_text(s, 2, after->date);
			sqlite3_bind_int64(s, 3, after->id);
		}
		bind_text(s, 4, src.v[i].name);
		if ((got = page_rows(st, s, backward, out, cause)) < 0)
			goto fail;
		n += (size_t)got;
	}
	store_sources_free(&src);
	return 0;
fail:
	store_sources_free(&src);
	return -1;
}

int
store_page(struct store *st, const struct store_view *view,
    const struct store_row *after, int backward, size_t limit,
    struct store_rows *out, char **cause)
{
	sqlite3_stmt	*s;
	const char	*src = view->source;
	enum page_cond	 c;

	if (view->order == STORE_BY_SOURCE && src == NULL)
		return page_by_source(st, view, after, backward, limit, out,
		    cause);
	if (src != NULL)
		c = after != NULL ? C_SRC_KEY : C_SRC;
	else
		c = after != NULL ? C_KEY : C_NONE;
	if ((s = page_stmt(st, c, view->bookmarks, backward, view->stories,
	    cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, (sqlite3_int64)limit);
	if (after != NULL) {
		bind_text(s, 2, after->date);
		sqlite3_bind_int64(s, 3, after->id);
	}
	if (src != NULL)
		bind_text(s, 4, src);
	return page_rows(st, s, backward, out, cause) < 0 ? -1 : 0;
}

int64_t
store_count(struct store *st, const struct store_view *view, char **cause)
{
	sqlite3_stmt	*s;
	int64_t		 n = -1;

	if (view->stories)
		s = get_stmt(st, view->bookmarks || view->source != NULL ?
		    S_COUNT_STORIES_SRC : S_COUNT_STORIES, cause);
	else
		s = get_stmt(st, view->bookmarks ? S_COUNT_BM : S_COUNT_ALL,
		    cause);
	if (s == NULL)
		return -1;
	if (view->stories && (view->bookmarks || view->source != NULL)) {
		bind_text(s, 1, view->source);
		sqlite3_bind_int(s, 2, view->bookmarks);
	} else if (!view->stories)
		bind_text(s, 1, view->source);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	else
		*cause = db_cause(st, "cannot count articles");
	sqlite3_reset(s);
	return n;
}

/* Split s at newlines into sv (empty s gives nothing). */
static void
split_lines(const char *s, struct strv *sv)
{
	const char	*nl;

	while (*s != '\0') {
		if ((nl = strchr(s, '\n')) == NULL) {
			strv_add(sv, s);
			break;
		}
		strv_push(sv, xstrndup(s, (size_t)(nl - s)));
		s = nl + 1;
	}
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char	*t = sqlite3_column_text(s, i);

	return t != NULL && *t != '\0' ? xstrdup((const char *)t) : NULL;
}

struct article *
store_get(struct store *st, int64_t id, char **path, int *bookmarked,
    int *unread, char **cause)
{
	sqlite3_stmt	*s;
	struct article	*a;
	int		 rc;

	*cause = NULL;
	if ((s = get_stmt(st, S_GET, cause)) == NULL)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		if (rc != SQLITE_DONE)
			*cause = db_cause(st, "cannot read article");
		sqlite3_reset(s);
		return NULL;
	}
	a = article_new();
	a->title = xstrdup(col_text(s, 0));
	a->source = col_dup(s, 1);
	a->author = col_dup(s, 2);
	if (article_date_parse(col_text(s, 3), &a->date) != 0)
		memset(&a->date, 0, sizeof a->date);
	a->url = col_dup(s, 4);
	a->lead = col_dup(s, 5);
	split_lines(col_text(s, 6), &a->body);
	split_lines(col_text(s, 7), &a->captions);
	if (path != NULL)
		*path = xstrdup(col_text(s, 8));
	if (bookmarked != NULL)
		*bookmarked = sqlite3_column_int(s, 9);
	if (unread != NULL)
		*unread = sqlite3_column_int(s, 10);
	a->dated = a->date.month != 0 ? article_dated_parse(col_text(s, 11)) :
	    ARTICLE_DATED_NONE;
	sqlite3_reset(s);
	return a;
}

int
store_sources(struct store *st, struct store_sources *out, char **cause)
{
	sqlite3_stmt	*s;
	size_t		 cap = 0;
	int		 rc;

	memset(out, 0, sizeof *out);
	if ((s = get_stmt(st, S_SOURCES, cause)) == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		out->v[out->n].name = xstrdup(col_text(s, 0));
		out->v[out->n].articles = sqlite3_column_int64(s, 1);
		out->v[out->n].unread = sqlite3_column_int64(s, 2);
		out->n++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_sources_free(out);
		*cause = db_cause(st, "cannot read sources");
		return -1;
	}
	return 0;
}

void
store_sources_free(struct store_sources *ss)
{
	size_t	i;

	for (i = 0; i < ss->n; i++)
		free(ss->v[i].name);
	free(ss->v);
	ss->v = NULL;
	ss->n = 0;
}

char *
store_source_find(struct store *st, const char *name, char **cause)
{
	struct store_sources	 ss;
	char			*want, *f, *found = NULL;
	size_t			 i;

	if (store_sources(st, &ss, cause) != 0)
		return NULL;
	want = text_fold(name, strlen(name), 0);
	for (i = 0; i < ss.n && found == NULL; i++) {
		f = text_fold(ss.v[i].name, strlen(ss.v[i].name), 0);
		if (strcmp(f, want) == 0)
			found = xstrdup(ss.v[i].name);
		free(f);
	}
	free(want);
	store_sources_free(&ss);
	return found != NULL ? found : xstrdup(name);
}

int
store_totals(struct store *st, int64_t *articles, int64_t *unread,
    int64_t *bookmarks, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = get_stmt(st, S_TOTALS, cause)) == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*articles = sqlite3_column_int64(s, 0);
		*unread = sqlite3_column_int64(s, 1);
		*bookmarks = sqlite3_column_int64(s, 2);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW) {
		*cause = db_cause(st, "cannot count articles");
		return -1;
	}
	return 0;
}

int
store_bookmark_toggle(struct store *st, int64_t id, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc, on;

	if (st->readonly) {
		/* the event first: the reader's status line cuts a long path */
		*cause = xasprintf("bookmarks cannot be saved: '%s' is "
		    "read-only", st->path);
		return -1;
	}
	if (store_begin(st, cause) != 0)
		return -1;
	if ((s = get_stmt(st, S_BM_GET, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = db_cause(st, "cannot read bookmark");
		goto fail;
	}
	on = rc != SQLITE_ROW;
	if ((s = get_stmt(st, on ? S_BM_ADD : S_BM_DEL, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)time(NULL));
	if (run(st, s, "cannot save bookmark", cause) != 0)
		goto fail;
	if (store_commit(st, cause) != 0)
		goto fail;
	return on;
fail:
	store_rollback(st);
	return -1;
}

/* Run statement k, whose one parameter is an article id. */
static int
run_id(struct store *st, enum stmt_id k, int64_t id, const char *what,
    char **cause)
{
	sqlite3_stmt	*s;

	if ((s = get_stmt(st, k, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return run(st, s, what, cause);
}

int
store_mark_read(struct store *st, int64_t id, char **cause)
{
	if (st->readonly)
		return 0;	/* said once, when the reader starts */
	return run_id(st, S_READ, id, "cannot mark article read", cause);
}

int
store_mark_unread(struct store *st, int64_t id, char **cause)
{
	return run_id(st, S_UNREAD, id, "cannot mark article unread", cause);
}

int64_t
store_mark_view_read(struct store *st, const struct store_view *view,
    const char *fts, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = get_stmt(st, S_READ_VIEW, cause)) == NULL)
		return -1;
	bind_text(s, 1, view->source);
	sqlite3_bind_int(s, 2, view->bookmarks);
	bind_text(s, 3, fts);
	if (run(st, s, "cannot mark the articles read", cause) != 0)
		return -1;
	return (int64_t)sqlite3_changes(st->db);
}

int64_t
store_data_version(struct store *st)
{
	sqlite3_stmt	*s;
	char		*cause = NULL;
	int64_t		 v = -1;

	if ((s = get_stmt(st, S_DATA_VERSION, &cause)) == NULL) {
		free(cause);
		return -1;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return v;
}

int
store_search(struct store *st, const struct store_search *q, size_t offset,
    size_t limit, struct store_rows *out, char **cause)
{
	sqlite3_stmt	*s;
	int		 n;

	s = get_stmt(st, q->sort == STORE_SORT_DATE ? S_SEARCH_DATE :
	    q->sort == STORE_SORT_RECENT ? S_SEARCH_RECENT :
	    q->adjacent != NULL ? S_SEARCH_ADJ : S_SEARCH_RANK, cause);
	if (s == NULL)
		return -1;
	bind_text(s, 1, q->fts);
	bind_text(s, 2, q->source);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)limit);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)offset);
	sqlite3_bind_int(s, 5, q->snippets);
	bind_text(s, 6, q->mark_open != NULL ? q->mark_open : "");
	bind_text(s, 7, q->mark_close != NULL ? q->mark_close : "");
	sqlite3_bind_int(s, 8, q->bookmarks);
	if (q->sort == STORE_SORT_RANK && q->adjacent != NULL)
		bind_text(s, 9, q->adjacent);
	sqlite3_bind_int(s, 10, q->stories);
	n = page_rows(st, s, 0, out, cause);
	return n < 0 ? n : 0;
}

int64_t
store_search_count(struct store *st, const struct store_search *q,
    char **cause)
{
	sqlite3_stmt	*s;
	enum stmt_id	 id;
	int64_t		 n = -1;
	int		 rc;

	/* a source is in the articles' rows: only then are they read */
	if (q->source != NULL)
		id = S_SEARCH_COUNT;
	else if (q->bookmarks || q->stories)
		id = S_SEARCH_COUNT_IDX;
	else
		id = S_SEARCH_COUNT_ALL;
	if ((s = get_stmt(st, id, cause)) == NULL)
		return -1;
	bind_text(s, 1, q->fts);
	if (id == S_SEARCH_COUNT)
		bind_text(s, 2, q->source);
	if (id != S_SEARCH_COUNT_ALL) {
		sqlite3_bind_int(s, 3, q->bookmarks);
		sqlite3_bind_int(s, 9, q->stories);
	}
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	else if (rc == SQLITE_INTERRUPT)
		n = STORE_INTERRUPTED;
	else
		*cause = db_cause(st, "cannot count results");
	sqlite3_reset(s);
	return n;
}

void
store_set_progress(struct store *st, int (*fn)(void *), void *arg)
{
	sqlite3_progress_handler(st->db, fn != NULL ? 2000 : 0, fn, arg);
}

int
store_story_versions(struct store *st, int64_t id, struct store_rows *out,
    char **cause)
{
	sqlite3_stmt	*s;
	int64_t		*ids;
	int		 n, i;

	if ((n = stories_members(st->stories, id, &ids, cause)) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if ((s = get_stmt(st, S_ROW, cause)) == NULL ||
		    (sqlite3_bind_int64(s, 1, ids[i]),
		    page_rows(st, s, 0, out, cause)) < 0) {
			free(ids);
			return -1;
		}
	}
	free(ids);
	return 0;
}

/* The day n days from a full date, as "YYYY-MM-DD" in buf (11 bytes). */
static int
day_moved(const struct article_date *d, int n, char *buf)
{
	struct tm	tm = { 0 };

	if (d->year == 0 || d->month == 0)
		return -1;
	tm.tm_year = d->year - 1900;
	tm.tm_mon = d->month - 1;
	tm.tm_mday = d->day + n;
	tm.tm_hour = 12;
	if (timegm(&tm) == (time_t)-1 || tm.tm_year + 1900 < 1 ||
	    tm.tm_year + 1900 > 9999)
		return -1;
	{
		char	tmp[32];

		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		memcpy(buf, tmp, 11);
	}
	return 0;
}

/* The FTS query of any of the keywords, each a phrase. */
static char *
cover_query(const struct strv *kw)
{
	struct buf		 b = { 0 };
	struct fold_query	*q;
	size_t			 i;

	for (i = 0; i < kw->n; i++) {
		char	*quoted = xasprintf("\"%s\"", kw->v[i]);

		q = fold_query_new(quoted, 0);
		free(quoted);
		if (q->fts != NULL)
			buf_printf(&b, "%s(%s)", b.len > 0 ? " OR " : "",
			    q->fts);
		fold_query_free(q);
	}
	return buf_take(&b);
}

/* Whether two keyword lists share STORY_COVER, a name among them. */
static int
covers(const struct strv *x, const struct strv *y)
{
	size_t	i, j, n = 0;
	int	name = 0;

	for (i = 0; i < x->n; i++)
		for (j = 0; j < y->n; j++)
			if (strcmp(x->v[i], y->v[j]) == 0) {
				n++;
				name |= !(x->v[i][0] >= '0' &&
				    x->v[i][0] <= '9');
				break;
			}
	return n >= STORY_COVER && name ? (int)n : 0;
}

int
store_coverage(struct store *st, int64_t id, struct store_rows *out,
    char **cause)
{
	struct article	*a;
	struct strv	 kw = { 0 }, cand = { 0 };
	sqlite3_stmt	*s;
	char		 from[11], to[11], *fts = NULL;
	int64_t		*versions = NULL, *got = NULL;
	int		 nv = 0, rc, ret = -1;
	size_t		 ng = 0, i, j;

	*cause = NULL;
	if ((a = store_get(st, id, NULL, NULL, NULL, cause)) == NULL)
		return *cause != NULL ? -1 : 0;
	if (day_moved(&a->date, -STORY_DAYS, from) != 0 ||
	    day_moved(&a->date, STORY_DAYS, to) != 0 ||
	    story_keywords(a, &kw) < STORY_COVER) {
		ret = 0;
		goto out;
	}
	fts = cover_query(&kw);
	if ((nv = stories_members(st->stories, id, &versions, cause)) < 0 ||
	    (s = get_stmt(st, S_COVER, cause)) == NULL)
		goto out;
	bind_text(s, 1, fts);
	bind_text(s, 2, from);
	bind_text(s, 3, to);
	sqlite3_bind_int64(s, 4, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		got = xreallocarray(got, ng + 1, sizeof *got);
		got[ng++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		*cause = db_cause(st, "cannot find coverage");
		goto out;
	}
	for (i = 0; i < ng; i++) {
		struct article	*c;
		int		 version = 0;

		for (j = 0; j < (size_t)nv; j++)
			version |= versions[j] == got[i];
		if (version)
			continue;
		if ((c = store_get(st, got[i], NULL, NULL, NULL,
		    cause)) == NULL) {
			if (*cause != NULL)
				goto out;
			continue;
		}
		story_keywords(c, &cand);
		article_free(c);
		if (covers(&kw, &cand) &&
		    ((s = get_stmt(st, S_ROW, cause)) == NULL ||
		    (sqlite3_bind_int64(s, 1, got[i]),
		    page_rows(st, s, 0, out, cause)) < 0))
			goto out;
		strv_free(&cand);
	}
	ret = 0;
out:
	strv_free(&cand);
	strv_free(&kw);
	free(fts);
	free(versions);
	free(got);
	article_free(a);
	return ret;
}

int
store_story_mark_read(struct store *st, int64_t id, char **cause)
{
	return run_id(st, S_STORY_READ, id, "cannot mark story read", cause);
}

int
store_check(struct store *st, char **cause)
{
	sqlite3_stmt	*s;
	int		 ok = 0;

	if (sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s,
	    NULL) != SQLITE_OK) {
		*cause = db_cause(st, "cannot check database");
		return -1;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		ok = strcmp(col_text(s, 0), "ok") == 0;
	if (!ok)
		*cause = xasprintf("%s: integrity check failed: %s", st->path,
		    col_text(s, 0));
	sqlite3_finalize(s);
	if (ok && !st->readonly && exec_sql(st, "INSERT INTO"
	    " articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
	    cause) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

/*
 * The articles to remove: with the n ids, or (ids NULL) whose path
 * matches the GLOB pattern; with each, whether it is bookmarked.
 */
static int
remove_find(struct store *st, const int64_t *ids, size_t n,
    const char *glob, struct store_removal *out, char **cause)
{
	static const char by_id[] = "SELECT a.id, b.article_id IS NOT NULL"
	    " FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id"
	    " WHERE a.id = ?1";
	static const char by_glob[] = "SELECT a.id, b.article_id IS NOT NULL"
	    " FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id"
	    " WHERE a.path GLOB ?1 ORDER BY a.id";
	sqlite3_stmt	*s;
	size_t		 i;
	int		 rc = SQLITE_DONE;

	if (sqlite3_prepare_v2(st->db, ids != NULL ? by_id : by_glob, -1, &s,
	    NULL) != SQLITE_OK) {
		*cause = db_cause(st, "cannot find articles");
		return -1;
	}
	for (i = 0; i < (ids != NULL ? n : 1); i++) {
		if (ids != NULL)
			sqlite3_bind_int64(s, 1, ids[i]);
		else
			bind_text(s, 1, glob);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			out->ids = xreallocarray(out->ids, out->n + 1,
			    sizeof *out->ids);
			out->ids[out->n++] = sqlite3_column_int64(s, 0);
			out->bookmarked += sqlite3_column_int(s, 1) != 0;
		}
		if (rc != SQLITE_DONE)
			break;
		if (ids != NULL && out->n + out->missing == i) {
			out->missing++;
			if (out->first_missing == 0)
				out->first_missing = ids[i];
		}
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		*cause = db_cause(st, "cannot find articles");
		return -1;
	}
	return 0;
}

int
store_remove(struct store *st, const int64_t *ids, size_t n,
    const char *glob, int force, struct store_removal *out, char **cause)
{
	sqlite3_stmt	*s = NULL;
	size_t		 i;

	memset(out, 0, sizeof *out);
	if (store_begin(st, cause) != 0)
		return -1;
	if (remove_find(st, ids, n, glob, out, cause) != 0)
		goto fail;
	if (out->missing > 0 || (out->bookmarked > 0 && !force)) {
		store_rollback(st);
		return 0;	/* nothing removed: the caller says why */
	}
	if (sqlite3_prepare_v2(st->db, "DELETE FROM articles WHERE id = ?1",
	    -1, &s, NULL) != SQLITE_OK) {
		*cause = db_cause(st, "cannot remove articles");
		goto fail;
	}
	for (i = 0; i < out->n; i++) {
		/* its story regrouped without it (store_story.c) */
		if (stories_unlink(st->stories, out->ids[i], cause) != 0)
			goto fail;
		sqlite3_bind_int64(s, 1, out->ids[i]);
		if (run(st, s, "cannot remove article", cause) != 0)
			goto fail;
	}
	sqlite3_finalize(s);
	s = NULL;
	if (store_commit(st, cause) != 0)
		goto fail;
	out->removed = out->n;
	return 0;
fail:
	sqlite3_finalize(s);
	store_rollback(st);
	return -1;
}

void
store_removal_free(struct store_removal *r)
{
	free(r->ids);
	memset(r, 0, sizeof *r);
}

/* fsync a file or directory by name; 0 or -1 with errno. */
static int
sync_path(const char *path, int dir)
{
	int	fd, rc;

	if ((fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) |
	    O_CLOEXEC)) == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int
store_backup(struct store *st, const char *dest, int force, char **cause)
{
	sqlite3_stmt	*s;
	struct stat	 sb, db;
	char		*tmp, *dir;
	int		 rc;

	if (lstat(dest, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			*cause = xasprintf("'%s' is a directory", dest);
			return -1;
		}
		if (!force) {
			*cause = xasprintf("'%s' exists: newsread backup "
			    "--force replaces it", dest);
			return -1;
		}
		if (stat(st->path, &db) == 0 && sb.st_dev == db.st_dev &&
		    sb.st_ino == db.st_ino) {
			*cause = xasprintf("'%s' is the database itself", dest);
			return -1;
		}
	}
	/* a whole copy under a temporary name, then renamed: never half */
	tmp = xasprintf("%s.tmp-%ld", dest, (long)getpid());
	unlink(tmp);
	if (sqlite3_prepare_v2(st->db, "VACUUM INTO ?1", -1, &s, NULL) !=
	    SQLITE_OK) {
		*cause = db_cause(st, "cannot back up");
		free(tmp);
		return -1;
	}
	bind_text(s, 1, tmp);
	rc = run(st, s, "cannot back up", cause);
	sqlite3_finalize(s);
	if (rc == 0 && (chmod(tmp, 0600) != 0 || sync_path(tmp, 0) != 0 ||
	    rename(tmp, dest) != 0)) {
		*cause = xasprintf("cannot write '%s': %s", dest,
		    strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		unlink(tmp);
	else {
		dir = dir_of(dest);
		sync_path(dir, 1);
		free(dir);
	}
	free(tmp);
	return rc;
}
