"""The things an English question asks about that the text never names: the ``things_unmapped`` feature.

An English question reaches a Chinese text only through the lexicon (CC-CEDICT glosses of the index's own terms and
the domain glossary), which maps only what the text writes. A content word the lexicon cannot map is therefore a word
the text never writes, in any language it can be searched in. ``words_unmapped`` weighs the share of such words, but a
verb or an adjective without a gloss (tackle, stricter) is how an asker words a question the text may well answer,
while a noun without one (passport, heat pump, the Great Wall, acid rain) names the very thing asked about: a text that
never names it cannot tell of it. Out-of-scope English questions borrow the text's common words (city, pollution,
government) around such a noun, so every other check finds their words covered (specific_cover weighs an unmapped
English word 0).

A word is a thing when CC-CEDICT glosses Chinese nouns (jieba tags n, ng, nz) by that word alone more often than
adjectives, adverbs and verbs (passport: 护照, wall: 墙; not roughly, private): general English, nothing about one
text. Not counted: a word of a hyphenated compound (South of
South-to-North: the compound names the thing), a past participle (printed, based: a verb's form, however a gloss
reads it), a noun of the asking (extent of to what extent), a month or weekday, and every word when the question
asks about the document itself: its top passage is a part of the document around its content (title, editor's note,
participants) and a noun of the question is written in a document's title (forum: 论坛), as What does the page
subtitle call this record asks about the page, whose words (page, subtitle,
record) the text does not write. Either alone is not enough: an out-of-scope question often falls back on the title
passage, and a verb of the question may be written in the title (driving: 推进).

The feature is the number of such nouns, at most 2 (session 24, en5; first built by session 23's en4, whose branch was
lost).

A generic question (naming no entity of the text and no figure) may reach the text only loosely: through a longer
word whose gloss holds one of its words (Why is the sky blue?: sky and blue both find 蓝天 'blue sky', which the text
writes in 蓝天数) or through a single character (clouds: 云 of 云平台). When no noun of it names a word of the text
outright (a word of two characters or more glossed by that noun alone: 锅炉 'boiler', or a gloss phrase it writes as
a phrase: editor's note, blue sky), nothing it asks about is named there: each of its words found only so loosely
counts as such a thing too (session 27, en8). Answerable English tune questions naming no entity name two such text
words or more; the rule is silent (fails open) as soon as one is named.

A word the lexicon cannot map that makes, with the word written next to it, the whole two-word gloss of a CC-CEDICT noun
names that thing too, whatever its part of speech alone (share of share price: 股价; number of phone number: 电话; house
price: 房价; giant pandas: 大熊猫): the pair is how the asker names the thing asked about, and the text, which the
lexicon cannot search for the word, never names it (session 28, en9: on the English tune rows and eval/scope_stress.jsonl
such a pair was written by 34 unanswerable questions and 0 answerable ones once the two words stand side by side as
written, and by none of 2,010 generated paraphrases holding a Latin word).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from index.normalize import search_key

_NOUN_TAGS = ("n", "ng", "nz")
_OTHER_TAGS = ("v", "a", "d")  # verbs, adjectives, adverbs (names, morphemes, idioms weigh neither way)
_ARTICLE = re.compile(r"^(?:an?|the)\s+")
_ONE_WORD = re.compile(r"^[a-z]{3,}$")
CAP = 2
# A noun that is part of how the question asks (to what extent, in what way, what kind of): no thing asked about
_ASKING = re.compile(r"\b(?:to|in|of)?\s*(?:what|which)\s+(extent|degree|way|kind|sort|type)s?\b", re.I)
# English words of place and manner that CC-CEDICT glosses a noun by (toward: 往, outright: 彻底) but that name no thing
_NO_THING = frozenset(
    "toward towards outside inside within without beyond amid amidst via upstream downstream overseas abroad ahead apart "
    "outright altogether onward onwards".split()
)
# A word used as a verb names no thing (session 26, en7): after an infinitive's to or a subject pronoun (to pair, I
# volunteer), or before a phrasal verb's particle (pin down, sort out, hold back)
_VERB_BEFORE = re.compile(r"(?i)\b(?:to|i|we|they|you|he|she)\s+$")
_PARTICLE_AFTER = re.compile(r"(?i)^\s+(?:down|up|out|off|away|back|aside|forth)\b")


@lru_cache(maxsize=1)
def noun_words() -> dict[str, bool]:
    """English words CC-CEDICT uses as the whole gloss of a Chinese noun (lower case), each True when it glosses nouns
    more often than every other part of speech together (adjectives, adverbs, and verbs at half: to pump) and is none
    of its general words (end, hand, full: index.gloss_senses.general_words): passport (护照) True; roughly, wrong,
    private, visible, forum False. Derived once per machine and cached with the other CC-CEDICT tables
    (index.cedict_tables)."""
    from index.cedict_tables import cached

    return cached("thing_nouns-6", _derive_noun_words)


def _derive_noun_words() -> dict[str, bool]:
    from index.gloss_senses import general_words
    from index.lexicon import _all_definitions
    from retriever.answerability.units import pos_tagger

    tags = pos_tagger().dt.word_tag_tab
    nouns: dict[str, int] = {}
    others: dict[str, float] = {}
    for word, glosses in _all_definitions().items():
        tag = tags.get(word)
        if not tag:
            continue
        for gloss in glosses:
            gloss = re.sub(r"\([^)]*\)", "", gloss).strip().lower()
            verb = gloss.startswith("to ")
            gloss = _ARTICLE.sub("", gloss[3:] if verb else gloss)
            if not _ONE_WORD.match(gloss):
                continue
            if verb or tag.startswith(_OTHER_TAGS):  # a verb's gloss half: English makes verbs of nouns (to pump)
                others[gloss] = others.get(gloss, 0) + (0.5 if verb else 1)
            elif tag in _NOUN_TAGS:
                nouns[gloss] = nouns.get(gloss, 0) + 1
    general = general_words()
    return {w: n > others.get(w, 0) and w not in general for w, n in nouns.items()}


def is_thing(word: str) -> bool:
    """Whether an English word names a thing: a noun of noun_words, as written or in a base form (passports:
    passport); not a past participle (printed) nor a verb's -ing form (hearing of keep hearing: hear is a verb)."""
    return _noun(word, strict=True)


def _noun(word: str, strict: bool) -> bool:
    """A noun of noun_words (strict: one that glosses nouns more than other words), as written or in a base form."""
    from index.lexicon import _CALENDAR
    from index.wordforms import base_forms

    word = word.lower()
    if not word.isascii() or not word.isalpha() or word in _CALENDAR:  # a month or a weekday is a time, no thing
        return False
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return False  # a past participle (printed, based), whatever noun a gloss reads it as
    nouns = noun_words()
    if word.endswith("ing"):
        return (nouns.get(word, False) if strict else word in nouns) and not any(
            f in verb_words() for f in base_forms(word)[1:]
        )
    forms = [word, *base_forms(word)[1:]]
    return any(nouns.get(f, False) if strict else f in nouns for f in forms)


@lru_cache(maxsize=1)
def verb_words() -> frozenset[str]:
    """English verbs CC-CEDICT glosses with 'to …' (to hear), cached."""
    from index.cedict_tables import cached

    return cached("thing_verbs-1", _derive_verb_words)


def _derive_verb_words() -> frozenset[str]:
    from index.lexicon import _all_definitions

    out = set()
    for glosses in _all_definitions().values():
        for gloss in glosses:
            found = re.match(r"^to ([a-z]{3,})$", re.sub(r"\([^)]*\)", "", gloss).strip().lower())
            if found:
                out.add(found.group(1))
    return frozenset(out)


@lru_cache(maxsize=1)
def noun_pairs() -> frozenset[str]:
    """Two-word English glosses of CC-CEDICT nouns (jieba tags n, ng, nz, or a word jieba's dictionary lacks: 股票代号
    'ticker symbol'; never a word it tags otherwise), each as its two stems ('share price' of 股价, 'phone number' of
    电话, 'acid rain' of 酸雨), cached with the other CC-CEDICT tables."""
    from index.cedict_tables import cached

    return cached("thing_pairs-2", _derive_noun_pairs)


def _derive_noun_pairs() -> frozenset[str]:
    from index.lexicon import _all_definitions
    from index.wordforms import stem
    from retriever.answerability.units import pos_tagger

    tags = pos_tagger().dt.word_tag_tab
    out = set()
    for word, glosses in _all_definitions().items():
        if tags.get(word, "n") not in _NOUN_TAGS:
            continue
        for gloss in glosses:
            gloss = _ARTICLE.sub("", re.sub(r"\([^)]*\)", "", gloss).strip().lower())
            if re.fullmatch(r"[a-z]{3,} [a-z]{3,}", gloss):
                out.add(" ".join(stem(w) for w in gloss.split()))
    return frozenset(out)


def in_noun_pair(word: str, question: str) -> bool:
    """The word makes, with the word written right before or after it (a space or a hyphen between), the two-word
    gloss of a CC-CEDICT noun (noun_pairs): share of 'share price', number of 'phone number'."""
    from index.wordforms import stem

    pairs = noun_pairs()
    low = question.lower()
    for m in re.finditer(rf"\b{re.escape(word.lower())}\b", low):
        before = re.search(r"([a-z]{3,})[\s-]+$", low[: m.start()])
        after = re.match(r"[\s-]+([a-z]{3,})\b", low[m.end():])
        if before and f"{stem(before.group(1))} {stem(word)}" in pairs:
            return True
        if after and f"{stem(word)} {stem(after.group(1))}" in pairs:
            return True
    return False


def _in_compound(word: str, question: str) -> bool:
    """A word written as part of a hyphenated compound of the question (south of South-to-North)."""
    return bool(re.search(rf"(?i)(?:[a-z0-9]-{re.escape(word)}\b|\b{re.escape(word)}-[a-z0-9])", question))


def used_as_verb(word: str, question: str) -> bool:
    """Every time the question writes the word, it is a verb: after to or a subject pronoun, or before a particle
    (What inventory did Jining compile to pin down …; I volunteer on river cleanups)."""
    spots = list(re.finditer(rf"(?i)\b{re.escape(word)}\b", question))
    return bool(spots) and all(
        _VERB_BEFORE.search(question[: m.start()]) or _PARTICLE_AFTER.match(question[m.end():]) for m in spots
    )


_FIGURE = re.compile(r"\d")


@lru_cache(maxsize=1 << 14)
def _gloss_stems(term: str) -> tuple[tuple[str, ...], ...]:
    """The stems of each gloss of a Chinese word (CC-CEDICT's, without notes or an infinitive's to, and the domain
    glossary's phrases)."""
    from index.glossary import glossary_phrases
    from index.lexicon import _GLOSS_NOISE, _all_definitions, _gloss_words
    from index.wordforms import stem

    out = []
    for gloss in (*_all_definitions().get(term, ()), *glossary_phrases(term)):
        gloss = re.sub(r"^to\s+", "", _GLOSS_NOISE.sub("", gloss).strip().lower()).replace("-", " ")
        words = tuple(stem(w) for w in _gloss_words(gloss))
        if words:
            out.append(words)
    return tuple(dict.fromkeys(out))


def names_outright(word: str, forms: Iterable[str], question_stems: Sequence[str], contains: Callable[[str], bool]) -> bool:
    """Whether a question's word names a word the text writes outright: one of two characters or more, no bare verb
    (形成 'to form' is what clouds do, no thing), glossed by the word alone (锅炉 'boiler', in any of the word's base
    forms: programmes, programme, program), or one glossed by a phrase the question writes as a phrase (编者按 of
    editor's note, 蓝天 of blue sky)."""
    from index.wordforms import base_forms, stem
    from retriever.answerability.units import pos_tagger

    stems = {stem(f) for f in base_forms(word)}
    tags = pos_tagger().dt.word_tag_tab
    for form in forms:
        if not form or form.isascii() or len(form) < 2 or tags.get(form) == "v" or not contains(form):
            continue
        for gloss in _gloss_stems(form):
            if len(gloss) == 1 and gloss[0] in stems:
                return True
            if len(gloss) > 1 and stems & set(gloss) and any(
                tuple(question_stems[i : i + len(gloss)]) == gloss for i in range(len(question_stems) - len(gloss) + 1)
            ):
                return True
    return False


def _spelt(word: str, forms: Iterable[str], contains: Callable[[str], bool]) -> bool:
    """A Latin word that spells a Chinese word the text writes in pinyin (nanshui of 南水, zhubugang of 竹埠港)."""
    from index.lexicon import pinyin_variants

    low = word.lower()
    return any(f and not f.isascii() and contains(f) and low in pinyin_variants(f) for f in forms)


def loosely_found(
    question: str, units: Sequence, unmapped: Callable[[object], bool], contains: Callable[[str], bool]
) -> list[str]:
    """The words of a generic English question (no figure; the caller knows it names no entity) that reach the text
    only loosely, when no noun of it names a word of the text outright (see the module): [] as soon as one does."""
    from index.lexicon import english_words
    from index.wordforms import stem

    if _FIGURE.search(question) or any(  # a Chinese word of a mixed question, or a name in pinyin, the text writes
        not unmapped(u) and (not u.label.isascii() or _spelt(u.label, u.forms, contains)) for u in units
    ):
        return []
    latin = [u for u in units if u.label.isascii() and not unmapped(u)]
    question_stems = [stem(w) for w in english_words(question.replace("-", " "))]
    if any(_noun(u.label, strict=False) and names_outright(u.label, u.forms, question_stems, contains) for u in latin):
        return []
    return [u.label for u in latin if not names_outright(u.label, u.forms, question_stems, contains)]


def about_document(units: Sequence, top_is_part: bool, titles: Iterable[str]) -> bool:
    """The question asks about the document itself: its top passage is a part of the document (title, note,
    participants) and one of its nouns is written in a document's title (forum: 论坛)."""
    if not top_is_part:
        return False
    keys = [search_key(t) for t in titles if t]
    return any(
        _noun(u.label, strict=False) and any(f and not f.isascii() and f in k for f in u.forms for k in keys)
        for u in units if u.label.isascii()
    )


def things_unmapped(
    question: str,
    units: Sequence,
    unmapped: Callable[[object], bool],
    top_is_part: bool = False,
    titles: Iterable[str] | Mapping[str, str] = (),
    generic: bool = False,
    contains: Callable[[str], bool] | None = None,
) -> float:
    """How many nouns of an English question the lexicon maps into no word of the text (at most CAP).

    Args:
        question: the question as asked (its hyphenated compounds are read from it).
        units: its content words (units.Unit).
        unmapped: whether a unit is a Latin word the text cannot be searched for (features.unmapped).
        top_is_part: the top passage is a part of the document (title, note, participants).
        titles: the documents' titles.
        generic: the question names no entity of the text (then a word found only loosely counts: loosely_found).
        contains: whether the text writes a Chinese word (needed with generic).
    """
    if isinstance(titles, Mapping):
        titles = titles.values()
    if about_document(units, top_is_part, titles):
        return 0.0
    asking = {m.lower() for m in _ASKING.findall(question)}
    found = [
        u.label for u in units
        if u.label.isascii() and unmapped(u) and u.label not in asking and u.label not in _NO_THING
        and is_thing(u.label) and not _in_compound(u.label, question) and not used_as_verb(u.label, question)
    ]
    found += [
        u.label for u in units
        if u.label.isascii() and unmapped(u) and u.label not in found and u.label not in asking
        and in_noun_pair(u.label, question)
    ]
    if generic and contains is not None:
        found += loosely_found(question, units, unmapped, contains)
    return float(min(len(set(found)), CAP))
