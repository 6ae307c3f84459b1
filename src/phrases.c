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
	{ "recommended for you", PHRASE_HEADING },
	{ "trending", PHRASE_HEADING },
	{ "trending now", PHRASE_HEADING },
	{ "trending news", PHRASE_HEADING },
	{ "more from", PHRASE_HEADING },
	{ "more on", PHRASE_HEADING },
	{ "more stories", PHRASE_HEADING },
	{ "more news", PHRASE_HEADING },
	{ "top stories", PHRASE_HEADING },
	{ "latest", PHRASE_HEADING },
	{ "latest stories", PHRASE_HEADING },
	{ "popular", PHRASE_HEADING },
	{ "you might also like", PHRASE_HEADING },
	{ "you may like", PHRASE_HEADING },
	{ "don't miss", PHRASE_HEADING },
	{ "editor's picks", PHRASE_HEADING },
	{ "what to read next", PHRASE_HEADING },
	{ "read next", PHRASE_HEADING },
	{ "up next", PHRASE_HEADING },
	{ "see also", PHRASE_HEADING },
	{ "comments", PHRASE_COMMENTS },
	{ "comment", PHRASE_COMMENTS },
	{ "responses", PHRASE_COMMENTS },
	{ "discussion", PHRASE_COMMENTS },

	/* footers: the article is over */
	{ "source link", PHRASE_END },
	{ "no comments", PHRASE_END },
	{ "post a comment", PHRASE_END },
	{ "view my stats", PHRASE_END },
	{ "newer post", PHRASE_END },
	{ "older post", PHRASE_END },
	{ "subscribe to: post comments (atom)", PHRASE_END },
	{ "bình luận", PHRASE_COMMENTS },
	{ "ý kiến", PHRASE_COMMENTS },
	{ "phản hồi", PHRASE_COMMENTS },
	{ "ý kiến bạn đọc", PHRASE_END },
	{ "gửi bình luận", PHRASE_END },
	{ "viết bình luận", PHRASE_END },
	{ "ý kiến của bạn", PHRASE_END },
	{ "từ khóa", PHRASE_END },
	{ "từ khoá", PHRASE_END },
	{ "tags", PHRASE_END },
	{ "tag", PHRASE_END },
	{ "chủ đề", PHRASE_END },
	{ "leave a comment", PHRASE_END },
	{ "leave a reply", PHRASE_END },
	{ "leave a reply cancel reply", PHRASE_END },
	{ "join the conversation", PHRASE_END },
	{ "add a comment", PHRASE_END },
	{ "post comment", PHRASE_END },
	{ "show comments", PHRASE_END },
	{ "view comments", PHRASE_END },
	{ "about the author", PHRASE_END },
	{ "related topics", PHRASE_END },
	{ "topics", PHRASE_END },

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
	{ "by", PHRASE_NOISE },
	{ "print", PHRASE_NOISE },
	{ "print this article", PHRASE_NOISE },
	{ "share this", PHRASE_NOISE },
	{ "share this article", PHRASE_NOISE },
	{ "share this story", PHRASE_NOISE },
	{ "share on facebook", PHRASE_NOISE },
	{ "share on twitter", PHRASE_NOISE },
	{ "share via email", PHRASE_NOISE },
	{ "whatsapp", PHRASE_NOISE },
	{ "linkedin", PHRASE_NOISE },
	{ "pinterest", PHRASE_NOISE },
	{ "reddit", PHRASE_NOISE },
	{ "flipboard", PHRASE_NOISE },
	{ "copy", PHRASE_NOISE },
	{ "subscribe", PHRASE_NOISE },
	{ "sign in", PHRASE_NOISE },
	{ "sign up", PHRASE_NOISE },
	{ "log in", PHRASE_NOISE },
	{ "login", PHRASE_NOISE },
	{ "log out", PHRASE_NOISE },
	{ "register", PHRASE_NOISE },
	{ "close", PHRASE_NOISE },
	{ "continue reading", PHRASE_NOISE },
	{ "continue reading below", PHRASE_NOISE },
	{ "continue reading the main story", PHRASE_NOISE },
	{ "read more", PHRASE_NOISE },
	{ "read full article", PHRASE_NOISE },
	{ "supported by", PHRASE_NOISE },
	{ "sponsored", PHRASE_NOISE },
	{ "sponsored content", PHRASE_NOISE },
	{ "enlarge image", PHRASE_NOISE },
	{ "enlarge this image", PHRASE_NOISE },
	{ "toggle caption", PHRASE_NOISE },
	{ "hide caption", PHRASE_NOISE },
	{ "image", PHRASE_NOISE },
	{ "photo", PHRASE_NOISE },
	{ "listen", PHRASE_NOISE },
	{ "listen to this article", PHRASE_NOISE },
	{ "watch", PHRASE_NOISE },
	{ "newsletter", PHRASE_NOISE },
	{ "accept", PHRASE_NOISE },
	{ "accept cookies", PHRASE_NOISE },
	{ "back to top", PHRASE_NOISE },
	{ "next", PHRASE_NOISE },
	{ "previous", PHRASE_NOISE },
	{ "loading...", PHRASE_NOISE },
	{ "xem th\xc3\xaam", PHRASE_NOISE },
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
		"copyright", "©", "bản quyền thuộc",
		"all rights reserved", "powered by blogger",
		"this material may not be published", "filed under",
		"posted in ", "tagged ", "tags:", "từ khóa:", "từ khoá:",
	};
	size_t	i;

	if (folded[0] == '\0' || strchr("bcatpf\xc2", folded[0]) == NULL)
		return 0;	/* no prefix starts so */
	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		if (prefixes[i][0] == folded[0] &&
		    strncmp(folded, prefixes[i], strlen(prefixes[i])) == 0)
			return 1;
	}
	return 0;
}
