"""things_unmapped (retriever/answerability/things.py): nouns of an English question the text never names."""

from __future__ import annotations

from index.glossary import _kinds, _parts
from retriever.answerability.things import is_thing, things_unmapped
from retriever.answerability.units import Unit


def _unit(label: str, *forms: str) -> Unit:
    return Unit(label, 1.0, (label, *forms))


def _unmapped(unit: Unit) -> bool:
    return len(unit.forms) == 1


def test_nouns_are_things_and_other_words_are_not() -> None:
    for word in ("passport", "passports", "wall", "ozone", "salary", "buses", "tariff"):
        assert is_thing(word), word
    for word in ("roughly", "visible", "printed", "hearing", "november", "full"):
        assert not is_thing(word), word


def test_counts_unmapped_nouns_only() -> None:
    units = [_unit("passport"), _unit("apply"), _unit("city", "城市")]
    assert things_unmapped("How do I apply for a passport in the city?", units, _unmapped) == 1.0
    units = [_unit("nobel"), _unit("prize"), _unit("chemistry")]
    assert things_unmapped("Who won the Nobel Prize in Chemistry?", units, _unmapped) == 2.0


def test_compound_part_and_asking_noun_do_not_count() -> None:
    units = [_unit("south"), _unit("route", "线路")]
    assert things_unmapped("How long is the route of the South-to-North project?", units, _unmapped) == 0.0
    units = [_unit("extent"), _unit("cut", "削减")]
    assert things_unmapped("To what extent did Dalian cut it?", units, _unmapped) == 0.0


def test_question_about_the_document_itself() -> None:
    units = [_unit("page"), _unit("subtitle"), _unit("forum", "论坛")]
    question = "What does the page subtitle call this forum?"
    titles = {"d": "2016全国环保厅局长论坛"}
    assert things_unmapped(question, units, _unmapped, top_is_part=True, titles=titles) == 0.0
    assert things_unmapped(question, units, _unmapped, top_is_part=False, titles=titles) == 2.0  # not the title passage
    verb = [_unit("page"), _unit("subtitle"), _unit("driving", "推进")]
    titles = {"d": "推进环保工作论坛"}
    assert things_unmapped("What is driving the page subtitle?", verb, _unmapped, True, titles) == 2.0  # a verb


def test_glossary_term_found_by_its_kinds() -> None:
    vocabulary = {"环保局", "公安局", "格局", "结局", "总干渠"}
    assert _kinds("局", vocabulary) == ["公安局", "环保局"]
    assert _kinds("干渠", vocabulary) == ["总干渠"]
    assert _kinds("环保局", vocabulary) == []


def test_glossary_compound_without_its_head_maps_nothing() -> None:
    assert _parts("环境保护税", {"环境保护", "环境", "保护"}) == []  # environmental tax is no 环境保护
    assert _parts("网格员", {"网格"}) == ["网格"]  # 员 is a bound suffix: grid supervisor is found by 网格
    assert _parts("生活垃圾", {"生活", "垃圾"}) == ["生活", "垃圾"]


def test_glossary_word_of_one_word_keys_the_head_only() -> None:
    from index.glossary import glossary_keys

    keys = glossary_keys({"垃圾", "生活"})
    assert keys["garbag"] == {"垃圾"}  # garbage is no 生活 of 生活垃圾
    assert keys["household wast"] == {"生活", "垃圾"}


def test_words_of_place_and_verbs_are_no_things() -> None:  # session 26, en7
    assert things_unmapped("How much did the ministry put toward Xiangtan?", [_unit("toward")], _unmapped) == 0.0
    units = [_unit("inventory", "清单"), _unit("pin")]
    assert things_unmapped("What inventory did Jining compile to pin down its sources?", units, _unmapped) == 0.0
    units = [_unit("volunteer"), _unit("river", "河")]
    assert things_unmapped("I volunteer on river cleanups: what does Nanyang do?", units, _unmapped) == 0.0
    units = [_unit("volunteer")]
    assert things_unmapped("How many volunteer groups does Nanyang have?", units, _unmapped) == 1.0


def test_generic_question_found_only_loosely() -> None:  # session 27, en8
    text = "现在蓝天数、空气质量指标都好转，单云平台管理系统形成了，锅炉编者按"

    def contains(word: str) -> bool:
        return bool(word) and word in text

    sky = [_unit("sky", "蓝天"), _unit("blue", "蓝天")]
    assert things_unmapped("Why is the sky blue?", sky, _unmapped, generic=True, contains=contains) == 2.0
    assert things_unmapped("Why is the sky blue?", sky, _unmapped, generic=False, contains=contains) == 0.0  # an entity
    assert things_unmapped("How many blue sky days?", sky, _unmapped, generic=True, contains=contains) == 0.0  # a phrase
    assert things_unmapped("Why is the sky blue in 2016?", sky, _unmapped, generic=True, contains=contains) == 0.0
    clouds = [_unit("clouds", "云"), _unit("form", "式", "形成")]  # a character, and a verb of the text
    assert things_unmapped("How do clouds form?", clouds, _unmapped, generic=True, contains=contains) == 2.0
    boiler = [_unit("sky", "蓝天"), _unit("boilers", "锅炉")]  # a noun naming a word of the text outright: silent
    assert things_unmapped("Why are the sky and the boilers blue?", boiler, _unmapped, generic=True, contains=contains) == 0.0
    mixed = [_unit("sky", "蓝天"), Unit("空气", 1.0, ("空气",))]  # a Chinese word of a mixed question: silent
    latin = lambda unit: unit.label.isascii() and _unmapped(unit)  # noqa: E731 (features.unmapped: Latin words only)
    assert things_unmapped("sky 空气", mixed, latin, generic=True, contains=contains) == 0.0


def test_unmapped_word_of_a_dictionary_noun_pair_counts() -> None:  # session 28, en9
    from retriever.answerability.things import in_noun_pair

    assert in_noun_pair("phone", "What is Wang Qi's phone number?")  # 电话 'phone number'
    assert in_noun_pair("price", "What was Tesla's share price?")  # 股价 'share price'
    assert not in_noun_pair("phone", "Who did Wang Qi phone about the number?")  # not side by side
    units = [_unit("wangqi", "王奇"), _unit("phone"), _unit("number", "数字")]
    assert things_unmapped("What is Wang Qi's phone number?", units, _unmapped) == 1.0
    units = [_unit("stretch", "段"), _unit("reached")]  # an unmapped word in no pair: nothing more
    assert things_unmapped("Which class has the stretch reached?", units, _unmapped) == 0.0
