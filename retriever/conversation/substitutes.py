"""English 'ones', a word that stands in for the thing the last question counted.

    And the ones investigated jointly with the police? after How many cases had Jining's … opened?
        → … cases investigated jointly with the police …
    And how many new ones in the townships? after How many air micro-stations did Jining set up …?
        → … how many new air micro-stations in the townships?

Left as 'ones', the completed question counts nothing the text names, so the number check of answerability
(a clause giving a number beside the counted thing) finds no answer.
"""

from __future__ import annotations

import re

from retriever.conversation import clauses

_ONES = re.compile(r"\bones\b", re.IGNORECASE)


def fill_ones(text: str, last: str) -> str:
    """The English question with its one 'ones' replaced by the thing the last English question counted ('' when
    it has no 'ones', more than one, or the last question counted nothing)."""
    if len(_ONES.findall(text)) != 1:
        return ""
    thing = clauses.asked_thing(last).strip()
    if not thing or not thing.isascii() or thing.lower().endswith("ones"):
        return ""
    return _ONES.sub(thing, text, count=1)
