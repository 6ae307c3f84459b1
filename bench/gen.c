/*
 * gen.c: a deterministic generator of news pages. Two kinds:
 *
 * - articles (the default), like a real archive of news articles: a
 *   headline, a lead and paragraphs, nearly every byte of it the article;
 *   their lengths, and the words' frequencies (a Zipf-like head of common
 *   syllables, a long tail of rare words and names, numbers) fitted to a
 *   public corpus of 84,132 Vietnamese articles (BENCHMARKS.md gives the
 *   figures side by side);
 * - scraped pages (--scraped), like the seeds: a weather widget or a
 *   breadcrumb glued to the headline, a video clock, a byline, a lead, a
 *   doubled captioned photo, a follow prompt, 4 to 12 paragraphs, a
 *   source line, a related-articles tail of doubled headlines and
 *   teasers. About 9 KB a page, 40% of it the article.
 *
 * - saved HTML pages (--html): the scraped pages' stories as a CMS would
 *   serve them (DIR/000/000000.html): a head with Open Graph metadata,
 *   JSON-LD, a script and a style; a navigation bar; the headline, byline
 *   and <time>; the lead, a figure with its caption, the paragraphs and
 *   the source line in an <article>; a sidebar of related headlines and
 *   teasers; a comment box; a footer. About 9 KB a page.
 *
 * - versions (--versions PCT, scraped pages): PCT in 100 pages are another
 *   outlet's version of a recent page (one story, many outlets): a new
 *   headline, the lead cut or tagged with the wire's name, a paragraph
 *   dropped or one added, its figures updated, dated a day or two later.
 *
 * usage: gen [--scraped | --html | --versions PCT] N DIR
 *        writes DIR/000/000000.txt ... (1000 pages a folder)
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t	rng = 0x9E3779B97F4A7C15ULL;

static uint32_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

static uint32_t
pick(uint32_t n)
{
	return next() % n;
}

static const char *syl[] = {
	"ngoại", "trưởng", "chính", "phủ", "quốc", "hội", "kinh", "tế", "phát",
	"triển", "hợp", "tác", "đối", "thoại", "điện", "đàm", "thủ", "tướng",
	"bộ", "trưởng", "người", "dân", "thành", "phố", "tỉnh", "huyện", "xã",
	"năm", "tháng", "ngày", "giáo", "dục", "y", "tế", "văn", "hóa", "thể",
	"thao", "bóng", "đá", "đội", "tuyển", "cầu", "thủ", "huấn", "luyện",
	"viên", "thị", "trường", "chứng", "khoán", "giá", "vàng", "xăng",
	"dầu", "lãi", "suất", "ngân", "hàng", "doanh", "nghiệp", "đầu", "tư",
	"xuất", "khẩu", "nhập", "nông", "sản", "gạo", "cà", "phê", "thời",
	"tiết", "mưa", "bão", "lũ", "lụt", "nắng", "nóng", "giao", "thông",
	"đường", "sắt", "cao", "tốc", "sân", "bay", "cảng", "biển", "bệnh",
	"viện", "bác", "sĩ", "học", "sinh", "sinh", "viên", "trường", "đại",
	"công", "nghệ", "khoa", "học", "nghiên", "cứu", "an", "ninh", "quốc",
	"phòng", "hòa", "bình", "chiến", "lược", "toàn", "diện", "bền", "vững",
	"môi", "trường", "khí", "hậu", "năng", "lượng", "tái", "tạo", "điện",
	"gió", "mặt", "trời", "nước", "sạch", "nhà", "ở", "bất", "động",
	"sản", "chung", "cư", "lao", "động", "việc", "làm", "tiền", "lương",
	"bảo", "hiểm", "xã", "hội", "du", "lịch", "khách", "sạn", "lễ",
	"hội", "truyền", "thống", "nghệ", "thuật", "âm", "nhạc", "điện",
	"ảnh", "báo", "chí", "truyền", "thông", "mạng", "xã", "hội", "trí",
	"tuệ", "nhân", "tạo", "chuyển", "đổi", "số", "hạ", "tầng", "đô",
	"thị", "nông", "thôn", "miền", "núi", "đồng", "bằng", "sông", "Cửu",
	"Long", "Hồng", "và", "của", "cho", "với", "trong", "những", "các",
	"đã", "sẽ", "đang", "được", "bị", "có", "không", "rất", "nhiều",
	"cũng", "vẫn", "còn", "theo", "sau", "trước", "khi", "để", "từ",
	"tại", "về", "như", "là", "một", "hai", "ba", "bốn", "năm", "mười",
	"trăm", "nghìn", "triệu", "tỷ", "đồng", "phần", "trăm", "tăng",
	"giảm", "ổn", "định", "mạnh", "mẽ", "tích", "cực", "khó", "khăn",
	"thách", "thức", "cơ", "hội", "giải", "pháp", "chính", "sách",
	"quy", "định", "luật", "nghị", "định", "thông", "tư", "quyết", "định",
	"bà", "ba", "bá", "bả", "bạ", "bã", "Hà", "Nội", "Sài", "Gòn", "Huế",
	"Đà", "Nẵng", "Cần", "Thơ", "Hải", "Phòng", "Mỹ", "Trung", "Quốc",
	"Nhật", "Bản", "Hàn", "Pháp", "Đức", "Nga", "Anh", "Ấn", "Độ", "Úc",
	"Blinken", "ASEAN", "EU", "NATO", "Liên", "Hợp", "Quốc", "WHO", "IMF",
};
#define NSYL	(sizeof syl / sizeof syl[0])

static const char *outlets[] = {
	"VnExpress", "Tuổi Trẻ", "Thanh Niên", "Dân Trí", "Vietnamplus",
	"Báo Quốc tế", "VOA Tiếng Việt", "BBC News Tiếng Việt", "Zing News",
	"Lao Động", "Người Lao Động", "Tiền Phong", "Nhân Dân", "VTC News",
};
#define NOUT	(sizeof outlets / sizeof outlets[0])

static const char *names[] = {
	"Mai Lan", "Vân Anh", "Vũ Hoàng", "Minh Đức", "Thu Hà", "Quốc Bảo",
	"Hoàng Nam", "Ngọc Ánh", "Thanh Tùng", "Lê Hương",
};

static const char *cities[] = {
	"Hà Nội", "Thừa Thiên Huế", "TP Hồ Chí Minh", "Quảng Ninh",
	"Hải Phòng", "Đà Nẵng", "Cần Thơ",
};

static void
words(FILE *fp, int n, int cap)
{
	int	i;

	for (i = 0; i < n; i++) {
		const char *w = syl[pick(NSYL)];

		if (i > 0)
			fputc(' ', fp);
		if (i == 0 && cap && (unsigned char)w[0] < 0x80 &&
		    w[0] >= 'a' && w[0] <= 'z') {
			fputc(w[0] - 32, fp);
			fputs(w + 1, fp);
		} else
			fputs(w, fp);
	}
}

static void
sentence(FILE *fp)
{
	words(fp, 10 + (int)pick(12), 1);
	if (pick(4) == 0) {
		fputs(", ", fp);
		words(fp, 5 + (int)pick(8), 0);
	}
	fputc('.', fp);
}

static void
paragraph(FILE *fp)
{
	int	n = 2 + (int)pick(3), i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc(' ', fp);
		sentence(fp);
	}
	fputc('\n', fp);
}

static void
headline(FILE *fp)
{
	words(fp, 8 + (int)pick(8), 1);
}

/* The source line and the related-articles tail: most of a real page,
 * as in the seeds. */
static void
page_tail(FILE *fp, const char *outlet)
{
	FILE	*mem;
	int	 n, i;

	fprintf(fp, "Theo %s\n", outlet);
	fputs("\nTin mới nhất\n\n", fp);
	n = 14 + (int)pick(10);
	for (i = 0; i < n; i++) {
		char	h[512];

		mem = fmemopen(h, sizeof h, "w");
		headline(mem);
		fclose(mem);
		fprintf(fp, "%s\n\n%s\n\n", h, h);
		if (pick(2))
			fprintf(fp, "(%s) - ", outlet);
		words(fp, 20 + (int)pick(10), 1);
		fputs("...\n", fp);
	}
	fputs("Phiên bản di động\n", fp);
}

/* The texts of recent pages, for their versions (--versions). */
#define KEEP		256
#define PARA_MAX	12

struct kept {
	char	*lead;
	char	*para[PARA_MAX];
	int	 n;
	int	 year, month, day;
};

static struct kept	kept[KEEP];
static long		nkept;

/* A paragraph, written to fp and returned (the caller frees it). */
static char *
paragraph_kept(FILE *fp)
{
	char	*s = NULL;
	size_t	 len = 0;
	FILE	*mem = open_memstream(&s, &len);

	paragraph(mem);
	fclose(mem);
	fputs(s, fp);
	return s;
}

/* Each figure's last digit moved on by one: the story updated. */
static void
figures_updated(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++)
		fputc(*s >= '0' && *s <= '9' && !(s[1] >= '0' && s[1] <= '9') ?
		    (*s == '9' ? '0' : *s + 1) : *s, fp);
}

/* Page k as another outlet's version of a kept page. */
static void
version(FILE *fp, long k)
{
	const struct kept	*o = &kept[pick((uint32_t)(nkept < KEEP ?
				    nkept : KEEP))];
	const char		*outlet = outlets[k % NOUT];
	int			 drop = -1, add, i;
	int			 day = o->day + 1 + (int)pick(2);

	char			 title[256];
	FILE			*mem = fmemopen(title, sizeof title, "w");

	headline(mem);
	fclose(mem);
	fprintf(fp, "Trang chủTin tứcThời sự%s\n\n%s\n\n", title, title);
	fprintf(fp, "%02d/%02d/%d\n\n", day > 28 ? 28 : day, o->month,
	    o->year);
	if (pick(2))
		fprintf(fp, "(TTXVN) - %s", o->lead);	/* tagged, or cut */
	if (o->n > 4 && pick(2))
		drop = (int)pick((uint32_t)o->n);
	add = pick(2) ? (int)pick((uint32_t)o->n) : -1;
	for (i = 0; i < o->n; i++) {
		if (i == add) {
			paragraph(fp);
			fputs("\xc2\xa0\n", fp);
		}
		if (i == drop)
			continue;
		figures_updated(fp, o->para[i]);
		fputs("\xc2\xa0\n", fp);
	}
	page_tail(fp, outlet);
}

static void
page(FILE *fp, long k)
{
	char		 title[512];
	FILE		*mem;
	const char	*outlet = outlets[k % NOUT];
	int		 year = 2015 + (int)pick(11), month = 1 + (int)pick(12);
	int		 day = 1 + (int)pick(28), n, i;

	mem = fmemopen(title, 256, "w");
	headline(mem);
	fclose(mem);
	switch (pick(3)) {
	case 0:
		for (i = 0; i < 5; i++)
			fprintf(fp, "%s: %d°C\n", cities[pick(7)],
			    18 + (int)pick(15));
		fprintf(fp, "\n%s\n\n", title);
		break;
	case 1:
		fprintf(fp, "Trang chủTin tứcThế giới%s\n\n%s\n\n", title,
		    title);
		break;
	default:
		fprintf(fp, "%s\n\n0:00 / 0:00\n0:00\n", title);
		break;
	}
	if (pick(2))
		fprintf(fp, "%s\n", names[pick(10)]);
	if (pick(2))
		fprintf(fp, "%02d/%02d/%d\n\n", day, month, year);
	struct kept	*kp = &kept[nkept % KEEP];

	free(kp->lead);
	for (i = 0; i < kp->n; i++)
		free(kp->para[i]);
	kp->lead = paragraph_kept(fp);		/* the lead */
	kp->year = year;
	kp->month = month;
	kp->day = day;
	if (pick(2))
		fprintf(fp, "Theo dõi %s trên\n", outlet);
	/* a captioned photo: the caption twice, with a credit */
	mem = fmemopen(title + 256, 256, "w");
	words(mem, 10, 1);
	fclose(mem);
	fprintf(fp, "%s. (Ảnh: TTXVN)\n%s. (Ảnh: TTXVN)\n\n", title + 256,
	    title + 256);
	n = 4 + (int)pick(9);
	for (i = 0; i < n; i++) {
		if (i == 1 && pick(3) == 0)
			fprintf(fp, "Ngày %d/%d/%d, ", day, month, year);
		kp->para[i] = paragraph_kept(fp);
		fputs("\xc2\xa0\n", fp);
	}
	kp->n = n;
	nkept++;
	page_tail(fp, outlet);
}

/* The HTML page of story k (gen --html). */
static void
html_page(FILE *fp, long k)
{
	char		 title[256];
	FILE		*mem;
	const char	*outlet = outlets[k % NOUT];
	int		 year = 2015 + (int)pick(11), month = 1 + (int)pick(12);
	int		 day = 1 + (int)pick(28), n, i;

	mem = fmemopen(title, sizeof title, "w");
	headline(mem);
	fclose(mem);
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"vi\"><head>\n"
	    "<meta charset=\"utf-8\">\n<title>%s - %s</title>\n"
	    "<meta property=\"og:title\" content=\"%s\">\n"
	    "<meta property=\"og:site_name\" content=\"%s\">\n"
	    "<meta property=\"article:published_time\" "
	    "content=\"%d-%02d-%02dT08:00:00+07:00\">\n"
	    "<link rel=\"canonical\" href=\"https://example.vn/%ld.html\">\n"
	    "<script type=\"application/ld+json\">{\"@context\": "
	    "\"https://schema.org\", \"@type\": \"NewsArticle\", "
	    "\"headline\": \"%s\", \"datePublished\": \"%d-%02d-%02d\"}"
	    "</script>\n<script>window.ads = {slot: \"top\", k: %ld};"
	    "</script>\n<style>.detail p { margin: 0 0 1em; }</style>\n"
	    "</head><body>\n<header class=\"site-header\"><nav "
	    "class=\"menu\"><ul>", title, outlet, title, outlet, year, month,
	    day, k, title, year, month, day, k);
	for (i = 0; i < 8; i++) {
		fputs("<li><a href=\"/c\">", fp);
		words(fp, 2, 1);
		fputs("</a></li>", fp);
	}
	fprintf(fp, "</ul></nav></header>\n<main class=\"container\">"
	    "<div class=\"detail\">\n<h1 class=\"title-detail\">%s</h1>\n"
	    "<div class=\"meta\"><span class=\"author\">%s</span> "
	    "<time datetime=\"%d-%02d-%02d\">%02d/%02d/%d</time></div>\n"
	    "<p class=\"sapo\">", title, names[pick(10)], year, month, day,
	    day, month, year);
	paragraph(fp);		/* the lead */
	fputs("</p>\n<article class=\"content\">\n<figure><img "
	    "src=\"a.jpg\" alt=\"\"><figcaption>", fp);
	words(fp, 10, 1);
	fputs(". (Ảnh: TTXVN)</figcaption></figure>\n", fp);
	n = 4 + (int)pick(9);
	for (i = 0; i < n; i++) {
		fputs("<p>", fp);
		if (i == 1 && pick(3) == 0)
			fprintf(fp, "Ngày %d/%d/%d, ", day, month, year);
		paragraph(fp);
		fputs("</p>\n", fp);
	}
	fprintf(fp, "<p><strong>Theo %s</strong></p>\n</article></div>\n"
	    "<aside class=\"sidebar\"><h3>Tin mới nhất</h3>\n", outlet);
	n = 14 + (int)pick(10);
	for (i = 0; i < n; i++) {
		fputs("<div class=\"item\"><h4><a href=\"/r\">", fp);
		headline(fp);
		fputs("</a></h4><p>", fp);
		words(fp, 20 + (int)pick(10), 1);
		fputs("...</p></div>\n", fp);
	}
	fputs("</aside></main>\n<div class=\"box-comment\"><h3>Bình luận"
	    "</h3><p>", fp);
	words(fp, 15, 1);
	fputs(".</p></div>\n<footer><p>Phiên bản di động</p></footer>\n"
	    "</body></html>\n", fp);
}

/* -- articles like a real archive ------------------------------------------ */

/* a uniform double in [0, 1) */
static double
unif(void)
{
	uint64_t	a = next(), b = next();

	return (double)((a << 21) ^ b) / 9007199254740992.0;
}

/* The vowels, each without a tone and with the five, lower and upper. */
static const char *vowel[2][12][6] = { {
	{ "a", "á", "à", "ả", "ã", "ạ" }, { "ă", "ắ", "ằ", "ẳ", "ẵ", "ặ" },
	{ "â", "ấ", "ầ", "ẩ", "ẫ", "ậ" }, { "e", "é", "è", "ẻ", "ẽ", "ẹ" },
	{ "ê", "ế", "ề", "ể", "ễ", "ệ" }, { "i", "í", "ì", "ỉ", "ĩ", "ị" },
	{ "o", "ó", "ò", "ỏ", "õ", "ọ" }, { "ô", "ố", "ồ", "ổ", "ỗ", "ộ" },
	{ "ơ", "ớ", "ờ", "ở", "ỡ", "ợ" }, { "u", "ú", "ù", "ủ", "ũ", "ụ" },
	{ "ư", "ứ", "ừ", "ử", "ữ", "ự" }, { "y", "ý", "ỳ", "ỷ", "ỹ", "ỵ" },
}, {
	{ "A", "Á", "À", "Ả", "Ã", "Ạ" }, { "Ă", "Ắ", "Ằ", "Ẳ", "Ẵ", "Ặ" },
	{ "Â", "Ấ", "Ầ", "Ẩ", "Ẫ", "Ậ" }, { "E", "É", "È", "Ẻ", "Ẽ", "Ẹ" },
	{ "Ê", "Ế", "Ề", "Ể", "Ễ", "Ệ" }, { "I", "Í", "Ì", "Ỉ", "Ĩ", "Ị" },
	{ "O", "Ó", "Ò", "Ỏ", "Õ", "Ọ" }, { "Ô", "Ố", "Ồ", "Ổ", "Ỗ", "Ộ" },
	{ "Ơ", "Ớ", "Ờ", "Ở", "Ỡ", "Ợ" }, { "U", "Ú", "Ù", "Ủ", "Ũ", "Ụ" },
	{ "Ư", "Ứ", "Ừ", "Ử", "Ữ", "Ự" }, { "Y", "Ý", "Ỳ", "Ỷ", "Ỹ", "Ỵ" },
} };
static const char *onset[] = {
	"", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l",
	"m", "n", "ng", "ngh", "nh", "ph", "qu", "r", "s", "t", "th", "tr",
	"v", "x",
};
static const char *coda[] = {
	"", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u",
};
#define NONSET	(sizeof onset / sizeof onset[0])
#define NCODA	(sizeof coda / sizeof coda[0])

/*
 * The vocabulary: a word and its capitalised form. The head: the common
 * syllables above, then made-up syllables; the tail: rare syllables,
 * and names and foreign words in Latin letters. Frequencies: a word of
 * the head at rank r weighs 1/(r + HEAD_Q)^HEAD_S, HEAD_SHARE of all
 * words; the tail's at rank r 1/r. Fitted to the real corpus: the top
 * 10, 100 and 1,000 words' share of the text, distinct words and words
 * seen once in 500,000 words and in 5 million (BENCHMARKS.md).
 */
#define HEAD_N		5000
#define HEAD_Q		40.0
#define HEAD_S		1.3
#define HEAD_SHARE	0.97
#define TAIL_N		100000
#define NUMBER_SHARE	0.021	/* a number in place of a word */
#define NAME_SHARE	0.07	/* a head word capitalised as a name */

struct word {
	char	*low;
	char	*cap;
};
static struct word	 head[HEAD_N], tail[TAIL_N];
static double		 head_cdf[HEAD_N], tail_cdf[TAIL_N];

static char *
join(const char *a, const char *b, const char *c)
{
	size_t	 n = strlen(a) + strlen(b) + strlen(c) + 1;
	char	*s = malloc(n);

	if (s == NULL)
		abort();
	snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

/* A made-up syllable from a number: onset, vowel and tone, coda. */
static void
syllable(struct word *w, uint32_t h)
{
	const char	*on = onset[h % NONSET], *co;
	int		 v = (int)(h / NONSET % 12), t = (int)(h / NONSET / 12 % 6);
	char		 up[8];

	co = coda[h / NONSET / 72 % NCODA];
	w->low = join(on, vowel[0][v][t], co);
	if (*on == '\0')
		w->cap = join("", vowel[1][v][t], co);
	else {
		snprintf(up, sizeof up, "%s", on);
		if (strncmp(on, "đ", 2) == 0)
			memcpy(up, "Đ", 2);
		else
			up[0] = (char)(up[0] - 32);
		w->cap = join(up, vowel[0][v][t], co);
	}
}

/* A foreign word or name: 4 to 10 Latin letters, consonants and vowels. */
static void
foreign(struct word *w)
{
	static const char	 cons[] = "bcdfghjklmnprstvwz", vow[] = "aeiouy";
	char			 s[16];
	int			 n = 4 + (int)pick(7), i;

	for (i = 0; i < n; i++)
		s[i] = i % 2 == 0 ? cons[pick(sizeof cons - 1)] :
		    vow[pick(sizeof vow - 1)];
	s[n] = '\0';
	w->low = join("", s, "");
	s[0] = (char)(s[0] - 32);
	w->cap = join("", s, "");
}

static void
cdf(double *c, int n, double q, double sh)
{
	double	sum = 0;
	int	i;

	for (i = 0; i < n; i++)
		sum += c[i] = 1.0 / pow(i + 1 + q, sh);
	for (i = 0, c[0] /= sum; i + 1 < n; i++)
		c[i + 1] = c[i] + c[i + 1] / sum;
}

static void
vocabulary(void)
{
	struct word	 w;
	int		 i;

	for (i = 0; i < HEAD_N; i++) {
		if ((size_t)i < NSYL) {
			w.low = (char *)syl[i];
			w.cap = NULL;	/* as it is */
		} else
			syllable(&w, next());
		head[i] = w;
	}
	for (i = 0; i < TAIL_N; i++) {
		if (pick(10) < 2)
			syllable(&w, next());
		else
			foreign(&w);
		tail[i] = w;
	}
	cdf(head_cdf, HEAD_N, HEAD_Q, HEAD_S);
	cdf(tail_cdf, TAIL_N, 0, 1.0);
}

static int
rank(const double *c, int n)
{
	double	u = unif();
	int	lo = 0, hi = n - 1;

	while (lo < hi) {
		int	mid = (lo + hi) / 2;

		if (c[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A number as the articles write them: a count, a year, a date, money. */
static void
number(FILE *fp)
{
	switch (pick(6)) {
	case 0:
		fprintf(fp, "%u", 1 + pick(pick(2) ? 20 : 2000));
		break;
	case 1:
		fprintf(fp, "%u", 1975 + pick(35));
		break;
	case 2:
		fprintf(fp, "%u/%u", 1 + pick(28), 1 + pick(12));
		break;
	case 3:
		fprintf(fp, "%u.%03u.000", 1 + pick(99), pick(1000));
		break;
	case 4:
		fprintf(fp, "%u%%", 1 + pick(99));
		break;
	default:
		fprintf(fp, "%u,%u", 1 + pick(99), pick(10));
		break;
	}
}

/* One word; capitalised when cap (a sentence's first) or as a name. */
static void
word(FILE *fp, int cap)
{
	const struct word	*w;
	int			 r;

	if (unif() < NUMBER_SHARE) {
		number(fp);
		return;
	}
	if (unif() < HEAD_SHARE) {
		r = rank(head_cdf, HEAD_N);
		w = &head[r];
		if (r > 30 && unif() < NAME_SHARE)
			cap = 1;
	} else {
		w = &tail[rank(tail_cdf, TAIL_N)];
		if (pick(2))
			cap = 1;
	}
	if (!cap || w->cap == NULL) {
		if (cap && w->low[0] >= 'a' && w->low[0] <= 'z') {
			fputc(w->low[0] - 32, fp);
			fputs(w->low + 1, fp);
		} else
			fputs(w->low, fp);
	} else
		fputs(w->cap, fp);
}

/* n words: a sentence, with commas, when end is '.' */
static void
article_words(FILE *fp, int n, int end)
{
	int	i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(end == '.' && i > 3 && i + 3 < n && pick(9) == 0 ?
			    ", " : " ", fp);
		word(fp, i == 0);
	}
	if (end)
		fputc(end, fp);
}

/* A normal deviate (Box-Muller). */
static double
gauss(void)
{
	return sqrt(-2 * log(1 - unif())) * cos(2 * M_PI * unif());
}

/*
 * An article: a headline (nine in ten), paragraphs of one to five
 * sentences, a signature (one in two). Its words: log-normal, median
 * about 380, as the real corpus's (headline and signature included).
 */
static void
article(FILE *fp)
{
	int	n = (int)exp(log(350.0) + 0.72 * gauss()), i, k;

	if (n < 20)
		n = 20 + (int)pick(20);
	if (n > 8000)
		n = 8000;
	if (pick(10) != 0) {
		article_words(fp, 5 + (int)pick(10), 0);
		fputc('\n', fp);
	}
	while (n > 0) {
		k = 1 + (int)pick(5);
		for (i = 0; i < k && n > 0; i++) {
			int	w = 8 + (int)pick(28);

			if (i > 0)
				fputc(' ', fp);
			article_words(fp, w, '.');
			n -= w;
		}
		fputc('\n', fp);
	}
	if (pick(2)) {
		fputc('(', fp);
		article_words(fp, 2 + (int)pick(2), 0);
		fputs(")\n", fp);
	}
}

int
main(int argc, char **argv)
{
	char	path[4096];
	long	n, k, versions = 0;
	int	scraped = 0, html = 0;

	while (argc > 1 && (strcmp(argv[1], "--scraped") == 0 ||
	    strcmp(argv[1], "--html") == 0 ||
	    (strcmp(argv[1], "--versions") == 0 && argc > 2))) {
		if (argv[1][2] == 'v') {
			versions = strtol(argv[2], NULL, 10);
			scraped = 1;	/* versions of scraped pages */
			argc--;
			argv++;
		} else if (argv[1][2] == 's')
			scraped = 1;
		else
			html = 1;
		argc--;
		argv++;
	}
	if (argc != 3 || (n = strtol(argv[1], NULL, 10)) <= 0 ||
	    versions < 0 || versions > 100 || (html && scraped)) {
		fprintf(stderr, "usage: gen [--scraped | --html | "
		    "--versions PCT] N DIR\n");
		return 2;
	}
	if (!scraped && !html)
		vocabulary();
	if (mkdir(argv[2], 0755) != 0 && errno != EEXIST) {
		perror(argv[2]);
		return 1;
	}
	for (k = 0; k < n; k++) {
		FILE *fp;

		if (k % 1000 == 0) {
			snprintf(path, sizeof path, "%s/%03ld", argv[2],
			    k / 1000);
			mkdir(path, 0755);
		}
		snprintf(path, sizeof path, "%s/%03ld/%06ld.%s", argv[2],
		    k / 1000, k, html ? "html" : "txt");
		if ((fp = fopen(path, "w")) == NULL) {
			perror(path);
			return 1;
		}
		if (html)
			html_page(fp, k);
		/* the draw only with --versions: without, the pages are
		 * the same as ever */
		else if (versions > 0 && nkept > 0 && pick(100) < versions)
			version(fp, k);
		else if (scraped)
			page(fp, k);
		else
			article(fp);
		fclose(fp);
	}
	return 0;
}
