/*
 * text.h: the one module that knows Unicode (on utf8proc): normalisation,
 * folding, display width, grapheme clusters, wrapping, truncation and
 * making untrusted text safe to draw.
 *
 * All strings are UTF-8. Functions that take a string assume it is valid
 * UTF-8 unless they say otherwise; invalid bytes are treated as U+FFFD.
 */
#ifndef NEWSREAD_TEXT_H
#define NEWSREAD_TEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Set up the tables text.c fills on first use (folding). Call it before
 * a second thread may use this module; calling it again does nothing.
 */
void	 text_init(void);

/*
 * Return the byte offset of the first invalid UTF-8 sequence in s[0..len),
 * or len when the whole string is valid. Overlong forms, surrogates and
 * code points above U+10FFFF are invalid.
 */
size_t	 text_utf8_check(const char *s, size_t len);

/*
 * The length of the run at the start of s[0..len) that needs no decoding,
 * found sixteen bytes at a time (0 where the machine cannot): ASCII and
 * well-formed U+0080..U+02FF and U+1E00..U+1EFF, which NFC leaves alone,
 * ending on a character's boundary. With TEXT_PLAIN_LINE, as a line is
 * normalised: no control, DEL or U+0080..U+00BF, and no space after a
 * space (*space says whether the text before s ended in one, and is
 * updated). When out is not NULL the run is copied there (16 bytes may
 * be written past it, within len); *chars and *spaces, when not NULL, are
 * increased by its code points and spaces.
 */
#define TEXT_PLAIN_LINE	0x1
size_t	 text_plain(const char *s, size_t len, int flags, char *out,
	    int *space, int *chars, int *spaces);

/*
 * Return a NUL-terminated NFC copy of s[0..len) (the caller frees it), or
 * NULL when s is not valid UTF-8.
 */
char	*text_nfc(const char *s, size_t len);

/*
 * Whether NFC leaves the code point alone and it cannot combine with the
 * one before it: text made only of such code points is NFC already.
 */
int	 text_nfc_stable(int32_t cp);

/*
 * Fold for matching: NFC, case-folded, and when strip is set combining
 * marks removed and đ/Đ mapped to d. Returns an allocated string; invalid
 * input gives an empty string.
 */
char	*text_fold(const char *s, size_t len, int strip);

/*
 * Return an allocated copy of s with each word's first letter in upper
 * case and the others in lower case ("THE RIVERTON LEDGER" -> "The
 * Riverton Ledger"), NFC.
 */
char	*text_title_case(const char *s);

/* Whether the word carries marks that text_fold(..., 1) would remove. */
int	 text_has_marks(const char *s, size_t len);

/*
 * Decode one code point at s (at most len bytes). Stores it in *cp and
 * returns the number of bytes used (at least 1); an invalid sequence
 * gives U+FFFD and 1.
 */
size_t	 text_decode(const char *s, size_t len, int32_t *cp);

/* Unicode predicates on one code point. */
int	 text_is_letter(int32_t);
int	 text_is_alnum(int32_t);
int	 text_is_upper(int32_t);
int	 text_is_lower(int32_t);
int	 text_is_space(int32_t);	/* white space, no-break spaces included */
int	 text_is_mark(int32_t);

/*
 * Code points that show nothing, by what they do (0 for any other): the
 * one table of them, for the cleaner (which drops them all), the decoder
 * (a page of spaces and zero-width spaces is empty) and the display
 * (which drops bidirectional controls and zero-width spaces, and keeps
 * the joiners that emoji and some scripts need).
 */
#define TEXT_INV_SPACE	0x1	/* zero-width space, BOM (ZWNBSP) */
#define TEXT_INV_JOIN	0x2	/* ZWNJ, ZWJ, word joiner */
#define TEXT_INV_HYPHEN	0x4	/* soft hyphen */
#define TEXT_INV_BIDI	0x8	/* marks, embeddings, overrides, isolates */
int	 text_invisible(int32_t);

/*
 * Return the byte length of the grapheme cluster starting at s (at most
 * len bytes; 0 when len is 0) and store its width in display columns in
 * *width (0, 1 or 2).
 */
size_t	 text_cluster(const char *s, size_t len, int *width);

/* Display width of s in columns. */
int	 text_width(const char *s);

/* Write the code point cp (a valid one) as UTF-8 to out: its length. */
size_t	 text_encode(int32_t cp, char out[4]);

/*
 * Return an allocated copy of s that is safe to draw: C0 and C1 control
 * characters and DEL become U+FFFD, tabs become a space, bidirectional
 * overrides and isolates are dropped, invalid bytes become U+FFFD,
 * and the result is NFC. Newlines are kept only when keep_nl is set.
 */
char	*text_sanitize(const char *s, int keep_nl);

/* One wrapped line: bytes [off, off + len) of the wrapped string. */
struct text_line {
	size_t	off;
	size_t	len;
	int	width;
};

/*
 * Wrap s (one paragraph, no newlines, already sanitised) to width columns
 * (at least 1): break after spaces; a token wider than the line breaks at
 * a grapheme boundary. Spaces at a break are dropped. Stores an allocated
 * array in *lines (the caller frees it) and returns the count (at least 1,
 * an empty line for an empty string).
 */
size_t	 text_wrap(const char *s, int width, struct text_line **lines);

/*
 * Return an allocated copy of s cut to at most width columns, ending in
 * "…" at a grapheme boundary when it was cut. Stores the result's width
 * in *outw when outw is not NULL.
 */
char	*text_truncate(const char *s, int width, int *outw);



/*
 * Words: runs of letters, combining marks and digits. Finds the next word
 * at or after *pos in s[0..len); returns 1 with its bytes in [*start,
 * *end) and *pos after it, or 0 when there is none.
 */
int	 text_next_word(const char *s, size_t len, size_t *pos,
	    size_t *start, size_t *end);

struct buf;

/*
 * Fold one word both ways, into buffers the caller owns (their old
 * contents are replaced): stripped (case-folded, marks removed, đ as d)
 * and exact (case-folded, marks kept). Both NFC.
 */
void	 text_fold_word(const char *s, size_t len, struct buf *stripped,
	    struct buf *exact);

/* The stripped form alone, as text_fold_word() makes it. */
void	 text_fold_strip(const char *s, size_t len, struct buf *stripped);

/*
 * The words of s[0..len) (text_next_word()), each folded as
 * text_fold_strip() folds it and handed to fn as the 64-bit FNV-1a hash
 * of that stripped form, its length in bytes, its first byte and whether
 * it is all ASCII digits: in one pass, without a copy of the word (the
 * signatures of stories, story.c).
 */
struct text_word_hash {
	uint64_t	hash;
	size_t		len;
	char		first;
	int		digits;
};
void	 text_words_hash(const char *s, size_t len,
	    void (*fn)(void *, const struct text_word_hash *), void *arg);
#endif
