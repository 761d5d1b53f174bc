"""Generated unanswerable questions: an answerable question's fact asked of a year the text never speaks of.

2015年大连拆除了多少台燃煤锅炉 -> 2004年大连拆除了多少台燃煤锅炉; 大连的督查组多久督察一次 -> 2004年，大连的督查组多久
督察一次; How many boilers did Dalian remove? -> In 2004, how many boilers did Dalian remove? Readers qualify a told fact
with a time (截至2015年, in 2016), and the text tells its facts of its own years (今年, 去年, “十二五”期间, the document's
year): of a year none of its passages speaks of it says nothing. Every asked word still matches the answering passage;
only the year tells the question from an answerable one, which is what years.year_absent reads (without such questions
the fit saw it fire on a handful of written ones and gave it almost no weight).

Made from questions asking a figure (多少台, how many: quantity.asked_unit) or already naming a year: what was said,
who said it or a name is seldom told of a year. Not from a when-question (哪一年, when: a year put in would answer it),
a question already setting a span (以来, since, 期间) or a why/how question. The year is one that no passage speaks of
(years.marked_years of every passage, with its document's year) nor lies between two it does.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from eval.calibrate_negatives import Example
from index.normalize import canonical, search_key
from retriever.answerability.asked import TIME, answer_kind
from retriever.answerability.quantity import asked_unit
from retriever.answerability.years import _YEAR, asked_years, document_years, marked_years

_SPAN = re.compile(r"以来|至今|期间|时期|阶段|\bsince\b|\bduring\b|\bbetween\b", re.I)
_WHY_HOW = re.compile(r"为什么|为何|怎么|怎样|如何|咋|\bwhy\b|\bhow (?:did|does|do|is|are|was|were|can|could)\b", re.I)
_BEFORE = 15  # the years asked of: the fifteen before the first one the text speaks of
# an English question's opening word that is no name (lower-cased after "In 2004, ")
_EN_OPENING = frozenset(
    "what which who whom whose how is are was were did does do can could has have had will would should tell list "
    "give name describe explain in on at for by of the a an".split()
)


def unspoken_years(chunks) -> list[int]:
    """The years before the first one any passage speaks of (years.marked_years, with its document's year): a year
    between two spoken of may be told by a span the text does not write out, one before all of them is not."""
    years = document_years(chunks)
    spoken = set().union(*(marked_years(c.text, years.get(c.doc)) for c in chunks)) if chunks else set()
    spoken = {y for y in spoken if y >= 1900}
    return list(range(min(spoken) - _BEFORE, min(spoken))) if spoken else []


def with_year(question: str, lang: str, year: int) -> str | None:
    """The question asked of the year: its own year replaced, else the year put before it; None when it asks no fact
    of a year (a when-, why- or how-question, or one setting a span)."""
    if answer_kind(question, lang) == TIME or _SPAN.search(question) or _WHY_HOW.search(question):
        return None
    if not asked_years(question) and asked_unit(canonical(question)) is None:
        return None  # a figure is told of a year; what was said, who said it or a name seldom is
    if asked_years(question):
        found = list(_YEAR.finditer(question))
        if len(found) != 1:
            return None
        return question[: found[0].start()] + str(year) + question[found[0].end():]
    if lang == "zh":
        return f"{year}年，{question.lstrip()}"
    text = question.strip()
    if not text[:1].isalpha():
        return None
    words = text.split()
    titled = sum(w[:1].isupper() for w in words) > len(words) / 2  # a question written as a title keeps its capitals
    return f"In {year}, {text[0].lower() + text[1:] if words[0].lower() in _EN_OPENING and not titled else text}"


def year_swaps(retriever, questions, rng: random.Random, per_question: int = 1) -> list[Example]:
    """Answerable questions asked of a year no passage speaks of (unspoken_years), one each."""
    years = unspoken_years(retriever.chunks)
    if not years:
        return []
    out = []
    for q in questions:
        lang = "zh" if q.lang == "zh" else "en"
        for _ in range(per_question):
            text = with_year(q.question, lang, rng.choice(years))
            if text and text != q.question:
                out.append(Example(text, 0, f"year swap of {q.id}", q.id))
    return out


# a year asked of a fact is another year than the fact's only when at least this far from every year its passage
# speaks of (a passage of 2016 may tell what was done over the turn of the year: 2015 is not asked of)
_APART = 2


def told_elsewhere(chunks, answers: Sequence[str], doc_years: dict[str, int]) -> list[int]:
    """The years the text writes in digits (so that no name check reads the year as a word it never writes) that lie
    outside the span of the years every passage holding an answer speaks of (years.marked_years, else its document's
    year), by at least _APART; empty when no passage holds an answer or a year cannot be told."""
    keys = [search_key(a) for a in answers if len(search_key(a)) >= 2]
    holding = [c for c in chunks if keys and any(k in search_key(c.text) for k in keys)]
    if not holding:
        return []
    spoken: set[int] = set()
    for chunk in holding:
        own = marked_years(chunk.text, doc_years.get(chunk.doc)) or (
            {doc_years[chunk.doc]} if chunk.doc in doc_years else set())
        if not own:
            return []
        spoken |= own
    low, high = min(spoken), max(spoken | {doc_years.get(c.doc, 0) for c in holding})
    written = {int(y) for c in chunks for y in _YEAR.findall(canonical(c.text))}  # in digits: no decade's years
    return sorted(y for y in written if y >= 1900 and (y <= low - _APART or y >= high + _APART))


# one made question in so many is kept: each of them asks nearly the same year (the forum writes 2012, 2015 and 2016
# in digits), and all of them (328) moved the fit so far that a CMRC tune answerable whose year_absent misfires
# (TRIAL_309_QUERY_2) was refused; one in two keeps CMRC even false abstention at 0 of 510 (session 25, nm6)
_EVERY = 2


def written_year_swaps(retriever, questions, rng: random.Random, every: int = _EVERY) -> list[Example]:
    """Answerable questions asked of a year the text writes elsewhere but never of the asked fact (told_elsewhere):
    2015年，济宁… when the passage telling it speaks only of 2016 (its document's year). Unlike year_swaps' years,
    which no passage writes (the name checks refuse those for the unknown year alone), only the year's place tells
    these from answerable questions: what years.year_absent reads, and what a reader does who qualifies a fact with
    a year read in another passage. One in ``every`` made is kept (_EVERY)."""
    doc_years = document_years(retriever.chunks)
    out = []
    for q in questions:
        years = told_elsewhere(retriever.chunks, q.answers, doc_years)
        if not years:
            continue
        text = with_year(q.question, "zh" if q.lang == "zh" else "en", rng.choice(years))
        if text and text != q.question:
            out.append(Example(text, 0, f"year written elsewhere, swap of {q.id}", q.id))
    return out[every - 1 :: every]


__all__: Sequence[str] = ("told_elsewhere", "unspoken_years", "with_year", "written_year_swaps", "year_swaps")
