/* cmd_clean.c: newsread clean: print the article cleaned from pages. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "decode.h"
#include "json.h"
#include "output.h"
#include "page.h"
#include "text.h"

/* Columns of a line's text in the --explain listing. */
#define EXPLAIN_TEXT	33

static int	cmd_clean(struct nr *, const struct cmd_args *);

static const struct cmd_opt clean_opts[] = {
	{ "json", 0, NULL, "one JSON object a line" },
	{ "explain", 0, NULL, "each line (HTML: block, with its markup): what "
	    "it became, why" },
	{ "encoding", 0, "NAME", "pages are in NAME, not UTF-8 (nor their "
	    "charset)" },
	{ "source", 0, "NAME", "the outlet of pages that name none" },
	{ NULL, 0, NULL, NULL }
};

const struct cmd_entry cmd_clean_entry = {
	"clean", clean_opts, "FILE...", 1, -1,
	"Print the article cleaned from each page, without touching the\n"
	"database.\n",
	cmd_clean
};

/*
 * One line a line of the page: number, role, the signal, the text; for
 * an HTML page, each block's markup hints before the text.
 */
static void
print_notes(const char *file, const struct clean_notes *notes, int json)
{
	struct buf	 b = { 0 };
	size_t		 i;
	char		*t, hint[80];
	int		 marked = 0;

	for (i = 0; i < notes->n; i++)
		marked |= notes->v[i].hint != 0;
	for (i = 0; i < notes->n; i++) {
		const struct clean_note *n = &notes->v[i];

		if (json) {
			buf_reset(&b);
			buf_adds(&b, "{\"file\":");
			json_str(&b, file);
			buf_printf(&b, ",\"line\":%zu,\"score\":%d,\"role\":",
			    n->line, n->score);
			json_str(&b, clean_role_name(n->role));
			buf_adds(&b, ",\"why\":");
			json_str(&b, n->why);
			if (marked) {
				buf_adds(&b, ",\"markup\":");
				json_str(&b, clean_hint_name(n->hint, hint,
				    sizeof hint));
			}
			buf_adds(&b, ",\"text\":");
			json_str(&b, n->text);
			buf_adds(&b, "}\n");
			fputs(b.s, stdout);
			continue;
		}
		if (n->role == CLEAN_BLANK)
			continue;
		printf("%4zu  %-8s ", n->line, clean_role_name(n->role));
		t = text_truncate(n->why, 31, NULL);
		out_pad(stdout, t, 31);
		free(t);
		if (marked) {
			putchar(' ');
			out_pad(stdout, clean_hint_name(n->hint, hint,
			    sizeof hint), 16);
		}
		t = text_truncate(n->text, EXPLAIN_TEXT, NULL);
		fputs(" ", stdout);
		out_safe(stdout, t);
		free(t);
		putchar('\n');
	}
	buf_free(&b);
}

static void
print_article(const char *file, const struct article *a, int json,
    int first)
{
	struct buf	b = { 0 };

	if (json) {
		buf_adds(&b, "{\"file\":");
		json_str(&b, file);
		json_article_fields(&b, a);
		buf_adds(&b, "}\n");
		fputs(b.s, stdout);
		buf_free(&b);
		return;
	}
	if (!first)
		putchar('\n');
	printf("File: ");
	out_safe(stdout, file);
	putchar('\n');
	out_article(stdout, a, 0);
}

static int
cmd_clean(struct nr *nr, const struct cmd_args *args)
{
	struct page_opts	 opts = { 0 };
	struct clean_notes	 notes = { 0 };
	int			 json = cmd_has(args, "json"), i;
	int			 explain = cmd_has(args, "explain");
	int			 status = EXIT_OK;
	char			**argv = args->argv;

	(void)nr;
	opts.encoding = cmd_get(args, "encoding");
	opts.clean.source = cmd_get(args, "source");
	if (opts.encoding != NULL && !decode_encoding_known(opts.encoding)) {
		nr_warn("unknown encoding '%s' (try CP1258, VISCII or TCVN)",
		    opts.encoding);
		return EXIT_USAGE;
	}
	if (opts.clean.source != NULL && *opts.clean.source == '\0') {
		nr_warn("--source needs an outlet's name");
		return EXIT_USAGE;
	}
	page_today(&opts.clean.today);
	for (i = 0; i < args->argc; i++) {
		struct article	*a;
		char		*cause;

		a = page_load(argv[i], &opts, NULL, explain ? &notes : NULL,
		    NULL, &cause);
		if (a == NULL) {
			nr_warn("%s: %s", argv[i], cause);
			free(cause);
			status = EXIT_REJECTED;
			continue;
		}
		if (explain) {
			if (!json) {
				if (i > 0)
					putchar('\n');
				printf("File: ");
				out_safe(stdout, argv[i]);
				putchar('\n');
			}
			print_notes(argv[i], &notes, json);
			clean_notes_free(&notes);
		} else
			print_article(argv[i], a, json, i == 0);
		article_free(a);
	}
	return status;
}
