"""Conversation-aware retrieval: what the index knows about its entities, and the cues of a follow-up
(pronouns.py, fragments.py, asking.py, omission.py).

``complete(retriever, question, history)`` is the hook answer() calls; the rules live in
retriever/rewrite.py.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Sequence

from retriever.conversation.knowledge import Knowledge, build_knowledge

_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_lock = threading.Lock()
SCAN_LIMIT = 20_000  # passages read for place names; a larger index is known by its titles and headlines


def place_texts(retriever) -> list[str]:
    """The texts whose X市 / X省 name the index's places.

    Every passage of an index of up to SCAN_LIMIT passages; of a larger one (an archive: reading every
    passage would cost tens of seconds and gigabytes on the first answer), its documents' titles, headlines
    and ■ summaries.
    """
    if retriever.backend.chunks.count() <= SCAN_LIMIT:
        return [c.text for c in retriever.chunks]
    texts = []
    for record in retriever.documents:
        texts.append(record.title)
        texts.extend(t for h in record.headlines for t in (h.text, h.summary))
    return texts


def knowledge_for(retriever) -> Knowledge:
    """The entities of a retriever's index, built on first use and kept as long as the retriever."""
    with _lock:
        knowledge = _cache.get(retriever)
        if knowledge is None:
            knowledge = build_knowledge(retriever.speakers.values(), place_texts(retriever), retriever.backend.lexicon)
            _cache[retriever] = knowledge
        return knowledge


def complete(retriever, question: str, history: Sequence[str] | None):
    """The question completed from the conversation (a retriever.rewrite.Rewrite).

    A pronoun whose referent no earlier question names is resolved to the speaker of the best
    of the five passages that answer the latest earlier question and have a speaker (one extra
    search, only then); 这个/that + a noun that no earlier question names, to the latest entity when the best
    passage answering the latest question names that noun (one search, only then); a Chinese question that names
    nothing and leaves out its subject, to the latest entity when the best passage for it is that entity's speaker's
    and says most of its words (one search, only then).
    """
    from retriever.rewrite import rewrite

    if not history:
        return rewrite(question, None, Knowledge())

    def answered_by(text: str) -> str:  # the best passage that has a speaker (not a roster or a headline)
        hits = retriever.search(text, k=5)  # Which newspaper hosted …?: a roster, a title and a preface may come first
        return next((h.citation.speaker for h in hits if h.citation.speaker), "")

    @functools.lru_cache(maxsize=8)
    def best(text: str):  # the best passage (for 这个地质公园 after …变成了什么？, and whose a subjectless question is)
        hits = retriever.search(text, k=1)
        return hits[0] if hits else None

    def answer_of(text: str) -> str:
        hit = best(text)
        return hit.text if hit is not None else ""

    def owner_of(text: str) -> tuple[str, str]:
        hit = best(text)
        return (hit.citation.speaker or "", hit.text) if hit is not None else ("", "")

    # (persona23) the text's names for a reader's others (孔孟之乡那位局长 → 济宁那位局长: answerability/aliases.py)
    from retriever.answerability.aliases import aliased

    contains = retriever.backend.chunks.contains_text
    question, history = aliased(question, contains), [aliased(h, contains) for h in history]
    return rewrite(
        question, history, knowledge_for(retriever), answered_by, retriever.backend.lexicon, answer_of, owner_of
    )
