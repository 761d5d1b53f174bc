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
