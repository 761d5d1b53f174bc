"""Readers: one module per file format, each turning a file into Sources; ``read_sources(path)`` picks by suffix."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import ModuleType

from index.normalize import unify_chars
from index.readers.base import MAX_BYTES, Source, decode_bytes

_MODULES = ("txt", "md", "pdf", "docx", "html", "jsonl")


def _readers() -> dict[str, ModuleType]:
    from importlib import import_module

    table = {}
    for name in _MODULES:
        module = import_module(f"index.readers.{name}")
        for suffix in module.SUFFIXES:
            table[suffix] = module
    return table


def supported_suffixes() -> list[str]:
    return sorted(_readers())


def read_sources(path: str | Path) -> list[Source]:
    """The documents in a file, read by the reader of its suffix; other suffixes are read as plain text.

    Every reader's text then goes through ``unify_chars``: radical and compatibility code points become
    the unified ideographs they stand for. PDF text layers need it (⻓ for 长); text copied out of a PDF
    into a .txt, .docx or web page carries the same code points, and the mapping is one character for
    one, so line numbers never move.

    Raises:
        DocumentError: a file its reader refuses (missing, empty, binary, undecodable, too large, not
            of its format, a PDF without a text layer, a bad .jsonl line).
    """
    path = Path(path)
    readers = _readers()
    sources = (readers.get(path.suffix.lower()) or readers[".txt"]).read(path)
    return [replace(s, text=unify_chars(s.text), title=unify_chars(s.title)) for s in sources]


__all__ = ["MAX_BYTES", "Source", "decode_bytes", "read_sources", "supported_suffixes"]
