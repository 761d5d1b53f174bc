"""Questions that ask the name of a kind of thing (哪家酒店, 地质公园叫什么名字, which bank), and whether the text names one.

The answer to 厅局长论坛在海口的哪家酒店举行 is a hotel's name; a text that writes 酒店 only as 两家五星级的酒店 names none.
A kind is named where the text writes it as the head of a name: inside a longer word (珠江 for 哪条江), after a noun
(市环境监管平台), inside a title or quotation marks (《全市锅炉综合整治改造工作方案》), or a title before a person's
name (局长张海冰). It is unnamed after a particle, a
number or measure word, a verb or an adverb (变成了地质公园, 获得银行3亿元, 不足10万人的小镇).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.normalize import canonical, readable, search_key
from index.wordforms import key_of

# 哪家, 哪位, 哪条, 哪一家: asks which one of a kind (not 哪些, 哪里, 哪儿, 哪年, 哪天: a list, a place, a time).
_WHICH = re.compile(r"^哪一?[家个所座条位种项部间]?$")
_MEASURE_CHARS = frozenset("家个所座条位种项部间")
_GROUPS = frozenset("帮群伙拨批些")  # measure words of a group of people (哪帮人)
# 啥 is the spoken 什么 (叫啥名, 啥名字)
_NAME_ASKED = re.compile(
    r"叫(?:什么|啥)名字?|叫(?:什么|啥)|(?:什么|啥)名字?(?=[？?。，,]|$)|(?:什么|啥)名字|的名字|的名称|名字是(?:什么|啥)|名称是(?:什么|啥)"
    r"|名叫(?:什么|啥)|叫做(?:什么|啥)"
)
_NOUN = re.compile(r"^(?:n|nz|nt|ns|j|vn|l)$")
_SKIP = re.compile(r"^(?:m|mq|q|d|ad|uj|v|p)$")  # 第三方, 28家, 都, 正式, 的, 是: between the kind and the question word
_KIND_EN = (
    re.compile(r"\bwhich (?:of the )?(?:(?:%s) )*([a-z-]+)(?: ([a-z-]+))?" % "|".join(
        "one two three four five six seven eight nine ten several few many major main key big biggest large largest "
        "important new old top leading chief principal particular specific".split()
    ), re.I),
    re.compile(r"\bname of the ([a-z-]+)(?: ([a-z-]+))?", re.I),
    re.compile(r"\bwhat is the ([a-z-]+)(?: ([a-z-]+))? called\b", re.I),
)
# jieba tags of a word after which the kind is no name's head: particles, numbers and measure words, prepositions,
# conjunctions, verbs, adverbs, pronouns, locatives, adjectives.
_NOT_NAME = re.compile(r"^(?:u[a-z]?|m|mq|q|p|c|v|vd|d|r|f|x|a|ad)$")
_OPENERS = (("《", "》"), ("“", "”"), ("「", "」"))
# The names listed right before their count (长江、黄河、淮河三大流域; 大连、济宁两市): the kind heads the list's names.
_LISTED = re.compile(r"、[^、，,。；;]{1,10}(?:[两二三四五六七八九十几]|\d{1,2})(?:大|个|家|条|座|所)?$")


def asked_kind(question: str, lang: str, lexicon: dict[str, list[str]]) -> tuple[str, ...]:
    """The Chinese forms (search_key) of the kind whose name the question asks for; () when it asks no name.

    Args:
        question: the question as typed.
        lang: "zh" for a Chinese question, anything else for English.
        lexicon: the index's lexicon (an English kind is looked up in it: bank -> 银行).
    """
    from retriever.answerability.timeline import a_period  # (persona21) 哪个季度 asks when, no name

    text = canonical(question)
    if lang == "zh":
        kinds = _chinese_kind(readable(question).lower()) or _english_kind_after_which(text, lexicon)
        return () if any(generic_place(k) or viewpoint(k) or a_name_itself(k) or a_period(k) for k in kinds) else kinds
    from index.lexicon import stem

    for pattern in _KIND_EN:
        match = pattern.search(text)
        if not match:
            continue
        words = _noun_phrase([w.lower() for w in match.groups() if w])
        phrase = lexicon.get(" ".join(key_of(w, lexicon, stem) for w in words), []) if len(words) > 1 else []
        forms = phrase or lexicon.get(key_of(words[-1], lexicon, stem), []) if words else []
        kinds = tuple(sorted({search_key(f) for f in forms if len(f) >= 2 and not f.isascii()}))
        return () if any(viewpoint(k) for k in kinds) else kinds
    return ()


# (session 28, nm9) a Chinese question that writes its kind in English after 哪家 (是哪家 bank 给的, 哪个 hotel): the
# kind is the English word's Chinese forms in the lexicon; an English word the lexicon does not know asks no kind.
_WHICH_LATIN = re.compile(r"哪一?[家个所座条位间]\s*([a-z][a-z-]{2,})(?:\s+([a-z][a-z-]{2,}))?", re.I)


def _english_kind_after_which(text: str, lexicon: dict[str, list[str]]) -> tuple[str, ...]:
    """The Chinese forms of an English kind written right after 哪家 in a Chinese question (哪家 bank -> 银行)."""
    from retriever.answerability.eras import rule_on

    match = _WHICH_LATIN.search(text) if rule_on(28) else None
    if match is None:
        return ()
    from index.lexicon import stem

    words = _noun_phrase([w.lower() for w in match.groups() if w])
    phrase = lexicon.get(" ".join(key_of(w, lexicon, stem) for w in words), []) if len(words) > 1 else []
    forms = phrase or lexicon.get(key_of(words[-1], lexicon, stem), []) if words else []
    kinds = tuple(sorted({search_key(f) for f in forms if len(f) >= 2 and not f.isascii()}))
    return () if any(viewpoint(k) or generic_place(k) for k in kinds) else kinds


# Verbs that follow the kind in a question (which company runs, which bank provides): the noun phrase ends before them.
_EN_VERBS = frozenset(
    """is are was were did do does has have had will can could would should meet meets come comes lie lies run runs own
    owns operate operates manage manages host hosts provide provides pay pays use uses get gets face faces border borders
    flow flows join joins sign signs lead leads build builds take takes give gives make makes help helps""".split()
)


# (persona23) an adverb after the kind (the learner's "push which system fully") ends the noun phrase; nouns in -ly stay
_ADVERB_LY = re.compile(r"[a-z]{2,}ly")
_NOUNS_LY = frozenset("supply family assembly monopoly anomaly july italy rally ally belly jelly lily bully reply".split())


def _noun_phrase(words: list[str]) -> list[str]:
    """The words of the kind's noun phrase (up to two after 'which'): a verb (which bank provided, which provinces meet)
    ends it, and so does a plural noun, the head of an English compound (which provinces meet, which river basins)."""
    out: list[str] = []
    for word in words:
        if word.endswith("ed") or word in _EN_VERBS:
            break
        if out and _ADVERB_LY.fullmatch(word) and word not in _NOUNS_LY:  # (persona23) push which system fully
            break
        out.append(word)
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            break
    return out


def _chinese_kind(text: str) -> tuple[str, ...]:
    """The kind a Chinese question asks the name of: the noun after 哪家/哪位 (哪家第三方公司 -> 公司), else the noun
    before 是哪一家 or 叫什么名字 (民营环保企业是哪一家 -> 企业, 地质公园叫什么名字 -> 地质公园)."""
    from retriever.answerability.units import pos_tagger

    words = [(w, t) for w, t in pos_tagger().cut(text) if w.strip()]
    at = next((i for i, (w, _) in enumerate(words) if _WHICH.match(w)), None)
    if at is not None:
        after = words[at + 1 :]
        if words[at][0] == "哪" and after and after[0][0] in _MEASURE_CHARS and len(after) > 1:
            after = after[1:]  # 哪|所|大学: the measure word was cut off 哪
        if after and after[0][0] in _GROUPS:
            return ()  # 哪帮人, 哪群人: people are asked, no kind's name
        while after and (re.match(r"^(?:m|mq|q)$", after[0][1]) or re.match(r"[\d一二两三四五六七八九十百千几第]", after[0][0])):
            after = after[1:]
        if after and (_NOUN.match(after[0][1]) or after[0][1] == "b") and (run := _noun_run(after)) and len(run) > 1:
            # 哪家融资平台公司: the whole compound is the kind, and so is what it says of its head (融资平台), which
            # the text may write unnamed (通过融资平台, 引进民营环保企业)
            return (search_key("".join(run)), search_key("".join(run[:-1])))
        if after and (_NOUN.match(after[0][1]) or len(after[0][0]) == 1 and after[0][1] != "x"):
            return (search_key(after[0][0]),)  # 哪条江: 江 (tagged nr) is the kind all the same
    else:
        match = _NAME_ASKED.search(text)
        if match is None:
            return ()
        at = len(pos_tagger().lcut(text[: match.start()]))
        words = [(w, t) for w, t in pos_tagger().cut(text[: match.start()]) if w.strip()]
    before = words[:at]
    while before and _SKIP.match(before[-1][1]):
        before = before[:-1]
    if before and _NOUN.match(before[-1][1]) and len(before[-1][0]) >= 2:
        kind = before[-1][0]
        if len(before) >= 2 and before[-2][1] == "r":
            # …变成了地质公园，这个公园叫啥名: the demonstrative points back at the longer kind written before (地质公园)
            earlier = before[:-2]
            longer = [w for w, _ in earlier if len(w) > len(kind) and w.endswith(kind)]
            longer += [earlier[i - 1][0] + w for i, (w, _) in enumerate(earlier)  # 湿地|公园: jieba cut the kind off
                       if w == kind and i and (_NOUN.match(earlier[i - 1][1]) or earlier[i - 1][1] in ("b", "z"))]
            kind = longer[-1] if longer else kind
        return (search_key(kind),)
    return ()


def _noun_run(words: list) -> list[str]:
    """The words of the noun compound opening words (jieba pairs): nouns and distinguishing adjectives (民营), and a verbal
    noun only before a noun (融资平台, not 公司运营)."""
    run: list[str] = []
    for i, (word, tag) in enumerate(words):
        if tag == "vn" and not (i + 1 < len(words) and _NOUN.match(words[i + 1][1]) and words[i + 1][1] != "vn"):
            break
        if not (_NOUN.match(tag) or tag == "b") or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
            break
        run.append(word)
    return run


def kind_before_which(question: str, kind: str) -> bool:
    """Whether a Chinese question asks the name of a kind it writes before 是哪/为哪 and a measure word (所属的公司是哪家,
    首府是哪座城市 is not: the kind follows): the same question as 哪家公司, whose kind the answer's name need not write
    (session 19, cmrc7)."""
    return bool(re.search(re.escape(kind) + r"(?:是|为)哪(?:一)?[\u4e00-\u9fff]?(?:[?？。]|$)", search_key(question)))


def named_at(text: str, start: int, kind: str) -> bool:
    """Whether the kind written at text[start:] heads a name (text in search_key form)."""
    from retriever.answerability.units import pos_tagger

    before = text[max(0, start - 40) : start]
    if any(before.rfind(a) > before.rfind(b) for a, b in _OPENERS):
        return True  # inside a title or quotation marks
    if before.endswith(tuple(b for _, b in _OPENERS) + ('"',)):
        return True  # right after a quoted name
    if _LISTED.search(before):
        return True  # the names are listed before their count
    near = before[-12:]
    offset, previous = 0, None
    for word, tag in pos_tagger().cut(near + kind):
        if offset < len(near) < offset + len(word):
            return True  # a longer word holds the kind (珠江 for 江)
        if offset + len(word) == len(near):
            previous = (word, tag)
        offset += len(word)
    if previous is not None and not _NOT_NAME.match(previous[1]) and not re.match(r"[\d\W]", previous[0]):
        return True
    following = [tag for _, tag in pos_tagger().cut(text[start + len(kind) : start + len(kind) + 6])][:1]
    return following in (["nr"], ["nrfg"], ["nrt"])  # 局长张海冰: a person's title, then the name


_PLACE_MEANINGS = frozenset({"place", "location", "area", "region", "site", "spot"})
_VIEWPOINT_MEANINGS = frozenset(
    {"angle", "point of view", "perspective", "viewpoint", "standpoint", "aspect", "respect", "facet", "manner", "method"}
)


def viewpoint(kind: str) -> bool:
    """A kind that is an angle, aspect or manner (角度 'angle; point of view', 方面, 方式, 方法: CC-CEDICT's meanings):
    从哪个角度, from which angle, 以什么方式 ask how something was done or seen (从企业和公众参与的角度), a description,
    not the name of a thing of that kind."""
    from retriever.answerability.heads import meanings

    return bool(meanings(kind, every=True) & _VIEWPOINT_MEANINGS)


_NAME_MEANINGS = frozenset({"title", "headline", "heading", "caption", "name", "slogan"})


def a_name_itself(kind: str) -> bool:
    """A kind that is itself a name (标题, 大标题, 名称, 口号, 称号: CC-CEDICT's meanings of it or of its last two
    characters): 大标题叫啥 asks the headline, which no name's head precedes."""
    from retriever.answerability.heads import meanings

    return bool((meanings(kind, every=True) | meanings(kind[-2:], every=True)) & _NAME_MEANINGS)


def generic_place(kind: str) -> bool:
    """A kind that is any place (地方 'region; area; place', 地点, 位置, 场所: CC-CEDICT's meanings): 哪个地方 asks a
    place, which the answer check looks for (answer_check.gives), not the name of a kind."""
    from retriever.answerability.heads import meanings

    return bool(meanings(kind, every=True) & _PLACE_MEANINGS)


def _ends_word(text: str, end: int) -> bool:
    """Whether a word of the text (jieba's cut of the stretch around it) ends at text[end] (公明党 at 党, not 校长 at 校)."""
    from retriever.answerability.units import pos_tagger

    start = max(0, end - 8)
    offset = start
    for word, _ in pos_tagger().cut(text[start : end + 4]):
        offset += len(word)
        if offset >= end:
            return offset == end
    return True


def kind_named(kinds: Sequence[str], texts: Sequence[str]) -> float:
    """0.0 when the asked kind occurs in the texts (search_key form) but never as a name's head; else 1.0 (no name
    asked, a named one found, or the kind not written at all: no evidence either way). A name may also end in the
    kind's head character (公明党 for 党派) or in a word naming a kind of it (复兴中学 for 学校: heads.py)."""
    from retriever.answerability.heads import head_characters, kinds_in

    seen = False
    for text in texts:
        for kind in kinds:
            for match in re.finditer(re.escape(kind), text):
                if named_at(text, match.start(), kind):
                    return 1.0
                seen = True
    if not seen:
        return 1.0
    for text in texts:  # the kind is written unnamed: a name may end in its head or in a kind of it
        for kind in kinds:
            for other in head_characters(kind) + kinds_in(text, kind):
                if any(_ends_word(text, m.end()) and named_at(text, m.start(), other)
                       for m in re.finditer(re.escape(other), text)):
                    return 1.0
    return 0.0
