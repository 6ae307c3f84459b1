/* cmd_clean.c: newsread clean: print the article cleaned from pages. */
#include "config.h"

#include <getopt.h>
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
	out_article(stdout, a);
}

int
cmd_clean(struct nr *nr, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "explain", no_argument, NULL, 'x' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "source", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct page_opts	 opts = { 0 };
	struct clean_notes	 notes = { 0 };
	int			 ch, json = 0, explain = 0, i;
	int			 status = EXIT_OK;

	(void)nr;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'x':
			explain = 1;
			break;
		case 'e':
			opts.encoding = optarg;
			break;
		case 's':
			opts.clean.source = optarg;
			break;
		case 'h':
			nr_usage(stdout, "clean");
			return EXIT_OK;
		default:
			nr_usage(stderr, "clean");
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		nr_usage(stderr, "clean");
		return EXIT_USAGE;
	}
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
	for (i = optind; i < argc; i++) {
		struct article	*a;
		char		*cause;

		a = page_load(argv[i], &opts, NULL, explain ? &notes : NULL,
		    &cause);
		if (a == NULL) {
			nr_warn("%s: %s", argv[i], cause);
			free(cause);
			status = EXIT_REJECTED;
			continue;
		}
		if (explain) {
			if (!json) {
				if (i > optind)
					putchar('\n');
				printf("File: ");
				out_safe(stdout, argv[i]);
				putchar('\n');
			}
			print_notes(argv[i], &notes, json);
			clean_notes_free(&notes);
		} else
			print_article(argv[i], a, json, i == optind);
		article_free(a);
	}
	return status;
}
