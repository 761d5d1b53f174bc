"""Session 29 (nm10): a deputy's role read with 副; an amount asked per item or per period needs a rate."""

from __future__ import annotations

from eval.nearmiss_generated import generate
from eval.questions import EvalQuestion
from index.normalize import canonical
from retriever.answerability import eras
from retriever.answerability.asked import asked_roles
from retriever.answerability.quantity import RATE_WRITTEN, asked_unit, asks_rate, counted_unit


def _rate(question: str) -> bool:
    text = canonical(question)
    return asks_rate(text, counted_unit(text, asked_unit(text)))


def test_a_deputy_role_is_read_with_fu():
    assert asked_roles("湘潭副市长叫什么名字", "zh") == ("副市长",)
    assert asked_roles("Who is the deputy editor-in-chief of China Environment News?", "en") == ("副总编辑",)
    assert asked_roles("What is the name of the Jining vice-mayor?", "en") == ("副市长",)
    assert asked_roles("Who is the editor-in-chief of China Environment News?", "en") == ("总编辑",)
    eras.RULES_BEFORE = 29
    try:
        assert asked_roles("湘潭副市长叫什么名字", "zh") == ("市长",)
    finally:
        eras.RULES_BEFORE = None


def test_an_amount_asked_per_item_or_per_period_asks_a_rate():
    assert _rate("大连对主动报废的黄标车每辆补贴多少钱？")
    assert _rate("How much does Jining pay Tsinghua each year for the partnership?")
    assert _rate("济宁175个空气自动监测微站，每个站的造价是多少万元？")
    assert not _rate("大连对主动报废的黄标车补贴了多少钱？")
    # a worked-out average, and a count whose 'every' is of another thing, ask no rate of the text
    assert not _rate("南阳说两年累计向北方供水约60亿立方米，折算下来平均每年大约多少亿立方米？")
    assert not _rate("Dalian's police checked every yellow-label vehicle? How many officers took part?")
    assert RATE_WRITTEN.search("每辆补贴2000元") and RATE_WRITTEN.search("2000元/辆")
    assert not RATE_WRITTEN.search("共补贴1.2亿元")
    eras.RULES_BEFORE = 29
    try:
        assert not _rate("大连对主动报废的黄标车每辆补贴多少钱？")
    finally:
        eras.RULES_BEFORE = None


def test_generated_rate_rows():
    questions = [
        EvalQuestion("x1", "济宁在乡镇建空气站花了多少钱？", ("2亿元",), "fact", "zh", "tune", "gold"),
        EvalQuestion("x2", "济宁网格员工资多少钱？", ("每月3000元",), "fact", "zh", "tune", "gold"),
        EvalQuestion("x3", "普邦园林有多少年历史？", ("20年",), "fact", "zh", "tune", "gold"),
    ]
    rows = {(p, s): (q, a) for p, s, q, a in generate(questions)}
    assert rows[("rate_year", "x1")] == ("济宁在乡镇建空气站花了每年多少钱？", False)
    assert rows[("rate_same", "x2")][1]
    assert not any(s == "x3" and p.startswith("rate") for p, s in rows)
