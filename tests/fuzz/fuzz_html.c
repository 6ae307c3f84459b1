/* fuzz_html.c: any bytes through html_read() and the cleaner, as HTML. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "article.h"
#include "clean.h"
#include "html.h"
#include "json.h"
#include "page.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct page_opts opts = { NULL, { { 2026, 11, 23 },
	    NULL } };
	struct html_page page;
	struct clean_notes notes = { 0 };
	struct article	*a;
	struct buf	 b = { 0 };
	char		*cause = NULL;

	(void)html_is_page((const char *)data, size);
	/* the reader on any bytes, recognised as HTML or not */
	if (html_read((const char *)data, size, NULL, &page, &cause) != 0) {
		free(cause);
		return 0;
	}
	a = clean_page_marked(page.text, page.len, &page.markup, &opts.clean,
	    &notes);
	json_article_fields(&b, a);
	buf_free(&b);
	article_free(a);
	clean_notes_free(&notes);
	html_page_free(&page);
	/* and the pipeline import runs */
	if ((a = page_clean((const char *)data, size, &opts, NULL, NULL, NULL,
	    &cause)) == NULL)
		free(cause);
	article_free(a);
	return 0;
}
