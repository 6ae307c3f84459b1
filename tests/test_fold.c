/* test_fold.c: the tokenizer, the query builder, smart diacritics. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fold.h"
#include "store.h"
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

/* Tokens of text as the tokenizer gives them, through fts5vocab. */
static char *
tokens(sqlite3 *db, const char *text)
{
	sqlite3_stmt	*s;
	struct buf	 b = { 0 };

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

static void
test_tokenizer(void)
{
	sqlite3	*db;
	char	*t;

	sqlite3_open(":memory:", &db);
	ok(fold_register(db, NULL) == 0, "the tokenizer registers");
	ok(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, "
	    "tokenize='newsread'); CREATE VIRTUAL TABLE v USING "
	    "fts5vocab(t, 'row')", NULL, NULL, NULL) == SQLITE_OK,
	    "an FTS5 table uses it");
	t = tokens(db, "Ngo\xe1\xba\xa1i tr\xc6\xb0\xe1\xbb\x9fng");
	is_str(t, "ngoai ngo\xe1\xba\xa1i truong tr\xc6\xb0\xe1\xbb\x9fng",
	    "NFC words give folded and exact forms");
	free(t);
	t = tokens(db, "Ngoa\xcc\xa3i tru\xcc\x9bo\xcc\x9b\xcc\x89ng");
	is_str(t, "ngoai ngo\xe1\xba\xa1i truong tr\xc6\xb0\xe1\xbb\x9fng",
	    "NFD words give the same tokens as NFC");
	free(t);
	t = tokens(db, "\xc4\x90I\xe1\xbb\x86N \xc4\x91\xc3\xa0m");
	is_str(t, "dam dien \xc4\x91i\xe1\xbb\x87n \xc4\x91\xc3\xa0m",
	    "\xc4\x90/\xc4\x91 fold to d, capitals to lower case");
	free(t);
	t = tokens(db, "Blinken 2024 COVID-19");
	is_str(t, "19 2024 blinken covid", "digits and plain words once each");
	free(t);
	t = tokens(db, "Putin \xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd "
	    "\xe4\xb9\xa0\xe8\xbf\x91\xe5\xb9\xb3");
	ok(t != NULL && strstr(t, "\xd0\xbf\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd")
	    != NULL && strstr(t, "\xe4\xb9\xa0\xe8\xbf\x91\xe5\xb9\xb3") !=
	    NULL, "mixed scripts: Cyrillic folded, Han kept (%s)", t);
	free(t);
	t = tokens(db, "");
	is_str(t, "", "empty text has no tokens");
	free(t);
	t = tokens(db, "   \t\n  ... ,,, ");
	is_str(t, "", "white space and punctuation have no tokens");
	free(t);
	sqlite3_close(db);
}

/* Count of a term in table t, through fts5vocab v. */
static int
term_count(sqlite3 *db, const char *term)
{
	sqlite3_stmt	*s;
	int		 n = 0;

	sqlite3_prepare_v2(db, "SELECT cnt FROM v WHERE term = ?1", -1, &s,
	    NULL);
	sqlite3_bind_text(s, 1, term, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* Schema 4's form: the tokenizer's own prefix tokens. */
static void
test_prefix_tokens(void)
{
	sqlite3	*db;
	char	*t;

	sqlite3_open(":memory:", &db);
	fold_register(db, NULL);
	ok(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, y, "
	    "tokenize='newsread prefixes'); CREATE VIRTUAL TABLE v USING "
	    "fts5vocab(t, 'row')", NULL, NULL, NULL) == SQLITE_OK,
	    "a table with prefix tokens");
	ok(sqlite3_exec(db, "CREATE VIRTUAL TABLE w USING fts5(x, "
	    "tokenize='newsread suffixes')", NULL, NULL, NULL) != SQLITE_OK,
	    "an unknown tokenizer argument is an error");
	t = tokens(db, "\xc4\x90i\xe1\xbb\x87n");
	is_str(t, "\x01" "d \x01" "di \x01" "die \x01" "dien \x02\xc4\x91 "
	    "\x02\xc4\x91i dien \xc4\x91i\xe1\xbb\x87n", "folded prefixes of "
	    "1 to 4 letters, "
	    "exact ones of 1 and 2 where they differ");
	free(t);
	t = tokens(db, "ba b\xc3\xa0 ba b\xc3\xa0 Ba");
	ok(term_count(db, "ba") == 5 && term_count(db, "b\xc3\xa0") == 1 &&
	    term_count(db, "\x01" "b") == 1 &&
	    term_count(db, "\x01" "ba") == 1 &&
	    term_count(db, "\x02" "b\xc3\xa0") == 1,
	    "folded words count every time; exact words and prefixes once a "
	    "column");
	free(t);
	{
		struct buf	 many = { 0 };
		int		 i, all = 1;
		char		 w[16];

		/* more distinct words than the first table holds */
		for (i = 0; i < 3000; i++)
			buf_printf(&many, "w%dx ", i);
		t = tokens(db, many.s);
		for (i = 0; i < 3000 && all; i += 7) {
			snprintf(w, sizeof w, "w%dx", i);
			all = term_count(db, w) == 1;
		}
		ok(all && term_count(db, "\x01" "w") == 1 &&
		    term_count(db, "\x01" "w1") == 1, "3000 distinct words: each "
		    "once, their prefixes once");
		free(t);
		buf_free(&many);
	}
	sqlite3_close(db);
}

static const char *hostile[] = {
	"\"", "\"dien", "dien\"", "(", ")", "((a", "*", "a*", "*a", "-", "-a",
	"a -b", ":", "title:a", "AND", "OR", "NOT", "NEAR", "NEAR(a b)",
	"a AND", "OR b", "a OR b", "^a", "a+b", "'", "''", "\\", "%", "_",
	"a\"b\"c", "{a}", "[a]", ";", "--", "/*", "*/", "a NEAR/2 b",
	("\xe2\x80\x9c" "dien\xe2\x80\x9d"), "\x01\x02", " ", "",
};

/* What is typed, and the FTS5 query it makes. */
static const struct {
	const char	*typed;
	int		 typing;
	const char	*want;
	const char	*what;
} built[] = {
	{ "ngoai tr ", 1, "\"ngoai\" \"tr\"",
	    "a space after it ends the prefix" },
	{ "\"dien dam\" Blinken", 0, "\"dien dam\" \"blinken\"",
	    "a quoted phrase" },
	{ "\"dien da", 1, "\"dien\" \"\x01" "da\"",
	    "an open quote runs to the end; its short last word is a prefix "
	    "token apart" },
	{ "\"kinh doanh", 1, "\"kinh doanh\"*",
	    "a longer one stays in the phrase" },
	{ "B\xc3\xa0", 1, "\"\x02" "b\xc3\xa0\"",
	    "a short prefix with marks is the exact prefix token" },
	{ "\xc4\x91i\xe1\xbb\x87", 1, "\"\xc4\x91i\xe1\xbb\x87\"*",
	    "a longer one an FTS5 prefix of exact words" },
	{ "\"\xc4\x91i\xe1\xbb\x87n gi\xc3\xb3\" my", 0,
	    "\"dien gio\" \"\xc4\x91i\xe1\xbb\x87n\" \"gi\xc3\xb3\" \"my\"",
	    "a phrase with marks: folded, its words with marks beside it" },
	{ "\"\xc4\x91i\xe1\xbb\x87n gi\xc3\xb3", 1,
	    "\"dien gio\"* \"\xc4\x91i\xe1\xbb\x87n\" \"gi\xc3\xb3\"*",
	    "and while typing its last word" },
};

static void
test_queries(void)
{
	struct fold_query	*q;
	struct buf		 big = { 0 };
	sqlite3			*db;
	size_t			 i;
	int			 bad = 0;

	q = fold_query_new("ngoai truong", 0);
	is_str(q->fts, "\"ngoai\" \"truong\"", "words are ANDed");
	fold_query_free(q);
	q = fold_query_new("ngoai tr", 1);
	is_str(q->fts, "\"ngoai\" \"\x01" "tr\"", "while typing the last word is "
	    "a prefix: up to 3 letters, the index's prefix token");
	ok(q->fts_whole == NULL, "a short last word has no whole-word query");
	fold_query_free(q);
	q = fold_query_new("ngoai truo", 1);
	ok(q->fts_whole == NULL, "nor a last word of 4 letters");
	fold_query_free(q);
	q = fold_query_new("ngoai truon", 1);
	is_str(q->fts_whole, "\"ngoai\" \"truon\"", "a longer last word is "
	    "also tried whole first");
	is_str(q->fts, "\"ngoai\" \"truon\"*", "and then as an FTS5 prefix");
	fold_query_free(q);
	for (i = 0; i < sizeof built / sizeof built[0]; i++) {
		q = fold_query_new(built[i].typed, built[i].typing);
		is_str(q->fts, built[i].want, "%s", built[i].what);
		fold_query_free(q);
	}
	q = fold_query_new("B\xc3\xa0 ba", 0);
	ok(q->n == 2 && q->t[0].exact && !q->t[1].exact &&
	    strcmp(q->t[0].form, "b\xc3\xa0") == 0,
	    "a word with marks is exact, one without is folded");
	fold_query_free(q);

	sqlite3_open(":memory:", &db);
	fold_register(db, NULL);
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
	for (i = 0; i < 100; i++)
		buf_adds(&big, "\"a(*: ");
	q = fold_query_new(big.s, 1);
	ok(q->fts != NULL && strlen(big.s) == 600, "600 characters of "
	    "operators still make a query");
	fold_query_free(q);
	buf_free(&big);
	sqlite3_close(db);
}

/* Smart diacritics on a real store: ba, bà, bá. */
static void
test_smart(void)
{
	static const char *words[] = { "ba", "b\xc3\xa0", "b\xc3\xa1" };
	char			 path[] = "/tmp/nrfoldXXXXXX", db[64];
	char			*cause = NULL;
	struct store		*st;
	struct store_search	 ss = { 0 };
	int			 i, fd;

	fd = mkstemp(path);
	close(fd);
	unlink(path);
	snprintf(db, sizeof db, "%s", path);
	st = store_open(db, 0, &cause);
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
}

/* FTS5's own check of the index against the articles it was built from. */
static int
fts_check(const char *path)
{
	sqlite3	*db;
	int	 rc;

	sqlite3_open(path, &db);
	fold_register(db, NULL);
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
	char			 path[] = "/tmp/nraheadXXXXXX", *cause = NULL;
	struct store		*st;
	struct store_search	 ss = { 0 };
	struct fold_query	*q;
	sqlite3			*db;
	int			 fd, i, w, ok_all = 1;

	fd = mkstemp(path);
	close(fd);
	unlink(path);
	st = store_open(path, 0, &cause);
	store_begin(st, &cause);
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
	ok(ok_all && store_commit(st, &cause) == 0, "300 articles stored "
	    "with tokens made ahead, some not theirs, some none");
	ok(fts_check(path) == SQLITE_OK, "the index is what the articles "
	    "give (FTS5 integrity-check)");
	q = fold_query_new("dien", 0);
	ss.fts = q->fts;
	ok(store_search_count(st, &ss, &cause) > 0, "and it finds them");
	fold_query_free(q);
	store_close(st);
	/* the check can fail: index a row that is not the article */
	sqlite3_open(path, &db);
	fold_register(db, NULL);
	sqlite3_exec(db, "INSERT INTO articles_fts(rowid, title, lead, body)"
	    " VALUES (1, 'x', 'y', 'z')", NULL, NULL, NULL);
	sqlite3_close(db);
	ok(fts_check(path) != SQLITE_OK, "a wrong index fails the check");
	remove_db(path);
}

static void
test_spans(void)
{
	struct fold_query	*q = fold_query_new("ngoai tr", 1);
	const char		*t = "Hai ngo\xe1\xba\xa1i tr\xc6\xb0\xe1\xbb\x9fng "
	    "M\xe1\xbb\xb9";
	size_t			*sp, n;

	n = fold_spans(q, t, &sp);
	ok(n == 2 && sp[0] == 4 && sp[2] == 12, "spans mark the matched words");
	free(sp);
	fold_query_free(q);
	n = fold_spans(NULL, t, &sp);
	ok(n == 0 && sp == NULL, "no query, no spans");
}

/* A version-1 database (unicode61 index) is migrated and reindexed. */
static void
test_migration(void)
{
	char			 path[] = "/tmp/nrmigXXXXXX", *cause = NULL;
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
	fold_register(db, NULL);
	ok(sqlite3_exec(db,
	    "ALTER TABLE articles DROP COLUMN dated;"
	    "ALTER TABLE articles DROP COLUMN cleaner;"
	    "DROP TRIGGER IF EXISTS articles_fts_ai; DROP TRIGGER articles_fts_ad;"
	    "DROP TRIGGER articles_fts_au; DROP TABLE articles_fts;"
	    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, lead, body,"
	    " content='articles', content_rowid='id',"
	    " tokenize='unicode61 remove_diacritics 2');"
	    "INSERT INTO articles(path, hash, title, body, imported)"
	    " VALUES ('/a', 'h', '\xc4\x90i\xe1\xbb\x87n \xc4\x91\xc3\xa0m',"
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
	store_close(st);
	remove_db(path);
}

int
main(void)
{
	test_migration();
	test_ahead();
	test_tokenizer();
	test_prefix_tokens();
	test_queries();
	test_smart();
	test_spans();
	return done_testing();
}
