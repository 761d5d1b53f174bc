"""The query side of the bilingual lexicon (index/lexicon.py): a question's English and pinyin words mapped
to the index's Chinese BM25 terms, to ``en:`` gloss tokens, and pinyin names written in characters.

A question's content words are its English words without stopwords and question framing
(index.stopwords.EN_QUERY_FILLER: 'say', 'happen', 'someone'); each is looked up by its base form
(index.wordforms: 'sources' → source, 'held' → hold), and a hyphenated word that is no key by itself
by its parts ('South-to-North' → south, north).
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.homophones import name_terms, named_keys
from index.lexicon import NAMES_KEY, _en_token, english_vocabulary, english_words
from index.phrases import compound_key, particle_of_verb, phrase_words, written_spans
from index.place_names import place_names, write_place_names
from index.stopwords import EN_LIGHT_VERBS, EN_QUERY_FILLER, EN_STOPWORDS
from index.wordforms import key_of, ordinal_terms, stem


def content_words(question: str, lexicon: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(word, lexicon key) of each content word of a question, in order.

    Args:
        question: the question (any language; only its English words count).
        lexicon: the index's lexicon (its keys decide which base form a word looks up).
    """
    out = []
    for word in english_words(question):
        if word in EN_QUERY_FILLER:
            continue
        key = word_key(word, lexicon)
        if "-" in word and key not in lexicon:
            parts = [p for p in word.split("-") if len(p) > 1 and p not in EN_STOPWORDS and p not in EN_QUERY_FILLER]
            out += [(p, word_key(p, lexicon)) for p in parts]
            continue
        out.append((word, key))
    return out


def word_key(word: str, lexicon: dict[str, list[str]]) -> str:
    """The lexicon key of one English word: its base form's stem (index.wordforms.key_of), or the phrasal verb a compound
    noun is written from ('shutdown' → 'shut down': index.phrases.compound_key)."""
    key = key_of(word, lexicon, stem)
    if key == word.lower() and spelled(key, lexicon.get(key, ())) and english_inflection(key, lexicon):
        # 'guiding' spells 规定's pinyin but means guide: its English key
        key = key_of(word, _Without(lexicon, key), stem)
    return key if key in lexicon else (compound_key(word, lexicon) or key)


class _Without:
    """A lexicon's keys less one (the pinyin reading of an English word, for key_of)."""

    def __init__(self, lexicon: dict[str, list[str]], left_out: str) -> None:
        self.lexicon, self.left_out = lexicon, left_out

    def __contains__(self, key: object) -> bool:
        return key != self.left_out and key in self.lexicon


MIN_SPLIT_SYLLABLES = 3  # a pinyin word is split into known words only when it spells at least this many syllables


def pinyin_pieces(word: str, lexicon: dict[str, list[str]]) -> list[tuple[str, list[str]]] | None:
    """A pinyin word that is no key, split into the pinyin of index terms and leftover syllables
    ('wanggeyuan' → [('wangge', ['网格']), ('yuan', [])]); None when no such split covers most of it.

    Typed pinyin runs words together; the lexicon only keys whole index terms (网格, not 网格员).
    """
    from index.pinyin import syllable_count, syllables

    word = word.lower()
    if (word in lexicon or syllable_count(word) < MIN_SPLIT_SYLLABLES or word in english_vocabulary(lexicon)
            or english_inflection(word, lexicon)):
        return None
    n = len(word)
    # best[i]: (characters of word[:i] covered by keys, fewest pieces, the pieces), None when word[:i] has no split
    best: list[tuple[int, int, list] | None] = [(0, 0, [])] + [None] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 24), end):
            if best[start] is None:
                continue
            piece = word[start:end]
            terms = spelled(piece, lexicon.get(piece, ())) if len(piece) >= 4 and syllable_count(piece) >= 2 else None
            if not terms and piece not in syllables():
                continue
            covered, count, pieces = best[start]
            option = (covered + (len(piece) if terms else 0), count + 1, pieces + [(piece, list(terms or []))])
            if best[end] is None or (option[0], -option[1]) > (best[end][0], -best[end][1]):
                best[end] = option
    if best[n] is None or 2 * best[n][0] < n or not any(terms for _, terms in best[n][2]):
        return None
    return best[n][2]


def spelled(key: str, terms) -> list[str]:
    """Those of a key's terms that the key spells in pinyin ('nanyang' → 南阳): a lexicon key is also an English gloss
    stem ('guidelin' → 导则, 'along' → 沿着), which is no pinyin of its terms."""
    return [t for t in terms if key in _spellings(t)]


@lru_cache(maxsize=1 << 14)
def _spellings(term: str) -> frozenset[str]:
    from index.pinyin import spellings

    return frozenset(spellings(term))


MIN_BASE_LETTERS = 4  # an inflection's base form this long or longer is English (guide of guiding; not jin of Jining)


def english_inflection(word: str, lexicon: dict[str, list[str]]) -> bool:
    """Whether a word that spells pinyin is an inflection of a common English word ('guiding' of guide, 'longing' of
    long): the pinyin of a term it also spells (规定 guiding) is not what it means. A name whose ending only looks like
    one ('Jining': jin, 'Liaoning') is not: the base form must be MIN_BASE_LETTERS letters or more."""
    from index.wordforms import base_forms

    vocabulary = english_vocabulary(lexicon)
    low = word.lower()
    return any(len(f) >= MIN_BASE_LETTERS and f in vocabulary for f in base_forms(low)[1:])


def translate(question: str, lexicon: dict[str, list[str]], written: str | None = None) -> list[str]:
    """Chinese BM25 terms for an English question: gloss phrases first, then single words and pinyin.

    A light verb ('taking' → take, index.stopwords.EN_LIGHT_VERBS) gives no terms of its own, only in a gloss
    phrase ('take charge'); an ordinal gives the index's form of the Chinese one ('first' → 第, 1).

    A speaker's name that is no BM25 term ('Su Guojun' → 苏国军) gives the terms it is written with (苏, 国军). A place
    written in pinyin with an English generic ('Xiang River' → 湘江, index/place_names.py) gives its term alone.
    A capitalised name that only sounds like a common word of the text ('Shanghai', not 伤害: index/homophones.py)
    gives no term; written is the question as typed (its case), when question was lower-cased.
    """
    return list(dict.fromkeys(t for _, terms in translations(question, lexicon, written) for t in terms))


def translations(question: str, lexicon: dict[str, list[str]], written: str | None = None) -> list[tuple[str, list[str]]]:
    """(English word or phrase, its Chinese terms) of each content word or gloss phrase of a question, in the order
    translate() gives them (see there)."""
    named = named_keys(question if written is None else written, lexicon)
    pairs = content_words(question, lexicon)
    words = [w for w, _ in pairs]
    keys = [k for _, k in pairs]
    stems = [stem(w) for w in words]  # a gloss phrase keys its words' stems ('liaon province' of Liaoning Province)
    found: list[tuple[str, list[str]]] = []
    used = [False] * len(keys)
    for name in place_names(question, lexicon):  # 'Xiang River' → 湘江: its words name the place, nothing else
        found.append((" ".join(name.words), list(name.terms)))
        for word in name.words:
            at = next((i for i, w in enumerate(words) if w == word and not used[i]), None)
            if at is not None:
                used[at] = True
    raw = phrase_words(question)
    for start, end, key in written_spans(question, lexicon):  # 'clean up', 'at the source': keyed as written
        found.append((" ".join(raw[start:end]), list(lexicon[key])))
        for word in raw[start:end]:
            at = next((i for i, w in enumerate(words) if w == word and not used[i]), None)
            if at is not None:
                used[at] = True
    particles = {raw[i] for i in range(len(raw)) if particle_of_verb(raw, i)}
    for size in (4, 3, 2):
        for i in range(len(keys) - size + 1):
            if any(used[i : i + size]):
                continue
            phrase = next((p for p in (" ".join(keys[i : i + size]), " ".join(stems[i : i + size])) if p in lexicon), None)
            if phrase is not None:
                found.append((" ".join(words[i : i + size]), list(lexicon[phrase])))
                used[i : i + size] = [True] * size
    for i, (word, key) in enumerate(pairs):
        if used[i] or word in particles:  # a verb's particle ('back' of 'cut back') means nothing alone
            continue
        terms: list[str] = []
        if key not in EN_LIGHT_VERBS:  # a light verb's glosses are scattered senses (index.stopwords)
            terms.extend(name_terms(key, lexicon.get(key, []), named, lexicon))
        terms.extend(ordinal_terms(word))
        pinyin = re.sub(r"[^a-z]", "", word)
        if pinyin != key and not english_inflection(pinyin, lexicon):
            terms.extend(name_terms(pinyin, lexicon.get(pinyin, []), named, lexicon))
        if not lexicon.get(key) and not lexicon.get(pinyin):
            terms.extend(t for _, pieces in pinyin_pieces(pinyin, lexicon) or () for t in pieces)
        if terms:
            found.append((word, terms))
    # Names written as separate syllable groups: 'Zhang Haibing' -> zhanghaibing, 'Ou Jinxiong' -> oujinxiong.
    for i in range(len(words) - 1):
        joined = name_terms(words[i] + words[i + 1], lexicon.get(words[i] + words[i + 1], []), named, lexicon)
        if joined:
            found.append((f"{words[i]} {words[i + 1]}", joined))
    names = lexicon.get(NAMES_KEY) or ()
    if names:
        from index.tokenize import tokenize

        found = [(source, [t for term in terms for t in (tokenize(term) if term in names else [term])])
                 for source, terms in found]
    return found


def query_english(question: str, lexicon: dict[str, list[str]] | None = None) -> list[str]:
    """The ``en:`` tokens of a question's English: each content word's key, and each run of two or three.

    Without a lexicon, every English word counts and is looked up by its stem alone.
    """
    if lexicon is None:
        keys = [stem(w) for w in english_words(question)]
    else:
        keys = [k for _, k in content_words(question, lexicon)]
    out = [_en_token(k) for k in keys]
    for size in (2, 3, 4):
        out += [_en_token(" ".join(keys[i : i + size])) for i in range(len(keys) - size + 1)]
    if lexicon is not None:
        out += [_en_token(key) for _, _, key in written_spans(question, lexicon)]
    return list(dict.fromkeys(out))


def hanzi_for_pinyin(question: str, lexicon: dict[str, list[str]]) -> str:
    """The question with its pinyin names written in characters ('dalian guolu 拆了多少' → '大连 锅炉 拆了多少').

    A run of one to three Latin words is replaced when, joined, it spells the pinyin of one transcript
    term (the shortest, when the others extend it: 南阳 of 南阳市); a lone word that is also common
    English ('long') is left alone. A word that runs pinyin words together ('wanggeyuan') has its
    known parts written in characters ('网格 yuan', pinyin_pieces). A capitalised name that only sounds like a common
    word of the text stays as written ('Shanghai', not 伤害: index/homophones.py).
    """
    from index.pinyin import is_pinyin

    named = named_keys(question, lexicon)
    question = write_place_names(question, lexicon)  # 'the Xiang River' → 'the 湘江' (index/place_names.py)
    matches = list(re.finditer(r"[A-Za-z]+", question))
    out, last, i = [], 0, 0
    while i < len(matches):
        for size in (3, 2, 1):
            group = matches[i : i + size]
            if len(group) < size or any(question[a.end() : b.start()].strip() for a, b in zip(group, group[1:])):
                continue
            key = "".join(m.group(0).lower() for m in group)
            terms = sorted(spelled(key, name_terms(key, lexicon.get(key, []), named, lexicon)), key=len)
            if len(key) < 4 or not terms or not all(t.startswith(terms[0]) for t in terms) or not is_pinyin(key):
                continue  # none, or several different terms (南阳 and 南阳市 are one)
            if size == 1 and (key in english_vocabulary(lexicon) or english_inflection(key, lexicon)):
                continue
            out.append(question[last : group[0].start()] + terms[0])
            last, i = group[-1].end(), i + size
            break
        else:
            pieces = pinyin_pieces(matches[i].group(0), lexicon)
            if pieces:
                written = " ".join(_one_term(terms) or piece for piece, terms in pieces)
                out.append(question[last : matches[i].start()] + written)
                last = matches[i].end()
            i += 1
    return "".join(out) + question[last:]


def _one_term(terms: list[str]) -> str:
    """The one term a pinyin key stands for (the shortest, when the others extend it), or ''."""
    terms = sorted(terms, key=len)
    return terms[0] if terms and all(t.startswith(terms[0]) for t in terms) else ""

