/*
 * gen.c: a deterministic generator of scraped news pages like the seeds:
 * a weather widget or a breadcrumb glued to the headline, a video clock,
 * a byline, a lead, a doubled captioned photo, a follow prompt, 4 to 12
 * paragraphs of Vietnamese prose, a source line, a related-articles tail
 * of doubled headlines and teasers. About 9 KB a page, 40% of it the
 * article, as in the sample pages.
 *
 * usage: gen [--versions PCT] N DIR
 *        writes DIR/000/000000.txt ... (1000 pages a folder); with
 *        --versions, PCT in 100 pages are another outlet's version of a
 *        recent page (one story, many outlets): a new headline, the lead
 *        cut or tagged with the wire's name, a paragraph dropped or one
 *        added, its figures updated, dated a day or two later.
 */
#include "config.h"

#include <errno.h>
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
tail(FILE *fp, const char *outlet)
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
	tail(fp, outlet);
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
	tail(fp, outlet);
}

int
main(int argc, char **argv)
{
	char	path[4096];
	long	n, k, versions = 0;

	if (argc == 5 && strcmp(argv[1], "--versions") == 0) {
		versions = strtol(argv[2], NULL, 10);
		argc -= 2;
		argv += 2;
	}
	if (argc != 3 || (n = strtol(argv[1], NULL, 10)) <= 0 ||
	    versions < 0 || versions > 100) {
		fprintf(stderr, "usage: gen [--versions PCT] N DIR\n");
		return 2;
	}
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
		snprintf(path, sizeof path, "%s/%03ld/%06ld.txt", argv[2],
		    k / 1000, k);
		if ((fp = fopen(path, "w")) == NULL) {
			perror(path);
			return 1;
		}
		/* the draw only with --versions: without, the pages are
		 * the same as ever */
		if (versions > 0 && nkept > 0 && pick(100) < versions)
			version(fp, k);
		else
			page(fp, k);
		fclose(fp);
	}
	return 0;
}
