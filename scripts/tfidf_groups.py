#!/usr/bin/env python3
"""A second baseline: plain TF-IDF over sentences and union-find grouping, in the standard
library only, on the same folder Parallax reads.

    cargo run --release --example perf -- --write /tmp/corpora 1000 10000
    python3 scripts/tfidf_groups.py /tmp/corpora/1000

It reads every .txt/.md/.html file, drops front matter crudely, splits sentences on end
punctuation, weighs words by TF-IDF (sublinear tf, a short stop list), links two sentences of
different documents whose cosine is at least 0.42 (Parallax's link threshold), found through an
inverted index of each sentence's five heaviest words (a word in more than 96 sentences is
left out of the index, as Parallax leaves it out: the work stays close to linear;
`--uncapped` keeps every word, as a first draft would), and joins the links with union-find into
groups of at most 12 sentences. "Disputed" is a group whose sentences give different numbers
or hold a denial word. It knows nothing of speakers or sides: it is what a script written in an
afternoon does.
"""
import math
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“‘])")
WORD = re.compile(r"[a-z0-9£%.]+")
NUMBER = re.compile(r"\d[\d,.]*")
STOP = set(
    "a an and are as at be but by for from had has have he her his i in is it its of on or "
    "our she that the their them they this to was we were which who will with would said "
    "says not".split()
)
MAX_POSTINGS = 96
DENIAL = {"deny", "denied", "denies", "false", "untrue", "misleading", "rejected", "disputes"}


def sentences(root: Path):
    out = []
    for doc, path in enumerate(sorted(root.rglob("*"))):
        if path.suffix.lower() not in {".txt", ".md", ".html", ".htm"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.startswith("---"):
            end = text.find("\n---", 3)
            if end > 0:
                text = text[end + 4 :]
        text = re.sub(r"<[^>]+>", " ", text)
        for para in re.split(r"\n\s*\n", text):
            para = " ".join(para.split())
            out.extend((doc, s) for s in SENTENCE.split(para) if len(s.split()) >= 4)
    return out


def vectors(sents):
    bags = [Counter(w for w in WORD.findall(s.lower()) if w not in STOP) for _, s in sents]
    df = Counter(w for bag in bags for w in bag)
    n = len(bags)
    out = []
    for bag in bags:
        v = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w])) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({w: x / norm for w, x in v.items()})
    return out


def find(parent, x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def group(sents, vecs):
    index = defaultdict(list)
    for i, v in enumerate(vecs):
        for w in sorted(v, key=v.get, reverse=True)[:5]:
            index[w].append(i)
    if "--uncapped" not in sys.argv:
        index = {w: ids for w, ids in index.items() if len(ids) <= MAX_POSTINGS}
    parent = list(range(len(vecs)))
    size = [1] * len(vecs)
    for i, v in enumerate(vecs):
        seen = set()
        for w in sorted(v, key=v.get, reverse=True)[:5]:
            for j in index.get(w, ()):
                if j <= i or j in seen or sents[j][0] == sents[i][0]:
                    continue
                seen.add(j)
                other = vecs[j]
                cos = sum(x * other.get(w2, 0.0) for w2, x in v.items())
                if cos < 0.42:
                    continue
                a, b = find(parent, i), find(parent, j)
                if a != b and size[a] + size[b] <= 12:
                    parent[b] = a
                    size[a] += size[b]
    groups = defaultdict(list)
    for i in range(len(vecs)):
        groups[find(parent, i)].append(i)
    return [g for g in groups.values() if len({sents[i][0] for i in g}) > 1]


def disputed(sents, g):
    numbers = {n for i in g for n in NUMBER.findall(sents[i][1])}
    words = {w for i in g for w in WORD.findall(sents[i][1].lower())}
    return len(numbers) > 1 or bool(words & DENIAL)


def main():
    for folder in [a for a in sys.argv[1:] if not a.startswith("--")]:
        t0 = time.perf_counter()
        sents = sentences(Path(folder))
        t1 = time.perf_counter()
        vecs = vectors(sents)
        t2 = time.perf_counter()
        groups = group(sents, vecs)
        flagged = sum(1 for g in groups if disputed(sents, g))
        t3 = time.perf_counter()
        print(
            f"{folder}: {len(sents)} sentences; read {t1 - t0:.2f} s, tf-idf {t2 - t1:.2f} s, "
            f"grouping {t3 - t2:.2f} s: total {t3 - t0:.2f} s, {len(groups)} groups, "
            f"{flagged} disputed"
        )


if __name__ == "__main__":
    main()
