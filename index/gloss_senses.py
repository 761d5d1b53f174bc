"""Which words of a CC-CEDICT gloss stand for its Chinese word alone: the gloss's head, never a modifier.

An English question's word meets a Chinese word of the text through the word's glosses (index/lexicon.py). Every
word of a short gloss used to key the term, so a modifier or a word inside an idiom translated it too: 'firm' of
下定决心 'to make a firm resolution', 'time' of 一度 'for a time', 'water' of 成立 'to hold water'. A gloss keys its
term alone only by its head:

- a verb phrase ('to make a firm resolution') by its verb, unless the verb is a general one (below) or a particle
  follows it ('to bring about', 'to set up': a phrasal verb means something else than its verb);
- a noun or adjective phrase by its last word before 'of' that is no stopword ('coal fuel' → fuel; 'next year' →
  next; 'the will of the people' → none);
- each part of a coordination by its own head ('firm and resolute' → firm, resolute);
- a phrase that opens with a preposition ('for a time', 'in response to') or a number ('one time', 'ten thousand
  people') names no thing: no single word keys it.

A gloss that names one thing ('Renmin University of China', 'Pearl River', 'Xiangjiang river') keys its term by its
phrases only, never by its head alone: 'university' is no 人大, 'river' no 珠江.

A word of a gloss also keys the term when a shorter word the term is written with means it (削减 'to cut down': 削
is 'to cut'). A general English word (one that CC-CEDICT's glosses of common words use very often: time, people,
work, water, hold) keys a term only when it is the whole gloss (人们 'people', not 万人 'ten thousand people', nor
水质 'water quality'): it would key hundreds. The phrases of a gloss (its runs of two words or more: 'firm resolut',
'water qualiti') key it as before. General English only: nothing about one text.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from index.stopwords import EN_STOPWORDS

SENSES_ID = "heads-v4-names"
GENERAL_MIN_ENTRIES = 250  # a word in the glosses of this many common CC-CEDICT words is general English
_PREPOSITIONS = frozenset(
    "about above across after against along among around as at before behind below beneath beside besides between "
    "beyond by despite during for from in inside into like near of off on onto out outside over per since than "
    "through throughout till to toward towards under until upon via with within without".split()
)
_PARTICLES = frozenset("about across along apart around aside away back behind by down forth in into off on out over "
                       "through together up".split())
_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand "
    "million billion several many few dozen half first second third once twice each every all".split()
)
_ARTICLES = frozenset("a an the one's sb's sth's oneself sb sth".split())
_CONJUNCTION = re.compile(r"\s+(?:and|or|and/or|&)\s+|/")
_WORD = re.compile(r"[a-z][a-z0-9'-]*")


def head_words(gloss: str) -> list[str]:
    """The words of a cleaned, lower-case gloss that may stand for its term alone (see the module).

    Args:
        gloss: one gloss, without notes ('to make a firm resolution').

    Returns:
        The head words in order, unstemmed: ['make'] of 'to make a firm resolution', [] of 'for a time'.
    """
    heads: list[str] = []
    for part in _CONJUNCTION.split(gloss):
        words = _WORD.findall(part)
        if not words:
            continue
        if words[0] == "to" and len(words) > 1:  # a verb phrase
            verb, rest = words[1], [w for w in words[2:] if w not in _ARTICLES]
            if verb == "be" or (rest and rest[0] in _PARTICLES):
                continue  # 'to be aimed at', 'to bring about', 'to set up': the verb alone is another word
            heads.append(verb)
            continue
        if words[0] in _PREPOSITIONS or words[0] in _NUMBERS:
            continue  # 'for a time', 'in response to', 'one time', 'ten thousand people'
        before_of = words[: words.index("of")] if "of" in words else words
        content = [w for w in before_of if w not in _ARTICLES and w not in EN_STOPWORDS and w.isalpha()]  # not so2
        if content:
            heads.append(content[-1])
    return heads


def is_whole_word(gloss: str) -> bool:
    """Whether a cleaned, lower-case gloss is one word, bare or as an infinitive or with an article ('boiler', 'to
    pollute', 'the masses'): the word is the term's whole meaning."""
    words = _WORD.findall(gloss)
    if words and words[0] in ("to", "a", "an", "the"):
        words = words[1:]
    return len(words) == 1


@lru_cache(maxsize=1 << 14)
def part_meanings(term: str) -> frozenset[str]:
    """Stems of the one-word glosses of the shorter words a term is written with (水质 → 水 'water', 质 'quality'):
    a word of a longer gloss that one of them means is part of the term's meaning ('water' of 'water quality')."""
    from index.lexicon import _GLOSS_NOISE, _all_definitions
    from index.wordforms import stem

    definitions = _all_definitions()
    out: set[str] = set()
    for size in range(1, len(term)):
        for i in range(len(term) - size + 1):
            for gloss in definitions.get(term[i : i + size], ()):
                gloss = _GLOSS_NOISE.sub("", gloss).strip().lower()
                if is_whole_word(gloss):
                    out.add(stem(_WORD.findall(gloss)[-1]))
    return frozenset(out)


@lru_cache(maxsize=1)
def general_words() -> frozenset[str]:
    """Stems of the general English words: those in the glosses of GENERAL_MIN_ENTRIES common CC-CEDICT words or more
    (an entry whose first gloss starts in capitals is a name and does not count). Cached (index/cedict_tables.py)."""
    from index.cedict_tables import cached

    return cached("general", _derive_general_words)


def _derive_general_words() -> frozenset[str]:
    from index.lexicon import _GLOSS_NOISE, _cedict
    from index.wordforms import stem

    counts: Counter[str] = Counter()
    for entry in _cedict().get_entries():
        glosses = entry["definitions"]
        if not glosses or glosses[0][:1].isupper():
            continue
        words = {w for g in glosses for w in _WORD.findall(_GLOSS_NOISE.sub("", g).lower())}
        counts.update({stem(w) for w in words})
    return frozenset(w for w, n in counts.items() if n >= GENERAL_MIN_ENTRIES)


def name_words(gloss: str) -> list[str]:
    """The parts of a lower-case gloss that names one thing which are one word each: the name itself ('weixin',
    'wechat' of 'Weixin or WeChat'), never the kind a longer name ends in ('university' of 'Renmin University')."""
    return [words[0] for part in _CONJUNCTION.split(gloss) if len(words := _WORD.findall(part)) == 1]


def names_one(gloss: str) -> bool:
    """Whether a cleaned gloss, as CC-CEDICT writes it (case kept), is the name of one thing: two content words or more
    all capitalised ('Pearl River', 'Renmin University of China'), or a capitalised word that is no common English
    ('Xiangjiang river'). 'Party committee' is no name: 'party' is common English and 'committee' is in lower case."""
    from index.lexicon import _english_words
    from index.wordforms import light_stem

    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", gloss) if w.lower() not in _ARTICLES and w.lower() not in EN_STOPWORDS]
    if not words:
        return False
    capitals = [w for w in words if w[0].isupper()]
    if len(words) >= 2 and len(capitals) == len(words):
        return True
    common = _english_words()
    return any(light_stem(w) not in common for w in capitals)
