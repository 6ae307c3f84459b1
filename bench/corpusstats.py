#!/usr/bin/env python3
"""corpusstats.py: what a folder of pages is made of, to compare bench/gen's
pages with a real corpus: lengths, and the words' frequencies.

usage: bench/corpusstats.py DIR [EVERY]   (every EVERY-th page, in name
order, of DIR's *.txt at any depth; EVERY is 1 by default)

Words are runs of letters and digits (\\w+), compared lowercased.
"""
import collections
import math
import os
import re
import sys


def pages(top, every):
    names = []
    for d, _, files in os.walk(top):
        names += [os.path.join(d, f) for f in files if f.endswith('.txt')]
    names.sort()
    return names[every - 1::every]


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit('usage: corpusstats.py DIR [EVERY]')
    every = int(sys.argv[2]) if len(sys.argv) == 3 else 1
    files = pages(sys.argv[1], every)
    if not files:
        sys.exit('corpusstats.py: no pages')
    word = re.compile(r'\w+')
    count = collections.Counter()
    sizes, nwords, nlines = [], [], []
    numbers = capitals = total = 0
    for f in files:
        with open(f, 'rb') as fp:
            b = fp.read()
        sizes.append(len(b))
        t = b.decode('utf-8', 'replace')
        nlines.append(sum(1 for x in t.split('\n') if x.strip()))
        ws = word.findall(t)
        nwords.append(len(ws))
        for w in ws:
            total += 1
            if w[0].isdigit():
                numbers += 1
            elif w[0].isupper():
                capitals += 1
            count[w.lower()] += 1
    total = max(total, 1)

    def median(a):
        return sorted(a)[len(a) // 2]

    freq = [c for _, c in count.most_common()]
    # the slope of log frequency against log rank, ranks 10 to 1,000
    pts = [(math.log(r + 1), math.log(freq[r]))
           for r in range(9, min(1000, len(freq)))]
    slope = 0.0
    if len(pts) > 1:
        mx = sum(x for x, _ in pts) / len(pts)
        my = sum(y for _, y in pts) / len(pts)
        slope = -sum((x - mx) * (y - my) for x, y in pts) / \
            sum((x - mx) ** 2 for x, _ in pts)
    once = sum(1 for c in freq if c == 1)
    cover = [sum(freq[:k]) * 100 / total for k in (10, 100, 1000)]
    print(f'pages {len(files)}; bytes a page mean {sum(sizes) / len(sizes):.0f}'
          f' median {median(sizes)} p90 {sorted(sizes)[int(len(sizes) * .9)]};'
          f' lines a page median {median(nlines)};'
          f' words a page mean {sum(nwords) / len(nwords):.0f}'
          f' median {median(nwords)}')
    print(f'distinct words {len(count)} ({len(count) * 1000 / total:.1f} per'
          f' 1,000 words); seen once {once}; numbers'
          f' {numbers * 100 / total:.1f}%; capitalised'
          f' {capitals * 100 / total:.1f}%; top 10 / 100 / 1,000 words'
          f' cover {cover[0]:.0f}% / {cover[1]:.0f}% / {cover[2]:.0f}%;'
          f' Zipf slope (ranks 10-1,000) {slope:.2f}')


main()
