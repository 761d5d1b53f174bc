"""How people ask for a fact the text never gives (session 21, nm2): a count of things is no number of levels
(市县乡村4级网格 does not count 村) nor a year heading a name (2016全国环保厅局长论坛), and 位 counts people; so many
members asked (哪十五类, which three provinces) are answered only where the text lists that many; a division asked
(哪个区, which district, 在哪个省) is answered by a place's name, not by the asked city itself nor a document's title.
Reworded questions, not the sets' rows; the real index and jieba for the forum."""

from __future__ import annotations

import pytest

from index.normalize import canonical
from retriever.answerability.answer_check import clause_number, names_place
from retriever.answerability.asked import asked_division
from retriever.answerability.features import Unit
from retriever.answerability.lists import list_sizes, listed_members, members_asked
from retriever.answerability.quantity import COUNT, asked_unit, gives_count, graded_out
from tests.test_answerability_subjects import chunk as _chunk


def _values(retriever, question: str) -> dict[str, float]:
    from retriever.service import evidence_for

    return retriever.answerability.analyse(evidence_for(retriever, question)).values


# --- a count of things is no number of levels ---------------------------------------------------------------------


def test_a_number_of_levels_is_taken_out_of_a_count():
    assert "4" not in graded_out("健全市县乡村4级环境监管网格")
    assert graded_out("拆除1416台10吨以下燃煤锅炉") == "拆除1416台10吨以下燃煤锅炉"


def test_a_count_of_villages_is_not_answered_by_a_four_level_grid():
    grid = [_chunk("d", "健全市县乡村4级环境监管网格，做实一级，做强二级。")]
    villages = [Unit("村", 1.0, ("村",))]
    levels = [Unit("级", 1.0, ("级",))]
    assert clause_number(COUNT, villages, grid, villages) == 0.0
    assert clause_number(COUNT, levels, grid, levels) == 1.0  # how many levels: 4级 answers
    assert clause_number(COUNT, villages, [_chunk("d", "网格覆盖全市120个村。")], villages) == 1.0


def test_wei_counts_people_and_a_year_heading_a_name_counts_nothing():
    assert asked_unit(canonical("论坛一共有多少位厅局长到会？")) == "位"
    assert gives_count("共有28名处级领导", "位") and not gives_count("2016全国环保厅局长论坛12月17日在海口召开", "位")
    assert not gives_count("2016全国环保厅局长论坛在海口召开", COUNT)  # the forum of 2016
    assert gives_count("共2016家企业", COUNT) and gives_count("设立网格162个", COUNT)


def test_the_grid_in_the_forum(retriever):
    assert _values(retriever, "How many villages does Nanyang's four-level supervision grid cover?")["clause_number"] < 1.0
    assert _values(retriever, "How many levels does Nanyang's environmental supervision grid have?")["clause_number"] == 1.0
    assert _values(retriever, "这届厅局长论坛到会的厅局长有多少位？")["clause_number"] < 0.5  # never counted


# --- so many members asked -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "count"),
    [("南阳的“十五小”具体指哪十五类企业？", 15), ("湘潭确定了哪四大片区？", 4), ("南阳跟哪两个省联防联控？", 2),
     ("Which three provinces border Nanyang?", 3), ("南阳取缔了哪一类企业？", None), ("南阳有哪些措施？", None),
     ("济宁的导则有哪几类？", None)],
)
def test_the_members_a_question_counts(question, count):
    assert members_asked(question) == count


@pytest.mark.parametrize(
    ("clause", "size"),
    [("南阳市位于豫鄂陕三省交界处", 3), ("专项整治酿造、造纸、化工等九大重点行业", 9), ("专项整治酿造、造纸、化工等九大重点行业", 3),
     ("明确了组织、宣传和机构编制3个市委工作部门", 3), ("与陕西省、湖北省建立定期会商、联防联控和数据共享机制", 2),
     ("特邀请一些地方环保部门和企业负责人代表", 2)],
)
def test_a_clause_lists_so_many(clause, size):
    assert size in list_sizes(canonical(clause))


def test_a_class_never_split_lists_no_members():
    assert list_sizes("彻底取缔重污染的“十五小”企业") == set()
    sentences = ["彻底取缔重污染的“十五小”企业,专项整治酿造、造纸、化工等九大重点行业"]
    assert listed_members(15, [Unit("十五小", 1.0, ("十五小",))], sentences) == 0.0  # a list of 3 of 9 is another
    assert listed_members(9, [Unit("行业", 1.0, ("行业",))], sentences) == 1.0
    assert listed_members(3, [], ["一是规划先行。", "二是深度治理。", "三是强化监管。"]) == 1.0  # 一是…三是


def test_members_in_the_forum(retriever):
    assert _values(retriever, "南阳“十五小”企业分别是哪十五类？")["stated_answer"] == 0.0
    assert _values(retriever, "南阳地处哪三个省的交界？")["stated_answer"] == 1.0
    assert _values(retriever, "湘潭联合哪两个城市签了湘江枯水期的协议？")["stated_answer"] == 1.0


# --- a division asked ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "division"),
    [("大连哪个区拆的锅炉最多？", "区"), ("那个小镇在哪个省？", "省"), ("Which district of Dalian removed the most?", "区"),
     ("What county is it in?", "县"), ("在哪个城市开的？", ""), ("区长是谁？", ""), ("Which city hosted it?", "")],
)
def test_a_division_is_asked_by_its_noun(question, division):
    assert asked_division(question, "en" if question.isascii() else "zh") == division


def test_a_place_name_answers_but_not_the_asked_city():
    assert names_place("大连市甘井子区拆除了100台锅炉", ["大连", "大连市"])
    assert not names_place("大连市2016年举全市之力，打响燃煤锅炉整治攻坚战", ["大连", "大连市"])
    assert not names_place("提升城市环境质量", [])  # 城市: a common word jieba tags as a place


def test_divisions_in_the_forum(retriever):
    assert _values(retriever, "大连哪个区拆除的燃煤锅炉最多？")["stated_answer"] == 0.0
    assert _values(retriever, "Which district of Dalian removed the most coal-fired boilers?")["stated_answer"] == 0.0
    assert _values(retriever, "南阳跟哪几个省一起搞联防联控？")["stated_answer"] == 1.0  # 陕西省、湖北省
    assert _values(retriever, "Which province is Jining in?")["stated_answer"] == 1.0  # 山东省


# --- a restated figure is one the asker typed ------------------------------------------------------------------------


def test_a_number_spelt_in_words_is_no_restated_figure():
    from retriever.answerability.answer_check import quoted_numbers

    assert quoted_numbers("南水北调这两年往北边一共送了多少水？") == ()  # 这两年: a time, not the text's 2年来 restated
    assert quoted_numbers("湘潭那47个重点项目现在完工了几个？") == ("47",)
    assert quoted_numbers("湘潭那４７个项目完工了几个？") == ("47",)  # full-width digits are typed digits too
