/* test_fold.c: the index's tokens, the query builder, match spans. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "tap.h"
#include "util.h"

/* The tokens fold_doc_tokens() gives, in order, one string each. */
static int
collect(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	struct strv	*v = ctx;

	(void)flags;
	(void)start;
	(void)end;
	strv_push(v, xstrndup(tok, (size_t)len));
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char * const *)a, *(char * const *)b);
}

/* The distinct tokens of a text, sorted bytewise, as fts5vocab lists. */
static char *
tokens(struct fold_doc *d, const char *text, struct strv *all)
{
	struct buf	 b = { 0 };
	size_t		 i;

	strv_free(all);
	fold_doc_tokens(d, text, strlen(text), collect, all);
	if (all->n > 0)
		qsort(all->v, all->n, sizeof *all->v, cmp_str);
	buf_adds(&b, "");
	for (i = 0; i < all->n; i++) {
		if (i > 0 && strcmp(all->v[i], all->v[i - 1]) == 0)
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, all->v[i]);
	}
	return buf_take(&b);
}

/* How many times a token came, as fts5vocab's cnt. */
static int
term_count(const struct strv *all, const char *term)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < all->n; i++)
		n += strcmp(all->v[i], term) == 0;
	return n;
}

static void
test_tokenizer(void)
{
	struct fold_doc	*d = fold_doc_new(0);
	struct strv	 all = { 0 };
	char		*t;

	t = tokens(d, "Ngo\xe1\xba\xa1i tr\xc6\xb0\xe1\xbb\x9fng", &all);
	is_str(t, "ngoai ngo\xe1\xba\xa1i truong tr\xc6\xb0\xe1\xbb\x9fng",
	    "NFC words give folded and exact forms");
	free(t);
	t = tokens(d, "Ngoa\xcc\xa3i tru\xcc\x9bo\xcc\x9b\xcc\x89ng", &all);
	is_str(t, "ngoai ngo\xe1\xba\xa1i truong tr\xc6\xb0\xe1\xbb\x9fng",
	    "NFD words give the same tokens as NFC");
	free(t);
	t = tokens(d, "\xc4\x90I\xe1\xbb\x86N \xc4\x91\xc3\xa0m", &all);
	is_str(t, "dam dien \xc4\x91i\xe1\xbb\x87n \xc4\x91\xc3\xa0m",
	    "\xc4\x90/\xc4\x91 fold to d, capitals to lower case");
	free(t);
	t = tokens(d, "Blinken 2024 COVID-19", &all);
	is_str(t, "19 2024 blinken covid", "digits and plain words once each");
	free(t);
	t = tokens(d, "Putin \xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd "
	    "\xe4\xb9\xa0\xe8\xbf\x91\xe5\xb9\xb3", &all);
	ok(t != NULL && strstr(t, "\xd0\xbf\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd")
	    != NULL && strstr(t, "\xe4\xb9\xa0\xe8\xbf\x91\xe5\xb9\xb3") !=
	    NULL, "mixed scripts: Cyrillic folded, Han kept (%s)", t);
	free(t);
	t = tokens(d, "", &all);
	is_str(t, "", "empty text has no tokens");
	free(t);
	t = tokens(d, "   \t\n  ... ,,, ", &all);
	is_str(t, "", "white space and punctuation have no tokens");
	free(t);
	strv_free(&all);
	fold_doc_free(d);
}

/* A token function that stops the tokenizing at its third token. */
static int
stop_third(void *ctx, int flags, const char *tok, int len, int start,
    int end)
{
	int	*n = ctx;

	(void)flags;
	(void)tok;
	(void)len;
	(void)start;
	(void)end;
	return ++*n == 3 ? 42 : 0;
}

/* Schema 4's form: the tokenizer's own prefix tokens. */
static void
test_prefix_tokens(void)
{
	struct fold_doc	*d = fold_doc_new(1);
	struct strv	 all = { 0 };
	char		*t;
	int		 n = 0;

	t = tokens(d, "\xc4\x90i\xe1\xbb\x87n", &all);
	is_str(t, "\x01" "d \x01" "di \x01" "die \x01" "dien \x02\xc4\x91 "
	    "\x02\xc4\x91i dien \xc4\x91i\xe1\xbb\x87n", "folded prefixes of "
	    "1 to 4 letters, "
	    "exact ones of 1 and 2 where they differ");
	free(t);
	t = tokens(d, "ba b\xc3\xa0 ba b\xc3\xa0 Ba", &all);
	ok(term_count(&all, "ba") == 5 && term_count(&all, "b\xc3\xa0") == 1 &&
	    term_count(&all, "\x01" "b") == 1 &&
	    term_count(&all, "\x01" "ba") == 1 &&
	    term_count(&all, "\x02" "b\xc3\xa0") == 1,
	    "folded words count every time; exact words and prefixes once a "
	    "column");
	free(t);
	t = tokens(d, "ba", &all);
	ok(term_count(&all, "\x01" "b") == 1, "and once again in the next "
	    "document");
	free(t);
	{
		struct buf	 many = { 0 };
		int		 i, every = 1;
		char		 w[16];

		/* more distinct words than the first table holds */
		for (i = 0; i < 3000; i++)
			buf_printf(&many, "w%dx ", i);
		t = tokens(d, many.s, &all);
		for (i = 0; i < 3000 && every; i += 7) {
			snprintf(w, sizeof w, "w%dx", i);
			every = term_count(&all, w) == 1;
		}
		ok(every && term_count(&all, "\x01" "w") == 1 &&
		    term_count(&all, "\x01" "w1") == 1, "3000 distinct words: "
		    "each once, their prefixes once");
		free(t);
		buf_free(&many);
	}
	ok(fold_doc_tokens(d, "mot hai ba bon", 14, stop_third, &n) == 42 &&
	    n == 3, "a token function's non-zero stops the tokenizing and is "
	    "returned");
	strv_free(&all);
	fold_doc_free(d);
}

/* A vocabulary for fold_query_tokens(): the forms listed below. */
static const char *const vocab_words[] = {
	"điện", "điền", "điên", "diễn", "diện", "điểm", "bà", "bá", "hòa",
	"hoàn", NULL
};

/* A folded word typed plain matches every form of it. */
static int
vocab_forms(void *ctx, const char *folded, int prefix, struct buf *out)
{
	size_t	i;

	(void)ctx;
	for (i = 0; vocab_words[i] != NULL; i++) {
		if (!fold_word_matches(folded, strlen(folded), vocab_words[i],
		    strlen(vocab_words[i]), prefix))
			continue;
		buf_adds(out, vocab_words[i]);
		buf_addc(out, '\0');
	}
	return 0;
}

/* The tokens of a query string, joined by spaces. */
static char *
query_tokens(const char *text, int prefix, const struct fold_vocab *v)
{
	struct strv	all = { 0 };
	struct buf	b = { 0 };
	size_t		i;

	fold_query_tokens(text, strlen(text), prefix, v, collect, &all);
	buf_adds(&b, "");
	for (i = 0; i < all.n; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, all.v[i][0] == '\x02' ? all.v[i] + 1 : all.v[i]);
	}
	strv_free(&all);
	return buf_take(&b);
}

/* A query's strings: words folded, or the forms they match. */
static void
test_query_tokens(void)
{
	struct fold_vocab	 v = { vocab_forms, NULL };
	char			*t;

	t = query_tokens("B\xc3\xa0 ba", 0, NULL);
	is_str(t, "b\xc3\xa0 ba", "without a vocabulary a word with marks is "
	    "itself, case folded");
	free(t);
	t = query_tokens("\x01" "tr", 0, &v);
	is_str(t, "\x01" "tr", "a prefix token the builder made is taken as it "
	    "is");
	free(t);
	t = query_tokens("đien", 0, &v);
	is_str(t, "điện điền điên", "đien: the forms with đ of the vocabulary");
	free(t);
	t = query_tokens("bà", 0, &v);
	is_str(t, "bà", "bà: not bá");
	free(t);
	t = query_tokens("hoà", 0, &v);
	is_str(t, "hòa", "hoà: hòa, one tone placement");
	free(t);
	t = query_tokens("hoà", 1, &v);
	is_str(t, "hòa hoàn", "hoà as a prefix: hòa, and hoàn as typed");
	free(t);
	t = query_tokens("điể", 1, &v);
	is_str(t, "điểm", "a prefix with marks: the forms it begins");
	free(t);
	t = query_tokens("\x04" "điể", 0, &v);
	is_str(t, "điểm", "and so when the builder marked it a prefix");
	free(t);
	t = query_tokens("xyzá", 0, &v);
	is_str(t, "xyzá", "a word the vocabulary lacks: itself");
	free(t);
	t = query_tokens("\x02" "đi", 1, &v);
	is_str(t, "đi đì đí đỉ đĩ đị", "a short prefix with marks: the "
	    "prefix tokens it matches letter by letter");
	free(t);
	t = query_tokens("\x02" "bà", 1, &v);
	is_str(t, "bà bằ bầ", "and its marks kept");
	free(t);
}

/* Typed words against indexed forms, letter by letter. */
static const struct {
	const char	*typed;
	const char	*word;
	int		 prefix;
	int		 want;
} marks[] = {
	{ "đien", "điện", 0, 1 }, { "đien", "điền", 0, 1 },
	{ "đien", "điên", 0, 1 }, { "đien", "diện", 0, 0 },
	{ "bà", "bà", 0, 1 }, { "bà", "ba", 0, 0 }, { "bà", "bá", 0, 0 },
	{ "BÀ", "bà", 0, 1 }, { "ba\xcc\x80", "bà", 0, 1 },
	{ "hoà", "hòa", 0, 1 }, { "hòa", "hòa", 0, 1 },
	{ "khoẻ", "khỏe", 0, 1 }, { "thuý", "thúy", 0, 1 },
	{ "quý", "quý", 0, 1 }, { "hoà", "hoàn", 0, 0 },
	{ "hoà", "hoàn", 1, 1 }, { "hòa", "hòa", 1, 1 },
	{ "nguyên", "nguyễn", 0, 1 }, { "nguyễn", "nguyên", 0, 0 },
	{ "ươ", "ường", 1, 1 }, { "ươ", "uông", 1, 0 },
	{ "điện", "điện", 0, 1 }, { "điện", "điên", 0, 0 },
	{ "điện", "điệnx", 0, 0 }, { "điện", "điệnx", 1, 1 },
	{ "café", "café", 0, 1 }, { "café", "cafè", 0, 0 },
};

static void
test_word_matches(void)
{
	size_t	i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		ok(fold_word_matches(marks[i].typed, strlen(marks[i].typed),
		    marks[i].word, strlen(marks[i].word), marks[i].prefix) ==
		    marks[i].want, "'%s' %s '%s'%s", marks[i].typed,
		    marks[i].want ? "matches" : "does not match", marks[i].word,
		    marks[i].prefix ? " as a prefix" : "");
}

/* Both tone placements are indexed as one; the text is not changed. */
static void
test_tone_placement(void)
{
	static const char *const same[][2] = {
		{ "Hoà bình", "Hòa bình" }, { "khoẻ", "khỏe" },
		{ "THUÝ", "thúy" }, { "hoạ sĩ", "họa sĩ" },
		{ "Thuỵ Điển", "Thụy Điển" }, { "xoè", "xòe" },
	};
	static const char *const kept[][2] = {
		{ "quý", "qúy" }, { "hoàn", "hòan" }, { "ngoài", "ngòai" },
		{ "thuế", "thúê" },
	};
	struct fold_doc	*d = fold_doc_new(1);
	struct strv	 all = { 0 };
	char		*a, *b;
	size_t		 i;

	for (i = 0; i < sizeof same / sizeof same[0]; i++) {
		a = tokens(d, same[i][0], &all);
		b = tokens(d, same[i][1], &all);
		is_str(a, b, "'%s' is indexed as '%s'", same[i][0], same[i][1]);
		free(a);
		free(b);
	}
	for (i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		a = tokens(d, kept[i][0], &all);
		b = tokens(d, kept[i][1], &all);
		ok(strcmp(a, b) != 0, "'%s' keeps its tone where it is",
		    kept[i][0]);
		free(a);
		free(b);
	}
	strv_free(&all);
	fold_doc_free(d);
}

/* What is typed, and the FTS5 query it makes. */
static const struct {
	const char	*typed;
	int		 typing;
	const char	*want;
	const char	*what;
} built[] = {
	{ "ngoai tr ", 1, "\"ngoai\" \"tr\"",
	    "a space after it ends the prefix" },
	{ "\"dien dam\" Blinken", 0, "\"dien dam\" \"blinken\"",
	    "a quoted phrase" },
	{ "\"dien da", 1, "\"dien\" \"\x01" "da\"",
	    "an open quote runs to the end; its short last word is a prefix "
	    "token apart" },
	{ "\"kinh doanh", 1, "\"kinh doanh\"*",
	    "a longer one stays in the phrase" },
	{ "B\xc3\xa0", 1, "\"\x02" "b\xc3\xa0\"",
	    "a short prefix with marks is the exact prefix token" },
	{ "\xc4\x91i\xe1\xbb\x87", 1, "\"\x04\xc4\x91i\xe1\xbb\x87\"",
	    "a longer one the vocabulary's words it begins, no FTS5 prefix" },
	{ "\"\xc4\x91i\xe1\xbb\x87n gi\xc3\xb3\" my", 0,
	    "\"dien gio\" \"\xc4\x91i\xe1\xbb\x87n\" \"gi\xc3\xb3\" \"my\"",
	    "a phrase with marks: folded, its words with marks beside it" },
	{ "\"\xc4\x91i\xe1\xbb\x87n gi\xc3\xb3", 1,
	    "\"dien gio\"* \"\xc4\x91i\xe1\xbb\x87n\" \"\x04gi\xc3\xb3\"",
	    "and while typing its last word" },
};

static void
test_queries(void)
{
	struct fold_query	*q;
	struct buf		 big = { 0 };
	size_t			 i;

	q = fold_query_new("ngoai truong", 0);
	is_str(q->fts, "\"ngoai\" \"truong\"", "words are ANDed");
	fold_query_free(q);
	q = fold_query_new("ngoai tr", 1);
	is_str(q->fts, "\"ngoai\" \"\x01" "tr\"", "while typing the last word is "
	    "a prefix: up to 3 letters, the index's prefix token");
	ok(q->fts_whole == NULL, "a short last word has no whole-word query");
	fold_query_free(q);
	q = fold_query_new("ngoai truo", 1);
	ok(q->fts_whole == NULL, "nor a last word of 4 letters");
	fold_query_free(q);
	q = fold_query_new("ngoai truon", 1);
	is_str(q->fts_whole, "\"ngoai\" \"truon\"", "a longer last word is "
	    "also tried whole first");
	is_str(q->fts, "\"ngoai\" \"truon\"*", "and then as an FTS5 prefix");
	fold_query_free(q);
	for (i = 0; i < sizeof built / sizeof built[0]; i++) {
		q = fold_query_new(built[i].typed, built[i].typing);
		is_str(q->fts, built[i].want, "%s", built[i].what);
		fold_query_free(q);
	}
	q = fold_query_new("B\xc3\xa0 ba", 0);
	ok(q->n == 2 && q->t[0].exact && !q->t[1].exact &&
	    strcmp(q->t[0].form, "b\xc3\xa0") == 0,
	    "a word with marks is exact, one without is folded");
	fold_query_free(q);

	for (i = 0; i < 100; i++)
		buf_adds(&big, "\"a(*: ");
	q = fold_query_new(big.s, 1);
	ok(q->fts != NULL && strlen(big.s) == 600, "600 characters of "
	    "operators still make a query");
	fold_query_free(q);
	buf_free(&big);
}

static void
test_spans(void)
{
	struct fold_query	*q = fold_query_new("ngoai tr", 1);
	const char		*t = "Hai ngo\xe1\xba\xa1i tr\xc6\xb0\xe1\xbb\x9fng "
	    "M\xe1\xbb\xb9";
	size_t			*sp, n;

	n = fold_spans(q, t, &sp);
	ok(n == 2 && sp[0] == 4 && sp[2] == 12, "spans mark the matched words");
	free(sp);
	fold_query_free(q);
	n = fold_spans(NULL, t, &sp);
	ok(n == 0 && sp == NULL, "no query, no spans");
}

static int
cmp_vi(const void *a, const void *b)
{
	const char	*x = *(const char *const *)a, *y = *(const char *const *)b;

	return fold_collate(x, strlen(x), y, strlen(y));
}

/* Names in Vietnamese alphabetical order. */
static void
test_collate(void)
{
	const char	*v[] = { "Zing", "Đời sống", "Ánh sáng", "ăn uống",
	    "Dân trí", "Anh", "Âm nhạc", "Báo mới", "Ê-kíp", "en", "Ơn",
	    "Ô tô", "Ong", "ưu tiên", "Uy tín", "an", "àn" };
	const char	*want[] = { "an", "àn", "Anh", "Ánh sáng", "ăn uống",
	    "Âm nhạc", "Báo mới", "Dân trí", "Đời sống", "en", "Ê-kíp",
	    "Ong", "Ô tô", "Ơn", "Uy tín", "ưu tiên", "Zing" };
	struct buf	 got = { 0 }, exp = { 0 };
	size_t		 i, n = sizeof v / sizeof v[0];

	qsort(v, n, sizeof v[0], cmp_vi);
	for (i = 0; i < n; i++) {
		buf_adds(&got, v[i]);
		buf_addc(&got, '|');
		buf_adds(&exp, want[i]);
		buf_addc(&exp, '|');
	}
	is_str(got.s, exp.s, "a ă â b c d đ e ê ... o ô ơ ... u ư ..., "
	    "tones after the letter, case not counted");
	buf_free(&got);
	buf_free(&exp);
}

int
main(void)
{
	test_tokenizer();
	test_prefix_tokens();
	test_query_tokens();
	test_word_matches();
	test_tone_placement();
	test_collate();
	test_queries();
	test_spans();
	return done_testing();
}
