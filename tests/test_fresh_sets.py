"""The fresh held-out sets (eval/sets/fresh*.jsonl): checked, loaded apart from the main sets, scored in their own section.

No test here looks at how the system does on a fresh question: the scoring is exercised on tune rows of the
earlier sets relabelled as fresh, so that the fresh sets stay unread by anything that could steer tuning.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eval.gold import GoldError
from eval.questions import SET_NAMES, EvalQuestion, load_fresh, load_questions

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "eval" / "sets"


def test_the_set_checker_passes_and_covers_the_fresh_sets():
    done = subprocess.run([sys.executable, str(SETS / "check_sets.py")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "fresh.jsonl (fresh held-out" in done.stdout and "fresh_followups.jsonl (fresh held-out" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "0 errors"


def test_the_checker_rejects_a_fresh_question_that_repeats_an_earlier_set(tmp_path):
    for name in ("readers.jsonl", "followups.jsonl", "gold_split.json", "fresh_followups.jsonl"):
        (tmp_path / name).write_bytes((SETS / name).read_bytes())
    rows = [json.loads(line) for line in (SETS / "fresh.jsonl").read_text(encoding="utf-8").splitlines()]
    rows[0]["question"] = json.loads((SETS / "readers.jsonl").read_text(encoding="utf-8").splitlines()[0])["question"]
    rows[1]["split"] = "tune"
    (tmp_path / "fresh.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SETS / "check_sets.py"), "--dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert f"fresh.jsonl {rows[0]['id']}: question repeats an earlier set" in done.stdout
    assert f"fresh.jsonl {rows[1]['id']}: split 'tune'" in done.stdout


def test_fresh_questions_are_all_heldout_and_never_join_the_main_sets(tmp_path):
    fresh = load_fresh()
    assert fresh and {q.split for q in fresh} == {"heldout"} and {q.set for q in fresh} == {"fresh"}
    assert "fresh" not in SET_NAMES
    main_ids = {q.id for q in load_questions(SET_NAMES)}
    assert not main_ids & {q.id for q in fresh}
    bad = tmp_path / "fresh.jsonl"
    bad.write_text(json.dumps({"id": "fr001", "question": "q", "answers": [], "category": "nonsense",
                               "lang": "en", "split": "tune"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match="every question of a blind set is 'heldout'"):
        load_fresh(bad)


def _as_fresh(rows: list[dict], name: str = "fresh") -> list[EvalQuestion]:
    return [EvalQuestion(id=r["id"], question=r["question"], answers=tuple(r["answers"]), category=r["category"],
                         lang=r["lang"], split="heldout", set=name) for r in rows]


def test_fresh_figures_are_scored_apart_and_reported_in_their_own_section(retriever):
    from eval import report
    from eval.fresh import TITLE, evaluate_fresh, set_figures
    from eval.run import evaluate

    readers = {r["id"]: r for r in map(json.loads, (SETS / "readers.jsonl").read_text(encoding="utf-8").splitlines())}
    follow = {r["id"]: r for r in map(json.loads, (SETS / "followups.jsonl").read_text(encoding="utf-8").splitlines())}
    stand_ins = _as_fresh([readers[i] for i in ("r001", "r057", "r192", "r261")])  # tune rows standing in
    conversations = [dict(follow[i], split="heldout") for i in ("f001", "f059")]
    fresh = evaluate_fresh(retriever, ("bm25",), stand_ins, conversations)

    held = fresh["readers"]["modes"]["bm25"]["splits"]
    assert list(held) == ["heldout"] and "failures" not in held["heldout"]  # no per-question results kept
    assert held["heldout"]["retrieval"]["fresh"]["n"] == 2 and held["heldout"]["questions"] == 4
    figures = set_figures(held["heldout"], "fresh")
    assert figures["near-miss abst."] in (0.0, 1.0) and figures["out-of-scope abst."] is None
    assert fresh["followups"]["questions"] == 2 and "failures" not in fresh["followups"]

    results = evaluate(retriever, load_questions(("gold",))[:3], ("bm25",))
    before = report.markdown(results)
    results["fresh_heldout"] = fresh
    after = report.markdown(results)
    assert TITLE not in before and f"## {TITLE}" in after
    assert after.index(f"## {TITLE}") > after.index("## Failing questions (held-out)")
    assert report.main_table(results) in before  # the earlier tables do not change
    section = after[after.index(f"## {TITLE}"):]
    assert "| bm25 | **fresh** | 2 |" in section and "| bm25 | gold (earlier) |" in section
    assert "| near_miss | 1 |" in section and "| ellipsis | 1 | history |" in section
    assert "r001" not in section and "f059" not in section

    from eval.fresh import BLIND_SETS

    later = BLIND_SETS[1]  # the session-8 pair: its own section after the fresh one, its own set name
    fresh4 = evaluate_fresh(retriever, ("bm25", "hybrid"), _as_fresh([readers["r057"]], later.name), conversations[:1],
                            later)
    results["blind_heldout"] = {later.name: fresh4}
    both = report.markdown(results)
    assert both.index(f"## {TITLE}") < both.index(f"## {later.title}") and later.title != TITLE
    assert f"| bm25 | **{later.name}** | 1 |" in both and f"| hybrid | **{later.name}** | 1 |" in both and f"eval/sets/{later.readers.name} (1 reader questions)" in both
