"""Readers: one module per file format, each turning a file into Sources; ``read_sources(path)`` picks by suffix."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from index.readers.base import MAX_BYTES, Source, decode_bytes

_MODULES = ("txt",)


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

    Raises:
        DocumentError: a file its reader refuses (missing, empty, binary, undecodable, too large).
    """
    path = Path(path)
    readers = _readers()
    return (readers.get(path.suffix.lower()) or readers[".txt"]).read(path)


__all__ = ["MAX_BYTES", "Source", "decode_bytes", "read_sources", "supported_suffixes"]
