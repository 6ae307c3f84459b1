/*
 * story.h: one story, many outlets. Near-duplicate texts (the same story
 * republished under another headline, with its lead cut, an outlet's tag
 * added, a paragraph dropped or added, its numbers updated) are versions
 * of one story. Pure: no SQLite, no curses; the store keeps what this
 * computes.
 *
 * A text is the set of its shingles: each run of STORY_SHINGLE words,
 * folded (case-folded, marks removed, đ as d: text_fold_word()). Its
 * signature is a MinHash of that set, STORY_HASHES minimums (one
 * permutation, STORY_HASHES bins); the share of equal minimums between
 * two signatures estimates the resemblance (Jaccard) of the two sets. Two texts are
 * versions of one story when that estimate is at least STORY_SAME.
 *
 * Candidates are found without comparing every pair: the signature cut
 * into STORY_BANDS bands of STORY_ROWS hashes, each band hashed to a key;
 * texts sharing a key are candidates, confirmed by their resemblance.
 */
#ifndef NEWSREAD_STORY_H
#define NEWSREAD_STORY_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"

#define STORY_SHINGLE	4	/* words a shingle */
#define STORY_HASHES	64	/* minimums in a signature */
#define STORY_ROWS	3	/* hashes a band */
#define STORY_BANDS	(STORY_HASHES / STORY_ROWS)	/* 21 bands */
#define STORY_MIN_SHINGLES 12	/* fewer: too short to tell, no signature */

/*
 * Resemblance, in 64ths, from which two texts are versions of a story:
 * 0.375. On the labelled pairs of tests/test_story.c versions score 30
 * and up, other texts 12 and below.
 */
#define STORY_SAME	24

struct story_sig {
	uint32_t	h[STORY_HASHES];
};

/*
 * The signature of an article's text: its body (the headline and the
 * lead are left out, as republishers rewrite, cut and tag them), or its
 * lead and body when the body alone is too short. Returns 0, or -1 when the text
 * has fewer than STORY_MIN_SHINGLES shingles (then *sig is undefined and
 * the article is a story of its own).
 */
int	 story_sign(const struct article *, struct story_sig *);

/* The same over one text. */
int	 story_sign_text(const char *text, size_t len, struct story_sig *);

/* Estimated resemblance of two signatures, 0 to STORY_HASHES. */
int	 story_resemblance(const struct story_sig *, const struct story_sig *);

/* Whether two signatures are versions of one story. */
int	 story_same(const struct story_sig *, const struct story_sig *);

/* The signature's band keys, one a band (the band's number mixed in),
 * each of 32 bits. */
void	 story_bands(const struct story_sig *, int64_t keys[STORY_BANDS]);

/*
 * A signature as bytes (STORY_SIG_BYTES, little-endian) for the store,
 * and back; story_sig_decode() returns -1 when len is not
 * STORY_SIG_BYTES.
 */
#define STORY_SIG_BYTES	(STORY_HASHES * 4)
void	 story_sig_encode(const struct story_sig *, unsigned char *);
int	 story_sig_decode(const unsigned char *, size_t len,
	    struct story_sig *);

/*
 * Coverage: articles on one event written apart share its rare words:
 * names and places (runs of capitalised words: two or more, or one
 * within a sentence), and figures of three digits or more. The
 * keywords of an article (its headline, lead and body), folded, a phrase
 * of words joined by spaces each, at most STORY_KEYWORDS of them, names
 * of several words first; appended to out, their number returned.
 */
#define STORY_KEYWORDS	12
struct strv;
size_t	 story_keywords(const struct article *, struct strv *out);

/* Keywords two lists share. */
size_t	 story_keywords_shared(const struct strv *, const struct strv *);

/*
 * Two articles cover one event when they share this many keywords, one
 * of them a name, and are dated at most STORY_DAYS apart.
 */
#define STORY_COVER	3
#define STORY_DAYS	3

#endif
