"""Comparative questions: what a comparison of two amounts asks (是…的几倍, 哪个更多, 是否超过一千名).

A reader who compares two figures of the text asks the figures, not a number the text would have to write: the
transcript gives 2500家 and 784家 (整改到位、关停), 18亿元 and 3亿元 (专项债券、配套资金), never their ratio or which is
larger. So

- a ratio asked (几倍, 多少倍, 翻了几番) is answered by any two numbers, not by a number written with 倍
  (ratio_asked; quantity.asked_unit);
- 哪个更多 / 哪一个比较多 / 哪個較高, with the alternatives named in the question and no noun after 哪个, asks which
  figure is larger: a number, not the name of a thing (which_more; asked.answer_kind, asked.more_number). 哪个区拆的
  最多 names a kind after 哪个 and still asks a name (a district the text must name);
- a comparison of amounts (大连拆除的比提标改造的多吗, 济宁的网格员比南阳多吗, more … than) asks the figures
  compared, as 多少 does (compares_amounts; asked.more_number): the answer check then wants a clause giving a
  number beside the compared thing, in each named city's passages (a comparison needs both sides);
- a comparison with an earlier year (比去年多了多少, 较上年, 与去年相比, 同比) asks that year's figure too: the year is
  an asked word (reference_year; focus.focus_units) that the passage must write, as it must write what is counted.
  比以前, 比过去 are no year: a before-and-after account answers them (昔日的矿山变成了地质公园);
- a number the asker measures against (超过一千名, 不到50亿, 100台以上) is the asker's yardstick, not a fact the text
  must write (yardstick; names.unknown_names): 济宁的网格员是否超过一千名 is answered by 992名; so is a round figure
  given for the exact one asked (大连拆了一千多台？具体多少台; 三十来个, 大约两千名: session 19, readers15).
"""

from __future__ import annotations

import re

# canonical (simplified, Arabic numerals) form of the question
_RATIO = re.compile(r"(?:几|多少)倍|翻了?(?:几|多少)番")
_ADJECTIVES = "多|少|高|低|大|小|快|慢|强|弱|重|轻|长|短|好|差"
_AMOUNTS = "多|少|高|低|大|小"  # of a figure (比…多吗); 比…好 compares a quality, which words answer
_WHICH_MORE = re.compile(
    rf"哪(?:一)?个?(?:更|比较|较|还|最|要)?(?:{_ADJECTIVES})(?!少)(?:一些|一点|些)?(?:呢|啊|吗)?(?:[？?。！!，,]|$)"
)
_COMPARES_ZH = re.compile(
    rf"(?<![对相无评类排好])比(?![例如较方喻作重率赛分])[^，,。；;？?]{{1,24}}?(?:还|更|要)?(?:{_AMOUNTS})"
    rf"|(?:多于|少于|高于|低于|大于|小于)"
)
_COMPARES_EN = re.compile(r"\b(?:more|fewer|less|bigger|larger|higher|lower|greater|smaller)\b[^?]*\bthan\b", re.I)
_YEAR_WORDS = "去年|前年|上年|上一年|往年|历年|同期"
_REFERENCE_YEAR = re.compile(rf"(?:比|较|与|和|跟|同)(?:{_YEAR_WORDS})|(?:{_YEAR_WORDS})(?:相比|比)|同比|环比")
_MEASURE_BEFORE = re.compile(
    r"(?:超过|超出|多于|少于|高于|低于|大于|小于|不到|不足|不止|不少于|不低于|逾|突破|上|达到|达|满|过)了?\s*$"
)
_MEASURE_AFTER = re.compile(r"^\s*(?:余|多)?\s*[\u4e00-\u9fff]?\s*(?:以上|以下|以内|左右|上下|出头)")


def ratio_asked(question: str) -> bool:
    """Whether the (canonical) question asks how many times one amount is another (是关停的几倍, 翻了几番)."""
    return bool(_RATIO.search(question))


def which_more(question: str) -> bool:
    """Whether the (canonical) question asks which of the amounts it names is larger or smaller (二氧化硫和烟尘哪个
    更多, 哪一个比较高), 哪个 followed by the comparison itself, no noun between."""
    return bool(_WHICH_MORE.search(question))


def compares_amounts(question: str, lang: str) -> bool:
    """Whether the (canonical) question compares two amounts (比…多吗, 多出多少, 高于, more … than), so asks their
    figures."""
    return bool((_COMPARES_ZH if lang == "zh" else _COMPARES_EN).search(question))


def reference_year(question: str) -> str:
    """The earlier year a (canonical) question compares with (去年 of 比去年多了多少, 同比 of 同比增长), '' when none."""
    match = _REFERENCE_YEAR.search(question)
    if not match:
        return ""
    word = match.group(0)
    return next((w for w in (*_YEAR_WORDS.split("|"), "同比", "环比") if w in word), word)


# a round figure: the number with 多/来/余/几 after it (1000多台, 30来个, 100余名, 200几家) or 约/大约/将近 before it
_ROUNDED_AFTER = re.compile(r"^\s*(?:多(?!少)|来|余|几(?!个?[？?。！!，,\s]|$))")
_ROUNDED_BEFORE = re.compile(r"(?:约|大约|大概|大致|将近|接近|差不多|近|上)\s*$")


def yardstick(text: str, start: int, stop: int) -> bool:
    """Whether the number text[start:stop] (canonical form) is a yardstick the question measures against: after a
    word of comparison (超过, 不到, 多于, 上) or before 以上, 以下, 左右; or a round figure the asker gives for the exact
    one they ask (拆了1000多台？具体是多少台: 1416台; 三十来个 for 28名, 大约2000名): the text writes the exact figure,
    which may even lie outside the asker's range, never the round one."""
    before, after = text[:start], text[stop:]
    return bool(
        _MEASURE_BEFORE.search(before) or _MEASURE_AFTER.match(after)
        or _ROUNDED_AFTER.match(after) or _ROUNDED_BEFORE.search(before)
    )
