"""A cache file of byte sections (packed tables, index/packed_table.py), memory-mapped when read.

Reading a 16 MB table file copies it twice (the read, then marshal's objects), about 30 ms; mapping it costs a fraction
of a millisecond, and a question touches a few pages of it. The file is a magic line, a marshalled header (what the
caller checks: the table's name and input key) with the sections' lengths, then the sections one after another (each
starting at a multiple of ALIGN).
Files are written atomically (a temporary file renamed into place) and pruned like the other cache files.
"""

from __future__ import annotations

import marshal
import mmap
import os
import struct
import tempfile
from collections.abc import Sequence
from pathlib import Path

MAGIC = b"forumqa-packed-1\n"
_LENGTH = struct.Struct("<I")
ALIGN = 8


class Section:
    """One section of a mapped file, sliced as bytes of its own (section[a:b] is the mapping's bytes at start+a)."""

    __slots__ = ("_buffer", "_start", "_length")

    def __init__(self, buffer, start: int, length: int) -> None:
        self._buffer, self._start, self._length = buffer, start, length

    def __getitem__(self, piece: slice) -> bytes:
        start = self._start
        return self._buffer[start + piece.start : start + piece.stop]

    def __len__(self) -> int:
        return self._length

    def __bytes__(self) -> bytes:
        return self._buffer[self._start : self._start + self._length]

    def ints(self) -> memoryview:
        """The section as unsigned 32-bit ints, without a copy (only the pages looked at are read)."""
        return memoryview(self._buffer)[self._start : self._start + self._length].cast("I")


def _aligned(at: int) -> int:
    """Where a section starts: the next multiple of ALIGN (so that ints() reads aligned ints)."""
    return -(-at // ALIGN) * ALIGN


def write_sections(path: Path, header: tuple, sections: Sequence[bytes]) -> None:
    """Write the sections under a header, atomically; then prune the file's kind. A folder that cannot be written is
    skipped (it is only a cache)."""
    from index.jieba_tables import prune

    meta = marshal.dumps((header, tuple(len(s) for s in sections)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            at = file.write(MAGIC + _LENGTH.pack(len(meta)) + meta)
            for section in sections:
                at += file.write(b"\0" * (_aligned(at) - at))
                at += file.write(section)
        os.replace(temporary, path)
    except OSError:
        return
    prune(path)


def read_sections(path: Path, header: tuple) -> list[Section] | None:
    """The sections stored at path under this header, mapped (not read); None when the file is missing, written under
    another header, or damaged (too short for its sections)."""
    try:
        with open(path, "rb") as file:
            start = file.read(len(MAGIC) + _LENGTH.size)
            if len(start) != len(MAGIC) + _LENGTH.size or not start.startswith(MAGIC):
                return None
            meta = file.read(_LENGTH.unpack(start[len(MAGIC) :])[0])
            found, lengths = marshal.loads(meta)
            if found != header:
                return None
            starts, at = [], len(start) + len(meta)
            for length in lengths:
                starts.append(_aligned(at))
                at = starts[-1] + length
            if os.fstat(file.fileno()).st_size != at:
                return None
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, EOFError, ValueError, TypeError, struct.error):
        return None
    try:
        os.utime(path)  # its use, which pruning keeps by
    except OSError:
        pass
    return [Section(mapped, at, length) for at, length in zip(starts, lengths)]
