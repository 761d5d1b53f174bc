"""Misspelt words of an English question read as the words the index knows (session 20, readers16's learner).

An English learner misspells common words (goverment, enviroment, begining, boilor) and the pinyin of the places and
people they ask about (Dailan, Jinning, Nanyan); a reader who copies a name from a textbook writes its tone marks
(Dàlián, Jǐníng, Sū Guójūn). Tone marks are folded by ``toneless_latin`` (before anything else reads the question);
a misspelt word is rewritten by ``respelled`` when one edit (a letter dropped, doubled or added, replaced, or two
neighbours swapped: Damerau-Levenshtein distance 1) turns it into exactly one word the index's lexicon maps: the
pinyin of one of the text's proper names (Dalian → 大连) or a common English word whose key the lexicon holds
(government → 政府). This is the one respeller: index.romanisation.pinyin_names asks ``respelling`` for its names
(Dailan) after reading the older romanisations (Ta-lien), which are spelling systems, not slips.

Only a word that is nothing as typed is rewritten: no stopword, no common English word, no key of the lexicon, no
British spelling of one (summarise is no summaries). It must be MIN_LETTERS long (a short word is one edit from too
many others: dolor of lorem ipsum is no door) and keep its first letter: typing slips fall inside a word, and a word
with another first letter is another word (Anyang, a city the text never names, is no Nanyang). A capitalised word
after the first is a name: only the text's names are meant by it (Everest is no ever). A piece of a hyphened word is
a syllable of a romanised name or half of a compound (Tan-chiang-kou, co-governance), not a word of its own: it is
never respelled. A word written with an accent that is no pinyin tone (São, rôle) is read without it when the
lexicon knows the plain word. General: the index's own lexicon and CC-CEDICT's English decide, nothing here is about
one text. Chosen on tune rows (English and mixed, spell2): six letters rather than five (five respells dolor → door
in a nonsense question, and reads nothing more), the first letter kept (any first letter reads nothing more that the
older romanisations do not), seven letters would lose Dailan, Nanyan, boilor.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

MIN_LETTERS = 6
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# a Latin word, accented letters included, that is no piece of a hyphened word (Tan-chiang-kou) or of a contraction
_LATIN = "A-Za-z\u00c0-\u024f\u0300-\u036f"
_WORD = re.compile(rf"(?<![{_LATIN}'’-])[{_LATIN}]+(?![{_LATIN}-])")
# pinyin's tone-marked vowels (and the rare tone-marked n, m) → the plain letter; ü keeps its dots (lü, nü)
_TONE_MARKS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ",
                            "aaaaeeeeiiiioooouuuuüüüünnnmAAAAEEEEIIIIOOOOUUUU")


def toneless_latin(text: str) -> str:
    """The text with pinyin's tone marks dropped from Latin letters (Dàlián → Dalian, Jǐníng → Jining, also when the
    marks are typed as combining characters); Chinese characters and other text as they were."""
    return unicodedata.normalize("NFC", text).translate(_TONE_MARKS)


# English words written short in any text (offices, institutions): the words they stand for, which the lexicon maps
# (vice president → 副总裁) and the unknown-name check knows. Honorifics (Mr Ou) are index.romanisation.titled_surnames'.
SHORT_FORMS = {
    "vp": "vice president", "gm": "general manager", "govt": "government", "gov't": "government", "dept": "department",
    "ltd": "limited",  # a company's name (Pubang Landscape Architecture Co., Ltd.): no unknown name (session 22)
}
_SHORT = re.compile(r"(?<![A-Za-z'’])(" + "|".join(re.escape(k) for k in SHORT_FORMS) + r")\.?(?![A-Za-z'’])", re.I)


def written_out(text: str) -> str:
    """The text with English short forms written out (the VP → the vice president, the govt → the government)."""

    def repl(match: re.Match) -> str:
        typed = match.group(1)
        full = SHORT_FORMS[typed.lower()]
        return full.capitalize() if typed[0].isupper() and not typed.isupper() else full  # Govt → Government

    return _SHORT.sub(repl, text)


def one_edit(word: str) -> set[str]:
    """The words one edit from a lower-case word that keep its first letter: a letter dropped, added, replaced, or two
    neighbours swapped."""
    head, rest = word[0], word[1:]
    splits = [(rest[:i], rest[i:]) for i in range(len(rest) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(rest)
    return {head + w for w in out}


def respelled(question: str, lexicon: dict[str, list[str]], is_name: Callable[[str], bool]) -> str:
    """The question with its misspelt Latin words written as the word the index knows (see the module); as typed when
    it holds none.

    Args:
        question: an English or mixed question (tone marks already folded).
        lexicon: the index's English/pinyin lexicon (word → Chinese terms).
        is_name: whether a Chinese term is a proper name (index.romanisation.proper_name).
    """

    titled = title_case(question, lexicon)

    def repl(match: re.Match) -> str:
        typed = match.group(0)
        if not typed.isascii():  # São, rôle: a word of another language, or pinyin with a tone mark left
            return unaccented(typed, lexicon)
        # a capitalised word after the first is a name: read as the text's name, never as a common word (Everest);
        # not in a title, whose capitals mark no name (Dalian Goverment Make Public the Coal Boilors)
        named = typed[0].isupper() and bool(re.search(r"[A-Za-z]", question[: match.start()])) and not titled
        meant = respelling(typed, lexicon, is_name, named)
        if not meant:
            return typed
        return meant.capitalize() if typed[0].isupper() else meant

    return _WORD.sub(repl, question)


TITLE_WORDS = 1  # capitalised common English words after the first that make a question a title
_TITLE_WORD = re.compile(r"(?<![A-Za-z'’-])([A-Za-z][a-z]+)(?![A-Za-z-])")
# the small words a title leaves in lower case (What Is the Capital of France?)
_TITLE_SMALL = frozenset("a an the and but or nor for so yet of on in at to by up as via per vs".split())


def title_case(question: str, lexicon: dict[str, list[str]]) -> bool:
    """Whether a question is written as a title (Which Four Areas Make Up Siangtan's Key Projects?): after its first
    word, at least TITLE_WORDS of its common English words (the small ones a title leaves alone not counted) is
    capitalised, and more of them capitalised than not (How do I renew a Chinese passport? and What was the first
    step he took at the Dalian Environmental Protection Bureau? are sentences naming things). Its
    capitals then say nothing of a name (a sentence capitalises names only: How did Dalian and Jining compare? holds
    no capitalised common word)."""
    from index.lexicon import is_english_word
    from index.stopwords import EN_STOPWORDS

    upper = lower = 0
    for match in list(_TITLE_WORD.finditer(question))[1:]:
        word = match.group(1)
        low = word.lower()
        if low in _TITLE_SMALL or len(low) < 3:  # is, do: lower case in some titles (What is the Capital of …)
            continue
        if low in EN_STOPWORDS or is_english_word(word, lexicon, compounds=False):
            upper += word[0].isupper()
            lower += word[0].islower()
    return upper >= TITLE_WORDS and upper > lower


_CAPITALISED = re.compile(r"(?<![A-Za-z'’-])[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*(?![A-Za-z-])")


def sentence_case(question: str, lexicon: dict[str, list[str]], is_name: Callable[[str], bool]) -> str:
    """A question written as a title (title_case) in sentence case: each capitalised common English word after the
    first written in lower case (What Is the Capital of France? → What is the capital of France?), as a sentence
    writes it, so that the checks which take a capitalised word for a name (an unknown name, a place the text never
    names) and those which find the asked noun read it as they read the same question typed as a sentence. Kept: a
    word that is no common English word (France, Everest), the pinyin of a name of the text (Jining), one pinyin
    syllable (Wang, Qi: a name's syllable as well as a gloss word), an acronym (PM2.5, EU), and an English word
    other than a function word right before a capitalised word that is none: a title of that name (Mister Ou, Mount
    Everest, Inner Mongolia). As typed when the question is no title. A common word that is also a country's name
    (China: porcelain) is written in lower case too; the search and the checks read it either way.

    Args:
        question: an English question (respelled: index/spelling.py respelled).
        lexicon: the index's English/pinyin lexicon.
        is_name: whether a Chinese term is a proper name (index.romanisation.proper_name).
    """
    if not title_case(question, lexicon):
        return question
    from index.lexicon import is_english_word
    from index.lexicon_query import spelled
    from index.pinyin import syllables
    from index.stopwords import EN_QUERY_FILLER, EN_STOPWORDS

    def common(word: str) -> bool:
        low = word.lower()
        if low in syllables():  # Wang, Qi, Su: a syllable of a name as well as a gloss word
            return False
        if any(is_name(t) for t in spelled(low, lexicon.get(low, ()))):  # Jining: the pinyin of the text's 济宁
            return False
        return all(
            p in EN_STOPWORDS or p in EN_QUERY_FILLER or is_english_word(p, lexicon, compounds=False)
            for p in low.split("-") if p
        )

    words = list(_CAPITALISED.finditer(question))
    first = re.search(r"[A-Za-z]", question)
    out, at = [], 0
    for match in words:
        word = match.group(0)
        if first is not None and match.start() == first.start() or not common(word):
            continue
        after = question[match.end():]
        following = re.match(r"\s+([A-Z][A-Za-z]*)", after)
        titles = word.lower() not in EN_STOPWORDS and word.lower() not in EN_QUERY_FILLER
        if titles and following and not common(following.group(1)):  # Mister Ou, Mount Everest (not Did Xiangtan)
            continue
        out.append(question[at : match.start()] + word.lower())
        at = match.end()
    return "".join(out) + question[at:]


_PINYIN_ONLY_MARKS = frozenset("\u0304\u030c")  # combining macron (ā) and caron (ǎ): only pinyin writes them


def unaccented(word: str, lexicon: dict[str, list[str]]) -> str:
    """A Latin word with accents that are no pinyin tone mark of toneless_latin's (São, rôle, a macron on a consonant)
    without them when they are pinyin's marks (macron, caron) or the lexicon knows the plain word; as typed
    otherwise (café stays café in an index that never writes cafe). The diaeresis stays (lü, nü, naïve)."""
    parts = unicodedata.normalize("NFD", word)
    marks = {c for c in parts if unicodedata.combining(c) and c != "\u0308"}
    plain = unicodedata.normalize("NFC", "".join(c for c in parts if c not in marks))
    if not marks or not plain.isascii():
        return word
    return plain if marks & _PINYIN_ONLY_MARKS or plain.lower() in lexicon else word


def respelling(typed: str, lexicon: dict[str, list[str]], is_name: Callable[[str], bool], named: bool = False) -> str:
    """The word a misspelt Latin word stands for, lower case ('' when it is a word as typed, or none or several words
    are one edit away); named: the word is written as a name, so only a name of the text is meant."""
    from index.lexicon import english_vocabulary
    from index.lexicon_query import spelled, word_key
    from index.stopwords import EN_QUERY_FILLER, EN_STOPWORDS
    from index.wordforms import american, base_forms, light_stem

    low = typed.lower()
    if len(low) < MIN_LETTERS or (typed.isupper() and len(typed) > 1):  # an acronym is no misspelling
        return ""
    vocabulary = english_vocabulary(lexicon)
    if low in EN_STOPWORDS or low in EN_QUERY_FILLER or low in lexicon or low in vocabulary:
        return ""
    if word_key(low, lexicon) in lexicon:
        return ""  # an inflection the lexicon maps (begining → begin: 年初)
    us = american(low)
    if us != low and any(light_stem(f) in vocabulary for f in base_forms(us)):
        return ""  # a British spelling (summarise, theatre): English as typed, never one edit from another word
    # a capitalised word that is English only by its ending (Jinning: jinn + ing; Booker: book + er) may be a name
    # misspelt, and is never a common word misspelt (Booker is no booked)
    names_only = named or light_stem(low) in vocabulary or re.sub(r"ers?$", "", low) in vocabulary
    if names_only and not typed[0].isupper():
        return ""
    found: dict[str, str] = {}  # option → what it stands for (the names it spells, or its key)
    for option in sorted(one_edit(low)):
        terms = lexicon.get(option, ())
        names = sorted(t for t in spelled(option, terms) if is_name(t)) if terms else []
        if names:
            found[option] = "|".join(names)  # the pinyin of one of the text's names (dalian, dailian: 大连)
        elif not names_only and light_stem(option) in vocabulary and word_key(option, lexicon) in lexicon:
            if len(light_stem(option)) >= len(low) - 2:  # a slip keeps the word's stem (everest is no ever + es)
                found[option] = word_key(option, lexicon)  # a common English word the lexicon maps (government)
    # one thing meant, however many spellings reach it (boilers and boiler; dalian and dailian)
    if len(set(found.values())) != 1:
        return ""
    return min(found, key=lambda option: (not _first_spelling(option, found[option]), option))


def _first_spelling(option: str, meant: str) -> bool:
    """Whether an option is the commonest pinyin of the name it spells (dalian, not dailian, for 大连)."""
    from index.pinyin import spellings

    return any(spellings(name)[:1] == [option] for name in meant.split("|"))
