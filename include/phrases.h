/*
 * phrases.h: the page furniture newsread knows by name. Adding an
 * outlet's heading or footer is one line in src/phrases.c.
 */
#ifndef NEWSREAD_PHRASES_H
#define NEWSREAD_PHRASES_H

enum phrase_kind {
	PHRASE_NONE,
	PHRASE_NOISE,	/* dropped wherever it stands */
	PHRASE_HEADING,	/* heads a block of related articles */
	PHRASE_END,	/* the article is over: comment footers, copyright */
	PHRASE_COMMENTS	/* comments: ends the article after its text, a
			   counter or a button before it */
};

/*
 * Look up a whole line, case-folded (text_fold(..., 0)), trimmed, with a
 * final ':' removed. Returns PHRASE_NONE when the line is not furniture.
 */
enum phrase_kind	phrase_lookup(const char *folded);

/*
 * Whether the case-folded line starts with a prefix that marks the end of
 * the article ("bình luận (", "copyright", "©"...).
 */
int			phrase_end_prefix(const char *folded);

#endif
