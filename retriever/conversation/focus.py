"""The conversation's focus: the speaker a completed follow-up is about, whose best passage comes first.

After 大连拆除了多少台燃煤锅炉？ the follow-up 那济宁呢？ asks about 济宁, that is about 许伟's part of
the forum: the best-ranked passage of 许伟 among the DEPTH best is moved to the top, so the answer is
not Dalian's again; every other passage keeps its place. (Moving only that one passage did as well
on the tune follow-ups as putting all of the speaker's passages first, and disturbs the rest least.)
A question typed on its own has no focus and is ranked as before.

The focus is applied only when it is earned (focus_evidence), to the passages shown and to the evidence the
answerability check judges: the focus speaker's passage must have at least EARNED of the question's words (names
left out) that the best passage has. After 湘潭发行了多少专项债券？, 那济宁呢？ asks
济宁发行了多少专项债券？: 许伟's best passage says nothing of 专项债券, so the check judges the
whole-index ranking, as for the question typed alone, and abstains; 济宁拆除了多少台燃煤锅炉？ finds
燃煤锅炉…台 in 许伟's passage (0.71 of what the best, Dalian's, says) and is judged on it. (On the
generated follow-ups, python -m eval.followups_generated, the earned focus on the passages shown also lifted English
R@1 from 0.833 to 0.854: What did the newspaper's interviewer notice about Dalian's bureau? keeps the moderator's
passage first.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from retriever.types import Hit

DEPTH = 20  # passages ranked before the focus is applied
EARNED = 0.5  # share of the question's words in the best passage that the focus passage must have too


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
    return focus_evidence(retriever, hits, focus, parsed.terms)[:k], sentences, dense


def coverage(terms: Sequence[str], text: str) -> float:
    """Length-weighted share of the terms that occur in a text (0 without terms)."""
    total = sum(len(t) for t in terms)
    return sum(len(t) for t in terms if t in text) / total if total else 0.0


def earned(terms: Sequence[str], focus_text: str, best_text: str) -> bool:
    """True when the focus passage has at least EARNED (length-weighted) of the terms the best passage has."""
    said = [t for t in terms if t in best_text]
    return not said or coverage(said, focus_text) >= EARNED


def focus_evidence(retriever, top: list[Hit], focus: Focus | None, terms: Sequence[str]) -> list[Hit]:
    """The evidence the answerability check judges: the focus speaker's best passage first when earned (see the
    module docstring), else the whole-index ranking as it is.

    Args:
        retriever: the Retriever (its chunks and the conversation's entity names).
        top: the whole-index evidence hits, best first.
        focus: the completed follow-up's focus (None: top unchanged).
        terms: the searched question's BM25 terms.
    """
    if focus is None:
        return top
    best = next((h for h in top if h.citation.speaker == focus.speaker), None)
    if best is None or best is top[0]:
        return top
    from retriever.conversation import knowledge_for

    names = {n.lower() for e in knowledge_for(retriever).entities for n in (e.name, *e.aliases, *e.english)}
    asked = [t for t in dict.fromkeys(terms) if t.lower() not in names]
    first, mine = retriever.backend.chunks.get([top[0].chunk_id, best.chunk_id])
    return focus_first(top, focus) if earned(asked, mine.text, first.text) else top
