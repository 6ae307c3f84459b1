/*
 * test_store_story.c: stories in the store: versions found as articles
 * come, the earliest version heading the story, a story split right when
 * one of its versions changes or goes, search and the list by stories,
 * the whole story marked read, and the migration that signs the articles
 * of an older database.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"
#include "story.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static char	*tmpdir;

static const char *syl[] = {
	"người", "dân", "tỉnh", "huyện", "mưa", "lũ", "đường", "cầu",
	"trường", "học", "sinh", "giá", "vàng", "gạo", "xe", "khách",
	"bệnh", "viện", "thuốc", "điện", "nước", "sông", "biển", "cảng",
	"hàng", "chợ", "phố", "nhà", "máy", "đất", "rừng", "núi", "đồi",
	"bản", "xã", "thôn", "làng", "quận", "phường", "tàu", "ga", "sân",
	"bay", "vốn", "thuế", "lãi", "suất", "tiền", "lương", "công", "ty",
	"chợ", "cá", "tôm", "lúa", "ngô", "cà", "phê", "tiêu", "điều"
};

/* Paragraph k of story n: 30 words, the same each time it is asked. */
static char *
para(int n, int k)
{
	struct buf	b = { 0 };
	unsigned	x = (unsigned)(n * 7919 + k * 104729 + 1);
	int		i;

	for (i = 0; i < 30; i++) {
		x = x * 1103515245u + 12345u;
		buf_printf(&b, "%s%s", i > 0 ? " " : "",
		    syl[(x >> 16) % (sizeof syl / sizeof *syl)]);
	}
	buf_adds(&b, ".");
	return buf_take(&b);
}

/*
 * Story n as an outlet publishes it: paragraphs from..to-1 of the story,
 * and extra, when not 0, a paragraph of its own.
 */
static struct article *
version(int n, const char *source, const char *date, int from, int to,
    int extra)
{
	struct article	*a = article_new();
	int		 k;

	a->title = xasprintf("Câu chuyện %d, %s", n, source);
	a->source = xstrdup(source);
	article_date_parse(date, &a->date);
	a->lead = xstrdup("Tin tổng hợp.");
	for (k = from; k < to; k++)
		strv_push(&a->body, para(n, k));
	if (extra)
		strv_push(&a->body, para(1000 + extra, 0));
	return a;
}

/* Store a (and free it); 0, or -1 said as a comment. */
static int
put(struct store *st, const char *path, struct article *a)
{
	char	*cause = NULL, *hash = xasprintf("%s-%s", path, a->title);
	int	 r;

	/* the hash names the text: a new text at a path is a change */
	r = store_put(st, path, hash, a, &cause);
	article_free(a);
	free(hash);
	if (r < 0) {
		printf("# %s\n", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* The list by stories, newest first: "id+versions/outlets" each. */
static char *
list(struct store *st, int stories)
{
	struct store_view	 v = { STORE_BY_DATE, NULL, 0, stories };
	struct store_rows	 rows = { 0 };
	struct buf		 b = { 0 };
	char			*cause = NULL;
	size_t			 i;

	if (store_page(st, &v, NULL, 0, 100, &rows, &cause) != 0) {
		printf("# %s\n", cause);
		free(cause);
	}
	for (i = 0; i < rows.n; i++)
		buf_printf(&b, "%s%lld+%d/%d", i > 0 ? " " : "",
		    (long long)rows.v[i].id, rows.v[i].versions,
		    rows.v[i].outlets);
	store_rows_free(&rows);
	if (b.s == NULL)
		buf_adds(&b, "");
	return buf_take(&b);
}

/* Whether the database at path has a table or index of that name. */
static int
schema_has(const char *path, const char *name)
{
	sqlite3		*db;
	sqlite3_stmt	*s;
	int		 found = 0;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return 0;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema"
	    " WHERE name = ?1", -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(s) == SQLITE_ROW;
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return found;
}

/* The versions of id's story, earliest first: "id id ...". */
/* Remove article id with store_remove: its count removed, or -1. */
static int
remove_one(struct store *st, int64_t id)
{
	struct store_removal	 r;
	char			*cause = NULL;
	int			 n;

	if (store_remove(st, &id, 1, NULL, 0, &r, &cause) != 0) {
		free(cause);
		return -1;
	}
	n = (int)r.removed;
	store_removal_free(&r);
	return n;
}

static char *
versions(struct store *st, int64_t id)
{
	struct store_rows	 rows = { 0 };
	struct buf		 b = { 0 };
	char			*cause = NULL;
	size_t			 i;

	if (store_story_versions(st, id, &rows, &cause) != 0) {
		printf("# %s\n", cause);
		free(cause);
	}
	for (i = 0; i < rows.n; i++)
		buf_printf(&b, "%s%lld", i > 0 ? " " : "",
		    (long long)rows.v[i].id);
	store_rows_free(&rows);
	if (b.s == NULL)
		buf_adds(&b, "");
	return buf_take(&b);
}

#define CHECK(got, want, ...) do {					\
	char *g_ = (got);						\
	is_str(g_, want, __VA_ARGS__);					\
	free(g_);							\
} while (0)

static void
test_group(void)
{
	char		*path = xasprintf("%s/group.db", tmpdir);
	char		*cause = NULL;
	struct store	*st = store_open(path, 0, &cause);

	/* 1: story 1 first seen on the 12th; 2: an unrelated story;
	 * 3: story 1 republished earlier-dated (the wire's own, the 10th)
	 * with a paragraph dropped; 4: story 1 with one added, elsewhere */
	put(st, "p1", version(1, "Báo A", "2024-05-12", 0, 6, 0));
	put(st, "p2", version(2, "Báo B", "2024-05-13", 0, 6, 0));
	CHECK(list(st, 1), "2+0/1 1+0/1", "two stories, one version each");
	put(st, "p3", version(1, "TTXVN", "2024-05-10", 0, 5, 0));
	put(st, "p4", version(1, "Báo C", "2024-05-14", 0, 6, 7));
	CHECK(list(st, 1), "2+0/1 3+2/3",
	    "versions join: the story is headed by its earliest version");
	CHECK(list(st, 0), "4+0/0 2+0/0 1+0/0 3+0/0",
	    "without stories every article is a row");
	{
		struct store_view	v = { STORE_BY_DATE, NULL, 0, 1 };
		struct store_view	b = { STORE_BY_DATE, "TTXVN", 0, 1 };

		ok(store_count(st, &v, &cause) == 2, "two stories counted");
		ok(store_count(st, &b, &cause) == 1,
		    "and one of a source's");
	}
	CHECK(versions(st, 4), "3 1 4", "a story's versions, earliest first");
	CHECK(versions(st, 2), "2", "an article alone is its own story");

	/* 1 changes into another text: it leaves, 3 and 4 stay linked */
	put(st, "p1", version(5, "Báo A", "2024-05-12", 0, 6, 0));
	CHECK(versions(st, 3), "3 4", "a changed version leaves its story");
	CHECK(versions(st, 1), "1", "and stands alone");

	/* a chain: 6 links 3 and 4 through its two halves; removing it
	 * must split what only it held together */
	store_close(st);
	st = store_open(path, 0, &cause);
	put(st, "p6", version(8, "Báo D", "2024-06-01", 0, 4, 0));
	put(st, "p7", version(8, "Báo E", "2024-06-02", 0, 7, 0));
	put(st, "p8", version(8, "Báo F", "2024-06-03", 3, 7, 0));
	CHECK(versions(st, 7), "5 6 7", "a chain is one story");
	ok(remove_one(st, 6) == 1, "a version is removed");
	CHECK(versions(st, 5), "5", "the chain splits at the removed link");
	CHECK(versions(st, 7), "7", "on both sides");
	ok(remove_one(st, 6) == 0, "removing it again finds none");
	ok(remove_one(st, 3) == 1, "the earliest version goes");
	CHECK(versions(st, 4), "4", "and the next heads the story");

	/* reading the story reads every version */
	put(st, "p9", version(9, "Báo A", "2024-07-01", 0, 6, 0));
	put(st, "p10", version(9, "Báo B", "2024-07-02", 0, 6, 3));
	CHECK(versions(st, 9), "8 9", "ids go on from the highest");
	ok(store_story_mark_read(st, 9, &cause) == 0,
	    "a story is marked read");
	{
		int64_t	all, unread, bm;

		store_totals(st, &all, &unread, &bm, &cause);
		ok(unread == all - 2, "both its versions are read (%lld of "
		    "%lld unread)", (long long)unread, (long long)all);
	}
	store_close(st);
	free(path);
}

static void
test_search(void)
{
	char			*path = xasprintf("%s/search.db", tmpdir);
	char			*cause = NULL;
	struct store		*st = store_open(path, 0, &cause);
	struct store_search	 s = { 0 };
	struct store_rows	 rows = { 0 };
	struct article		*a;

	put(st, "s1", version(11, "Báo A", "2024-05-12", 0, 6, 0));
	a = version(11, "Báo B", "2024-05-13", 0, 6, 0);
	strv_add(&a->body, "Riêng bản này nói tới Xuân Trường.");
	put(st, "s2", a);
	put(st, "s3", version(11, "Báo C", "2024-05-14", 0, 6, 4));
	s.fts = "\"tin\"";
	s.sort = STORE_SORT_RECENT;
	store_search(st, &s, 0, 10, &rows, &cause);
	ok(rows.n == 3, "a search without stories finds every version");
	store_rows_free(&rows);
	s.stories = 1;
	store_search(st, &s, 0, 10, &rows, &cause);
	ok(rows.n == 1 && rows.v[0].id == 1 && rows.v[0].versions == 2,
	    "by stories, one row: the earliest version, +2");
	store_rows_free(&rows);
	ok(store_search_count(st, &s, &cause) == 1, "and it counts one");
	s.fts = "\"xuan\" \"truong\"";
	store_search(st, &s, 0, 10, &rows, &cause);
	ok(rows.n == 0,
	    "a version matching alone is not shown by stories");
	store_rows_free(&rows);
	store_close(st);
	free(path);
}

/* Bytes this process has read through read(2) and pread(2) so far. */
static long long
bytes_read(void)
{
	FILE		*f = fopen("/proc/self/io", "r");
	char		 line[128];
	long long	 n = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "rchar: %lld", &n) == 1)
			break;
	fclose(f);
	return n;
}

/*
 * Counting a search by stories, the reader's default, asks the index and
 * the later versions' index: no article's row is read (each its own page
 * at a million articles, where reading them took 2 s a count). In the
 * bookmarks view the same, one lookup a match in bookmarks.
 */
static void
test_search_count(void)
{
	char			*path = xasprintf("%s/count.db", tmpdir);
	char			*cause = NULL;
	struct store		*st = store_open(path, 0, &cause);
	struct store_search	 s = { 0 };
	long long		 before, after;
	int64_t			 n;
	int			 i;

	store_begin(st, &cause);
	/* rows of some 6 KB: 300 of them fill 110 pages of 16 KiB; then
	 * a later version of the first two stories */
	for (i = 0; i < 302; i++) {
		char		 p[16];
		struct article	*a = version(i % 300, i >= 300 ? "Báo C" :
		    i % 2 ? "Báo A" : "Báo B", i >= 300 ? "2024-05-13" :
		    "2024-05-12", 0, 30, 0);

		snprintf(p, sizeof p, "c%d", i);
		put(st, p, a);
	}
	store_commit(st, &cause);
	store_bookmark_toggle(st, 1, &cause);
	store_bookmark_toggle(st, 2, &cause);
	store_bookmark_toggle(st, 301, &cause);	/* v0 */
	store_close(st);

	/* a connection of its own: every page it needs is read */
	st = store_open(path, STORE_EXISTING | STORE_READ, &cause);
	s.fts = "\"tin\"";
	s.stories = 1;
	before = bytes_read();
	n = store_search_count(st, &s, &cause);
	after = bytes_read();
	ok(n == 300, "by stories, 302 matches count 300 stories (%lld)",
	    (long long)n);
	ok(before >= 0 && after - before < 300 * 6000 / 4,
	    "counting them read %lld bytes, not every article's row (2.7 MB)",
	    after - before);
	s.bookmarks = 1;
	ok(store_search_count(st, &s, &cause) == 2,
	    "bookmarked, by stories: 2 (a bookmarked later version is not)");
	s.stories = 0;
	ok(store_search_count(st, &s, &cause) == 3,
	    "bookmarked, every version: 3");
	s.bookmarks = 0;
	s.source = "Báo C";
	ok(store_search_count(st, &s, &cause) == 2,
	    "in one source: its 2 versions");
	store_close(st);
	free(path);
}

/* Two outlets' own reports of one flood, a third on another, and a
 * version: coverage is the second alone. */
static void
test_coverage(void)
{
	char			*path = xasprintf("%s/cover.db", tmpdir);
	char			*cause = NULL;
	struct store		*st = store_open(path, 0, &cause);
	struct store_rows	 rows = { 0 };
	struct article		*a;

	a = version(31, "Báo A", "2024-10-14", 0, 3, 0);
	strv_add(&a->body, "Nước sông Trà Khúc dâng cao, nhiều xã ở Quảng "
	    "Ngãi ngập sâu; 2.350 hộ đã được đưa đến nơi an toàn.");
	put(st, "c1", a);
	a = version(32, "Báo B", "2024-10-15", 0, 3, 0);
	strv_add(&a->body, "Tại huyện ven biển của Quảng Ngãi, lực lượng "
	    "biên phòng giúp 2.350 hộ rời nhà khi sông Trà Khúc lên.");
	put(st, "c2", a);
	a = version(33, "Báo C", "2024-10-15", 0, 3, 0);
	strv_add(&a->body, "Ở Quảng Ngãi hôm nay trời nắng, nông dân ra "
	    "đồng gặt lúa sớm.");
	put(st, "c3", a);
	a = version(32, "Báo D", "2024-10-30", 0, 3, 0);
	strv_add(&a->body, "Hai tuần sau, sông Trà Khúc ở Quảng Ngãi lại "
	    "lên, 2.350 hộ lo lắng.");
	put(st, "c4", a);
	a = version(31, "Báo E", "2024-10-14", 0, 3, 0);
	strv_add(&a->body, "Nước sông Trà Khúc dâng cao, nhiều xã ở Quảng "
	    "Ngãi ngập sâu; 2.350 hộ đã được đưa đến nơi an toàn.");
	put(st, "c5", a);
	CHECK(versions(st, 5), "1 5", "the same report elsewhere is a version");
	ok(store_coverage(st, 1, &rows, &cause) == 0 && rows.n == 1 &&
	    rows.v[0].id == 2, "coverage: the other outlet's own report, "
	    "not a version, not another event, not weeks later");
	store_rows_free(&rows);
	store_close(st);
	free(path);
}

/* One number a query gives on the database at path, or -1. */
static int64_t
query_at(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*s;
	int64_t		 v = -1;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return v;
}

/*
 * Write the band keys of the signed articles that where selects into
 * table, as an older schema kept them (story.h's keys, as the store's).
 */
static void
keys_into(const char *path, const char *table, const char *where)
{
	sqlite3			*db;
	sqlite3_stmt		*s, *w;
	struct story_sig	 sig;
	int64_t			 keys[STORY_BANDS];
	char			*sql;
	int			 i;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return;
	sql = xasprintf("SELECT article_id, sig FROM story_sigs WHERE %s",
	    where);
	sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	free(sql);
	sql = xasprintf("INSERT OR IGNORE INTO %s(key, article_id)"
	    " VALUES (?1, ?2)", table);
	sqlite3_prepare_v2(db, sql, -1, &w, NULL);
	free(sql);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (story_sig_decode(sqlite3_column_blob(s, 1),
		    (size_t)sqlite3_column_bytes(s, 1), &sig) != 0)
			continue;
		story_bands(&sig, keys);
		for (i = 0; i < STORY_BANDS; i++) {
			sqlite3_bind_int64(w, 1, keys[i]);
			sqlite3_bind_int64(w, 2, sqlite3_column_int64(s, 0));
			sqlite3_step(w);
			sqlite3_reset(w);
		}
	}
	sqlite3_finalize(s);
	sqlite3_finalize(w);
	sqlite3_close(db);
}

/*
 * New articles' band keys are kept in memory, read from their signatures
 * by a connection that needs them, and move into story_bands in one
 * pass when there are 16,384 articles' of them (story_bands_upto says how
 * far it goes): versions are found in both, before and after, after the
 * 2,000 articles from which the keys are filtered in memory, and by a
 * connection that did not add them.
 */
static void
test_recent(void)
{
	char		*path = xasprintf("%s/recent.db", tmpdir);
	char		*cause = NULL, *p;
	struct store	*st = store_open(path, 0, &cause), *st2;
	int		 n, bad = 0;

	put(st, "v0", version(20000, "Báo A", "2024-02-01", 0, 3, 0));
	put(st, "v1", version(20000, "Báo B", "2024-02-02", 0, 3, 1));
	CHECK(versions(st, 2), "1 2", "a version found in the recent keys");
	ok(query_at(path, "SELECT count(*) FROM story_bands") == 0 &&
	    query_at(path, "SELECT id FROM story_bands_upto") == 0,
	    "which are not written");
	if (store_begin(st, &cause) != 0)
		bad = 1;
	for (n = 0; n < 16400 && !bad; n++) {
		p = xasprintf("r%d", n);
		/* 4000 a version of 3000, both after the filter is made */
		bad = put(st, p, version(30000 + (n == 4000 ? 3000 : n),
		    "Báo C", "2024-02-03", 0, 2, n == 4000 ? 3 : 0)) != 0;
		free(p);
	}
	if (bad || store_commit(st, &cause) != 0)
		printf("# %s\n", cause != NULL ? cause : "a put failed");
	/* another connection's article, then its version here: the keys
	 * this one knows of are read again */
	st2 = store_open(path, 0, &cause);
	put(st2, "w0", version(20001, "Báo E", "2024-02-05", 0, 3, 0));
	store_close(st2);
	put(st, "w1", version(20001, "Báo F", "2024-02-06", 0, 3, 1));
	CHECK(versions(st, 16404), "16403 16404",
	    "a version of another connection's new article is found");
	ok(query_at(path, "SELECT id FROM story_bands_upto") == 16384 &&
	    query_at(path, "SELECT count(DISTINCT article_id)"
	    " FROM story_bands") == 16384 &&
	    query_at(path, "SELECT max(article_id) FROM story_bands") == 16384,
	    "the keys of the first 16,384 articles moved into the band index");
	CHECK(versions(st, 4003), "3003 4003",
	    "a version of an article added since the filter was made");
	put(st, "v2", version(20000, "Báo D", "2024-02-04", 1, 3, 2));
	CHECK(versions(st, 16405), "1 2 16405",
	    "a version found in the band index");
	ok(remove_one(st, 1) == 1 &&
	    query_at(path, "SELECT count(*) FROM story_bands"
	    " WHERE article_id = 1") == 0, "its keys go when it goes");
	store_close(st);
	/* a connection that added none: the recent keys from the
	 * signatures */
	st = store_open(path, 0, &cause);
	put(st, "w2", version(20001, "Báo G", "2024-02-07", 0, 3, 2));
	CHECK(versions(st, 16406), "16403 16404 16406",
	    "a version of a recent article found by a new connection");
	ok(query_at(path, "SELECT count(*) FROM story_bands"
	    " WHERE article_id > 16384") == 0, "whose keys are not written");
	store_close(st);
	free(path);
}

/*
 * Take the database at path back to an older schema with sql, open it
 * again (the store migrates it) and check it reaches the current one.
 */
static struct store *
reopen_from(const char *path, int from, const char *sql)
{
	struct store	*st;
	sqlite3		*db;
	char		*cause = NULL;

	sqlite3_open(path, &db);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	st = store_open(path, 0, &cause);
	ok(st != NULL && store_version(st) == STORE_SCHEMA_VERSION,
	    "schema %d migrates to %d", from, STORE_SCHEMA_VERSION);
	if (cause != NULL)
		printf("# %s\n", cause);
	free(cause);
	return st;
}

static void
test_migration(void)
{
	char			*path = xasprintf("%s/old.db", tmpdir);
	char			*cause = NULL;
	struct store		*st = store_open(path, 0, &cause);
	struct store_view	 v = { STORE_BY_DATE, NULL, 0, 1 };
	struct store_view	 b = { STORE_BY_DATE, "Báo B", 0, 1 };

	put(st, "m1", version(21, "Báo A", "2024-05-12", 0, 6, 0));
	put(st, "m2", version(21, "Báo B", "2024-05-11", 1, 6, 0));
	put(st, "m3", version(22, "Báo B", "2024-05-11", 0, 6, 0));
	store_close(st);
	/* as schema 6 left it: no stories */
	st = reopen_from(path, 6, "DROP TABLE story_sigs;"
	    " DROP TABLE story_bands; PRAGMA user_version = 6");
	CHECK(list(st, 1), "3+0/1 2+1/2",
	    "the articles there are signed and grouped");
	store_close(st);
	/* as schema 7 left it: no index of versions */
	st = reopen_from(path, 7, "DROP INDEX story_sigs_version;"
	    " PRAGMA user_version = 7");
	ok(schema_has(path, "story_sigs_version"),
	    "the index of versions is made");
	CHECK(list(st, 1), "3+0/1 2+1/2", "its stories list as before");
	ok(store_count(st, &v, &cause) == 2 &&
	    store_count(st, &b, &cause) == 2, "and count as before");
	store_close(st);
	/* as schema 8 left it: every band key in story_bands */
	keys_into(path, "story_bands", "1");
	st = reopen_from(path, 8, "DROP TABLE story_bands_upto;"
	    " PRAGMA user_version = 8");
	put(st, "m4", version(22, "Báo C", "2024-05-13", 0, 6, 1));
	CHECK(versions(st, 4), "3 4", "a new version joins a story there");
	store_close(st);
	/* as schema 9 left it: the keys of 4 in story_bands_recent, the
	 * others' in story_bands */
	query_at(path, "CREATE TABLE story_bands_recent("
	    " key INTEGER NOT NULL, article_id INTEGER NOT NULL,"
	    " PRIMARY KEY(key, article_id)) WITHOUT ROWID");
	keys_into(path, "story_bands", "article_id < 4");
	keys_into(path, "story_bands_recent", "article_id = 4");
	st = reopen_from(path, 9, "DELETE FROM story_bands"
	    " WHERE article_id = 4; DROP TABLE story_bands_upto;"
	    " PRAGMA user_version = 9");
	ok(query_at(path, "SELECT count(*) FROM story_bands"
	    " WHERE article_id = 4") >= 20 &&
	    query_at(path, "SELECT id FROM story_bands_upto") == 4,
	    "the recent keys move into the band index");
	put(st, "m5", version(22, "Báo D", "2024-05-14", 0, 6, 2));
	CHECK(versions(st, 5), "3 4 5", "and versions are found there");
	store_close(st);
	free(path);
}

int
main(void)
{
	char	*cmd;

	text_init();
	tmpdir = tap_tmpname("nrstory");
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	test_group();
	test_search();
	test_search_count();
	test_coverage();
	test_migration();
	test_recent();
	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		ok(0, "temporary directory removed");
	free(cmd);
	free(tmpdir);
	return done_testing();
}
