/*
 * story.c: MinHash signatures of articles' texts, their resemblance and
 * their band keys (story.h). Pure: the store keeps them.
 *
 * Each word is folded and hashed once; a shingle's hash mixes the hashes
 * of its STORY_SHINGLE words and falls in one of STORY_HASHES bins (one
 * permutation hashing, below).
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "story.h"
#include "text.h"
#include "util.h"

/* State of one signature while its words come. */
struct sign {
	uint64_t	 word[STORY_SHINGLE];	/* the last words' hashes */
	size_t		 nword;			/* words seen */
	size_t		 nshingle;
	struct buf	 strip, exact;
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

static void
sign_words(struct sign *g, const char *s, size_t len)
{
	size_t		pos = 0, ws, we, i;
	uint64_t	h;

	while (text_next_word(s, len, &pos, &ws, &we)) {
		text_fold_word(s + ws, we - ws, &g->strip, &g->exact);
		h = 0xcbf29ce484222325ULL;
		for (i = 0; i < g->strip.len; i++)
			h = (h ^ (unsigned char)g->strip.s[i]) *
			    0x100000001b3ULL;
		if (number(g->strip.s, g->strip.len))
			/* an updated figure is the same word: a number
			 * counts by its first digit and its length */
			h = mix64(0x6e756d ^ (uint64_t)g->strip.s[0] << 8 ^
			    (uint64_t)g->strip.len << 16);
		g->word[g->nword % STORY_SHINGLE] = h;
		g->nword++;
		if (g->nword >= STORY_SHINGLE)
			sign_shingle(g);
	}
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
	buf_free(&g->strip);
	buf_free(&g->exact);
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
