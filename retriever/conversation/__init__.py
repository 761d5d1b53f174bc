"""Conversation-aware retrieval: what the index knows about its entities, and the cues of a follow-up.

``complete(retriever, question, history)`` is the hook answer() calls; the rules live in
retriever/rewrite.py.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence

from retriever.conversation.knowledge import Knowledge, build_knowledge

_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def knowledge_for(retriever) -> Knowledge:
    """The entities of a retriever's index, built on first use and kept as long as the retriever."""
    with _lock:
        knowledge = _cache.get(retriever)
        if knowledge is None:
            knowledge = build_knowledge(
                retriever.speakers.values(), (c.text for c in retriever.chunks), retriever.backend.lexicon
            )
            _cache[retriever] = knowledge
        return knowledge


def complete(retriever, question: str, history: Sequence[str] | None):
    """The question completed from the conversation (a retriever.rewrite.Rewrite).

    A pronoun whose referent no earlier question names is resolved to the speaker of the
    passage that best answers the latest earlier question (one extra search, only then).
    """
    from retriever.rewrite import rewrite

    if not history:
        return rewrite(question, None, Knowledge())

    def answered_by(text: str) -> str:
        hits = retriever.search(text, k=1)
        return hits[0].citation.speaker if hits else ""

    return rewrite(question, history, knowledge_for(retriever), answered_by, retriever.backend.lexicon)
