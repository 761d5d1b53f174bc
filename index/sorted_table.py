"""A large read-mostly str -> value table looked up by binary search over sorted keys, without building a dict.

Building a dict of half a million words costs about 0.3 s (every key is hashed); a question looks up a few hundred.
SortedTable answers lookups from one newline-joined string of the sorted keys and an offset array, remembers every
answer, and becomes a plain dict (built once) after ``limit`` distinct lookups, so a long run (an index build) pays
the dict once and then looks up at dict speed. Writes (jieba's add_word) go to an overlay kept through the switch.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator, MutableMapping, Sequence

_MISSING = object()


class RememberedLookups:
    """A table's look-ups by its _search, each remembered, until more than _limit keys were asked: then the whole
    table as a dict (its materialise()) answers. _find gives _MISSING for a key the table lacks."""

    def _find(self, key):
        full = self._full
        if full is not None:
            return full.get(key, _MISSING)
        found = self._seen.get(key, self)
        if found is self:
            found = self._search(key) if isinstance(key, str) else _MISSING
            self._seen[key] = found
            if len(self._seen) > self._limit:
                self.materialise()
        return found

    def get(self, key, default=None):
        found = self._find(key)
        return default if found is _MISSING else found

    def __getitem__(self, key):
        found = self._find(key)
        if found is _MISSING:
            raise KeyError(key)
        return found

    def __contains__(self, key) -> bool:
        return self._find(key) is not _MISSING


class SortedTable(RememberedLookups, MutableMapping):
    """A mapping over sorted keys; see the module docstring."""

    def __init__(self, keys: str, offsets: Sequence[int], values: Sequence, decode: Callable | None = None,
                 limit: int = 20_000, on_full: Callable[[dict], None] | None = None) -> None:
        """
        Args:
            keys: the keys in sorted order, each followed by a newline.
            offsets: where each key starts in keys, and one more entry: len(keys).
            values: the value of each key (same order), as stored.
            decode: turns a stored value into the mapping's value; returning None means the key is absent.
            limit: distinct lookups after which the table becomes a dict.
            on_full: called with the dict when it is built (to put it where the table was used).
        """
        self._keys, self._offsets, self._values = keys, offsets, values
        self._count = len(offsets) - 1
        self._decode = decode
        self._limit, self._on_full = limit, on_full
        self._seen: dict = {}
        self._written: dict = {}
        self._added = 0  # written keys the stored ones lack (len() without building the dict)
        self._stored: int | None = None  # stored keys whose value is present (counted on the first len())
        self._full: dict | None = None
        self._lock = threading.Lock()

    def _search(self, key: str):
        keys, offsets = self._keys, self._offsets
        low, high = 0, self._count
        while low < high:
            middle = (low + high) >> 1
            if keys[offsets[middle] : offsets[middle + 1] - 1] < key:
                low = middle + 1
            else:
                high = middle
        if low < self._count and keys[offsets[low] : offsets[low + 1] - 1] == key:
            value = self._values[low]
            if self._decode is not None:
                value = self._decode(value)
            return _MISSING if value is None else value
        return _MISSING

    def materialise(self) -> dict:
        """The whole table as a dict (built on the first call), with the writes applied."""
        with self._lock:
            if self._full is None:
                keys = self._keys.split("\n")[: self._count]
                values = self._values if self._decode is None else map(self._decode, self._values)
                full = {k: v for k, v in zip(keys, values) if v is not None}
                full.update(self._written)
                self._full = full
                self._seen = {}
                if self._on_full is not None:
                    self._on_full(full)
            return self._full

    def __setitem__(self, key, value) -> None:
        with self._lock:
            if self._full is not None:
                self._full[key] = value
                return
            if key not in self._written and (not isinstance(key, str) or self._search(key) is _MISSING):
                self._added += 1
            self._written[key] = value
            self._seen[key] = value

    def __delitem__(self, key) -> None:
        self.materialise()
        del self._full[key]

    def __iter__(self) -> Iterator:
        return iter(self.materialise())

    def __len__(self) -> int:
        """The number of keys, without building the dict (jieba's tokenizer asks it on every cut)."""
        with self._lock:
            if self._full is not None:
                return len(self._full)
            if self._stored is None:
                decode = self._decode
                counts = Counter(self._values) if decode is not None else {}
                self._stored = self._count if decode is None else sum(n for v, n in counts.items() if decode(v) is not None)
            return self._stored + self._added

    def __eq__(self, other) -> bool:
        return self.materialise() == (other.materialise() if isinstance(other, SortedTable) else other)

    __hash__ = None


def sorted_keys(ordered: Sequence[str]) -> tuple[str, list[int]]:
    """(newline-joined keys, their offsets) for SortedTable; the keys sorted, none containing a newline."""
    offsets = [0]
    for key in ordered:
        offsets.append(offsets[-1] + len(key) + 1)
    return "".join(k + "\n" for k in ordered), offsets
