/*
 * phrases.c: the one table of page furniture. Entries are case-folded
 * (lower case) whole lines without a final colon. Keep them generic: the
 * headings and footers outlets share, never a sentence of one article.
 */
#include "config.h"

#include <string.h>

#include "phrases.h"

static const struct {
	const char		*text;
	enum phrase_kind	 kind;
} phrases[] = {
	/* headings of related-article blocks */
	{ "tin mới nhất", PHRASE_HEADING },
	{ "mới nhất", PHRASE_HEADING },
	{ "tin mới", PHRASE_HEADING },
	{ "đọc thêm", PHRASE_HEADING },
	{ "xem thêm", PHRASE_HEADING },
	{ "cùng chủ đề", PHRASE_HEADING },
	{ "tin cùng chủ đề", PHRASE_HEADING },
	{ "bài đọc nhiều", PHRASE_HEADING },
	{ "đọc nhiều", PHRASE_HEADING },
	{ "đọc nhiều nhất", PHRASE_HEADING },
	{ "xem nhiều", PHRASE_HEADING },
	{ "xem nhiều nhất", PHRASE_HEADING },
	{ "tin đọc nhiều", PHRASE_HEADING },
	{ "có thể bạn quan tâm", PHRASE_HEADING },
	{ "bạn có thể quan tâm", PHRASE_HEADING },
	{ "có thể bạn muốn xem", PHRASE_HEADING },
	{ "nổi bật", PHRASE_HEADING },
	{ "tin nổi bật", PHRASE_HEADING },
	{ "tiêu điểm", PHRASE_HEADING },
	{ "cùng tác giả", PHRASE_HEADING },
	{ "bài cùng tác giả", PHRASE_HEADING },
	{ "cùng chuyên mục", PHRASE_HEADING },
	{ "tin cùng chuyên mục", PHRASE_HEADING },
	{ "bài cùng chuyên mục", PHRASE_HEADING },
	{ "tin liên quan", PHRASE_HEADING },
	{ "bài liên quan", PHRASE_HEADING },
	{ "bài viết liên quan", PHRASE_HEADING },
	{ "tin tức liên quan", PHRASE_HEADING },
	{ "tin khác", PHRASE_HEADING },
	{ "các tin khác", PHRASE_HEADING },
	{ "tin bài khác", PHRASE_HEADING },
	{ "bài viết khác", PHRASE_HEADING },
	{ "tin đã đưa", PHRASE_HEADING },
	{ "tin mới cập nhật", PHRASE_HEADING },
	{ "tin tiêu điểm", PHRASE_HEADING },
	{ "video nổi bật", PHRASE_HEADING },
	{ "phiên bản di động", PHRASE_HEADING },
	{ "related", PHRASE_HEADING },
	{ "related articles", PHRASE_HEADING },
	{ "related news", PHRASE_HEADING },
	{ "related stories", PHRASE_HEADING },
	{ "read more", PHRASE_HEADING },
	{ "more stories", PHRASE_HEADING },
	{ "most read", PHRASE_HEADING },
	{ "most popular", PHRASE_HEADING },
	{ "latest news", PHRASE_HEADING },
	{ "you may also like", PHRASE_HEADING },
	{ "recommended", PHRASE_HEADING },

	/* footers: the article is over */
	{ "source link", PHRASE_END },
	{ "no comments", PHRASE_END },
	{ "post a comment", PHRASE_END },
	{ "view my stats", PHRASE_END },
	{ "newer post", PHRASE_END },
	{ "older post", PHRASE_END },
	{ "subscribe to: post comments (atom)", PHRASE_END },
	{ "bình luận", PHRASE_HEADING },
	{ "ý kiến bạn đọc", PHRASE_END },
	{ "gửi bình luận", PHRASE_END },
	{ "viết bình luận", PHRASE_END },
	{ "ý kiến của bạn", PHRASE_END },
	{ "từ khóa", PHRASE_END },
	{ "từ khoá", PHRASE_END },
	{ "tags", PHRASE_END },
	{ "tag", PHRASE_END },
	{ "chủ đề", PHRASE_END },
	{ "comments", PHRASE_END },
	{ "leave a comment", PHRASE_END },
	{ "leave a reply", PHRASE_END },

	/* furniture that stands anywhere */
	{ "trang chủ", PHRASE_NOISE },
	{ "home", PHRASE_NOISE },
	{ "chia sẻ", PHRASE_NOISE },
	{ "share", PHRASE_NOISE },
	{ "tweet", PHRASE_NOISE },
	{ "in bài viết", PHRASE_NOISE },
	{ "in bài", PHRASE_NOISE },
	{ "lưu bài", PHRASE_NOISE },
	{ "lưu", PHRASE_NOISE },
	{ "quay lại", PHRASE_NOISE },
	{ "về đầu trang", PHRASE_NOISE },
	{ "lên đầu trang", PHRASE_NOISE },
	{ "quảng cáo", PHRASE_NOISE },
	{ "advertisement", PHRASE_NOISE },
	{ "nghe bài viết", PHRASE_NOISE },
	{ "nghe", PHRASE_NOISE },
	{ "đang tải", PHRASE_NOISE },
	{ "loading", PHRASE_NOISE },
	{ "đăng nhập", PHRASE_NOISE },
	{ "đăng ký", PHRASE_NOISE },
	{ "facebook", PHRASE_NOISE },
	{ "twitter", PHRASE_NOISE },
	{ "zalo", PHRASE_NOISE },
	{ "email", PHRASE_NOISE },
	{ "copy link", PHRASE_NOISE },
	{ "sao chép liên kết", PHRASE_NOISE },
	{ "thích", PHRASE_NOISE },
	{ "like", PHRASE_NOISE },
	{ "menu", PHRASE_NOISE },
	{ "tìm kiếm", PHRASE_NOISE },
	{ "search", PHRASE_NOISE },
	{ "video", PHRASE_NOISE },
	{ "ảnh", PHRASE_NOISE },
	{ "play", PHRASE_NOISE },
	{ "live", PHRASE_NOISE },
	{ "tin tức", PHRASE_NOISE },
	{ "thời tiết", PHRASE_NOISE },
	{ "skip to content", PHRASE_NOISE },
	{ "skip to main content", PHRASE_NOISE },
};

enum phrase_kind
phrase_lookup(const char *folded)
{
	size_t	i;

	for (i = 0; i < sizeof phrases / sizeof phrases[0]; i++) {
		if (folded[0] == phrases[i].text[0] &&
		    strcmp(folded, phrases[i].text) == 0)
			return phrases[i].kind;
	}
	return PHRASE_NONE;
}

int
phrase_end_prefix(const char *folded)
{
	static const char *prefixes[] = {
		"bình luận (", "copyright", "©", "bản quyền thuộc",
		"all rights reserved", "powered by blogger",
	};
	size_t	i;

	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		if (strncmp(folded, prefixes[i], strlen(prefixes[i])) == 0)
			return 1;
	}
	return 0;
}
