"""The one normaliser: how questions and indexed text are folded before they are compared."""

from __future__ import annotations

import re
import unicodedata

# CJK ideographs: Extension A, the URO, compatibility ideographs, and Extensions B and later.
CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK = re.compile(f"[{CJK_RANGES}]")
CJK_RUN = re.compile(f"^[{CJK_RANGES}]+$")
_SPACE = re.compile(r"\s+")


def is_cjk(char: str) -> bool:
    """True for a CJK ideograph."""
    return bool(CJK.match(char))


def fold(text: str) -> str:
    """NFKC, lower-case, no whitespace: the form in which a question's words are looked up in the text."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).lower()


def is_chinese(text: str) -> bool:
    """True when at least a fifth of the text's letters are CJK ideographs."""
    letters = [c for c in text if c.isalpha()]
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
