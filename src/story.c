/*
 * story.c: MinHash signatures of articles' texts, their resemblance and
 * their band keys (story.h). Pure: the store keeps them.
 *
 * Each word is folded and hashed once, in one pass over the text without
 * a copy (text_words_hash()); a shingle's hash mixes the hashes
 * of its STORY_SHINGLE words and falls in one of STORY_HASHES bins (one
 * permutation hashing, below).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "text.h"
#include "util.h"

/* State of one signature while its words come. */
struct sign {
	uint64_t	 word[STORY_SHINGLE];	/* the last words' hashes */
	size_t		 nword;			/* words seen */
	size_t		 nshingle;
	struct story_sig *sig;
};

static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

/*
 * One permutation: a shingle's 64-bit hash picks its bin by its top six
 * bits and competes there with its low 32 (Li, Owen and Zhang, "One
 * permutation hashing", 2012): one comparison a shingle, not one a hash
 * function, for the same estimate. The constants are fixed forever: a
 * stored signature is only comparable with one made the same way.
 */
static void
sign_shingle(struct sign *g)
{
	uint64_t	x = 0x6e65777372656164ULL;	/* "newsread" */
	size_t		i;
	uint32_t	v, *bin;

	for (i = 0; i < STORY_SHINGLE; i++)	/* oldest first */
		x = (x ^ g->word[(g->nword + i) % STORY_SHINGLE]) *
		    0x9e3779b97f4a7c15ULL;
	x = mix64(x);
	bin = &g->sig->h[x >> 58];
	v = (uint32_t)x;
	if (v < *bin)
		*bin = v;
	g->nshingle++;
}

/*
 * A bin no shingle fell in takes the value of the next bin to its right
 * that has one, moved on by how far it is ("rotation", Shrivastava and
 * Li, "Densifying one permutation hashing", 2014): two texts agree there
 * as often as they agree in a bin that has one.
 */
static void
sign_densify(struct story_sig *sig)
{
	uint32_t	orig[STORY_HASHES];
	int		j, t;

	memcpy(orig, sig->h, sizeof orig);
	for (j = 0; j < STORY_HASHES; j++) {
		if (orig[j] != UINT32_MAX)
			continue;
		for (t = 1; t < STORY_HASHES; t++) {
			uint32_t v = orig[(j + t) % STORY_HASHES];

			if (v != UINT32_MAX) {
				sig->h[j] = v + (uint32_t)t * 0x9e3779b9u;
				break;
			}
		}
	}
}

/* Whether a word is all digits (a number's groups are words of their
 * own: "2.350" is "2" and "350"). */
static int
number(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return len > 0;
}

/* One folded word of the text (text_words_hash()). */
static void
sign_word(void *arg, const struct text_word_hash *w)
{
	struct sign	*g = arg;
	uint64_t	 h = w->hash;

	if (w->digits)
		/* an updated figure is the same word: a number counts by
		 * its first digit and its length */
		h = mix64(0x6e756d ^ (uint64_t)w->first << 8 ^
		    (uint64_t)w->len << 16);
	g->word[g->nword % STORY_SHINGLE] = h;
	g->nword++;
	if (g->nword >= STORY_SHINGLE)
		sign_shingle(g);
}

static void
sign_words(struct sign *g, const char *s, size_t len)
{
	text_words_hash(s, len, sign_word, g);
}

static void
sign_begin(struct sign *g, struct story_sig *sig)
{
	memset(g, 0, sizeof *g);
	g->sig = sig;
	memset(sig->h, 0xff, sizeof sig->h);
}

static int
sign_end(struct sign *g)
{
	if (g->nshingle < STORY_MIN_SHINGLES)
		return -1;
	sign_densify(g->sig);
	return 0;
}

int
story_sign(const struct article *a, struct story_sig *sig)
{
	struct sign	g;
	size_t		i;

	sign_begin(&g, sig);
	for (i = 0; i < a->body.n; i++)
		sign_words(&g, a->body.v[i], strlen(a->body.v[i]));
	if (g.nshingle >= STORY_MIN_SHINGLES || a->lead == NULL)
		return sign_end(&g);
	/* a body too short to tell: the lead too */
	sign_end(&g);
	sign_begin(&g, sig);
	sign_words(&g, a->lead, strlen(a->lead));
	for (i = 0; i < a->body.n; i++)
		sign_words(&g, a->body.v[i], strlen(a->body.v[i]));
	return sign_end(&g);
}

int
story_sign_text(const char *text, size_t len, struct story_sig *sig)
{
	struct sign	g;

	sign_begin(&g, sig);
	sign_words(&g, text, len);
	return sign_end(&g);
}

int
story_resemblance(const struct story_sig *x, const struct story_sig *y)
{
	int	i, n = 0;

	for (i = 0; i < STORY_HASHES; i++)
		n += x->h[i] == y->h[i];
	return n;
}

int
story_same(const struct story_sig *x, const struct story_sig *y)
{
	return story_resemblance(x, y) >= STORY_SAME;
}

void
story_bands(const struct story_sig *sig, int64_t keys[STORY_BANDS])
{
	int		band, r;
	uint64_t	x;

	for (band = 0; band < STORY_BANDS; band++) {
		x = mix64((uint64_t)band + 1);
		for (r = 0; r < STORY_ROWS; r++)
			x = mix64(x ^ sig->h[band * STORY_ROWS + r]);
		/* 32 bits: 4 bytes a key in the index, not 8 */
		keys[band] = (int64_t)(x >> 32);
	}
}

void
story_sig_encode(const struct story_sig *sig, unsigned char *p)
{
	int	i;

	for (i = 0; i < STORY_HASHES; i++, p += 4) {
		p[0] = (unsigned char)sig->h[i];
		p[1] = (unsigned char)(sig->h[i] >> 8);
		p[2] = (unsigned char)(sig->h[i] >> 16);
		p[3] = (unsigned char)(sig->h[i] >> 24);
	}
}

int
story_sig_decode(const unsigned char *p, size_t len, struct story_sig *sig)
{
	int	i;

	if (len != STORY_SIG_BYTES)
		return -1;
	for (i = 0; i < STORY_HASHES; i++, p += 4)
		sig->h[i] = (uint32_t)p[0] | (uint32_t)p[1] << 8 |
		    (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
	return 0;
}

/* A keyword and how it ranks: names of several words, figures, names. */
struct keyword {
	char	*phrase;
	int	 rank;		/* 0 best */
	size_t	 at;		/* first seen: ties keep text order */
};

struct keywords {
	struct keyword	*v;
	size_t		 n, cap;
	size_t		 seen;
	struct buf	 strip, exact;
};

static void
keyword_add(struct keywords *k, const char *phrase, size_t len, int rank)
{
	size_t	i;

	for (i = 0; i < k->n; i++)
		if (strlen(k->v[i].phrase) == len &&
		    memcmp(k->v[i].phrase, phrase, len) == 0) {
			if (rank < k->v[i].rank)
				k->v[i].rank = rank;
			return;
		}
	if (k->n == k->cap) {
		k->cap = k->cap == 0 ? 16 : k->cap * 2;
		k->v = xreallocarray(k->v, k->cap, sizeof *k->v);
	}
	k->v[k->n].phrase = xstrndup(phrase, len);
	k->v[k->n].rank = rank;
	k->v[k->n].at = k->seen++;
	k->n++;
}

/* Whether the word at s starts with a capital letter. */
static int
capitalised(const char *s, size_t len)
{
	int32_t	cp;

	text_decode(s, len, &cp);
	return text_is_upper(cp);
}

/* Whether only white space lies between two offsets of s. */
static int
spaced(const char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		if (s[from] != ' ')
			return 0;
	return 1;
}

/* Whether the word starting at ws begins a sentence. */
static int
sentence_start(const char *s, size_t ws)
{
	while (ws > 0 && (s[ws - 1] == ' ' || s[ws - 1] == '"' ||
	    s[ws - 1] == '(' || s[ws - 1] == '\''))
		ws--;
	return ws == 0 || s[ws - 1] == '.' || s[ws - 1] == '!' ||
	    s[ws - 1] == '?' || s[ws - 1] == ':' || s[ws - 1] == '-';
}

/* A year (19xx, 20xx) is no rare figure. */
static int
year(const char *s, size_t len)
{
	return len == 4 && (memcmp(s, "19", 2) == 0 ||
	    memcmp(s, "20", 2) == 0);
}

/*
 * Whether a phrase begins with a word that opens sentences ("Theo Ban
 * chỉ huy", "Tại Hà Nội"), setting *len to that word's length.
 */
static int
opener(const char *phrase, size_t *len)
{
	static const char *const w[] = {
		"theo", "tai", "trong", "sau", "khi", "ngay", "ong", "ba",
		"anh", "chi", "o", "tu", "den", "nhung", "con", "cac", "mot"
	};
	size_t	i, n = strcspn(phrase, " ");

	for (i = 0; i < sizeof w / sizeof *w; i++)
		if (strlen(w[i]) == n && memcmp(w[i], phrase, n) == 0) {
			*len = n;
			return 1;
		}
	return 0;
}

/* The names and figures of one text. */
static void
keywords_text(struct keywords *k, const char *s)
{
	size_t		 len = strlen(s), pos = 0, ws, we, prev_end = 0;
	size_t		 nname = 0;
	int		 in_fig = 0, first_initial = 0;
	struct buf	 phrase = { 0 }, fig = { 0 };

	for (;;) {
		int	more = text_next_word(s, len, &pos, &ws, &we);
		int	cap = more && capitalised(s + ws, we - ws);
		int	digits = more && number(s + ws, we - ws);
		int	joined = more && prev_end > 0 && spaced(s, prev_end, ws);

		/* a run of capitalised words ends */
		if (nname > 0 && (!cap || !joined)) {
			if (first_initial && nname >= 2 &&
			    opener(phrase.s, &phrase.len)) {
				memmove(phrase.s, phrase.s + phrase.len + 1,
				    strlen(phrase.s + phrase.len + 1) + 1);
				phrase.len = strlen(phrase.s);
				nname--;
			}
			if (nname >= 2)
				keyword_add(k, phrase.s, phrase.len, 0);
			else if (!first_initial && phrase.len >= 3)
				keyword_add(k, phrase.s, phrase.len, 2);
			nname = 0;
			buf_reset(&phrase);
		}
		/* a figure: digits, and groups after '.' or ',' */
		if (in_fig && !(digits && ws == prev_end + 1 &&
		    (s[prev_end] == '.' || s[prev_end] == ','))) {
			if (fig.len >= 3 + (size_t)(in_fig - 1) * 2 &&
			    !year(fig.s, fig.len))
				keyword_add(k, fig.s, fig.len, 1);
			in_fig = 0;
			buf_reset(&fig);
		}
		if (!more)
			break;
		if (cap) {
			text_fold_word(s + ws, we - ws, &k->strip, &k->exact);
			if (nname == 0)
				first_initial = sentence_start(s, ws);
			else
				buf_addc(&phrase, ' ');
			buf_add(&phrase, k->strip.s, k->strip.len);
			nname++;
		}
		if (digits) {
			if (in_fig)
				buf_addc(&fig, ' ');
			buf_add(&fig, s + ws, we - ws);
			in_fig++;
		}
		prev_end = we;
	}
	buf_free(&phrase);
	buf_free(&fig);
}

static int
keyword_cmp(const void *a, const void *b)
{
	const struct keyword	*x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

size_t
story_keywords(const struct article *a, struct strv *out)
{
	struct keywords	k = { 0 };
	size_t		i, n;

	if (a->title != NULL)
		keywords_text(&k, a->title);
	if (a->lead != NULL)
		keywords_text(&k, a->lead);
	for (i = 0; i < a->body.n; i++)
		keywords_text(&k, a->body.v[i]);
	if (k.n > 0)
		qsort(k.v, k.n, sizeof *k.v, keyword_cmp);
	n = k.n < STORY_KEYWORDS ? k.n : STORY_KEYWORDS;
	for (i = 0; i < k.n; i++) {
		if (i < n)
			strv_push(out, k.v[i].phrase);
		else
			free(k.v[i].phrase);
	}
	free(k.v);
	buf_free(&k.strip);
	buf_free(&k.exact);
	return n;
}

size_t
story_keywords_shared(const struct strv *x, const struct strv *y)
{
	size_t	i, j, n = 0;

	for (i = 0; i < x->n; i++)
		for (j = 0; j < y->n; j++)
			if (strcmp(x->v[i], y->v[j]) == 0) {
				n++;
				break;
			}
	return n;
}
