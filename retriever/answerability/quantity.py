"""Quantity questions: the unit a question asks for and whether a text gives a number in that unit."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retriever.answerability.comparison import ratio_asked
from retriever.answerability.english_units import ENGLISH_UNITS, english_unit, in_measure, named_measure
from retriever.answerability.eras import rule_on

UNITS = (
    "人次|立方米|平方米|平方公里|公里|千米|万元|亿元|万吨|台|名|家|个|项|次|天|年|人|起|件|辆|座|条|吨|元|亿|万|米|倍|岁|位|%"
)  # 位 counts people as 名 does (多少位厅局长: 3000余名 or 28名 answers, no year's 2016)
# A unit character that starts a noun (人口, 名字, 年龄, 家庭, 条例) is no unit: 多少人口 asks any number.
_NOUNS = "人口|名字|名称|名单|年龄|年级|年份|家庭|天气|条例|条件|次数|个人"
_ASKED_ZH = re.compile(rf"(?<!哪)(?:多少|几)(?:(?!{_NOUNS})({UNITS}))?")
_MONEY_S10 = re.compile(r"多少钱|花了多少|投入了?多少|投资了?多少|费用|金额")  # before session 12 (eras.py)
_MONEY = re.compile(
    r"多少钱|花了多少|投入了?多少|投资了?多少|费用|金额"
    # a sum of money named after 多少 (多少运营费, 多少资金支持, 多少补贴, 多少专项债券): not a count of its items (几项补贴)
    r"|(?:多少|几)(?![项个家笔次起件条种类批])[\u4e00-\u9fff]{0,4}?(?:费|资金|补贴|罚款|罚金|预算|工资|债券)"
)
_PERCENT = re.compile(r"百分之几|百分比|比例|占比")
# (session 30, nm11) English asks a sum of money with a verb of paying as 多少钱 does: what does Tsinghua charge Jining,
# what did Dalian pay each owner, what does the app cost. Not what X paid for / spent / invested (the thing bought:
# what did Jining spend 200 million building), nor pay attention, back, off; nor what X does to pay (a how).
_MONEY_VERB_EN = re.compile(
    r"\bwhat (?:[a-z-]+\s+){0,2}?(?:does|do|did|will|would|is|was)\s+(?:(?!do\b|to\b)[\w'-]+\s+){1,5}?"
    r"(?:(?:charge|cost|earn)\b(?!\s+(?:off|with|up|out)\b)|pay\b(?!\s+(?:for|on|off|with|attention|back|up|out|heed)\b))",
    re.I,
)
# 有多长, 多重, 多高 at the end of a clause: a measure asked, as English 'how long/far/tall' asks a number (寿命有多长:
# 100年; 成年后有多重: 3公斤); not 多重身份 or 多大的影响 (多大 asks an extent as often as a size: left out).
MEASURE_ASKED = re.compile(r"多[长高重远宽深厚](?=\s*(?:[?？。!！,，;；]|呢|啊|吗|$))")
_YEAR = re.compile(r"哪一?年|何年|几几年")
_GUESS_ZH = re.compile(r"[几幾]\s*(?:[十百千万亿]|10+(?!\d))")  # 几十, 几百 (canonical: 几10): a guess, no question
ORDINAL = "序数"  # 第几个, 第几家: a rank, which 首个 (the first) or 第三 gives
_ORDINAL_ZH = re.compile(r"第(?:几|幾|多少)|排名第?几")  # (fa8) 第多少个 asks the rank 第几个 asks
_ORDINAL = re.compile(r"首[个家座条批项位次届]|第\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})|唯一|头一")
# English asks a number with "how many" or with a noun: the number of, his phone number, the population, the total.
_ASKED_EN = re.compile(
    r"\bhow (?:many|much|long|far|old|big|large|tall)\b|\bwhat (?:percentage|share|proportion)\b"
    r"|\b(?:number|amount|total|population|percentage|proportion)\b",
    re.I,
)
# A who-question asks a person (Who talked about the number of grid inspectors? 谁谈到了供水量?): a number only when it
# asks one in so many words (how many, 多少, 几).
_WHO = re.compile(r"^\s*who\b|谁|哪位", re.I)
_HOW_MANY = re.compile(r"\bhow (?:many|much)\b|多少|几", re.I)
_EN_YEAR = re.compile(r"\b(?:in )?(?:what|which) year\b", re.I)
_NUMERAL = "[零〇一二两三四五六七八九十百千万亿]"
_DIGITS = r"\d[\d.,]*"
# Units that answer one another: 多少人 is answered by 992名; 多少钱 by 18亿元.
_SAME_UNITS = (
    ("元", "万元", "亿元"), ("人", "名", "位", "人次", "万人"), ("吨", "万吨"), ("公里", "千米"), ("平方公里", "平方千米"),
)


COUNT = "个数"  # how many, 多少 + a noun: a count of things, which a percentage (排查率做到了100%) does not give
_COUNT_EN = re.compile(r"\bhow many\b", re.I)
_COUNT_ZH = re.compile(r"(?:多少|几)(?=[\u4e00-\u9fff])(?!是|呢|啊|吧|吗|钱)")
DURATION = "时长"  # 多久, 多少年, how long has: a length of time (20年, 半年, 3个季度, 每两月), which a date does not give
_DURATION_ZH = re.compile(r"多长时间|多久|多少年|几年|多少个月|几个月|多少个?季度|几个季度|多少周|几周|多少个?星期|几个星期")
_DURATION_EN = re.compile(
    r"\bhow (?:often|long (?:has|have|had|did|does|do|will|would|was it|is it|were|are))\b"
    r"|\bhow many (?:years|months|weeks|days)\b",
    re.I,
)


# a length of time said in words, as a speaker says how long he has served (我到环保局工作时间不长: 多久 is answered)
_LENGTH_IN_WORDS = r"时间(?:还|很|较|比较|并)?(?:不长|不短|很长|很短|尚短|较短|较长)|没多久|不久前?"


def asked_unit(question: str) -> str | None:
    """The unit of the number a question asks for: '台' for 多少台, '' for a bare 多少 or 'how many', '年' for the year
    of 哪一年, DURATION for a length of time (多久, 多少年, how long has), ORDINAL for a rank (第几个), None for no
    number.

    Args:
        question: the folded question (Chinese or English).
    """
    if asks_person(question) or _DATE_ASKED.search(question):
        return None  # 几月几号 asks a date (a time question's), not a count of months or days
    if rule_on(26) and _EXTENT_EN.search(question) and len(_HOW_MANY.findall(question)) == 1:
        return None  # how much clout did the bureau have: an extent of standing, told in words, no number
    english = english_unit(question)  # How many kilometres → 公里, What percentage → % (english_units.py, session 22)
    if english is not None:
        return english
    if (_MONEY if rule_on(12) else _MONEY_S10).search(question) or (rule_on(30) and _MONEY_VERB_EN.search(question)):
        return "元"
    if _PERCENT.search(question):
        return "%"
    if _YEAR.search(question) or _EN_YEAR.search(question):
        return "年"
    if _DURATION_ZH.search(question) or _DURATION_EN.search(question):
        return DURATION
    if _ORDINAL_ZH.search(question):
        return ORDINAL
    if MEASURE_ASKED.search(question):
        return ""
    grade = _GRADE_ASKED.search(question)
    if grade:  # 水质达到几类: a class or grade, which the text may write in Roman numerals (Ⅱ类)
        return "级" if grade.group(1) in "级級" else "类"
    match = _ASKED_ZH.search(question)
    if match and rule_on(30) and _GUESS_ZH.match(question, match.start()):
        # (session 30, nm11) a guessed round number (是不是有几十家…？具体多少公斤？) when a question word follows
        match = next((m for m in _ASKED_ZH.finditer(question) if not _GUESS_ZH.match(question, m.start())), match)
    if match:
        if match.group(1) == "倍" and ratio_asked(question):
            return ""  # 是关停的几倍: a ratio of two figures, which the text gives, not a number written with 倍
        measure = _MEASURE_AFTER.match(question, match.end()) if rule_on(27) and not match.group(1) else None
        if measure:  # 占地多少公顷: a number in that measure (or another of its dimension: 亩, 平方公里), not any number
            return measure.group(1)
        return match.group(1) or ""
    if _ASKED_EN.search(question) or in_measure(question):  # the area, in hectares: a number asked in that unit
        return named_measure(question)  # (a few hundred kilometres?: 公里; english_units.py)
    return None


# 'how much' + a noun of standing or regard (clout, say, influence, sway, attention, trust): English asks an extent so,
# which the text tells in words (说话没有地位、办事没有抓手), not a number; not a noun of a measured thing (power, weight,
# pressure, support: 资金支持 is money) (session 26, nm7: readers7 n055)
_EXTENT_EN = re.compile(
    r"\bhow much (?:of an? )?(?:real |actual )?(?:say|clout|influence|sway|leverage|authority|control|pull|voice|"
    r"attention|respect|trust|importance|priority|emphasis|freedom|autonomy|independence|credibility|confidence|"
    r"standing|prestige|status)\b",
    re.I,
)

# Units of measure outside UNITS, each of a dimension whose other units answer it too (a reader asks in 公顷 what the
# text gives in 亩 or 平方公里): a number asked in one (占地多少公顷, 多少公斤) is not answered by a count or a sum of
# money near the asked words (session 27, nm8: readers22 zo121, answered by 5329台 and 28家 before). A closed class
# (the measures of area, weight, volume and power), read right after 多少/几 only.
MEASURE_GROUPS = (
    ("公顷", "万公顷", "亩", "万亩", "平方公里", "平方千米", "平方米", "万平方米"),
    ("公斤", "千克", "克", "毫克", "斤", "吨", "万吨"),
    ("升", "毫升", "立方米", "万立方米", "亿立方米"),
    ("千瓦时", "千瓦", "兆瓦", "万千瓦"),
)
_NEW_MEASURES = ("公顷", "万公顷", "亩", "万亩", "公斤", "千克", "毫克", "克", "斤", "毫升", "升", "千瓦时", "千瓦", "兆瓦")
_MEASURE_AFTER = re.compile(rf"\s*({'|'.join(_NEW_MEASURES)})(?![拉级高温值])")  # not 克拉 (carats), 升级

# A date asked with 几 (几月几号, 几月份, 几号, 几日): the calendar's month or day, not a number of them (几个月 is a length)
_DATE_ASKED = re.compile(r"几月|几[号日](?!内)")
_GRADE_ASKED = re.compile(r"(?<![哪多])[几幾]([类類级級])(?!人)")


def asks_person(question: str) -> bool:
    """Whether a question asks who (who, 谁, 哪位) and no number in so many words (how many, 多少, 几)."""
    return bool(_WHO.search(question)) and not _HOW_MANY.search(question)


def counted_unit(question: str, unit: str | None) -> str | None:
    """The unit of the number an answer must give: COUNT instead of '' when the question counts things (how many,
    多少案子: not a percentage); a bare 多少 (利率是多少) or 'how much' stays any number.

    Args:
        question: the folded question.
        unit: its asked_unit.
    """
    if unit == "" and (_COUNT_EN.search(question) or _COUNT_ZH.search(question)):
        return COUNT
    return unit


def number_pattern(unit: str) -> re.Pattern:
    """A number (Arabic or Chinese numerals, 3000余, 18亿) followed by the unit ('' : any number)."""
    if unit == "年":  # a calendar year (2016年, 二〇一六年): a number of years (有20年历史) says when nothing happened
        return re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年|[〇零一二三四五六七八九]{4}\s*年")
    if unit == ORDINAL:
        return _ORDINAL
    if unit == DURATION:  # 10年, 十多年, 半年, 3个季度, 6个月, 每两月; not 2016年 or 12月17日
        # (2,400万年, 3亿年: a magnitude before the unit, cmrc9); a span between two dates says how long too (花期1-3月,
        # 1999年至2005年: what 花期多久 asks of a season, cmrc9)
        length = (rf"(?:\d{{1,3}}(?:,\d{{3}})*|{_NUMERAL}{{1,3}}|半)\s*(?:余|多)?\s*(?:[万亿]\s*)?"
                  r"(?:年|个月|个?季度|个?星期|周|天|小时)")
        every = rf"每\s*(?:\d{{1,2}}|{_NUMERAL}{{1,2}})?\s*个?\s*(?:年|月|季度|星期|周|天)"
        span = r"\d{1,4}\s*[年月]?\s*[-–~至到]\s*\d{1,4}\s*[年月]"
        return re.compile(rf"(?<![\d.,])(?!(?:19|20)\d\d\s*年){length}|{every}|{_LENGTH_IN_WORDS}|(?<![\d.]){span}")
    number = rf"(?:{_DIGITS}|{_NUMERAL}{{1,8}})\s*(?:余|多)?\s*(?:万|亿)?"
    if unit in _ROMAN_UNITS:  # a class or grade in Roman numerals (总体已达Ⅱ类标准, folded to ii类): 几类 is answered
        number = rf"(?:{number}|(?<![a-z]){_ROMAN}(?![a-z]))"
    for group in _SAME_UNITS:
        if unit in group:
            return re.compile(number + r"\s*(?:" + "|".join(group) + ")")
    for group in MEASURE_GROUPS if rule_on(27) else ():
        if unit in group:
            return re.compile(number + r"\s*(?:" + "|".join(sorted(group, key=len, reverse=True)) + ")")
    if unit in ("", "个", COUNT):  # any number: not a year or a date (2016年, 10月底, 17日); a count is no percentage
        percent = r"(?![\d.,]*\s*[%％])" if unit == COUNT else ""
        # nor, for a count, a year heading a name (2016全国环保厅局长论坛: the forum of 2016, not 2016 of anything)
        named_year = rf"(?!(?:19|20)\d\d(?!\s*(?:{_COUNTED}))[\u4e00-\u9fff])" if unit == COUNT else ""
        return re.compile(
            rf"(?<!\d)(?!(?:19|20)\d\d\s*年){named_year}(?:{_DIGITS}|{_NUMERAL}{{2,8}})(?![\d.,]*\s*[月日号]){percent}"
        )
    return re.compile(number + r"\s*" + re.escape(unit))


# what a number counts when a year-like number is written before it (2016家企业 is a count, 2016全国… a year's name)
_COUNTED = (
    "余|多|万|亿|千|百|个|家|台|名|人|位|项|次|件|辆|座|条|吨|元|所|处|类|种|起|户|只|张|份|篇|场|批|米|公里|部|本|首|幅|枚|架|艘"
    "|匹|株|棵|间|层|级|期|集|届|章|卷|页|字|颗|粒|支|把|套|栋|门|口|队|国|头|块|道|根|片|滴|克|斤|年|岁|天|日|月"
)


# Roman numerals, as NFKC folds Ⅰ–Ⅻ (ii, iv): water-quality classes and grades are written so (Ⅱ类, Ⅲ级).
_ROMAN = r"(?:x?(?:ix|iv|v?i{1,3}|v)|x{1,3})"
_ROMAN_UNITS = ("类", "级", "期")
_ROMAN_CLASS = rf"(?<![a-z]){_ROMAN}(?![a-z])\s*[类级]"


def has_number(text: str, unit: str) -> bool:
    """True when the text gives a number in the unit ('' : any number); a Chinese measure word of things or people
    (台, 个, 名) is no word of an English text: any number there (46 small coal-fired boilers)."""
    if (unit in THINGS or unit in PEOPLE_UNITS or unit in ENGLISH_UNITS or unit in _NEW_MEASURES) \
            and not _CJK_CHAR.search(text):
        return bool(number_pattern("").search(text))
    return bool(number_pattern(unit).search(text))


# Measure words of things answer one another (几项约束性指标: 13个约束性指标; 多少座污水处理厂: 12个), not of people
# (多少辆车 is no 3000余名交警).
THINGS = ("台", "家", "个", "项", "次", "起", "件", "辆", "座", "条", "所", "处", "类", "种")


PEOPLE_UNITS = ("名", "人", "位")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_THING_COUNT = re.compile(rf"(?:{_DIGITS}|{_NUMERAL}{{1,8}})\s*(?:余|多)?\s*(?:万|亿)?\s*(?:{'|'.join(THINGS)})|{_ROMAN_CLASS}")


def gives_count(text: str, unit: str) -> bool:
    """has_number, a measure word of things taking any other one (多少座 is answered by 12个; 个 itself asks any
    number, as in has_number)."""
    if unit in THINGS and unit != "个" and _CJK_CHAR.search(text):
        return bool(_THING_COUNT.search(text))
    return has_number(text, unit)


# A count written as a numeral heading the counted thing's word (session 24, parts2): 九大重点行业 (nine major
# industries) and the abbreviations Chinese coins so (五水共治: the five waters treated together), which no number
# pattern reads (a single numeral character, no measure word). Read for a count of things only (how many, 多少个, 几项)
# and only before a Chinese form of the counted thing (水 of water fronts, 重点 or 行业 of priority industries): a
# numeral before another word counts that word's thing (四大片区 is no number of projects; 二是, 十分 count nothing).
_COMPOUND_NUMERAL = "两二三四五六七八九十"
_COMPOUND_UNITS = ("", COUNT, "个", "项", "类", "种", "条", "家", "座", "处")


def numbered_word(text: str, unit: str | None, forms: Sequence[str] = ()) -> bool:
    """Whether the text gives a count of the counted thing as a numeral heading its word (五水 for water fronts: 水;
    九大重点行业 for priority industries: 重点), with 大 (major) between or not."""
    if unit not in _COMPOUND_UNITS:
        return False
    chinese = [f for f in forms if f and _CJK_CHAR.fullmatch(f[0])]
    # (session 27) after 大 a word of two characters may stand between: 九大重点行业 counts industries (the 十五 of a
    # quoted name, “十五小”, no longer stands in for it: answer_check._NAMED_SPAN)
    between = r"(?:大[\u4e00-\u9fff]{2}|大)?" if rule_on(27) else "大?"
    return any(
        re.search(rf"(?<![\d{_COMPOUND_NUMERAL}一百千万第])[{_COMPOUND_NUMERAL}]{between}{re.escape(f)}", text)
        for f in chinese
    )


# A number of levels or grades (市县乡村4级网格, 二级): it says how many levels, not how many of the things graded
_GRADED = re.compile(rf"(?<![\d.])(?:\d{{1,2}}|{_NUMERAL}{{1,3}})\s*级")


def graded_out(text: str) -> str:
    """The text without its numbers of levels (4级, 四级): a count of things asked is not answered by them."""
    return _GRADED.sub(" ", text)


# The counted thing: the words right after 多少/几 and its measure word (多少名交警, 几个专题工作小组), or after "how many"
# up to its noun (how many yellow-label vehicles did…: yellow-label vehicles). A count answers only when the number
# counts that thing: it stands in the number's own clause (or the one before it), not one clause over, where a number
# of something else sits beside the asked words (how many rooms do the two hotels have: 两家五星级的酒店 counts hotels;
# how many villages does the four-level grid cover: 162个网格 counts grids). Session 22, nm3.
_MEASURES = "|".join(THINGS + PEOPLE_UNITS)
_COUNTED_AFTER_ZH = re.compile(
    rf"(?:多少|几|幾)\s*(?:(?:{_MEASURES})\s*([\u4e00-\u9fff]{{1,8}})|(?!{_MEASURES})([\u4e00-\u9fff]{{1,8}}))"
)
_HOW_MANY_WORDS = re.compile(r"\bhow many\s+([a-z][a-z\s-]*)", re.I)
_EN_STOP = frozenset(
    "did do does were was are is have has had in of on at for by to will would can could and or that which who with "
    "from there".split()
)
_PLURAL_HEAD = re.compile(r"(?:s|people|staff|personnel|police|children|men|women)$", re.I)


def counted_words(question: str) -> str:
    """The words naming the thing a count question counts ('' when it counts none: 多少钱, how much).

    Args:
        question: the folded question (search_key form for Chinese).
    """
    english = _HOW_MANY_WORDS.search(question)
    if english:
        words: list[str] = []
        for word in english.group(1).lower().split()[:3]:
            if word in _EN_STOP:
                break
            words.append(word)
            if _PLURAL_HEAD.search(word):
                break
        else:  # no plural head within three words (how many company leave finally): the first word is the thing
            words = words[:1]
        return " ".join(words)
    chinese = _COUNTED_AFTER_ZH.search(question)
    return (chinese.group(1) or chinese.group(2)) if chinese else ""


def counts_things(unit: str | None) -> bool:
    """Whether a number in the unit counts things or people (COUNT, 台, 名), where the counted noun must be its own."""
    return unit == COUNT or unit in THINGS or unit in PEOPLE_UNITS


# a number whose clause ends with its measure word (关停486家, 处理102人): the counted noun is elided or named before in
# the text's own words (污染源…3284家 for 厂子), so no noun of another thing says it counts something else
BARE_COUNT = re.compile(
    rf"(?:{_DIGITS}|{_NUMERAL}{{1,8}})\s*(?:余|多)?\s*(?:万|亿)?\s*(?:{'|'.join(THINGS + PEOPLE_UNITS)})\s*$"
)


# A bound the question sets on a quantity (10吨以上的锅炉, boilers over 10 tonnes): a number the text gives of the other
# side of the same bound (拆除604台10吨以下燃煤锅炉) counts other things, not the asked ones (session 27, nm8: readers22
# zo107, 10吨以上的有几台, answered by the counts of boilers of 10 tonnes and below).
UP, DOWN = "up", "down"
_BOUND_AFTER = {"以上": UP, "及以上": UP, "以下": DOWN, "及以下": DOWN, "以内": DOWN}
_BOUND_BEFORE = {"超过": UP, "高于": UP, "大于": UP, "多于": UP, "不足": DOWN, "不到": DOWN, "低于": DOWN, "小于": DOWN,
                 "少于": DOWN}
_BOUND_EN = {"over": UP, "above": UP, "more than": UP, "at least": UP, "greater than": UP, "larger than": UP,
             "bigger than": UP, "under": DOWN, "below": DOWN, "less than": DOWN, "fewer than": DOWN,
             "smaller than": DOWN, "up to": DOWN}
_AFTER_WORDS = "|".join(sorted(_BOUND_AFTER, key=len, reverse=True))
_ZH_AFTER = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)\s*[\u4e00-\u9fff]{{0,3}}?({_AFTER_WORDS})")
_ZH_BEFORE = re.compile(rf"({'|'.join(_BOUND_BEFORE)})\s*(\d+(?:\.\d+)?)(?![\d.])")
_EN_BEFORE = re.compile(rf"\b({'|'.join(_BOUND_EN)})\s+(\d+(?:\.\d+)?)(?![\d.])", re.I)
_EN_AFTER = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)[\s-]*(?:[a-z]+\s+)?(?:or|and)\s+(more|above|over|larger|bigger|less|below|under|smaller)\b",
    re.I,
)


def bounds_in(text: str) -> list[tuple[str, str]]:
    """The bounded quantities a text writes: (number, UP or DOWN) for 10吨以上, 超过10, over 10, 10 tonnes or more."""
    found = [(n, _BOUND_AFTER[b]) for n, b in _ZH_AFTER.findall(text)]
    found += [(n, _BOUND_BEFORE[b]) for b, n in _ZH_BEFORE.findall(text)]
    found += [(n, _BOUND_EN[" ".join(b.lower().split())]) for b, n in _EN_BEFORE.findall(text)]
    found += [(n, UP if w.lower() in ("more", "above", "over", "larger", "bigger") else DOWN) for n, w in _EN_AFTER.findall(text)]
    return found


def other_side(bounds: Sequence[tuple[str, str]], window: str) -> bool:
    """Whether a number's window writes an asked bounded quantity on the other side only (10吨以下 for 10吨以上)."""
    written = bounds_in(window)
    return any(
        any(n == m and d != e for m, e in written) and not any(n == m and d == e for m, e in written)
        for n, d in bounds
    )


# (session 29, nm10) an amount asked per item or per period (每辆补贴多少钱, 每年付多少, how much did Dalian pay each
# owner, what does Tsinghua charge each year): a total the text gives (共补贴1.2亿元) is not it. A count of things or
# people (how many officers checked every vehicle: 'every' is of the vehicles) and a worked-out average (平均每年大约多少,
# 折算下来, on average: readers ask the reader to divide) ask no rate of the text.
_RATE_ZH = re.compile(
    r"每(?!次|一级|一个人)[\u4e00-\u9fff]{0,2}?(?:年|月|天|日|周|季度|个|台|辆|户|人|吨|立方米?|站|家|座|套|件|起|名|位|公里)"
    r"|单价|一年(?:要|能|得|花|付|收|交|赚|挣)"
)
_RATE_EN = re.compile(
    r"\b(?:each|per|apiece|annually|yearly|monthly)\b|\bevery (?:year|month|day|week|quarter|one)\b"
    r"|\ba (?:year|month|day|week|head)\b"
    r"|\bannual (?:fee|cost|charge|payment|salary|pay|budget|income)\b",
    re.I,
)
# (nm11) 'the mean', not the verb (what does the forum mean by …)
_WORKED_OUT = re.compile(r"平均|折算|算下来|摊下来|合下来|大约|average|on average|\b(?:the|a) mean\b|works? out|roughly", re.I)
# how a text writes an amount per item or per period: 每辆, 人均, 年均, 元/辆, 单价, 全年, 一年, 各补贴, 标准
RATE_WRITTEN = re.compile(r"每|均|/|单价|全年|一年|年度|标准|各|一[辆台吨户个人站]|\b(?:per|each|annual|a year)\b", re.I)


def asks_rate(question: str, unit: str | None) -> bool:
    """Whether a question asks an amount per item or per period (每辆多少钱, how much per case, each year) of a unit
    that is no count of things (counts_things): a number only its rate's clause gives (RATE_WRITTEN)."""
    if not rule_on(29) or unit is None or unit in (DURATION, "年", ORDINAL, "%") or counts_things(unit):
        return False
    return bool(_RATE_ZH.search(question) or _RATE_EN.search(question)) and not _WORKED_OUT.search(question)
