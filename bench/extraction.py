#!/usr/bin/env python3
"""extraction.py: how well newsread finds the article body of saved HTML
pages, scored as the public article extraction benchmarks score it.

usage: bench/extraction.py NEWSREAD DIR [--pages] [--save FILE]
       bench/extraction.py NEWSREAD --snippets DIR

--snippets: DIR is a checkout of adbar/trafilatura, whose tests/
evaldata.json lists for each page (in tests/cache or tests/eval) up to six
snippets of text that the extraction must hold and six it must not; it is
scored as that project scores extractors: a snippet is found when it is a
substring of the lead and paragraphs, white space runs made one space;
precision, recall, accuracy and F1 over all the snippets.

DIR holds the benchmark: ground-truth.json (an object of page id ->
{"articleBody": ..., "url": ...}) and html/ID.html.gz (or ID.html). One
such benchmark is scrapinghub/article-extraction-benchmark on GitHub (181
pages of many outlets and languages, with the scores of other
extractors); never commit its pages.

Each page is cleaned with `NEWSREAD clean --json`; the article body is
the lead and the paragraphs, one a line. The score is the benchmark's:
the text cut into words (runs of \\w), the words into overlapping runs of
four (shingles), and per page the shingles in both / only newsread's /
only the truth's, normalised so that every page weighs the same;
precision and recall are the means over pages, F1 their harmonic mean.
A page where neither has a shingle counts for neither.
--pages prints each page's precision, recall and URL, worst recall
first; --save writes the bodies (id -> {"articleBody": ...}) as JSON.
"""
import collections
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

WORD = re.compile(r'\w+')


def shingles(text, n=4):
    words = WORD.findall(text or '')
    return collections.Counter(tuple(words[i:i + n])
                               for i in range(max(1, len(words) - n + 1)))


def page_score(truth, body):
    """(tp, fp, fn) of one page, summing to 1 (or all 0)."""
    t, b = shingles(truth), shingles(body)
    t.pop((), None)
    b.pop((), None)
    tp = sum((t & b).values())
    fp = sum((b - t).values())
    fn = sum((t - b).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def snippets(newsread, top):
    """Score the snippets of trafilatura's evaluation set."""
    with open(os.path.join(top, 'tests', 'evaldata.json'),
              encoding='utf-8') as f:
        data = json.load(f)
    paths = {}
    for url, item in data.items():
        for sub in ('cache', 'eval'):
            path = os.path.join(top, 'tests', sub, item['file'])
            if os.path.isfile(path):
                paths[url] = path
                break
        else:
            sys.exit('extraction.py: no tests/{cache,eval}/%s' % item['file'])
    files = sorted(set(paths.values()))
    texts = {}
    for i in range(0, len(files), 200):
        res = subprocess.run([newsread, 'clean', '--json'] + files[i:i + 200],
                             capture_output=True, check=False)
        for line in res.stdout.decode('utf-8').splitlines():
            a = json.loads(line)
            parts = ([a['lead']] if a.get('lead') else []) + a.get('body', [])
            texts[a['file']] = ' '.join(' '.join(parts).split())
    tp = fp = fn = tn = 0
    for url, item in data.items():
        text = texts.get(paths[url], '')
        want = [' '.join(w.split()) for w in item['with'][:6]]
        shun = [' '.join(w.split()) for w in item['without'][:6]]
        got = sum(1 for w in want if text and w in text)
        bad = sum(1 for w in shun if text and w in text)
        tp, fn = tp + got, fn + len(want) - got
        fp, tn = fp + bad, tn + len(shun) - bad
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print('%d pages, %d snippets to find, %d to leave: F1 %.3f, precision '
          '%.3f, recall %.3f, accuracy %.3f; %d with no body'
          % (len(data), tp + fn, tn + fp, 2 * tp / (2 * tp + fp + fn),
             p, r, (tp + tn) / (tp + tn + fp + fn),
             sum(1 for f in files if not texts.get(f))))


def main():
    if len(sys.argv) == 4 and sys.argv[2] == '--snippets':
        snippets(sys.argv[1], sys.argv[3])
        return
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    save = None
    if '--save' in sys.argv:
        save = sys.argv[sys.argv.index('--save') + 1]
        args.remove(save)
    if len(args) != 2:
        sys.exit('usage: extraction.py NEWSREAD DIR [--pages] [--save FILE]')
    newsread, top = args
    with open(os.path.join(top, 'ground-truth.json'), encoding='utf-8') as f:
        truth = json.load(f)
    bodies = {}
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for pid in sorted(truth):
            for name in (pid + '.html.gz', pid + '.html'):
                path = os.path.join(top, 'html', name)
                if os.path.exists(path):
                    break
            else:
                sys.exit('extraction.py: no html/%s.html(.gz)' % pid)
            out = os.path.join(tmp, pid + '.html')
            opener = gzip.open if path.endswith('.gz') else open
            with opener(path, 'rb') as src, open(out, 'wb') as dst:
                dst.write(src.read())
            files.append(out)
        res = subprocess.run([newsread, 'clean', '--json'] + files,
                             capture_output=True, check=False)
        for line in res.stdout.decode('utf-8').splitlines():
            a = json.loads(line)
            pid = os.path.basename(a['file'])[:-len('.html')]
            parts = ([a['lead']] if a.get('lead') else []) + a.get('body', [])
            bodies[pid] = '\n'.join(parts)
    scores, rows = [], []
    for pid in sorted(truth):
        t = truth[pid].get('articleBody', '')
        s = page_score(t, bodies.get(pid, ''))
        scores.append(s)
        rows.append((recall(*s), precision(*s), pid, truth[pid].get('url', '')))
    ps = [precision(*s) for s in scores if s[0] + s[1] > 0]
    rs = [recall(*s) for s in scores if s[0] + s[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    if '--pages' in sys.argv:
        for rr, pp, pid, url in sorted(rows):
            print('R %.2f P %.2f %s %s' % (rr, pp, pid[:10], url[:80]))
    print('%d pages: F1 %.3f, precision %.3f, recall %.3f; %d with no body'
          % (len(truth), f1, p, r,
             sum(1 for pid in truth if not bodies.get(pid))))
    if save:
        with open(save, 'w', encoding='utf-8') as f:
            json.dump({k: {'articleBody': v} for k, v in bodies.items()}, f)


if __name__ == '__main__':
    main()
