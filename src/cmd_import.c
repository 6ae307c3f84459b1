/* cmd_import.c: newsread import: clean pages and store them. */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "decode.h"
#include "page.h"
#include "store.h"
#include "text.h"

#define IMPORT_BATCH	1000	/* pages a transaction */

static int	cmd_import(struct nr *, const struct cmd_args *);

static const struct cmd_opt import_opts[] = {
	{ "encoding", 0, "NAME", "pages are in NAME (CP1258, VISCII, TCVN...), "
	    "not UTF-8" },
	{ "source", 0, "NAME", "the outlet of pages that name none "
	    "(tuoitre.vn...)" },
	{ "quiet", 'q', NULL, "no progress line" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_import_entry = {
	"import", import_opts, "PATH...", 1, -1,
	"Clean the pages in PATH (files, directories, - for standard input)\n"
	"and store them in the database. An unchanged page is stored again\n"
	"only when a newer cleaner made it (re-cleaned).\n",
	cmd_import
};

struct import {
	struct store	*st;
	struct page_opts opts;
	int		 progress;
	struct strv	 files;		/* as named */
	struct strv	 paths;		/* as stored, "" when not yet known */
	size_t		 done;
	size_t		 counts[4];	/* by enum store_put, committed */
	size_t		 batch[4];	/* the same, not yet committed */
	size_t		 rejected;
	struct timespec	 start;
	double		 last_shown;
};

/* Names with a type byte before them (collect_dir): by name. */
static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char * const *)a + 1, *(char * const *)b + 1);
}

/*
 * Add a file to import: as named, for messages, and as stored (canon),
 * or "" when the cleaning thread is to resolve it with realpath().
 */
static void
add_file(struct import *im, const char *path, const char *canon)
{
	strv_add(&im->files, path);
	strv_add(&im->paths, canon);
}

static void	collect_dir(struct import *, const char *, const char *);

/* Collect regular files under path (hidden ones and loops left out). */
static void
collect(struct import *im, const char *path, const char *canon, int top)
{
	struct stat	 sb, lsb;
	char		 real[PATH_MAX];

	if (strcmp(path, "-") == 0) {
		add_file(im, path, "");
		return;
	}
	if (lstat(path, &lsb) != 0 || stat(path, &sb) != 0) {
		nr_warn("%s: cannot read: %s", path, strerror(errno));
		im->rejected++;
		return;
	}
	if (S_ISREG(sb.st_mode)) {
		add_file(im, path, S_ISLNK(lsb.st_mode) ? "" : canon);
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
	if (top)
		canon = realpath(path, real) != NULL ? real : path;
	collect_dir(im, path, canon);
}

/*
 * The files of a directory whose real path is canon, in name order. An
 * entry the directory says is a plain file or directory is its real
 * path's child, with no call to stat() or realpath() for it (a hundred
 * thousand pages are five hundred thousand calls fewer).
 */
static void
collect_dir(struct import *im, const char *path, const char *canon)
{
	DIR		*d;
	struct dirent	*de;
	struct strv	 names = { 0 };
	size_t		 i;

	if ((d = opendir(path)) == NULL) {
		nr_warn("%s: cannot read directory: %s", path,
		    strerror(errno));
		im->rejected++;
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		/* the entry's type travels as the name's first byte */
		strv_push(&names, xasprintf("%c%s", de->d_type == DT_REG ? 'f' :
		    de->d_type == DT_DIR ? 'd' : '?', de->d_name));
	}
	closedir(d);
	qsort(names.v, names.n, sizeof *names.v, name_cmp);
	for (i = 0; i < names.n; i++) {
		char	*child = xasprintf("%s/%s", path, names.v[i] + 1);
		char	*real = xasprintf("%s/%s", canon, names.v[i] + 1);

		if (names.v[i][0] == 'f')
			add_file(im, child, real);
		else if (names.v[i][0] == 'd')
			collect_dir(im, child, real);
		else
			collect(im, child, real, 0);
		free(child);
		free(real);
	}
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

/*
 * Pages are read, decoded, hashed, cleaned and tokenized for the index
 * in a second thread while this one stores them: the two cores share
 * the work. The cleaning
 * thread touches no SQLite and no shared state but the queue; text.c's
 * tables are set up before it starts.
 */
/*
 * The queue holds more than a batch: while this thread indexes a batch
 * at its commit, the cleaning thread prepares the next one, rather than
 * wait for room (two cores busy instead of one at a time).
 */
#define QUEUE_LEN	2048
#define AHEAD_QUEUED	256

struct job {
	char		*file;		/* as named: for messages */
	char		*path;		/* as stored */
	char		 hash[65];
	struct article	*a;		/* NULL: rejected, see cause */
	struct store_prep *prep;	/* a, ready for the store */
	char		*cause;
};

struct queue {
	pthread_mutex_t	 m;
	pthread_cond_t	 cv;
	struct job	 v[QUEUE_LEN];
	size_t		 head;		/* next to take */
	size_t		 tail;		/* next to fill */
	int		 stop;		/* the storing side gave up */
	struct import	*im;
};

/*
 * Read, decode, hash and clean one page; tokenize it for the index too
 * when asked.
 */
static void
prepare(struct import *im, const char *file, const char *canon,
    struct job *j, int tokens)
{
	char	real[PATH_MAX];

	memset(j, 0, sizeof *j);
	j->file = xstrdup(file);
	j->a = page_load(file, &im->opts, j->hash, NULL, &j->cause);
	if (j->a == NULL)
		return;
	j->prep = store_prepare(j->a, tokens);
	if (strcmp(file, "-") == 0)
		j->path = xasprintf("(stdin)/%s", j->hash);
	else if (*canon != '\0')
		j->path = xstrdup(canon);
	else if (realpath(file, real) != NULL)
		j->path = xstrdup(real);
	else
		j->path = xstrdup(file);
}

static void
job_free(struct job *j)
{
	free(j->file);
	free(j->path);
	article_free(j->a);
	store_prep_free(j->prep);
	free(j->cause);
	memset(j, 0, sizeof *j);
}

static void *
cleaner(void *arg)
{
	struct queue	*q = arg;
	struct job	 j;
	size_t		 i;
	int		 ahead = 0;

	for (i = 0; i < q->im->files.n; i++) {
		prepare(q->im, q->im->files.v[i], q->im->paths.v[i], &j,
		    ahead);
		pthread_mutex_lock(&q->m);
		while (q->tail - q->head == QUEUE_LEN && !q->stop)
			pthread_cond_wait(&q->cv, &q->m);
		if (q->stop) {
			pthread_mutex_unlock(&q->m);
			job_free(&j);
			break;
		}
		q->v[q->tail % QUEUE_LEN] = j;
		/* wake the storing side only when it may wait */
		if (q->tail++ == q->head)
			pthread_cond_broadcast(&q->cv);
		/*
		 * With this many pages waiting, the storing side is the
		 * slower: take tokenizing off it. Else leave it there, so
		 * that neither side waits for the other.
		 */
		ahead = q->tail - q->head >= AHEAD_QUEUED;
		pthread_mutex_unlock(&q->m);
	}
	return NULL;
}

/* Take the next prepared page, waiting for it. */
static void
take(struct queue *q, struct job *j)
{
	pthread_mutex_lock(&q->m);
	while (q->tail == q->head)
		pthread_cond_wait(&q->cv, &q->m);
	*j = q->v[q->head % QUEUE_LEN];
	/* wake the cleaning side only when it may wait */
	if (q->tail - q->head++ == QUEUE_LEN)
		pthread_cond_broadcast(&q->cv);
	pthread_mutex_unlock(&q->m);
}

/* Store one prepared page; -1 only when the database fails. */
static int
store_one(struct import *im, struct job *j)
{
	char	*cause = NULL;
	int	 r;

	if (j->a == NULL) {
		if (im->progress)
			fputs("\r\033[K", stderr);
		nr_warn("%s: %s", j->file, j->cause);
		im->rejected++;
		return 0;
	}
	if ((r = store_put_prepared(im->st, j->path, j->hash, j->a,
	    j->prep, &cause)) < 0) {
		if (im->progress)
			fputs("\r\033[K", stderr);
		nr_warn("%s: %s", j->file, cause);
		free(cause);
		return -1;
	}
	im->batch[r]++;
	return 0;
}

/* A batch is committed: its articles count. */
static void
batch_done(struct import *im)
{
	size_t	r;

	for (r = 0; r < sizeof im->batch / sizeof im->batch[0]; r++) {
		im->counts[r] += im->batch[r];
		im->batch[r] = 0;
	}
}

static int
import_all(struct import *im)
{
	struct queue	 q;
	struct job	 j;
	pthread_t	 t;
	char		*cause = NULL;
	size_t		 i, in_batch = 0;
	int		 rc = 0;

	memset(&q, 0, sizeof q);
	q.im = im;
	pthread_mutex_init(&q.m, NULL);
	pthread_cond_init(&q.cv, NULL);
	text_init();	/* before a second thread may use its tables */
	if (pthread_create(&t, NULL, cleaner, &q) != 0)
		fatalx("cannot start a thread");
	for (i = 0; i < im->files.n && rc == 0; i++) {
		take(&q, &j);
		if (in_batch == 0 && store_begin(im->st, &cause) != 0)
			rc = -1;
		else if (store_one(im, &j) != 0)
			rc = -2;
		job_free(&j);
		if (rc != 0)
			break;
		im->done++;
		if (++in_batch == IMPORT_BATCH || i + 1 == im->files.n) {
			if (store_commit(im->st, &cause) != 0) {
				rc = -1;
				break;
			}
			batch_done(im);
			in_batch = 0;
		}
		show_progress(im, 0);
	}
	if (rc != 0) {
		pthread_mutex_lock(&q.m);
		q.stop = 1;
		pthread_cond_broadcast(&q.cv);
		pthread_mutex_unlock(&q.m);
	}
	pthread_join(t, NULL);
	while (q.head < q.tail)
		job_free(&q.v[q.head++ % QUEUE_LEN]);
	pthread_mutex_destroy(&q.m);
	pthread_cond_destroy(&q.cv);
	if (rc == -1) {
		nr_warn("%s", cause);
		free(cause);
	}
	if (rc != 0)
		store_rollback(im->st);
	return rc == 0 ? 0 : -1;
}

static int
cmd_import(struct nr *nr, const struct cmd_args *args)
{
	struct import	 im = { 0 };
	char		*cause = NULL;
	int		 i, quiet = cmd_has(args, "quiet"), rc;

	im.opts.encoding = cmd_get(args, "encoding");
	im.opts.clean.source = cmd_get(args, "source");
	if (im.opts.encoding != NULL &&
	    !decode_encoding_known(im.opts.encoding)) {
		nr_warn("unknown encoding '%s' (try CP1258, VISCII or TCVN)",
		    im.opts.encoding);
		return EXIT_USAGE;
	}
	if (im.opts.clean.source != NULL && *im.opts.clean.source == '\0') {
		nr_warn("--source needs an outlet's name");
		return EXIT_USAGE;
	}
	page_today(&im.opts.clean.today);
	if ((im.st = nr_open_store(nr)) == NULL)
		return EXIT_ERROR;
	if (store_bulk(im.st, &cause) != 0) {
		nr_warn("%s", cause);
		free(cause);
		store_close(im.st);
		return EXIT_ERROR;
	}
	for (i = 0; i < args->argc; i++)
		collect(&im, args->argv[i], "", 1);
	im.progress = !quiet && isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &im.start);
	rc = import_all(&im);
	if (im.progress) {
		show_progress(&im, 1);
		fputs("\r\033[K", stderr);
	}
	fprintf(stderr, "imported %zu, updated %zu, re-cleaned %zu, "
	    "unchanged %zu, rejected %zu\n", im.counts[STORE_INSERTED],
	    im.counts[STORE_UPDATED], im.counts[STORE_RECLEANED],
	    im.counts[STORE_UNCHANGED], im.rejected);
	strv_free(&im.files);
	strv_free(&im.paths);
	store_close(im.st);
	if (rc != 0)
		return EXIT_ERROR;
	return im.rejected > 0 ? EXIT_REJECTED : EXIT_OK;
}
