/* test_store.c: schema, migrations, import semantics, lists, bookmarks. */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"
#include "tap.h"
#include "util.h"

static char	*tmpdir;

static struct article *
mk(const char *title, const char *source, const char *date)
{
	struct article	*a = article_new();

	a->title = xstrdup(title);
	a->source = source != NULL ? xstrdup(source) : NULL;
	if (date != NULL)
		article_date_parse(date, &a->date);
	strv_add(&a->body, "M\xe1\xbb\x99t \xc4\x91o\xe1\xba\xa1n v\xc4\x83n.");
	strv_add(&a->body, "Hai.");
	return a;
}

static char *
tmp(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

static void
test_open(void)
{
	struct store	*st;
	char		*path = tmp("a/b/new.db"), *cause = NULL;
	struct stat	 sb;
	sqlite3		*db;

	st = store_open(path, 1, &cause);
	ok(st != NULL, "a database is created with its directories");
	ok(st != NULL && store_version(st) == STORE_SCHEMA_VERSION,
	    "schema is at version %d", STORE_SCHEMA_VERSION);
	store_close(st);
	ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600,
	    "the file is 0600");
	{
		char *dir = tmp("a/b");

		ok(stat(dir, &sb) == 0 && (sb.st_mode & 0777) == 0700,
		    "the directory is 0700");
		free(dir);
	}
	st = store_open(path, 0, &cause);
	ok(st != NULL, "reopening an existing database works");
	store_close(st);
	/* a database from a newer program is refused */
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	st = store_open(path, 0, &cause);
	ok(st == NULL && cause != NULL && strstr(cause, "newer") != NULL,
	    "a newer schema is refused: %s", cause ? cause : "");
	free(cause);
	free(path);

	path = tmp("junk.db");
	{
		FILE *fp = fopen(path, "w");

		fputs("this is not a database, just some text that is long "
		    "enough to look like a header of something else entirely\n",
		    fp);
		fclose(fp);
	}
	cause = NULL;
	st = store_open(path, 0, &cause);
	ok(st == NULL && cause != NULL && strstr(cause, "not a newsread "
	    "database") != NULL && strstr(cause, path) != NULL,
	    "a file that is not a database: %s", cause ? cause : "");
	free(cause);
	free(path);

	cause = NULL;
	st = store_open(tmpdir, 0, &cause);
	ok(st == NULL && cause != NULL && strstr(cause, "is a directory") !=
	    NULL, "a directory is refused: %s", cause ? cause : "");
	free(cause);

	path = tmp("missing/dir/x.db");
	cause = NULL;
	st = store_open(path, 0, &cause);
	ok(st == NULL && cause != NULL && strstr(cause, path) != NULL,
	    "a missing directory is named: %s", cause ? cause : "");
	free(cause);
	free(path);
}

static void
test_migration(void)
{
	char		*path = tmp("v0.db"), *cause = NULL;
	struct store	*st;
	sqlite3		*db;
	sqlite3_stmt	*s;
	int		 n = -1;

	/* another program's file: refused, and not written to */
	{
		char	*other = tmp("other.db");

		sqlite3_open(other, &db);
		sqlite3_exec(db, "CREATE TABLE leftover(x)", NULL, NULL, NULL);
		sqlite3_close(db);
		st = store_open(other, 0, &cause);
		ok(st == NULL && cause != NULL && strstr(cause, "it holds the "
		    "table 'leftover'") != NULL, "a file with a table that is "
		    "not newsread's is refused: %s", cause ? cause : "");
		free(cause);
		cause = NULL;
		sqlite3_open(other, &db);
		sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
		ok(sqlite3_step(s) == SQLITE_ROW &&
		    sqlite3_column_int(s, 0) == 0, "and left at version 0");
		sqlite3_finalize(s);
		sqlite3_close(db);
		free(other);
	}
	/* a version-0 file (no schema, as an older build left it) */
	sqlite3_open(path, &db);
	sqlite3_exec(db, "CREATE TABLE leftover(x); DROP TABLE leftover", NULL,
	    NULL, NULL);
	sqlite3_close(db);
	st = store_open(path, 0, &cause);
	ok(st != NULL && store_version(st) == STORE_SCHEMA_VERSION,
	    "a version-0 database is migrated forward");
	store_close(st);
	sqlite3_open(path, &db);
	sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "name IN ('articles', 'sources', 'bookmarks', 'articles_fts')",
	    -1, &s, NULL);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	ok(n == 4, "tables articles, sources, bookmarks, articles_fts exist");
	n = -1;
	sqlite3_open(path, &db);
	sqlite3_prepare_v2(db, "SELECT v FROM articles_fts_config WHERE "
	    "k = 'automerge'", -1, &s, NULL);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	ok(n == 8, "version 3: the index merges 8 segments at a time");
	free(path);
}

static void
test_put(void)
{
	char		*path = tmp("put.db"), *cause = NULL;
	struct store	*st = store_open(path, 0, &cause);
	struct article	*a, *b;
	int		 r, bm = -1;
	int64_t		 n, u, k;

	a = mk("Tin A", "Ngu\xe1\xbb\x93n", "2024-03-25");
	store_begin(st, &cause);
	r = store_put(st, "/p/a.txt", "h1", a, &cause);
	ok(r == STORE_INSERTED, "a new page is inserted");
	r = store_put(st, "/p/a.txt", "h1", a, &cause);
	ok(r == STORE_UNCHANGED, "the same page again is unchanged");
	r = store_put(st, "/p/copy.txt", "h1", a, &cause);
	ok(r == STORE_UNCHANGED, "the same bytes at another path are stored "
	    "once");
	store_commit(st, &cause);
	ok(store_bookmark_toggle(st, 1, &cause) == 1, "bookmark on");
	b = mk("Tin A (s\xe1\xbb\xad" "a)", "Ngu\xe1\xbb\x93n", "2024-03-26");
	store_begin(st, &cause);
	r = store_put(st, "/p/a.txt", "h2", b, &cause);
	store_commit(st, &cause);
	ok(r == STORE_UPDATED, "a changed page at the same path is updated");
	article_free(b);
	b = store_get(st, 1, NULL, &bm, NULL, &cause);
	ok(b != NULL && strcmp(b->title, "Tin A (s\xe1\xbb\xad" "a)") == 0 &&
	    b->date.day == 26, "the update is stored in place (same id)");
	ok(bm == 1, "the bookmark survives the re-import");
	ok(b != NULL && b->body.n == 2, "paragraphs come back as stored");
	article_free(b);
	ok(store_get(st, 999, NULL, NULL, NULL, &cause) == NULL &&
	    cause == NULL, "a missing id is no article and no error");
	store_totals(st, &n, &u, &k, &cause);
	ok(n == 1 && u == 1 && k == 1, "totals: 1 article, 1 unread, "
	    "1 bookmark");
	ok(store_mark_read(st, 1, &cause) == 0, "mark read");
	store_totals(st, &n, &u, &k, &cause);
	ok(u == 0, "the unread count follows");
	ok(store_bookmark_toggle(st, 1, &cause) == 0, "bookmark off");
	ok(store_bookmark_toggle(st, 12345, &cause) == 1 &&
	    (store_totals(st, &n, &u, &k, &cause), k == 0),
	    "a bookmark of a missing article stores nothing");
	ok(store_check(st, &cause) == 0, "integrity check ok");
	article_free(a);
	store_close(st);
	free(path);
}

/* Walk a view forward and backward a few rows at a time. */
static void
test_pages(void)
{
	char			*path = tmp("pages.db"), *cause = NULL;
	struct store		*st = store_open(path, 0, &cause);
	static const char	*src[] = { "B\xc3\xa1o A", "b\xc3\xa1o b", "C",
	    NULL };
	struct store_rows	 all = { 0 }, part = { 0 }, back = { 0 };
	struct store_view	 v = { STORE_BY_SOURCE, NULL, 0, 0 };
	char			 p[32], h[32], date[16];
	int			 i, good, order;
	size_t			 k;

	store_begin(st, &cause);
	for (i = 0; i < 60; i++) {
		struct article *a;

		snprintf(date, sizeof date, i % 7 == 0 ? "--%02d-%02d" :
		    "2023-%02d-%02d", 1 + i % 12, 1 + i % 28);
		a = mk("T", src[i % 4], date);
		snprintf(p, sizeof p, "/p/%d", i);
		snprintf(h, sizeof h, "h%d", i);
		store_put(st, p, h, a, &cause);
		article_free(a);
	}
	store_commit(st, &cause);
	for (i = 3; i < 60; i += 5)
		store_bookmark_toggle(st, i, &cause);
	for (order = 0; order < 2; order++) {
		v.order = order == 0 ? STORE_BY_SOURCE : STORE_BY_DATE;
		v.source = NULL;
		v.bookmarks = 0;
		store_page(st, &v, NULL, 0, 1000, &all, &cause);
		ok(all.n == 60 && store_count(st, &v, &cause) == 60,
		    "%s: all 60 rows, counted", order ? "by date" : "by source");
		good = 1;
		for (k = 1; k < all.n; k++) {
			int c = strcasecmp(all.v[k - 1].source, all.v[k].source);

			if (order == 0 && c > 0)
				good = 0;
			if ((order == 1 || c == 0) &&
			    strcmp(all.v[k - 1].date, all.v[k].date) < 0)
				good = 0;
		}
		ok(good, "%s: rows in order", order ? "by date" : "by source");
		/* forward 7 at a time */
		store_page(st, &v, NULL, 0, 7, &part, &cause);
		while (part.n < all.n) {
			size_t before = part.n;

			store_page(st, &v, &part.v[part.n - 1], 0, 7, &part,
			    &cause);
			if (part.n == before)
				break;
		}
		good = part.n == all.n;
		for (k = 0; good && k < all.n; k++)
			good = part.v[k].id == all.v[k].id;
		ok(good, "%s: keyset pages forward give the same rows",
		    order ? "by date" : "by source");
		/* backward from the end, 6 at a time */
		store_page(st, &v, NULL, 1, 6, &back, &cause);
		while (back.n < all.n) {
			size_t before = back.n;

			store_page(st, &v, &back.v[0], 1, 6, &back, &cause);
			if (back.n == before)
				break;
		}
		good = back.n == all.n;
		for (k = 0; good && k < all.n; k++)
			good = back.v[k].id == all.v[k].id;
		ok(good, "%s: keyset pages backward give the same rows",
		    order ? "by date" : "by source");
		store_rows_free(&all);
		store_rows_free(&part);
		store_rows_free(&back);
	}
	v.order = STORE_BY_SOURCE;
	v.source = "C";
	store_page(st, &v, NULL, 0, 100, &all, &cause);
	ok(all.n == 15 && store_count(st, &v, &cause) == 15,
	    "one source: 15 rows");
	store_rows_free(&all);
	v.source = NULL;
	v.bookmarks = 1;
	store_page(st, &v, NULL, 0, 100, &all, &cause);
	ok(all.n == 12 && store_count(st, &v, &cause) == 12 &&
	    all.v[0].bookmarked, "bookmarks view: 12 rows, marked");
	store_rows_free(&all);
	{
		struct store_sources ss;

		store_sources(st, &ss, &cause);
		ok(ss.n == 4 && ss.v[0].articles == 15 &&
		    strcmp(ss.v[0].name, "") == 0,
		    "four sources with counts (unknown first)");
		store_sources_free(&ss);
	}
	store_close(st);
	free(path);
}

/* A child importing in batches is killed; the database stays whole. */
static void
test_kill(void)
{
	char		*path = tmp("kill.db"), *cause = NULL;
	struct store	*st;
	pid_t		 pid;
	int		 round, status, whole = 1, okc = 1;
	sqlite3		*db;
	sqlite3_stmt	*s;

	st = store_open(path, 0, &cause);
	store_bookmark_toggle(st, 1, &cause);
	store_close(st);
	for (round = 0; round < 12; round++) {
		int	 fd[2];
		char	 c;

		/*
		 * The child says when its first batch is committed; the kill
		 * comes 0 to 33 ms later, in a later batch whatever the speed
		 * of the machine (a kill after a fixed sleep found nothing
		 * committed at all under the sanitizers).
		 */
		if (pipe(fd) != 0)
			abort();
		if ((pid = fork()) == 0) {
			char p[64], h[64];
			int i, b;

			close(fd[0]);
			st = store_open(path, 0, &cause);
			for (b = 0; ; b++) {
				store_begin(st, &cause);
				for (i = 0; i < 50; i++) {
					struct article *a = mk("K", "S", NULL);

					snprintf(p, sizeof p, "/k/%d/%d/%d",
					    round, b, i);
					snprintf(h, sizeof h, "%d-%d-%d", round,
					    b, i);
					store_put(st, p, h, a, &cause);
					article_free(a);
				}
				store_commit(st, &cause);
				if (b == 0 && write(fd[1], "c", 1) != 1)
					_exit(1);
			}
		}
		close(fd[1]);
		if (read(fd[0], &c, 1) != 1)
			printf("# round %d: the child committed nothing\n",
			    round);
		close(fd[0]);
		usleep(3000 * round);
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		st = store_open(path, 0, &cause);
		if (st == NULL || store_check(st, &cause) != 0) {
			printf("# round %d: %s\n", round, cause ? cause : "?");
			free(cause);
			cause = NULL;
			okc = 0;
		}
		store_close(st);
	}
	ok(okc, "after each kill -9 the database opens and passes "
	    "integrity_check");
	sqlite3_open(path, &db);
	sqlite3_prepare_v2(db, "SELECT count(*) % 50, total(body <> "
	    "'M\xe1\xbb\x99t \xc4\x91o\xe1\xba\xa1n v\xc4\x83n.\nHai.')"
	    ", count(*) FROM articles", -1, &s, NULL);
	if (sqlite3_step(s) == SQLITE_ROW)
		whole = sqlite3_column_int(s, 0) == 0 &&
		    sqlite3_column_int(s, 1) == 0 &&
		    sqlite3_column_int(s, 2) > 0;
	sqlite3_finalize(s);
	sqlite3_close(db);
	ok(whole, "only whole batches of whole articles were stored");
	free(path);
}

int
main(void)
{
	char	*cmd;
	int	 rc;

	tmpdir = tap_tmpname("nrstore");
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	test_open();
	test_migration();
	test_put();
	test_pages();
	test_kill();
	cmd = xasprintf("rm -rf '%s'", tmpdir);
	rc = system(cmd);
	free(cmd);
	free(tmpdir);
	if (rc != 0)
		return 1;
	return done_testing();
}
