"""The typed records that flow from the builder to the store and the retriever."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from enum import Enum


class Kind(str, Enum):
    """What a passage is: running speech, a host's question, or one of the document's other parts."""

    SPEECH = "speech"  # a speaker's words
    QUESTION = "question"  # the host's lead-in questions
    TEXT = "text"  # running text of a document that is not a dialogue
    HEADLINE = "headline"  # a section headline with its ■ summary
    TITLE = "title"
    NOTE = "note"  # editor's notes, bylines, captions
    PARTICIPANTS = "participants"


@dataclass(frozen=True)
class Speaker:
    """A speaker of a document with what the text says about them."""

    name: str
    role: str = ""
    organisation: str = ""
    title: str = ""

    @classmethod
    def from_json(cls, data: dict) -> Speaker:
        return cls(**{k: data.get(k, "") for k in ("name", "role", "organisation", "title")})


@dataclass(frozen=True)
class Headline:
    """A section headline (a question headline with its ■ summary line), and the speaker it belongs to."""

    text: str
    summary: str
    line: int
    speaker: str = ""
    line_end: int = 0

    @classmethod
    def from_json(cls, data: dict) -> Headline:
        return cls(
            data["text"], data.get("summary", ""), int(data["line"]), data.get("speaker", ""), int(data.get("line_end", 0))
        )


@dataclass(frozen=True)
class Sentence:
    """One sentence of the clean text with its place in the original file (build time only)."""

    sentence_id: int
    doc: str
    speaker: str
    paragraph: int
    text: str
    line_start: int
    line_end: int


@dataclass(frozen=True)
class Chunk:
    """A passage to index, with everything a citation and a highlight need.

    ``sentence_ids`` index the index's sentence vectors; ``sentence_spans`` are each sentence's
    (start, end) offsets in ``text`` and ``sentence_lines`` its (first, last) original line.
    Lines are 1-based lines of the document's extracted text (see DocRecord.page_starts).
    """

    chunk_id: str
    doc: str
    speaker: str
    role: str
    headline: str
    turn: int
    line_start: int
    line_end: int
    text: str
    sentence_ids: tuple[int, ...]
    sentence_spans: tuple[tuple[int, int], ...] = ()
    sentence_lines: tuple[tuple[int, int], ...] = ()
    kind: str = Kind.SPEECH.value
    # the places its section names around a passage split out of it (a report's paragraph around a person quoted
    # once): read by search and the judge's place checks, never shown or cited ('' for most passages)
    context: str = ""

    def to_json(self) -> dict:
        data = asdict(self)
        if not self.context:
            del data["context"]  # most passages have none: their stored form is as it was
        data["sentence_ids"] = list(self.sentence_ids)
        data["sentence_spans"] = [list(s) for s in self.sentence_spans]
        data["sentence_lines"] = [list(s) for s in self.sentence_lines]
        return data

    @classmethod
    def from_json(cls, data: dict) -> Chunk:
        return cls(
            **{
                **data,
                "sentence_ids": tuple(data["sentence_ids"]),
                "sentence_spans": tuple(tuple(s) for s in data.get("sentence_spans", ())),
                "sentence_lines": tuple(tuple(s) for s in data.get("sentence_lines", ())),
            }
        )

    def sentences(self) -> list[tuple[int, str, int, int, int, int]]:
        """(sentence id, text, start, end, first line, last line) for each sentence of the passage."""
        return [
            (sid, self.text[start:end], start, end, lines[0], lines[1])
            for sid, (start, end), lines in zip(self.sentence_ids, self.sentence_spans, self.sentence_lines)
        ]


@dataclass(frozen=True)
class DocRecord:
    """One indexed document: where it came from and what was found in it."""

    doc: str
    source: str
    sha256: str
    format: str = "txt"
    encoding: str = "utf-8"
    title: str = ""
    lines: int = 0
    page_starts: tuple[int, ...] = ()  # 1-based line where each page begins; () for formats without pages
    passages: int = 0
    added_at: str = ""
    speakers: tuple[Speaker, ...] = ()
    headlines: tuple[Headline, ...] = ()
    metadata: dict = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return len(self.page_starts)

    def page_of(self, line: int) -> tuple[int | None, int]:
        """(1-based page, line within that page) of a document line; (None, line) without pages."""
        if not self.page_starts:
            return None, line
        page = max(bisect_right(self.page_starts, line) - 1, 0)
        return page + 1, line - self.page_starts[page] + 1

    def to_json(self) -> dict:
        data = asdict(self)
        data["page_starts"] = list(self.page_starts)
        return data

    @classmethod
    def from_json(cls, data: dict) -> DocRecord:
        return cls(
            **{
                **data,
                "page_starts": tuple(data.get("page_starts", ())),
                "speakers": tuple(Speaker.from_json(s) for s in data.get("speakers", ())),
                "headlines": tuple(Headline.from_json(h) for h in data.get("headlines", ())),
                "metadata": dict(data.get("metadata") or {}),
            }
        )
