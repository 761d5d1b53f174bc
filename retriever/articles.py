"""Which of an article's passages comes first: the question's own words decide, not the title's.

Every passage of an article is indexed with its title, so the question's words that the title holds
(严长寿, 明圣王后) match every passage of it. In BM25 they still count for more where the text repeats
the name or where a passage is short, and that, not the question, often decided which passage of the
right article came first. Among the first hits of a hybrid search (FusionSettings.coverage_depth),
an article's passages of running text (Kind.TEXT) are therefore ordered within the places the article
holds (retriever.evidence.by_document):

- when the question has own words (content words the title does not hold: retriever.evidence.own_words),
  by the fused score with the BM25 of all its words replaced by the BM25 of its own words: one more BM25
  search, over those words and filtered to that article;
- when it has none (明圣王后是谁的王后？, 美庐别墅在哪里？), it asks about the subject itself, which the
  article's first passage introduces: earlier passages first.

Which document comes where is unchanged, and so are a dialogue's turns, headlines and notes (the
forum's results). FusionSettings.within_article turns it off.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from index.records import Chunk, Kind
from index.store.base import Backend, Filter, Run
from retriever.evidence import by_document, own_words
from retriever.settings import FusionSettings, Norm


def bm25_slope(sparse: Run, fusion: FusionSettings) -> float:
    """How much one unit of raw BM25 adds to a fused score: the BM25 weight over the scale its norm divides by.

    Args:
        sparse: the question's BM25 run (its scores set the scale, as in retriever.fusion).
        fusion: the settings the run was fused with (weights and norms).
    """
    if not sparse:
        return 0.0
    values = [score for _, score in sparse]
    low = min(values) if fusion.norms[1] == Norm.MINMAX else 0.0
    span = max(values) - low
    return fusion.weights[1] / span if span > 1e-12 else 0.0


def position(chunk_id: str) -> int:
    """A passage's number within its document ('doc#0003' -> 3; 0 when the id has none)."""
    number = chunk_id.rpartition("#")[2]
    return int(number) if number.isdigit() else 0


def within_articles(
    backend: Backend,
    run: Sequence[tuple[str, float]],
    sparse: Run,
    terms: Sequence[str],
    fusion: FusionSettings,
    chunks: Mapping[str, Chunk],
    titles: Mapping[str, str],
    where: Filter,
    depth: int,
) -> list[tuple[str, float]]:
    """The fused run with each article's passages among its first fusion.coverage_depth hits put in order.

    Args:
        backend: the index's backend (its BM25 index is searched over the question's own words, per article).
        run: the fused run (id, score), best first.
        sparse: the question's BM25 run, as fused.
        terms: the question's exact BM25 terms.
        fusion: the settings the run was fused with.
        chunks: the fetched passages by id (at least the first coverage_depth).
        titles: each document's title by id.
        where: the search's filter (the per-article searches keep it).
        depth: how many hits the per-article BM25 search returns.

    Returns:
        The run, as long as before; every place keeps its score.
    """
    head = list(run[: fusion.coverage_depth])
    articles: dict[str, list[str]] = {}
    for cid, _ in head:
        if chunks[cid].kind == Kind.TEXT.value:
            articles.setdefault(chunks[cid].doc, []).append(cid)
    slope, full, fused = bm25_slope(sparse, fusion), dict(sparse), dict(head)
    keys: dict[str, float] = {}
    for doc, ids in articles.items():
        if len(ids) < 2:
            continue
        own = own_words(terms, [titles.get(doc, "")])
        if not own:  # the question asks about the subject itself: the article's first passage introduces it
            keys.update((cid, -float(position(cid))) for cid in ids)
            continue
        mine = dict(backend.sparse.search(own, depth, replace(where, doc=doc)))
        keys.update((cid, fused[cid] - slope * (full.get(cid, 0.0) - mine.get(cid, 0.0))) for cid in ids)
    if not keys:
        return list(run)
    return by_document(head, {cid: chunks[cid].doc for cid in keys}, keys) + list(run[fusion.coverage_depth :])
