"""The hand-written stress pools of session 17 (eval/quote_stress.jsonl, eval/prompt_stress.jsonl): every answer string
is the transcript's own text, and their scorers turn a missing pool file into a one-line error."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from eval import prompt_stress, resident_stress

ROOT = Path(__file__).resolve().parent.parent
POOLS = (ROOT / "eval" / "quote_stress.jsonl", prompt_stress.POOL)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("pool", POOLS, ids=lambda p: p.name)
def test_every_answer_string_is_written_in_the_transcript(pool):
    transcript = _flat((ROOT / "data" / "env-forum-2016.txt").read_text(encoding="utf-8"))
    rows = resident_stress.load_pool(pool)
    assert len({r["id"] for r in rows}) == len(rows) > 20
    assert any(r["answers"] for r in rows) and any(not r["answers"] for r in rows)
    missing = [(r["id"], a) for r in rows for a in r["answers"] if _flat(a) not in transcript]
    assert not missing


@pytest.mark.parametrize("main", (prompt_stress.main, resident_stress.main), ids=("prompt", "resident"))
def test_a_missing_pool_is_a_one_line_error(main, tmp_path, capsys):
    assert main(["--pool", str(tmp_path / "nothing.jsonl")]) == 2
    out = capsys.readouterr().out
    assert out.startswith("error:") and out.count("\n") == 1
