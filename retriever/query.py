"""The question side's first step: check and tidy a query, then analyse it (language, BM25 terms)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.errors import InvalidQueryError
from index.lexicon import translate
from index.normalize import is_chinese
from index.tokenize import tokenize

MAX_QUERY_CHARS = 512
# Controls, zero-width and bidi marks, and lone surrogates (argv bytes that are not UTF-8 arrive as
# surrogates and cannot be encoded for the embedder).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\ufeff\ud800-\udfff]")


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


@dataclass(frozen=True)
class ParsedQuery:
    """A question ready to search: its text, language and BM25 terms (the vector is computed by the caller)."""

    text: str
    lang: str  # 'zh' or 'en'
    terms: tuple[str, ...]
    notice: str = ""


def query_terms(text: str, lexicon: dict[str, list[str]]) -> list[str]:
    """BM25 terms of a question; an English question's words are also mapped to Chinese terms (index/lexicon.py)."""
    terms = tokenize(text)
    if not is_chinese(text) and lexicon:
        terms += [t for t in translate(text, lexicon) if t not in terms]
    return terms


def parse_query(query: object, lexicon: dict[str, list[str]]) -> ParsedQuery:
    """Clean a query and find its language and BM25 terms.

    Raises:
        InvalidQueryError: see clean_query.
    """
    text, notice = clean_query(query)
    lang = "zh" if is_chinese(text) else "en"
    return ParsedQuery(text=text, lang=lang, terms=tuple(query_terms(text, lexicon)), notice=notice)
