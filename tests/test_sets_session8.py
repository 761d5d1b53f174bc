"""The session-8 sets (eval/sets/readers4.jsonl, followups4.jsonl): written blind, every row held out.

Only the checker and plain file reads run here (no retrieval, no system output): nobody tunes on these sets.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from tests.test_sets_session6 import FILES, ROOT, SETS, _check, _rows, _write
from tests.test_sets_session7 import _norm

sys.path.insert(0, str(SETS))
from check_rules import qkey  # noqa: E402  (the checker's own normalisation, eval/sets is not a package)

READERS, FOLLOWUPS = "readers4.jsonl", "followups4.jsonl"
READER_COUNTS = {  # category -> {lang: count}
    "near_miss": {"zh": 25, "en": 15}, "out_of_scope": {"zh": 6, "en": 5, "mixed": 1},
    "nonsense": {"zh": 1, "en": 2, "mixed": 2}, "plain": {"zh": 10}, "colloquial": {"zh": 8},
    "paraphrase_english": {"en": 10}, "title_english": {"en": 5}, "traditional": {"zh": 6},
    "simplified_twin": {"zh": 6}, "typo": {"zh": 5}, "keyword": {"zh": 5}, "mixed": {"mixed": 6},
}
UNANSWERABLE = ("near_miss", "nonsense", "out_of_scope")


def _others() -> set[str]:
    """qkey()s of every question, history turn and rewrite of every other set file and of eval/gold.jsonl."""
    keys = set()
    paths = [p for p in sorted(SETS.glob("*.jsonl")) if p.name not in (READERS, FOLLOWUPS)]
    for path in paths + [ROOT / "eval" / "gold.jsonl"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            keys |= {qkey(s) for s in r.get("history", []) + [r.get("question", ""), r.get("rewritten", "")] if s}
    return keys


def test_the_checker_passes_and_every_row_is_held_out():
    done = _check(SETS)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "readers4.jsonl (session 8, all heldout)" in done.stdout
    assert "followups4.jsonl (session 8, all heldout)" in done.stdout
    for name, prefix in ((READERS, "u"), (FOLLOWUPS, "v")):
        rows = _rows(name)
        assert {r["split"] for r in rows} == {"heldout"}
        assert [r["id"] for r in rows] == [f"{prefix}{i:03d}" for i in range(1, len(rows) + 1)]


def test_the_counts_per_category_and_language():
    got: dict[str, Counter] = {}
    for r in _rows(READERS):
        got.setdefault(r["category"], Counter())[r["lang"]] += 1
    assert {c: dict(n) for c, n in got.items()} == READER_COUNTS
    follow = _rows(FOLLOWUPS)
    assert Counter(r["category"] for r in follow) == {"ellipsis": 6, "pronoun": 6, "switch": 5, "standalone": 3,
                                                      "near_miss": 5}
    assert sum(r["lang"] == "en" for r in follow) / len(follow) >= 0.4
    assert all(1 <= len(r["history"]) <= 3 for r in follow)


def test_answers_are_transcript_substrings_and_unanswerable_rows_have_none():
    text = _norm((ROOT / "data" / "env-forum-2016.txt").read_text(encoding="utf-8"))
    for r in _rows(READERS) + _rows(FOLLOWUPS):
        if r["category"] in UNANSWERABLE:
            assert r["answers"] == [] and r["speaker"] is None, r["id"]
        else:
            assert r["answers"] and r["speaker"], r["id"]
            assert all(1 <= text.count(_norm(a)) <= 3 for a in r["answers"]), r["id"]


def test_twins_point_to_real_rows_of_the_file():
    rows = {r["id"]: r for r in _rows(READERS)}
    traditional = [r for r in rows.values() if r["category"] == "traditional"]
    assert len(traditional) == 6
    for r in traditional:
        twin = rows[r["twin"]]
        assert twin["category"] == "simplified_twin" and twin["twin"] == r["id"], r["id"]
        assert twin["answers"] == r["answers"] and twin["speaker"] == r["speaker"], r["id"]
        assert r["question"] != twin["question"]
    assert all(r["twin"] is None for r in rows.values() if r["category"] not in ("traditional", "simplified_twin"))


def test_no_question_repeats_any_other_set():
    others = _others()
    mine = [r["question"] for r in _rows(READERS)]
    for r in _rows(FOLLOWUPS):
        mine += [r["history"][0], r["rewritten"]] + ([r["question"]] if r["category"] == "standalone" else [])
    repeated = [q for q in mine if qkey(q) in others]
    assert repeated == []
    assert len({qkey(r["question"]) for r in _rows(READERS)}) == len(_rows(READERS))


def test_the_checker_rejects_a_repeat_a_tune_row_a_broken_twin_and_a_missing_set(tmp_path):
    for name in FILES:
        (tmp_path / name).write_bytes((SETS / name).read_bytes())
    readers4 = _rows(READERS)
    readers4[0]["question"] = _rows("readers3.jsonl")[0]["question"]
    readers4[1]["split"] = "tune"
    twin = next(i for i, r in enumerate(readers4) if r["category"] == "traditional")
    readers4[twin]["twin"] = "u999"
    _write(tmp_path / READERS, readers4)
    follow4 = _rows(FOLLOWUPS)
    follow4[0]["answers"] = ["这句话不在对话录里"]
    _write(tmp_path / FOLLOWUPS, follow4)
    done = _check(tmp_path)
    assert done.returncode == 1
    assert f"readers4.jsonl {readers4[0]['id']}: question repeats an earlier set" in done.stdout
    assert f"readers4.jsonl {readers4[1]['id']}: split 'tune', every item of this set is 'heldout'" in done.stdout
    assert f"readers4.jsonl {readers4[twin]['id']}: twin 'u999' missing" in done.stdout
    assert f"followups4.jsonl {follow4[0]['id']}: answer '这句话不在对话录里' not found in transcript" in done.stdout

    (tmp_path / FOLLOWUPS).unlink()
    done = _check(tmp_path)
    assert done.returncode == 1 and "followups4.jsonl: missing from" in done.stdout
