"""The unit an English question asks its number in, as the Chinese measure word the text writes it with.

The numbers-and-acronyms reader (session 22, readers18) asks a Chinese text's figures in English units and scale
words: How many kilometres long is the canal?, How many tonnes of soot …?, What percentage of the sources …?, How much
… in yuan?, How many tiers does the grid have?. A Chinese reader asking the same writes 多少公里, 多少吨, 百分之几, 多少钱,
几级, and the quantity checks (quantity.asked_unit, unit_missing, clause_number) look for a number in that unit: read
as a bare "how many" the English question is answered by any number near its words (a count of canals for a length
in kilometres, 3284 sources for a percentage of them). A unit is read only when the question asks a number of it
(how many/much … unit, what percentage, a number in yuan); a unit named otherwise (a 300-kilometre canal) asks
nothing.
"""

from __future__ import annotations

import re

from retriever.answerability.eras import rule_on

# English unit → the Chinese unit of quantity.asked_unit (longest first: square kilometres before kilometres)
_UNITS = (
    (r"square (?:kilomet(?:re|er)s?|km)|sq\.? ?km|km2|km²", "平方公里"),
    (r"square (?:met(?:re|er)s?|m)|sq\.? ?m|m2|m²", "平方米"),
    (r"cubic (?:met(?:re|er)s?|m)|m3|m³", "立方米"),
    (r"kilomet(?:re|er)s?|km", "公里"),
    (r"hectares?", "公顷"),
    (r"(?:metric )?(?:tonnes?|tons?)", "吨"),
    (r"yuan|rmb|renminbi", "元"),
    (r"households?", "户"),
    (r"tiers?|levels?", "级"),
)
_UNIT = "|".join(f"(?P<u{i}>{pattern})" for i, (pattern, _) in enumerate(_UNITS))
# how many/much (up to three words) + the unit: How many kilometres, how many square metres of, how many million tonnes
_HOW_MANY = re.compile(
    rf"\bhow (?:many|much)\s+(?:(?:more|fewer|less|million|billion|thousand|hundred|additional|extra)\s+){{0,2}}(?:{_UNIT})\b",
    re.I,
)
# a number asked in the unit: … in yuan?, … (in tonnes), measured in kilometres
_IN_UNIT = re.compile(rf"\b(?:in|measured in)\s+(?:{_UNIT})\b(?=\s*[?.,)]|\s*$)", re.I)
# a measure's own noun after what/which asks its number as "how many" + its unit does (by what tonnage: 吨)
_WHAT_MEASURE = re.compile(r"\b(?:what|which)\s+(?:total\s+)?(?P<u0>tonnage)\b", re.I)
_MEASURE_NOUNS = {"tonnage": "吨"}
_PERCENT = re.compile(r"\bwhat (?:percentage|percent|per cent)\b|\bhow many (?:percent|per cent|percentage points)\b", re.I)
# (session 27, nm8) 'how much percent' asks a percentage as 'how many percent' does (readers21 zm129: … interest rate
# is how much percent?, answered by 18亿元 as a bare 'how much')
_PERCENT_MUCH = re.compile(r"\bhow much (?:percent|per cent|percentage)\b", re.I)
_ASKS = re.compile(r"\bhow (?:many|much)\b|\bwhat\b|\bwhich\b", re.I)
ENGLISH_UNITS = frozenset(unit for _, unit in _UNITS) | {"%"}
# The units of measure (area, volume, length, weight), not money, households or tiers: a number question naming one
# anywhere (the area, in hectares; a few hundred kilometres?) asks its number in it, as 多少公里 does: how many
# kilometres of pipes is not answered by 175个微站 (session 22, nm3; its table folded in here, session 23)
MEASURES = ("平方公里", "平方米", "立方米", "公里", "公顷", "吨")
_MEASURE = re.compile(
    r"\b(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, unit) in enumerate(_UNITS) if unit in MEASURES) + r")\b", re.I
)
_IN_MEASURE = re.compile(
    r"\bin\s+(?:square\s+|cubic\s+)?(?:kilomet(?:re|er)s|km|met(?:re|er)s|hectares|tonnes|tons)\b", re.I
)


def english_unit(question: str) -> str | None:
    """The Chinese unit of the number an English question asks in an English unit (How many kilometres → 公里, What
    percentage → %, … in yuan → 元); None when it names no unit of its number (how many boilers, a 300-km canal)."""
    if re.search(r"[\u4e00-\u9fff]", question):
        return None
    if _PERCENT.search(question) or (rule_on(27) and _PERCENT_MUCH.search(question)):
        return "%"
    what = _WHAT_MEASURE.search(question)
    if what:
        return _MEASURE_NOUNS[what.group("u0").lower()]
    match = _HOW_MANY.search(question)
    if not match and _ASKS.search(question):
        match = _IN_UNIT.search(question)
    if not match:
        return None
    for i, (_, unit) in enumerate(_UNITS):
        if match.group(f"u{i}"):
            return unit
    return None


def in_measure(question: str) -> bool:
    """Whether an English question asks a figure in a unit of measure (the area, in hectares; in square metres)."""
    return bool(_IN_MEASURE.search(question))


def named_measure(question: str) -> str:
    """The Chinese unit of the first unit of measure an English question names (a few hundred kilometres?: 公里); ''
    for none. quantity.asked_unit reads it where the question asks a number without how many + unit (english_unit)."""
    match = next((m for m in _MEASURE.finditer(question) if not (rule_on(27) and _bound_of(question, m))), None)
    if not match:
        return ""
    return next(_UNITS[int(name[1:])][1] for name, group in match.groupdict().items() if group)


# a unit in a bound the asker sets (boilers over 10 tonnes, of 10 tonnes or more): the unit of the things' size, not of
# the asked number (how many boilers: a count; session 27, nm8)
_BOUND_BEFORE = re.compile(r"\b(?:over|above|under|below|than|least|up to)\s+\d[\d.,]*[\s-]*$", re.I)
_BOUND_AFTER = re.compile(r"^\s*(?:or|and)\s+(?:more|above|over|larger|bigger|less|below|under|smaller)\b", re.I)


def _bound_of(question: str, match: re.Match) -> bool:
    return bool(_BOUND_BEFORE.search(question[: match.start()]) or _BOUND_AFTER.match(question[match.end() :]))
