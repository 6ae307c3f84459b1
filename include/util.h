/* util.h: allocation that cannot fail, growable strings and arrays. */
#ifndef NEWSREAD_UTIL_H
#define NEWSREAD_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Allocation wrappers: on failure they run the hook set by
 * util_set_fatal_hook() (the reader uses it to leave curses mode), print
 * "newsread: out of memory" and exit with status 1. They never return NULL.
 */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list);

/*
 * Start the program cmdline names (its words split at spaces: no shell,
 * as for $BROWSER) with a pipe to its standard input. Returns the pipe's
 * write end and sets *pid, or returns NULL (errno set). A program that
 * cannot be run exits 127.
 */
FILE	*util_spawn(const char *cmdline, int *pid);
/* Close fp and wait for the program: its exit status, or -1 (a signal). */
int	 util_spawn_wait(FILE *fp, int pid);

/* Run fn before the program exits on a fatal error (NULL to clear). */
void	 util_set_fatal_hook(void (*fn)(void));

/* Print "newsread: " and the message to stderr, run the hook, exit 1. */
void	 fatalx(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

/*
 * A growable NUL-terminated byte string. A zeroed struct is an empty
 * string; buf_free() releases it, buf_take() hands the bytes to the caller
 * (who frees them) and leaves the buf empty.
 */
struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

void	 buf_add(struct buf *, const char *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_reset(struct buf *);
/* Make room for n more bytes (and the NUL) without writing them. */
void	 buf_reserve(struct buf *, size_t n);
char	*buf_take(struct buf *);
void	 buf_free(struct buf *);

/* A growable array of owned strings. */
struct strv {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

void	 strv_add(struct strv *, const char *);	/* copies */
void	 strv_push(struct strv *, char *);	/* takes ownership */
void	 strv_free(struct strv *);



/*
 * Read the whole file at path ("-" for standard input), refusing one of
 * more than max bytes. Returns the bytes (NUL-terminated, the caller
 * frees them) and their count in *len, or NULL and an allocated *cause.
 */
char	*util_read_file(const char *path, size_t max, size_t *len,
	    char **cause);
#endif
