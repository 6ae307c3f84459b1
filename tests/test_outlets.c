/* test_outlets.c: one name for each outlet, however a page writes it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "outlets.h"
#include "tap.h"

static const struct {
	const char	*in;
	const char	*want;	/* NULL: not an outlet the table knows */
} names[] = {
	{ "TG&VN", "B\xc3\xa1o Th\xe1\xba\xbf gi\xe1\xbb\x9bi & Vi\xe1\xbb\x87t Nam" },
	{ "TGVN", "B\xc3\xa1o Th\xe1\xba\xbf gi\xe1\xbb\x9bi & Vi\xe1\xbb\x87t Nam" },
	{ "B\xc3\xa1o TG&VN", "B\xc3\xa1o Th\xe1\xba\xbf gi\xe1\xbb\x9bi & Vi\xe1\xbb\x87t Nam" },
	{ "baoquocte.vn", "B\xc3\xa1o Th\xe1\xba\xbf gi\xe1\xbb\x9bi & Vi\xe1\xbb\x87t Nam" },
	{ "Baoquocte.vn", "B\xc3\xa1o Th\xe1\xba\xbf gi\xe1\xbb\x9bi & Vi\xe1\xbb\x87t Nam" },
	{ "NL\xc4\x90", "Ng\xc6\xb0\xe1\xbb\x9di Lao \xc4\x90\xe1\xbb\x99ng" },
	{ "Ng\xc6\xb0\xe1\xbb\x9di Lao \xc4\x91\xe1\xbb\x99ng", "Ng\xc6\xb0\xe1\xbb\x9di Lao \xc4\x90\xe1\xbb\x99ng" },
	{ "TTO", "Tu\xe1\xbb\x95i Tr\xe1\xba\xbb" },
	{ "TT", "Tu\xe1\xbb\x95i Tr\xe1\xba\xbb" },
	{ "Tu\xe1\xbb\x95i Tr\xe1\xba\xbb Online", "Tu\xe1\xbb\x95i Tr\xe1\xba\xbb" },
	{ "B\xc3\xa1o Tu\xe1\xbb\x95i Tr\xe1\xba\xbb", "Tu\xe1\xbb\x95i Tr\xe1\xba\xbb" },
	{ "TU\xe1\xbb\x94I TR\xe1\xba\xba", "Tu\xe1\xbb\x95i Tr\xe1\xba\xbb" },
	{ "VOV.VN", "VOV" },
	{ "VTV.vn", "VTV" },
	{ "TPO", "Ti\xe1\xbb\x81n Phong" },
	{ "VNF", NULL },
	{ "Vietnamplus", "Vietnamplus" },
	{ "VietnamPlus", "Vietnamplus" },
	{ "TTXVN", "TTXVN" },
	{ "Reuters", "Reuters" },
	{ "H\xc3\xa3ng tin Reuters", "Reuters" },
	{ "AFP", "AFP" },
	{ "VOA Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t", "VOA Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t" },
	{ "kinhtexaydung.petrotimes.vn", "Petrotimes" },
	{ "https://e.vnexpress.net/news/world/x-1.html", "VnExpress" },
	{ "https://www.voatiengviet.com/a/x/7542223.html", "VOA Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t" },
	{ "B\xc3\xa1o Qu\xe1\xba\xa3ng Ninh", "B\xc3\xa1o Qu\xe1\xba\xa3ng Ninh" },
	{ "baoquangninh.vn", "B\xc3\xa1o Qu\xe1\xba\xa3ng Ninh" },
	{ "D\xc3\xa2n tr\xc3\xad", "D\xc3\xa2n tr\xc3\xad" },
	{ "(D\xc3\xa2n tr\xc3\xad)", "D\xc3\xa2n tr\xc3\xad" },
	/* words that are not outlets */
	{ "V\xc4\x83n h\xc3\xb3" "a", NULL },
	{ "Giao th\xc3\xb4ng", NULL },
	{ "\xc4\x90\xe1\xba\xa7u t\xc6\xb0", NULL },
	{ "Ch\xc3\xadnh ph\xe1\xbb\xa7", NULL },
	{ "ai vai g\xc3\xa1nh vai g\xe1\xbb\x93ng", NULL },
	{ "", NULL },
};

static const struct {
	const char	*in;
	int		 want;
} shapes[] = {
	{ "B\xc3\xa1o \xc4\x90\xe1\xbb\x93ng Kh\xe1\xbb\x9fi", 1 },
	{ "T\xe1\xba\xa1p ch\xc3\xad Khoa h\xe1\xbb\x8d" "c", 1 },
	{ "Mekong Times", 1 },
	{ "news.example.vn", 1 },
	{ "TTXVN", 1 },
	{ "WHO", 1 },
	{ "GS", 0 },
	{ "PGS.TS", 0 },
	{ "Mai Lan", 0 },
	{ "ai vai g\xc3\xa1nh vai g\xe1\xbb\x93ng", 0 },
	{ "s\xc3\xa1" "ch V\xe1\xba\xadt l\xc3\xbd vui", 0 },
	{ "d\xc3\xb2ng s\xe1\xbb\xb1 ki\xe1\xbb\x87n", 0 },
	/* headlines holding an outlet's word are not outlets */
	{ "C\xc3\xa1 \xc4\x90\xc3\xa0i Loan nhi\xe1\xbb\x85m \xc4\x91\xe1\xbb\x99" "c", 0 },
	{ "Intel gi\xe1\xbb\x9bi thi\xe1\xbb\x87u TV-PC Wi-Fi", 0 },
	{ "Yahoo News h\xe1\xbb\x97 tr\xe1\xbb\xa3 Blogs", 0 },
	{ "B\xc3\xa1o l\xe1\xbb\x97i trong Win98", 0 },
	{ "yipkei4@yahoo.com", 0 },
	{ "THANH TUY\xe1\xbb\x80N", 0 },
	{ "LOCAL NEWS", 0 },
	{ "Yahoo News", 1 },
	{ "Hanoinet", 1 },
	{ "The Times of India", 1 },
};

int
main(void)
{
	size_t		 i;
	const char	*got;
	char		*cause, *n;

	i = (size_t)outlet_table_check(&cause);
	ok(i == 0, "the table's keys are folded and "
	    "every name finds its outlet%s%s", cause ? ": " : "",
	    cause ? cause : "");
	free(cause);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		got = outlet_find(names[i].in, strlen(names[i].in));
		is_str(got, names[i].want, "'%s' is %s", names[i].in,
		    names[i].want ? names[i].want : "no outlet");
	}
	for (i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
		ok(outlet_like(shapes[i].in, strlen(shapes[i].in)) ==
		    shapes[i].want, "'%s' %s like an outlet", shapes[i].in,
		    shapes[i].want ? "reads" : "does not read");
	n = outlet_name("TGVN", 4);
	is_str(n, "B\xc3\xa1o Th\xe1\xba\xbf gi\xe1\xbb\x9bi & Vi\xe1\xbb\x87t Nam",
	    "outlet_name gives the canonical name");
	free(n);
	n = outlet_name("Mekong Times", 12);
	is_str(n, "Mekong Times", "and an unknown outlet as printed");
	free(n);
	n = outlet_name("ai vai", 6);
	ok(n == NULL, "and nothing for a phrase");
	free(n);
	return done_testing();
}
