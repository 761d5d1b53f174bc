"""Everyday words of a question (index/everyday.py): the reviewed table, its build-time filter, and the question
meeting the text through it (real index, real jieba, real CC-CEDICT)."""

from __future__ import annotations

import pytest

from index.everyday import EVERYDAY_PREFIX, build_everyday, entries, everyday, table
from index.lexicon import build_lexicon
from index.records import Chunk, Speaker
from retriever.answerability.entities import entities_from_knowledge
from retriever.answerability.features import Evidence, IndexFacts, analyse
from retriever.answerability.units import chinese_units
from retriever.conversation.knowledge import build_knowledge
from retriever.query import parse_query

TERMS = ["济宁", "处罚", "金额", "资金", "企业", "关停", "冬季", "审计", "群众", "公众", "锅炉"]


@pytest.fixture(scope="module")
def lexicon():
    return build_lexicon(TERMS)


def test_the_table_is_a_small_reviewed_list():
    assert 80 <= len(table()) <= 200
    for words, terms in entries():
        assert not set(words) & set(terms), words  # no word stands for itself on its own line


def test_every_spoken_word_is_one_word_of_a_question():
    """A spoken word fires only when jieba cuts it whole: each is a word of jieba's dictionary that a question
    writing it alone is cut into (a single character may still join a neighbour that jieba does not know)."""
    from index.tokenize import import_jieba, tokenize

    jieba = import_jieba()
    jieba.dt.check_initialized()
    for word in table():
        assert jieba.dt.FREQ.get(word), f"{word} is no word of jieba's dictionary"
        assert word in tokenize(word), word
    assert "厂子" in tokenize("湘潭关掉了多少家厂子？") and "冬天" in tokenize("大连冬天为啥要拆锅炉？")


def test_every_written_term_is_a_word_of_the_lexicon():
    """The written side of each pair is a word of CC-CEDICT, of jieba's dictionary or of the domain glossary: a term a
    text of the genre writes, never a made-up phrase."""
    from index.glossary import entries as glossary
    from index.lexicon import _all_definitions
    from index.tokenize import import_jieba

    jieba = import_jieba()
    jieba.dt.check_initialized()
    known = set(_all_definitions()) | {t for _, terms in glossary() for t in terms}
    missing = sorted({t for _, terms in entries() for t in terms if t not in known and not jieba.dt.FREQ.get(t)})
    assert not missing, missing


def test_only_the_index_terms_are_kept(lexicon):
    built = build_everyday(TERMS)
    assert built["厂子"] == ["企业"] and built["冬天"] == ["冬季"] and built["查账"] == ["审计"]
    assert built["钱"] == ["资金", "金额"] and built["罚"] == ["处罚"]
    assert built["老百姓"] == ["群众", "公众"]
    assert all(set(terms) <= set(TERMS) for terms in built.values())
    assert "搬走" not in built  # 搬迁, 迁出 …: none is a term of this index
    assert lexicon[EVERYDAY_PREFIX + "厂子"] == ["企业"]
    assert everyday("厂子", lexicon) == ["企业"] and everyday("企业", lexicon) == [] and everyday("厂子", {}) == []


def test_an_everyday_word_is_searched_by_its_written_terms_only_when_the_index_lacks_it(lexicon):
    parsed = parse_query("济宁罚了多少钱？", lexicon, known=set(TERMS).__contains__)
    assert {"处罚", "资金", "金额"} <= set(parsed.terms)
    held = parse_query("济宁罚了多少钱？", lexicon, known=lambda term: True)  # an index that writes 罚 and 钱
    assert not {"处罚", "资金", "金额"} & set(held.terms)


def test_exact_matches_are_unchanged(retriever):
    """A question in the text's own words parses and ranks as it did without the table."""
    lexicon = retriever.backend.lexicon
    bare = {key: terms for key, terms in lexicon.items() if not key.startswith(EVERYDAY_PREFIX)}
    for question in ("济宁行政处罚金额是多少？", "大连拆除了多少台燃煤锅炉？", "湘潭关停了多少家企业？"):
        assert retriever.parse(question).terms == parse_query(question, bare, retriever._known).terms


def test_units_find_an_everyday_word_by_its_written_terms(lexicon):
    units = {u.label: u for u in chinese_units(["济宁", "罚", "钱", "厂子"], lexicon)}
    assert units["钱"].forms == ("钱", "资金", "金额") and units["罚"].forms == ("罚", "处罚")
    assert units["厂子"].found_in("湘潭28家企业全部退出") and not units["厂子"].found_in("湘潭全市")


def test_the_features_count_the_asked_amount_found_by_its_written_terms(lexicon):
    # (not 行政处罚金额: 罚款's near-synonym 罚金 stands inside 处罚|金额 and makes it known without the table —
    # heads.near_synonyms matches a string, not a word: left open)
    text = "截至11月底，全市环保系统立案处罚环境违法行为592起，行政处罚的金额为4085万元。"
    speakers = [Speaker("许伟", "山东省济宁市环保局局长", "山东省济宁市环保局", "局长")]
    names = build_knowledge(speakers, [text], lexicon)
    contains = lambda s: bool(s) and s in text  # noqa: E731
    question = "济宁罚款一共罚了多少钱？"
    passage = Chunk("c1", "doc", "许伟", "", "", 0, 1, 1, text, (0,), ((0, len(text)),), ((1, 1),))
    found = Evidence(question, "zh", ("济宁", "罚款", "罚", "钱"), (passage,), (), 0.9)
    facts = IndexFacts(entities_from_knowledge(names), names, contains, lexicon)
    bare = {key: terms for key, terms in lexicon.items() if not key.startswith(EVERYDAY_PREFIX)}
    with_table = analyse(found, facts)
    without = analyse(found, IndexFacts(facts.entities, names, contains, bare))
    assert with_table.values["focus_known"] == 1.0 and without.values["focus_known"] == 0.0
    assert with_table.values["focus_sentence"] == 1.0 > without.values["focus_sentence"]


@pytest.mark.parametrize(
    "question, answer",
    [
        ("济宁一共罚了多少钱？", "4085"),  # 罚 → 处罚, 钱 → 金额: 行政处罚金额4085万元
        ("湘潭关掉了多少家厂子？", "企业"),  # 关掉 → 关停, 厂子 → 企业
        ("大连冬天为啥要拆锅炉？", "冬季"),  # 冬天 → 冬季, 拆 → 拆除
    ],
)
def test_a_colloquial_question_reaches_its_passage_and_is_answered(retriever, question, answer):
    from index.normalize import search_key

    result = retriever.answer(question, k=5)
    assert not result.abstained, (question, result.confidence, result.notice)
    assert any(search_key(answer) in search_key(hit.text) for hit in result.passages[:3]), question
