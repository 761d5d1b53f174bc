"""JSON Lines (.jsonl): one document per line, ``{"id": ..., "title": ..., "text": ..., <metadata>...}``.

Each line is its own Source: its id from ``id`` (else the file name and line number), the lines of ``text``
as the document's lines, every other field as metadata. The sha256 is the line's own, so a changed line
changes only its own document.
"""

from __future__ import annotations

import json
from pathlib import Path

from index.errors import DocumentError
from index.readers.base import Source, decode_bytes, read_bytes, sha256_bytes

SUFFIXES = (".jsonl", ".ndjson")
_SHAPE = 'each line must be one JSON object like {"id": "a1", "title": "…", "text": "…"}'


def read(path: str | Path) -> list[Source]:
    """Every document of the file, in order; blank lines are skipped.

    Raises:
        DocumentError: missing, too large, empty, undecodable; or a line that is not a JSON object with a
            non-empty string ``text``, or repeats an earlier line's ``id`` (the message names the line).
    """
    path, data = read_bytes(path, "JSON Lines file")
    text, encoding = decode_bytes(data, str(path))
    sources: list[Source] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        record = _record(path, number, line)
        doc_id = str(record.get("id", "") or "").strip() or f"{path.stem}-{number}"
        if doc_id in seen:
            raise DocumentError(f"{path}: line {number}: id {doc_id!r} repeats line {seen[doc_id]}; give every line its own id")
        seen[doc_id] = number
        title = record.get("title", "")
        sources.append(
            Source(
                path=path,
                text=record["text"],
                format="jsonl",
                encoding=encoding,
                sha256=sha256_bytes(line.encode("utf-8")),
                title=title.strip() if isinstance(title, str) else str(title),
                doc_id=doc_id,
                metadata={k: v for k, v in record.items() if k not in ("id", "title", "text")} | {"line": number},
            )
        )
    if not sources:
        raise DocumentError(f"{path}: no documents (only blank lines); {_SHAPE}")
    return sources


def _record(path: Path, number: int, line: str) -> dict:
    """The JSON object of one line, checked.

    Raises:
        DocumentError: the line is not JSON, not an object, or its ``text`` is missing, not a string or empty.
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise DocumentError(f"{path}: line {number}: not valid JSON ({error.msg} at column {error.colno}); {_SHAPE}") from None
    if not isinstance(record, dict):
        raise DocumentError(f"{path}: line {number}: a JSON {type(record).__name__}, not an object; {_SHAPE}")
    if not isinstance(record.get("text"), str):
        raise DocumentError(f'{path}: line {number}: no string "text" field; {_SHAPE}')
    if not record["text"].strip():
        raise DocumentError(f"{path}: line {number}: \"text\" is empty; give the document's text or drop the line")
    return record
