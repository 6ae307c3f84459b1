/*
 * test_store_fts.c: the store's search index: the tokenizer in FTS5,
 * tokens made ahead, smart diacritics on a real store, migration.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fold.h"
#include "store.h"
#include "store_fts.h"
#include "tap.h"
#include "util.h"

/* Remove a test database and the files SQLite keeps beside it. */
static void
remove_db(const char *path)
{
	char	side[256];

	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* A new store named from path's template (XXXXXX), a transaction begun. */
static struct store *
store_begun(char *path)
{
	struct store	*st;
	char		*cause = NULL;
	int		 fd;

	fd = mkstemp(path);
	close(fd);
	unlink(path);
	st = store_open(path, 0, &cause);
	if (st != NULL && store_begin(st, &cause) != 0) {
		store_close(st);
		st = NULL;
	}
	if (st == NULL)
		fprintf(stderr, "%s\n", cause != NULL ? cause : path);
	free(cause);
	return st;
}

static const char *hostile[] = {
	"\"", "\"dien", "dien\"", "(", ")", "((a", "*", "a*", "*a", "-", "-a",
	"a -b", ":", "title:a", "AND", "OR", "NOT", "NEAR", "NEAR(a b)",
	"a AND", "OR b", "a OR b", "^a", "a+b", "'", "''", "\\", "%", "_",
	"a\"b\"c", "{a}", "[a]", ";", "--", "/*", "*/", "a NEAR/2 b",
	("\xe2\x80\x9c" "dien\xe2\x80\x9d"), "\x01\x02", " ", "",
};

/* Tokens of a text through FTS5 (fts5vocab over table t), sorted. */
static char *
vocab(sqlite3 *db, const char *text)
{
	sqlite3_stmt	*s;
	struct buf	 b = { 0 };

	buf_adds(&b, "");
	sqlite3_exec(db, "DELETE FROM t", NULL, NULL, NULL);
	sqlite3_prepare_v2(db, "INSERT INTO t(x) VALUES (?1)", -1, &s, NULL);
	sqlite3_bind_text(s, 1, text, -1, SQLITE_STATIC);
	sqlite3_step(s);
	sqlite3_finalize(s);
	sqlite3_prepare_v2(db, "SELECT term FROM v ORDER BY term", -1, &s,
	    NULL);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, (const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	return buf_take(&b);
}

/* fold.c's tokens of a text with prefixes, distinct, sorted. */
static int
collect(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	(void)flags;
	(void)start;
	(void)end;
	strv_push(ctx, xstrndup(tok, (size_t)len));
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char * const *)a, *(char * const *)b);
}

static char *
fold_sorted(const char *text)
{
	struct fold_doc	*d = fold_doc_new(1);
	struct strv	 all = { 0 };
	struct buf	 b = { 0 };
	size_t		 i;

	fold_doc_tokens(d, text, strlen(text), collect, &all);
	qsort(all.v, all.n, sizeof *all.v, cmp_str);
	buf_adds(&b, "");
	for (i = 0; i < all.n; i++) {
		if (i > 0 && strcmp(all.v[i], all.v[i - 1]) == 0)
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, all.v[i]);
	}
	strv_free(&all);
	fold_doc_free(d);
	return buf_take(&b);
}

/* The tokenizer "newsread" in FTS5: fold.c's tokens, as they come. */
static void
test_register(void)
{
	sqlite3	*db;
	char	*t, *f;

	sqlite3_open(":memory:", &db);
	ok(fts_register(db, NULL) == 0, "the tokenizer registers");
	ok(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, "
	    "tokenize='newsread prefixes'); CREATE VIRTUAL TABLE v USING "
	    "fts5vocab(t, 'row')", NULL, NULL, NULL) == SQLITE_OK,
	    "an FTS5 table uses it");
	ok(sqlite3_exec(db, "CREATE VIRTUAL TABLE w USING fts5(x, "
	    "tokenize='newsread suffixes')", NULL, NULL, NULL) != SQLITE_OK,
	    "an unknown tokenizer argument is an error");
	t = vocab(db, "\xc4\x90i\xe1\xbb\x87n Ngo\xe1\xba\xa1i");
	f = fold_sorted("\xc4\x90i\xe1\xbb\x87n Ngo\xe1\xba\xa1i");
	ok(strcmp(t, f) == 0 && strstr(t, "\x02\xc4\x91i") != NULL,
	    "FTS5 indexes fold.c's tokens: folded, exact, prefixes (%zu "
	    "bytes)", strlen(t));
	free(t);
	free(f);
	sqlite3_close(db);
}

/* Whatever is typed, the query built is valid FTS5 on a real table. */
static void
test_hostile(void)
{
	struct fold_query	*q;
	sqlite3			*db;
	size_t			 i;
	int			 bad = 0;

	sqlite3_open(":memory:", &db);
	ok(fts_register(db, NULL) == 0, "the tokenizer registers");
	sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, "
	    "tokenize='newsread prefixes'); INSERT INTO t VALUES ('a b dien');",
	    NULL, NULL, NULL);
	for (i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		sqlite3_stmt	*s;
		int		 rc, typing;

		for (typing = 0; typing < 2; typing++) {
			q = fold_query_new(hostile[i], typing);
			if (q->fts == NULL) {
				fold_query_free(q);
				continue;
			}
			sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE "
			    "t MATCH ?1", -1, &s, NULL);
			sqlite3_bind_text(s, 1, q->fts, -1, SQLITE_STATIC);
			rc = sqlite3_step(s);
			if (rc != SQLITE_ROW) {
				bad++;
				printf("# '%s' gives '%s': %s\n", hostile[i],
				    q->fts, sqlite3_errmsg(db));
			}
			sqlite3_finalize(s);
			fold_query_free(q);
		}
	}
	ok(bad == 0, "%zu hostile inputs each give a valid FTS query or "
	    "none", sizeof hostile / sizeof hostile[0]);
	sqlite3_close(db);
}

/* Smart diacritics on a real store: ba, bà, bá. */
static void
test_smart(void)
{
	static const char *words[] = { "ba", "b\xc3\xa0", "b\xc3\xa1" };
	char			*path = tap_tmpname("nrfold");
	char			*cause = NULL;
	struct store		*st;
	struct store_search	 ss = { 0 };
	int			 i, fd;

	fd = mkstemp(path);
	close(fd);
	unlink(path);
	st = store_open(path, 0, &cause);
	store_begin(st, &cause);
	for (i = 0; i < 3; i++) {
		struct article	*a = article_new();
		char		 p[8], h[8];

		a->title = xasprintf("Trang %s", words[i]);
		strv_push(&a->body, xasprintf("C\xc3\xb3 ch\xe1\xbb\xaf %s "
		    "trong b\xc3\xa0i n\xc3\xa0y.", words[i]));
		snprintf(p, sizeof p, "/%d", i);
		snprintf(h, sizeof h, "h%d", i);
		store_put(st, p, h, a, &cause);
		article_free(a);
	}
	store_commit(st, &cause);
	for (i = 0; i < 4; i++) {
		static const char *typed[] = { "ba", "b\xc3\xa0", "b\xc3\xa1",
		    "BA" };
		static const int want[] = { 3, 1, 1, 3 };
		struct fold_query *q = fold_query_new(typed[i], 0);
		int64_t n;

		/* "bài" holds the word "bà" only as a prefix: not a match */
		ss.fts = q->fts;
		n = store_search_count(st, &ss, &cause);
		ok(n == want[i], "'%s' finds %d page(s) (got %lld)", typed[i],
		    want[i], (long long)n);
		fold_query_free(q);
	}
	for (i = 0; i < 8; i++) {
		/* typing: the last word a prefix ("bài" in every page) */
		static const char *typed[] = { "b", "b\xc3\xa0", "b\xc3\xa1",
		    "tra", "trang b\xc3\xa1", "tran", "tranh",
		    "\"ch\xe1\xbb\xaf b\xc3\xa0\"" };
		static const int want[] = { 3, 3, 1, 3, 1, 3, 0, 1 };
		struct fold_query *q = fold_query_new(typed[i], 1);
		int64_t n;

		ss.fts = q->fts;
		n = store_search_count(st, &ss, &cause);
		ok(n == want[i], "typing '%s' finds %d page(s) (got %lld)",
		    typed[i], want[i], (long long)n);
		fold_query_free(q);
	}
	{
		/* outside a transaction a page is indexed at once */
		struct article		*a = article_new();
		struct fold_query	*q = fold_query_new("Blinken", 0);

		a->title = xstrdup("Blinken");
		store_put(st, "/4", "h4", a, &cause);
		article_free(a);
		ss.fts = q->fts;
		ok(store_search_count(st, &ss, &cause) == 1, "a page put "
		    "outside a transaction is found");
		fold_query_free(q);
	}
	{
		struct fold_query	*q = fold_query_new("b\xc3\xa0", 0);
		struct store_rows	 r = { 0 };

		ss.fts = q->fts;
		store_search(st, &ss, 0, 10, &r, &cause);
		ok(r.n == 1 && strcmp(r.v[0].title, "Trang b\xc3\xa0") == 0,
		    "'b\xc3\xa0' finds the page with b\xc3\xa0, not ba or "
		    "b\xc3\xa1");
		store_rows_free(&r);
		fold_query_free(q);
	}
	store_close(st);
	remove_db(path);
	free(path);
}

/* FTS5's own check of the index against the articles it was built from. */
static int
fts_check(const char *path)
{
	sqlite3	*db;
	int	 rc;

	sqlite3_open(path, &db);
	fts_register(db, NULL);
	rc = sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts, rank)"
	    " VALUES ('integrity-check', 1)", NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/*
 * Tokens made ahead (an import's second thread) index exactly what
 * tokenizing at the insert would, and a text they were not made for is
 * tokenized as usual.
 */
static void
test_ahead(void)
{
	static const char *words[] = { "\xc4\x90i\xe1\xbb\x87n", "gi\xc3\xb3",
	    "Ngo\xe1\xba\xa1i", "tr\xc6\xb0\xe1\xbb\x9fng", "ba", "b\xc3\xa0",
	    "Blinken", "2024", "kinh", "t\xe1\xba\xbf" };
	char			*path = tap_tmpname("nrahead"), *cause = NULL;
	struct store		*st;
	struct store_search	 ss = { 0 };
	struct fold_query	*q;
	sqlite3			*db;
	int64_t			 before, after;
	int			 i, w, ok_all = 1;

	st = store_begun(path);
	for (i = 0; i < 300; i++) {
		struct article		*a = article_new(), *other = article_new();
		struct store_prep	*p;
		struct buf		 b = { 0 };
		char			 pa[16], h[16];

		for (w = 0; w < 40 + i % 50; w++) {
			buf_adds(&b, words[(i * 7 + w * w) % 10]);
			buf_addc(&b, w % 9 == 8 ? '.' : ' ');
		}
		a->title = xasprintf("%s %d", words[i % 10], i);
		if (i % 3 == 1)
			a->lead = xstrdup(words[(i + 3) % 10]);
		else if (i % 3 == 2)
			a->lead = xstrdup("\"\" \xe2\x80\x94 ...");	/* no word */
		strv_push(&a->body, buf_take(&b));
		strv_push(&a->body, xstrdup(words[i % 4]));
		other->title = xstrdup("Kh\xc3\xa1" "c");
		/* every 7th is handed tokens of another article */
		p = store_prepare(i % 7 == 0 ? other : a, i % 5 != 0);
		snprintf(pa, sizeof pa, "/%d", i);
		snprintf(h, sizeof h, "h%d", i);
		if (store_put_prepared(st, pa, h, a, p, &cause) !=
		    STORE_INSERTED)
			ok_all = 0;
		store_prep_free(p);
		article_free(a);
		article_free(other);
	}
	/* indexed a few at a time, so that their tokens need not wait in
	 * memory for the commit */
	q = fold_query_new("dien", 0);
	ss.fts = q->fts;
	before = store_search_count(st, &ss, &cause);
	ok(ok_all && store_commit(st, &cause) == 0, "300 articles stored "
	    "with tokens made ahead, some not theirs, some none");
	after = store_search_count(st, &ss, &cause);
	ok(before > 0 && before < after, "most were in the index before the "
	    "commit (%lld of %lld matches)", (long long)before,
	    (long long)after);
	fold_query_free(q);
	ok(fts_check(path) == SQLITE_OK, "the index is what the articles "
	    "give (FTS5 integrity-check)");
	q = fold_query_new("dien", 0);
	ss.fts = q->fts;
	ok(store_search_count(st, &ss, &cause) > 0, "and it finds them");
	fold_query_free(q);
	store_close(st);
	/* the check can fail: index a row that is not the article */
	sqlite3_open(path, &db);
	fts_register(db, NULL);
	sqlite3_exec(db, "INSERT INTO articles_fts(rowid, title, lead, body)"
	    " VALUES (1, 'x', 'y', 'z')", NULL, NULL, NULL);
	sqlite3_close(db);
	ok(fts_check(path) != SQLITE_OK, "a wrong index fails the check");
	remove_db(path);
	free(path);
}

/* A version-1 database (unicode61 index) is migrated and reindexed. */
static void
test_migration(void)
{
	char			*path = tap_tmpname("nrmig"), *cause = NULL;
	struct store		*st;
	struct store_search	 ss = { 0 };
	struct fold_query	*q;
	sqlite3			*db;
	int			 fd;

	fd = mkstemp(path);
	close(fd);
	st = store_open(path, 0, &cause);
	store_close(st);
	sqlite3_open(path, &db);
	fts_register(db, NULL);
	ok(sqlite3_exec(db,
	    "ALTER TABLE articles DROP COLUMN dated;"
	    "ALTER TABLE articles DROP COLUMN cleaner;"
	    "DROP TABLE words;"
	    "DROP TRIGGER IF EXISTS articles_fts_ai; DROP TRIGGER articles_fts_ad;"
	    "DROP TRIGGER articles_fts_au; DROP TABLE articles_fts;"
	    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, lead, body,"
	    " content='articles', content_rowid='id',"
	    " tokenize='unicode61 remove_diacritics 2');"
	    "INSERT INTO articles(path, hash, title, body, imported)"
	    " VALUES ('/a', 'h', 'Điện đàm hoà bình',"
	    " 'M\xe1\xbb\x99t.', 0);"
	    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
	    "PRAGMA user_version = 1;", NULL, NULL, NULL) == SQLITE_OK,
	    "a version-1 database is made");
	sqlite3_close(db);
	st = store_open(path, 0, &cause);
	ok(st != NULL && store_version(st) == STORE_SCHEMA_VERSION,
	    "it is migrated to version %d", STORE_SCHEMA_VERSION);
	q = fold_query_new("dien", 0);
	ss.fts = q->fts;
	ok(st != NULL && store_search_count(st, &ss, &cause) == 1,
	    "and reindexed: 'dien' finds '\xc4\x90i\xe1\xbb\x87n', which "
	    "unicode61 could not");
	fold_query_free(q);
	q = fold_query_new("hòa đien", 0);
	ss.fts = q->fts;
	ok(st != NULL && store_search_count(st, &ss, &cause) == 1,
	    "'hòa đien' finds 'hoà' and 'Điện': one tone placement, and the "
	    "words with marks in the vocabulary");
	fold_query_free(q);
	store_close(st);
	remove_db(path);
	free(path);
}

/*
 * Relevance: the words next to each other as typed first, then bm25
 * (titles weigh most), then the newest. Page 0 holds "giá vàng" in its
 * body; page 1 holds both words apart, in its title, where bm25 alone
 * ranks it first; page 2 is page 0 again, newer.
 */
static void
test_rank(void)
{
	static const char *title[] = { "Thị trường", "Tiệm vàng gia đình",
	    "Thị trường" };
	char			*path = tap_tmpname("nrrank"), *cause = NULL;
	struct store		*st;
	struct store_search	 ss = { 0 };
	struct store_rows	 r = { 0 };
	struct fold_query	*q;
	int			 i;

	st = store_begun(path);
	for (i = 0; i < 3; i++) {
		struct article	*a = article_new();
		char		 p[8], h[8];

		a->title = xstrdup(title[i]);
		a->date.year = 2024;
		a->date.month = 1;
		a->date.day = i + 1;
		a->dated = ARTICLE_DATED_PAGE;
		strv_push(&a->body, xstrdup(i == 1 ? "Cửa hàng bán vàng cho "
		    "cả nhà." : "Hôm nay giá vàng tăng."));
		snprintf(p, sizeof p, "/%d", i);
		snprintf(h, sizeof h, "h%d", i);
		store_put(st, p, h, a, &cause);
		article_free(a);
	}
	store_commit(st, &cause);
	q = fold_query_new("gia vang", 0);
	ss.fts = q->fts;
	ss.adjacent = q->adjacent;
	store_search(st, &ss, 0, 10, &r, &cause);
	ok(r.n == 3 && r.v[0].id == 3 && r.v[1].id == 1 && r.v[2].id == 2,
	    "'gia vang': the pages with 'giá vàng' first, the newer first; "
	    "'vàng gia' in a title after them");
	store_rows_free(&r);
	ss.adjacent = NULL;
	store_search(st, &ss, 0, 10, &r, &cause);
	ok(r.n == 3 && r.v[0].id == 2, "without adjacency, bm25 puts the "
	    "title first");
	store_rows_free(&r);
	fold_query_free(q);
	store_close(st);
	remove_db(path);
	free(path);
}

/*
 * A page stored, then stored again changed, in one transaction: the
 * update takes the first text out of the index, which must have it by
 * then; the index is the second text's.
 */
static void
test_twice(void)
{
	char			*path = tap_tmpname("nrtwice"), *cause = NULL;
	const char		*text[] = { "gi\xc3\xb3 m\xc3\xb9" "a",
	    "\xc4\x90i\xe1\xbb\x87n" };
	struct store		*st;
	struct store_search	 ss = { 0 };
	struct fold_query	*q, *old;
	int			 i, stored = 1;

	st = store_begun(path);
	for (i = 0; i < 2; i++) {
		struct article		*a = article_new();
		struct store_prep	*p;

		a->title = xstrdup(text[i]);
		strv_push(&a->body, xstrdup(text[i]));
		p = store_prepare(a, 1);
		stored &= store_put_prepared(st, "/same", i ? "h1" : "h0", a, p,
		    &cause) == (i ? STORE_UPDATED : STORE_INSERTED);
		store_prep_free(p);
		article_free(a);
	}
	ok(stored && store_commit(st, &cause) == 0, "a page stored twice in "
	    "one transaction, changed the second time");
	ok(fts_check(path) == SQLITE_OK, "the index is the article's "
	    "(FTS5 integrity-check)");
	q = fold_query_new("dien", 0);
	old = fold_query_new("mua", 0);
	ss.fts = q->fts;
	i = store_search_count(st, &ss, &cause) == 1;
	ss.fts = old->fts;
	ok(i && store_search_count(st, &ss, &cause) == 0, "it finds the "
	    "second text, not the first");
	fold_query_free(q);
	fold_query_free(old);
	store_close(st);
	remove_db(path);
	free(path);
}

/* highlight() of row 1 of table t for the query "dien". */
static char *
marked(sqlite3 *db)
{
	sqlite3_stmt	*s;
	char		*h = NULL;

	sqlite3_prepare_v2(db, "SELECT highlight(t, 0, '[', ']') FROM t"
	    " WHERE t MATCH 'dien' AND rowid = 1", -1, &s, NULL);
	if (sqlite3_step(s) == SQLITE_ROW)
		h = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return h;
}

/*
 * Tokens made ahead keep each token's place in the text (its byte
 * offsets, stored as differences): replayed for a long text, FTS5's
 * highlight() marks the same bytes as when it tokenizes the text itself,
 * past 128 and 16,384 bytes too, where the differences take more bytes.
 */
static void
test_ahead_offsets(void)
{
	struct fts_ahead	*ah = NULL;
	struct buf		 b = { 0 };
	sqlite3			*db;
	sqlite3_stmt		*s;
	char			*own, *replayed, *last, *p;
	int			 i, n;

	for (i = 0; i < 6000; i++) {
		buf_adds(&b, i % 997 == 5 ? "\xc4\x90i\xe1\xbb\x87n " :
		    i % 2 ? "gi\xc3\xb3 " : "ba ");
		/* gaps and a word that take two and three bytes */
		if (i == 3000 || i == 4000)
			for (n = 0; n < (i == 3000 ? 200 : 17000); n++)
				buf_addc(&b, i == 3000 ? 'x' : '.');
	}
	sqlite3_open(":memory:", &db);
	fts_register(db, &ah);
	sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, "
	    "tokenize='newsread prefixes')", NULL, NULL, NULL);
	sqlite3_prepare_v2(db, "INSERT INTO t(rowid, x) VALUES (1, ?1)", -1,
	    &s, NULL);
	sqlite3_bind_text(s, 1, b.s, (int)b.len, SQLITE_STATIC);
	sqlite3_step(s);
	sqlite3_finalize(s);
	own = marked(db);
	/* the next text the tokenizer is asked for is row 1's, for
	 * highlight(): it is given the tokens made ahead */
	fts_expect(ah, fts_tokens_make(b.s, b.len));
	replayed = marked(db);
	for (last = own, n = 0; last != NULL &&
	    (p = strstr(last + 1, "[\xc4\x90i\xe1\xbb\x87n]")) != NULL; n++)
		last = p;
	ok(own != NULL && replayed != NULL && strcmp(own, replayed) == 0 &&
	    n == 7 && last - own > 32768, "tokens made ahead give each "
	    "word's place: highlights alike over %zu bytes", b.len);
	free(own);
	free(replayed);
	buf_free(&b);
	sqlite3_close(db);
}

int
main(void)
{
	test_register();
	test_hostile();
	test_migration();
	test_ahead();
	test_ahead_offsets();
	test_twice();
	test_smart();
	test_rank();
	return done_testing();
}
