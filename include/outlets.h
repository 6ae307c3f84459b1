/*
 * outlets.h: the news outlets newsread knows by name, so that "TG&VN",
 * "TGVN", "Báo TG&VN" and "baoquocte.vn" are one source. The table is
 * data, in src/outlets.c: an outlet's canonical name, then the names,
 * abbreviations, tags and domains it goes by.
 */
#ifndef NEWSREAD_OUTLETS_H
#define NEWSREAD_OUTLETS_H

#include <stddef.h>

/*
 * The canonical name of the outlet that s[0..len) names (a name, an
 * abbreviation, a tag such as "TTO", or a domain such as "tuoitre.vn"),
 * or NULL when the table does not know it. The string returned is
 * static.
 */
const char	*outlet_find(const char *s, size_t len);

/*
 * The outlet of a web address or a bare host ("https://tuoitre.vn/...",
 * "Baoquocte.vn", "kinhtexaydung.petrotimes.vn"), or NULL when the
 * table does not know the domain or s is not one.
 */
const char	*outlet_from_host(const char *s, size_t len);

/*
 * Whether s[0..len) reads like an outlet's name by its shape, known or
 * not: a word such as "Báo", "Tạp chí", "News" or "Times" in it, a
 * domain, or an acronym of capitals ("VOA", "TTXVN") that is not a
 * person's title ("GS", "TS", "PGS").
 */
int		 outlet_like(const char *s, size_t len);

/*
 * The source to store for a name the page gives: the canonical name
 * when the table knows it, else a copy of the name as printed when it
 * reads like an outlet, else NULL. The caller frees the result.
 */
char		*outlet_name(const char *s, size_t len);

/* Whether tld ("vn", "com"...) is a top-level domain sites use. */
int		 outlet_tld(const char *tld);

/*
 * Check the table as written: every key folded as lookups fold, every
 * canonical name found. 0, or -1 and an allocated *cause (for the tests).
 */
int		 outlet_table_check(char **cause);

#endif
