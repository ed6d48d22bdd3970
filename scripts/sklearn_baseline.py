#!/usr/bin/env python3
"""The baseline a data journalist would otherwise use: scikit-learn TF-IDF over sentences with
cosine nearest neighbours, on the same folder Parallax reads.

    pip install scikit-learn
    cargo run --release --example perf -- --write /tmp/corpora 1000 10000
    python3 scripts/sklearn_baseline.py /tmp/corpora/1000 /tmp/corpora/10000

It reads every .txt/.md/.html file, drops front matter crudely, splits sentences on end
punctuation, vectorises them (English stop words, sublinear tf) and finds, for every
sentence, its 5 nearest neighbours by cosine (brute force on the sparse matrix, all cores),
keeping pairs above 0.42 (Parallax's link threshold); and, the faster way, a chunked sparse
product X·Xᵀ keeping the same pairs. It knows nothing of speakers, sides,
figures, dates or disputes: it only says which sentences look alike.
"""
import re
import sys
import time
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.neighbors import NearestNeighbors

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“‘])")


def sentences(root: Path):
    out = []
    for path in sorted(root.rglob("*")):
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
            out.extend(s for s in SENTENCE.split(para) if len(s.split()) >= 4)
    return out


def main():
    # --no-knn: only the sparse product (brute-force kNN grows with the square of the sentences)
    knn = "--no-knn" not in sys.argv
    for folder in [a for a in sys.argv[1:] if not a.startswith("--")]:
        t0 = time.perf_counter()
        sents = sentences(Path(folder))
        t1 = time.perf_counter()
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(sents)
        t2 = time.perf_counter()
        pairs = 0
        if knn:
            k = min(6, len(sents))
            nn = NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute", n_jobs=-1)
            dist, idx = nn.fit(matrix).kneighbors(matrix)
            pairs = sum(1 for row, d in zip(idx, dist) for x in d[1:] if 1 - x >= 0.42)
        t3 = time.perf_counter()
        # the rows are L2-normalised, so X·Xᵀ is the cosine; in chunks to bound memory
        dot_pairs = 0
        for start in range(0, matrix.shape[0], 2000):
            block = matrix[start : start + 2000] @ matrix.T
            dot_pairs += int((block.data >= 0.42).sum()) - block.shape[0]
        t4 = time.perf_counter()
        print(
            f"{folder}: {len(sents)} sentences; read {t1 - t0:.2f} s, tf-idf {t2 - t1:.2f} s; "
            f"kNN (k=5, brute, cosine) {t3 - t2:.2f} s: total {t3 - t0:.2f} s, {pairs} pairs; "
            f"sparse X·Xᵀ {t4 - t3:.2f} s: total {t4 - t3 + t2 - t0:.2f} s, {dot_pairs // 2} pairs"
        )


if __name__ == "__main__":
    main()
