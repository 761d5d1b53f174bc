"""The conversation's focus: the speaker a completed follow-up is about, whose best passage comes first.

After 大连拆除了多少台燃煤锅炉？ the follow-up 那济宁呢？ asks about 济宁, that is about 许伟's part of
the forum: the best-ranked passage of 许伟 among the DEPTH best is moved to the top, so the answer is
not Dalian's again; every other passage keeps its place. (Moving only that one passage did as well
on the tune follow-ups as putting all of the speaker's passages first, and disturbs the rest least.)
A question typed on its own has no focus and is ranked as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from retriever.types import Hit

DEPTH = 20  # passages ranked before the focus is applied


@dataclass(frozen=True)
class Focus:
    """The speaker a completed follow-up is about."""

    speaker: str


def focus_first(hits: list[Hit], focus: Focus | None) -> list[Hit]:
    """The hits with the focus speaker's best one first, the others in their order; ranks renumbered."""
    if focus is None:
        return hits
    best = next((h for h in hits if h.citation.speaker == focus.speaker), None)
    if best is None or best is hits[0]:
        return hits
    ordered = [best] + [h for h in hits if h is not best]
    return [replace(h, rank=i) for i, h in enumerate(ordered, start=1)]


def focused_run(retriever, focus: Focus | None, parsed, vector, k: int, mode, where):
    """Retriever.run, with the focus speaker's best passage among the DEPTH best first (k unchanged)."""
    if focus is None:
        return retriever.run(parsed, vector, k, mode, where)
    hits, sentences, dense = retriever.run(parsed, vector, min(max(k, DEPTH), retriever.settings.max_k), mode, where)
    return focus_first(hits, focus)[:k], sentences, dense
