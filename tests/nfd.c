/* nfd.c: a test helper: copy standard input to standard output in NFD. */
#include <stdio.h>
#include <stdlib.h>

#include <utf8proc.h>

int
main(void)
{
	static char	buf[1 << 22];
	size_t		n = fread(buf, 1, sizeof buf, stdin);
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t m;

	m = utf8proc_map((utf8proc_uint8_t *)buf, (utf8proc_ssize_t)n, &out,
	    UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
	if (m < 0)
		return 1;
	fwrite(out, 1, (size_t)m, stdout);
	free(out);
	return 0;
}
