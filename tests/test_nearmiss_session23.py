"""Session 23, nm4: near misses whose passage does not state the asked fact (tune cases of the session 22 note)."""

from index.normalize import canonical
from retriever.answerability.answer_check import listed_beside, names_place
from retriever.answerability.english_units import in_measure, named_measure
from retriever.answerability.focus import alias_asked, names_stated
from retriever.answerability.quantity import asked_unit


def test_named_measure_is_the_english_units_table():
    assert named_measure("What is the area of the park in square kilometres?") == "平方公里"
    assert named_measure("a few hundred kilometres?") == "公里"
    assert named_measure("the total tonnes") == "吨"
    assert named_measure("How big is the lake in km2?") == "平方公里"
    assert named_measure("how many yuan") == ""  # money is no unit of measure
    assert in_measure("What is the area, in hectares?") and not in_measure("How tall is it?")


def test_what_tonnage_asks_tonnes():
    assert asked_unit(canonical("By what tonnage did Jining's measures lower NOx emissions?")) == "吨"
    assert asked_unit(canonical("What tonnage of coal was cut?")) == "吨"


def test_a_place_listed_beside_the_asked_thing_is_not_where_it_is():
    sentence = "确定了竹埠港、锰矿地区、吴家巷工业区、湘乡五矿湖铁等四大片区47个重点项目。"
    assert listed_beside(sentence, ["锰矿"]) == ["竹埠港", "吴家巷工业区", "湘乡五矿湖铁"]
    assert not names_place(sentence, ["锰矿", "湘潭"])
    assert not names_place("重点抓好竹埠港区域企业退出和锰矿重金属治理。", ["锰矿"])
    assert names_place("在岳塘区的竹埠港、锰矿地区、吴家巷工业区等。", ["锰矿"])  # the list's own place


def test_an_alias_asked_needs_a_word_of_naming():
    assert alias_asked("斯氏腔吻鳕的别名是什么？") == "别名"
    assert alias_asked("四川地区，将五月艾称之为什么？") == "称之为"
    assert alias_asked("魏舒史称什么？") == "史称"
    assert alias_asked("西奥多·庞维勒的字是什么？") == "字"
    assert alias_asked("伊丽莎白港机场为什么又叫十分钟机场？") == ""  # why it is so called
    assert alias_asked("底特律第一长老会教堂中文名称为什么又叫佐顿谷南道？") == ""  # 名称|为什么
    assert names_stated("又名欧蓍、千叶蓍", "别名") and not names_stated("生活于深海，以鱼类为食。", "别名")
    assert names_stated("字玉汝", "字") and not names_stated("北宋女词人", "字")
