"""The session-7 sets (eval/sets/readers3.jsonl, followups3.jsonl): the stdlib checker passes and catches their errors.

Only the checker and the set loaders run here (no retrieval): the sets were written blind; their held-out rows are
never looked at while tuning.
"""

from __future__ import annotations

import unicodedata

from eval.followups import MORE_SETS, standalone_questions
from eval.questions import DEFAULT_SETS, SET_NAMES, load_questions
from tests.test_sets_session6 import FILES, ROOT, SETS, _check, _rows, _write

MAIN_CATEGORIES = {
    "readers3.jsonl": ("near_miss", "paraphrase_english", "colloquial", "out_of_scope"),
    "followups3.jsonl": ("ellipsis", "pronoun", "switch", "standalone", "near_miss"),
}


def _norm(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def test_the_checker_passes_and_the_split_is_by_row():
    done = _check(SETS)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "readers3.jsonl (session 7, 70% tune by row)" in done.stdout
    assert "followups3.jsonl (session 7, 70% tune by row)" in done.stdout
    for name, main in MAIN_CATEGORIES.items():
        rows = _rows(name)
        assert [r["split"] for r in rows] == ["heldout" if i % 10 in (2, 5, 8) else "tune" for i in range(len(rows))]
        for category in main:
            splits = {r["split"] for r in rows if r["category"] == category}
            assert splits == {"tune", "heldout"}, (name, category)


def test_answers_are_transcript_substrings_and_unanswerable_rows_have_none():
    text = _norm((ROOT / "data" / "env-forum-2016.txt").read_text(encoding="utf-8"))
    for name in MAIN_CATEGORIES:
        for r in _rows(name):
            if r["category"] in ("near_miss", "nonsense", "out_of_scope"):
                assert r["answers"] == [] and r["speaker"] is None, r["id"]
            else:
                assert r["answers"] and all(_norm(a) in text for a in r["answers"]), r["id"]


def test_the_sets_are_wired_into_eval():
    assert "readers3" in SET_NAMES and "readers3" in DEFAULT_SETS
    tune = load_questions(("readers3",), split="tune")
    held = load_questions(("readers3",), split="heldout")
    assert len(tune) + len(held) == len(_rows("readers3.jsonl")) and {q.set for q in tune} == {"readers3"}
    assert any(q.answerable for q in tune) and any(not q.answerable for q in tune)
    assert ("followups3", "eval/sets/followups3.jsonl", SETS / "followups3.jsonl") in MORE_SETS
    ids = {r["id"] for r in standalone_questions()}
    assert {r["id"] for r in _rows("readers3.jsonl")} <= ids


def test_the_checker_rejects_repeats_bad_splits_and_a_missing_set(tmp_path):
    for name in FILES:
        (tmp_path / name).write_bytes((SETS / name).read_bytes())
    readers3 = _rows("readers3.jsonl")
    readers3[0]["question"] = _rows("readers2.jsonl")[0]["question"]
    readers3[1]["split"] = "heldout"  # row 1 is tune under the session-7 rule
    _write(tmp_path / "readers3.jsonl", readers3)
    follow3 = _rows("followups3.jsonl")
    follow3[0]["history"] = [_rows("followups2.jsonl")[0]["history"][0]]
    follow3[3]["answers"] = ["这句话不在对话录里"]
    _write(tmp_path / "followups3.jsonl", follow3)
    done = _check(tmp_path)
    assert done.returncode == 1
    assert f"readers3.jsonl {readers3[0]['id']}: question repeats an earlier set" in done.stdout
    assert f"readers3.jsonl {readers3[1]['id']}: split 'heldout', row 1 rule says 'tune'" in done.stdout
    assert f"followups3.jsonl {follow3[0]['id']}: first turn repeats an earlier set" in done.stdout
    assert f"followups3.jsonl {follow3[3]['id']}: answer '这句话不在对话录里' not found in transcript" in done.stdout

    (tmp_path / "readers3.jsonl").unlink()
    done = _check(tmp_path)
    assert done.returncode == 1 and "readers3.jsonl: missing from" in done.stdout
