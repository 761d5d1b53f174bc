"""Split attributed paragraphs into sentences and sentence-aware, overlapping chunks.

Chunks never cross a speaker turn or a section, and never mix kinds (a title, headline or note
is a passage of its own); they prefer to end at a paragraph end; consecutive chunks of one
paragraph share their boundary sentence (the overlap). An article's running text (Kind.TEXT)
is cut into longer passages than a dialogue's turns (ChunkSettings.text_scale).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from index.errors import InvalidArgumentError
from index.records import Chunk, Kind, Sentence
from index.structure.document import Document, Paragraph
from index.text import Text

_SENTENCE_END = re.compile(r"(?:[。！？!?；;]|……|\n)[”’」』）)]*")
_SOFT_BREAK = re.compile(r"[，,、：:]")
_BRACKET_CLOSES = re.compile(r"[^（()）\n]{0,30}[）)]")  # a bracket that closes soon after a sentence mark
_CONTINUES = re.compile(r"[。！？!?；;…，,、：:”’」』）)]$")  # a sentence ending so runs on without a line break


@dataclass(frozen=True)
class ChunkSettings:
    """How passages are cut: target and maximum length in characters, sentences of overlap.

    Consecutive passages of a paragraph share their last overlap_sentences sentences while the
    overlap stays within max_overlap_chars, and always at least min_overlap_chars (whole sentences,
    whatever their length), so that any stretch of text that short lies inside one passage.

    The running text of an article (a document that is not a dialogue) is cut at target and maximum
    times text_scale (280/455 characters by default). A speaker's turn answers one question and its
    sentences say who and what themselves ('南阳市坚持…'); an article's sentences lean on their
    neighbours ('本鱼…', '该片…', '在此背景下…'), and what a reader asks about one is often told over
    two or three sentences. At the dialogue's sizes the paragraph's other passages compete with
    the one that answers (CMRC 2018 passage R@1 0.909 at 1.0, 0.924 at 1.25, 0.935 at 1.5, 0.948
    at 1.75: eval/reports/cmrc.md); a transcript has no running text of this kind, so its passages
    are unchanged.
    """

    target_chars: int = 160
    max_chars: int = 260
    min_chars: int = 60
    overlap_sentences: int = 1
    max_overlap_chars: int = 120
    min_overlap_chars: int = 12
    text_scale: float = 1.75

    def for_text(self) -> ChunkSettings:
        """The sizes for an article's running text (Kind.TEXT): target and maximum times text_scale."""
        if self.text_scale == 1.0:
            return self
        return replace(self, target_chars=round(self.target_chars * self.text_scale),
                       max_chars=round(self.max_chars * self.text_scale), text_scale=1.0)

    def __post_init__(self) -> None:
        if not 0 < self.min_chars <= self.target_chars <= self.max_chars:
            raise InvalidArgumentError(
                f"chunk sizes must satisfy 0 < min_chars <= target_chars <= max_chars, got "
                f"{self.min_chars}, {self.target_chars}, {self.max_chars}"
            )
        if self.overlap_sentences < 0:
            raise InvalidArgumentError(f"overlap_sentences must be >= 0, got {self.overlap_sentences}")
        if not 1.0 <= self.text_scale <= 4.0:
            raise InvalidArgumentError(f"text_scale must be within [1, 4], got {self.text_scale!r}")


def split_sentences(text: Text, max_chars: int) -> list[Text]:
    """Split clean text into sentences (on 。！？； and closing quotes, not inside brackets); cut over-long ones at commas."""
    sentences: list[Text] = []
    start = 0
    for match in _SENTENCE_END.finditer(text.text):
        end = match.end()
        if _inside_brackets(text.text, start, match.start()):
            continue
        if text.text[start:end].strip():
            sentences.extend(_cut_long(text.slice(start, end), max_chars))
        start = end
    if text.text[start:].strip():
        sentences.extend(_cut_long(text.slice(start, len(text)), max_chars))
    return [_strip(s) for s in sentences if s.text.strip()]


def _inside_brackets(text: str, start: int, mark: int) -> bool:
    """True for a sentence mark inside a bracket that closes soon after it ('牛车水（；）是…'): it ends no sentence."""
    before = text[start:mark]
    opened = before.count("（") + before.count("(") - before.count("）") - before.count(")")
    return text[mark] != "\n" and opened > 0 and bool(_BRACKET_CLOSES.match(text, mark + 1))


def _strip(text: Text) -> Text:
    start = len(text.text) - len(text.text.lstrip())
    end = len(text.text.rstrip())
    return text.slice(start, end)


def _cut_long(sentence: Text, max_chars: int) -> list[Text]:
    """Cut a sentence longer than max_chars at the last comma-like mark before the limit (else hard)."""
    pieces: list[Text] = []
    while len(sentence) > max_chars:
        marks = [m.end() for m in _SOFT_BREAK.finditer(sentence.text, 0, max_chars)]
        cut = marks[-1] if marks and marks[-1] >= max_chars // 3 else max_chars
        pieces.append(sentence.slice(0, cut))
        sentence = sentence.slice(cut, len(sentence))
    pieces.append(sentence)
    return pieces


def sentences_of(doc: Document, settings: ChunkSettings, first_id: int = 0) -> list[tuple[Sentence, Paragraph]]:
    """Every sentence of a document, numbered from first_id, with the paragraph it belongs to."""
    result: list[tuple[Sentence, Paragraph]] = []
    for index, paragraph in enumerate(doc.paragraphs):
        for piece in split_sentences(paragraph.text, settings.max_chars):
            sentence = Sentence(
                sentence_id=first_id + len(result),
                doc=doc.doc_id,
                speaker=paragraph.speaker,
                paragraph=index,
                text=piece.text,
                line_start=piece.line_start,
                line_end=piece.line_end,
            )
            result.append((sentence, paragraph))
    return result


def chunk_document(
    doc: Document, settings: ChunkSettings, first_sentence_id: int = 0
) -> tuple[list[Chunk], list[Sentence]]:
    """Cut a parsed document into chunks.

    Args:
        doc: the parsed transcript.
        settings: chunk sizes and overlap.
        first_sentence_id: the id of this document's first sentence (ids are unique per index).

    Returns:
        (chunks in reading order, every sentence of the document).
    """
    pairs = sentences_of(doc, settings, first_sentence_id)
    sentences = [s for s, _ in pairs]
    chunks: list[Chunk] = []
    turns: dict[int, list[tuple[Sentence, Paragraph]]] = {}
    for pair in pairs:
        turns.setdefault(pair[1].turn, []).append(pair)
    for turn in sorted(turns):
        sizes = settings.for_text() if turns[turn][0][1].kind == Kind.TEXT.value else settings  # one kind per turn
        for group in _pack(turns[turn], sizes):
            chunks.append(_make_chunk(doc, group, len(chunks)))
    return chunks, sentences


def _pack(pairs: list[tuple[Sentence, Paragraph]], settings: ChunkSettings) -> list[list[tuple[Sentence, Paragraph]]]:
    """Greedily pack one turn's sentences into groups near target_chars, with sentence overlap."""
    groups: list[list[tuple[Sentence, Paragraph]]] = []
    current: list[tuple[Sentence, Paragraph]] = []
    size = 0
    fresh = 0  # sentences in current that are not overlap from the previous group
    for pair in pairs:
        sentence, _ = pair
        new_paragraph = bool(current) and pair[0].paragraph != current[-1][0].paragraph
        full = size + len(sentence.text) > settings.max_chars or size >= settings.target_chars
        if current and fresh and (full or (new_paragraph and size >= settings.min_chars)):
            _close(groups, current, fresh, settings)
            overlap: list[tuple[Sentence, Paragraph]] = []
            if not new_paragraph and settings.overlap_sentences:
                for i, prev in enumerate(reversed(current)):
                    shared = sum(len(p[0].text) for p in overlap)
                    # The boundary sentences always overlap by min_overlap_chars, so text across the cut is in one passage.
                    if shared >= settings.min_overlap_chars and (
                        i >= settings.overlap_sentences or shared + len(prev[0].text) > settings.max_overlap_chars
                    ):
                        break
                    overlap.insert(0, prev)
                if len(overlap) == len(current):
                    overlap = overlap[1:]
            current, size, fresh = overlap, sum(len(p[0].text) for p in overlap), 0
        current.append(pair)
        size += len(sentence.text)
        fresh += 1
    if current and fresh:
        _close(groups, current, fresh, settings)
    return groups


def _close(groups: list, current: list, fresh: int, settings: ChunkSettings) -> None:
    """Close a group; when its new text is shorter than min_chars, it joins the previous group of its paragraph (if it fits).

    A short tail ('美味的食用鱼。') would otherwise be a passage of its own, most of whose indexed
    text is the document's title: close to every question about the document.
    """
    tail = sum(len(p[0].text) for p in current[-fresh:])
    previous = groups[-1] if groups else None
    room = previous is not None and sum(len(p[0].text) for p in previous) + tail <= settings.max_chars
    if room and tail < settings.min_chars and previous[-1][0].paragraph == current[-1][0].paragraph:
        previous.extend(p for p in current[-fresh:] if p not in previous)
    else:
        groups.append(current)


def _make_chunk(doc: Document, group: list[tuple[Sentence, Paragraph]], number: int) -> Chunk:
    first, paragraph = group[0]
    speaker = doc.speakers.get(paragraph.speaker)
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    size = 0
    for i, (sentence, _) in enumerate(group):
        if i and (sentence.paragraph != group[i - 1][0].paragraph or not _CONTINUES.search(group[i - 1][0].text)):
            parts.append("\n")
            size += 1
        parts.append(sentence.text)
        spans.append((size, size + len(sentence.text)))
        size += len(sentence.text)
    return Chunk(
        chunk_id=f"{doc.doc_id}#{number:04d}",
        doc=doc.doc_id,
        speaker=paragraph.speaker,
        role=speaker.role if speaker else "",
        headline=paragraph.headline,
        turn=paragraph.turn,
        line_start=min(s.line_start for s, _ in group),
        line_end=max(s.line_end for s, _ in group),
        text="".join(parts),
        sentence_ids=tuple(s.sentence_id for s, _ in group),
        sentence_spans=tuple(spans),
        sentence_lines=tuple((s.line_start, s.line_end) for s, _ in group),
        kind=paragraph.kind,
        context=paragraph.context,
    )
