"""Plain-text transcripts (.txt): UTF-8, UTF-16 or GB18030/GBK, with or without a BOM."""

from __future__ import annotations

from pathlib import Path

from index.readers.base import Source, decode_bytes, read_bytes, sha256_bytes

SUFFIXES = (".txt", ".text")


def read(path: str | Path) -> list[Source]:
    """The file as one document.

    Raises:
        DocumentError: missing, too large, empty, binary or undecodable.
    """
    path, data = read_bytes(path, "text file")
    text, encoding = decode_bytes(data, str(path))
    return [Source(path=path, text=text, format="txt", encoding=encoding, sha256=sha256_bytes(data))]
