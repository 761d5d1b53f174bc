"""The CMRC near-miss generator on a small collection written here (real jieba, real normalisation, no judge)."""

from __future__ import annotations

from eval.cmrc import Paragraph, Question
from eval.cmrc_nearmiss import (
    ATTRIBUTES,
    Collection,
    asked_words,
    counts,
    entity_swap,
    generate,
    paragraph_kind,
    search_key,
    time_shift,
)

# Paragraphs 0, 2, 4 are the even (tune) half, 1, 3, 5 the odd half, as in eval.cmrc.
PARAGRAPHS = [
    Paragraph("P0", "张三丰", "张三丰（1950年－），中国政治家，浙江人。1981年任县长。1990年被任命为知行。他的身高是180厘米。"),
    Paragraph("P1", "李四光", "李四光，中国官员，湖南人。从未被任命为知行以外的官职。"),
    Paragraph("P2", "王五", "王五，日本演员，东京人。1995年出演电影。"),
    Paragraph("P3", "赵六", "赵六，日本演员，大阪人。2001年出演电视剧。"),
    Paragraph("P4", "青石市", "青石市是中国的一座城市。全市人口20万。1900年建城。"),
    Paragraph("P5", "绿水公园", "绿水公园位于青石市，是一座公园。"),
]
QUESTIONS = [
    Question("Q0", "张三丰什么时候被任命为知行？", ("1990年",), "P0"),
    Question("Q1", "张三丰的职业是什么？", ("政治家",), "P0"),
    Question("Q2", "1981年张三丰担任什么职务？", ("县长",), "P0"),
    Question("Q3", "王五出演了什么？", ("电影",), "P2"),
    Question("Q4", "青石市哪一年建城？", ("1900年",), "P4"),
    Question("Q5", "绿水公园位于哪里？", ("青石市",), "P5"),
]


def test_paragraph_kinds_from_the_title_and_the_first_sentence():
    assert paragraph_kind("松平康忠", "松平康忠（1546年－1618年9月28日）是日本战国时代至安土桃山时代的武将。") == "person"
    assert paragraph_kind("楚昭辅", "楚昭辅（），字拱辰，宋州宋城（今河南省商丘）人。") == "person"
    assert paragraph_kind("五月艾", "五月艾（学名：）是菊科蒿属的植物。") == "species"
    assert paragraph_kind("渡川之战", "渡川之战，又名四万十川之战，发生于天正3年（1575年）。") == "event"
    assert paragraph_kind("南宁市第二中学", "广西壮族自治区南宁市第二中学，简称南宁二中。") == "organisation"
    assert paragraph_kind("格斗天王 (电视剧)", "《格斗天王》（英文：Mr. Fighting）。") == "work"
    assert paragraph_kind("莫扎伊斯克", "莫扎伊斯克（）俄罗斯莫斯科州的一个城镇，位于莫斯科以西约110千米处。") == "place"
    assert paragraph_kind("棱柱", "棱柱是几何学中的一种常见的三维多面体。") == "other"


def test_asked_words_keep_what_the_question_asks_without_its_subject():
    assert "花" in asked_words("黄蝉的花是什么样子？", "黄蝉")  # jieba cuts 花是: the noun is kept
    assert "面积" in asked_words("萱侬律占地面积多大？", "萱侬律")  # a long word's parts
    words = asked_words("长谷川町子从师于哪位漫画家？", "长谷川町子")
    assert "漫画家" in words and not any("长谷川" in w for w in words) and "哪位" not in words
    assert "位于" in asked_words("芙蓉洞在哪里？", "芙蓉洞")  # where: what a paragraph says with 位于


def test_entity_swap_moves_to_a_same_kind_subject_of_the_same_half_that_lacks_the_fact():
    c = Collection(PARAGRAPHS)
    made = entity_swap(QUESTIONS[0], c)
    # 李四光 (odd half) is never taken for an even question; 王五's paragraph has no 任命 or 知行 and no answer
    assert made is not None and made.question == "王五什么时候被任命为知行？"
    assert (made.kind, made.half, made.source, made.id) == ("entity", "even", "Q0", "Q0#entity")
    assert not any(search_key(w) in c.text["P2"] for w in ("任命", "知行", "1990年"))
    assert entity_swap(QUESTIONS[1], c) is None  # a job: nearly every person's paragraph gives one, in its own words
    # 王五出演了什么 moved to 张三丰? His paragraph has no 出演, but 电影 (the answer) is not the check: 出演 is absent
    moved = entity_swap(QUESTIONS[3], c)
    assert moved is not None and moved.question == "张三丰出演了什么？"
    assert entity_swap(QUESTIONS[4], c) is None  # no other even place


def test_attribute_swaps_ask_only_what_no_paragraph_naming_the_subject_mentions():
    made = [m for m in generate(PARAGRAPHS, QUESTIONS) if m.kind == "attribute"]
    by_doc: dict[str, list[str]] = {}
    for m in made:
        by_doc.setdefault(m.doc, []).append(m.question)
    # 张三丰's paragraph gives his height; three questions name him: three other attributes, no repeats
    assert len(by_doc["P0"]) == 3 == len(set(by_doc["P0"])) and not any("身高" in q for q in by_doc["P0"])
    asked = {name for name, template, _ in ATTRIBUTES["person"] for q in by_doc["P0"] if q == template.format(s="张三丰")}
    assert len(asked) == 3
    c = Collection(PARAGRAPHS)
    for m in made:
        words = m.check.split("no ")[1].split("/")
        assert not any(search_key(w) in c.text[d] for d in c.naming(c.subject[m.doc], m.doc) for w in words)
    # a town is asked for no population its paragraph gives, and no ticket; a park for no population
    assert not any("人口" in q or "门票" in q for q in by_doc["P4"])
    assert not any("人口" in q for q in by_doc.get("P5", []))


def test_time_shift_moves_the_year_before_every_year_the_subject_has():
    c = Collection(PARAGRAPHS)
    made = time_shift(QUESTIONS[2], c)
    assert made is not None and made.question == "1930年张三丰担任什么职务？" and made.half == "even"
    assert "1930" not in c.text["P0"]
    assert time_shift(QUESTIONS[0], c) is None  # no year in the question


def test_generation_is_deterministic_and_counted_per_half_and_kind():
    first, second = generate(PARAGRAPHS, QUESTIONS), generate(PARAGRAPHS, QUESTIONS)
    assert first == second and len({m.id for m in first}) == len(first)
    table = counts(first)
    assert set(table) == {"even", "odd", "all"} and set(table["all"]) == {"entity", "attribute", "time"}
    assert table["all"]["entity"] == table["even"]["entity"] + table["odd"]["entity"]
    assert all(m.half == ("even", "odd")[int(m.doc[1]) % 2] for m in first)  # the source paragraph's half
