/*
 * test_story.c: signatures, resemblance, bands, and the labelled pairs of
 * tests/data/stories/articles.txt: versions of one story (a new headline
 * and an outlet's tag, the lead cut and a paragraph dropped, a paragraph
 * added and the numbers updated, and these against each other) and texts
 * that are not (other events on one subject, one template with other
 * text, a brief quoted inside a long article). Precision >= 0.98 and
 * recall >= 0.95 over the pairs.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "story.h"
#include "tap.h"
#include "text.h"
#include "util.h"

#define MAX_ART	64

struct entry {
	char		 name[64];
	char		 topic[64];
	char		 quotes[64];	/* a long article: the brief it quotes */
	struct article	*a;
	char		*extra;		/* a paragraph kept aside */
};

static struct entry	ent[MAX_ART];
static size_t		nent;

static struct entry *
find(const char *name)
{
	size_t	i;

	for (i = 0; i < nent; i++)
		if (strcmp(ent[i].name, name) == 0)
			return &ent[i];
	return NULL;
}

static void
load(const char *path)
{
	FILE		*fp;
	char		 line[4096];
	struct entry	*e = NULL;
	int		 field = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		perror(path);
		exit(1);
	}
	while (fgets(line, sizeof line, fp) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#')
			continue;
		if (line[0] == '\0') {
			e = NULL;
			continue;
		}
		if ((line[0] == '=' || line[0] == '>') && line[1] == ' ') {
			e = &ent[nent++];
			if (sscanf(line + 2, "%63s %63s", e->name,
			    line[0] == '=' ? e->topic : e->quotes) != 2)
				exit(1);
			if (line[0] == '>')
				strcpy(e->topic, "long");
			e->a = article_new();
			field = 0;
			continue;
		}
		if (e == NULL)
			continue;
		if (strncmp(line, "+ ", 2) == 0)
			e->extra = xstrdup(line + 2);
		else if (field == 0)
			e->a->title = xstrdup(line), field++;
		else if (field == 1)
			e->a->lead = xstrdup(line), field++;
		else if (strcmp(line, "*") == 0) {
			struct entry	*q = find(e->quotes);
			size_t		 i;

			if (q == NULL)
				exit(1);
			strv_add(&e->a->body, q->a->lead);
			for (i = 0; i < q->a->body.n; i++)
				strv_add(&e->a->body, q->a->body.v[i]);
		} else
			strv_add(&e->a->body, line);
	}
	fclose(fp);
}

static struct article *
copy(const struct article *a)
{
	struct article	*c = article_new();
	size_t		 i;

	c->title = a->title != NULL ? xstrdup(a->title) : NULL;
	c->lead = a->lead != NULL ? xstrdup(a->lead) : NULL;
	for (i = 0; i < a->body.n; i++)
		strv_add(&c->body, a->body.v[i]);
	return c;
}

/* Republished: a new headline, the wire's tag before the lead, a credit
 * after the text. */
static struct article *
retitled(const struct article *a)
{
	struct article	*c = copy(a);

	free(c->title);
	c->title = xasprintf("Tin mới: %s", a->title);
	free(c->lead);
	c->lead = xasprintf("(TTXVN) - %s", a->lead);
	strv_add(&c->body, "Theo Thông tấn xã Việt Nam");
	return c;
}

/* Trimmed: the lead cut and the middle paragraph dropped. */
static struct article *
trimmed(const struct article *a)
{
	struct article	*c = copy(a);
	size_t		 mid = c->body.n / 2;

	free(c->lead);
	c->lead = NULL;
	free(c->body.v[mid]);
	memmove(c->body.v + mid, c->body.v + mid + 1,
	    (c->body.n - mid - 1) * sizeof *c->body.v);
	c->body.n--;
	return c;
}

/* Each number with its last digit moved on by one. */
static char *
renumbered(const char *s)
{
	char	*r = xstrdup(s), *p;

	for (p = r; *p != '\0'; p++)
		if (isdigit((unsigned char)*p) &&
		    !isdigit((unsigned char)p[1]))
			*p = *p == '9' ? '0' : *p + 1;
	return r;
}

/* Updated: a paragraph added and the numbers updated. */
static struct article *
updated(const struct article *a, const char *extra)
{
	struct article	*c = article_new();
	size_t		 i;

	c->title = xstrdup(a->title);
	c->lead = renumbered(a->lead);
	for (i = 0; i < a->body.n; i++)
		strv_push(&c->body, renumbered(a->body.v[i]));
	strv_add(&c->body, extra != NULL ? extra :
	    "Sự việc đang được các cơ quan chức năng tiếp tục theo dõi.");
	return c;
}

struct tally {
	int	tp, fn, fp, tn;
};

/* Whether the index finds one signature from the other: a band shared. */
static int
candidates(const struct story_sig *x, const struct story_sig *y)
{
	int64_t	kx[STORY_BANDS], ky[STORY_BANDS];
	int	i;

	story_bands(x, kx);
	story_bands(y, ky);
	for (i = 0; i < STORY_BANDS; i++)
		if (kx[i] == ky[i])
			return 1;
	return 0;
}

static void
judge(struct tally *t, const struct article *x, const struct article *y,
    int same, const char *what, const char *n1, const char *n2)
{
	struct story_sig	sx, sy;
	int			got, r = 0;

	got = story_sign(x, &sx) == 0 && story_sign(y, &sy) == 0 &&
	    story_same(&sx, &sy) && candidates(&sx, &sy);
	if (got)
		r = story_resemblance(&sx, &sy);
	else if (story_sign(x, &sx) == 0 && story_sign(y, &sy) == 0)
		r = story_resemblance(&sx, &sy);
	if (same && got)
		t->tp++;
	else if (same)
		t->fn++;
	else if (got)
		t->fp++;
	else
		t->tn++;
	if (got != same || getenv("STORY_VERBOSE") != NULL)
		printf("# %s %s: %s / %s (resemblance %d/64)\n",
		    got == same ? "right" : "WRONG", what, n1, n2, r);
}

static int
base(const struct entry *e)
{
	return strncmp(e->topic, "tpl-", 4) != 0 &&
	    strcmp(e->topic, "brief") != 0 && strcmp(e->topic, "long") != 0;
}

static void
pairs(void)
{
	struct tally	 t = { 0 };
	struct article	*v[MAX_ART][4];
	size_t		 i, j;
	int		 k, l;
	double		 precision, recall;
	static const char *kinds[16] = {
		[1] = "version (retitled)", [2] = "version (trimmed)",
		[3] = "version (updated)", [6] = "versions (retitled, trimmed)",
		[7] = "versions (retitled, updated)",
		[11] = "versions (trimmed, updated)"
	};

	for (i = 0; i < nent; i++) {
		v[i][0] = ent[i].a;
		v[i][1] = retitled(ent[i].a);
		v[i][2] = trimmed(ent[i].a);
		v[i][3] = updated(ent[i].a, ent[i].extra);
	}
	for (i = 0; i < nent; i++) {
		if (!base(&ent[i]))
			continue;
		/* versions: the original against each edit, and the edits
		 * against each other */
		for (k = 0; k < 4; k++)
			for (l = k + 1; l < 4; l++)
				judge(&t, v[i][k], v[i][l], 1, kinds[k * 4 + l],
				    ent[i].name, ent[i].name);
		/* other events on the same subject */
		for (j = i + 1; j < nent; j++) {
			if (strcmp(ent[i].topic, ent[j].topic) != 0)
				continue;
			judge(&t, v[i][0], v[j][0], 0, "same subject",
			    ent[i].name, ent[j].name);
			judge(&t, v[i][1], v[j][2], 0, "same subject",
			    ent[i].name, ent[j].name);
		}
	}
	for (i = 0; i < nent; i++) {
		if (strncmp(ent[i].topic, "tpl-", 4) == 0) {
			for (j = i + 1; j < nent; j++)
				if (strcmp(ent[i].topic, ent[j].topic) == 0)
					judge(&t, v[i][0], v[j][0], 0,
					    "same template", ent[i].name,
					    ent[j].name);
		} else if (strcmp(ent[i].topic, "long") == 0) {
			const struct entry	*b = find(ent[i].quotes);
			size_t			 bi = (size_t)(b - ent);

			judge(&t, v[bi][0], v[i][0], 0, "quoted brief",
			    b->name, ent[i].name);
			judge(&t, v[bi][1], v[i][0], 0, "quoted brief",
			    b->name, ent[i].name);
			judge(&t, v[bi][0], v[i][2], 0, "quoted brief",
			    b->name, ent[i].name);
		}
	}
	precision = t.tp + t.fp > 0 ? (double)t.tp / (t.tp + t.fp) : 0;
	recall = t.tp + t.fn > 0 ? (double)t.tp / (t.tp + t.fn) : 0;
	printf("# pairs: %d same, %d not; tp %d fn %d fp %d tn %d\n",
	    t.tp + t.fn, t.fp + t.tn, t.tp, t.fn, t.fp, t.tn);
	ok(t.tp + t.fn >= 40, "at least 40 pairs of versions (%d)",
	    t.tp + t.fn);
	ok(t.fp + t.tn >= 40, "at least 40 pairs that are not (%d)",
	    t.fp + t.tn);
	ok(precision >= 0.98, "precision %.3f >= 0.98", precision);
	ok(recall >= 0.95, "recall %.3f >= 0.95", recall);
	for (i = 0; i < nent; i++)
		for (k = 1; k < 4; k++)
			article_free(v[i][k]);
}

static void
basics(void)
{
	struct story_sig	 x, y, z;
	unsigned char		 enc[STORY_SIG_BYTES];
	int64_t			 kx[STORY_BANDS], ky[STORY_BANDS];
	const char		*t1 = "Mưa lớn kéo dài khiến nước sông dâng "
	    "cao, nhiều xã ven sông bị ngập sâu và hàng nghìn người phải "
	    "sơ tán đến nơi an toàn trong đêm";
	const char		*t2 = "MƯA LỚN kéo dài khiến nước sông dâng "
	    "cao; nhiều xã ven sông bị ngập sâu, và hàng nghìn người phải "
	    "so tan đến nơi an toàn trong đêm!";
	int			 i, shared = 0;

	ok(story_sign_text(t1, strlen(t1), &x) == 0, "a text of 26 words "
	    "has a signature");
	ok(story_sign_text(t2, strlen(t2), &y) == 0, "and its copy");
	ok(story_resemblance(&x, &y) == STORY_HASHES,
	    "case, marks and punctuation do not count");
	ok(story_sign_text("Tin ngắn một dòng", 21, &z) == -1,
	    "a line too short to tell has none");
	story_sig_encode(&x, enc);
	ok(story_sig_decode(enc, sizeof enc, &z) == 0 &&
	    memcmp(&x, &z, sizeof x) == 0, "a signature round-trips as bytes");
	ok(story_sig_decode(enc, sizeof enc - 1, &z) == -1,
	    "bytes of the wrong length are refused");
	story_bands(&x, kx);
	story_bands(&y, ky);
	for (i = 0; i < STORY_BANDS; i++)
		shared += kx[i] == ky[i];
	ok(shared == STORY_BANDS, "equal signatures share every band");
	ok(kx[0] != kx[1], "bands differ from one another");
}

static void
keywords(void)
{
	struct article	*a = article_new();
	struct strv	 k = { 0 }, l = { 0 };
	struct buf	 b = { 0 };
	size_t		 i;

	a->title = xstrdup("Mưa lũ ở Quảng Ngãi");
	strv_add(&a->body, "Theo Ban chỉ huy tỉnh, nước sông Trà Khúc lên; "
	    "2.350 hộ ở huyện Nghĩa Hành được đưa đi trong năm 2024, ngày "
	    "14/10. Tại Quảng Ngãi, mưa còn kéo dài.");
	story_keywords(a, &k);
	for (i = 0; i < k.n; i++)
		buf_printf(&b, "%s[%s]", i > 0 ? " " : "", k.v[i]);
	is_str(b.s, "[quang ngai] [tra khuc] [nghia hanh] [2 350]",
	    "keywords: names of several words, then figures; not sentence "
	    "openers, years or dates");
	strv_add(&l, "tra khuc");
	strv_add(&l, "2 350");
	strv_add(&l, "ha noi");
	ok(story_keywords_shared(&k, &l) == 2, "two keywords shared");
	buf_free(&b);
	strv_free(&k);
	strv_free(&l);
	article_free(a);
}

int
main(void)
{
	const char	*top = getenv("top_srcdir");
	char		*path;
	size_t		 i;

	text_init();
	path = xasprintf("%s/tests/data/stories/articles.txt",
	    top != NULL ? top : ".");
	load(path);
	free(path);
	basics();
	keywords();
	pairs();
	for (i = 0; i < nent; i++) {
		article_free(ent[i].a);
		free(ent[i].extra);
	}
	return done_testing();
}
