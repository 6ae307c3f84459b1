/* cmd_import.c: newsread import: clean pages and store them. */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clean.h"
#include "cmd.h"
#include "decode.h"
#include "sha256.h"
#include "store.h"

#define IMPORT_BATCH	1000	/* pages a transaction */

struct import {
	struct store	*st;
	const char	*encoding;
	int		 progress;
	struct strv	 files;
	size_t		 done;
	size_t		 counts[3];	/* by enum store_put */
	size_t		 rejected;
	struct timespec	 start;
	double		 last_shown;
};

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char * const *)a, *(char * const *)b);
}

/* Collect regular files under path (hidden ones and loops left out). */
static void
collect(struct import *im, const char *path, int top)
{
	struct stat	 sb, lsb;
	DIR		*d;
	struct dirent	*de;
	struct strv	 names = { 0 };
	size_t		 i;

	if (strcmp(path, "-") == 0) {
		strv_add(&im->files, path);
		return;
	}
	if (lstat(path, &lsb) != 0 || stat(path, &sb) != 0) {
		nr_warn("%s: cannot read: %s", path, strerror(errno));
		im->rejected++;
		return;
	}
	if (S_ISREG(sb.st_mode)) {
		strv_add(&im->files, path);
		return;
	}
	if (!S_ISDIR(sb.st_mode)) {
		if (top) {
			nr_warn("%s: not a file or directory", path);
			im->rejected++;
		}
		return;
	}
	if (S_ISLNK(lsb.st_mode) && !top)
		return;	/* never follow a link to a directory: no loops */
	if ((d = opendir(path)) == NULL) {
		nr_warn("%s: cannot read directory: %s", path,
		    strerror(errno));
		im->rejected++;
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		strv_push(&names, xasprintf("%s/%s", path, de->d_name));
	}
	closedir(d);
	qsort(names.v, names.n, sizeof *names.v, name_cmp);
	for (i = 0; i < names.n; i++)
		collect(im, names.v[i], 0);
	strv_free(&names);
}

static double
elapsed(const struct import *im)
{
	struct timespec	now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - im->start.tv_sec) +
	    (double)(now.tv_nsec - im->start.tv_nsec) / 1e9;
}

static void
show_progress(struct import *im, int force)
{
	double	t;

	if (!im->progress)
		return;
	t = elapsed(im);
	if (!force && t - im->last_shown < 0.1)
		return;
	im->last_shown = t;
	fprintf(stderr, "\rimporting %zu/%zu files, %.0f pages/s\033[K",
	    im->done, im->files.n, t > 0 ? (double)im->done / t : 0.0);
}

/* Import one page; -1 only when the database fails. */
static int
import_one(struct import *im, const char *file)
{
	struct article	*a;
	char		*raw, *text, *cause = NULL, *path;
	char		 hash[65], real[PATH_MAX];
	size_t		 len, tlen;
	int		 r;

	raw = util_read_file(file, DECODE_MAX_PAGE, &len, &cause);
	if (raw == NULL)
		goto reject;
	text = decode_page(raw, len, im->encoding, &tlen, &cause);
	if (text == NULL) {
		free(raw);
		goto reject;
	}
	sha256_hex(raw, len, hash);
	free(raw);
	a = clean_page(text, tlen);
	free(text);
	if (strcmp(file, "-") == 0)
		path = xasprintf("(stdin)/%s", hash);
	else if (realpath(file, real) != NULL)
		path = xstrdup(real);
	else
		path = xstrdup(file);
	r = store_put(im->st, path, hash, a, &cause);
	free(path);
	article_free(a);
	if (r < 0) {
		if (im->progress)
			fputs("\r\033[K", stderr);
		nr_warn("%s: %s", file, cause);
		free(cause);
		return -1;
	}
	im->counts[r]++;
	return 0;
reject:
	if (im->progress)
		fputs("\r\033[K", stderr);
	nr_warn("%s: %s", file, cause);
	free(cause);
	im->rejected++;
	return 0;
}

static int
import_all(struct import *im)
{
	char	*cause = NULL;
	size_t	 i, in_batch = 0;

	for (i = 0; i < im->files.n; i++) {
		if (in_batch == 0 && store_begin(im->st, &cause) != 0)
			goto fail;
		if (import_one(im, im->files.v[i]) != 0) {
			store_rollback(im->st);
			return -1;
		}
		im->done++;
		if (++in_batch == IMPORT_BATCH || i + 1 == im->files.n) {
			if (store_commit(im->st, &cause) != 0)
				goto fail;
			in_batch = 0;
		}
		show_progress(im, 0);
	}
	return 0;
fail:
	nr_warn("%s", cause);
	free(cause);
	store_rollback(im->st);
	return -1;
}

int
cmd_import(struct nr *nr, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "encoding", required_argument, NULL, 'e' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct import	 im = { 0 };
	int		 ch, i, quiet = 0, rc;

	while ((ch = getopt_long(argc, argv, "hq", longopts, NULL)) != -1) {
		switch (ch) {
		case 'e':
			im.encoding = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			nr_usage(stdout, "import");
			return EXIT_OK;
		default:
			nr_usage(stderr, "import");
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		nr_usage(stderr, "import");
		return EXIT_USAGE;
	}
	if (im.encoding != NULL && !decode_encoding_known(im.encoding)) {
		nr_warn("unknown encoding '%s' (try CP1258, VISCII or TCVN)",
		    im.encoding);
		return EXIT_USAGE;
	}
	if ((im.st = nr_open_store(nr)) == NULL)
		return EXIT_ERROR;
	for (i = optind; i < argc; i++)
		collect(&im, argv[i], 1);
	im.progress = !quiet && isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &im.start);
	rc = import_all(&im);
	if (im.progress) {
		show_progress(&im, 1);
		fputs("\r\033[K", stderr);
	}
	fprintf(stderr, "imported %zu, updated %zu, unchanged %zu, "
	    "rejected %zu\n", im.counts[STORE_INSERTED],
	    im.counts[STORE_UPDATED], im.counts[STORE_UNCHANGED], im.rejected);
	strv_free(&im.files);
	store_close(im.st);
	if (rc != 0)
		return EXIT_ERROR;
	return im.rejected > 0 ? EXIT_REJECTED : EXIT_OK;
}
