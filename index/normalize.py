"""The one normaliser: how questions and indexed text are folded before they are compared.

Two forms:
- ``fold``: NFKC, lower case, no whitespace. How answer strings are matched (eval) — the text as written.
- ``canonical``: the matching form wherever a question meets the text (BM25 terms, named-entity
  look-ups, the lexicon, highlighting): radical and compatibility code points → unified ideographs
  (``unify_chars``), NFKC (full-width → half-width), traditional → simplified (OpenCC ``t2s``), lower case,
  and Chinese numerals that count something → Arabic (十七家 → 17家, 三千余名 → 3000余名).
  ``search_key`` is ``canonical`` without whitespace, for substring look-ups.

The displayed text always stays as written; only comparisons use these forms.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# CJK ideographs: Extension A, the URO, compatibility ideographs, and Extensions B and later.
CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK = re.compile(f"[{CJK_RANGES}]")
CJK_RUN = re.compile(f"^[{CJK_RANGES}]+$")
_SPACE = re.compile(r"\s+")
_lock = threading.Lock()


def is_cjk(char: str) -> bool:
    """True for a CJK ideograph."""
    return bool(CJK.match(char))


def fold(text: str) -> str:
    """NFKC, lower-case, no whitespace: the form in which answer strings are matched (the text as written)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).lower()


# Sentence-final particles (…呢？ …啊, …吗): a mostly English question with one (What did Xu Wei say about grids呢?) asks
# in English all the same, so they do not count towards its language.
_FINAL_PARTICLES = re.compile(r"[呢啊吗吧呀嘛哦啦]+(?=[\s?？!！。.~…]*$)")


def without_particles(text: str) -> str:
    """The text without its sentence-final particles (What did Xu Wei say呢? → What did Xu Wei say?)."""
    return _FINAL_PARTICLES.sub("", text)


def is_chinese(text: str) -> bool:
    """True when at least a fifth of the text's letters are CJK ideographs, its sentence-final particles (呢、啊、吗)
    not counted unless they are all it has."""
    letters = [c for c in without_particles(text) if c.isalpha()] or [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if is_cjk(c)) * 5 >= len(letters)


# --- Code points that stand for a unified ideograph (text layers of PDFs) ------------------------------------
# PDF producers map a glyph shared by a radical and an ideograph back to the radical: ⻓ (U+2ED3) for 长,
# ⼯ (U+2F2F) for 工. Kangxi radicals (U+2F00–2FDF) and compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F)
# fold by NFKC; the CJK Radicals Supplement (U+2E80–2EFF) mostly does not, so it has this table, taken from
# the Unicode Character Database's EquivalentUnifiedIdeograph.txt (U+2E81–2EF3, 114 code points; U+2E80 and
# U+2E9A have no equivalent). Pairs: radical, ideograph.
_RADICALS_SUPPLEMENT = (
    "\u2e81\u5382\u2e82\u4e5b\u2e83\u4e5a\u2e84\u4e59\u2e85\u4ebb\u2e86\u5182\u2e87\U00020628\u2e88\u5200"
    "\u2e89\u5202\u2e8a\u535c\u2e8b\u353e\u2e8c\u5c0f\u2e8d\u5c0f\u2e8e\u5140\u2e8f\u5c23\u2e90\u5c22"
    "\u2e91\U00021bc2\u2e92\u5df3\u2e93\u5e7a\u2e94\u5f51\u2e95\u5f50\u2e96\u5fc4\u2e97\u5fc3\u2e98\u624c"
    "\u2e99\u6535\u2e9b\u65e1\u2e9c\u65e5\u2e9d\u6708\u2e9e\u6b7a\u2e9f\u6bcd\u2ea0\u6c11\u2ea1\u6c35"
    "\u2ea2\u6c3a\u2ea3\u706c\u2ea4\u722b\u2ea5\u722b\u2ea6\u4e2c\u2ea7\u725b\u2ea8\u72ad\u2ea9\u738b"
    "\u2eaa\U00024d14\u2eab\u76ee\u2eac\u793a\u2ead\u793b\u2eae\U00025ad7\u2eaf\u7cf9\u2eb0\u7e9f\u2eb1\u7f53"
    "\u2eb2\u7f52\u2eb3\u34c1\u2eb4\u5197\u2eb5\U0002626b\u2eb6\u7f8a\u2eb7\U0002634c\u2eb8\U0002634b\u2eb9\u8002"
    "\u2eba\u8080\u2ebb\u807f\u2ebc\u8089\u2ebd\U00026951\u2ebe\u8279\u2ebf\u8279\u2ec0\u8279\u2ec1\u864e"
    "\u2ec2\u8864\u2ec3\u8980\u2ec4\u897f\u2ec5\u89c1\u2ec6\u89d2\u2ec7\U000278b2\u2ec8\u8ba0\u2ec9\u8d1d"
    "\u2eca\U00027fb7\u2ecb\u8f66\u2ecc\u8fb6\u2ecd\u8fb6\u2ece\u8fb6\u2ecf\u9091\u2ed0\u9485\u2ed1\u9577"
    "\u2ed2\u9578\u2ed3\u957f\u2ed4\u95e8\u2ed5\U00028e0f\u2ed6\u961d\u2ed7\u96e8\u2ed8\u9752\u2ed9\u97e6"
    "\u2eda\u9875\u2edb\u98ce\u2edc\u98de\u2edd\u98df\u2ede\U0002967f\u2edf\u98e0\u2ee0\u9963\u2ee1\U00029810"
    "\u2ee2\u9a6c\u2ee3\u9aa8\u2ee4\u9b3c\u2ee5\u9c7c\u2ee6\u9e1f\u2ee7\u5364\u2ee8\u9ea6\u2ee9\u9ec4"
    "\u2eea\u9efe\u2eeb\u6589\u2eec\u9f50\u2eed\u6b6f\u2eee\u9f7f\u2eef\u7adc\u2ef0\u9f99\u2ef1\u9f9c"
    "\u2ef2\u4e80\u2ef3\u9f9f"
)
_VARIANT_RANGES = "\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f"
_VARIANT = re.compile(f"[{_VARIANT_RANGES}]")


def _unified_table() -> dict[int, str]:
    """Every radical or compatibility code point that has a unified ideograph, mapped to that one character."""
    table = {ord(a): b for a, b in zip(_RADICALS_SUPPLEMENT[::2], _RADICALS_SUPPLEMENT[1::2])}
    for low, high in ((0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)):
        for code in range(low, high + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code) and is_cjk(folded):
                table.setdefault(code, folded)
    return table


_UNIFIED = _unified_table()


def unify_chars(text: str) -> str:
    """Radicals (⻓ U+2ED3, ⼯ U+2F2F) and compatibility ideographs replaced by their unified ideographs (长, 工).

    One character in, one character out: lines, columns and line numbers are unchanged; everything else
    (full-width punctuation included) is kept as written, since comparisons fold with ``fold()`` anyway.

    Args:
        text: text as extracted from a document.

    Returns:
        The text with those code points replaced.
    """
    return text.translate(_UNIFIED) if _VARIANT.search(text) else text


def count_variants(text: str) -> int:
    """How many characters of text unify_chars would replace (radical and compatibility code points)."""
    return sum(1 for c in _VARIANT.findall(text) if ord(c) in _UNIFIED)


# --- traditional -> simplified ---------------------------------------------------------------

@lru_cache(maxsize=1)
def _opencc():
    """OpenCC's t2s converter (the official ``opencc`` package: C++ with its dictionaries; ~20 ms to load)."""
    import opencc

    with _lock:
        return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters and phrases → simplified (大連 → 大连, 濟寧 → 济宁); simplified text is unchanged.

    Text without CJK ideographs is returned as is, without loading OpenCC.
    """
    if not CJK.search(text):
        return text
    return _opencc().convert(text)


# --- Chinese numerals -> Arabic ----------------------------------------------------------------

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿"
# Measure words (and units) a counted number stands before; 万/亿 are kept as written (三千万元 → 3000万元).
UNITS = (
    "个百分点|平方公里|平方米|立方米|公里|千米|公顷|千瓦|万吨|万元|亿元|万人|人次|小时|分钟|"
    "台|名|家|个|项|次|天|年|月|日|号|人|起|件|辆|座|条|吨|元|米|倍|户|所|处|套|批|类|种|位|只|头|亩|岁|届|期|级|份|本|篇|"
    "张|轮|路|片|块|段|层|栋|间|支|艘|架|组|队|村|镇|县|区|市|省|%"
)
_CN_NUMBER = re.compile(
    rf"(第)?([{_NUMERAL_CHARS}]+(?:点[零〇○一二三四五六七八九]+)?)(余|多)?(?=(?:{UNITS}))|(第)([{_NUMERAL_CHARS}]+)|"
    rf"百分之([{_NUMERAL_CHARS}]+(?:点[零〇○一二三四五六七八九]+)?)"
)


def chinese_number(numeral: str) -> float | None:
    """The value of a Chinese numeral (十七 → 17, 一百二十 → 120, 三千 → 3000, 二〇一六 → 2016, 三点五 → 3.5).

    Returns:
        The number, or None when the text is not a well-formed numeral.
    """
    whole, _, decimals = numeral.partition("点")
    if not whole or any(c not in _DIGITS for c in decimals):
        return None
    value = _integer(whole)
    if value is None:
        return None
    if decimals:
        return value + float("0." + "".join(str(_DIGITS[c]) for c in decimals))
    return float(value)


def _integer(text: str) -> int | None:
    if all(c in _DIGITS for c in text):  # digit by digit: 二〇一六, 三
        return int("".join(str(_DIGITS[c]) for c in text))
    total, section, digit = 0, 0, None
    for c in text:
        if c in _DIGITS:
            if digit is not None and c not in "零〇○":
                return None  # two digits in a row inside a positional numeral
            digit = _DIGITS[c] if c not in "零〇○" else None
        elif c in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[c]
            digit = None
        elif c in _BIG_UNITS:
            section += digit or 0
            if section == 0:
                return None
            total += section * _BIG_UNITS[c]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def _arabic(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _numeral_to_arabic(numeral: str) -> str | None:
    """An Arabic rendering of a numeral, keeping a trailing 万/亿 as written (三千万 → 3000万); None when unsafe."""
    scale = ""
    if len(numeral) > 1 and numeral[-1] in _BIG_UNITS and "点" not in numeral:
        numeral, scale = numeral[:-1], numeral[-1]
        if numeral[-1] in _BIG_UNITS:
            return None
    if numeral in ("一",) or not any(c in _DIGITS or c == "十" for c in numeral):
        return None  # a lone 一 (一家企业, 一年) is 'a', not a count; 万/千 alone are not numbers
    if all(c in _DIGITS for c in numeral) and len(numeral) > 1 and not ("〇" in numeral or "零" in numeral or len(numeral) == 4):
        return None  # 三五 (three to five) is a range, not 35
    value = chinese_number(numeral)
    return None if value is None else _arabic(value) + scale


def arabic_numerals(text: str) -> str:
    """Chinese numerals that count or order something, in Arabic digits (十七家 → 17家, 第三 → 第3, 百分之三十 → 30%).

    Only numerals before a measure word or unit, after 第, or in 百分之… are converted, so words
    that contain a numeral character (统一, 一是, 万一, 一方面) stay as they are.
    """
    if not any(c in _NUMERAL_CHARS for c in text):
        return text

    def replace(match: re.Match) -> str:
        if match.group(6) is not None:  # 百分之三十
            value = chinese_number(match.group(6))
            return match.group(0) if value is None else _arabic(value) + "%"
        prefix, numeral, approx = (match.group(1) or "", match.group(2), match.group(3) or "")
        if numeral is None:
            prefix, numeral = match.group(4), match.group(5)
        converted = _numeral_to_arabic(numeral)
        if converted is None and prefix and numeral == "一":
            converted = "1"  # 第一
        return match.group(0) if converted is None else prefix + converted + approx

    return _CN_NUMBER.sub(replace, text)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as found in a text: 1416台, 3000余名 (from 三千余名), 18亿元."""

    text: str  # as it reads after numeral folding: '3000余名'
    number: float  # the figure written before 万/亿: 3000.0, 18.0
    unit: str  # what follows the figure (with 万/亿 when written): '名', '亿元'
    value: float  # the number with 万/亿 applied: 1.8e9 for 18亿元
    approximate: bool  # 余/多/约 mark an approximate figure


_QUANTITY = re.compile(rf"(约|近|超过)?(\d+(?:[.,]\d+)*)\s*(余|多)?\s*((?:万|亿)?(?:{UNITS}))")


def numbers_in(text: str) -> list[Quantity]:
    """Every number with a unit in a text, whatever the script (1416台, 十七家 → 17家, 三千余名 → 3000余名, 18亿元).

    The text is normalised first (full-width digits, traditional characters, Chinese numerals).

    Returns:
        The quantities in reading order.
    """
    found = []
    for match in _QUANTITY.finditer(canonical(text)):
        about, digits, approx, unit = match.groups()
        try:
            number = float(digits.replace(",", ""))
        except ValueError:
            continue
        scale = _BIG_UNITS.get(unit[0], 1)
        found.append(Quantity(match.group(0).strip(), number, unit, number * scale, bool(about or approx)))
    return found


# --- the canonical matching form ------------------------------------------------------------------

def canonical(text: str) -> str:
    """The form in which a question meets the text: NFKC, simplified, lower-cased, counted numerals in Arabic.

    unify_chars turns radical and compatibility code points (⻓, ⼯) into unified ideographs; NFKC
    turns full-width letters, digits and punctuation into ASCII; whitespace is kept (it separates
    English words).
    """
    text = unicodedata.normalize("NFKC", unify_chars(text))
    return arabic_numerals(to_simplified(text)).lower()


_WIDE_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")


def narrow(text: str) -> str:
    """Full-width letters and digits (and the ideographic space) as ASCII; punctuation stays as written."""
    return _WIDE_ALNUM.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def readable(text: str) -> str:
    """The question as the embedder reads it: simplified, full-width letters and digits in ASCII, unified ideographs.

    Unlike canonical(), punctuation, case and numerals stay as written (the passages were
    embedded as written, full-width punctuation included).
    """
    return to_simplified(narrow(unify_chars(text)))


def search_key(text: str) -> str:
    """canonical() without whitespace: the form for substring look-ups (is this name anywhere in the text?)."""
    return _SPACE.sub("", canonical(text))
