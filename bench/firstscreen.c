/*
 * firstscreen.c: time from exec to the reader's first full screen. Runs
 * the real binary in a pseudo-terminal of 80x24 (TERM=xterm), reads what
 * it draws until the status line's last hint ("q quit") arrives, then
 * sends q and collects its peak RSS. Prints "seconds maxrss_kib" for each
 * of RUNS runs.
 *
 * usage: firstscreen NEWSREAD DB RUNS
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec	t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int
one(const char *bin, const char *db, double *secs, long *rss)
{
	struct winsize	 ws = { .ws_row = 24, .ws_col = 80 };
	struct rusage	 ru;
	char		 buf[65536], seen[256] = "";
	double		 t0, t1 = 0;
	int		 fd, status, done = 0;
	pid_t		 pid;

	t0 = now();
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		return -1;
	if (pid == 0) {
		setenv("TERM", "xterm", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		execl(bin, bin, "--db", db, (char *)NULL);
		_exit(127);
	}
	while (!done) {
		struct pollfd	pfd = { .fd = fd, .events = POLLIN };
		ssize_t		n;
		size_t		k;

		if (poll(&pfd, 1, 10000) <= 0)
			break;
		if ((n = read(fd, buf, sizeof buf - 1)) <= 0)
			break;
		buf[n] = '\0';
		/* keep a tail across reads to find the marker */
		k = strlen(seen);
		if (k > 64) {
			memmove(seen, seen + k - 64, 65);
			k = 64;
		}
		strncat(seen, buf + (n > 150 ? n - 150 : 0),
		    sizeof seen - k - 1);
		if (strstr(seen, "q quit") != NULL ||
		    memmem(buf, (size_t)n, "q quit", 6) != NULL) {
			t1 = now();
			done = 1;
		}
	}
	if (write(fd, "q", 1) != 1)
		return -1;
	/* drain until it exits */
	for (;;) {
		struct pollfd	pfd = { .fd = fd, .events = POLLIN };

		if (poll(&pfd, 1, 2000) <= 0 || read(fd, buf, sizeof buf) <= 0)
			break;
	}
	wait4(pid, &status, 0, &ru);
	close(fd);
	*secs = done ? t1 - t0 : -1;
	*rss = ru.ru_maxrss;
	return done ? 0 : -1;
}

int
main(int argc, char **argv)
{
	int	runs, i;
	double	s;
	long	rss;

	if (argc != 4) {
		fprintf(stderr, "usage: firstscreen NEWSREAD DB RUNS\n");
		return 2;
	}
	runs = atoi(argv[3]);
	for (i = 0; i < runs; i++) {
		if (one(argv[1], argv[2], &s, &rss) != 0) {
			fprintf(stderr, "firstscreen: no screen drawn\n");
			return 1;
		}
		printf("%.4f %ld\n", s, rss);
	}
	return 0;
}
