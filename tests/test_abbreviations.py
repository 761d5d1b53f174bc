"""Official shorthand of a question (index/abbreviations.py): 省厅, 市局 and 部里 found by the full organ names the text
writes (real CC-CEDICT, real jieba, the real index of the bundled transcript)."""

from __future__ import annotations

from index.abbreviations import (
    ABBREVIATION_PREFIX,
    LEVELS,
    build_abbreviations,
    english_keys,
    expansions,
    mentions,
    organ_tables,
)
from index.lexicon import build_lexicon
from index.normalize import search_key
from retriever.answerability.units import chinese_units
from retriever.query import parse_query

TEXT = "近几年，针对遗留的污染问题，环\n境保护部、湖南省环保厅给予近 10 亿元的资金支持。大连市环保局张海冰局长。"


def test_organ_characters_and_words_come_from_cc_cedict():
    heads, words, joined = organ_tables()
    assert {"部", "厅", "局", "署", "处"} <= heads
    assert not set(LEVELS) & heads  # 省 is a level ('province'), not an organ
    assert "免" not in heads and "革" not in heads and "寺" not in heads  # a verb, an old office
    assert {"环保厅", "环保局", "环境保护部"} <= words
    assert not {"干部", "全部", "局长", "部门"} & words  # a cadre, all, a bureau chief, a department's door: no organ word
    assert {"部门", "局长"} <= joined


def test_a_mention_keeps_its_level_and_a_longer_word_is_no_mention():
    assert mentions(TEXT) == [("环境保护部", ""), ("环保厅", "省"), ("环保局", "市")]  # across a PDF line break
    assert mentions("山东省济宁市第一季度被环保部门约谈后") == []  # 环保部门: 部 starts 部门
    assert mentions("今天天气很好。") == []


def test_the_shorthand_is_the_level_and_the_head():
    table = build_abbreviations([TEXT])
    assert table["省厅"] == ["省环保厅"] and table["市局"] == ["市环保局"]
    assert table["部里"] == ["环境保护部"] and table["局里"] == ["环保局"] and table["厅里"] == ["环保厅"]
    assert "县局" not in table and "部长" not in table  # nothing the text does not write
    assert "市局" not in build_abbreviations([TEXT], terms=["市局"])  # an index term keeps its exact match alone
    assert build_abbreviations(["今天天气很好。"]) == {}


def test_the_lexicon_keeps_the_shorthand_and_a_question_searches_the_full_names():
    terms = ["湘潭", "湖南", "湖南省", "环保", "厅", "环境", "保护", "环境保护部", "资金", "支持"]
    lexicon = build_lexicon(terms, texts=[TEXT])
    assert lexicon[ABBREVIATION_PREFIX + "省厅"] == ["省环保厅"]
    assert expansions("省厅", lexicon) == ["省环保厅"] and expansions("省厅", {}) == [] and expansions("厅", lexicon) == []
    parsed = parse_query("部里和省厅给了湘潭多少资金？", lexicon, known=set(terms).__contains__)
    assert {"环境保护部", "环保", "厅"} <= set(parsed.terms)
    assert "省" not in parsed.terms  # the level alone would match every province
    assert not any(key.startswith(ABBREVIATION_PREFIX) for key in build_lexicon(terms))  # without the texts: none


def test_units_find_a_shorthand_by_the_full_name():
    lexicon = build_lexicon(["环保", "厅"], texts=[TEXT])
    units = {u.label: u for u in chinese_units(["省厅", "部里"], lexicon)}
    assert units["省厅"].found_in(search_key("湖南省环保厅给予近10亿元"))
    assert units["部里"].found_in(search_key("环境保护部、湖南省环保厅"))
    assert not units["省厅"].found_in(search_key("大连市环保局"))


def test_an_organ_written_across_index_words_is_keyed_by_the_gloss_phrases_that_name_it():
    keys = english_keys(mentions(TEXT), ["环保", "厅", "环保局", "环境保护部"])
    assert keys["environment protect depart"] == {"环保", "厅"}  # 环保厅 '(provincial) department of environmental protection'
    assert "protect" not in keys and "environment protect" not in keys  # a phrase that does not name the organ
    assert not any("bureau" in key or "ministri" in key for key in keys)  # 环保局 and 环境保护部 are index terms
    assert english_keys(mentions(TEXT), ["湘潭"]) == {}  # no index word of any organ: nothing to search


def test_the_real_index_answers_a_question_in_shorthand(retriever):
    lexicon = retriever.backend.lexicon
    assert expansions("省厅", lexicon) == ["省环保厅"] and expansions("部里", lexicon) == ["环境保护部"]
    assert expansions("市局", lexicon) == ["市环保局"]
    result = retriever.answer("部里和省厅给湘潭的重金属治理拨了多少钱？", k=5)
    assert not result.abstained, (result.confidence, result.notice)
    assert "10亿" in search_key(result.passages[0].text)


def test_an_english_question_naming_the_provincial_department_searches_its_words(retriever):
    parsed = retriever.parse("What did the Hunan Provincial Environmental Protection Department give?")
    assert {"环保", "厅"} <= set(parsed.terms)
