"""What every reader returns (Source) and the shared checks: size limit, encoding detection, binary refusal."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from index.errors import DocumentError

MAX_BYTES = 50 * 1024 * 1024
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


@dataclass(frozen=True)
class Source:
    """One document as read from a file: its text (lines as in the original) and what the file says about it.

    A file may hold several documents (a .jsonl file); each is its own Source. ``page_starts``
    gives the 1-based line of ``text`` where each page begins, for formats with pages (PDF).
    """

    path: Path
    text: str
    format: str
    encoding: str
    sha256: str
    title: str = ""
    doc_id: str = ""  # an id the file gives the document (.jsonl); '' to derive one from the file name
    page_starts: tuple[int, ...] = ()
    metadata: dict = field(default_factory=dict)


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode transcript bytes: a BOM if present, else UTF-8, else GB18030 (a superset of GBK/GB2312).

    Returns:
        (text, encoding name).

    Raises:
        DocumentError: the bytes are empty, binary, or in no supported encoding.
    """
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty; give a transcript with text in it")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"), encoding, name), encoding
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{name}: looks like a binary file (NUL bytes); give a plain-text transcript")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(encoding), encoding, name), encoding
        except UnicodeDecodeError:
            continue
    raise DocumentError(f"{name}: not UTF-8 or GB18030/GBK text; convert it to UTF-8 and retry")


def _checked(text: str, encoding: str, name: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary file that happened to decode)."""
    if not text.strip():
        raise DocumentError(f"{name}: the file has no text (only whitespace); give a transcript with text")
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t\f")
    if controls > max(8, len(sample) // 100):
        raise DocumentError(f"{name}: looks like a binary file ({controls} control characters); give a plain-text transcript")
    return text


def read_bytes(path: str | Path, kind: str = "document") -> tuple[Path, bytes]:
    """The bytes of a file, after the checks every reader shares.

    Raises:
        DocumentError: missing, a folder, or over the size limit.
    """
    path = Path(path)
    if not path.exists():
        raise DocumentError(f"{path}: no such file")
    if not path.is_file():
        raise DocumentError(f"{path}: not a file; give the path of a {kind}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DocumentError(f"{path}: {size} bytes is over the {MAX_BYTES}-byte limit for one file")
    return path, path.read_bytes()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
