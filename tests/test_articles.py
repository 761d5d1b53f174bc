"""Which of an article's passages comes first: its own words, not the title's (retriever/articles.py)."""

from __future__ import annotations

from retriever.articles import bm25_slope, position
from retriever.evidence import by_document, own_terms, own_words
from retriever.settings import FusionSettings, Norm


def test_words_that_name_nothing_are_not_own_words():
    assert own_terms(["蒋", "巨峰", "现在", "职务"], ["蒋巨峰"]) == ["职务"]  # 现在 asks nothing
    assert own_terms(["美庐", "别墅", "哪里"], ["美庐别墅"]) == []
    assert own_terms(["明", "圣王", "王后"], ["明圣王后"]) == []
    assert own_words(["長壽", "出生地", "Dalian", "出生地"], ["严长寿"]) == ["出生地", "Dalian", "出生地"]  # as given


def test_by_document_reorders_within_a_documents_places_only():
    run = [("a#0002", 0.9), ("b#0000", 0.8), ("a#0000", 0.7), ("c#0001", 0.6), ("a#0001", 0.5)]
    doc_of = {cid: cid.split("#")[0] for cid, _ in run}
    keys = {"a#0002": 0.1, "a#0000": 0.3, "a#0001": 0.2}
    assert by_document(run, doc_of, keys) == [
        ("a#0000", 0.9), ("b#0000", 0.8), ("a#0001", 0.7), ("c#0001", 0.6), ("a#0002", 0.5)
    ]
    assert by_document(run, doc_of, {}) == run
    tied = {"a#0002": 0.0, "a#0000": 0.0}  # ties keep their order; a#0001 has no key and stays
    assert by_document(run, doc_of, tied) == run


def test_the_bm25_slope_follows_the_fusions_weight_and_norm():
    sparse = [("a", 8.0), ("b", 4.0), ("c", 2.0)]
    assert bm25_slope(sparse, FusionSettings()) == 0.45 / 8.0
    assert bm25_slope(sparse, FusionSettings(norms=(Norm.MINMAX, Norm.MINMAX))) == 0.45 / 6.0
    assert bm25_slope([], FusionSettings()) == 0.0
    assert bm25_slope([("a", 0.0)], FusionSettings()) == 0.0


def test_position_is_the_passage_number():
    assert position("TRIAL_53#0002") == 2
    assert position("doc#12345") == 12345
    assert position("no-number") == 0
