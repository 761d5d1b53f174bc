"""Which passages contain a string, without scanning the corpus: a character-bigram index, checked exactly.

For every passage (its text in search-key form, index.normalize.search_key) the distinct bigrams of adjacent characters are
recorded as sorted ``key << ROW_BITS | row`` values (key = the two code points). A string of two or more
characters can only occur in a passage that has all of its bigrams, so intersecting their rows gives the
candidates, and each candidate's own text is then checked: matches are exact and never span two passages.
Single characters are looked up in the set of every character of the corpus.

Candidates are checked in their folded form, read from ``ngrams/texts.bin`` (one positional read a candidate); an
index built before that file existed folds each candidate's text from chunks.jsonl instead (about 20x slower: a
question's English word such as 'won' can have thousands of candidates at a million passages).

Files::

    ngrams/pairs.npy         uint64, sorted: (bigram key << 23) | row
    ngrams/chars.npy         uint32, sorted: every code point that occurs
    ngrams/texts.bin         every passage's text in folded form, UTF-8, in row order
    ngrams/text_offsets.npy  int64, rows + 1: row i's bytes are texts.bin[offsets[i]:offsets[i + 1]]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from index.normalize import search_key

PAIRS = "ngrams/pairs.npy"
CHARS = "ngrams/chars.npy"
TEXTS = "ngrams/texts.bin"
TEXT_OFFSETS = "ngrams/text_offsets.npy"
ROW_BITS = 23
MAX_ROWS = 1 << ROW_BITS  # 8.4M passages per index
_SPAN = 0x110000  # code points


def codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def bigram_pairs(folded: Iterable[str], first_row: int) -> tuple[np.ndarray, np.ndarray]:
    """(sorted unique pair values, sorted unique code points) of folded texts numbered from first_row."""
    texts = list(folded)
    if not texts:
        return np.zeros(0, np.uint64), np.zeros(0, np.uint32)
    if first_row + len(texts) > MAX_ROWS:
        raise ValueError(f"an index holds at most {MAX_ROWS} passages")
    cps = codepoints("\x00".join(texts)).astype(np.uint64)
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    rows = np.repeat(np.arange(first_row, first_row + len(texts), dtype=np.uint64), lengths)[: len(cps)]
    left, right = cps[:-1], cps[1:]
    keep = (left != 0) & (right != 0)
    keys = left[keep] * np.uint64(_SPAN) + right[keep]
    pairs = np.unique((keys << np.uint64(ROW_BITS)) | rows[:-1][keep])
    chars = np.unique(cps[cps != 0]).astype(np.uint32)
    return pairs, chars


class BigramIndex:
    """Looks up the passages that contain a string (memory-mapped pairs; texts fetched to confirm)."""

    def __init__(self, folder: Path, text_of: Callable[[int], str]) -> None:
        self.pairs = np.load(folder / PAIRS, mmap_mode="r", allow_pickle=False)
        self.chars = np.asarray(np.load(folder / CHARS, allow_pickle=False))
        self.text_of = text_of  # row -> folded text (for an index without texts.bin)
        self.texts = FoldedTexts(folder) if (folder / TEXTS).exists() else None

    def close(self) -> None:
        if self.texts is not None:
            self.texts.close()

    def _rows(self, key: int) -> np.ndarray:
        low = np.uint64(key << ROW_BITS)
        high = np.uint64((key + 1) << ROW_BITS)
        a, b = np.searchsorted(self.pairs, [low, high])
        return np.asarray(self.pairs[a:b]) & np.uint64(MAX_ROWS - 1)

    def contains(self, needle: str) -> bool:
        """True when the folded needle occurs inside one passage."""
        if not needle:
            return False
        cps = [ord(c) for c in needle]
        if len(cps) == 1:
            i = np.searchsorted(self.chars, cps[0])
            return bool(i < len(self.chars) and self.chars[i] == cps[0])
        keys = sorted({a * _SPAN + b for a, b in zip(cps, cps[1:])})
        lists = []
        for key in keys:
            rows = self._rows(key)
            if not len(rows):
                return False
            lists.append(rows)
        lists.sort(key=len)
        candidates = lists[0]
        for rows in lists[1:]:
            candidates = np.intersect1d(candidates, rows, assume_unique=True)
            if not len(candidates):
                return False
        if self.texts is not None:
            return self.texts.any_contains(needle, candidates)
        return any(needle in self.text_of(int(row)) for row in candidates)


class FoldedTexts:
    """The passages' folded texts (texts.bin), read by row with positional reads (no mapped pages stay resident)."""

    def __init__(self, folder: Path) -> None:
        self.offsets = np.load(folder / TEXT_OFFSETS, allow_pickle=False)
        self._file = open(folder / TEXTS, "rb")

    def any_contains(self, needle: str, rows: np.ndarray) -> bool:
        """Whether the folded needle occurs in the folded text of one of the rows (checked in order, stopping at the
        first: blocks of growing size, so a needle found early costs no offsets of thousands of candidates)."""
        wanted = needle.encode()
        rows = np.asarray(rows, dtype=np.int64)
        at, size = 0, 8
        while at < len(rows):
            if any(wanted in text for text in self.read(rows[at : at + size])):
                return True
            at, size = at + size, size * 4
        return False

    def read(self, rows: np.ndarray):
        """The folded texts of the rows (int64 array), as UTF-8 bytes, one positional read each (a generator)."""
        fd = self._file.fileno()
        starts, ends = self.offsets[rows].tolist(), self.offsets[rows + 1].tolist()
        return (os.pread(fd, end - start, start) for start, end in zip(starts, ends))

    def close(self) -> None:
        self._file.close()


class BigramWriter:
    """Collects pair values in temporary bucket files (by first code point), then writes one sorted array.

    Bucket order is value order, so sorting each bucket alone sorts the whole: memory stays bounded by
    the largest bucket.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.tmp = folder / "ngrams" / "tmp"
        self.tmp.mkdir(parents=True)
        self._files: dict[int, object] = {}
        self._chars: set[int] = set()
        self._texts = open(folder / TEXTS, "wb")
        self._text_ends: list[np.ndarray] = []
        self._text_bytes = 0

    def add_texts(self, folded: Iterable[str]) -> None:
        """Append the next rows' folded texts (row order)."""
        self._append_texts([text.encode() for text in folded])

    def _append_texts(self, encoded: list[bytes]) -> None:
        sizes = np.fromiter((len(e) for e in encoded), dtype=np.int64, count=len(encoded))
        self._text_ends.append(self._text_bytes + np.cumsum(sizes))
        self._texts.write(b"".join(encoded))
        self._text_bytes += int(sizes.sum())

    def add(self, pairs: np.ndarray, chars: np.ndarray | None = None) -> None:
        if chars is not None:
            self._chars.update(chars.tolist())
        if not len(pairs):
            return
        buckets = (pairs >> np.uint64(ROW_BITS + _BUCKET_SHIFT)).astype(np.int64)
        edges = np.flatnonzero(np.diff(buckets)) + 1 if _is_sorted(buckets) else None
        if edges is None:
            order = np.argsort(buckets, kind="stable")
            pairs, buckets = pairs[order], buckets[order]
            edges = np.flatnonzero(np.diff(buckets)) + 1
        for part in np.split(np.arange(len(pairs)), edges):
            bucket = int(buckets[part[0]])
            handle = self._files.get(bucket)
            if handle is None:
                handle = self._files[bucket] = open(self.tmp / f"{bucket}.bin", "wb")
            handle.write(np.ascontiguousarray(pairs[part[0] : part[-1] + 1]).tobytes())

    def add_base(self, folder: Path, row_map: np.ndarray, block: int = 1 << 24, text_of=None) -> None:
        """The pairs and folded texts of an existing index, rows renumbered by row_map (old row -> new row, -1:
        dropped; the kept rows stay in their order). text_of(row) folds a row's text for an index without texts.bin."""
        kept = np.flatnonzero(row_map >= 0)
        if (folder / TEXTS).exists():
            texts = FoldedTexts(folder)
            try:
                for at in range(0, len(kept), 65_536):
                    self._append_texts(list(texts.read(kept[at : at + 65_536])))
            finally:
                texts.close()
        else:
            for at in range(0, len(kept), 65_536):
                self.add_texts(text_of(int(row)) for row in kept[at : at + 65_536])
        pairs = np.load(folder / PAIRS, mmap_mode="r", allow_pickle=False)
        for start in range(0, len(pairs), block):
            part = np.asarray(pairs[start : start + block])
            rows = row_map[(part & np.uint64(MAX_ROWS - 1)).astype(np.int64)]
            keep = rows >= 0
            self.add((part[keep] >> np.uint64(ROW_BITS) << np.uint64(ROW_BITS)) | rows[keep].astype(np.uint64))
        self._chars.update(np.load(folder / CHARS, allow_pickle=False).tolist())

    def finish(self) -> None:
        from index.store.files import NpyAppender

        out = NpyAppender(self.folder / PAIRS, np.uint64)
        for bucket in sorted(self._files):
            self._files[bucket].close()
            path = self.tmp / f"{bucket}.bin"
            values = np.fromfile(path, dtype=np.uint64)
            values.sort()
            out.append(values)
            path.unlink()
        out.close()
        self.tmp.rmdir()
        self._texts.close()
        offsets = np.concatenate([np.zeros(1, np.int64), *self._text_ends])
        np.save(self.folder / TEXT_OFFSETS, offsets, allow_pickle=False)
        np.save(self.folder / CHARS, np.asarray(sorted(self._chars), dtype=np.uint32), allow_pickle=False)


_BUCKET_SHIFT = 21 + 10  # bucket = first code point >> 10


def _is_sorted(values: np.ndarray) -> bool:
    return bool(len(values) < 2 or (values[1:] >= values[:-1]).all())


def fold_text(text: str) -> str:
    """The form passages are indexed and looked up in: index.normalize.search_key (南陽 finds 南阳)."""
    return search_key(text).replace("\x00", "")
