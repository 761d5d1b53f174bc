"""Pick, in a passage, the sentence that best supports the question, and among the top passages the answer.

A sentence's score uses signals that do not depend on the question's language, so that an English
question highlights the same sentence as its Chinese twin: the sentence's cosine with the question
(cross-lingual), the share of the question's terms it holds (an English question's terms include
their Chinese translations), a number in the asked unit, and the scope of that number.

- A question (the host's lead-in, a rhetorical question) is never chosen when a sentence that is
  not a question exists.
- A quantity question prefers the sentence whose number answers the whole question: 全市/共/累计
  over 市区/其中 when the question names no district.
- The speaker's name that opens a turn ('王奇：') is not part of the highlight.
- The answer is the first passage's sentence, unless that passage is a host's question or lead-in
  (中国环境报：…请苏国军局长分享一下经验。): then the next passage's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from index.normalize import search_key
from index.records import Chunk
from retriever.answerability.quantity import asked_unit, has_number
from retriever.types import Highlight

# Weights chosen on the tune split (gold + readers answerable questions; eval/reports/eval.md).
LEXICAL_WEIGHT = 0.1
QUANTITY_BONUS = 0.1  # a number in the asked unit ('多少台' -> 1416台; any number for 'how many')
SCOPE_BONUS = 0.06  # the whole (全市 1416台) over a part (其中 604台) when no part is asked
SHORT_SENTENCE = 25  # a sentence this short ('三是创新融资机制。') is a heading: highlight the next one with it
ANSWER_DEPTH = 2  # passages the answer sentence may come from (the second only when the first is a lead-in)
_WHOLE = re.compile(r"全市|全省|全县|全区|全国|全部|总共|共计|合计|累计|总计|全年|共")
_PART = re.compile(r"^其中|市区|城区|主城区|中心城区|县区|区县|部分")
_CLAUSE = re.compile(r"[，,；;。！？!?]")
_SPEAKER = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}[：:]\s*")
_QUESTION_END = ("？", "?")
LEAD_IN_KINDS = frozenset({"question"})


def is_question(sentence: str) -> bool:
    """True when the sentence asks (ends with a question mark, before closing quotes or brackets)."""
    return sentence.rstrip().rstrip("”’」』）)").endswith(_QUESTION_END)


def term_overlap(terms: Sequence[str], sentence: str, passage: str | None = None) -> float:
    """Share of the distinct query terms (weighted by length) that occur in the sentence.

    With the passage given, only the terms that occur somewhere in it count, so that an English
    question's own words (which a Chinese passage never holds) do not dilute its translations.
    """
    distinct = {t for t in terms if len(t) > 1 or not t.isascii()}
    if passage is not None:
        folded = search_key(passage)
        distinct = {t for t in distinct if t in folded}
    if not distinct:
        return 0.0
    text = search_key(sentence)
    total = sum(len(t) for t in distinct)
    return sum(len(t) for t in distinct if t in text) / total


def quantity_bonus(sentence: str, terms: Sequence[str], unit: str, question: str) -> float:
    """QUANTITY_BONUS when a clause gives a number in the unit next to a word of the question, with the
    number's scope: +SCOPE_BONUS for the whole (全市共拆除1416台), -SCOPE_BONUS for a part (其中拆除604台)
    unless the question itself names a part."""
    words = [t for t in terms if len(t) > 1 and not t.isascii()] or [t for t in terms if len(t) > 1]
    for clause in _CLAUSE.split(sentence):
        if has_number(clause, unit) and any(w in search_key(clause) for w in words):
            if _PART.search(question):
                return QUANTITY_BONUS
            return QUANTITY_BONUS + SCOPE_BONUS * (bool(_WHOLE.search(clause)) - bool(_PART.search(clause)))
    return 0.0


def sentence_score(
    text: str, cosine: float, terms: Sequence[str], unit: str | None, question: str = "", passage: str | None = None
) -> float:
    """cosine + lexical overlap, plus a bonus for a number in the asked unit that answers the whole question."""
    score = cosine + LEXICAL_WEIGHT * term_overlap(terms, text, passage)
    if unit is not None:
        score += quantity_bonus(text, terms, unit, question)
    return score


def speaker_prefix(sentence: str) -> int:
    """Length of the speaker's name that opens a turn ('王奇：' -> 3), 0 when there is none."""
    match = _SPEAKER.match(sentence)
    return match.end() if match and match.end() < len(sentence) else 0


def best_sentence(chunk: Chunk, cosines: np.ndarray, terms: Sequence[str], question: str = "") -> Highlight:
    """The chunk sentence that best supports the question (with the next one when it is only a heading).

    Args:
        chunk: the passage, with its sentences' offsets and lines.
        cosines: each of its sentences' cosine with the question (from the dense run).
        terms: the question's BM25 terms (with their translations, for an English question).
        question: the question text.

    Returns:
        The Highlight; its score is the chosen sentence's score.
    """
    sentences = chunk.sentences()
    if not sentences:
        return Highlight(chunk.chunk_id, chunk.text, 0, len(chunk.text), chunk.line_start, chunk.line_end, 0.0)
    unit = asked_unit(question.lower())
    scores = np.array(
        [sentence_score(text, float(c), terms, unit, question, chunk.text) for (_, text, *_), c in zip(sentences, cosines)]
    )
    asking = np.array([is_question(text) for _, text, *_ in sentences])
    if not asking.all():
        scores = np.where(asking, -np.inf, scores)
    best = int(np.argmax(scores))
    chosen = [sentences[best]]
    if len(chosen[0][1]) < SHORT_SENTENCE and best + 1 < len(sentences) and not asking[best + 1]:
        chosen.append(sentences[best + 1])
    start, end = chosen[0][2], chosen[-1][3]
    start += speaker_prefix(chunk.text[start:end])
    return Highlight(
        chunk_id=chunk.chunk_id,
        sentence=chunk.text[start:end],
        start=start,
        end=end,
        line_start=chosen[0][4],
        line_end=chosen[-1][5],
        score=float(scores[best]),
    )


def answer_index(kinds: Sequence[str], lead_ins: Sequence[bool]) -> int:
    """Which passage the answer sentence comes from: the first, unless it only introduces (a host's question or
    lead-in), then the first of the next ANSWER_DEPTH - 1 that does not.

    Args:
        kinds: each passage's kind, best passage first ('question' for a host's question).
        lead_ins: whether each passage is a host's turn.
    """
    for i, (kind, lead_in) in enumerate(zip(kinds[:ANSWER_DEPTH], lead_ins)):
        if kind not in LEAD_IN_KINDS and not lead_in:
            return i
    return 0
