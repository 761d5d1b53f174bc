"""Older romanisations of Chinese names read as the pinyin the index knows (session 18, readers14's English writer).

An English reader may write a place or a person in Wade-Giles (Hsiang-tan, Chi-ning, Ta-lien, Tan-chiang-kou), in the
postal spellings (Siangtan, Chuchow) or in pinyin split into syllables (Ji Ning). The index's lexicon knows the pinyin
(xiangtan → 湘潭), so ``pinyin_names`` rewrites such a word — or a run of capitalised syllables — as the pinyin word when
one reading of it by the spelling systems' regular correspondences (hs → x, ch → zh/j, k → g, t → d, p → b, ts → z/c,
ien → ian, ung → ong, ow → ou …) is a word of the lexicon that stands for a proper name (湘潭, not 逐步). An English
word (tan, king) or a word the lexicon already maps stays as typed. A capitalised word none of whose readings is a
name may be one mistyped (Dailan, Nanyan): index.spelling.respelling, the one respeller, reads it. General: the
lexicon and the tagger decide.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Wade-Giles and postal pieces → their pinyin readings (longest first; the piece itself is always one reading)
_PIECES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ch'", ("q", "ch")), ("ts'", ("c",)), ("tz'", ("c",)), ("k'", ("k",)), ("t'", ("t",)), ("p'", ("p",)),
    ("hs", ("x",)), ("ien", ("ian",)), ("ieh", ("ie",)), ("ung", ("ong",)), ("chow", ("zhou",)), ("ow", ("ou",)),
    ("ch", ("zh", "j", "q")), ("ts", ("z", "c")), ("tz", ("z",)), ("ih", ("i",)), ("si", ("xi",)), ("ki", ("ji", "qi")),
    ("k", ("g", "j")), ("t", ("d",)), ("p", ("b",)), ("j", ("r",)), ("ü", ("v", "u")), ("o", ("e", "uo")),
)
_PIECE = re.compile("|".join(re.escape(p) for p, _ in _PIECES))
_READINGS = dict(_PIECES)
MAX_READINGS = 4096
MAX_SYLLABLES = 3  # a name split into syllables inside a title (Wang Qi, Ji Ning, Su Guo Jun)
# a word, or a run of capitalised words or hyphened syllables (Ji Ning, Hsiang-tan, Tan-chiang-kou)
_NAME = re.compile(r"[A-Z][a-z'’ü]*(?:(?:-| (?=[A-Z]))[A-Za-z'’ü]+)*")


def readings(word: str) -> list[str]:
    """The pinyin spellings a romanised word may stand for (hyphens, spaces and apostrophes dropped at the end)."""
    text = word.lower().replace("’", "'")
    parts, at = [], 0
    for match in _PIECE.finditer(text):
        if match.start() > at:
            parts.append((text[at : match.start()],))
        piece = match.group(0)
        parts.append((piece, *_READINGS[piece]))
        at = match.end()
    parts.append((text[at:],))
    out = [""]
    for options in parts:
        out = [o + p for o in out for p in options][:MAX_READINGS]
    return list(dict.fromkeys(re.sub(r"[-' ]", "", o) for o in out))


def pinyin_names(question: str, lexicon: dict[str, list[str]], is_name: Callable[[str], bool],
                 is_english: Callable[[str], bool]) -> str:
    """The question with its romanised names written as the lexicon's pinyin (Hsiang-tan → Xiangtan); as typed when
    it holds none.

    Args:
        question: an English question (tone marks already folded: index.spelling.toneless_latin).
        lexicon: the index's English/pinyin lexicon (word → Chinese terms).
        is_name: whether a Chinese term is a proper name (index.place_names.is_proper_name).
        is_english: whether a lower-case word is an English word (such a word is never read as a name).
    """

    def repl(match: re.Match) -> str:
        typed = match.group(0)
        read = repl_possessive(typed)
        if read == typed and " " in typed:  # a title (Make Up Siangtan's Projects): each word may be a name
            return " ".join(title_names(typed.split(" ")))
        return read

    def title_names(words: list[str]) -> list[str]:
        """A title's capitalised words read left to right, a run of up to MAX_SYLLABLES words first (What Did Wang
        Qi Say → Wangqi, as in What did Wang Qi say), then each word alone."""
        out, at = [], 0
        while at < len(words):
            for size in range(min(MAX_SYLLABLES, len(words) - at), 0, -1):
                run = " ".join(words[at : at + size])
                read = repl_possessive(run)
                if read != run or size == 1:
                    out.append(read)
                    at += size
                    break
        return out

    def repl_possessive(typed: str) -> str:
        possessive = re.search(r"['’]s$", typed)
        if possessive:  # Hsiang-tan's
            return repl_name(typed[: possessive.start()]) + possessive.group(0)
        return repl_name(typed)

    def repl_name(typed: str) -> str:
        joined = re.sub(r"[-' ’]", "", typed.lower())
        whole = " " not in typed and "-" not in typed
        if joined in lexicon:  # Ji Ning, Nan-yang: pinyin split into its syllables (not Zhang Haibing, a full name)
            from index.pinyin import syllables

            split = all(p.lower() in syllables() for p in re.split(r"[- ]", typed))
            return joined.capitalize() if split and not whole and any(is_name(t) for t in lexicon[joined]) else typed
        if whole and is_english(joined):
            return typed
        for reading in readings(typed):
            if reading != joined and any(is_name(t) for t in lexicon.get(reading, ())):
                return reading.capitalize()
        if whole:  # Dailan, Jinning, Nanyan: a slip of the keys (index/spelling.py, the one respeller)
            from index.spelling import respelling

            meant = respelling(typed, lexicon, is_name, named=True)
            return meant.capitalize() if meant else typed
        return typed

    return _NAME.sub(repl, question)


def proper_name(term: str) -> bool:
    """Whether a Chinese term is a name: the tagger reads it as one, or CC-CEDICT glosses it as one (大连 'Dalian
    subprovincial city …', which jieba tags an adverb)."""
    from index.lexicon import _all_definitions
    from index.place_names import is_proper_name

    return is_proper_name(term) or any(d[:1].isupper() for d in _all_definitions().get(term, ()))


# English honorifics before a surname and, maybe, a given name (Mr Ou, Dr. Su Guojun)
_HONORIFIC = re.compile(
    r"\b(?:Mister|Missus|Mr|Mrs|Ms|Miss|Madam|Doctor|Dr|Professor|Prof)\.? ([A-Z][a-z]+)(?: ([A-Z][a-z]+))?\b"
)


def titled_surnames(question: str, names: Iterable[str]) -> str:
    """An English question with an honorific and a surname (Mr Ou, Mr. Su) written as the full name of the one
    speaker it names (Ou Jinxiong: 区锦雄, whose surname 区 reads ou), as 区总 names him in Chinese
    (retriever.query.title_aliases). As typed when no speaker or several have that surname, or the given name
    written after it is another: an honorific before someone the text never names stays for the unknown-name check.

    Args:
        question: an English question.
        names: the index's speakers' names (two or three Chinese characters name a person).
    """
    from index.pinyin import char_readings, spellings

    people = [n for n in names if 2 <= len(n) <= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", n)]

    def repl(match: re.Match) -> str:
        surname, given = match.group(1).lower(), (match.group(2) or "").lower()
        full = {
            next(s[len(surname):] for s in spellings(name) if s.startswith(surname))
            for name in people if surname in char_readings(name[0]) and any(s.startswith(surname) for s in spellings(name))
        }
        if len(full) != 1 or not next(iter(full)):
            return match.group(0)
        rest = full.pop()
        if given and given != rest:  # Mr Ou Jianguo is someone else
            return match.group(0)
        return f"{match.group(1)} {rest.capitalize()}"

    return _HONORIFIC.sub(repl, question)
