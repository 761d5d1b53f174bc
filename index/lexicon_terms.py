"""The one lookup of a question's Chinese word in a prefixed table of the index's lexicon (co:厂子 → [企业], zh:烧煤 →
[燃煤]), and the evaluation switch that turns such tables off.

FORUMQA_OFF_TABLES (an environment variable, for evaluation only) lists prefixes, comma-separated (``co:,zh:``), whose
tables every lookup ignores: the questions are then judged as if nobody had listed their words, which is what a new
writer's words are (python -m eval.abstention_misses with the hand tables off).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

OFF_TABLES_ENV = "FORUMQA_OFF_TABLES"


def tables_off() -> frozenset[str]:
    """The prefixes whose tables are switched off (FORUMQA_OFF_TABLES); none by default."""
    return frozenset(p.strip() for p in os.environ.get(OFF_TABLES_ENV, "").split(",") if p.strip())


def lexicon_terms(prefix: str, word: str, lexicon: Mapping[str, list[str]] | None) -> list[str]:
    """The index terms a Chinese word of a question stands for in the lexicon's table under ``prefix``; [] for a
    word the table does not hold, an English word, a lexicon built without the table, or a table switched off.

    Args:
        prefix: the table's key prefix ('co:' everyday words, 'zh:' one-character-differs synonyms).
        word: a word of the question, in canonical form (index.normalize.canonical).
        lexicon: the index's lexicon.
    """
    if not lexicon or not word or word.isascii() or prefix in tables_off():
        return []
    return list(lexicon.get(prefix + word, ()))


def prefixed(prefix: str, pairs: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """A table's pairs as lexicon entries: each word under its prefixed key."""
    return {prefix + word: found for word, found in pairs.items()}
