/*
 * test_sha256.c: SHA-256 against FIPS 180-4's examples, and the built-in
 * implementation against the one configure chose (OpenSSL's when it
 * found libcrypto) at every length around the block boundaries.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sha256.h"
#include "tap.h"

/* the portable implementation, under another name */
#define SHA256_PORTABLE
#define sha256_hex	portable_sha256_hex
#include "../src/sha256.c"
#undef sha256_hex

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
	ok(same, "the built-in and the configured one agree on lengths 0 to %zu",
	    sizeof buf);
	return done_testing();
}
