"""The English/pinyin → Chinese lexicon built from CC-CEDICT for the index's own terms."""

from __future__ import annotations

from index.lexicon import build_lexicon, pinyin_variants, stem, translate, unknown_english_names

LEXICON = build_lexicon(["锅炉", "二氧化硫", "南阳", "济宁", "区锦雄", "张海冰", "湘潭", "燃煤", "拆除", "PPP"])


def test_glosses_and_pinyin_become_keys():
    assert "锅炉" in LEXICON["boiler"]
    assert "二氧化硫" in LEXICON["sulfur dioxide"]
    assert LEXICON["nanyang"] == ["南阳"] and LEXICON["jining"] == ["济宁"]
    assert "ou" + "jinxiong" in LEXICON  # 区 read ou as a surname, not only qu
    assert "qujinxiong" in pinyin_variants("区锦雄") or "oujinxiong" in pinyin_variants("区锦雄")


def test_stem_is_shared_by_glosses_and_queries():
    assert stem("boilers") == stem("boiler") == "boiler"
    assert stem("dismantling") == "dismantl" and stem("glass") == "glass"


def test_translate_maps_an_english_question_to_chinese_terms():
    terms = translate("How much sulfur dioxide did Nanyang's boilers emit?", LEXICON)
    assert {"二氧化硫", "南阳", "锅炉"} <= set(terms)
    assert translate("Xyzzy frobozz", LEXICON) == []


def test_unknown_english_names():
    corpus = "大连拆除锅炉ppp模式"
    assert unknown_english_names("What is the capital of France?", LEXICON, corpus.__contains__) == ["France"]
    assert unknown_english_names("What did Zhang Haibing and Ou Jinxiong say in Nanyang?", LEXICON, corpus.__contains__) == []
    assert unknown_english_names("Does Xiangtan use the PPP model in November?", LEXICON, corpus.__contains__) == []
