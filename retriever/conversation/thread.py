"""The thread of a conversation: the question that a run of dependent follow-ups elaborates.

After 济宁设立了多少个乡镇环境监管网格？ the follow-up 配备了多少名网格员？ asks a detail of Jining's grid; a
switch to another city (南阳呢？) then asks the opening question again, not the detail, which belongs to the
first city. A follow-up is part of the thread when it did not stand on its own (it was completed from the
ones before it) and shares a topic word with the question before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.tokenize import tokenize
from retriever.conversation.knowledge import Knowledge
from retriever.query import query_terms

FILLER = re.compile(r"^(?:的|那|在|呢|和|与|the|of|in|at|for|'s|s)$", re.IGNORECASE)  # words that are no topic


def topic_terms(turn, knowledge: Knowledge, lexicon: dict | None) -> set[str]:
    """A completed question's BM25 terms (English words also in Chinese) without names and fillers.

    Args:
        turn: an earlier question (text, mentions, chinese), as retriever.rewrite keeps it.
        knowledge: the index's entities, whose names are no topic.
        lexicon: the index's lexicon (None: the words alone).
    """
    names = {t for e in knowledge.entities for t in (e.name, *e.aliases)}
    names |= {t for m in turn.mentions for t in tokenize(m.surface)}
    terms = query_terms(turn.text, lexicon or {})
    return {t for t in terms if not FILLER.match(t)} - names


def thread_root(turns: Sequence, knowledge: Knowledge, lexicon: dict | None):
    """The earlier question that the latest ones elaborate: walking back from the latest while it is dependent
    (did not stand on its own) and shares a topic word with the one before; the latest when it stands alone.

    Args:
        turns: the earlier questions, completed, oldest first (each with text, mentions, chinese, dependent).
        knowledge, lexicon: as for topic_terms.
    """
    i = len(turns) - 1
    while i > 0 and turns[i].dependent:
        if not topic_terms(turns[i], knowledge, lexicon) & topic_terms(turns[i - 1], knowledge, lexicon):
            break
        i -= 1
    return turns[i]
