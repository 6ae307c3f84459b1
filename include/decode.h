/* decode.h: a page's raw bytes to valid NFC UTF-8 text. */
#ifndef NEWSREAD_DECODE_H
#define NEWSREAD_DECODE_H

#include <stddef.h>

/* The largest page accepted, in bytes. */
#define DECODE_MAX_PAGE	(16U * 1024 * 1024)

/*
 * Turn a page's bytes into NUL-terminated NFC UTF-8 with LF line ends: a
 * UTF-8 byte order mark is dropped, CRLF and lone CR become LF. When
 * encoding is not NULL the bytes are first converted from that encoding
 * (any name iconv knows: CP1258, VISCII, TCVN, UTF-16...); else a page
 * that starts with a UTF-16 or UTF-32 byte order mark is converted from
 * the encoding it names.
 *
 * Returns the text (the caller frees it) and its length in *outlen, or
 * NULL with an allocated reason in *cause (the caller frees it) when the
 * page is empty or only white space, larger than DECODE_MAX_PAGE, holds a
 * NUL byte (in the text, after any conversion: UTF-16 is read), is not
 * valid UTF-8, or cannot be converted.
 */
char	*decode_page(const char *buf, size_t len, const char *encoding,
	    size_t *outlen, char **cause);

/*
 * Whether the first bytes of buf look like UTF-16 text: a NUL byte in
 * at least a fifth of them, nearly all on the same side of each pair.
 */
int	 decode_utf16_like(const char *buf, size_t len);

/* Whether iconv knows the encoding name. */
int	 decode_encoding_known(const char *encoding);

#endif
