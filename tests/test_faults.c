/*
 * test_faults.c: faults injected at every point, one at a time, as
 * SQLite's own tests do. For each N from 1, a child process runs the real
 * import command (cmd_import_entry), or a bookmark, with fault N; then
 * the database, reopened without faults, must pass integrity_check and
 * FTS5's integrity-check, hold whole articles only (those from before,
 * or those and all the new ones), and keep the bookmark committed before.
 * A sweep ends at the first N the operation completes without reaching.
 *
 * - I/O errors and a full disk: a VFS shim, registered by this program
 *   only (never by newsread), fails the Nth write, sync or truncate, and
 *   every one after it, with SQLITE_IOERR or SQLITE_FULL (an import of
 *   50 pages, a bookmark).
 * - Power loss: at the Nth sync the writes not yet synced are kept, lost
 *   or torn, and the process ends.
 * - Out of memory (an import of 5 pages): newsread's own allocations
 *   (util.c's wrappers, reached through -Wl,--wrap; they end the program
 *   with "out of memory"), and SQLite's (sqlite3_config() with a failing
 *   malloc in front of its own), the Nth and every one after. The message
 *   must say "out of memory"; a signal or a hang (SIGALRM) is a failure.
 *
 * tests/test_faults kill N DB DIR is faults.test's kill -9 at commit N.
 */
#include "config.h"

#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cmd.h"
#include "store.h"
#include "tap.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
/*
 * A child that runs out of memory ends in fatalx(), by design, holding
 * what it had allocated: LeakSanitizer's check at exit would call that
 * a leak. The check runs at the end of main() instead (children end
 * with _exit(), and never had it).
 */
const char *
__lsan_default_options(void)
{
	return "leak_check_at_exit=0";
}
#define leak_check()	__lsan_do_leak_check()
#else
#define leak_check()	do { } while (0)
#endif

/* What the child's shim saw, shared with the parent. */
struct shared {
	long	calls;		/* writes, syncs and truncates; allocations */
	int	fired;		/* a call failed */
};

static struct shared	*sh;
static long		 fail_at;	/* 0: never */
static int		 fail_code;	/* SQLITE_IOERR, SQLITE_FULL, or: */
#define POWER_LOSS	-1		/* lose unsynced writes at sync N */
#define KILL_AT_COMMIT	-2		/* SIGKILL once commit N is written */
#define OOM_OURS	-3		/* newsread's malloc N fails, and after */
#define OOM_SQLITE	-4		/* SQLite's malloc N fails, and after */
static int		 commit_next;	/* the next WAL write ends a commit */

/* A write not yet synced (power-loss mode): what it overwrote. */
struct unsynced {
	sqlite3_file	*f;		/* the real file */
	sqlite3_int64	 off;
	int		 n;
	unsigned char	*old;
};

static struct unsynced	*pending;
static size_t		 npending;

/* -- the shim -------------------------------------------------------- */

struct sfile {
	sqlite3_file	 base;
	sqlite3_file	*real;
	int		 wal;		/* a write-ahead log */
};

static sqlite3_vfs		 shim_vfs;
static sqlite3_vfs		*real_vfs;
static sqlite3_io_methods	 shim_io;

#define REAL(f)	(((struct sfile *)(f))->real)

/* Whether this call is to fail: the fail_at-th and every one after. */
static int
fault(void)
{
	long	n = ++sh->calls;

	if (fail_at > 0 && n >= fail_at) {
		sh->fired = 1;
		return 1;
	}
	return 0;
}

/* Power loss: keep what a write overwrites, until a sync makes it stay. */
static void
remember(sqlite3_file *f, int n, sqlite3_int64 off)
{
	struct unsynced	*u;

	pending = realloc(pending, (npending + 1) * sizeof *pending);
	u = &pending[npending++];
	u->f = REAL(f);
	u->off = off;
	u->n = n;
	u->old = calloc(1, (size_t)n);
	/* a short read leaves zeros: the bytes past the end were none */
	(void)REAL(f)->pMethods->xRead(REAL(f), u->old, n, off);
}

/*
 * The power goes at sync number fail_at: of the writes not synced, in
 * turn one stays, one is lost and one is torn (its second half lost),
 * as SQLite's crash tests do; then the process ends at once.
 */
static void
power_loss(void)
{
	size_t	i;

	for (i = npending; i-- > 0; ) {
		struct unsynced	*u = &pending[i];
		int		 half = u->n / 2;

		if (i % 3 == 1)
			u->f->pMethods->xWrite(u->f, u->old, u->n, u->off);
		else if (i % 3 == 2)
			u->f->pMethods->xWrite(u->f, u->old + half,
			    u->n - half, u->off + half);
	}
	sh->fired = 1;
	_exit(77);
}

/*
 * Kill at commit fail_at: in the WAL a frame is written as its 24-byte
 * header, then its page; a header whose "database size after commit"
 * (bytes 4-7) is not 0 ends a transaction. Once that page is written,
 * the commit is made: the process is killed as kill -9 would.
 */
static int
write_or_kill(sqlite3_file *f, const void *b, int n, sqlite3_int64 off)
{
	const unsigned char	*h = b;
	int			 rc, ends;

	if (!((struct sfile *)f)->wal)
		return REAL(f)->pMethods->xWrite(REAL(f), b, n, off);
	ends = commit_next;
	commit_next = n == 24 && (h[4] | h[5] | h[6] | h[7]) != 0;
	rc = REAL(f)->pMethods->xWrite(REAL(f), b, n, off);
	if (ends && ++sh->calls == fail_at) {
		sh->fired = 1;
		raise(SIGKILL);
	}
	return rc;
}

static int
s_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 off)
{
	if (fail_code == KILL_AT_COMMIT)
		return write_or_kill(f, b, n, off);
	if (fail_code == POWER_LOSS) {
		remember(f, n, off);
		return REAL(f)->pMethods->xWrite(REAL(f), b, n, off);
	}
	if (fault())
		return fail_code == SQLITE_FULL ? SQLITE_FULL :
		    SQLITE_IOERR_WRITE;
	return REAL(f)->pMethods->xWrite(REAL(f), b, n, off);
}

static int
s_sync(sqlite3_file *f, int flags)
{
	size_t	i, k;

	if (fail_code == KILL_AT_COMMIT)
		return REAL(f)->pMethods->xSync(REAL(f), flags);
	if (fail_code == POWER_LOSS) {
		if (++sh->calls == fail_at)
			power_loss();
		for (i = k = 0; i < npending; i++) {
			if (pending[i].f == REAL(f))
				free(pending[i].old);
			else
				pending[k++] = pending[i];
		}
		npending = k;
		return REAL(f)->pMethods->xSync(REAL(f), flags);
	}
	if (fault())
		return fail_code == SQLITE_FULL ? SQLITE_FULL :
		    SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int
s_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	if (fail_code == POWER_LOSS || fail_code == KILL_AT_COMMIT)	/* taken as lasting at once */
		return REAL(f)->pMethods->xTruncate(REAL(f), size);
	if (fault())
		return fail_code == SQLITE_FULL ? SQLITE_FULL :
		    SQLITE_IOERR_TRUNCATE;
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int
s_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}

static int
s_read(sqlite3_file *f, void *b, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), b, n, off);
}

static int
s_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int
s_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}

static int
s_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}

static int
s_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
s_fcntl(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
s_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
s_dev(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int
s_shmmap(sqlite3_file *f, int pg, int sz, int ext, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, ext, pp);
}

static int
s_shmlock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void
s_shmbarrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
s_shmunmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static int
s_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	return REAL(f)->pMethods->xFetch(REAL(f), off, n, pp);
}

static int
s_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), off, p);
}

static int
s_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
    int *out)
{
	struct sfile	*p = (struct sfile *)f;
	int		 rc;

	(void)vfs;
	p->real = (sqlite3_file *)(p + 1);
	p->wal = (flags & SQLITE_OPEN_WAL) != 0;
	rc = real_vfs->xOpen(real_vfs, name, p->real, flags, out);
	if (p->real->pMethods == NULL) {
		p->base.pMethods = NULL;
		return rc;
	}
	/* each file keeps its own methods (a WAL's has no xShmMap) */
	shim_io = (sqlite3_io_methods){ 3, s_close, s_read,
	    s_write, s_truncate, s_sync, s_size, s_lock, s_unlock, s_reserved,
	    s_fcntl, s_sector, s_dev, s_shmmap, s_shmlock, s_shmbarrier,
	    s_shmunmap, s_fetch, s_unfetch };
	p->base.pMethods = &shim_io;
	return rc;
}

static void
shim_register(void)
{
	real_vfs = sqlite3_vfs_find(NULL);
	shim_vfs = *real_vfs;
	shim_vfs.zName = "faults";
	shim_vfs.szOsFile = (int)sizeof(struct sfile) + real_vfs->szOsFile;
	shim_vfs.xOpen = s_open;
	sqlite3_vfs_register(&shim_vfs, 1);
}

/* -- out of memory ---------------------------------------------------- */

/*
 * Allocation number fail_at fails, and every one after it. Both threads
 * of an import allocate: the count is atomic, though which of the two
 * makes the Nth call may differ from run to run.
 */
static int
alloc_fault(int mode)
{
	if (fail_code != mode || fail_at == 0)
		return 0;
	if (__atomic_add_fetch(&sh->calls, 1, __ATOMIC_RELAXED) >= fail_at) {
		sh->fired = 1;
		return 1;
	}
	return 0;
}

/*
 * newsread's own allocations: util.c's wrappers are the only callers of
 * malloc() and its kin in src/, and this program is linked with
 * -Wl,--wrap for each, so that their calls come here; newsread itself is
 * linked without, and never has this hook.
 */
void	*__real_malloc(size_t);
void	*__real_calloc(size_t, size_t);
void	*__real_realloc(void *, size_t);
int	 __real_vasprintf(char **, const char *, va_list);

void *
__wrap_malloc(size_t n)
{
	return alloc_fault(OOM_OURS) ? NULL : __real_malloc(n);
}

void *
__wrap_calloc(size_t n, size_t size)
{
	return alloc_fault(OOM_OURS) ? NULL : __real_calloc(n, size);
}

void *
__wrap_realloc(void *p, size_t n)
{
	return alloc_fault(OOM_OURS) ? NULL : __real_realloc(p, n);
}

int
__wrap_vasprintf(char **s, const char *fmt, va_list ap)
{
	return alloc_fault(OOM_OURS) ? -1 : __real_vasprintf(s, fmt, ap);
}

/* SQLite's allocations: its own methods, the failing ones in front. */
static sqlite3_mem_methods	real_mem;

static void *
m_malloc(int n)
{
	return alloc_fault(OOM_SQLITE) ? NULL : real_mem.xMalloc(n);
}

static void *
m_realloc(void *p, int n)
{
	return alloc_fault(OOM_SQLITE) ? NULL : real_mem.xRealloc(p, n);
}

/* Put the failing allocator in SQLite's hands (before it is in use). */
static void
mem_register(void)
{
	sqlite3_mem_methods	m;

	sqlite3_shutdown();
	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem) != SQLITE_OK)
		abort();
	m = real_mem;
	m.xMalloc = m_malloc;
	m.xRealloc = m_realloc;
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &m) != SQLITE_OK ||
	    sqlite3_initialize() != SQLITE_OK)
		abort();
}

/* -- the operations, in a child ------------------------------------------ */

static char	dir[64], pagedir[128], fewdir[128], basedir[128], base[128];
static char	db[128];
static char	errlog[128];

/* an import of 50 pages or of 5, a bookmark */
enum op { OP_IMPORT, OP_IMPORT_FEW, OP_BOOKMARK };

static int
child(enum op op, long n)
{
	static const struct cmd_entry * const cmds[] = { &cmd_import_entry };
	struct cmd_args	 args;
	struct nr	 nr;
	struct store	*st;
	char		*cause = NULL;
	char		*argv[] = { (char *)"newsread", (char *)"--db", db,
			    (char *)"import", (char *)"-q", op == OP_IMPORT_FEW ?
			    fewdir : pagedir, NULL };
	int		 rc;

	if (*errlog != '\0' && freopen(errlog, "w", stderr) == NULL)
		return 99;
	setvbuf(stderr, NULL, _IONBF, 0);
	if (fail_code == OOM_SQLITE)
		mem_register();
	else if (fail_code != OOM_OURS)
		shim_register();
	/* a hang is a failure too (ASan is slower: leave it time) */
	alarm(60);
	fail_at = n;
	if (op != OP_BOOKMARK) {
		if (cmd_parse(6, argv, cmds, 1, "import", &nr, &args) !=
		    CMD_RUN)
			return 98;
		rc = args.entry->exec(&nr, &args);
		cmd_args_free(&args);
		return rc;
	}
	if ((st = store_open(db, STORE_EXISTING, &cause)) == NULL) {
		fprintf(stderr, "newsread: %s\n", cause);
		return 1;
	}
	rc = store_bookmark_toggle(st, 2, &cause);
	if (rc < 0)
		fprintf(stderr, "newsread: %s\n", cause);
	store_close(st);
	return rc < 0 ? 1 : 0;
}

/* One integer from SQL on d, or -1. */
static long
q_on(sqlite3 *d, const char *sql)
{
	sqlite3_stmt	*s;
	long		 v = -1;

	if (sqlite3_prepare_v2(d, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	return v;
}

/* One integer from SQL on db, or -1. */
static long
q(const char *sql)
{
	sqlite3	*d;
	long	 v = -1;

	if (sqlite3_open_v2(db, &d, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
		v = q_on(d, sql);
	sqlite3_close(d);
	return v;
}

static long
file_size(const char *path)
{
	FILE	*fp = fopen(path, "r");
	long	 n = -1;

	if (fp != NULL && fseek(fp, 0, SEEK_END) == 0)
		n = ftell(fp);
	if (fp != NULL)
		fclose(fp);
	return n;
}

/* The first line of the file at path, for a diagnostic; "" if none. */
static const char *
first_line(const char *path)
{
	static char	 line[512];
	FILE		*fp = fopen(path, "r");

	*line = '\0';
	if (fp != NULL && fgets(line, sizeof line, fp) != NULL)
		line[strcspn(line, "\n")] = '\0';
	if (fp != NULL)
		fclose(fp);
	return line;
}

/* Whether the file at path holds the bytes s. */
static int
file_has(const char *path, const char *s)
{
	FILE	*fp = fopen(path, "r");
	char	 line[4096];
	int	 found = 0;

	while (fp != NULL && !found && fgets(line, sizeof line, fp) != NULL)
		found = strstr(line, s) != NULL;
	if (fp != NULL)
		fclose(fp);
	return found;
}

/* The database to start from, its bytes (read once). */
static char	*base_bytes;
static size_t	 base_len;

/*
 * The database to start from, again: base's bytes written over db, its
 * WAL and index gone. In C rather than with cp: a sweep does it
 * thousands of times.
 */
static void
copy_base(void)
{
	char	 path[160];
	FILE	*fp;

	if (base_bytes == NULL) {
		if ((fp = fopen(base, "rb")) == NULL)
			abort();
		base_len = (size_t)file_size(base);
		base_bytes = malloc(base_len);
		if (base_bytes == NULL || fread(base_bytes, 1, base_len, fp) !=
		    base_len)
			abort();
		fclose(fp);
	}
	snprintf(path, sizeof path, "%s-wal", db);
	unlink(path);
	snprintf(path, sizeof path, "%s-shm", db);
	unlink(path);
	if ((fp = fopen(db, "wb")) == NULL || fwrite(base_bytes, 1, base_len,
	    fp) != base_len || fclose(fp) != 0)
		abort();
}

/*
 * Whether db is, byte for byte, the database it started from and no WAL
 * is beside it: then it is the one checked at the start. (An operation
 * that failed and closed the database usually leaves it so: what it
 * wrote to the WAL was never committed, and the WAL went at the close.)
 */
static int
unchanged(void)
{
	char	 path[160], *bytes;
	FILE	*fp;
	int	 same;

	snprintf(path, sizeof path, "%s-wal", db);
	if (access(path, F_OK) == 0 || file_size(db) != (long)base_len)
		return 0;
	if ((fp = fopen(db, "rb")) == NULL)
		return 0;
	bytes = malloc(base_len);
	same = bytes != NULL && fread(bytes, 1, base_len, fp) == base_len &&
	    memcmp(bytes, base_bytes, base_len) == 0;
	fclose(fp);
	free(bytes);
	return same;
}

/*
 * Whether the database is sound after a fault at n: integrity_check and
 * FTS5's pass, it holds whole articles only, the 5 from before or those
 * and all want_new more (all of them when the operation completed,
 * unless the power went), and the bookmark. 0, or the problems found.
 */
static int
check_db(const char *what, long n, int rc, int code, long want_new)
{
	struct store	*st;
	sqlite3		*d;
	char		*cause = NULL;
	long		 arts;
	int		 bad = 0;

	if (rc != 0 && unchanged())
		return 0;	/* failed, and left as it was: checked before */
	st = store_open(db, STORE_EXISTING, &cause);
	if (st == NULL || store_check(st, &cause) != 0) {
		printf("# %s at %ld: %s\n", what, n, cause);
		bad++;
	}
	store_close(st);
	free(cause);
	if (sqlite3_open_v2(db, &d, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		arts = -1;
	else
		arts = q_on(d, "SELECT count(*) FROM articles WHERE"
		    " title <> '' AND body <> '' AND hash <> ''");
	if (arts != q_on(d, "SELECT count(*) FROM articles") ||
	    (arts != 5 && arts != 5 + want_new) ||
	    (rc == 0 && code != POWER_LOSS && arts != 5 + want_new) ||
	    q_on(d, "SELECT count(*) FROM bookmarks WHERE article_id = 1") !=
	    1 || q_on(d, "SELECT coalesce(sum(articles), 0) FROM sources") !=
	    arts) {
		printf("# %s at %ld: %ld articles, status %d\n", what, n, arts,
		    rc);
		bad++;
	}
	sqlite3_close(d);
	return bad;
}

/*
 * Sweep N from 1 for op under faults of code: every failure is reported
 * (non-zero exit, a message; one naming memory when memory ran out) or
 * the operation completed anyway; after each, the database is sound.
 * A signal (a crash, or SIGALRM for a hang) is a failure. Returns the
 * fault points covered.
 */
static long
sweep(enum op op, int code, const char *what, long max, long step)
{
	long	 n, points = 0, bad = 0, unreported = 0, completed = 0;
	long	 want_new = op == OP_IMPORT ? 50 : op == OP_IMPORT_FEW ? 5 : 0;
	int	 oom = code == OOM_OURS || code == OOM_SQLITE;
	pid_t	 pid;
	int	 status, rc;

	for (n = 1; n <= max; n += step) {
		copy_base();
		sh->calls = 0;
		sh->fired = 0;
		fflush(stdout);
		if ((pid = fork()) == 0) {
			fail_code = code;
			_exit(child(op, n));
		}
		waitpid(pid, &status, 0);
		rc = WIFEXITED(status) ? WEXITSTATUS(status) :
		    128 + WTERMSIG(status);
		if (!sh->fired)
			break;	/* it completed before the Nth call */
		points++;
		if (rc == 0)
			completed++;
		else if (code != POWER_LOSS && (file_size(errlog) <= 0 ||
		    rc >= 128 || (oom && !file_has(errlog, "out of memory")))) {
			printf("# %s at %ld: status %d, %ld bytes of message: "
			    "%s\n", what, n, rc, file_size(errlog),
			    first_line(errlog));
			unreported++;
		}
		bad += check_db(what, n, rc, code, want_new);
	}
	ok(n <= max && points > 0, "%s: the sweep reached the end: %ld fault "
	    "points (N in steps of %ld), then it completed at N=%ld", what,
	    points, step, n);
	ok(bad == 0, "%s: after each of the %ld faults the database passes "
	    "integrity_check and FTS5's, holds whole articles only and the "
	    "bookmark made before (%ld not)", what, points, bad);
	ok(unreported == 0, "%s: each fault that stopped it was reported "
	    "with a non-zero status and a message%s (%ld completed anyway, "
	    "the fault after the commit)", what, oom ? " naming memory" : "",
	    completed);
	return points;
}

static void
write_pages(void)
{
	char	path[256];
	FILE	*fp;
	int	i, k;

	for (i = 0; i < 60; i++) {
		snprintf(path, sizeof path, "%s/%03d.txt", i < 5 ? basedir :
		    i < 55 ? pagedir : fewdir, i);
		if ((fp = fopen(path, "w")) == NULL)
			abort();
		fprintf(fp, "Tin số %d: Hà Nội đón mưa lớn trong ngày thứ %d\n\n",
		    i, i);
		for (k = 0; k < 6; k++)
			fprintf(fp, "Đoạn %d của bài %d kể chuyện người dân đi "
			    "làm dưới mưa, đường ngập và xe buýt chạy chậm hơn "
			    "thường lệ vào giờ cao điểm buổi sáng.\n\n", k, i);
		fclose(fp);
	}
}

/*
 * tests/test_faults kill N DB DIR: import DIR into DB, killed (SIGKILL)
 * as soon as its Nth commit is written; tests/faults.test runs it.
 */
static int
kill_at_commit(long n, char *dbpath, char *pages)
{
	static const struct cmd_entry * const cmds[] = { &cmd_import_entry };
	char		*argv[] = { (char *)"newsread", (char *)"--db", dbpath,
			    (char *)"import", (char *)"-q", pages, NULL };
	struct cmd_args	 args;
	struct nr	 nr;
	int		 rc;

	sh = calloc(1, sizeof *sh);
	fail_at = n;
	fail_code = KILL_AT_COMMIT;
	shim_register();
	if (cmd_parse(6, argv, cmds, 1, "import", &nr, &args) != CMD_RUN)
		return 2;
	rc = args.entry->exec(&nr, &args);
	cmd_args_free(&args);
	free(sh);
	return rc;
}

int
main(int argc, char **argv)
{
	char		 cmd[1024], *cause = NULL;
	struct store	*st;
	long		 total = 0;
	int		 san;
	int		 rc;

	if (argc == 5 && strcmp(argv[1], "kill") == 0) {
		rc = kill_at_commit(atol(argv[2]), argv[3], argv[4]);
		leak_check();
		return rc;
	}
	snprintf(dir, sizeof dir, "%s/nrfaults.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(pagedir, sizeof pagedir, "%s/pages", dir);
	snprintf(base, sizeof base, "%s/base.db", dir);
	snprintf(db, sizeof db, "%s/work.db", dir);
	snprintf(errlog, sizeof errlog, "%s/err", dir);
	snprintf(basedir, sizeof basedir, "%s/base", dir);
	snprintf(fewdir, sizeof fewdir, "%s/few", dir);
	snprintf(cmd, sizeof cmd, "mkdir '%s' '%s' '%s'", pagedir, basedir,
	    fewdir);
	if (system(cmd) != 0)
		return 1;
	write_pages();
	sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED |
	    MAP_ANONYMOUS, -1, 0);
	/* the database before: 5 articles, the first bookmarked */
	{
		static const struct cmd_entry * const cmds[] = {
		    &cmd_import_entry };
		char		*argv[] = { (char *)"newsread", (char *)"--db",
				    base, (char *)"import", (char *)"-q",
				    basedir, NULL };
		struct cmd_args	 args;
		struct nr	 nr;

		ok(cmd_parse(6, argv, cmds, 1, "import", &nr, &args) ==
		    CMD_RUN && args.entry->exec(&nr, &args) == 0,
		    "the database to start from is made");
		cmd_args_free(&args);
	}
	st = store_open(base, 0, &cause);
	ok(st != NULL && store_bookmark_toggle(st, 1, &cause) == 1,
	    "its first article is bookmarked");
	store_close(st);
	snprintf(cmd, sizeof cmd, "rm -f '%s-wal' '%s-shm'", base, base);
	if (system(cmd) != 0)
		return 1;
	copy_base();
	ok(q("SELECT count(*) FROM articles") == 5, "it holds 5 articles");

	/*
	 * SQLite's allocations are some 3,000 points, each a forked import:
	 * under the sanitizers (a child there costs six times as much) only
	 * every 8th is tried, else that sweep alone takes half an hour.
	 */
	san = getenv("SANITIZERS") != NULL && *getenv("SANITIZERS") != '\0';
	total += sweep(OP_IMPORT, SQLITE_IOERR, "import, I/O error", 5000, 1);
	total += sweep(OP_IMPORT, SQLITE_FULL, "import, disk full", 5000, 1);
	total += sweep(OP_BOOKMARK, SQLITE_IOERR, "bookmark, I/O error", 500, 1);
	total += sweep(OP_IMPORT, POWER_LOSS, "import, power loss", 500, 1);
	total += sweep(OP_BOOKMARK, POWER_LOSS, "bookmark, power loss", 500, 1);
	total += sweep(OP_IMPORT_FEW, OOM_OURS, "import, newsread out of memory",
	    20000, 1);
	total += sweep(OP_IMPORT_FEW, OOM_SQLITE, "import, SQLite out of memory",
	    20000, san ? 8 : 1);
	printf("# %ld fault points in all\n", total);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	free(base_bytes);
	leak_check();
	return done_testing();
}
