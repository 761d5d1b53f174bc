"""How an encyclopaedia states what a question asks (session 22, cmrc9): the four checks that refused CMRC 2018's
answerable questions read the forum's way of asking and answering only.

- focus (focus.py): a noun set between 在 and a word of position (在地球上生存了多少年) is where the fact happens, not
  the asked attribute; a noun of manner (方式, 方法) asks how, answered in the text's own verbs (经静脉注射或口服给药),
  the noun it qualifies (用药) is asked; a when-question's verb of naming or ranking (列为) is stated with its result by
  another verb (登录为世界文化遗产).
- duration (quantity.py): 2,400万年 is a length of time, and a span between two dates (花期1-3月) says how long.
- who (answer_check.py): a doer named after 由/被 before the asked deed (目前由爱贝克思代理) or opening the deed's clause
  (香港无线电视已于2006年买下…) answers who, whatever kind of body it is; a doer's noun (代理人) is held where its deed
  (代理) is written (specificity.py too).

Reworded sentences, not CMRC's rows; jieba and CC-CEDICT as installed."""

from __future__ import annotations

from retriever.answerability.answer_check import (
    asked_deeds,
    doer_deed,
    doer_named,
    sentences_of,
    stated_answer,
    with_deeds,
)
from retriever.answerability.asked import PERSON
from retriever.answerability.features import Unit
from retriever.answerability.focus import focus_units, manner_noun
from retriever.answerability.quantity import DURATION, gives_count
from retriever.answerability.specificity import specific_cover
from tests.test_answerability_subjects import chunk as _chunk


def _unit(word: str) -> Unit:
    return Unit(word, 1.0, (word,))


def _labels(question: str, words: list[str]) -> list[str]:
    return [u.label for u in focus_units(question, "zh", [_unit(w) for w in words], [])]


# --- focus ----------------------------------------------------------------------------------------------------------


def test_a_setting_is_no_asked_attribute():
    assert "地球" not in _labels("这种动物在地球上生存了多少年？", ["动物", "地球", "生存"])
    assert "水" not in _labels("这种鱼在水中能活多少天？", ["鱼", "水", "活"])
    assert _labels("南阳的常住人口是多少？", ["南阳", "常住人口"]) == ["常住人口"]  # no setting: unchanged


def test_a_noun_of_manner_asks_how_the_qualified_thing_is_done():
    assert manner_noun("方式") and manner_noun("方法") and manner_noun("办法")
    assert not manner_noun("形式") and not manner_noun("人口") and not manner_noun("用途")
    assert _labels("这种药的用药方式是什么样的？", ["药", "用药", "方式"]) == ["用药"]


def test_a_result_verb_is_stated_by_its_result():
    focus = focus_units("老城区是何时被列为世界文化遗产的？", "zh", [], [])
    event = next(u for u in focus if u.label == "列为")
    assert "为世界文化遗产" in event.forms
    assert any(event.found_in(t) for t in ["老城区在1986年被UNESCO登录为世界文化遗产"])
    plain = next(u for u in focus_units("论坛是哪一年举行的？", "zh", [], []) if u.label == "举行")
    assert plain.forms == ("举行",)  # a verb without 为 keeps its own form only


# --- duration -------------------------------------------------------------------------------------------------------


def test_a_length_of_time_with_a_magnitude_or_a_span_answers_how_long():
    assert gives_count("并持续生存到末期，生存了近2,400万年", DURATION)
    assert gives_count("约3亿年", DURATION)
    assert gives_count("花期1-3月。", DURATION)
    assert gives_count("任期1999年至2005年", DURATION)
    assert not gives_count("2016年1月", DURATION)  # a date is no length
    assert not gives_count("12月17日", DURATION)
    assert not gives_count("第1-3名", DURATION)


# --- who ------------------------------------------------------------------------------------------------------------


def _fresh(asked):
    return lambda w: len(w) >= 2 and not any(w in a for a in asked)


def test_a_doer_after_you_or_opening_the_clause_answers_who():
    asked = ["香港", "播映权", "买下"]
    opening = sentences_of("香港无线电视已于2006年买下在香港的播映权，同年播映。")[0]
    assert doer_named(opening, ["买下"], _fresh(asked))
    agent = sentences_of("台湾方面，目前由爱贝克思代理。")[0]
    assert doer_named(agent, ["代理"], _fresh(["台湾", "代理人"]))
    assert not doer_named(sentences_of("播映权已经卖出。")[0], ["买下"], _fresh(asked))  # the deed is not told
    assert not doer_named(sentences_of("他已于2006年买下播映权。")[0], ["买下"], _fresh(asked))  # a pronoun names no one


def test_deeds_of_a_who_question():
    assert doer_deed("代理人") == "代理" and doer_deed("负责人") == "负责" and doer_deed("人口") == ""
    assert asked_deeds([_unit("播映权"), _unit("买下")]) == ("买下",)
    assert [u.forms for u in with_deeds([_unit("代理人")])] == [("代理人", "代理")]


def test_stated_answer_takes_the_doer_of_the_deed():
    passages = [_chunk("d", "台湾方面，2006年5月前是由EMI代理，目前由爱贝克思代理。")]
    words = [_unit("代理人")]
    assert stated_answer(PERSON, words, passages, ["台湾", "代理人"]) == 1.0
    told = [_chunk("d", "台湾方面的代理合约已经到期。")]  # the deed without its doer
    assert stated_answer(PERSON, words, told, ["台湾", "代理人"]) < 1.0
    # a question naming the role whose holder it asks still needs a person's name
    assert stated_answer(PERSON, words, passages, ["台湾", "代理人"], role=True) < 1.0


def test_a_doer_noun_is_held_where_its_deed_is_written():
    keys = ["目前由爱贝克思代理台湾的唱片", "台湾的山很高", "另一家公司发行唱片"]
    units = [_unit("台湾"), _unit("代理人"), _unit("唱片")]
    assert specific_cover(units, keys) == 1.0
