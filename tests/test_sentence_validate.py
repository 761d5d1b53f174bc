"""The cross-set check of the answer-sentence weights (eval/sentence_validate.py) and reading a new writer's tune rows."""

from __future__ import annotations

import json

import numpy as np

from eval.sentence_fit import Rows
from eval.sentence_misses import tune_rows
from eval.sentence_validate import cross_set, describe, keep_columns, log_loss, pooled


def test_a_reader_files_tune_rows_only(tmp_path):
    path = tmp_path / "readers9.jsonl"
    rows = [
        {"id": "a1", "question": "大连拆除了多少台锅炉？", "answers": ["1416台"], "category": "plain", "lang": "zh", "split": "tune"},
        {"id": "a2", "question": "济宁有多少名网格员？", "answers": ["992名"], "category": "plain", "lang": "zh", "split": "heldout"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    found = tune_rows(path)
    assert [q.id for q in found] == ["a1"] and found[0].set == "readers9"


def _rows(name: str, right_feature: int, n: int, seed: int) -> list[Rows]:
    """Questions of two candidates each; the right one is high on one feature (the writer's habit) and noise elsewhere."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        x = rng.normal(size=(2, 2))
        x[0, right_feature] += 2.0
        out.append(Rows(f"{name}{i}", x, np.array([1.0, 0.0]), name))
    return out


def test_cross_set_fits_on_the_other_sets_and_scores_the_left_out_one():
    # two writers share feature 0; a third writer's right candidates stand out on feature 1, which no other set teaches
    rows = _rows("a", 0, 30, 1) + _rows("b", 0, 30, 2) + _rows("c", 1, 30, 3)
    result = cross_set(rows, l2=0.1)
    assert set(result) == {"a", "b", "c"} and all(n == 30 for _, n, _ in result.values())
    assert result["a"][0] >= 25 and result["c"][0] < 25  # a new writer's habit is what the left-out set shows
    assert abs(pooled(result) - sum(v[0] for v in result.values()) / 90) < 1e-9
    assert describe(result).startswith(f"{pooled(result):.3f}, log loss ")
    only_first = keep_columns(rows, [0])
    assert only_first[0].features.shape == (2, 1)
    assert log_loss(rows[:1], np.array([5.0, 0.0])) < log_loss(rows[:1], np.array([-5.0, 0.0]))


def test_bad_input_is_one_line_before_any_index_is_loaded(tmp_path, capsys):
    from eval import sentence_misses, sentence_validate

    missing = str(tmp_path / "nope.jsonl")
    assert sentence_validate.main(["--sets", "gold", "--file", missing]) == 2
    assert sentence_misses.main(["--file", missing]) == 2
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    assert sentence_misses.main(["--file", str(broken)]) == 2
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("error: ") for line in lines)
    assert "nope.jsonl" in lines[0] and "not JSON" in lines[2]
    for argv in (["--l2", "abc"], ["--drop", "no_such_feature"]):
        try:
            sentence_validate.main(argv)
        except SystemExit as stop:
            assert stop.code == 2
        else:
            raise AssertionError(f"{argv} was accepted")
    err = capsys.readouterr().err
    assert "--l2 'abc': not a number" in err and "--drop no_such_feature: no such feature" in err
    assert not (tmp_path / "index_store").exists()
