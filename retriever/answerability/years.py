"""The year a question asks about, and the years a passage speaks of (``year_absent``).

A question may qualify its fact with a year (2015年大连拆除了多少台…, How many … in 2016?, Across 2016 …); the text
may tell the same fact of another year, and it seldom writes the year as a number: a speaker says 今年, 去年, 前年 or
"十二五"期间, and the year they speak in is the document's own, written in its title (2016全国环保厅局长论坛). A
passage speaks of the years it writes, of those its relative words name counted from its document's year, of the
years of a five-year plan it names, and, when it names no time at all, of its document's year (what a speaker says
is of the present unless they say otherwise). A document without a year in its title or name speaks of any year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from index.normalize import canonical, search_key
from index.records import Chunk, Kind
from retriever.answerability.quantity import gives_count
from retriever.answerability.units import Unit, coverage

_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
# an earlier year is a year only with 年 after it, not a span of years (1588年, 1147年; not 1000年前, 1500年的历史)
_OLD_YEAR = re.compile(r"(?<![0-9.])(1[0-8][0-9]{2})\s*年(?![前后来多间左以之的])")
_RELATIVE = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
_RELATIVE_RE = re.compile("|".join(_RELATIVE))
_NUMERALS = "一二三四五六七八九十"
# the Nth five-year plan (十二五, 十三五): 2011-2015 is the twelfth, counted back and on from it
_PLAN = re.compile(r"(十[一二三四五六七八九]?|[一二三四五六七八九])五(?:规划|计划|期间|时期|末|以来|[”\"」』])")


def _plan_number(numeral: str) -> int:
    if numeral.startswith("十"):
        return 10 + (_NUMERALS.index(numeral[1]) + 1 if len(numeral) > 1 else 0)
    return _NUMERALS.index(numeral) + 1


# a decade: the 1990s, 1990年代, (上世纪)90年代 — every year of it
_DECADE = re.compile(r"(?<![0-9])(?:((?:19|20)[0-9])0\s*(?:'?s\b|年代)|(?:上世纪|上个世纪|20世纪)?\s*([1-9])0\s*年代)")
# a span reaching the present: since 2011, 2011年以来, 自2011年起 — the asked year and every one after it
_SINCE = re.compile(r"\b(?:since|from)\s+((?:19|20)[0-9]{2})\b|((?:19|20)[0-9]{2})\s*年?\s*(?:以来|至今|起)", re.I)
_LATEST = 2100
# a year told before, named again by a word (同年7月, 是年, 这一年): which one, the passage may not say
_SAME_YEAR = re.compile(r"同年|是年|该年|此年|这一年|那一年|当年")


def written_years(text: str, decades: bool = True) -> set[int]:
    """The calendar years a text writes in digits (2016, 2016年, 2011-2015; one before 1900 with its 年: 1588年) and the
    decades it names (the 1990s, 上世纪90年代: each of their years; not with decades=False); canonical form folds 二〇一六
    to digits."""
    folded = canonical(text) if decades else _DECADE.sub(" ", canonical(text))  # the 1990s: no year 1990
    years = {int(y) for y in _YEAR.findall(folded)} | {int(y) for y in _OLD_YEAR.findall(folded)}
    for m in _DECADE.finditer(folded):  # none left with decades=False
        start = int(m.group(1)) * 10 if m.group(1) else 1900 + 10 * int(m.group(2))
        years |= set(range(start, start + 10))
    return years


def asked_years(question: str) -> set[int]:
    """The years a question qualifies its fact with (empty when it names none); a span reaching the present
    (since 2011, 2011年以来) asks every year from its start on. A decade (九十年代, the 1990s) sets the scene of a
    recollection rather than dating a fact, and a passage recalls it in words of its own (年轻时, 那时): it is no year
    asked (session 25, nm6: 区总说九十年代广州的河水脏成啥样 was refused for a 1990s its answer writes)."""
    years = written_years(question, decades=False)
    for m in _SINCE.finditer(canonical(question)):
        years |= set(range(int(m.group(1) or m.group(2)), _LATEST))
    return years


def document_year(chunks: Iterable[Chunk], doc: str) -> int | None:
    """A document's own year: the one year its title passages write, else its name's (env-forum-2016); None when
    neither writes exactly one."""
    titles = set().union(*(written_years(c.text) for c in chunks if c.kind == Kind.TITLE.value)) if chunks else set()
    if len(titles) == 1:
        return next(iter(titles))
    named = written_years(doc)
    return next(iter(named)) if len(named) == 1 else None


def document_years(chunks: Iterable[Chunk]) -> dict[str, int]:
    """Each document of an index with a year of its own (document_year) -> that year."""
    by_doc: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_doc.setdefault(chunk.doc, []).append(chunk)
    out = {}
    for doc, own in by_doc.items():
        year = document_year(own, doc)
        if year is not None:
            out[doc] = year
    return out


def marked_years(text: str, year: int | None, plans: bool = True) -> set[int]:
    """The years a stretch of text names: written (2016, 2011-2015), a five-year plan's (十二五; not with plans=False),
    or relative to its document's year (今年, 去年); empty when it names none."""
    folded = canonical(text)
    years = written_years(folded)
    for span in _YEAR.finditer(folded):  # 2011-2015, 2011年至2015年: a range is every year in it
        after = re.match(r"\s*年?\s*(?:-|—|–|~|～|至|到)\s*((?:19|20)[0-9]{2})", folded[span.end():])
        if after:
            years |= set(range(int(span.group(1)), int(after.group(1)) + 1))
    for n in {_plan_number(m.group(1)) for m in _PLAN.finditer(folded)} if plans else ():
        start = 2011 + 5 * (n - 12)
        years |= set(range(start, start + 5))
    if year is not None:
        years |= {year + _RELATIVE[m.group(0)] for m in _RELATIVE_RE.finditer(folded)}
    return years


def passage_years(text: str, year: int | None) -> set[int] | None:
    """The years a passage speaks of: those it names, else its document's; None when it cannot be told."""
    years = marked_years(text, year) or ({year} if year is not None else set())
    return years or None


def window_years(chunk: Chunk, start: int, end: int, year: int | None) -> set[int] | None:
    """The years one stretch of a passage (chunk.text[start:end]) speaks of: those it names, else the last the passage
    names before it (a narration's time carries on: 2015年，… 拆除了1416台), else its document's; None when none of
    these can be told."""
    own = marked_years(chunk.text[start:end], year)
    if own:
        return own
    marks = [m for m in _time_marks(chunk.text[:start], year)]
    if marks:
        return marks[-1]
    return {year} if year is not None else None


def _time_marks(text: str, year: int | None) -> list[set[int]]:
    """The years of each sentence of a text that names any, in order."""
    out = []
    for sentence in re.split(r"(?<=[。！？；!?;])", text):
        years = marked_years(sentence, year)
        if years:
            out.append(years)
    return out


# (session 30, fa12) a time stamp with its month (1984年6月, 2016年12月17日): the asker read it in the text
_STAMP = re.compile(r"(?<![0-9])((?:1[0-9]|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月")


def stamps(text: str) -> set[tuple[int, int]]:
    """The (year, month) pairs a text writes as a stamp (1984年6月至1985年1月: (1984, 6) and (1985, 1))."""
    return {(int(y), int(m)) for y, m in _STAMP.findall(canonical(text))}


def year_absent(question: str, passages: Iterable[Chunk], doc_years: Mapping[str, int],
                words: Sequence[Unit] = (), unit: str | None = None, evidence: Iterable[Chunk] = ()) -> float:
    """1 when the question asks a year and none of the answering passages' sentences that best hold the asked words
    (among those giving a number in the asked unit, when one is asked and some do; the whole passage when nothing is
    asked) speaks of it; 0 otherwise (no year asked, no passage, or years that cannot be told). A question dating its
    fact by the text's own stamps (1984年6月至1985年1月, each year with its month) that a passage of the evidence from
    an answering passage's document writes asks of the time the text speaks of there, whichever passage the asked
    words pick (session 30, fa12)."""
    asked = asked_years(question)
    passages = list(passages)
    if not asked or not passages:
        return 0.0
    asked_stamps = stamps(question)
    docs = {c.doc for c in passages}  # the answering passages' own documents: another's stamp dates another's fact
    if asked_stamps and any(asked_stamps <= stamps(c.text) for c in (*passages, *evidence) if c.doc in docs):
        return 0.0
    stretches = []  # (gives the asked number, coverage of the asked words, chunk, start, end)
    for chunk in passages:
        spans = chunk.sentence_spans or ((0, len(chunk.text)),)
        for start, end in spans if words else ((0, len(chunk.text)),):
            key = search_key(chunk.text[start:end])
            counted = unit is not None and gives_count(key, unit)
            stretches.append((counted, coverage(words, key), chunk, start, end))
    best = max(s[:2] for s in stretches)
    untold = False  # a best stretch whose time cannot be told (no year of its own, before it, nor of its document)
    for counted, score, chunk, start, end in stretches:
        if (counted, score) != best:
            continue
        years = window_years(chunk, start, end, doc_years.get(chunk.doc))
        if years is None and _SAME_YEAR.search(chunk.text[:end]):
            return 0.0  # 同年7月 of a year told before the passage: cannot be told
        if years is None:
            untold = True
        elif asked & years:
            return 0.0
    # a sentence that names the asked year itself (not a plan period's five) answers of it, whatever words it
    # paraphrases the asked ones with (1984年6月至1985年1月任…部副部长 for 担任什么职务): when a number is asked, one
    # giving it in the asked unit
    for counted, _, chunk, start, end in stretches:
        named = marked_years(chunk.text[start:end], doc_years.get(chunk.doc), plans=False)
        if (counted or unit is None or not best[0]) and asked & named:
            return 0.0
    if untold:
        # the stretch that tells the fact names no time: it is of the asked year only if the passages speak of it
        # anywhere; passages that write years, all of them others (1980年…2004年 where 1960年 is asked), tell of those
        spoken = set().union(*(marked_years(c.text, doc_years.get(c.doc)) for c in passages))
        return float(bool(spoken) and not asked & spoken)
    return 1.0
