/* test_text.c: widths, clusters, wrapping, truncation, sanitising. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "text.h"
#include "util.h"

/* "Ngoại trưởng" precomposed and decomposed */
#define NFC_WORD	"Ngo\xe1\xba\xa1i tr\xc6\xb0\xe1\xbb\x9fng"
#define NFD_WORD	"Ngoa\xcc\xa3i tru\xcc\x9bo\xcc\x9b\xcc\x89ng"

static void
test_width(void)
{
	ok(text_width("abc") == 3, "ASCII is one column a letter");
	ok(text_width(NFC_WORD) == 12, "NFC Vietnamese: one column a letter");
	ok(text_width(NFD_WORD) == 12, "NFD Vietnamese: marks take no column");
	ok(text_width("\xe4\xb8\xad\xe6\x96\x87") == 4,
	    "CJK characters take two columns");
	ok(text_width("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd") == 2,
	    "emoji with a skin-tone modifier is one wide cluster");
	ok(text_width("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80"
	    "\x8d\xf0\x9f\x91\xa7") == 2,
	    "a zero-width-joiner family is one wide cluster");
	ok(text_width("") == 0, "empty string has no width");
}

static void
test_cluster(void)
{
	int	w;
	size_t	n;

	n = text_cluster("o\xcc\x9b\xcc\x89x", 6, &w);
	ok(n == 5 && w == 1, "base letter and two marks are one cluster");
	n = text_cluster("\xe4\xb8\xad", 3, &w);
	ok(n == 3 && w == 2, "a CJK cluster is two columns wide");
	n = text_cluster("", 0, &w);
	ok(n == 0 && w == 0, "no cluster in an empty string");
}

static void
test_fold(void)
{
	char	*f;

	f = text_fold(NFC_WORD " \xc4\x90\xe1\xba\xb7ng", strlen(NFC_WORD
	    " \xc4\x90\xe1\xba\xb7ng"), 1);
	ok(strcmp(f, "ngoai truong dang") == 0, "folding strips marks, "
	    "lowers case and maps \xc4\x90 to d (got %s)", f);
	free(f);
	f = text_fold(NFD_WORD, strlen(NFD_WORD), 1);
	ok(strcmp(f, "ngoai truong") == 0, "NFD folds like NFC");
	free(f);
	f = text_fold("B\xc3\x80", 3, 0);
	ok(strcmp(f, "b\xc3\xa0") == 0, "folding without strip keeps marks");
	free(f);
	ok(text_has_marks("b\xc3\xa0", 3), "b\xc3\xa0 has marks");
	ok(!text_has_marks("Ba", 2), "Ba has no marks");
	ok(text_has_marks("\xc4\x91i", 3), "\xc4\x91 counts as a mark");
}

/* The words text_words_hash() gives, and what it should give: each word
 * of text_next_word(), stripped by text_fold_strip(), hashed (FNV-1a). */
struct hashed {
	struct buf	got, want;
};

static void
hashed_word(void *arg, const struct text_word_hash *w)
{
	struct hashed	*h = arg;

	buf_printf(&h->got, "%016llx/%zu/%c/%d ", (unsigned long long)w->hash,
	    w->len, w->first != '\0' ? w->first : '-', w->digits);
}

static int
words_hash_same(const char *s)
{
	struct hashed	 h = { { 0 }, { 0 } };
	struct buf	 f = { 0 };
	size_t		 pos = 0, ws, we, i, len = strlen(s);
	uint64_t	 x;
	int		 digits, same;

	text_words_hash(s, len, hashed_word, &h);
	while (text_next_word(s, len, &pos, &ws, &we)) {
		text_fold_strip(s + ws, we - ws, &f);
		x = 0xcbf29ce484222325ULL;
		digits = f.len > 0;
		for (i = 0; i < f.len; i++) {
			x = (x ^ (unsigned char)f.s[i]) * 0x100000001b3ULL;
			digits &= f.s[i] >= '0' && f.s[i] <= '9';
		}
		buf_printf(&h.want, "%016llx/%zu/%c/%d ",
		    (unsigned long long)x, f.len, f.len > 0 ? f.s[0] : '-',
		    digits);
	}
	same = h.got.len > 0 && h.got.len == h.want.len &&
	    memcmp(h.got.s, h.want.s, h.got.len) == 0;
	if (!same)
		printf("# got  %s\n# want %s\n", h.got.s, h.want.s);
	buf_free(&h.got);
	buf_free(&h.want);
	buf_free(&f);
	return same;
}

static void
test_words_hash(void)
{
	ok(words_hash_same(NFC_WORD " \xc4\x90\xe1\xba\xb7ng, 2.350 h\xe1\xbb\x99"),
	    "words hashed in one pass as folded one by one (NFC)");
	ok(words_hash_same("\"" NFD_WORD "\" (AFP) 12h30 x"),
	    "NFD words, letters and digits in one word");
	ok(words_hash_same("\xe6\x9d\xb1\xe4\xba\xac v\xc3\xa0 "
	    "\xe1\xbb\xa8ng\xf0\x9f\x98\x80" "d\xe1\xbb\xa5ng!"),
	    "code points beyond the table, and an emoji between words");
}

static void
test_nfc(void)
{
	char	*s;

	s = text_nfc(NFD_WORD, strlen(NFD_WORD));
	ok(s != NULL && strcmp(s, NFC_WORD) == 0, "NFD becomes NFC");
	free(s);
	ok(text_nfc("\xff", 1) == NULL, "invalid UTF-8 is refused");
	ok(text_utf8_check("a\xc0\xaf", 3) == 1, "overlong form is invalid");
	ok(text_utf8_check("\xed\xa0\x80", 3) == 0, "surrogate is invalid");
	ok(text_utf8_check("\xf5\x80\x80\x80", 4) == 0,
	    "bytes above F4 are invalid");
	ok(text_utf8_check("\xe1\xba", 2) == 0, "truncated sequence is invalid");
	ok(text_utf8_check(NFC_WORD, strlen(NFC_WORD)) == strlen(NFC_WORD),
	    "Vietnamese is valid");
}

static void
test_sanitize(void)
{
	char	*s;

	s = text_sanitize("a\x1b[2Jb", 0);
	ok(strchr(s, 0x1b) == NULL && strstr(s, "[2Jb") != NULL,
	    "ESC is made visible, the rest stays inert text");
	free(s);
	s = text_sanitize("x\x1b]0;t\x07y", 0);
	ok(strchr(s, 0x1b) == NULL && strchr(s, 0x07) == NULL,
	    "OSC title sequence is defused");
	free(s);
	s = text_sanitize("a\xc2\x9b" "31mb", 0);
	ok(strstr(s, "\xc2\x9b") == NULL, "C1 CSI is defused");
	free(s);
	s = text_sanitize("a\xe2\x80\xae" "b", 0);
	ok(strcmp(s, "ab") == 0, "bidi override is dropped");
	free(s);
	s = text_sanitize("a\tb\nc", 0);
	ok(strcmp(s, "a b c") == 0, "tab and newline become spaces");
	free(s);
	s = text_sanitize("a\nb", 1);
	ok(strcmp(s, "a\nb") == 0, "newline kept when asked");
	free(s);
	s = text_sanitize(NFD_WORD, 0);
	ok(strcmp(s, NFC_WORD) == 0, "sanitised text is NFC");
	free(s);
	s = text_sanitize("\xcc\x81" "a", 0);
	ok(strcmp(s, "a") == 0, "a mark with no base letter is dropped");
	free(s);
}

/* Check every line of a wrap fits and joins back to the words. */
static int
wrap_ok(const char *s, int width, size_t *count)
{
	struct text_line	*l;
	size_t			 n, i;
	int			 good = 1;

	n = text_wrap(s, width, &l);
	for (i = 0; i < n; i++) {
		char *t = strndup(s + l[i].off, l[i].len);

		if (l[i].width > width && text_width(t) > 2)
			good = 0;
		if (text_width(t) != l[i].width)
			good = 0;
		free(t);
	}
	*count = n;
	free(l);
	return good;
}

static void
test_wrap(void)
{
	static const char *para = NFC_WORD " M\xe1\xbb\xb9 Blinken cam "
	    "k\xe1\xba\xbft h\xe1\xbb\xa3p t\xc3\xa1" "c v\xe1\xbb\x9bi EU "
	    "v\xc3\xa0 Afghanistan";
	static const char *nfd = NFD_WORD " " NFD_WORD " " NFD_WORD;
	struct text_line	*l;
	size_t			 n;
	int			 widths[] = { 1, 2, 20, 80 };
	size_t			 i;

	for (i = 0; i < 4; i++) {
		int good = wrap_ok(para, widths[i], &n);

		ok(good, "wrap at width %d: every line fits and widths are "
		    "exact (%zu lines)", widths[i], n);
	}
	n = text_wrap(para, 20, &l);
	ok(n == 4 && l[0].len == strlen(NFC_WORD " M\xe1\xbb\xb9"),
	    "breaks at spaces, not inside a word");
	free(l);
	n = text_wrap(nfd, 12, &l);
	ok(n == 3 && l[0].width == 12, "NFD text wraps like NFC");
	free(l);
	n = text_wrap("https://example.com/a/very/long/path/here", 10, &l);
	ok(n == 5 && l[0].width == 10, "a token wider than the line breaks at "
	    "the width");
	free(l);
	n = text_wrap("\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad", 3, &l);
	ok(n == 3 && l[0].width == 2, "wide characters never straddle the edge");
	free(l);
	n = text_wrap("", 10, &l);
	ok(n == 1 && l[0].len == 0, "empty text is one empty line");
	free(l);
	n = text_wrap("   ", 10, &l);
	ok(n == 1 && l[0].len == 0, "spaces alone are one empty line");
	free(l);
}

static void
test_truncate(void)
{
	char	*s;
	int	 w;

	s = text_truncate("abcdef", 4, &w);
	ok(strcmp(s, "abc\xe2\x80\xa6") == 0 && w == 4, "cut with an ellipsis");
	free(s);
	s = text_truncate("abc", 4, &w);
	ok(strcmp(s, "abc") == 0 && w == 3, "short text is untouched");
	free(s);
	s = text_truncate(NFD_WORD, 5, &w);
	ok(strcmp(s, "Ngoa\xcc\xa3\xe2\x80\xa6") == 0 && w == 5,
	    "NFD: the cut keeps a letter's marks (got %s)", s);
	free(s);
	s = text_truncate("\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad", 4, &w);
	ok(w <= 4 && strcmp(s, "\xe4\xb8\xad\xe2\x80\xa6") == 0,
	    "wide text cut at a cluster boundary");
	free(s);
	s = text_truncate("abc", 0, &w);
	ok(strcmp(s, "") == 0 && w == 0, "zero width gives an empty string");
	free(s);
}

/*
 * text_plain() against a byte-at-a-time reference: the run it finds is
 * plain, ends where the reference's does (or within the last 16 bytes,
 * which it leaves to the caller), and counts and copies it.
 */
static size_t
ref_plain(const unsigned char *s, size_t len, int line, int space,
    int *chars, int *spaces)
{
	size_t		i = 0, n;
	unsigned	c;

	while (i < len) {
		c = s[i];
		if (c < 0x80) {
			if (line && ((c < 0x21 && c != ' ') || c == 0x7F ||
			    (c == ' ' && space)))
				break;
			n = 1;
		} else if (c >= (line ? 0xC3u : 0xC2u) && c <= 0xCB &&
		    i + 1 < len && (s[i + 1] & 0xC0) == 0x80)
			n = 2;
		else if (c == 0xE1 && i + 2 < len && s[i + 1] >= 0xB8 &&
		    s[i + 1] <= 0xBB && (s[i + 2] & 0xC0) == 0x80)
			n = 3;
		else
			break;
		space = c == ' ';
		(*chars)++;
		*spaces += c == ' ';
		i += n;
	}
	return i;
}

static void
test_plain(void)
{
	static const char *pieces[] = {
		"a", "Z", "7", ".", " ", "  ", "\t", "\x01", "\x7f",
		"\xc3\xa0", "\xc4\x91", "\xc6\xb0", "\xc2\xa0", "\xcc\x81",
		"\xe1\xba\xa1", "\xe1\xbb\x87", "\xe1\x9a\x80", "\xe2\x80\x9c",
		"\xf0\x9f\x91\x8d", "\xc3", "\x80", "\xe1\xba", "\xe1\x80\x80",
	};
	char		 s[128], out[128];
	unsigned	 seed = 1;
	size_t		 len, r, p, k;
	int		 iter, line, bad = 0, chars, spaces, rc, rs, sp, rsp;

	/* "Người dân về quê": "ề" spans bytes 15 to 17 */
	r = text_plain("Ng\xc6\xb0\xe1\xbb\x9di d\xc3\xa2n v\xe1\xbb\x81 "
	    "qu\xc3\xaa", 23, TEXT_PLAIN_LINE, NULL, NULL, NULL, NULL);
#if defined(__SSE2__) && defined(__GNUC__)
	ok(r == 15, "a run of Vietnamese ends on a character (%zu)", r);
#else
	ok(r == 0, "no run where the machine has no SIMD");
#endif
	for (iter = 0; iter < 20000; iter++) {
		len = 0;
		line = iter & 1;
		while (len < 90) {
			const char *pc;

			seed = seed * 1103515245u + 12345u;
			/* mostly letters and spaces, now and then the rest */
			k = (seed >> 16) % 64;
			pc = pieces[k < 40 ? k % 2 : k < 50 ? 4 + (k % 2) * 5 :
			    (seed >> 24) % (sizeof pieces / sizeof pieces[0])];
			if (len + strlen(pc) > sizeof s - 1)
				break;
			memcpy(s + len, pc, strlen(pc));
			len += strlen(pc);
			if ((seed >> 8) % 97 == 0)
				break;
		}
		s[len] = '\0';
		memset(out, '#', sizeof out);
		chars = spaces = rc = rs = 0;
		sp = rsp = (seed >> 4) & 1;
		r = text_plain(s, len, line ? TEXT_PLAIN_LINE : 0, out, &sp,
		    &chars, &spaces);
		p = ref_plain((const unsigned char *)s, len, line, rsp, &rc,
		    &rs);
		rc = rs = 0;
		(void)ref_plain((const unsigned char *)s, r, line, rsp, &rc,
		    &rs);
#if defined(__SSE2__) && defined(__GNUC__)
		if (r > p || (r != p && len - r >= 16) || chars != rc ||
		    spaces != rs || memcmp(out, s, r) != 0 ||
		    (r > 0 && sp != (s[r - 1] == ' ')) ||
		    ref_plain((const unsigned char *)s, r, line, rsp, &rc,
		    &rs) != r) {
#else
		if (r != 0) {
#endif
			if (bad++ == 0)
				printf("# text_plain: %zu bytes, run %zu, "
				    "reference %zu, chars %d/%d, spaces %d/%d, "
				    "line %d, space %d/%d\n", len, r, p, chars, rc,
				    spaces, rs, line, sp, rsp);
		}
	}
	ok(bad == 0, "text_plain agrees with the reference on 20000 "
	    "strings (%d did not)", bad);
}

/* The one table of invisible code points, at its edges. */
static void
test_invisible(void)
{
	ok(text_invisible(0x200B) == TEXT_INV_SPACE &&
	    text_invisible(0xFEFF) == TEXT_INV_SPACE,
	    "zero-width space and BOM are invisible spaces");
	ok(text_invisible(0x200C) == TEXT_INV_JOIN &&
	    text_invisible(0x200D) == TEXT_INV_JOIN &&
	    text_invisible(0x2060) == TEXT_INV_JOIN, "the joiners");
	ok(text_invisible(0x00AD) == TEXT_INV_HYPHEN, "the soft hyphen");
	ok(text_invisible(0x061C) == TEXT_INV_BIDI &&
	    text_invisible(0x200E) == TEXT_INV_BIDI &&
	    text_invisible(0x200F) == TEXT_INV_BIDI &&
	    text_invisible(0x202A) == TEXT_INV_BIDI &&
	    text_invisible(0x202E) == TEXT_INV_BIDI &&
	    text_invisible(0x2066) == TEXT_INV_BIDI &&
	    text_invisible(0x2069) == TEXT_INV_BIDI, "the bidi controls");
	ok(!text_invisible('a') && !text_invisible(0x00AC) &&
	    !text_invisible(0x200A) && !text_invisible(0x2010) &&
	    !text_invisible(0x202F) && !text_invisible(0x2061) &&
	    !text_invisible(0x2065) && !text_invisible(0x206A) &&
	    !text_invisible(0xFEFE) && !text_invisible(0x1EA1),
	    "their neighbours are not");
}

int
main(void)
{
	test_width();
	test_cluster();
	test_fold();
	test_words_hash();
	test_nfc();
	test_sanitize();
	test_wrap();
	test_truncate();
	test_plain();
	test_invisible();
	return done_testing();
}
