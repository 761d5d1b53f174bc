"""The parts of a document that are not running text (title, headlines, notes, lists), shared by every structurer."""

from __future__ import annotations

import re

from index.clean import Block, block_text, compact, join_lines
from index.records import Kind
from index.structure.document import SPECIAL_TURNS, Paragraph
from index.structure.people import title_like
from index.text import Text

WORD = re.compile(r"\w")
_JOINED = (Kind.PARTICIPANTS,)


def is_title(block: Block, first: bool, title: str) -> bool:
    """The document's title: the title its file gives, a block with a '——' subtitle line, or a short first block."""
    text = compact("".join(block.raw))
    if title and text == compact(title):
        return True
    dashed = len(block.raw) <= 3 and any(compact(line).startswith("——") for line in block.raw) and "。" not in text
    return dashed or (first and title_like(block))


def newline(line: int) -> Text:
    """A line break that belongs to the given original line."""
    return Text("\n", (0,), (line,))


def lines_text(block: Block) -> Text:
    """A block's text with each original line on its own line (titles, lists, captions)."""
    pieces: list[Text] = []
    for i, line in enumerate(block.raw):
        clean = join_lines([(block.first_line + i, line)])
        if not clean.text:
            continue
        if pieces:
            pieces.append(newline(block.first_line + i))
        pieces.append(clean)
    return Text.concat(pieces)


def headline_text(block: Block) -> Text:
    """A headline block's text: the question, a line break, then its ■ summary."""
    numbered = [(block.first_line + i, line) for i, line in enumerate(block.raw)]
    head = join_lines([(n, line) for n, line in numbered if not line.lstrip().startswith("■")])
    summary = join_lines([(n, line) for n, line in numbered if line.lstrip().startswith("■")])
    if head.text and summary.text:
        return Text.concat([head, newline(summary.line_start), summary])
    return head if head.text else summary


def marker_text(block: Block) -> Text:
    """A marker such as '编者按' alone on its line, with a line break so it never runs into the next sentence."""
    return Text.concat([block_text(block), newline(block.last_line)])


class Parts:
    """The passages that are not running text, in the order found, each with a turn of its own."""

    def __init__(self) -> None:
        self.items: list[Paragraph] = []

    def add(self, text: Text, kind: Kind, speaker: str = "", headline: str = "") -> None:
        """Add a part (nothing when it has no letter or digit); a list right below another list joins it.

        A 对话人 list followed by the 主持人 line makes one passage: a reader cites them together.
        """
        if not WORD.search(text.text):
            return
        last = self.items[-1] if self.items else None
        if last and kind in _JOINED and last.kind == kind.value and 0 < text.line_start - last.text.line_end <= 2:
            self.extend_last(text)
            return
        self.items.append(Paragraph(text, speaker, SPECIAL_TURNS + len(self.items), headline, kind.value))

    def extend_last(self, text: Text) -> None:
        """Append text, on a new line, to the last part (a list that goes on after a blank line)."""
        last = self.items[-1]
        joined = Text.concat([last.text, newline(text.line_start), text])
        self.items[-1] = Paragraph(joined, last.speaker, last.turn, last.headline, last.kind)
