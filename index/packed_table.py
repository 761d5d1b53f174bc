"""A large str -> str table (or a set of str) packed in a few byte strings: it loads in milliseconds, not seconds.

Unmarshalling a dict of 120,000 CC-CEDICT words and their meanings takes about half a second (every key and value
an object of its own, every key hashed), and a question looks up a handful of words. A packed table keeps the keys
and the values as two UTF-8 byte strings with their offsets, in the order they were packed (iteration gives that
order, as the dict did), and the keys' sorted order, for a binary search (UTF-8 bytes sort as their code points).
Answers are remembered; after ``limit`` distinct look-ups (an index build, an evaluation run) the table becomes a
dict once, so a long run looks up at dict speed.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set

from index.sorted_table import _MISSING, RememberedLookups


def _offsets(pieces: list[bytes]) -> bytes:
    """Where each piece starts in their concatenation, and one more entry: the total length (array 'I' bytes)."""
    out = array("I", [0])
    for piece in pieces:
        out.append(out[-1] + len(piece))
    return out.tobytes()


def pack_table(table: Mapping[str, str]) -> tuple[bytes, bytes, bytes, bytes, bytes]:
    """A str -> str mapping as a marshal-able tuple for PackedTable: (keys, key offsets, values, value offsets,
    the keys' sorted order)."""
    keys = [key.encode() for key in table]
    values = [value.encode() for value in table.values()]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return b"".join(keys), _offsets(keys), b"".join(values), _offsets(values), array("I", order).tobytes()


def pack_words(words: Iterable[str]) -> tuple[bytes, bytes, bytes, bytes, bytes]:
    """A set of strings as a marshal-able tuple for PackedWords (a table without values)."""
    packed = pack_table(dict.fromkeys(words, ""))
    return packed[0], packed[1], b"", b"", packed[4]


def _ints(data):
    """Offsets or an order as unsigned ints: a mapped section's own (no copy), else an array of the bytes."""
    if hasattr(data, "ints"):
        return data.ints()
    found = array("I")
    found.frombytes(data)
    return found


class PackedTable(RememberedLookups, Mapping):
    """A read-only str -> str mapping over a pack_table tuple (bytes, or sections of a mapped file that slice as bytes:
    index/packed_file.py); see the module docstring."""

    def __init__(self, packed: Sequence, limit: int = 20_000) -> None:
        keys, key_offsets, values, value_offsets, order = packed
        self._keys, self._key_at = keys, _ints(key_offsets)
        self._values, self._value_at = values, _ints(value_offsets)
        self._order = _ints(order)
        self._count = len(self._order)
        if len(self._key_at) != self._count + 1 or self._key_at[-1] != len(keys):
            raise ValueError("a packed table whose key offsets do not match its keys")
        self._limit = limit
        self._seen: dict = {}
        self._full: dict | None = None

    def _key(self, at: int) -> bytes:
        return self._keys[self._key_at[at] : self._key_at[at + 1]]

    def _value(self, at: int) -> str:
        if not self._values:
            return ""
        return self._values[self._value_at[at] : self._value_at[at + 1]].decode()

    def _search(self, key: str):
        """The value of a key by binary search over the sorted keys, or _MISSING."""
        try:
            wanted = key.encode()
        except UnicodeEncodeError:  # a lone surrogate: no stored key
            return _MISSING
        order, low, high = self._order, 0, self._count
        while low < high:
            middle = (low + high) >> 1
            if self._key(order[middle]) < wanted:
                low = middle + 1
            else:
                high = middle
        if low < self._count and self._key(order[low]) == wanted:
            return self._value(order[low])
        return _MISSING

    def materialise(self) -> dict[str, str]:
        """The whole table as a dict in packed order (built on the first call; later look-ups use it)."""
        if self._full is None:
            self._full = {self._key(at).decode(): self._value(at) for at in range(self._count)}
            self._seen = {}
        return self._full

    def __iter__(self) -> Iterator[str]:
        if self._full is not None:
            return iter(self._full)
        return (self._key(at).decode() for at in range(self._count))

    def __len__(self) -> int:
        return self._count


class PackedWords(Set):
    """A read-only set of strings over a pack_words tuple (membership by binary search; iteration in packed order)."""

    def __init__(self, packed: Sequence, limit: int = 20_000) -> None:
        self._table = PackedTable(packed, limit)

    def __contains__(self, word) -> bool:
        return word in self._table

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    __hash__ = None
