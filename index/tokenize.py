"""BM25 tokenization: the canonical form (index.normalize), jieba for Chinese, words for Latin text.

Passages and questions go through the same fold (traditional → simplified, full-width → half-width,
Chinese numerals → Arabic, lower case), so 大連 in a question meets 大连 in the text. A passage's
tokens also carry pinyin tokens (index.pinyin) and English gloss tokens (index.lexicon) under a prefix;
the sparse index keeps one field per prefix and weights each by TERM_WEIGHTS, below exact terms.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from functools import lru_cache

from index.normalize import CJK_RUN, canonical
from index.stopwords import STOPWORDS, fingerprint

TOKENIZER_VERSION = "canonical-t2s-nfkc-numerals+jieba-search+lower+pinyin+english-glosses-snowball-v3+ordinals"
# "cjk-bigrams2" adds the bigrams of Chinese content words that are not words of the text (cjk_bigrams).
# Off: measured in eval/reports/ablation.md, they cost forum tune questions and gain nothing on CMRC 2018.
NGRAMS = ""
_WORD = re.compile(r"\w", re.UNICODE)
_lock = threading.Lock()

# How much a matched token counts in BM25, by its prefix ('' = an exact term). Tuned on the tune split
# of eval/sets/readers.jsonl: a pinyin match counts for a fraction of an exact one; an English gloss
# match as much as an exact term (0.3 to 3 tried).
TERM_WEIGHTS = {"": 1.0, "py:": 0.3, "en:": 1.0}
_PREFIXES = tuple(p for p in TERM_WEIGHTS if p)


def import_jieba():
    """jieba, imported quietly and without pkg_resources (index/jieba_tables.py)."""
    from index.jieba_tables import import_jieba as quiet_import

    return quiet_import()


@lru_cache(maxsize=1)
def _jieba():
    from index.jieba_tables import load_dictionary

    import_jieba().setLogLevel(logging.WARNING)
    with _lock:
        return load_dictionary()


def posseg():
    """jieba.posseg, its tags loaded from the cache (index/jieba_tables.py) when it is not imported yet."""
    from index.jieba_tables import posseg as load

    _jieba()
    return load()


def jieba_version() -> str:
    jieba = import_jieba()
    return getattr(jieba, "__version__", "unknown")


def tokenizer_id() -> str:
    """What the index's BM25 tokens depend on: the method, the n-grams, the stopword list (hashed), the lexicon
    behind the English gloss tokens (its id and the domain glossary's hash, index/lexicon.py, index/glossary.py)
    and jieba's version, and the version of the texts they are made from (index/represent.py lexical_text). A change
    of any of them makes the index rebuilt (the default one on its next use)."""
    from index.glossary import fingerprint as glossary_fingerprint
    from index.lexicon import LEXICON_ID
    from index.represent import LEXICAL_TEXT_VERSION

    ngrams = f"+{NGRAMS}" if NGRAMS else ""
    english = fingerprint([LEXICON_ID, glossary_fingerprint()])
    texts = f"+{LEXICAL_TEXT_VERSION}"
    return f"{TOKENIZER_VERSION}{ngrams}+stopwords-{fingerprint(STOPWORDS)}+lexicon-{english}{texts}+jieba-{jieba_version()}"


def split_at_names(text: str, names: Iterable[str]) -> list[str]:
    """The text cut before and after each known name it holds (longest first), so that jieba never cuts a name
    together with its neighbours (张海冰上任后 → 张海冰 | 上任后, not 张海 | 冰上 | 任后). Names shorter than two
    characters are ignored; empty pieces are dropped.
    """
    found = sorted({n for n in names if len(n) >= 2 and n in text}, key=len, reverse=True)
    if not found:
        return [text]
    return [p for p in re.split("(" + "|".join(map(re.escape, found)) + ")", text) if p]


def tokenize_around(text: str, names: Iterable[str]) -> list[str]:
    """tokenize() of each piece of split_at_names: a question's terms with the index's names kept whole."""
    pieces = split_at_names(canonical(text), names)
    if len(pieces) == 1:
        return tokenize(text)
    return [t for piece in pieces for t in tokenize(piece)]


# An article, chapter, section or clause by its number (第1条, after canonical() wrote 第一条 with digits): one term,
# so that 第一条规定了什么？ finds that article, where 第 / 1 / 条 alone match every article and every number one.
_ORDINAL = re.compile(r"第\d+[条章节款]")


def tokenize(text: str) -> list[str]:
    """Exact BM25 terms: jieba search-mode words of the canonical text, without punctuation or stopwords.

    Search mode also emits the shorter words inside long ones (``燃煤锅炉`` → ``燃煤``,
    ``锅炉``, ``燃煤锅炉``), so a query wording that jieba cuts differently still matches.
    """
    text = canonical(text)
    words = search_words(text)
    tokens = [w for w in (w.strip() for w in words) if w and _WORD.search(w) and w not in STOPWORDS]
    tokens += [m.group() for m in _ORDINAL.finditer(text)]  # 第1条: the article asked for, not any 第, 1 and 条
    if not NGRAMS:
        return tokens
    known = set(tokens)
    return tokens + [g for g in cjk_bigrams(text) if g not in known]  # a bigram that is a word already adds nothing


def search_words(text: str) -> list[str]:
    """jieba's search-mode words of a text (``lcut_for_search``), each run of Chinese, Latin and digits cut once.

    jieba cuts every such run (re_han_default) on its own, so cutting the runs one by one gives exactly its words;
    a run that comes again (a speaker's name and role before each passage, the sentence two overlapping passages
    share, a recurring clause) is looked up instead of cut again.
    """
    jieba = _jieba()
    state = (jieba.dt.total, len(jieba.dt.FREQ))
    if state != _dictionary_state[0]:  # words were added to or removed from jieba's dictionary
        _cut_run.cache_clear()
        _dictionary_state[0] = state
    words: list[str] = []
    for run in jieba.re_han_default.split(text):
        if run:
            words.extend(_cut_run(run))
    return words


_dictionary_state: list[tuple[int, int] | None] = [None]


@lru_cache(maxsize=1 << 16)
def _cut_run(run: str) -> tuple[str, ...]:
    return tuple(_jieba().lcut_for_search(run))


def cjk_bigrams(text: str) -> list[str]:
    """Character bigrams of each run of adjacent Chinese content words (a stopword or a non-CJK token ends a run).

    jieba cuts rare names into single characters (颊/鳞/雀/鲷) or glues them to the next word
    (松平康忠是 → 松 平康 忠是), differently in a question and in the text; their bigrams
    (颊鳞 鳞雀 雀鲷, 康忠) still match.

    Args:
        text: canonical text (index.normalize.canonical).
    """
    grams: list[str] = []
    run = ""
    for word in [*_jieba().lcut(text), ""]:
        if word and CJK_RUN.match(word) and word not in STOPWORDS:
            run += word
            continue
        grams += [run[i : i + 2] for i in range(len(run) - 1)]
        run = ""
    return grams


def document_tokens(text: str) -> list[str]:
    """A passage's BM25 tokens: its exact terms, the pinyin of its Chinese words (``py:guolu``) and their
    English glosses (``en:boiler``, index/lexicon.py)."""
    words = tokenize(text)
    fields = [_word_fields(w) for w in words]
    return words + [t for pinyin, _ in fields for t in pinyin] + [t for _, english in fields for t in english]


@lru_cache(maxsize=1 << 17)
def _word_fields(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A word's pinyin and English tokens (index.pinyin.document_pinyin, index.lexicon.document_english of it
    alone), worked out once per distinct word."""
    from index.lexicon import document_english
    from index.pinyin import document_pinyin

    return tuple(document_pinyin([word])), tuple(document_english([word]))


def prefix_of(term: str) -> str:
    """The prefix of a term ('py:'), or '' for an exact term."""
    return next((p for p in _PREFIXES if term.startswith(p)), "")

