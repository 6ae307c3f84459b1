/*
 * cleanbench.c: the cleaner alone on one core. Reads every file named on
 * standard input (one path a line) into memory, then times page_clean()
 * without the hash (decode and clean; HTML pages read as HTML) over all
 * of them, ROUNDS times.
 * Prints "pages bytes seconds MB/s".
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clean.h"
#include "decode.h"
#include "page.h"
#include "util.h"

int
main(int argc, char **argv)
{
	struct strv	 pages = { 0 };
	size_t		*lens = NULL, i, total = 0;
	char		 line[4096], *cause;
	struct timespec	 a, b;
	double		 secs;
	int		 rounds = argc > 1 ? atoi(argv[1]) : 1, r;
	struct page_opts opts = { 0 };

	while (fgets(line, sizeof line, stdin) != NULL) {
		size_t	len;
		char	*data;

		line[strcspn(line, "\n")] = '\0';
		if ((data = util_read_file(line, DECODE_MAX_PAGE, &len,
		    &cause)) == NULL) {
			free(cause);
			continue;
		}
		strv_push(&pages, data);
		lens = xreallocarray(lens, pages.n, sizeof *lens);
		lens[pages.n - 1] = len;
		total += len;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (r = 0; r < rounds; r++) {
		for (i = 0; i < pages.n; i++) {
			struct article	*a;

			a = page_clean(pages.v[i], lens[i], &opts, NULL, NULL,
			    NULL, &cause);
			if (a == NULL)
				free(cause);
			article_free(a);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec -
	    a.tv_nsec) / 1e9;
	printf("%zu %zu %.3f %.1f\n", pages.n * (size_t)rounds,
	    total * (size_t)rounds, secs, secs > 0 ?
	    (double)total * rounds / secs / 1e6 : 0);
	strv_free(&pages);
	free(lens);
	return 0;
}
