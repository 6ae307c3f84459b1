/*
 * fuzz_text.c: width, wrapping, truncation and sanitising of any text;
 * checks that wrapped lines fit and sanitised text holds no controls.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text_line	*l;
	char			*s, *safe, *t;
	size_t			 n, i;
	int			 width, w;

	if (size < 1)
		return 0;
	width = data[0] % 90;
	s = malloc(size);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	safe = text_sanitize(s, 0);
	for (i = 0; safe[i] != '\0'; i++) {
		unsigned char c = (unsigned char)safe[i];

		if (c < 0x20 || c == 0x7f ||
		    (c == 0xC2 && (unsigned char)safe[i + 1] >= 0x80 &&
		    (unsigned char)safe[i + 1] <= 0x9F))
			abort();	/* a control reached the screen */
	}
	n = text_wrap(safe, width, &l);
	for (i = 0; i < n; i++) {
		if (l[i].off + l[i].len > strlen(safe))
			abort();
		/* only a single cluster wider than the line may overflow */
		if (l[i].width > (width < 1 ? 1 : width) && l[i].width > 2)
			abort();
	}
	free(l);
	t = text_truncate(safe, width, &w);
	if (w > width || text_width(t) != w)
		abort();
	free(t);
	(void)text_width(s);
	free(safe);
	free(s);
	return 0;
}
