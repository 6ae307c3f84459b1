/* util.c: allocation that cannot fail, growable strings and arrays. */
#include "config.h"

#include <unistd.h>

#include <sys/wait.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void (*fatal_hook)(void);

void
util_set_fatal_hook(void (*fn)(void))
{
	fatal_hook = fn;
}

void
fatalx(const char *fmt, ...)
{
	va_list	ap;

	if (fatal_hook != NULL)
		fatal_hook();
	fputs("newsread: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void *
xmalloc(size_t size)
{
	void	*p;

	if ((p = malloc(size == 0 ? 1 : size)) == NULL)
		fatalx("out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		fatalx("out of memory");
	return p;
}

void *
xrealloc(void *old, size_t size)
{
	void	*p;

	if ((p = realloc(old, size == 0 ? 1 : size)) == NULL)
		fatalx("out of memory");
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		fatalx("out of memory");
	return xrealloc(old, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	char	*s;

	if (vasprintf(&s, fmt, ap) < 0)
		fatalx("out of memory");
	return s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

static void
buf_grow(struct buf *b, size_t more)
{
	size_t	need = b->len + more + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->s = xrealloc(b->s, b->cap);
}

void
buf_reserve(struct buf *b, size_t n)
{
	buf_grow(b, n);
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_adds(b, s);
	free(s);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

char *
buf_take(struct buf *b)
{
	char	*s = b->s;

	if (s == NULL)
		s = xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void
strv_push(struct strv *sv, char *s)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap == 0 ? 8 : sv->cap * 2;
		sv->v = xreallocarray(sv->v, sv->cap, sizeof *sv->v);
	}
	sv->v[sv->n++] = s;
}

void
strv_add(struct strv *sv, const char *s)
{
	strv_push(sv, xstrdup(s));
}

void
strv_free(struct strv *sv)
{
	size_t	i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

char *
util_read_file(const char *path, size_t max, size_t *len, char **cause)
{
	FILE	*fp;
	char	*data = NULL;
	size_t	 cap = 0, n = 0, got;
	int	 is_stdin = strcmp(path, "-") == 0;

	*cause = NULL;
	if (is_stdin)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL) {
		*cause = xasprintf("cannot open: %s", strerror(errno));
		return NULL;
	}
	for (;;) {
		if (cap - n < 65536) {
			cap = cap == 0 ? 65536 : cap * 2;
			data = xrealloc(data, cap + 1);
		}
		got = fread(data + n, 1, cap - n, fp);
		n += got;
		if (n > max) {
			*cause = xasprintf("page is larger than %zu MiB",
			    max / (1024 * 1024));
			break;
		}
		if (got == 0) {
			if (ferror(fp))
				*cause = xasprintf("cannot read: %s",
				    strerror(errno));
			break;
		}
	}
	if (!is_stdin)
		fclose(fp);
	if (*cause != NULL) {
		free(data);
		return NULL;
	}
	data[n] = '\0';
	*len = n;
	return data;
}

FILE *
util_spawn(const char *cmdline, int *pid)
{
	char	*copy, *argv[32], *p;
	int	 argc = 0, fds[2];
	pid_t	 child;
	FILE	*fp;

	copy = xstrdup(cmdline);
	for (p = strtok(copy, " \t"); p != NULL && argc < 31;
	    p = strtok(NULL, " \t"))
		argv[argc++] = p;
	argv[argc] = NULL;
	if (argc == 0 || pipe(fds) == -1) {
		free(copy);
		if (argc == 0)
			errno = ENOENT;
		return NULL;
	}
	if ((child = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		free(copy);
		return NULL;
	}
	if (child == 0) {
		close(fds[1]);
		if (dup2(fds[0], STDIN_FILENO) == -1)
			_exit(127);
		close(fds[0]);
		execvp(argv[0], argv);
		_exit(127);
	}
	free(copy);
	close(fds[0]);
	if ((fp = fdopen(fds[1], "w")) == NULL) {
		close(fds[1]);
		waitpid(child, NULL, 0);
		return NULL;
	}
	*pid = (int)child;
	return fp;
}

int
util_spawn_wait(FILE *fp, int pid)
{
	int	st = 0;

	fclose(fp);
	while (waitpid((pid_t)pid, &st, 0) == -1)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}
