"""Whether one passage holds what is specific about a question: the ``specific_cover`` feature.

An out-of-scope question often borrows the text's words (a city it names, 环保, 城市, 2016, a speaker's name) and asks
about a thing it never discusses (上海的垃圾分类, 碳排放权交易市场的启动时间). Its borrowed words are common in the text: many
passages write them, so they say little about which passage is meant. What is specific to the question (its rarer
words, and above all the words no passage writes) stands together in no passage. An answerable question's words,
common and specific alike, stand together in the passage that answers it.

So each content word weighs by how specific it is in the index: log((N + 1) / (df + 0.5)) over the N passages, df of
them writing the word in one of its forms (a word in every passage weighs about 0, a word in none the most), and the
feature is the best share of that weight one passage holds. A passage is read with the names of the speaker it is cited
to (大连 of 大连市环保局's speaker, who need not say it) and the places its section names.

A word no passage writes weighs only when it is a Chinese noun (熊猫, 欧盟, 面积: a thing asked about). A colloquial asker's
own verbs, adverbs and pronouns (挺, 干完, 以前, 想说明) are how they ask, not what, and an English word the lexicon cannot
map is words_unmapped's evidence (a misspelt city, boilor). A question that names an entity of the text scores 1: its
facts are asked, which the entity checks judge (offline leave one set out on tune, 16 sets: with every unwritten word
and no entity gate the fit gave the feature weight 0; gated, nouns only: false abstention 22 -> 20 of 969, near miss
247 -> 248 of 298, out of scope 89 -> 92 of 99, log loss 0.1645 -> 0.1605).

The share counts only below COVER_GATE (the feature is min(share / COVER_GATE, 1)): a passage holding most of what is
specific about a question is all the text can show, and above the gate a question is answered or not on its other
evidence. Fitted linear in the share, the model learnt a slope across the whole range from the generated place swaps
(shares 0.35-0.6) against the answerable questions (0.4-0.8), which took weight from the dense scores (top_dense 0.90 ->
0.38, english 0.82 -> 0.40 against a fit without the feature): the dense scores are what carries to another text, and
CMRC 2018's answerable questions, which name no entity of their text, lean on them (session 21, cmrc8).

A doer's noun is held where its deed is written (代理人 by a passage of 由爱贝克思代理, 负责人 by 负责: answer_check.doer_deed),
as the answer check and focus_known read it (session 22, cmrc9).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from index.records import Chunk
from retriever.answerability.answer_check import with_deeds
from retriever.answerability.entities import Entity, folded
from retriever.answerability.topic import is_noun

# The share of a question's specificity one passage holds at and above which it counts as fully held (session 21: leave
# one set out on tune, 16 sets, at gates 0.3 / 0.4 / 0.5 / 0.6 / 0.7 / 0.8 and none (1.0): false abstention
# 13 13 13 13 15 16 14 of 969, near miss refused 0.856 0.856 0.856 0.856 0.859 0.856 0.852, out of scope 0.929 0.929
# 0.929 0.939 0.939 0.939 0.939, log loss 0.126 0.125 0.124 0.124 0.125 0.126 0.126; CMRC 2018, fitted on every set,
# false abstention even half 6 -> 5 of 510 at 0.6 (4 at 0.5 and without the feature), odd 21 -> 21 of 490, near misses
# refused even 334 -> 336 of 491, odd 263 -> 265 of 411). The CMRC refusals left hang on one check each (focus_known,
# unit_missing, stated_answer), not on this feature.
COVER_GATE = 0.6


def passage_keys(chunks: Iterable[Chunk], entities: Sequence[Entity] = ()) -> tuple[str, ...]:
    """Each passage's text in search_key form with its speaker's names and its section's places beside it.

    Args:
        chunks: every passage of the index.
        entities: the index's entities (a speaker's aliases are read as written in the speaker's passages).
    """
    aliases = {e.speaker: e.aliases for e in entities}
    return tuple(
        "\n".join((folded(c.text), folded(c.context) if c.context else "", *aliases.get(c.speaker, ())))
        for c in chunks
    )


def specificity(found: Sequence[bool]) -> float:
    """A word's weight from the passages that write it: log((N + 1) / (df + 0.5))."""
    return math.log((len(found) + 1) / (sum(found) + 0.5))


def specific_cover(units: Sequence, keys: Sequence[str], entity_asked: bool = False) -> float:
    """The best share of the question's specificity that one passage holds, over COVER_GATE and at most 1 (1.0 without
    words or passages, or when the question names an entity of the text).

    Args:
        units: the question's content words (units.Unit: a label, a weight and the forms it is found by).
        keys: every passage of the index (passage_keys).
        entity_asked: the question names an entity of the text.
    """
    if entity_asked or not units or not keys:
        return 1.0
    found = [[u.found_in(k) for k in keys] for u in with_deeds(units)]
    weights = [
        specificity(f) if any(f) or (not u.label.isascii() and is_noun(u.label)) else 0.0 for u, f in zip(units, found)
    ]
    total = sum(weights)
    if total <= 0:
        return 1.0
    share = max(sum(w for w, f in zip(weights, found) if f[j]) for j in range(len(keys))) / total
    return min(share / COVER_GATE, 1.0)
