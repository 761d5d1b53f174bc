"""Whether a question is about a thing the transcript never speaks of: the ``absent_noun`` feature.

A question that names none of the transcript's entities and asks about a noun the text never writes (not as written,
not by its sound, not in parts) that is also rare in general Chinese (放线菌酮, 牛车水, 约化群, 红烧肉) is about
another subject. Common words the text does not write (炉子, 案子, 冬天) are how people paraphrase, so only rare ones
count: a word's rarity is -log of its share of jieba's dictionary frequencies (a word jieba does not list is rarest).
RARE was chosen on the tune split's answerable Chinese questions (it fires on 3 of 235) and on CMRC 2018's questions
of the odd-numbered paragraphs (Chinese Wikipedia; it fires on 83 %); python -m eval.scope quotes the even half.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

RARE = 12.0  # -log(frequency share) above which a word counts as rare (jieba frequency below about 370 of 60 million)
QUESTION_CHARACTERS = frozenset("几哪啥谁么")  # 几项, 哪份, 第几: question words jieba keeps whole


def rarity(word: str) -> float:
    """-log of the word's share of jieba's dictionary frequencies (as if it occurred once when jieba lacks it)."""
    from index.tokenize import posseg

    tokenizer = posseg().dt.tokenizer
    return math.log(tokenizer.total / ((tokenizer.FREQ.get(word) or 0) + 1))


def is_noun(word: str) -> bool:
    """jieba's part-of-speech tagger reads the word as one noun (n, nr, ns, nt, nz …)."""
    from index.tokenize import posseg

    pieces = list(posseg().cut(word))
    return len(pieces) == 1 and pieces[0].flag.startswith("n")


def absent_nouns(units: Sequence, known: Callable[[object], bool], entity_asked: bool) -> list[str]:
    """The rare nouns of a question that names no transcript entity and that the transcript never writes.

    Args:
        units: the question's content words (units.Unit; Latin ones are left to words_unmapped).
        known: whether the transcript writes a unit (as written, by its sound or in parts).
        entity_asked: the question names an entity of the transcript (then nothing is absent: its facts are asked).

    Returns:
        The words, in the question's order, each once (a word inside a longer one found, or inside a longer word
        the text writes, is left out: 放线菌 in 放线菌酮, 经纬 in 经纬度).
    """
    if entity_asked:
        return []
    found = [
        u.label for u in units
        if len(u.label) >= 2 and not u.label.isascii() and not QUESTION_CHARACTERS & set(u.label)
        and rarity(u.label) >= RARE and not known(u) and is_noun(u.label)  # the text lookup after the cheap checks
    ]
    # a word inside a longer word of the question is a piece of it: absent only when that word is (经纬 of 经纬度,
    # which the text writes as 纬度 and 东经; session 19, cmrc7)
    wider = [u.label for u in units if len(u.label) > 2 and u.label not in found and known(u)]
    return [w for w in dict.fromkeys(found) if not any(w != longer and w in longer for longer in found + wider)]
