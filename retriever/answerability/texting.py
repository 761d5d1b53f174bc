"""The casual texter's English (session 23, readers19): lower case, no apostrophes, chat abbreviations.

"whats the deal w/ dalian's boilers lol how many did they actually tear out", "how many full-time grid ppl", "the
ministry n the hunan dept", "idk if this is in there but how old is …", "is it 24/7 … or nah". Read as typed, the
abbreviations are words the text never writes (ppl, smth, w), a question word loses its own form (whats is no what),
and a reaction (lol, tbh) or a hedge (idk if this is in there but) adds words that ask nothing. ``untexted`` writes the
question out: the chat abbreviations in full (u → you, w/ → with, ppl → people, yrs → years, smth → something,
bc → because, n → and between words), a question word or auxiliary glued to its verb in full (whats → what is,
hows → how is, didnt → didn't, im → I'm), the reactions off (lol, lmao, tbh, imo, btw, fyi, ngl; a closing tho; or
nah → or not), the hedge before the question off (idk if this is in there but, not sure if …, but), and a topic set
up as "what's the deal with X" kept as the topic of the question after it (X, how many …).

Only lower-case words are read so (an acronym in capitals stays what it is); general English chat, nothing here is
about one text.
"""

from __future__ import annotations

import re

_FULL = {
    "u": "you", "ur": "your", "ya": "you", "ppl": "people", "yrs": "years", "yr": "year", "mos": "months",
    "smth": "something", "sth": "something", "smthn": "something", "abt": "about", "bc": "because", "b/c": "because",
    "cuz": "because", "coz": "because", "thru": "through", "govt": "government", "dept": "department", "depts": "departments",
    "w/": "with", "w/o": "without",
    "wanna": "want to", "gonna": "going to", "gotta": "have to", "kinda": "kind of", "sorta": "sort of",
    "rn": "right now", "idk": "i don't know", "dunno": "don't know", "whats": "what is", "hows": "how is",
    "whos": "who is", "wheres": "where is", "whens": "when is", "whys": "why is", "thats": "that is",
    "theres": "there is", "im": "i'm", "ive": "i've", "dont": "don't", "doesnt": "doesn't", "didnt": "didn't",
    "isnt": "isn't", "wasnt": "wasn't", "arent": "aren't", "werent": "weren't", "havent": "haven't",
    "hasnt": "hasn't", "hadnt": "hadn't", "cant": "can't", "couldnt": "couldn't", "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
}
_REACTIONS = r"lol|lmao|lmfao|rofl|haha+|hehe+|tbh|imo|imho|btw|fyi|ngl|jk|smh|omg"
_WORD = re.compile(r"(?<![\w/'’])(w/o|w/|b/c|[a-z]+)(?![\w/'’])")
_REACTION = re.compile(rf"(?<![\w'’])(?:{_REACTIONS})(?![\w'’])[\s,.!]*")
_AND = re.compile(r"(?:(?<=[a-z]) |^)n (?=[a-z])")  # the ministry n the hunan dept; n how many … (a follow-up)
_NAH = re.compile(r"\bor nah\b")
_THO = re.compile(r"[\s,]+tho(?:ugh)?\s*(?=[?.!]*$)")
_HEDGE = re.compile(
    r"^\s*(?:i don't know|not sure|no idea)\s+(?:if|whether)\b[^?,]*?(?:,\s*but|\s+but|,)\s+(?=\w)"
)
_HEDGED_TOPIC = re.compile(  # idk much about jining but how many …: the topic stays, the hedge goes
    r"^\s*(?:i don't know|not sure about|don't know) (?:much|anything|a lot|a thing|too much) (?:about|of) ([^?,]+?),?"
    r"\s+but\s+(?=\w)"
)
_DEAL = re.compile(
    r"^\s*(?:so\s+)?what is (?:the (?:deal|story|situation|thing)|up) with ([^?,]+?)[,\s]+"
    r"(?=(?:how|what|who|when|where|which|why|did|does|do|is|are|was|were)\b)"
)


def texted(question: str) -> bool:
    """Whether a question is written as a texter writes: no capital letter and no Chinese character."""
    return not re.search(r"[A-Z\u4e00-\u9fff]", question)


def untexted(question: str) -> str:
    """The texter's question written out (see the module); as typed when it has capitals or Chinese characters."""
    if not texted(question):
        return question
    text = _WORD.sub(lambda m: _FULL.get(m.group(1), m.group(1)), question)
    text = _AND.sub(lambda m: " and " if m.start() else "and ", text)
    text = _NAH.sub("or not", text)
    text = _REACTION.sub(" ", text)
    text = _THO.sub("", text)
    text = _HEDGE.sub("", text)
    text = _HEDGED_TOPIC.sub(r"\1, ", text)
    text = _DEAL.sub(r"\1, ", text)
    text = re.sub(r"\s+([,?.!])", r"\1", re.sub(r"\s{2,}", " ", text)).strip(" ,")
    text = _NAME_WORD.sub(lambda m: m.group(0).capitalize() if _proper_name(m.group(0)) else m.group(0), text)
    return text if re.search(r"[a-z0-9]", text) else question


_NAME_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w-])")


def _proper_name(word: str) -> bool:
    """A lower-case word that is the English name of a place or person (CC-CEDICT heads a proper name's gloss with it:
    hanoi, dalian) and no English word: the texter writes names in lower case, and the place and name checks read a
    name by its capital (what is a good pho place in hanoi asks of a city the text never names)."""
    from index.homophones import _proper_names
    from index.lexicon import _english_words
    from index.wordforms import light_stem

    return word in _proper_names()[0] and light_stem(word) not in _english_words() and word not in _english_words()
