"""A noun of the conversation said short after a demonstrative (session 30): 那债 for the 专项债券 an earlier question
asked about, 这平台 for its 网络平台. Readers clip a long noun they have just heard; searched clipped, the question
matches nothing (债 alone is no word of the text) and is refused. Only a clipping that one earlier noun explains is
filled in; any other 那X is left as typed (fail open)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.tokenize import tokenize

# 那/这/该/此, a measure word maybe, then the clipped noun (one or two characters)
_ZH_CLIPPED = re.compile(r"(?:那|这|该|此)(?:笔|套|项|批|只|张)?(?P<n>[\u4e00-\u9fff]{1,2})")
# what follows a demonstrative without being a noun (那边, 这里, 那么, 这样, 那时, 这次 …) or asks (那是, 这有)
_NOT_NOUN = re.compile(
    r"^(?:[边里么样时儿些天年种位家次就也是在有会能要还都又才说个把被给对从和跟与到让条座名台辆起件份篇部类项句段]|问题|题)"
)  # and measure words (那条河: 这个-style pointing, the pronoun rules' case)
_ASKING = re.compile(r"哪|几|多少|什么|谁|啥")
_PLACE_WORDS = "市地局县省区厂人国镇村"  # 该市, 此地, 那人: pronouns, not clippings
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_COUNTS = re.compile(r"多少|几|了|的|么|吗|呢")


def _noun_of(clip: str, earlier: str) -> str:
    """The one noun of an earlier question that a clipped noun shortens (债 → 专项债券: the word holding it, with the
    two-character word straight before it), or ''."""
    words = tokenize(earlier)
    found = {w for w in words if _HAN.match(w) and clip in w and len(w) > len(clip) and not _ASKING.search(w)
             and not re.search(r"[这那该此]", w)}  # a word that points (引用这句话) is no noun to say in full
    found = {w for w in found if not any(w in v and w != v for v in found)}  # 网络平台, not 平台
    if len(found) != 1:
        return ""
    word = next(iter(found))
    at = earlier.find(word)
    before = earlier[max(at - 2, 0):at]
    if at >= 2 and before in words and _HAN.match(before) and not _COUNTS.search(before):
        word = before + word  # 专项 + 债券
    return word


def unclipped(question: str, history: Sequence[str], taken: Sequence[tuple[int, int]] = ()) -> str:
    """The question with a clipped noun of the conversation said in full (回到头一个问题，那债是哪个流域的？ after
    湘潭发了多少亿元重金属污染治理专项债券？ → 回到头一个问题，那专项债券是哪个流域的？), else the question as typed.
    The latest earlier question that explains the clipping wins. taken: the spans of the question's names and pronouns
    (那湘潭呢？, 该市…: no clipping); a one-character clip only where the two characters make no word (那债是, not
    那罚款: 罚 is no clipping of 处罚)."""
    from retriever.conversation.knowledge import word_tags

    tags = word_tags()
    for match in _ZH_CLIPPED.finditer(question):
        word = match.group("n")
        if _NOT_NOUN.match(word) or any(s < match.end() and match.start() < e for s, e in taken):
            continue
        clips = (word,) if word in tags or word[:1] in _PLACE_WORDS else (word, word[:1])
        for earlier in reversed(list(history)):
            for clip in dict.fromkeys(clips):
                if (noun := _noun_of(clip, earlier)) and noun != clip:
                    return question[: match.start("n")] + noun + question[match.start("n") + len(clip):]
                if clip in tokenize(earlier):  # 那锅炉 after …燃煤锅炉？: said in full, no clipping (the other rules' case)
                    break
    return question
