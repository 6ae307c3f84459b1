/*
 * store_story.c: articles' signatures, the band index and the stories
 * (store_story.h). Every statement is a fixed string with bound
 * parameters. Runs inside the caller's transaction.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store_story.h"
#include "story.h"
#include "util.h"

/*
 * The band keys of the articles that came last, a row each, until there
 * were 131,072 of them; then they moved into story_bands in one sorted
 * pass. Schema 9; the migration to 7 makes it too. Schema 10 empties it
 * into story_bands and drops it (recent articles' keys are now kept in
 * memory, below).
 */
#define RECENT_SQL \
	"CREATE TABLE IF NOT EXISTS story_bands_recent(" \
	"  key INTEGER NOT NULL," \
	"  article_id INTEGER NOT NULL," \
	"  PRIMARY KEY(key, article_id)) WITHOUT ROWID;"

/*
 * Schema 10: the articles whose band keys are in story_bands, by id: all
 * those up to story_bands_upto's one row. The keys of the signed
 * articles after it are read from their signatures (story_sigs) into
 * memory when a connection first needs them, kept there as it adds
 * more, and written into story_bands in one sorted pass once there are
 * RECENT_ARTICLES of them (recent_merge). The migration to 7 makes the
 * table too, as the signing of the articles already there needs it.
 */
#define UPTO_SQL \
	"CREATE TABLE IF NOT EXISTS story_bands_upto(id INTEGER NOT NULL);"

/*
 * story_sigs: an article's signature and its story (the id of the
 * story's earliest version); story_bands: the signature's band keys, a
 * row each, to find candidates by key. Deleting an article deletes its
 * row (foreign key); store.c unlinks it first, so that the rest of its
 * story is split right and its bands go too.
 */
const char stories_schema[] =
	"CREATE TABLE IF NOT EXISTS story_sigs("
	"  article_id INTEGER PRIMARY KEY"
	"    REFERENCES articles(id) ON DELETE CASCADE,"
	"  story INTEGER NOT NULL,"
	"  sig BLOB NOT NULL);"
	"CREATE INDEX IF NOT EXISTS story_sigs_story ON story_sigs(story);"
	"CREATE TABLE IF NOT EXISTS story_bands("
	"  key INTEGER NOT NULL,"
	"  article_id INTEGER NOT NULL,"
	"  PRIMARY KEY(key, article_id)) WITHOUT ROWID;"
	RECENT_SQL
	UPTO_SQL;

/*
 * Schema 8: the versions that are not their story's earliest, an index of
 * their ids alone. The list counts stories and keeps each story's
 * earliest version from it (store.c: INDEXED BY), a fifth of story_sigs'
 * rows and none of their signatures: at 100,000 articles, counting the
 * stories read the 100,000 rows of story_sigs_story, 56 M instructions of
 * the reader's 72 M before its first screen.
 */
const char stories_schema_8[] =
	"CREATE INDEX IF NOT EXISTS story_sigs_version ON story_sigs(article_id)"
	"  WHERE story <> article_id;";

/*
 * Schema 9: the band keys of new articles go to story_bands_recent.
 * Written straight into story_bands, each key went to a random page of
 * a table that outgrew the page cache: at 100,000 articles (2.1 M rows,
 * some 1,800 pages of 16 KiB) every batch of 500 articles rewrote
 * nearly all of its pages into the WAL, and the import took 45% more
 * CPU than without stories.
 */
const char stories_schema_9[] = RECENT_SQL;

/*
 * Schema 10: recent keys in memory, not in story_bands_recent, whose 21
 * inserts an article were a fifth of what stories cost an import (a
 * random place in a b-tree each). Its rows move into story_bands; the
 * articles signed are then all in it, unless the signing of the
 * migration to 7 has already said how far it went.
 */
const char stories_schema_10[] =
	"INSERT OR IGNORE INTO story_bands(key, article_id)"
	"  SELECT key, article_id FROM story_bands_recent ORDER BY key;"
	"DROP TABLE story_bands_recent;"
	UPTO_SQL
	"INSERT INTO story_bands_upto(rowid, id)"
	"  SELECT 1, (SELECT coalesce(max(article_id), 0) FROM story_sigs)"
	"  WHERE NOT EXISTS (SELECT 1 FROM story_bands_upto);";

/* Versions in order: dated ones by date, then the rest; then by id. */
#define EARLIEST_SQL "(a.date NOT GLOB '[0-9]*'), a.date, a.id"

enum {
	Q_CAND, Q_BAND_ADD, Q_BAND_DEL, Q_UPTO, Q_UPTO_SET, Q_RECENT_SIGS,
	Q_KEYS, Q_SIGS_COUNT, Q_VERSION, Q_SIG_ADD, Q_SIG_DEL, Q_OF,
	Q_MOVE, Q_SET, Q_MEMBERS, Q_ORDER, Q_TODO,
	Q_COUNT
};

static const char *q_sql[Q_COUNT] = {
	[Q_CAND] = NULL,	/* made by cand_sql(): ?1 .. ?STORY_BANDS */
	[Q_BAND_ADD] = "INSERT OR IGNORE INTO story_bands(key, article_id)"
	    " VALUES (?1, ?2)",
	[Q_BAND_DEL] = "DELETE FROM story_bands WHERE key = ?1"
	    " AND article_id = ?2",
	[Q_UPTO] = "SELECT coalesce(max(id), 0), count(*)"
	    " FROM story_bands_upto",
	[Q_UPTO_SET] = "INSERT OR REPLACE INTO story_bands_upto(rowid, id)"
	    " VALUES (1, ?1)",
	[Q_RECENT_SIGS] = "SELECT article_id, sig FROM story_sigs"
	    " WHERE article_id > ?1",
	[Q_KEYS] = "SELECT key FROM story_bands",
	[Q_SIGS_COUNT] = "SELECT count(*) FROM story_sigs",
	/* changes when another connection commits */
	[Q_VERSION] = "PRAGMA data_version",
	[Q_SIG_ADD] = "INSERT OR REPLACE INTO story_sigs(article_id, story,"
	    " sig) VALUES (?1, ?2, ?3)",
	[Q_SIG_DEL] = "DELETE FROM story_sigs WHERE article_id = ?1",
	[Q_OF] = "SELECT story, sig FROM story_sigs WHERE article_id = ?1",
	[Q_MOVE] = "UPDATE story_sigs SET story = ?2 WHERE story = ?1",
	[Q_SET] = "UPDATE story_sigs SET story = ?2 WHERE article_id = ?1"
	    " AND story <> ?2",
	[Q_MEMBERS] = "SELECT s.article_id, s.sig FROM story_sigs s"
	    " JOIN articles a ON a.id = s.article_id WHERE s.story = ?1"
	    " ORDER BY " EARLIEST_SQL,
	[Q_ORDER] = "SELECT a.id FROM articles a WHERE a.id IN (?1, ?2)"
	    " ORDER BY " EARLIEST_SQL " LIMIT 1",
	[Q_TODO] = "SELECT a.id, a.lead, a.body FROM articles a"
	    " WHERE NOT EXISTS (SELECT 1 FROM story_sigs s"
	    " WHERE s.article_id = a.id) ORDER BY a.id",
};

/*
 * A recent article's band key in memory (32 bits, story.h) and its id, as
 * its distance from story_bands_upto; off 0: a free slot, OFF_GONE: gone.
 * An article further than that from it (never, with SQLite's own ids)
 * has its keys written into story_bands at once.
 */
struct recent_key {
	uint32_t	key;
	uint32_t	off;
};
#define OFF_GONE	UINT32_MAX

struct stories {
	sqlite3		*db;
	char		*path;
	sqlite3_stmt	*q[Q_COUNT];
	/* the keys of the articles after upto, by key (open addressing) */
	struct recent_key *rk;
	size_t		 rk_cap;	/* slots, a power of two, or 0 */
	size_t		 rk_used;	/* slots taken, gone ones too */
	int		 recent;	/* articles there */
	int64_t		 upto;		/* story_bands_upto, -1: to read */
	int64_t		 rk_version;	/* data_version when read */
	int64_t		 dv;		/* data_version, -1: to read */
	uint64_t	*filter;	/* the keys there are (filter_keep) */
	uint64_t	 mask;		/* its bits, less one */
	int64_t		 version;	/* data_version when it was made */
	int64_t		 keys;		/* keys in it */
	int		 added;		/* articles added since */
};

struct stories *
stories_new(sqlite3 *db, const char *path)
{
	struct stories	*ss = xcalloc(1, sizeof *ss);

	ss->db = db;
	ss->path = xstrdup(path);
	ss->upto = -1;
	ss->dv = -1;
	return ss;
}

void
stories_free(struct stories *ss)
{
	int	i;

	if (ss == NULL)
		return;
	for (i = 0; i < Q_COUNT; i++)
		sqlite3_finalize(ss->q[i]);
	free(ss->filter);
	free(ss->rk);
	free(ss->path);
	free(ss);
}

static char *
cause_db(struct stories *ss, const char *what)
{
	return xasprintf("%s: %s: %s", ss->path, what,
	    sqlite3_errmsg(ss->db));
}

/* The candidates' query: every article sharing one of the keys in the
 * band index; a key a probe of each, the keys unsorted (an IN list is
 * sorted into a temporary table first). */
static char *
cand_sql(void)
{
	struct buf	b = { 0 };
	int		i;

	buf_adds(&b, "WITH k(key) AS (VALUES ");
	for (i = 1; i <= STORY_BANDS; i++)
		buf_printf(&b, "%s(?%d)", i > 1 ? ", " : "", i);
	buf_adds(&b, ") SELECT b.article_id FROM k"
	    " JOIN story_bands b ON b.key = k.key");
	return buf_take(&b);
}

static sqlite3_stmt *
q_get(struct stories *ss, int id, char **cause)
{
	sqlite3_stmt	*s = ss->q[id];
	char		*sql;
	int		 rc;

	if (s != NULL) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	sql = id == Q_CAND ? cand_sql() : xstrdup(q_sql[id]);
	rc = sqlite3_prepare_v3(ss->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &s, NULL);
	free(sql);
	if (rc != SQLITE_OK) {
		*cause = cause_db(ss, "cannot prepare statement");
		return NULL;
	}
	ss->q[id] = s;
	return s;
}

/* Run a statement of two integers and no rows. */
static int
q_run2(struct stories *ss, int id, int64_t a, int64_t b, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = q_get(ss, id, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, a);
	sqlite3_bind_int64(s, 2, b);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		*cause = cause_db(ss, "cannot update stories");
		return -1;
	}
	return 0;
}

static int
sig_col(sqlite3_stmt *s, int col, struct story_sig *sig)
{
	return story_sig_decode(sqlite3_column_blob(s, col),
	    (size_t)sqlite3_column_bytes(s, col), sig);
}

/* The earlier of two articles as versions; -1 and *cause on failure. */
static int64_t
earlier(struct stories *ss, int64_t x, int64_t y, char **cause)
{
	sqlite3_stmt	*s;
	int64_t		 r = -1;

	if (x == y)
		return x;
	if ((s = q_get(ss, Q_ORDER, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, x);
	sqlite3_bind_int64(s, 2, y);
	if (sqlite3_step(s) == SQLITE_ROW)
		r = sqlite3_column_int64(s, 0);
	else
		*cause = cause_db(ss, "cannot order versions");
	sqlite3_reset(s);
	return r;
}

/* More candidates than this (a text shared by hundreds) are not read. */
#define CAND_MAX	256

/* Add story to out (at most max) unless it is there. */
static int
story_once(int64_t *out, int n, int max, int64_t story)
{
	int	i;

	for (i = 0; i < n && out[i] != story; i++)
		continue;
	if (i == n && n < max)
		out[n++] = story;
	return n;
}

/*
 * A Bloom filter of the band keys in story_bands, so that a key that is
 * nowhere (all 21 of an article that is no version) costs no probe: at
 * 100,000 articles nearly every probe read a page of the band index
 * from outside the page cache. Made once this connection has added
 * FILTER_AFTER articles (a few pages added cost fewer probes than the
 * reading of every key), of 12 to 24 bits a key there is, three set a
 * key (1% false at 16); keys added go in as they are written, and at 8
 * bits a key it is made again, twice as big. Dropped when
 * another connection commits (its keys are not in it), made again
 * later. Keys deleted stay in it: a probe for nothing, no more.
 */
#define FILTER_AFTER	2000

static void
filter_bits(uint64_t key, uint64_t mask, uint64_t bit[3])
{
	uint64_t	x = (uint64_t)key * 0x9e3779b97f4a7c15ULL;

	bit[0] = (uint64_t)key & mask;
	bit[1] = (x >> 20) & mask;
	bit[2] = (x >> 40 ^ x) & mask;
}

static void
filter_add(struct stories *ss, const int64_t *keys, int n)
{
	uint64_t	bit[3];
	int		i, j;

	if (ss->filter == NULL)
		return;
	for (i = 0; i < n; i++) {
		filter_bits((uint64_t)keys[i], ss->mask, bit);
		for (j = 0; j < 3; j++)
			ss->filter[bit[j] >> 6] |= 1ULL << (bit[j] & 63);
	}
}

/* Whether key may be in the tables (1 without a filter). */
static int
filter_has(const struct stories *ss, int64_t key)
{
	uint64_t	bit[3];
	int		j;

	if (ss->filter == NULL)
		return 1;
	filter_bits((uint64_t)key, ss->mask, bit);
	for (j = 0; j < 3; j++)
		if (!(ss->filter[bit[j] >> 6] & 1ULL << (bit[j] & 63)))
			return 0;
	return 1;
}

/* The data_version of the connection, or -1. */
static int64_t
data_version(struct stories *ss, char **cause)
{
	sqlite3_stmt	*s;
	int64_t		 v = -1;

	if ((s = q_get(ss, Q_VERSION, cause)) == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else
		*cause = cause_db(ss, "cannot read the data version");
	sqlite3_reset(s);
	return v;
}

/* Keep the filter right, v being the data_version: dropped when
 * another connection wrote, made when this one has added enough. 0, or
 * -1 and *cause. */
static int
filter_keep(struct stories *ss, int64_t v, char **cause)
{
	sqlite3_stmt	*s;
	int64_t		 rows = 0, key;
	uint64_t	 bits = 1u << 16;
	int		 rc;

	if (ss->filter == NULL && ss->added < FILTER_AFTER)
		return 0;
	if (ss->filter != NULL) {
		/* full (8 bits a key, 3% false): made again, twice as big */
		if (v == ss->version && ss->keys * 8 <= (int64_t)ss->mask)
			return 0;
		free(ss->filter);
		ss->filter = NULL;
		if (v != ss->version) {
			ss->added = 0;
			return 0;
		}
	}
	/* the keys: STORY_BANDS an article signed */
	if ((s = q_get(ss, Q_SIGS_COUNT, cause)) == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		rows = sqlite3_column_int64(s, 0) * STORY_BANDS;
	sqlite3_reset(s);
	while (bits < (uint64_t)rows * 12)
		bits <<= 1;
	if ((s = q_get(ss, Q_KEYS, cause)) == NULL)
		return -1;
	ss->filter = xcalloc(bits / 64, sizeof *ss->filter);
	ss->mask = bits - 1;
	ss->version = v;
	ss->keys = rows;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		key = sqlite3_column_int64(s, 0);
		filter_add(ss, &key, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(ss->filter);
		ss->filter = NULL;
		*cause = cause_db(ss, "cannot read the band index");
		return -1;
	}
	return 0;
}

/*
 * The recent articles' keys in memory (schema 10). Read from their
 * signatures when the connection first needs them and again when another
 * one has written; forgotten on rollback (stories_forget).
 */
static void
recent_clear(struct stories *ss)
{
	free(ss->rk);
	ss->rk = NULL;
	ss->rk_cap = ss->rk_used = 0;
	ss->recent = 0;
}

/*
 * Articles whose keys are kept in memory before they are written into
 * story_bands: 344,064 keys in a table of 2^19 slots (4 MiB, allocated
 * at once, its pages touched as keys come). Each pass writes every page
 * of story_bands, so fewer passes cost less: at 100,000 articles the
 * passes took 1.7 s of the import, where schema 9's, every 6,242
 * articles, took 2.6 s.
 */
#define RECENT_ARTICLES	16384
#define RECENT_SLOTS	((size_t)1 << 19)
_Static_assert(RECENT_ARTICLES * STORY_BANDS * 10 <= RECENT_SLOTS * 7,
    "the recent keys fill their table to 70% at most");

/* Whether article id's keys are kept in memory. */
static int
in_memory(const struct stories *ss, int64_t id)
{
	return id > ss->upto && id - ss->upto < OFF_GONE;
}

static void
recent_slot(struct stories *ss, uint32_t key, uint32_t off)
{
	size_t	i, mask = ss->rk_cap - 1;

	for (i = key & mask; ss->rk[i].off != 0; i = (i + 1) & mask)
		continue;
	ss->rk[i].key = key;
	ss->rk[i].off = off;
	ss->rk_used++;
}

/* An article's keys into memory (in_memory() is true), the table made
 * again (its gone slots dropped), twice as big, should it be more than
 * 70% full: only when many of the recent articles were changed. */
static void
recent_add(struct stories *ss, const int64_t *keys, int64_t id)
{
	struct recent_key	*old = ss->rk;
	size_t			 n = ss->rk_cap, i;
	int			 k;

	if (n == 0) {
		ss->rk_cap = RECENT_SLOTS;
		ss->rk = xcalloc(ss->rk_cap, sizeof *ss->rk);
	} else if ((ss->rk_used + STORY_BANDS) * 10 > ss->rk_cap * 7) {
		ss->rk_cap = n * 2;
		ss->rk = xcalloc(ss->rk_cap, sizeof *ss->rk);
		ss->rk_used = 0;
		for (i = 0; i < n; i++)
			if (old[i].off != 0 && old[i].off != OFF_GONE)
				recent_slot(ss, old[i].key, old[i].off);
		free(old);
	}
	for (k = 0; k < STORY_BANDS; k++)
		recent_slot(ss, (uint32_t)keys[k], (uint32_t)(id - ss->upto));
	ss->recent++;
}

/* Mark an article's keys gone. */
static void
recent_drop(struct stories *ss, const int64_t *keys, int64_t id)
{
	size_t		i, mask = ss->rk_cap - 1;
	uint32_t	off = (uint32_t)(id - ss->upto);
	int		k, found = 0;

	for (k = 0; k < STORY_BANDS && ss->rk_cap > 0; k++)
		for (i = (uint32_t)keys[k] & mask; ss->rk[i].off != 0;
		    i = (i + 1) & mask)
			if (ss->rk[i].key == (uint32_t)keys[k] &&
			    ss->rk[i].off == off) {
				ss->rk[i].off = OFF_GONE;
				found = 1;
				break;
			}
	if (found)
		ss->recent--;
}

/* The articles with key in memory, into cand (nc there, at most
 * CAND_MAX); their number. */
static int
recent_find(const struct stories *ss, int64_t key, int64_t *cand, int nc)
{
	size_t	i, mask = ss->rk_cap - 1;

	if (ss->rk_cap == 0)
		return nc;
	for (i = (uint32_t)key & mask; ss->rk[i].off != 0; i = (i + 1) & mask)
		if (ss->rk[i].key == (uint32_t)key && ss->rk[i].off != OFF_GONE)
			nc = story_once(cand, nc, CAND_MAX,
			    ss->upto + ss->rk[i].off);
	return nc;
}

/* Read the recent keys unless they are known as of data_version v. 0,
 * or -1 and *cause. */
static int
recent_keep(struct stories *ss, int64_t v, char **cause)
{
	sqlite3_stmt		*s;
	struct story_sig	 sig;
	int64_t			 keys[STORY_BANDS], rows = 0;
	int			 rc;

	if (ss->upto >= 0 && v == ss->rk_version)
		return 0;
	recent_clear(ss);
	ss->upto = -1;
	if ((s = q_get(ss, Q_UPTO, cause)) == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ss->upto = sqlite3_column_int64(s, 0);
		rows = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW) {
		*cause = cause_db(ss, "cannot read the band index");
		return -1;
	}
	/* none yet (the signing of the migration to 7): from the start */
	if (rows == 0 && q_run2(ss, Q_UPTO_SET, 0, 0, cause) != 0)
		return -1;
	if ((s = q_get(ss, Q_RECENT_SIGS, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, ss->upto);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (sig_col(s, 1, &sig) == 0 &&
		    in_memory(ss, sqlite3_column_int64(s, 0))) {
			story_bands(&sig, keys);
			recent_add(ss, keys, sqlite3_column_int64(s, 0));
		}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		recent_clear(ss);
		ss->upto = -1;
		*cause = cause_db(ss, "cannot read the band index");
		return -1;
	}
	ss->rk_version = v;
	return 0;
}

/*
 * Make the filter and the recent keys right: as of the data_version read
 * once a transaction (no other connection writes within one; a PRAGMA
 * an article was a tenth of what stories cost an import). 0, or -1 and
 * *cause.
 */
static int
keys_keep(struct stories *ss, char **cause)
{
	if ((ss->dv < 0 || sqlite3_get_autocommit(ss->db)) &&
	    (ss->dv = data_version(ss, cause)) < 0)
		return -1;
	if (filter_keep(ss, ss->dv, cause) != 0 ||
	    recent_keep(ss, ss->dv, cause) != 0)
		return -1;
	return 0;
}

void
stories_begin(struct stories *ss)
{
	ss->dv = -1;
}

void
stories_forget(struct stories *ss)
{
	recent_clear(ss);
	ss->upto = -1;
	ss->dv = -1;
}

/* The stories that sig (its band keys: keys) links to, into stories
 * (at most max): the articles sharing a band (the recent keys in memory,
 * the band index on disk), then each one's row. */
static int
linked_stories(struct stories *ss, const struct story_sig *sig,
    const int64_t *keys, int64_t *out, int max, char **cause)
{
	sqlite3_stmt		*s;
	struct story_sig	 other;
	int64_t			 cand[CAND_MAX];
	int			 i, j, n = 0, nc = 0, rc, probes = 0;

	if ((s = q_get(ss, Q_CAND, cause)) == NULL)
		return -1;
	/* a key left unbound is NULL, which no row matches, unread */
	for (i = 0; i < STORY_BANDS; i++) {
		nc = recent_find(ss, keys[i], cand, nc);
		if (filter_has(ss, keys[i])) {
			sqlite3_bind_int64(s, i + 1, keys[i]);
			probes++;
		}
	}
	while (probes > 0 && (rc = sqlite3_step(s)) == SQLITE_ROW)
		nc = story_once(cand, nc, CAND_MAX,
		    sqlite3_column_int64(s, 0));
	sqlite3_reset(s);
	if (probes > 0 && rc != SQLITE_DONE) {
		*cause = cause_db(ss, "cannot find versions");
		return -1;
	}
	for (j = 0; j < nc; j++) {
		if ((s = q_get(ss, Q_OF, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, cand[j]);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW && sig_col(s, 1, &other) == 0 &&
		    story_same(sig, &other))
			n = story_once(out, n, max,
			    sqlite3_column_int64(s, 0));
		sqlite3_reset(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			*cause = cause_db(ss, "cannot find versions");
			return -1;
		}
	}
	return n;
}

static int
key_cmp(const void *a, const void *b)
{
	const struct recent_key	*x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->off > y->off) - (x->off < y->off);
}

/* Write the recent keys into story_bands once there are RECENT_ARTICLES
 * articles' of them, in key order (each page of the index read and
 * written once), and say how far story_bands goes. The table is sorted
 * in place, then emptied. 0, or -1 and *cause. */
static int
recent_merge(struct stories *ss, char **cause)
{
	struct recent_key	*v = ss->rk;
	size_t			 n = 0, i;
	int64_t			 upto = ss->upto, id, key;
	int			 ret = 0;

	if (ss->recent < RECENT_ARTICLES)
		return 0;
	for (i = 0; i < ss->rk_cap; i++)
		if (v[i].off != 0 && v[i].off != OFF_GONE)
			v[n++] = v[i];
	qsort(v, n, sizeof *v, key_cmp);
	for (i = 0; i < n && ret == 0; i++) {
		id = ss->upto + v[i].off;
		if (id > upto)
			upto = id;
		key = v[i].key;
		if ((ret = q_run2(ss, Q_BAND_ADD, key, id, cause)) == 0)
			filter_add(ss, &key, 1);
	}
	if (ret == 0)
		ret = q_run2(ss, Q_UPTO_SET, upto, 0, cause);
	recent_clear(ss);
	if (ret != 0) {
		/* read again from the signatures */
		ss->upto = -1;
		return -1;
	}
	ss->upto = upto;
	return 0;
}

/* Add (or with del, remove) keys, the band keys of article id: in
 * memory when it comes after story_bands_upto, else in story_bands. */
static int
bands_write(struct stories *ss, int64_t id, const int64_t *keys, int del,
    char **cause)
{
	int	i;

	if (in_memory(ss, id)) {
		if (del) {
			recent_drop(ss, keys, id);
			return 0;
		}
		recent_add(ss, keys, id);
	} else {
		for (i = 0; i < STORY_BANDS; i++)
			if (q_run2(ss, del ? Q_BAND_DEL : Q_BAND_ADD, keys[i],
			    id, cause) != 0)
				return -1;
		if (del)
			return 0;
		filter_add(ss, keys, STORY_BANDS);
	}
	ss->keys += STORY_BANDS;
	ss->added++;
	return recent_merge(ss, cause);
}

static int
sig_write(struct stories *ss, int64_t id, int64_t story,
    const struct story_sig *sig, char **cause)
{
	sqlite3_stmt	*s;
	unsigned char	 enc[STORY_SIG_BYTES];
	int		 rc;

	if ((s = q_get(ss, Q_SIG_ADD, cause)) == NULL)
		return -1;
	story_sig_encode(sig, enc);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, story);
	sqlite3_bind_blob(s, 3, enc, sizeof enc, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		*cause = cause_db(ss, "cannot store signature");
		return -1;
	}
	return 0;
}

/* More stories than this merged by one article are not looked for. */
#define LINKED_MAX	64

int
stories_add(struct stories *ss, int64_t id, const struct story_sig *sig,
    char **cause)
{
	int64_t	stories[LINKED_MAX], keys[STORY_BANDS], head = id;
	int	n, i;

	if (sig == NULL)
		return 0;
	story_bands(sig, keys);
	if (keys_keep(ss, cause) != 0 || (n = linked_stories(ss, sig, keys,
	    stories, LINKED_MAX, cause)) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if ((head = earlier(ss, head, stories[i], cause)) < 0)
			return -1;
	for (i = 0; i < n; i++)
		if (stories[i] != head &&
		    q_run2(ss, Q_MOVE, stories[i], head, cause) != 0)
			return -1;
	if (sig_write(ss, id, head, sig, cause) != 0)
		return -1;
	return bands_write(ss, id, keys, 0, cause);
}

struct member {
	int64_t			id;
	struct story_sig	sig;
	int64_t			keys[STORY_BANDS];
	size_t			root;
};

static size_t
root_of(struct member *m, size_t i)
{
	while (m[i].root != i)
		i = m[i].root = m[m[i].root].root;
	return i;
}

static int
bands_shared(const struct member *x, const struct member *y)
{
	int	i;

	for (i = 0; i < STORY_BANDS; i++)
		if (x->keys[i] == y->keys[i])
			return 1;
	return 0;
}

/* The members of story, earliest first, with their signatures and
 * bands: their number and an allocated *out, or -1 and *cause. */
static int
members_read(struct stories *ss, int64_t story, struct member **out,
    char **cause)
{
	sqlite3_stmt	*s;
	struct member	*m = NULL;
	size_t		 n = 0, cap = 0;
	int		 rc;

	*out = NULL;
	if ((s = q_get(ss, Q_MEMBERS, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, story);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			m = xreallocarray(m, cap, sizeof *m);
		}
		m[n].id = sqlite3_column_int64(s, 0);
		if (sig_col(s, 1, &m[n].sig) != 0)
			memset(&m[n].sig, 0, sizeof m[n].sig);
		story_bands(&m[n].sig, m[n].keys);
		m[n].root = n;
		n++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(m);
		*cause = cause_db(ss, "cannot read a story");
		return -1;
	}
	*out = m;
	return (int)n;
}

/* Regroup the members left in story: each linked group its own story,
 * its id the first member's (they come earliest first). */
static int
regroup(struct stories *ss, int64_t story, char **cause)
{
	struct member	*m;
	size_t		 n, i, j;
	int		 got, ret = 0;

	if ((got = members_read(ss, story, &m, cause)) < 0)
		return -1;
	n = (size_t)got;
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (root_of(m, i) != root_of(m, j) &&
			    bands_shared(&m[i], &m[j]) &&
			    story_same(&m[i].sig, &m[j].sig)) {
				size_t	ri = root_of(m, i), rj = root_of(m, j);

				/* the earlier member stays the root */
				if (ri < rj)
					m[rj].root = ri;
				else
					m[ri].root = rj;
			}
	for (i = 0; i < n && ret == 0; i++)
		ret = q_run2(ss, Q_SET, m[i].id, m[root_of(m, i)].id, cause);
	free(m);
	return ret;
}

int
stories_unlink(struct stories *ss, int64_t id, char **cause)
{
	sqlite3_stmt		*s;
	struct story_sig	 sig;
	int64_t			 story, keys[STORY_BANDS];
	int			 rc, bad;

	if (keys_keep(ss, cause) != 0 ||
	    (s = q_get(ss, Q_OF, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			return 0;
		*cause = cause_db(ss, "cannot read a story");
		return -1;
	}
	story = sqlite3_column_int64(s, 0);
	bad = sig_col(s, 1, &sig);
	sqlite3_reset(s);
	if (!bad) {
		story_bands(&sig, keys);
		if (bands_write(ss, id, keys, 1, cause) != 0)
			return -1;
	}
	if (q_run2(ss, Q_SIG_DEL, id, 0, cause) != 0)
		return -1;
	return regroup(ss, story, cause);
}

struct signed_article {
	int64_t			id;
	struct story_sig	sig;
};

int
stories_backfill(struct stories *ss, char **cause)
{
	sqlite3_stmt		*s;
	struct signed_article	*todo = NULL;
	size_t			 n = 0, cap = 0, i;
	int			 rc, ret = 0;

	/* sign first, write after: the reading statement stays apart */
	if ((s = q_get(ss, Q_TODO, cause)) == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char	*lead = (const char *)sqlite3_column_text(s, 1);
		const char	*body = (const char *)sqlite3_column_text(s, 2);
		char		*text;
		int		 got;

		if (n == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			todo = xreallocarray(todo, cap, sizeof *todo);
		}
		body = body != NULL ? body : "";
		got = story_sign_text(body, strlen(body), &todo[n].sig);
		if (got != 0 && lead != NULL) {
			/* as story_sign(): the lead too when the body is
			 * too short */
			text = xasprintf("%s\n%s", lead, body);
			got = story_sign_text(text, strlen(text),
			    &todo[n].sig);
			free(text);
		}
		if (got == 0)
			todo[n++].id = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(todo);
		*cause = cause_db(ss, "cannot read articles");
		return -1;
	}
	for (i = 0; i < n && ret == 0; i++)
		ret = stories_add(ss, todo[i].id, &todo[i].sig, cause);
	free(todo);
	return ret;
}

int
stories_members(struct stories *ss, int64_t id, int64_t **ids,
    char **cause)
{
	sqlite3_stmt	*s;
	struct member	*m = NULL;
	int64_t		 story = id;
	int		 rc, n = 0, i;

	*ids = NULL;
	if ((s = q_get(ss, Q_OF, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		story = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = cause_db(ss, "cannot read a story");
		return -1;
	}
	if (rc == SQLITE_ROW && (n = members_read(ss, story, &m, cause)) < 0)
		return -1;
	*ids = xreallocarray(NULL, n > 0 ? (size_t)n : 1, sizeof **ids);
	for (i = 0; i < n; i++)
		(*ids)[i] = m[i].id;
	free(m);
	if (n == 0)
		(*ids)[n++] = id;
	return n;
}
