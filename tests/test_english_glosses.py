"""Everyday English words of questions meet the transcript's words (index/glossary_en_zh.tsv), on the real index."""

from __future__ import annotations

from index.lexicon import build_lexicon, translate


def test_held_is_a_meeting_held_but_held_accountable_is_accountability():
    lexicon = build_lexicon(["召开", "保持", "问责"])
    assert "召开" in translate("When was the forum held?", lexicon)  # CC-CEDICT's 'hold' is only 保持 'to keep'
    assert "召开" in translate("Who convenes the joint meeting?", lexicon)
    held_accountable = translate("Who was held accountable?", lexicon)
    assert "问责" in held_accountable and "召开" not in held_accountable


def test_binding_and_fail_meet_the_texts_words():
    lexicon = build_lexicon(["约束性", "合格", "考核", "达标"])
    assert "约束性" in translate("How many binding targets does Dalian set?", lexicon)  # CC-CEDICT: bind → 结合
    terms = translate("What happens to units that fail the year-end review?", lexicon)
    assert {"合格", "考核"} <= set(terms)
    assert "合格" not in translate("Is the water up to standard?", lexicon)  # no loose phrase keys by one word


def test_a_forum_held_question_finds_the_editors_note_first(retriever):
    hits = retriever.search("When and where was the 2016 national forum of environmental protection bureau chiefs held?", k=1)
    assert "海口召开" in hits[0].text


def test_binding_targets_and_year_end_review_find_their_passages_first(retriever):
    assert "约束性" in retriever.search("How many binding targets does Dalian set?", k=1)[0].text
    assert "不合格" in retriever.search("What happens in Xiangtan to units that fail the year-end review?", k=1)[0].text


def test_list_as_is_listed_and_plan_alone_is_no_overfulfilment():
    lexicon = build_lexicon(["列为", "列入", "超额", "规划"])
    assert "列为" in translate("What did Xiangtan list pollution control as?", lexicon)
    plan = translate("What is Nanyang's big plan for water?", lexicon)
    assert "规划" in plan and "超额" not in plan  # 'more than planned' used to key 超额 by 'plan' alone
    assert "超额" in translate("Did they exceed the plan?", lexicon)


def test_list_as_finds_the_mayors_project_first(retriever):
    assert "市长工程" in retriever.search("What did Xiangtan list pollution control as?", k=1)[0].text


def test_sightings_are_the_texts_three_sees(retriever):
    assert "见" in retriever.query_terms("What were the three sightings Dalian required?")
    assert "见企业法人" in retriever.search("What were the three sightings Dalian required?", k=1)[0].text
