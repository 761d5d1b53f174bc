"""Which sentence answers a question: what the question asks for, each candidate highlight's features, one linear score.

A candidate is a sentence of a passage that does not ask, with the sentences that go with it (retriever.sentence_spans).

The features do not depend on the question's language, so an English question highlights the same sentence as its
Chinese twin: the sentence's cosine with the question (cross-lingual), the weighted share of the question's words it
holds (an English word counts through its Chinese glosses), more so for the words next to the question word (哪个机关,
多少交警), a number in the asked unit (in a clause that holds the question's words, and anywhere in the highlight:
用不到半年时间 answers 'how long' alone; a count of people in 名/人 for 多少交警) and its scope (全市 over 市区), and
the passage (the first hit). Names weigh nothing: a speaker's or city's, and the host's (主持人, the newspaper) when
the host is asked about. What the question word asks for is two features, each a count of the tests that pass
(retriever.highlight.gives_kind, tells_time; retriever.answer_kinds): the kind of answer (a list of the asked length,
a document's full title, a person for 谁, a place for 哪里, the host's words, the passage kind, a reason for why, a
shortfall for 缺什么, a named speaker's words of himself) and the time (a date for when, the past for before, what
came after for after). A how-question asks the means: a count of what was done (76件, 100%) is a feature against.
One weight per group, not per test: a test that fires for a few questions only borrows the weight the others earn
(session 10: cross-set 0.920 -> 0.935 with 18 -> 10 features). Word weights are an inverse document frequency over
the sentences of the retrieved passages, so the words every sentence shares (the speaker's city) count for little.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from index.normalize import canonical, chinese_number, search_key
from index.records import Chunk
from retriever.answer_kinds import (
    asked_list,
    asks_after,
    asks_document,
    asks_how,
    asks_lack,
    asks_past,
    asks_reason,
)
from retriever.answerability.asked import answer_kind, asks_speaker
from retriever.answerability.quantity import DURATION, asked_unit, asks_person, has_number, number_pattern
from retriever.answerability.units import EN_AUXILIARIES, EN_WH_WORDS, ZH_ASKING, english_units
from retriever.framing import HEADLINE, HOST_NOUN, asked_kinds
from retriever.query import gloss_words
from retriever.sentence_spans import sentence_body

# Fitted on the tune split (the answerable questions of gold, readers, readers2, readers3, readers5 and readers6) by
# `python -m eval.sentence_fit --file eval/sets/readers5.jsonl --file eval/sets/readers6.jsonl` (L2 penalty 0.1),
# which prints them; the features are chosen by `python -m eval.sentence_validate` (fitted on every set but one, scored
# on that one: a new writer's questions).
WEIGHTS: dict[str, float] = {
    "cos_gap_all": 1.10,  # 100 x (the sentence's cosine - the best sentence cosine among the answer passages)
    "lexical": 4.11,  # weighted share of the question's words it holds
    "focus": 0.50,  # weighted share of the words next to the question word
    "number": 5.41,  # a number in the asked unit: the share of the question's words in the best clause that gives
    # one, plus 1 when the highlight gives one anywhere (用不到半年时间 answers 'how long'; not for a bare 多少)
    "scope": 2.38,  # +1 the whole (全市共…), -1 a part (其中…, 市区) when the question names no part, between number
    # clauses that hold as much of the question (the best one among the answer passages)
    "after_match": -0.43,  # the previous candidate's lexical share in the passage
    "first_passage": 2.01,  # the passage is the first hit
    "length": 1.23,  # log of the highlight's length in characters
    "asked_kind": 3.50,  # it gives what the question word asks for (retriever.highlight.gives_kind): a list of the
    # asked length, a document's title, a person or body for 谁, a place for 哪里, the host's words, the passage kind,
    # a reason for why, a shortfall for 缺什么, the named speaker's words of himself (我…)
    "asked_time": 5.27,  # it tells the time asked (retriever.highlight.tells_time): a date for when, the past for
    # before, what came after for after
    "how_count": -2.29,  # it counts what was done (76件, 100%) where the question asks how it is done (the means)
}
FEATURES = tuple(WEIGHTS)
ANSWER_DEPTH = 3  # passages the answer sentence may come from
FOCUS_GAP = 1  # a word at most this many characters from the question word is what is asked (在哪个机关 -> 机关)

_CLAUSE = re.compile(r"[，,；;。！？!?]")
_WHOLE = re.compile(r"全市|全省|全县|全区|全国|全部|总共|共计|合计|累计|总计|全年|共")
_PART = re.compile(r"^其中|市区|城区|主城区|中心城区|县区|区县|部分")
_MONEY = re.compile(r"钱|\bmoney\b|\bfunds?\b|\bfunding\b")
_AMOUNT = re.compile(r"(?<![质力能考])量")  # 供水量, 排放量; not 质量 (quality), 力量, 能量, 考量
# 'when' asks a time as the question word (When was…, …and when did…), not as a conjunction (what did they do when…).
_WHEN = re.compile(
    r"什么时候|何时|哪一?天|几月|日期"
    r"|(?:^|[,;:]\s*|\band\s+|\bor\s+|\bsince\s+)when\b(?!\s+(?:the|a|an|it|they|he|she|its|their|his|her|we|inspectors?)\b)",
    re.I,
)
_DATE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日")
# The newspaper that publishes the dialogue is its host (中国环境报): 'the newspaper's visitor' is the host's person.
_HOST = re.compile(
    rf"主持|记者|采访|moderator|{HOST_NOUN}|\binterviewer\b|\breporter\b|中国环境报|\bchina environment(?:al)? news\b"
    r"|\b(?:the|this) newspaper\b|本报|报社",
    re.I,
)
_WHO = re.compile(r"是谁|\bwho\b", re.I)
# The host's own names (主持人, 记者, the newspaper 中国环境报): when the host is asked about, they say who, not what.
_HOST_NAME = re.compile(rf"{_HOST.pattern}|\bnewspaper\b|报社|本报", re.I)
_KINDS = (
    ("title", re.compile(r"标题|题目|\btitle of (?:the|this)\b", re.I)),
    ("participants", re.compile(r"对话人|\bparticipants\b", re.I)),
)
_CJK_NUMERAL = re.compile(r"^[零〇一二两三四五六七八九十百千]+$")


@dataclass(frozen=True)
class Word:
    """A content word of the question: found in a folded text when one of its forms occurs (an English word's
    forms are its Chinese glosses); focus when it stands next to the question word (and names nobody)."""

    label: str
    forms: tuple[str, ...]
    focus: bool = False
    name: bool = False  # names a speaker or their city: who or where is asked about, not what (its weight is 0)

    def found_in(self, folded: str) -> bool:
        return any(f in folded for f in self.forms)


@dataclass(frozen=True)
class Asked:
    """What a question asks for, as far as choosing its answer sentence needs."""

    words: tuple[Word, ...]
    unit: str | None = None  # the unit of the number asked ('' any number, None no number)
    part: bool = False  # the question names a part (市区, 其中): its number answers it
    date: bool = False  # the question asks when
    host: bool = False  # the question asks what the host said or did (not who the host is)
    kind: str | None = None  # the passage kind it asks for (title, participants)
    listing: int | None = None  # the length of the list it asks for (0 any length, None no list)
    document: bool = False  # the question asks for a document's name
    past: bool = False  # the question asks how something was before (以前, before)
    after: bool = False  # the question asks what came after something (以后, after)
    reason: bool = False  # the question asks why (为什么, why)
    how: bool = False  # the question asks how something is done (如何, 咋, how did…)
    lack: bool = False  # the question asks what is lacking (缺什么, 短板, lack)
    answer: str | None = None  # the kind of answer asked (retriever.answerability.asked.answer_kind: a time, a person…)
    named: tuple[str, ...] = ()  # the Chinese forms of the speakers and cities it names (王奇, 南阳)
    speaker: bool = False  # the question asks who said something: a speaker's passage answers, by its speaker
    headline: bool = False  # the question asks for a section's headline (小标题, section title): its question is its title


def _forms(term: str) -> tuple[str, ...]:
    key = search_key(term)
    value = chinese_number(term) if _CJK_NUMERAL.match(term) else None
    return (key,) if value is None else (key, str(int(value)))  # 三 (from 'three') also finds 3省


def _chinese_words(text: str, terms: Sequence[str], names: Sequence[str], subjects: Sequence[str] = ()) -> list[Word]:
    question = search_key(text)
    asking = [m.span() for m in ZH_ASKING.finditer(question)]
    keys = [search_key(s) for s in subjects]
    within = [m.span() for key in keys if len(key) > 1 for m in re.finditer(re.escape(key), question)]
    words = {}
    # English words the question does not write: its Chinese words' glosses searched in an English text (臭氧 → ozone)
    glossed = {search_key(t) for t in terms if t.isascii() and t.isalpha() and search_key(t) not in question}
    for term in terms:
        key = search_key(term)
        if term.isascii() or not key or key not in question or key in words:
            continue
        spans = [m.span() for m in re.finditer(re.escape(key), question)]
        if all(any(a <= s and e <= b for a, b in asking) for s, e in spans):
            continue  # part of a question phrase (多长时间 -> 时间)
        name = _names([key], names) or bool(within) and all(any(a <= s and e <= b for a, b in within) for s, e in spans)
        focus = not name and any(0 <= s - b <= FOCUS_GAP or 0 <= a - e <= FOCUS_GAP for s, e in spans for a, b in asking)
        english = tuple(f for f in gloss_words(term) if f in glossed) if glossed else ()
        words[key] = Word(key, _forms(term) + english, focus, name)
    return list(words.values())


# 'how long', 'how often': the word after 'how' belongs to the question phrase (as 时间 in 多长时间), it names nothing.
_HOW_PHRASE = re.compile(r"\bhow\s+(long|often|frequently|far|old|much|many|big|large|tall|soon)\b", re.I)
# A count of people (多少交警, 几名干部, how many grid inspectors) is answered in 名/人/位 (992名), not in 个 or 家.
PERSON = "人"
_PEOPLE = re.compile(
    r"(?:多少|几)(?:个|位|名)?[\u4e00-\u9fff]{0,4}?(?:人员|员|警|干部|工人|官员|志愿者|居民|职工|队伍)"
    r"|\bhow many (?:[a-z-]+ ){0,2}?(?:people|persons|staff|officers|officials|workers|inspectors|police|policemen"
    r"|employees|cadres|volunteers|residents|personnel|wardens|guards|patrollers|rangers|members|[a-z]+men)\b",
    re.I,
)
# How often something is done asks a length of time between (每两月, 每年): as 多久 does.
_FREQUENCY = re.compile(r"\bhow (?:often|frequently)\b|频率|频次|多久一次|多长时间一次", re.I)


def _english_words(text: str, lexicon: dict[str, list[str]], names: Sequence[str]) -> list[Word]:
    asking = {m.group(1).lower() for m in _HOW_PHRASE.finditer(text)}
    units = [u for u in english_units(text, lexicon) if u.label not in asking and u.label not in EN_AUXILIARIES]
    named = {u.label for u in units if _names(u.forms, names)}
    words = [re.sub(r"'s?$", "", w.lower()) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text)]
    labels = {u.label for u in units}
    focus = set()
    for i, word in enumerate(words):  # the first two content words after the question word: 'which three provinces'
        if word not in EN_WH_WORDS:
            continue
        after = [w for w in words[i + 1 :] if w in labels and w not in named and w not in EN_AUXILIARIES][:2]
        focus.update(after)
    found = [Word(u.label, tuple(f for f in u.forms if f), u.label in focus, u.label in named) for u in units]
    return _one_per_meaning(found)


def _one_per_meaning(words: Sequence[Word]) -> list[Word]:
    """English words that mean only the same Chinese words (the syllable groups of one name: Nanshui Beidiao ->
    南水北调) are one word, as that name is in Chinese: it counts once."""
    out: list[Word] = []
    for word in words:
        meaning = {f for f in word.forms if not f.isascii()}
        same = next((i for i, w in enumerate(out) if meaning and meaning == {f for f in w.forms if not f.isascii()}), None)
        if same is None:
            out.append(word)
            continue
        first = out[same]
        out[same] = Word(f"{first.label} {word.label}", tuple(dict.fromkeys(first.forms + word.forms)),
                         first.focus or word.focus, first.name or word.name)
    return out


def _names(forms: Sequence[str], names: Sequence[str]) -> bool:
    return any(len(f) > 1 and not f.isascii() and any(f in n for n in names) for f in forms)


def _unit(text: str) -> str | None:
    """The asked unit (retriever.answerability.quantity.asked_unit), also for 钱 (money: 元) and an amount (供水量)."""
    folded = canonical(text)  # words stay apart: 'how many'
    unit = asked_unit(folded)
    if asks_person(folded):  # who talked about funding: a person, no sum
        return None
    if unit is None and _FREQUENCY.search(folded):
        return DURATION
    if unit is None and _MONEY.search(folded):
        return "元"
    if unit is None and _AMOUNT.search(folded):
        return ""
    if unit == "" and _PEOPLE.search(folded):
        return PERSON
    return unit


def asked_for(
    text: str, terms: Sequence[str], lexicon: dict[str, list[str]], names: Sequence[str] = (), subjects: Sequence[str] = ()
) -> Asked:
    """What the question asks for.

    Args:
        text: the question as typed (cleaned).
        terms: its BM25 terms (an English question's include their Chinese translations).
        lexicon: the index's English/pinyin lexicon.
        names: the speakers' names and cities (a word naming one is who or where is asked about, not what).
        subjects: the retrieved documents' subjects (short titles): a word of the question only ever within one
            (吻 in 斯氏腔吻鳕) says what is asked about, as a name does.
    """
    words = _chinese_words(text, terms, names, subjects)
    if re.search(r"[A-Za-z]", text):
        known = {w.label for w in words}
        words += [w for w in _english_words(text, lexicon, names) if w.label not in known]
    folded = search_key(text)
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"
    speaker = asks_speaker(text, lang)  # who said it: the speaker is the answer, the sentence is what they said
    host = bool(_HOST.search(text)) and not _WHO.search(text)
    if host:
        words = [replace(w, name=True) if any(_HOST_NAME.search(f) for f in (w.label, *w.forms)) else w for w in words]
    return Asked(
        words=tuple(words),
        unit=_unit(text),
        part=bool(_PART.search(folded)),
        date=bool(_WHEN.search(text)),
        host=host,
        kind=next((kind for kind, pattern in _KINDS if pattern.search(text)), None),
        listing=asked_list(text),
        document=asks_document(text),
        past=asks_past(text),
        after=asks_after(text),
        reason=asks_reason(text),
        how=asks_how(text),
        lack=asks_lack(text),
        answer=None if speaker else answer_kind(text, lang),
        named=tuple(dict.fromkeys(f for w in words if w.name for f in w.forms if len(f) > 1 and not f.isascii())),
        speaker=speaker,
        headline=HEADLINE in asked_kinds(text),
    )


def has_date(text: str) -> bool:
    """True when the text gives a day (12月17日)."""
    return bool(_DATE.search(text))


def word_weights(asked: Asked, chunks: Sequence[Chunk]) -> np.ndarray:
    """Each question word's weight: log(1 + n / df) over the n sentences of the passages; 0 when none holds it
    and for a name (the byline '局长张海冰' holds it, the answer seldom does; the city is the passage's topic)."""
    pool = list(dict.fromkeys(search_key(sentence_body(text)) for c in chunks for _, text, *_ in c.sentences()))
    counts = np.array([0 if w.name else sum(w.found_in(s) for s in pool) for w in asked.words], dtype=float)
    return np.where(counts > 0, np.log1p(len(pool) / np.maximum(counts, 1)), 0.0)


def lexical(asked: Asked, weights: np.ndarray, folded: str) -> tuple[float, float]:
    """(weighted share of the question's words in the text, weighted share of its focus words; 0 without any).

    A word found only inside a longer word also found (大连 in 大连市) does not count twice.
    """
    found = {i: [f for f in w.forms if f in folded] for i, w in enumerate(asked.words) if weights[i] > 0}
    found = {i: forms for i, forms in found.items() if forms}
    counted = [
        i for i, forms in found.items()
        if not any(j != i and all(any(f != g and f in g for g in other) for f in forms) for j, other in found.items())
    ]
    total = float(weights.sum())
    focus_total = float(sum(weights[i] for i, w in enumerate(asked.words) if w.focus))
    share = sum(weights[i] for i in counted) / total if total else 0.0
    focus = sum(weights[i] for i in counted if asked.words[i].focus) / focus_total if focus_total else 0.0
    return float(share), float(focus)


def gives_number(clause: str, unit: str) -> bool:
    """True when the clause gives a number in the unit; a count ('' : 多少, how many) is no percentage."""
    if unit:
        return has_number(clause, unit)
    return any(not clause[m.end() :].lstrip().startswith(("%", "％")) for m in number_pattern("").finditer(clause))


def quantity(asked: Asked, weights: np.ndarray, text: str) -> tuple[float, float]:
    """(the weighted share of the question's words in the best clause that gives a number in the asked unit,
    that number's scope: +1 the whole (全市共…), -1 a part (其中…), 0 when the question names a part itself)."""
    best, scope = 0.0, 0.0
    if asked.unit is None:
        return best, scope
    for clause in _CLAUSE.split(text):
        share = lexical(asked, weights, search_key(clause))[0] if gives_number(clause, asked.unit) else 0.0
        if share > best:
            best = share
            scope = 0.0 if asked.part else float(bool(_WHOLE.search(clause))) - float(bool(_PART.search(clause)))
    return best, scope
