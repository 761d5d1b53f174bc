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


# A question naming how many members it asks (哪十五类, 哪两条河, 哪四大片区, which three provinces, which two are named):
# the text answers it where it lists that many (A、B、C三大…, X和Y, 一是…三是), not where it only names the class
# (“十五小”企业 is never split into its fifteen; 酿造、造纸、化工等九大行业 is another list, of three named and nine)
_EN_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split()
)}
_ZH_COUNT_ASKED = re.compile(r"哪\s*(\d{1,2}|[两二三四五六七八九十]{1,3})\s*(?:个|类|项|种|家|条|大|位|座|所|部|名|方面|点)")
_EN_COUNT_ASKED = re.compile(rf"\bwhich (\d{{1,2}}|{'|'.join(_EN_NUMBERS)})\b", re.I)
_ORDINALS = re.compile(r"([一二三四五六七八九十])是")
_NUMBER = re.compile(r"\d{1,3}|[两二三四五六七八九十]{1,3}")


def _zh_number(text: str) -> int | None:
    """A count written in digits or Chinese numerals (15, 十五, 两); None for a run of digits such as 五五."""
    from index.normalize import chinese_number

    if text.isdigit():
        return int(text)
    if len(text) > 1 and "十" not in text:
        return None
    value = chinese_number(text)
    return int(value) if value else None


def members_asked(question: str) -> int | None:
    """How many members a question asks by number (哪十五类 → 15, which three provinces → 3); None when it asks no
    list of two or more by its size."""
    text = search_key(question)
    match = _ZH_COUNT_ASKED.search(text)
    if match:
        n = _zh_number(match.group(1))
    else:
        match = _EN_COUNT_ASKED.search(question)
        if match is None:
            return None
        word = match.group(1).lower()
        n = int(word) if word.isdigit() else _EN_NUMBERS[word]
    return n if n and n >= 2 else None


def list_sizes(clause: str) -> set[int]:
    """The sizes of the lists a clause (search_key form) writes: its members joined by 、 or a conjunction (组织、宣传和
    机构编制: 3), the count closing them (…等九大重点行业: 9), and a count glued to the places it shortens (豫鄂陕三省). A
    verb or preposition between two members' words ends a list (与陕西省、湖北省|建立|定期会商、联防联控和数据共享机制: 2, 3)."""
    from retriever.answerability.units import pos_tagger

    sizes: set[int] = set()
    tags = [(w, t) for w, t in pos_tagger().cut(clause) if w.strip()]
    joined = {i for i, (w, t) in enumerate(tags) if w == "、" or (t == "c" and w in _CONJUNCTIONS)}
    segments, current = [], []
    for i, (word, tag) in enumerate(tags):
        if tag[:1] in ("v", "p") and i - 1 not in joined and i + 1 not in joined and current:
            segments.append(current)
            current = []
        current.append((i, word))
    segments.append(current)
    for segment in segments:
        joins = sum(1 for i, _ in segment if i in joined)
        if not joins:
            continue
        sizes.add(joins + 1)
        last = max(i for i, _ in segment if i in joined)
        after = "".join(w for i, w in segment if i > last)
        closing = re.search(r"等?\s*(\d{1,3}|[两二三四五六七八九十]{1,3})\s*(?:大|个|类|项|种|家|条|到位|方面|省|市)", after)
        if closing and (n := _zh_number(closing.group(1))):
            sizes.add(n)
    for match in _SHORTENED.finditer(clause):  # 豫鄂陕3省, 长株潭3市: the count after one character of each place
        n = _zh_number(match.group(2))
        if n and len(match.group(1)) >= n and not _FUNCTION_CHARS.intersection(match.group(1)[-n:]):
            sizes.add(n)
    return sizes


_SHORTENED = re.compile(r"([\u4e00-\u9fff]+)(\d{1,2}|[两二三四五六七八九十]{1,2})\s*(?:省|市|县|区|地|国)")
_FUNCTION_CHARS = frozenset("的了是有在和与及等共为把被对从向将个这那各每全")


_CONJUNCTIONS = frozenset({"和", "与", "及", "以及", "跟", "同"})


def listed_members(count: int, words, sentences: Sequence[str]) -> float:
    """1.0 when a clause of a sentence (search_key form) that speaks of an asked word lists as many members as asked, or
    the passages count their points up to that many (一是…三是); else 0.0.

    Args:
        count: members_asked of the question.
        words: the asked words (Units: their forms are looked for).
        sentences: the asked entity's sentences, search_key form, in order.
    """
    from retriever.answerability.units import coverage

    for sentence in sentences:
        if words and coverage(words, sentence) <= 0:
            continue
        if any(count in list_sizes(c) for c in re.split(r"[，,；;。！？!?：:]", sentence) if c):
            return 1.0
    ordinals = [_zh_number(m) for s in sentences for m in _ORDINALS.findall(s)]
    return float(count in ordinals and count + 1 not in ordinals)
