/* decode.c: a page's raw bytes to valid NFC UTF-8 text. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "text.h"
#include "util.h"

int
decode_encoding_known(const char *encoding)
{
	iconv_t	cd;

	cd = iconv_open("UTF-8", encoding);
	if (cd == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

/* Convert from encoding to UTF-8; NULL and *cause on failure. */
static char *
convert(const char *buf, size_t len, const char *encoding, size_t *outlen,
    char **cause)
{
	iconv_t	 cd;
	size_t	 cap = len * 3 + 16, left = cap, inleft = len;
	char	*out, *op, *ip = (char *)buf;

	if ((cd = iconv_open("UTF-8", encoding)) == (iconv_t)-1) {
		*cause = xasprintf("unknown encoding '%s'", encoding);
		return NULL;
	}
	out = op = xmalloc(cap);
	while (inleft > 0) {
		if (iconv(cd, &ip, &inleft, &op, &left) != (size_t)-1)
			break;
		if (errno == E2BIG) {
			size_t used = (size_t)(op - out);

			cap *= 2;
			out = xrealloc(out, cap);
			op = out + used;
			left = cap - used;
			continue;
		}
		*cause = xasprintf("not valid %s at byte %zu", encoding,
		    (size_t)(ip - buf));
		free(out);
		iconv_close(cd);
		return NULL;
	}
	/* flush: CP1258 holds a letter back in case a mark follows */
	while (iconv(cd, NULL, NULL, &op, &left) == (size_t)-1 &&
	    errno == E2BIG) {
		size_t used = (size_t)(op - out);

		cap *= 2;
		out = xrealloc(out, cap);
		op = out + used;
		left = cap - used;
	}
	iconv_close(cd);
	*outlen = (size_t)(op - out);
	return out;
}

static int
only_space(const char *s, size_t len)
{
	size_t	i = 0, n;
	int32_t	cp;

	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		if (!text_is_space(cp) && text_invisible(cp) != TEXT_INV_SPACE)
			return 0;
		i += n;
	}
	return 1;
}

/*
 * The encoding a UTF-16 or UTF-32 byte order mark names, and its length
 * in *bom; NULL when buf starts with none.
 */
static const char *
bom_encoding(const char *buf, size_t len, size_t *bom)
{
	static const struct {
		const char	*bytes;
		size_t		 len;
		const char	*name;
	} boms[] = {	/* UTF-32LE first: its mark starts as UTF-16LE's */
		{ "\xff\xfe\0\0", 4, "UTF-32LE" },
		{ "\0\0\xfe\xff", 4, "UTF-32BE" },
		{ "\xff\xfe", 2, "UTF-16LE" },
		{ "\xfe\xff", 2, "UTF-16BE" },
	};
	size_t	i;

	for (i = 0; i < sizeof boms / sizeof boms[0]; i++) {
		if (len >= boms[i].len &&
		    memcmp(buf, boms[i].bytes, boms[i].len) == 0) {
			*bom = boms[i].len;
			return boms[i].name;
		}
	}
	return NULL;
}

int
decode_utf16_like(const char *buf, size_t len)
{
	size_t	i, nul = 0, odd = 0;

	if (len > 4096)
		len = 4096;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\0') {
			nul++;
			odd += i & 1;
		}
	}
	/* a NUL byte beside most letters, on one side of each pair */
	return len >= 16 && nul >= 4 && nul * 5 >= len &&
	    (odd * 10 >= nul * 9 || odd * 10 <= nul);
}

/* Why a page with a NUL byte (at nul) is refused, with the likely fix. */
static char *
nul_cause(const char *buf, size_t len, const char *nul, int converted)
{
	if (!converted && decode_utf16_like(buf, len))
		return xasprintf("page holds NUL bytes between its letters "
		    "(UTF-16 without a byte order mark? use --encoding "
		    "UTF-16LE or UTF-16BE)");
	return xasprintf("page holds a NUL byte at byte %zu",
	    (size_t)(nul - buf));
}

char *
decode_page(const char *buf, size_t len, const char *encoding,
    size_t *outlen, char **cause)
{
	char		*conv = NULL, *lf, *nfc;
	const char	*p;
	size_t		 i, j, bad, plen;
	const void	*nul;

	*cause = NULL;
	if (len > DECODE_MAX_PAGE) {
		*cause = xasprintf("page is larger than %u MiB",
		    DECODE_MAX_PAGE / (1024 * 1024));
		return NULL;
	}
	/* a UTF-16 or UTF-32 page says so: converted first, as asked */
	if (encoding == NULL && (encoding = bom_encoding(buf, len, &i)) !=
	    NULL) {
		buf += i;
		len -= i;
	}
	if (encoding != NULL) {
		if ((conv = convert(buf, len, encoding, &len, cause)) == NULL)
			return NULL;
		buf = conv;
	}
	/* after conversion: UTF-16 holds NUL bytes, its text does not */
	if ((nul = memchr(buf, '\0', len)) != NULL) {
		*cause = nul_cause(buf, len, nul, conv != NULL);
		free(conv);
		return NULL;
	}
	p = buf;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		len -= 3;
	}
	plen = len;
	if (memchr(p, '\r', len) == NULL)
		lf = NULL;	/* no CR: the bytes as they are */
	else {
		lf = xmalloc(len + 1);
		for (i = j = 0; i < len; i++) {
			if (p[i] == '\r') {
				lf[j++] = '\n';
				if (i + 1 < len && p[i + 1] == '\n')
					i++;
			} else
				lf[j++] = p[i];
		}
		lf[j] = '\0';
		len = j;
	}
	/* one pass checks UTF-8 and, mostly, finds the text NFC already */
	if ((nfc = text_nfc(lf != NULL ? lf : p, len)) == NULL) {
		bad = text_utf8_check(p, plen);
		*cause = xasprintf("not valid UTF-8 at byte %zu (for a legacy "
		    "encoding use --encoding CP1258, VISCII or TCVN)", bad);
		free(lf);
		free(conv);
		return NULL;
	}
	free(lf);
	free(conv);
	if (only_space(nfc, strlen(nfc))) {
		*cause = xstrdup(len == 0 ? "page is empty" :
		    "page holds only white space");
		free(nfc);
		return NULL;
	}
	*outlen = strlen(nfc);
	return nfc;
}
