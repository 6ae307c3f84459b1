/*
 * fuzz_query.c: anything typed into the search line: the query built is
 * always valid FTS5 (checked against a real table), and highlighting it
 * never goes out of bounds. The same bytes as a document: tokens made
 * ahead and replayed index exactly what tokenizing gives (FTS5's
 * integrity-check).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fold.h"
#include "store_fts.h"

static sqlite3		*db;
static sqlite3_stmt	*st, *doc;
static struct fts_ahead *ahead;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fold_query	*q;
	char			*s;
	size_t			*spans, n, i;
	int			 rc;

	if (db == NULL) {
		sqlite3_open(":memory:", &db);
		fts_register(db, &ahead);
		sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, "
		    "tokenize='newsread prefixes'); INSERT INTO t "
		    "VALUES ('Ngo\xe1\xba\xa1i tr\xc6\xb0\xe1\xbb\x9fng "
		    "\xc4\x91i\xe1\xbb\x87n \xc4\x91\xc3\xa0m b\xc3\xa0 ba');",
		    NULL, NULL, NULL);
		sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1",
		    -1, &st, NULL);
		sqlite3_exec(db, "CREATE VIRTUAL TABLE u USING fts5(x, "
		    "tokenize='newsread prefixes')", NULL, NULL, NULL);
		sqlite3_prepare_v2(db, "INSERT INTO u(x) VALUES (?1)", -1,
		    &doc, NULL);
	}
	sqlite3_exec(db, "DELETE FROM u", NULL, NULL, NULL);
	fts_expect(ahead, fts_tokens_make((const char *)data, size));
	sqlite3_reset(doc);
	sqlite3_bind_text(doc, 1, (const char *)data, (int)size,
	    SQLITE_STATIC);
	sqlite3_step(doc);
	fts_expect_clear(ahead);
	if (sqlite3_exec(db, "INSERT INTO u(u) VALUES ('integrity-check')",
	    NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "tokens made ahead differ: %s\n",
		    sqlite3_errmsg(db));
		abort();
	}
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	q = fold_query_new(s, size % 2);
	if (q->fts != NULL) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, q->fts, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW) {
			fprintf(stderr, "query '%s': %s\n", q->fts,
			    sqlite3_errmsg(db));
			abort();
		}
	}
	n = fold_spans(q, s, &spans);
	for (i = 0; i < n; i++) {
		if (spans[2 * i] >= spans[2 * i + 1] ||
		    spans[2 * i + 1] > size)
			abort();
	}
	free(spans);
	fold_query_free(q);
	free(s);
	return 0;
}
