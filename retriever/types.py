"""The result types the retriever returns: frozen, plain data."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum


class Mode(str, Enum):
    """Search modes: dense + BM25 fused, dense only, BM25 only."""

    HYBRID = "hybrid"
    DENSE = "dense"
    BM25 = "bm25"


def line_span(start: int, end: int) -> str:
    """'19–30', or '19' for one line (第19行, not 第19–19行)."""
    return f"{start}" if start == end else f"{start}–{end}"


@dataclass(frozen=True)
class Citation:
    """Where a passage comes from: document, speaker and role, page and lines of the original.

    Lines are 1-based; for a document with pages (PDF) they count within ``page``.
    """

    doc: str
    speaker: str
    role: str
    line_start: int
    line_end: int
    headline: str = ""
    page: int | None = None
    kind: str = "speech"
    title: str = ""

    def __str__(self) -> str:
        who = f"{self.speaker}（{self.role}）" if self.role else (self.speaker or "—")
        where = f"第{self.page}页 " if self.page is not None else ""
        return f"{who} · {self.doc} {where}第{line_span(self.line_start, self.line_end)}行"


@dataclass(frozen=True)
class Hit:
    """One retrieved passage. rank starts at 1; score is the mode's score (fused for hybrid)."""

    text: str
    score: float
    rank: int
    chunk_id: str
    citation: Citation
    dense_score: float | None = None
    bm25_score: float | None = None
    kind: str = "speech"

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Highlight:
    """The sentence of a passage that best supports the question; start/end index into the passage text."""

    chunk_id: str
    sentence: str
    start: int
    end: int
    line_start: int
    line_end: int
    score: float
    page: int | None = None


@dataclass(frozen=True)
class Answer:
    """An answer: passages best first, one highlight per passage, and whether the text answers the question.

    When abstained is True the passages are only the closest ones ("may be related").
    ``confidence`` is the calibrated probability that the transcript answers the question: the
    answerability model's output (retriever/answerability/), fitted on the tune split so that of
    the questions given confidence 0.8, about 80% are answerable; the answer abstains below the
    model's threshold. ``answer_index`` is the passage (and highlight) whose sentence is the
    answer: usually 0, another of the top passages when the first only asks or introduces.
    ``rewritten`` is the self-contained question that was searched when a follow-up was completed
    from the conversation ('' when the question was searched as typed).
    """

    query: str
    passages: list[Hit]
    highlights: list[Highlight]
    abstained: bool
    confidence: float
    terms: list[str] = field(default_factory=list)
    notice: str = ""
    rewritten: str = ""
    filters: dict = field(default_factory=dict)
    answer_index: int = 0

    @property
    def text(self) -> str:
        """The extractive answer: the answering passage's supporting sentence ('' when abstaining)."""
        return "" if self.abstained or not self.highlights else self.highlights[self.answer_index].sentence

    def to_json(self) -> dict:
        data = asdict(self)
        data["answer"] = self.text
        return data
