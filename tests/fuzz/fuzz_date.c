/* fuzz_date.c: any text through date_find(); every date found is valid. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "date.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article_date	 d, e;
	char			*s, buf[11];
	size_t			 start, end;

	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_find(s, &d, &start, &end)) {
		if (!date_valid(d.year, d.month, d.day) || start >= end ||
		    end > strlen(s))
			abort();
		if (article_date_format(&d, buf) == NULL ||
		    article_date_parse(buf, &e) != 0 || e.year != d.year ||
		    e.month != d.month || e.day != d.day)
			abort();
	}
	free(s);
	return 0;
}
