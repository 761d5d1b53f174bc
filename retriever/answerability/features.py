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

Content words and the asked attribute are in units.py, nonsense and unknown names in names.py; their names are
re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from index.lexicon import unknown_english_names
from index.normalize import canonical, search_key
from index.records import Chunk, Kind
from retriever.answerability.entities import Entity, asked_entities
from retriever.answerability.names import Contains, is_word, nonsense, title_case, unknown_names
from retriever.answerability.quantity import asked_unit, has_number
from retriever.answerability.units import (
    EN_QUESTION_WORDS,
    ZH_QUESTION_WORDS,
    Unit,
    attribute_units,
    chinese_units,
    coverage,
    english_units,
    focus_units,
    name_words,
)

FEATURES = (
    "top_dense", "top_sentence", "dense_margin", "cover_top", "known", "entity_asked", "entity_top", "attr_cover",
    "focus_found", "unit_missing", "unknown_names", "top_part", "english", "nonsense",
)
PARTS = frozenset(k.value for k in (Kind.TITLE, Kind.NOTE, Kind.PARTICIPANTS))
TOP_PASSAGES = 5  # the passages a question that names no entity is judged on (of the evidence's 20)

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


def own_terms(evidence: Evidence) -> list[str]:
    """The question's Chinese BM25 terms that it writes itself (not an English question's translations)."""
    question = search_key(evidence.question)
    return [t for t in evidence.terms if not t.isascii() and search_key(t) in question]


def content_units(evidence: Evidence, lexicon: dict[str, list[str]]) -> list[Unit]:
    """The question's content words: its Chinese words, and its Latin words with their translations (mixed too)."""
    return chinese_units(own_terms(evidence)) + english_units(evidence.question, lexicon)


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

__all__ = [
    "EN_QUESTION_WORDS", "FEATURES", "PARTS", "TOP_PASSAGES", "ZH_QUESTION_WORDS", "Analysis", "Contains", "Evidence",
    "IndexFacts", "Unit", "analyse", "attribute_units", "chinese_units", "content_units", "coverage", "english_units",
    "focus_units", "is_word", "name_words", "nonsense", "own_terms", "question_entities", "question_unknown_names",
    "title_case", "unknown_names",
]
