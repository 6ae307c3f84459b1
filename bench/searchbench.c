/*
 * searchbench.c: search as the reader does it while typing. Each query is
 * typed letter by letter; for every prefix the query is built and the
 * first screen of results (64 rows, as the reader reads them, a long
 * last word matched whole first) is read, then counted apart. Prints one line a keystroke: "ms_first ms_count
 * results typed". The order is the reader's: best first (rank), or with
 * "recent" the last imported first.
 *
 * usage: searchbench [--stories] DB [rank|recent] < queries (one a line)
 *        --stories: one row a story, as the reader shows results
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fold.h"
#include "store.h"
#include "text.h"
#include "util.h"

static double
ms(void)
{
	struct timespec	t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int
main(int argc, char **argv)
{
	struct store	*st;
	char		 line[1024], *cause = NULL;
	int		 stories = 0;

	enum store_sort	 sort = STORE_SORT_RANK;

	if (argc >= 2 && strcmp(argv[1], "--stories") == 0) {
		stories = 1;
		argc--;
		argv++;
	}
	if (argc == 3 && strcmp(argv[2], "recent") == 0)
		sort = STORE_SORT_RECENT;
	else if (argc != 2 && !(argc == 3 && strcmp(argv[2], "rank") == 0)) {
		fprintf(stderr, "usage: searchbench [--stories] DB "
		    "[rank|recent] < queries\n");
		return 2;
	}
	if ((st = store_open(argv[1], 0, &cause)) == NULL) {
		fprintf(stderr, "searchbench: %s\n", cause);
		return 1;
	}
	while (fgets(line, sizeof line, stdin) != NULL) {
		size_t	len, i, w;
		int	cw;

		line[strcspn(line, "\n")] = '\0';
		len = strlen(line);
		for (i = 0; i < len; i += w) {
			struct store_search	 q = { 0 };
			struct store_rows	 r = { 0 };
			struct fold_query	*fq;
			char			*typed;
			double			 t0, t1, t2;
			int64_t			 n = 0;

			w = text_cluster(line + i, len - i, &cw);
			typed = xstrndup(line, i + w);
			t0 = ms();
			fq = fold_query_new(typed, 1);
			q.sort = sort;		/* as the reader does */
			q.adjacent = fq->adjacent;
			q.stories = stories;
			/* the reader's first screen: a long last word whole
			 * first, the prefix when that is not a screenful */
			q.fts = fq->fts_whole != NULL ? fq->fts_whole : fq->fts;
			if (q.fts != NULL)
				store_search(st, &q, 0, 64, &r, &cause);
			if (fq->fts_whole != NULL && r.n < 64) {
				store_rows_free(&r);
				q.fts = fq->fts;
				store_search(st, &q, 0, 64, &r, &cause);
			}
			q.fts = fq->fts;
			t1 = ms();
			if (q.fts != NULL)
				n = store_search_count(st, &q, &cause);
			t2 = ms();
			printf("%.3f %.3f %lld %s\n", t1 - t0, t2 - t1,
			    (long long)n, typed);
			store_rows_free(&r);
			fold_query_free(fq);
			free(typed);
		}
	}
	store_close(st);
	return 0;
}
