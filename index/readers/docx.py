"""Word documents (.docx), through python-docx: paragraphs and table rows as lines, in document order.

Paragraphs are separated by a blank line (each one is a block for the structurer, as in a transcript);
a table row is a block of one line, its cells separated by " | " (index.clean.CELL_SEPARATOR). Line numbers
count these extracted lines: a .docx has no lines or pages of its own until it is laid out.
"""

from __future__ import annotations

from pathlib import Path

from index.clean import CELL_SEPARATOR
from index.errors import DocumentError
from index.readers.base import Source, read_bytes, sha256_bytes

SUFFIXES = (".docx",)


def read(path: str | Path) -> list[Source]:
    """The document as one Source; its title from the core properties, else the first Title/Heading paragraph.

    Raises:
        DocumentError: missing, too large, empty, not a .docx (an old binary .doc, a renamed file), or without text.
    """
    path, data = read_bytes(path, "Word document")
    if not data.strip():
        raise DocumentError(f"{path}: the file is empty; give a Word document with text in it")
    document = _open(path, data)
    blocks: list[list[str]] = []
    heading = ""
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            blocks += _table_blocks(item)
            continue
        text = item.text.strip()
        if not text:
            continue
        blocks.append([line.rstrip() for line in text.splitlines()])
        style = (item.style.name if item.style is not None else "") or ""
        if not heading and style.startswith(("Title", "Heading")):
            heading = text.splitlines()[0].strip()
    if not blocks:
        raise DocumentError(f"{path}: the Word document has no text; give one with text in it")
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        lines += block
    properties = document.core_properties
    metadata = {"author": properties.author} if properties.author else {}
    if properties.created:
        metadata["created"] = properties.created.isoformat()
    return [
        Source(
            path=path,
            text="\n".join(lines),
            format="docx",
            encoding="docx",
            sha256=sha256_bytes(data),
            title=(properties.title or "").strip() or heading,
            metadata=metadata,
        )
    ]


def _open(path: Path, data: bytes):
    """A python-docx Document of the bytes."""
    from io import BytesIO

    import docx

    try:
        return docx.Document(BytesIO(data))
    except Exception as error:  # a zip that is not a .docx, a renamed .doc, a damaged package
        detail = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
        raise DocumentError(
            f"{path}: cannot be read as a .docx ({detail}); save it as .docx (Word 2007 or later) or .txt"
        ) from None


def _table_blocks(table) -> list[list[str]]:
    """One block per row: one line of its cells' texts (a merged cell once), separated by CELL_SEPARATOR."""
    blocks = []
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = " ".join(line.strip() for line in cell.text.splitlines() if line.strip())
            if text:
                cells.append(text)
        if cells:
            blocks.append([CELL_SEPARATOR.join(cells)])
    return blocks
