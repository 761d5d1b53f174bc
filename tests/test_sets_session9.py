"""The session-9 sets (eval/sets/readers5.jsonl, followups5.jsonl): written blind, a tune half and a held-out half.

Only the checker and plain file reads run here (no retrieval, no system output): the held-out half is never tuned on.
"""

from __future__ import annotations

import inspect
from collections import Counter

from eval.followups import MORE_SETS, standalone_questions
from eval.misses import tune_ranks
from eval.questions import DEFAULT_SETS, EVAL_SETS, SET_NAMES, TUNE_SETS, load_questions
from eval.run import run_eval
from tests.test_sets_session6 import FILES, ROOT, SETS, _check, _rows, _write
from tests.test_sets_session7 import _norm
from tests.test_sets_session8 import UNANSWERABLE

READERS, FOLLOWUPS = "readers5.jsonl", "followups5.jsonl"
READER_COUNTS = {  # category -> {lang: count}
    "plain": {"zh": 10}, "traditional": {"zh": 6}, "simplified_twin": {"zh": 6}, "colloquial": {"zh": 18},
    "paraphrase_english": {"en": 18}, "title_english": {"en": 6}, "typo": {"zh": 6}, "keyword": {"zh": 6},
    "mixed": {"mixed": 6}, "near_miss": {"zh": 18, "en": 14}, "out_of_scope": {"zh": 6, "en": 5, "mixed": 1},
    "nonsense": {"zh": 1, "en": 1, "mixed": 2},
}
FOLLOWUP_COUNTS = {"ellipsis": 8, "pronoun": 8, "switch": 8, "standalone": 6, "near_miss": 6}


def _by_category(rows: list[dict]) -> dict[str, list[dict]]:
    got: dict[str, list[dict]] = {}
    for r in sorted(rows, key=lambda r: r["id"]):
        got.setdefault(r["category"], []).append(r)
    return got


def test_the_checker_passes_and_each_category_alternates_tune_and_heldout():
    done = _check(SETS)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "readers5.jsonl (session 9, half tune, half heldout)" in done.stdout
    assert "followups5.jsonl (session 9, half tune, half heldout)" in done.stdout
    for name, prefix in ((READERS, "w"), (FOLLOWUPS, "x")):
        rows = _rows(name)
        assert [r["id"] for r in rows] == [f"{prefix}{i:03d}" for i in range(1, len(rows) + 1)]
        for items in _by_category(rows).values():
            assert [r["split"] for r in items] == ["heldout" if i % 2 else "tune" for i in range(len(items))]
        assert Counter(r["split"] for r in rows) == {"tune": len(rows) // 2, "heldout": len(rows) // 2}


def test_the_counts_per_category_and_language():
    got = {c: dict(Counter(r["lang"] for r in items)) for c, items in _by_category(_rows(READERS)).items()}
    assert got == READER_COUNTS
    follow = _rows(FOLLOWUPS)
    assert Counter(r["category"] for r in follow) == FOLLOWUP_COUNTS
    assert Counter(r["lang"] for r in follow) == {"zh": 18, "en": 18}
    assert all(1 <= len(r["history"]) <= 3 for r in follow)
    assert all(r["rewritten"] == r["question"] for r in follow if r["category"] == "standalone")


def test_answers_are_transcript_substrings_and_unanswerable_rows_have_none():
    text = _norm((ROOT / "data" / "env-forum-2016.txt").read_text(encoding="utf-8"))
    for r in _rows(READERS) + _rows(FOLLOWUPS):
        if r["category"] in UNANSWERABLE:
            assert r["answers"] == [] and r["speaker"] is None, r["id"]
        else:
            assert r["answers"] and r["speaker"], r["id"]
            assert all(1 <= text.count(_norm(a)) <= 3 for a in r["answers"]), r["id"]


def test_twins_share_answers_speaker_and_split():
    rows = {r["id"]: r for r in _rows(READERS)}
    traditional = [r for r in rows.values() if r["category"] == "traditional"]
    assert len(traditional) == 6
    for r in traditional:
        twin = rows[r["twin"]]
        assert twin["category"] == "simplified_twin" and twin["twin"] == r["id"], r["id"]
        assert (twin["answers"], twin["speaker"], twin["split"]) == (r["answers"], r["speaker"], r["split"]), r["id"]
        assert r["question"] != twin["question"]


def test_the_sets_are_scored_by_default_but_not_a_default_training_set():
    assert "readers5" in SET_NAMES and "readers5" in EVAL_SETS and "readers5" not in DEFAULT_SETS
    assert inspect.signature(run_eval).parameters["sets"].default == EVAL_SETS
    assert "readers5" in TUNE_SETS and inspect.signature(tune_ranks).parameters["sets"].default == TUNE_SETS
    scored = load_questions()  # what python -m eval and the regression test score: both splits
    mine = [q for q in scored if q.set == "readers5"]
    assert len(mine) == len(_rows(READERS)) and {q.split for q in mine} == {"tune", "heldout"}
    tune = load_questions(("readers5",), split="tune")  # what the tune-only tools read
    assert len(tune) == len(_rows(READERS)) // 2 and {q.split for q in tune} == {"tune"}
    assert any(q.answerable for q in tune) and any(not q.answerable for q in tune)
    assert ("followups5", "eval/sets/followups5.jsonl", SETS / FOLLOWUPS) in MORE_SETS
    assert {r["id"] for r in _rows(READERS)} <= {r["id"] for r in standalone_questions()}


def test_the_checker_rejects_a_repeat_a_wrong_split_a_bad_answer_and_a_missing_set(tmp_path):
    for name in FILES:
        (tmp_path / name).write_bytes((SETS / name).read_bytes())
    readers5 = _rows(READERS)
    readers5[0]["question"] = _rows("readers3.jsonl")[0]["question"]  # row 0 of readers3 is tune
    readers5[1]["split"] = "tune"  # index 1 of its category: the rule says heldout
    _write(tmp_path / READERS, readers5)
    follow5 = _rows(FOLLOWUPS)
    follow5[0]["answers"] = ["这句话不在对话录里"]
    _write(tmp_path / FOLLOWUPS, follow5)
    done = _check(tmp_path)
    assert done.returncode == 1
    assert f"readers5.jsonl {readers5[0]['id']}: question repeats an earlier set" in done.stdout
    assert f"readers5.jsonl {readers5[1]['id']}: split 'tune', rule says 'heldout'" in done.stdout
    assert "readers5.jsonl: 64 of 130 rows heldout, want exactly half" in done.stdout
    assert f"followups5.jsonl {follow5[0]['id']}: answer '这句话不在对话录里' not found in transcript" in done.stdout

    (tmp_path / FOLLOWUPS).unlink()
    done = _check(tmp_path)
    assert done.returncode == 1 and "followups5.jsonl: missing from" in done.stdout
