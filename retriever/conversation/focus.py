"""The conversation's focus: the speaker a completed follow-up is about, whose passages come first.

After 大连拆除了多少台燃煤锅炉？ the follow-up 那济宁呢？ asks about 济宁, that is about 许伟's part of
the forum: among the passages that match the completed question, those of 许伟 (or naming 许伟
or 济宁) are ranked before the others, so the answer is not Dalian's again. A question typed on
its own has no focus and is ranked as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from retriever.types import Hit

DEPTH = 20  # passages ranked before the focus is applied


@dataclass(frozen=True)
class Focus:
    """A speaker and the names (the speaker's, their city's, their company's) that stand for them."""

    speaker: str
    names: tuple[str, ...]

    def tier(self, hit: Hit) -> int:
        """0 for the speaker's own passages, 1 for others that name them, their city or company, else 2."""
        if hit.citation.speaker == self.speaker:
            return 0
        return 1 if any(name in hit.text for name in self.names) else 2


def focus_first(hits: list[Hit], focus: Focus | None) -> list[Hit]:
    """The hits in focus tiers (own passages, passages naming the speaker, the rest), each tier in
    its own order; ranks renumbered."""
    if focus is None:
        return hits
    ordered = sorted(hits, key=lambda h: (focus.tier(h), h.rank))
    return [replace(h, rank=i) for i, h in enumerate(ordered, start=1)]


def focused_run(retriever, focus: Focus | None, parsed, vector, k: int, mode, where):
    """Retriever.run, with the focus's passages first among the DEPTH best (k unchanged)."""
    if focus is None:
        return retriever.run(parsed, vector, k, mode, where)
    hits, sentences, dense = retriever.run(parsed, vector, min(max(k, DEPTH), retriever.settings.max_k), mode, where)
    return focus_first(hits, focus)[:k], sentences, dense
