"""Which passage of a document answers: the question's own words found in a passage's own text.

A passage is embedded and BM25-indexed with its context (the document's title, its section heading,
who speaks): that puts the subject back into passages that say 本鱼…, 该片… or 他…, but it also makes
every passage of an article match the title's words alike. Within one article the fused scores
then differ by little, and BM25's length normalisation and the title's repeats decide which
passage comes first. The passage that answers is usually the one whose own text holds the
question's other words ('严长寿的出生地在哪里？': 出生地, not the name every passage carries).

Pure functions: the retriever adds coverage_weight x coverage to the fused score of the first
hits of a hybrid search (retriever/settings.py FusionSettings.coverage_weight).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from functools import lru_cache

from index.normalize import search_key

_text_key = lru_cache(maxsize=4096)(search_key)  # a passage's key (~0.3 ms for 300 characters), asked for again and again


def own_terms(terms: Iterable[str], context: Iterable[str]) -> list[str]:
    """The question's terms (search_key form, once each) that its passage's context does not already hold.

    Args:
        terms: the question's exact BM25 terms (retriever.query.ParsedQuery.terms).
        context: the passage's context lines (title, heading, speaker and role).
    """
    lines = [search_key(line) for line in context if line]
    keys = (search_key(t) for t in terms)
    return [t for t in dict.fromkeys(keys) if t and not any(t in line for line in lines)]


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
