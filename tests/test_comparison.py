"""Comparative questions (retriever/answerability/comparison.py): a comparison of two figures of one passage asks the
figures, not a ratio, a winner's name or the asker's yardstick written in the text."""

from __future__ import annotations

import pytest

from eval.comparison_stress import figures, load_pool
from retriever.answerability.asked import NAME, answer_kind, more_number
from retriever.answerability.comparison import compares_amounts, ratio_asked, reference_year, which_more, yardstick
from retriever.answerability.focus import focus_units
from retriever.answerability.names import unknown_names
from retriever.answerability.quantity import asked_unit
from retriever.answerability.units import chinese_units, names_nothing

TEXT = "济宁设立乡镇环境监管网格162个，配备专职环保网格员992名。已按照导则要求整改到位2500家、关停784家。"


def contains(s: str) -> bool:
    return bool(s) and s in TEXT


def test_a_ratio_asks_the_two_figures_not_a_number_written_with_bei():
    assert ratio_asked("济宁整改到位的污染源是关停的几倍") and ratio_asked("翻了几番")
    assert asked_unit("济宁整改到位的污染源是关停的几倍？") == ""
    assert asked_unit("湘潭抽调的干部是处级领导的多少倍？") == ""
    assert asked_unit("济宁按导则关停了多少家？") == "家"  # other units as before


def test_which_is_larger_asks_a_number_unless_a_kind_follows_which():
    assert which_more("二氧化硫和烟尘哪个更多？") and which_more("哪一个比较高") and which_more("整改的和关停的哪个多")
    assert answer_kind("大连削减的二氧化硫和烟尘，哪个更多？", "zh") is None
    assert more_number("大連削減的二氧化硫和煙塵，哪一個比較多？", "zh") == ""  # traditional, canonical first
    # 哪个区…最多 names a kind after 哪个: a district the text must name
    assert not which_more("大连13个区市县里，哪个区拆的锅炉最多？")
    assert answer_kind("大连13个区市县里，哪个区拆的锅炉最多？", "zh") == NAME


def test_a_comparison_of_amounts_asks_the_figures_of_each_side():
    assert compares_amounts("大连全市拆除的燃煤锅炉比提标改造的多吗", "zh")
    assert compares_amounts("济宁的专职网格员比南阳多吗", "zh")
    assert compares_amounts("does dalian have more traffic police than jining?", "en")
    assert not compares_amounts("湘江湘潭段的水质现在比以前好了吗", "zh")  # a quality: words answer it
    assert not compares_amounts("济宁纳入导则的污染源中关停的占多大比例", "zh")  # 比例 is no comparison
    assert more_number("济宁的专职网格员比南阳多吗？", "zh") == ""
    assert more_number("湘江湘潭段的水质现在比以前好了吗？", "zh") is None


def test_a_comparison_with_last_year_asks_last_years_figure():
    assert reference_year("大连今年拆除的燃煤锅炉比去年多了多少台") == "去年"
    assert reference_year("与去年相比增加了多少") == "去年" and reference_year("同比增长多少") == "同比"
    assert reference_year("湘潭锰矿地区治理前后有什么变化") == "" and reference_year("竹埠港比以前有什么不同") == ""
    units = chinese_units(["大连", "今年", "拆除", "燃煤锅炉", "去年"])
    focus = [u.label for u in focus_units("大连今年拆除的燃煤锅炉比去年多了多少台？", "zh", units, [])]
    assert "去年" in focus and "燃煤锅炉" in focus


def test_the_askers_yardstick_is_no_unknown_name():
    text = "济宁的网格员是否超过1000名"
    at = text.index("1000")
    assert yardstick(text, at, at + 4)
    assert unknown_names("济宁的网格员是否超过一千名？", contains) == []
    assert unknown_names("济宁的网格员有1000名以上吗？", contains) == []
    assert unknown_names("濟寧網格員不到2000名吧？", contains) == []
    # a figure the question states as a fact is still checked
    assert unknown_names("济宁的1000名网格员是谁培训的？", contains) == ["1000"]


def test_amount_nouns_point_at_what_they_count():
    assert all(names_nothing(w) for w in ("数量", "人数", "总数"))
    units = chinese_units(["济宁", "网格", "数量"])
    assert [u.label for u in focus_units("济宁网格的数量是多少？", "zh", units, [])] == ["网格"]


def test_a_comparison_bi_glued_to_a_name_is_no_asked_word():
    units = chinese_units(["湘潭", "企业", "退出", "竹埠港", "比", "以前", "不同"])
    focus = focus_units("湘潭28家企业全部退出后，竹埠港比以前有什么不同？", "zh", units, [])
    assert "港比" not in [u.label for u in focus]


def test_the_pool_is_scored_by_script():
    rows = load_pool()
    assert len([r for r in rows if r["kind"] == "comparison"]) >= 50
    assert len([r for r in rows if r["kind"] == "near_miss"]) >= 12
    assert {r["script"] for r in rows} == {"simplified", "traditional", "english"}


@pytest.mark.parametrize(
    "question",
    [
        "济宁配备的专职网格员人数是网格数的几倍？",
        "湘潭發行的專項債券，是銀行配套資金的幾倍？",
        "济宁的专职网格员是否超过一千名？",
        "大連削減的二氧化硫和煙塵，哪一個比較多？",
    ],
)
def test_comparisons_one_passage_answers_are_answered(retriever, question):
    answer = retriever.answer(question)
    assert not answer.abstained, answer.notice


def test_the_stress_figures_on_the_real_retriever(retriever):
    from eval.comparison_stress import ask

    rows = [r for r in load_pool() if r["kind"] == "comparison"]
    result = figures([ask(retriever, r) for r in rows])
    assert result["FA"] <= 0.05 and result["R@5"] >= 0.95
