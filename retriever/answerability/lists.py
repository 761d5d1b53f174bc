"""A question asking for the rest of a list (济宁那9类导则，除了建筑工地、煤炭堆场、港口码头，剩下6类是哪几类？) and whether the
text names any member beyond the ones the question names.

A text that closes its list with 等 and a count (建筑工地、煤炭堆场、港口码头等9类行业治污技术导则; 酿造、造纸、化工等九大重点
行业) names those members and no others: the rest is not in it, however well every asked word matches (readers12 l113,
readers14 z109: near misses answered). A list that goes on beside them (A、B、C、D) names another member.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.normalize import search_key

# 除了A、B、C(以外/之外)，… the rest asked: 其他/其余/剩下/另外/别的/还有 … 哪些/哪几/什么
_ZH_EXCEPT = re.compile(r"除了?([^，,。？?；;！!]{2,60}?)(?:以外|之外|外)?[，,]")
_ZH_REST = re.compile(r"(?:其他|其它|其余|剩下|剩余|另外|别的|还有)[^，,。？?]{0,12}?(?:哪些|哪几|哪|什么|啥)")
_SEPARATORS = re.compile(r"、|，|,|以及|和|及|与|跟")
_HAN = r"[\u4e00-\u9fff]"
# the list closed: 等 (and a count: 等9类, 等九大), or the count straight after its last member (…港口码头三类)
_CLOSED = re.compile(r"^(?:等|这|共)?\s*(?:\d+|[一二两三四五六七八九十几]+)\s*(?:大|类|个|项|种|家|条)|^等")
_GOES_ON = re.compile(rf"^(?:、|以及|和|及|与){_HAN}")


def excluded_members(question: str) -> list[str]:
    """The members a Chinese question names as already known when it asks for the rest of their list (除了A、B、C，
    剩下的是哪些 → [A, B, C], search_key form); [] for any other question."""
    text = search_key(question)
    match = _ZH_EXCEPT.search(text)
    if match is None or not _ZH_REST.search(text[match.end() :]):
        return []
    members = [m.strip() for m in _SEPARATORS.split(match.group(1)) if m.strip()]
    return members if members and all(len(m) >= 2 for m in members) else []


def rest_named(members: Sequence[str], sentences: Sequence[str]) -> float | None:
    """1.0 when a sentence (search_key form) that writes every member lists another beside them, 0.0 when every such
    sentence closes its list after them (等9类), None when no sentence writes them all or none says either way."""
    found: float | None = None
    reach = sum(len(m) for m in members) + 4 * len(members)  # the members listed together, a few words apart at most
    for sentence in sentences:
        for first in re.finditer(re.escape(members[0]), sentence):
            start = first.start()
            spots = [sentence.find(m, start, start + reach) for m in members]
            if min(spots) < 0:
                continue
            end = max(p + len(m) for p, m in zip(spots, members))
            items = len(_SEPARATORS.findall(sentence[start:end])) + 1
            if items > len(members) or _GOES_ON.match(sentence[end:]) or re.search(rf"{_HAN}、$", sentence[:start]):
                return 1.0  # another member between, after or before them
            if _CLOSED.match(sentence[end:]):
                found = 0.0
    return found
