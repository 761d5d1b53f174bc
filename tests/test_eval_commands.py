"""Every ``python -m eval.X`` tool ends bad input (no such index, unknown set, missing file) with one line, exit 2."""

from __future__ import annotations

import importlib

import pytest

# (module, arguments) whose input is bad before any work starts: each must print one "error:" line and return 2.
BAD_INPUT = [
    ("eval.misses", ["--index", "/nonexistent/forumqa-index"]),
    ("eval.misses", ["--sets", "no-such-set"]),
    ("eval.everyday_fires", ["--index", "/nonexistent/forumqa-index"]),
    ("eval.everyday_fires", ["--sets", "no-such-set"]),
    ("eval.followups_stress", ["--index", "/nonexistent/forumqa-index"]),
    ("eval.followups_stress", ["--pool", "/nonexistent/pool.jsonl"]),
    ("eval.sets_eval", ["--index", "/nonexistent/forumqa-index"]),
    ("eval.followups", ["--index", "/nonexistent/forumqa-index"]),
    ("eval.followups_refusals", ["--index", "/nonexistent/forumqa-index"]),
    ("eval.followups_refusals", ["--file", "/nonexistent/pool.jsonl"]),
    ("eval.calibrate_tables", ["--index", "/nonexistent/forumqa-index"]),
    ("eval.abstention_stress", ["--index", "/nonexistent/forumqa-index"]),
    ("eval.abstention_stress", ["--sets", "no-such-set"]),
    ("eval.calibrate_eras", ["--index", "/nonexistent/forumqa-index"]),
]


@pytest.mark.parametrize(("module", "argv"), BAD_INPUT, ids=[f"{m} {' '.join(a)}" for m, a in BAD_INPUT])
def test_bad_input_ends_an_eval_tool_with_one_line(module, argv, capsys):
    main = importlib.import_module(module).main
    assert main(argv) == 2
    out = capsys.readouterr()
    lines = [line for line in (out.out + out.err).splitlines() if line.strip()]
    assert lines and lines[-1].startswith("error: "), lines
    assert "Traceback" not in out.out + out.err
    assert any(word in lines[-1] for word in ("no index at", "unknown set", "no such file")), lines[-1]


def test_a_missing_file_is_named_on_one_line():
    from eval.command import one_line

    assert one_line(FileNotFoundError(2, "No such file or directory", "/x/pool.jsonl")) == "no such file: /x/pool.jsonl"
    from index.errors import ForumQAError

    assert one_line(ForumQAError("two\nlines")) == "two lines"


def test_abstention_stress_rejects_an_unknown_kind_and_varies_without_changing_the_question(capsys):
    from eval.abstention_stress import main, titles_of, variants
    from index.records import Speaker

    assert main(["--kinds", "no-such-kind"]) == 2
    assert capsys.readouterr().out.strip().startswith("error: unknown variant kind")
    titles = titles_of([Speaker("许伟", title="局长"), Speaker("王奇", title="局长"), Speaker("中国环境报", title="主持人")])
    assert titles == {"许伟": "许局长", "王奇": "王局长"}
    found = {v.kind: v.question for v in variants("q1", "许伟说济宁建了多少个空气站？", "zh", titles, ["济宁"])}
    assert found["quantity"] == "许伟说济宁建了几个空气站？"
    assert found["title"] == "许局长说济宁建了多少个空气站？"
    assert found["particle"].endswith("吗？") or found["particle"].endswith(("呢？", "啊？"))
    english = {v.kind: v.question for v in variants("q2", "How many air stations did Jining build?", "en")}
    assert english["lower"] == "how many air stations did jining build?"
    assert english["no_mark"] == "How many air stations did Jining build"


def test_abstention_stress_speaks_the_question_as_readers10s_personas_would():
    from eval.abstention_stress import variants

    found = {v.kind: v.question for v in variants("q1", "许伟说济宁建了多少个空气站，分别在哪里？", "zh", {}, ["济宁"])}
    assert "，" not in found["dictation"] and "就是说" in found["dictation"]
    assert "多少位" in found["learner"] and "们" in found["learner"]
    assert found["official"].startswith(("关于", "请说明"))
    assert found["homophone"] != "许伟说济宁建了多少个空气站，分别在哪里？" and "济宁" in found["homophone"]


def test_abstention_stress_asks_as_readers11s_personas_would():
    from eval.abstention_stress import variants

    pinyin = {"济宁": "Jining", "许伟": "xuwei"}
    found = {v.kind: v.question for v in variants("q2", "济宁设立了多少个空气站？", "zh", {}, ["济宁"], ["济宁"], pinyin)}
    assert found["yesno"] in ("济宁到底设立了多少个空气站？", "济宁究竟设立了多少个空气站？")
    assert found["negated"] == "济宁设立了多少个空气站，难道一个都没有吗？"
    assert found["presuppose"].startswith(("济宁真的设立过吗，", "济宁不是根本没设立吗？"))
    assert found["codeswitch"].startswith("Jining") and any(c.isascii() and c.isalpha() for c in found["codeswitch"][6:])
    assert "幾多" in found["cantonese"]
    assert found["regional"] == "濟寧設立了多少個空氣站？"
    english = {v.kind: v.question for v in variants("q3", "How many air stations did Jining build?", "en")}
    assert english["yesno"] == "How many air stations did Jining really build?"
    assert english["presuppose"] == "Did Jining really build air stations, and how many?"
    asked = {v.kind: v.question for v in variants("q4", "Does Nanyang run its sewage plants itself?", "en")}
    assert asked["negated"] == "Doesn't Nanyang run its sewage plants itself?"


def test_bench_process_names_a_missing_forumqa_script_on_one_line(capsys):
    """A relative --forumqa is read from where the command runs (a --baseline runs in its own folder); a missing one is
    named in argparse's one error line, exit 2."""
    from eval.bench_process import main

    with pytest.raises(SystemExit) as end:
        main(["--forumqa", "no/such/forumqa", "--repeats", "1"])
    assert end.value.code == 2
    err = capsys.readouterr().err
    assert "--forumqa no/such/forumqa: no such script" in err.splitlines()[-1] and "Traceback" not in err
