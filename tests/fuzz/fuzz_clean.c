/* fuzz_clean.c: any bytes through decode_page() and clean_page(). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "article.h"
#include "clean.h"
#include "decode.h"
#include "json.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article	*a;
	struct buf	 b = { 0 };
	char		*text, *cause = NULL;
	size_t		 len;

	/* the cleaner's contract: valid UTF-8, as decode gives it */
	text = decode_page((const char *)data, size, NULL, &len, &cause);
	if (text == NULL) {
		free(cause);
		/* and straight, for robustness beyond the contract */
		a = clean_page((const char *)data, size, NULL, NULL);
		article_free(a);
		return 0;
	}
	a = clean_page(text, len, NULL, NULL);
	json_article_fields(&b, a);
	buf_free(&b);
	article_free(a);
	free(text);
	return 0;
}
