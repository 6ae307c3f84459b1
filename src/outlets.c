/*
 * outlets.c: the table of news outlets, and finding an outlet by a name,
 * an abbreviation, a tag or a domain. Pure data and pure functions.
 *
 * Keys are written folded, as outlet_key() makes them: lower case,
 * without marks, đ as d, every run of characters other than letters,
 * digits, '&' and '+' one space. tests/test_outlets.c checks that each
 * key is written that way and that each name finds its own outlet.
 * Domains are the registered domain without "www.", lower case.
 */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "outlets.h"
#include "text.h"
#include "util.h"

struct outlet {
	const char	*name;		/* as the outlet writes its masthead */
	const char	*keys;		/* '|' between keys */
	const char	*domains;	/* ' ' between domains */
};

static const struct outlet outlets[] = {
	/* national news */
	{ "Tuổi Trẻ", "tuoi tre|tuoi tre online|tto|tt|bao tuoi tre|"
	  "tuoi tre news|tuoitre", "tuoitre.vn tuoitrenews.vn" },
	{ "Thanh Niên", "thanh nien|bao thanh nien|thanh nien online|tno|"
	  "thanhnien", "thanhnien.vn thanhnien.com.vn" },
	{ "VnExpress", "vnexpress|vne|vnexpress international|vnexpress net",
	  "vnexpress.net" },
	{ "Dân trí", "dan tri|bao dan tri|dtri|dantri", "dantri.com.vn "
	  "dtinews.vn" },
	{ "Người Lao Động", "nguoi lao dong|nld|nldo|bao nguoi lao dong|"
	  "nguoi lao dong online", "nld.com.vn" },
	{ "Tiền Phong", "tien phong|tpo|bao tien phong|tien phong online",
	  "tienphong.vn" },
	{ "Lao Động", "lao dong|bao lao dong|ldo|laodong", "laodong.vn "
	  "laodong.com.vn" },
	{ "VietNamNet", "vietnamnet|vnn|vietnam net|bao vietnamnet",
	  "vietnamnet.vn" },
	{ "Znews", "znews|zing|zing news|zingnews|tri thuc truc tuyen|"
	  "tri thuc znews", "zingnews.vn znews.vn zing.vn" },
	{ "Vietnamplus", "vietnamplus|vietnam+|vietnam plus|bao vietnamplus",
	  "vietnamplus.vn" },
	{ "TTXVN", "ttxvn|thong tan xa viet nam|vna|vietnam news agency|"
	  "bao tin tuc|tin tuc ttxvn|baotintuc", "baotintuc.vn vnanet.vn "
	  "ttxvn.org.vn" },
	{ "Nhân Dân", "nhan dan|bao nhan dan|nhandan", "nhandan.vn "
	  "nhandan.com.vn" },
	{ "Quân đội nhân dân", "quan doi nhan dan|qdnd|bao quan doi nhan dan|"
	  "qdnd vn", "qdnd.vn" },
	{ "Công an nhân dân", "cong an nhan dan|cand|bao cong an nhan dan|"
	  "cand com vn", "cand.com.vn" },
	{ "VOV", "vov|dai tieng noi viet nam|tieng noi viet nam|vov vn|"
	  "vovworld|vov giao thong", "vov.vn vovworld.vn vovgiaothong.vn" },
	{ "VTV", "vtv|vtv vn|vtv news|dai truyen hinh viet nam|"
	  "truyen hinh viet nam|vtv24|vtv digital", "vtv.vn vtv.gov.vn" },
	{ "VTC News", "vtc news|vtc|vtcnews|bao dien tu vtc news", "vtc.vn" },
	{ "Pháp Luật TP.HCM", "phap luat tp hcm|phap luat tphcm|plo|"
	  "phap luat thanh pho ho chi minh|bao phap luat tp hcm",
	  "plo.vn phapluattp.vn" },
	{ "Sài Gòn Giải Phóng", "sai gon giai phong|sggp|sggpo|"
	  "sai gon giai phong online|bao sai gon giai phong", "sggp.org.vn" },
	{ "Hà Nội Mới", "ha noi moi|hnm|bao ha noi moi|hanoimoi",
	  "hanoimoi.vn hanoimoi.com.vn" },
	{ "Báo Thế giới & Việt Nam", "the gioi & viet nam|tg&vn|tgvn|"
	  "the gioi va viet nam|bao the gioi & viet nam|baoquocte|"
	  "bao quoc te|world & vietnam report", "baoquocte.vn" },
	{ "Báo Chính phủ", "bao chinh phu|chinhphu vn|"
	  "cong thong tin dien tu chinh phu|vgp|vgp news|baochinhphu",
	  "baochinhphu.vn chinhphu.vn" },
	{ "Đại Đoàn Kết", "dai doan ket|ddk|bao dai doan ket",
	  "daidoanket.vn" },
	{ "Kinh tế & Đô thị", "kinh te & do thi|ktdt|kinh te do thi|"
	  "bao kinh te & do thi", "kinhtedothi.vn" },
	{ "An ninh Thủ đô", "an ninh thu do|antd|bao an ninh thu do",
	  "anninhthudo.vn" },
	{ "Công an TP.HCM", "cong an tp hcm|cong an thanh pho ho chi minh|"
	  "congan com vn", "congan.com.vn" },
	{ "Pháp luật Việt Nam", "phap luat viet nam|bao phap luat viet nam|"
	  "baophapluat", "baophapluat.vn" },
	{ "Người Đưa Tin", "nguoi dua tin|ndt|nguoiduatin",
	  "nguoiduatin.vn" },
	{ "Đời sống & Pháp luật", "doi song & phap luat|ds&pl|"
	  "doi song phap luat|doisongphapluat", "doisongphapluat.com "
	  "doisongphapluat.vn" },
	{ "Sức khỏe & Đời sống", "suc khoe & doi song|sk&ds|"
	  "suc khoe doi song|suckhoedoisong", "suckhoedoisong.vn" },
	{ "Gia đình & Xã hội", "gia dinh & xa hoi|gd&xh|gia dinh xa hoi|"
	  "giadinh net|giadinh", "giadinh.suckhoedoisong.vn giadinh.net.vn" },
	{ "Dân Việt", "dan viet|nong thon ngay nay|"
	  "bao nong thon ngay nay|danviet", "danviet.vn" },
	{ "Giáo dục & Thời đại", "giao duc & thoi dai|gd&td|"
	  "giao duc thoi dai", "giaoducthoidai.vn" },
	{ "Giáo dục Việt Nam", "giao duc viet nam|giaoduc net",
	  "giaoduc.net.vn" },
	{ "Thể thao & Văn hóa", "the thao & van hoa|tt&vh|the thao van hoa",
	  "thethaovanhoa.vn" },
	{ "Báo Văn hóa", "bao van hoa|baovanhoa", "baovanhoa.vn" },
	{ "Ngày Nay", "ngay nay|bao ngay nay", "ngaynay.vn" },
	{ "Petrotimes", "petrotimes|nang luong moi|bao nang luong moi",
	  "petrotimes.vn" },
	{ "Báo Công Thương", "bao cong thuong", "congthuong.vn" },
	{ "Báo Giao thông", "bao giao thong", "baogiaothong.vn" },
	{ "Báo Xây dựng", "bao xay dung", "baoxaydung.com.vn "
	  "baoxaydung.vn" },
	{ "Nông nghiệp Việt Nam", "nong nghiep viet nam|"
	  "bao nong nghiep viet nam", "nongnghiep.vn" },
	{ "Tài nguyên & Môi trường", "tai nguyen & moi truong|tn&mt|"
	  "tai nguyen moi truong", "baotainguyenmoitruong.vn "
	  "tainguyenmoitruong.vn" },
	{ "Khoa học & Phát triển", "khoa hoc & phat trien|"
	  "khoa hoc phat trien", "khoahocphattrien.vn" },
	{ "Nhà báo & Công luận", "nha bao & cong luan|nb&cl|"
	  "nha bao cong luan|cong luan", "congluan.vn" },
	{ "Tiền Phong", "sinh vien viet nam|hoa hoc tro", "svvn.tienphong.vn" },
	{ "Một Thế Giới", "mot the gioi", "motthegioi.vn" },
	{ "Viettimes", "viettimes|viet times", "viettimes.vn" },
	{ "Tạp chí Luật sư Việt Nam", "luat su viet nam", "lsvn.vn" },
	{ "Báo Thời Đại", "bao thoi dai", "thoidai.com.vn" },
	{ "Báo Phụ nữ Việt Nam", "bao phu nu viet nam",
	  "phunuvietnam.vn" },
	{ "Phụ nữ TP.HCM", "phu nu tp hcm|phu nu online|"
	  "bao phu nu tp hcm", "phunuonline.com.vn" },
	{ "Báo Thanh tra", "bao thanh tra", "thanhtra.com.vn" },
	{ "Báo Biên phòng", "bao bien phong|bdbp", "bienphong.com.vn" },
	{ "Báo Hải quan", "bao hai quan", "haiquanonline.com.vn" },
	{ "Đảng Cộng sản", "dang cong san|bao dien tu dang cong san viet nam|"
	  "dang cong san viet nam", "dangcongsan.vn" },
	{ "Báo Cựu chiến binh", "bao cuu chien binh",
	  "cuuchienbinh.com.vn" },
	{ "Báo Người cao tuổi", "bao nguoi cao tuoi",
	  "nguoicaotuoi.org.vn" },
	{ "Việt Nam News", "vietnam news|viet nam news|vns|vietnamnews",
	  "vietnamnews.vn" },
	{ "Vietnam Investment Review", "vietnam investment review|vir",
	  "vir.com.vn" },
	{ "Hanoi Times", "hanoi times|hanoitimes", "hanoitimes.vn" },
	{ "The Saigon Times", "the saigon times|saigon times|"
	  "thoi bao kinh te sai gon|tbktsg|ktsg", "thesaigontimes.vn "
	  "english.thesaigontimes.vn" },
	{ "VietnamNet Global", "vietnamnet global", "vietnamnet.vn/en" },

	/* business and markets */
	{ "VnEconomy", "vneconomy|kinh te viet nam|thoi bao kinh te viet nam|"
	  "bao kinh te viet nam", "vneconomy.vn" },
	{ "CafeF", "cafef|cafe f", "cafef.vn" },
	{ "CafeBiz", "cafebiz|cafe biz", "cafebiz.vn" },
	{ "Báo Đầu tư", "bao dau tu|dau tu online|baodautu",
	  "baodautu.vn" },
	{ "Đầu tư Chứng khoán", "dau tu chung khoan|dtck|"
	  "tin nhanh chung khoan", "tinnhanhchungkhoan.vn" },
	{ "Thời báo Tài chính Việt Nam", "thoi bao tai chinh viet nam|"
	  "thoi bao tai chinh|tbtcvn", "thoibaotaichinhvietnam.vn" },
	{ "Tạp chí Tài chính", "tap chi tai chinh",
	  "tapchitaichinh.vn" },
	{ "Bnews", "bnews|tin tuc kinh te ttxvn", "bnews.vn" },
	{ "Vietstock", "vietstock", "vietstock.vn" },
	{ "Doanh nhân Sài Gòn", "doanh nhan sai gon|dnsg|doanhnhansaigon",
	  "doanhnhansaigon.vn" },
	{ "Diễn đàn Doanh nghiệp", "dien dan doanh nghiep|dddn|"
	  "enternews", "enternews.vn dddn.com.vn" },
	{ "Doanh nghiệp Việt Nam", "doanh nghiep viet nam|"
	  "tap chi doanh nghiep viet nam", "doanhnghiepvn.vn" },
	{ "Nhịp sống kinh tế", "nhip song kinh te|vnbusiness", "vnbusiness.vn" },
	{ "Thương gia", "thuong gia|tap chi thuong gia", "thuonggiaonline.vn" },

	/* general portals, sport, entertainment, technology */
	{ "24h", "24h|24h com vn|tin tuc 24h", "24h.com.vn" },
	{ "Kenh14", "kenh14|kenh 14", "kenh14.vn" },
	{ "Soha", "soha|soha news|soha vn", "soha.vn" },
	{ "Genk", "genk", "genk.vn" },
	{ "Tinhte", "tinhte", "tinhte.vn" },
	{ "ICTnews", "ictnews|ict news", "ictnews.vn ictnews.vietnamnet.vn" },
	{ "Báo Mới", "bao moi|baomoi", "baomoi.com" },
	{ "Infonet", "infonet", "infonet.vietnamnet.vn infonet.vn" },
	{ "Eva", "eva|eva vn", "eva.vn" },
	{ "Afamily", "afamily", "afamily.vn" },
	{ "Ngôi sao", "ngoi sao|ngoisao", "ngoisao.vnexpress.net ngoisao.vn" },
	{ "Tiin", "tiin", "tiin.vn" },
	{ "Yan", "yan|yan news", "yan.vn" },
	{ "Webthethao", "webthethao|web the thao", "webthethao.vn" },
	{ "Bongda.com.vn", "bongda com vn|bong da|bao bong da|bongda",
	  "bongda.com.vn" },
	{ "Thể Thao 247", "the thao 247|thethao247", "thethao247.vn" },
	{ "Bóng đá Plus", "bongdaplus|bong da plus", "bongdaplus.vn" },
	{ "Saostar", "saostar", "saostar.vn" },
	{ "Vietgiaitri", "vietgiaitri", "vietgiaitri.com" },
	{ "2sao", "2sao", "2sao.vn" },
	{ "Ione", "ione", "ione.net" },
	{ "Người Việt", "nguoi viet|nguoi viet online|nguoi viet daily news",
	  "nguoi-viet.com" },
	{ "Viet Bao", "viet bao|vietbao", "vietbao.vn vietbao.com" },

	/* foreign services in Vietnamese */
	{ "VOA Tiếng Việt", "voa tieng viet|voa|voice of america|"
	  "dai tieng noi hoa ky|voatiengviet", "voatiengviet.com "
	  "voanews.com" },
	{ "BBC Tiếng Việt", "bbc tieng viet|bbc vietnamese", "" },
	{ "BBC", "bbc|bbc news|dai bbc", "bbc.com bbc.co.uk" },
	{ "RFA Tiếng Việt", "rfa tieng viet|rfa|radio free asia|"
	  "dai a chau tu do", "rfa.org" },
	{ "RFI Tiếng Việt", "rfi tieng viet|rfi|radio france internationale|"
	  "dai phat thanh quoc te phap", "rfi.fr" },
	{ "DW Tiếng Việt", "dw tieng viet|dw|deutsche welle|"
	  "lan song duc", "dw.com" },
	{ "Sputnik", "sputnik|sputnik viet nam|sputnik news",
	  "sputniknews.vn sputniknews.com" },
	{ "NHK", "nhk|nhk world|nhk world japan", "nhk.or.jp" },
	{ "Nikkei", "nikkei|nikkei asia|nikkei asian review", "asia.nikkei.com "
	  "nikkei.com" },

	/* agencies and foreign outlets credited in Vietnamese pages */
	{ "Reuters", "reuters|hang tin reuters|thomson reuters",
	  "reuters.com" },
	{ "AFP", "afp|agence france presse|hang tin afp|"
	  "thong tan xa phap", "afp.com" },
	{ "AP", "ap|associated press|hang tin ap|apnews", "apnews.com" },
	{ "Bloomberg", "bloomberg|hang tin bloomberg", "bloomberg.com" },
	{ "CNN", "cnn|dai cnn", "cnn.com" },
	{ "CNBC", "cnbc", "cnbc.com" },
	{ "The New York Times", "the new york times|new york times|nyt|"
	  "nytimes|thoi bao new york", "nytimes.com" },
	{ "The Washington Post", "the washington post|washington post|"
	  "buu dien washington", "washingtonpost.com" },
	{ "The Wall Street Journal", "the wall street journal|"
	  "wall street journal|wsj|nhat bao pho wall", "wsj.com" },
	{ "Financial Times", "financial times|ft|thoi bao tai chinh anh",
	  "ft.com" },
	{ "The Guardian", "the guardian|guardian", "theguardian.com" },
	{ "The Telegraph", "the telegraph|telegraph", "telegraph.co.uk" },
	{ "The Independent", "the independent",
	  "independent.co.uk" },
	{ "Daily Mail", "daily mail|dailymail|mail online", "dailymail.co.uk" },
	{ "The Sun", "the sun", "thesun.co.uk" },
	{ "Mirror", "mirror|daily mirror", "mirror.co.uk" },
	{ "Fox News", "fox news", "foxnews.com" },
	{ "NBC News", "nbc news|nbc", "nbcnews.com" },
	{ "CBS News", "cbs news|cbs", "cbsnews.com" },
	{ "ABC News", "abc news|abc", "abcnews.go.com abc.net.au" },
	{ "NPR", "npr", "npr.org" },
	{ "Politico", "politico", "politico.com politico.eu" },
	{ "Axios", "axios", "axios.com" },
	{ "The Hill", "the hill", "thehill.com" },
	{ "Newsweek", "newsweek", "newsweek.com" },
	{ "Time", "tap chi time|time magazine|time", "time.com" },
	{ "The Economist", "the economist|economist", "economist.com" },
	{ "Forbes", "forbes|tap chi forbes", "forbes.com forbes.vn" },
	{ "Fortune", "fortune", "fortune.com" },
	{ "Business Insider", "business insider", "businessinsider.com "
	  "insider.com" },
	{ "South China Morning Post", "south china morning post|scmp|"
	  "buu dien hoa nam buoi sang", "scmp.com" },
	{ "The Straits Times", "the straits times|straits times",
	  "straitstimes.com" },
	{ "Bangkok Post", "bangkok post", "bangkokpost.com" },
	{ "The Jakarta Post", "the jakarta post|jakarta post",
	  "thejakartapost.com" },
	{ "Channel NewsAsia", "channel newsasia|cna|channel news asia",
	  "channelnewsasia.com" },
	{ "Yonhap", "yonhap|hang tin yonhap", "yna.co.kr en.yna.co.kr" },
	{ "Kyodo", "kyodo|hang tin kyodo|kyodo news", "kyodonews.net" },
	{ "The Japan Times", "the japan times|japan times",
	  "japantimes.co.jp" },
	{ "Xinhua", "xinhua|tan hoa xa|hang tin tan hoa xa", "xinhuanet.com "
	  "news.cn" },
	{ "Global Times", "global times|thoi bao hoan cau", "globaltimes.cn" },
	{ "China Daily", "china daily", "chinadaily.com.cn" },
	{ "CGTN", "cgtn", "cgtn.com" },
	{ "Nhân dân Nhật báo", "nhan dan nhat bao|people s daily",
	  "people.com.cn" },
	{ "TASS", "tass|hang tin tass", "tass.com tass.ru" },
	{ "RIA Novosti", "ria novosti", "ria.ru" },
	{ "RT", "rt|russia today", "rt.com" },
	{ "Al Jazeera", "al jazeera|aljazeera", "aljazeera.com" },
	{ "France 24", "france 24|france24", "france24.com" },
	{ "Le Monde", "le monde", "lemonde.fr" },
	{ "Le Figaro", "le figaro", "lefigaro.fr" },
	{ "Der Spiegel", "der spiegel|spiegel", "spiegel.de" },
	{ "ESPN", "espn", "espn.com" },
	{ "Marca", "marca", "marca.com" },
	{ "Sky Sports", "sky sports", "skysports.com" },
	{ "Eurosport", "eurosport", "eurosport.com" },
	{ "The Athletic", "the athletic", "theathletic.com" },
	{ "The Verge", "the verge|verge", "theverge.com" },
	{ "TechCrunch", "techcrunch", "techcrunch.com" },
	{ "Wired", "wired", "wired.com" },
	{ "Engadget", "engadget", "engadget.com" },
	{ "Ars Technica", "ars technica", "arstechnica.com" },
	{ "CNET", "cnet", "cnet.com" },
	{ "ZDNet", "zdnet", "zdnet.com" },
	{ "GSMArena", "gsmarena", "gsmarena.com" },
	{ "9to5Mac", "9to5mac", "9to5mac.com" },
	{ "MacRumors", "macrumors", "macrumors.com" },
	{ "Gizmodo", "gizmodo", "gizmodo.com" },
	{ "Live Science", "live science|livescience", "livescience.com" },
	{ "Science Alert", "science alert|sciencealert", "sciencealert.com" },
	{ "New Scientist", "new scientist", "newscientist.com" },
	{ "Phys.org", "phys org", "phys.org" },
	{ "Space.com", "space com", "space.com" },
	{ "National Geographic", "national geographic|natgeo",
	  "nationalgeographic.com" },
	{ "Live Mint", "livemint|live mint", "livemint.com" },
	{ "The Times of India", "the times of india|times of india",
	  "timesofindia.indiatimes.com" },
	{ "The Korea Herald", "the korea herald|korea herald",
	  "koreaherald.com" },
	{ "The Korea Times", "the korea times|korea times",
	  "koreatimes.co.kr" },
	{ "Khmer Times", "khmer times", "khmertimeskh.com" },
	{ "The Diplomat", "the diplomat", "thediplomat.com" },
	{ "Foreign Policy", "foreign policy", "foreignpolicy.com" },
	{ "Euronews", "euronews", "euronews.com" },
	{ "Deutsche Presse-Agentur", "dpa|deutsche presse agentur", "dpa.com" },
	{ "EFE", "efe", "efe.com" },
	{ "ANSA", "ansa", "ansa.it" },
	{ "Interfax", "interfax", "interfax.ru interfax.com" },
	{ "UPI", "upi", "upi.com" },
	{ "USA Today", "usa today", "usatoday.com" },
	{ "Los Angeles Times", "los angeles times|la times", "latimes.com" },
	{ "The Atlantic", "the atlantic", "theatlantic.com" },
	{ "Vox", "vox", "vox.com" },
	{ "BuzzFeed News", "buzzfeed|buzzfeed news", "buzzfeednews.com" },
	{ "HuffPost", "huffpost|huffington post", "huffpost.com" },
	{ "Sydney Morning Herald", "sydney morning herald|smh", "smh.com.au" },
	{ "Inquirer", "inquirer|philippine daily inquirer", "inquirer.net" },
	{ "Rappler", "rappler", "rappler.com" },
	{ "The Star", "the star", "thestar.com.my" },
	{ "Malay Mail", "malay mail", "malaymail.com" },
	{ "Taipei Times", "taipei times", "taipeitimes.com" },
	{ "Focus Taiwan", "focus taiwan|cna taiwan", "focustaiwan.tw" },
	{ "IRNA", "irna", "irna.ir" },
	{ "Anadolu", "anadolu|anadolu agency", "aa.com.tr" },
	{ "Haaretz", "haaretz", "haaretz.com" },
	{ "The Times of Israel", "the times of israel|times of israel",
	  "timesofisrael.com" },
	{ "Ukrainska Pravda", "ukrainska pravda", "pravda.com.ua" },
	{ "Kyiv Independent", "kyiv independent|the kyiv independent",
	  "kyivindependent.com" },
	{ "Bernama", "bernama", "bernama.com" },
	{ "Antara", "antara", "antaranews.com" },
	{ "Prensa Latina", "prensa latina", "prensa-latina.cu" },

	/* provincial papers: "Báo <province>" */
	{ "Báo An Giang", "bao an giang", "baoangiang.com.vn" },
	{ "Báo Bà Rịa - Vũng Tàu", "bao ba ria vung tau|bao brvt",
	  "baobariavungtau.com.vn" },
	{ "Báo Bắc Giang", "bao bac giang", "baobacgiang.vn "
	  "baobacgiang.com.vn" },
	{ "Báo Bắc Kạn", "bao bac kan", "baobackan.vn baobackan.org.vn" },
	{ "Báo Bạc Liêu", "bao bac lieu", "baobaclieu.vn" },
	{ "Báo Bắc Ninh", "bao bac ninh", "baobacninh.vn baobacninh.com.vn" },
	{ "Báo Bến Tre", "bao ben tre|dong khoi", "baobentre.vn "
	  "baodongkhoi.vn" },
	{ "Báo Bình Định", "bao binh dinh", "baobinhdinh.vn "
	  "baobinhdinh.com.vn" },
	{ "Báo Bình Dương", "bao binh duong", "baobinhduong.vn" },
	{ "Báo Bình Phước", "bao binh phuoc", "baobinhphuoc.com.vn" },
	{ "Báo Bình Thuận", "bao binh thuan", "baobinhthuan.com.vn" },
	{ "Báo Cà Mau", "bao ca mau", "baocamau.vn baocamau.com.vn" },
	{ "Báo Cần Thơ", "bao can tho", "baocantho.com.vn" },
	{ "Báo Cao Bằng", "bao cao bang", "baocaobang.vn" },
	{ "Báo Đà Nẵng", "bao da nang", "baodanang.vn" },
	{ "Báo Đắk Lắk", "bao dak lak|bao daklak", "baodaklak.vn" },
	{ "Báo Đắk Nông", "bao dak nong", "baodaknong.vn" },
	{ "Báo Điện Biên Phủ", "bao dien bien phu|bao dien bien",
	  "baodienbienphu.info.vn" },
	{ "Báo Đồng Nai", "bao dong nai", "baodongnai.com.vn" },
	{ "Báo Đồng Tháp", "bao dong thap", "baodongthap.vn "
	  "baodongthap.com.vn" },
	{ "Báo Gia Lai", "bao gia lai", "baogialai.com.vn" },
	{ "Báo Hà Giang", "bao ha giang", "baohagiang.vn" },
	{ "Báo Hà Nam", "bao ha nam", "baohanam.com.vn" },
	{ "Báo Hà Tĩnh", "bao ha tinh", "baohatinh.vn" },
	{ "Báo Hải Dương", "bao hai duong", "baohaiduong.vn" },
	{ "Báo Hải Phòng", "bao hai phong|hai phong online",
	  "baohaiphong.vn baohaiphong.com.vn" },
	{ "Báo Hậu Giang", "bao hau giang", "baohaugiang.com.vn" },
	{ "Báo Hòa Bình", "bao hoa binh", "baohoabinh.com.vn" },
	{ "Báo Hưng Yên", "bao hung yen", "baohungyen.vn" },
	{ "Báo Khánh Hòa", "bao khanh hoa", "baokhanhhoa.vn" },
	{ "Báo Kiên Giang", "bao kien giang", "baokiengiang.vn" },
	{ "Báo Kon Tum", "bao kon tum", "baokontum.com.vn" },
	{ "Báo Lai Châu", "bao lai chau", "baolaichau.vn" },
	{ "Báo Lâm Đồng", "bao lam dong", "baolamdong.vn" },
	{ "Báo Lạng Sơn", "bao lang son", "baolangson.vn" },
	{ "Báo Lào Cai", "bao lao cai", "baolaocai.vn" },
	{ "Báo Long An", "bao long an", "baolongan.vn" },
	{ "Báo Nam Định", "bao nam dinh", "baonamdinh.vn "
	  "baonamdinh.com.vn" },
	{ "Báo Nghệ An", "bao nghe an", "baonghean.vn" },
	{ "Báo Ninh Bình", "bao ninh binh", "baoninhbinh.org.vn" },
	{ "Báo Ninh Thuận", "bao ninh thuan", "baoninhthuan.com.vn" },
	{ "Báo Phú Thọ", "bao phu tho", "baophutho.vn" },
	{ "Báo Phú Yên", "bao phu yen", "baophuyen.vn" },
	{ "Báo Quảng Bình", "bao quang binh", "baoquangbinh.vn" },
	{ "Báo Quảng Nam", "bao quang nam", "baoquangnam.vn" },
	{ "Báo Quảng Ngãi", "bao quang ngai", "baoquangngai.vn" },
	{ "Báo Quảng Ninh", "bao quang ninh", "baoquangninh.vn "
	  "baoquangninh.com.vn" },
	{ "Báo Quảng Trị", "bao quang tri", "baoquangtri.vn" },
	{ "Báo Sóc Trăng", "bao soc trang", "baosoctrang.org.vn" },
	{ "Báo Sơn La", "bao son la", "baosonla.vn baosonla.org.vn" },
	{ "Báo Tây Ninh", "bao tay ninh", "baotayninh.vn" },
	{ "Báo Thái Bình", "bao thai binh", "baothaibinh.com.vn" },
	{ "Báo Thái Nguyên", "bao thai nguyen", "baothainguyen.vn" },
	{ "Báo Thanh Hóa", "bao thanh hoa", "baothanhhoa.vn" },
	{ "Báo Thừa Thiên Huế", "bao thua thien hue|bao hue",
	  "baothuathienhue.vn baohue.vn" },
	{ "Báo Tiền Giang", "bao tien giang|ap bac", "baoapbac.vn" },
	{ "Báo Trà Vinh", "bao tra vinh", "baotravinh.vn" },
	{ "Báo Tuyên Quang", "bao tuyen quang", "baotuyenquang.com.vn" },
	{ "Báo Vĩnh Long", "bao vinh long", "baovinhlong.vn "
	  "baovinhlong.com.vn" },
	{ "Báo Vĩnh Phúc", "bao vinh phuc", "baovinhphuc.com.vn" },
	{ "Báo Yên Bái", "bao yen bai", "baoyenbai.com.vn" },
};

#define NOUTLETS	(sizeof outlets / sizeof outlets[0])

/*
 * The key of a name: folded (lower case, no marks, đ as d), every run of
 * other characters than letters, digits, '&' and '+' one space, trimmed.
 * Returns an allocated string.
 */
static char *
outlet_key(const char *s, size_t len)
{
	struct buf	 strip = { 0 }, exact = { 0 };
	char		*k, *o;
	const char	*p;
	int		 space = 1;

	text_fold_word(s, len, &strip, &exact);
	buf_free(&exact);
	k = o = xmalloc(strip.len + 1);
	for (p = strip.s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (isalnum(c) || c == '&' || c == '+' || c >= 0x80) {
			*o++ = (char)c;
			space = 0;
		} else if (!space) {
			*o++ = ' ';
			space = 1;
		}
	}
	if (o > k && o[-1] == ' ')
		o--;
	*o = '\0';
	buf_free(&strip);
	return k;
}

/* Every key with its outlet, sorted: built once, then searched. */
struct key_entry {
	char		*key;
	const char	*name;
	size_t		 order;		/* the outlet's place in the table */
};
static struct key_entry	*key_index;
static size_t		 key_count;
static pthread_once_t	 key_once = PTHREAD_ONCE_INIT;

static int
key_cmp(const void *a, const void *b)
{
	return strcmp(((const struct key_entry *)a)->key,
	    ((const struct key_entry *)b)->key);
}

/* Sorting: by key, then by the table's order. */
static int
key_order_cmp(const void *a, const void *b)
{
	const struct key_entry	*x = a, *y = b;
	int			 c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void
key_index_build(void)
{
	size_t		 i, cap = 0;
	const char	*p, *bar;

	for (i = 0; i < NOUTLETS; i++) {
		for (p = outlets[i].keys; ; p = bar + 1) {
			bar = strchr(p, '|');
			if (key_count == cap) {
				cap = cap == 0 ? 1024 : cap * 2;
				key_index = xreallocarray(key_index, cap,
				    sizeof *key_index);
			}
			key_index[key_count].key = bar != NULL ?
			    xstrndup(p, (size_t)(bar - p)) : xstrdup(p);
			key_index[key_count].order = i;
			key_index[key_count++].name = outlets[i].name;
			if (bar == NULL)
				break;
		}
	}
	/* of equal keys, the outlet first in the table is found */
	qsort(key_index, key_count, sizeof *key_index, key_order_cmp);
	for (i = 1; i < key_count; i++) {
		if (strcmp(key_index[i].key, key_index[i - 1].key) == 0)
			key_index[i].name = key_index[i - 1].name;
	}
}

static const char *
find_key(const char *key)
{
	struct key_entry	 k, *e;

	if (*key == '\0')
		return NULL;
	pthread_once(&key_once, key_index_build);
	k.key = (char *)key;
	e = bsearch(&k, key_index, key_count, sizeof *key_index, key_cmp);
	return e != NULL ? e->name : NULL;
}

/* Words that only say what kind of outlet follows: "Báo", "Tạp chí". */
static const char *const kind_prefixes[] = {
	"bao dien tu ", "bao ", "tap chi ", "dai ", "trang tin ",
	"trang ", "kenh ", "hang tin ", "thong tan xa ", "nguon ",
};

/* Words after the name that say the same: "Online", "điện tử". */
static const char *const kind_suffixes[] = {
	" online", " dien tu", " news", " vn", " com vn", " com", " net",
	" org", " org vn", " net vn",
};

const char *
outlet_find(const char *s, size_t len)
{
	const char	*name, *o;
	char		*key, *k;
	size_t		 i, n, klen;

	while (len > 0 && (*s == ' ' || *s == '(' || *s == '['))
		s++, len--;
	while (len > 0 && strchr(" .,;:]-", s[len - 1]) != NULL)
		len--;
	if (len == 0 || len > 80)
		return NULL;
	/* "VietnamPlus (English)", "TTXVN (VNA)": the name, then the other */
	if (s[len - 1] == ')' && (o = memchr(s, '(', len)) != NULL && o > s) {
		const char *e = o;

		while (e > s && e[-1] == ' ')
			e--;
		if ((name = outlet_find(s, (size_t)(e - s))) != NULL ||
		    (name = outlet_find(o + 1, len - (size_t)(o - s) - 2)) !=
		    NULL)
			return name;
	}
	while (len > 0 && s[len - 1] == ')')
		len--;
	if (len == 0)
		return NULL;
	if ((name = outlet_from_host(s, len)) != NULL)
		return name;
	key = outlet_key(s, len);
	if ((name = find_key(key)) != NULL)
		goto done;
	/* without the words that say what kind of outlet it is */
	k = key;
	for (i = 0; i < sizeof kind_prefixes / sizeof kind_prefixes[0]; i++) {
		n = strlen(kind_prefixes[i]);
		if (strncmp(k, kind_prefixes[i], n) == 0) {
			if ((name = find_key(k + n)) != NULL)
				goto done;
			break;
		}
	}
	klen = strlen(key);
	for (i = 0; i < sizeof kind_suffixes / sizeof kind_suffixes[0]; i++) {
		n = strlen(kind_suffixes[i]);
		if (klen > n && strcmp(key + klen - n, kind_suffixes[i]) == 0) {
			key[klen - n] = '\0';
			if ((name = find_key(key)) != NULL)
				goto done;
			/* "Báo Quảng Ngãi điện tử": both */
			for (i = 0; i < sizeof kind_prefixes /
			    sizeof kind_prefixes[0]; i++) {
				n = strlen(kind_prefixes[i]);
				if (strncmp(key, kind_prefixes[i], n) == 0 &&
				    (name = find_key(key + n)) != NULL)
					goto done;
			}
			break;
		}
	}
done:
	free(key);
	return name;
}

/* Whether domain (lower case) is one of the ' '-separated domains. */
static const char *
find_domain(const char *host, size_t n)
{
	size_t		 i, dn;
	const char	*p, *sp;

	for (i = 0; i < NOUTLETS; i++) {
		for (p = outlets[i].domains; *p != '\0'; p = sp + (*sp != '\0')) {
			if ((sp = strchr(p, ' ')) == NULL)
				sp = p + strlen(p);
			dn = (size_t)(sp - p);
			if (dn == n && memcmp(p, host, n) == 0)
				return outlets[i].name;
		}
	}
	return NULL;
}

const char *
outlet_from_host(const char *s, size_t len)
{
	char		 host[256];
	const char	*name, *p;
	size_t		 i, n = 0, dots = 0;

	if (len > 8 && strncmp(s, "https://", 8) == 0)
		s += 8, len -= 8;
	else if (len > 7 && strncmp(s, "http://", 7) == 0)
		s += 7, len -= 7;
	for (i = 0; i < len && n + 1 < sizeof host; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '/' || c == '?' || c == '#' || c == ':')
			break;
		if (!isalnum(c) && c != '.' && c != '-')
			return NULL;
		dots += c == '.';
		host[n++] = (char)tolower(c);
	}
	host[n] = '\0';
	if (dots == 0 || n < 4 || host[n - 1] == '.' || host[0] == '.')
		return NULL;
	/* the top-level domain is letters */
	for (p = strrchr(host, '.') + 1; *p != '\0'; p++) {
		if (!isalpha((unsigned char)*p))
			return NULL;
	}
	/* the host, then each parent domain: "e.vnexpress.net" */
	for (p = host; p != NULL; ) {
		if (strncmp(p, "www.", 4) == 0) {
			p += 4;
			continue;
		}
		if ((name = find_domain(p, strlen(p))) != NULL)
			return name;
		if ((p = strchr(p, '.')) == NULL || strchr(p + 1, '.') == NULL)
			break;
		p++;
	}
	return NULL;
}

int
outlet_tld(const char *tld)
{
	static const char *const tlds[] = {
		"vn", "com", "net", "org", "info", "gov", "edu", "biz", "io",
		"co", "uk", "us", "de", "fr", "jp", "cn", "kr", "au", "ca", "tv",
		"me", "news", "online", "asia", "ru", "int", "eu", "sg", "tw",
		"hk", "in", "it", "es", "nl", "ch", "se", "no", "fi", "dk", "pl",
	};
	size_t	k;

	for (k = 0; k < sizeof tlds / sizeof tlds[0]; k++) {
		if (strcasecmp(tld, tlds[k]) == 0)
			return 1;
	}
	return 0;
}

/* Titles of persons, never outlets: "GS", "TS", "PGS.TS". */
static int
person_title(const char *key)
{
	static const char *const titles[] = {
		"gs", "pgs", "ts", "ths", "bs", "ks", "ls", "ns", "nsnd",
		"nsut", "nnnd", "nnut", "gs ts", "pgs ts", "bsck", "tt",
		"dr", "mr", "mrs", "ms", "prof", "ong", "ba", "anh", "chi",
	};
	size_t	i;

	for (i = 0; i < sizeof titles / sizeof titles[0]; i++) {
		if (strcmp(key, titles[i]) == 0)
			return 1;
	}
	return 0;
}

static int
count_spaces(const char *s)
{
	int	n = 0;

	for (; *s != '\0'; s++)
		n += *s == ' ';
	return n;
}

/*
 * Whether every word of s opens with a capital or a digit, but for the
 * small words names keep in lower case ("of", "the", "và", "&").
 */
static int
capitalised(const char *s)
{
	static const char *const small[] = {
		"of", "the", "and", "de", "du", "la", "v\xc3\xa0", "&", "-", "+",
	};
	const char	*p = s, *e;
	size_t		 k, n;
	int32_t		 cp;

	while (*p != '\0') {
		for (e = p; *e != '\0' && *e != ' '; e++)
			;
		for (k = 0; k < sizeof small / sizeof small[0]; k++) {
			if ((size_t)(e - p) == strlen(small[k]) &&
			    strncmp(p, small[k], (size_t)(e - p)) == 0)
				break;
		}
		if (k == sizeof small / sizeof small[0] && e > p &&
		    !isdigit((unsigned char)*p) && *p != '(' && *p != '\'') {
			n = text_decode(p, (size_t)(e - p), &cp);
			(void)n;
			if (!text_is_upper(cp))
				return 0;
		}
		for (p = e; *p == ' '; p++)
			;
	}
	return 1;
}

int
outlet_like(const char *s, size_t len)
{
	static const char *const words[] = {
		"B\xc3\xa1o ", "T\xe1\xba\xa1p ch\xc3\xad ",
		"Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t", "News", "Times", "Online",
		"TV", "Radio", "\xc4\x90\xc3\xa0i ", "Th\xc3\xb4ng t\xe1\xba\xa5n",
		"Press", "Post", "Journal", "Daily", "Express", "Herald",
		"Tribune", "Gazette", "Agency", "Magazine",
	};
	char	buf[128], *key;
	size_t	i, run = 0, best = 0;
	int	title;

	if (len == 0 || len > 60)
		return 0;
	if (outlet_find(s, len) != NULL)
		return 1;
	key = outlet_key(s, len);
	title = person_title(key);
	free(key);
	if (title)
		return 0;
	memcpy(buf, s, len < sizeof buf ? len : sizeof buf - 1);
	buf[len < sizeof buf ? len : sizeof buf - 1] = '\0';
	if (strchr(buf, '@') != NULL)
		return 0;	/* an e-mail address */
	/*
	 * A word that names a kind of outlet, in a name: every word of it
	 * capitalised ("Mekong Times", "Báo Đồng Khởi"), not a phrase that
	 * holds the word ("Cá Đài Loan nhiễm độc", "Online Banking là gì").
	 */
	/* "Báo Đồng Khởi", "Tạp chí Khoa học": the kind, then a name */
	{
		static const char *const kinds[] = {
			"B\xc3\xa1o ", "T\xe1\xba\xa1p ch\xc3\xad ", "\xc4\x90\xc3\xa0i ",
			"Th\xc3\xb4ng t\xe1\xba\xa5n ",
		};
		size_t	k, n;
		int32_t	cp;

		for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			n = strlen(kinds[k]);
			if (strncmp(buf, kinds[k], n) == 0 && buf[n] != '\0' &&
			    strncmp(buf + n, "Loan", 4) != 0) {
				text_decode(buf + n, strlen(buf + n), &cp);
				if (text_is_upper(cp) && count_spaces(buf) <= 6)
					return 1;
			}
		}
	}
	if (capitalised(buf)) {
		for (i = 0; i < sizeof words / sizeof words[0]; i++) {
			const char *w = strstr(buf, words[i]);
			size_t	    n = strlen(words[i]);

			if (w == NULL || (w > buf && w[-1] != ' ') ||
			    (w[n - 1] != ' ' && w[n] != '\0' && w[n] != ' '))
				continue;
			/* "Đài Loan" is Taiwan, not a broadcaster */
			if (strncmp(w, "\xc4\x90\xc3\xa0i Loan", 9) == 0)
				continue;
			return 1;
		}
	}
	/* one word ending like an outlet's name: "Hanoinet", "VietnamPlus" */
	if (strchr(buf, ' ') == NULL && len >= 5) {
		static const char *const ends[] = {
			"net", "news", "online", "press", "post", "times", "tv",
			"plus", "media",
		};
		size_t	k, n;

		for (k = 0; k < sizeof ends / sizeof ends[0]; k++) {
			n = strlen(ends[k]);
			if (len > n + 2 && strncasecmp(buf + len - n, ends[k],
			    n) == 0 && isupper((unsigned char)buf[0]))
				return 1;
		}
	}
	/* a domain: "kinhtexaydung.petrotimes.vn" */
	{
		const char *dot = strrchr(buf, '.');

		if (dot != NULL && dot > buf && strchr(buf, ' ') == NULL &&
		    outlet_tld(dot + 1))
			return 1;	/* not "image_gallery.jpg" */
	}
	/*
	 * An acronym of three capitals or more, alone or beside one other
	 * capitalised word: "VOA", "TTXVN", "BBC News"; not "CSGT thận
	 * trọng", an acronym opening a phrase.
	 */
	{
		const char *sp = strchr(buf, ' ');

		if (sp != NULL && (strchr(sp + 1, ' ') != NULL ||
		    !isupper((unsigned char)sp[1]) ||
		    (sp[1] != '\0' && isupper((unsigned char)sp[2]))))
			return 0;	/* not "THANH TUYỀN", "LOCAL NEWS" */
	}
	for (i = 0; i < len; i++) {
		if (isupper((unsigned char)buf[i]) ||
		    ((unsigned char)buf[i] == 0xC4 &&
		    (unsigned char)buf[i + 1] == 0x90)) {
			if ((unsigned char)buf[i] == 0xC4)
				i++;
			if (++run > best)
				best = run;
		} else
			run = 0;
	}
	return best >= 3;
}

char *
outlet_name(const char *s, size_t len)
{
	const char	*name;

	while (len > 0 && (*s == ' ' || *s == '(' || *s == '-'))
		s++, len--;
	while (len > 0 && strchr(" .,;:)-", s[len - 1]) != NULL)
		len--;
	if (len == 0)
		return NULL;
	if ((name = outlet_find(s, len)) != NULL)
		return xstrdup(name);
	if (outlet_like(s, len))
		return xstrndup(s, len);
	return NULL;
}

int
outlet_table_check(char **cause)
{
	size_t		 i;
	const char	*p, *bar;
	char		*k, *key;

	*cause = NULL;
	for (i = 0; i < NOUTLETS; i++) {
		for (p = outlets[i].keys; ; p = bar + 1) {
			bar = strchr(p, '|');
			k = bar != NULL ? xstrndup(p, (size_t)(bar - p)) :
			    xstrdup(p);
			key = outlet_key(k, strlen(k));
			if (strcmp(key, k) != 0 || *k == '\0') {
				*cause = xasprintf("%s: key '%s' is not written "
				    "folded ('%s')", outlets[i].name, k, key);
				free(k);
				free(key);
				return -1;
			}
			free(k);
			free(key);
			if (bar == NULL)
				break;
		}
		if (outlet_find(outlets[i].name, strlen(outlets[i].name)) ==
		    NULL) {
			*cause = xasprintf("%s: its name finds no outlet",
			    outlets[i].name);
			return -1;
		}
	}
	return 0;
}
