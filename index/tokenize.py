"""BM25 tokenization: jieba for Chinese, lower-cased words for Latin text, punctuation and stopwords out."""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from functools import lru_cache

from index.stopwords import STOPWORDS, fingerprint

TOKENIZER_VERSION = "jieba-search+lower"
_WORD = re.compile(r"\w", re.UNICODE)
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    with _lock:
        jieba.initialize()
    return jieba


def jieba_version() -> str:
    import jieba

    return getattr(jieba, "__version__", "unknown")


def tokenizer_id() -> str:
    """What the index's BM25 tokens depend on: the method, the stopword list (hashed) and jieba's version."""
    return f"{TOKENIZER_VERSION}+stopwords-{fingerprint(STOPWORDS)}+jieba-{jieba_version()}"


def tokenize(text: str) -> list[str]:
    """Tokens for BM25: jieba search-mode words (NFKC, lower-cased), without punctuation or stopwords.

    Search mode also emits the shorter words inside long ones (``燃煤锅炉`` → ``燃煤``,
    ``锅炉``, ``燃煤锅炉``), so a query wording that jieba cuts differently still matches.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    words = _jieba().lcut_for_search(text)
    return [w for w in (w.strip() for w in words) if w and _WORD.search(w) and w not in STOPWORDS]
