"""Turn PDF-extracted newspaper text into clean paragraphs that remember their original lines.

The extracted transcript breaks lines mid-word, splits sentences across columns with blank
lines, spaces out CJK text (``严 格 雨 污 分 流``) and scatters headlines, bylines and captions.
This module removes the layout and keeps, for every clean character, the 1-based line number
of the original file it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.text import Text

# Characters after which a blank line really ends a paragraph.
TERMINAL = "。！？!?…；;”’」』"
_SPACE = re.compile(r"\s+")
CELL_SEPARATOR = " | "  # between the cells of a table row, which a reader gives as one line (.docx, .html)
_ASCII_WORD = re.compile(r"[A-Za-z0-9%.\-+/#&]")
_LATIN_CLOSE = ",:;!?)]}'\""  # Latin punctuation a space follows ('Transformers: Superlink', 'Hello, world')
_LATIN_OPEN = "([{'\""
_BULLET = re.compile(r"^\s*[-*•·+]\s+(?=\S)")  # a list item's bullet at the start of a line


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank original lines (a layout block between blank lines)."""

    first_line: int
    raw: tuple[str, ...]

    @property
    def last_line(self) -> int:
        return self.first_line + len(self.raw) - 1


def split_blocks(text: str) -> list[Block]:
    """Split the original text into blocks of non-blank lines, keeping 1-based line numbers."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.replace("\x00", "")
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(Block(start, tuple(current)))
            current = []
    if current:
        blocks.append(Block(start, tuple(current)))
    return blocks


def _is_ascii_word(char: str) -> bool:
    return bool(char) and char.isascii() and bool(_ASCII_WORD.match(char))


def _keeps_space(before: str, after: str) -> bool:
    """True when a space between two characters separates Latin words ('PM 2.5', 'Transformers: Superlink')."""
    return (_is_ascii_word(before) or before in _LATIN_CLOSE) and (_is_ascii_word(after) or after in _LATIN_OPEN)


def join_lines(pieces: list[tuple[int, str]]) -> Text:
    """Join original lines into one clean text.

    A list item's bullet ('- ', '* ', '• ' opening a line) is dropped: it marks the item, it is none of its words.
    Whitespace (line breaks included) is dropped, except that one space is kept where it
    separates two Latin words or numbers (``PM 2.5``, ``self help``, ``Transformers: Superlink``,
    ``Hello, world``); so ``1416 台`` becomes
    ``1416台`` and ``严 格 雨 污 分 流`` becomes ``严格雨污分流``.

    Args:
        pieces: (line number, line text) in reading order.

    Returns:
        The clean text with its per-character line map.
    """
    chars: list[str] = []
    lines: list[int] = []
    pending_space = False
    for number, raw in pieces:
        bullet = _BULLET.match(raw)
        for char in raw[bullet.end() :] if bullet else raw:
            if char.isspace() or char in "\u200b\ufeff":
                pending_space = bool(chars)
                continue
            if char < " " or char == "\x7f":
                continue
            if pending_space and _keeps_space(chars[-1], char):
                chars.append(" ")
                lines.append(lines[-1])
            pending_space = False
            chars.append(char)
            lines.append(number)
        pending_space = bool(chars)
    return Text.from_lines("".join(chars), lines)


def block_text(block: Block) -> Text:
    """The clean text of one layout block."""
    return join_lines([(block.first_line + i, line) for i, line in enumerate(block.raw)])


def compact(text: str) -> str:
    """Text without any whitespace (to compare layout lines)."""
    return _SPACE.sub("", text)


def ends_paragraph(text: str) -> bool:
    """True when text ends where a paragraph may end (sentence-final punctuation)."""
    return bool(text) and text[-1] in TERMINAL


def table_row(line: str) -> bool:
    """True when a line is a table row as a reader gives it (cells separated by CELL_SEPARATOR)."""
    return CELL_SEPARATOR in line
