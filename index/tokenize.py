"""BM25 tokenization: jieba for Chinese, lower-cased words for Latin text, punctuation and stopwords out."""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from functools import lru_cache

TOKENIZER_ID = "jieba-search+lower+stopwords-v1"
_WORD = re.compile(r"\w", re.UNICODE)
_lock = threading.Lock()

# Function words that carry no retrieval signal (Chinese particles and English stopwords).
STOPWORDS = frozenset(
    """
    的 了 和 是 在 也 与 及 等 对 为 将 把 被 从 到 向 以 于 之 其 这 那 有 就 都 而 或 并 又 还 所 个 中
    上 下 我 我们 你 你们 他 他们 她 它 要 会 能 可以 一个 一些 这个 那个 这些 那些 这样 什么 哪些 哪个 多少
    如何 怎么 怎样 为什么 是否 吗 呢 吧 啊 哪 谁 几 请问 请 问 说 讲 谈 提到 介绍 一下 方面 里 后 时 们
    a an the of to in on at for by with from and or is are was were be been being do does did what which who
    whom whose how why when where that this these those it its as about into than then there their they
    he she his her we our you your i me my can could should would will shall may might much many
    """.split()
)


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


def tokenize(text: str) -> list[str]:
    """Tokens for BM25: jieba search-mode words (NFKC, lower-cased), without punctuation or stopwords.

    Search mode also emits the shorter words inside long ones (``燃煤锅炉`` → ``燃煤``,
    ``锅炉``, ``燃煤锅炉``), so a query wording that jieba cuts differently still matches.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    words = _jieba().lcut_for_search(text)
    return [w for w in (w.strip() for w in words) if w and _WORD.search(w) and w not in STOPWORDS]
