"""Query checks and clean-up shared by search and answer."""

from __future__ import annotations

import re
import unicodedata

from index.errors import InvalidQueryError

MAX_QUERY_CHARS = 512
# Controls, zero-width and bidi marks, and lone surrogates (argv bytes that are not UTF-8 arrive as
# surrogates and cannot be encoded for the embedder).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\ufeff\ud800-\udfff]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def clean_query(query: object) -> tuple[str, str]:
    """Check and tidy a query.

    Returns:
        (the query to search, a notice for the user: '' or why it was shortened).

    Raises:
        InvalidQueryError: not a string, or nothing left once control characters and
            whitespace are removed.
    """
    if not isinstance(query, str):
        raise InvalidQueryError(f"query must be a string, got {type(query).__name__}")
    text = _CONTROL.sub(" ", query)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise InvalidQueryError("query is empty; type a question about the transcript")
    notice = ""
    if len(text) > MAX_QUERY_CHARS:
        notice = (
            f"问题过长，只使用了前 {MAX_QUERY_CHARS} 个字符 "
            f"(query truncated to its first {MAX_QUERY_CHARS} of {len(text)} characters)"
        )
        text = text[:MAX_QUERY_CHARS]
    return text, notice


def is_chinese(text: str) -> bool:
    """True when at least a fifth of the query's letters are CJK ideographs."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if _CJK.match(c)) * 5 >= len(letters)


def norm(text: str) -> str:
    """NFKC, lower-case, no whitespace (for answer matching)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()
