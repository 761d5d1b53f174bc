"""Session 27 (persona25): the definition, summary and dictation frames (retriever/answerability/register.py), a count
before a surname-like character (names.py), and eval/variants_register.py's templates and arguments."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from retriever.answerability.register import registered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a meaning clause before a question of its own: the term stays as context
        ("文中所说的锰矿具体指什么，湘潭那个百年锰矿具体在哪个区？", "锰矿，湘潭那个百年锰矿具体在哪个区？"),
        ("线上千里眼监控是啥意思就是线下配啥", "线上千里眼监控，线下配啥"),
        ("所谓湘江流域专项债券，湘潭这笔钱要几年还清？", "湘江流域专项债券，湘潭这笔钱要几年还清？"),
        ("When the text says 'deputy mayor', how often does Xiangtan's deputy mayor call a meeting?",
         "How often does Xiangtan's deputy mayor call a meeting?"),
        ("What is meant by the 'two nets' here: which two networks merged?", "Which two networks merged?"),
        # the gist frames
        ("What's the gist of the names of the 28 firms that left Zhubugang?",
         "What are the names of the 28 firms that left Zhubugang?"),
        ("TL;DR of how many people attended the Haikou forum?", "How many people attended the Haikou forum?"),
        ("In a nutshell, what was Pubang's revenue?", "What was Pubang's revenue?"),
        ("Did Dalian cut SO2 by ten thousand tonnes? Just the gist.", "Did Dalian cut SO2 by ten thousand tonnes?"),
        # the official's request around an embedded question
        ("For the record, kindly indicate how often did Dalian's team carry out its checks.",
         "How often did Dalian's team carry out its checks?"),
        # a source pointer at the close
        ("Who chaired the dialogue as host, per the participants list?", "Who chaired the dialogue as host?"),
        # dictation: fillers and a possessive without its apostrophe
        ("so yeah um how many task forces did Xiangtans district form or something",
         "how many task forces did Xiangtan's district form"),
    ],
)
def test_frames_come_off(question, expected):
    assert registered(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "文中说的“两网融合”具体指哪两张网的融合？",  # one clause: the meaning is what is asked
        "Like Dalian, how many boilers did Jining remove?",  # a lone "Like" is a preposition
        "Which Three Departments Carry Environmental Duties Under Dalian's Rules?",  # title case: Duties stays
        "How much is paid per year?",
        "What measures did Jining take?",
        "What is Dalian like?",
        "嗯",
    ],
)
def test_fails_open(question):
    assert registered(question) == question


def test_count_before_a_surname_character_is_no_name():
    """哪两张网 and 多少钱建站点: 张 and 钱 are what the count counts, not surnames of unknown people."""
    from retriever.answerability.names import unknown_names

    text = "两网融合，与在线实时监控网络有机融合。投资两亿多元建设空气微站。"
    contains = text.__contains__
    assert "张网" not in unknown_names("两网融合具体指哪两张网的融合？", contains)
    assert "钱建" not in unknown_names("济宁又投了多少钱建站点", contains)
    assert "张三" in unknown_names("张三是济宁的什么人？", contains)


def test_generated_variants_keep_their_style():
    from eval.variants_register import variants

    made = dict(variants("济宁配了多少名专职网格员？", random.Random(1)))
    assert set(made) >= {"voice.zh", "formal.zh", "gist.zh"}
    assert not any(c in made["voice.zh"] for c in "，？")
    made_en = dict(variants("How many full-time grid officers does Jining have?", random.Random(1)))
    assert made_en["voice.en"][0].islower() and "?" not in made_en["voice.en"]


def test_bad_arguments_get_one_line_errors(tmp_path, capsys):
    from eval.variants_register import main

    reports = Path(__file__).resolve().parent.parent / "eval" / "reports" / "variants_register_probe"
    assert main(["--out", str(reports)]) == 2
    assert not reports.exists()
    assert main(["--out", str(tmp_path / "out"), "--per-kind", "-1"]) == 2
    assert main(["--out", str(tmp_path / "out"), "--index", str(tmp_path / "missing")]) == 2
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("error:")]
    assert len(lines) == 3 and "eval/reports" in lines[0] and "negative" in lines[1] and "missing" in lines[2]


def test_what_number_of_reads_how_many_fa10():
    """(fa10) the count asked with a noun is asked as "how many" (paraphrase stress, qword: t010 was refused on it)."""
    assert registered("What number of water fronts does Nanyang's opinion tackle together?") == \
        "How many water fronts does Nanyang's opinion tackle together?"
    assert registered("What is the number of coal boilers Dalian removed?") == "How many coal boilers Dalian removed?"
    typed = "What was the phone number of the Dalian hotline?"
    assert registered(typed) == typed


def test_learner_english_in_situ_which_reads_in_english_order_fa11():
    """(fa11) Chinese word order in English: the asked which/what stays where its answer stands, or comes first without
    the auxiliary; read in English order (eval.variants_chinglish: za055 was refused at p 0.001 on it)."""
    assert registered("Jining set which programme up with Tsinghua University to support air-quality decisions?") == \
        "Which programme did Jining set up with Tsinghua University to support air-quality decisions?"
    assert registered("Which programme Jining set up with Tsinghua University's School of Environment?") == \
        "Which programme did Jining set up with Tsinghua University's School of Environment?"
    assert registered("Nanyang follow which two planning documents?") == "Which two planning documents did Nanyang follow?"
    assert registered("Official say what about scattered data?") == "What did Official say about scattered data?"
    for typed in ("Nanyang sits on the border of which three provinces?",  # English asking back: inflected verb
                  "Dalian has a plan in which boilers go?", "In Xiangtan, which district leads?",
                  "Which two Nanyang plans set the goals?", "Which city Dalian is in?",
                  "Xiangtan official what think is wrong with records?",  # what + a word: maybe a verb
                  "Which Reservoir Area Does Nanyang Pledge?", "What did Dalian require of the boiler owners?"):
        assert registered(typed) == typed
