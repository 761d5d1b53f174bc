"""The session-10 sets (eval/sets/readers6.jsonl, followups6.jsonl): written blind, a tune half and a held-out half.

Only the checker and plain file reads run here (no retrieval, no system output): the held-out half is never tuned on.
"""

from __future__ import annotations

from collections import Counter

from tests.test_sets_session6 import FILES, ROOT, SETS, _check, _rows, _write
from tests.test_sets_session7 import _norm
from tests.test_sets_session8 import UNANSWERABLE

READERS, FOLLOWUPS = "readers6.jsonl", "followups6.jsonl"
READER_COUNTS = {  # category -> {lang: count}
    "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
    "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
    "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 12}, "out_of_scope": {"zh": 6, "en": 5, "mixed": 1},
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
    assert "readers6.jsonl (session 10, half tune, half heldout)" in done.stdout
    assert "followups6.jsonl (session 10, half tune, half heldout)" in done.stdout
    for name, prefix in ((READERS, "v"), (FOLLOWUPS, "y")):
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


def test_most_rows_are_answerable_and_every_speaker_is_covered():
    rows = _rows(READERS)
    assert sum(r["category"] not in UNANSWERABLE for r in rows) == 106
    assert {r["speaker"] for r in rows if r["speaker"]} == {
        "王奇", "张海冰", "许伟", "苏国军", "区锦雄", "中国环境报", "编者按", "participants", "headline"}


def test_twins_share_answers_speaker_and_split():
    rows = {r["id"]: r for r in _rows(READERS)}
    traditional = [r for r in rows.values() if r["category"] == "traditional"]
    assert len(traditional) == 8
    for r in traditional:
        twin = rows[r["twin"]]
        assert twin["category"] == "simplified_twin" and twin["twin"] == r["id"], r["id"]
        assert (twin["answers"], twin["speaker"], twin["split"]) == (r["answers"], r["speaker"], r["split"]), r["id"]
        assert r["question"] != twin["question"]


def test_the_checker_rejects_a_repeat_a_wrong_split_a_bad_answer_and_a_missing_set(tmp_path):
    for name in FILES:
        (tmp_path / name).write_bytes((SETS / name).read_bytes())
    readers6 = _rows(READERS)
    readers6[0]["question"] = _rows("readers3.jsonl")[0]["question"]  # row 0 of readers3 is tune
    readers6[1]["split"] = "tune"  # index 1 of its category: the rule says heldout
    _write(tmp_path / READERS, readers6)
    follow6 = _rows(FOLLOWUPS)
    follow6[0]["answers"] = ["这句话不在对话录里"]
    follow6[2]["question"] = follow6[2]["rewritten"] = _rows("readers5.jsonl")[0]["question"]  # w001 is tune
    _write(tmp_path / FOLLOWUPS, follow6)
    done = _check(tmp_path)
    assert done.returncode == 1
    assert f"readers6.jsonl {readers6[0]['id']}: question repeats an earlier set" in done.stdout
    assert f"readers6.jsonl {readers6[1]['id']}: split 'tune', rule says 'heldout'" in done.stdout
    assert "readers6.jsonl: 74 of 150 rows heldout, want exactly half" in done.stdout
    assert f"followups6.jsonl {follow6[0]['id']}: answer '这句话不在对话录里' not found in transcript" in done.stdout
    assert f"followups6.jsonl {follow6[2]['id']}: rewritten repeats an earlier set" in done.stdout

    (tmp_path / FOLLOWUPS).unlink()
    done = _check(tmp_path)
    assert done.returncode == 1 and "followups6.jsonl: missing from" in done.stdout


def test_the_sets_are_scored_by_default_and_their_tune_half_trains():
    import inspect

    from eval.calibrate import TRAINING_SETS
    from eval.followups import MORE_SETS, standalone_questions
    from eval.misses import tune_ranks
    from eval.questions import DEFAULT_SETS, EVAL_SETS, SET_NAMES, TUNE_SETS, load_questions
    from eval.run import run_eval

    assert "readers6" in SET_NAMES and "readers6" in EVAL_SETS
    assert "readers6" not in DEFAULT_SETS and "readers6" in TRAINING_SETS and "readers6" in TUNE_SETS  # its tune half
    assert inspect.signature(run_eval).parameters["sets"].default == EVAL_SETS
    assert inspect.signature(tune_ranks).parameters["sets"].default == TUNE_SETS
    mine = [q for q in load_questions() if q.set == "readers6"]  # what python -m eval scores: both splits
    assert len(mine) == len(_rows(READERS)) and {q.split for q in mine} == {"tune", "heldout"}
    tune = load_questions(("readers6",), split="tune")  # what the tune-only tools and the training read
    assert len(tune) == len(_rows(READERS)) // 2 and {q.split for q in tune} == {"tune"}
    assert ("followups6", "eval/sets/followups6.jsonl", SETS / FOLLOWUPS) in MORE_SETS
    assert {r["id"] for r in _rows(READERS)} <= {r["id"] for r in standalone_questions()}
