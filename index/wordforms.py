"""English word forms for the lexicon: one stemmer for glosses and questions, and base forms for irregular words.

stem() is the Snowball English (Porter2) stemmer (the ``snowballstemmer`` package), applied alike to
CC-CEDICT and glossary words at build time and to a question's words at query time, so that
'provinces' and 'province' (provinc), 'pollution' and 'to pollute' (pollut) meet. Irregular forms
('held', 'left') are beyond any stemmer: key_of() also tries a word's possible base forms, the regular
ones from its suffix and the irregular ones from a table of common English verbs and nouns, and takes
the first whose stem is a key. General English grammar only: nothing here is about one transcript.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from collections.abc import Container
from functools import lru_cache
from pathlib import Path

from index.errors import MissingDependencyError

STEMMER_ID = "snowball-english"
_stem_lock = threading.Lock()
_import_lock = threading.Lock()
_PRIVATE_PACKAGE = "_forumqa_snowballstemmer"


@lru_cache(maxsize=1)
def _stemmer():
    """Snowball's English stemmer, imported without the package's 35 other languages.

    ``import snowballstemmer.english_stemmer`` would run the package's __init__, which imports every language
    (about 0.1 s of a cold English question); the English module is loaded here from the same folder under a
    private package name whose __init__ is never run. The stemmer class is the same code either way.
    """
    if "snowballstemmer" in sys.modules:  # imported already: nothing to save
        from snowballstemmer.english_stemmer import EnglishStemmer

        return EnglishStemmer()
    spec = importlib.util.find_spec("snowballstemmer")  # finds the package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependencyError("the bilingual lexicon needs: pip install snowballstemmer")
    with _import_lock:
        if _PRIVATE_PACKAGE not in sys.modules:
            folder = list(spec.submodule_search_locations)
            package_spec = importlib.util.spec_from_file_location(
                _PRIVATE_PACKAGE, str(Path(folder[0]) / "__init__.py"), submodule_search_locations=folder
            )
            sys.modules[_PRIVATE_PACKAGE] = importlib.util.module_from_spec(package_spec)  # its __init__ not run
    return importlib.import_module(f"{_PRIVATE_PACKAGE}.english_stemmer").EnglishStemmer()


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The Snowball English stem of a word, lower-cased ('Provinces' → 'provinc', 'dismantling' → 'dismantl')."""
    word = word.lower().strip("'-")
    if not word:
        return word
    with _stem_lock:  # the stemmer object keeps its word between calls: one at a time
        return _stemmer().stemWord(word)

# Irregular past tenses, participles and plurals of common English words → their base form.
IRREGULAR = {
    w: base
    for base, forms in {
        "be": "was were been", "become": "became", "begin": "began begun", "break": "broke broken",
        "bring": "brought", "build": "built", "buy": "bought", "catch": "caught", "choose": "chose chosen",
        "come": "came", "cut": "cut", "deal": "dealt", "do": "did done doing does", "draw": "drew drawn",
        "drive": "drove driven", "eat": "ate eaten", "fall": "fell fallen", "feel": "felt", "fight": "fought",
        "find": "found", "fly": "flew flown", "forget": "forgot forgotten", "get": "got gotten",
        "give": "gave given", "go": "went gone going goes", "grow": "grew grown", "have": "had has", "hear": "heard",
        "hide": "hid hidden", "hold": "held", "keep": "kept", "know": "knew known", "lay": "laid",
        "lead": "led", "leave": "left", "lend": "lent", "lose": "lost", "make": "made", "mean": "meant",
        "meet": "met", "pay": "paid", "ride": "rode ridden", "rise": "rose risen", "run": "ran",
        "say": "said", "see": "saw seen", "seek": "sought", "sell": "sold", "send": "sent", "shake": "shook shaken",
        "shoot": "shot", "show": "showed shown", "sink": "sank sunk", "sit": "sat", "speak": "spoke spoken",
        "spend": "spent", "stand": "stood", "steal": "stole stolen", "strike": "struck", "swim": "swam swum",
        "take": "took taken", "teach": "taught", "tell": "told", "think": "thought", "throw": "threw thrown",
        "understand": "understood", "wear": "wore worn", "win": "won", "write": "wrote written",
        "man": "men", "woman": "women", "child": "children", "person": "people", "foot": "feet", "tooth": "teeth",
        "mouse": "mice", "datum": "data", "criterion": "criteria", "phenomenon": "phenomena",
    }.items()
    for w in forms.split()
}
_VOWELS = set("aeiou")


def light_stem(word: str) -> str:
    """A light stem (plural, -ing and -ed cut) for the list of common English words, where Snowball's conflations
    would turn names into words ('France' → 'franc')."""
    word = word.lower().strip("'-")
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + keep
    return word


# British spellings → American, the spelling CC-CEDICT's glosses use (sulphur → sulfur, neighbouring → neighboring,
# organisation → organization, centre → center, programme → program): (British ending, American ending, the fewest
# letters before it). Only endings that are regular in English spelling; a word is respelled once, by its first match.
_BRITISH = (
    ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"),
    ("ise", "ize"), ("ysing", "yzing"), ("ysed", "yzed"), ("yse", "yze"), ("ogues", "ogs"), ("ogue", "og"),
    ("ammes", "ams"), ("amme", "am"), ("phurs", "furs"), ("phur", "fur"), ("ences", "enses"), ("ence", "ense"),
)
_TRE_ROOTS = ("cen", "me", "li", "thea", "spec", "lus", "mi")  # centre, (kilo)metre, litre, theatre, spectre, lustre
_OUR_ENDINGS = ("", "s", "ed", "ing", "ite", "ites", "able", "ful", "less", "hood", "hoods", "er", "ers", "al")
_OUR_WORDS = ("four", "hour", "tour", "pour", "sour", "flour", "devour", "scour")  # -our in American too (contour)


def american(word: str) -> str:
    """A British spelling in American spelling ('sulphur' → 'sulfur', 'neighbouring' → 'neighboring', 'offences' →
    'offenses', 'centre' → 'center'); any other word unchanged. A word spelt alike in both ('difference', 'wise') may
    come out respelled: base_forms tries the respelling only after the word's own forms, and it is rarely a key."""
    low = word.lower()
    for british, us in _BRITISH:
        if low.endswith(british) and len(low) - len(british) >= 3:
            return low[: -len(british)] + us
    for ending in ("tres", "tre"):
        if low.endswith(ending) and low[: -len(ending)].endswith(_TRE_ROOTS):
            return low[: -len(ending)] + "ter" + ending[3:]
    at = low.find("our")
    if at >= 2 and low[at + 3 :] in _OUR_ENDINGS and not low[: at + 3].endswith(_OUR_WORDS):
        return low[:at] + "or" + low[at + 3 :]  # neighbourhood → neighborhood, labourers → laborers, colour → color
    return low


def base_forms(word: str) -> list[str]:
    """The word and the base forms it may be an inflection of, likeliest first ('patrolling' → patrolling,
    patroll, patrol, patrolle); a British spelling is followed by its American spelling's forms (index.wordforms.
    american: 'neighbouring' → …, neighboring, neighbor)."""
    word = word.lower()
    us = american(word)
    if us != word:
        return list(dict.fromkeys([*_base_forms(word), *_base_forms(us)]))
    return _base_forms(word)


def _base_forms(word: str) -> list[str]:
    out = [word]
    if word in IRREGULAR:
        out.append(IRREGULAR[word])
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            root = word[: -len(suffix)]
            out.append(root)
            if len(root) >= 2 and root[-1] == root[-2] and root[-1] not in _VOWELS and root[-1] not in "ls":
                out.append(root[:-1])  # scrapped → scrap
            elif root.endswith("ll"):
                out.append(root[:-1])  # patrolling → patrol (British doubling)
            if suffix == "ed" and root.endswith("i"):
                out.append(root[:-1] + "y")  # applied → apply
            out.append(root + "e")  # sourcing → source, issued → issue
    if word.endswith("men") and len(word) > 5:
        out.append(word[:-3] + "man")  # fishermen → fisherman, chairwomen → chairwoman (IRREGULAR has men itself)
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        out += [word[:-1], word[:-2]]  # sources → source, boxes → box
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.append(word[:-1])
    return list(dict.fromkeys(out))


def key_of(word: str, keys: Container[str], stem) -> str:
    """The lexicon key a question word looks up: the word itself when it is a key (pinyin), else its own stem when
    that is one, else the stem of its first base form that is one, else its own stem (which then matches nothing).

    Args:
        word: an English word of a question.
        keys: the lexicon's keys.
        stem: the stemmer (index.wordforms.stem).
    """
    if word.lower() in keys:  # a pinyin name ('jining'), which the stemmer may cut into other pinyin ('jine': 金额)
        return word.lower()
    own = stem(word)
    if own in keys:
        return own
    for form in base_forms(word)[1:]:
        if stem(form) in keys:
            return stem(form)
        if form in keys:
            return form
    return own


# English ordinals → the tokens of the Chinese ordinal as the index folds it (第一 → 第1 → 第, 1: index.normalize
# writes Chinese numerals in Arabic digits, so CC-CEDICT's 第一 'first' is no term of the index).
ORDINALS = {
    word: ("第", str(n))
    for n, word in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)
}


# English cardinals and month names → the digits the index writes them in (index.normalize folds 四 to 4; the text
# writes months as 10月, which the tokenizer cuts 10 | 月底).
CARDINALS = {
    word: (str(n),)
    for n, word in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), start=1)
}
MONTHS = {
    word: (str(n), "月")
    for n, word in enumerate(
        "january february march april may june july august september october november december".split(), start=1
    )
}


def ordinal_terms(word: str) -> tuple[str, ...]:
    """The index's BM25 terms of an English ordinal ('first' → 第, 1), cardinal ('four' → 4) or month name
    ('October' → 10, 月), or () for any other word."""
    low = word.lower()
    return ORDINALS.get(low) or CARDINALS.get(low) or MONTHS.get(low, ())
