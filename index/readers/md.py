"""Markdown (.md): the file's own lines, with the markup taken off each line (so line citations match the file)."""

from __future__ import annotations

import re
from pathlib import Path

from index.readers.base import Source, decode_bytes, read_bytes, sha256_bytes

SUFFIXES = (".md", ".markdown")

_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^ {0,3}(>\s?)+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|~~|`)")
_HTML_COMMENT = re.compile(r"<!--.*?-->")


def read(path: str | Path) -> list[Source]:
    """The file as one document; the first ``# `` heading (or front matter ``title:``) is its title.

    Raises:
        DocumentError: missing, too large, empty, binary or undecodable.
    """
    path, data = read_bytes(path, "Markdown file")
    text, encoding = decode_bytes(data, str(path))
    lines, title = plain_lines(text.splitlines())
    return [Source(path=path, text="\n".join(lines), format="md", encoding=encoding, sha256=sha256_bytes(data), title=title)]


def plain_lines(lines: list[str]) -> tuple[list[str], str]:
    """(one plain line per Markdown line, the title): headings, emphasis, links, quotes and fences unmarked.

    Front matter, fence lines and rules become blank lines, so every line keeps its number.
    """
    out: list[str] = []
    title = ""
    front = bool(lines) and lines[0].strip() == "---"
    fenced = False
    for number, line in enumerate(lines):
        if front:
            if number > 0 and line.strip() in ("---", "..."):
                front = False
            elif line.lower().startswith("title:") and not title:
                title = line.split(":", 1)[1].strip().strip("\"'")
            out.append("")
            continue
        if _FENCE.match(line):
            fenced = not fenced
            out.append("")
            continue
        if fenced:
            out.append(line)
            continue
        if _RULE.match(line) or _TABLE_RULE.match(line):
            out.append("")
            continue
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(2)
            if heading.group(1) == "#" and not title:
                title = _inline(line).strip()
        out.append(_inline(_QUOTE.sub("", line)))
    return out, title


def _inline(line: str) -> str:
    """A line without inline markup: images and links keep their text; table pipes become spaces."""
    line = _HTML_COMMENT.sub("", line)
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _EMPHASIS.sub("", line)
    if line.lstrip().startswith("|"):
        line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
    return line.rstrip()
