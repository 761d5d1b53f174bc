"""What a structurer finds in a document: paragraphs of each kind, speakers, headlines, title and notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.records import Headline, Kind, Speaker
from index.text import Text

SPECIAL_TURNS = 1_000_000  # turn numbers from here on are parts of their own (title, headline, note, list)
RUNNING = frozenset({Kind.SPEECH.value, Kind.QUESTION.value, Kind.TEXT.value})  # kinds of running text


@dataclass(frozen=True)
class Paragraph:
    """A clean paragraph, attributed to a speaker ('' for none), of one Kind.

    ``turn`` groups the paragraphs that may share a passage (one speaker turn, or one section
    of running text); the title, headlines, notes and participants lists each have their own.
    ``headline`` is the heading of the section the paragraph belongs to.
    """

    text: Text
    speaker: str
    turn: int
    headline: str = ""
    kind: str = Kind.SPEECH.value
    context: str = ""  # the places its section names around it, when it was split out of a section (see Chunk)


@dataclass
class Document:
    """A parsed document: every paragraph in reading order, and what was learnt about its people and parts."""

    doc_id: str
    lines: list[str]
    paragraphs: list[Paragraph] = field(default_factory=list)
    speakers: dict[str, Speaker] = field(default_factory=dict)
    headlines: list[Headline] = field(default_factory=list)
    title: str = ""
    notes: list[Text] = field(default_factory=list)

    @property
    def running(self) -> list[Paragraph]:
        """The paragraphs of running text (speech, questions, plain text), without titles, headlines or notes."""
        return [p for p in self.paragraphs if p.kind in RUNNING]


def in_reading_order(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs sorted by their first line, turns renumbered 0, 1, … in the order they start.

    Builders give every part that is not running text a turn number of its own (see SPECIAL_TURNS).
    """
    ordered = sorted(paragraphs, key=lambda p: (p.text.line_start, p.turn))
    renumber: dict[int, int] = {}
    result = []
    for paragraph in ordered:
        turn = renumber.setdefault(paragraph.turn, len(renumber))
        result.append(Paragraph(paragraph.text, paragraph.speaker, turn, paragraph.headline, paragraph.kind, paragraph.context))
    return result
