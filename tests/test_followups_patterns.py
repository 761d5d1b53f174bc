"""python -m eval.followups_patterns (session 26's generated turn patterns): a small scored run on the real index, and
bad arguments ended with one line and exit code 2 (no traceback, before any index is opened)."""

from __future__ import annotations

import pytest

from eval.followups_patterns import PATTERNS, main


def test_a_small_scored_run_prints_every_pattern_and_its_failures(index_dir):
    lines: list[str] = []
    assert main(["--index", str(index_dir), "--per-kind", "1", "--failures"], log=lines.append) == 0
    text = "\n".join(lines)
    table = [line for line in text.splitlines() if line.startswith("|")]
    rows = [line for line in table if not line.startswith(("| group", "|---"))]
    groups = {line.split(" | ")[0][2:] for line in rows}
    assert "all answerable" in groups and groups & {"lang zh", "lang en"} and set(PATTERNS) & groups
    assert "Standalone" not in text  # this generator has no standalone check
    for line in rows:  # n, then the rewrite share and the answers' figures: numbers or —
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert int(cells[1]) >= 1 and all(c == "—" or 0.0 <= float(c) <= 1.0 for c in cells[2:])
    failures = text.splitlines()[len(table) + 1:]
    assert all(" → " in line and " ⇒ " in line for line in failures if line)


@pytest.mark.parametrize("argv", [["--per-kind", "0"], ["--per-kind", "-3"], ["--per-kind", "forty"],
                                  ["--index", "/nonexistent/forumqa-index", "--per-kind", "1"]])
def test_a_bad_argument_is_one_line_and_exit_code_2(argv, capsys, monkeypatch):
    import eval.run

    if "--index" not in argv:  # a bad count is refused before an index is opened
        monkeypatch.setattr(eval.run, "open_retriever", lambda *a, **k: pytest.fail("an index was opened"))
    assert main(argv) == 2
    out = capsys.readouterr()
    lines = [line for line in (out.out + out.err).splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in out.out + out.err
    assert ("no index at" if "--index" in argv else "--per-kind") in lines[0]


def test_the_generated_clis_share_one_tail():
    from eval.followups_generated import log_results

    results = {"groups": {"all answerable": {"n": 1, "rewrite_ok": 1.0}}, "rows": [], "unfound": ["x"]}
    lines: list[str] = []
    log_results(results, True, lines.append, table=lambda r: "TABLE", lines=lambda rows: ["one"])
    assert lines == ["TABLE", "answers no passage contains: x", "", "one"]
