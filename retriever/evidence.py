"""Which passage of a document answers: the question's own words found in a passage's own text.

A passage is embedded and BM25-indexed with its context (the document's title, its section heading,
who speaks): that puts the subject back into passages that say 本鱼…, 该片… or 他…, but it also makes
every passage of an article match the title's words alike. Within one article the fused scores
then differ by little, and BM25's length normalisation and the title's repeats decide which
passage comes first. The passage that answers is usually the one whose own text holds the
question's other words ('严长寿的出生地在哪里？': 出生地, not the name every passage carries).

Pure functions: the retriever adds coverage_weight x coverage to the fused score of the first
hits of a hybrid search (retriever/settings.py FusionSettings.coverage_weight), then decides which
of an article's passages fills each place the article holds among them (retriever/articles.py):
the title's words no longer count there, only the question's own words do (by_document).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from functools import lru_cache

from index.normalize import search_key
from index.stopwords import STOPWORDS
from retriever.answerability.units import names_nothing

_text_key = lru_cache(maxsize=4096)(search_key)  # a passage's key (~0.3 ms for 300 characters), asked for again and again
_key = lru_cache(maxsize=16384)(search_key)  # a term's or a title's key, asked for once per passage and term


def own_words(terms: Iterable[str], context: Iterable[str]) -> list[str]:
    """The question's content terms, as given, whose search_key form its passage's context does not already hold.

    A term that names nothing (哪里, 什么样, 现在: retriever.answerability.units.names_nothing) or is a
    stopword is no evidence of which passage answers, so it is left out too.

    Args:
        terms: the question's exact BM25 terms (retriever.query.ParsedQuery.terms).
        context: the passage's context lines (title, heading, speaker and role).
    """
    lines = [_key(line) for line in context if line]
    return [
        t for t in terms
        if t not in STOPWORDS and not names_nothing(t) and _key(t) and not any(_key(t) in line for line in lines)
    ]


def own_terms(terms: Iterable[str], context: Iterable[str]) -> list[str]:
    """own_words() in search_key form, once each.

    Args:
        terms: the question's exact BM25 terms (retriever.query.ParsedQuery.terms).
        context: the passage's context lines (title, heading, speaker and role).
    """
    return list(dict.fromkeys(_key(t) for t in own_words(terms, context)))


def coverage(terms: Sequence[str], text: str) -> float:
    """The share of the terms (search_key form) that occur in the text; 0.0 without terms.

    Args:
        terms: from own_terms().
        text: the passage as shown (without its context).
    """
    if not terms:
        return 0.0
    key = _text_key(text)
    return sum(1 for t in terms if t in key) / len(terms)


def boost(
    fused: Sequence[tuple[Hashable, float]], bonus: Mapping[Hashable, float], weight: float
) -> list[tuple[Hashable, float]]:
    """The fused run with weight x bonus added to the score of every id that has a bonus, re-sorted (ties by id).

    Args:
        fused: (id, score), best first.
        bonus: a value in [0, 1] per id (ids without one keep their score).
        weight: how much a full bonus adds, in the fused score's units.
    """
    scored = [(cid, score + weight * bonus.get(cid, 0.0)) for cid, score in fused]
    return sorted(scored, key=lambda item: (-item[1], item[0]))


def by_document(
    run: Sequence[tuple[Hashable, float]], doc_of: Mapping[Hashable, str], keys: Mapping[Hashable, float]
) -> list[tuple[Hashable, float]]:
    """The run with each document's keyed ids re-ordered among the places they hold, best key first (ties keep
    their order); every place keeps its score, and ids without a key stay where they are.

    So which document comes where is unchanged; only which of its passages fills each of its places is.

    Args:
        run: (id, score), best first.
        doc_of: each keyed id's document.
        keys: the ids to re-order, with the value they are ordered by within their document.
    """
    places: dict[str, list[int]] = {}
    for place, (cid, _) in enumerate(run):
        if cid in keys:
            places.setdefault(doc_of[cid], []).append(place)
    ordered = list(run)
    for held in places.values():
        ids = sorted((run[place][0] for place in held), key=lambda cid: -keys[cid])  # stable: ties keep their order
        for place, cid in zip(held, ids):
            ordered[place] = (cid, run[place][1])
    return ordered
