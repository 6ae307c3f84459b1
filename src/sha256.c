/*
 * sha256.c: SHA-256 (FIPS 180-4): a small portable one, and on x86-64
 * the same rounds through the CPU's SHA instructions where it has them
 * (about five times faster), chosen once at the first call.
 *
 * OpenSSL's libcrypto did this before, for one function: it was the
 * one library every start of newsread loaded for nothing but hashing
 * pages (a few milliseconds of each start of the reader, which hashes
 * nothing).
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

/* tests/test_sha256.c builds the portable one alone beside this one */
#if !defined(SHA256_PORTABLE) && defined(__x86_64__) && \
    (defined(__GNUC__) || defined(__clang__))
#define USE_SHA_NI
#include <cpuid.h>
#include <immintrin.h>
#include <stdatomic.h>
#endif

#include "sha256.h"

static void
to_hex(const unsigned char md[32], char hex[65])
{
	static const char	digits[] = "0123456789abcdef";
	size_t			i;

	for (i = 0; i < 32; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[64] = '\0';
}

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b,
	0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
	0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7,
	0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
	0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152,
	0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
	0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
	0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
	0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
	0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

#define ROR(x, n)	(((x) >> (n)) | ((x) << (32 - (n))))

/* The rounds of one 64-byte block, portably. */
static void
block(uint32_t h[8], const unsigned char *p)
{
	uint32_t	w[64], a, b, c, d, e, f, g, hh, t1, t2;
	int		i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (; i < 64; i++)
		w[i] = w[i - 16] + (ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^
		    (w[i - 15] >> 3)) + w[i - 7] + (ROR(w[i - 2], 17) ^
		    ROR(w[i - 2], 19) ^ (w[i - 2] >> 10));
	a = h[0]; b = h[1]; c = h[2]; d = h[3];
	e = h[4]; f = h[5]; g = h[6]; hh = h[7];
	for (i = 0; i < 64; i++) {
		t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +
		    ((e & f) ^ (~e & g)) + K[i] + w[i];
		t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) +
		    ((a & b) ^ (a & c) ^ (b & c));
		hh = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

#ifdef USE_SHA_NI
/*
 * n blocks through the SHA instructions (the SHA extensions, in AMD's
 * x86-64 CPUs since 2017 and most of Intel's since 2019: sha256rnds2
 * does two rounds, sha256msg1 and sha256msg2 the message schedule). The
 * state is kept as the instructions want it, ABEF and CDGH, and put back
 * at the end.
 */
__attribute__((target("sha,sse4.1")))
static void
blocks_ni(uint32_t h[8], const unsigned char *p, size_t n)
{
	const __m128i	 bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL,
			    0x0405060700010203LL);
	__m128i		 abef, cdgh, abef0, cdgh0, t, m, w[4];
	int		 i;

	t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[0]),
	    0xb1);					/* CDAB */
	cdgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[4]),
	    0x1b);					/* EFGH */
	abef = _mm_alignr_epi8(t, cdgh, 8);		/* ABEF */
	cdgh = _mm_blend_epi16(cdgh, t, 0xf0);		/* CDGH */
	for (; n > 0; n--, p += 64) {
		abef0 = abef;
		cdgh0 = cdgh;
		for (i = 0; i < 16; i++) {
			/* words 4i to 4i + 3 of the schedule, in w[i % 4] */
			if (i < 4)
				w[i] = _mm_shuffle_epi8(_mm_loadu_si128(
				    (const __m128i *)(p + 16 * i)), bswap);
			else {
				t = _mm_sha256msg1_epu32(w[i % 4],
				    w[(i + 1) % 4]);
				t = _mm_add_epi32(t, _mm_alignr_epi8(
				    w[(i + 3) % 4], w[(i + 2) % 4], 4));
				w[i % 4] = _mm_sha256msg2_epu32(t,
				    w[(i + 3) % 4]);
			}
			m = _mm_add_epi32(w[i % 4],
			    _mm_loadu_si128((const __m128i *)&K[4 * i]));
			cdgh = _mm_sha256rnds2_epu32(cdgh, abef, m);
			abef = _mm_sha256rnds2_epu32(abef, cdgh,
			    _mm_shuffle_epi32(m, 0x0e));
		}
		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}
	t = _mm_shuffle_epi32(abef, 0x1b);		/* FEBA */
	cdgh = _mm_shuffle_epi32(cdgh, 0xb1);		/* DCHG */
	_mm_storeu_si128((__m128i *)&h[0],
	    _mm_blend_epi16(t, cdgh, 0xf0));		/* DCBA */
	_mm_storeu_si128((__m128i *)&h[4],
	    _mm_alignr_epi8(cdgh, t, 8));		/* HGFE */
}

/* Whether the CPU has the SHA instructions and SSSE3 and SSE4.1. */
static int
cpu_has_sha(void)
{
	unsigned int	a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSSE3) ||
	    !(c & bit_SSE4_1))
		return 0;
	return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
}

int
sha256_accelerated(void)
{
	static atomic_int	known;	/* 0 not yet, 1 no, 2 yes */
	int			v;

	if ((v = atomic_load_explicit(&known, memory_order_relaxed)) == 0) {
		v = cpu_has_sha() ? 2 : 1;
		atomic_store_explicit(&known, v, memory_order_relaxed);
	}
	return v == 2;
}
#else
int
sha256_accelerated(void)
{
	return 0;
}
#endif

/* n blocks, through the SHA instructions where the CPU has them. */
static void
blocks(uint32_t h[8], const unsigned char *p, size_t n)
{
#ifdef USE_SHA_NI
	if (sha256_accelerated()) {
		blocks_ni(h, p, n);
		return;
	}
#endif
	for (; n > 0; n--, p += 64)
		block(h, p);
}

void
sha256_hex(const void *data, size_t len, char hex[65])
{
	uint32_t		 h[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	};
	const unsigned char	*p = data;
	unsigned char		 tail[128], md[32];
	uint64_t		 bits = (uint64_t)len * 8;
	size_t			 rest, n, i;

	blocks(h, p, len / 64);
	p += len / 64 * 64;
	rest = len % 64;
	memset(tail, 0, sizeof tail);
	if (rest > 0)
		memcpy(tail, p, rest);
	tail[rest] = 0x80;
	n = rest + 1 + 8 <= 64 ? 64 : 128;
	for (i = 0; i < 8; i++)
		tail[n - 1 - i] = (unsigned char)(bits >> (8 * i));
	blocks(h, tail, n / 64);
	for (i = 0; i < 32; i++)
		md[i] = (unsigned char)(h[i / 4] >> (24 - 8 * (i % 4)));
	to_hex(md, hex);
}
