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

#define IMPORT_BATCH	500	/* pages a transaction */
#define REJECT_SHOWN	10	/* pages named for one reason, --verbose all */

static int	cmd_import(struct nr *, const struct cmd_args *);

static const struct cmd_opt import_opts[] = {
	{ "encoding", 0, "NAME", "pages are in NAME (CP1258, VISCII, TCVN...), "
	    "not UTF-8" },
	{ "source", 0, "NAME", "the outlet of pages that name none "
	    "(tuoitre.vn...)" },
	{ "quiet", 'q', NULL, "no progress line" },
	{ "verbose", 'v', NULL, "name each file skipped or rejected" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_import_entry = {
	"import", import_opts, "PATH...", 1, -1,
	"Clean the pages in PATH (files, directories, - for standard input)\n"
	"and store them in the database. An unchanged page is stored again\n"
	"only when a newer cleaner made it (re-cleaned). Text pages and saved\n"
	"HTML pages (told by their content) are read alike. Directories are\n"
	"read recursively; links to directories in them are not followed.\n",
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
	size_t		 links;		/* to directories, not followed */
	int		 verbose;
	size_t		 skipped[PAGE_HTML + 1];	/* by enum page_kind */
	struct strv	 reasons;	/* why pages were rejected, */
	size_t		*reason_n;	/* and how many for each */
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
 * Add a file to import: as named, for messages, and as stored (canon):
 * NULL when the same, "" when the cleaning thread is to resolve it with
 * realpath(). A million pages are a million names held at once: one
 * copy where one will do.
 */
static void
add_file(struct import *im, const char *path, const char *canon)
{
	strv_add(&im->files, path);
	strv_push(&im->paths, strcmp(path, canon) == 0 ? NULL :
	    xstrdup(canon));
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
	if (S_ISLNK(lsb.st_mode) && !top) {
		im->links++;	/* never follow a link to a directory: no loops */
		if (im->verbose)
			nr_warn("%s: skipped: a link to a directory (name it "
			    "as a path to import it)", path);
		return;
	}
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
	if (names.n > 1)	/* qsort() of no array: UB */
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
 * wait for room (two cores busy instead of one at a time). It holds
 * little more than a batch, and a batch is 500 pages: what waits in
 * memory (pages, their tokens until the index takes them, 128 articles
 * at a time, the page cache) keeps an import of 84,132 real articles
 * within 64 MB, where a queue of 2,048 and batches of 1,000 took 220 MB
 * (BENCHMARKS.md).
 */
#define QUEUE_LEN	512
#if QUEUE_LEN < IMPORT_BATCH
#error "wait_ready() waits for a whole batch in the queue"
#endif
#define AHEAD_QUEUED	128

struct job {
	char		*file;		/* as named: for messages */
	char		*path;		/* as stored */
	char		 hash[65];
	struct article	*a;		/* NULL: rejected, see cause */
	enum page_kind	 kind;		/* not PAGE_TEXT: skipped */
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
	size_t		 want;		/* pages the storing side waits for */
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
	j->a = page_load(file, &im->opts, j->hash, NULL, &j->kind, &j->cause);
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
		prepare(q->im, q->im->files.v[i], q->im->paths.v[i] != NULL ?
		    q->im->paths.v[i] : q->im->files.v[i], &j, ahead);
		/* the job has its copies: the names' memory serves again */
		free(q->im->files.v[i]);
		free(q->im->paths.v[i]);
		q->im->files.v[i] = q->im->paths.v[i] = NULL;
		pthread_mutex_lock(&q->m);
		while (q->tail - q->head == QUEUE_LEN && !q->stop)
			pthread_cond_wait(&q->cv, &q->m);
		if (q->stop) {
			pthread_mutex_unlock(&q->m);
			job_free(&j);
			break;
		}
		q->v[q->tail++ % QUEUE_LEN] = j;
		/* wake the storing side only when it may wait */
		if (q->tail - q->head == 1 || q->tail - q->head == q->want)
			pthread_cond_broadcast(&q->cv);
		/*
		 * With this many pages waiting while the storing side works,
		 * it is the slower: take tokenizing off it. Else leave it
		 * there, so that neither side waits for the other.
		 */
		ahead = q->want == 0 && q->tail - q->head >= AHEAD_QUEUED;
		pthread_mutex_unlock(&q->m);
	}
	return NULL;
}

/*
 * Wait until n prepared pages are queued (QUEUE_LEN at most). A batch's
 * transaction begins then: the write lock is held while pages are
 * stored, not while they are being cleaned, and a reader's bookmark
 * waits for that much only.
 */
static void
wait_ready(struct queue *q, size_t n)
{
	pthread_mutex_lock(&q->m);
	q->want = n;
	while (q->tail - q->head < n)
		pthread_cond_wait(&q->cv, &q->m);
	q->want = 0;
	pthread_mutex_unlock(&q->m);
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

/*
 * A page rejected: named, unless REJECT_SHOWN were already named for the
 * same reason (the cause less its byte offset) and not --verbose; those
 * are counted, and import_summary() gives one line for them.
 */
static void
reject(struct import *im, const struct job *j)
{
	char	*key = xstrdup(j->cause), *at, *end;
	size_t	 i;

	if ((at = strstr(key, " at byte ")) != NULL) {
		for (end = at + 9; *end >= '0' && *end <= '9'; end++)
			;
		memmove(at, end, strlen(end) + 1);
	}
	for (i = 0; i < im->reasons.n; i++) {
		if (strcmp(im->reasons.v[i], key) == 0)
			break;
	}
	if (i == im->reasons.n) {
		strv_push(&im->reasons, key);
		im->reason_n = xreallocarray(im->reason_n, i + 1,
		    sizeof *im->reason_n);
		im->reason_n[i] = 0;
	} else
		free(key);
	if (im->verbose || im->reason_n[i] < REJECT_SHOWN) {
		if (im->progress)
			fputs("\r\033[K", stderr);
		nr_warn("%s: %s", j->file, j->cause);
	}
	im->reason_n[i]++;
	im->rejected++;
}

/* The lines after an import: what was skipped, pages not named. */
static void
import_summary(struct import *im)
{
	struct buf	b = { 0 };
	size_t		i, n = 0;

	for (i = 0; !im->verbose && i < im->reasons.n; i++) {
		if (im->reason_n[i] > REJECT_SHOWN)
			nr_warn("%zu more pages rejected: %s (--verbose names "
			    "each)", im->reason_n[i] - REJECT_SHOWN,
			    im->reasons.v[i]);
	}
	for (i = PAGE_BINARY; i <= PAGE_HTML; i++) {
		if (im->skipped[i] == 0)
			continue;
		buf_printf(&b, "%s%zu %s", n > 0 ? ", " : "", im->skipped[i],
		    page_kind_name(i));
		n += im->skipped[i];
	}
	if (n > 0)
		fprintf(stderr, "skipped %zu file%s that %s not text pages "
		    "(%s)%s\n", n, n == 1 ? "" : "s", n == 1 ? "is" : "are",
		    b.s, im->verbose ? "" : "; --verbose names them");
	buf_free(&b);
	strv_free(&im->reasons);
	free(im->reason_n);
}

/* Store one prepared page; -1 only when the database fails. */
static int
store_one(struct import *im, struct job *j)
{
	char	*cause = NULL;
	int	 r;

	if (j->a == NULL && j->kind != PAGE_TEXT) {
		im->skipped[j->kind]++;
		if (im->verbose) {
			if (im->progress)
				fputs("\r\033[K", stderr);
			nr_warn("%s: skipped: %s", j->file, j->cause);
		}
		return 0;
	}
	if (j->a == NULL) {
		reject(im, j);
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
		if (in_batch == 0)
			wait_ready(&q, im->files.n - i < IMPORT_BATCH ?
			    im->files.n - i : IMPORT_BATCH);
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
			if (i + 1 < im->files.n)
				store_pause(im->st);	/* a reader's bookmark */
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

	im.verbose = cmd_has(args, "verbose");
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
	/* a path that is not there is a mistake, not a rejected page */
	for (i = 0; i < args->argc; i++) {
		struct stat	sb;

		if (strcmp(args->argv[i], "-") != 0 &&
		    stat(args->argv[i], &sb) != 0) {
			nr_warn("cannot read '%s': %s", args->argv[i],
			    strerror(errno));
			return EXIT_ERROR;
		}
	}
	for (i = 0; i < args->argc; i++)
		collect(&im, args->argv[i], "", 1);
	if (im.files.n == 0 && im.rejected == 0) {
		const char	*more = args->argc > 1 ? " and the others" : "";

		if (im.links > 0)
			nr_warn("no pages to import in %s%s: links to "
			    "directories are not followed (%zu there); name "
			    "each as a path", args->argv[0], more, im.links);
		else
			nr_warn("no pages to import in %s%s (pages are files "
			    "of text or HTML)", args->argv[0], more);
		strv_free(&im.files);
		strv_free(&im.paths);
		return EXIT_ERROR;
	}
	if ((im.st = nr_open_store(nr, 0)) == NULL) {
		strv_free(&im.files);
		strv_free(&im.paths);
		return EXIT_ERROR;
	}
	if (store_bulk(im.st, &cause) != 0) {
		nr_warn("%s", cause);
		free(cause);
		strv_free(&im.files);
		strv_free(&im.paths);
		store_close(im.st);
		return EXIT_ERROR;
	}
	im.progress = !quiet && isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &im.start);
	rc = import_all(&im);
	if (im.progress) {
		show_progress(&im, 1);
		fputs("\r\033[K", stderr);
	}
	import_summary(&im);
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
