"""What a question of no ordinary word still looks up, and words that point at a sentence the asker never gave.

A reader who searches with one token may type a figure with its measure word (604台, 992名, 784家): the text's own
figure, as a search key, though no word of it is a noun. Digits alone (123456, 666) or a figure with no measure word
stay nothing to look up. A figure the text never writes (605台) is reported by the unknown-name check (names.py).

The opposite: a reader who pastes a sentence and asks 这句话是谁说的 / 下一句是什么 / 后半句是啥 points at the pasted
sentence with 这句话, 下一句, 半句. Without the pasted sentence, those words point at nothing: the question has nothing
to look up (这句话是谁说的？ alone). General Chinese only: nothing here is about one text.
"""

from __future__ import annotations

import re

from index.normalize import canonical

# Measure words and units a figure is counted in (台 machines, 名 people, 家 firms, 个, 件, 起 cases, 吨, 万元 …).
_MEASURE = "个位名种只条件项台辆家座所间栋处类批届场篇部艘架块根支枚户口起次元吨米亩人"
FIGURE = re.compile(
    rf"\d[\d.,]*\s*(?:余|多)?\s*(?:万|亿|千|百)?\s*(?:[{_MEASURE}]|公里|公顷|平方米|立方米|千克|公斤|%|％)"
)
# A demonstrative or a position, then a sentence or utterance (这句话, 那段话, 这话, 下一句, 后半句, 原话, 上句).
_POINTER = re.compile(
    r"^(?:[这那此该其][一]?|[上下前后][一]?|[前后]?[一半])?(?:句|段|番)?(?:话|句子?|段话|原话|原文|说法|番话)?$"
)


def written_figure(question: str) -> bool:
    """Whether the question writes a figure with its measure word (604台, 992名, 28家): a search key on its own."""
    return bool(FIGURE.search(canonical(question)))


def span_pointer(word: str) -> bool:
    """A word that only points at a sentence or utterance (这句, 话, 这话, 一句, 半句, 这段话, 原话): no content of its own."""
    return len(word) >= 1 and bool(re.search(r"[句话段]|原文|说法", word)) and bool(_POINTER.fullmatch(word))
