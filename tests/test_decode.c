/* test_decode.c: bytes to NFC UTF-8, and every refusal. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "tap.h"

static char *
dec(const char *s, size_t len, const char *enc, char **cause)
{
	size_t	n;

	*cause = NULL;
	return decode_page(s, len, enc, &n, cause);
}

int
main(void)
{
	char	*t, *cause;

	t = dec("\xef\xbb\xbfxin ch\xc3\xa0o\r\nb\r", 16, NULL, &cause);
	is_str(t, "xin ch\xc3\xa0o\nb\n", "BOM dropped, CRLF and CR become LF");
	free(t);
	t = dec("Ngoa\xcc\xa3i", 7, NULL, &cause);
	is_str(t, "Ngo\xe1\xba\xa1i", "NFD becomes NFC");
	free(t);
	t = dec("a\xff" "b", 3, NULL, &cause);
	ok(t == NULL && cause != NULL && strstr(cause, "not valid UTF-8 at "
	    "byte 1") != NULL && strstr(cause, "--encoding") != NULL,
	    "invalid UTF-8 refused, naming the byte and --encoding (%s)",
	    cause);
	free(cause);
	t = dec("a\0b", 3, NULL, &cause);
	ok(t == NULL && strstr(cause, "NUL") != NULL, "NUL byte refused");
	free(cause);
	t = dec("", 0, NULL, &cause);
	ok(t == NULL && strstr(cause, "empty") != NULL, "empty page refused");
	free(cause);
	t = dec(" \n\xc2\xa0\n\t", 6, NULL, &cause);
	ok(t == NULL && strstr(cause, "white space") != NULL,
	    "white space alone refused");
	free(cause);
	/* "Việt" in Windows-1258: V i e U+0323(F2) U+0302 is in ê (EA) t */
	t = dec("Vi\xea\xf2t", 5, "CP1258", &cause);
	is_str(t, "Vi\xe1\xbb\x87t", "CP1258 decodes and composes");
	free(t);
	t = dec("Vi\xaet", 4, "VISCII", &cause);
	is_str(t, "Vi\xe1\xbb\x87t", "VISCII decodes");
	free(t);
	t = dec("x", 1, "NO-SUCH-ENCODING", &cause);
	ok(t == NULL && strstr(cause, "unknown encoding") != NULL,
	    "unknown encoding refused");
	free(cause);
	ok(decode_encoding_known("TCVN"), "iconv knows TCVN");
	/* "Việt" in UTF-16 and UTF-32, each with its byte order mark */
	t = dec("\xff\xfeV\0i\0\xc7\x1et\0", 10, NULL, &cause);
	is_str(t, "Vi\xe1\xbb\x87t", "UTF-16LE with its mark is decoded");
	free(t);
	t = dec("\xfe\xff\0V\0i\x1e\xc7\0t", 10, NULL, &cause);
	is_str(t, "Vi\xe1\xbb\x87t", "UTF-16BE with its mark is decoded");
	free(t);
	t = dec("\xff\xfe\0\0V\0\0\0i\0\0\0\xc7\x1e\0\0t\0\0\0", 20, NULL,
	    &cause);
	is_str(t, "Vi\xe1\xbb\x87t", "UTF-32LE with its mark is decoded");
	free(t);
	t = dec("V\0i\0\xc7\x1et\0", 8, "UTF-16LE", &cause);
	is_str(t, "Vi\xe1\xbb\x87t", "--encoding UTF-16LE: the NUL bytes are "
	    "UTF-16's, checked after conversion");
	free(t);
	t = dec("V\0i\0\0\0t\0", 8, "UTF-16LE", &cause);
	ok(t == NULL && cause != NULL && strstr(cause, "NUL byte at byte 2") !=
	    NULL, "a NUL character in UTF-16 text is refused");
	free(cause);
	t = dec("T\0i\0n\0 \0v\0u\0i\0 \0h\0o\0m\0 \0n\0a\0y\0.\0", 32,
	    NULL, &cause);
	ok(t == NULL && cause != NULL && strstr(cause, "--encoding UTF-16LE")
	    != NULL, "UTF-16 without a mark is refused with the fix");
	free(cause);
	{
		size_t	 big = DECODE_MAX_PAGE + 1;
		char	*b = calloc(1, big);

		memset(b, 'a', big);
		t = dec(b, big, NULL, &cause);
		ok(t == NULL && strstr(cause, "larger") != NULL,
		    "page over the limit refused");
		free(cause);
		free(b);
	}
	return done_testing();
}
