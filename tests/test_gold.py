"""The gold set itself: schema, coverage, and every answer string verbatim in the corpus."""

from __future__ import annotations

from collections import Counter

import pytest

from eval.gold import LANGS, TYPES, GoldError, load_gold
from index.build import DEFAULT_CORPUS
from index.normalize import fold as norm


@pytest.fixture(scope="module")
def gold():
    return load_gold()


def test_answers_occur_in_corpus(gold):
    corpus = norm(DEFAULT_CORPUS.read_text(encoding="utf-8"))
    missing = [(q.id, a) for q in gold for a in q.answers if norm(a) not in corpus]
    assert not missing, f"answer strings not in the transcript: {missing}"


def test_ids_unique_and_fields_valid(gold):
    counts = Counter(q.id for q in gold)
    assert not [i for i, n in counts.items() if n > 1]
    assert all(q.type in TYPES and q.lang in LANGS for q in gold)
    assert all(q.question.strip() for q in gold)
    assert all(q.answers for q in gold if q.answerable)
    assert all(not q.answers for q in gold if not q.answerable)


def test_coverage(gold):
    assert len(gold) >= 100
    assert sum(q.lang == "en" for q in gold) >= 15
    assert sum(not q.answerable for q in gold) >= 15
    assert {q.type for q in gold} == set(TYPES)


def test_bad_gold_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "x", "question": "q", "answers": ["a"], "type": "trivia", "lang": "zh"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="type 'trivia' is not one of"):
        load_gold(bad)
    with pytest.raises(GoldError, match="not found"):
        load_gold(tmp_path / "missing.jsonl")
