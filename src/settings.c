/*
 * settings.c: reading the settings file. Pure text and one fopen(); the
 * reader applies what it reads.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "util.h"

#define NAMES	"text-width, date-format, colors, color, bind-key"

char *
settings_path(void)
{
	const char	*env;

	if ((env = getenv("XDG_CONFIG_HOME")) != NULL && *env == '/')
		return xasprintf("%s/newsread/config", env);
	if ((env = getenv("HOME")) != NULL && *env != '\0')
		return xasprintf("%s/.config/newsread/config", env);
	return NULL;
}

char *
settings_error(const struct settings *s, int n, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *out;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	out = xasprintf("%s:%d: %s", s->path != NULL ? s->path : "settings",
	    n, msg);
	free(msg);
	return out;
}

/* Split line into at most 5 words, in place; returns how many. */
static int
words(char *line, char **w)
{
	int	n = 0;
	char	*p = line;

	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0' || *p == '#')
			return n;
		if (n == 5)
			return 6;	/* too many */
		w[n++] = p;
		while (*p != '\0' && !isspace((unsigned char)*p))
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
}

static void
keep(struct settings_line **v, size_t *n, int line, char **w, int nw)
{
	struct settings_line	*l;

	*v = xreallocarray(*v, *n + 1, sizeof **v);
	l = &(*v)[(*n)++];
	l->line = line;
	l->a = xstrdup(w[1]);
	l->b = xstrdup(w[2]);
	l->c = nw > 3 ? xstrdup(w[3]) : NULL;
}

/* One line, split into nw words; NULL or the error. */
static char *
one(struct settings *s, int n, char **w, int nw)
{
	char	*end;
	long	 v;

	if (strcmp(w[0], "text-width") == 0) {
		if (nw != 2)
			return settings_error(s, n, "text-width takes one "
			    "number: text-width 80 (0: the window's width)");
		errno = 0;
		v = strtol(w[1], &end, 10);
		if (errno != 0 || *end != '\0' || end == w[1] || v < 0 ||
		    v > 1000)
			return settings_error(s, n, "text-width '%s' is not "
			    "a number of columns from 0 to 1000: text-width "
			    "80", w[1]);
		s->text_width = (int)v;
	} else if (strcmp(w[0], "date-format") == 0) {
		if (nw == 2 && strcmp(w[1], "dmy") == 0)
			s->date_style = DATE_DMY;
		else if (nw == 2 && strcmp(w[1], "mdy") == 0)
			s->date_style = DATE_MDY;
		else if (nw == 2 && strcmp(w[1], "iso") == 0)
			s->date_style = DATE_ISO;
		else
			return settings_error(s, n, "date-format is one of "
			    "dmy (01/04/2024), mdy (04/01/2024), iso "
			    "(2024-04-01): date-format dmy");
	} else if (strcmp(w[0], "colors") == 0) {
		if (nw == 2 && strcmp(w[1], "yes") == 0)
			s->colors = 1;
		else if (nw == 2 && strcmp(w[1], "no") == 0)
			s->colors = 0;
		else
			return settings_error(s, n, "colors is yes or no: "
			    "colors no");
	} else if (strcmp(w[0], "color") == 0) {
		if (nw != 3 && nw != 4)
			return settings_error(s, n, "color takes a role, a "
			    "foreground and a background: color match black "
			    "yellow");
		keep(&s->color, &s->ncolor, n, w, nw);
	} else if (strcmp(w[0], "bind-key") == 0) {
		if (nw != 3)
			return settings_error(s, n, "bind-key takes a key and "
			    "an action: bind-key x quit");
		keep(&s->bind, &s->nbind, n, w, nw);
	} else
		return settings_error(s, n, "unknown setting '%s' (the "
		    "settings are " NAMES "; see newsread(1), SETTINGS)",
		    w[0]);
	return NULL;
}

int
settings_load(struct settings *s, const char *path, char **cause)
{
	FILE	*f;
	char	 line[1024], *w[6];
	int	 n = 0, nw;

	*cause = NULL;
	memset(s, 0, sizeof *s);
	s->text_width = 80;
	s->date_style = DATE_DMY;
	s->colors = 1;
	s->path = path != NULL ? xstrdup(path) : settings_path();
	if (s->path == NULL)
		return 0;
	if ((f = fopen(s->path, "r")) == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		*cause = xasprintf("cannot read '%s': %s", s->path,
		    strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		n++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			*cause = settings_error(s, n, "line longer than %zu "
			    "bytes", sizeof line - 2);
			break;
		}
		if ((nw = words(line, w)) == 0)
			continue;
		if (nw > 5)
			nw = 5;
		if ((*cause = one(s, n, w, nw)) != NULL)
			break;
	}
	fclose(f);
	return *cause != NULL ? -1 : 0;
}

void
settings_free(struct settings *s)
{
	size_t	i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ncolor; i++) {
		free(s->color[i].a);
		free(s->color[i].b);
		free(s->color[i].c);
	}
	for (i = 0; i < s->nbind; i++) {
		free(s->bind[i].a);
		free(s->bind[i].b);
		free(s->bind[i].c);
	}
	free(s->color);
	free(s->bind);
	free(s->path);
	memset(s, 0, sizeof *s);
}
