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
