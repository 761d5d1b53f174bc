"""English phrases keyed as written: one content word with the function words that make its meaning.

A phrase's lexicon key is normally its content words' stems, stopwords dropped ('source of pollution' → 'sourc
pollut'). A phrase whose meaning rests on its function words would then be keyed by one word that means something
else: a phrasal verb ('clean up', 'carry out', 'phase out' keyed by 'clean', 'carri', 'phase'), or a set phrase
('at the source', 'the people', 'up to standard', 'for a time'). Such a phrase, from the glossary or a CC-CEDICT gloss,
is keyed whole as written, each word stemmed ('clean up', 'at the sourc'), and a question's words are matched against
those keys as written too: with their function words, hyphenated words split ('clean-up'), an inflected verb by its
stem or base form ('cleaning up', 'carried out', 'held up'), and an object pronoun between a verb and its particle
dropped ('track them down' → 'track down').

General English only: nothing here is about one text.
"""

from __future__ import annotations

import re
import unicodedata

from index.stopwords import EN_STOPWORDS
from index.wordforms import IRREGULAR, stem

# Adverb particles of phrasal verbs (track down, clean up, carry out, phase out, hand over, pay back, set aside).
PARTICLES = frozenset("about across along around aside away back behind by down forth in into off on out over through "
                      "up".split())
# Object pronouns that stand between a verb and its particle ('track them down', 'clean it up').
OBJECTS = frozenset("it them him her us me this that these those".split())
_LEADING = frozenset("to be a an".split())  # 'to (be)' of a gloss's verb, an article ('the people' is kept)
MAX_WORDS = 4
STRANDED_REACH = 4  # how many words back a question-final particle looks for its verb


def raw_words(text: str) -> list[str]:
    """The lower-case words of a text as written, function words kept, hyphenated words split, 's cut."""
    text = unicodedata.normalize("NFKC", text).lower()
    out = []
    for word in re.findall(r"[a-z][a-z0-9.'-]*", text):
        word = re.sub(r"'s?$", "", word.rstrip(".-"))
        out += [p for p in word.split("-") if p]
    return out


def content_count(words: list[str]) -> int:
    return sum(w not in EN_STOPWORDS and w not in _LEADING for w in words)


def written_key(phrase: str, content_first: bool = False) -> str:
    """The key of a phrase keyed as written ('to clean up' → 'clean up', 'at the source' → 'at the sourc'), or '' when
    the phrase is no such phrase: it has no content word, more than one, or no function word beside its one.

    With content_first, only a phrase that starts with its content word (a phrasal verb: 'clean up', 'deal with',
    'responsible for') counts: an adverbial that opens with a preposition ('at the same time', 'in fact' → 同时, 实际上)
    is a connective of the text, which names nothing to look for."""
    words = raw_words(phrase)
    while len(words) > 1 and words[0] in _LEADING:
        words = words[1:]
    if not 2 <= len(words) <= MAX_WORDS or content_count(words) != 1:
        return ""
    if content_first and words[0] in EN_STOPWORDS:
        return ""
    return " ".join(stem(w) for w in words)


def _keys_of(words: list[str]) -> list[str]:
    """The keys a run of question words may match: its stems, and with each irregular word by its base form."""
    plain = " ".join(stem(w) for w in words)
    based = " ".join(stem(IRREGULAR.get(w, w)) for w in words)
    return list(dict.fromkeys((plain, based)))


def written_spans(question: str, keys) -> list[tuple[int, int, str]]:
    """(start, end, key) of each run of a question's raw words (raw_words, an object pronoun between a verb and its
    particle left out) that matches a phrase keyed as written; the longest first, never overlapping.

    Args:
        question: the question.
        keys: the lexicon (or any container of its keys).

    Returns:
        Spans over the list ``phrase_words(question)`` returns (a verb whose particle the question strands at its end
        spans the verb alone).
    """
    words = phrase_words(question)
    used = [False] * len(words)
    out = []
    for size in range(MAX_WORDS, 1, -1):
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            if any(used[i : i + size]) or content_count(run) != 1:
                continue
            key = next((k for k in _keys_of(run) if k in keys), None)
            if key is not None:
                out.append((i, i + size, key))
                used[i : i + size] = [True] * size
    # A wh-question strands its verb's particle at the end ('What did Xiangtan list pollution control as?', 'Which
    # system did Nanyang roll out?'): it pairs with the nearest word before it that makes a phrase with it.
    if len(words) >= 3 and words[-1] in EN_STOPWORDS | PARTICLES and not used[-1]:
        for j in range(len(words) - 2, max(len(words) - 2 - STRANDED_REACH, -1), -1):
            if used[j] or words[j] in EN_STOPWORDS:
                continue
            key = next((k for k in _keys_of([words[j], words[-1]]) if k in keys), None)
            if key is not None:
                out.append((j, j + 1, key))
                break
    return sorted(out)


def compound_key(word: str, keys) -> str:
    """The key of the phrasal verb a compound noun is written from ('shutdown' → 'shut down', 'cleanup' → 'clean up',
    'setup' → 'set up'), or '' when the word is no such compound of a key."""
    for particle in PARTICLES:
        verb = word[: -len(particle)]
        if word.endswith(particle) and len(verb) >= 3:
            key = next((k for k in _keys_of([verb, particle]) if k in keys), None)
            if key is not None:
                return key
    return ""


def phrase_words(question: str) -> list[str]:
    """raw_words of a question without an object pronoun between a word and a particle ('track them down')."""
    words = raw_words(question)
    return [
        w for i, w in enumerate(words)
        if not (w in OBJECTS and 0 < i < len(words) - 1 and words[i + 1] in PARTICLES and words[i - 1] not in EN_STOPWORDS)
    ]


def particle_of_verb(words: list[str], i: int) -> bool:
    """Whether words[i] (of phrase_words) is a particle that follows a content word: part of a phrasal verb, never a
    content word of its own ('down' of 'track down', 'back' of 'cut back')."""
    return words[i] in PARTICLES and i > 0 and words[i - 1] not in EN_STOPWORDS and words[i - 1] not in PARTICLES
