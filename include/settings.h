/*
 * settings.h: the settings file, $XDG_CONFIG_HOME/newsread/config (or
 * ~/.config/newsread/config), one setting a line, newsboat's way:
 *
 *	# a comment
 *	text-width 80
 *	date-format dmy
 *	colors no
 *	color match black yellow
 *	bind-key x quit
 *
 * This file reads and checks the lines it can judge alone; the reader
 * checks the names of colours' roles, keys and actions it keeps.
 */
#ifndef NEWSREAD_SETTINGS_H
#define NEWSREAD_SETTINGS_H

#include <stddef.h>

#include "article.h"

/* A line the reader judges: "color ROLE FG [BG]" or "bind-key KEY ACTION". */
struct settings_line {
	int	 line;		/* in the file, from 1 */
	char	*a, *b, *c;	/* the words after the name; c may be NULL */
};

struct settings {
	char			*path;		/* the file read, or NULL */
	int			 text_width;	/* columns; 0: the window's */
	enum article_date_style	 date_style;
	int			 colors;	/* 0: never */
	struct settings_line	*color;
	size_t			 ncolor;
	struct settings_line	*bind;
	size_t			 nbind;
};

/*
 * The settings path: $XDG_CONFIG_HOME/newsread/config, else
 * $HOME/.config/newsread/config; NULL when neither is set. The caller
 * frees it.
 */
char	*settings_path(void);

/*
 * Fill *s with the defaults, then the file at path (NULL: settings_path()).
 * A missing file is no error. On a bad line returns -1 with *cause
 * "FILE:LINE: what is wrong, and the fix" (the caller frees it).
 */
int	 settings_load(struct settings *, const char *path, char **cause);
void	 settings_free(struct settings *);

/* The error for line n of s's file: "FILE:N: " then the message. */
char	*settings_error(const struct settings *, int n, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

#endif
