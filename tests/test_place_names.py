"""Pinyin place names with an English generic (index/place_names.py): on the real CC-CEDICT lexicon over a few terms."""

from index.lexicon import build_lexicon, translate, unknown_english_names
from index.lexicon_query import hanzi_for_pinyin
from index.place_names import place_names, write_place_names
from retriever.answerability.units import english_units

TERMS = ["湘江", "淮河", "竹埠港", "南阳市", "南阳", "一河", "湘潭", "治理", "洞庭湖"]


def _lexicon():
    return build_lexicon(TERMS)


def test_pinyin_and_a_generic_name_the_term_with_the_generic_character():
    lexicon = _lexicon()
    assert [n.terms for n in place_names("How clean is the Xiang River?", lexicon)] == [("湘江",)]
    assert [n.terms for n in place_names("the huai river", lexicon)] == [("淮河",)]
    assert [n.terms for n in place_names("Dongting Lake", lexicon)] == [("洞庭湖",)]
    assert [n.terms for n in place_names("Nanyang City", lexicon)] == [("南阳市",)]


def test_a_name_already_ending_in_the_generic_keeps_its_pinyin():
    lexicon = _lexicon()
    assert [n.terms for n in place_names("the Xiangjiang River", lexicon)] == [("湘江",)]
    assert [n.terms for n in place_names("Zhubugang Port", lexicon)] == [("竹埠港",)]


def test_only_a_proper_name_of_the_index_counts():
    lexicon = _lexicon()
    assert place_names("the Yi River", lexicon) == []  # 一河 (one river) is no name
    assert place_names("the Pearl River", lexicon) == []  # not pinyin (the gloss handles it)
    assert place_names("the Xiang", lexicon) == []  # no generic
    assert place_names("the Dong River", lexicon) == []  # no such term


def test_the_name_is_searched_written_and_judged_as_its_term():
    lexicon = _lexicon()
    assert write_place_names("What about the Xiang River?", lexicon) == "What about the 湘江?"
    assert "湘江" in hanzi_for_pinyin("What did Xiangtan do on the Xiang River?", lexicon)
    terms = translate("How did Xiangtan clean up the Xiang River?", lexicon)
    assert "湘江" in terms and "治理" in terms
    units = {u.label: u.forms for u in english_units("How clean is the Xiang River?", lexicon)}
    assert "湘江" in units["xiang"] and "湘江" in units["river"]
    assert unknown_english_names("What grade is the Xiang River's water?", lexicon, lambda s: False) == []


def test_a_plural_generic_names_each_listed_place():
    lexicon = build_lexicon(["唐河", "白河", "淮河"])
    names = place_names("What did Nanyang do about the Tang and Bai rivers?", lexicon)
    assert [n.terms for n in names] == [("唐河",), ("白河",)]
    assert write_place_names("the Tang, Bai and Huai rivers", lexicon) == "the 唐河, 白河 and 淮河"
    assert place_names("the Yangtze, Yellow and Huai rivers", lexicon) == []  # not every listed word is pinyin
