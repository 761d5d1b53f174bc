"""The session-6 sets (eval/sets/readers2.jsonl, followups2.jsonl): the stdlib checker passes and catches their errors.

Only the checker runs here (no retrieval): the sets were written blind and are mostly tune data.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "eval" / "sets"
FILES = ("readers.jsonl", "followups.jsonl", "gold_split.json", "fresh.jsonl", "fresh_followups.jsonl",
         "readers2.jsonl", "followups2.jsonl", "readers3.jsonl", "followups3.jsonl", "readers4.jsonl",
         "followups4.jsonl", "readers5.jsonl", "followups5.jsonl", "readers6.jsonl", "followups6.jsonl",
         "readers7.jsonl", "followups7.jsonl", "readers8.jsonl", "followups8.jsonl",
         "readers9.jsonl", "followups9.jsonl", "readers10.jsonl", "followups10.jsonl",
         "readers11.jsonl", "followups11.jsonl", "readers12.jsonl", "followups12.jsonl",
         "readers13.jsonl", "followups13.jsonl", "readers14.jsonl", "followups14.jsonl",
         "readers15.jsonl", "followups15.jsonl", "readers16.jsonl", "followups16.jsonl",
         "readers17.jsonl", "followups17.jsonl", "readers18.jsonl", "followups18.jsonl",
         "readers19.jsonl", "followups19.jsonl", "readers20.jsonl", "followups20.jsonl",
         "readers21.jsonl", "followups21.jsonl", "readers22.jsonl", "followups22.jsonl",
         "readers23.jsonl", "followups23.jsonl", "readers24.jsonl", "followups24.jsonl",
         "readers25.jsonl", "followups25.jsonl", "readers26.jsonl", "followups26.jsonl",
         "readers27.jsonl", "followups27.jsonl")


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (SETS / name).read_text(encoding="utf-8").splitlines()]


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SETS / "check_sets.py"), "--dir", str(folder)],
                          capture_output=True, text=True, timeout=120)


def test_the_checker_covers_the_session6_sets_and_their_split_rule():
    done = _check(SETS)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "readers2.jsonl (session 6, 80% tune)" in done.stdout and "followups2.jsonl (session 6" in done.stdout
    for name in ("readers2.jsonl", "followups2.jsonl"):
        rows = _rows(name)
        by_cat: dict[str, list[dict]] = {}
        for r in rows:
            by_cat.setdefault(r["category"], []).append(r)
        for items in by_cat.values():
            got = [r["split"] for r in sorted(items, key=lambda r: r["id"])]
            assert got == ["heldout" if i % 5 == 2 else "tune" for i in range(len(items))]
        assert sum(r["split"] == "tune" for r in rows) / len(rows) >= 0.75


def test_the_checker_rejects_repeats_bad_splits_and_a_missing_set(tmp_path):
    for name in FILES:
        (tmp_path / name).write_bytes((SETS / name).read_bytes())
    readers2 = _rows("readers2.jsonl")
    readers2[0]["question"] = _rows("fresh.jsonl")[0]["question"]
    readers2[1]["split"] = "heldout"  # index 0/1 of their categories are tune under the session-6 rule
    _write(tmp_path / "readers2.jsonl", readers2)
    follow2 = _rows("followups2.jsonl")
    follow2[0]["history"] = [_rows("followups.jsonl")[0]["history"][0]]
    _write(tmp_path / "followups2.jsonl", follow2)
    done = _check(tmp_path)
    assert done.returncode == 1
    assert f"readers2.jsonl {readers2[0]['id']}: question repeats an earlier set" in done.stdout
    assert f"readers2.jsonl {readers2[1]['id']}: split 'heldout', rule says 'tune'" in done.stdout
    assert f"followups2.jsonl {follow2[0]['id']}: first turn repeats an earlier set" in done.stdout

    (tmp_path / "followups2.jsonl").unlink()
    done = _check(tmp_path)
    assert done.returncode == 1 and "followups2.jsonl: missing from" in done.stdout
