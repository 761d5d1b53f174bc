"""Questions as readers write them (traditional, typos, pinyin, title-case English) on the real index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.normalize import fold

READERS = Path(__file__).resolve().parent.parent / "eval" / "sets" / "readers.jsonl"


def _tune_twins() -> list[tuple[str, str]]:
    """(traditional, simplified) question pairs of the tune split (the held-out split is never read by tests)."""
    rows = {r["id"]: r for r in map(json.loads, READERS.read_text(encoding="utf-8").splitlines())}
    return [(r["question"], rows[r["twin"]]["question"]) for r in rows.values()
            if r["category"] == "traditional" and r["split"] == "tune"]


def _rank(hits, answer: str) -> int | None:
    return next((h.rank for h in hits if answer in fold(h.text)), None)


def test_a_traditional_question_ranks_exactly_like_its_simplified_twin(retriever):
    pairs = _tune_twins()
    assert len(pairs) >= 10
    for traditional, simplified in pairs:
        a = retriever.search(traditional, k=5)
        b = retriever.search(simplified, k=5)
        assert [h.chunk_id for h in a] == [h.chunk_id for h in b], traditional
        assert retriever.parse(traditional).terms == retriever.parse(simplified).terms


@pytest.mark.parametrize(
    "question",
    ["大連拆除了多少台燃煤鍋爐？", "南陽為南水北調中線工程水質保護成立了什麼領導小組？", "濟寧市的專職網格員一共有幾名？"],
)
def test_traditional_questions_are_answered(retriever, question):
    answer = retriever.answer(question)
    assert not answer.abstained, answer.notice
    assert "never mentions" not in answer.notice


@pytest.mark.parametrize(
    "question,answer",
    [("燃媒锅炉", "1416台"), ("专相债券", "18亿元"), ("网隔员", "992名"), ("普邦圆林的核心价值观是什么？", "创造人与自然和谐之美"),
     ("dalian guolu", "1416台"), ("Xiangtan zhaiquan", "18亿元"), ("Wang Qi 河长制", "河长制")],
)
def test_typos_and_pinyin_reach_the_passage_through_bm25(retriever, question, answer):
    rank = _rank(retriever.search(question, k=5, mode="bm25"), answer)
    assert rank is not None and rank <= 2, (question, rank)
    assert _rank(retriever.search(question, k=5), answer) == 1


def test_a_homophone_slip_is_not_an_unknown_name(retriever):
    answer = retriever.answer("大连淘汰黄镖车出动了多少名交警？")
    assert "黄镖" not in answer.notice and not answer.abstained


def test_exact_questions_get_no_pinyin_terms_and_keep_their_ranking(retriever):
    parsed = retriever.parse("大连拆除了多少台燃煤锅炉？")
    assert parsed.expansions == ()
    exact = retriever.backend.sparse.search(list(parsed.terms), 10)
    assert retriever.search("大连拆除了多少台燃煤锅炉？", k=10, mode="bm25") and exact
    assert [h.chunk_id for h in retriever.search("大连拆除了多少台燃煤锅炉？", k=10, mode="bm25")] == [c for c, _ in exact]


@pytest.mark.parametrize(
    "question",
    ["How does Nanyang protect the water source of the South-to-North Water Diversion?",
     "What did Su Guojun say about heavy metals?",
     "What Did Su Guojun Say Xiangtan Made Into a Mayor's Project?"],
)
def test_title_case_english_is_not_refused_for_a_capitalised_word(retriever, question):
    answer = retriever.answer(question)
    assert "never mentions" not in answer.notice
    assert not answer.abstained, answer.notice


def test_an_unknown_name_is_still_refused(retriever):
    answer = retriever.answer("特斯拉在大连建了几座工厂？")
    assert answer.abstained and "特斯拉" in answer.notice


def test_english_names_reach_the_passage(retriever):
    hits = retriever.search("How much did Xiangtan raise with the Xiang River heavy metal special bonds?", k=5)
    assert _rank(hits, "18亿元") is not None
    # a question written as a title is read in sentence case (index/spelling.py, session 22, en3)
    assert retriever.parse("How Does Nanyang Protect Its Water?").search_text == "How does 南阳 protect its water?"
