/*
 * tap.h: a tiny Test Anything Protocol producer for the unit tests.
 *
 * One convention, the same as tests/tap.sh's ok: a case passes when its
 * condition is TRUE.
 *
 *   ok(cond, fmt, ...)            passes when cond is non-zero
 *   is_str(got, want, fmt, ...)   passes when the strings are equal
 *   done_testing()                prints the plan; returns the exit status
 *                                 (non-zero when a case failed)
 *
 * With NEWSREAD_TEST_BAIL set (make mutate sets it), the first failure
 * ends the program with "Bail out!": a mutant is killed sooner.
 */
#ifndef NEWSREAD_TAP_H
#define NEWSREAD_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

static int __attribute__((format(printf, 2, 3), unused))
ok(int cond, const char *fmt, ...)
{
	va_list	ap;

	tap_n++;
	printf("%s %d - ", cond ? "ok" : "not ok", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond) {
		tap_failed++;
		if (getenv("NEWSREAD_TEST_BAIL") != NULL &&
		    *getenv("NEWSREAD_TEST_BAIL") != '\0') {
			printf("Bail out! first failure: %d\n", tap_n);
			fflush(stdout);
			exit(1);
		}
	}
	fflush(stdout);
	return cond;
}

/*
 * A template for mkstemp() or mkdtemp() under $TMPDIR, or /tmp:
 * "DIR/PREFIXXXXXXX", malloc'd. make mutate points TMPDIR into its work
 * directory, so that what a test bailing out leaves goes with it.
 */
static char * __attribute__((unused))
tap_tmpname(const char *prefix)
{
	const char	*dir = getenv("TMPDIR");
	size_t		 n;
	char		*s;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	n = strlen(dir) + strlen(prefix) + sizeof "/XXXXXX";
	if ((s = malloc(n)) == NULL)
		exit(99);
	snprintf(s, n, "%s/%sXXXXXX", dir, prefix);
	return s;
}

/* Compare strings (NULL-safe) and show both when they differ. */
static int __attribute__((format(printf, 3, 4), unused))
is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list	ap;
	int	same;
	char	name[512];

	same = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);
	va_start(ap, fmt);
	vsnprintf(name, sizeof name, fmt, ap);
	va_end(ap);
	ok(same, "%s", name);
	if (!same)
		printf("#   got:  %s\n#   want: %s\n", got ? got : "(null)",
		    want ? want : "(null)");
	return same;
}

static int __attribute__((unused))
done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed > 0;
}

#endif
