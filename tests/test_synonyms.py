"""Chinese near-synonyms (index/synonyms.py): built from real CC-CEDICT, looked up by the query and the features."""

from __future__ import annotations

import pytest

from index.lexicon import build_lexicon
from index.records import Chunk, Speaker
from index.synonyms import SYNONYM_PREFIX, meaning, synonyms
from retriever.answerability.entities import entities_from_knowledge
from retriever.answerability.features import Evidence, IndexFacts, analyse
from retriever.answerability.units import chinese_units
from retriever.conversation.knowledge import build_knowledge

TERMS = ["燃煤", "锅炉", "案件", "公安", "市长", "淮河", "完成", "济宁", "拆除", "关停", "关闭"]


@pytest.fixture(scope="module")
def lexicon():
    return build_lexicon(TERMS)


@pytest.fixture(scope="module")
def table(lexicon):
    """index.synonyms.build_synonyms(TERMS), as the lexicon keeps it."""
    return {key[len(SYNONYM_PREFIX) :]: terms for key, terms in lexicon.items() if key.startswith(SYNONYM_PREFIX)}


def test_a_word_differing_in_one_character_of_the_same_meaning_is_paired(table):
    assert table["烧煤"] == ["燃煤"]  # 烧 and 燃 both first mean 'to burn'; both words gloss 'coal'
    assert table["案子"] == ["案件"]  # 案件's first meaning 'case' is one of 案子's ('(coll.) case')


def test_a_spoken_result_away_is_paired_with_the_written_ones(table):
    assert table["拆掉"] == ["拆除"] and table["关掉"] == ["关停", "关闭"]


def test_look_alikes_of_another_meaning_and_names_are_not_paired(table):
    assert "镇长" not in table  # a town's head is no mayor of a city: 镇 and 市 share no meaning
    assert "汾河" not in table  # a name (Fen River) stands for no other river
    assert "完整" not in table  # 'complete' is no 'to complete'
    assert not any(term in table for term in TERMS)  # the index's own words look themselves up


def test_meaning_drops_notes_articles_and_cross_references():
    assert meaning("(coll.) case (criminal, medical etc)") == "case"
    assert meaning("to burn") == "to burn"
    assert meaning("a long table") == "long table"
    assert meaning("see 大志[da4 zhi4]") == "" and meaning("variant of 燃[ran2]") == ""


def test_the_lexicon_keeps_the_pairs_and_a_question_looks_them_up(lexicon):
    assert lexicon[SYNONYM_PREFIX + "烧煤"] == ["燃煤"]
    assert synonyms("烧煤", lexicon) == ["燃煤"]
    assert synonyms("燃煤", lexicon) == [] and synonyms("boiler", lexicon) == [] and synonyms("烧煤", {}) == []
    assert "boiler" in lexicon  # the English keys are still there


def test_a_question_word_is_searched_and_found_by_its_synonym(retriever):
    parsed = retriever.parse("大连一共拆掉了多少台小型烧煤取暖炉？")
    assert "烧煤" in parsed.terms and "燃煤" in parsed.terms
    units = chinese_units(["济宁", "案子"], retriever.backend.lexicon)
    assert units[1].forms == ("案子", "案件")


def test_the_features_find_the_asked_attribute_by_its_synonym(lexicon):
    text = "全市环保公安联合查处环境违法案件76件。"
    speakers = [Speaker("许伟", "山东省济宁市环保局局长", "山东省济宁市环保局", "局长")]
    names = build_knowledge(speakers, [text], lexicon)
    contains = lambda s: bool(s) and s in text  # noqa: E731
    question = "济宁环保跟公安一块儿办了多少案子？"
    passage = Chunk("c1", "doc", "许伟", "", "", 0, 1, 1, text, (0,), ((0, len(text)),), ((1, 1),))
    found = Evidence(question, "zh", ("济宁", "环保", "公安", "办", "案子"), (passage,), (), 0.9)
    with_synonyms = analyse(found, IndexFacts(entities_from_knowledge(names), names, contains, lexicon))
    without = analyse(found, IndexFacts(entities_from_knowledge(names), names, contains, {}))
    assert "案子" in with_synonyms.focus
    assert with_synonyms.values["focus_known"] == 1.0 and without.values["focus_known"] == 0.0
    # without the synonym 案子 is a word the text never writes: evidence once (focus_known), not missing again from the
    # sentence that gives the count (features.py: the answer checks count the asked words the text writes)
    assert with_synonyms.values["focus_sentence"] == without.values["focus_sentence"] == 1.0



def test_a_meaning_far_down_the_words_list_pairs_nothing():
    table = build_lexicon(["影响", "面貌", "时期", "案件"])
    assert SYNONYM_PREFIX + "影子" not in table  # 'shadow; reflection; …; influence': its fifth meaning
    assert SYNONYM_PREFIX + "时代" not in table  # 'age; era; …; period'
    assert table[SYNONYM_PREFIX + "案子"] == ["案件"]  # '(coll.) case' is its third: a leading meaning
