/* cmd_clean.c: newsread clean: print the article cleaned from pages. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "cmd.h"
#include "decode.h"
#include "json.h"
#include "output.h"

int
cmd_clean(struct nr *nr, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*encoding = NULL;
	int		 ch, json = 0, i, status = EXIT_OK;

	(void)nr;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'e':
			encoding = optarg;
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
	if (encoding != NULL && !decode_encoding_known(encoding)) {
		nr_warn("unknown encoding '%s' (try CP1258, VISCII or TCVN)",
		    encoding);
		return EXIT_USAGE;
	}
	for (i = optind; i < argc; i++) {
		struct article	*a;
		struct buf	 b = { 0 };
		char		*raw, *text, *cause;
		size_t		 len, tlen;

		raw = util_read_file(argv[i], DECODE_MAX_PAGE, &len, &cause);
		if (raw == NULL) {
			nr_warn("%s: %s", argv[i], cause);
			free(cause);
			status = EXIT_REJECTED;
			continue;
		}
		text = decode_page(raw, len, encoding, &tlen, &cause);
		free(raw);
		if (text == NULL) {
			nr_warn("%s: %s", argv[i], cause);
			free(cause);
			status = EXIT_REJECTED;
			continue;
		}
		a = clean_page(text, tlen);
		free(text);
		if (json) {
			buf_adds(&b, "{\"file\":");
			json_str(&b, argv[i]);
			json_article_fields(&b, a);
			buf_adds(&b, "}\n");
			fputs(b.s, stdout);
			buf_free(&b);
		} else {
			if (i > optind)
				putchar('\n');
			printf("File: ");
			out_safe(stdout, argv[i]);
			putchar('\n');
			out_article(stdout, a);
		}
		article_free(a);
	}
	return status;
}
