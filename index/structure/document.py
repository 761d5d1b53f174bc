"""What a structurer finds in a document: attributed paragraphs, speakers, headlines, title and notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.records import Headline, Speaker
from index.text import Text


@dataclass(frozen=True)
class Paragraph:
    """A clean paragraph of running text, attributed to a speaker (or a pseudo-speaker such as 编者按)."""

    text: Text
    speaker: str
    turn: int
    headline: str = ""


@dataclass
class Document:
    """A parsed document."""

    doc_id: str
    lines: list[str]
    paragraphs: list[Paragraph] = field(default_factory=list)
    speakers: dict[str, Speaker] = field(default_factory=dict)
    headlines: list[Headline] = field(default_factory=list)
    title: str = ""
    notes: list[Text] = field(default_factory=list)
