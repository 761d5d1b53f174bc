"""A question that names an article, chapter, section or clause by its number (第二条规定了什么？): the passage that
opens with it is the one asked about, whatever other article shares the question's words (违反本通知规定的…)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.clean import compact
from index.normalize import canonical

_ORDINAL = re.compile(r"第\d+[条章节款]")  # in canonical text: 第一条 is written 第1条


def named_ordinal(question: str) -> str:
    """The first 第N条 / 第N章 / 第N节 / 第N款 the question names, in canonical form ('第2条'), else ''."""
    match = _ORDINAL.search(canonical(question))
    return match.group() if match else ""


def opens_with(text: str, ordinal: str) -> bool:
    """Whether a passage opens with the ordinal (第二条 出现重污染天气… opens with 第2条)."""
    return bool(ordinal) and canonical(compact(text[: len(ordinal) + 8])).startswith(ordinal)


def ordinal_first(question: str, texts: Sequence[str]) -> int | None:
    """The index of the first text that opens with the ordinal the question names; None when there is none."""
    ordinal = named_ordinal(question)
    return next((i for i, text in enumerate(texts) if opens_with(text, ordinal)), None) if ordinal else None
