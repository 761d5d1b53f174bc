"""The parts of an earlier question a follow-up replaces: its subject and the thing it asks about."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache

UNITS = "台|名|家|个|项|次|天|年|人|起|件|辆|座|条|吨|元|万元|亿元|亿|万|种|批|位|所|处|套|户|级|类"
_ZH_OBJECT = re.compile(rf"(?:多少|几)(?:{UNITS})?(?P<obj>[^？?，,。；]{{1,20}}?)(?P<end>[？?。]*)$")
_ZH_WHAT = re.compile(r"(?:什么|哪些|哪种|哪个|哪家)(?P<obj>[^？?，,。；]{1,12}?)(?P<end>[？?。]*)$")
# 南阳是怎么治理农村面源污染的？: how a verb was done to a thing (the verb two characters: 治理, 处理, 推进)
_ZH_HOW = re.compile(r"(?:怎么|如何|怎样)[\u4e00-\u9fff]{2}(?P<obj>[^？?，,。；]{2,12}?)(?P<end>的?[？?。]*)$")
EN_AUX = r"did|do|does|has|have|had|is|are|was|were|will|can|could"  # the English auxiliaries that open or follow a question word
_EN_OBJECT = re.compile(
    rf"^(?:how\s+(?:much|many)|what|which)\s+(?!(?:{EN_AUX})\b)"
    r"(?P<obj>[a-z][\w\s'-]{0,60}?)\s+"  # What did Nanyang do …? asks no thing: 'did Nanyang' is no object
    rf"(?:{EN_AUX})\b",
    re.IGNORECASE,
)
_EN_PREPOSITION = re.compile(r"\s(?:in|on|at|from|through|by|for|with|to|about|via)\s[^?]*[?]*$", re.IGNORECASE)
_ZH_ASKS = re.compile(r"(?:一共有|共有|有|是|达到|达)?(?:多少|几|什么|哪些|哪|谁|怎么|如何)")
_NOUNISH = ("n", "j", "l", "t", "eng", "vn", "an", "nz", "ns", "nt", "nr")


@lru_cache(maxsize=1)
def _jieba():
    from index.tokenize import _jieba as load

    return load()


def words(text: str) -> list[str]:
    """jieba's words of a text (accurate mode)."""
    return _jieba().lcut(text)


def subject(text: str, tags: dict[str, str], names: Collection[str] = ()) -> str:
    """The leading noun phrase of a Chinese question (竹埠港重点区域 of 竹埠港重点区域有多少家企业退出？).

    Args:
        text: the question.
        tags: jieba's part-of-speech tags by word.
        names: words known to be names (大连 is tagged as an adverb by jieba's dictionary).
    """
    out = ""
    for word in words(text):
        tag = tags.get(word)
        nounish = word in names or (tag is None and re.match(r"^[\w]+$", word)) or (tag or "").startswith(_NOUNISH)
        if not nounish:
            break
        out += word
    return out if len(out) < len(text) else ""


def replace_object(text: str, new: str, modifier: bool = False) -> str | None:
    """The question with the thing it asks about replaced (多少二氧化硫 → 多少氮氧化物), or None.

    Args:
        text: an earlier question (Chinese or English).
        new: the follow-up's fragment.
        modifier: the fragment qualifies the thing rather than replacing it (提标改造的 + 燃煤锅炉).
    """
    for pattern in (_ZH_OBJECT, _ZH_WHAT, _ZH_HOW):
        match = pattern.search(text)
        if match:
            start = match.start("obj")
            if re.fullmatch(rf"(?:{UNITS})", match.group("obj")) and (put := _thing_before_count(text, match.start(), new)):
                return put  # 削减二氧化硫多少吨？ + 氮氧化物 → 削减氮氧化物多少吨？
            if re.fullmatch(rf"(?:{UNITS})", match.group("obj")):  # 有多少家？ + 关停的 → 有多少家关停？
                return text[: match.end("obj")] + new.removesuffix("的") + (match.group("end") or "？")
            if modifier:
                return text[:start] + new + text[start:]
            if pattern is _ZH_OBJECT and (counted := replace_counted(text, new)):
                return counted  # 几个市委工作部门的环保职责 + 中直单位: 几 needs its measure word
            head = text[: match.start()] + match.group()[: start - match.start()]
            head = re.sub(rf"(?:{UNITS})$", "", head) if not modifier else head
            return head + new + (match.group("end") or "？")
    match = _EN_OBJECT.search(text)
    if match:
        new = re.sub(r"^(?:how\s+(?:many|much)\s+)?(?:(?:in|of|for|on|about)\s+)?(?:the|a|an)?\s*", "", new, flags=re.IGNORECASE)
        return text[: match.start("obj")] + new + text[match.end("obj") :]
    return None


def _thing_before_count(text: str, at: int, new: str) -> str | None:
    """A question that names its thing before the count (削减二氧化硫多少吨？) with a noun fragment in its place, or None
    when the word before the count is no common noun (a name, a verb) or the fragment is no noun."""
    from retriever.conversation.knowledge import word_tags

    tags = word_tags()
    before, mine = words(text[:at]), words(new)
    if not before or not mine or new.endswith("的") or before[-1] in new:
        return None
    noun = re.compile(r"n(?!s|r|t)")  # n, nz, ng: not a place, person or time
    if len(before[-1]) < 2 or not noun.match(tags.get(before[-1]) or "") or not noun.match(tags.get(mine[-1]) or "n"):
        return None
    return text[: at - len(before[-1])] + new + text[at:]


_ZH_COUNTED = re.compile(
    rf"(?P<how>多少|几)(?P<unit>{UNITS})(?P<obj>[^？?，,。；的]{{1,20}}?)(?P<tail>的[^？?，,。；]{{1,12}})?(?P<end>[？?。]*)$"
)


def replace_counted(text: str, new: str, unit: str = "", tags: dict[str, str] | None = None) -> str | None:
    """A question that counts with a measure word, with the thing it counts replaced and the rest kept
    (明确了几个市委工作部门的环保职责？ + 中直、省直单位 → 明确了几个中直、省直单位的环保职责？), or None.
    With 多少 the measure word may be the last question's only (多少台锅炉 + 烟尘 is 多少烟尘): unit says the new
    thing is counted in it too; with 几 it always is (几 never goes without one). With tags (jieba's), both things
    must end with a common noun (clauses.ends_with_noun)."""
    match = _ZH_COUNTED.search(text)
    if not match or not new or (match.group("how") == "多少" and match.group("unit") != unit):
        return None
    if tags is not None and not (ends_with_noun(new, tags) and ends_with_noun(match.group("obj"), tags)):
        return None  # 那竹埠港有多少家？ after 湘潭有多少家企业退出？ counts no other thing
    return text[: match.start("obj")] + new + (match.group("tail") or "") + (match.group("end") or "？")


def ends_with_noun(phrase: str, tags: dict[str, str]) -> bool:
    """True when a Chinese phrase ends with a common noun (工作部门, 网格员), as jieba's dictionary tags it; not with a
    place or person name, a verb (企业退出), 的 or a word the dictionary does not know (竹埠港)."""
    found = words(phrase)
    tag = (tags.get(found[-1]) or "") if found else ""
    return (tag.startswith("n") and tag not in ("ns", "nr", "nrt", "nt")) or tag in ("j", "zg", "vn")


def asked_thing(text: str) -> str:
    """What a 'how many' question asks about (专项债券 of 湘潭发行了多少专项债券？, coal-fired boilers of
    How many coal-fired boilers did Dalian dismantle?), or ''."""
    match = _ZH_OBJECT.search(text)
    if match:
        return match.group("obj")
    match = _EN_OBJECT.search(text)
    return match.group("obj") if match and re.match(r"^how\s", text, re.IGNORECASE) else ""


_DEFINED = re.compile(
    r"^(?:what|who)\s+(?:is|are|was|were)\s+(?P<en>[^?]{3,60}?)\s*\?*$|^什么是(?P<zh1>[^？?]{2,20})[？?]*$|^(?P<zh2>[^？?]{2,20}?)是什么[？?]*$"
    r"|^.*?\babout\s+(?P<about>(?:the\s+)?[a-z][\w\s'-]{2,40}?)\s*\?*$",
    re.IGNORECASE,
)


def defined_thing(text: str) -> str:
    """What a question asks to be explained or is about (the river chief system of What is the river chief
    system?, 河长制 of 什么是河长制？, accountability of What did Zhang Haibing say about accountability?), or ''."""
    match = _DEFINED.match(text.strip())
    return next((g for g in match.groups() if g), "") if match else ""


def topic(text: str) -> str:
    """What a Chinese question is about, before what it asks (济宁纳入导则体系整治的污染源 of …有多少家？), or ''."""
    match = _ZH_ASKS.search(text)
    if not match or match.start() < 2:
        return ""
    head, thing = text[: match.start()], asked_thing(text)
    if re.search(r"[了过]$", head) and thing:  # 大连拆除了多少台燃煤锅炉？: the boilers Dalian dismantled
        return re.sub(r"[了过]$", "", head) + "的" + thing.rstrip("？?。")
    return head


_EN_STOPS_PHRASE = re.compile(
    r"(?i)^(?:the|a|an|this|that|these|those|its|their|his|her|of|in|on|at|to|for|from|by|with|about|and|or|"
    r"what|which|who|how|many|much|did|do|does|is|are|was|were|has|have|had|\S+'s)$"
)


def replace_head(text: str, new: str) -> str | None:
    """An English question with the noun phrase that ends in the fragment's head noun replaced by the fragment
    (the companies in Xiangtan's Zhubugang area + the manganese mine area → … Xiangtan's manganese mine area), or None."""
    new = re.sub(r"(?i)^(?:the|a|an)\s+", "", new.strip().rstrip("?.!"))
    head = new.split()[-1].lower() if new.split() else ""
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[\w'-]+", text)]
    ends = [i for i, w in enumerate(words) if w[2].lower() == head]
    if not head or not ends:
        return None
    end = start = ends[-1]
    while start > 0 and not _EN_STOPS_PHRASE.match(words[start - 1][2]):
        start -= 1
    return text[: words[start][0]] + new + text[words[end][1] :]


def replace_phrase(text: str, new: str) -> str | None:
    """An English question with its last prepositional phrase replaced by the fragment's (through bonds → from the banks)."""
    if not re.match(r"^(?:in|on|at|from|through|by|for|with|to|about|via)\s", new, re.IGNORECASE):
        return None
    match = _EN_PREPOSITION.search(text)
    return None if match is None else text[: match.start()] + " " + new.rstrip("?") + "?"


_EN_MEANS = re.compile(r"\s(?P<prep>in|through|from|with|by|via)\s+(?P<obj>[^?]+?)[?.]*$", re.IGNORECASE)


def replace_means(text: str, new: str) -> str | None:
    """An English question that ends with a means or source (in bonds, through the banks) with the fragment, a bare
    noun phrase, in its place (How much did Xiangtan raise in bonds? + bank loans → … raise in bank loans?), or None."""
    match = _EN_MEANS.search(text)
    if match is None or re.match(r"(?i)^(?:in|on|at|from|through|by|for|with|to|about|via)\s", new):
        return None
    return text[: match.start("obj")] + new.strip().rstrip("?.") + "?"


def content_overlap(a: list[str], b: list[str], ignore: Callable[[str], bool]) -> set[str]:
    """The terms two term lists share, without those ignore() rejects."""
    return {t for t in a if t in set(b) and not ignore(t)}


_PREPOSITION_FIRST = re.compile(r"(?i)^(?:in|on|at|from|through|by|for|with|to|about|via)\s")
_EN_WH_AUX = re.compile(rf"(?i)^(?:how|why|when|where|what)\s+(?:{EN_AUX})\s")
_EN_VERB_OBJECT = re.compile(
    r"^\s+(?P<verb>[a-z][\w-]*)\s+(?P<obj>[^?]+?)(?P<tail>\s(?:in|on|at|from|through|by|for|with|to|about|via)\s[^?]*)?[?.!\s]*$"
)


_NO_OBJECT = frozenset("do does did say says said think thinks mean means go went".split())


def add_phrase(text: str, new: str) -> str | None:
    """An English question with no phrase of the fragment's kind, with the fragment's prepositional phrase at its end
    (How did Nanyang handle rural pollution? + in the cities → … rural pollution in the cities?), or None."""
    if not _PREPOSITION_FIRST.match(new.strip()) or _EN_PREPOSITION.search(text):
        return None
    return f"{text.rstrip('?.! ')} {new.strip().rstrip('?.!')}?"


def replace_after_verb(text: str, new: str, subject_end: int) -> str | None:
    """An English how/why/what-did question with the object of its verb (after the subject, a name ending at subject_end)
    replaced by the fragment (How did Nanyang handle rural pollution? + urban sewage → How did Nanyang handle urban
    sewage?), or None."""
    if not _EN_WH_AUX.match(text) or subject_end <= 0:
        return None
    match = _EN_VERB_OBJECT.match(text[subject_end:])
    if match is None or match.group("verb").lower() in _NO_OBJECT or _PREPOSITION_FIRST.match(match.group("obj")):
        return None  # What did Nanyang do to protect …?: 'do' has no object to replace
    return f"{text[:subject_end]} {match.group('verb')} {new.strip().rstrip('?.!')}{match.group('tail') or ''}?"
