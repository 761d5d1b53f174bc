"""Features of the evidence for a question: pure functions over the search that was already run.

Each feature is a number; ``FEATURES`` fixes their order in the model file. The evidence is the
top passages (SearchSettings.evidence_k) of one hybrid search over the whole index, with their sentences' cosines:
a question about an entity is judged on that entity's passages among them, any other on the best five.

- ``top_dense``: the best dense score of the whole-index dense run (passage and best sentence mixed).
- ``top_sentence``: the best sentence cosine inside the top passage.
- ``dense_margin``: how far the best dense score stands above the next five (a clear best passage).
- ``cover_top``: share of the question's content words (length-weighted) found in the top passage.
- ``known``: share of the question's content words found anywhere in the transcript.
- ``entity_asked``: the question names an entity of the transcript (a speaker, their city or organisation).
- ``entity_top``: 1 / rank of the asked entity's best-ranked passage among the evidence (1 when none is
  asked, 0 when none of its passages is there).
- ``attr_cover``: how much of the asked attribute (content words that are not the entity) one
  passage of the asked entity covers (any passage when no entity is asked).
- ``focus_found``: the asked attribute (the words next to the question word: 常住人口, 利率, population)
  occurs, all of it, in a passage of the asked entity (attr_cover when the question has no such words).
- ``unit_missing``: a number is asked (多少台, how many) and that passage gives none in the unit.
- ``unknown_names``: names in the question that the transcript never mentions (capped at 2).
- ``top_part``: the top passage is a part of the document around its content (title, editor's note, participants
  list): it names who and what, and seldom answers a question of fact.
- ``english``: the question is not Chinese (cross-lingual dense scores run lower).
- ``nonsense``: the question has no word at all (emoji, punctuation, digits, key mashes, greetings).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from index.lexicon import english_words, stem, unknown_english_names
from index.normalize import CJK, canonical, search_key
from index.records import Chunk, Kind
from index.stopwords import STOPWORDS
from retriever.answerability.entities import Entity, asked_entities
from retriever.answerability.quantity import UNITS, asked_unit, has_number

FEATURES = (
    "top_dense", "top_sentence", "dense_margin", "cover_top", "known", "entity_asked", "entity_top", "attr_cover",
    "focus_found", "unit_missing", "unknown_names", "top_part", "english", "nonsense",
)
PARTS = frozenset(k.value for k in (Kind.TITLE, Kind.NOTE, Kind.PARTICIPANTS))
Contains = Callable[[str], bool]
TOP_PASSAGES = 5  # the passages a question that names no entity is judged on (of the evidence's 20)

# Words that ask rather than name what is asked about (not BM25 stopwords: they do no harm there), and
# nouns so general that any account answers them (措施, 经验: 'what measures did he mention').
ZH_QUESTION_WORDS = frozenset(
    """一共 共 总共 总计 哪里 哪儿 哪一年 哪年 一年 哪家 哪位 哪种 哪条 哪座 什么样 名字 叫 叫做 多 最 一次
    具体 主要 目前 现在 情况 大概 大约 是不是 有没有 怎么样 啥 咋 当时 分别 到底 究竟
    措施 举措 做法 办法 经验 方法 工作 内容 方面 事情 看法 观点""".split()
)
EN_QUESTION_WORDS = frozenset(
    """tell name called call please say said mention mentioned describe explain give list know total number
    kind kinds type way ways thing things happen happened hello hi hey thanks thank bye ok okay go went come came
    take took put get measure measures step steps experience experiences approach approaches situation aspect
    aspects view views""".split()
)
_UNIT_CHARS = frozenset(u for u in UNITS.split("|") if len(u) == 1)
_INTERJECTIONS = frozenset("嗯啊哈呵哦噢喔呀嘿喂唉哎呃额嘻咦哇嗨")
_GREETINGS = re.compile(r"你好|您好|谢谢|再见|在吗|早上好|晚上好|\b(?:hello|hi|hey|thanks?|thank you|bye|ok(?:ay)?)\b", re.I)
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
_FILLERS = frozenset(
    "test testing tests lol haha hehe hmm emm yes yeah nope 测试 试试 测一下 好的 是的 哈哈 呵呵 你好 您好 谢谢 再见 在吗".split()
)
_VOWEL = re.compile(r"[aeiouy]")
_NAMED_TAGS = {"ns", "nr", "nrt", "nrfg", "nt", "eng"}
_GENERIC_PLACE = re.compile(r"^[大小内外]?[河海岛山湖江]+$")  # landform words (大河, 海岛) are not named places
_lock = threading.Lock()


@dataclass(frozen=True)
class Unit:
    """A content word of the question: found in a text (in index.normalize.search_key form) when one of its forms occurs."""

    label: str
    weight: float
    forms: tuple[str, ...]

    def found_in(self, folded: str) -> bool:
        return any(f and f in folded for f in self.forms)


@dataclass(frozen=True)
class Evidence:
    """What one search found for a question: its top passages over the whole index, best first."""

    question: str
    lang: str
    terms: tuple[str, ...]
    passages: tuple[Chunk, ...]
    sentence_cosines: tuple[np.ndarray, ...]
    top_dense: float
    dense_margin: float = 0.0  # the best dense score less the mean of the next five


@dataclass(frozen=True)
class IndexFacts:
    """What the index knows beyond one search: its entities (and the conversation IndexFacts that finds
    them in a question), its lexicon, and a text lookup."""

    entities: tuple[Entity, ...]
    names: object  # retriever.conversation.knowledge.Knowledge
    contains: Contains
    lexicon: dict = field(default_factory=dict)
    known: Callable[[str], bool] | None = None  # is a term in the BM25 vocabulary (homophone slips are no unknown names)


def _weight(term: str) -> float:
    return float(min(len(term), 4))


def chinese_units(terms: Sequence[str]) -> list[Unit]:
    """Content words of a Chinese question from its BM25 terms (question words and bare units left out)."""
    units, seen = [], set()
    for term in terms:
        term = search_key(term)
        if term in seen or term in ZH_QUESTION_WORDS or term in _UNIT_CHARS or not term.strip():
            continue
        seen.add(term)
        units.append(Unit(term, _weight(term), (term,)))
    return units


def english_units(question: str, lexicon: dict[str, list[str]]) -> list[Unit]:
    """Content words of an English question, each with the Chinese terms the lexicon maps it to.

    A word the lexicon cannot map (phone, population) has only its own spelling as a form, so
    it is found in a Chinese passage only when the passage writes it (PPP, PM2.5).
    """
    words = [w for w in english_words(question) if w not in EN_QUESTION_WORDS]
    parts = [p for w in words for p in ([w] + [x for x in w.split("-") if x and x != w])]
    words = [w for w in parts if w.isascii() and w not in EN_QUESTION_WORDS]
    forms: dict[str, set[str]] = {w: {w} for w in words}
    stems = [stem(w) for w in words]
    for i, (word, key) in enumerate(zip(words, stems)):
        forms[word].update(lexicon.get(key, []))
        forms[word].update(lexicon.get(re.sub(r"[^a-z]", "", word), []))
        for size in (2, 3):  # gloss phrases (sulfur dioxide) and names written as syllable groups (wang qi)
            if i + size <= len(words):
                phrase = lexicon.get(" ".join(stems[i : i + size]), []) + lexicon.get("".join(words[i : i + size]), [])
                for other in words[i : i + size]:
                    forms[other].update(phrase)
    # A hyphenated word is found when its parts are: keep it only when it has forms of its own.
    return [
        Unit(w, 1.0, tuple(sorted(search_key(f) for f in forms[w])))
        for w in dict.fromkeys(words)
        if "-" not in w or len(forms[w]) > 1
    ]


def own_terms(evidence: Evidence) -> list[str]:
    """The question's Chinese BM25 terms that it writes itself (not an English question's translations)."""
    question = search_key(evidence.question)
    return [t for t in evidence.terms if not t.isascii() and search_key(t) in question]


def content_units(evidence: Evidence, lexicon: dict[str, list[str]]) -> list[Unit]:
    """The question's content words: its Chinese words, and its Latin words with their translations (mixed too)."""
    return chinese_units(own_terms(evidence)) + english_units(evidence.question, lexicon)


_ZH_MARKER = re.compile(r"多少|几|什么|哪|谁")
_ZH_HOW = re.compile(r"为什么|为何|怎|如何")  # why and how questions ask for no attribute
_NOUN_TAG = re.compile(r"^(?:n|vn|an|eng|l|j)")  # jieba tags of nouns, nominal verbs, idioms, abbreviations
_CLAUSE_END = re.compile(r"[，。？！；、,.?!;：:\s]")
_EN_MARKERS = frozenset("what which who whom whose how when where".split())


def focus_units(question: str, lang: str, units: Sequence[Unit], entities: Sequence[Entity]) -> list[Unit]:
    """The asked attribute: the content words next to the question word (常住人口 of 南阳市的常住人口是多少,
    员工 of 有多少名员工, 'population' of 'What is the population of Jining?'); [] for why/how questions.
    """
    aliases = [a for e in entities for a in e.aliases]

    def names_entity(word: str) -> bool:
        return any(word in a or a in word for a in aliases)

    if lang == "zh":
        cut = list(_posseg().cut(search_key(question)))
        marker = next((i for i, (w, _) in enumerate(cut) if _ZH_MARKER.search(w) and not _ZH_HOW.search(w)), None)
        if marker is None:
            return []
        found = []
        for step, stop in ((-1, -1), (1, len(cut))):  # the nearest noun on each side, within the clause
            for i in range(marker + step, stop, step):
                word, tag = cut[i]
                if _CLAUSE_END.fullmatch(word) or names_entity(word):
                    break
                if word in ZH_QUESTION_WORDS or word in STOPWORDS or len(word) < 2 or not _NOUN_TAG.match(tag):
                    continue
                found.append(Unit(word, _weight(word), (word,)))
                break
        return found
    by_label = {u.label: u for u in units}
    words, naming = name_words(question, units, entities)
    marker = next((i for i, w in enumerate(words) if w in _EN_MARKERS), None)
    if marker is None or words[marker] == "how" and marker + 1 < len(words) and words[marker + 1] not in ("many", "much"):
        return []
    found: list[Unit] = []
    for i in range(marker + 1, len(words)):
        unit = by_label.get(words[i])
        if unit is None or naming[i]:
            if found:
                break
            continue
        found.append(unit)
        if len(found) == 2:
            break
    return found


def name_words(question: str, units: Sequence[Unit], entities: Sequence[Entity]) -> tuple[list[str], list[bool]]:
    """An English question's words (lower case) and whether each names an asked entity: a word the lexicon maps
    to the entity (Guojun, Dalian), or a capitalised word it cannot map next to one (Su of 'Su Guojun')."""
    aliases = [a for e in entities for a in e.aliases]
    by_label = {u.label: u for u in units}
    raw = re.findall(r"[A-Za-z][A-Za-z0-9'-]*", unicodedata.normalize("NFKC", question))
    words = [re.sub(r"'s?$", "", w.lower()) for w in raw]
    forms = [[f for f in by_label[w].forms if not f.isascii()] if w in by_label else [] for w in words]
    naming = [any(f in a or a in f for f in cjk for a in aliases) for cjk in forms]
    for i, word in enumerate(raw):
        if word[0].isupper() and not forms[i] and any(0 <= j < len(raw) and naming[j] for j in (i - 1, i + 1)):
            naming[i] = True
    return words, naming


def coverage(units: Sequence[Unit], folded_text: str) -> float:
    """Weighted share of the units found in the text (1.0 when there are none: nothing asked is missing)."""
    total = sum(u.weight for u in units)
    if not total:
        return 1.0
    return sum(u.weight for u in units if u.found_in(folded_text)) / total


def attribute_units(units: Sequence[Unit], entities: Sequence[Entity]) -> list[Unit]:
    """The units that ask for something about the entity: all but those naming it (南阳市, Nanyang)."""
    aliases = [a for e in entities for a in e.aliases]
    return [u for u in units if not any(f in a or a in f for f in u.forms for a in aliases if f)]


def is_word(unit: Unit, question: str = "") -> bool:
    """Whether a content word is a word at all: not digits, interjections, fillers or a run of keyboard keys
    (an acronym the question writes in capitals, PPP, is a word)."""
    label = unit.label
    if label in _FILLERS or re.fullmatch(r"[\d.,%]+", label):
        return False
    if CJK.search(label):
        return any(CJK.match(c) and c not in _INTERJECTIONS for c in label)
    if len(label) < 2 or not _VOWEL.search(label) or any(label in row for row in _KEYBOARD_ROWS):
        acronym = len(label) >= 2 and re.search(rf"(?<![A-Za-z]){re.escape(label.upper())}(?![A-Za-z])", question)
        return len(unit.forms) > 1 or bool(acronym)  # the lexicon knows it (pinyin), or written as an acronym
    return True


def nonsense(question: str, lexicon: dict[str, list[str]], terms: Sequence[str] | None = None) -> float:
    """1.0 when the question holds no content word: only emoji, punctuation, digits, interjections, greetings,
    fillers (test, 测试) or key runs (asdfghjkl).

    Args:
        question: the question.
        lexicon: the index's lexicon (English and pinyin words it maps).
        terms: the question's BM25 terms (default: tokenised here).
    """
    if terms is None:
        from index.tokenize import tokenize

        terms = tokenize(question)
    text = _GREETINGS.sub(" ", question)
    units = chinese_units([t for t in terms if not t.isascii()]) + english_units(text, lexicon)
    return 0.0 if any(is_word(u, question) for u in units) else 1.0


@lru_cache(maxsize=1)
def _posseg():
    from index.tokenize import import_jieba

    posseg = import_jieba().posseg
    with _lock:
        list(posseg.cut("初始化"))
    return posseg


_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}(?![a-z])")


def _is_dictionary_word(word: str) -> bool:
    """A word of jieba's dictionary (北京) is meant as written; only other strings can be slips (黄镖)."""
    return _posseg().dt.tokenizer.FREQ.get(word, 0) > 0


def unknown_names(
    question: str, contains: Contains, lexicon: dict | None = None, known: Callable[[str], bool] | None = None
) -> list[str]:
    """Named things in a Chinese question that occur in no passage (looked up in canonical form: 南陽 is 南阳).

    Args:
        question: the question.
        contains: whether a text occurs in some passage.
        lexicon: the index's lexicon; a Latin word that looks known (index.lexicon.looks_known) is no unknown name.
        known: whether a term is in the BM25 vocabulary; a Chinese name that sounds like index words
            (a homophone slip: 黄镖车 for 黄标车) is no unknown name.
    """
    from index.lexicon import looks_known
    from index.pinyin import sounds_known

    found = []
    text = canonical(question)
    acronyms = {a.lower() for a in _ACRONYM.findall(question)}  # GDP, CEO: names, not English words
    offset = 0
    for word, tag in _posseg().cut(text):
        start, offset = offset, offset + len(word)
        named = tag in _NAMED_TAGS or (tag == "m" and re.search(r"\d{2,}", word))
        if tag == "ns" and _GENERIC_PLACE.search(word):
            named = False
        word = word.strip()
        if not named or len(word) < 2 or contains(word):
            continue
        if lexicon and word.isascii() and word not in acronyms and looks_known(word, lexicon):
            continue
        if known is not None and not word.isascii() and not _is_dictionary_word(word):
            # the slip may cut a word short (黄镖|车 for 黄标车): try it with a neighbouring character or two
            windows = [text[max(0, start - b) : offset + a] for b in (0, 1) for a in (0, 1, 2)]
            if any(sounds_known(w, contains, known) for w in windows):
                continue
        found.append(word)
    return found


def title_case(question: str) -> bool:
    """True when most words after the first are capitalised: capitals then say nothing about names."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", question)[1:] if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 2 > len(words)


def question_unknown_names(evidence: Evidence, facts: IndexFacts) -> list[str]:
    """Names in the question that the transcript never mentions (unknown_names for Chinese; for English,
    capitalised words no lexicon key or passage knows, unless the question is in title case)."""
    if evidence.lang == "zh":
        return unknown_names(evidence.question, facts.contains, facts.lexicon, facts.known)
    if not facts.lexicon or title_case(evidence.question):
        return []
    return unknown_english_names(evidence.question, facts.lexicon, facts.contains)


def question_entities(evidence: Evidence, facts: IndexFacts) -> list[Entity]:
    """The entities the question asks about, named in Chinese or in English/pinyin."""
    return asked_entities(evidence.question, facts.names, facts.entities)


@dataclass(frozen=True)
class Analysis:
    """The features of one question's evidence, and what they were computed from (for the user's notice)."""

    values: dict[str, float]
    unknown: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()  # speakers the question asks about
    unit: str | None = None  # the unit of the number asked ('' any number, None no number asked)
    focus: tuple[str, ...] = ()  # the asked attribute's words

    def vector(self, names: Sequence[str] = FEATURES) -> np.ndarray:
        return np.array([self.values[n] for n in names], dtype=float)


def analyse(evidence: Evidence, facts: IndexFacts) -> Analysis:
    """Every feature of FEATURES for one question's evidence.

    Args:
        evidence: the question and what the search found (whole index, best first).
        facts: the index's entities, lexicon and text lookup.

    Returns:
        The Analysis: feature name -> value (FEATURES order), the unknown names, the asked entities and unit.
    """
    units = content_units(evidence, facts.lexicon)
    texts = [search_key(c.text) for c in evidence.passages]
    entities = question_entities(evidence, facts)
    attribute = attribute_units(units, entities)
    if entities:  # the asked entity's passages among all the evidence; else the best few
        own = [i for i, c in enumerate(evidence.passages) if any(e.owns(c) for e in entities)]
    else:
        own = list(range(min(TOP_PASSAGES, len(evidence.passages))))
    attr_scores = [coverage(attribute, texts[i]) for i in own]
    best = own[int(np.argmax(attr_scores))] if own else None
    focus = focus_units(evidence.question, "zh" if evidence.lang == "zh" else "en", units, entities)
    focus_scores = [float(all(u.found_in(texts[i]) for u in focus)) for i in own]
    unit = asked_unit(canonical(evidence.question))
    cosines = evidence.sentence_cosines[0] if evidence.sentence_cosines else ()
    total = sum(u.weight for u in units)
    unknown = question_unknown_names(evidence, facts)
    if unknown and evidence.lang != "zh":
        words, naming = name_words(evidence.question, units, entities)
        parts = {w for w, n in zip(words, naming) if n}
        unknown = [u for u in unknown if u.lower() not in parts]
    values = {
        "top_dense": float(evidence.top_dense),
        "dense_margin": float(evidence.dense_margin),
        "top_sentence": float(np.max(cosines)) if len(cosines) else 0.0,
        "cover_top": coverage(units, texts[0]) if texts and units else 0.0,
        "known": sum(u.weight for u in units if any(facts.contains(f) for f in u.forms)) / total if total else 0.0,
        "entity_asked": float(bool(entities)),
        "entity_top": 1.0 if not entities else (1.0 / (1 + own[0]) if own else 0.0),
        "attr_cover": max(attr_scores) if attr_scores and units else 0.0,
        "focus_found": (max(focus_scores) if focus_scores else 0.0) if focus else (max(attr_scores) if attr_scores else 0.0),
        "unit_missing": float(unit is not None and (best is None or not has_number(texts[best], unit))),
        "unknown_names": float(min(len(unknown), 2)),
        "top_part": float(bool(evidence.passages) and evidence.passages[0].kind in PARTS),
        "english": float(evidence.lang != "zh"),
        "nonsense": nonsense(evidence.question, facts.lexicon, own_terms(evidence)),
    }
    return Analysis(values, tuple(unknown), tuple(e.speaker for e in entities), unit, tuple(u.label for u in focus))
