"""Highlight in each passage the sentence that best supports the question, and choose the passage that answers.

Every candidate highlight (retriever.sentence_spans.spans) gets the features of
retriever.answer_sentence and one linear score (WEIGHTS). A passage's highlight is its best candidate;
the answer is the best highlight among the first ANSWER_DEPTH passages, so a passage further down
that gives the asked number or date, or the host's own words when the host is asked about, can
answer when the first passage only shares the topic.

- A question (the host's lead-in, a rhetorical question) is never chosen when a sentence that is
  not a question exists; a rhetorical question lends its words to the sentence that answers it.
- A quantity question prefers the sentence whose number answers the whole question: 全市/共/累计
  over 市区/其中 when the question names no district.
- The speaker's name that opens a turn ('王奇：') is not part of the highlight.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from index.normalize import canonical, search_key
from index.records import Chunk, Kind
from retriever.answer_kinds import (
    gives_count,
    gives_document,
    gives_list,
    tells_after,
    tells_lack,
    tells_of_self,
    tells_past,
    tells_reason,
)
from retriever.answer_sentence import (
    ANSWER_DEPTH,
    FEATURES,
    WEIGHTS,
    Asked,
    gives_number,
    has_date,
    lexical,
    quantity,
    word_weights,
)
from retriever.answerability.answer_check import gives
from retriever.sentence_spans import is_question, is_row, records, sentence_body, spans, speaker_prefix
from retriever.types import Highlight

__all__ = ["ANSWER_DEPTH", "Candidate", "answer_highlights", "best_sentence", "candidates", "is_question", "speaker_prefix"]

LEAD_IN_KINDS = frozenset({"question"})
HEADLINE_KIND = Kind.HEADLINE.value  # a section's headline: its question and its ■ summary
SCOPE_TIE = 0.05  # the scope of a number (全市 over 市区) counts only between clauses that hold as much of the question


@dataclass(frozen=True)
class Candidate:
    """One possible highlight of a passage: its text span, lines, features (FEATURES order) and score."""

    start: int
    end: int
    line_start: int
    line_end: int
    features: tuple[float, ...]
    score: float


@dataclass(frozen=True)
class PassageContext:
    """What a candidate's features need to know about its passage among the retrieved ones."""

    first: bool = True  # the first hit
    lead_in: bool = False  # a host's question or lead-in
    kind: str = "speech"
    best_cosine: float | None = None  # the best sentence cosine among the answer passages (None: this passage's)
    best_number: float | None = None  # the best number clause's word share among them (None: this passage's)
    title: str = ""  # its document's title: a byline or field list (Prepared by …, 时间：…) is read with it


def candidates(chunk: Chunk, cosines: np.ndarray, asked: Asked, weights: np.ndarray, where: PassageContext) -> list[Candidate]:
    """Every candidate highlight of a passage with its features and score.

    Args:
        chunk: the passage.
        cosines: each of its sentences' cosine with the question.
        asked: what the question asks for (retriever.answer_sentence.asked_for).
        weights: the question words' weights (retriever.answer_sentence.word_weights).
        where: the passage's place among the retrieved passages.
    """
    sentences = chunk.sentences()
    texts = [text for _, text, *_ in sentences]
    cosines = np.asarray(cosines, dtype=float)
    if not sentences or len(cosines) != len(sentences):
        return []
    best = where.best_cosine if where.best_cosine is not None else float(cosines.max())
    best_number = where.best_number if where.best_number is not None else quantity(asked, weights, chunk.text)[0]
    lead_in = where.lead_in or where.kind in LEAD_IN_KINDS
    own = [f for w in asked.words for f in w.forms if not f.isascii()]  # the question's words answer nothing
    found = []
    # a section's headline asked for is one highlight: its question is the headline's own words, not a rhetorical one
    whole = asked.headline and where.kind == HEADLINE_KIND
    # a table's rows are read with its head row (水厂|日均供水量（万立方米）|主要问题): the column a question names is
    # the head row's word, the row it asks about is the one naming its thing
    head = texts[0] if len(texts) >= 2 and is_row(texts[0]) and all(is_row(t) for t in texts[1:]) else ""
    for scored, first, last in [(0, 0, len(texts) - 1)] if whole else spans(texts):
        start = sentences[first][2]
        start += speaker_prefix(chunk.text[start : sentences[last][3]])
        shown = chunk.text[start : sentences[last][3]]
        read = "".join(sentence_body(t) for t in texts[scored : last + 1])
        if where.title and records(read):  # who prepared it, when and where: of the document its title names
            read = where.title + "\n" + read
        share, focus = lexical(asked, weights, search_key(head + "\n" + read if head and scored > 0 else read))
        number, scope = quantity(asked, weights, shown)
        column = bool(head) and scored > 0 and names_column(asked, search_key(head), search_key(read))
        found.append((scored, first, last, start, shown, share, focus, number, scope, float(cosines[scored : last + 1].max()),
                      column))
    out = []
    for n, (_, first, last, start, shown, share, focus, number, scope, cosine, column) in enumerate(found):
        values = {
            "cos_gap_all": 100 * (cosine - best),
            "lexical": share,
            "focus": focus,
            "number": number + float(bool(asked.unit) and gives_number(shown, asked.unit)),
            "scope": scope if number >= best_number - SCOPE_TIE else 0.0,
            "after_match": found[n - 1][5] if n else 0.0,
            "first_passage": float(where.first),
            "length": math.log(len(shown) + 1),
            "asked_kind": 1.0 if column else gives_kind(asked, shown, own, lead_in, where.kind, chunk.speaker),
            "asked_time": tells_time(asked, shown),
            "how_count": float(asked.how and gives_count(shown)),
        }
        features = tuple(values[name] for name in FEATURES)
        score = float(sum(WEIGHTS[name] * value for name, value in zip(FEATURES, features)))
        out.append(Candidate(start, sentences[last][3], sentences[first][4], sentences[last][5], features, score))
    return out


def names_column(asked: Asked, head: str, row: str) -> bool:
    """Whether a table's row gives what is asked in the column its head row names: the head row holds an asked word
    next to the question word (主要问题 of 西山水厂的主要问题是什么) and the row another asked word (西山水厂)."""
    focus = [w for w in asked.words if w.focus and w.found_in(head)]
    return bool(focus) and any(w.found_in(row) and not w.found_in(head) for w in asked.words if not w.focus)


def gives_kind(
    asked: Asked, shown: str, own: Sequence[str], lead_in: bool, passage_kind: str, speaker: str = ""
) -> float:
    """How many of the things the question word asks for the highlight gives (each 0 or 1; a question asks one):
    a list of the asked length (which four areas), a document's full title (which rulebook), an answer of the
    asked kind (a person or body for 谁, a place for 哪里; retriever.answerability.answer_check.gives, not counting
    the question's own words `own`), the host's own words when the host is asked about, the passage kind asked
    (标题 -> title), a reason or purpose for why (因为, 由于, 为了, 这决定了), a shortfall for 缺什么 (不足, 缺乏),
    the named speaker's words of himself (我从人大机关到…, in a passage of `speaker`) when the question names him."""
    return float(
        (asked.listing is not None and gives_list(shown, asked.listing))
        + (asked.document and gives_document(shown))
        + (asked.answer is not None and gives(canonical(shown), asked.answer, own))
        + (lead_in and asked.host)
        + (asked.kind is not None and passage_kind == asked.kind)
        + (asked.reason and tells_reason(shown))
        + (asked.lack and tells_lack(shown))
        + (bool(speaker) and any(n in speaker for n in asked.named) and tells_of_self(shown))
    )


def tells_time(asked: Asked, shown: str) -> float:
    """How many of the times the question asks the highlight tells: a date (12月17日) for when, the past (过去,
    年轻时, 从…到…) for before (以前), what came after (建成后，…; 后来…) for after (以后)."""
    return float((asked.date and has_date(shown)) + (asked.past and tells_past(shown)) + (asked.after and tells_after(shown)))


def _highlight(chunk: Chunk, candidate: Candidate | None) -> Highlight:
    if candidate is None:
        return Highlight(chunk.chunk_id, chunk.text, 0, len(chunk.text), chunk.line_start, chunk.line_end, 0.0)
    return Highlight(
        chunk_id=chunk.chunk_id,
        sentence=chunk.text[candidate.start : candidate.end],
        start=candidate.start,
        end=candidate.end,
        line_start=candidate.line_start,
        line_end=candidate.line_end,
        score=candidate.score,
    )


def best_sentence(chunk: Chunk, cosines: np.ndarray, asked: Asked) -> Highlight:
    """The passage's best candidate highlight, the passage read alone (its score is the candidate's).

    Args:
        chunk: the passage, with its sentences' offsets and lines.
        cosines: each of its sentences' cosine with the question (from the dense run).
        asked: what the question asks for (retriever.answer_sentence.asked_for).
    """
    found = candidates(chunk, cosines, asked, word_weights(asked, [chunk]), PassageContext())
    return _highlight(chunk, max(found, key=lambda c: c.score) if found else None)


def answer_highlights(
    chunks: Sequence[Chunk],
    cosines: Sequence[np.ndarray],
    asked: Asked,
    kinds: Sequence[str],
    lead_ins: Sequence[bool],
    owned: Sequence[bool] | None = None,
    depth: int = ANSWER_DEPTH,
    titles: Sequence[str] = (),
) -> tuple[list[Highlight], int]:
    """Each passage's highlight, and which passage's highlight is the answer.

    Args:
        chunks: the retrieved passages, best first.
        cosines: each passage's sentence cosines with the question.
        asked: what the question asks for.
        kinds: each passage's kind ('question' for a host's question).
        lead_ins: whether each passage is a host's turn.
        owned: whether each passage belongs to an entity the question names (None: it names none).
        depth: the answer comes from one of the first `depth` passages.
        titles: each passage's document title (a byline or field list is read with it).

    Returns:
        (one Highlight per passage, the index of the answering passage).
    """
    weights = word_weights(asked, chunks)
    chosen: list[Candidate | None] = []
    contexts = passage_contexts(chunks, cosines, asked, weights, kinds, lead_ins, depth, titles)
    for chunk, cos, where in zip(chunks, cosines, contexts):
        found = candidates(chunk, cos, asked, weights, where)
        chosen.append(max(found, key=lambda c: c.score) if found else None)
    allowed = may_answer(asked, kinds[:depth], lead_ins[:depth], None if owned is None else owned[:depth])
    scores = [c.score if c is not None and ok else -math.inf for c, ok in zip(chosen[:depth], allowed)]
    answer = int(np.argmax(scores)) if scores and max(scores) > -math.inf else 0
    return [_highlight(chunk, c) for chunk, c in zip(chunks, chosen)], answer


def passage_contexts(
    chunks: Sequence[Chunk], cosines: Sequence[np.ndarray], asked: Asked, weights: np.ndarray, kinds: Sequence[str],
    lead_ins: Sequence[bool], depth: int = ANSWER_DEPTH, titles: Sequence[str] = (),
) -> list[PassageContext]:
    """Each passage's place among the retrieved ones, with the best sentence cosine and the best number clause
    among the first `depth` (the answer passages).

    Args:
        chunks, cosines, kinds, lead_ins: as answer_highlights takes them.
        asked: what the question asks for; weights: its words' weights over the passages.
        depth: how many passages may answer.
    """
    tops = [float(np.max(c)) for c in cosines[:depth] if len(c)]
    best = max(tops) if tops else None
    numbers = [quantity(asked, weights, chunk.text)[0] for chunk in chunks[:depth]]
    best_number = max(numbers) if numbers else None
    return [
        PassageContext(first=i == 0, lead_in=lead_ins[i], kind=kinds[i], best_cosine=best, best_number=best_number,
                       title=titles[i] if i < len(titles) else "")
        for i in range(len(chunks))
    ]


def may_answer(asked: Asked, kinds: Sequence[str], lead_ins: Sequence[bool], owned: Sequence[bool] | None) -> list[bool]:
    """Which of the first passages may give the answer: not a host's question or lead-in unless the host is
    asked about, a speaker's words when it asks who said something, and (when the question names a speaker or city)
    one of that entity's passages: another city's number is no answer. A rule that would leave no passage is dropped."""
    allowed = [True] * len(kinds)
    rules = []
    if not asked.host:
        rules.append([not (kind in LEAD_IN_KINDS or lead) for kind, lead in zip(kinds, lead_ins)])
    if asked.speaker:  # who said it: a speaker's words, not the participants list or a title naming everyone
        rules.append([kind == "speech" for kind in kinds])
    if owned is not None:
        rules.append(list(owned))
    for rule in rules:
        narrowed = [a and r for a, r in zip(allowed, rule)]
        if any(narrowed):
            allowed = narrowed
    return allowed
