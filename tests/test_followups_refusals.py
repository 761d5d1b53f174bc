"""The causes eval.followups_refusals gives a follow-up refused with its history (pure)."""

from eval.followups_refusals import cause


def test_causes():
    assert cause("", False) == "not rewritten"
    assert cause("", None) == "not rewritten"
    assert cause("", True) == "refused anyway"
    assert cause("济宁配备了多少名网格员？", True) == "refused anyway"
    assert cause("济宁配备了多少名网格员？", False) == "rewrite"
    assert cause("济宁配备了多少名网格员？", None) == "no reference"
