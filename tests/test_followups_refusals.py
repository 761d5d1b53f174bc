"""The causes eval.followups_refusals gives a follow-up refused with its history (pure)."""

from eval.followups_refusals import cause


def test_causes():
    assert cause("", False) == "not rewritten"
    assert cause("", None) == "not rewritten"
    assert cause("", True) == "refused anyway"
    assert cause("济宁配备了多少名网格员？", True) == "refused anyway"
    assert cause("济宁配备了多少名网格员？", False) == "rewrite"
    assert cause("济宁配备了多少名网格员？", None) == "no reference"


def test_the_english_twins_are_well_formed():
    from pathlib import Path

    from eval.followups_stress import load_pool

    rows = load_pool(Path(__file__).resolve().parent.parent / "eval" / "followups_en_twins.jsonl")
    assert len({r["id"] for r in rows}) == len(rows) == 54
    for row in rows:
        assert row["history"] and row["question"] and row["rewritten"] and isinstance(row["answers"], list)
        assert (row["category"] == "near_miss") == (not row["answers"])
