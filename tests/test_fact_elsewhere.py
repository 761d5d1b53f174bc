"""fact_elsewhere (retriever/answerability/features.py), the rule switches (retriever/answerability/eras.py) and the
time-travel validation's bookkeeping (eval/calibrate_eras.py)."""

from __future__ import annotations

import pytest

from eval.calibrate_eras import SESSIONS, features_before, kept_before, table
from retriever.answerability import eras
from retriever.answerability.quantity import asked_unit
from retriever.service import judge


def test_another_citys_fact_is_told_elsewhere(retriever):
    # 大连's passage tells how many coal-fired boilers it removed; 南阳's passages tell of none
    assert judge(retriever, "南阳拆除了多少台燃煤锅炉？").analysis.values["fact_elsewhere"] > 0.3


@pytest.mark.parametrize("question", ["大连拆除了多少台燃煤锅炉？", "济宁有多少名网格员？", "燃煤锅炉拆除了多少台？"])
def test_the_asked_entitys_own_fact_or_no_entity_is_not_elsewhere(retriever, question):
    assert judge(retriever, question).analysis.values["fact_elsewhere"] == 0.0


def test_a_session_switch_turns_its_rules_off_and_back_on():
    assert asked_unit("湘潭给了多少补贴") == "元"
    eras.RULES_BEFORE = 12
    try:
        assert asked_unit("湘潭给了多少补贴") != "元"  # session 12's money after 多少
        assert eras.rule_on(11) and not eras.rule_on(12)
    finally:
        eras.RULES_BEFORE = None
    assert eras.rule_on(12)


def test_the_eras_drop_what_came_after_a_set():
    assert "place_absent" not in features_before(SESSIONS["readers7"]) and "place_absent" in features_before(12)
    assert "stated_answer" not in features_before(SESSIONS["readers3"]) and "stated_answer" in features_before(None)
    # session 14 left fact_elsewhere and detail_filled out of the model (eval/calibrate.py MODEL_FEATURES), session 15
    # took fact_elsewhere back: the eras fit only the model's features
    assert "fact_elsewhere" in features_before(None) and "detail_filled" not in features_before(None)
    assert not kept_before("kind swap of k001", 11) and kept_before("kind swap of k001", 12)
    assert kept_before("entity swap of q002", 7)


def test_the_table_has_a_line_a_set():
    row = {"all": {"near_miss": 0.9, "false_abstention": 0.01, "questions": 10}, "before": None}
    text = table({"readers": row, "transfer": {"session 12": {"all": row["all"], "before": row["all"]}}})
    assert "readers" in text and "0.900" in text and "<12 on old" in text
