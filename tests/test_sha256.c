/*
 * test_sha256.c: SHA-256 against FIPS 180-4's examples, and the portable
 * rounds against the ones sha256_hex() uses (the CPU's SHA instructions
 * where it has them) at every length around the block boundaries.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"
#include "tap.h"

/* the portable implementation, under another name */
#define SHA256_PORTABLE
#define sha256_hex	portable_sha256_hex
#define sha256_accelerated	portable_sha256_accelerated
#include "../src/sha256.c"
#undef sha256_hex
#undef sha256_accelerated

/* Whether /proc/cpuinfo says the CPU has the SHA instructions. */
static int
cpuinfo_sha(void)
{
	FILE	*f = fopen("/proc/cpuinfo", "r");
	char	 line[4096];
	int	 yes = 0;

	if (f == NULL)
		return -1;
	while (!yes && fgets(line, sizeof line, f) != NULL)
		yes = strncmp(line, "flags", 5) == 0 &&
		    strstr(line, " sha_ni") != NULL;
	fclose(f);
	return yes;
}

int
main(void)
{
	char		 a[65], b[65], *big;
	unsigned char	 buf[300];
	size_t		 i;
	int		 same = 1;

	sha256_hex("", 0, a);
	is_str(a, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	    "the empty string");
	sha256_hex("abc", 3, a);
	is_str(a, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	    "abc");
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	    a);
	is_str(a, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	    "448 bits: padding spills into a second block");
	big = malloc(1000000);
	memset(big, 'a', 1000000);
	sha256_hex(big, 1000000, a);
	is_str(a, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	    "a million a's");
	free(big);
	for (i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 131 + 7);
	for (i = 0; i <= sizeof buf; i++) {
		sha256_hex(buf, i, a);
		portable_sha256_hex(buf, i, b);
		if (strcmp(a, b) != 0)
			same = 0;
	}
	ok(same, "the portable and the one in use agree on lengths 0 to %zu",
	    sizeof buf);
	big = malloc(100003);
	for (i = 0; i < 100003; i++)
		big[i] = (char)(i * 7919 >> 3);
	sha256_hex(big, 100003, a);
	portable_sha256_hex(big, 100003, b);
	is_str(a, b, "and on 100,003 bytes (1,562 blocks in one call)");
	free(big);
	if (cpuinfo_sha() == 1)
		ok(sha256_accelerated(), "the CPU has SHA instructions: used");
	else
		ok(!sha256_accelerated(), "the CPU has no SHA instructions: "
		    "the portable rounds");
	return done_testing();
}
