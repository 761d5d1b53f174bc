"""The normaliser (index/normalize.py): one canonical form wherever a question meets the text."""

from __future__ import annotations

import pytest

from index.normalize import (
    arabic_numerals,
    canonical,
    chinese_number,
    fold,
    numbers_in,
    readable,
    search_key,
    to_simplified,
)
from index.tokenize import tokenize


@pytest.mark.parametrize(
    "traditional,simplified",
    [("大連拆除了多少台燃煤鍋爐", "大连拆除了多少台燃煤锅炉"), ("南陽", "南阳"), ("濟寧市環保局", "济宁市环保局"),
     ("區錦雄", "区锦雄"), ("這裡的污水處理廠", "这里的污水处理厂")],
)
def test_traditional_becomes_simplified(traditional, simplified):
    assert to_simplified(traditional) == simplified
    assert to_simplified(simplified) == simplified  # simplified text is left alone
    assert search_key(traditional) == search_key(simplified)


def test_full_width_and_compatibility_characters_fold():
    assert canonical("ＰＰＰ模式，ＳＯ２减排１２４９９吨") == "ppp模式,so2减排12499吨"
    assert canonical("\u2f2f\u5382") == "工厂"  # Kangxi radical ⼯ (a PDF text layer's) is 工
    assert canonical("\uf9a4") == "\u637b"  # a CJK compatibility ideograph is its unified twin
    assert canonical("\u2ed3江") == search_key("長江") == "长江"  # radical ⻓ (CJK Radicals Supplement) and traditional 長
    assert readable("ＰＰＰ是什麼？") == "PPP是什么？"  # the embedder's form keeps punctuation and case


@pytest.mark.parametrize(
    "numeral,value",
    [("十七", 17), ("一百二十", 120), ("三千", 3000), ("一千四百一十六", 1416), ("二〇一六", 2016), ("两", 2),
     ("十", 10), ("三点五", 3.5), ("一万零五", 10005), ("十八亿", 1_800_000_000)],
)
def test_chinese_numbers(numeral, value):
    assert chinese_number(numeral) == value


def test_chinese_numerals_before_a_unit_become_arabic_and_words_stay():
    assert arabic_numerals("十七家企业") == "17家企业"
    assert arabic_numerals("一百二十名网格员") == "120名网格员"
    assert arabic_numerals("三千余名") == "3000余名"
    assert arabic_numerals("三千万元") == "3000万元"
    assert arabic_numerals("第三方") == "第3方" and arabic_numerals("百分之三十") == "30%"
    assert arabic_numerals("二〇一六年") == "2016年"
    for word in ("统一", "一是", "万一", "一方面", "一家企业", "十三五期间", "千家万户", "十分重要"):
        assert arabic_numerals(word) == word


def test_numerals_match_both_ways():
    """A question in Arabic digits meets text in Chinese numerals, and the other way round."""
    assert tokenize("十七家企业") == tokenize("17家企业")
    assert search_key("拆除了一千四百一十六台") == search_key("拆除了1416台")


def test_numbers_in_any_script():
    found = numbers_in("拆除1416台，其中市区604台；三千余名网格员；发行18亿元债券；十七家企业；百分之三十")
    assert [(q.number, q.unit) for q in found] == [
        (1416, "台"), (604, "台"), (3000, "名"), (18, "亿元"), (17, "家"), (30, "%")]
    assert found[2].approximate and not found[0].approximate
    assert found[3].value == 1.8e9
    assert numbers_in("十七家") == numbers_in("17家") == numbers_in("１７家")
    assert numbers_in("統一") == []


def test_fold_is_the_light_form_for_answer_strings():
    assert fold("大連 １４１６台") == "大連1416台"  # answers are matched as written: no t2s, no numerals
